"""Who said it: speaker phrases around a cue, and their entities.

No parser is required (the shipped model may or may not have one), so the subject of a cue verb is
found from German word order, which is regular enough for news prose: in a main clause the finite
verb comes second, so the subject either precedes the verb (``Sergei Lawrow erklärte``) or, when
something else is fronted (``Am Montag sagte Blinken``, ``„…“, sagte er``), follows it. Where the
model tags and parses, the tags tell a fronted adverbial from a subject and the parser's ``nsubj``
breaks ties between the phrases word order offers (``QuoteLayer._subject``); the parse alone is not
trusted, since it often calls a fronted object the subject. A speaker
phrase is a run of capitalised words, articles, genitive links and attributive adjectives. Entities
from ``doc._.entities`` are then looked up inside that phrase (or in an apposition naming the holder
of an office phrase); a pronoun is resolved to the most recent person who spoke — unless a person
has opened a sentence since, the new subject — else the latest person named.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from ..record import Entity
from .docext import entities_of
from .quotes_lexicon import QuoteLexicon

_ADJ_END = re.compile(r"(e|en|er|es|em)$")
#: determiners that cannot open a genitive attribute: after a noun they start the next phrase
_NON_GENITIVE = frozenset(
    {
        "die",
        "das",
        "den",
        "dem",
        "ein",
        "eine",
        "einen",
        "einem",
        "sein",
        "seine",
        "seinen",
        "seinem",
        "ihr",
        "ihre",
        "ihren",
        "ihrem",
    }
)
#: relative pronouns that can be the subject of a cue (`…, der sagte, …`)
_RELATIVE = frozenset({"der", "die", "das", "welcher", "welche", "welches"})
_DEMONYM = re.compile(r"(ischen|ischer|isches|ischem|ische|isch|schen|scher|sches|schem|sche)$")


def _consonants(word: str) -> str:
    return "".join(ch for ch in word if ch.isalpha() and ch not in "aeiouäöüy")


@dataclass
class SpeakerPhrase:
    """A stretch of tokens naming the speaker (token indices, end exclusive)."""

    start: int
    end: int


def is_word(tok: Token) -> bool:
    return any(ch.isalpha() for ch in tok.text)


#: a name written with a lower-case article or particle joined by a hyphen (`al-Dschasira`, `el-Sisi`)
_PARTICLE_NAME = re.compile(r"^(al|el|ad|ar|as|at|az|an|ash|ech|ben|bin|ibn|abu)-[A-ZÄÖÜ]")


def is_capitalised(tok: Token) -> bool:
    """Whether a token starts like a name: upper case, a digit, or `al-`/`el-` before a capital."""
    text = tok.text
    return text[:1].isupper() or text[:1].isdigit() or (text[:1] in "aebi" and _PARTICLE_NAME.match(text) is not None)


#: `the 52-year-old` closing a phrase: an English age used as a noun
_AGE_NOUN = re.compile(r"\b\d+\s*-\s*year\s*-\s*old$", re.IGNORECASE)


def _aged(word: str) -> bool:
    """`81-jährige`: an age used as a noun names a person though it starts with a digit."""
    return word[:1].isdigit() and "-jährig" in word.lower()


def _adjectives_then_noun(doc: Doc, j: int, end: int) -> bool:
    """`das deutsche Organisationskomitee`, `der 81-jährige`: after an article, one or two
    attributive adjectives (or a nominalised one) lead to the noun."""
    for m in range(j, min(end, j + 3)):
        tok = doc[m]
        if tok.tag_ in {"ADJA", "ADJD"} or (not tok.tag_ and _ADJ_END.search(tok.lower_)):
            if _aged(tok.text) and m + 1 < end and not is_capitalised(doc[m + 1]):
                return True  # `der 81-jährige` stands for a person on its own
            continue
        return m > j and is_capitalised(tok) and tok.tag_ in {"NN", "NE", ""}
    return False


def outlet_name(words: list[str], lex: QuoteLexicon) -> bool:
    """Whether lower-cased ``words`` are an outlet of ``quotes_media.toml``, read also with the
    adjective endings of the dative undone (`Rheinischen Post` → `rheinische post`), on every word
    or on all but the last, whose own ending is the noun's (`Oberösterreichischen Nachrichten` →
    `oberösterreichische nachrichten`)."""
    name = " ".join(words)
    if name in lex.media_names:
        return True
    if re.sub(r"(?<=[a-zäöüß])(en|er)\b", "e", name) in lex.media_names:
        return True
    if len(words) < 2:
        return False
    adjectives = " ".join(re.sub(r"(?<=[a-zäöüß])(en|er)$", "e", w) for w in words[:-1])
    return f"{adjectives} {words[-1]}" in lex.media_names


def _dative_outlet(doc: Doc, i: int, j: int, end: int, lex: QuoteLexicon) -> bool:
    """After a speech verb, `der` at token ``j`` opens a dative outlet, not a genitive of the
    phrase ``[i, j)``: it is followed by a medium noun or an outlet's name (`der „Süddeutschen
    Zeitung“`, `der Rheinischen Post`) and the phrase names a person (a person entity, `die
    SPD-Politikerin`, `der Minister`), who is not part of a paper as its staff are (`der
    Chefredakteur der Süddeutschen Zeitung`: ``[speaker] media_staff``)."""
    heads = [t for t in doc[i:j] if is_capitalised(t)]
    if not heads or heads[-1].lower_.endswith(lex.media_staff):
        return False
    people = {w for ent in entities_of(doc) if ent.type == "PER" for w in ent.name.split()}
    person = any(t.ent_type_ == "PER" or t.text in people for t in doc[i:j]) or heads[-1].lower_.endswith(
        lex.person_descriptions + lex.agent_heads
    )
    if not person:
        return False
    words: list[str] = []
    for k in range(j + 1, min(end, j + 6)):
        t = doc[k]
        if t.text in {"„", "“", '"', "»", "«", "-"}:
            continue
        if not is_capitalised(t) and not (words == [] and _ADJ_END.search(t.lower_)):
            break
        words.append(t.lower_)
        if t.lower_ in lex.medium_nouns or outlet_name(words, lex):
            return True
    return False


def phrase_after(doc: Doc, i: int, end: int, lex: QuoteLexicon) -> SpeakerPhrase | None:
    """The noun phrase starting at token ``i`` (skipping ``sich``/``es``), up to ``end``."""
    while i < end and doc[i].lower_ in {"sich", "es", "dabei", "jedoch", "aber", "auch", "nun"}:
        i += 1
    if i >= end:
        return None
    tok = doc[i]
    if tok.text in lex.pronouns or tok.lower_ in lex.pronouns:
        return SpeakerPhrase(i, i + 1)
    j = i
    seen_noun = False
    end = min(end, i + 15)  # a speaker phrase is short; bounded work on odd input
    while j < end:
        t = doc[j]
        low = t.lower_
        if t.is_space:
            break
        if t.text in "()" and seen_noun:
            # a party or abbreviation in brackets: `Renate Schmidt (SPD)`
            if t.text == "(" and j + 2 < end and doc[j + 2].text == ")":
                j += 3
                continue
            break
        if t.is_punct and t.text not in {"-", "„", "“", '"', "»", "«"}:
            break
        if seen_noun and low in lex.np_inner and j + 1 < end and doc[j + 1].lower_ in lex.medium_nouns:
            break  # `eine Sprecherin des Ministeriums der Nachrichtenagentur AFP`: the dative medium
        if seen_noun and low in lex.dative_articles and _dative_outlet(doc, i, j, end, lex):
            break  # `sagte die SPD-Politikerin der „Süddeutschen Zeitung“`: told the paper
        article = (
            low in lex.np_inner
            and j + 1 < end
            and (
                is_capitalised(doc[j + 1])
                or _adjectives_then_noun(doc, j + 1, end)
                or (
                    doc[j + 1].text in {"„", '"', "»"} and j + 2 < end and is_capitalised(doc[j + 2])
                )  # `das „Institut“`
            )
        )
        if low in lex.stop_words and not article and not (is_capitalised(t) and j == i and low not in lex.fronting):
            break  # `das` stops a phrase unless it is the article of a noun (`begründet das Gericht`)
        if is_capitalised(t) or t.text in {"„", "“", '"', "»", "«"}:
            seen_noun = seen_noun or is_capitalised(t)
            j += 1
            continue
        prev = doc[j - 1]
        if (
            low in _NON_GENITIVE
            and seen_noun
            and j > i
            and (prev.tag_ in {"NN", "NE"} or (not prev.tag_ and is_capitalised(prev)))
        ):
            break  # `das Gericht seine Entscheidung`, `Merkel den Journalisten`: a new phrase, an object
        if low in lex.np_inner:
            j += 1
            continue
        # an attributive adjective before a noun: `russische`, `nationalen`
        if (
            _ADJ_END.search(low)
            and low not in lex.cue_verbs
            and low not in lex.auxiliaries
            and low not in lex.konjunktiv  # (`müssten`, which the tagger sometimes calls an adjective)
            and not t.tag_.startswith("V")  # `nannte den …`: a verb, not an adjective
            and (
                (j + 1 < end and is_capitalised(doc[j + 1]))
                or (j + 2 < end and _ADJ_END.search(doc[j + 1].lower_) and is_capitalised(doc[j + 2]))
            )
        ):
            j += 1
            continue
        break
    # do not end on an article or link word
    while j > i and (doc[j - 1].lower_ in lex.np_inner or doc[j - 1].text in {"„", '"', "»"}):
        j -= 1
    if j == i or not any(doc[k].text[:1].isupper() or _aged(doc[k].text) for k in range(i, j)):
        return None  # a speaker phrase names someone: at least one capitalised word (not `1997`)
    return SpeakerPhrase(i, j)


def phrase_before(doc: Doc, start: int, cue: int, lex: QuoteLexicon) -> SpeakerPhrase | None:
    """The subject before a cue verb in verb-second order: from the clause start to the verb."""
    if cue <= start:
        return None
    i = cue - 1
    start = max(start, cue - 15)
    # walk back over the noun phrase
    while i >= start:
        t = doc[i]
        if t.is_space or (t.is_punct and t.text not in {"-", ")", "(", "„", "“", '"'}):
            break
        if t.lower_ in lex.stop_words and not is_capitalised(t):
            break
        adjective = _ADJ_END.search(t.lower_) and i + 1 < cue and is_capitalised(doc[i + 1])
        # a hyphen inside a name the tokenizer split (`Al-Mansouri`, `Okello-Mbeya`)
        hyphen = t.text == "-" and i - 1 >= start and is_capitalised(doc[i - 1]) and is_capitalised(doc[i + 1])
        if not (is_capitalised(t) or t.lower_ in lex.np_inner or adjective or hyphen or t.text in '()„“"'):
            break
        i -= 1
    first = i + 1
    while first < cue and (doc[first].text in {")", "“", '"'} or doc[first].lower_ in {"und", "von", "aus", "für"}):
        first += 1
    if first >= cue or not any(is_capitalised(doc[k]) for k in range(first, cue)):
        return None
    if doc[first].lower_ in lex.fronting:
        return None
    return SpeakerPhrase(first, cue)


def _after_titles(doc: Doc, k: int, ent: Entity) -> bool:
    """Whether token ``k`` follows nothing in its sentence but a role of ``ent`` (`Prime Minister
    Mark Carney`, `Außenministerin Annalena Baerbock`): a name behind its titles opens the
    sentence as its subject does."""
    if k == 0:
        return False
    start = doc[k].sent.start_char
    return any(r.start == start and 0 <= doc[k].idx - r.end <= 1 for r in ent.roles)


#: dependency labels (Universal Dependencies) of a clause that is not the sentence's main clause
#: (`dep`: the parser's label for a clause it could not place, often a `dass` clause)
_EMBEDDED_DEPS = frozenset(
    {"ccomp", "acl", "acl:relcl", "advcl", "csubj", "csubj:pass", "parataxis", "xcomp", "conj", "nmod", "obl", "dep"}
)


def _parsed_main_subject(doc: Doc, k: int, lex: QuoteLexicon) -> bool:
    """Whether the name at token ``k`` is the parsed subject of its sentence's main clause
    (`Dann wurde Trump laut.`, `Ebenso äußerte sich Hamasführer Ismail Haniyya.`): in news prose
    the person a following `er`/`sie` refers to, even when an adverb opens the sentence. A name
    after a quotation mark in its sentence is not counted (the subject of words quoted)."""
    if not doc.has_annotation("DEP"):
        return False
    tok = doc[k]
    steps = 0
    while tok.dep_ in {"appos", "flat", "flat:name", "compound"} and tok.head.i != tok.i and steps < 4:
        tok, steps = tok.head, steps + 1
    if not tok.dep_.startswith("nsubj"):
        return False
    head = tok.head
    while head.dep_ != "ROOT" and head.head.i != head.i:
        if head.dep_ in _EMBEDDED_DEPS:
            return False  # the subject of a clause inside the sentence (`…, dass die Kommission Ghani …`)
        head = head.head
    marks = lex.marks
    return not any(t.text in marks for t in doc[tok.sent.start : k])


class _SpanIndex:
    """Character spans sorted by start, for the spans overlapping a range in logarithmic time
    (plus the spans returned): a speaker lookup per quote must not scan every mention."""

    def __init__(self, spans: Iterable[tuple[int, int, int, Entity]]) -> None:
        self._spans = sorted(spans, key=lambda x: (x[0], x[1], x[2]))
        self._starts = [x[0] for x in self._spans]
        self._longest = max((x[1] - x[0] for x in self._spans), default=0)

    def overlapping(self, start: int, end: int) -> list[tuple[int, int, int, Entity]]:
        """Spans ``(start, end, entity order, entity)`` that overlap ``[start, end)``."""
        lo = bisect.bisect_left(self._starts, start - self._longest)
        hi = bisect.bisect_left(self._starts, end)
        return [x for x in self._spans[lo:hi] if x[1] > start and x[0] < end]


class SpeakerResolver:
    """Maps speaker phrases to entities and resolves pronouns for one document."""

    def __init__(self, doc: Doc, lex: QuoteLexicon) -> None:
        self.doc = doc
        self._text = doc.text  # Doc.text joins all tokens on every access: once per document
        self.lex = lex
        self.entities = entities_of(doc)
        self._per: list[tuple[int, Entity]] = sorted(
            (m.start, e) for e in self.entities if e.type == "PER" for m in e.mentions
        )
        self._per_starts = [s for s, _ in self._per]
        self._mentions = _SpanIndex((m.start, m.end, n, e) for n, e in enumerate(self.entities) for m in e.mentions)
        self._roles = _SpanIndex((r.start, r.end, n, e) for n, e in enumerate(self.entities) for r in e.roles)
        self.recent_speakers: list[tuple[int, Entity]] = []  # (char offset, entity) of speakers
        # person mentions that open a sentence: in news prose the sentence's subject
        self._subjects: list[tuple[int, Entity]] = []
        if self._per and doc.has_annotation("SENT_START"):
            starts = [t.idx for t in doc]
            for pos, ent in self._per:
                k = bisect.bisect_left(starts, pos)
                if k == len(doc) or starts[k] != pos:
                    continue
                if (
                    doc[k].is_sent_start
                    or (k > 0 and "\n" in doc[k - 1].text_with_ws)
                    or _after_titles(doc, k, ent)
                    or _parsed_main_subject(doc, k, lex)
                ):
                    self._subjects.append((pos, ent))
        self._subject_starts = [p for p, _ in self._subjects]
        self._sentences: list[int] = [sent.start_char for sent in doc.sents] if doc.has_annotation("SENT_START") else []
        self._form_table: dict[int, tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]] = {}
        self._genders: dict[int, str | None] = {}
        self._descriptor_table: dict[int, frozenset[str]] = {}
        self._surnames: dict[str, Entity | None] | None = None
        self._last_note: tuple[int, Entity | None, str | None] | None = None
        self._org_heads: dict[str, Entity | None] | None = None

    def add_entity(self, ent: Entity) -> None:
        """Make an entity the quote layer found itself (an outlet the entity layer missed) known to
        later lookups in this document."""
        self.entities.append(ent)
        n = len(self.entities) - 1
        self._mentions = _SpanIndex([*self._mentions._spans, *((m.start, m.end, n, ent) for m in ent.mentions)])

    def _forms(self, ent: Entity) -> tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]:
        """An entity's distinct role titles and mention texts, case-folded, and the texts' consonant
        skeletons (built once: a long text repeats the same few forms thousands of times)."""
        forms = self._form_table.get(id(ent))
        if forms is None:
            texts = tuple(dict.fromkeys(m.text.casefold() for m in ent.mentions))
            titles = tuple(dict.fromkeys(r.title.casefold() for r in ent.roles))
            forms = self._form_table[id(ent)] = (titles, texts, tuple(_consonants(t) for t in texts))
        return forms

    def entity(self, phrase: SpeakerPhrase) -> Entity | None:
        """The entity a phrase names: a mention inside it, a pronoun's antecedent, or a country
        adjective of a place entity (`von russischer Seite` → Russia)."""
        doc = self.doc
        span = doc[phrase.start : phrase.end]
        if len(span) == 1 and (span.text in self.lex.pronouns or span.text.lower() in self.lex.pronouns):
            return self.antecedent(span.start_char, gender=self.pronoun_gender(span.text))
        if len(span) == 1 and span.start > 0 and doc[span.start - 1].text == "," and span[0].lower_ in _RELATIVE:
            # `Reinhard Bütikofer, Parteivorsitzender der Grünen, der sagte, …`: a relative pronoun
            # stands for the person or organisation named just before its comma
            return self._before_comma(span.start - 1)
        found = self._best_mention(span.start_char, span.end_char)
        if found is None or found.type == "LOC" or (found.type == "ORG" and self._attribute_only(span, found)):
            # (`die Fraktionschefin der Grünen, Renate Künast,`: the party is an attribute of the
            # office whose holder the apposition names)
            # `die Premierministerin von Queensland, Anna Bligh,`: the office's holder is named
            # in the apposition after it; the place inside the phrase is not the speaker
            named = self._apposition(span.end)
            if named is not None:
                return named
        if found is None:
            named = self._apposition_after_place(span.end)
            if named is not None:
                return named
        if found is not None:
            return found
        if len(span) <= 2 and span[-1].text[:1].isupper():
            named = self.surname(span[-1].text)
            if named is not None:
                return named  # `Trump` where the entity layer marked only `Donald Trump`
        if span[0].lower_ in self.lex.possessives:
            # `Seiner Meinung nach`, `Ihren Angaben zufolge`: the person referred to before
            return self.antecedent(span.start_char)
        return (
            self._description(span)
            or self._spokesperson_of(span)
            or self._person_description(span)
            or self._demonym(span)
            or self._genitive_description(span)
            or self._body_word(span)
        )

    def _body_word(self, span) -> Entity | None:
        """`A Commission spokesperson`, `ein Sprecher der Kommission`: an unnamed speaker whose
        phrase holds the last word of exactly one organisation's name (`European Commission`)
        speaks for it. Only phrases that open with an indefinite article (``unnamed_articles``)."""
        if len(span) < 2 or span[0].lower_ not in self.lex.unnamed_articles:
            return None
        if self._org_heads is None:
            table: dict[str, Entity | None] = {}
            for ent in self.entities:
                words = ent.name.split()
                if ent.type == "ORG" and len(words) > 1 and len(words[-1]) > 3 and words[-1][:1].isupper():
                    table[words[-1]] = ent if table.get(words[-1], ent) is ent else None
            self._org_heads = table
        for tok in span[1:]:
            found = self._org_heads.get(tok.text)
            if found is not None:
                return found
        return None

    def _genitive_description(self, span) -> Entity | None:
        """`eine Sprecherin des Konzerns`, `Angaben der Gewerkschaft`: an anonymous speaker or a
        source noun whose genitive is a definite description speaks for the organisation that
        description refers back to (:meth:`_description`), as `ein Sprecher der Deutschen Bahn`
        speaks for the named one."""
        for tok in span[1:]:
            if tok.lower_ in self.lex.genitive_articles:
                return self._description(self.doc[tok.i : span.end])
        return None

    def _person_description(self, span) -> Entity | None:
        """`der CDU-Politiker`, `der 69-Jährige`, `die Republikanerin`: a definite description whose
        head names a person by party, age or trade (``[speaker] person_descriptions``, word
        endings) and matches no office held in the text refers back like a pronoun: to the
        person the text is about at that point (:meth:`antecedent`)."""
        endings = self.lex.person_descriptions
        if span[0].lower_ in self.lex.definite_articles and _AGE_NOUN.search(span.text):
            # `the 52-year-old`: an age used as a noun (English splits it into five tokens)
            return self.antecedent(span.start_char, outside_sentence=True)
        if not endings or len(span) > 4 or span[0].lower_ not in self.lex.definite_articles:
            return None
        head = span[-1].lower_
        # (English writes nouns in lower case: `the firefighter`)
        written = span[-1].text[:1].isupper() or _aged(span[-1].text) or self.lex.lower_case_nouns
        if not written or not head.endswith(endings):
            return None
        return self.antecedent(span.start_char, outside_sentence=True)

    def _spokesperson_of(self, span) -> Entity | None:
        """`ein Talibansprecher`, `ein Hamas-Sprecher`, `aus Kremlkreisen`: a compound whose
        last part names a spokesperson or circle (``[speaker] spokesperson_compounds``) and whose
        first part is an organisation named in the text speaks for that organisation. The first
        part must equal one of the organisation's mention texts (a linking `s` allowed:
        `Regierungssprecher` ~ `Regierung`), so an unnamed body stays unresolved."""
        endings = self.lex.spokesperson_compounds
        if not endings:
            return None
        for tok in span:
            low = tok.lower_
            if not tok.text[:1].isupper():
                continue
            ending = next((x for x in endings if low.endswith(x) and len(low) > len(x) + 2), None)
            if ending is None:
                continue
            first = low[: -len(ending)].rstrip("-")
            stems = {first, first[:-1]} if first.endswith("s") else {first}
            for ent in self.entities:
                if ent.type == "ORG" and any(text in stems for text in self._forms(ent)[1]):
                    return ent
        return None

    def _attribute_only(self, span, ent: Entity) -> bool:
        """Whether every mention of ``ent`` inside ``span`` follows the phrase's first capitalised
        word, so that the entity is an attribute of the head (`der Sprecher des Ministeriums`),
        not the head itself (`das Ministerium`)."""
        heads = [t for t in span if t.text[:1].isupper()]
        if not heads:
            return False
        head_start = heads[0].idx
        inside = [m for m in ent.mentions if span.start_char <= m.start and m.end <= span.end_char]
        return bool(inside) and all(m.start > head_start for m in inside)

    def _before_comma(self, comma: int) -> Entity | None:
        """The person or organisation mentioned last within a few words before token ``comma``
        (across an apposition: `X, Parteivorsitzender der Grünen, der …`)."""
        doc = self.doc
        start = doc[max(0, comma - 12)].idx
        found = [
            (m_end, ent)
            for m_start, m_end, _, ent in self._mentions.overlapping(start, doc[comma].idx)
            if ent.type in {"PER", "ORG"} and m_end <= doc[comma].idx
        ]
        return max(found, key=lambda x: x[0])[1] if found else None

    def _apposition(self, end: int) -> Entity | None:
        """A person mention enclosed in commas right after token ``end`` (`…, Anna Bligh, …`)."""
        doc = self.doc
        if end + 1 >= len(doc) or doc[end].text != ",":
            return None
        start = doc[end + 1].idx
        for m_start, m_end, _, ent in self._mentions.overlapping(start, start + 1):
            if ent.type == "PER" and m_start == start:
                k = end + 1
                while k < len(doc) and doc[k].idx < m_end:
                    k += 1
                if k < len(doc) and doc[k].text in {",", "(", "–"}:
                    return ent
        return None

    def _apposition_after_place(self, end: int) -> Entity | None:
        """`ein Talibanführer auf pakistanischer Seite, Baitullah Mehsud, erklärte`: a short
        prepositional phrase after a description, then the person's name between commas."""
        doc = self.doc
        if end >= len(doc) or doc[end].tag_ not in {"APPR", "APPRART", "APPR_ART"}:
            return None
        comma = next((j for j in range(end + 1, min(len(doc), end + 6)) if doc[j].text == ","), None)
        if comma is None or any(doc[j].is_punct for j in range(end + 1, comma)):
            return None
        return self._apposition(comma)

    def _description(self, span) -> Entity | None:
        """`der Verteidigungsminister`, `der Verband`, `die Organisation`: a definite description
        refers back to an entity named earlier — the latest person whose office contains its head
        noun, or organisation whose name does; a generic noun (`Organisation`, `Gruppe`) to the
        latest organisation. Looks back over a bounded number of mentions."""
        lex = self.lex
        if len(span) > 4 or span[0].lower_ not in lex.definite_articles:
            return None
        following = self.doc[span.end] if span.end < len(self.doc) else None
        if following is not None and following.lower_ in lex.anonymous:
            return None  # `the German government`: the phrase read so far ends on an adjective
        # (English writes the head in lower case: `The group, which …, said`)
        heads = [
            t for t in span if t.i > span.start and (t.text[:1].isupper() or (lex.lower_case_nouns and t.is_alpha))
        ]
        if not heads:
            return None
        head = heads[-1].lower_
        stem = re.sub(r"(en|es|s|n)$", "", head) if len(head) > 6 else head
        generic = head in lex.generic_bodies or stem in lex.generic_bodies
        # `…, schreibt das Blatt`, `the newspaper reported`: a medium noun is the outlet named last
        outlet = head in lex.medium_anaphors
        k = bisect.bisect_left(self._mentions._starts, span.start_char)
        for m_start, _, _, ent in reversed(self._mentions._spans[max(0, k - 300) : k]):
            if ent.type == "PER" and any(stem in title for title in self._forms(ent)[0]):
                return ent
            if ent.type not in {"ORG", "MISC"}:
                continue
            if outlet:
                if self._is_medium(ent):
                    return ent
                continue
            if ent.type != "ORG":
                continue
            if stem in ent.name.casefold() or any(stem in text for text in self._forms(ent)[1]):
                return ent
            if any(word.endswith(stem) for word in self._descriptors(ent)):
                return ent  # `die Lokführergewerkschaft GDL` … `die Gewerkschaft`
            if generic and not self._is_medium(ent):
                # an outlet that relayed an earlier statement is not the body a generic noun
                # (`Die Organisation teilte mit`) refers back to; an organisation that spoke
                # since its last mention (`Nach Angaben der Gewerkschaft …`) is
                spoke = [
                    (pos, who)
                    for pos, who in self.recent_speakers
                    if m_start < pos < span.start_char and who.type == "ORG" and not self._is_medium(who)
                ]
                return spoke[-1][1] if spoke else ent
        return None

    def _descriptors(self, ent: Entity) -> frozenset[str]:
        """The capitalised nouns standing right before an organisation's mentions, case-folded:
        the kind of body the text calls it (`die Lokführergewerkschaft GDL`, `der Sozialverband
        VdK`, `the carmaker Volkswagen`), which a later description (`die Gewerkschaft`) names."""
        found = self._descriptor_table.get(id(ent))
        if found is None:
            words = set()
            for m in ent.mentions:
                before = self._text[max(0, m.start - 40) : m.start].split()
                word = before[-1].strip("\"„“”'»«(") if before else ""
                if word[:1].isupper() and len(word) > 3 and word.isalpha():
                    words.add(word.casefold())
            found = self._descriptor_table[id(ent)] = frozenset(words)
        return found

    def surname(self, word: str) -> Entity | None:
        """The one person whose name or a multi-word mention ends in ``word`` (`Trump` for `Donald
        Trump`): a bare surname the entity layer left unmarked (the tagger read it as an adverb,
        so the recogniser skipped it) still names that person. None when no person or several
        people share it."""
        if self._surnames is None:
            table: dict[str, Entity | None] = {}
            for ent in self.entities:
                if ent.type != "PER":
                    continue
                lasts = {ent.name.split()[-1]} if " " in ent.name else set()
                lasts |= {m.text.split()[-1] for m in ent.mentions if " " in m.text.strip()}
                for last in lasts:
                    if len(last) > 2 and last[:1].isupper():
                        table[last] = ent if table.get(last, ent) is ent else None
            self._surnames = table
        return self._surnames.get(word)

    def _is_medium(self, ent: Entity) -> bool:
        """Whether an entity is a news outlet of the media lexicon (by name or a mention)."""
        media = self.lex.media_names
        return ent.name.casefold() in media or any(text in media for text in self._forms(ent)[1])

    def _best_mention(self, start: int, end: int) -> Entity | None:
        """Prefer a person or organisation mention inside the phrase; the head noun of
        `ein Sprecher des Weißen Hauses` is not an entity, its genitive is. Without one, the entity
        with the widest mention (else role phrase) overlapping it, as :func:`entity_for_span`
        would find by scanning every mention; the sorted index keeps a lookup logarithmic."""
        rank = {"PER": 3, "ORG": 2, "LOC": 1, "MISC": 0}
        best: tuple[int, int, Entity] | None = None
        for m_start, m_end, _, ent in self._mentions.overlapping(start, end):
            if ent.type == "LOC" and self._after_locative(start, m_start):
                continue  # `the president's office in Warsaw`: where the speaker sits
            if m_start >= start and m_end <= end:
                key = (rank.get(ent.type, 0), m_end - m_start)
                if best is None or key > best[:2]:
                    best = (key[0], key[1], ent)
        if best is not None:
            return best[2]
        for index in (self._mentions, self._roles):
            widest: tuple[int, int, Entity] | None = None
            for m_start, m_end, order, ent in index.overlapping(start, end):
                if ent.type == "LOC" and self._after_locative(start, m_start):
                    continue
                overlap = min(end, m_end) - max(start, m_start)
                if widest is None or (overlap, -order) > widest[:2]:
                    widest = (overlap, -order, ent)
            if widest is not None:
                return widest[2]
        return None

    def _after_locative(self, start: int, m_start: int) -> bool:
        """Whether the mention at character ``m_start`` follows a locative preposition inside the
        phrase that starts at ``start`` (the language's ``locative`` list; none in German data)."""
        if not self.lex.locative or m_start <= start:
            return False
        before = self.doc.char_span(start, m_start, alignment_mode="expand")
        return before is not None and len(before) > 1 and before[-1].lower_ in self.lex.locative

    def _demonym(self, span) -> Entity | None:
        for tok in span:
            low = tok.lower_
            if not _DEMONYM.search(low):
                continue
            stem = _DEMONYM.sub("", low)
            if len(stem) < 3:
                continue
            skeleton = _consonants(stem)
            for ent in self.entities:
                if ent.type != "LOC":
                    continue
                _, texts, skeletons = self._forms(ent)
                for mt, consonants in zip(texts, skeletons, strict=True):
                    if mt.startswith(stem) or (len(stem) > 5 and mt.startswith(stem[:-1])):
                        return ent
                    # `polnisch` ~ `Polen`: compare consonant skeletons (pln)
                    if len(skeleton) >= 3 and consonants.startswith(skeleton):
                        return ent
        return None

    def antecedent(self, offset: int, outside_sentence: bool = False, gender: str | None = None) -> Entity | None:
        """The person a pronoun at ``offset`` most likely refers to: the latest person speaker
        within reach, else the latest person mentioned before it (with ``outside_sentence``,
        before the sentence that holds ``offset``: a speaker phrase's own sentence names what the
        statement is about). A ``gender`` (:meth:`pronoun_gender`) passes over persons the text
        styles otherwise (`sie` after `Außenministerin Baerbock` and `Kanzler Scholz`)."""
        last = self._last_note
        if gender is not None and last is not None and last[2] == gender and 0 <= offset - last[0] < 400:
            # `Eine Sprecherin des Konzerns sagte, … . Sie fügte hinzu, …`: the unnamed speaker
            # of the statement just before (its organisation, or no one named)
            return last[1]
        k = bisect.bisect_left(self._subject_starts, offset)
        subject = self._subjects[k - 1] if k > 0 else None
        if subject is not None and not self._fits(subject[1], gender):
            subject = None
        for pos, ent in reversed(self.recent_speakers):
            if offset - pos < 600 and ent.type == "PER" and self._fits(ent, gender):
                if subject is not None and subject[0] > pos and offset - subject[0] < 300:
                    # `Selenskyj dankte … . Die Ukraine brauche …, schrieb er.`: a person who
                    # opened a sentence since the last statement is who `er` refers to
                    return subject[1]
                named = self._named_in_paragraph(pos, offset, gender)
                if named is not None and named is not ent:
                    return named
                return ent
            break
        if subject is not None and offset - subject[0] < 300 and self._sentence_start(offset) > subject[0]:
            # `Carney met Trump on Tuesday. He said …`: with no speaker before, the subject of a
            # sentence just before is who the pronoun refers to, not the person named last
            return subject[1]
        # (`Bei dem Treffen mit Trump habe man …, sagte der CDU-Politiker`: Trump is named in what
        # was said, the speaker before it)
        k = bisect.bisect_left(self._per_starts, self._sentence_start(offset) if outside_sentence else offset)
        for j in range(k - 1, max(-1, k - 40), -1):
            if self._fits(self._per[j][1], gender):
                return self._per[j][1]
        return None

    def _named_in_paragraph(self, since: int, offset: int, gender: str | None) -> Entity | None:
        """`… zitierte ihn CCTV.` + blank line + `Vor seinem Abflug zog Blinken Bilanz. „…“, sagte
        er.`: the person named last in an earlier sentence of the pronoun's paragraph, when the
        last speaker (at ``since``) stood before that paragraph. A new paragraph turns to the
        person it names; the speaker of the one before is no longer who `er` means. Paragraphs
        are blank-line ones only (one-sentence-per-line text has no paragraphs to go by)."""
        para = self._text.rfind("\n\n", 0, offset)
        if para < 0 or para < since:
            return None
        sentence = self._sentence_start(offset)
        k = bisect.bisect_left(self._per_starts, sentence)
        for j in range(k - 1, -1, -1):
            pos, ent = self._per[j]
            if pos <= para:
                break
            if self._fits(ent, gender):
                return ent
        return None

    def pronoun_gender(self, word: str) -> str | None:
        """``"f"`` or ``"m"`` for a pronoun the language marks for gender (`sie`/`she`, `er`/`he`)."""
        low = word.lower()
        if low in self.lex.female_pronouns:
            return "f"
        if low in self.lex.male_pronouns:
            return "m"
        return None

    def _fits(self, ent: Entity, gender: str | None) -> bool:
        """Whether a person can be what a pronoun of ``gender`` refers to: any person when the
        pronoun or the person's gender is unknown, else only one of the same gender."""
        if gender is None:
            return True
        styled = self._gender_of(ent)
        return styled is None or styled == gender

    def _gender_of(self, ent: Entity) -> str | None:
        """How the text styles a person: a woman by a feminine office (`Außenministerin`: an office
        title ending in ``[speaker] feminine_endings``) or honorific (`Frau`, `Ms.`), a man by a
        masculine office (where the language marks offices) or honorific (`Herr`, `Mr.`); None
        when the text does not say."""
        if id(ent) in self._genders:
            return self._genders[id(ent)]
        lex = self.lex
        found: str | None = None
        for m in ent.mentions:
            before = self._text[max(0, m.start - 8) : m.start].split()
            word = before[-1] if before else ""
            if word in lex.female_honorifics:
                found = "f"
            elif word in lex.male_honorifics and found is None:
                found = "m"
        if found is None and lex.feminine_endings:
            titles = [r.title.casefold() for r in ent.roles if len(r.title) > 5]
            if titles:
                found = "f" if any(t.endswith(lex.feminine_endings) for t in titles) else "m"
        self._genders[id(ent)] = found
        return found

    def _sentence_start(self, offset: int) -> int:
        """Character offset where the sentence holding ``offset`` starts (``offset`` itself when
        the document has no sentence boundaries)."""
        if not self._sentences:
            return offset
        k = bisect.bisect_right(self._sentences, offset) - 1
        return self._sentences[k] if k >= 0 else offset

    def note_speaker(self, offset: int, ent: Entity | None, phrase: tuple[int, int] | None = None) -> None:
        """Record a statement's speaker at char ``offset``; ``phrase`` (its speaker phrase, char
        span) tells whether it was an unnamed person of known gender (`eine Sprecherin`), whom a
        pronoun of that gender right after refers to."""
        if ent is not None:
            self.recent_speakers.append((offset, ent))
        self._last_note = (offset, ent, self._unnamed_gender(phrase))

    def _unnamed_gender(self, phrase: tuple[int, int] | None) -> str | None:
        """ "f"/"m" for a speaker phrase that opens with an indefinite article and has a gendered
        head noun (`eine Sprecherin des Konzerns`, `a WFP spokeswoman`), else None."""
        if phrase is None or not self.lex.unnamed_heads:
            return None
        words = self._text[phrase[0] : phrase[1]].split()
        if len(words) < 2 or words[0].lower() not in self.lex.unnamed_articles:
            return None
        for word in words[1:4]:
            low = word.strip(",.").lower()
            head = next((h for h in self.lex.unnamed_heads if low == h or low.endswith("-" + h)), None)
            if head is None and word[:1].isupper():
                head = next((h for h in self.lex.unnamed_heads if low.endswith(h) and len(low) > len(h) + 2), None)
            if head is not None:
                return self.lex.unnamed_heads[head]
        return None
