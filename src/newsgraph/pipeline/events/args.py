"""Where an event trigger's arguments are: clauses, actor mentions, groups, places, times.

The event layer must work both on a blank tokenizer (no parser) and on the trained pipeline, so the
argument finder works on *clauses* cut by punctuation and clause-opening words (from
``events_frames.toml``) and on the entity layer's mentions, not on a dependency tree. Each mention is
classified once per document:

- *actor*: may take part in an event (a person, organisation or country not inside a place PP),
- *place*: a LOC inside a place PP (``in Genf``, ``auf der Insel Nias``),
- *affiliation*: a name that only says whose officials act (``die Sicherheitsberater Russlands und
  der USA``, ``NASA-Chef Griffin``); used as participants only when no one is named (the gold
  convention "meetings of EU bodies use the organisation as participant").
"""

from __future__ import annotations

import bisect
import tomllib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import pairwise
from pathlib import Path
from typing import Any

from spacy.tokens import Doc, Span, Token

from ...record import Entity, Mention, Time
from ...resources import load_resource
from ..docext import entities_of
from .lexicon import Lexicon
from .places import PlaceRelations, place_relations

ACTOR_TYPES = frozenset({"PER", "ORG", "LOC"})
QUOTE_CHARS = frozenset('"„“”«»‚‘’›‹')
PARENS = frozenset("()[]")
DASHES = frozenset({"–", "—", "-"})
SUBJECT_DEPS = frozenset({"nsubj", "nsubj:pass", "nsubjpass", "sb"})  # subject labels (UD; ClearNLP; TIGER)


@dataclass
class MentionRef:
    """One mention of an entity, located in tokens, with what it is in its clause."""

    entity: Entity
    start: int  # char offsets
    end: int
    tstart: int  # token offsets (end exclusive)
    tend: int
    inside_token: bool  # the name is only part of a word (``EU`` in ``EU-Gipfel``)
    role: str = "actor"  # actor | place | affiliation | other
    clause: int = -1
    via_office: bool = False  # an affiliation of office holders (``die Außenminister der EU``)
    office_word: str | None = None  # that office noun (``Außenminister``), for its holders in the KB
    government: bool = False  # a state named by its government (``mit der chinesischen Führung``)

    @property
    def id(self) -> str:
        return self.entity.id

    @property
    def type(self) -> str:
        return self.entity.type


@dataclass
class Clause:
    """A clause: its tokens (not always contiguous: a parenthesis interrupts it) and its depth."""

    id: int
    tokens: list[int]
    depth: int
    opener: str | None  # the word that opened it (relative pronoun, conjunction)
    segment: int  # the sentence (segment) it belongs to

    @property
    def start(self) -> int:
        return self.tokens[0]

    @property
    def end(self) -> int:
        return self.tokens[-1] + 1


@dataclass
class DocIndex:
    """Everything about a document the argument finder needs, computed once."""

    doc: Doc
    lex: Lexicon
    segments: list[tuple[int, int]]  # token ranges of sentences (split at line breaks too)
    clause_of: list[int]  # token index -> clause id
    clauses: list[Clause]
    mentions: list[MentionRef]
    in_quote: list[bool]  # token index -> inside quotation marks
    offices: dict[str, set[str]] = field(default_factory=dict)  # entity id -> office stems
    women: set[str] = field(default_factory=set)  # PER entity ids the text styles as women (``Außenministerin``)
    time_tokens: set[int] = field(default_factory=set)  # tokens inside a time expression
    triggers: list[int] = field(default_factory=list)  # token positions of the event triggers
    media: frozenset[str] | None = None  # entity ids of news media (set by the event layer)
    places: PlaceRelations = field(default_factory=PlaceRelations)  # which place lies in which
    memo: dict[object, Any] = field(default_factory=dict)  # per-document look-ups the rules build once

    def claims(self, trig: int, pos: int, same_clause: bool = True) -> bool:
        """Whether the argument at ``pos`` belongs to ``trig``: the nearest trigger before it, if any.

        ``Das Treffen am Montag in Genf war ein Schritt zu einem möglichen Gipfeltreffen``: the place
        and date belong to the Treffen, not to the summit.
        """
        by_clause, by_segment = self._trigger_groups()
        rivals = by_clause.get(self.clause_of[trig], []) if same_clause else by_segment.get(self.segment_of(trig), [])
        before = bisect.bisect_left(rivals, pos)  # rivals are sorted: rivals[before - 1] is the nearest before
        if not before:
            return True  # ``Am Montag begann der Staatsbesuch ... mit einem Empfang``: applies to all
        nearest = rivals[before - 1]
        noun = self.doc[nearest].pos_ in {"NOUN", "PROPN"}
        if same_clause and pos - nearest > 3 and noun and not self._attached(pos, nearest):
            # German puts the verb last: ``Zum Abschluss seines Besuchs ist Blinken am Montag von Xi
            # empfangen worden``: a time or place in the middle field, outside the noun's phrase,
            # belongs to the verb trigger that closes the clause
            verb = next((t for t in rivals[before:] if self.doc[t].pos_ in {"VERB", "AUX"}), None)
            if verb is not None and not self._destination_only(verb, pos):
                return verb == trig
        return nearest == trig

    def _year_label(self, span: Span) -> bool:
        """Whether a bare year names the noun before it (``Bundeshaushalt 2025``, ``Agenda 2030``): a
        label, not a time (``im Sommer 2025`` is one: ``[context] year_nouns``)."""
        if len(span) != 1 or not (span.text.isdigit() and len(span.text) == 4) or span.start == 0:
            return False
        before = self.doc[span.start - 1]
        return before.pos_ in {"NOUN", "PROPN"} and before.text.lower() not in self.lex.words("context", "year_nouns")

    def _destination_only(self, verb: int, pos: int) -> bool:
        """Whether ``verb`` takes only destinations (``eingeladen``) and the word at ``pos`` is no
        destination (``in Brüssel``, not ``nach Brüssel``): then it is the place of the noun before."""
        if self.doc[verb].text.lower() not in self.lex.words("places", "destination_only_verbs"):
            return False
        return not self.directional_before(pos)

    def directional_before(self, pos: int, first: int | None = None) -> bool:
        """Whether a direction introduces the word at ``pos`` (``nach Berlin``, ``in die USA``), not a
        location (``in Brüssel``): a directional preposition, or a destination preposition with an
        accusative article, among the three words before it (from ``first`` where given)."""
        lex = self.lex
        start = max(0, pos - 3) if first is None else first
        words = [self.doc[j].text.lower() for j in range(start, pos)]
        directional = lex.words("participants", "directional_prepositions")
        accusative = lex.words("participants", "directional_articles")
        for n, w in enumerate(words):
            if w in directional:
                return True
            if w in lex.words("places", "destinations") and n + 1 < len(words) and words[n + 1] in accusative:
                return True
        return False

    def _attached(self, pos: int, noun: int) -> bool:
        """Whether the parser attaches the word at ``pos`` to the noun (``Gipfel der G7 vom 15. Juni``)."""
        tok = self.doc[pos]
        for _ in range(3):
            if tok.head.i == noun:
                return True
            if tok.head.i == tok.i or tok.head.pos_ in {"VERB", "AUX"}:
                return False
            tok = tok.head
        return False

    def triggers_in_clause(self, clause_id: int) -> list[int]:
        """The trigger tokens of one clause, in text order."""
        return self._trigger_groups()[0].get(clause_id, [])

    def annotated(self, attr: str) -> bool:
        """``doc.has_annotation(attr)``, asked once per document (spaCy scans the tokens per call, all
        of them where the annotation is missing)."""
        key = ("annotated", attr)
        if key not in self.memo:
            self.memo[key] = self.doc.has_annotation(attr)
        return bool(self.memo[key])

    def trigger_set(self) -> frozenset[int]:
        """The trigger tokens as a set (built once per trigger list)."""
        cached = self.memo.get("trigger_set")
        if cached is None or cached[0] is not self.triggers:
            cached = self.memo["trigger_set"] = (self.triggers, frozenset(self.triggers))
        return cached[1]

    def _trigger_groups(self) -> tuple[dict[int, list[int]], dict[int, list[int]]]:
        """The triggers by clause and by segment, sorted (built once per trigger list)."""
        if self._triggers_grouped is None or self._triggers_grouped[0] is not self.triggers:
            by_clause: dict[int, list[int]] = {}
            by_segment: dict[int, list[int]] = {}
            for t in sorted(self.triggers):
                by_clause.setdefault(self.clause_of[t], []).append(t)
                by_segment.setdefault(self.segment_of(t), []).append(t)
            self._triggers_grouped = (self.triggers, by_clause, by_segment)
        return self._triggers_grouped[1], self._triggers_grouped[2]

    _by_start: dict[int, MentionRef] = field(default_factory=dict)
    _by_end: dict[int, MentionRef] = field(default_factory=dict)
    _covering: dict[int, MentionRef] = field(default_factory=dict)
    _segment_of: list[int] = field(default_factory=list)
    _by_kb: dict[str, MentionRef] | None = None
    _by_clause: dict[int, list[MentionRef]] | None = None  # set once the mentions' clauses are known
    _clauses_by_segment: dict[int, list[Clause]] | None = None
    _time_starts: tuple[list[Time], list[int], list[tuple[int, int, Time]]] | None = None
    _triggers_grouped: tuple[list[int], dict[int, list[int]], dict[int, list[int]]] | None = None
    _mention_starts: list[int] | None = None  # the mentions' first tokens, when they are in text order
    _text: str | None = None

    def reindex(self) -> None:
        """Build the lookup tables (after ``mentions`` and ``segments`` are set)."""
        self._by_start = {m.tstart: m for m in self.mentions}
        self._by_end = {m.tend: m for m in self.mentions}
        self._covering = {i: m for m in self.mentions for i in range(m.tstart, m.tend)}
        seg_of = [len(self.segments) - 1] * len(self.doc)
        for n, (s, e) in enumerate(self.segments):
            for i in range(s, e):
                seg_of[i] = n
        self._segment_of = seg_of

    def starting_at(self, i: int) -> MentionRef | None:
        return self._by_start.get(i)

    def ending_at(self, tend: int) -> MentionRef | None:
        return self._by_end.get(tend)

    def covering(self, i: int) -> MentionRef | None:
        return self._covering.get(i)

    def segment_of(self, i: int) -> int:
        if 0 <= i < len(self._segment_of):
            return self._segment_of[i]
        return max(len(self.segments) - 1, 0)

    @property
    def text(self) -> str:
        """``doc.text``, which spaCy rebuilds from every token on each access: taken once."""
        if self._text is None:
            self._text = self.doc.text
        return self._text

    def mentions_from(self, start: int, end: int) -> list[MentionRef]:
        """The mentions whose first token lies in ``[start, end)``, in order."""
        if self._mention_starts is None:
            starts = [m.tstart for m in self.mentions]
            self._mention_starts = starts if starts == sorted(starts) else []
        if not self._mention_starts and self.mentions:  # not in text order: scan
            return [m for m in self.mentions if start <= m.tstart < end]
        lo = bisect.bisect_left(self._mention_starts, start)
        return self.mentions[lo : bisect.bisect_left(self._mention_starts, end, lo)]

    def segment_mentions(self, seg: int) -> list[MentionRef]:
        """The mentions that start in segment ``seg``, in list order (built once)."""
        table = self.memo.get("segment_mentions")
        if table is None:
            table = self.memo["segment_mentions"] = {}
            for m in self.mentions:
                table.setdefault(self.segment_of(m.tstart), []).append(m)
        return table.get(seg, [])

    def mention_starts(self) -> list[int]:
        """The mentions' first tokens, in list order."""
        starts = self.memo.get("starts")
        if starts is None:
            starts = self.memo["starts"] = [m.tstart for m in self.mentions]
        return starts

    def mentions_ending_by(self, end: int) -> Iterator[MentionRef]:
        """The mentions that end at or before token ``end``, from the last in list order back (lazily:
        a caller that stops at the first few reads only those)."""
        starts = self.mention_starts()
        if self.memo.get("sorted") is None:
            self.memo["sorted"] = starts == sorted(starts)
        # in text order, no mention from the first one starting at ``end`` on can end by ``end``
        k = bisect.bisect_left(starts, end) if self.memo["sorted"] else len(starts)
        return (m for m in map(self.mentions.__getitem__, range(k - 1, -1, -1)) if m.tend <= end)

    def mentions_in_segment_order(self) -> bool:
        """Whether the mentions stand in text order and so do their segments (then a scan backwards
        from a token meets the segments in reverse order)."""
        flag = self.memo.get("segment_order")
        if flag is None:
            starts = self.mention_starts()
            segs = [self.segment_of(t) for t in starts]
            flag = self.memo["segment_order"] = starts == sorted(starts) and segs == sorted(segs)
        return bool(flag)

    def mentions_in(self, start: int, end: int) -> list[MentionRef]:
        return [m for m in self.mentions_from(start, end) if m.tend <= end]

    def by_kb_id(self) -> dict[str, MentionRef]:
        """A mention of each knowledge-base id the document's entities carry (built once)."""
        if self._by_kb is None:
            self._by_kb = {}
            for m in self.mentions:
                if m.entity.kb_id:
                    self._by_kb.setdefault(m.entity.kb_id, m)
        return self._by_kb

    def clause_mentions(self, clause_id: int) -> list[MentionRef]:
        if self._by_clause is not None:
            return list(self._by_clause.get(clause_id, ()))
        return [m for m in self.mentions if m.clause == clause_id]

    def clauses_in_segment(self, seg: int) -> list[Clause]:
        """The clauses that start in segment ``seg``, in order (built once)."""
        if self._clauses_by_segment is None:
            self._clauses_by_segment = {}
            for c in self.clauses:
                self._clauses_by_segment.setdefault(self.segment_of(c.start), []).append(c)
        return self._clauses_by_segment.get(seg, [])

    def time_starts(self, times: list[Time]) -> tuple[list[int], list[tuple[int, int, Time]]]:
        """The first token of each time expression that can date an event, sorted, with its position
        in ``times`` (built once per list: a long text has thousands of times and triggers)."""
        if self._time_starts is None or self._time_starts[0] is not times:
            found = []
            for n, t in enumerate(times):
                if t.type in {"DURATION", "SET"} or not t.value or not t.value[:1].isdigit():
                    continue  # ``zur Zeit`` (PRESENT_REF) does not date an event
                span = char_span(self.doc, t.start, t.end)
                if span is not None and not self._year_label(span):
                    found.append((span.start, n, t))
            found.sort(key=lambda x: x[:2])
            self._time_starts = (times, [x[0] for x in found], found)
        return self._time_starts[1], self._time_starts[2]


# --- building the index -------------------------------------------------------------------------------


def _segments(doc: Doc) -> list[tuple[int, int]]:
    """Sentences, further cut at line breaks (a headline has no full stop)."""
    out: list[tuple[int, int]] = []
    sents = list(doc.sents) if doc.has_annotation("SENT_START") else [doc[:]]
    for sent in sents:
        start = sent.start
        for tok in sent:
            if (tok.is_space and "\n" in tok.text) or ("\n" in tok.whitespace_ and tok.i + 1 < sent.end):
                end = tok.i if tok.is_space else tok.i + 1
                if end > start:
                    out.append((start, end))
                start = tok.i + 1
        if sent.end > start:
            out.append((start, sent.end))
    out = [(s, e) for s, e in out if any(not doc[i].is_space for i in range(s, e))]
    # a sentence does not start with a lower-case word: ``Benedikt XVI. am letzten Samstag`` was cut
    # at an ordinal's full stop, so join it back
    merged: list[tuple[int, int]] = []
    for s, e in out:
        first = doc[s].text
        if merged and first[:1].islower() and merged[-1][1] == s and not doc[s - 1].is_space:
            merged[-1] = (merged[-1][0], e)
        else:
            merged.append((s, e))
    return merged


