"""``newsgraph_times``: temporal expressions and the reference date they hang on.

First version: only the reference date from the publication date.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from ..record import ReferenceDate


class TimeLayer:
    """Write ``doc._.reference_date`` and ``doc._.times``."""

    def __init__(self, nlp: Language, name: str = "newsgraph_times") -> None:
        self.name = name
        self.lang = nlp.lang

    def __call__(self, doc: Doc) -> Doc:
        if doc._.published:
            doc._.reference_date = ReferenceDate(
                value=doc._.published, source="published", reason="the article's publication date"
            )
        else:
            doc._.reference_date = ReferenceDate(value=None, source="none", reason="no publication date")
        doc._.times = []
        return doc


@Language.factory("newsgraph_times")
def make_time_layer(nlp: Language, name: str) -> TimeLayer:
    return TimeLayer(nlp, name)
