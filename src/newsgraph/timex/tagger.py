"""The temporal tagger: grammar matches -> coordination -> reference date -> resolved values.

Language-independent; everything language-specific comes from ``resources/<lang>/times.toml``.
Works on plain text plus sentence boundaries and tense cues, so that it runs with or without a
statistical spaCy pipeline (the component in ``newsgraph.pipeline.times`` supplies both).
"""

from __future__ import annotations

import bisect
import calendar
import datetime as dt
import itertools
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cache
from typing import Any

from ..resources import load_resource
from .grammar import Grammar, Match, Token, tokenize
from .named_events import HEADLINE_DAYS, NEAR_DAYS, EventBound, EventMention, find_mentions
from .normalise import (
    NORMALISERS,
    Context,
    Partial,
    Reference,
    Valued,
    collect_date,
    mod_of,
    norm_date,
    point_of,
    to_int,
    valid_day,
)
from .offices import AgePhrases, OfficeTitles
from .reference import (
    DateEvidence,
    OfficeClaim,
    StatedDate,
    WeekdayTie,
    constrain_reference,
    dates_in_url,
    infer_reference,
    published_bounds,
)
from .tense import Cue, TenseRules, clause_of, tense_at

#: narrative year: the explicit years of the last WINDOW expressions that name one, each counting
#: DECAY times less than the next one (set on WikiWarsDE-like history texts; see bench_times.py)
WINDOW = 6
DECAY = 0.6
#: rough sentence ends for callers without a spaCy Doc (German: not after a digit, `24. Mai`)
_SENTENCE_END = re.compile(r"(?<!\d)[.!?](?=\s+[A-ZÄÖÜ\"„])|\n\s*\n")
_SENTENCE_END_NO_ORDINALS = re.compile(r"[.!?](?=\s+[A-ZÄÖÜ\"„])|\n\s*\n")
#: a dateline opening a report: a place (up to four capitalised words) and a comma before the date,
#: an agency in brackets and/or a dash after it (`GENF, 24. Mai 2021 (dpa) -`, `GENEVA, May 24 (Reuters) -`)
#: (the place may carry its country in brackets, as WikiNews writes it: `New York (Vereinigte Staaten), 28.06.2019 –`)
_DATELINE_BEFORE = re.compile(
    r"\s*[A-ZÄÖÜÉ][\w'’.\-]*(?:[ /][^\W\d_][\w'’.\-]*){0,3}(?:\s*\([^()\n\d]{1,40}\))?\s*,\s*"
)
_DATELINE_AFTER = re.compile(r"\s*(?:\([^()\n]{1,40}\)\s*[-–—:]?|[-–—:])")
#: a dateline stands among the first lines of an article (headline, perhaps a teaser, then the report)
DATELINE_LINES = 5
#: ... and within this many characters of the start (a headline and a teaser)
DATELINE_CHARS = 1500
#: a byline or time stamp line is short
BYLINE_CHARS = 120
_WORD = re.compile(r"[^\W\d_]+(?:\.[^\W\d_]+)*")
#: what may stand between a weekday and the date it names (`Montag, 24. Mai`, `Montag (24. Mai)`)
_TIE_GAP = {",", "[", "(", "den", "dem", "der", ":", "–", "-"}


@dataclass(slots=True)
class Sentence:
    """A sentence's character span and its tense cues; ``words`` computes them only when the
    sentence holds a time expression: ``(offset, text, morphological tense or "")`` per word."""

    start: int
    end: int
    cues: list[Cue] | None = None
    words: Callable[[], Iterable[tuple[int, str, str]]] | None = None


@dataclass(slots=True)
class TaggedTime:
    """One temporal expression found and valued."""

    start: int
    end: int
    text: str
    type: str
    value: str | None
    mod: str | None
    pattern: str
    tense: str


@dataclass(slots=True)
class TagResult:
    times: list[TaggedTime]
    reference: Reference
    source: str
    reason: str


@dataclass(slots=True)
class _Item:
    match: Match
    start: int
    end: int
    fields: dict[str, Any]
    partial: Partial | None
    sentence: int
    tense: str
    #: the sentence has a past-tense cue: a future in it may be one seen from the past it narrates
    #: (``Burnside beabsichtigte, im Januar ... zu umgehen``)
    narrated: bool = False