def _quote_mask(doc: Doc) -> list[bool]:
    """Which tokens stand inside quotation marks (toggling on straight quotes, pairing curly ones)."""
    mask = [False] * len(doc)
    inside = False
    for tok in doc:
        if tok.text in QUOTE_CHARS or (len(tok.text) == 1 and tok.text in QUOTE_CHARS):
            opening = tok.text in {"„", "«", "‚", "›"} or (tok.text in {'"', "“"} and not inside)
            closing = tok.text in {"”", "»", "‘", "‹"} or (tok.text in {'"', "“"} and inside)
            if tok.text == "“":  # German closing, English opening: toggle
                opening, closing = not inside, inside
            if opening and not closing:
                inside = True
            elif closing:
                inside = False
            continue
        mask[tok.i] = inside
        if inside and len(tok.text) > 1 and any(ch in tok.text[1:] for ch in "”“»"):
            inside = False  # a closing mark the tokenizer left inside a word: ``Eins“-Begegnung``
        if "\n\n" in tok.text or ("\n" in tok.whitespace_ and tok.text in {".", "!", "?"} and not inside):
            inside = False
    return mask


def _paren_mask(doc: Doc) -> list[bool]:
    """Which tokens stand inside round brackets."""
    mask = [False] * len(doc)
    depth = 0
    for tok in doc:
        if tok.text == "(":
            depth += 1
        elif tok.text == ")":
            depth = max(0, depth - 1)
        elif depth:
            mask[tok.i] = True
        if "\n" in tok.text:
            depth = 0
    return mask


#: the tags of relative pronouns where the language's data names none (German STTS)
RELATIVE_TAGS = frozenset({"PRELS", "PRELAT", "PWS", "PWAV"})


def _is_relative_opener(
    tok: Token, nxt: Token | None, rel: frozenset[str], tags: frozenset[str] = RELATIVE_TAGS
) -> bool:
    """A relative pronoun opens a clause; an article opening an apposition does not.

    ``tags`` are the tagger's relative-pronoun tags (``relative_tags`` in the language's
    ``events_frames.toml``: English PTB ``WP``/``WDT``); without a tagger the next word decides.
    """
    if tok.tag_:
        if tok.tag_ in tags:
            return True
        after_comma = tok.i > 0 and tok.nbor(-1).text == ","
        # ``, zu dem Bundeskanzler Merz eingeladen hatte``: a preposition between comma and pronoun
        after_comma = after_comma or (tok.i > 1 and tok.nbor(-2).text == "," and tok.nbor(-1).pos_ == "ADP")
        if tok.tag_ == "ART" and after_comma:
            # ``, die Trumps Gesandter Witkoff im Kreml mit Putin geführt habe.``: tagged as an article
            # before a name, but the stretch to the next comma ends in a finite verb (verb-final)
            doc = tok.doc
            j = _stretch_end(doc, tok.i + 1, len(doc))
            return j - 1 > tok.i + 1 and doc[j - 1].tag_ in FINITE_TAGS
        return False
    return nxt is not None and not nxt.text[:1].isupper() and not nxt.is_punct


STRETCH_BREAKS = frozenset({",", ".", ";", ":", "!", "?", "(", "–"})


def _stretch_end(doc: Doc, start: int, end: int) -> int:
    """The first token from ``start`` (before ``end``) that ends a stretch of a clause: punctuation that
    separates clauses or a line break."""
    j = start
    while j < end and doc[j].text not in STRETCH_BREAKS and "\n" not in doc[j].text:
        j += 1
    return j


def _infinitive_follows(doc: Doc, start: int, end: int) -> bool:
    """Whether the stretch from ``start`` to the next comma or sentence end is a ``zu``-infinitive.

    German tags (STTS): ``zu`` + infinitive (``PTKZU`` ``VVINF``) or the infix form (``VVIZU``,
    ``zusammenzutreffen``) as the stretch's last words; untagged text never qualifies.
    """
    last = _stretch_end(doc, start, end) - 1
    if last <= start:
        return False
    if doc[last].tag_ == "VVIZU":
        return True
    return doc[last - 1].tag_ == "PTKZU" and doc[last].tag_ in {"VVINF", "VAINF", "VMINF"}


FINITE_TAGS = frozenset({"VVFIN", "VAFIN", "VMFIN"})  # STTS finite verbs; other tag sets never match


#: German fine tags of verbs that are no finite form (participles, infinitives)
NON_FINITE_TAGS = frozenset({"VVPP", "VAPP", "VMPP", "VVINF", "VAINF", "VMINF", "VVIZU"})


def _asyndetic_main(doc: Doc, before: list[int], start: int, end: int, speech: frozenset[str]) -> bool:
    """Whether a comma at ``start - 1`` opens a second main clause (German verb-second, no conjunction).

    The clause so far has a finite verb; after the comma one to three words (a time, a place, an
    adverb: none of them a verb) come before a finite verb that is no speech verb (``, sagte Putin``
    is the reporting tail of the same sentence).
    """
    if not any(
        (doc[k].tag_ in FINITE_TAGS or (doc[k].pos_ in {"VERB", "AUX"} and doc[k].tag_ not in NON_FINITE_TAGS))
        and not doc[k].text.endswith("-")
        for k in before
    ):
        # (``Staats- und Regierungschefs``: a truncated word the tagger took for a verb; ``Am Dienstag reist
        # Prabowo ...``: a verb whose fine tag the tagger got wrong, ``ADJA``, still counts by its part of speech)
        return False
    for j in range(start, min(start + 4, end)):
        tok = doc[j]
        if tok.is_punct or "\n" in tok.text:
            return False
        if tok.tag_ in FINITE_TAGS:
            return j > start and tok.text.lower() not in speech
        if tok.pos_ in {"VERB", "AUX"} or tok.tag_.startswith("V"):
            return False
    return False


def _people_of(
    doc: Doc, start: int, genitive: frozenset[str], determiners: frozenset[str], people: frozenset[str]
) -> bool:
    """Whether the name at ``start`` follows ``<people noun> of (the)`` (``supporters of``, ``residents of
    the``): it says whose people they are, as a name before the noun does (``Bangladeshi troops``)."""
    k = start - 1
    if k >= 0 and doc[k].lower_ in determiners:
        k -= 1
    return k >= 1 and doc[k].lower_ in genitive and doc[k - 1].lower_ in people


def _coordinated_main(
    doc: Doc, before: list[int], start: int, end: int, finite: Callable[[Token], bool], speech: frozenset[str]
) -> bool:
    """Whether ``, and`` at ``start - 1`` opens a second main clause with a subject of its own (English
    ``hosted Luxon on Thursday, and the two leaders pledged closer cooperation``).

    The clause so far has a finite verb (so ``Macron, Scholz, and Meloni met`` stays one list); after
    the coordinator a short noun phrase (determiners, numbers, adjectives, nouns, names, a pronoun)
    comes right before a finite verb that is no speech verb. Its cues (``pledged``, ``will``) are then
    its own, not the first verb's.
    """
    if not any(finite(doc[k]) for k in before):
        return False
    for j in range(start, min(start + 6, end)):
        tok = doc[j]
        if finite(tok):
            return j > start and tok.text.lower() not in speech
        if tok.is_punct or "\n" in tok.text or tok.pos_ not in _SUBJECT_POS:
            return False
    return False


#: the parts of speech of a short English subject noun phrase (``the two leaders``, ``both sides``, ``he``)
_SUBJECT_POS = frozenset({"DET", "NUM", "ADJ", "NOUN", "PROPN", "PRON", "PART"})


def _attribute_stretches(doc: Doc, lex: Lexicon) -> dict[int, int]:
    """Extended attributes before a noun, as ``{first token: token after the participle}``.

    ``Der am Dienstag in Mannheim verletzte Spieler reist nach Sardinien``: the time and place describe
    the participle (a reduced relative clause), not the travel. Found by the tagger's tags
    (``[clauses.attribute]`` of the language's data; a language or pipeline without them finds none):
    a determiner, then a run of attribute-internal words with at least one preposition, then the
    participle and its noun. An event noun as that noun keeps its attribute (``das für Montag in Genf
    geplante Treffen``: its own date and place).
    """
    conf = lex.frames.get("clauses", {}).get("attribute", {})
    if not conf or not doc.has_annotation("TAG"):
        return {}
    dets = frozenset(conf.get("determiner_tags", []))
    inner = frozenset(conf.get("inner_tags", []))
    preps = frozenset(conf.get("preposition_tags", []))
    participles = frozenset(conf.get("participle_tags", []))
    nouns = frozenset(conf.get("noun_tags", []))
    longest = int(conf.get("max_length", 14))
    found: dict[int, int] = {}
    n = len(doc)
    floor = -1  # the noun of the last attribute found: a later one never reaches back over it
    for a in range(2, n - 1):
        if doc[a].tag_ not in participles:
            continue
        head = a + 1
        while head < n and doc[head].tag_ in participles:
            head += 1  # ``die von der EU beschlossenen neuen Sanktionen``
        if head >= n or doc[head].tag_ not in nouns or lex.noun_trigger(doc[head]) is not None:
            continue
        start = None
        k = a - 1
        while k > floor and a - k <= longest and doc[k].tag_ in inner | dets and "\n" not in doc[k].text_with_ws:
            if doc[k].tag_ in dets and k + 1 < a and doc[k + 1].tag_ in preps | {"ADV"}:
                start = k  # the outermost determiner directly followed by the attribute's first word
            k -= 1
        if start is None or not any(doc[j].tag_ in preps for j in range(start + 1, a)):
            continue
        found[start + 1] = a + 1
        floor = head
    return found


def _measured_subordinator(doc: Doc, start: int, end: int, lex: Lexicon) -> str | None:
    """The subordinator of ``[clauses] measured_subordinators`` that follows a short measure of time right
    after a comma (``einen Tag nachdem``, ``kurz bevor``, ``zwei Wochen nachdem``), or None: at most
    ``measure_reach`` words before it, none a verb or punctuation."""
    words = lex.words("clauses", "measured_subordinators")
    reach = int(lex.frames.get("clauses", {}).get("measure_reach", 0))
    for k in range(start + 1, min(start + reach + 1, end)):
        if doc[k].text.lower() in words:
            between = [doc[j] for j in range(start, k)]
            if all(not t.is_punct and t.pos_ not in {"VERB", "AUX"} for t in between):
                return doc[k].text.lower()
            return None
    return None


