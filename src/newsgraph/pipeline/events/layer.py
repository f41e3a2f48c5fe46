"""``newsgraph_events``: interaction events — who met whom, where, when, and whether it happened.

The layer works in three steps, one module each:

1. **Mentions** (:mod:`.mentions`, with the frames of :mod:`.args` and the status rules of
   :mod:`.status`): every trigger word becomes an event mention with participants, place, time and
   status.
2. **Merging** (:mod:`.merge`): mentions that describe the same happening become one event.
3. **Output and quotes** (here): events as ``Event`` records with their PLOVER type and nearest CAMEO
   code (from the data file), and quotes linked to the event their sentence or content names.

Everything language-specific is in ``resources/<lang>/events*.toml`` (:mod:`.lexicon`).
"""

from __future__ import annotations

from bisect import bisect_left

from spacy.language import Language
from spacy.tokens import Doc

from ...record import Event, EventTime, Evidence, Quote
from .args import UNNAMED_STATES, DocIndex, build_index, char_span
from .lexicon import Lexicon, lexicon_for
from .mentions import NOT_YET, family_group, find_mentions
from .merge import (
    MergedEvent,
    add_delegates,
    continue_scene,
    date_visits,
    inherit_setting,
    keep,
    merge_mentions,
    status_of,
    visits_to_countries,
)
from .places import apply_dateline, apply_occurrence_statements, apply_venue_statements

#: event families that take place between places, never at one (a call)
PLACELESS = frozenset({"phone_call"})


def to_events(doc: Doc, merged: list[MergedEvent], lex: Lexicon) -> tuple[list[Event], dict[str, list[int]]]:
    """The kept events as ``Event`` records, and the character offsets of each one's triggers."""
    types = {e.id: e.type for e in (doc._.entities or [])}
    kb_ids = {e.id: e.kb_id for e in (doc._.entities or [])}
    kept = [ev for ev in merged if keep(ev, types, kb_ids)]
    kept.sort(key=lambda ev: min(m.evidence[0] for m in ev.mentions))
    out: list[Event] = []
    triggers: dict[str, list[int]] = {}
    text = doc.text  # built from the tokens on each access: take it once
    for n, ev in enumerate(kept, start=1):
        spans = sorted({m.evidence for m in ev.mentions})
        evidence = [Evidence(start=s, end=e, text=text[s:e]) for s, e in spans]
        status = status_of(ev)
        time = ev.time
        if time is not None and status in NOT_YET:
            ref = doc._.reference_date.value if doc._.reference_date else None
            if ref and time.value and time.value[:1].isdigit() and time.value[:10] < ref[: len(time.value[:10])]:
                time = None
        plover, cameo = lex.codes(ev.type, status)
        confidence = 0.5 + 0.1 * min(len(ev.mentions) - 1, 3) + (0.0 if ev.weak else 0.1)
        confidence -= 0.2 if all(m.quote for m in ev.mentions) else 0.0
        confidence -= 0.2 if any(m.hedged for m in ev.mentions) else 0.0
        out.append(
            Event(
                id=f"ev{n}",
                type=ev.type,
                participants=list(dict.fromkeys(ev.participants)),
                place=ev.place,
                time=EventTime(value=time.value, text=time.text, start=time.start, end=time.end) if time else None,
                status=status,  # type: ignore[arg-type]
                evidence=evidence,
                confidence=round(max(0.1, min(confidence, 0.95)), 2),
                plover=plover,
                cameo=cameo,
            )
        )
        triggers[f"ev{n}"] = sorted(doc[m.tok].idx for m in ev.mentions)
    return out, triggers


