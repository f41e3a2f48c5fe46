"""``newsgraph_events``: interaction events — who met whom, where, when, and whether it happened.

First version: nothing yet (the event issue fills this in).
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc


class EventLayer:
    """Write ``doc._.events`` and link quotes to them."""

    def __init__(self, nlp: Language, name: str = "newsgraph_events") -> None:
        self.name = name
        self.lang = nlp.lang

    def __call__(self, doc: Doc) -> Doc:
        doc._.events = []
        return doc


@Language.factory("newsgraph_events")
def make_event_layer(nlp: Language, name: str) -> EventLayer:
    return EventLayer(nlp, name)
