"""The learned message/cue tagger that the quote layer combines with its rules (issue #21).

The rules find quotation marks and listed cue verbs reliably but miss or over-extend many messages
of indirect, free indirect and reported speech. The tagger (``models/quotes_de/``, trained on the
spkatt2023_news development split by ``training/quotes/``) labels each token ``DM``/``IM``/``FM``/
``RM`` (inside a Direct/Indirect/FreeIndirect/Reported message), ``C`` (cue), ``S`` (source) or
``O``. It is a small CNN over hash embeddings and the static floret vectors of the main German
pipeline, which it reads from the document's own vocabulary at run time: the shipped folder holds
no vector table, and the tagger is only used when the document's vocabulary has vectors of the
width it was trained with (otherwise the layer keeps to its rules). NumPy only, no torch.

Only ``Model.predict`` is called, on the pipeline's own ``Doc``: the document's STTS tags stay as
they are.
"""

from __future__ import annotations

from pathlib import Path

import numpy
import spacy
from spacy.tokens import Doc

MODEL_DIR = Path(__file__).resolve().parents[1] / "models" / "quotes_de"
MESSAGE_TAGS = frozenset({"DM", "IM", "FM", "RM"})


class QuoteTagger:
    """A trained spaCy ``tagger`` used as a predictor only."""

    def __init__(self, nlp: spacy.Language) -> None:
        self._pipe = nlp.get_pipe("tagger")
        self.labels: tuple[str, ...] = tuple(self._pipe.labels)
        self.width = self._vector_width(nlp)

    @staticmethod
    def _vector_width(nlp: spacy.Language) -> int:
        """The width of the static vectors the model was trained with (0: none)."""
        tok2vec = nlp.get_pipe("tagger").model.get_ref("tok2vec")
        for node in tok2vec.walk():
            if node.name.startswith("static_vectors"):
                return int(node.get_dim("nM")) if node.has_dim("nM") else 0
        return 0

    @classmethod
    def load(cls, path: Path = MODEL_DIR) -> QuoteTagger:
        return cls(spacy.load(path))

    def usable(self, doc: Doc) -> bool:
        """Whether ``doc``'s vocabulary carries the static vectors the model reads."""
        if not self.width:
            return True
        vectors = doc.vocab.vectors
        return vectors.shape[1] == self.width and vectors.mode == "floret"

    def scores(self, doc: Doc) -> numpy.ndarray:
        """Per token, the probability of each label (rows follow ``doc``, columns ``labels``)."""
        if len(doc) == 0:
            return numpy.zeros((0, len(self.labels)), dtype="f")
        out = self._pipe.model.predict([doc])[0]
        return numpy.asarray(self._pipe.model.ops.to_numpy(out))

    def tags(self, doc: Doc) -> list[str]:
        """The most likely label of each token."""
        scores = self.scores(doc)
        return [self.labels[k] for k in scores.argmax(axis=1)]


_CACHE: dict[Path, QuoteTagger | None] = {}


def shipped_tagger(path: Path = MODEL_DIR) -> QuoteTagger | None:
    """The shipped tagger (loaded once per process), or None when the folder is absent."""
    if path not in _CACHE:
        _CACHE[path] = QuoteTagger.load(path) if (path / "config.cfg").exists() else None
    return _CACHE[path]


def label_runs(tags: list[str], labels: frozenset[str], s: int, e: int, bridge: list[bool]) -> list[tuple[int, int]]:
    """Maximal stretches of ``[s, e)`` whose tokens carry one of ``labels``; tokens flagged in
    ``bridge`` (punctuation) may sit inside a stretch but never start or end one."""
    out: list[tuple[int, int]] = []
    start = last = -1
    for k in range(s, e):
        if tags[k] in labels:
            if start < 0:
                start = k
            last = k
        elif bridge[k] and start >= 0:
            continue
        elif start >= 0:
            out.append((start, last + 1))
            start = last = -1
    if start >= 0:
        out.append((start, last + 1))
    return out
