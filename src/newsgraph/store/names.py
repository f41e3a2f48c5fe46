"""The one place that decides when two names are the same name (swap the key function here).

Entities merge across articles by type and :func:`name_key` of their canonical name, and queries find
entities by the key of what the user typed, so ``Lavrov`` finds ``Lawrow``. The key comes from
:func:`newsgraph.transliterate.transliteration_key` (German and English romanisations of Slavic names
fold together); when that module is missing or gives nothing (a name of punctuation only), a plain
Unicode fold (NFKD, accents dropped, case-folded, non-letters as spaces) stands in. The numbers of a
name stay in its key: the transliteration key keeps letters only, and ``G7`` and ``G20`` are two bodies.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from functools import lru_cache

_NON_WORD = re.compile(r"[\W_]+", re.UNICODE)
_NUMBER = re.compile(r"\d+")


def fold_key(name: str) -> str:
    """The fallback key: NFKD without combining marks, case-folded, words joined by one space."""
    decomposed = unicodedata.normalize("NFKD", name)
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(_NON_WORD.sub(" ", stripped.casefold()).split())


def _load_key_function() -> Callable[[str], str]:
    try:
        from ..transliterate import transliteration_key
    except ImportError:  # pragma: no cover - the module ships with the package today
        return fold_key
    return transliteration_key


_KEY = _load_key_function()


@lru_cache(maxsize=262144)
def name_key(name: str) -> str:
    """The matching key of a name; names with the same key and entity type are one entity.

    Cached: the same names recur across thousands of articles and the key rules are regex-heavy.
    """
    key = _KEY(name) if name else ""
    if not key:
        return fold_key(name)
    numbers = [n for n in _NUMBER.findall(name) if n not in key.split()]
    return " ".join([key, *numbers]) if numbers else key
