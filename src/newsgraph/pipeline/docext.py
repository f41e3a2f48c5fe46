"""The ``Doc._`` extensions the layers write and read, and small helpers around them."""

from __future__ import annotations

import bisect

from spacy.tokens import Doc

from ..record import Entity

#: name -> default; list-valued extensions default to None and are set per document by their layer
EXTENSIONS: dict[str, object] = {
    "published": None,  # ISO date string of the article, set by newsgraph.extract before the pipeline
    "title": None,  # article title, if known
    "url": None,  # where the article was published, if known (a date in it is reference-date evidence)
    "reference_date": None,  # newsgraph.record.ReferenceDate, set by newsgraph_times
    "entities": None,  # list[Entity], set by newsgraph_entities
    "times": None,  # list[Time], set by newsgraph_times
    "quotes": None,  # list[Quote], set by newsgraph_quotes
    "events": None,  # list[Event], set by newsgraph_events
}


def register_extensions() -> None:
    """Register the ``Doc._`` attributes once (idempotent)."""
    for name, default in EXTENSIONS.items():
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=default)


def entities_of(doc: Doc) -> list[Entity]:
    """The document's entities, or an empty list when the entity layer did not run."""
    return doc._.entities or []


class _SpanIndex:
    """The entities' mentions (or roles) sorted by start, for overlap queries in O(log n + k).

    Each item is ``(start, end, entity position, item position, entity)``; an item overlapping
    ``[a, b)`` starts before ``b`` and, being at most ``longest`` characters long, after
    ``a - longest``, so a query looks only at that stretch.
    """

    def __init__(self, items: list[tuple[int, int, int, int, Entity]]) -> None:
        self.items = sorted(items, key=lambda x: x[0])
        self.starts = [x[0] for x in self.items]
        self.longest = max((x[1] - x[0] for x in self.items), default=0)

    def best(self, start_char: int, end_char: int) -> Entity | None:
        """The entity of the widest overlap; among equals the first in entity, then item order
        (what a scan of every entity and item in order finds)."""
        best: tuple[int, int, int, Entity] | None = None  # (-overlap, entity pos, item pos, entity)
        hi = bisect.bisect_left(self.starts, end_char)
        lo = bisect.bisect_right(self.starts, start_char - self.longest)
        for s, e, ent_pos, item_pos, ent in self.items[lo:hi]:
            overlap = min(end_char, e) - max(start_char, s)
            if overlap > 0 and (best is None or (-overlap, ent_pos, item_pos) < best[:3]):
                best = (-overlap, ent_pos, item_pos, ent)
        return best[3] if best else None


def _span_indexes(doc: Doc) -> tuple[_SpanIndex, _SpanIndex]:
    """The mention and role indexes of ``doc``'s entities, rebuilt when the entities changed.

    Later layers add roles (office holders on the reference day) and entities, so the cache is keyed
    by the entity list and its mention and role counts, which cost one pass over the entities (not
    over their mentions) to check.
    """
    entities = entities_of(doc)
    key = (id(entities), len(entities), sum(len(e.mentions) + len(e.roles) for e in entities))
    cached = doc.user_data.get("newsgraph_span_index")
    if cached is not None and cached[0] == key and cached[1] is entities:
        return cached[2]
    mentions = [(m.start, m.end, i, j, e) for i, e in enumerate(entities) for j, m in enumerate(e.mentions)]
    roles = [(r.start, r.end, i, j, e) for i, e in enumerate(entities) for j, r in enumerate(e.roles)]
    indexes = (_SpanIndex(mentions), _SpanIndex(roles))
    doc.user_data["newsgraph_span_index"] = (key, entities, indexes)
    return indexes


def entity_for_span(doc: Doc, start_char: int, end_char: int) -> Entity | None:
    """The entity with a mention overlapping ``[start_char, end_char)``; the widest overlap wins.

    Without one, an office phrase without a name (``der US-Außenminister``) that the entity layer
    joined, as a Role, to the person the text earlier gave that office.
    """
    mentions, roles = _span_indexes(doc)
    found = mentions.best(start_char, end_char)
    return found if found is not None else roles.best(start_char, end_char)