def link_quotes(
    doc: Doc, index: DocIndex, events: list[Event], triggers: dict[str, list[int]], quotes: list[Quote]
) -> None:
    """Set ``quote.event`` where the quote's content or the sentence of its cue names an event.

    A quote is linked when one of an event's trigger words stands inside the quote (``"Das Treffen am
    Montag in Genf wurde ..."``) or in the sentence of its cue (``erklärte nach seinen Gesprächen mit
    Blinken``); with several candidates, one the speaker took part in wins, then the trigger nearest
    to the cue.
    """
    if not events:
        return
    by_id = {ev.id: ev for ev in events}
    # every trigger by its character offset, with its rank in event order (which breaks ties), so that
    # a quote looks up the triggers inside its anchors instead of scanning all of the document's
    ranked = sorted(
        (c, rank, event_id) for rank, (event_id, c) in enumerate((e, c) for e, chars in triggers.items() for c in chars)
    )
    offsets = [c for c, _, _ in ranked]
    for q in quotes:
        anchors = [(q.start, q.end)]
        focus = q.start
        if q.cue is not None:
            focus = q.cue.start
            span = char_span(doc, q.cue.start, q.cue.end)
            if span is not None and len(span):
                s, e = index.segments[index.segment_of(span.start)]
                anchors.append((doc[s].idx, doc[e - 1].idx + len(doc[e - 1].text)))
        inside = {
            rank: (c, event_id)
            for a_start, a_end in anchors
            for c, rank, event_id in ranked[bisect_left(offsets, a_start) : bisect_left(offsets, a_end)]
        }
        best: tuple[tuple[int, int], int, str] | None = None
        for rank, (c, event_id) in inside.items():
            key = (0 if q.speaker and q.speaker in by_id[event_id].participants else 1, abs(c - focus))
            if best is None or (key, rank) < best[:2]:
                best = (key, rank, event_id)
        if best is not None:
            q.event = best[2]


def add_unnamed_states(doc: Doc, used: set[str]) -> None:
    """Add the states the text names only by an adjective (``Hungarian and Romanian officials``) that
    events take as parties to the document's entities, and only those (see ``args.unnamed_state``)."""
    table = doc.user_data.get(UNNAMED_STATES)
    if not table:
        return
    entities = doc._.entities if doc._.entities is not None else []
    known = {e.id for e in entities}
    entities.extend(e for e in table.values() if e.id in used and e.id not in known)
    doc._.entities = entities


def drop_unused_states(doc: Doc, events: list[Event]) -> None:
    """Remove the unnamed states that no kept event has as a party (merging may have dropped it)."""
    table = doc.user_data.get(UNNAMED_STATES)
    if not table or not doc._.entities:
        return
    used = {p for ev in events for p in ev.participants} | {ev.place for ev in events if ev.place}
    unnamed = {e.id for e in table.values()}
    doc._.entities = [e for e in doc._.entities if e.id not in unnamed or e.id in used]


class EventLayer:
    """Write ``doc._.events`` and link the quotes in ``doc._.quotes`` to them."""

    def __init__(self, nlp: Language, name: str = "newsgraph_events", lang: str | None = None) -> None:
        self.name = name
        self.lang = lang or nlp.lang

    def __call__(self, doc: Doc) -> Doc:
        lex = lexicon_for(self.lang)
        if lex is None or len(doc) == 0:
            doc._.events = []
            return doc
        index = build_index(doc, lex)
        ref = doc._.reference_date.value if doc._.reference_date is not None else None
        reference = ref or doc._.published
        mentions = find_mentions(doc, index, lex, reference)
        apply_dateline(index, mentions, index.places, reference)
        apply_venue_statements(index, mentions, index.places)
        apply_occurrence_statements(index, mentions, index.places)
        for m in mentions:
            if family_group(m.type) in PLACELESS:
                # a call joins two places: ``des Präsidialamts in Ankara``, a dateline, are one side's
                m.place, m.place_chain = None, ()
        add_unnamed_states(doc, {p for m in mentions for p in m.participants})
        merged = merge_mentions(mentions, {e.id: e.type for e in (doc._.entities or [])}, reference)
        add_delegates(index, merged)
        inherit_setting(index, merged)
        continue_scene(index, merged)
        inherit_setting(index, merged)  # a setting the scene just dated dates what happened at it
        date_visits(merged)
        entities = doc._.entities or []
        types, kb_ids = {e.id: e.type for e in entities}, {e.id: e.kb_id for e in entities}
        merged = visits_to_countries(merged, index.places, types, kb_ids)
        events, triggers = to_events(doc, merged, lex)
        drop_unused_states(doc, events)
        doc._.events = events
        link_quotes(doc, index, events, triggers, list(doc._.quotes or []))
        return doc


@Language.factory("newsgraph_events", default_config={"lang": None})
def make_event_layer(nlp: Language, name: str, lang: str | None) -> EventLayer:
    """The event layer; ``lang`` overrides the pipeline's language for the trigger data."""
    return EventLayer(nlp, name, lang)
