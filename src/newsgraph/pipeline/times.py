"""``newsgraph_times``: temporal expressions, their TIMEX3 values and the reference date.

The work is done by :class:`newsgraph.timex.TimeTagger` (a data-driven grammar per language in
``resources/<lang>/times.toml``); this component feeds it the document's sentences and tense cues
(from the base pipeline's morphology when present, else from word lists) and writes:

* ``doc._.reference_date``: a :class:`ReferenceDate` — the publication date (``source="published"``)
  when ``doc._.published`` is a full date; when it is partial (``2021-05``, ``2021``: a feed that
  gives only the month), a day inferred from the text inside it (``source="inferred"``), else the
  partial date itself as the value (``source="published"``: yearless dates take its year, by tense
  when the month is known; deictic words stay unresolved, there is no day to count from); without
  a publication date, one inferred from the text (``source="inferred"``, with the evidence in
  ``reason``: a date in ``doc._.url``, a byline or time stamp line, a dateline, weekday/date
  agreement, explicit dates and years of the passage about the present, and the terms of office of
  the named people the entity layer gave offices, when the knowledge base knows them; see
  :mod:`newsgraph.timex.reference`); else none.
* office phrases that name nobody (``der US-Präsident``, the entity layer's
  ``doc.spans["offices_unnamed"]``) resolved to the holder on the reference day, as a Role of that
  person's entity (:meth:`newsgraph.kb.ArticleLinker.resolve_offices`, which documents the
  precedence); only with a reference *day*, never a bare year.
* ``doc._.times``: a list of :class:`Time` in text order, spans exact to the character.

For the event layer, :func:`time_for_span` returns the time expression governing a trigger: the
nearest one in the same sentence (dates and times before durations).
"""

from __future__ import annotations

import bisect
import datetime as dt
from collections.abc import Callable

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from ..kb import ArticleLinker, linker_for
from ..record import ReferenceDate, Time
from ..timex.normalise import Reference
from ..timex.offices import age_claims, birth_dates, claims_from_roles, inaugural_claims, inaugural_title_claims
from ..timex.reference import OfficeClaim, published_bounds
from ..timex.tagger import Sentence, TaggedTime, TimeTagger, tagger_for


def _reference_value(reference: Reference) -> str | None:
    if reference.date is not None:
        return reference.date.isoformat()
    if reference.year is not None and reference.month is not None:
        return f"{reference.year:04d}-{reference.month:02d}"
    if reference.year is not None:
        return f"{reference.year:04d}"
    return None