class TimeTagger:
    """Find and normalise the temporal expressions of one language."""

    def __init__(self, lang: str) -> None:
        spec = load_resource(lang, "times")
        self.lang = lang
        self.grammar = Grammar(spec)
        self.tense_rules = TenseRules.from_spec(spec.get("tense", {}))
        guard = spec.get("guard", {})
        self.year_prev_block = {w.lower() for w in guard.get("year_prev_block", [])}
        self.year_next_block = {w.lower() for w in guard.get("year_next_block", [])}
        self.year_prev_ok = {w.lower() for w in guard.get("year_prev_ok", [])}
        self.coord = {w.lower() for w in guard.get("coordination", [])}
        self.articles = set(self.grammar.classes.phrases.get("ART", {}))
        stated = spec.get("reference", {})
        self.byline_words = {w.lower() for w in stated.get("byline_words", [])}
        self.byline_openers = {w.lower() for w in stated.get("byline_openers", [])}
        self.earlier_words = {w.lower() for w in stated.get("earlier_words", [])}
        self.apposition_words = {w.lower() for w in stated.get("apposition_words", [])}
        self.event_before = {w.lower() for w in stated.get("event_before", [])}
        self.event_after = {w.lower() for w in stated.get("event_after", [])}
        self.summit_link = {w.lower() for w in stated.get("summit_link", [])}
        self.office_titles = OfficeTitles.from_spec(stated.get("offices", {}))
        self.age_phrases = AgePhrases.from_spec(stated.get("ages", {}))
        self.age_not_time = [re.compile(p) for p in stated.get("ages", {}).get("not_time", [])]
        self.anniversary_phrases = [re.compile(p) for p in stated.get("anniversaries", [])]
        onward = spec.get("tense", {}).get("onward", [])
        self.onward_words = _word_pattern(onward)
        self.back_reference_words = _word_pattern(spec.get("tense", {}).get("back_reference", []))
        self.back_reference_not = _word_pattern(spec.get("tense", {}).get("back_reference_not", []))
        part_of = spec.get("tense", {}).get("part_of_dates")
        self.part_of_dates = re.compile(part_of) if part_of else None
        self.label_year_before = set(spec.get("tense", {}).get("label_year_before", []))
        self.range_words = {w.lower() for w in spec.get("tense", {}).get("range_words", [])}
        self.target_preps = {w.lower() for w in spec.get("tense", {}).get("target_preps", [])}
        self.target_verbs = {w.lower() for w in spec.get("tense", {}).get("target_verbs", [])}
        self.planned_noun_capitalised = bool(spec.get("tense", {}).get("planned_noun_capitalised", False))
        v2 = spec.get("tense", {}).get("v2_preterite_regex")
        self.v2_preterite = re.compile(v2) if v2 else None
        self.v2_not_preterite = {w.lower() for w in spec.get("tense", {}).get("v2_not_preterite", [])}

    # ------------------------------------------------------------------ guards

    def _bare_year_ok(self, text: str, tokens: list[Token], m: Match) -> bool:
        """A lone four-digit number is a year unless its neighbours say it counts things
        (`1500 Soldaten`, `Nr. 1939`); at the start or end of a line (headings, lists) it is one."""
        if m.end - m.start > 1:
            return True  # `Ende 2021`, `des Jahres 2021`
        year = tokens[m.start]
        prev = tokens[m.start - 1] if m.start > 0 else None
        nxt = tokens[m.end] if m.end < len(tokens) else None
        line_start = prev is None or "\n" in text[prev.end : year.start]
        line_end = nxt is None or "\n" in text[year.end : nxt.start]
        if not line_start and (prev.lower in self.year_prev_block or prev.text[-1:].isdigit()):  # type: ignore[union-attr]
            return False
        if nxt is not None and not line_end:
            if nxt.lower in self.year_next_block:
                return False
            if nxt.text[:1].isdigit() and nxt.start == year.end:
                return False
            if nxt.text[:1].isupper() and nxt.text.isalpha() and len(nxt.text) > 1:
                prev_ok = prev is not None and prev.lower in self.year_prev_ok
                sentence_start = line_start or prev.text in {".", "!", "?", ":", "(", "„", '"', "*", "•"}  # type: ignore[union-attr]
                if not (prev_ok or sentence_start):
                    return False
        return True

    # ------------------------------------------------------------------ main

    def tag(
        self,
        text: str,
        sentences: list[Sentence] | None = None,
        *,
        published: dt.date | None = None,
        narrative: bool = False,
        today: dt.date | None = None,
        infer: bool = True,
        claims: list[OfficeClaim] | None = None,
        published_partial: str | None = None,
        url: str | None = None,
    ) -> TagResult:
        """Tag ``text``. ``published`` anchors relative expressions; without it the reference is
        inferred from the text (``infer``). ``narrative``: an override that resolves every yearless
        date against the last date the text mentioned; by default each expression decides by its
        passage (:meth:`_in_passage`). ``claims``:
        offices the text gives named people, with their terms, as evidence for the inference.
        ``published_partial``: a publication date known only to the month or year (``2021-05``),
        a constraint on the reference (see :func:`newsgraph.timex.reference.constrain_reference`).
        ``url``: where the article was published; a date in it is evidence for the inference."""
        today = today or dt.date.today()
        tokens = tokenize(text, self.grammar.ordinal_dot)
        if sentences is None:
            sentences = self.split_sentences(text)
        items = self._items(text, tokens, sentences)
        self._coordinate(tokens, items)

        if published is not None:
            reference, source, reason = Reference(date=published), "published", "the article's publication date"
        elif published_partial is not None and (bounds := published_bounds(published_partial)) is not None:
            inferred = (
                self._infer(text, tokens, items, min(today, bounds[1]), claims, url, sentences)
                if infer
                else (Reference(), "none", "")
            )
            reference, source, reason = constrain_reference(inferred, published_partial, bounds)
        elif infer:
            reference, source, reason = self._infer(text, tokens, items, today, claims, url, sentences)
            reference, reason = self._advance(text, items, reference, reason, today)
        else:
            reference, source, reason = Reference(), "none", "no publication date"

        times = self._resolve(text, items, reference, narrative, sentences)
        return TagResult(times, reference, source, reason)

    def split_sentences(self, text: str) -> list[Sentence]:
        """Rough sentences (for callers without a spaCy ``Doc``): a full stop, question or
        exclamation mark before white space and a capital letter or quote, or a blank line."""
        out: list[Sentence] = []
        start = 0
        ends = _SENTENCE_END if self.grammar.ordinal_dot else _SENTENCE_END_NO_ORDINALS
        for m in ends.finditer(text):
            out.append(Sentence(start, m.end()))  # cues computed when needed (see _cues)
            start = m.end()
        out.append(Sentence(start, len(text)))
        return out

    def cues_for_text(self, text: str, offset: int = 0) -> list[Cue]:
        """Tense cues from word lists alone (no morphology)."""
        words = tokenize(text, self.grammar.ordinal_dot)
        return self.tense_rules.cues((offset + t.start, t.text, "") for t in words if t.text[:1].isalpha())

    def _items(self, text: str, tokens: list[Token], sentences: list[Sentence]) -> list[_Item]:
        items: list[_Item] = []
        sent_index = 0
        for m in self.grammar.find(tokens):
            if m.pattern.guard == "bare_year" and not self._bare_year_ok(text, tokens, m):
                continue
            if m.pattern.guard == "sentence_start" and not _at_sentence_start(text, tokens, m.start):
                continue
            first = m.start
            if first + 1 < m.end and (tokens[first].lower,) in self.articles and tokens[first + 1].text[:1].isdigit():
                first += 1  # `dem 25. Juli` -> `25. Juli`
            while first + 1 < m.end and tokens[first].text == ",":
                first += 1  # `, 28.06.2019` (the optional comma after a weekday, without the weekday)
            start, end = tokens[first].start, tokens[m.end - 1].end
            while sent_index + 1 < len(sentences) and sentences[sent_index].end <= start:
                sent_index += 1
            fields = {k: v for k, v in m.fields.items() if k != "_" and k is not None}
            fields.update(m.pattern.fixed)
            fields["_classes"] = m.classes
            if m.pattern.norm == "duration" and any(rx.match(text, start) for rx in self.age_not_time):
                continue  # a person's age (`die 35-jährige Frau`, `a 62-year-old envoy`), not a time
            if (
                fields.get("year_from_rel")
                and not fields.get("anaphoric")
                and not _ANAPHORIC_REL.search(text, start, end)
            ):
                # `nächsten Jahres`, not `des folgenden Jahres`, `desselben Jahres`, `jenes Jahres`
                fields["_deictic_rel"] = True
            partial = collect_date(fields) if m.pattern.norm == "date" else None
            if m.pattern.norm == "date" and partial is None:
                continue  # names no real day (`31. Februar`)
            tense = self._tense(text, tokens, first, sentences[sent_index], start, end) if sentences else "present"
            if tense == "past" and self._planned_month(text, sentences[sent_index], partial, start, end):
                tense = "planned"
            if m.pattern.norm == "ahead" and tense not in ("future", "now") and first + 1 < m.end:
                start = tokens[first + 1].start  # `in zwei Wochen` not told ahead: the stretch alone
            narrated = tense == "future" and self._narrated(text, sentences[sent_index], start, end)
            items.append(_Item(m, start, end, fields, partial, sent_index, tense, narrated))
        return items

    def _planned_month(self, text: str, sentence: Sentence, partial: Partial | None, start: int, end: int) -> bool:
        """Whether a month or season without a year, told in the past, dates what a verb that looks
        ahead announced rather than the announcement (``kündigte einen Besuch im Mai an``,
        ``vereinbarten ein weiteres Treffen im Herbst``): such a verb stands before it in its clause,
        and a noun (the event planned) right before its preposition. It then takes the nearest such
        month (the plan may be carried out by now, or not yet); an announcement dated by its month
        stands next to the verb (``kündigte im Februar an``)."""
        if partial is None or partial.year is not None or partial.day is not None:
            return False
        if partial.month is None and partial.season is None:
            return False
        lo, _ = clause_of(text, sentence.start, sentence.end, start, end)
        before = list(_WORD.finditer(text, lo, start))
        if len(before) < 3:
            return False
        prospective = self.tense_rules.prospective
        if self.planned_noun_capitalised:
            if not before[-2].group(0)[:1].isupper():
                return False
            return any(w.group(0).lower() in prospective for w in before[:-2])
        # a language that does not capitalise its nouns: the verb at least PLANNED_GAP words back
        # (``invited him to a summit in Riga in the spring``, not ``announced in March``)
        return any(w.group(0).lower() in prospective for w in before[: -PLANNED_GAP - 1])

    def _narrated(self, text: str, sentence: Sentence, start: int, end: int) -> bool:
        """Whether a future expression is a future seen from a narrated past: a past-tense cue in
        its own clause (``bis zum 4. Juni evakuiert werden konnten``), or a past form of a verb that
        looks ahead before it (``Burnside beabsichtigte, im Januar ... zu umgehen``). A past verb in
        another clause is not enough (``fand am 2. Mai 2016 statt, ein weiteres soll im Oktober
        folgen`` looks ahead from the present)."""
        lo, hi = clause_of(text, sentence.start, sentence.end, start, end)
        for c in self._cues(text, sentence):
            if c.tense != "past" or c.kind != "verb":
                continue
            if lo <= c.offset < hi:
                return True
            word = _WORD.match(text, c.offset)
            if c.offset < start and word is not None and word.group(0).lower() in self.tense_rules.prospective:
                return True
        return False

    def _tense(self, text: str, tokens: list[Token], first: int, sentence: Sentence, start: int, end: int) -> str:
        """The expression's tense: a direction word right before it (``seit``), else its clause's
        nearest cue, else its sentence's (see :mod:`newsgraph.timex.tense`). An article between the
        word and the expression does not matter (``seit dem 3. Mai``)."""
        k = first - 1
        if k > 0 and (tokens[k].lower,) in self.articles:
            k -= 1
        if k > 0 and tokens[k].lower in self.tense_rules.before_skip:
            k -= 1  # `zuletzt im Mai`: the preposition that merely locates it
        fixed = self.tense_rules.before.get(tokens[k].lower) if k >= 0 else None
        clause = clause_of(text, sentence.start, sentence.end, start, end)
        if fixed == "future" and any(
            c.tense == "present" and clause[0] <= c.offset < clause[1] for c in self._cues(text, sentence)
        ):
            # `war für Montag geplant`, `had been scheduled for Tuesday`: a plan told in the past,
            # its day on either side of the reference date (see ``either_way`` in [tense])
            return "present"
        if fixed in ("past", "future"):
            return fixed
        if k >= 0 and tokens[k].lower in self.target_preps and self._retargeted(text, clause):
            # `verschob die Reise auf Freitag`, `postponed the vote to Friday`: the new date lies
            # ahead of the rescheduling, whatever its tense
            return "future"
        if self._fronted_before_preterite(text, sentence, start, end):
            return "past"
        tense = tense_at(
            self._cues(text, sentence),
            start,
            end,
            text=text,
            clause=clause,
            preceding_first=self.tense_rules.preceding_first,
        )
        if fixed == "start" and tense == "past" and self._state_passive(text, sentence, clause):
            # ``ab dem 1. Januar 2013 verboten ist``: ``ist`` + participle with no preterite in the
            # clause is the state that begins then (a Zustandspassiv), not a perfect
            return "future"
        if fixed == "start" and tense in ("future", "now"):
            # the first day of a state told in the present or future (``ab Montag gelten``, ``ab dem
            # 1. Juli ... verheizt werden darf``) lies ahead; told in the past (``ab August 2023 war er
            # Botschafter``), or without any cue (a narrative's ``drang ab dem 13. Juli ... vor``), it
            # keeps its clause's reading
            return "future"
        return tense

    def _retargeted(self, text: str, clause: tuple[int, int]) -> bool:
        """Whether the clause reschedules (``verschob``, ``vertagt``, ``postponed``): a verb of
        :attr:`target_verbs` stands in it."""
        return any(w.group(0).lower() in self.target_verbs for w in _WORD.finditer(text, clause[0], clause[1]))

    def _state_passive(self, text: str, sentence: Sentence, clause: tuple[int, int]) -> bool:
        """Whether the clause's past comes only from participles beside a present ``sein``
        (``verboten ist``): every past cue in it is a participle, and a state auxiliary stands in it."""
        rules = self.tense_rules
        words = [w.group(0) for w in _WORD.finditer(text, clause[0], clause[1])]
        if not any(w.lower() in rules.state_aux for w in words):
            return False
        past = [c for c in self._cues(text, sentence) if clause[0] <= c.offset < clause[1] and c.tense == "past"]
        for c in past:
            word = _WORD.match(text, c.offset)
            if word is None or rules.participle is None or not rules.participle.match(word.group(0).lower()):
                return False
        return bool(past)

    def _fronted_before_preterite(self, text: str, sentence: Sentence, start: int, end: int) -> bool:
        """Whether the expression opens its sentence (``Am Tag der Arbeit``, after at most a
        preposition and an article) and the word right after it is a weak preterite the morphology
        gave no tense (``Am Tag der Arbeit demonstrierten Tausende``: read as an adjective of the
        noun after it). German puts the finite verb right after the first constituent, so that word
        is the clause's verb, and it is past."""
        if self.v2_preterite is None:
            return False
        before = _WORD.findall(text, sentence.start, start)
        if len(before) > 2 or any(w[:1].isupper() for w in before[1:]):
            return False
        if re.search(r"[,;:–—-]", text[sentence.start : start]):
            return False
        nxt = re.compile(r"\s+(\w+)").match(text, end)
        if nxt is None:
            return False
        word = nxt.group(1)
        low = word.lower()
        if not word.islower() or low in self.v2_not_preterite or low in self.tense_rules.present_not_past:
            return False
        if not self.v2_preterite.match(low):
            return False
        return not any(c.offset == nxt.start(1) for c in self._cues(text, sentence))

    def _cues(self, text: str, sentence: Sentence) -> list[Cue]:
        if sentence.cues is None:
            if sentence.words is not None:
                sentence.cues = self.tense_rules.cues(sentence.words())
            else:
                sentence.cues = self.cues_for_text(text[sentence.start : sentence.end], sentence.start)
        return sentence.cues

    def _coordinate(self, tokens: list[Token], items: list[_Item]) -> None:
        """`16. bis 18. Juni`, `Mai/Juni 1940`: a member missing month or year borrows it from the
        next member of the coordination (right to left, so chains propagate). A lone day after a
        date (`June 15 to 17`) borrows month and year from the member before it."""
        starts = {t.start: i for i, t in enumerate(tokens)}
        ends = {t.end: i for i, t in enumerate(tokens)}
        for a, b in itertools.pairwise(items):
            pa, pb = a.partial, b.partial
            if pa is None or pb is None or pa.month is None or pb.day is None or pb.month is not None:
                continue
            if self._joined(tokens, a, b, starts, ends):
                pb.month, pb.year, pb.era = pa.month, pb.year if pb.year is not None else pa.year, pa.era
        for a, b in zip(reversed(items[:-1]), reversed(items[1:]), strict=True):
            pa, pb = a.partial, b.partial
            if pa is None or pb is None:
                continue
            if pa.year is not None:
                if pa.era is None and pb.era == "BC" and pa.month is None and self._joined(tokens, a, b, starts, ends):
                    pa.era = "BC"  # `264–260 v. Chr.`
                continue
            if (
                pa.season is not None
                and pb.year is not None
                and pb.month is None
                and pb.season is None
                and ends.get(a.end) is not None
                and starts.get(b.start) == ends[a.end] + 1
            ):
                pa.year, pa.era = pb.year, pb.era  # `Frühjahr 479 v. Chr.`: the season of the year after it
                continue
            if not self._joined(tokens, a, b, starts, ends):
                continue
            if pa.day is not None and pa.month is None:
                if pb.month is None:
                    continue
                pa.month = pb.month
            if pa.month is not None or pa.season is not None:
                pa.year, pa.era = pb.year, pb.era

    def _joined(self, tokens: list[Token], a: _Item, b: _Item, starts: dict[int, int], ends: dict[int, int]) -> bool:
        """Whether only one or two coordinating tokens (`bis`, `/`, `und`, `–`) stand between a and b."""
        i, j = ends.get(a.end), starts.get(b.start)
        if i is None or j is None or not 1 <= j - i - 1 <= 2:
            return False
        return all(tokens[k].lower in self.coord for k in range(i + 1, j))

    def _infer(
        self,
        text: str,
        tokens: list[Token],
        items: list[_Item],
        today: dt.date,
        claims: list[OfficeClaim] | None = None,
        url: str | None = None,
        sentences: list[Sentence] | None = None,
    ) -> tuple[Reference, str, str]:
        ties: list[WeekdayTie] = []
        for k, it in enumerate(items):
            wd = to_int(it.fields.get("weekday"))
            p = it.partial
            if it.match.pattern.norm == "date" and wd and p and p.year is None and p.month and p.day:
                ties.append(WeekdayTie(wd, p.month, p.day, text[it.start : it.end], it.tense == "past"))
                continue
            if self._apposition_tie(text, items, k):  # `am 24. Mai, einem Montag`, `on May 24, a Monday`
                nxt_wd = to_int(items[k + 1].fields.get("weekday"))
                ties.append(
                    WeekdayTie(nxt_wd, p.month, p.day, text[it.start : items[k + 1].end], it.tense == "past")  # type: ignore[arg-type,union-attr]
                )
                continue
            if it.match.pattern.norm != "weekday" or wd is None or k + 1 >= len(items):
                continue
            nxt = items[k + 1]
            q = nxt.partial
            gap = text[it.end : nxt.start]
            gap_words = [w for w in gap.replace("[", " [ ").replace("(", " ( ").replace(",", " , ").split()]
            if (
                q is not None
                and q.year is None
                and q.month
                and q.day
                and len(gap_words) <= 2
                and all(w.lower() in _TIE_GAP for w in gap_words)
            ):
                closing = text[nxt.end : nxt.end + 1] if text[nxt.end : nxt.end + 1] in (")", "]") else ""
                ties.append(WeekdayTie(wd, q.month, q.day, text[it.start : nxt.end] + closing, it.tense == "past"))
        # a count of years back (``vor 20 Jahren, im Mai 2004``) puts its sentence in the past, not in
        # the article's present (its year is evidence only through the count, see _anniversaries)
        present = {
            it.sentence
            for it in items
            if self._deictic(it) and not (it.match.pattern.norm == "ago" and it.fields.get("unit") in ("Y", "DE"))
        }
        evidence = [
            DateEvidence(
                text[it.start : it.end], it.partial, to_int(it.fields.get("weekday")), it.tense, it.sentence in present
            )
            for it in items
            if it.partial is not None
        ]
        stated = (dates_in_url(url) if url else []) + self._stated(text, items)
        events = self._event_bounds(text, sentences, items)
        loose = self._loose_ties(text, items, ties)
        return infer_reference(
            ties,
            evidence,
            today,
            claims,
            loose,
            stated,
            events,
            anniversaries=self._anniversaries(text, items) + self._ordinal_anniversaries(text, items, sentences),
        )

    def _ordinal_anniversaries(
        self, text: str, items: list[_Item], sentences: list[Sentence] | None
    ) -> list[tuple[int, str, bool]]:
        """Years an ordinal anniversary gives (``zum 60. Jahrestag der Aufnahme diplomatischer
        Beziehungen 1964``): in a sentence that names exactly one year, that year plus the number is
        the year the anniversary falls in, the article's year (``exact``, like a count back)."""
        if not sentences or not self.anniversary_phrases:
            return []
        out: list[tuple[int, str, bool]] = []
        starts = [s.start for s in sentences]
        for rx in self.anniversary_phrases:
            for m in rx.finditer(text):
                k = bisect.bisect_right(starts, m.start()) - 1
                years = {
                    it.partial.year
                    for it in items
                    if it.sentence == k
                    and it.partial is not None
                    and it.partial.year is not None
                    and it.partial.era is None
                }
                n = int(m.group("n"))
                if len(years) == 1 and n > 0:
                    (year,) = years
                    out.append((year + n, f"{m.group(0)} … {year}", True))
        return out

    @staticmethod
    def _anniversaries(text: str, items: list[_Item]) -> list[tuple[int, str, bool]]:
        """Years the text counts back to from its own (``Vor 20 Jahren, im Mai 2004, ...``, ``twenty
        years ago, in 2004``): a whole number of years before the reference date and one explicit year
        in the same sentence give the article's year, that year plus the number (``exact``, the third
        value). An approximate count (``vor fast 20 Jahren``, ``vor rund 20 Jahren``; ``genau`` is
        exact) gives only a lower bound: that year plus the number, less one (``fast``) or two. A
        sentence with several years gives nothing."""
        out: list[tuple[int, str, bool]] = []
        slack = {None: 0, "EQUAL": 0, "MORE_THAN": 0, "EQUAL_OR_MORE": 0, "LESS_THAN": 1, "APPROX": 2}
        for it in items:
            if it.match.pattern.norm != "ago" or "AFTER_WORD" in it.fields.get("_classes", ()):
                continue
            n = to_int(it.fields.get("n"))
            mod = mod_of(it.fields)
            if it.fields.get("unit") != "Y" or n is None or mod not in slack:
                continue
            years = {
                other.partial.year
                for other in items
                if other.sentence == it.sentence
                and other.partial is not None
                and other.partial.year is not None
                and other.partial.era is None
            }
            if len(years) == 1:
                (year,) = years
                exact = mod in (None, "EQUAL")
                out.append((year + n - slack[mod], f"{text[it.start : it.end]} … {year}", exact))
        return out

    def _recent_perfect(self, text: str, sentence: Sentence) -> bool:
        """Whether the sentence tells its past in the perfect only (``hat ... genannt``): the recent
        past of the report's own day, unlike the past perfect (``hatte ... gewarnt``) of a look back."""
        words = {w.lower() for w in _WORD.findall(text, sentence.start, sentence.end)}
        rules = self.tense_rules
        return bool(words & rules.perfect_aux) and not words & (rules.pluperfect_aux | rules.past)

    def _count_to(self, text: str, items: list[_Item], start: int) -> tuple[int, str, int] | None:
        """(days, ``before``/``after``, where the count starts) when a count of days or weeks stands
        right before a summit named at ``start`` (``Drei Tage nach dem Gipfel``, ``Einen Tag vor dem
        Treffen``, ``three days after the Alaska summit``): only a preposition, an article and one
        name between."""
        for it in items:
            if not 0 <= start - it.end <= 40 or it.match.pattern.norm not in ("duration", "ago"):
                continue
            n, unit = to_int(it.fields.get("n")), it.fields.get("unit")
            if n is None or unit not in ("D", "W") or "AFTER_WORD" in it.fields.get("_classes", ()):
                continue
            words = [w.lower() for w in _WORD.findall(text[it.start : start])][-4:]
            names = [w for w in _WORD.findall(text[it.end : start]) if w[:1].isupper()]
            way = "before" if set(words) & self.event_before else "after" if set(words) & self.event_after else None
            if way is None or len(names) > 1 or len(_WORD.findall(text[it.end : start])) > 4:
                continue
            return n * (7 if unit == "W" else 1), way, it.start
        return None

    def _event_bounds(self, text: str, sentences: list[Sentence] | None, items: list[_Item]) -> list[EventBound]:
        """Bounds on the reference date from the dated summits the text names
        (:mod:`newsgraph.timex.named_events`): told in the past, or after ``nach``/``seit``, the
        article is not older than the summit's first day; told as to come, or after ``vor``, not
        younger than its last. A look back told in the past with ``vor`` (``Vor dem Gipfel hatte
        er gewarnt``) and a mention without tense or preposition give nothing. A count before the
        summit in a clause about the report's now (``Drei Tage nach dem Gipfel in Alaska richtet
        sich der Blick ...``) gives the day itself (``exact``)."""
        if not sentences:
            return []
        spans = [(s.start, s.end) for s in sentences]
        out: list[EventBound] = []
        for mention in find_mentions(text, spans):
            sentence = next((s for s in sentences if s.start <= mention.start < s.end), None)
            if sentence is None:
                continue
            clause = clause_of(text, sentence.start, sentence.end, mention.start, mention.end)
            tense = tense_at(
                self._cues(text, sentence),
                mention.start,
                mention.end,
                text=text,
                clause=clause,
                preceding_first=self.tense_rules.preceding_first,
            )
            before = {w.lower() for w in _WORD.findall(text[max(clause[0], mention.start - 25) : mention.start])}
            ahead, behind = bool(before & self.event_before), bool(before & self.event_after)
            if tense == "past" and ahead and self._recent_perfect(text, sentence):
                tense = "present"  # `Einen Tag vor dem Treffen ... hat Moskau ... genannt`: the report's now
            label = f"{mention.text} … {mention.place}" if mention.place not in mention.text else mention.text
            event = mention.event
            count = self._count_to(text, items, mention.start)
            if count is not None and tense not in ("past", "future"):
                days, way, began = count
                day = event.end + dt.timedelta(days=days) if way == "after" else event.start - dt.timedelta(days=days)
                words = text[began : mention.end]
                out.append(EventBound("exact", day, words if mention.place in words else f"{words} … {mention.place}"))
                continue
            near = self._deictic_beside(text, items, mention, sentence)
            if near is not None:
                # `the G7 summit in Apulia later this week`: the summit lies in the article's own days
                margin = dt.timedelta(days=NEAR_DAYS)
                out.append(EventBound("after", event.start - margin, label, near=repr(near), days=NEAR_DAYS))
                out.append(EventBound("before", event.end + margin, label, near=repr(near), days=NEAR_DAYS))
            if tense in ("now", "present") and not ahead and not behind and self._headline(text, mention.start):
                # `Gipfel in Alaska endet ohne Waffenruhe` (or without a verb): the news of the article's days
                margin = dt.timedelta(days=HEADLINE_DAYS)
                out.append(EventBound("after", event.start - margin, label, near="the headline", days=HEADLINE_DAYS))
                out.append(EventBound("before", event.end + margin, label, near="the headline", days=HEADLINE_DAYS))
            elif tense == "future" or (tense != "past" and ahead and not behind):
                out.append(EventBound("before", event.end, label))
            elif (tense == "past" and not ahead) or (tense != "future" and behind and not ahead):
                out.append(EventBound("after", event.start, label))
        return out

    def _deictic_beside(self, text: str, items: list[_Item], mention: EventMention, sentence: Sentence) -> str | None:
        """The words of a time counted from the article's own day (a bare weekday, ``kommende
        Woche``, ``later this week``, ``morgen``) that stands right beside a summit the text names:
        after its place with at most a preposition or two between (``the G7 summit in Apulia later
        this week``, ``beim Nato-Gipfel in Vilnius am Dienstag``), or before its words with only
        ``summit_link`` words between (``reist kommende Woche zum Nato-Gipfel``); None when there is
        none (another time may date another happening: ``sprach am Montag über den Gipfel in Rio``)."""
        place_at = text.find(mention.place, mention.start, sentence.end) if mention.place else -1
        after = place_at + len(mention.place) if place_at >= 0 else mention.end
        for it in items:
            if not sentence.start <= it.start < sentence.end or not self._deictic(it):
                continue
            if after <= it.start and it.start - after <= 20 and len(_WORD.findall(text[after : it.start])) <= 2:
                return text[it.start : it.end]
            between = (
                [w.lower() for w in _WORD.findall(text[it.end : mention.start])] if it.end <= mention.start else []
            )
            if it.end <= mention.start and len(between) <= 2 and all(w in self.summit_link for w in between):
                return text[it.start : it.end]
        return None

    @staticmethod
    def _deictic(it: _Item) -> bool:
        """Whether the expression counts from the reference date by its words alone: a bare
        weekday, this or a neighbouring week or day (``kommende Woche``, ``later this week``,
        ``morgen``); not a date, a month or an anaphoric count."""
        norm = it.match.pattern.norm
        if norm == "weekday":
            return True
        if norm == "relative":
            rel = to_int(it.fields.get("rel"))
            return (
                not it.fields.get("anaphoric")
                and it.fields.get("unit") in ("W", "D", "WE")
                and (rel is None or -1 <= rel <= 1)
            )
        return norm == "deixis"

    @staticmethod
    def _headline(text: str, at: int) -> bool:
        """Whether offset ``at`` lies in the article's headline: its first line, followed by a line
        break, with no sentence end inside (a title, not a first paragraph)."""
        start = len(text) - len(text.lstrip())
        end = text.find("\n", start)
        if end < 0 or not start <= at < end:
            return False
        return re.search(r"[.!?](?:\s|$)", text[start:end].rstrip()) is None and end - start <= HEADLINE_CHARS

    def _apposition_tie(self, text: str, items: list[_Item], k: int) -> bool:
        """Whether item ``k``, a day of a month without a year, is followed by its weekday in
        apposition (``am 24. Mai, einem Montag``; ``on May 24, a Monday``): only a comma and an
        indefinite article (``[reference] apposition_words``) between."""
        it = items[k]
        p = it.partial
        if it.match.pattern.norm != "date" or p is None or p.year is not None or not (p.month and p.day):
            return False
        if k + 1 >= len(items):
            return False
        nxt = items[k + 1]
        if nxt.match.pattern.norm != "weekday" or to_int(nxt.fields.get("weekday")) is None:
            return False
        if "offset" in nxt.fields or "rel" in nxt.fields:
            return False
        gap = text[it.end : nxt.start].replace(",", " , ").split()
        return bool(gap) and gap[0] == "," and all(w.lower() in self.apposition_words for w in gap[1:])

    def _is_report(self, items: list[_Item], reference: Reference) -> bool:
        """Whether the text reports (its look backs are short) rather than narrates a past: it counts
        days from its reference date (``gestern``, ``am Montag``, ``vor zwei Wochen``), or it names
        fewer than :data:`HISTORY_YEARS` distinct years far from the reference year (a history
        names many: ``1861``, ``1862``, ``1863``; a short report one look back)."""
        if any(self._counts_days(it) for it in items):
            return True
        ref_year = reference.known_year
        far = {
            (it.partial.era, it.partial.year)
            for it in items
            if it.partial is not None
            and it.partial.year is not None
            and (it.partial.era is not None or ref_year is None or abs(it.partial.year - ref_year) >= FAR_YEARS)
        }
        return len(far) < HISTORY_YEARS

    @staticmethod
    def _counts_days(it: _Item) -> bool:
        """Whether the expression counts days or weeks from the reference date (``gestern``, ``am
        Montag``, ``heute Abend``, ``vergangene Woche``, ``vor drei Tagen``), as reports do and
        histories do not (``heute`` and ``Ende des Jahres`` are common in both)."""
        norm, fields = it.match.pattern.norm, it.fields
        if norm in ("weekday", "weekday_of_week", "night_to"):
            return True
        if norm == "deixis":
            return bool(to_int(fields.get("offset")) or fields.get("part"))
        if norm == "relative" and not fields.get("anaphoric"):
            unit = fields.get("unit")
            return unit in ("W", "WE") or (unit == "D" and bool(to_int(fields.get("rel"))))
        if norm == "ago":
            return "AFTER_WORD" not in fields.get("_classes", ()) and fields.get("unit") in ("D", "W")
        return False

    def _advance(
        self, text: str, items: list[_Item], reference: Reference, reason: str, today: dt.date
    ) -> tuple[Reference, str]:
        """An inferred reference that is a day the text tells in the past is a lower bound: a report
        that also tells bare weekdays in the past (``Biden hatte Xi am Dienstagabend ...``; ``wies
        die Äusserungen am Mittwoch zurück``) was written on the latest of them, counted forward from
        that day (``bei ihrem Treffen am Montag [19. Juni] hatten ...``: Tuesday the 20th, Wednesday
        the 21st). A weekday told in the future, with a direction of its own (``letzten Samstag``)
        or after a word that puts it earlier (``bereits am Samstag``) does not move it."""
        bound = reference.date
        if bound is None or not reference.lower_bound:
            return reference, reason
        later: list[tuple[dt.date, str]] = []
        for it in items:
            wd = to_int(it.fields.get("weekday"))
            if it.match.pattern.norm != "weekday" or wd is None or it.tense != "past":
                continue
            if "offset" in it.fields or "rel" in it.fields:
                continue
            before = [w.lower() for w in _WORD.findall(text[max(0, it.start - 30) : it.start])][-2:]
            if self.earlier_words & set(before):
                continue  # `bereits am Samstag`: before the others
            day = bound + dt.timedelta(days=(wd - bound.isoweekday()) % 7)
            if day <= today:
                later.append((day, text[it.start : it.end]))
        if not later or max(later)[0] == bound:
            return reference, reason
        day, words = max(later)
        return (
            Reference(date=day, lower_bound=True),
            f"{reason}; the report tells a later weekday in the past ({words!r}), counted forward from that "
            f"day: reference = {day.isoformat()}",
        )

    @staticmethod
    def _deictic(it: _Item) -> bool:
        """Whether the expression counts from the reference date (``gestern``, ``am Montag``, ``diese
        Woche``, ``vor zwei Tagen``): its sentence is about the article's present. Not anaphoric ones
        (``zwei Tage später``, ``am selben Tag``), which count from a date the text named."""
        norm = it.match.pattern.norm
        if norm in ("weekday", "deixis"):
            return True
        if norm == "relative":
            return not it.fields.get("anaphoric") and "unit" in it.fields
        if norm == "ago":
            return "AFTER_WORD" not in it.fields.get("_classes", ()) and it.fields.get("n") != "X"
        return False

    def _stated(self, text: str, items: list[_Item]) -> list[StatedDate]:
        """Dates the page states about itself: byline or time stamp lines (a short line holding a
        full date and otherwise only byline words, clock times and punctuation, or opening with a
        byline word), and a dateline among the first lines (see :data:`_DATELINE_BEFORE`)."""
        out: list[StatedDate] = []
        starts = [it.start for it in items]  # items are in text order
        for it in items:
            p = it.partial
            if p is None or p.month is None or p.day is None or p.era is not None or p.season is not None:
                continue
            line_start = text.rfind("\n", 0, it.start) + 1
            line_end = text.find("\n", it.end)
            line_end = len(text) if line_end < 0 else line_end
            line = text[line_start:line_end].strip()
            short = len(line) <= BYLINE_CHARS
            on_line = items[bisect.bisect_left(starts, line_start) : bisect.bisect_left(starts, line_end)]
            if short and p.year is not None and self._is_byline(text, line_start, line_end, on_line, it):
                out.append(StatedDate("byline", line, p.year, p.month, p.day))
                continue
            if line_start > DATELINE_CHARS or not _DATELINE_BEFORE.fullmatch(text, line_start, it.start):
                continue
            after = _DATELINE_AFTER.match(text, it.end, line_end)
            if after is not None and sum(1 for ln in text[:line_start].split("\n") if ln.strip()) < DATELINE_LINES:
                out.append(StatedDate("dateline", text[line_start : after.end()].strip(), p.year, p.month, p.day))
        return out

    def _is_byline(self, text: str, line_start: int, line_end: int, items: list[_Item], date: _Item) -> bool:
        """A short line is a byline or time stamp when, besides dates and clock times, it holds only
        byline words, or opens with one (``Von Anna Muster``), or its date is followed by a clock
        time (``Gipfel in Genf | 12.05.2021, 19:43``): nobody writes an event's date that way."""
        clock = next((o for o in items if o.match.pattern.norm == "clock" and o.start >= date.end), None)  # on the line
        if clock is not None and clock.start < line_end and not _WORD.search(text, date.end, clock.start):
            return True
        pieces, cursor = [], line_start
        for other in items:
            pieces.append(text[cursor : max(cursor, other.start)])
            cursor = max(cursor, other.end)
        pieces.append(text[cursor:line_end])
        words = [w.lower() for w in _WORD.findall(" ".join(pieces))]
        if not words or all(w in self.byline_words for w in words):
            return True
        opening = _WORD.match(text[line_start:line_end].lstrip())
        return opening is not None and opening.group(0).lower() in self.byline_openers

    @staticmethod
    def _loose_ties(text: str, items: list[_Item], ties: list[WeekdayTie]) -> list[list[WeekdayTie]]:
        """Per bare weekday (``am Montag``, not ``nächsten Montag``), the yearless days of a month in
        its sentence (``am 18. und 19. Juni``) told in the same tense: the weekday may be one of
        them. Weak evidence (a weekday and a day of another event share a sentence too, and a year
        in seven agrees by chance; a different tense says they are different days); the inference
        uses it only inside the terms of office (see :mod:`newsgraph.timex.reference`)."""
        if ties:
            return []
        groups: list[list[WeekdayTie]] = []
        for it in items:
            wd = to_int(it.fields.get("weekday"))
            if it.match.pattern.norm != "weekday" or wd is None or "offset" in it.fields or "rel" in it.fields:
                continue
            days = [
                other
                for other in items
                if other.sentence == it.sentence
                and (other.tense == "past") == (it.tense == "past")
                and other.partial is not None
                and other.partial.year is None
                and other.partial.month
                and other.partial.day
            ]
            group = [
                WeekdayTie(
                    wd,
                    d.partial.month,  # type: ignore[union-attr,arg-type]
                    d.partial.day,  # type: ignore[union-attr,arg-type]
                    f"{text[it.start : it.end]} … {text[d.start : d.end]}",
                    past=it.tense == "past",
                )
                for d in days
            ]
            if group:
                groups.append(group)
        return groups

    @staticmethod
    def _narrative_year(history: list[int], heading_year: int | None = None) -> int:
        """The year the story is in: the explicit years of recent expressions, the latest counting
        most (a flashback `1870` or a look ahead `1915` does not move a story told in 1914), and the
        year heading the section, if any, :data:`HEADING_BONUS` more."""
        scores: dict[int, float] = {}
        weight = 1.0
        for year in reversed(history[-WINDOW:]):
            scores[year] = scores.get(year, 0.0) + weight
            weight *= DECAY
        if heading_year is not None:
            scores[heading_year] = scores.get(heading_year, 0.0) + HEADING_BONUS
        return max(scores, key=lambda y: scores[y])

    def _resolve(
        self,
        text: str,
        items: list[_Item],
        reference: Reference,
        narrative: bool,
        sentences: list[Sentence] | None = None,
    ) -> list[TaggedTime]:
        """Value each item in text order, carrying the anchors forward: the last date named (for
        `am Abend`, `zwei Tage später`, clock times), the narrative year, the day of the sentence.

        Outside the ``narrative`` override each expression decides which anchor it hangs on
        (:meth:`_in_passage`): a date without a year, a part of the day, ``zwei Tage später`` or a
        clock time takes the year (and day) of the passage it stands in when that passage is about
        another year than the reference date's (``Bereits am 19. Mai 2020 hatten ... Am 24. Mai
        ...``, a history text's ``am 3. September``); otherwise the reference date, by tense."""
        out: list[TaggedTime] = []
        anchor: Partial | None = None  # the last date with a year named or resolved
        # the passage's date: the last one the text names with its year, or one resolved from it
        # (not one resolved from the reference date); and (paragraph, sentence) where it stands
        passage: Partial | None = None
        passage_at = (-1, -1)
        anchor_day: dt.date | None = None  # the last day named near the reference date (news)
        anchor_day_at = -1  # its sentence
        report_day: dt.date | None = None  # the last day counted from the reference (`am Donnerstag`)
        passage_day: dt.date | None = None  # the last day named, wherever (a passage's own day)
        deixis_since = False  # an expression counted from the reference date came after the anchor
        sentence_day: dt.date | None = None
        current_sentence = -1
        history: list[int] = []
        heading_year: int | None = None  # the year heading the current section (a line of its own)
        days_in_sentence: dict[int, list[tuple[int, dt.date]]] = {}
        open_clocks: list[tuple[int, int]] = []  # clock times whose day comes later in the sentence
        breaks = [m.start() for m in _PARAGRAPH_BREAK.finditer(text)]
        reports = self._is_report(items, reference)
        heading_day: dt.date | None = None  # the day of the last line that names nothing but a date
        announced: tuple[dt.date, int, int] | None = None  # the last weekday told ahead: (day, paragraph, sentence)
        # the last week counted from the reference date other than its own (`kommende Woche`): its
        # Monday, paragraph and sentence
        week_told: tuple[dt.date, int, int] | None = None
        range_start: tuple[dt.date, int] | None = None  # the last bare weekday valued: (day, its end)
        month_told: tuple[int, int, int] | None = None  # the last month valued: (year, month, sentence)
        for it in items:
            if it.sentence != current_sentence:
                current_sentence, sentence_day = it.sentence, None
            stamp = not narrative and _ticker_stamp(text, it)
            if stamp:
                # a live ticker's entry opens with its time stamp: a new entry on the ticker's own day
                # (the day its last heading names, else the reference date), whatever the entry
                # before it told (``Gestern hatten sich ...``)
                sentence_day = heading_day or reference.date
                if sentence_day is not None:
                    anchor_day, anchor_day_at = sentence_day, it.sentence
            paragraph = bisect.bisect_right(breaks, it.start)
            back_reference = sentences is not None and self._refers_back(text, sentences[it.sentence])
            local = narrative or self._in_passage(
                it, passage, passage_at, (paragraph, it.sentence), deixis_since, reference, reports, back_reference
            )
            base = passage if local else anchor
            use_anchor = base
            if local and base is not None and base.era is None and history:
                year = self._narrative_year(history, heading_year)
                if year != base.year:
                    use_anchor = Partial(year, base.month)
            ctx = Context(
                reference=reference,
                narrative=local,
                tense=it.tense,
                anchor_day=(
                    passage_day
                    if local or (self._anaphoric(it) and passage_day is not None)
                    else self._news_day(it, anchor_day, anchor_day_at, report_day, narrative)
                )
                if use_anchor is base
                else None,
                anchor=use_anchor,
                sentence_day=sentence_day,
                extra={
                    "type": it.match.pattern.type,
                    # `Im Februar ... Am 24. des Monats`: the month the text told just before
                    "month_told": month_told[:2]
                    if month_told is not None and 0 <= it.sentence - month_told[2] <= 1
                    else None,
                },
            )
            norm = it.match.pattern.norm
            valued: Valued | None
            try:
                if norm == "date":
                    p = it.partial
                    valued = norm_date(
                        it.fields, ctx, Partial(p.year, p.month, p.day, p.era, p.part, p.season) if p else None
                    )
                else:
                    valued = NORMALISERS[norm](it.fields, ctx)
            except (ValueError, OverflowError):
                valued = None
            if valued is None:
                continue
            ahead = not local and self._announced_weekday(it) and reference.date is not None
            # a weekday without a verb of its own listed after one told ahead (`am Freitag trifft sie
            # Lula, am Sonntag Milei`) is told ahead too
            ahead = ahead or (
                not local
                and announced is not None
                and it.sentence == announced[2]
                and it.tense == "present"
                and self._announced_weekday(it, ("present",))
            )
            if ahead and announced is not None and announced[1] == paragraph and it.sentence - announced[2] <= 2:
                day = valued.point.as_date() if valued.point is not None else None
                onward = sentences is not None and self._tells_onward(text, sentences[it.sentence])
                listed = it.sentence == announced[2]
                if day is not None and announced[0] > day and (day == reference.date or onward or listed):
                    # `empfängt am Dienstag ... Am Mittwoch reist er weiter` on a Wednesday: once a
                    # preview has moved to a later day, the reference day's weekday is next week's,
                    # and so is any weekday the text tells as the next stop (`reist weiter`) or
                    # lists after it in the same sentence (`am Freitag trifft sie Lula, am Sonntag Milei`)
                    p = point_of(day + dt.timedelta(days=7), valued.point.part)  # type: ignore[union-attr]
                    valued = Valued(p.value(), valued.type, valued.mod, p)
            if (
                week_told is not None
                and week_told[1] == paragraph
                and 0 <= it.sentence - week_told[2] <= WEEK_TOLD_SENTENCES
                and self._bare_weekday(it)
                and valued.point is not None
                and (day := valued.point.as_date()) is not None
                and it.tense != "past"
                and week_told[0] > reference.date  # type: ignore[operator]
            ):
                # `Scholz reist kommende Woche nach Washington. Am Freitag trifft er Biden`: the
                # weekday of the week just told, not the nearest one (only ahead: in a report `am
                # Dienstag` after `vergangene Woche` is as often yesterday's news)
                moved = week_told[0] + dt.timedelta(days=day.isoweekday() - 1)
                if moved != day:
                    p = point_of(moved, valued.point.part)
                    valued = Valued(p.value(), valued.type, valued.mod, p)
            if (
                range_start is not None
                and self._bare_weekday(it)
                and valued.point is not None
                and (day := valued.point.as_date()) is not None
                and text[range_start[1] : it.start].strip().lower() in self.range_words
            ):
                # `von Dienstag bis Donnerstag`, `Friday through Sunday`: the range's end is the first
                # such weekday after its start, whichever way the tense points
                moved = range_start[0] + dt.timedelta(days=(day.isoweekday() - range_start[0].isoweekday()) % 7 or 7)
                if moved != day:
                    p = point_of(moved, valued.point.part)
                    valued = Valued(p.value(), valued.type, valued.mod, p)
            range_start = (
                (d, it.end)
                if self._bare_weekday(it) and valued.point is not None and (d := valued.point.as_date()) is not None
                else None
            )
            day = valued.point.as_date() if ahead and valued.point is not None else None
            if day is not None and day > reference.date:  # type: ignore[operator]
                announced = (day, paragraph, it.sentence)
            if not local and reference.date is not None and (week := self._week_counted(it, valued)) is not None:
                week_told = (week, paragraph, it.sentence)
            kind = valued.type if it.match.pattern.type == "DATE" else it.match.pattern.type
            out.append(
                TaggedTime(
                    it.start,
                    it.end,
                    text[it.start : it.end],
                    kind,
                    valued.value,
                    valued.mod,
                    it.match.pattern.name,
                    it.tense,
                )
            )
            if not local and (self._counts_days(it) or (reports and self._deictic(it))):
                deixis_since = True  # back in the present (in a history only days and weeks say so)
            if point_day := (valued.point.as_date() if valued.point is not None else None):
                days_in_sentence.setdefault(it.sentence, []).append((it.start, point_day))
            elif kind == "TIME" and valued.value and valued.value.startswith("XXXX-XX-XX"):
                open_clocks.append((len(out) - 1, it.sentence))
            point = valued.point
            # `die Deklaration von Paris von 1856`: a year that names a thing, not the story's time;
            # `Am 28. Oktober 1940 griffen Verbände von dem seit 1939 okkupierten Albanien aus an`: a
            # bare year after its sentence's own day is background to that day
            label = self._label_year(text, it) or (
                it.partial is not None
                and it.partial.year is not None
                and it.partial.month is None
                and it.partial.season is None
                and sentence_day is not None
                and sentence_day.year != it.partial.year
            )
            explicit = it.partial is not None and it.partial.year is not None and it.partial.era is None
            if label:
                pass
            elif explicit and it.partial.month is None and _alone_on_its_line(text, it):  # type: ignore[union-attr]
                # a section headed by its year (``1862`` on a line of its own): the story is in that
                # year from here on, whatever the section before it looked ahead to
                history = [it.partial.year] * HEADING_WEIGHT  # type: ignore[union-attr]
                heading_year = it.partial.year  # type: ignore[union-attr]
            elif explicit:
                history.append(it.partial.year)  # type: ignore[union-attr]
            elif local and point is not None and point.year is not None and point.era is None and self._moves_year(it):
                # `griff Rommel erst im nächsten Jahr wieder an. Am 26. Mai ...`: the story has moved
                # on a year, as firmly as a heading says so
                history.extend([point.year] * HEADING_WEIGHT)
            if point is not None and point.year is not None:
                anchor = point
                if point.month is not None and point.era is None:
                    month_told = (point.year, point.month, it.sentence)
                if not label and (local or (it.partial is not None and it.partial.year is not None)):  # BC years too
                    passage, passage_at, deixis_since = point, (paragraph, it.sentence), False
                day = point.as_date()
                if day is not None and norm == "night_to":
                    # `die Nacht zum Montag` begins on Sunday, but the story goes on into Monday: a
                    # later `am Morgen`, `am Nachmittag` is Monday's
                    day += dt.timedelta(days=1)
                if day is not None and _alone_on_its_line(text, it):
                    heading_day = day
                if day is not None:
                    sentence_day = passage_day = day
                    # in a news report, a day far from the reference date is background (``bei ihrem
                    # Treffen am 14. November 2022``): a later ``am Vormittag`` in another sentence
                    # belongs to the report's own days, so such a day anchors only its own sentence
                    # and its passage (see _in_passage)
                    if narrative or reference.date is None or abs((day - reference.date).days) <= NEWS_ANCHOR_DAYS:
                        anchor_day, anchor_day_at = day, it.sentence
                    if not local and self._counts_days(it):
                        report_day = day
                elif local and point.era is None and passage_day is not None and passage_day.year != point.year:
                    passage_day = None
        self._night_of_dates(text, out)
        for index, sentence in open_clocks:  # `at 4:45 p.m. on Monday`
            days = days_in_sentence.get(sentence)
            t = out[index]
            if days:
                day = min(days, key=lambda d: abs(d[0] - t.start))[1]
                t.value = day.isoformat() + t.value[len("XXXX-XX-XX") :]  # type: ignore[index]
            elif not narrative and reference.date is not None:
                # news without a day in the sentence: the day of publication (a live blog's `16:05 GMT`);
                # midnight told in the past (`trat um Mitternacht in Kraft`) is the one that began it
                clock = t.value[len("XXXX-XX-XX") :]  # type: ignore[index]
                if clock == "T24:00" and t.tense == "past":
                    clock = "T00:00"
                t.value = reference.date.isoformat() + clock
        return out

    def _night_of_dates(self, text: str, out: list[TaggedTime]) -> None:
        """``in der Nacht vom 16. auf den 17. April 1945``, ``the night of 19 to 20 March``: a part of
        the day followed by a pair of dates is the part of the first date's day (told before its
        dates, it had taken the day told earlier)."""
        if self.part_of_dates is None:
            return
        for a, b in itertools.pairwise(out):
            if a.pattern not in _DAYPART_PATTERNS or a.value is None or b.value is None:
                continue
            part = _PART.search(a.value)
            day = _DAY_VALUE.match(b.value)
            between = self.part_of_dates.fullmatch(text, a.end, b.start)
            if part is None or day is None or between is None:
                continue
            value = day.group(0)
            first = between.groupdict().get("day")
            if first:  # `vom 16. auf den 17. April`: the first day, in the second's month
                value = value[:-2] + f"{int(first):02d}"
                try:
                    dt.date.fromisoformat(value)
                except ValueError:
                    continue
            a.value = value + part.group(0)

    def _tells_onward(self, text: str, sentence: Sentence) -> bool:
        """Whether the sentence tells a next step of a sequence (``reist weiter``, ``anschließend``,
        ``then``): its day follows the day told before."""
        return self.onward_words is not None and bool(self.onward_words.search(text, sentence.start, sentence.end))

    def _refers_back(self, text: str, sentence: Sentence) -> bool:
        """Whether the sentence points back to the time just told (``damals``, ``at the time``): its
        dates without a year continue the look back before it."""
        if self.back_reference_words is None:
            return False
        return any(
            not (self.back_reference_not is not None and self.back_reference_not.match(text, m.start()))
            for m in self.back_reference_words.finditer(text, sentence.start, sentence.end)
        )

    def _label_year(self, text: str, it: _Item) -> bool:
        """Whether a bare year names a thing (``die Deklaration von Paris von 1856``, ``der Vertrag
        von 1999``): one of :attr:`label_year_before` right before it and a capitalised word before
        that, in the middle of its sentence."""
        p = it.partial
        if not self.label_year_before or p is None or p.year is None or p.month is not None or p.season is not None:
            return False
        before = _WORD.findall(text, max(0, it.start - 60), it.start)
        return (
            len(before) >= 2
            and before[-1] in self.label_year_before
            and before[-2][:1].isupper()
            and not re.search(r"[.!?]\s*$", text[max(0, it.start - 60) : it.start - len(before[-1]) - 1])
        )

    @staticmethod
    def _moves_year(it: _Item) -> bool:
        """Whether the expression moves the story on by whole years (``im nächsten Jahr``, ``im
        folgenden Jahr``): a year the story then is in. A count back (``zwei Jahre zuvor``, ``im
        Vorjahr``) is a look back that does not move it."""
        fields = it.fields
        return (
            it.match.pattern.norm == "relative"
            and fields.get("unit") == "Y"
            and (to_int(fields.get("rel")) or 0) > 0
            and fields.get("mod") is None
        )

    @staticmethod
    def _bare_weekday(it: _Item) -> bool:
        """A weekday with no direction or offset of its own (``am Freitag``, not ``nächsten Freitag``)."""
        return it.match.pattern.norm == "weekday" and it.fields.get("rel") is None and it.fields.get("offset") is None

    @staticmethod
    def _week_counted(it: _Item, valued: Valued) -> dt.date | None:
        """The Monday of a whole week counted from the reference date other than its own (``kommende
        Woche``, ``vergangene Woche``, ``next week``): None for anything else (``Ende der Woche``)."""
        if it.match.pattern.norm != "relative" or it.fields.get("unit") != "W" or it.fields.get("anaphoric"):
            return None
        if not to_int(it.fields.get("rel")) or valued.mod is not None:
            return None
        m = _ISO_WEEK.match(valued.value or "")
        return dt.date.fromisocalendar(int(m.group(1)), int(m.group(2)), 1) if m else None

    @staticmethod
    def _announced_weekday(it: _Item, tenses: tuple[str, ...] = ("future", "now")) -> bool:
        """A bare weekday told ahead (``reist am Mittwoch``): no ``nächsten``, no ``gestrigen``."""
        return (
            it.match.pattern.norm == "weekday"
            and it.tense in tenses
            and it.fields.get("rel") is None
            and it.fields.get("offset") is None
        )

    @staticmethod
    def _anaphoric(it: _Item) -> bool:
        """Whether the expression counts from the day the text told last, whatever its distance
        from the reference date (``drei Tage später``, ``tags darauf``, ``two days after that``):
        these words name no other anchor. A part of the day (``am Abend``) is not one of them: in a
        report it may be the report's own day (see :meth:`_news_day`)."""
        norm = it.match.pattern.norm
        return norm == "day_anaphor" or (norm == "ago" and "AFTER_WORD" in it.fields.get("_classes", ()))

    @staticmethod
    def _news_day(
        it: _Item, named: dt.date | None, named_at: int, report_day: dt.date | None, narrative: bool
    ) -> dt.date | None:
        """The day a part of the day or a clock time of a report hangs on outside its own sentence:
        a date the text named in this or the previous sentence, else the last day the report counted
        from its reference date (``am Donnerstag``: its own event's day), else the last date named.
        A date named further back may belong to another event (``erinnerte daran, dass sich am 6.
        Juni die Landung jähre. ... sagte Merz am Abend``)."""
        if narrative or named is None or report_day is None or it.sentence - named_at <= 1:
            return named
        return report_day

    @staticmethod
    def _in_passage(
        it: _Item,
        anchor: Partial | None,
        anchor_at: tuple[int, int],
        here: tuple[int, int],
        deixis_since: bool,
        reference: Reference,
        reports: bool,
        back_reference: bool = False,
    ) -> bool:
        """Whether ``it`` hangs on the passage's own date rather than the reference date.

        Only expressions that need a year or a day from their context do (a date without a year, a
        part of the day, ``zwei Tage später``, a clock time, ``Ende des Jahres``, ``heute`` as
        `nowadays`); ``gestern``, ``am Montag``, ``vergangene Woche`` always count from the reference
        date, and after one of them the text is back in its present. They do when the last date the
        text named (with its year, or resolved from one) has a year other than the reference
        date's (with no reference year, any year), nothing counted from the reference date came
        since, the clause is not about the future (``soll im Mai``: by tense from the reference
        date) unless its sentence narrates the past (``beabsichtigte, im Januar ... zu umgehen``),
        and that date stands near it: in a report (a text that counts days from its reference date,
        ``reports``), in the same paragraph and at most :data:`REPORT_SENTENCES` sentences before;
        in a text that never does (a history), in the same paragraph, or in an earlier one when it
        is at least :data:`FAR_YEARS` from the reference year. A sentence that points back to that
        time (``damals``, ``back_reference``) continues a report's look back like a narrated sequence."""
        norm = it.match.pattern.norm
        if norm == "date":
            if it.partial is None or it.partial.year is not None or it.partial.era is not None:
                return False
            if it.fields.get("year_from_rel"):
                # `im Mai nächsten Jahres` in a report counts from the reference date; `im Juni des
                # folgenden Jahres` always from the year just told
                if not it.fields.get("_deictic_rel"):
                    return anchor is not None and anchor.year is not None and anchor.era is None
                if reports:
                    return False
            if it.partial.month is None and it.partial.season is None and it.partial.day is None:
                return False
        elif norm == "year_part":
            # `in der zweiten Jahreshälfte` without a year: as a month without one
            if it.fields.get("year") or it.fields.get("this_year"):
                return False
        elif norm == "relative":
            # `Gegen Ende des Jahres`, `im selben Monat`: the year or month under discussion (in a
            # history also `im Vorjahr` in the sentence of its date, and `im Vorjahr`, `im nächsten
            # Jahr` wherever the passage's date stands: they count from the year the story is in);
            # `vergangene Woche`, `im vergangenen Jahr` count from the reference date
            rel = to_int(it.fields.get("rel"))
            onward = rel is not None and (rel > 0 or it.match.pattern.name == "previous_year")
            if not it.fields.get("anaphoric") and (
                it.fields.get("unit") not in ("Y", "M", "Q")
                or (rel and (reports or (anchor_at[1] != here[1] and not onward)))
            ):
                return False
        elif norm == "deixis":
            # `heute` in a history is `nowadays` (`bis heute`); in a report it is the reference day
            if reports or to_int(it.fields.get("offset")) or it.fields.get("part"):
                return False
        elif norm == "ago":
            if "AFTER_WORD" not in it.fields.get("_classes", ()):
                return False
        elif norm not in ("daypart", "day_anaphor", "clock"):
            return False
        if anchor is None or anchor.year is None:
            return False
        ref_year = reference.known_year
        if ref_year is None:
            return True
        if anchor.era is None and anchor.year == ref_year:
            return False
        far = anchor.era is not None or abs(anchor.year - ref_year) >= FAR_YEARS
        # a history's historical present or a plan inside its story (`Bereits am 8. November wird ...
        # übernommen`, `beraumte für den 23. Juni an`) is no future of the reference date: only a
        # report's (or a story near the reference year's) future counts from the reference date
        if deixis_since or (it.tense == "future" and not it.narrated and norm != "deixis" and (reports or not far)):
            return False
        if reports:  # a look back in a report: its own sentence, and a narrated sequence after it
            if anchor_at[0] == here[0] and here[1] - anchor_at[1] <= REPORT_SENTENCES:
                return True
            return _continues_look_back(it, anchor, anchor_at, here, back_reference)
        return anchor_at[0] == here[0] or far


