"""The ``Doc._`` extensions the layers write and read, and small helpers around them."""

from __future__ import annotations

from spacy.tokens import Doc

from ..record import Entity

#: name -> default; list-valued extensions default to None and are set per document by their layer
EXTENSIONS: dict[str, object] = {
    "published": None,  # ISO date string of the article, set by newsgraph.extract before the pipeline
    "title": None,  # article title, if known
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


def entity_for_span(doc: Doc, start_char: int, end_char: int) -> Entity | None:
    """The entity with a mention overlapping ``[start_char, end_char)``; the widest overlap wins."""
    best: tuple[int, Entity] | None = None
    for ent in entities_of(doc):
        for m in ent.mentions:
            overlap = min(end_char, m.end) - max(start_char, m.start)
            if overlap > 0 and (best is None or overlap > best[0]):
                best = (overlap, ent)
    if best is None:
        # an office phrase without a name ("der US-Außenminister") that the entity layer joined, as
        # a Role, to the person the text earlier gave that office
        for ent in entities_of(doc):
            for r in ent.roles:
                overlap = min(end_char, r.end) - max(start_char, r.start)
                if overlap > 0 and (best is None or overlap > best[0]):
                    best = (overlap, ent)
    return best[1] if best else None