def _clauses(doc: Doc, segments: list[tuple[int, int]], lex: Lexicon) -> tuple[list[int], list[Clause]]:
    openers = lex.words("clauses", "openers")
    hard = lex.words("clauses", "hard_breaks")
    rel = lex.words("clauses", "relative_pronouns")
    preps = lex.words("participants", "non_actor_prepositions") | lex.words("participants", "partner")
    determiners = lex.words("participants", "determiners") - lex.words("participants", "coordinators")
    conjunctions = lex.words("participants", "coordinators") - {","}
    adjective_endings = tuple(lex.frames.get("morphology", {}).get("adjective_endings", []))
    speech = lex.words("clauses", "speech_verbs")
    rel_tags = lex.words("clauses", "relative_tags") or RELATIVE_TAGS
    bare_openers = lex.words("clauses", "bare_openers")
    coordinated = lex.words("clauses", "coordinated_openers")
    verb_coordinators = lex.words("clauses", "verb_coordinators")
    main_coordinators = lex.words("clauses", "main_clause_coordinators")
    finite_suffix = str(lex.frames.get("clauses", {}).get("finite_tag_suffix", "FIN"))
    finite_tags = lex.words("clauses", "finite_tags")  # English: no common suffix (VBD, VBZ, VBP, MD)

    def finite(token: Token) -> bool:
        return token.tag_.endswith(finite_suffix) or token.tag_ in finite_tags

    bare_not_before = lex.words("clauses", "bare_opener_not_before")
    clause_of = [-1] * len(doc)
    clauses: list[Clause] = []

    def new(depth: int, opener: str | None, seg: int) -> Clause:
        c = Clause(len(clauses), [], depth, opener, seg)
        clauses.append(c)
        return c

    initial = lex.words("clauses", "initial_subordinators")
    attributes = _attribute_stretches(doc, lex)
    for seg_n, (s, e) in enumerate(segments):
        stack = [new(0, None, seg_n)]
        i = s
        first = next((k for k in range(s, e) if not (doc[k].is_punct or doc[k].is_space)), e)
        if first < e and doc[first].text.lower() in initial and any(doc[k].text == "," for k in range(first, e)):
            # ``Wie das Weiße Haus mitteilte, telefonierte Biden mit Xi``: a subordinate clause before
            # the main clause ends at its comma (its subject reports, it does not take part)
            stack.append(new(1, doc[first].text.lower(), seg_n))
        while i < e:
            tok = doc[i]
            nxt = doc[i + 1] if i + 1 < e else None
            text = tok.text
            if i in attributes and attributes[i] <= e:
                # an extended attribute: a clause of its own, one level down, inside the current one
                inner = new(stack[-1].depth + 1, "attribute", seg_n)
                for k in range(i, attributes[i]):
                    clause_of[k] = inner.id
                    inner.tokens.append(k)
                i = attributes[i]
                continue
            if text in hard:
                stack = [new(0, None, seg_n)]
                i += 1
                continue
            joiner = i > s and not tok.whitespace_ and not doc[i - 1].whitespace_
            if (
                text == ")"
                and nxt is not None
                and nxt.text[:1].isupper()
                and nxt.text not in DASHES
                and _closes_dateline(doc, s, i + 1)
            ):
                # ``Bern/Kiew (sda) Bundespräsident Berset ist ... gereist``: Swiss and some German agencies
                # close the dateline with the agency's bracket, no dash
                clause_of[i] = stack[-1].id
                stack[-1].tokens.append(i)
                stack = [new(0, None, seg_n)]
                i += 1
                continue
            if ((text in DASHES and tok.is_punct) or text == "–") and not joiner and _closes_dateline(doc, s, i):
                # ``Wien/Budapest – Österreichs Kanzler ...``: the dash after a dateline opens the report's
                # first main clause, no parenthesis
                clause_of[i] = stack[-1].id
                stack[-1].tokens.append(i)
                stack = [new(0, None, seg_n)]
                i += 1
                continue
            if ((text in DASHES and tok.is_punct) or text == "–") and not joiner:
                # a dash pair encloses a parenthesis; the second dash closes it (a hyphen glued to
                # both neighbours joins words: English ``the Biden-Xi summit``)
                if len(stack) > 1 and stack[-1].opener == "–":
                    stack.pop()
                else:
                    stack.append(new(stack[-1].depth + 1, "–", seg_n))
                i += 1
                continue
            if (
                text.lower() in verb_coordinators
                and len(stack) == 1
                and i > s
                and doc[i - 1].text != ","
                and nxt is not None
                # the tagger's finite verb, or a trigger verb form it mistagged (``und traf Macron``); in
                # English a bare form after ``and`` goes on with the verb before it (``is expected to travel
                # to Cairo and meet Farouk``: one plan), so there the tag alone counts
                and (finite(nxt) or (not finite_tags and nxt.text.lower() in lex.verbs))
                and any(finite(doc[k]) or doc[k].text.lower() in lex.verbs for k in stack[-1].tokens)
            ):
                # ``Orbán besuchte Moskau und traf dort Putin``: a second verb phrase of the main clause
                # shares its subject but has its own objects (the coordinated clause's opener)
                stack.append(new(1, text.lower(), seg_n))
                clause_of[i] = stack[-1].id
                stack[-1].tokens.append(i)
                i += 1
                continue
            if (
                text.lower() in bare_openers
                and i > s
                and doc[i - 1].text != ","
                and nxt is not None
                and not nxt.is_punct
                and nxt.text.lower() not in bare_not_before
                and lex.noun_trigger(nxt) is None
            ):
                # English ``said that Putin had met Xi``, ``an agreement that gives Japan a role``: a
                # complementiser or relative pronoun opens a clause without a comma
                stack.append(new(stack[-1].depth + 1, text.lower(), seg_n))
                clause_of[i] = stack[-1].id
                stack[-1].tokens.append(i)
                i += 1
                continue
            if text == "," and nxt is not None:
                word = nxt.text.lower()
                nnxt = doc[i + 2] if i + 2 < e else None
                opens = word in openers and (word not in rel or _is_relative_opener(nxt, nnxt, rel, rel_tags))
                if not opens and word in conjunctions and nnxt is not None and nnxt.text.lower() in openers:
                    # ``, ob ..., oder ob ...``: a second subordinate clause of the same kind
                    opens = True
                if (
                    not opens
                    and word in coordinated
                    and nnxt is not None
                    and nnxt.text[:1].islower()
                    and nnxt.text.lower() not in determiners
                    and nnxt.text.lower() not in preps  # ``, and at the NATO summit``: the same verb goes on
                    and not nnxt.is_punct
                ):
                    # English ``spoke by phone with Scholz on Sunday, and will host him later``: a second
                    # verb phrase after a comma has its own cues (a list of names goes on with a name)
                    opens = True
                if not opens and i > s and doc[i - 1].pos_ in {"NOUN", "PROPN"} and _infinitive_follows(doc, i + 1, e):
                    # ``fassten den Beschluss, Koalitionsgespräche mit der CDU zu führen``: a ``zu``-infinitive
                    # after a noun and a comma is a clause of its own (a verb's infinitive stays as it was)
                    opens, word = True, "zu"
                if not opens:
                    # ``, einen Tag nachdem er in Moskau mit Putin gesprochen hatte``: a measure of time before
                    # the subordinator (``kurz``, ``zwei Wochen``) still opens its clause at the comma
                    sub = _measured_subordinator(doc, i + 1, e, lex)
                    if sub is not None:
                        opens, word = True, sub
                if not opens and word in preps and nnxt is not None and nnxt.text.lower() in rel:
                    # ``auf der Insel Nias, auf der im März ...``: a prepositional relative clause
                    after = doc[i + 3] if i + 3 < e else None
                    # ``, auf der im März``: a lower-case non-adjective after the article makes it a
                    # relative pronoun whatever the tagger says (``, auf der kleinen Insel`` is none)
                    bare = (
                        after is not None
                        and after.text[:1].islower()
                        and not after.text.lower().endswith(adjective_endings)
                    )
                    opens = bare or _is_relative_opener(nnxt, after, rel, rel_tags)
                if opens:
                    if len(stack) > 1 and stack[-1].opener not in {"–", "speech"}:
                        stack.pop()
                    stack.append(new(stack[-1].depth + 1, word, seg_n))
                    clause_of[i] = stack[-2].id
                    stack[-2].tokens.append(i)
                    i += 1
                    continue
                if (
                    len(stack) == 1
                    and word not in conjunctions
                    and any(doc[k].text.lower() in speech for k in stack[-1].tokens)
                ):
                    # ``sagte Putin, beide Seiten wollten ...``: reported speech without ``dass`` is a
                    # clause of its own (its modal verbs are not the main clause's)
                    stack.append(new(1, "speech", seg_n))
                    clause_of[i] = stack[-2].id
                    stack[-2].tokens.append(i)
                    i += 1
                    continue
                if (
                    len(stack) == 1
                    and word in main_coordinators
                    and _coordinated_main(doc, stack[-1].tokens, i + 2, e, finite, speech)
                ):
                    # English ``..., and the two leaders pledged ...``: a second main clause with its own
                    # subject after ``, and`` (the coordinator belongs to it)
                    clause_of[i] = stack[-1].id
                    stack[-1].tokens.append(i)
                    stack = [new(0, None, seg_n)]
                    i += 1
                    continue
                if len(stack) == 1 and _asyndetic_main(doc, stack[-1].tokens, i + 1, e, speech):
                    # ``Trump hatte am Montag Macron empfangen, am Donnerstag wird Starmer erwartet``: a
                    # second main clause after a comma (its verb second) has its own parties and time
                    clause_of[i] = stack[-1].id
                    stack[-1].tokens.append(i)
                    stack = [new(0, None, seg_n)]
                    i += 1
                    continue
                apposition = nxt.text[:1].isupper() or nxt.text.lower() in determiners
                if len(stack) > 1 and stack[-1].opener not in {"–", "speech"} and not apposition:
                    # the comma that closes a subordinate clause returns to the outer one (the main
                    # clause goes on with its verb: ``..., hatte die Regierung``); a name or article
                    # after the comma is an apposition inside the subordinate clause
                    closing = stack.pop()
                    clause_of[i] = closing.id
                    closing.tokens.append(i)
                    i += 1
                    continue
            clause_of[i] = stack[-1].id
            stack[-1].tokens.append(i)
            i += 1
    clauses = [c for c in clauses if c.tokens]
    remap = {c.id: n for n, c in enumerate(clauses)}
    for c in clauses:
        c.id = remap[c.id]
    clause_of = [remap.get(c, -1) for c in clause_of]
    return clause_of, clauses


def _closes_dateline(doc: Doc, start: int, dash: int, longest: int = 6) -> bool:
    """Whether the dash at ``dash`` ends a dateline at the sentence start (``Wien/Budapest –``,
    ``BERLIN (dpa) -``): only names, slashes and a parenthesised agency before it."""
    if not 0 < dash - start <= longest:
        return False
    # inside the brackets stands the agency, whatever the tagger makes of it (``(sda)``, ``(apa)``)
    inside = {j for j in range(start, dash) if "(" in {doc[k].text for k in range(start, j)} and doc[j].text != ")"}
    return all(
        j in inside
        or doc[j].pos_ in {"PROPN", "NOUN", "X"}
        or doc[j].text in {"/", "(", ")", ","}
        or doc[j].text.isupper()
        for j in range(start, dash)
    )


def char_span(doc: Doc, start: int, end: int) -> Span | None:
    """The tokens covering ``[start, end)``, or ``None`` for offsets an earlier layer got wrong."""
    length = doc[-1].idx + len(doc[-1].text_with_ws) if len(doc) else 0  # ``doc.text`` is rebuilt per call
    if not 0 <= start < end <= length:
        return None
    return doc.char_span(start, end, alignment_mode="expand")


def _mention_refs(doc: Doc, lex: Lexicon | None = None) -> list[MentionRef]:
    refs: list[MentionRef] = []
    text: str | None = None
    for ent in entities_of(doc):
        if ent.type not in ACTOR_TYPES:
            continue
        for m in ent.mentions:
            span = char_span(doc, m.start, m.end)
            if span is None or len(span) == 0:
                continue
            whole = len(span) == 1 and span.start_char == m.start and span.end_char == m.end
            if lex is not None and whole and lex.noun_trigger(span[0]):
                continue  # ``Beitrittsverhandlungen`` taken for a name: the event word is no party to itself
            inside = span.start_char < m.start or span.end_char > m.end
            refs.append(MentionRef(ent, m.start, m.end, span.start, span.end, inside))
        if ent.type == "PER" and ent.roles and text is None:
            text = doc.text
        refs.extend(_role_references(doc, ent, text))
    if lex is not None:
        refs.extend(_capital_references(doc, lex))
        refs.extend(_government_references(doc, lex))
    refs.sort(key=lambda r: (r.start, -r.end))
    # drop mentions nested in a longer one (the entity layer should not produce them, but be safe)
    out: list[MentionRef] = []
    for r in refs:
        if out and r.start < out[-1].end:
            continue
        out.append(r)
    return out


#: the words between a preposition and its noun (``nach einem ersten Treffen``, ``auf ihr nächstes Gespräch``)
NOUN_MODIFIERS = frozenset({"DET", "ADJ", "NUM", "PRON"})


def word_before_phrase(doc: Doc, noun: int, lowest: int = 0) -> int:
    """The position of the word before a noun's determiners and adjectives (its preposition, if any);
    ``lowest - 1`` when the phrase reaches back to ``lowest``."""
    j = noun - 1
    # a participle the parser attaches to the noun is its adjective too (English ``after mediated talks``)
    while j >= lowest and (doc[j].pos_ in NOUN_MODIFIERS or (doc[j].dep_ == "amod" and doc[j].head.i == noun)):
        j -= 1
    return j


def _joined(text: str, a: int, b: int) -> bool:
    """Within three characters and not across a sentence end (``... mit dem Präsidenten. Selenskyj``)."""
    return 0 <= b - a <= 3 and not any(ch in ".!?" for ch in text[a:b])


def _role_references(doc: Doc, ent: Entity, text: str | None = None) -> list[MentionRef]:
    """An office phrase that refers back to a person without naming them (``mit dem ukrainischen Präsidenten``).

    The entity layer attaches such a back-reference to the one person the text gave that office
    (as a role); for the events it is a mention of that person like the name. A role that stands
    right before or after one of the person's names (``Präsident Selenskyj``, ``Selenskyj, der
    Präsident``) is part of that mention's phrase and adds nothing.
    """
    out: list[MentionRef] = []
    if ent.type != "PER" or not ent.roles:
        return out
    if text is None:
        text = doc.text  # rebuilt from every token per access: callers pass it once per document
    for role in ent.roles:
        if role.end <= role.start:
            continue
        span = char_span(doc, role.start, role.end)
        if span is None or len(span) == 0:
            continue
        near = any(
            _joined(text, role.end, m.start)
            or _joined(text, m.end, role.start)
            or (m.start < role.end and role.start < m.end)
            for m in ent.mentions
        )
        if not near:
            out.append(MentionRef(ent, role.start, role.end, span.start, span.end, False))
    return out


def _capital_references(doc: Doc, lex: Lexicon) -> list[MentionRef]:
    """``in der chinesischen Hauptstadt``, ``in the Ukrainian capital``: the capital the text names elsewhere.

    A nationality adjective (a derivation span of the entity layer) before a capital noun
    (``[places] capital_nouns``) means the capital of that country in the knowledge base; where the
    document names that city, the phrase is a mention of it (so an event placed there gets the city,
    not no place or the country).
    """
    nouns = lex.words("places", "capital_nouns")
    spans = doc.spans.get("derivations", []) if nouns else []
    if not spans:
        return []
    from ...kb import load_kb  # the knowledge base is read once per process

    places = [e for e in entities_of(doc) if e.type == "LOC"]
    kb = load_kb("starter").by_id
    out: list[MentionRef] = []
    for span in spans:
        if span.end >= len(doc) or doc[span.end].text.lower() not in nouns or not span.kb_id_:
            continue
        country = kb.get(span.kb_id_)
        capital = kb.get(country.capital) if country is not None and country.capital else None
        if capital is not None:
            # the document's entity for that city, by its id or by one of the knowledge base's names for it
            names = {n for forms in [*capital.names.values(), *capital.aliases.values()] for n in forms}
            city = next(
                (
                    e
                    for e in places
                    if e.kb_id == capital.id or e.name in names or any(m.text in names for m in e.mentions)
                ),
                None,
            )
        else:
            # a country the starter KB has no capital for: the gazetteer's city (``resources/kb/capitals.toml``)
            gazetteer_id = _gazetteer_capitals().get(span.kb_id_.removeprefix("iso3166:"))
            city = next((e for e in places if gazetteer_id and e.kb_id == gazetteer_id), None)
        if city is None:
            continue
        noun = doc[span.end]
        out.append(MentionRef(city, span.start_char, noun.idx + len(noun.text), span.start, span.end + 1, False))
    return out


def _government_references(doc: Doc, lex: Lexicon) -> list[MentionRef]:
    """``mit der chinesischen Führung``, ``die ukrainische Regierung``: the state the text names elsewhere.

    A nationality adjective (a derivation span of the entity layer) before a noun for a state's
    government or side (``[places] government_nouns``) stands for that state, as its name would
    (analysts record the state as the party); only where the document names the state, so no entity
    the text does not state is added.

    Two options of ``[places]`` (English sets them): ``government_coordination`` lets coordinated
    adjectives share the noun (``Hungarian and Romanian officials``: both states) and one modifier of
    ``government_modifiers`` stand between (``Indonesian navy ships``); ``unnamed_states`` lets a state
    the text names only by its adjective be a party (``Chinese and Russian officials pledged ...``:
    wire copy often names the states no other way, and coders record them). Such a state becomes an
    entity of its own (:func:`unnamed_state`), added to the document only where an event takes it.
    """
    nouns = lex.words("places", "government_nouns")
    spans = doc.spans.get("derivations", []) if nouns else []
    if not spans:
        return []
    options = lex.frames.get("places", {})
    coordination = bool(options.get("government_coordination", False))
    unnamed = bool(options.get("unnamed_states", False))
    modifiers = lex.words("places", "government_modifiers")
    offices = lex.words("places", "government_offices")
    determiners = lex.words("participants", "determiners")
    starts = {s.start: s for s in spans}
    states = {e.kb_id: e for e in entities_of(doc) if e.type == "LOC" and e.kb_id}
    out: list[MentionRef] = []
    for span in spans:
        if not span.kb_id_:
            continue
        office = _office_reference(doc, span, offices, modifiers, determiners)
        noun_at = _government_noun(doc, span.end, nouns, modifiers, starts) if coordination else span.end
        if office is not None:
            noun_at = office
        elif noun_at is None or noun_at >= len(doc) or doc[noun_at].text.lower() not in nouns:
            continue
        state = states.get(span.kb_id_)
        if state is None and unnamed and span.kb_id_.startswith("iso3166:"):
            # a state only (``European leaders`` are no party of the European Union's)
            state = unnamed_state(doc, span)
        if state is not None:
            # the mention is the adjective alone where the noun is shared or stands further off
            last = noun_at if noun_at == span.end else span.end - 1
            end = doc[last].idx + len(doc[last].text)
            ref = MentionRef(state, span.start_char, end, span.start, last + 1, False, government=True)
            if office is not None:
                # ``the Brazilian leader``: the state's office holder, whom the event layer looks up in the
                # text and the knowledge base (``context.office_holders``); the state where none is found
                ref.via_office, ref.office_word = True, doc[office].text
            out.append(ref)
    return out


def _office_reference(
    doc: Doc, span: Span, offices: frozenset[str], modifiers: frozenset[str], determiners: frozenset[str]
) -> int | None:
    """English ``the Brazilian leader``, ``the French president``: after a determiner, a nationality adjective
    before a singular office noun (``[places] government_offices``, one modifier may stand between) that no
    name follows refers back to the holder of that office; the position of the office noun, else ``None``."""
    if not offices or span.start == 0 or doc[span.start - 1].text.lower() not in determiners:
        return None
    j = span.end
    if j < len(doc) and doc[j].text.lower() in modifiers and j + 1 < len(doc) and doc[j + 1].text.lower() in offices:
        j += 1
    if j >= len(doc) or doc[j].text.lower() not in offices or not doc[j].text.islower():
        return None
    if j + 1 < len(doc) and doc[j + 1].text[:1].isupper() and doc[j + 1].is_alpha:
        return None  # ``the French president Emmanuel Macron``: a title before the name
    return j


