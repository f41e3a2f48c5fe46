"""Where an event took place: which of the document's places contains which, and the dateline.

An article names one happening's place at several levels (``im Oval Office``, ``in Washington``,
``in den USA``); the analyst wants the most specific one, and mentions at different levels still
describe one event. Containment comes from the gazetteers (:func:`~newsgraph.pipeline.entities.place_parents`:
venue ⊂ city ⊂ subdivision ⊂ country), and for a place the gazetteer does not know, from the
nationality adjective before it (``im kanadischen Kananaskis``: in Canada).

A wire or agency report opens with a dateline (``Brüssel:``, ``Ankara. ...``, ``BERLIN (dpa) -``,
``TOKYO, June 5 (Reuters) -``, ``Washington –``): the place the reported news happened. It is the
place of the events of the lead that name none of their own (:func:`apply_dateline`).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from datetime import date
from typing import TYPE_CHECKING

from spacy.tokens import Doc

from ..docext import entities_of
from ..entities import place_parents

if TYPE_CHECKING:  # pragma: no cover
    from .args import Clause, DocIndex, MentionRef
    from .mentions import EventMention

#: marks that close a dateline place (``Brüssel:``, ``BERLIN (dpa) -``, ``Washington –``)
DATELINE_MARKS = frozenset({":", "(", "-", "–", "—", ",", "."})
DASHES = frozenset({"-", "–", "—"})


@dataclass
class PlaceRelations:
    """The document's place entities and the places that contain each (entity ids, nearest first)."""

    parents: dict[str, tuple[str, ...]] = field(default_factory=dict)

    def within(self, inner: str, outer: str) -> bool:
        """Whether the place ``inner`` lies in the place ``outer`` (both entity ids)."""
        return outer in self.parents.get(inner, ())

    def agree(self, a: str | None, b: str | None) -> bool:
        """Whether two places can be one event's: unknown, equal, or one inside the other."""
        return not a or not b or a == b or self.within(a, b) or self.within(b, a)

    def most_specific(self, places: Iterable[str]) -> str | None:
        """The place no other candidate lies in: ``Lancaster House`` before ``London`` before ``UK``.

        The first candidate wins unless another one lies inside it (so unrelated places keep the
        caller's order, usually nearness to the trigger).
        """
        ordered = list(dict.fromkeys(places))
        if not ordered:
            return None
        best = ordered[0]
        for other in ordered[1:]:
            if self.within(other, best):
                best = other
        return best


def place_relations(doc: Doc, lang: str) -> PlaceRelations:
    """Containment between the document's places, by entity id."""
    entities = [e for e in entities_of(doc) if e.type == "LOC"]
    by_kb: dict[str, str] = {}
    for e in entities:
        if e.kb_id:
            by_kb.setdefault(e.kb_id, e.id)
    parents: dict[str, tuple[str, ...]] = {}
    for e in entities:
        chain = [by_kb[p] for p in place_parents(lang, e.kb_id) if p in by_kb and by_kb[p] != e.id]
        if chain:
            parents[e.id] = tuple(chain)
    # ``im kanadischen Kananaskis``: a place the gazetteer does not know lies in the country of the
    # nationality adjective right before it (a derivation span, see the entity layer)
    starts = {m.start: e for e in entities for m in e.mentions}
    for span in doc.spans.get("derivations", []):
        if span.end >= len(doc) or not span.kb_id_:
            continue
        country = by_kb.get(span.kb_id_)
        ent = starts.get(doc[span.end].idx)
        if country is None or ent is None or ent.id == country or ent.kb_id:
            continue
        parents[ent.id] = tuple(dict.fromkeys([*parents.get(ent.id, ()), country]))
    # ``in Kananaskis, Canada``, ``der Stützpunkt Elmendorf-Richardson in Anchorage``: a place the
    # gazetteer does not know, with the place it lies in after a comma or ``in``
    inside = {",", "in", "im"}
    for ent in entities:
        if ent.kb_id:
            continue
        for m in ent.mentions:
            span = doc.char_span(m.start, m.end, alignment_mode="expand")
            if span is None or span.end + 1 >= len(doc) or doc[span.end].text.lower() not in inside:
                continue
            outer = starts.get(doc[span.end + 1].idx)
            if outer is not None and outer.kb_id and outer.id != ent.id:
                chain = (outer.id, *parents.get(outer.id, ()))
                parents[ent.id] = tuple(dict.fromkeys([*parents.get(ent.id, ()), *chain]))
    return PlaceRelations(parents)


def untriggered_clauses(
    index: DocIndex, mentions: list[EventMention], words: frozenset[str], as_written: bool = False
) -> Iterator[Clause]:
    """The clauses without an event mention, outside quotations, that contain one of ``words``
    (lower-cased unless ``as_written``): statements about an event told before them (its venue, that
    it takes place, who joined it)."""
    if not words:
        return
    doc = index.doc
    triggered = {m.clause for m in mentions}
    for clause in index.clauses:
        if clause.id in triggered or index.in_quote[clause.start]:
            continue
        if any((doc[i].text if as_written else doc[i].text.lower()) in words for i in clause.tokens):
            yield clause