class TimeLayer:
    """Write ``doc._.reference_date`` and ``doc._.times``.

    ``narrative``: an override that resolves every date without a year against the last date the
    text mentioned; without it each expression decides by its passage (see
    :meth:`newsgraph.timex.tagger.TimeTagger._in_passage`), which suits news and history texts alike.
    ``infer_reference``: infer the reference date from the text when no publication date is given.
    ``today`` (ISO date): the upper bound for inferred reference dates (default: the current date),
    settable for reproducible runs.
    ``kb``: the knowledge base for terms of office and office holders (``"starter"``, KB file
    paths, or ``""`` for none).
    """

    def __init__(
        self,
        nlp: Language,
        name: str = "newsgraph_times",
        *,
        narrative: bool = False,
        infer_reference: bool = True,
        today: str | None = None,
        kb: str = "starter",
    ) -> None:
        self.name = name
        self.lang = nlp.lang
        self.narrative = narrative
        self.infer_reference = infer_reference
        self.today = dt.date.fromisoformat(today) if today else None
        self.tagger: TimeTagger = tagger_for(nlp.lang)
        self.linker: ArticleLinker | None = linker_for(nlp.lang, kb) if kb else None

    def _sentences(self, doc: Doc) -> list[Sentence]:
        """The document's sentences; their words (with morphological tense, when the base pipeline
        has a morphologiser) are read only for sentences that hold a time expression.

        A blank line always ends a sentence here: a headline without a verb (``Einigung bis Samstag
        möglich``) must not take the tense of the first sentence below it, which a statistical
        sentence splitter may join to it."""
        has_morph = doc.has_annotation("MORPH")
        sents: list[Span] = []
        for sent in list(doc.sents) if doc.has_annotation("SENT_START") else [doc[:]]:
            start = sent.start
            for tok in sent:
                if tok.i > start and tok.is_space and tok.text.count("\n") >= 2:
                    sents.append(doc[start : tok.i])
                    start = tok.i + 1
            if start < sent.end:
                sents.append(doc[start : sent.end])

        def tense_of(tok: Token) -> str:
            """The token's morphological tense; none for a progressive participle (``were
            continuing``, ``is meeting``: ``Tense=Pres`` on the -ing form says nothing, the auxiliary
            before it carries the tense)."""
            if not has_morph:
                return ""
            morph = tok.morph
            if "Prog" in morph.get("Aspect") and "Part" in morph.get("VerbForm"):
                return ""
            return (morph.get("Tense") or [""])[0]

        def words_of(sent: Span) -> Callable[[], list[tuple[int, str, str]]]:
            def words() -> list[tuple[int, str, str]]:
                return [(tok.idx, tok.text, tense_of(tok)) for tok in sent if tok.is_alpha]

            return words

        return [Sentence(sent.start_char, sent.end_char, words=words_of(sent)) for sent in sents]

    def _office_claims(self, doc: Doc, linker: ArticleLinker) -> list[OfficeClaim]:
        """The offices the text gives KB-linked people: the linker's reading (a phrase that names its
        country), and the time layer's (:mod:`newsgraph.timex.offices`: the person fixes the
        country, ``Bundeskanzler Friedrich Merz``; ``damalige``, ``ehemalige`` make a lower bound)."""
        claims = linker.office_claims(doc)
        seen = {(c.person, c.office) for c in claims}
        people = [
            (e.name, e.kb_id, [r.title for r in e.roles])
            for e in doc._.entities or []
            if e.type == "PER" and e.kb_id and e.roles and e.kb_id in linker.kb.by_id
        ]
        offices = {
            kb_id: [(t.office, t.of, t.start, t.end) for t in linker.kb.by_id[kb_id].offices] for _, kb_id, _ in people
        }
        extra = claims_from_roles(people, offices, self.tagger.office_titles, linker.office_label)  # type: ignore[arg-type]
        # ages the text gives people whose birth date is known (``der 62-jährige Ban Ki-moon``)
        aged = [
            (e.name, e.kb_id, [(m.start, m.end) for m in e.mentions])
            for e in doc._.entities or []
            if e.type == "PER" and e.kb_id and e.mentions
        ]
        ages = age_claims(aged, doc.text, self.tagger.age_phrases, birth_dates())  # type: ignore[arg-type]
        offices_held = claims + [c for c in extra if c.when != "current" or (c.person, c.office) not in seen]
        # an inaugural visit (``Antrittsbesuch``) is made in the first months of its visitor's term
        persons = [e for e in doc._.entities or [] if e.type == "PER"]
        text = doc.text  # spaCy joins the tokens anew on every ``doc.text``: once, not per sentence
        sents = self._sentences(doc)  # the time layer's sentences: a headline ends at its blank line
        starts = [sent.start for sent in sents]
        named: list[set[str]] = [set() for _ in sents]
        for e in persons:  # each mention to its sentence by bisection (a long text has thousands of both)
            for m in e.mentions:
                k = bisect.bisect_right(starts, m.start) - 1
                if k >= 0 and m.start < sents[k].end:
                    named[k].add(e.name)
        sentences = [(text[sent.start : sent.end].lower(), names) for sent, names in zip(sents, named, strict=True)]
        inaugural = inaugural_claims(offices_held, sentences, self.tagger.office_titles.inaugural)
        # ... and one whose cue names the office apart from the name (``ersten Auslandsbesuch als
        # Bundespräsident machte Joachim Gauck``)
        linked = [
            (e.name, e.kb_id, [(m.start, m.end) for m in e.mentions])
            for e in persons
            if e.kb_id and e.mentions and e.kb_id in linker.kb.by_id
        ]
        offices_linked = {
            kb_id: [(t.office, t.of, t.start, t.end) for t in linker.kb.by_id[kb_id].offices] for _, kb_id, _ in linked
        }
        told = {(c.person, c.office) for c in inaugural}
        inaugural += [
            c
            for c in inaugural_title_claims(
                [(sent.start, sent.end) for sent in sents],
                text,
                linked,  # type: ignore[arg-type]
                offices_linked,  # type: ignore[arg-type]
                self.tagger.office_titles,
                linker.office_label,
            )
            if (c.person, c.office) not in told
        ]
        newer = {(c.person, c.office) for c in inaugural}  # the first months say all the full terms say
        kept = [c for c in offices_held if c.when != "current" or (c.person, c.office) not in newer]
        return kept + inaugural + ages

    @staticmethod
    def _ages(doc: Doc, times: list[TaggedTime]) -> set[tuple[int, int]]:
        """Spans of duration adjectives right before a person's name (``des 77-jährigen Küng``,
        ``den zweijährigen Dima``): a person's age, no time expression. The tagger's own word lists
        catch ages before person nouns and two-word names (``[reference.ages] not_time``); a single
        name needs the entity layer's people."""
        starts = {m.start for e in doc._.entities or [] if e.type == "PER" for m in e.mentions}
        if not starts:
            return set()
        out = set()
        text = doc.text
        for t in times:
            if t.type != "DURATION" or not t.pattern.startswith("duration_adjective") or not str(t.value).endswith("Y"):
                continue
            after = len(text) - len(text[t.end :].lstrip()) if t.end < len(text) else t.end
            if after in starts and after - t.end <= 2:
                out.add((t.start, t.end))
        return out

    def __call__(self, doc: Doc) -> Doc:
        published = None
        partial = None  # `2021-05`, `2021`: a constraint on the reference date, not a reference day
        if doc._.published:
            try:
                published = dt.date.fromisoformat(str(doc._.published)[:10])
            except ValueError:
                published = None
                partial = str(doc._.published).strip() if published_bounds(str(doc._.published)) else None
        claims = None
        if published is None and self.infer_reference and self.linker is not None and doc._.entities:
            claims = self._office_claims(doc, self.linker)
        result = self.tagger.tag(
            doc.text,
            self._sentences(doc),
            published=published,
            narrative=self.narrative,
            today=self.today,
            infer=self.infer_reference,
            claims=claims,
            published_partial=partial,
            url=doc._.url,
        )
        if published is not None:
            doc._.reference_date = ReferenceDate(value=published.isoformat(), source="published", reason=result.reason)
        else:
            doc._.reference_date = ReferenceDate(
                value=_reference_value(result.reference),
                source=result.source,
                reason=result.reason,  # type: ignore[arg-type]
            )
        ages = self._ages(doc, result.times)
        doc._.times = [
            Time(start=t.start, end=t.end, text=t.text, type=t.type, value=t.value, mod=t.mod)  # type: ignore[arg-type]
            for t in result.times
            if (t.start, t.end) not in ages
        ]
        reference_day = published or result.reference.date
        if self.linker is not None and reference_day is not None and doc._.entities is not None:
            self.linker.resolve_offices(doc, reference_day)
        return doc