def _government_noun(
    doc: Doc, j: int, nouns: frozenset[str], modifiers: frozenset[str], starts: dict[int, Span]
) -> int | None:
    """The position of the government noun a nationality adjective ending at ``j`` modifies.

    Coordinated adjectives share it (``Hungarian and Romanian officials``, ``French, German and
    Italian diplomats``), and one modifier may stand before it (``Israeli intelligence officials``).
    """
    while j < len(doc) and doc[j].text.lower() in {"and", ","} and j + 1 in starts:
        j = starts[j + 1].end
    if j < len(doc) and doc[j].text.lower() in nouns:
        return j
    if j + 1 < len(doc) and doc[j].text.lower() in modifiers and doc[j + 1].text.lower() in nouns:
        return j + 1
    return None


#: ``doc.user_data`` key of the states the text names only by an adjective (see :func:`unnamed_state`)
UNNAMED_STATES = "newsgraph_unnamed_states"


def unnamed_state(doc: Doc, span: Span) -> Entity:
    """The entity for a state the text names only by its nationality adjective (``Hungarian officials``).

    One entity per state and document, its mentions the adjectives; kept aside in ``doc.user_data``
    and added to the document's entities by the event layer only where an event takes it as a party
    (:func:`newsgraph.pipeline.events.layer.add_unnamed_states`), so that a state no event needs does
    not appear among the entities.
    """
    table: dict[str, Entity] = doc.user_data.setdefault(UNNAMED_STATES, {})
    ent = table.get(span.kb_id_)
    mention = Mention(start=span.start_char, end=span.end_char, text=span.text)
    if ent is None:
        # ids after the document's own (the entity layer's and the quote layer's are all set by now)
        n = len(entities_of(doc)) + len(table) + 1
        ent = Entity(id=f"e{n}", type="LOC", name=span.label_, kb_id=span.kb_id_, mentions=[mention])
        table[span.kb_id_] = ent
    elif all(m.start != mention.start for m in ent.mentions):
        ent.mentions.append(mention)
    return ent


@lru_cache(maxsize=1)
def _gazetteer_capitals() -> dict[str, str]:
    """ISO 3166-1 code -> the capital's gazetteer id (``resources/kb/capitals.toml``)."""
    path = Path(__file__).resolve().parents[2] / "resources" / "kb" / "capitals.toml"
    return dict(tomllib.loads(path.read_text(encoding="utf-8")).get("capitals", {}))


def _ends_with_stem(word: str, stems: frozenset[str], endings: tuple[str, ...]) -> str | None:
    """The longest stem ``word`` ends with, allowing a case/plural ending (``Führern``)."""
    low = word.lower().rsplit("-", 1)[-1]
    forms = [low] + [low[: -len(e)] for e in endings if low.endswith(e) and len(low) > len(e) + 3]
    for stem in sorted(stems, key=len, reverse=True):
        for form in forms:
            if form == stem or (form.endswith(stem) and len(form) - len(stem) >= 2):
                return stem
    return None


_OFFICE_MEMO: dict[tuple[str, str], str | None] = {}


def office_stem(word: str, lex: Lexicon) -> str | None:
    """The office noun ``word`` is (or ends with), normalised to a singular stem (memoised)."""
    key = (lex.lang, word)
    if key not in _OFFICE_MEMO:
        if len(_OFFICE_MEMO) > 50_000:
            _OFFICE_MEMO.clear()
        _OFFICE_MEMO[key] = _office_stem(word, lex)
    return _OFFICE_MEMO[key]


def _feminine_office(word: str, lex: Lexicon) -> bool:
    """Whether an office word is the feminine form of an office (``Außenministerin``, ``Kanzlerin``).

    German marks a woman's office with a suffix (``[participants].feminine_endings``) on the office
    noun; the word minus the suffix must itself be an office (``Berlin`` is no ``Berl`` + ``in``).
    """
    for ending in lex.frames.get("participants", {}).get("feminine_endings", []):
        if word.lower().endswith(ending) and len(word) > len(ending) + 2 and office_stem(word[: -len(ending)], lex):
            return True
    return False


def _office_stem(word: str, lex: Lexicon) -> str | None:
    stems = lex.words("groups", "office_stems")
    stem = _ends_with_stem(word, stems, tuple(lex.frames.get("morphology", {}).get("noun_endings", [])))
    if stem is None:
        return None
    for suffix in lex.frames.get("morphology", {}).get("office_endings", []):
        base = stem[: -len(suffix)]
        if stem.endswith(suffix) and base in stems:
            return base
    return stem


def _in_comparison(index: DocIndex, m: MentionRef, phrases: list[tuple[str, ...]], reach: int = 6) -> bool:
    """Whether a name stands in a comparison phrase (``anders als sein Vorgänger Joe Biden``, ``wie
    schon Merkel``): the words right before it are one of ``phrases``, then only determiners,
    adjectives and nouns (no verb, no punctuation)."""
    if not phrases:
        return False
    doc = index.doc
    words = [doc[j].text.lower() for j in range(max(0, m.tstart - reach), m.tstart)]
    for phrase in phrases:
        n = len(phrase)
        for k in range(len(words) - n, -1, -1):
            if tuple(words[k : k + n]) != phrase:
                continue
            rest = range(m.tstart - len(words) + k + n, m.tstart)
            if all(not doc[j].is_punct and doc[j].pos_ not in {"VERB", "AUX"} for j in rest):
                return True
    return False


def _is_seat(kb_id: str | None, name: str) -> bool:
    """Whether an entity is a seat of office of ``resources/kb/seats.toml`` (by venue id or name)."""
    seats = load_resource("kb", "seats").get("seats", {})
    return (kb_id or "") in seats or "venue:" + name.replace(" ", "_") in seats


def _in_source_phrase(index: DocIndex, m: MentionRef) -> bool:
    """Whether ``m`` names the source of what its clause says (``nach Angaben des X``, ``laut Berichten
    der Y``: ``[participants] source_prepositions`` + ``source_nouns`` before it, nothing but articles,
    adjectives and nouns between), never a party of its events."""
    preps = index.lex.words("participants", "source_prepositions")
    nouns = index.lex.words("participants", "source_nouns")
    if not preps or not nouns:
        return False
    doc = index.doc
    for k in range(m.tstart - 1, max(0, m.tstart - 7), -1):
        tok = doc[k]
        if tok.is_punct or tok.pos_ in {"VERB", "AUX"} or index.clause_of[k] != m.clause:
            return False
        if tok.text.lower() in nouns:
            return k > 0 and doc[k - 1].text.lower() in preps
    return False


def _witness(index: DocIndex, m: MentionRef) -> bool:
    """Whether ``m`` only witnesses what its clause tells (``signed ... in the presence of Prime Minister
    X``, ``witnessed by X``: ``[participants] witness_phrases`` right before the name and its title words)."""
    phrases = index.lex.frames.get("participants", {}).get("witness_phrases", [])
    if not phrases:
        return False
    doc = index.doc
    k = m.tstart
    while k > 0 and m.tstart - k < 5 and doc[k - 1].text[:1].isupper() and not doc[k - 1].is_sent_start:
        k -= 1  # the title before the name (``Bangladeshi Prime Minister``)
    for phrase in phrases:
        words = phrase.split()
        if k >= len(words) and [doc[j].text.lower() for j in range(k - len(words), k)] == words:
            return True
    return False


def _after_phrase(index: DocIndex, m: MentionRef, phrases: list[tuple[str, ...]], determiners: frozenset[str]) -> bool:
    """Whether one of ``phrases`` (lower-case word tuples) stands right before the mention, past its
    determiners (``ahead of the G7``, ``in the wake of``)."""
    if not phrases:
        return False
    doc = index.doc
    k = m.tstart
    while k > 0 and doc[k - 1].text.lower() in determiners:
        k -= 1
    for words in phrases:
        n = len(words)
        if k >= n and tuple(doc[j].text.lower() for j in range(k - n, k)) == words:
            return True
    return False