def apply_venue_statements(index: DocIndex, mentions: list[EventMention], places: PlaceRelations) -> None:
    """``Schauplatz ist der Militärstützpunkt X in Anchorage``: a clause that names the venue of the event
    told just before it, without a trigger of its own.

    The venue (the most specific place of the clause) becomes the place of the latest meeting-like
    mention of the five sentences before whose place is unknown or contains the venue (``das Treffen
    in Alaska``); merging then gives the event the venue.
    """
    from .mentions import family_group  # the mentions module imports this one

    for clause in untriggered_clauses(index, mentions, index.lex.words("places", "venue_nouns")):
        venue = places.most_specific(m.id for m in index.clause_mentions(clause.id) if m.type == "LOC")
        if venue is None:
            continue
        before = [
            m
            for m in mentions
            if m.tok < clause.start
            and 0 <= clause.segment - m.segment <= 5
            and family_group(m.type) == "meeting"
            and not m.quote
            and (m.place is None or places.within(venue, m.place))
        ]
        if before:
            target = max(before, key=lambda m: m.tok)
            target.place, target.place_chain = venue, places.parents.get(venue, ())


def apply_occurrence_statements(index: DocIndex, mentions: list[EventMention], places: PlaceRelations) -> None:
    """``... zugestimmt. Sie sollen am Mittwoch in einem Hotel stattfinden``: a clause without a trigger
    whose subject is a pronoun and whose verb says an event takes place dates and places the event
    told just before.

    The pronoun (``[places] event_pronouns``) stands for the last event mention that names its parties
    in the clause's sentence or the two before it (not inside a quote, not an agreement or statement,
    which do not take place); the clause's time and most specific place fill what that mention lacks.
    """
    from .mentions import family_group  # the mentions module imports this one

    pronouns = index.lex.words("places", "event_pronouns")
    verbs = index.lex.words("participants", "venue_verbs")
    resumed = index.lex.words("places", "resumption_verbs")
    if not pronouns or not verbs or not mentions:
        return
    doc = index.doc
    times = list(doc._.times or [])
    planned = frozenset(index.lex.status.get("planned", {}).get("words", []))
    for clause in untriggered_clauses(index, mentions, verbs | resumed):
        toks = clause.tokens
        verb = next(j for j in toks if doc[j].text.lower() in verbs | resumed)
        if not any(doc[j].text.lower() in pronouns for j in toks if j < verb):
            continue
        lo, hi = doc[toks[0]].idx, doc[toks[-1]].idx + len(doc[toks[-1]].text)
        own_times = [t for t in times if lo <= t.start < hi and (t.value or "")[:1].isdigit()]
        venue = places.most_specific(m.id for m in index.clause_mentions(clause.id) if m.type == "LOC")
        if not own_times and venue is None:
            continue
        before = [
            m
            for m in mentions
            if m.tok < clause.start
            and 0 <= clause.segment - m.segment <= 2
            and not m.quote
            and m.participants  # one naming no one refers back itself (and may not date its event)
            and family_group(m.type) not in {"agreement", "statement"}
        ]
        if not before:
            continue
        target = max(before, key=lambda m: m.tok)
        if doc[verb].text.lower() in resumed:
            # ``Die Gespräche waren unterbrochen worden. Sie sollen am Donnerstag in Kairo fortgesetzt werden``:
            # the next round of the talks told before, with its own day, place and status
            ahead = any(doc[j].text.lower() in planned for j in toks)
            venue_chain = places.parents.get(venue, ()) if venue is not None else ()
            mentions.append(
                replace(
                    target,
                    tok=verb,
                    clause=clause.id,
                    segment=clause.segment,
                    time=own_times[0] if own_times else None,
                    place=venue,
                    place_chain=venue_chain,
                    status="planned" if ahead else "happened",
                    status_cued=ahead,
                    evidence=(lo, hi),
                    fresh=True,
                    definite=False,
                    indefinite=False,
                    headline=False,
                    place_assumed=False,
                )
            )
            continue
        if target.time is None and own_times:
            target.time = own_times[0]
        if venue is not None and (target.place is None or places.within(venue, target.place)):
            target.place, target.place_chain = venue, places.parents.get(venue, ())


def dateline(index: DocIndex) -> tuple[str, int, int] | None:
    """(place entity id, first token after the dateline, end token of its lead) or None.

    A dateline is a place name at the start of a line near the top of the text, followed by a colon,
    a full stop and a capitalised word, an agency in brackets, or a dash (after a date for
    ``TOKYO, June 5 (Reuters) -``). Two places (``Moskau/Washington (dpa)``) name no one place.
    The lead is the rest of that paragraph, at most three sentences.
    """
    return next(iter(datelines(index)), None)