#: a date named this many years or more from the reference year keeps anchoring dates without a
#: year across paragraphs (a history text), as long as nothing counted from the reference date
#: intervenes; a nearer one only within its paragraph
FAR_YEARS = 2
#: a text that never counts days from its reference date narrates a past (a history) when it names
#: at least this many distinct years far from the reference year
HISTORY_YEARS = 3
#: in a report, a look back anchors dates without a year in its own sentence and this many after it
#: (0: a report returns to its present with the next sentence, as in ``Am 17. Februar 2008 hatte
#: das Parlament ... proklamiert. X erklärte, was Serbien seit der Entscheidung im Dezember ...``)
REPORT_SENTENCES = 0
_PARAGRAPH_BREAK = re.compile(r"\n\s*\n")


#: a day without a year in the sentence after a look back's full date continues it (``Bereits am 19.
#: Mai 2021 hatten ... Am 24. Mai folgte ...``) when, in the look back's year, it lies this many days
#: or fewer after that date
SEQUENCE_DAYS = 31


def _continues_look_back(
    it: _Item, anchor: Partial, anchor_at: tuple[int, int], here: tuple[int, int], back_reference: bool = False
) -> bool:
    """Whether a day without a year, told in the past in the sentence right after a look back's date
    (same paragraph), continues the look back's story: in its year the day falls shortly after the
    look back's day, or inside its month or shortly after it when the look back names only a month
    (``Im Oktober 2019 ... traf er Putin am 12. Oktober``: a narrated sequence, :data:`SEQUENCE_DAYS`).
    A sentence that points back (``damals``, ``at the time``) continues it within
    :data:`BACK_REFERENCE_SENTENCES` sentences, whatever the day. A month alone (``seit der
    Entscheidung im Dezember``) or a day far from it returns to the report's present."""
    p = it.partial
    if it.match.pattern.norm != "date" or p is None or p.month is None or p.day is None or it.tense != "past":
        return False
    gap = here[1] - anchor_at[1]
    if anchor_at[0] != here[0] or anchor.era is not None or anchor.year is None:
        return False
    if not valid_day(anchor.year, p.month, p.day):
        return False
    if back_reference and 1 <= gap <= BACK_REFERENCE_SENTENCES:
        return True
    if gap != 1:
        return False
    day = dt.date(anchor.year, p.month, p.day)
    start = anchor.as_date()
    if start is not None:
        return 0 < (day - start).days <= SEQUENCE_DAYS
    if anchor.month is None or anchor.season is not None:
        return False
    first = dt.date(anchor.year, anchor.month, 1)
    return 0 <= (day - first).days < calendar.monthrange(anchor.year, anchor.month)[1] + SEQUENCE_DAYS


