"""A guard around spaCy's tokenizer for pathological input.

spaCy strips prefixes and suffixes from a whitespace-free chunk one character at a time, re-slicing
the chunk each time, so a chunk of n characters costs O(n²): 4,000 quotation marks in a row take
seconds, 10,000 take most of a minute. News text never has such chunks, but scraped pages do
(rows of quote marks, base64 blobs, URLs glued together). The guard cuts runs longer than
``max_run`` characters into pieces of ``piece`` characters, tokenizes each piece normally and joins
the pieces; ordinary text goes straight to the wrapped tokenizer, so its tokens are unchanged.
"""

from __future__ import annotations

import re
from typing import Any

from spacy.tokens import Doc


class GuardedTokenizer:
    """Wraps a spaCy tokenizer; everything but ``__call__`` is delegated to it."""

    def __init__(self, tokenizer: Any, max_run: int = 200, piece: int = 50) -> None:
        self.tokenizer = tokenizer
        self.piece = piece
        self._long_run = re.compile(rf"\S{{{max_run},}}")

    def __call__(self, text: str) -> Doc:
        if not self._long_run.search(text):
            return self.tokenizer(text)
        parts: list[str] = []
        position = 0
        for run in self._long_run.finditer(text):
            if run.start() > position:
                parts.append(text[position : run.start()])
            parts.extend(text[i : min(i + self.piece, run.end())] for i in range(run.start(), run.end(), self.piece))
            position = run.end()
        if position < len(text):
            parts.append(text[position:])
        doc = Doc.from_docs([self.tokenizer(part) for part in parts], ensure_whitespace=False)
        return doc if doc.text == text else self.tokenizer(text)

    def __getattr__(self, name: str) -> Any:
        return getattr(self.tokenizer, name)


#: A full stop after a year (``seit Dezember 2021. Außenminister ...``). The German tokenizer keeps a
#: number's dot for ordinals (``am 3. Mai``), so a sentence ending in a year ran into the next one and
#: the parser read both as one sentence: its events and quotes shared one clause. A year (1800-2099) is
#: almost never an ordinal (``zum 1000. Mal`` lies outside the range), so its dot is split off.
YEAR_FULL_STOP = r"(?<=\b(?:1[89]|20)[0-9]{2})\.$"


def split_year_full_stops(tokenizer: Any) -> None:
    """Add :data:`YEAR_FULL_STOP` to a tokenizer's suffix rules (German bases; see there why)."""
    search = tokenizer.suffix_search
    pattern = getattr(getattr(search, "__self__", None), "pattern", None)
    if pattern is None or YEAR_FULL_STOP in pattern:
        return
    tokenizer.suffix_search = re.compile(f"{YEAR_FULL_STOP}|{pattern}").search