def _classify(index: DocIndex) -> None:
    """Mark each mention actor / place / affiliation, and record office nouns before persons."""
    doc, lex = index.doc, index.lex
    non_actor = lex.words("participants", "non_actor_prepositions")
    place_preps = lex.words("places", "prepositions")
    coord = lex.words("participants", "coordinators")
    partner = lex.words("participants", "partner") | lex.words("participants", "between")
    genitive = lex.words("participants", "genitive")
    office_window = int(lex.frames.get("groups", {}).get("office_window", 8))
    determiners = lex.words("participants", "determiners")
    adjective_endings = tuple(lex.frames.get("morphology", {}).get("adjective_endings", []))
    stop_office = (coord - {","}) | lex.words("participants", "partner")
    feminine_honorifics = lex.words("participants", "feminine_honorifics")
    in_parens = _paren_mask(doc)
    destinations = lex.words("places", "destinations")
    # English writes offices in lower case (``Mexico's foreign minister``)
    offices_any_case = bool(lex.frames.get("morphology", {}).get("offices_any_case", False))
    possessor_affiliation = bool(lex.frames.get("participants", {}).get("possessor_affiliation", False))
    people_nouns = lex.words("participants", "people_nouns_not_parties")
    feature_nouns = lex.words("participants", "feature_nouns")
    own_tags = lex.words("participants", "possessive_pronoun_tags")
    comparisons = [tuple(p.split()) for p in lex.frames.get("participants", {}).get("comparisons", [])]
    origins = lex.words("participants", "office_origins")
    non_actor_phrases = [tuple(p.split()) for p in lex.frames.get("participants", {}).get("non_actor_phrases", [])]
    government_nouns = lex.words("places", "government_nouns")
    prev: MentionRef | None = None
    for m in index.mentions:
        m.clause = index.clause_of[m.tstart] if m.tstart < len(index.clause_of) else -1
        role = "actor"
        if m.type == "ORG" and m.tstart > 0 and doc[m.tstart - 1].tag_ in own_tags:
            # English ``Kagame and his Patriotic Front``: an organisation owned by someone named just
            # before (the tagger's possessive pronoun) is that person's side, not a second party
            m.role = "affiliation"
            prev = m
            continue
        # coordinated with the previous mention (``Russlands und der USA``): same role
        if prev is not None and prev.clause == m.clause and 0 <= m.tstart - prev.tend <= 2:
            between = [doc[i].text.lower() for i in range(prev.tend, m.tstart)]
            if (
                between
                and between[0] in coord
                and all(w in coord or w in determiners for w in between)
                and (prev.type == m.type or "," not in between)
                and not (m.type != "PER" and prev.type == "PER" and _qualifies_person(index, m, offices_any_case))
                and not _after_state_government(prev, m, government_nouns)
            ):
                m.role = prev.role if prev.role != "place" or m.type == "LOC" else "actor"
                m.via_office = prev.via_office
                prev = m
                continue
        # ``Juncker (Luxemburg)``, ``Peres (Awoda, dt. etwa Arbeiterpartei)``: a gloss in brackets is no actor
        if in_parens[m.tstart]:
            k = m.tstart
            while k > 0 and doc[k].text != "(":
                k -= 1
            before = doc[k - 1] if k > 0 else None
            gloss_of_noun = (
                before is not None
                and before.text[:1].isupper()
                and index.covering(before.i) is None
                and not before.is_punct
            )
            if not gloss_of_noun:  # ``Sozialdemokraten (PD)`` names the party; other brackets gloss
                m.role = "other"
                prev = m
                continue
        if m.type in {"PER", "ORG"} and _in_comparison(index, m, comparisons):
            # ``Anders als sein Vorgänger Joe Biden traf Trump Xi``: the one compared with takes no part
            m.role = "other"
            prev = m
            continue
        if m.type in {"PER", "ORG"} and (_in_source_phrase(index, m) or _witness(index, m)):
            # ``Nach Angaben des Rezensenten Alan Posener sei ... ein Gespräch mit Füller``: a source
            m.role = "other"
            prev = m
            continue
        if m.type in {"PER", "ORG"} and _after_phrase(index, m, non_actor_phrases, determiners):
            # English ``Starmer hosts Carney at Chequers ahead of G7``: what an event happens ahead of, or in
            # the wake of, takes no part in it
            m.role = "other"
            prev = m
            continue
        if m.type == "LOC" and _after_unknown_place(index, m, place_preps):
            # ``in Kananaskis, Canada``: the country that places a town the gazetteer does not know
            m.role = "place"
            prev = m
            continue
        # what stands before the mention (up to 4 words, inside the clause)
        j = m.tstart - 1
        steps = 0
        seen_lower = False
        right = ""  # the word scanned just before (to the right of) this one
        while j >= 0 and steps < 4 and index.clause_of[j] == m.clause:
            tok = doc[j]
            low = tok.text.lower()
            if right in genitive and tok.text[:1].isupper() and low not in non_actor and not office_stem(tok.text, lex):
                break  # ``auf dem Gipfeltreffen der EU-Regierungschefs``: a genitive of that noun
            right = low
            if low in partner or low in coord or (tok.is_punct and tok.text not in "[]"):
                break
            if index.covering(j) not in (None, m):
                break  # an office noun before another name belongs to that name
            if low in lex.reflexives or lex.verb_triggers(tok) or tok.pos_ in {"VERB", "AUX"} or j in index.time_tokens:
                break  # ``Am Dienstag trafen sich Scholz``: the PP ended before the verb
            if j < m.tstart - 1 and lex.noun_trigger(tok) is not None:
                break  # ``An diesen Beratungen werden Indien``: the PP ended with its noun
            if tok.text[:1].isupper() and seen_lower and not tok.is_sent_start:
                break  # a noun followed by a lower-case non-article word: the phrase ended there
            if (
                tok.text[:1].islower()
                and low not in genitive
                and low not in non_actor
                and not low.endswith(adjective_endings)  # not an inflected adjective
            ):
                seen_lower = True
            if low in non_actor:
                role = "place" if (m.type == "LOC" and low in place_preps) else "other"
                if (
                    m.type == "LOC"
                    and low in origins
                    and j > 0
                    and office_stem(doc[j - 1].text, lex)
                    and doc[j - 1].text[:1].isupper()
                ):
                    # ``ihre Amtskollegen aus Frankreich und Polen``: office holders from a state
                    role = "affiliation"
                    m.via_office = True
                    m.office_word = doc[j - 1].text
                break
            if office_stem(tok.text, lex) and (tok.text[:1].isupper() or (offices_any_case and m.type == "ORG")):
                # ``die Sicherheitsberater Russlands``: the country only says whose advisers; a
                # person after an office noun is the office holder and stays an actor (English
                # writes offices in lower case: ``Foreign ministers of the Group of Seven`` meet as
                # the body; ``the president of Armenia``, unnamed, stands for his state)
                if m.type != "PER":
                    role = "affiliation"
                    m.via_office = True
                    m.office_word = tok.text
                break
            steps += 1
            j -= 1
        if role == "actor" and m.type != "PER" and m.tstart >= 2:
            # ``die Verteidigungsminister der Mitgliedsstaaten der EU``: a genitive attribute of a noun
            art, noun = doc[m.tstart - 1], doc[m.tstart - 2]
            if art.text[:1].isupper() and m.entity.type == "LOC" and doc[m.tend - 1].text.endswith("s"):
                # ``die Regierung Österreichs``: a genitive name after a common noun, no article
                art, noun = doc[m.tstart - 2], doc[m.tstart - 1]
            if (
                (art.text.lower() in genitive or noun.i == m.tstart - 1)
                and noun.text[:1].isupper()
                and not noun.is_sent_start
                and noun.i != index.segments[index.segment_of(noun.i)][0]
                and noun.text.lower() not in non_actor
                and index.covering(noun.i) is None
                and lex.noun_trigger(noun) is None
            ):
                role = "affiliation"
        if role == "actor" and m.type == "LOC" and lex.frames.get("participants", {}).get("place_modifiers"):
            # English ``end Alaska summit``: a place name right before a noun trigger modifies it
            head = lex.noun_trigger(doc[m.tend]) if m.tend < len(doc) else None
            if head is not None and head.type != "visit" and head.frame == "nominal":
                role = "other"
        if role == "actor" and m.inside_token:
            tok = doc[m.tstart]
            # ``NASA-Chef`` / ``EU-Außenminister`` / ``EU-Staaten`` / ``EU-Außen- und Europaminister``:
            # the name only qualifies an office or group noun
            heads = [tok.text]
            if tok.text.endswith("-"):
                heads += [doc[k].text for k in range(m.tstart + 1, min(m.tstart + 4, len(doc)))]
            office_heads = [h for h in heads if office_stem(h, lex)]
            office = bool(office_heads)
            groupish = office or any(h.lower().rsplit("-", 1)[-1] in lex.words("groups", "party_nouns") for h in heads)
            role = "affiliation" if groupish else "other"
            m.via_office = office
            m.office_word = office_heads[0] if office_heads else None
        if role == "actor" and possessor_affiliation and m.type != "PER" and index.annotated("DEP"):
            # English ``Wang Yi, the Communist Party's top foreign policy official``: the possessor of an
            # apposition to a name only says whose office it is (``Taiwan's Vice Foreign Minister
            # visited`` names nobody, so there the country stays the actor)
            last = doc[m.tend - 1]
            if last.dep_ == "poss" and last.head.dep_ == "appos" and lex.noun_trigger(last.head) is None:
                role = "affiliation"
                m.via_office = True
                m.office_word = last.head.text
            elif (
                last.dep_ == "poss"
                and lex.noun_trigger(last.head) is None
                and any(
                    c.dep_ == "appos" and (holder := index.covering(c.i)) is not None and holder.type == "PER"
                    for c in last.head.children
                )
            ):
                # ``Guinea-Bissau's foreign minister, Carlos Mendes Sá``: the office comes first and its
                # holder follows in apposition; the possessor only says whose minister he is
                role = "affiliation"
                m.via_office = True
                m.office_word = last.head.text
        if role == "actor" and people_nouns and index.annotated("DEP"):
            # English ``NATO peacekeeping troops arrived``, ``Bangladeshi troops``: a name that modifies
            # a noun for people (the parser's compound/amod head) says whose they are; no party
            last = doc[m.tend - 1]
            if last.dep_ in {"compound", "amod", "nmod"} and last.head.i >= m.tend and last.head.lower_ in people_nouns:
                role = "other"
        if role == "actor" and people_nouns and _people_of(doc, m.tstart, genitive, determiners, people_nouns):
            # English ``Residents of Kenya and Uganda gathered``: the people of a place or side are no party
            role = "other"
        if role == "actor" and m.tend < len(doc) and doc[m.tend].lower_ in feature_nouns:
            # English ``the waters of the Teesta river``: a river, lake or strait is what is shared or
            # disputed, never a side of the talks or agreement (whatever type the model gave the name)
            role = "other"
        if role == "actor" and m.type != "PER":
            # ``Großbritanniens Premierminister Gordon Brown``, ``Der Chef der NASA, Michael Griffin``
            k = m.tend
            while k < len(doc) and k - m.tend < 4 and index.clause_of[k] == m.clause:
                tok = doc[k]
                if tok.text.lower() in coord - {","} or tok.text.lower() in non_actor:
                    break
                if offices_any_case and tok.pos_ in {"VERB", "AUX"}:
                    break  # English ``the Brazilian leader will meet Prime Minister Modi``: another clause part
                if office_stem(tok.text, lex) and (tok.text[:1].isupper() or offices_any_case):
                    if doc[m.tend].text == "," and _reporting_holder(index, k):
                        break  # ``a treaty with Armenia, President Ilham Aliyev said``: the reporter's office
                    role = "affiliation"
                    m.via_office = True
                    m.office_word = tok.text
                    break
                nxt = index.starting_at(k)
                if nxt is not None:
                    if nxt.type == "PER":
                        role = "affiliation"
                    break
                k += 1
        if role == "actor" and m.type == "PER" and not m.inside_token and m.tend + 1 < len(doc):
            # ``Trumps Sondergesandter Steve Witkoff``: a person's genitive before an office and the
            # office holder's name says whose envoy acts; the envoy is the party, not the principal
            tok = doc[m.tend]
            endings = tuple(lex.frames.get("morphology", {}).get("genitive_endings", []))
            if (
                endings
                and doc[m.tend - 1].text.lower().endswith(endings)
                # ``Naruhitos Vater Akihito``: a relative named after the genitive acts as well
                and (office_stem(tok.text, lex) or tok.text.lower() in lex.words("participants", "kin_nouns"))
                and tok.text[:1].isupper()
                and any(
                    (nxt := index.starting_at(k)) is not None and nxt.type == "PER"
                    for k in range(m.tend + 1, min(m.tend + 3, len(doc)))
                )
            ):
                role = "affiliation"
            elif endings and offices_any_case and doc[m.tend].text.lower() in endings:
                # English ``Ruto's finance minister, John Mbadi, travelled``: the possessive is a separate
                # token and the office is in lower case; the holder named after it acts, not the principal
                office = next(
                    (k for k in range(m.tend + 1, min(m.tend + 4, len(doc))) if office_stem(doc[k].text, lex)), None
                )
                if office is not None and any(
                    (nxt := index.starting_at(k)) is not None and nxt.type == "PER"
                    for k in range(office + 1, min(office + 4, len(doc)))
                ):
                    role = "affiliation"
                elif office is not None and not any(
                    doc[k].text == "," or doc[k].pos_ in {"VERB", "AUX"} for k in range(m.tend + 1, office)
                ):
                    # ``Putin's envoy arrived in Riyadh``, ``Rutte's deputy``: an unnamed holder of the
                    # person's office acts; the person takes no part
                    role = "other"
        k = m.tstart - 1
        while k > 0 and doc[k].text.lower() in determiners:
            k -= 1
        if (
            m.type == "ORG"
            and k >= 0
            and doc[k].text.lower() in place_preps | destinations
            and _is_seat(m.entity.kb_id, m.entity.name)
        ):
            # English ``a visit to the White House``: a seat of office the model typed an organisation is
            # a place after a place preposition (``the White House said`` stays the actor)
            role = "place"
        if (
            m.type != "PER"
            and m.tstart >= 2
            and doc[m.tstart - 1].text.lower() in genitive
            and doc[m.tstart - 2].text.lower() in lex.words("places", "place_nouns")
        ):
            # English ``in the Black Sea resort of Sochi``, ``south of San Francisco``; whatever type the model
            # gave the name (``the island of Lesbos``)
            role = "place"
        if (
            role == "actor"
            and m.type == "LOC"
            and offices_any_case
            and m.tend + 1 < len(doc)
            and doc[m.tend].text.lower() in tuple(lex.frames.get("morphology", {}).get("genitive_endings", []))
            and (nxt := index.starting_at(m.tend + 1)) is not None
            and nxt.type in {"PER", "ORG"}
        ):
            # English ``met Zimbabwe's Emmerson Mnangagwa``: the country says whose leader; he is the party
            role = "affiliation"
        if role == "place" and m.government:
            role = "other"  # ``according to Chinese officials``: a state's agents are never where it happens
        m.role = role
        prev = m
    # office nouns standing before a person's name, and the entity layer's roles
    female_names = lex.words("participants", "female_given_names")
    for m in index.mentions:
        if m.type != "PER":
            continue
        if female_names and m.entity.name.split()[0] in female_names:
            index.women.add(m.id)  # ``Annalena Baerbock``: a woman's given name
        stems = index.offices.setdefault(m.id, set())
        for r in m.entity.roles:
            for word in r.title.replace("-", " ").split():
                stem = office_stem(word, lex)
                if stem:
                    stems.add(stem)
                    if _feminine_office(word, lex):
                        index.women.add(m.id)
        j = m.tstart - 1
        while j >= 0 and m.tstart - j <= office_window:
            tok = doc[j]
            if tok.text.lower() in stop_office or tok.text in {".", ";", ":"}:
                break
            ending = index.ending_at(j + 1)
            if ending is not None and ending.type == "PER":
                break
            if tok.text in feminine_honorifics and j == m.tstart - 1:
                index.women.add(m.id)  # ``Frau Merkel``
            if tok.text[:1].isupper():
                stem = office_stem(tok.text, lex)
                if stem:
                    stems.add(stem)
                    if _feminine_office(tok.text, lex):
                        index.women.add(m.id)
            j -= 1


def _reporting_holder(index: DocIndex, office: int) -> bool:
    """Whether the office noun at ``office`` titles the subject of a reporting tail (``..., President Ilham
    Aliyev said on Monday``: ``[clauses] reporting_tail_verbs`` right after the holder's name)."""
    verbs = index.lex.words("clauses", "reporting_tail_verbs")
    doc = index.doc
    for k in range(office + 1, min(office + 4, len(doc))):
        holder = index.starting_at(k)
        if holder is not None:
            return holder.type == "PER" and holder.tend < len(doc) and doc[holder.tend].text.lower() in verbs
    return False


def _after_unknown_place(index: DocIndex, m: MentionRef, place_preps: frozenset[str]) -> bool:
    """``in Kananaskis, Canada``: a place name after a comma that follows ``in`` + an unknown name."""
    doc = index.doc
    k = m.tstart - 1
    if k < 2 or doc[k].text != ",":
        return False
    j = k - 1
    while j > 0 and k - j <= 3 and doc[j].text[:1].isupper() and index.covering(j) is None:
        j -= 1
    return j < k - 1 and doc[j].text.lower() in place_preps


def _qualifies_person(index: DocIndex, m: MentionRef, any_case: bool) -> bool:
    """Whether a name only says whose office the next person holds (``and U.S. President Joe Biden``).

    Such a name coordinated with a person is not a second party beside that person.
    """
    doc = index.doc
    k = m.tend
    if k >= len(doc):
        return False
    nxt = index.starting_at(k)
    if nxt is not None:
        return nxt.type == "PER"
    if office_stem(doc[k].text, index.lex) and (doc[k].text[:1].isupper() or any_case):
        return True
    if any_case:
        # English ``and Kosovo Prime Minister Arben Krasniqi``: capitalised office words (``Prime``,
        # ``Foreign``, ``Deputy``) may stand between the name and the office noun
        j = k
        while j < min(len(doc) - 1, k + 3) and doc[j].is_alpha and doc[j].text[:1].isupper():
            if index.starting_at(j) is not None or office_stem(doc[j].text, index.lex):
                break
            j += 1
        if j > k and office_stem(doc[j].text, index.lex) and doc[j].text[:1].isupper():
            return True
    endings = tuple(index.lex.frames.get("morphology", {}).get("genitive_endings", []))
    if any_case and endings and doc[k].text in endings:
        # ``Awa Ndiaye and Guinea-Bissau's foreign minister, Carlos Mendes Sá``: a possessor of an office
        # (lower-case words before it) whose holder is named in apposition
        j = k + 1
        while j < min(len(doc), k + 5) and doc[j].text[:1].islower() and not office_stem(doc[j].text, index.lex):
            j += 1
        if j < len(doc) and office_stem(doc[j].text, index.lex) and j + 1 < len(doc) and doc[j + 1].text == ",":
            holder = index.starting_at(j + 2)
            return holder is not None and holder.type == "PER"
    return False


def build_index(doc: Doc, lex: Lexicon) -> DocIndex:
    """Segments, clauses, quotation mask and classified mentions of ``doc``."""
    segments = _segments(doc)
    clause_of, clauses = _clauses(doc, segments, lex)
    index = DocIndex(doc, lex, segments, clause_of, clauses, _mention_refs(doc, lex), _quote_mask(doc))
    index.reindex()
    index.places = place_relations(doc, lex.lang)
    for t in doc._.times or []:
        span = char_span(doc, t.start, t.end)
        if span is not None:
            index.time_tokens.update(range(span.start, span.end))
    _classify(index)
    index._by_clause = {}
    for m in index.mentions:
        index._by_clause.setdefault(m.clause, []).append(m)
    return index


# --- arguments of one trigger -----------------------------------------------------------------------


def names_run(
    index: DocIndex,
    start: int,
    clause_id: int,
    stop_words: frozenset[str],
    early_stop: bool = False,
    states_of_governments: bool = False,
) -> list[MentionRef]:
    """The coordinated names from ``start`` on (``Patruschew und dem Berater X, Y``), in the clause.

    ``states_of_governments``: a state named as a government's genitive (``zwischen der Regierung
    Frankreichs und ...``) is in the list as the state."""
    doc = index.doc
    coord = index.lex.words("participants", "coordinators")
    determiners = index.lex.words("participants", "determiners")
    breaking = index.lex.words("participants", "list_breaking_pos")
    out: list[MentionRef] = []
    i = start
    limit = start + 25
    joined = True  # a coordinator since the last name (the first name needs none)
    parens = 0
    while i < len(doc) and i < limit:
        inner = index.clause_of[i]
        if inner != clause_id:
            if inner < 0 or index.clauses[inner].opener != "attribute":
                break
            # ``zwischen dem inzwischen als Kandidat feststehenden Obama und ...``: the list goes on
            # after the extended attribute of its next name
            after = index.clauses[inner].tokens[-1] + 1
            limit += after - i
            i = after
            continue
        m = index.starting_at(i)
        if m is not None:
            if parens == 0 and (
                m.role in {"actor", "place"} or (states_of_governments and _government_state(index, m))
            ):
                if not joined:
                    break  # ``mit Peres (Awoda) Israel gelobt``: a name not coordinated ends the list
                out.append(m)
                joined = False
            i = m.tend
            continue
        low = doc[i].text.lower()
        parens += {"(": 1, ")": -1}.get(low, 0)
        parens = max(parens, 0)
        if low in coord and parens == 0:
            joined = True
        if low == "," and i + 1 < len(doc):
            nxt = doc[i + 1].text
            if nxt[:1].islower() and nxt.lower() not in determiners:
                break  # ``mit allen Parteien, außer mit ...``: the list ended at the comma
        if low in stop_words and (early_stop or any(x.role == "actor" for x in out)):
            break
        if doc[i].text in {".", ";", ":"}:
            break
        if out and doc[i].pos_ in breaking:
            # English ``A meeting between Zelenskiy and Putin will take place, the Kremlin said``: a verb
            # ends the list of names; the name after it (past the comma) belongs to another clause
            break
        i += 1
    return out


def _after_state_government(prev: MentionRef, m: MentionRef, government_nouns: frozenset[str]) -> bool:
    """Whether ``m``, coordinated after a state named as a government's genitive, is a party of its own.

    ``zwischen der Regierung Frankreichs und der SPLM``: a movement has no government, so the name after
    ``und`` is the second party, not a second genitive of ``Regierung`` (``die Regierungen Frankreichs und
    Italiens`` stay two states' governments)."""
    return (
        prev.role == "affiliation"
        and prev.via_office
        and (prev.office_word or "").lower() in government_nouns
        and (prev.entity.kb_id or "").startswith("iso3166:")
        and not (m.entity.kb_id or "").startswith("iso3166:")
    )