#: in a language without capitalised nouns, a month or season is planned (``invited him to a summit in
#: the spring``) when a verb that looks ahead stands at least this many words before its preposition
PLANNED_GAP = 3

_PART = re.compile(r"T(?:MO|AF|EV|NI|MI|DT)$")
#: the patterns of a bare part of the day (`in der Nacht`), which a following pair of dates may date
_DAYPART_PATTERNS = frozenset({"daypart_anaphoric"})
_DAY_VALUE = re.compile(r"^\d{4}-\d{2}-\d{2}")

#: a section's heading year keeps this much weight over the years named inside it (look aheads)
HEADING_BONUS = 2.0
#: a year heading a section counts as this many mentions of it in the story's year (see _narrative_year)
HEADING_WEIGHT = 3

#: a bare weekday this many sentences after a week counted from the reference date (``kommende Woche``)
#: falls in that week
WEEK_TOLD_SENTENCES = 1
_ISO_WEEK = re.compile(r"^(\d{4})-W(\d{2})$")

#: a sentence that points back (``damals``) continues a look back this many sentences after it
BACK_REFERENCE_SENTENCES = 2


#: relative words that count from the date just told, not from the reference date (`des folgenden Jahres`)
_ANAPHORIC_REL = re.compile(r"(?i)folgend|following|subsequent")

