"""training/vectors.py: the fitted floret table is what spaCy looks up, and it generalises by n-grams."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import numpy as np
import pytest
import spacy
from spacy.vectors import Vectors

pytest.importorskip("torch", reason="training/vectors.py fits the table with torch (the 'accurate' extra)")

ROOT = Path(__file__).resolve().parents[1]


def _vectors_module():
    spec = importlib.util.spec_from_file_location("ng_training_vectors", ROOT / "training" / "vectors.py")
    mod = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = mod
    spec.loader.exec_module(mod)
    return mod


def test_floret_table_reproduces_targets_through_spacys_own_lookup() -> None:
    v = _vectors_module()
    # two families of words that share character n-grams: Russian surnames and German compounds
    names = ["Lawrow", "Peskow", "Patruschew", "Uschakow", "Gorbatschow", "Iwanow", "Smirnow", "Popow"]
    nouns = ["Regierung", "Zeitung", "Meinung", "Stellung", "Wohnung", "Sitzung", "Leitung", "Rechnung"]
    words = names + nouns
    target = np.zeros((len(words), 4), dtype=np.float32)
    target[: len(names), 0] = 1.0  # "a name" direction
    target[len(names) :, 1] = 1.0  # "a noun" direction
    rows = 512
    indptr, indices = v.ngram_rows(words, rows)
    table = v.fit_table(indptr, indices, target, rows, lam=0.01, iters=200)

    vectors = Vectors(strings=spacy.blank("de").vocab.strings, data=table, mode="floret", **v.FLORET)
    got = vectors.get_batch(words)
    ours = np.stack([table[indices[indptr[i] : indptr[i + 1]]].mean(0) for i in range(len(words))])
    assert np.allclose(got, ours, atol=1e-5), "spaCy averages other rows than the fit assumed"
    assert (v.cosine_rows(got, target) > 0.9).all()

    # unseen words: the shared endings carry the family
    unseen = vectors.get_batch(["Medwedow", "Hoffnung"])
    assert unseen[0, 0] > unseen[0, 1]
    assert unseen[1, 1] > unseen[1, 0]