def datelines(index: DocIndex) -> list[tuple[str, int, int]]:
    """The article's dateline (see :func:`dateline`) and, further down, the datelines of the items of
    a news bulletin (``Kiew: Außenministerin Baerbock ist ... eingetroffen``): a place at the start of a
    line followed by a colon and a capitalised word, which places that item's lead as the first
    dateline places the article's."""
    doc = index.doc
    limit = min(len(doc), 150)
    found: list[tuple[str, int, int]] = []
    for m in index.mentions:
        if m.type != "LOC" or m.inside_token:
            continue
        if m.tstart >= limit and (m.tend >= len(doc) or doc[m.tend].text != ":"):
            continue
        if found and found[-1][2] > m.tstart:
            continue
        place = _dateline_at(index, m)
        if place is not None:
            found.append(place)
    return found


def _dateline_at(index: DocIndex, m: MentionRef) -> tuple[str, int, int] | None:
    """The dateline that the place mention ``m`` opens, if it opens one (see :func:`dateline`)."""
    doc = index.doc
    i = m.tstart
    if i > 0 and "\n" not in doc[i - 1].text and "\n" not in doc[i - 1].whitespace_:
        return None
    if m.tend >= len(doc) or doc[m.tend].text not in DATELINE_MARKS:
        return None
    mark = doc[m.tend].text
    line_end = m.tend
    while line_end < len(doc) and "\n" not in doc[line_end].text and "\n" not in doc[line_end - 1].whitespace_:
        line_end += 1
    after = m.tend + 1
    if m.tstart >= 150 and (after >= line_end or not doc[after].text[:1].isupper()):
        return None  # a bulletin item's dateline: ``Kiew: Außenministerin ...``
    if mark == ".":
        if after >= line_end or not doc[after].text[:1].isupper():
            return None
    elif mark in {"(", ","}:
        # ``BERLIN (dpa) -`` / ``TOKYO, June 5 (Reuters) -``: a dash within a few tokens closes it
        # (not a hyphen inside a word: ``India, Bangladesh sign water-sharing deal`` is a headline)
        dash = next(
            (
                j
                for j in range(after, min(after + 10, line_end))
                if doc[j].text in DASHES and (doc[j - 1].whitespace_ or doc[j].whitespace_)
            ),
            None,
        )
        if dash is None:
            return None
        after = dash + 1
    elif mark in DASHES and doc[m.tend - 1].whitespace_ == "":
        return None  # ``Washington-Reise``: a compound, not a dash
    seg = index.segment_of(after)
    last_seg = seg
    while last_seg + 1 < len(index.segments) and last_seg - seg < 2 and index.segments[last_seg + 1][0] < line_end:
        last_seg += 1
    end = min(line_end, index.segments[last_seg][1])
    return m.id, after, end


def apply_dateline(
    index: DocIndex, mentions: list[EventMention], places: PlaceRelations, reference: str | None
) -> None:
    """Give the dateline place to the lead's event mentions that have no place of their own.

    A place the text names wins, even a country containing the dateline city (``Washington (dpa) –
    Merz fliegt zu seinem Besuch in die USA``: a visit to the USA, reported from Washington). Not a
    quote's events, and not an event dated more than a few days from the reference date: the lead
    also recounts earlier events and previews later ones, which happened or will happen elsewhere.
    """
    found = datelines(index)
    if not found:
        return
    # a clause that names a place for one of its triggers has said where (``fliegt zu seinem Besuch
    # in die USA``: the flight goes there too)
    placed = {m.clause for m in mentions if m.place is not None}
    same_day = bool(index.lex.frames.get("places", {}).get("dateline_same_day"))
    for m in mentions:
        if m.quote:
            continue
        # the dateline above the mention: the article's, or a bulletin item's further down
        place, start, end = next((d for d in reversed(found) if d[1] <= m.tok), found[0])
        if not start <= m.tok < end:
            # beyond the lead, only an event the text dates to the reference day itself (``each met X
            # in the morning``, in a report datelined that day) happened where the report was filed
            # (``[places] dateline_same_day``)
            value = m.time.value if m.time else None
            if not (same_day and value and reference and len(value) >= 10 and value[:10] == reference[:10]):
                continue
        if m.place is not None or m.clause in placed:
            continue
        if not _near(m.time.value if m.time else None, reference):
            continue
        m.place = place
        m.place_chain = places.parents.get(place, ())
        m.place_assumed = True


def _near(value: str | None, reference: str | None, days: int = 3) -> bool:
    """Whether a day lies within ``days`` of the reference date (unknown or vaguer: yes)."""
    if not value or not reference or len(value) < 10 or len(reference) < 10:
        return True
    try:
        a, b = date.fromisoformat(value[:10]), date.fromisoformat(reference[:10])
    except ValueError:
        return True
    return abs((a - b).days) <= days