#: a headline is at most this long (a longer first line is a paragraph without a full stop)
HEADLINE_CHARS = 160

#: a clock time opening a line and followed by a colon (``14.05 Uhr:``, ``16:05:``): a live ticker's stamp
_STAMP_AFTER = re.compile(r"[ \t]*(?:Uhr|h|GMT|MEZ|MESZ|CET|CEST)?[ \t]*[:|–—-][ \t]")


#: what may stand right before the first word of a sentence
_SENTENCE_OPENERS = {".", "!", "?", ":", "„", '"', "«", "»", "–", "—", "-", "*", "•"}


def _word_pattern(words: list[str]) -> re.Pattern[str] | None:
    """A case-insensitive pattern for any of ``words`` as whole words (None for none)."""
    return re.compile(r"(?i)\b(?:" + "|".join(re.escape(w) for w in words) + r")\b") if words else None


def _at_sentence_start(text: str, tokens: list[Token], k: int) -> bool:
    """Whether token ``k`` opens a sentence or a line (``Morgen fliegt ...``)."""
    if k == 0:
        return True
    prev = tokens[k - 1]
    return "\n" in text[prev.end : tokens[k].start] or prev.text in _SENTENCE_OPENERS


def _line_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    return text.rfind("\n", 0, start) + 1, (text.find("\n", end) + 1 or len(text) + 1) - 1


