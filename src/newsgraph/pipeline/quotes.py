"""``newsgraph_quotes``: who said what, in which words, through whom.

German news reports most statements as indirect speech and relays many through agencies, so the
layer looks for four kinds of statement (``Quote.kind``):

- ``direct``: a quoted sentence („…“ "…" »…« «…» ‚…‘ '…'), also over several paragraphs or
  introduced by a colon that ends the previous paragraph;
- ``partial``: a quoted fragment inside the reporter's sentence (``die "konstruktiven Gespräche"``);
- ``indirect``: a dass-, Konjunktiv or zu-infinitive clause after a speech verb (``kündigte an, die
  Schulen zu sanieren``), ``laut X``, ``X zufolge``,
  ``nach Angaben von X``, ``…, so X``, ``heißt es in …``, and Konjunktiv sentences that carry a
  statement on without a cue of their own (free indirect speech);
- ``reported``: a speech act whose content is a noun phrase (``Lawrow nannte das Gespräch
  konstruktiv``); following the spkatt2023 guidelines the whole sentence is its content.

Detection never needs entities: quotation marks are paired in one linear pass
(:mod:`.quotes_marks`) and speech cues are words from ``resources/<lang>/quotes.toml``
(:mod:`.quotes_lexicon`). Attribution (:mod:`.quotes_speaker`) then finds the speaker phrase from
word order (helped by the tagger and parser where the model has them) and maps it to
``doc._.entities`` when it can; otherwise ``speaker`` stays null and ``speaker_text`` keeps the
phrase. Without a listed cue, a colon names the phrase before it as speaker (`Landrat X: „…“`), a
quoted fragment in an indicative sentence is its subject's wording, and a cue-less Konjunktiv
sentence carries on the latest statement — or the actor named as subject in between. Times of
``doc._.times`` that fall inside direct or partial quotes get ``inside_quote=True``.

Speaker and relaying medium (``via``) are kept apart: a medium is the addressee or source phrase
of the speaker's own cue (`sagte X der Agentur Y`, `X der Agentur Y zufolge`, `…, sagte X, wie die
Agentur Y meldete`, `sagte X in der ARD`, `told Reuters`, `in a statement carried by TASS`, `nach
Angaben des Ministeriums`, `according to X` after the cue), found by medium nouns, by outlet names
(``resources/de/quotes_media.toml``) and by `unter Berufung auf`/`citing`, which hands the speaker
role to the cited source. An outlet that is the only source named (`Wie Reuters meldete, …`) is the
speaker. Unnamed speakers stay phrases with their organisation (`eine Sprecherin des Ministeriums`,
`a senior official`); definite descriptions (`der Verteidigungsminister`, `die Organisation`) refer
back to the latest person holding that office or organisation of that kind. A quote's kind follows
its role in its sentence: a quoted sentence that opens the reporter's sentence and ends it or hands
over to its cue is ``direct`` wherever it stands in the paragraph; a fragment inside it is
``partial``. Sentence units are cut at :data:`MAX_UNIT_TOKENS`, so the pairwise word rules stay
linear in the length of the text.

A learned message/cue tagger stacked on these rules can refine them (:mod:`.quotes_model`,
:meth:`QuoteLayer._learned`); it is used only when its model folder exists, and none is shipped
because it did not beat the rules on held-out articles (``training/quotes/README.md``).

Each statement is listed once: a quoted fragment inside a reported clause is not a second quote
beside the clause. When the fragment opens the clause (or the statement is reported speech), the
fragment is the quote and carries the clause as ``clause``; otherwise the clause is the quote and
carries its fragments as ``fragments`` (:meth:`QuoteLayer._one_per_statement`).
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from spacy.language import Language
from spacy.tokens import Doc, Token

from ..record import Cue, Entity, Mention, Quote, TextSpan
from .quotes_lexicon import QuoteLexicon, lexicon_for
from .quotes_marks import QuotedSpan, find_quoted_spans
from .quotes_model import MESSAGE_TAGS, QuoteTagger, label_runs, rule_features, shipped_tagger
from .quotes_speaker import (
    SpeakerPhrase,
    SpeakerResolver,
    is_capitalised,
    outlet_name,
    phrase_after,
    phrase_before,
)

_INSERTION = re.compile(r"\[[^\[\]\n]{1,80}\]")
#: a separable verb's zu-infinitive written as one word (`einzurichten`, `abzuschließen`)
_ZU_INFIX = re.compile(
    r"^(ab|an|auf|aus|bei|ein|fest|her|hin|mit|nach|vor|weg|zurück|zusammen|dar|um|über|frei|bereit"
    r"|sicher|statt|teil|vorbei|heraus|herbei|hinzu|zu)zu[a-zäöüß]{2,}(en|ern|eln)$"
)
_SENT_END = ".!?…"
#: STTS tags of capitalised words that are no noun head (a sentence-initial article or adjective)
_NON_HEAD_TAGS = frozenset({"ART", "ADJA", "PDAT", "PPOSAT", "PIAT", "CARD"})
#: STTS tags of finite verbs (the shipped tagger's tag set)
_FINITE_TAGS = frozenset({"VVFIN", "VAFIN", "VMFIN"})
# participles and infinitives: a speech verb in these forms has no subject of its own in its clause
_NONFINITE_VERB_TAGS = frozenset({"VVPP", "VAPP", "VMPP", "VVINF", "VAINF", "VMINF", "VVIZU"})
_DASHES = frozenset({"-", "–", "—"})
#: Penn tags of words that make up an English office before a name (`Ugandan government spokesman`)
_NOMINAL_TAGS = frozenset({"JJ", "NN", "NNS", "NNP", "NNPS", "DT", "POS", "PRP$", "HYPH"})
_OPEN_MARKS = "„\"»«‚‹›'‘“"
#: STTS tags of a fronted adverbial: after it the subject follows the finite verb
_FRONTED_TAGS = frozenset({"ADV", "ADJD", "PAV", "PROAV", "PWAV", "APPR", "APPRART", "APPR_ART", "KOUS", "PTKNEG"})
_PREPOSITION_TAGS = frozenset({"APPR", "APPRART", "APPR_ART"})
_COORDINATORS = frozenset({"und", "sowie", "oder"})
#: prepositions that open a place of utterance (`in der Erklärung`, `bei der Agentur`)
_SOURCE_PREPOSITIONS = frozenset({"in", "im", "bei", "beim", "auf", "aus", "von", "vom"})


@dataclass
class _Statement:
    """A quote under construction (character offsets)."""

    kind: str
    start: int
    end: int
    cue: tuple[int, int] | None = None
    speaker_phrase: tuple[int, int] | None = None  # character offsets
    speaker: Entity | None = None
    speaker_known: bool = False  # speaker decided (possibly None) by a rule such as `heißt es`
    via: Entity | None = None
    free: bool = False  # free indirect speech: carried on from an earlier statement
    parent: int | None = None  # index of an enclosing statement (before sorting)
    parent_ref: _Statement | None = None  # the enclosing statement itself (stable across sorting)
    sentence: int = 0
    clause: tuple[int, int] | None = None  # a fragment's enclosing clause, when listed as the quote
    fragments: list[tuple[int, int]] = field(default_factory=list)  # fragments folded into a clause
    own_clause: bool = False  # speaker from the cue of the quote's own clause (`_nearer_cue`)
    anchor: bool = False  # no statement: a speech verb without content whose speaker later ones carry


@dataclass
class _Analysis:
    """What the cue words of one sentence say (token indices)."""

    cue: tuple[int, int] | None = None  # token range of the cue words
    speaker: SpeakerPhrase | None = None
    message: tuple[int, int] | None = None  # token range of the message, if a clause
    kind: str = "indirect"
    via: Entity | None = None
    speaker_entity: Entity | None = None
    speaker_known: bool = False
    extra_cue: list[int] = field(default_factory=list)
    second: int | None = None  # first token of a main clause of another speaker after a comma


class QuoteLayer:
    """Find statements and their speakers; write ``doc._.quotes``."""

    def __init__(
        self,
        nlp: Language,
        name: str = "newsgraph_quotes",
        *,
        free_indirect: bool = True,
        reported: bool = True,
        tagger: bool = True,
    ) -> None:
        self.name = name
        self.lang = nlp.lang
        self.free_indirect = free_indirect
        self.reported = reported
        self.lex: QuoteLexicon = lexicon_for(nlp.lang if nlp.lang in {"de", "en"} else "de")
        self._text = ""
        self._unit_starts: list[int] = []
        self._tagged = False  # the document carries STTS tags / a dependency parse (set per call)
        self._parsed = False
        self._opening_marks: set[int] = set()
        # the learned message/cue tagger (German only; see quotes_model)
        self._tagger: QuoteTagger | None = shipped_tagger() if tagger and nlp.lang == "de" else None
        #: training (training/quotes/make_tagger_data.py): keep the rules' features of the last document
        self.record_features = False
        self.last_features: list[str] = []
        self._pattern: re.Pattern[str] | None = None

    # ------------------------------------------------------------------ sentence units
    @staticmethod
    def _units(doc: Doc) -> list[tuple[int, int]]:
        """Sentences, further cut at line breaks (one-sentence-per-line articles, paragraphs)."""
        units: list[tuple[int, int]] = []
        for sent in doc.sents:
            start = sent.start
            for tok in sent:
                if tok.is_space and "\n" in tok.text:
                    if tok.i > start:
                        units.append((start, tok.i))
                    start = tok.i + 1
                elif "\n" in tok.whitespace_ and tok.i + 1 > start:
                    units.append((start, tok.i + 1))
                    start = tok.i + 1
            if sent.end > start:
                units.append((start, sent.end))
        bounded: list[tuple[int, int]] = []
        for s, e in units:
            bounded.extend(_bounded_unit(doc, s, e))
        # a paragraph's dateline (`Berlin (dpa) -`) is no part of its first sentence's words
        bounded = [(_agency_dateline_end(doc, s, e), e) for s, e in bounded]
        return [(s, e) for s, e in bounded if any(not doc[k].is_space for k in range(s, e))]

    # ------------------------------------------------------------------ main
    def __call__(self, doc: Doc) -> Doc:
        # a word of a person's or organisation's name that the tagger read as a function word
        # (`Kai Warnecke forderte …` with `Kai` a preposition, `Trump sprach` with an adverb) would
        # make the rules see a fronted phrase instead of a subject: the quote layer reads such words
        # as proper nouns, and gives the tags back for the layers after it
        restore = self._name_tags(doc)
        try:
            return self._process(doc)
        finally:
            for i, tag, pos in restore:
                doc[i].tag_, doc[i].pos_ = tag, pos

    # function-word tags a name's word gets by mistake; articles, pronouns and verbs are left as
    # they are (`Die Linke`, and a verb the recogniser swallowed into a name is still the cue)
    _MISREAD_NAME_TAGS = frozenset({"ADV", "APPR", "ADJD", "PTKVZ", "KON", "ITJ", "PAV", "PROAV", "RB", "IN", "UH"})

    def _name_tags(self, doc: Doc) -> list[tuple[int, str, str]]:
        """Tag every capitalised word inside a person or organisation mention of the entity layer
        that the tagger gave a function-word tag (preposition, adverb, conjunction …) as a proper
        noun; returns what to restore."""
        if not doc.has_annotation("TAG"):
            return []
        proper = "NE" if self.lang == "de" else "NNP"
        changed: list[tuple[int, str, str]] = []
        for ent in doc._.entities or []:
            if ent.type not in {"PER", "ORG"}:
                continue
            for m in ent.mentions:
                span = doc.char_span(m.start, m.end, alignment_mode="expand")
                if span is None:
                    continue
                for t in span:
                    if t.text[:1].isupper() and t.is_alpha and t.tag_ in self._MISREAD_NAME_TAGS:
                        changed.append((t.i, t.tag_, t.pos_))
                        t.tag_, t.pos_ = proper, "PROPN"
        return changed

    def _process(self, doc: Doc) -> Doc:
        lex = self.lex
        text = doc.text  # Doc.text joins all tokens: compute it once per document
        self._text = text
        resolver = SpeakerResolver(doc, lex)
        units = self._units(doc)
        unit_starts = [doc[s].idx for s, _ in units]
        self._unit_starts = unit_starts
        # checked once per document: `Doc.has_annotation` scans every token
        self._tagged = doc.has_annotation("TAG")
        self._parsed = doc.has_annotation("DEP")
        self._units_now = units
        self._quoted_now: list[bool] = []
        self._stated_units: set[int] = set()  # sentence units that hold a statement so far
        spans = [
            q
            for q in find_quoted_spans(text, lex)
            if q.end > q.start and any(ch.isalpha() for ch in text[q.start : q.end])
        ]
        top = [q for q in spans if q.parent is None]
        self._opening_marks = {q.open for q in top}
        units = _marks_to_next_unit(doc, units, self._opening_marks)
        unit_starts = [doc[s].idx for s, _ in units]
        self._unit_starts = unit_starts
        self._units_now = units
        quoted_token = self._quoted_tokens(doc, top)
        self._quoted_now = quoted_token
        statements: list[_Statement] = []
        last_document_speaker: Entity | None = None
        last_statement: _Statement | None = None
        top_by_unit: dict[int, list[QuotedSpan]] = {}
        for q in top:
            k = max(0, bisect.bisect_right(unit_starts, q.open) - 1)
            if k + 1 < len(units) and doc[units[k][1] - 1].idx == q.open:
                k += 1  # the sentencizer left a straight opening mark at the end of the sentence before
            top_by_unit.setdefault(k, []).append(q)

        for u, (s, e) in enumerate(units):
            analysis = self._analyse(doc, s, e, quoted_token, resolver)
            if analysis is not None and analysis.speaker_entity is None and analysis.speaker is not None:
                analysis.speaker_entity = resolver.entity(analysis.speaker) or self._named_body(
                    doc, analysis.speaker, resolver
                )
            if (
                analysis is not None
                and analysis.speaker_known
                and analysis.speaker_entity is None
                and any(doc[k].lower_ in lex.documents for k in range(s, e))
                and not self._authored(doc, analysis.speaker)
            ):
                # `heißt es in einer Erklärung`: the organisation whose statement came before
                analysis.speaker_entity = last_document_speaker
                if analysis.speaker_entity is None and self._definite_document(doc, s, e):
                    # `…“, hieß es in der Rede`: a document already known is the latest speaker's
                    analysis.speaker_entity = resolver.antecedent(doc[s].idx)
            new: list[_Statement] = []
            # a sentence announced by a colon at the end of the previous one
            colon = None
            if u > 0 and analysis is None:
                colon = self._after_colon(doc, s, e, u, units, quoted_token, resolver)
            # quoted spans opening in this sentence
            for q in top_by_unit.get(u, []):
                st = self._quoted_statement(doc, q, u, units, analysis, colon or last_statement, quoted_token, resolver)
                if st is not None:
                    new.append(st)
            # `Dies teilte das Ministerium mit.`: the sentence before is the message
            handled = False
            if not new and colon is None:
                handled, anaphoric = self._anaphoric_statement(
                    doc, s, e, u, units, analysis, statements, quoted_token, resolver
                )
                if anaphoric is not None:
                    new.append(anaphoric)
            # speech without (or beyond) quotation marks
            ind = None
            if colon is not None and not any(st.kind == "direct" for st in new):
                ind = colon
            if ind is None and not handled:
                ind = self._indirect_statement(doc, s, e, u, analysis, quoted_token, new, last_statement, resolver)
            if ind is not None:
                new.append(ind)
            if analysis is not None and analysis.second is not None:
                # `X wies … zurück, die Sprecherin …, Anna Berg, sagte, …`: the second speaker's clause
                second = self._analyse(doc, analysis.second, e, quoted_token, resolver)
                if second is not None and second.speaker is not None and second.speaker_entity is None:
                    second.speaker_entity = resolver.entity(second.speaker)
                if second is not None and second.message is not None:
                    other = self._indirect_statement(
                        doc, analysis.second, e, u, second, quoted_token, new, last_statement, resolver
                    )
                    if other is not None:
                        new.append(other)
            if new and self._same_medium(doc, s, e, quoted_token):
                # `Im gleichen Interview sagte der Minister, …`: the medium of the statement before
                earlier = next((st.via for st in reversed(statements) if st.via is not None), None)
                for st in new:
                    if st.via is None and earlier is not None and st.speaker is not earlier:
                        st.via = earlier
            if new and self.lang == "de":
                after_semicolon = self._semicolon_continuation(doc, s, e, u, new, quoted_token)
                if after_semicolon is not None:
                    new.append(after_semicolon)
            if self.lang == "en" and new:
                adding = self._participle_statement(doc, s, e, u, new, quoted_token)
                if adding is not None:
                    new.append(adding)
            if u == 0 and self._is_title(doc, e):
                # a headline's `Moskau nennt Ablauf des Gipfels …` sums up the report below it,
                # which states it again: no reported speech of its own
                new = [st for st in new if st.kind != "reported"]
            if u == 0 and not new:
                head = self._headline(doc, s, e, resolver)
                if head is not None:
                    new.append(head)
            for st in new:
                self._impersonal_source(doc, st, u, last_statement, quoted_token, resolver)
                self._unnamed_spokesperson(doc, st, u, quoted_token, resolver)
                if (
                    st.via is None
                    and last_statement is not None
                    and last_statement.via is not None
                    # (an unnamed speaker too: `Der Kanzler sagte dem „Tagesspiegel“, … . Er fügte hinzu, …`)
                    and (st.speaker is not None or last_statement.speaker_phrase is not None)
                    and last_statement.speaker is st.speaker
                    and last_statement.sentence >= u - 2
                    and st.speaker_phrase is not None
                    and text[st.speaker_phrase[0] : st.speaker_phrase[1]].lower() in lex.pronouns
                ):
                    # `Sarkozy sagte dem „Figaro“, … . Er fügte hinzu: „…“`: the same speaker, named
                    # by a pronoun right after, goes on in the interview the medium relays
                    st.via = last_statement.via
                if st.kind == "direct" and st.speaker is None and st.speaker_phrase is None and not st.speaker_known:
                    # a quoted sentence standing alone (`„Ja, es gibt Zumutungen.“`) is the words of
                    # the person the text is about at that point: the latest speaker or person named
                    st.speaker = resolver.antecedent(st.start)
                statements.append(st)
                self._stated_units.add(u)
                resolver.note_speaker(st.start, st.speaker, st.speaker_phrase)
            if not new:
                self._note_refuser(doc, s, e, quoted_token, resolver)
            if new:
                # a free statement carries the older one on, unless it named a speaker of its own
                # (`Der Iran streitet dies ab.` + `Sein Programm diene …` + `Es habe …`)
                own = not new[-1].free or new[-1].speaker_known
                if own and self._speaks_for_no_one(doc, new[-1]) and last_statement is not None:
                    # `Die Anzahl der zerstörten Geschäfte wurde mit 214 angegeben.`: a statement
                    # whose subject names no actor gives the Konjunktiv sentences after it no
                    # speaker; they carry on the statement before it
                    own = False
                last_statement = new[-1] if own else last_statement or new[-1]
                main = next((st for st in new if st.speaker is not None), None)
                if main is not None and any(doc[k].lower_ in lex.documents for k in range(s, e)):
                    last_document_speaker = main.speaker
            elif analysis is not None and analysis.kind == "cue" and analysis.speaker is not None and not handled:
                # `Spiegel Online berichtet vom Einsturz von zehn Häusern.`, `Auch auf Spekulationen
                # verweisen Analysten.`: a speech verb whose content is no clause states nothing
                # itself, but the Konjunktiv sentences after it carry its speaker's account
                anchor = _Statement(kind="indirect", start=doc[s].idx, end=doc[s].idx, sentence=u, anchor=True)
                self._apply(doc, anchor, analysis, resolver)
                last_statement = anchor
        interview = self._interview(doc, resolver)
        if interview is not None:
            # an interview's lines are its speakers' words, not the reporter's sentences: what the
            # sentence rules read in them (`SPIEGEL: Herr Müller, wie geht es weiter?`) gives way
            answers, lines = interview
            statements = [st for st in statements if not any(a <= st.start < b for a, b in lines)] + answers
        if self.record_features:
            self.last_features = self._features(doc, statements)
        if self._tagger is not None and self.lex.learned and self._tagger.usable(doc):
            statements = self._learned(doc, units, statements, quoted_token, resolver)
        # a quoted fragment inside a reported clause is part of that statement: link it
        by_sentence: dict[int, list[_Statement]] = {}
        for st in statements:
            by_sentence.setdefault(st.sentence, []).append(st)
        index_of = {id(st): i for i, st in enumerate(statements)}
        for group in by_sentence.values():
            for st in group:
                if st.kind != "partial" or st.parent is not None:
                    continue
                outer = next(
                    (
                        o
                        for o in group
                        if o.kind in {"indirect", "reported"} and o.start <= st.start and st.end <= o.end
                    ),
                    None,
                )
                if outer is not None:
                    st.parent = index_of[id(outer)]
        # nested quotes inside direct quotes
        statements.extend(self._nested(doc, spans, statements, resolver))
        for st in statements:
            st.parent_ref = statements[st.parent] if st.parent is not None else None
        statements = self._one_per_statement(statements)
        statements = self._headline_repeats(doc, statements, units)
        statements.sort(key=lambda st: (st.start, -st.end))
        doc._.quotes = self._to_quotes(doc, statements)
        self._mark_times(doc, statements)
        return doc

    # ------------------------------------------------------------------ helpers
    @staticmethod
    def _quoted_tokens(doc: Doc, top: list[QuotedSpan]) -> list[bool]:
        """Which tokens lie inside (or are the marks of) a top-level quote."""
        flags = [False] * len(doc)
        if not top:
            return flags
        starts = [q.open for q in top]
        for tok in doc:
            k = bisect.bisect_right(starts, tok.idx) - 1
            if k >= 0 and top[k].open <= tok.idx <= top[k].close:
                flags[tok.i] = True
        return flags

    def _cue_at(self, doc: Doc, i: int, s: int, e: int, verbs: frozenset[str], particles: dict) -> bool:
        low = doc[i].lower_
        if low not in verbs:
            return False
        need = particles.get(low)
        if not need:
            return True
        # the particle closes the clause (`teilte … mit`); a preposition particle may be fronted
        # with its phrase (`Von einer Krise sprach …`)
        return any(doc[k].lower_ in need for k in range(max(s, i - 12), min(e, i + 40)) if k != i)

    def _np_end(self, doc: Doc, start: int, e: int) -> int:
        phrase = phrase_after(doc, start, e, self.lex)
        return phrase.end if phrase else start

    def _analyse(self, doc: Doc, s: int, e: int, quoted: list[bool], resolver: SpeakerResolver) -> _Analysis | None:
        """Find the speech cue of a sentence and what it governs."""
        lex = self.lex
        idx = [k for k in range(s, e) if not quoted[k] and not doc[k].is_space]
        if not idx:
            return None
        lows = {k: doc[k].lower_ for k in idx}
        last = e
        while last > s and (
            ((doc[last - 1].is_punct or doc[last - 1].is_space) and not quoted[last - 1])
            or doc[last - 1].idx in self._opening_marks
        ):
            last -= 1  # (an opening mark the sentencizer left at the end belongs to the next quote)
        if self.lang == "en":
            english = self._analyse_english(doc, s, e, last, idx, quoted, resolver)
            if english is not None:
                return english
        # 1. `zitiert X mit den Worten`
        for k in idx:
            if (
                lows[k] in lex.zitiert
                and k - 1 > s
                and doc[k - 1].text == ","
                and lows.get(k + 1) in lex.cited_pronouns
                and k + 2 < e
            ):
                # `…, zitierte ihn das Staatsfernsehen CCTV.`: the words before the comma are the
                # person the pronoun refers to; the subject after it relays them
                medium = phrase_after(doc, k + 2, e, lex)
                if medium is not None and self._statement_before(doc, s, k - 1, quoted):
                    a = _Analysis(cue=(k, k + 1), message=(s, k - 1), speaker=SpeakerPhrase(k + 1, k + 2))
                    a.speaker_entity = resolver.antecedent(doc[k + 1].idx, gender=lex.cited_pronouns[lows[k + 1]])
                    a.speaker_known = True
                    a.via = resolver.entity(medium)
                    return a
            window = range(max(s, k - 15), min(e, k + 15))
            if lows[k] in lex.zitiert and any(lows.get(j) in lex.worten for j in window):
                worten = next(j for j in window if lows.get(j) in lex.worten)
                subject = phrase_before(doc, s, k, lex)
                after = phrase_after(doc, k + 1, worten, lex)
                a = _Analysis(cue=(k, k + 1), kind="direct", extra_cue=[worten])
                if worten > k and after is not None and after.end <= worten and doc[after.start].lower_ != "von":
                    # active: `TASS zitiert X mit den Worten`
                    a.speaker = after
                    if subject is not None:
                        a.via = resolver.entity(subject)
                else:
                    # passive: `X wird von Reuters mit den Worten zitiert`
                    von = next((j for j in range(s, k) if lows.get(j) == "von"), None)
                    aux = next((j for j in range(s, k) if lows.get(j) in {"wird", "wurde", "werden", "wurden"}), None)
                    if aux is not None:
                        a.speaker = phrase_before(doc, s, aux, lex)
                    if von is not None:
                        vp = phrase_after(doc, von + 1, e, lex)
                        if vp is not None:
                            a.via = resolver.entity(vp)
                a.message = self._clause_after(doc, max(worten, k), e, last)
                return a
        # 2. `heißt es in …` / `…, heißt es`
        for k in idx:
            if lows[k] in lex.heisst and (lows.get(k + 1) == "es" or lows.get(k - 1) == "es"):
                phrase_start = k + 2 if lows.get(k + 1) == "es" else k + 1
                j = phrase_start
                while j < e and not doc[j].is_punct and j - phrase_start < 12:
                    j += 1
                a = _Analysis(cue=(k, k + 1), speaker_known=True)
                while phrase_start < j and (
                    doc[phrase_start].lower_ in lex.stop_words or doc[phrase_start].tag_ == "ADV"
                ):
                    if doc[phrase_start].tag_ in _PREPOSITION_TAGS or doc[phrase_start].lower_ in _SOURCE_PREPOSITIONS:
                        break  # `heißt es in der Rede`: the phrase itself
                    phrase_start += 1  # `heißt es weiter, …`, `heißt es wörtlich:` name no source
                fronted = self._fronted_source(doc, s, k)
                if fronted is not None and (
                    j == phrase_start
                    or (
                        doc[phrase_start].tag_ not in _PREPOSITION_TAGS
                        and doc[phrase_start].lower_ not in _SOURCE_PREPOSITIONS
                    )
                ):
                    # `In der Pressemitteilung des WWF heißt es weiter, …`: the document is fronted
                    a.speaker = fronted
                    a.speaker_entity = resolver._best_mention(
                        doc[fronted.start].idx, doc[fronted.end - 1].idx + len(doc[fronted.end - 1])
                    )
                elif j > phrase_start:
                    a.speaker = SpeakerPhrase(phrase_start, j)
                    a.speaker_entity = resolver._best_mention(doc[phrase_start].idx, doc[j - 1].idx + len(doc[j - 1]))
                if k > s and doc[k - 1].text == ",":
                    a.message = (s, k - 1)
                elif k - 1 > s and lows.get(k - 1) == "es" and doc[k - 2].text == ",":
                    a.message = (s, k - 2)
                else:
                    # from the comma that ends the source phrase: `heißt es weiter, die Preise würden …`
                    a.message = self._clause_after(doc, j - 1 if j < e and doc[j].text == "," else j, e, last)
                return a
        # 3. prepositional sources: `laut X`, `X zufolge`, `nach Angaben von X` — unless a speech
        # verb comes first, whose clause they sit in (`Ein Sprecher sagte, nach neuesten
        # Erkenntnissen habe …`: the spokesman is the source)
        first_verb = next((k for k in idx if self._cue_at(doc, k, s, e, lex.cue_verbs, lex.cue_particles)), e)
        # a reported-speech verb (`lobte`, `hob … hervor`) whose subject a medium relays
        # (not a participle of a relative or passive clause: `die … verurteilt worden waren`)
        rep_verb = next(
            (
                k
                for k in idx
                if doc[k].tag_ not in _NONFINITE_VERB_TAGS
                and self._cue_at(doc, k, s, e, lex.reported_verbs, lex.reported_particles)
            ),
            first_verb,
        )
        relay_verb = min(first_verb, rep_verb)
        for k in idx:
            low = lows[k]
            postposed = low in lex.nach_words and k > s and doc[k - 1].lower_.endswith(tuple(lex.nach_nouns))
            comma_between = any(doc[m].text == "," for m in range(first_verb, k)) if k > first_verb else False
            relayed_by = low in lex.nach_words and k + 2 < e and lows.get(k + 1, "") in lex.according
            if k > first_verb and (comma_between != postposed or (relayed_by and not comma_between)):
                # inside the content clause of an earlier speech verb (`sagte, laut X sei …`), or a
                # `ihrer Meinung nach` inside the verb's own clause (`Sie äußerte sich gegen die
                # ihrer Meinung nach verbreiteten Illusionen:`); a postposed `seiner Meinung nach`
                # in a clause of its own names the source of that clause
                continue
            if low in lex.before_source and k + 1 < e:
                src = phrase_after(doc, k + 1, e, lex)
                if src is not None:
                    relayed = self._relayed(doc, s, e, last, relay_verb, src, resolver)
                    return relayed or self._edge_message(doc, s, last, k, src.end, src, cue=(k, k + 1))
            if low in lex.after_source and k > s:
                src = phrase_before(doc, s, k, lex) or _bare_before(doc, s, k)
                while src is not None and src.start - 1 > s and doc[src.start - 1].lower_ in lex.locative:
                    # `Den Polizeibehörden in Hamburg zufolge`: the place is where the source sits
                    head = phrase_before(doc, s, src.start - 1, lex)
                    if head is None or head.end != src.start - 1:
                        break
                    src = SpeakerPhrase(head.start, src.end)
                if src is not None:
                    relayed = self._relayed(doc, s, e, last, relay_verb, src, resolver)
                    return relayed or self._edge_message(doc, s, last, src.start, k + 1, src, cue=(k, k + 1))
            if (
                low in lex.nach_words
                and k - 1 >= s
                and is_capitalised(doc[k - 1])
                and lows.get(k - 1, "").endswith(tuple(lex.nach_nouns))
                and (k + 1 >= e or not is_capitalised(doc[k + 1]) or doc[k + 1].lower_ in lex.auxiliaries or k - 1 > s)
            ):
                # postposed: `Seiner Meinung nach …`, `Dem Vernehmen nach …`
                src = phrase_before(doc, s, k, lex) or SpeakerPhrase(k - 1, k)
                return self._edge_message(doc, s, last, src.start, k + 1, src, cue=(k, k + 1))
            if low in lex.nach_words:
                noun = next(
                    (
                        j
                        for j in range(k + 1, min(e, k + 4))
                        if is_capitalised(doc[j]) and lows.get(j, "").endswith(tuple(lex.nach_nouns))
                    ),
                    None,
                )
                if noun is not None and any(
                    is_capitalised(doc[j]) and not self._genitive_name(doc, j, k) for j in range(k + 1, noun)
                ):
                    noun = None  # `Nach dem Treffen Angaben …`: the first noun must be the speech noun
                if noun is not None:
                    named = k + 1 < noun and self._genitive_name(doc, k + 1, k)
                    src = phrase_after(doc, noun + 1, e, lex) if not named else None
                    end = src.end if src is not None else noun + 1
                    speaker = SpeakerPhrase(k + 1 if named else noun, end)  # (`nach Uschakows Angaben`)
                    found = self._edge_message(doc, s, last, k, end, speaker, cue=(k, noun + 1))
                    if any(lows.get(j) in lex.own_words for j in range(k + 1, noun)):
                        found.speaker_entity = self._own_source(doc, s, e, k, noun, quoted, resolver)
                    return found
        # 4. `…, so X.`
        for k in idx:
            if lows[k] in lex.so_words and k > s and doc[k - 1].text == "," and k + 1 < e:
                src = phrase_after(doc, k + 1, e, lex)
                if src is not None and src.end < e and doc[src.end].text == "," and src.end < last:
                    # parenthetical: `Der Präsident sei, so X, schuld daran …`
                    return _Analysis(cue=(k, k + 1), speaker=src, message=(s, last))
                if src is not None and last - k <= 20:
                    return _Analysis(cue=(k, k + 1), speaker=src, message=(s, k - 1))
        # 5. `Wie X berichtete, …` / `…, wie X mitteilte.`
        relay: Entity | None = None
        own = s  # where the speech verbs of step 6 may start (after a relaying `Wie X meldete,`)
        for k in idx:
            if lows[k] in lex.wie_words and (
                k == s
                or doc[k - 1].text == ","
                or (k == s + 1 and doc[s].lower_ in {"denn", "und", "doch", "aber", "so"})
            ):
                verb = next(
                    (j for j in range(k + 1, min(e, k + 12)) if self._cue_at(doc, j, s, e, lex.cue_verbs, {})), None
                )
                if verb is None:
                    continue
                # `Wie die taz berichtet`: everything between `wie` and the verb names the source
                src = phrase_after(doc, k + 1, verb, lex) or (SpeakerPhrase(k + 1, verb) if verb > k + 1 else None)
                if src is not None and src.start == k + 1 and verb - k <= 8:
                    src = SpeakerPhrase(k + 1, verb)
                comma = next((j for j in range(verb, e) if doc[j].text == ","), None)
                initial = k == s or doc[k - 1].text != ","  # `Wie X berichtete, …`, `Denn wie X …`
                if not initial and first_verb < k and self._names_medium(doc, src, resolver):
                    # `…, sagte Uschakow, wie die Agentur Interfax meldete`: the agency relays the
                    # words of the speech verb's subject (the speech-verb rule below, with via)
                    relay = relay or resolver.entity(src)
                    continue
                later = (
                    next(
                        (
                            j
                            for j in range(comma + 1, e)
                            if not quoted[j] and self._cue_at(doc, j, comma + 1, e, lex.cue_verbs, lex.cue_particles)
                        ),
                        None,
                    )
                    if initial and comma is not None and self._names_medium(doc, src, resolver)
                    else None
                )
                if later is not None and self._subject(doc, comma + 1, later, e, resolver) is not None:
                    # `Wie die Agentur Tass meldete, warf Lawrow dem Westen vor, …`: the medium
                    # relays the words of a speech verb after the comma that has a subject of its
                    # own (not `Wie BBC berichtet, wurden … verurteilt`: the medium's own report)
                    relay = relay or resolver.entity(src)
                    own = comma + 1
                    break
                via = None
                marker = next((j for j in range(k + 2, verb) if lows.get(j) in lex.medium_markers), None)
                if marker is not None:
                    # `Wie ein Sprecher gegenüber der APA sagte, …`: the speaker, then the medium told
                    via = self._medium(doc, verb, e, resolver, k + 1)
                    if via is not None:
                        src = SpeakerPhrase(k + 1, marker)
                if initial and comma is not None:
                    return _Analysis(cue=(verb, verb + 1), speaker=src, message=(comma + 1, last), via=via)
                if not initial:
                    return _Analysis(cue=(verb, verb + 1), speaker=src, message=(s, k - 1), via=via)
        # 6. speech verbs
        for k in idx:
            if k < own:
                continue
            is_cue = self._cue_at(doc, k, s, e, lex.cue_verbs, lex.cue_particles)
            is_rep = self._cue_at(doc, k, s, e, lex.reported_verbs, lex.reported_particles)
            if not (is_cue or is_rep):
                continue
            if is_rep and not is_cue and self._later_clause_cue(doc, s, e, last, k, idx):
                continue
            if self._closing_frame(doc, s, e, last, k, quoted):
                continue  # the frame after the comma is the sentence's cue
            a = _Analysis(cue=(k, k + 1))
            a.speaker = self._owner_title(doc, self._subject(doc, own, k, e, resolver), k)
            a.via = self._medium(doc, k, e, resolver, own) or relay
            clause = None
            if is_cue:
                aux_inverted = self._inverted_with_auxiliary(doc, s, k, last, quoted)
                if aux_inverted is not None:
                    # `Die Reform sei überfällig, hatte Berg damals gesagt.`: the auxiliary after the
                    # comma, the subject, the participle closing the sentence
                    comma, subject = aux_inverted
                    a.speaker = subject
                    a.message = (s, comma)
                    return a
                inverted_speaker = phrase_after(doc, k + 1, e, lex) if k > s + 1 else None
                if inverted_speaker is not None and (
                    doc[inverted_speaker.start].tag_ in _PREPOSITION_TAGS
                    or doc[inverted_speaker.start].lower_ in lex.oblique_articles
                ):
                    inverted_speaker = None  # `sprach von einer „Gefahr“`: an object, no subject
                if (
                    doc[k - 1].text == ","
                    and k - 1 >= own  # (not the comma that closes `Wie X meldete,`)
                    and inverted_speaker is not None
                    and self._statement_before(doc, s, k - 1, quoted)
                ):
                    # inverted: `…, sagte er.` (not `X, der …, sagte am Montag`); a clause the
                    # reporter closed with a semicolon before it is not part of what was said
                    semi = max((j for j in range(s, k - 1) if doc[j].text == ";" and not quoted[j]), default=None)
                    clause = (semi + 1 if semi is not None and semi + 2 < k - 1 else s, k - 1)
                    a.speaker = inverted_speaker
                elif (
                    k - 1 > s
                    and doc[k - 2].text == ","
                    and lows.get(k - 1) in {"das", "dies", "so"}
                    and phrase_after(doc, k + 1, e, lex) is not None
                ):  # (not the relative clause `…, das vorschlug, …`: no subject after the verb)
                    # `…, das teilte X mit.`
                    clause = (s, k - 2)
                    a.speaker = phrase_after(doc, k + 1, e, lex)
                else:
                    clause = self._clause_after(doc, k, e, last)
                    if (
                        clause is not None
                        and doc[clause[0] - 1].text == ","
                        and self._comma_clause_cue(doc, clause[0] - 1, clause[1], e, quoted)
                    ):
                        # `X wies die Kritik zurück, die Sprecherin …, Anna Berg, erklärte: …`: the
                        # clause after the comma is another speaker's; this verb's content ends there
                        comma = clause[0] - 1
                        a.second = comma + 1
                        if is_rep and self.reported and a.speaker is not None and comma - s >= 3:
                            a.kind, a.message = "reported", (s, comma)
                        else:
                            a.kind = "cue"
                        return a
                    if clause is not None:
                        clause = self._before_second_cue(doc, clause, e, quoted)
            if clause is not None:
                a.message = clause
                self._citing(doc, k, e, a, resolver)
                claim = self._answered_claim(doc, k, clause[0])
                if claim is not None:
                    a.speaker, a.speaker_entity, a.speaker_known = claim, resolver.entity(claim), True
                return a
            if any(doc[j].text == ":" for j in range(k, e)):
                a.kind = "direct"  # introduces a quote after the colon
                return a
            if (
                is_rep
                and self.reported
                and a.speaker is not None
                and not self._von_agent(doc, s, k)
                and not self._naming_aside(doc, s, k)
                and not self._background(doc, s, k)
            ):
                # (an agentless passive, `Als Grund wurden Terminschwierigkeiten genannt`, `X wurde
                # zu drei Jahren verurteilt`, reports no one's statement: on the spkatt development
                # split a third of its words were messages, and it gave the next sentences no speaker)
                a.kind = "reported"
                a.message = (s, last)
                return a
            if a.speaker is not None:
                a.kind = "cue"  # a speech verb without content of its own (may govern a quote)
                self._citing(doc, k, e, a, resolver)
                return a
        # 7. `Demnach …`: according to the statement before
        if doc[idx[0]].lower_ in lex.demnach and len(idx) > 3 and not self._narrated_after(doc, idx):
            return _Analysis(cue=(idx[0], idx[0] + 1), message=(idx[0] + 1, last), kind="continuation")
        return None

    def _analyse_english(
        self,
        doc: Doc,
        s: int,
        e: int,
        last: int,
        idx: list[int],
        quoted: list[bool],
        resolver: SpeakerResolver,
    ) -> _Analysis | None:
        """English word order (subject-verb, or `said X` inverted after a quote) differs from the
        German verb-second rules below, so English gets its own small reading first; ``None``
        falls through to the shared rules. Covers `according to X, …`, `X said (that) …`,
        `"…," X said`, `"…," said X`, `X said: "…"`, `X told Reuters …` and `X was quoted by
        TASS as saying …`."""
        lex = self.lex
        lows = {k: doc[k].lower_ for k in idx}
        # `according to X, <clause>` / `<clause>, according to X`
        for k in idx:
            if lows[k] in lex.nach_words and lows.get(k + 1) in lex.nach_nouns:
                if any(lows[j] in lex.cue_verbs for j in idx if j < k) and doc[k - 1].text == ",":
                    continue  # `Wang told him that …, according to CCTV`: the verb's subject speaks
                src = phrase_after(doc, k + 2, e, lex)
                if src is None or (
                    src.end < e
                    and (
                        doc[src.end].lower_ in {"'s", "’s"}
                        # `According to the Gaza health ministry, …`: a lower-case head after the name
                        or (
                            doc[src.end].is_lower
                            and doc[src.end].tag_ in {"NN", "NNS"}
                            and doc[src.end - 1].tag_ in {"NNP", "NNPS"}
                        )
                    )
                ):
                    # `According to Ukraine's air force, …`: the owner's body, to the comma
                    src = self._source_stretch(doc, k + 2, s, last) or src
                if src is not None:
                    return self._edge_message(doc, s, last, k, src.end, src, cue=(k, k + 2))
        for k in idx:
            low = lows[k]
            if low not in lex.cue_verbs and low not in lex.zitiert and low not in lex.shared_subject:
                continue
            # the unquoted stretch of the sentence this verb belongs to
            start = k
            while start > s and not quoted[start - 1] and doc[start - 1].text not in {";", ":"}:
                start -= 1
            quote_before = start > s and quoted[start - 1]
            a = _Analysis(cue=(k, k + 1))
            if low in lex.zitiert:
                # `X was quoted by TASS as saying …`
                by = k + 1 if lows.get(k + 1) == "by" else None
                if by is not None:
                    vp = phrase_after(doc, by + 1, e, lex)
                    if vp is not None:
                        a.via = resolver.entity(vp)
                aux = k - 1 if lows.get(k - 1) in lex.auxiliaries else k
                a.speaker = phrase_before(doc, start, aux, lex)
                worten = next((j for j in range(k + 1, min(e, k + 8)) if lows.get(j) in lex.worten), None)
                if worten is not None:
                    a.extra_cue = [worten + 1 if lows.get(worten + 1) in lex.cue_verbs else worten]
                    a.message = self._clause_after(doc, a.extra_cue[-1], e, last)
                if a.message is None:
                    a.kind = "cue"
                return a if a.speaker is not None or a.via is not None else None
            aux = k - 1 if k - 1 >= start and lows.get(k - 1) in lex.auxiliaries else k
            while aux - 1 > start and doc[aux - 1].lower_ in lex.verb_adverbs:
                aux -= 1  # `Gordeyev also said`
            comma = next((j for j in range(aux - 1, start - 1, -1) if doc[j].text == ","), None)
            clause_start = start
            if comma is not None and not quote_before and comma + 1 < aux:
                # `In a statement carried by TASS, Lavrov said …`: a fronted phrase, then the subject
                start = comma + 1
            # `"…," the regional governor, Maksym Kozytskyi, wrote`: after a quote as well, a
            # subject with its apposition between commas stands before the verb
            appositive = self._appositive_subject(doc, start, aux)
            if appositive is not None:
                start = appositive.start  # `Hungary's foreign minister, Zoltán Berecz, said`
            before = appositive or phrase_before(doc, start, aux, lex)
            if before is not None and before.start > start and self._title_words(doc, start, before.start):
                before = SpeakerPhrase(start, before.end)  # `Ugandan government spokesman Daniel Kizito denied`
            elif (
                before is not None
                and before.start > start + 2
                and doc[start].text[:1].isupper()
                and doc[start + 1].lower_ in {"'s", "’s"}
                and self._title_words(doc, start + 2, before.start)
            ):
                # `Russia's foreign ministry spokeswoman Maria Zakharova called`: the owner and the
                # office before the name are the name's title, the person speaks
                before = SpeakerPhrase(start, before.end)
            if before is None or before.start > start:
                # `Kenya's foreign ministry said`, `the president's office in Warsaw said`
                before = self._anonymous_before(doc, start, aux) or before
            if before is None and aux - 1 >= start and doc[aux - 1].lower_ in lex.pronouns:
                before = SpeakerPhrase(aux - 1, aux)  # `…, he said he did not think …`
            if before is None and quote_before:
                before = self._described_before(doc, start, aux)  # `"…," the 52-year-old said.`
            relative = None
            if (
                before is None
                and aux - 3 >= s
                and lows.get(aux - 1) in lex.relative_pronouns
                and doc[aux - 2].text == ","
                and not quote_before
            ):
                # `…, Antonio Guterres, who said civilians "must never be a target"`: the relative pronoun's
                # antecedent, the name before the comma, speaks
                relative = phrase_before(doc, s, aux - 2, lex)
            if relative is not None:
                before = relative
            opener = before.start - 1 if before is not None else s
            if opener > start and doc[opener].lower_ in lex.np_inner:
                opener -= 1  # `after the World Food Programme warned`
            if (
                before is not None
                and relative is None
                and before.start != start
                and not quote_before
                and doc[opener].lower_ not in lex.subordinators
            ):
                before = None  # `the two sides would meet …`: the subject opens the clause
            if before is None and k == start and quote_before and k + 1 < e:
                # inverted after a quote: `"…," said X`
                before = phrase_after(doc, k + 1, e, lex) or self._inverted_anonymous(doc, k + 1, e)
            if before is None and k - 1 > s and (lows.get(k - 1) in {"and", "but"} or low in lex.shared_subject):
                # `Trump called the gift "fantastic" and said he would …`, `…, saying Putin had …`:
                # the verb shares the subject that opens the sentence
                opening = _after_dateline(doc, s, k)
                first = self._owner_title(doc, phrase_after(doc, opening, k, lex), k)
                if first is not None and first.start == opening and doc[opening].lower_ not in lex.fronting:
                    before = first
                    quote_before = False  # a quote before `and said` is the first verb's object
            if before is None:
                continue
            a.speaker = before
            a.via = self._medium(doc, k, e, resolver, s)
            nxt = k + 1
            if low in lex.addressee_verbs and nxt < e:
                # `told Reuters`, `told reporters`: the addressee, not the message
                obj = phrase_after(doc, nxt, e, lex)
                if obj is not None:
                    nxt = obj.end
                    if nxt < e and doc[nxt].lower_ in {"'s", "’s"}:
                        nxt += 1  # `told CNN's "State of the Union"`: the outlet's programme
                        while nxt < e and (quoted[nxt] or doc[nxt].text in self.lex.marks):
                            nxt += 1
                        host = phrase_after(doc, nxt, e, lex) if nxt < e and is_capitalised(doc[nxt]) else None
                        if host is not None:
                            nxt = host.end  # `told CNN's Jake Tapper that …`
                    tail = next((j for j in range(nxt, min(e, nxt + 2)) if doc[j].lower_ in lex.medium_nouns), None)
                    if tail is not None and all(doc[j].is_lower for j in range(nxt, tail)):
                        nxt = tail + 1  # `told the Interfax news agency`: the outlet's medium noun
                elif nxt < e and doc[nxt].is_alpha:
                    nxt += 1
                # `told Yonhap news agency the summit …`: the outlet's noun after its name is the addressee's
                noun = next((j for j in range(nxt, min(e, nxt + 3)) if lows.get(j) in lex.medium_nouns), None)
                if noun is not None and all(doc[j].is_lower and doc[j].is_alpha for j in range(nxt, noun + 1)):
                    nxt = noun + 1
            if nxt < e and doc[nxt].text == ":":
                a.kind = "direct"
                return a
            if quote_before:
                a.kind = "cue"  # governs the quote before it; what follows is circumstance
                return a
            if (
                nxt < e
                and doc[nxt].text == ","
                and comma is not None
                and start == comma + 1
                and comma - clause_start >= 3
                and not quoted[clause_start]
            ):
                # `The labor market was strong, she added, though growth had slowed.`: a frame
                # set between commas after the clause it reports
                a.message = (clause_start, comma)
                return a
            if (
                nxt < e
                and doc[nxt].text == ","
                and comma is not None
                and start == comma + 1
                and comma > clause_start
                and last - nxt >= 3
                and not quoted[clause_start]
            ):
                # `The talks, Peskov said, were constructive.`: a frame inside the clause it reports
                a.message = (clause_start, last)
                return a
            circumstance = nxt < e and (
                lows.get(nxt) in lex.circumstance
                or (
                    low in lex.addressee_verbs
                    and nxt > k + 1
                    and doc[nxt].is_lower
                    and lows.get(nxt) not in lex.complementisers
                )
            )
            if circumstance:
                # `said on Thursday that …`, `told the Kronen Zeitung newspaper that …`: the message
                # follows the complementiser; without one (`said in a statement carried by TASS on
                # Tuesday.`) it is the clause before the comma
                that = next((j for j in range(nxt, min(e, nxt + 12)) if lows.get(j) in lex.complementisers), None)
                opener = next((j for j in range(nxt + 1, min(e, nxt + 6)) if lows.get(j) in lex.clause_openers), None)
                if that is not None and not any(doc[j].is_punct or quoted[j] for j in range(nxt, that)):
                    nxt = that
                elif (
                    opener is not None
                    and lows.get(nxt) in lex.circumstance
                    and not any(doc[j].is_punct or quoted[j] for j in range(nxt, opener))
                    and last - opener >= 3
                ):
                    # `said in a statement it remained committed`: the clause with no `that`
                    nxt = opener
                elif (after_time := self._clause_after_time(doc, nxt, e, last)) is not None:
                    # `said on Monday Putin would travel`, `said on Tuesday the talks had stalled`:
                    # after the time of saying, a clause with a subject and a finite verb
                    nxt = after_time
                elif lows.get(nxt) in lex.circumstance:
                    if comma is not None and start == comma + 1 and comma - clause_start >= 3:
                        a.message = (clause_start, comma)
                    else:
                        a.kind = "cue"
                    return a
            ms = nxt + 1 if nxt < e and lows.get(nxt) in lex.complementisers else nxt
            end = next((j for j in range(ms, last) if lows.get(j) in lex.according and doc[j - 1].text == ","), last)
            end = end - 1 if end < last else last  # `…, according to CCTV` closes the message
            if a.via is not None:
                end = self._carried_tail(doc, ms, end, quoted)
            relay = self._trailing_relay(doc, ms, end, quoted, resolver)
            if relay is not None:
                # `Lavrov said …, the state news agency TASS reported.`: the frame after the last
                # comma is the medium that relays the statement, not part of it
                end, a.via = relay
            if end - ms >= 3 and not quoted[ms]:
                a.message = (ms, end)
                return a
            if comma is not None and start == comma + 1 and comma - clause_start >= 3:
                # `The talks were productive, Trump told Fox News.`: the clause before the comma
                a.message = (clause_start, comma)
                return a
            a.kind = "cue"
            return a
        return None

    def _relayed(
        self,
        doc: Doc,
        s: int,
        e: int,
        last: int,
        verb: int,
        src: SpeakerPhrase,
        resolver: SpeakerResolver,
    ) -> _Analysis | None:
        """`Lawrow sagte der Agentur Tass zufolge, Russland sei …`: a source phrase that names a
        medium (`Agentur`, `Zeitung`) in a sentence whose speech verb has a subject of its own
        relays that subject's words: the subject speaks, the medium is ``via``. None otherwise."""
        if verb >= e or not self._names_medium(doc, src, resolver):
            return None
        speaker = self._subject(doc, s, verb, e, resolver)
        if speaker is not None and speaker.start < src.end and src.start < speaker.end:
            # `hob der Kanzler dem „Tagesspiegel“ zufolge … hervor`: one phrase read over the
            # subject and the dative medium; the medium starts at the last article inside it
            cut = next(
                (
                    j
                    for j in range(src.end - 1, max(src.start, speaker.start), -1)
                    if doc[j].lower_ in {"dem", "der", "den"}
                ),
                None,
            )
            if cut is not None and self._names_medium(doc, SpeakerPhrase(cut, src.end), resolver):
                speaker, src = SpeakerPhrase(speaker.start, cut), SpeakerPhrase(cut, src.end)
        if speaker is None or (speaker.start < src.end and src.start < speaker.end):
            return None
        if verb < src.start:
            comma = next((j for j in range(src.end, e) if doc[j].text == ","), None)
            message = (comma + 1, last) if comma is not None and comma + 1 < last else None
        else:
            message = self._clause_after(doc, verb, e, last)
        if message is None:
            lex = self.lex
            if doc[verb].tag_ in _NONFINITE_VERB_TAGS or any(doc[j].lower_ in lex.hearsay for j in range(s, e)):
                return None  # (`Laut ISNA soll ein Gericht die Urteile bestätigt haben`: the medium's claim)
            if not self.reported or not (
                self._cue_at(doc, verb, s, e, lex.reported_verbs, lex.reported_particles)
                or self._cue_at(doc, verb, s, e, lex.cue_verbs, lex.cue_particles)
            ):
                return None
            # `Der Kanzler lobte dem „Tagesspiegel“ zufolge die Rolle Polens.`: reported speech of
            # the verb's subject, relayed by the medium
            return _Analysis(
                cue=(verb, verb + 1), speaker=speaker, message=(s, last), kind="reported", via=resolver.entity(src)
            )
        return _Analysis(cue=(verb, verb + 1), speaker=speaker, message=message, via=resolver.entity(src))

    def _owner_title(self, doc: Doc, phrase: SpeakerPhrase | None, k: int) -> SpeakerPhrase | None:
        """`Russia's foreign ministry spokeswoman Maria Zakharova called …`: an English subject
        read as the owner alone (`Russia`) whose `'s` opens an office in lower case and a name
        right before the verb at ``k`` is that person, with the owner and office as the title."""
        if self.lang != "en" or phrase is None or phrase.end + 2 >= k or doc[phrase.end].lower_ not in {"'s", "’s"}:
            return phrase
        j = phrase.end + 1
        while j < k and doc[j].is_lower:
            j += 1
        if j > phrase.end + 1:
            if j >= k or not self._title_words(doc, phrase.end + 1, j):
                return phrase
            stop = j
            while stop < k and stop - j < 4 and doc[stop].text[:1].isupper() and doc[stop].is_alpha:
                stop += 1
            return SpeakerPhrase(phrase.start, stop) if stop == k or doc[stop].text == "," else phrase
        # `Italy's Prime Minister Giorgia Meloni struck …`: a capitalised office and name
        named = phrase_after(doc, j, k, self.lex)
        if named is None or named.start != j or named.end - j < 2 or not self._title_words(doc, j, named.end):
            return phrase
        return SpeakerPhrase(phrase.start, named.end)

    def _carried_tail(self, doc: Doc, ms: int, end: int, quoted: list[bool]) -> int:
        """`Zakharova said the plans were dangerous, in comments carried by the state news agency
        TASS.`: a message whose last comma opens a phrase with a relaying marker and `by` (the
        medium found as ``via``) ends at that comma; the phrase is the frame, not the words."""
        comma = next((j for j in range(end - 2, max(ms, end - 14), -1) if doc[j].text == ","), None)
        if comma is None or comma - ms < 3 or any(quoted[j] or doc[j].is_punct for j in range(comma + 1, end)):
            return end
        tail = range(comma + 1, end - 1)
        if any(doc[j].lower_ in self.lex.medium_markers and doc[j + 1].lower_ in self.lex.relay_words for j in tail):
            return comma
        return end

    def _trailing_relay(
        self, doc: Doc, ms: int, end: int, quoted: list[bool], resolver: SpeakerResolver
    ) -> tuple[int, Entity | None] | None:
        """`…, the state news agency TASS reported`, `…, Interfax reported`: a message that ends on
        a comma, a phrase naming a medium and a speech verb carries the medium's frame. Returns the
        comma (the message's new end) and the medium, or None."""
        if end - ms < 5 or doc[end - 1].lower_ not in self.lex.cue_verbs or quoted[end - 1]:
            return None
        comma = next((j for j in range(end - 2, max(ms, end - 10), -1) if doc[j].text == ","), None)
        if comma is None or comma - ms < 3 or any(doc[j].is_punct or quoted[j] for j in range(comma + 1, end)):
            return None
        phrase = SpeakerPhrase(comma + 1, end - 1)
        if not self._names_medium(doc, phrase, resolver):
            return None
        ent = resolver.entity(phrase)
        # (`…, Chinese state media reported`: the frame is cut off, but the country the adjective
        # names is no medium)
        return comma, ent if ent is not None and ent.type in {"ORG", "MISC"} else None

    def _names_medium(self, doc: Doc, phrase: SpeakerPhrase | None, resolver: SpeakerResolver) -> bool:
        """Whether a phrase names a relaying medium: a medium noun (`die Agentur Interfax`) or an
        outlet of ``quotes_media.toml`` (`der Spiegel`)."""
        if phrase is None:
            return False
        lex = self.lex
        words = {doc[j].lower_ for j in range(phrase.start, phrase.end)}
        if words & lex.medium_nouns or words & lex.media_names:
            return True
        ent = resolver.entity(phrase)
        return ent is not None and ent.name.casefold() in lex.media_names

    def _appositive_subject(self, doc: Doc, start: int, aux: int) -> SpeakerPhrase | None:
        """`Hungary's foreign minister, Zoltán Berecz, said`, `The Centre for Fiscal Analysis, an
        independent think tank, said`, `Brandstetter, whose party trails, said`: a subject and an
        apposition (or relative clause) between commas before the verb. The whole stretch is the
        speaker phrase, so the resolver picks the person (else organisation) named in either part.
        English only: German puts the finite verb second, not after the subject's apposition."""
        if aux - 1 <= start or doc[aux - 1].text != ",":
            return None
        inner = next((j for j in range(aux - 2, start - 1, -1) if doc[j].text == ","), None)
        # (a relative clause may run longer: `The minister, who spoke on condition of anonymity
        # because he was not authorised to speak publicly, said`)
        longest = 24 if inner is not None and doc[inner + 1].lower_ in self.lex.relative_pronouns else 12
        if inner is None or not 1 <= aux - 1 - (inner + 1) <= longest:
            return None
        outer = next((j for j in range(inner - 1, start - 1, -1) if doc[j].text in {",", ":", ";"}), None)
        head = outer + 1 if outer is not None else start
        if not 1 <= inner - head <= 8:
            return None
        words = [doc[j] for j in range(head, aux - 1)]
        if not any(t.text[:1].isupper() for t in words) or any(
            doc[j].lower_ in self.lex.cue_verbs for j in range(head, inner)
        ):
            return None  # (a cue verb may stand in the apposition: `A diplomat, who asked not to be named, told`)
        first = doc[head]
        if not (first.text[:1].isupper() or first.lower_ in self.lex.np_inner or first.lower_ in self.lex.possessives):
            return None
        if doc[inner + 1].lower_ in self.lex.relative_pronouns and not any(
            doc[j].text[:1].isupper() for j in range(head + 1, inner)
        ):
            # `The group, which relies on sources in Syria, said`: a description with a relative
            # clause is the description alone; the places and bodies in the clause do not speak
            return SpeakerPhrase(head, inner)
        return SpeakerPhrase(head, aux - 1)

    def _title_words(self, doc: Doc, start: int, end: int) -> bool:
        """Whether ``[start, end)`` is a lower-case office before a name (`Ugandan government
        spokesman`, `Kazakh Foreign Ministry spokesman`): up to six nouns, adjectives and
        determiners by the tagger's reading; never without tags."""
        if not 1 <= end - start <= 6 or not doc[start].tag_:
            return False
        return all(doc[j].tag_ in _NOMINAL_TAGS and doc[j].lower_ not in self.lex.cue_verbs for j in range(start, end))

    def _source_stretch(self, doc: Doc, start: int, s: int, last: int) -> SpeakerPhrase | None:
        """`According to the office, …`, `According to a survey by the pollster Market Insight
        published on Tuesday, …`, `…, according to the operator.`: a source in lower case (or with
        its name inside a longer phrase) runs to the comma that opens the message, or to the
        sentence end; the resolver looks for a name inside it."""
        if start - 2 <= s:
            stop = next((j for j in range(start, min(last, start + 16)) if doc[j].text == ","), None)
        else:
            stop = last if last - start <= 8 and doc[start - 3].text == "," else None
        if stop is None or stop <= start or not doc[start].is_alpha:
            return None
        return SpeakerPhrase(start, stop)

    def _anonymous_before(self, doc: Doc, start: int, aux: int) -> SpeakerPhrase | None:
        """`A senior official said`, `A spokeswoman for the ministry told …`: an unnamed speaker
        written in lower case, kept as the whole phrase (with its organisation) from the clause
        start to the verb when it opens with a determiner or its head noun."""
        if aux - start < 1 or aux - start > 10:
            return None
        words = [doc[j] for j in range(start, aux)]
        if any(t.is_punct for t in words) or not any(t.lower_ in self.lex.anonymous for t in words):
            return None
        # `Kenya's`, `Prime Minister Keir Starmer's office`: a capitalised owner (a name with its
        # titles) before the possessive
        possessive = next((p for p, t in enumerate(words) if t.lower_ in {"'s", "’s"}), None)
        owner = bool(possessive) and all(t.text[:1].isupper() for t in words[:possessive])
        if words[0].lower_ not in self.lex.np_inner and words[0].lower_ not in self.lex.anonymous and not owner:
            return None
        return SpeakerPhrase(start, aux)

    def _clause_after_time(self, doc: Doc, nxt: int, e: int, last: int) -> int | None:
        """`said on Monday Putin would …`, `said Tuesday the talks had …`: when a time expression
        of the times layer starts at the circumstance word ``nxt`` or one of the two after it
        (`late on Friday`), the token
        after the time opens the content clause if a subject (a pronoun, an article, a name)
        stands there and a finite verb follows within a few words before any punctuation."""
        times = getattr(doc._, "times", None) or []
        lo = doc[nxt].idx
        hi = doc[min(nxt + 2, e - 1)].idx
        time = next((t for t in times if lo <= t.start <= hi), None)
        if time is None:
            return None
        p = next((j for j in range(nxt, e) if doc[j].idx >= time.end), None)
        if p is None or last - p < 3:
            return None
        first = doc[p]
        lex = self.lex
        if not (
            first.lower_ in lex.clause_openers
            or first.lower_ in lex.definite_articles
            or (is_capitalised(first) and first.tag_ in {"NNP", "NNPS"})
        ):
            return None
        for j in range(p + 1, min(last, p + 8)):
            if doc[j].is_punct:
                return None
            if doc[j].tag_ in {"MD", "VBD", "VBZ", "VBP"}:
                return p
        return None

    def _described_before(self, doc: Doc, start: int, aux: int) -> SpeakerPhrase | None:
        """`"…," the 52-year-old said.`, `"…," the veteran firefighter said.`: right after a
        quote, a lower-case phrase opened by a definite article or a possessive and running up
        to the verb is the verb's subject whatever its head (the speaker list names only
        offices); the resolver decides whom it describes."""
        lex = self.lex
        if not 2 <= aux - start <= 7:
            return None
        if doc[start].lower_ not in lex.definite_articles and doc[start].lower_ not in lex.possessives:
            return None
        for j in range(start + 1, aux):
            tok = doc[j]
            if tok.text == "-" or tok.like_num:
                continue
            if not tok.is_alpha or not tok.is_lower:
                return None
        return SpeakerPhrase(start, aux)

    def _inverted_anonymous(self, doc: Doc, start: int, e: int) -> SpeakerPhrase | None:
        """`"…," said a spokesman for the ministry.`, `"…," said the governor, Maksym Kozytskyi.`:
        an inverted subject in lower case (an unnamed speaker or an office after its article),
        kept to the comma or the sentence end, with the name in apposition after the comma when
        one follows. English only: the capitalised subject is ``phrase_after``'s."""
        stop = next((j for j in range(start, min(e, start + 11)) if doc[j].is_punct), None)
        if stop is None or stop == start:
            return None
        phrase = self._anonymous_before(doc, start, stop)
        if phrase is None:
            return None
        if doc[stop].text == "," and stop + 1 < e and is_capitalised(doc[stop + 1]):
            name = phrase_after(doc, stop + 1, e, self.lex)
            if name is not None and (name.end >= e or doc[name.end].is_punct):
                return SpeakerPhrase(start, name.end)  # `the governor, Maksym Kozytskyi,`
        return phrase

    def _narrated_after(self, doc: Doc, idx: list[int]) -> bool:
        """`Danach brach Feuer aus.`: an adverb that also means "afterwards" (``[prepositional]
        temporal_pointers``) opening a sentence told in the past tense narrates what happened next;
        it points to a source (`Danach ist die Regierung verantwortlich`) only in a sentence
        without a finite verb in the past (read from the morphology; untagged text keeps the
        pointer)."""
        if doc[idx[0]].lower_ not in self.lex.temporal_pointers:
            return False
        return any(
            doc[k].tag_ in _FINITE_TAGS
            and "Past" in doc[k].morph.get("Tense")
            and "Sub" not in doc[k].morph.get("Mood")
            for k in idx
        )

    def _naming_aside(self, doc: Doc, s: int, k: int) -> bool:
        """Whether the reported-speech verb at ``k`` stands outside the sentence's main clause, where
        naming verbs mean "called", not "said": in a relative or adverbial clause opened after a
        comma (`…, welche oft als Finale bezeichnet wurde`, `…, wie er sich selbst nannte`), or as
        a participle that no auxiliary before it makes a verb (`das Profil 2.0, auch „BD-Live“
        genannt, …`, `Das Objekt, genannt 2003 EL61, …`)."""
        lex = self.lex
        comma = next((j for j in range(k - 1, s, -1) if doc[j].text in {",", "(", "–"}), None)
        if comma is not None and comma + 1 < k:
            opener = doc[comma + 1]
            if opener.tag_ in {"PRELS", "PRELAT", "KOUS", "PWAV"} or opener.lower_ in lex.wie_words:
                return True
        return doc[k].tag_ == "VVPP" and not any(doc[j].lower_ in lex.auxiliaries for j in range(s, k))

    def _closing_frame(self, doc: Doc, s: int, e: int, last: int, k: int, quoted: list[bool]) -> bool:
        """`Klingbeil habe dies in einer Runde angekündigt, schreibt das Blatt.`: a speech verb at
        ``k`` inside a Konjunktiv clause that a frame after a comma closes (a cue verb and its
        subject ending the sentence) is part of the reported content, not the sentence's cue."""
        lex = self.lex
        for j in range(k + 1, last):
            if doc[j].text != "," or quoted[j] or j + 2 >= last:
                continue
            if not self._cue_at(doc, j + 1, s, e, lex.cue_verbs, lex.cue_particles):
                continue
            subject = phrase_after(doc, j + 2, e, lex)
            if subject is None or subject.end < last - 1:
                continue
            return any(doc[m].lower_ in lex.konjunktiv for m in range(s, j) if not quoted[m])
        return False

    def _later_clause_cue(self, doc: Doc, s: int, e: int, last: int, k: int, idx: list[int]) -> bool:
        """`Trump nannte die Idee interessant und sagte, er könne sich vorstellen …`: a speech verb
        later in the sentence governs a content clause; that clause is the statement, not the
        whole sentence as reported speech of the first verb."""
        lex = self.lex
        return any(
            self._cue_at(doc, j, s, e, lex.cue_verbs, lex.cue_particles) and self._clause_after(doc, j, e, last)
            for j in idx
            if j > k + 1
        )

    def _background(self, doc: Doc, s: int, k: int) -> bool:
        """Whether the reported-speech verb at ``k`` is a participle in the pluperfect (`Küng hatte
        zuvor die Unfehlbarkeit des Papstes kritisiert`, `Trump hatte das Treffen am Freitag
        angekündigt`): what someone had said before the reported events is background the
        article recalls, not a statement it reports (``[reported] background_auxiliaries``)."""
        aux = self.lex.background_auxiliaries
        return doc[k].tag_ == "VVPP" and any(doc[j].lower_ in aux for j in range(s, k))

    def _von_agent(self, doc: Doc, s: int, k: int) -> bool:
        return any(doc[j].lower_ == "von" for j in range(max(s, k - 8), k))

    def _subject(
        self, doc: Doc, s: int, k: int, e: int, resolver: SpeakerResolver | None = None
    ) -> SpeakerPhrase | None:
        """Subject of the cue verb at ``k``. German main clauses put the finite verb second: the
        subject is the phrase that opens the clause, unless an adverbial or an object was fronted,
        in which case it follows the finite verb (an auxiliary, if the cue is a participle:
        `Rice hat … erklärt`). An agent `von X` before a participle (`von russischer Seite als
        "konstruktiv" bezeichnet`) wins. Entities break ties: a named person or organisation after
        the verb beats a fronted phrase naming none (`Eine Verschiebung bezeichnete Conze …`)."""
        lex = self.lex
        if self.lang == "en" and (appositive := self._appositive_subject(doc, s, k)) is not None:
            return appositive  # `Her opposite number, Owen Pritchard, called the plan "…"`
        embedded = self._subordinate_subject(doc, s, k)
        if embedded is not None:
            return embedded
        clause_start = s
        comma_seen = False
        for j in range(k - 1, max(s, k - 30) - 1, -1):
            if doc[j].text == ",":
                comma_seen = True
            # a coordinated main clause starts after `und`, unless that `und` sits inside a
            # relative clause closed by a comma before the verb (`X, der … war und …, sagte`)
            if doc[j].text in {":", ";"}:
                clause_start = j + 1
                break
            if doc[j].lower_ in {"und", "aber", "doch", "sondern"} and not comma_seen:
                if (
                    doc[j].lower_ == "und"
                    and self._tagged
                    and not any(doc[m].tag_ in _FINITE_TAGS for m in range(s, j))
                ):
                    continue  # `Die Außenminister Frankreichs, Italiens und Österreichs erklärten`: one phrase
                if self._tagged and self._participle_after_aux(doc, s, j, k):
                    # `Huber hatte die Rolle der Bürgermeister und der Landräte betont`: a participle
                    # whose clause has no finite verb after `und` is no coordinated clause of its own;
                    # the `und` joins two nouns of the object
                    continue
                clause_start = j + 1
                break
        while clause_start < k and (doc[clause_start].is_punct or doc[clause_start].is_space):
            clause_start += 1
        quoted_now = self._quoted_now
        if len(quoted_now) == len(doc) and clause_start < k and quoted_now[clause_start]:
            # `„…“, ließ ein Sprecher verlauten`: the quoted words before the frame are not its subject
            while clause_start < k and (quoted_now[clause_start] or doc[clause_start].is_punct):
                clause_start += 1
        von = next((j for j in range(max(clause_start, k - 8), k) if doc[j].lower_ in {"von", "vom"}), None)
        # an agent `von X` belongs to a passive (`wurde von X … genannt`) or an attributive
        # participle (`den von X als … bezeichneten Gesprächen`), not to `Die Aussage von X sagte`
        # (the auxiliary of the cue's own clause: not one closing a relative clause before a comma,
        # `In einem Bericht, der … veröffentlicht wurde, rechtfertigte das Ministerium …`)
        passive = any(
            doc[j].lower_ in {"wurde", "wird", "wurden", "werden", "worden"}
            and not (j + 1 < k and doc[j + 1].text == ",")
            for j in range(clause_start, k)
        )
        attributive = (
            von is not None
            and von > s
            and doc[von - 1].lower_ in {"den", "die", "der", "dem", "des", "das"}
            and k + 1 < e
            and is_capitalised(doc[k + 1])
        )
        if von is not None and (passive or attributive):
            vp = phrase_after(doc, von + 1, k, lex)
            if vp is not None:
                return SpeakerPhrase(von, vp.end)
        if passive and von is None:
            # `So wird in einer Pressemitteilung der Organisation gefordert, dass …`: a passive
            # without agent names the document the demand stands in
            for j in range(clause_start, k):
                if doc[j].lower_ not in _SOURCE_PREPOSITIONS:
                    continue
                pp = phrase_after(doc, j + 1, k, lex)
                if (
                    pp is not None
                    and pp.start == j + 1
                    and any(doc[m].lower_ in lex.documents for m in range(pp.start, pp.end))
                ):
                    return SpeakerPhrase(j, pp.end)
            if doc[k].tag_ == "VVPP":
                return None  # `Als Grund wurden Terminschwierigkeiten genannt`: no agent, no speaker
        anchor = k
        for j in range(clause_start, k):
            if doc[j].lower_ in lex.auxiliaries and not any(doc[m].text == "," for m in range(j, k)):
                anchor = j
                break
        before = None
        first = doc[clause_start]
        demonstrative = first.lower_ in {"das", "dies", "diese", "dieses"} and clause_start + 1 == anchor
        # a fronted adverbial (`Weiterhin erklärte …`, `Am Montag sagte …`) is no subject: the
        # listed words, or what the tagger calls an adverb or a preposition
        # (a surname the tagger took for an adverb, `Trump sprach …`, is a subject)
        fronted = (
            first.lower_ in lex.fronting
            or (first.tag_ in _FRONTED_TAGS and (resolver is None or resolver.surname(first.text) is None))
            or first.lower_ in lex.oblique_articles
        )
        if (
            clause_start < anchor
            and not demonstrative  # `Das teilte die Polizei mit`
            and not fronted
            and first.lower_ not in lex.complementisers
        ):
            before = phrase_after(doc, clause_start, anchor, lex)
            if before is not None and before.start != clause_start:
                before = None
        if (
            clause_start == anchor
            and clause_start > s
            and doc[clause_start - 1].lower_ in _COORDINATORS
            and clause_start - 1 > s
        ):
            # `… befand X und nannte den Angriff „…“`: a finite verb right after `und` has no
            # subject of its own (German would say `und er nannte`): it shares the first one
            head = doc[k].head
            first_verb = (
                head.i if doc[k].dep_ == "conj" and s <= head.i < clause_start and head.tag_ in _FINITE_TAGS else None
            )
            sent = min(s, doc[k].sent.start) if doc.has_annotation("SENT_START") else s
            opening = next((m for m in range(sent, clause_start - 1) if doc[m].tag_ in _FINITE_TAGS), None)
            start = s
            if (
                opening is not None
                and (first_verb is None or opening < first_verb)
                and self._cue_at(doc, opening, sent, e, lex.cue_verbs, lex.cue_particles)
            ):
                # (`Er sagte, Europa brauche die Engländer, und fügte hinzu: …`: the parser joins the
                # second verb to the reported clause's; the one who adds is the one who said)
                first_verb, start = opening, sent
            if first_verb is None:
                first_verb = next((m for m in range(s, clause_start - 1) if doc[m].tag_ in _FINITE_TAGS), None)
            if first_verb is not None:
                shared = self._subject(doc, start, first_verb, e, resolver)
                if shared is not None:
                    return shared
        after = phrase_after(doc, anchor + 1, e, lex)
        if after is None and anchor + 2 < e and doc[anchor + 1].tag_ == "ADV":
            # `kündigte heute der Landrat … an`: an adverb between the verb and its subject
            after = phrase_after(doc, anchor + 2, e, lex)
            if after is not None and after.start != anchor + 2:
                after = None
        if after is None and anchor == k and doc[k - 1].text == ",":
            # `Vor kurzem hatte ein Talibanführer, X, erklärt, …`: an apposition between the
            # auxiliary and the participle; the subject follows the auxiliary
            aux = next(
                (j for j in range(clause_start, k) if doc[j].lower_ in lex.auxiliaries and doc[j].tag_ in _FINITE_TAGS),
                None,
            )
            if aux is not None and fronted:
                after = phrase_after(doc, aux + 1, k, lex)
                if after is not None and after.start != aux + 1:
                    after = None
        if after is not None and (
            doc[after.start].lower_ in lex.oblique_articles or doc[after.start].tag_ in _PREPOSITION_TAGS
        ):
            after = None  # `kritisierte den Anschlag`: an object, never the subject
        inner = None
        if fronted and clause_start + 1 < anchor and first.lower_ not in lex.oblique_articles:
            # `Auch Feinstein argumentierte, …`: a particle, then the subject (not `Den Unmut …
            # brachte X zum Ausdruck`, a fronted object)
            inner = phrase_after(doc, clause_start + 1, anchor, lex)
            if inner is None or inner.start != clause_start + 1:
                inner = None
        # the parser's subject of the cue verb: trusted only to choose among the phrases word
        # order offers after a fronted adverbial (it often calls a fronted object the subject)
        parsed = self._parsed_subject(doc, k, clause_start, e) if before is None else None
        if parsed is not None:
            if first.tag_ not in _PREPOSITION_TAGS and inner is not None and inner.start <= parsed < inner.end:
                return inner
            if after is not None and after.start <= parsed < after.end:
                return after
            if after is None and inner is None:
                own = self._parse_phrase(doc, parsed, clause_start, e)
                if own is not None:
                    return own
        if before is None and after is None and inner is not None:
            return inner
        if before is None and after is None and clause_start > s:
            # `X war anwesend und sagte, …`: a coordinated clause shares the first subject
            return self._subject(doc, s, s + (clause_start - s) - 1, e, resolver) if clause_start - 1 > s else None
        if before is None:
            return after
        if after is None or resolver is None:
            return before

        if self._abstract(doc, before) and not self._abstract(doc, after):
            # `Jegliche Mitverantwortung … weist Hartmann von sich:`, `Die praktische Anwendung …
            # stellte der SPD-Vorsitzende … in Frage`: a fronted abstract noun is the object
            return after

        def named(p: SpeakerPhrase) -> bool:
            if doc[p.start].text in lex.pronouns or doc[p.start].lower_ in lex.pronouns:
                return True
            ent = resolver._best_mention(doc[p.start].idx, doc[p.end - 1].idx + len(doc[p.end - 1]))
            return ent is not None and ent.type in {"PER", "ORG"}

        def apposition_named(p: SpeakerPhrase, limit: int) -> bool:
            # `Der bayerische CSU-Vorsitzende, Edmund Stoiber, warf …`, `Der Vorsitzende der
            # Gewerkschaft ver.di, Nachfolgerin der ÖTV, Frank Bsirske, würdigte …`: a name in one
            # of the comma-delimited appositions that follow the phrase
            commas = [m for m in range(p.end, min(limit, p.end + 25)) if doc[m].text == ","]
            for c in commas[:3]:
                app = phrase_after(doc, c + 1, limit, lex)
                if (
                    app is not None
                    and app.start == c + 1
                    and app.end < limit
                    and doc[app.end].text == ","
                    and named(app)
                ):
                    return True
            return False

        if (named(after) or apposition_named(after, e)) and not named(before) and not apposition_named(before, k):
            parsed = self._parsed_subject(doc, k, clause_start, e)
            pronoun = doc[after.start].text in lex.pronouns or doc[after.start].lower_ in lex.pronouns
            if (
                parsed is not None
                and before.start <= parsed < before.end
                and before.end - before.start > 1
                and not pronoun
            ):
                return before  # `Der frühere Senator, Henning Scherf (SPD), warnte die CDU`
            return after
        return before

    def _participle_after_aux(self, doc: Doc, s: int, j: int, k: int) -> bool:
        """Whether the cue at ``k`` is the participle of a perfect whose finite auxiliary stands
        before the `und` at ``j`` (`hatte die Rolle der A und der B betont`), with no finite verb
        between `und` and the cue: then `und` coordinates nouns, not clauses. The tagger often
        calls such a participle (`betont`, `erklärt`) finite, so a form ending in `-t` (not the
        past tense's `-te`) counts as one."""
        verb = doc[k]
        if verb.tag_ in _FINITE_TAGS and not (verb.lower_.endswith("t") and verb.tag_ == "VVFIN"):
            return False
        if any(doc[m].tag_ in _FINITE_TAGS for m in range(j + 1, k)):
            return False
        return any(doc[m].lower_ in self.lex.auxiliaries and doc[m].tag_ == "VAFIN" for m in range(s, j))

    def _fronted_source(self, doc: Doc, s: int, k: int) -> SpeakerPhrase | None:
        """A prepositional phrase that opens the sentence before `heißt es` (`In dem Antrag`,
        `Bei der Agentur RIA`, `Im letzten Satz der Anordnung (…), die …`): the document or place
        the words come from, up to its first comma or the finite verb."""
        first = doc[s]
        if first.tag_ not in _PREPOSITION_TAGS and first.lower_ not in _SOURCE_PREPOSITIONS:
            return None
        end = s + 1
        while end < k and doc[end].text not in {",", ":"} and doc[end].tag_ not in _FINITE_TAGS:
            end += 1
        if end - s < 2 or end - s > 14 or not any(is_capitalised(doc[m]) for m in range(s + 1, end)):
            return None
        return SpeakerPhrase(s, end)

    def _clause_opener(self, doc: Doc, s: int, k: int) -> int | None:
        """The relative pronoun or subordinating conjunction that opens the verb-final clause of
        the verb at ``k``, or None when ``k`` stands in a main clause (or there are no tags)."""
        if not self._tagged:
            return None
        for j in range(k - 1, max(s, k - 12) - 1, -1):
            tok = doc[j]
            if tok.text in {",", ";", ":"} or tok.tag_ in _FINITE_TAGS:
                return None  # the clause boundary or a main-clause verb comes first
            if tok.tag_ in {"PRELS", "KOUS"}:
                return j
        return None

    def _subordinate_subject(self, doc: Doc, s: int, k: int) -> SpeakerPhrase | None:
        """The subject of a cue verb at the end of a subordinate or relative clause (`…, nachdem
        sie berichtet hatte, dass …`, `einen Zettel, in dem er verlangte, dass …`, `X, der das
        Ergebnis als „Fest“ bezeichnete, …`): the phrase right after the relative pronoun or
        conjunction, else the relative pronoun itself. Needs the tagger; None in main clauses."""
        j = self._clause_opener(doc, s, k)
        if j is None or doc[j].lower_ in self.lex.complementisers or doc[j].lower_ in self.lex.wie_words:
            return None  # `dass X gefragt habe` is reported content; `wie X berichtete` has its rule
        first = j + 1
        while first < k and doc[first].tag_ in {"ADV", "ADJD", "PTKNEG"}:
            first += 1
        inner = phrase_after(doc, first, k, self.lex) if first < k else None
        if (
            inner is not None
            and doc[j].tag_ == "PRELS"
            and "Nom" in doc[j].morph.get("Case")
            and "Nom" not in doc[inner.start].morph.get("Case")
            and doc[inner.start].tag_ != "NE"
        ):
            # `ein Prediger, der alle Zuschauer aufforderte, …`: a nominative relative pronoun is the
            # subject; the phrase after it (no nominative) is the object
            return SpeakerPhrase(j, j + 1)
        if inner is not None and inner.start == first and doc[first].lower_ not in self.lex.oblique_articles:
            return inner
        if doc[j].tag_ == "PRELS" and doc[j].lower_ in {"der", "die", "welcher", "welche"}:
            return SpeakerPhrase(j, j + 1)  # `…, der zunächst … bezeichnete`: the relative pronoun
        return None

    def _statement_before(self, doc: Doc, s: int, comma: int, quoted: list[bool]) -> bool:
        """Whether the stretch before the comma of `…, sagte X` can be what X said: a quote or a
        clause with a finite verb. `Lothar Nicht, Ordnungsdezernent der Stadt, sprach …` is a
        subject with its apposition, not a statement (no verb). Untagged text is given the benefit."""
        prev = next((j for j in range(comma - 1, s, -1) if doc[j].text == ","), None)
        if (
            prev is not None
            and prev - s <= 5
            and 1 <= comma - prev - 1 <= 3
            and all(is_capitalised(doc[j]) for j in range(prev + 1, comma))
            and not any(quoted[j] for j in range(s, comma))
        ):
            return False  # `Der Parteichef, Edmund Stoiber, warf …`: a name in apposition, tags or not
        if not self._tagged:
            return True
        return any(
            quoted[j] or doc[j].tag_ in _FINITE_TAGS or doc[j].tag_ in {"VVPP", "VVINF"} for j in range(s, comma)
        )

    def _parsed_subject(self, doc: Doc, k: int, lo: int, hi: int) -> int | None:
        """The token the dependency parse marks as subject (``nsubj``) of the cue verb at ``k``,
        or of the verb it is coordinated with (`X kam und sagte`); None without a parse. The
        first of several wins: a nominative before the verb is the subject in German news prose
        (`Ein Sprecher sagte SPIEGEL ONLINE` — the parser may call the dative a subject too)."""
        if not self._parsed:
            return None
        tok = doc[k]
        for _ in range(3):
            subjects = [c.i for c in tok.children if c.dep_ == "nsubj" and lo <= c.i < hi]
            if subjects:
                return min(subjects)
            if tok.dep_ != "conj" or tok.head.i == tok.i:
                return None
            tok = tok.head
        return None

    def _parse_phrase(self, doc: Doc, n: int, lo: int, hi: int) -> SpeakerPhrase | None:
        """The subject phrase around the parser's subject token ``n`` when the word-order reading
        found none there (`Am Montag sagte der 81-jährige …`): its subtree from the left, up to
        the first comma or bracket after it; None when that is long or names nobody."""
        tok = doc[n]
        left = max(lo, min((t.i for t in tok.subtree), default=n))
        while left < n and (doc[left].is_punct or doc[left].tag_ in _PREPOSITION_TAGS):
            left += 1
        right = n + 1
        limit = min(hi, max((t.i for t in tok.subtree), default=n) + 1)
        while right < limit and not doc[right].is_punct and not doc[right].is_space:
            right += 1
        if right - left > 12 or tok.lower_ in self.lex.stop_words or tok.tag_ in _FRONTED_TAGS:
            return None
        if tok.text in self.lex.pronouns or tok.lower_ in self.lex.pronouns:
            return SpeakerPhrase(n, n + 1)
        if not any(is_capitalised(doc[m]) for m in range(left, right)):
            return None
        return SpeakerPhrase(left, right)

    def _medium(self, doc: Doc, k: int, e: int, resolver: SpeakerResolver, s: int = 0) -> Entity | None:
        """The relaying medium named around a cue (`sagte X der Zeitung Y`, `gegenüber Y`)."""
        lex = self.lex
        for j in range(k + 1, min(e, k + 25)):
            if doc[j].lower_ in lex.according and (j + 1 >= e or doc[j + 1].lower_ not in lex.according):
                # `sagte er nach Angaben des Außenministeriums`, `…, according to state broadcaster
                # CCTV`: after the speaker's own cue, the body it is known through relays it
                start = j + 1
                while start < e and doc[start].lower_ in lex.relay_words:
                    start += 1
                ph = phrase_after(doc, start, e, lex) or self._anonymous_before(doc, start, min(e, start + 4))
                if ph is not None:
                    ent = resolver.entity(ph)
                    if ent is not None and ent.type in {"ORG", "MISC"}:
                        return ent
        for j in range(max(s, k - 12), min(e, k + 15)):
            if doc[j].lower_ in lex.medium_nouns or doc[j].lower_ in lex.medium_markers:
                start = j + 1 if doc[j].lower_ in lex.medium_markers else j
                if start < e and doc[start].lower_ in lex.relay_words:
                    start += 1  # `in a statement carried by TASS`
                ph = phrase_after(doc, start, e, lex)
                if ph is None and doc[j].lower_ in lex.medium_markers and start > j + 1 and start < e:
                    # `carried by the state news agency TASS`: an outlet named in a lower-case
                    # phrase after the marker and its relay word
                    stop = min(e, start + 8)
                    ent = resolver._best_mention(doc[start].idx, doc[stop - 1].idx + len(doc[stop - 1]))
                    if ent is not None and ent.type in {"ORG", "MISC"} and resolver._is_medium(ent):
                        return ent
                if ph is None:
                    continue
                end = ph.end + 1 if ph.end < e and doc[ph.end].lower_ in lex.media_names else ph.end  # `Agentur dpa`
                ent = resolver._best_mention(doc[ph.start].idx, doc[end - 1].idx + len(doc[end - 1]))
                if ent is not None and ent.type in {"ORG", "MISC"}:
                    return ent
                if ent is not None and self._mistyped_outlet(ent):
                    return ent  # `dem Sender Phoenix` (tagged a place)
        # an outlet by name (`sagte Merz am Abend in der ARD`, `told Fox News`)
        lo, hi = max(s, k - 12), min(e, k + 15)
        for m_start, m_end, _, ent in resolver._mentions.overlapping(doc[lo].idx, doc[hi - 1].idx + len(doc[hi - 1])):
            names = {self._text[m_start:m_end].casefold(), ent.name.casefold()}
            if not any(outlet_name(n.split(), lex) for n in names):
                continue
            if ent.type not in {"ORG", "MISC"} and not self._is_outlet_only(ent):
                continue
            before = self._text[max(0, m_start - 30) : m_start].split()
            word = before[-1].casefold() if before else ""
            if word in lex.before_medium_name or word in lex.medium_nouns or word in lex.cue_verbs:
                if ent.type not in {"ORG", "MISC"}:
                    ent.type = "ORG"  # `told the Kommersant newspaper` (tagged a person)
                return ent  # (`sagte SPIEGEL ONLINE`: the outlet right after the verb was told)
        return self._unnamed_outlet(doc, lo, hi, resolver) or self._outlet_anaphor(doc, k, s, e, resolver)

    def _outlet_anaphor(self, doc: Doc, k: int, s: int, e: int, resolver: SpeakerResolver) -> Entity | None:
        """`Wie die „Süddeutsche Zeitung“ berichtet, … . Pistorius sagte der Zeitung, …`, `told
        the newspaper`: a definite medium noun of ``[medium] anaphors`` beside the cue at ``k``
        with no name after it refers back to the outlet the text named last; that outlet relays."""
        lex = self.lex
        if not lex.medium_anaphors:
            return None
        for j in range(max(s, k - 4), min(e - 1, k + 8)):
            if doc[j].lower_ not in lex.definite_articles or doc[j + 1].lower_ not in lex.medium_anaphors:
                continue
            if not self._told_medium(doc, j):
                continue  # `…, schreibt das Blatt`: the outlet is the subject, it speaks itself
            after = doc[j + 2] if j + 2 < e else None
            if after is not None and (
                is_capitalised(after) or after.text in lex.marks or after.lower_ in lex.media_names
            ):
                continue  # `der Zeitung „Die Welt“`: the outlet is named, the rules above decide
            latest: tuple[int, Entity] | None = None
            for m_start, _, _, ent in resolver._mentions.overlapping(0, doc[j].idx):
                if ent.type in {"ORG", "MISC"} and resolver._is_medium(ent) and (latest is None or m_start > latest[0]):
                    latest = (m_start, ent)
            return latest[1] if latest is not None else None
        return None

    def _told_medium(self, doc: Doc, j: int) -> bool:
        """Whether the article at ``j`` before a medium noun marks the one told, not the subject:
        a dative (`dem Sender`, `den Zeitungen`, `der Zeitung` for a feminine noun of ``[medium]
        feminine``) in German; after a verb of telling or `to` in English (`told the newspaper`)."""
        lex = self.lex
        art, noun = doc[j].lower_, doc[j + 1].lower_
        if self.lang == "en":
            return j > 0 and (doc[j - 1].lower_ in lex.addressee_verbs or doc[j - 1].lower_ == "to")
        return art in {"dem", "den"} or (art == "der" and noun.endswith(lex.feminine_media))

    def _is_outlet_only(self, ent: Entity) -> bool:
        """Whether every mention of a person or place entity is an unambiguous outlet name of
        ``quotes_media.toml`` (`the Kommersant newspaper`): the tagger mistyped it."""
        lex = self.lex
        return ent.type in {"PER", "LOC"} and all(
            outlet_name(m.text.casefold().split(), lex) and m.text.casefold() not in lex.ambiguous_media
            for m in ent.mentions
        )

    def _mistyped_outlet(self, ent: Entity) -> bool:
        """`dem Sender Phoenix`, `the channel Rossija 1`: a person or place entity named right after
        a medium noun whose mentions are all an outlet of the lexicon (ambiguous names included,
        since the noun announces the outlet) is that outlet; it is retyped an organisation, so that
        it can be the quote's ``via``."""
        if ent.type not in {"PER", "LOC"} or not all(
            outlet_name(m.text.casefold().split(), self.lex) for m in ent.mentions
        ):
            return False
        ent.type = "ORG"
        return True

    def _outlet_pattern(self) -> re.Pattern[str]:
        """The outlet names of the lexicon as one case-insensitive alternation, longest first, so
        that `Neue Zürcher Zeitung` wins over a shorter name inside it and the window is scanned
        once, not once per name."""
        if self._pattern is None:
            # with the dative and genitive adjective endings too (`den Oberösterreichischen
            # Nachrichten`, `der Süddeutschen Zeitung`): each word before the last that ends in
            # `-e` may end in `-en`
            inflected = set()
            for name in self.lex.media_names:
                words = name.split()
                if len(words) > 1 and any(w.endswith("e") for w in words[:-1]):
                    inflected.add(" ".join([w + "n" if w.endswith("e") else w for w in words[:-1]] + words[-1:]))
            names = sorted(self.lex.media_names | inflected, key=len, reverse=True)
            alternation = "|".join(re.escape(name) for name in names)
            self._pattern = re.compile(r"(?<![\w-])(?:" + alternation + r")(?![\w])", re.IGNORECASE)
        return self._pattern

    def _unnamed_outlet(self, doc: Doc, lo: int, hi: int, resolver: SpeakerResolver) -> Entity | None:
        """An outlet of the lexicon (``quotes_media.toml``) that the entity layer did not make an
        entity of, named as the relaying medium between tokens ``lo`` and ``hi``: after a word that
        introduces an outlet (`dem Sender ntv`, `im ZDF`, `der „Bild“`) or as the first part of a
        compound with a medium word (`im ZDF-Interview`, `der „Bild“-Zeitung`). It becomes an
        organisation entity of the document, so that ``via`` can point at it."""
        if lo >= hi or not self.lex.media_names:
            return None
        text = self._text
        a, b = doc[lo].idx, doc[hi - 1].idx + len(doc[hi - 1])
        for m in self._outlet_pattern().finditer(text, a, b):
            start, end = m.span()
            inside = resolver._mentions.overlapping(start, end)
            if any(ent.type != "LOC" or (m_start <= start and m_end >= end) for m_start, m_end, _, ent in inside):
                continue  # an entity is there: the checks above decided about it
            # (a place inside the outlet's name is no entity of its own there: `dem
            # Redaktionsnetzwerk Deutschland`)
            if self._outlet_context(text, start, end, m.group(0).lower()):
                return self._new_outlet(doc, start, end, resolver)
        return None

    def _outlet_context(self, text: str, start: int, end: int, name: str) -> bool:
        """Whether an outlet name at ``[start, end)`` stands where a relaying medium is named."""
        lex = self.lex
        marks = lex.marks
        quoted = start > 0 and text[start - 1] in marks and end < len(text) and text[end] in marks
        after = text[end + (1 if quoted else 0) :]
        compound = re.match(r"-(\w+)", after)
        tail = compound.group(1).casefold() if compound else ""
        compound_medium = bool(tail) and (
            tail in lex.medium_nouns
            or tail in lex.medium_markers
            or tail in lex.media_names
            or tail in {"interview"}
            or tail in lex.request_nouns  # `auf dpa-Anfrage`
        )
        words = text[max(0, start - 40) : start - (1 if quoted else 0)].split()
        before = words[-1].casefold().strip('„“"»«') if words else ""
        after_noun = before in lex.medium_nouns
        if name in lex.ambiguous_media:
            # (`gegenüber der APA`, `im Gespräch mit AP`: a medium marker just before the article)
            marked = len(words) > 1 and words[-2].casefold() in lex.medium_markers and name not in lex.common_noun_media
            # `the RIA news agency`, `the AP news agency`: a medium noun within the next two words
            following = [w.casefold().strip(".,;:") for w in text[end : end + 30].split()[:2]]
            noun_after = text[end : end + 1] == " " and any(w in lex.medium_nouns for w in following)
            return quoted or after_noun or compound_medium or marked or noun_after
        surface = text[start:end]
        if not (surface[:1].isupper() or surface[:1].isdigit()) and not after_noun and not compound_medium:
            # (a lower-case word is an outlet's name only right after `Sender`, `Agentur`, or as the
            # first part of a medium compound: `auf dpa-Anfrage`)
            return False
        return after_noun or compound_medium or before in lex.before_medium_name or before in lex.cue_verbs or quoted

    def _named_body(self, doc: Doc, phrase: SpeakerPhrase, resolver: SpeakerResolver) -> Entity | None:
        """`Das Verteidigungsministerium teilte mit`, `Das UN-Menschenrechts-Komitee sagte`, `der
        Verband kommunaler Unternehmen bedauerte`: a definite speaker phrase whose head is a
        compound naming one organisation (``[speaker] body_heads``), or such a head with its
        genitive name after it, names that organisation though the entity layer made no entity of
        it. It becomes one (an entity mentioned with the same words elsewhere is reused); a bare
        `das Ministerium` is left to the description rules."""
        lex = self.lex
        if not lex.body_heads or doc[phrase.start].lower_ not in lex.definite_articles:
            return None
        head = next((j for j in range(phrase.start + 1, phrase.end) if is_capitalised(doc[j])), None)
        if head is None or any(not doc[j].is_alpha for j in range(phrase.start + 1, head)):
            return None
        name_start = head
        while (
            head + 1 < phrase.end
            and is_capitalised(doc[head + 1])
            and (doc[head].tag_ == "ADJA" or (not doc[head].tag_ and doc[head].lower_.endswith(("e", "en", "er"))))
        ):
            head += 1  # `Der Kommunale Arbeitgeberverband`: a capitalised adjective is part of the name
        low = doc[head].lower_
        ending = next((x for x in lex.body_heads if low.endswith(x)), None)
        if ending is None:
            return None
        end = head + 1
        if len(low.rstrip("-")) - len(ending) < 3:
            # `der Verband kommunaler Unternehmen`: a bare head named by the genitive after it
            j = head + 1
            while j < phrase.end and doc[j].is_alpha and doc[j].is_lower:
                j += 1
            if j == head + 1 or j >= phrase.end or not is_capitalised(doc[j]) or doc[j].tag_ in _PREPOSITION_TAGS:
                return None
            end = j + 1
        start_char, end_char = self._chars(doc, name_start, end)
        surface = self._text[start_char:end_char]
        for ent in resolver.entities:
            if ent.type == "ORG" and any(m.text.casefold() == surface.casefold() for m in ent.mentions):
                return ent
        return self._new_outlet(doc, start_char, end_char, resolver)

    def _new_outlet(self, doc: Doc, start: int, end: int, resolver: SpeakerResolver) -> Entity:
        """An organisation entity for the outlet named at ``[start, end)``, added to the document."""
        entities = resolver.entities
        if doc._.entities is not entities:
            doc._.entities = entities
        used = {ent.id for ent in entities}
        n = len(entities) + 1
        while f"e{n}" in used:
            n += 1
        surface = self._text[start:end]
        ent = Entity(id=f"e{n}", type="ORG", name=surface, mentions=[Mention(start=start, end=end, text=surface)])
        resolver.add_entity(ent)
        return ent

    def _citing(self, doc: Doc, k: int, e: int, a: _Analysis, resolver: SpeakerResolver) -> None:
        """`berichtet al-Arabiya unter Berufung auf einen Aufständischen`, `…, citing officials`: the
        subject relays the cited source's words: the source speaks, the subject becomes ``via``."""
        lex = self.lex
        j = next((j for j in range(k + 1, min(e, k + 20)) if doc[j].lower_ in lex.citing), None)
        if j is None or a.speaker is None:
            return
        start = j + 1
        if start < e and doc[start].lower_ in {"auf"}:
            start += 1
        source = phrase_after(doc, start, e, lex) or self._anonymous_before(doc, start, min(e, start + 4))
        if source is None:
            return
        a.via = (
            a.speaker_entity
            or resolver.entity(a.speaker)
            or self._unnamed_outlet(doc, a.speaker.start, a.speaker.end, resolver)
            or a.via  # (`das Nachrichtenportal al-Arabiya`: the name after the medium noun, found above)
        )
        a.speaker, a.speaker_entity = source, None

    def _clause_after(self, doc: Doc, k: int, e: int, last: int) -> tuple[int, int] | None:
        """The content clause a cue at ``k`` governs: a complementiser clause, or a comma clause
        with a Konjunktiv verb (`sagte weiter, der Iran habe …`)."""
        lex = self.lex
        for j in range(k + 1, min(e, k + 25)):
            low = doc[j].lower_
            if low in lex.complementisers and (
                doc[j - 1].text == ","
                or j == k + 1
                or doc[j - 1].lower_ in {"darauf", "davon", "darüber", "dahingehend"}
            ):
                return (j, last) if last > j + 1 else None
            if doc[j].text == ":":
                return None
            if doc[j].text == "," and j + 1 < e and doc[j + 1].lower_ in lex.complementisers:
                return (j + 1, last) if last > j + 2 else None
            if (
                doc[j].text == ","
                and (j <= k + 8 or self._subject_up_to(doc, k, j, e))
                and not any(doc[m].lower_ in lex.konjunktiv for m in range(max(0, k - 12), k))
            ):
                # (not in a Konjunktiv sentence, `Qin habe die USA aufgefordert, … zu respektieren`:
                # the whole sentence carries an earlier statement on)
                infinitive = self._infinitive_clause(doc, j + 1, e, last)
                if infinitive is not None:
                    return infinitive
            if doc[j].text == ",":
                stop = next((m for m in range(j + 1, min(e, j + 40)) if doc[m].text in {",", ";"}), min(last, j + 40))
                if j + 1 < e and doc[j + 1].tag_ in _FINITE_TAGS and doc[j + 1].lower_ not in lex.konjunktiv:
                    return None  # `widersprächen den Tatsachen, verletzten das Protokoll`: a second predicate
                if any(doc[m].lower_ in lex.konjunktiv for m in range(j + 1, max(stop, j + 2))):
                    return (j + 1, last) if last > j + 2 else None
                # `sagte, die Union benötige …`: a speech verb, a comma, and a main clause
                nxt = doc[j + 1] if j + 1 < e else None
                if (
                    j <= k + 4
                    and nxt is not None
                    and doc[k].lower_ in lex.cue_verbs
                    and nxt.lower_ not in lex.relative_words
                    and nxt.tag_ not in _FINITE_TAGS  # (`…, verletzten das Protokoll`: a second predicate)
                    and not (nxt.lower_ in {"der", "die", "das"} and j + 2 < e and not is_capitalised(doc[j + 2]))
                    and last - j > 4
                ):
                    return (j + 1, last)
                if j > k + 3:
                    return None
        return None

    def _same_medium(self, doc: Doc, s: int, e: int, quoted: list[bool]) -> bool:
        """Whether the sentence points back at an earlier statement's medium (`im gleichen
        Interview`, `im selben Gespräch`): a ``[medium] same`` word before a medium word."""
        lex = self.lex
        if not lex.same_medium:
            return False
        for j in range(s, e - 1):
            if quoted[j] or doc[j].lower_ not in lex.same_medium:
                continue
            nxt = doc[j + 1].lower_
            if nxt in lex.medium_markers or nxt in lex.medium_nouns:
                return True
        return False

    def _participle_statement(
        self, doc: Doc, s: int, e: int, u: int, new: list[_Statement], quoted: list[bool]
    ) -> _Statement | None:
        """`"…," he said, adding that Washington still opposed …`, `Smith said prices would rise,
        noting that the harvest had been poor`: a participle of a speech verb after a comma
        (``[cue_verbs] shared_subject``) opens a second statement of the same speaker; the first
        one ends before it."""
        lex = self.lex
        for p in range(s + 2, e - 2):
            if doc[p - 1].text != "," or quoted[p] or doc[p].lower_ not in lex.shared_subject:
                continue
            main = next((st for st in new if st.cue is not None and st.cue[1] <= doc[p].idx), None)
            if main is None or (main.speaker is None and main.speaker_phrase is None):
                return None
            start = p + 2 if doc[p + 1].lower_ in lex.complementisers else p + 1
            last = e
            while last > start and (doc[last - 1].is_punct or doc[last - 1].is_space) and not quoted[last - 1]:
                last -= 1
            if last - start < 3 or any(quoted[j] for j in range(start, last)):
                return None
            for st in new:
                if st.kind == "indirect" and st.start < doc[p].idx < st.end:
                    st.end = doc[p - 1].idx  # the first statement stops at the comma
            ms, me = self._chars(doc, start, last)
            st = _Statement(kind="indirect", start=ms, end=me, sentence=u, cue=self._chars(doc, p, p + 1))
            st.speaker, st.speaker_phrase, st.via = main.speaker, main.speaker_phrase, main.via
            st.speaker_known = main.speaker_known
            return st
        return None

    def _answered_claim(self, doc: Doc, k: int, start: int) -> SpeakerPhrase | None:
        """`X wies die Darstellung zurück, die Ausländer seien gezwungen worden`: a verb that
        answers a claim (``[medium] answering``) whose object right before the content clause is a
        claim noun (``claim_nouns``) introduces that claim's content, not its subject's words; the
        claim phrase (`die Darstellung`, `die Befunde des Amts`) is the source."""
        lex = self.lex
        if doc[k].lower_ not in lex.answering or start - 1 <= k:
            return None
        comma = start - 1 if doc[start - 1].text == "," else start
        noun = next(
            (j for j in range(k + 1, comma) if is_capitalised(doc[j]) and doc[j].lower_ in lex.claim_nouns), None
        )
        if noun is None:
            return None
        first = noun
        while first - 1 > k and doc[first - 1].lower_ in lex.definite_articles | {"den", "die", "der"}:
            first -= 1
        end = comma
        while end > noun + 1 and doc[end - 1].tag_ in {"PTKVZ"}:
            end -= 1  # (`wies die Darstellung zurück`: the particle closes the verb, not the phrase)
        return SpeakerPhrase(first, end)

    def _before_second_cue(self, doc: Doc, clause: tuple[int, int], e: int, quoted: list[bool]) -> tuple[int, int]:
        """`sagte, die Stadt brauche mehr Geld und fügte hinzu: „…“`: a reported clause ends where
        `und` hands back to its speaker with a second speech verb in the indicative."""
        a, b = clause
        for j in range(a + 1, b - 1):
            if doc[j].text == "," and not quoted[j] and self._comma_clause_cue(doc, j, b, e, quoted):
                return (a, j)  # `wies die Kritik zurück, die Sprecherin …, Anna Berg, erklärte: …`
            verb = doc[j + 1].lower_
            if (
                doc[j].lower_ in _COORDINATORS
                and not quoted[j]
                and doc[j + 1].tag_ in _FINITE_TAGS
                and verb not in self.lex.konjunktiv
                # (`habe den Mann gefasst und erklärt, …`: a participle the tagger calls finite)
                and not (
                    verb.endswith("t")
                    and any(
                        doc[m].lower_ in self.lex.auxiliaries or doc[m].lower_ in self.lex.konjunktiv
                        for m in range(a, j)
                    )
                )
                and self._cue_at(doc, j + 1, a, e, self.lex.cue_verbs, self.lex.cue_particles)
            ):
                return (a, j) if j > a + 1 else clause
        return clause

    def _comma_clause_cue(self, doc: Doc, comma: int, b: int, e: int, quoted: list[bool]) -> bool:
        """Whether the comma at ``comma`` opens a main clause of another speaker: a subject with its
        apposition between commas (`die Sprecherin der Fraktion, Anna Berg,`), then a speech verb
        in the indicative (`erklärte`). German only; the subject must open with an article or a
        capital and hold no finite verb."""
        if self.lang != "de" or comma + 3 >= b:
            return False
        verb = next((k for k in range(comma + 1, min(b, comma + 16)) if doc[k].tag_ in _FINITE_TAGS), None)
        if verb is None or quoted[verb] or doc[verb - 1].text != "," or doc[verb].lower_ in self.lex.konjunktiv:
            return False
        if doc[comma + 1].lower_ in self.lex.relative_words or doc[comma + 1].tag_ in {"PRELS", "KOUS", "PWAV"}:
            return False
        if not self._cue_at(doc, verb, comma, e, self.lex.cue_verbs, self.lex.cue_particles):
            return False
        phrase = self._appositive_subject(doc, comma + 1, verb)
        return phrase is not None and phrase.start == comma + 1

    def _subject_up_to(self, doc: Doc, k: int, j: int, e: int) -> bool:
        """Whether the words between the cue at ``k`` and the comma at ``j`` are its inverted
        subject, however long (`empfahl die Staatssekretärin für Verkehr und digitale Infrastruktur
        Anna Berger, … zu beginnen`), perhaps with the verb's particle after it (`an`)."""
        subject = phrase_after(doc, k + 1, e, self.lex)
        if subject is None and k + 2 < e and doc[k + 1].tag_ == "ADV":
            subject = phrase_after(doc, k + 2, e, self.lex)  # `kündigte heute der Landrat … an`
        if subject is None or subject.start > k + 2:
            return False
        if doc[subject.start].tag_ in _PREPOSITION_TAGS or doc[subject.start].lower_ in self.lex.oblique_articles:
            return False
        return subject.end == j or (subject.end == j - 1 and doc[j - 1].tag_ == "PTKVZ")

    def _infinitive_clause(self, doc: Doc, a: int, e: int, last: int) -> tuple[int, int] | None:
        """`forderte die Regierung auf, die Passagiere zu evakuieren`, `kündigte an, sich ganz auf
        die Aufgabe … zu konzentrieren`: a clause after the cue's comma that is a zu-infinitive
        (STTS ``VVIZU``, or ``zu`` before an infinitive) with no finite verb of its own is what was
        demanded, promised or announced. Returns its token range, through coordinated infinitives
        (`zu betäuben und einzufangen`) up to a comma that does not continue it."""
        if a >= last or doc[a].lower_ in self.lex.relative_words or doc[a].lower_ in self.lex.complementisers:
            return None
        end = None
        m = a
        while m < min(last, a + 60):
            tok = doc[m]
            if tok.tag_ in _FINITE_TAGS or tok.text in {";", ":"} or tok.lower_ in self.lex.complementisers:
                break
            zu = tok.lower_ == "zu" and m + 1 < last and doc[m + 1].tag_ in {"VVINF", "VAINF", "VMINF"}
            # (`einzurichten`, `einzufangen`: the tagger often calls the zu-infinitive VVINF or VVPP)
            infix = tok.tag_ in {"VVINF", "VVPP"} and _ZU_INFIX.match(tok.text) is not None
            if tok.tag_ == "VVIZU" or zu or infix:
                end = m + 2 if zu else m + 1
                while end < last and doc[end].tag_ in {"VAINF", "VMINF"}:
                    end += 1  # `verhindert zu haben`, `bestimmen zu wollen`
                m = end
                continue
            m += 1
        if end is None or end - a < 2:
            return None
        if end + 1 < last and doc[end].text == "," and doc[end + 1].lower_ in self.lex.complementisers:
            end = last  # `zu prüfen, ob …`: the infinitive's own content clause belongs to it
        return a, end

    @staticmethod
    def _genitive_name(doc: Doc, j: int, k: int) -> bool:
        """`nach Uschakows Angaben`, `nach Merkels Worten`: a name in the Saxon genitive right after
        the preposition at ``k`` names the source of the speech noun it precedes."""
        tok = doc[j]
        if j != k + 1 or j + 1 >= len(doc) or not is_capitalised(doc[j + 1]):
            return False
        return tok.tag_ in {"NE", "NN", "PROPN"} and tok.text.endswith(("s", "’", "'")) and len(tok.text) > 3

    def _own_source(
        self, doc: Doc, s: int, e: int, k: int, noun: int, quoted: list[bool], resolver: SpeakerResolver
    ) -> Entity | None:
        """`Nach eigenen Angaben hat die Firma …`, `Der Verein will nach eigener Aussage …`: the
        source phrase at ``[k, noun]`` names no one but the subject of its own clause, whose entity
        is the speaker (the phrase itself stays the speech noun)."""
        fin = next(
            (j for j in range(s, e) if not quoted[j] and doc[j].tag_ in _FINITE_TAGS and not k <= j <= noun), None
        )
        if fin is None:
            return None
        subject = self._subject(doc, s, fin, e, resolver)
        if subject is None or subject.start <= noun < subject.end:
            return None
        return resolver.entity(subject)

    def _edge_message(
        self, doc: Doc, s: int, last: int, a: int, b: int, speaker: SpeakerPhrase, cue: tuple[int, int]
    ) -> _Analysis:
        """Message of a prepositional source phrase ``[a, b)``: the rest of the sentence."""
        marks = {"„", "“", "”", '"', "»", "«"}
        if b < last and doc[b].text in marks and sum(doc[j].text in marks for j in range(a, b)) % 2 == 1:
            # `Nach Informationen des „Spiegel“ plant …`: the mark that closes a name in the
            # source phrase belongs to the phrase, not to the message
            b += 1
            if speaker.end == b - 1:
                speaker = SpeakerPhrase(speaker.start, b)
        if a <= s + 1:
            start = b
            while start < last and doc[start].text == ",":
                start += 1
            message = (start, last)
        elif b >= last - 1 and doc[a - 1].text == ",":
            message = (s, a - 1)
        else:
            message = self._source_clause(doc, s, last, a, b) or (s, last)
        return _Analysis(cue=cue, speaker=speaker, message=message if message[1] > message[0] else None)

    def _source_clause(self, doc: Doc, s: int, last: int, a: int, b: int) -> tuple[int, int] | None:
        """The clause a prepositional source phrase ``[a, b)`` inside the sentence vouches for, when
        that is not the whole sentence: a relative or subordinate clause (`eine Halle, die nach
        Angaben der Polizei als Lager diente`), a bracket (`(nach anderen Angaben fuhr er bis Kassel)`)
        or a clause after a comma that opens with an adverb (`…, darunter laut Rotem Kreuz drei
        Kinder`, `…, so sollen diese laut Vorschlag der CDU … stattfinden`). The reporter's own
        main clause before it is not the source's statement. None: the whole sentence."""
        lex = self.lex
        for j in range(a - 1, max(s, a - 4) - 1, -1):
            tok = doc[j]
            if tok.text == "(":
                close = next((m for m in range(b, last) if doc[m].text == ")"), last)
                return (j + 1, close) if close > b else None
            if tok.text not in {",", ";", "–"}:
                continue
            if j == a - 1 or j <= s + 1:
                return None  # `…, laut Polizei, …`: the phrase is itself the insertion
            if not any(doc[m].tag_ in _FINITE_TAGS for m in range(s, j)):
                return None  # the comma closes a fronted phrase, not a clause of its own
            opener = doc[j + 1]
            subordinate = opener.tag_ in {"PRELS", "PRELAT", "KOUS", "PWAV"} or opener.lower_ in lex.relative_words
            adverb = opener.tag_ in {"ADV", "PROAV", "PAV"}
            if not (subordinate or adverb):
                return None
            end = last
            if subordinate:
                # a subordinate clause ends at the comma after its final verb
                end = next(
                    (m for m in range(b, last) if doc[m].text in {",", ";"} and doc[m - 1].tag_.startswith("V")),
                    last,
                )
            return (j + 1, end) if end > b else None
        return None

    # ------------------------------------------------------------------ statement builders
    def _chars(self, doc: Doc, a: int, b: int) -> tuple[int, int]:
        return doc[a].idx, doc[b - 1].idx + len(doc[b - 1])

    def _apply(self, doc: Doc, st: _Statement, a: _Analysis | None, resolver: SpeakerResolver) -> None:
        if a is None:
            return
        if a.cue is not None:
            st.cue = self._chars(doc, a.cue[0], a.cue[1])
            if a.extra_cue:
                st.cue = (st.cue[0], max(st.cue[1], self._chars(doc, a.extra_cue[-1], a.extra_cue[-1] + 1)[1]))
        if a.speaker is not None:
            st.speaker_phrase = self._chars(doc, a.speaker.start, a.speaker.end)
        st.speaker = a.speaker_entity
        st.speaker_known = a.speaker_known or a.speaker is not None
        st.via = a.via

    def _inherit(self, st: _Statement, prev: _Statement | None) -> None:
        if prev is not None:
            st.speaker = prev.speaker
            st.speaker_phrase = prev.speaker_phrase
            st.via = prev.via

    def _quoted_statement(
        self,
        doc: Doc,
        q: QuotedSpan,
        u: int,
        units: list[tuple[int, int]],
        analysis: _Analysis | None,
        prev: _Statement | None,
        quoted: list[bool],
        resolver: SpeakerResolver,
    ) -> _Statement | None:
        text = self._text
        lex = self.lex
        content = text[q.start : q.end]
        words = [w for w in re.findall(r"\w[\w\-]*", content)]
        if not words:
            return None
        s, e = units[u]
        # bounded looks around the marks keep the layer linear on texts full of quotes
        unit_start, unit_end = doc[s].idx, doc[e - 1].idx + len(doc[e - 1])
        before = text[max(unit_start, q.open - 200) : q.open].rstrip()
        if not before and q.open - unit_start > 200:
            before = " "
        after = text[q.close + 1 : q.close + 3].lstrip()
        prev_unit_colon = (
            u > 0
            and before == ""
            and text[doc[units[u - 1][0]].idx : doc[units[u - 1][1] - 1].idx + 1].rstrip().endswith(":")
        )
        colon = before.endswith(":") or prev_unit_colon
        sentence_like = content[:1].isupper() or content[:1] in "([.…"
        ends_sentence = content.rstrip("“”\"'»«’ ")[-1:] in _SENT_END
        # English puts the comma inside the marks: `"…," Lavrov said`, behind the closing mark of
        # a quote inside the quote as well (`"I told him: 'This cannot go on,'" Roth said`)
        comma_before_cue = after.startswith(",") or (self.lang == "en" and content.rstrip("“”\"'»«’ ")[-1:] == ",")
        follows_cue = (
            comma_before_cue
            and analysis is not None
            and analysis.cue is not None
            and doc[analysis.cue[0]].idx > q.close
        )
        whole = before == "" and (
            (unit_end - q.close < 200 and text[q.close + 1 : unit_end].strip(" .") == "") or q.paragraphs > 1
        )
        # the quote's role in its sentence, never its place in the paragraph: a quoted sentence
        # that opens the reporter's sentence (after a full stop or a closing mark as well as at a
        # paragraph's start) and ends it or hands over to its cue (`„…“, sagte X`) is direct
        lead = before.rstrip("“”\"'»«’ ")
        opens_sentence = before == "" or (lead != before.rstrip() and lead[-1:] in _SENT_END) or lead[-1:] in _SENT_END
        # `Er sagte dort „Wir stehen an der Seite Frankreichs.“`: a quoted full sentence that closes
        # the reporter's sentence after its cue (no colon) is the speaker's sentence, not a fragment
        closes_after_cue = (
            ends_sentence
            and content[:1].isupper()
            and len(words) >= 3
            and analysis is not None
            and analysis.cue is not None
            and doc[analysis.cue[0]].idx < q.open
            and text[q.close + 1 : unit_end].strip(" ") in {"", "."}
        )
        direct = (
            # (a one-word sentence after a colon is one too: `antwortete der Minister: „Nein.“`)
            (len(words) >= 2 or (colon and ends_sentence))
            and sentence_like
            and (
                colon
                or whole
                or follows_cue
                or closes_after_cue
                or (opens_sentence and (ends_sentence or comma_before_cue))
            )
        )
        if direct:
            kind = "direct"
        else:
            has_cue = analysis is not None and analysis.cue is not None
            lower_start = content[:1].islower()
            capital_words = sum(1 for w in words if w[:1].isupper())
            if len(words) <= lex.max_name_words and capital_words == len(words) and not ends_sentence:
                return None  # `im „Deutschlandfunk“`, `„Kosovo“`: a name or title in marks, not words said
            if not ends_sentence and outlet_name(content.casefold().split(), lex):
                return None  # `mit der „Welt am Sonntag“`: an outlet of the lexicon, whatever its words
            if (
                capital_words == len(words)
                and not ends_sentence
                and words[-1].strip(".,;:!?").casefold() in lex.medium_nouns | lex.media_names
            ):
                return None  # `mit der „Neuen Zürcher Zeitung“`, `der „Washington Post“`: an outlet's name
            titled = capital_words >= 2 and all(
                w[:1].isupper() or w[:1].isdigit() or w.lower() in lex.title_words for w in words
            )
            if not has_cue and not ends_sentence and titled:
                return None  # `„Nackt unter Wölfen“`, `„Glas der Vernunft“`: a title, no cue, no words said
            lead_words = before.split()
            lead_word = lead_words[-1].casefold() if lead_words else ""
            if (
                content[:1].isupper()
                and not ends_sentence
                and len(words) <= 6
                and (
                    (self.lang == "en" and lead_word.endswith(("'s", "’s")))
                    or lead_word.strip('„“"»«') in lex.programme_nouns
                )
            ):
                return None  # `told CNN's "State of the Union"`, `in der Sendung „Hart aber fair“`: a programme
            if (
                has_cue
                or (lower_start and len(words) >= 2)
                or (len(words) >= lex.min_fragment_words and capital_words < len(words))
            ):
                kind = "partial"
            else:
                return None
        st = _Statement(kind=kind, start=q.start, end=q.end, sentence=u)
        if prev_unit_colon:
            pa = self._analyse(doc, units[u - 1][0], units[u - 1][1], quoted, resolver)
            # the quote's own inverted cue (`„…“, sagte er.`) is nearer than the announcing line's
            own_cue = (
                analysis is not None
                and analysis.cue is not None
                and analysis.speaker is not None
                and doc[analysis.cue[0]].idx > q.close
            )
            if pa is not None and pa.cue is not None and not own_cue:
                if pa.speaker_entity is None and pa.speaker is not None:
                    pa.speaker_entity = resolver.entity(pa.speaker)
                self._apply(doc, st, pa, resolver)
                return st
            if not own_cue:
                # `… war Trainer Schaaf zufrieden:` + `„…“` (no cue of its own): the subject of
                # the announcing sentence, else the statement before
                ps, pe = units[u - 1]
                if not self._intro_speaker(doc, st, ps, pe - 1, quoted, resolver):
                    self._inherit(st, prev)
                return st
        if (analysis is None or analysis.cue is None) and q.closed:
            # a quote over several sentences: its cue follows the closing mark (`…“, sagte X.`)
            k = bisect.bisect_right(self._unit_starts, q.close) - 1
            if k > u:
                later = self._analyse(doc, units[k][0], units[k][1], quoted, resolver)
                if later is not None and later.cue is not None and doc[later.cue[0]].idx > q.close:
                    if later.speaker_entity is None and later.speaker is not None:
                        later.speaker_entity = resolver.entity(later.speaker)
                    self._apply(doc, st, later, resolver)
                    return st
        if (
            before.endswith(":")
            and analysis is not None
            and analysis.cue is not None
            and doc[analysis.cue[0]].idx > q.close
        ):
            # `X schrieb bei Twitter: „…“, weiter hieß es, …`: the cue after the quote opens the
            # next statement; the clause before the colon introduces this one
            colon_tok = next((j for j in range(e - 1, s - 1, -1) if doc[j].text == ":" and doc[j].idx < q.open), None)
            if colon_tok is not None and self._intro_speaker(doc, st, s, colon_tok, quoted, resolver):
                return st
        if analysis is not None and analysis.cue is not None:
            nearer = self._nearer_cue(doc, q, s, e, analysis, quoted, resolver)
            if nearer is not None:
                self._apply(doc, st, nearer, resolver)
                st.own_clause = True
                return st
            self._apply(doc, st, analysis, resolver)
            if st.speaker_phrase is not None and q.start <= st.speaker_phrase[0] < q.end:
                # the "subject" was read inside the quote itself (`„Die Entscheidungen fallen …“`):
                # the quoted words do not name who said them
                st.speaker_phrase, st.speaker, st.speaker_known = None, None, False
            if st.speaker_phrase is None and not st.speaker_known and prev is not None and prev.sentence >= u - 2:
                self._inherit(st, prev)
            return st
        if kind == "direct" and (comma_before_cue or content.rstrip()[-1:] in "?!"):
            inverted = self._inverted_cue(doc, q.close, s, e, quoted)
            if inverted is None and u + 1 < len(units) and doc[e - 1].idx <= q.close:
                # the sentence splitter cut after `…?“`: the frame opens the next unit
                inverted = self._inverted_cue(doc, q.close, *units[u + 1], quoted)
            if inverted is not None:
                verb, phrase = inverted
                st.cue = self._chars(doc, verb, verb + 1)
                st.speaker_phrase = self._chars(doc, phrase.start, phrase.end)
                st.speaker = resolver.entity(phrase)
                st.speaker_known = True
                return st
        if colon:
            # `Bundesinnenminister Schäuble: „…“`, `X resümiert: „…“`: no listed cue, but the
            # colon announces the words of the phrase (or the subject of the clause) before it
            colon_tok = next((j for j in range(e - 1, s - 1, -1) if doc[j].text == ":" and doc[j].idx < q.open), None)
            if colon_tok is not None and self._intro_speaker(doc, st, s, colon_tok, quoted, resolver):
                return st
        if kind == "partial" and not any(
            doc[j].lower_ in lex.konjunktiv or doc[j].lower_ in lex.hearsay for j in range(s, e) if not quoted[j]
        ):
            # `Meteorologen rechnen mit „sehr ergiebigen Niederschlägen“`: a fragment in an
            # indicative sentence without a cue is the words of that sentence's subject
            fin = next((j for j in range(s, e) if not quoted[j] and doc[j].tag_ in _FINITE_TAGS), None)
            if fin is not None and fin > s and self._intro_speaker(doc, st, s, e, quoted, resolver, need_named=False):
                return st
        if prev is not None and prev.sentence >= u - self.lex.continuation_window:
            self._inherit(st, prev)
        return st

    def _definite_document(self, doc: Doc, s: int, e: int) -> bool:
        """Whether the sentence ``[s, e)`` names a document with a definite article or a
        possessive (`in der Rede`, `in seiner Erklärung`): one the text has already introduced."""
        lex = self.lex
        return any(
            doc[k].lower_ in lex.documents
            and (doc[k - 1].lower_ in lex.definite_articles or doc[k - 1].lower_ in lex.possessives)
            for k in range(s + 1, e)
        )

    def _nearer_cue(
        self,
        doc: Doc,
        q: QuotedSpan,
        s: int,
        e: int,
        analysis: _Analysis,
        quoted: list[bool],
        resolver: SpeakerResolver,
    ) -> _Analysis | None:
        """A sentence of two speakers gives each quote the cue of its own clause, not the
        sentence's first one: `Klose nannte seinen Platzverweis „überzogen“, Bundestrainer Löw
        bezeichnete … als „übertrieben“` (a cue in a comma clause between the first cue and the
        quote), `Während Shakira erklärte, …, „größer wird es nicht“, räumte Jennifer Lopez ein`
        (an inverted cue right after the quote). Returns that clause's analysis with its speaker."""
        first = analysis.cue[0]
        if doc[first].idx > q.open:
            return None  # the sentence's cue follows the quote already
        opening = next((j for j in range(first, e) if doc[j].idx >= q.open), None)
        if opening is None:
            return None
        inverted = self._inverted_cue(doc, q.close, s, e, quoted)
        if (
            inverted is not None
            and inverted[0] != first
            and self._cue_at(
                doc, inverted[0], s, e, self.lex.cue_verbs | self.lex.reported_verbs, self.lex.cue_particles
            )
        ):
            verb, phrase = inverted
            return _Analysis(cue=(verb, verb + 1), speaker=phrase, speaker_entity=resolver.entity(phrase))
        for c in range(opening - 1, first, -1):
            if doc[c].text != "," or quoted[c]:
                continue
            verbs = [
                k
                for k in range(c + 1, opening)
                if not quoted[k]
                and (
                    self._cue_at(doc, k, s, e, self.lex.cue_verbs, self.lex.cue_particles)
                    or self._cue_at(doc, k, s, e, self.lex.reported_verbs, self.lex.reported_particles)
                )
            ]
            if not verbs or doc[c + 1].lower_ in self.lex.relative_words:
                return None
            if verbs[0] == c + 1:
                # `…, die Sprecherin der Fraktion, Anna Berg, erklärte: „…“`: the comma closes the
                # subject's apposition; the subject runs back to the comma before it
                sub = self._appositive_subject(doc, first + 1, verbs[0])
                if sub is None or not self._names_actor(doc, sub, resolver):
                    return None
                return _Analysis(cue=(verbs[0], verbs[0] + 1), speaker=sub, speaker_entity=resolver.entity(sub))
            sub = self._subject(doc, c + 1, verbs[0], e, resolver)
            if sub is not None and sub.start <= c and doc[verbs[0] - 1].lower_ in _COORDINATORS:
                # `Er sagte, …, und fügte hinzu: „…“`: the same speaker, the quote's own verb
                return _Analysis(cue=(verbs[0], verbs[0] + 1), speaker=sub, speaker_entity=resolver.entity(sub))
            if sub is None or sub.start <= c:
                return None
            return _Analysis(cue=(verbs[0], verbs[0] + 1), speaker=sub, speaker_entity=resolver.entity(sub))
        return None

    def _names_actor(self, doc: Doc, phrase: SpeakerPhrase, resolver: SpeakerResolver) -> bool:
        """Whether a phrase names someone who can speak: a person or organisation entity, or an
        office, body or person noun (``_no_actor`` is false)."""
        ent = resolver.entity(phrase)
        if ent is not None and ent.type in {"PER", "ORG"}:
            return True
        a, b = self._chars(doc, phrase.start, phrase.end)
        return not self._no_actor(doc, a, b)

    def _inverted_cue(
        self, doc: Doc, close: int, s: int, e: int, quoted: list[bool]
    ) -> tuple[int, SpeakerPhrase] | None:
        """`„…“, strich Romney heraus`, `„…?“ fragen sich Experten`: right after a quoted sentence
        (and its comma) a finite full verb and then its subject hand the quote over to a speaker
        even when the verb is not a listed cue — in German the inverted word order after a quote is
        itself the speech frame. Returns (verb token, subject phrase)."""
        if not self._tagged:
            return None
        # the first token after the closing mark, within the quote's sentence unit
        k = next((j for j in range(s, e) if doc[j].idx > close and not doc[j].is_space), None)
        if k is not None and doc[k].text == ",":
            k += 1
        if k is None or k >= e or quoted[k] or not doc[k].text[:1].islower():
            return None
        # (the tagger misreads rare past forms: `strich … heraus` comes out as an adjective)
        if not (doc[k].tag_ == "VVFIN" or (doc[k].tag_ == "ADJD" and self._particle_at_end(doc, k, e))):
            return None
        phrase = phrase_after(doc, k + 1, e, self.lex)
        if phrase is None or doc[phrase.start].tag_ in _PREPOSITION_TAGS:
            return None
        named = any(is_capitalised(doc[j]) for j in range(phrase.start, phrase.end))
        if not named and doc[phrase.start].lower_ not in self.lex.pronouns:
            return None
        return k, phrase

    @staticmethod
    def _particle_at_end(doc: Doc, k: int, e: int) -> bool:
        """Whether the clause of ``k`` ends in a separated verb particle (`… heraus.`)."""
        last = e - 1
        while last > k and (doc[last].is_punct or doc[last].is_space):
            last -= 1
        return last > k and doc[last].tag_ == "PTKVZ"

    def _intro_speaker(
        self,
        doc: Doc,
        st: _Statement,
        a: int,
        b: int,
        quoted: list[bool],
        resolver: SpeakerResolver,
        need_named: bool = False,
    ) -> bool:
        """Give ``st`` the speaker named in tokens ``[a, b)`` that introduce it without a listed
        cue: a bare noun phrase (`Ein Beamter der Nationalpolizei:`) or the subject of the
        clause's finite verb (`In seiner Pressemitteilung resümiert Hartmut Lierow:`)."""
        if b - a < 1:
            return False
        fin = next(
            (
                j
                for j in range(a, b)
                if not quoted[j] and doc[j].tag_ in _FINITE_TAGS and self._clause_opener(doc, a, j) is None
            ),
            None,
        )  # the main clause's verb, not one of a relative clause (`Der Ermittler, der … gilt, will …`)
        phrase = None
        if fin is not None:
            phrase = self._passive_agent(doc, fin, b) or self._subject(doc, a, fin, b, resolver)
        else:
            bare = phrase_after(doc, a, b, self.lex)
            if bare is not None and bare.start == a and doc[a].tag_ not in _FRONTED_TAGS:
                named = resolver.entity(bare)
                # `Afghanistan: „…“`, `Brexit: „…“`: a place or topic before the colon heads a
                # report, it does not speak; a person, an organisation or an office does
                if named is None or named.type in {"PER", "ORG"}:
                    phrase = bare
        if phrase is None or phrase.start < a or phrase.end > b:
            return False
        if need_named and not self._actor(doc, phrase, resolver.entity(phrase), a):
            return False
        if any(quoted[j] for j in range(phrase.start, phrase.end)):
            return False
        if doc[phrase.start].lower_ in {"es", "dies", "man"} or (
            doc[phrase.start].lower_ == "das" and phrase.end - phrase.start == 1
        ):
            return False  # (the pronoun `Das`, not the article of `Das Finanzministerium`)
        st.speaker_phrase = self._chars(doc, phrase.start, phrase.end)
        st.speaker = resolver.entity(phrase)
        st.speaker_known = True
        return True

    def _anaphoric_statement(
        self,
        doc: Doc,
        s: int,
        e: int,
        u: int,
        units: list[tuple[int, int]],
        a: _Analysis | None,
        statements: list[_Statement],
        quoted: list[bool],
        resolver: SpeakerResolver,
    ) -> tuple[bool, _Statement | None]:
        """`Die Gespräche werden fortgesetzt. Dies teilte das Ministerium mit.`, `Das wurde vom
        Presseamt des Kremls bekannt gegeben.`: a sentence that opens with a demonstrative pronoun
        (``[anaphoric] pronouns``) and its speech verb says who said the sentence before it. The
        earlier sentence becomes an indirect statement of the subject (of the passive's agent);
        a statement already found there without a speaker gets this one. Returns whether the
        sentence was read so (then it is no statement of its own) and the new statement."""
        lex = self.lex
        if u == 0 or s + 2 >= e or doc[s].lower_ not in lex.anaphoric_pronouns or quoted[s]:
            return False, None
        last = e
        while last > s and (doc[last - 1].is_punct or doc[last - 1].is_space):
            last -= 1
        speaker: SpeakerPhrase | None = None
        cue: tuple[int, int] | None = None
        via = None
        if (
            a is not None
            and a.cue is not None
            and a.cue[0] == s + 1
            and a.speaker is not None
            and a.speaker.start > s + 1
            and (a.message is None or a.kind == "reported")
        ):
            speaker, via = a.speaker, a.via
            cue = self._chars(doc, a.cue[0], a.cue[1])
            if a.extra_cue:
                cue = (cue[0], max(cue[1], self._chars(doc, a.extra_cue[-1], a.extra_cue[-1] + 1)[1]))
        elif doc[s + 1].lower_ in lex.passive and last - s > 3:
            two = f"{doc[last - 2].lower_} {doc[last - 1].lower_}"
            first = last - 2 if two in lex.anaphoric_participles else last - 1
            if first == last - 1 and doc[last - 1].lower_ not in lex.anaphoric_participles:
                return False, None
            von = next((j for j in range(s + 2, min(first, s + 7)) if doc[j].lower_ in {"von", "vom"}), None)
            if von is None:
                return False, None
            speaker = phrase_after(doc, von + 1, first, lex)
            if speaker is None or speaker.start != von + 1:
                return False, None
            cue = self._chars(doc, first, last)
        if speaker is None or cue is None:
            return False, None
        ps, pe = units[u - 1]
        while pe > ps and doc[pe - 1].is_space:
            pe -= 1
        if pe <= ps or doc[pe - 1].text not in {".", "!", "?"}:
            return False, None  # a headline or a sentence running on: nothing to point back at
        before = [st for st in statements if st.sentence == u - 1]
        entity = resolver.entity(speaker)
        phrase = self._chars(doc, speaker.start, speaker.end)
        if before:
            # (a free indirect sentence only inherited its speaker: this one names it)
            open_ones = [st for st in before if st.free or (st.speaker_phrase is None and not st.speaker_known)]
            if len(open_ones) != len(before):
                return False, None
            for st in open_ones:
                st.speaker, st.speaker_phrase, st.speaker_known, st.cue, st.via = entity, phrase, True, cue, via
                st.free = False
            return True, None
        words = [k for k in range(ps, pe) if not doc[k].is_punct and not doc[k].is_space]
        if not words or sum(quoted[k] for k in words) * 2 > len(words):
            return False, None
        ms, me = self._chars(doc, words[0], words[-1] + 1)
        st = _Statement(kind="indirect", start=ms, end=me, sentence=u, cue=cue)
        st.speaker, st.speaker_phrase, st.speaker_known, st.via = entity, phrase, True, via
        return True, st

    def _passive_agent(self, doc: Doc, fin: int, b: int) -> SpeakerPhrase | None:
        """`Die Entscheidung wurde vom Bundesverband Erneuerbare Energie als rückschrittlich
        kritisiert.`: in a passive clause (``[clause] passive`` auxiliary, closed by a participle)
        the agent after `von`/`vom` acts, not the subject (the thing acted on)."""
        if doc[fin].lower_ not in self.lex.passive:
            return None
        for j in range(fin + 1, min(b, fin + 6)):
            if doc[j].lower_ not in {"von", "vom"}:
                continue
            agent = phrase_after(doc, j + 1, b, self.lex)
            if agent is None or agent.start != j + 1:
                return None
            if not any(doc[m].tag_ == "VVPP" for m in range(agent.end, b)):
                return None  # no participle closes the clause: not a passive (`wird von … an`)
            return agent
        return None

    def _abstract(self, doc: Doc, phrase: SpeakerPhrase) -> bool:
        """Whether a phrase's head is an abstract noun (`Mitverantwortung`, `Forderungen`,
        `Richtlinienkompetenz` by ``[speaker] abstract_endings``) that names no body or office
        (`Regierung`, `Stiftung`: ``agent_heads``), so it cannot be who speaks."""
        # (a capitalised article or adjective opening the sentence is no head: `Die praktische
        # Anwendung der Richtlinienkompetenz`)
        heads = [
            t
            for t in doc[phrase.start : phrase.end]
            if t.text[:1].isupper() and t.tag_ not in _NON_HEAD_TAGS and t.lower_ not in self.lex.definite_articles
        ]
        if not heads or any(t.ent_type_ in {"PER", "ORG"} for t in doc[phrase.start : phrase.end]):
            return False  # `Die Vereinten Nationen`
        # the head is the last capitalised word before a genitive or prepositional attribute
        head = heads[0].lower_
        for t in doc[heads[0].i + 1 : phrase.end]:
            if not t.text[:1].isupper():
                break
            head = t.lower_
        return head.endswith(self.lex.abstract_endings) and not head.endswith(self.lex.agent_heads)

    def _authored(self, doc: Doc, phrase: SpeakerPhrase | None) -> bool:
        """`In der Erklärung des Außenministeriums hieß es`: a document phrase whose genitive names
        a body or an office (``[speaker] body_heads``, ``agent_heads``) has its author, though no
        entity is recognised in it; the latest speaker of the text did not write it."""
        if phrase is None:
            return False
        heads = self.lex.body_heads + self.lex.agent_heads
        toks = doc[phrase.start : phrase.end]
        return any(
            t.lower_ in self.lex.genitive_articles
            and any(re.sub(r"e?s$", "", n.lower_).endswith(heads) for n in toks[i + 1 - toks.start :])
            for i, t in enumerate(toks, start=toks.start)
        )

    def _agentless_passive(self, doc: Doc, cue: tuple[int, int]) -> bool:
        """`Es wurde angegeben, …`: the cue (characters) is a participle whose sentence has a
        passive auxiliary (``[clause] passive``) before it and no `von` agent."""
        span = doc.char_span(*cue, alignment_mode="expand")
        if span is None:
            return False
        k = span.start
        s = doc[k].sent.start if doc.has_annotation("SENT_START") else max(0, k - 12)
        before = [doc[j].lower_ for j in range(max(s, k - 12), k)]
        return any(w in self.lex.passive for w in before) and not any(w in {"von", "vom"} for w in before)

    def _unnamed_spokesperson(
        self, doc: Doc, st: _Statement, u: int, quoted: list[bool], resolver: SpeakerResolver
    ) -> None:
        """`Die Deutsche Bahn wies die Kritik zurück. Ein Sprecher sagte, …`, `Einem Sprecher
        zufolge …`: a spokesperson named by nothing but an indefinite article speaks for the
        organisation that is the subject of the sentence right before; the phrase stays."""
        if self.lang != "de" or st.speaker is not None or st.speaker_phrase is None or u == 0:
            return
        span = doc.char_span(*st.speaker_phrase, alignment_mode="expand")
        if span is None or len(span) != 2 or span[0].lower_ not in self.lex.unnamed_articles:
            return
        if span[1].lower_ not in self.lex.spokesperson_compounds:
            return
        probe = _Statement(kind="indirect", start=st.start, end=st.end, sentence=u)
        if (
            self._intro_speaker(doc, probe, *self._units_now[u - 1], quoted, resolver, need_named=True)
            and probe.speaker is not None
            and probe.speaker.type == "ORG"
        ):
            st.speaker = probe.speaker

    def _speaks_for_no_one(self, doc: Doc, st: _Statement) -> bool:
        """A German statement left with no speaker entity whose speaker phrase names no actor
        (``_no_actor``)."""
        return (
            self.lang == "de"
            and st.speaker is None
            and st.speaker_phrase is not None
            and self._no_actor(doc, *st.speaker_phrase)
        )

    def _no_actor(self, doc: Doc, a: int, b: int) -> bool:
        """Whether the speaker phrase in characters ``[a, b)`` names no one who could speak: an
        abstract noun (`Als Begründung`, `Die Zahl der Stellen`), a prepositional phrase of reason
        or manner (`Zur Begründung`, `In vielen Fällen`), an adverb (`Höhnisch`). A phrase with a
        person or organisation entity, a pronoun, or a head that names a body, an office or a
        person (``[speaker] agent_heads``, ``unnamed_heads``, ``person_descriptions``,
        ``body_heads``) is an actor."""
        lex = self.lex
        span = doc.char_span(a, b, alignment_mode="expand")
        if span is None or len(span) == 0:
            return False
        if any(t.ent_type_ in {"PER", "ORG"} for t in span) or span[0].lower_ in lex.pronouns:
            return False
        nouns = [t for t in span if t.pos_ in {"NOUN", "PROPN"} or t.tag_ in {"NN", "NE"}]
        actorish = (
            lex.agent_heads
            + lex.person_descriptions
            + lex.body_heads
            + tuple(lex.unnamed_heads)
            + tuple(lex.side_nouns)
        )
        # each noun as written and without a genitive or plural ending (`Nobelkomitees`, `Ämtern`)
        forms = [form for t in nouns for form in (t.lower_, t.lower_[:-1], t.lower_[:-2])]
        if any(t.tag_ == "NE" for t in nouns) or any(w.endswith(actorish) for w in forms):
            return False
        sources = tuple(lex.documents | lex.nach_nouns | lex.medium_nouns | lex.claim_nouns)
        if any(w.endswith(sources) for w in forms):
            return False  # `In der Mitteilung hieß es`: a document or report is a source itself
        if not nouns:
            return span[0].pos_ in {"ADV", "ADJ"} or span[0].tag_ in {"ADV", "ADJD", "PAV", "PROAV"}
        return span[0].tag_ in _PREPOSITION_TAGS or self._abstract(doc, SpeakerPhrase(span.start, span.end))

    def _impersonal_source(
        self,
        doc: Doc,
        st: _Statement,
        u: int,
        prev: _Statement | None,
        quoted: list[bool],
        resolver: SpeakerResolver,
    ) -> None:
        """`Die Stadt hat die Gebühren erhöht. Als Begründung wurde angegeben, …`, `Zur Begründung
        hieß es, …`: a cue whose subject names no actor (an abstract noun, a phrase of reason, an
        impersonal `es` or an agentless passive) reports the position of the actor the text is
        about — the actor that is the subject of the sentence right before when that sentence
        narrates (`Der Budgetdienst kommt in seiner Analyse zu … . …, heißt es darin.`), else the
        speaker of the statement just before (two sentences at most). A German mechanism: English
        frames name their speaker."""
        if self.lang != "de" or st.free or st.anchor or st.cue is None or st.speaker is not None:
            return
        if st.kind not in {"indirect", "direct", "partial", "reported"}:
            return
        if st.speaker_phrase is None and not (st.speaker_known or self._agentless_passive(doc, st.cue)):
            return  # a cue whose subject was not found at all is no impersonal one
        if st.speaker_phrase is not None and not self._no_actor(doc, *st.speaker_phrase):
            return
        if u > 0 and (u - 1) not in self._stated_units:
            # `Der Budgetdienst kommt in seiner Analyse zu … . …, heißt es darin.`: the actor
            # named as the subject of the narrated sentence right before (an actor without an
            # entity, `die Stadt`, still gives the phrase)
            probe = _Statement(kind="indirect", start=st.start, end=st.end, sentence=u)
            if self._intro_speaker(doc, probe, *self._units_now[u - 1], quoted, resolver, need_named=True):
                st.speaker, st.speaker_phrase, st.speaker_known = probe.speaker, probe.speaker_phrase, True
                return
        if prev is not None and prev.sentence >= u - 2 and prev.speaker is not None:
            st.speaker, st.speaker_phrase, st.speaker_known = prev.speaker, prev.speaker_phrase, True
            if st.via is None:
                st.via = prev.via

    def _actor(self, doc: Doc, phrase: SpeakerPhrase, ent: Entity | None, start: int) -> bool:
        """Whether a sentence's subject is an actor whose position a following Konjunktiv sentence
        can carry: a person or organisation; a country that opens the sentence (`Der Iran streitet
        dies ab.`); or a phrase whose head names a body or office (`Die Kriminalpolizei bittet …`,
        `die Wahlkommission`; ``[speaker] agent_heads``), named or not."""
        if ent is not None and ent.type in {"PER", "ORG"}:
            return True
        heads = [t.lower_ for t in doc[phrase.start : phrase.end] if t.text[:1].isupper()]
        if ent is not None and ent.type == "LOC":
            # `Die Stadt Gera hat … erhöht`: a place named by the body that governs it acts too
            return phrase.start == start or (len(heads) > 1 and heads[0].endswith(self.lex.agent_heads))
        # the head before a genitive counts too: `Der Budgetdienst des Parlaments`
        return any(h.endswith(self.lex.agent_heads) for h in heads)

    def _indirect_statement(
        self,
        doc: Doc,
        s: int,
        e: int,
        u: int,
        a: _Analysis | None,
        quoted: list[bool],
        new: list[_Statement],
        prev: _Statement | None,
        resolver: SpeakerResolver | None = None,
    ) -> _Statement | None:
        lex = self.lex
        if a is not None and a.cue is not None and self._refusal(doc, s, e, quoted) == a.cue[0]:
            return None  # `Dazu, wann …, wollte sie nichts sagen.`: the clause is the topic refused
        if a is not None and a.message is not None and self._question_frame(doc, a.message[0], a.message[1]):
            return None  # `Auf die Frage, ob er zurücktrete, antwortete er: …`: the question asked
        if a is not None and a.message is not None and a.kind in {"indirect", "reported", "direct", "continuation"}:
            ms, me = self._chars(doc, a.message[0], a.message[1])
            # a quote already covers this content
            if any(st.kind == "direct" and st.start <= ms + 2 and st.end >= me - 2 for st in new):
                return None
            if any(st.kind == "direct" and st.start - 1 <= ms and st.end + 1 >= me for st in new):
                return None
            toks = [k for k in range(a.message[0], a.message[1]) if not doc[k].is_punct]
            if toks and quoted[toks[0]] and sum(quoted[k] for k in toks) >= 0.9 * len(toks):
                return None  # the rest of a direct quote that began in an earlier sentence
            if toks and quoted[toks[0]] and a.cue is not None and not quoted[a.cue[0]]:
                last_quoted = max(k for k in toks if quoted[k])
                if a.cue[0] > last_quoted and any(st.kind == "direct" for st in new):
                    return None  # `… Das ist sehr gut“, sagte er`: the cue of a quote of several sentences
            kind = "reported" if a.kind == "reported" else "indirect"
            st = _Statement(kind=kind, start=ms, end=me, sentence=u)
            if a.kind == "continuation":
                st.cue = self._chars(doc, a.cue[0], a.cue[1]) if a.cue else None
                self._inherit(st, prev)
                if st.cue is not None:
                    # `Demnach …`: the adverb is this sentence's pointer to the source
                    st.speaker_phrase = st.cue
                return st
            st.cue = self._chars(doc, a.cue[0], a.cue[1]) if a.cue else None
            if a.extra_cue:
                st.cue = (st.cue[0], self._chars(doc, a.extra_cue[-1], a.extra_cue[-1] + 1)[1]) if st.cue else None
            if a.speaker is not None:
                st.speaker_phrase = self._chars(doc, a.speaker.start, a.speaker.end)
            st.speaker = a.speaker_entity
            st.via = a.via
            return st
        if a is not None and a.cue is not None and not self._konjunktiv_cue_clause(doc, s, e, a, quoted):
            return None
        if not self.free_indirect or any(st.kind == "direct" for st in new):
            return None
        # free indirect speech: a Konjunktiv sentence that carries on an earlier statement
        tokens = [k for k in range(s, e) if not quoted[k]]
        # (a full verb's Konjunktiv I beyond the listed forms too: `Jedoch ruhe die Mitgliedschaft …`)
        strong = any(doc[k].lower_ in lex.konjunktiv_strong or self._konjunktiv_form(doc, k, s) for k in tokens)
        broad = strong or any(doc[k].lower_ in lex.konjunktiv or doc[k].lower_ in lex.hearsay for k in tokens)
        # (a quote of several sentences ends, with its cue, in a later unit than it opens)
        prev_last = self._last_unit(prev) if prev is not None else -1
        near = prev is not None and prev_last >= u - lex.continuation_window
        last = e
        while last > s and (doc[last - 1].is_punct or doc[last - 1].is_space) and not quoted[last - 1]:
            last -= 1
        if last <= s:
            return None
        carried = (strong and near) or (broad and prev is not None and prev_last == u - 1 and not prev.anchor)
        # a sentence carried on anyway may name its speaker with a weaker Konjunktiv (`könnte`)
        forms = lex.konjunktiv | lex.hearsay if carried else lex.konjunktiv_strong
        own = None
        if strong or carried:
            own = self._governing_clause(doc, s, e, last, quoted, forms) or self._trailing_verb(doc, s, last, quoted)
        if own is None and not carried:
            if self._hearsay_perfect(doc, s, last, quoted):
                # `Dabei sollen bereits 15 Aufständische getötet worden sein.`: an unverified claim
                # of someone unnamed, reported speech whatever comes before it
                ms, me = self._chars(doc, s, last)
                st = _Statement(kind="indirect", start=ms, end=me, free=True, sentence=u)
                # the actor the sentence before names (`Die Staatsanwaltschaft ermittelt. Er soll
                # …`), else the latest statement's speaker
                if (
                    resolver is not None
                    and u > 0
                    and (u - 1) not in self._stated_units
                    and self._intro_speaker(doc, st, *self._units_now[u - 1], quoted, resolver, need_named=True)
                ):
                    return st
                self._inherit(st, prev)
                return st
            return None
        if own is not None:
            verb, subject, clause = own
            ms, me = self._chars(doc, clause[0], clause[1])
            st = _Statement(kind="indirect", start=ms, end=me, sentence=u, cue=self._chars(doc, verb, verb + 1))
            st.speaker_phrase = self._chars(doc, subject.start, subject.end)
            if resolver is not None:
                st.speaker = resolver.entity(subject) or self._named_body(doc, subject, resolver)
            return st
        ms, me = self._chars(doc, s, last)
        st = _Statement(kind="indirect", start=ms, end=me, free=True, sentence=u)
        if resolver is not None and self._narrated_past(doc, st, s, last, quoted, resolver):
            return None
        if resolver is not None and self._indicative_actor(doc, st, s, last, quoted, resolver):
            return st
        # `Der Iran streitet dies ab.` + `Sein Programm diene …`: a sentence between the last
        # statement and this one names an actor as its subject; the Konjunktiv carries that
        # actor's position, not the older statement's
        if (
            prev is not None
            and prev.sentence < u - 1
            and u - 1 not in self._stated_units  # (a free statement carrying `prev` on is no narration)
            and resolver is not None
            and self._intro_speaker(doc, st, *self._units_now[u - 1], self._quoted_now, resolver, need_named=True)
        ):
            named = st.speaker
            if named is None or not any(ms <= m.start < me for m in named.mentions):
                return st  # (`Obama habe … geschaffen` is about the actor just named, not by it)
            st.speaker, st.speaker_phrase, st.speaker_known = None, None, False
        self._inherit(st, prev)
        return st

    def _inverted_with_auxiliary(
        self, doc: Doc, s: int, k: int, last: int, quoted: list[bool]
    ) -> tuple[int, SpeakerPhrase] | None:
        """`…, hatte die Ministerin damals gesagt.`, `…, hat X erklärt.`: a cue participle that
        ends the sentence after a comma, a finite auxiliary and its subject is the inverted cue of
        the clause before the comma (a statement, not background: the pluperfect of `_background`
        narrates only when the participle governs no clause of its own). Returns the comma and the
        subject phrase."""
        if k + 1 < last or k - 2 <= s:
            return None
        comma = next((j for j in range(k - 1, max(s, k - 10), -1) if doc[j].text == ","), None)
        if comma is None or comma + 2 >= k or comma - s < 3 or quoted[comma]:
            return None
        if doc[comma + 1].lower_ not in self.lex.auxiliaries:
            return None
        subject = phrase_after(doc, comma + 2, k, self.lex)
        if subject is None or subject.start != comma + 2:
            return None
        if not self._statement_before(doc, s, comma, quoted):
            return None
        return comma, subject

    def _hearsay_perfect(self, doc: Doc, s: int, last: int, quoted: list[bool]) -> bool:
        """`X soll … getötet worden sein`, `Er soll drei Kinder gezeugt haben`: a main clause whose
        finite verb is a modal of hearsay (``[clause] hearsay``) and that ends on a participle and
        `haben`/`sein` (the perfect infinitive) reports a claim; a `soll` of duty or purpose
        (`Die Kampagne soll den Schaden begrenzen`) has no perfect infinitive."""
        if last - s < 4 or any(quoted[j] for j in range(s, last)):
            return False
        fin = next((j for j in range(s, last) if doc[j].tag_ in _FINITE_TAGS), None)
        if fin is None or doc[fin].lower_ not in self.lex.hearsay or self._clause_opener(doc, s, fin) is not None:
            return False
        if any(doc[j].text == "," for j in range(fin, last)):
            return False  # (a clause after a comma: the perfect may be its own)

        def participle(t: Token) -> bool:
            # (the tagger calls some participles finite or adverbial: `veruntreut` as ADJD)
            return t.tag_.startswith("VV") or (t.tag_ == "ADJD" and t.lower_.endswith(("t", "en")))

        if doc[last - 1].lower_ in {"haben", "sein"} and participle(doc[last - 2]):
            return True
        return doc[last - 1].lower_ == "sein" and doc[last - 2].lower_ == "worden" and participle(doc[last - 3])

    def _semicolon_continuation(
        self, doc: Doc, s: int, e: int, u: int, new: list[_Statement], quoted: list[bool]
    ) -> _Statement | None:
        """`Die Einladung habe Trump angenommen, sagte Merz; die Teams würden nach einem Termin
        suchen.`: a clause after a semicolon that closes a statement with its cue, in the
        Konjunktiv and covered by no statement, goes on with that statement's speaker."""
        main = next((st for st in reversed(new) if st.cue is not None and not st.anchor), None)
        if main is None:
            return None
        reach = max(main.end, main.cue[1])
        semi = next(
            (j for j in range(s, e) if doc[j].text == ";" and not quoted[j] and doc[j].idx >= reach),
            None,
        )
        if semi is None:
            return None
        last = e
        while last > semi + 1 and (doc[last - 1].is_punct or doc[last - 1].is_space) and not quoted[last - 1]:
            last -= 1
        tokens = [k for k in range(semi + 1, last) if not quoted[k]]
        if len(tokens) < 3 or any(doc[k].text == ";" for k in tokens):
            return None
        lex = self.lex
        if not any(doc[k].lower_ in lex.konjunktiv or self._konjunktiv_form(doc, k, semi + 1) for k in tokens):
            return None
        ms, me = self._chars(doc, semi + 1, last)
        if any(st.start < me and ms < st.end for st in new):
            return None
        st = _Statement(kind="indirect", start=ms, end=me, free=True, sentence=u)
        self._inherit(st, main)
        return st

    def _last_unit(self, st: _Statement) -> int:
        """The sentence unit a statement ends in: that of its last character or of its cue
        (`„… Das ist sehr gut“, sagte er.` ends two units after the quote opened)."""
        end = max(st.end - 1, st.cue[1] - 1 if st.cue is not None else st.end - 1, st.start)
        return max(st.sentence, bisect.bisect_right(self._unit_starts, end) - 1)

    def _konjunktiv_cue_clause(self, doc: Doc, s: int, e: int, a: _Analysis, quoted: list[bool]) -> bool:
        """`Über Gebietsfragen könne nur bei einem Treffen gesprochen werden.`: a speech verb with no
        content clause of its own (``kind == "cue"``) in a sentence whose finite verb is a strong
        Konjunktiv (one no statement of the reporter would use) is itself reported speech, carrying
        the statement before it on, not a new speaker's cue."""
        if a.kind != "cue" or a.cue is None:
            return False
        fin = next((j for j in range(s, e) if not quoted[j] and doc[j].tag_ in _FINITE_TAGS), None)
        return fin is not None and fin < a.cue[0] and doc[fin].lower_ in self.lex.konjunktiv_strong

    def _indicative_actor(
        self, doc: Doc, st: _Statement, s: int, last: int, quoted: list[bool], resolver: SpeakerResolver
    ) -> bool:
        """`Bundesaußenminister Gabriel zeigte sich bestürzt und dass es … gebe.`, `Der Abgeordnete
        Jörg Tauss bezweifelte die Vereinbarkeit …, denen zufolge … sei.`: a sentence whose main
        clause is in the indicative with an actor as subject is that actor's; its Konjunktiv stands
        in a clause it governs, and carries no earlier statement on. Gives ``st`` the actor."""
        lex = self.lex
        fin = next(
            (
                j
                for j in range(s, last)
                if not quoted[j] and doc[j].tag_ in _FINITE_TAGS and self._clause_opener(doc, s, j) is None
            ),
            None,
        )
        if fin is None or fin - s < 1 or doc[s].tag_ in _FRONTED_TAGS:
            return False
        low = doc[fin].lower_
        if low in lex.konjunktiv or low in lex.hearsay or self._konjunktiv_form(doc, fin, s):
            return False
        if any(doc[j].text == "," for j in range(s, fin)):
            return False  # a fronted clause before the verb: its subject is not the sentence's
        return self._intro_speaker(doc, st, s, fin + 1, quoted, resolver, need_named=True)

    def _narrated_past(
        self, doc: Doc, st: _Statement, s: int, last: int, quoted: list[bool], resolver: SpeakerResolver
    ) -> bool:
        """`Ein Sprecher des Ministeriums wollte dies nicht bestätigen.`: a main clause whose finite
        verb is a Konjunktiv II spelt like the past indicative (``[clause] preterite_like``) and
        governs a verb of commenting (``comment_infinitives``), with an actor of its own as subject
        and no other Konjunktiv in the sentence, narrates what that actor declined to say; it
        carries no earlier statement on."""
        lex = self.lex
        fin = next((j for j in range(s, last) if not quoted[j] and doc[j].tag_ in _FINITE_TAGS), None)
        if fin is None or fin - s < 1 or doc[fin].lower_ not in lex.preterite_like:
            return False
        if not any(doc[j].lower_ in lex.comment_infinitives for j in range(fin + 1, last)):
            return False  # (`Grossbritannien und Frankreich wollten gemeinsam … ausarbeiten`: carried on)
        others = (lex.konjunktiv - lex.preterite_like) | lex.hearsay
        if any(doc[j].lower_ in others for j in range(s, last) if not quoted[j]):
            return False
        if self._refusal(doc, s, last, quoted) is not None:
            # `Zu weiteren Fragen wollte sich Peskow nicht äußern.`, `Dazu wollte er nichts sagen.`:
            # a refusal to comment narrates that nothing was said, whoever refused (a pronoun, a
            # subject after the verb); it is nobody's statement and carries none on
            return True
        probe = _Statement(kind="indirect", start=st.start, end=st.end, sentence=st.sentence)
        return self._intro_speaker(doc, probe, s, fin + 1, quoted, resolver, need_named=True)

    def _note_refuser(self, doc: Doc, s: int, e: int, quoted: list[bool], resolver: SpeakerResolver) -> None:
        """`Ob Putin teilnehme, wollte Peskow nicht sagen. …, sagte er lediglich.`: the person who
        refused to comment (named between the modal and its verb of commenting, or opening the
        sentence before the modal) is the one the text is about next; a pronoun after it refers to
        that person, not to someone named in the topic refused."""
        inf = self._refusal(doc, s, e, quoted)
        if inf is None:
            return
        lex = self.lex
        modal = max(j for j in range(s, inf) if doc[j].lower_ in lex.preterite_like or doc[j].lower_ in lex.refusing)
        people = [
            (m_start, ent)
            for m_start, _, _, ent in resolver._mentions.overlapping(doc[s].idx, doc[inf].idx)
            if ent.type == "PER"
        ]
        inverted = [(m, ent) for m, ent in people if m > doc[modal].idx]
        opening = [(m, ent) for m, ent in people if m == doc[s].idx]
        found = (inverted or opening or [None])[0]
        if found is not None:
            resolver.note_speaker(found[0], found[1])

    def _question_frame(self, doc: Doc, a: int, b: int) -> bool:
        """Whether tokens ``[a, b)`` open with a phrase of the question put to the speaker (`Auf die
        Frage, ob …`, `Auf Nachfrage, wann …`: a noun of ``[clause] question_nouns`` among the
        first three words, then a comma): the clause is what was asked, not what was said."""
        nouns = self.lex.question_nouns
        return any(doc[j].lower_ in nouns and j + 1 < b and doc[j + 1].text == "," for j in range(a, min(b, a + 3)))

    def _refusal(self, doc: Doc, s: int, e: int, quoted: list[bool]) -> int | None:
        """`wollte sich nicht äußern`, `wollte dazu nichts sagen`, `would not say`, `declined to
        say`: a modal spelt like the past (``[clause] preterite_like``) with a negation (``[clause]
        negations``), or a verb of refusing (``[clause] refusing``), before its verb of commenting
        (``comment_infinitives``) outside quotation marks narrates a refusal to comment.
        Returns the verb of commenting's index, else None."""
        lex = self.lex
        for j in range(s, e):
            if quoted[j] or (doc[j].lower_ not in lex.preterite_like and doc[j].lower_ not in lex.refusing):
                continue
            # (`declined to say`, `refused to comment`: the verb itself negates)
            negated = doc[j].lower_ in lex.refusing
            for m in range(j + 1, min(e, j + 12)):
                low = doc[m].lower_
                if quoted[m] or low in {",", ";", ":"}:
                    break
                if low in lex.negations:
                    negated = True
                elif negated and low in lex.comment_infinitives:
                    return m
        return None

    def _konjunktiv_form(self, doc: Doc, k: int, s: int) -> bool:
        """A finite full verb in the third person Konjunktiv I that no list names (`ruhe`,
        `gewinne`, `funktioniere`): tagged ``VVFIN``, lower-case, ending in `-e` but not in the
        `-te` of a past tense nor in the `-ende`/`-weise` of participles and adverbs the tagger
        misreads, with no `ich` before it in its sentence (`ich gehe`)."""
        tok = doc[k]
        low = tok.lower_
        return (
            # (`setze voraus`: the tagger sometimes calls the form an infinitive, which never ends in a bare `-e`)
            tok.tag_ in {"VVFIN", "VVINF"}
            and low == tok.text
            and low.endswith("e")
            and not low.endswith(("te", "ende", "weise"))  # (mis-tagged `bestehende`, `beispielsweise`)
            and len(low) > 3
            and not any(doc[m].lower_ == "ich" for m in range(max(s, k - 12), k + 2 if k + 2 <= len(doc) else k + 1))
        )

    def _trailing_verb(
        self, doc: Doc, s: int, last: int, quoted: list[bool]
    ) -> tuple[int, SpeakerPhrase, tuple[int, int]] | None:
        """`Die Ursache sei noch unklar, verlautbarte Peter Sharp, der Direktor …`: an inverted
        cue whose verb is not listed — a finite verb right after a comma, followed by a named
        subject, closes a Konjunktiv statement. Returns (verb, subject, message range)."""
        lex = self.lex
        for c in range(s + 2, min(last - 1, s + 60)):
            if doc[c].text != "," or quoted[c] or doc[c + 1].tag_ not in _FINITE_TAGS:
                continue
            if not any(doc[m].lower_ in lex.konjunktiv_strong for m in range(s, c)):
                return None
            subject = phrase_after(doc, c + 2, last, lex)
            if subject is None or subject.start != c + 2 or not is_capitalised(doc[c + 2]):
                return None
            if subject.end < last and doc[subject.end].text != ",":
                return None  # the verb goes on (`, hieß es weiter in …`): not a plain inverted cue
            return c + 1, subject, (s, c)
        return None

    def _governing_clause(
        self, doc: Doc, s: int, e: int, last: int, quoted: list[bool], forms: frozenset[str]
    ) -> tuple[int, SpeakerPhrase, tuple[int, int]] | None:
        """`Der Wahlsieger erklarte indessen, es sei …`, `Die DSW ist der Ansicht, dass …`: a main
        clause whose finite verb is no listed cue (a typo, a rare verb, `vertritt die Ansicht`) but
        governs a content clause — `dass`/`ob`/`wonach` or a Konjunktiv clause right after its first
        comma. Its subject, not an earlier speaker, is the source: carrying the previous speaker
        on is only right when the sentence names nobody. Needs the tagger (STTS finite-verb tags);
        returns (finite verb, subject phrase, clause token range) or None."""
        lex = self.lex
        comma = next((j for j in range(s, e) if doc[j].text == "," and not quoted[j]), None)
        if comma is None or comma - s < 2 or comma + 2 >= last:
            return None
        if any(doc[j].lower_ in lex.konjunktiv or doc[j].lower_ in lex.hearsay for j in range(s, comma)):
            return None  # the main clause is itself the reported content
        fin = next((j for j in range(s + 1, comma) if doc[j].tag_ in _FINITE_TAGS and not quoted[j]), None)
        if fin is None:
            return None
        nxt = doc[comma + 1]
        if nxt.tag_ in _FINITE_TAGS and nxt.lower_ not in forms:
            return None  # `Sie widersprächen den Tatsachen, verletzten das Protokoll`: a second predicate
        if nxt.lower_ in lex.complementisers:
            clause = (comma + 1, last)
        else:
            if nxt.tag_ in {"PRELS", "PRELAT", "KOUS", "KON", "PWAV"} or nxt.lower_ in lex.relative_words:
                return None
            stop = next((m for m in range(comma + 2, last) if doc[m].text in {",", ";"}), last)
            if not any(doc[m].lower_ in forms for m in range(comma + 1, stop)):
                return None
            clause = (comma + 1, last)
        subject = self._subject(doc, s, fin, e)
        if subject is None or subject.end > comma:
            return None
        return fin, subject, clause

    def _after_colon(
        self,
        doc: Doc,
        s: int,
        e: int,
        u: int,
        units: list[tuple[int, int]],
        quoted: list[bool],
        resolver: SpeakerResolver,
    ) -> _Statement | None:
        """`Müller bezweifelte die Eignung Merkels:` + `Er habe … .` — a sentence ending in a colon
        announces the next one as its subject's statement, even without a listed cue verb."""
        ps, pe = units[u - 1]
        if doc[pe - 1].text != ":" or pe - ps < 3:
            return None
        first = doc[ps]
        if first.lower_ in self.lex.fronting or not is_capitalised(first):
            return None
        phrase = phrase_after(doc, ps, pe - 1, self.lex)
        if phrase is None or phrase.start != ps:
            return None
        lex = self.lex
        if not any(quoted[k] or doc[k].lower_ in lex.konjunktiv for k in range(s, e)):
            return None  # `Es qualifizierten sich:` + a list is not speech
        last = e
        while last > s and (doc[last - 1].is_punct or doc[last - 1].is_space) and not quoted[last - 1]:
            last -= 1
        if last - s < 3:
            return None
        start, end = self._chars(doc, s, last)
        st = _Statement(kind="indirect", start=start, end=end, sentence=u)
        st.speaker_phrase = self._chars(doc, phrase.start, phrase.end)
        st.speaker = resolver.entity(phrase)
        return st

    @staticmethod
    def _is_title(doc: Doc, e: int) -> bool:
        """Whether the first unit, ending before token ``e``, is a title: a line of its own
        followed by a blank line."""
        rest = doc.text[doc[e - 1].idx + len(doc[e - 1]) : doc[e - 1].idx + len(doc[e - 1]) + 4]
        return rest.startswith(("\n\n", "\r\n\r\n")) or rest.replace(" ", "").startswith("\n\n")

    def _interview(self, doc: Doc, resolver: SpeakerResolver) -> tuple[list[_Statement], list[tuple[int, int]]] | None:
        """`SPIEGEL: Herr Kroll, wie geht es weiter?` / `Kroll: Wir verhandeln weiter.`: a text
        whose lines open with a speaker label and a colon, two labels taking turns at least twice
        each, is an interview in question-and-answer form. The lines of a label that names no
        interviewer (``[interview] questioners``) nor a news outlet are the words of the person
        the label names: direct quotes. Returns those and the character ranges of all the
        interview's lines, or None for a text that is no interview."""
        lex = self.lex
        lines = [
            m
            for m in _LABELLED_LINE.finditer(self._text)
            if all(w[:1].isupper() for w in m.group(1).split()) and not any(c.isdigit() for c in m.group(1))
        ]
        if len(lines) < 4:
            return None
        counts: dict[str, int] = {}
        for m in lines:
            counts[m.group(1).casefold()] = counts.get(m.group(1).casefold(), 0) + 1
        turns = sorted(counts.values(), reverse=True)
        if len(turns) < 2 or turns[1] < 2:
            return None
        labelled = [(m, resolver._best_mention(m.start(1), m.end(1))) for m in lines]
        if any(ent is not None and ent.type == "LOC" for _, ent in labelled):
            return None  # `Berlin: …` / `Hamburg: …`: places heading reports, no speakers
        # `SPIEGEL: …`: the outlet that asks publishes, and so relays, the answers
        via = next(
            (
                ent or self._new_outlet(doc, m.start(1), m.end(1), resolver)
                for m, ent in labelled
                if outlet_name(m.group(1).casefold().split(), lex)
            ),
            None,
        )
        answers: list[_Statement] = []
        ranges: list[tuple[int, int]] = []
        unit_starts = self._unit_starts
        for m, ent in labelled:
            label = m.group(1)
            ranges.append((m.start(), m.end()))
            key = label.casefold()
            if counts[key] < 2 or key in lex.questioners or outlet_name(key.split(), lex):
                continue
            start, end = m.start(2), m.end(2)
            while end > start and self._text[end - 1].isspace():
                end -= 1
            st = _Statement(kind="direct", start=start, end=end)
            st.sentence = max(0, bisect.bisect_right(unit_starts, start) - 1)
            st.speaker_phrase = (m.start(1), m.end(1))
            st.speaker_known = True
            st.speaker = ent or resolver.surname(label.split()[-1])
            st.via = via
            answers.append(st)
        return answers, ranges

    def _headline(self, doc: Doc, s: int, e: int, resolver: SpeakerResolver) -> _Statement | None:
        """A title `Wulff: Deutschland trägt Verantwortung …` states what a named person said.
        Only a person entity before the colon counts (`Brexit: …` is a topic, not a speaker)."""
        colon = next((j for j in range(s, min(e, s + 5)) if doc[j].text == ":"), None)
        if colon is None or colon == s or e - colon < 4:
            return None
        phrase = SpeakerPhrase(s, colon)
        if not all(is_capitalised(doc[j]) for j in range(s, colon)):
            return None
        ent = resolver._best_mention(doc[s].idx, doc[colon - 1].idx + len(doc[colon - 1]))
        if ent is None or ent.type != "PER":
            return None
        last = e
        while last > colon + 1 and doc[last - 1].is_punct:
            last -= 1
        start, end = self._chars(doc, colon + 1, last)
        st = _Statement(kind="indirect", start=start, end=end, cue=self._chars(doc, colon, colon + 1))
        st.speaker_phrase = self._chars(doc, phrase.start, phrase.end)
        st.speaker = ent
        return st

    def _headline_repeats(
        self, doc: Doc, statements: list[_Statement], units: list[tuple[int, int]]
    ) -> list[_Statement]:
        """`Scholz: „Wir lassen die Ukraine nicht allein“` over a report that quotes the same words
        with their occasion: the headline's quote repeats a statement of the body, so only the
        body's is kept (one statement, one quote)."""
        if not units or not self._is_title(doc, units[0][1]):
            return statements

        def norm(st: _Statement) -> str:
            return re.sub(r"\W+", " ", self._text[st.start : st.end]).strip().casefold()

        body = {norm(st) for st in statements if st.sentence > 0}
        return [st for st in statements if st.sentence > 0 or st.parent is not None or norm(st) not in body]

    def _one_per_statement(self, statements: list[_Statement]) -> list[_Statement]:
        """List a statement with embedded quoted fragments once. The fragments are the quotes
        (with the clause kept as ``clause``) when the first opens within the clause's first words
        (`dass beide Länder "die Notwendigkeit …"`) or the statement is reported speech, whose
        content is a whole sentence (`begrüßte … die "konstruktiven Gespräche"`): the speaker's
        own words are what a reader searches. Otherwise the clause is the quote, the fragments
        stay on it as ``fragments``. Fragments take the clause's speaker (unless the cue of their
        own clause named another), cue and medium."""
        children: dict[int, list[_Statement]] = {}
        for st in statements:
            outer = st.parent_ref
            if st.kind == "partial" and outer is not None and outer.kind in {"indirect", "reported"}:
                children.setdefault(id(outer), []).append(st)
        if not children:
            return statements
        dropped: dict[int, _Statement] = {}  # id(dropped statement) -> the statement it went into
        for outer in statements:
            parts = sorted(children.get(id(outer), []), key=lambda p: p.start)
            if not parts:
                continue
            words = [p for p in parts if not self._compound_part(p)]
            if words and (outer.kind == "reported" or words[0].start - outer.start <= self.lex.lead_chars):
                for term in parts:
                    if all(term is not w for w in words):
                        dropped[id(term)] = words[0]  # a marked term stays part of the clause
                parts = words
                for part in parts:
                    part.parent = None
                    part.parent_ref = None
                    part.clause = (outer.start, outer.end)
                    if not part.own_clause and (
                        outer.speaker is not None or outer.speaker_phrase is not None or outer.speaker_known
                    ):
                        part.speaker, part.speaker_phrase = outer.speaker, outer.speaker_phrase
                        part.speaker_known = outer.speaker_known
                    part.cue = part.cue or outer.cue
                    part.via = part.via or outer.via
                    part.free = outer.free
                dropped[id(outer)] = parts[0]
            else:
                outer.fragments = [(p.start, p.end) for p in parts]
                for part in parts:
                    dropped[id(part)] = outer
        for st in statements:
            while st.parent_ref is not None and id(st.parent_ref) in dropped:
                st.parent_ref = dropped[id(st.parent_ref)]
        return [st for st in statements if id(st) not in dropped]

    def _compound_part(self, st: _Statement) -> bool:
        """`eine „Eins zu Eins“-Begegnung`: a quoted fragment joined by a hyphen to the word
        around it is part of a compound, a term the reporter marks, not the speaker's statement."""
        text = self._text
        return text[st.end + 1 : st.end + 2] in {"-", "‐"} or text[max(0, st.start - 2) : st.start - 1] in {"-", "‐"}

    def _nested(
        self, doc: Doc, spans: list[QuotedSpan], statements: list[_Statement], resolver: SpeakerResolver
    ) -> list[_Statement]:
        """Quotes inside direct quotes: kept (with their parent) when they are sentences or clauses,
        with the speaker the quoting words name (:meth:`_nested_speaker`)."""
        out: list[_Statement] = []
        directs = sorted((st.start, i) for i, st in enumerate(statements) if st.kind in {"direct", "partial"})
        starts = [a for a, _ in directs]
        for q in spans:
            if q.parent is None:
                continue
            if len(re.findall(r"\w+", self._text[q.start : q.end])) < self.lex.min_fragment_words:
                continue
            k = bisect.bisect_right(starts, q.open) - 1
            if k < 0 or statements[directs[k][1]].end < q.close:
                continue
            kind = "direct" if self._text[q.start : q.start + 1].isupper() else "partial"
            st = _Statement(kind=kind, start=q.start, end=q.end, parent=directs[k][1])
            self._nested_speaker(doc, st, statements[directs[k][1]], q.open, resolver)
            out.append(st)
        return out

    def _nested_speaker(
        self, doc: Doc, st: _Statement, outer: _Statement, mark: int, resolver: SpeakerResolver
    ) -> None:
        """`„Ich habe ihm gesagt: ‚So geht das nicht weiter‘“, erzählte Roth`: a quote inside a quote
        introduced, in the quoting sentence, by a speech verb with a first-person subject
        (``[nested] first_person``) is the outer speaker's own; with a person named there (`Merkel
        sagte mir: ‚…‘`) that person's. Without a speech verb the inner speaker stays open."""
        lex = self.lex
        text = self._text
        lo = max(outer.start, *(text.rfind(p, outer.start, mark) + 1 for p in ".!?"))
        span = doc.char_span(lo, mark, alignment_mode="contract")
        if span is None or not any(t.lower_ in lex.cue_verbs for t in span):
            return
        for t in span:
            if t.lower_ in lex.first_person:
                st.speaker, st.speaker_phrase, st.speaker_known = outer.speaker, (t.idx, t.idx + len(t)), True
                return
        for m_start, m_end, _, ent in resolver._mentions.overlapping(lo, mark):
            if ent.type == "PER" and m_start >= lo:
                st.speaker, st.speaker_phrase, st.speaker_known = ent, (m_start, m_end), True
                return

    # ------------------------------------------------------------------ learned tagger
    def _learned(
        self,
        doc: Doc,
        units: list[tuple[int, int]],
        statements: list[_Statement],
        quoted: list[bool],
        resolver: SpeakerResolver,
    ) -> list[_Statement]:
        """Combine the rules' statements with the learned tagger's message, cue and source words
        (``[learned]`` of quotes.toml says which steps run). Quoted statements stay the rules':
        marks are what the rules are best at. Indirect and reported statements the tagger does not
        read as speech are dropped, the others take the tagger's message extent; message runs no
        statement touches become statements of their own."""
        cfg = self.lex.learned
        tags = self._tagger.tags(doc, self._features(doc, statements)) if self._tagger is not None else []
        bridge = [t.is_punct or t.is_space for t in doc]
        starts = [t.idx for t in doc]
        unit_starts = [s for s, _ in units]

        def tokens(a: int, b: int) -> tuple[int, int]:
            return bisect.bisect_left(starts, a), max(bisect.bisect_left(starts, b), bisect.bisect_left(starts, a) + 1)

        def unit_of(k: int) -> tuple[int, int, int]:
            u = max(0, bisect.bisect_right(unit_starts, k) - 1)
            return u, units[u][0], units[u][1]

        runs: list[tuple[int, int]] = []
        for s, e in units:
            runs.extend(label_runs(tags, MESSAGE_TAGS, s, e, bridge))
        touched: set[int] = set()
        out: list[_Statement] = []
        for st in statements:
            a, b = tokens(st.start, st.end)
            overlapping = [n for n, (ra, rb) in enumerate(runs) if ra < b and rb > a]
            touched.update(overlapping)
            if st.kind in {"indirect", "reported"} and not st.fragments:
                words = [k for k in range(a, min(b, len(doc))) if not bridge[k]]
                share = sum(tags[k] in MESSAGE_TAGS for k in words) / len(words) if words else 0.0
                if share < cfg.get("drop_below", 0.0):
                    continue
                if cfg.get("extend") and overlapping:
                    ra = min(runs[n][0] for n in overlapping)
                    rb = max(runs[n][1] for n in overlapping)
                    st.start, st.end = self._chars(doc, ra, rb)
                if cfg.get("speaker"):
                    self._learned_speaker(doc, st, tags, (a, b), unit_of(a)[1:], resolver)
            out.append(st)
        min_words = int(cfg.get("add_min_words", 0))
        if not min_words:
            return out
        for n, (ra, rb) in enumerate(runs):
            if n in touched:
                continue
            words = [k for k in range(ra, rb) if not bridge[k]]
            if len(words) < min_words or sum(quoted[k] for k in words) * 2 > len(words):
                continue
            counts: dict[str, int] = {}
            for k in words:
                counts[tags[k]] = counts.get(tags[k], 0) + 1
            form = max(counts, key=counts.__getitem__)
            if form == "DM":
                continue  # marked quotes are the rules' task
            u, s, e = unit_of(ra)
            cs, ce = self._chars(doc, ra, rb)
            st = _Statement(kind="reported" if form == "RM" else "indirect", start=cs, end=ce, sentence=u)
            cue = self._nearest_run(label_runs(tags, frozenset({"C"}), s, e, bridge), ra, rb)
            if cue is not None:
                st.cue = self._chars(doc, *cue)
            if not self._learned_speaker(doc, st, tags, (ra, rb), (s, e), resolver):
                prev = max((o for o in out if o.start < cs), key=lambda o: o.start, default=None)
                self._inherit(st, prev)
                st.free = cue is None
            out.append(st)
        return out

    @staticmethod
    def _features(doc: Doc, statements: list[_Statement]) -> list[str]:
        """What the rules said of each token, the learned tagger's input besides the words."""
        spans: list[tuple[str, int, int]] = []
        for st in statements:
            if st.kind in {"direct", "partial"}:
                feat = "D"
            elif st.kind == "reported":
                feat = "R"
            else:
                feat = "F" if st.free else "I"
            spans.append((feat, st.start, st.end))
        for st in statements:
            if st.cue is not None:
                spans.append(("C", *st.cue))
            if st.speaker_phrase is not None:
                spans.append(("S", *st.speaker_phrase))
        return rule_features(len(doc), [t.idx for t in doc], spans)

    def _nearest_run(self, runs: list[tuple[int, int]], a: int, b: int) -> tuple[int, int] | None:
        """The run closest to ``[a, b)`` (by the gap between them)."""
        if not runs:
            return None
        return min(runs, key=lambda r: max(r[0] - b, a - r[1], 0))

    def _learned_speaker(
        self,
        doc: Doc,
        st: _Statement,
        tags: list[str],
        span: tuple[int, int],
        unit: tuple[int, int],
        resolver: SpeakerResolver,
    ) -> bool:
        """Give ``st`` (token range ``span``) the tagger's source words of its sentence ``unit``
        nearest to it as speaker, unless its speaker phrase already overlaps them. Returns
        whether the sentence has source words."""
        s, e = unit
        source = self._nearest_run(label_runs(tags, frozenset({"S"}), s, e, [False] * len(doc)), *span)
        if source is None:
            return False
        cs, ce = self._chars(doc, *source)
        if st.speaker_phrase is not None and st.speaker_phrase[0] < ce and st.speaker_phrase[1] > cs:
            return True
        st.speaker_phrase = (cs, ce)
        st.speaker = resolver.entity(SpeakerPhrase(*source))
        st.speaker_known = True
        return True

    # ------------------------------------------------------------------ output
    def _to_quotes(self, doc: Doc, statements: list[_Statement]) -> list[Quote]:
        text = self._text
        quotes: list[Quote] = []
        ids: dict[int, str] = {}
        order = sorted(range(len(statements)), key=lambda i: (statements[i].start, -statements[i].end))
        for n, i in enumerate(order, start=1):
            ids[id(statements[i])] = f"q{n}"
        for i in order:
            st = statements[i]
            start, end = st.start, st.end
            while start < end and text[start].isspace():
                start += 1
            while end > start and text[end - 1].isspace():
                end -= 1
            if end <= start:
                continue
            cue = Cue(start=st.cue[0], end=st.cue[1], text=text[st.cue[0] : st.cue[1]]) if st.cue else None
            speaker_span = None
            if st.speaker_phrase is not None:
                a, b = st.speaker_phrase
                speaker_span = TextSpan(start=a, end=b, text=text[a:b])
            insertions = [
                TextSpan(start=start + m.start(), end=start + m.end(), text=m.group())
                for m in _INSERTION.finditer(text[start:end])
            ]
            parent = st.parent_ref
            clause = (
                TextSpan(start=st.clause[0], end=st.clause[1], text=text[st.clause[0] : st.clause[1]])
                if st.clause
                else None
            )
            fragments = [TextSpan(start=a, end=b, text=text[a:b]) for a, b in st.fragments]
            quotes.append(
                Quote(
                    id=ids[id(st)],
                    kind=st.kind,  # type: ignore[arg-type]
                    start=start,
                    end=end,
                    text=text[start:end],
                    speaker=st.speaker.id if st.speaker is not None else None,
                    speaker_text=speaker_span.text if speaker_span is not None else None,
                    speaker_span=speaker_span,
                    cue=cue,
                    via=st.via.id if st.via is not None and st.via is not st.speaker else None,
                    insertions=insertions,
                    nested_in=ids.get(id(parent)) if parent is not None else None,
                    free_indirect=st.free,
                    clause=clause,
                    fragments=fragments,
                )
            )
        return quotes

    @staticmethod
    def _mark_times(doc: Doc, statements: list[_Statement]) -> None:
        times = doc._.times or []
        quoted = sorted((st.start, st.end) for st in statements if st.kind in {"direct", "partial"})
        if not quoted or not times:
            return
        starts = [a for a, _ in quoted]
        for t in times:
            k = bisect.bisect_right(starts, t.start) - 1
            # any quote starting at or before the time and ending after it (quotes may nest)
            for j in range(k, max(-1, k - 20), -1):  # quotes may nest: look a few back
                a, b = quoted[j]
                if a <= t.start and t.end <= b:
                    t.inside_quote = True
                    break