def _government_state(index: DocIndex, m: MentionRef) -> bool:
    """A state named as the genitive of a government noun (``der Regierung Frankreichs``): the state acts."""
    return (
        m.role == "affiliation"
        and m.via_office
        and (m.office_word or "").lower() in index.lex.words("places", "government_nouns")
        and (m.entity.kb_id or "").startswith("iso3166:")
    )


def between_args(index: DocIndex, trig: int) -> list[MentionRef]:
    """``zwischen A und B`` right after a noun trigger (within 4 words)."""
    doc, lex = index.doc, index.lex
    clause_id = index.clause_of[trig]
    between = lex.words("participants", "between")
    stops = index.lex.words("participants", "non_actor_prepositions") - {"von"}
    for i in range(trig + 1, min(trig + 6, len(doc))):
        if index.clause_of[i] != clause_id:
            break
        if doc[i].text.lower() in between:
            return [
                m for m in names_run(index, i + 1, clause_id, stops, states_of_governments=True) if m.role != "place"
            ]
    return []


def coalition_args(index: DocIndex, trig: int) -> list[MentionRef]:
    """``Verhandlungen über eine Koalition von CDU, BSW und SPD``: the parties of the alliance a
    negotiation is about are its parties (``[participants] coalition_nouns`` within five words after
    the trigger, then one of ``coalition_prepositions`` and the names)."""
    doc, lex = index.doc, index.lex
    nouns = tuple(lex.words("participants", "coalition_nouns"))
    preps = lex.words("participants", "coalition_prepositions")
    if not nouns or not preps:
        return []
    clause_id = index.clause_of[trig]
    links = lex.words("participants", "coordinators") | lex.words("participants", "determiners") | {","}
    for i in range(trig + 1, min(trig + 6, len(doc) - 1)):
        if index.clause_of[i] != clause_id:
            break
        if doc[i].lower_.endswith(nouns) and doc[i + 1].lower_ in preps:
            # the names after the preposition are no actors of the clause (a preposition governs
            # them), so they are read here: organisations joined by commas and coordinators
            found: list[MentionRef] = []
            j = i + 2
            while j < len(doc) and index.clause_of[j] == clause_id:
                m = index.starting_at(j)
                if m is not None and m.type == "ORG":
                    found.append(m)
                    j = m.tend
                elif doc[j].lower_ in links:
                    j += 1
                else:
                    break
            return found if len(found) >= 2 else []
    return []


def partner_args(index: DocIndex, trig: int) -> list[MentionRef]:
    """``mit B`` / ``bei B`` right after a noun trigger (within 3 words)."""
    doc, lex = index.doc, index.lex
    clause_id = index.clause_of[trig]
    partner = lex.words("participants", "partner")
    stops = lex.words("participants", "non_actor_prepositions")
    for i in range(trig + 1, min(trig + 4, len(doc))):
        if index.clause_of[i] != clause_id:
            break
        if doc[i].pos_ in {"VERB", "AUX"} or lex.verb_triggers(doc[i]):
            break  # ``Am Rande des Gipfels sprach Scholz mit Orbán``: the phrase after the verb is the verb's
        if doc[i].text.lower() in partner:
            return [m for m in names_run(index, i + 1, clause_id, stops, early_stop=True) if m.role != "place"]
    # ``das Treffen des ukrainischen Präsidenten Wolodymyr Selenskyj mit US-Präsident Trump``: the
    # partner phrase follows the noun's genitive attribute
    owners = [m for m in genitive_args(index, trig) if m.tstart > trig]
    if owners:
        end = max(m.tend for m in owners)
        for i in range(end, min(end + 2, len(doc))):
            if index.clause_of[i] != clause_id:
                break
            if doc[i].text.lower() in partner:
                found = names_run(index, i + 1, clause_id, stops, early_stop=True)
                return [m for m in found if m.role != "place" and m.id not in {o.id for o in owners}]
    return []


def genitive_args(index: DocIndex, trig: int) -> list[MentionRef]:
    """``Treffen der Außenminister``, ``Staatsbesuch des Präsidenten X``, ``Auslandsbesuch Gaucks``."""
    doc, lex = index.doc, index.lex
    clause_id = index.clause_of[trig]
    gen = lex.words("participants", "genitive")
    stops = lex.words("participants", "non_actor_prepositions") | lex.words("participants", "partner")
    endings = tuple(lex.frames.get("morphology", {}).get("genitive_endings", []))
    # ``Sarkozys Staatsbesuch``; adjectives may stand between (``Nehammers erster Besuch``,
    # ``Macrons zweitägiger Staatsbesuch``)
    head = trig
    while head - 1 > trig - 3 and doc[head - 1].pos_ == "ADJ" and doc[head - 1].text[:1].islower():
        head -= 1
    before = index.ending_at(head)
    saxon = head > 0 and doc[head - 1].text.lower().endswith(endings)
    if before is not None and not before.inside_token and before.type in {"PER", "ORG"} and saxon:
        return [before]
    for k in range(trig - 1, max(trig - 4, 0), -1):
        # English ``Putin's first visit``: the possessive is a token of its own, lower-case words may
        # stand between it and the noun
        if doc[k].text.lower() in endings:
            owner = index.ending_at(k)
            if owner is not None and owner.type in {"PER", "ORG"} and owner.clause == clause_id:
                return [owner]
            break
        if not doc[k].text[:1].islower() or index.clause_of[k] != clause_id:
            break
    i = trig + 1
    if i >= len(doc) or index.clause_of[i] != clause_id:
        return []
    m = index.starting_at(i)
    if m is not None and m.type == "PER":
        # ``ein Treffen Macrons und Melonis``: the coordinated genitive names after the noun
        out_people = [m]
        coord = lex.words("participants", "coordinators") - {","}
        j = m.tend
        while j + 1 < len(doc) and index.clause_of[j] == clause_id and doc[j].text.lower() in coord:
            nxt = index.starting_at(j + 1)
            if nxt is None or nxt.type != "PER":
                break
            out_people.append(nxt)
            j = nxt.tend
        return out_people
    mediation = lex.words("participants", "mediation_participles")
    if doc[i].text.lower() in lex.words("participants", "agent_von") and not any(
        doc[k].text.lower() in mediation for k in index.clauses[clause_id].tokens
    ):
        # (``Vermittelt wurden die Gespräche von Katar``: the agent of the mediation, not of the talks)
        # ``der Besuch von Selenskyj``, ``ein Treffen von Biden und Xi``: the names right after ``von``
        # (the entity layer's roles call a name after ``von`` no actor; here it is the noun's agent)
        coord = lex.words("participants", "coordinators") | lex.words("participants", "determiners")
        found: list[MentionRef] = []
        j = i + 1
        while j < len(doc) and j < i + 12 and index.clause_of[j] == clause_id:
            m = index.starting_at(j)
            if m is not None:
                if m.role != "place":
                    found.append(m)
                j = m.tend
                continue
            if doc[j].text.lower() not in coord and not (doc[j].text[:1].isupper() and office_stem(doc[j].text, lex)):
                break
            j += 1
        return found
    if doc[i].text.lower() not in gen:
        return []
    out: list[MentionRef] = []
    j = i + 1
    while j < len(doc) and j < i + 8 and index.clause_of[j] == clause_id:
        m = index.starting_at(j)
        low = doc[j].text.lower()
        if m is not None:
            if m.role in {"actor", "affiliation"}:
                out.append(m)
            j = m.tend
            continue
        if low in stops or (doc[j].is_punct and doc[j].text != ","):
            break
        compound = _compound_affiliation(index, j)
        if compound is not None and compound.id not in {x.id for x in out}:
            out.append(compound)
        j += 1
    return out


def _compound_affiliation(index: DocIndex, j: int) -> MentionRef | None:
    """``der EU-Regierungschefs``, ``der EU-Außen- und Europaminister``: a name inside a compound.

    The entity layer does not always report a name that is only the first part of a compound; the
    name is matched against the mentions it does report (``EU``). The name says whose officials
    meet, so it is an affiliation (of office holders when the compound ends in an office noun).
    """
    doc, lex = index.doc, index.lex
    tok = doc[j]
    if "-" not in tok.text or not tok.text[:1].isupper() or index.covering(j) is not None:
        return None
    ent = _entity_by_name(index, tok.text.split("-", 1)[0])
    if ent is None or ent.type not in {"ORG", "LOC"}:
        return None
    heads = [tok.text] + ([doc[k].text for k in range(j + 1, min(j + 4, len(doc)))] if tok.text.endswith("-") else [])
    office = any(office_stem(h, lex) for h in heads)
    ref = MentionRef(ent, tok.idx, tok.idx + len(tok.text), j, j + 1, True, "affiliation", index.clause_of[j])
    ref.via_office = office
    return ref


def compound_args(index: DocIndex, trig: int) -> list[MentionRef]:
    """Names inside the trigger word itself: ``Putin-Biden-Gipfel``, ``EU-Gipfel``."""
    tok = index.doc[trig]
    parts = tok.text.split("-")[:-1]
    if not parts:
        return []
    found: list[MentionRef] = []
    inside = [m for m in index.mentions if m.tstart == trig]
    found.extend(inside)
    for part in parts:
        if any(m.start >= tok.idx and m.entity.mentions and part in {x.text for x in m.entity.mentions} for m in found):
            continue
        ent = _entity_by_name(index, part)
        if ent is not None:
            found.append(MentionRef(ent, tok.idx, tok.idx + len(tok.text), trig, trig + 1, True, "actor"))
    return found


def hyphen_compound_args(index: DocIndex, trig: int) -> list[MentionRef]:
    """``the Biden-Xi summit``, ``Trump–Xi talks``: names joined by hyphens right before a noun trigger.

    English writes the compound apart and its tokenizer splits the hyphen off, so the names are
    mentions of their own (German ``Putin-Biden-Gipfel`` is one word: :func:`compound_args`). Two
    names or more make the participants; one name (``the NATO summit``) is left to the other frames.
    """
    doc = index.doc
    found: list[MentionRef] = []
    j = trig
    while j > 0:
        m = index.ending_at(j)
        if m is None or m.clause != index.clause_of[trig]:
            break
        found.append(m)
        k = m.tstart - 1
        if k <= 0 or doc[k].text not in DASHES or doc[k].whitespace_ or doc[k - 1].whitespace_:
            break
        j = k
    return list(reversed(found)) if len(found) >= 2 else []


def _entity_by_name(index: DocIndex, word: str) -> Entity | None:
    """The entity one of whose mentions (or whose name's last word) is ``word``."""
    tables = index.memo.get("entity_by_name")
    if tables is None:  # built once per document: the first entity for each mention text, each surname
        by_mention: dict[str, Entity] = {}
        by_surname: dict[str, Entity] = {}
        for ent in entities_of(index.doc):
            if ent.type in ACTOR_TYPES:
                for m in ent.mentions:
                    by_mention.setdefault(m.text.casefold(), ent)
            if ent.type == "PER":
                by_surname.setdefault(ent.name.split()[-1].casefold(), ent)
        tables = index.memo["entity_by_name"] = (by_mention, by_surname)
    low = word.casefold()
    return tables[0].get(low) or tables[1].get(low)


def clause_actors(index: DocIndex, clause_id: int, exclude_quote: bool, trig: int) -> list[MentionRef]:
    """The actors of a clause (not places, not affiliations; not inside a quote unless the trigger is)."""
    out = []
    for m in index.clause_mentions(clause_id):
        if m.role != "actor":
            continue
        if exclude_quote and index.in_quote[m.tstart] != index.in_quote[trig]:
            continue
        out.append(m)
    return out


def clause_affiliations(index: DocIndex, clause_id: int) -> list[MentionRef]:
    return [m for m in index.clause_mentions(clause_id) if m.role == "affiliation"]


def antecedent_actors(index: DocIndex, clause: Clause) -> list[MentionRef]:
    """For a relative clause: the coordinated names just before its comma (``A und B, die ...``)."""
    first = clause.tokens[0]
    j = first - 1
    doc = index.doc
    while j >= 0 and doc[j].text == ",":
        j -= 1
    particles = index.lex.words("participants", "clause_final_particles")
    if j >= 0 and index.ending_at(j + 1) is None and doc[j].text in particles:
        j -= 1  # ``zwischen A und B zurück, die ...``: the main clause's particle stands between
    out: list[MentionRef] = []
    coord = index.lex.words("participants", "coordinators")
    while j >= 0:
        m = index.ending_at(j + 1)
        if m is None:
            break
        out.append(m)
        j = m.tstart - 1
        # skip articles/adjectives/office words between coordinated names
        steps = 0
        while j >= 0 and steps < 5 and index.ending_at(j + 1) is None:
            if doc[j].text.lower() in coord:
                steps = 0
                j -= 1
                # found a coordinator: continue to the next name
                while j >= 0 and steps < 5 and index.ending_at(j + 1) is None:
                    if doc[j].is_punct and doc[j].text != ",":
                        return [x for x in out if x.role != "place"]
                    j -= 1
                    steps += 1
                break
            steps = 99
        if steps >= 5:
            break
    return [x for x in out if x.role != "place"]


def _reported_speaker(index: DocIndex, clause: Clause) -> MentionRef | None:
    """English ``Gordeyev also said he had spoken by telephone with ...``: a subject pronoun in the
    complement of a reporting verb (``[clauses] reporting_tail_verbs``) whose own subject names a person
    is that person (with the parser; ``[participants] reported_pronoun_speaker``)."""
    lex = index.lex
    if not lex.frames.get("participants", {}).get("reported_pronoun_speaker"):
        return None
    doc = index.doc
    pron = lex.words("participants", "pronouns_person")
    verbs = lex.words("clauses", "reporting_tail_verbs")
    for i in clause.tokens:
        tok = doc[i]
        if tok.lower_ not in pron or tok.dep_ not in SUBJECT_DEPS:
            continue
        head = tok.head
        if head.dep_ != "ccomp" or head.head.lower_ not in verbs:
            return None
        for child in head.head.children:
            if child.dep_ in SUBJECT_DEPS and child.i < head.head.i:
                m = index.covering(child.i)
                if m is not None and m.type == "PER" and not index.in_quote[child.i]:
                    return m
        return None
    return None


def pronoun_subject(index: DocIndex, clause: Clause) -> MentionRef | None:
    """``Er`` opening a clause: the last person named in a main clause before it."""
    speaker = _reported_speaker(index, clause)
    if speaker is not None:
        return speaker
    lex = index.lex
    pron = lex.words("participants", "pronouns_person")
    female = lex.words("participants", "pronouns_female")
    doc = index.doc
    toks = [i for i in clause.tokens if not doc[i].is_punct][:4]
    # ``Er`` opening the clause, or the parser's subject wherever it stands (``Nach Angaben des
    # Ministeriums wird er am Sonntag ... sprechen``)
    by_parser = bool(lex.frames.get("participants", {}).get("pronoun_subject_anywhere", False))
    women_only = False
    if not any(doc[i].text.lower() in pron for i in toks) and not (
        by_parser and any(doc[i].text.lower() in pron and doc[i].dep_ in SUBJECT_DEPS for i in clause.tokens)
    ):
        # German ``sie`` is she, they or you: she only with a singular verb, and then only a person the
        # text styles as a woman (``Außenministerin Baerbock``) is meant
        if not female or not any(
            doc[i].text.lower() in female and (i in toks or (by_parser and doc[i].dep_ in SUBJECT_DEPS))
            for i in clause.tokens
        ):
            return None
        finite = [doc[i] for i in clause.tokens if doc[i].tag_.endswith("FIN")]
        if not finite or "Sing" not in finite[0].morph.get("Number"):
            return None
        women_only = True
    word = next((doc[i].text.lower() for i in clause.tokens if doc[i].text.lower() in pron | female), None)
    return antecedent(index, clause, women_only, word)


