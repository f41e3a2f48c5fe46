"""``newsgraph_quotes``: who said what, in which words, through whom.

First version: nothing yet (the quote issue fills this in).
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc


class QuoteLayer:
    """Write ``doc._.quotes``."""

    def __init__(self, nlp: Language, name: str = "newsgraph_quotes") -> None:
        self.name = name
        self.lang = nlp.lang

    def __call__(self, doc: Doc) -> Doc:
        doc._.quotes = []
        return doc


@Language.factory("newsgraph_quotes")
def make_quote_layer(nlp: Language, name: str) -> QuoteLayer:
    return QuoteLayer(nlp, name)