def time_for_span(doc: Doc, start_char: int, end_char: int) -> Time | None:
    """The time expression governing ``[start_char, end_char)`` (an event trigger): the nearest
    DATE or TIME with a value in the same sentence; None when the sentence has none."""
    times = doc._.times or []
    if not times:
        return None
    sent_start, sent_end = 0, len(doc.text)
    if doc.has_annotation("SENT_START"):
        span = doc.char_span(start_char, end_char, alignment_mode="expand")
        if span is not None and len(span):
            sent = span[0].sent
            sent_start, sent_end = sent.start_char, sent.end_char
    best: tuple[int, Time] | None = None
    for t in times:
        if t.type not in ("DATE", "TIME") or not t.value or t.value.endswith("_REF"):
            continue
        if t.start < sent_start or t.end > sent_end:
            continue
        distance = start_char - t.end if t.end <= start_char else max(0, t.start - end_char)
        if best is None or distance < best[0]:
            best = (distance, t)
    return best[1] if best else None


@Language.factory(
    "newsgraph_times",
    default_config={"narrative": False, "infer_reference": True, "today": None, "kb": "starter"},
)
def make_time_layer(
    nlp: Language, name: str, narrative: bool, infer_reference: bool, today: str | None, kb: str
) -> TimeLayer:
    return TimeLayer(nlp, name, narrative=narrative, infer_reference=infer_reference, today=today, kb=kb)
