"""newsgraph's spaCy components, one module per layer, and the ``Doc`` extensions they share.

Each layer reads what earlier layers wrote on the ``Doc`` and adds its own; nothing reaches back:

- ``doc.ents``: entity mentions (PER/ORG/LOC/MISC) from the statistical NER and ``newsgraph_entities``
- ``doc._.entities``: list of :class:`newsgraph.record.Entity` (mentions clustered, named, roles)
- ``doc._.reference_date`` / ``doc._.times``: from ``newsgraph_times``
- ``doc._.quotes``: from ``newsgraph_quotes``
- ``doc._.events``: from ``newsgraph_events`` (which also links quotes to events)

Importing this package registers the factories; the ``spacy_factories`` entry points in
``pyproject.toml`` make them available to ``spacy.load`` and spaCy configs as well.
"""

from __future__ import annotations

from spacy.tokens import Doc

from .docext import entity_for_span, register_extensions
from .entities import EntityLayer
from .events import EventLayer
from .quotes import QuoteLayer
from .times import TimeLayer

register_extensions()

__all__ = [
    "Doc",
    "EntityLayer",
    "EventLayer",
    "QuoteLayer",
    "TimeLayer",
    "entity_for_span",
    "register_extensions",
]