#: a sentence unit longer than this (in tokens) is cut at punctuation: the rules look at a unit's
#: words pairwise, so unbounded units (`sagte „ja“ sagte „ja“ …` without a full stop, mark soups)
#: would make the layer quadratic; real news sentences stay far below it
MAX_UNIT_TOKENS = 160


#: a line that opens with a short label and a colon (`Kroll: Wir verhandeln weiter.`)
_LABELLED_LINE = re.compile(r"(?m)^[ \t]*([^\W\d][\w.’'-]*(?: [^\W\d][\w.’'-]*){0,2}):[ \t]+(\S[^\n]*)")


def _bounded_unit(doc: Doc, s: int, e: int) -> list[tuple[int, int]]:
    """``[s, e)`` cut into pieces of at most :data:`MAX_UNIT_TOKENS`, each ending at the last
    punctuation token of its second half where there is one."""
    pieces: list[tuple[int, int]] = []
    while e - s > MAX_UNIT_TOKENS:
        limit = s + MAX_UNIT_TOKENS
        cut = next((j + 1 for j in range(limit - 1, s + MAX_UNIT_TOKENS // 2, -1) if doc[j].is_punct), limit)
        pieces.append((s, cut))
        s = cut
    pieces.append((s, e))
    return pieces


def _marks_to_next_unit(doc: Doc, units: list[tuple[int, int]], opening: set[int]) -> list[tuple[int, int]]:
    """Units whose last token is the opening mark of a quote (the sentencizer often leaves a
    straight `"` on the sentence before it: `… stattfinden. "Wir sind bereit", sagte …`) hand
    the mark on to the next unit, so that a statement built from the sentence (free indirect
    speech above all) never ends in the mark of the next quote."""
    out = list(units)
    for u in range(len(out) - 1):
        s, e = out[u]
        k = e - 1
        while k > s and doc[k].is_space:
            k -= 1
        if k <= s or doc[k].idx not in opening or out[u + 1][0] != e:
            continue
        out[u] = (s, k)
        out[u + 1] = (k, out[u + 1][1])
    return out


def _after_dateline(doc: Doc, s: int, k: int) -> int:
    """Where a sentence's own words start after a dateline (`LONDON -`, `NAIROBI, June 2 (AFP) -`,
    `BRUSSELS (Reuters) -`): a place in capitals, then a dash within a few tokens. ``s`` when there
    is none, so `LONDON - Chancellor X announced …, telling MPs …` gives X, not the dateline."""
    if not (doc[s].is_alpha and doc[s].is_upper and len(doc[s].text) > 1):
        return s
    for j in range(s + 1, min(k, s + 12)):
        if doc[j].text in _DASHES:
            return j + 1 if j + 1 < k else s
    return s


def _agency_dateline_end(doc: Doc, s: int, e: int) -> int:
    """Where a paragraph's words start after an agency dateline (`Berlin (dpa) -`,
    `Frankfurt/Main (dpa) –`, `Wien, 3. März (APA) -`, `MOSCOW (AP) -`): at the start of a line,
    place words (and a date) with no verb, a short bracket, then a dash. ``s`` when there is none,
    so that a statement the sentence carries does not open with the dateline."""
    if s > 0 and "\n" not in doc[s - 1].text_with_ws:
        return s
    if not doc[s].text[:1].isupper():
        return s
    for j in range(s + 1, min(e - 1, s + 12)):
        tok = doc[j]
        if tok.text == "(":
            close = next((m for m in range(j + 1, min(e, j + 5)) if doc[m].text == ")"), None)
            if close is None or close + 2 >= e or doc[close + 1].text not in _DASHES:
                return s
            return close + 2
        if not (tok.text[:1].isupper() or tok.is_digit or tok.text in {",", "/", ".", "-"}):
            return s  # a verb or a lower-case word: a sentence, not a dateline
    return s


def _bare_before(doc: Doc, s: int, k: int) -> SpeakerPhrase | None:
    """`Berichten zufolge`: a lone noun before `zufolge`."""
    if k - 1 >= s and is_capitalised(doc[k - 1]):
        return SpeakerPhrase(k - 1, k)
    return None


@Language.factory("newsgraph_quotes", default_config={"free_indirect": True, "reported": True, "tagger": True})
def make_quote_layer(nlp: Language, name: str, free_indirect: bool, reported: bool, tagger: bool) -> QuoteLayer:
    """Quotes (direct, partial, indirect, reported) with speaker, cue and relaying medium.

    ``free_indirect``: also report cue-less Konjunktiv sentences that carry a statement on;
    ``reported``: also report speech acts without a content clause (whole sentence);
    ``tagger``: combine the rules with the learned message/cue tagger (German, when shipped)."""
    return QuoteLayer(nlp, name, free_indirect=free_indirect, reported=reported, tagger=tagger)
