"""A corpus reader for ``spacy train`` that keeps the rules' features (``Token.lemma_``) on the
predicted side of each example: spaCy's own reader re-tokenises the text and would drop them.

Used by ``training/quotes/tagger.cfg`` (``spacy train … --code training/quotes/reader.py``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.tokens import Doc, DocBin
from spacy.training import Example


@spacy.registry.readers("newsgraph.quote_corpus.v1")
def quote_corpus(path: Path) -> Callable[[Language], Iterable[Example]]:
    def read(nlp: Language) -> Iterable[Example]:
        for ref in DocBin().from_disk(path).get_docs(nlp.vocab):
            pred = Doc(nlp.vocab, words=[t.text for t in ref], spaces=[bool(t.whitespace_) for t in ref])
            for p, r in zip(pred, ref, strict=True):
                p.lemma_ = r.lemma_
            yield Example(pred, ref)

    return read