def plural_pronoun_subject(index: DocIndex, clause: Clause) -> list[MentionRef]:
    """``Zuletzt hatten sie beim G20-Gipfel miteinander gesprochen``: German ``sie`` as the subject of a
    plural verb is the two people the sentence before named (``Es war das erste Treffen von Scholz und
    Sunak``); empty unless exactly two and the clause names no person of its own."""
    female = index.lex.words("participants", "pronouns_female")
    doc = index.doc
    if not female:
        return []
    subject = next((i for i in clause.tokens if doc[i].text.lower() in female), None)
    if subject is None or index.segment_of(clause.start) == 0:
        return []
    finite = [doc[i] for i in clause.tokens if doc[i].tag_.endswith("FIN")]
    if not finite or "Plur" not in finite[0].morph.get("Number"):
        return []
    named = {m.id for m in index.clause_mentions(clause.id) if m.type == "PER"}
    if named and doc[subject].dep_ not in SUBJECT_DEPS:
        return []  # ``Scholz traf sie``: an object pronoun beside a named subject
    both = _two_people(index, index.segments[index.segment_of(clause.start) - 1][0], reach=0)
    return both if not named & {m.id for m in both} else []


def antecedent(
    index: DocIndex, clause: Clause, women_only: bool, word: str | None = None, depth: int = 0
) -> MentionRef | None:
    """The person a pronoun of ``clause`` refers to: the sentence that last named a person in a main
    clause; in it, its subject (else the first such person: ``Merz fliegt zu Trump. Am Donnerstag wird
    er ... empfangen``), not one named in the clause itself.

    Where that sentence's subject is the same pronoun (``word``), the chain continues: ``Steinmeier
    traf in Spanien ein. Am Mittwoch traf er Sánchez. Am Donnerstag reist er weiter``: the second
    ``er`` is Steinmeier, as the first one is, not the person the first one met."""
    own = {m.id for m in index.clause_mentions(clause.id)}
    initial = index.lex.words("clauses", "initial_subordinators")

    def named_in_main(m: MentionRef) -> bool:
        home = index.clauses[m.clause]
        # a main clause, or the sentence-initial subordinate clause of this sentence (``Nachdem Scholz
        # eingetroffen war, traf er Macron``)
        main = home.depth == 0 or (home.opener in initial and home.segment == clause.segment)
        return m.type == "PER" and main and not index.in_quote[m.tstart] and (not women_only or m.id in index.women)

    if index.mentions_in_segment_order():
        # walk back from the clause: the last segment with such a person is the first one met
        found: list[MentionRef] = []
        last = None
        for k in range(bisect.bisect_left(index.mention_starts(), clause.start) - 1, -1, -1):
            m = index.mentions[k]
            seg = index.segment_of(m.tstart)
            if last is not None and seg != last:
                break
            if named_in_main(m):
                found.append(m)
                last = seg
        candidates = found[::-1]
    else:
        by_segment: dict[int, list[MentionRef]] = {}
        for m in index.mentions:
            if m.tstart >= clause.start:
                break
            if named_in_main(m):
                by_segment.setdefault(index.segment_of(m.tstart), []).append(m)
        candidates = by_segment[max(by_segment)] if by_segment else []
    if not candidates:
        return None
    others = [m for m in candidates if m.id not in own] or candidates[:1]
    if word and depth < 3 and not any(_is_subject(index, m) for m in others):
        chained = _same_pronoun_subject(index, index.segment_of(others[0].tstart), word, others[0].tstart)
        if chained is not None:
            return antecedent(index, chained, women_only, word, depth + 1) or others[0]
    # the antecedent is the subject of its sentence where the parser says so, else a person named
    # outside a prepositional phrase (``Nach dem Treffen mit Putin reiste Orbán weiter. Dort traf er
    # Xi``: Orbán), else the first person named
    return next(
        (m for m in others if _is_subject(index, m)),
        next((m for m in others if not _after_preposition(index, m)), others[0]),
    )


def _same_pronoun_subject(index: DocIndex, segment: int, word: str, before: int) -> Clause | None:
    """The main clause of ``segment`` whose subject is the pronoun ``word`` standing before token ``before``."""
    doc = index.doc
    for c in index.clauses_in_segment(segment):
        if c.depth != 0:
            continue
        for i in c.tokens:
            if i < before and doc[i].text.lower() == word and doc[i].dep_ in SUBJECT_DEPS and not index.in_quote[i]:
                return c
    return None


def _after_preposition(index: DocIndex, m: MentionRef, reach: int = 3) -> bool:
    """Whether a preposition governs the mention (``mit Putin``, ``mit dem russischen Präsidenten Putin``)."""
    doc = index.doc
    partner = index.lex.words("participants", "partner")
    for j in range(m.tstart - 1, max(-1, m.tstart - reach - 1), -1):
        if doc[j].pos_ == "ADP" or doc[j].text.lower() in partner:
            return True
        if doc[j].pos_ not in {"DET", "ADJ", "NOUN", "PROPN"} or doc[j].is_punct:
            return False
    return False


def _is_subject(index: DocIndex, m: MentionRef) -> bool:
    """Whether the parser makes a mention (or the office noun right before it) a clause's subject."""
    doc = index.doc
    first = m.tstart - 1 if m.tstart > 0 and office_stem(doc[m.tstart - 1].text, index.lex) else m.tstart
    return any(doc[j].dep_ in SUBJECT_DEPS for j in range(first, m.tend))


def pronoun_object(index: DocIndex, clause: Clause) -> MentionRef | None:
    """``, wo ihn Xi empfing``: an object pronoun (``pronouns_object``) of the clause, resolved like a
    subject pronoun to the person the sentences before are about (see :func:`pronoun_subject`)."""
    words = index.lex.words("participants", "pronouns_object")
    doc = index.doc
    if not words or not any(
        # English ``her`` is also the possessive (``talks with her Japanese counterpart``): no object then
        doc[i].text.lower() in words and not index.in_quote[i] and doc[i].tag_ != "PRP$" and doc[i].dep_ != "poss"
        for i in clause.tokens
    ):
        return None
    subject_words = index.lex.words("participants", "pronouns_person")
    probe = Clause(
        clause.id,
        [i for i in clause.tokens if doc[i].text.lower() not in subject_words],
        clause.depth,
        clause.opener,
        clause.segment,
    )
    return antecedent(index, probe, women_only=False)


def venue_clause(index: DocIndex, trig: int) -> int | None:
    """A later clause of the sentence that says where/when the trigger's event takes place.

    ``... auf dem nächsten Gipfeltreffen ... eine Rolle spielt, das am 16. Dezember in Brüssel
    stattfindet``: a subordinate clause with a venue verb.
    """
    venue = index.lex.words("participants", "venue_verbs")
    seg = index.segment_of(trig)
    s, e = index.segments[seg]
    own = index.clause_of[trig]
    for c in index.clauses_in_segment(seg):
        if c.id == own or c.start <= trig or not (s <= c.start < e) or c.depth == 0:
            continue
        if any(index.doc[i].text.lower() in venue for i in c.tokens):
            return c.id
    return None


def _return_destination(index: DocIndex, m: MentionRef) -> bool:
    """Whether the place is where someone returns (``reiste zurück nach Ankara``): home, where nothing of
    the clause's events took place."""
    words = index.lex.words("places", "return_words")
    dest = index.lex.words("places", "destinations")
    doc = index.doc
    # ``zurück nach Ankara``, ``zurück in die Türkei``: the preposition, perhaps an article, then the name
    for j in range(m.tstart - 1, max(0, m.tstart - 3), -1):
        if doc[j].text.lower() in dest:
            return doc[j - 1].text.lower() in words
    return False


def _phrase_opened_by(index: DocIndex, noun: int, words: frozenset[str], reach: int = 6) -> bool:
    """Whether one of ``words`` opens the noun phrase of the noun at ``noun``: within three words before it,
    or further back over lower-case words only (articles, adjectives, particles: ``zu einem nicht
    angekündigten Besuch``), never across another noun or punctuation."""
    doc = index.doc
    if any(doc[j].text.lower() in words for j in range(max(0, noun - 3), noun)):
        return True
    for j in range(noun - 1, max(-1, noun - reach - 1), -1):
        tok = doc[j]
        if tok.text.lower() in words:
            return True
        if not (tok.is_alpha and tok.text.islower()):
            return False
    return False


def place_of(
    index: DocIndex, clause_id: int, trig: int, destinations: bool = False, skip: frozenset[int] = frozenset()
) -> MentionRef | None:
    """The place of the clause (nearest place-PP LOC to the trigger); ``dort`` = the last place named.

    ``skip``: tokens whose places say nothing of the event (a reporting tail's ``, teilte das
    Außenministerium in Wien mit``): left out before the nearest is chosen, so that the event's own
    place further away (``In Kiew wollte er ... sprechen``) still counts."""
    max_distance = int(index.lex.frames.get("places", {}).get("max_distance", 15))
    places = [
        m
        for m in index.clause_mentions(clause_id)
        if m.role == "place"
        and m.tstart not in skip
        and not _return_destination(index, m)
        and abs(m.tstart - trig) <= max_distance
        and (index.clause_of[trig] != clause_id or index.claims(trig, m.tstart))
        and not _noun_owns_place(index, m, trig)
        and not _water(index, m)
    ]
    if destinations:
        dest = index.lex.words("places", "destinations")
        places = [m for m in places if _preposition_before(index, m) in dest]
        if not places and index.clause_of[trig] == clause_id:
            # ``ist zu Gesprächen in Kiew eingetroffen``, ``traf zu Gesprächen in Kiew ein``: the place
            # after a purpose noun is the destination of the clause's motion verb; of an invitation only
            # after a visit noun (``lud Meloni zu einem Besuch nach Berlin ein``; ``lud Putin zu Gesprächen
            # nach Ankara ein`` are talks of both there)
            purpose = index.lex.purpose_prepositions
            for m in index.clause_mentions(clause_id):
                rivals = [t for t in index.triggers_in_clause(clause_id) if t < m.tstart]
                nearest = max(rivals) if rivals else None
                if (
                    m.role == "place"
                    and nearest is not None
                    and nearest < m.tstart
                    and (
                        m.tstart < trig
                        or (trig < nearest and (_is_visit_noun(index, nearest) or not _invites(index, trig)))
                    )
                    and _preposition_before(index, m) in dest
                    and _phrase_opened_by(index, nearest, purpose)
                ):
                    places.append(m)
    named = {m.tstart for m in places}
    place_nouns = index.lex.words("places", "place_nouns")
    genitive = index.lex.words("participants", "genitive")
    doc = index.doc
    # ``the Black Sea resort of Sochi``: the place a place noun names with ``of`` is the more specific one
    places = [
        m
        for m in places
        if not (
            m.tend + 2 < len(doc)
            and doc[m.tend].text.lower() in place_nouns
            and doc[m.tend + 1].text.lower() in genitive
            and m.tend + 2 in named
        )
    ]
    if places:
        # the nearest place, unless another one of the clause lies inside it: ``im Lancaster House in
        # London``, ``in Washington im Weißen Haus`` -> the venue
        places.sort(key=lambda m: abs(m.tstart - trig))
        best = index.places.most_specific(m.id for m in places)
        return next(m for m in places if m.id == best)
    there = index.lex.words("participants", "there")
    clause = index.clauses[clause_id]
    where = index.lex.words("participants", "relative_where")
    first = next((i for i in clause.tokens if not index.doc[i].is_punct), None)
    if any(index.doc[i].text.lower() in there for i in clause.tokens) or (
        # ``reiste nach Kiew, wo er Selenskyj traf``: the relative adverb stands for the place before it
        first is not None and index.doc[first].text.lower() in where
    ):
        # the last place named, as a place phrase or as the place visited (``besuchte Moskau und traf dort``)
        before = [m for m in index.mentions if (m.role == "place" or m.type == "LOC") and m.tend <= trig]
        if before:
            return before[-1]
    if clause.opener in index.lex.words("places", "coordinated_same_place") and index.clause_of[trig] == clause_id:
        # English ``visited Kyiv on Saturday and met Zelensky``: a second verb phrase with no place of its
        # own happens where the main clause it continues did (the place it names or the place visited)
        main = [
            m
            for m in index.mentions
            if m.tend <= clause.start
            and index.segment_of(m.tstart) == clause.segment
            and m.clause >= 0
            and index.clauses[m.clause].depth == 0
            and (
                m.role == "place"
                # the place visited, after the main clause's verb (a state before it is a subject)
                or (
                    m.type == "LOC"
                    and m.role == "actor"
                    and any(index.doc[j].pos_ == "VERB" for j in index.clauses[m.clause].tokens if j < m.tstart)
                )
            )
        ]
        if main:
            return main[-1]
    return None


def _invites(index: DocIndex, i: int) -> bool:
    return any(t.frame == "invitation" for t in index.lex.verb_triggers(index.doc[i]))


def _is_visit_noun(index: DocIndex, i: int) -> bool:
    trig = index.lex.noun_trigger(index.doc[i])
    return trig is not None and trig.type == "visit"


def _water(index: DocIndex, m: MentionRef) -> bool:
    """Whether the place ``m`` is a body of water (``the Red Sea``, ``the Strait of Hormuz``; ``[places]
    water_words``): what talks are about, no venue."""
    words = index.lex.words("places", "water_words")
    if not words:
        return False
    doc = index.doc
    names = [doc[k].text.lower() for k in range(m.tstart, m.tend)]
    return bool(names) and (names[-1] in words or (len(names) > 2 and names[0] in words and names[1] == "of"))


def _noun_owns_place(index: DocIndex, m: MentionRef, trig: int) -> bool:
    """Whether the place phrase of ``m`` belongs to a noun before it (``eine Waffenruhe in der Ukraine``).

    A war, a ceasefire or a crisis has its own place, which is not where the talks about it are
    held: ``ended the talks without agreeing on a ceasefire in Ukraine``.
    """
    nouns = index.lex.words("places", "own_place_nouns")
    if not nouns:
        return False
    preps = index.lex.words("places", "prepositions")
    doc = index.doc
    gap = int(index.lex.frames.get("places", {}).get("max_gap", 3))
    for j in range(m.tstart - 1, max(m.tstart - gap - 2, -1), -1):
        if doc[j].text.lower() in preps:
            k = j - 1
            if k < 0 or k == trig:
                return False
            word = doc[k].text.lower()
            return any(word == n or (word.endswith(n) and len(word) - len(n) >= 3) for n in nouns)
    return False


def _preposition_before(index: DocIndex, m: MentionRef) -> str | None:
    preps = index.lex.words("places", "prepositions") | index.lex.words("places", "destinations")
    gap = int(index.lex.frames.get("places", {}).get("max_gap", 3))
    for j in range(m.tstart - 1, max(m.tstart - gap - 2, -1), -1):
        low = index.doc[j].text.lower()
        if low in preps:
            return low
    return None


