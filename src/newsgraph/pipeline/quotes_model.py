"""The learned message/cue tagger that the quote layer combines with its rules (issue #21).

The rules find quotation marks and listed cue verbs reliably but miss or over-extend many messages
of indirect, free indirect and reported speech. The tagger (trained on the spkatt2023_news
development split by ``training/quotes/``; used when a model is put in ``models/quotes_de/``, which
is not shipped: on the validation articles it did not beat the rules, see training/quotes/README.md)
labels each token ``DM``/``IM``/``FM``/
``RM`` (inside a Direct/Indirect/FreeIndirect/Reported message), ``C`` (cue), ``S`` (source) or
``O``. It is stacked on the rules: besides the words it reads what the rules said of each token
(:func:`rule_features`: message of which kind, cue, speaker or nothing), so it learns where the
rules go wrong rather than relearning quotation marks from 500 articles; a window CNN alone sees
too little of a long message to know it is inside one.

A small CNN over hash embeddings (the words' norm, affixes and shape, and the rules' feature) and
the static floret vectors of the main German pipeline, which it reads from the document's own
vocabulary at run time: the shipped folder holds no vector table, and the tagger is only used when
the document's vocabulary has vectors of the width it was trained with (otherwise the layer keeps
to its rules). NumPy only, no torch. It runs on a copy of the document's words, so the document's
own annotation (STTS tags, lemmas) stays as it is.
"""

from __future__ import annotations

from pathlib import Path

import numpy
import spacy
from spacy.tokens import Doc

#: what the rules said of a token, the tagger's extra input (carried in ``Token.lemma_`` of the copy)
FEATURES = ("O", "D", "I", "F", "R", "C", "S")

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

    def scores(self, doc: Doc, features: list[str]) -> numpy.ndarray:
        """Per token, the probability of each label (rows follow ``doc``, columns ``labels``),
        given the rules' ``features`` (one of :data:`FEATURES` per token)."""
        if len(doc) == 0:
            return numpy.zeros((0, len(self.labels)), dtype="f")
        out = self._pipe.model.predict([feature_doc(doc, features)])[0]
        return numpy.asarray(self._pipe.model.ops.to_numpy(out))

    def tags(self, doc: Doc, features: list[str]) -> list[str]:
        """The most likely label of each token."""
        scores = self.scores(doc, features)
        return [self.labels[k] for k in scores.argmax(axis=1)]


def feature_doc(doc: Doc, features: list[str], tags: list[str] | None = None) -> Doc:
    """A copy of ``doc``'s words (same vocabulary) whose lemmas carry the rules' features; with
    ``tags``, a training example."""
    copy = Doc(doc.vocab, words=[t.text for t in doc], spaces=[bool(t.whitespace_) for t in doc], tags=tags)
    for tok, feat in zip(copy, features, strict=True):
        tok.lemma_ = feat
    return copy


def rule_features(n_tokens: int, token_starts: list[int], spans: list[tuple[str, int, int]]) -> list[str]:
    """One feature per token from the rules' statements: ``spans`` are (feature, start, end) in
    characters, later ones winning where they overlap (messages first, then cues and speakers)."""
    import bisect

    feats = ["O"] * n_tokens
    for feat, a, b in spans:
        lo = max(0, bisect.bisect_right(token_starts, a) - 1)
        hi = bisect.bisect_left(token_starts, b)
        for k in range(lo, min(hi, n_tokens)):
            feats[k] = feat
    return feats


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