def _ticker_stamp(text: str, it: _Item) -> bool:
    """Whether ``it`` is a clock time that opens its line and is followed by a colon or dash (a live
    ticker's entry: ``15.10 Uhr: Baerbock kündigt an ...``)."""
    if it.match.pattern.norm != "clock":
        return False
    line_start, _ = _line_bounds(text, it.start, it.end)
    return not text[line_start : it.start].strip() and bool(_STAMP_AFTER.match(text, it.end))


def _alone_on_its_line(text: str, it: _Item) -> bool:
    """Whether the line of ``it`` holds nothing but it and a weekday or punctuation (a ticker's or a
    diary's day heading: ``Freitag, 23. Februar``)."""
    line_start, line_end = _line_bounds(text, it.start, it.end)
    rest = (text[line_start : it.start] + " " + text[it.end : line_end]).strip(" \t,.:()–—-")
    return len(rest) <= 12 and not any(ch.isdigit() for ch in rest)


#: how far (days) from the reference date a named day may lie and still anchor part-of-day and
#: clock expressions of later sentences outside narrative mode
NEWS_ANCHOR_DAYS = 14


@cache
def tagger_for(lang: str) -> TimeTagger:
    """One shared tagger per language (the grammar is read-only)."""
    return TimeTagger(lang)