def group_members(index: DocIndex, start: int, end: int, before: int) -> tuple[list[MentionRef], bool]:
    """Resolve a group NP in ``[start, end)`` to entities: (members, resolved_to_named_people).

    ``die Präsidenten beider Länder`` -> the two people the text gives that office, if exactly that
    many; ``beide Seiten`` / ``die beiden Staaten`` -> the last two actors named before.
    """
    doc, lex = index.doc, index.lex
    two = lex.words("groups", "two")
    parties = lex.words("groups", "party_nouns")
    has_two = any(doc[i].text.lower() in two for i in range(start, end))
    counts = lex.frames.get("groups", {}).get("counts", {})
    n = next((int(counts[doc[i].text.lower()]) for i in range(start, end) if doc[i].text.lower() in counts), 0)
    if n >= 3 and any(doc[i].text.lower() in lex.words("groups", "state_nouns") for i in range(start, end)):
        # English ``the three countries``: the list of that many states the text named before
        listed = _coordinated_states_of(index, before, n)
        if listed:
            return listed, False
    if n >= 3 and any(doc[i].text.lower() in lex.words("groups", "body_list_nouns") for i in range(start, end)):
        # ``Die Spitzen der drei Parteien`` after ``CDU, CSU und SPD``: the list of that many bodies
        listed = _coordinated_states_of(index, before, n, bodies=True)
        if listed:
            return listed, False
    if n >= 3 and any(doc[i].text.lower() in lex.words("groups", "person_list_nouns") for i in range(start, end)):
        # ``kamen die drei Politiker zusammen`` after Erdoğan received Aliyev and Paschinjan: the people named
        people = _people_named(index, start, n, reach=1)
        if people:
            return people, True
    # an office-noun group: people who hold that office in the text
    for i in range(start, end):
        tok = doc[i]
        if not tok.text[:1].isupper() or index.covering(i) is not None:
            continue
        stem = office_stem(tok.text, lex)
        if stem is None:
            continue
        # ``die beiden Minister`` covers ``Außenminister`` Lawrow: a compound office is one of the group's
        holders = [eid for eid, stems in index.offices.items() if any(s.endswith(stem) for s in stems)]
        if has_two and len(holders) == 1:
            # ``Minister X und sein Amtskollege Y`` ... ``die beiden Minister``: the counterpart shares the office
            relational = lex.words("groups", "relational_offices")
            holders += [eid for eid, stems in index.offices.items() if stems & relational and eid not in holders]
        # only ``die beiden Außenminister`` is safe: ``die Verteidigungsminister der EU`` may be many
        if has_two and len(holders) == 2:
            refs = []
            for eid in holders:
                m = next(x for x in index.mentions if x.id == eid)
                refs.append(m)
            return refs, True
    reach = int(lex.frames.get("groups", {}).get("party_noun_reach", 0))
    party_at = [
        i
        for i in range(start, end)
        if doc[i].text.lower() in parties
        # English: the party noun the group word goes with (``the two countries``), not one further on
        # (``The two leaders met ..., on the sidelines of a summit of Southeast Asian nations``)
        and (not reach or any(doc[j].text.lower() in two for j in range(max(start, i - reach), i)))
    ]
    if has_two and not party_at:
        # ``die beiden Bewerber``: the two people the sentence (else the one before) names
        people = _two_people(index, start)
        if people:
            return people, True
    if has_two and party_at:
        # ``beider Länder``: states are the countries named before, whatever their role there (``Österreich
        # und Ungarn hätten ...``); a city of a dateline is none
        states = any(doc[i].text.lower() in lex.words("groups", "state_nouns") for i in range(start, end))
        candidates: list[MentionRef] = []
        # the agency and the place of a dateline (``A Coruña (epd) -``) are no parties
        if "dateline" not in index.memo:
            from .places import dateline  # the places module is imported by this one at load time

            found = dateline(index)
            index.memo["dateline"] = found[0] if found else None
        outside = (index.media or frozenset()) | {index.memo["dateline"]}
        if states:
            pair = _coordinated_states(index, before)
            if pair:
                return pair, False
        for m in index.mentions_ending_by(before):
            if m.id in outside or _in_dateline_clause(index, m):
                continue
            if states:
                if not (m.entity.kb_id or "").startswith("iso3166:"):
                    continue
            elif m.role == "place":
                continue
            if m.type == "PER":
                continue
            candidates.append(m)
            if len({c.id for c in candidates}) == PAIR_REACH or len(candidates) >= 10 * PAIR_REACH:
                break  # bounded: a long text naming few actors must not be read back to its start
        sides = lex.words("groups", "side_nouns")
        if not states and any(doc[i].text.lower() in sides for i in range(start, end)):
            people = _two_people(index, start, reach=1)
            if people and all(c.tstart < min(p.tstart for p in people) for c in candidates):
                return people, True
        pair = _introduced_pair(index, candidates)
        if pair:
            return pair, False
        last = _unique_refs(candidates)[:2]
        if len(last) == 2:
            return list(reversed(last)), False
        if not states:
            # ``Scholz und der spanische Regierungschef Sánchez ... Die beiden Regierungen kamen zusammen``:
            # with no two bodies or states named, the two people just named stand for their sides
            people = _two_people(index, start)
            if people:
                return people, True
    return [], False


def _in_dateline_clause(index: DocIndex, m: MentionRef) -> bool:
    """Whether ``m`` stands in a clause of names and brackets alone at a sentence start (``Peking/Moskau
    (AFP)``, cut off as its own clause): where the report was filed, no party of anything."""
    clause = index.clauses[m.clause]
    if clause.depth != 0 or not clause.tokens or clause.tokens[0] != index.segments[clause.segment][0]:
        return False
    doc = index.doc
    if len(clause.tokens) > 8:
        return False
    depth = 0
    for j in clause.tokens:
        depth += (doc[j].text == "(") - (doc[j].text == ")")
        if not (depth > 0 or doc[j].is_punct or doc[j].text.isupper() or index.covering(j) is not None):
            return False
    return True


def _two_people(index: DocIndex, start: int, reach: int = 5) -> list[MentionRef]:
    """The two people the sentence of ``start`` names, else with the sentences before (at most
    ``reach`` back, as a preview's details may stand between); empty unless exactly two."""
    return _people_named(index, start, 2, reach)


def _people_named(index: DocIndex, start: int, count: int, reach: int) -> list[MentionRef]:
    """The ``count`` people the sentence of ``start`` names, else with the sentences before (at most
    ``reach`` back); empty unless exactly that many."""
    seg = index.segment_of(start)
    people: list[MentionRef] = []
    for n in range(seg, seg - reach - 1, -1):
        if n < 0:
            break
        s, e = index.segments[n]
        found = _unique_refs(m for m in index.mentions_from(s, e) if m.type == "PER" and not index.in_quote[m.tstart])
        people = _unique_refs([*people, *found])
        if len(people) >= count:
            break
    return people if len(people) == count else []


#: how many distinct actors back a group noun (``beider Parteien``) looks for the pair it names
PAIR_REACH = 4


def _introduced_pair(index: DocIndex, candidates: list[MentionRef]) -> list[MentionRef]:
    """The last two actors the text introduced as a pair (``der PDS mit der WASG``, ``Serbien und
    Kosovo``), among ``candidates`` (mentions from the last back): ``beider Parteien`` means them rather
    than whichever two names came last (``... zu den Wahlen zum Bundestag``)."""
    doc = index.doc
    links = index.lex.words("participants", "coordinators") | index.lex.words("participants", "partner")
    links |= index.lex.words("participants", "between")
    for later, earlier in pairwise(candidates):
        if later.id == earlier.id or not 0 <= later.tstart - earlier.tend <= 4:
            continue
        if index.segment_of(later.tstart) != index.segment_of(earlier.tstart):
            continue
        gap = [doc[j].text.lower() for j in range(earlier.tend, later.tstart)]
        if any(w in links for w in gap) and not any(
            doc[j].pos_ in {"VERB", "AUX"} for j in range(earlier.tend, later.tstart)
        ):
            return [earlier, later]
    return []


def _coordinated_states(index: DocIndex, before: int) -> list[MentionRef]:
    """The last two states named together (``Senegal and Guinea-Bissau``) before token ``before``.

    ``the two countries`` refers back to the pair a report introduced, not to whichever two states
    were named last: ``Senegal and Guinea-Bissau resumed talks, with Qatar acting as mediator ...
    The two countries came close to a deal``. Only where the language's data asks for it
    (``[groups] coordinated_states``: the words that join the pair) and within ``coordinated_window``
    sentences; otherwise, or without such a pair, the caller takes the last two states named.
    """
    window = _state_list_window(index, before)
    if window is None:
        return []
    joiners, earliest = window
    doc = index.doc
    later: MentionRef | None = None
    for m in index.mentions_ending_by(before):
        if m.tstart < earliest:
            break
        if m.type == "PER" or not (m.entity.kb_id or "").startswith("iso3166:"):
            later = None
            continue
        if later is not None and later.id != m.id and later.tstart > m.tend:
            between = [doc[j].text.lower() for j in range(m.tend, later.tstart)]
            if len(between) == 1 and between[0] in joiners:
                return [m, later]
        later = m
    return []


def _state_list_window(index: DocIndex, before: int) -> tuple[set[str], int] | None:
    """The words that join states into a list (``[groups] coordinated_states``) and the first token of
    the sentences a group noun before ``before`` may look back over; None where the language has none."""
    groups = index.lex.frames.get("groups", {})
    joiners = {w.lower() for w in groups.get("coordinated_states", [])}
    if not joiners:
        return None
    earliest = index.segments[max(0, index.segment_of(before) - int(groups.get("coordinated_window", 8)))][0]
    return joiners, earliest


def _coordinated_states_of(index: DocIndex, before: int, n: int, bodies: bool = False) -> list[MentionRef]:
    """The last ``n`` states (three or more) named together in one list before token ``before``
    (``bodies``: organisations instead, ``CDU, CSU und SPD`` for ``die drei Parteien``).

    English ``the three countries' fisheries ministers signed a memorandum`` after ``Kenya, Uganda and
    Tanzania``: the list joined by ``[groups] coordinated_states`` words (one or two between names,
    ``, and``), within ``coordinated_window`` sentences; nothing when no list of that length is there.
    """
    window = _state_list_window(index, before)
    if window is None:
        return []
    joiners, earliest = window
    doc = index.doc
    chain: list[MentionRef] = []  # the current list, latest name first

    def member(m: MentionRef) -> bool:
        if bodies:
            return m.type == "ORG"
        return m.type != "PER" and (m.entity.kb_id or "").startswith("iso3166:")

    for m in index.mentions_ending_by(before):
        if m.tstart < earliest:
            break
        if not member(m):
            if len(_unique_refs(chain)) == n:
                break
            chain = []
            continue
        joined = bool(chain) and chain[-1].tstart > m.tend and 1 <= chain[-1].tstart - m.tend <= 2
        if joined and all(doc[j].text.lower() in joiners for j in range(m.tend, chain[-1].tstart)):
            chain.append(m)
            continue
        if len(_unique_refs(chain)) == n:
            break
        chain = [m]
    found = _unique_refs(reversed(chain))
    if len(found) == n:
        return found
    # no such list: the states named one by one (``Kenya's foreign ministry ... Uganda's president ...
    # Tanzania's president ... the three countries``), when the text before names exactly ``n``
    if bodies:
        return []
    named: list[MentionRef] = []
    for m in index.mentions_ending_by(before):
        if member(m):
            named.append(m)
    named = _unique_refs(named)
    return list(reversed(named)) if len(named) == n else []


def _unique_refs(refs: Iterable[MentionRef]) -> list[MentionRef]:
    """One mention per entity, in order."""
    seen: dict[str, MentionRef] = {}
    for r in refs:
        seen.setdefault(r.id, r)
    return list(seen.values())


def _dateline_tokens(index: DocIndex) -> frozenset[int]:
    """The tokens of the datelines (place, agency, date up to the mark that ends them): a date there is
    when the report was filed, never when what it reports happened."""
    if "dateline_tokens" not in index.memo:
        from .places import datelines  # the places module imports this one at load time

        found: set[int] = set()
        for place, after, _ in datelines(index):
            first = max((m.tstart for m in index.mentions if m.id == place and m.tstart < after), default=after)
            found.update(range(first, after))
        index.memo["dateline_tokens"] = frozenset(found)
    return index.memo["dateline_tokens"]


def _deadline_of_another_verb(index: DocIndex, start: int, trig: int) -> bool:
    """Whether the time at ``start`` is a deadline (after one of ``[context] deadline_prepositions``,
    English ``by``) that the parse attaches to a verb other than the trigger and the verb it depends on:
    the date of what was agreed or pledged (``agreed to cut emissions by 2030``), not of the event."""
    doc = index.doc
    deadline = index.lex.words("context", "deadline_prepositions")
    if not deadline or start == 0 or not doc.has_annotation("DEP"):
        return False
    prep = doc[start - 1]
    if prep.lower_ not in deadline:
        return False
    head = prep.head
    return head.pos_ in {"VERB", "AUX"} and head.i not in {trig, doc[trig].head.i}


def time_for(index: DocIndex, clause_id: int, trig: int, times: list[Time]) -> Time | None:
    """The time expression governing the trigger: in its clause, else its sentence; nearest wins."""
    seg = index.segment_of(trig)
    s, e = index.segments[seg]
    candidates = []
    starts, dating = index.time_starts(times)
    in_segment = sorted(dating[bisect.bisect_left(starts, s) : bisect.bisect_left(starts, e)], key=lambda x: x[1])
    range_ends = index.lex.words("context", "range_end")
    range_starts = {s2 for s2, _, _ in in_segment}
    datelined = _dateline_tokens(index)
    for start, _, t in in_segment:
        if start in datelined:
            continue  # ``Nairobi (Kenia), 02.11.2007 – Die Gespräche ... am Donnerstag``: the filing date
        if (
            range_ends
            and start > 0
            and index.doc[start - 1].text.lower() in range_ends
            and any(start - 4 <= s2 < start - 1 for s2 in range_starts)
        ):
            continue  # ``vom 15. bis 17. Juni``: the end of a span; the event is dated by its start
        if _deadline_of_another_verb(index, start, trig):
            continue  # ``signed a deal on Monday to double trade by 2028``: the target's date, not the signing's
        same_clause = index.clause_of[start] == clause_id
        if index.clause_of[trig] == clause_id and not index.claims(trig, start, same_clause):
            continue  # the time belongs to another trigger nearer to it
        deeper = (
            not same_clause
            and index.clause_of[start] >= 0
            and clause_id >= 0
            and index.clauses[index.clause_of[start]].depth > index.clauses[clause_id].depth
        )
        if deeper:
            continue  # ``trafen sich auf Nias, auf der im März ... Menschen starben``: not the event's date
        dist = abs(start - trig)
        candidates.append((0 if same_clause else 1, dist, t))
    if (
        not candidates
        and clause_id >= 0
        and index.clauses[clause_id].opener in index.lex.words("clauses", "coordinated_openers")
    ):
        # ``Orbán besuchte am Freitag Moskau und traf dort Putin``: a coordinated verb phrase without a
        # time of its own happens at the time of the main clause it continues
        candidates = [
            (1, trig - start, t)
            for start, _, t in in_segment
            if start < trig and index.clause_of[start] >= 0 and index.clauses[index.clause_of[start]].depth == 0
        ]
    if not candidates:
        return None
    candidates.sort(key=lambda c: (c[0], c[1]))
    return candidates[0][2]
