"""Static word vectors for the fast CNN, distilled from the accurate-mode e5 teacher (floret table).

Why: the CNN lacks recall on names it never saw in ~270k gold words (issue #3); the e5 teacher knows
that ``Patruschew`` or ``Reykjavík`` is a name from its multilingual pretraining. We run every word of
a large vocabulary through the teacher *on its own* (``<s> word </s>``), take the teacher's last
hidden state at the word's first subword (what its tag head reads), reduce it by PCA, and fit a
floret table (spaCy ``Vectors(mode="floret")``): a vector per hashed character n-gram whose mean
reproduces the teacher's vector. The CNN then gets a vector for *every* token, including names and
spellings absent from the vocabulary, at the cost of a hash lookup; no encoder runs at tag time.

Vocabulary: all tokens of the NER and UD training docs and the silver text (never the dev or
held-out splits), plus the Latin-script word pieces of the e5 vocabulary (many foreign names).

Run: ``.venv/bin/python training/vectors.py`` → ``training/output/vectors_de/`` (a blank spaCy
pipeline holding only the vectors, used by ``ner.cfg`` ``[paths] vectors``) and its ``stats.json``.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter
from pathlib import Path

import numpy as np

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
CORPUS = HERE / "corpus"
OUT = HERE / "output" / "vectors_de"
sys.path.insert(0, str(ROOT / "src"))

#: floret settings: n-grams of 3–5 characters plus the whole padded word, two hashes each
FLORET = {"minn": 3, "maxn": 5, "hash_count": 2, "hash_seed": 0, "bow": "<", "eow": ">"}


def vocabulary(max_words: int) -> Counter:
    """Token counts from the training docs (no dev, no held-out) plus e5's Latin word pieces."""
    import spacy
    from spacy.tokens import DocBin

    nlp = spacy.blank("de")
    counts: Counter = Counter()
    for name in ("train.spacy", "silver.spacy", "ud_train.spacy"):
        path = CORPUS / name
        if not path.exists():
            print(f"warning: {path} missing (run training/train.py convert/distill first); skipped")
            continue
        for doc in DocBin().from_disk(path).get_docs(nlp.vocab):
            counts.update(t.text for t in doc if not t.is_space)
    from newsgraph.accurate.tokenizer import UnigramTokenizer

    tok = UnigramTokenizer.bundled()
    for piece in tok.vocab.pieces:
        if piece.startswith("\u2581") and len(piece) >= 4:
            word = piece[1:]
            if word.isalpha() and all(ord(c) < 0x250 for c in word):
                counts[word] += 0  # present, but ranked after every word seen in our text
    ranked = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:max_words]
    return Counter(dict(ranked))


def teacher_vectors(words: list[str], batch: int, threads: int) -> np.ndarray:
    """The teacher's last hidden state at each word's first subword, the word alone in its input."""
    import torch

    from newsgraph.accurate.ner import Tagger, model_dir
    from newsgraph.accurate.tokenizer import UnigramTokenizer

    torch.set_num_threads(threads)
    model = Tagger.from_delta(model_dir("de"))
    tok = UnigramTokenizer.bundled()
    ids = [[tok.bos, *tok.encode(w)[:14], tok.eos] for w in words]
    out = np.zeros((len(words), model.encoder.config.hidden), dtype=np.float32)
    order = sorted(range(len(words)), key=lambda i: len(ids[i]))
    t0 = time.time()
    with torch.inference_mode():
        for s in range(0, len(order), batch):
            idx = order[s : s + batch]
            width = max(len(ids[i]) for i in idx)
            x = torch.full((len(idx), width), tok.pad, dtype=torch.long)
            m = torch.zeros((len(idx), width), dtype=torch.long)
            for r, i in enumerate(idx):
                x[r, : len(ids[i])] = torch.tensor(ids[i])
                m[r, : len(ids[i])] = 1
            h = model.embed_until(x, m, len(model.encoder.layers))
            out[idx] = h[:, 1].numpy()
            if (s // batch) % 20 == 0:
                done = s + len(idx)
                print(f"  teacher: {done:,}/{len(words):,} words, {done / (time.time() - t0):,.0f}/s", flush=True)
    return out


def ngram_rows(words: list[str], rows: int) -> tuple[np.ndarray, np.ndarray]:
    """Per word, the floret table rows spaCy will average for it (spaCy's own hashing)."""
    from spacy.vectors import Vectors

    probe = Vectors(mode="floret", data=np.zeros((rows, 1), dtype=np.float32), **FLORET)
    indptr = [0]
    indices: list[int] = []
    for w in words:
        for ng in probe._get_ngrams(w):
            indices.extend(h % rows for h in probe._get_ngram_hashes(ng))
        indptr.append(len(indices))
    return np.asarray(indptr, dtype=np.int64), np.asarray(indices, dtype=np.int64)


def fit_table(
    indptr: np.ndarray, indices: np.ndarray, target: np.ndarray, rows: int, lam: float, iters: int
) -> np.ndarray:
    """Least squares ``min ||A T - V||² + lam ||T||²`` by conjugate gradients (all columns at once).

    ``A`` averages a word's n-gram rows, exactly as ``Vectors.get_batch`` does in floret mode.
    """
    import warnings

    import torch

    warnings.filterwarnings("ignore", message="Sparse", category=UserWarning)
    n = len(indptr) - 1
    lengths = np.diff(indptr)
    data = torch.from_numpy(np.repeat(1.0 / np.maximum(lengths, 1), lengths).astype(np.float32))
    words = torch.from_numpy(np.repeat(np.arange(n), lengths))
    cols = torch.from_numpy(indices)
    a = torch.sparse_coo_tensor(torch.stack([words, cols]), data, (n, rows)).coalesce().to_sparse_csr()
    at = torch.sparse_coo_tensor(torch.stack([cols, words]), data, (rows, n)).coalesce().to_sparse_csr()

    def op(t: np.ndarray) -> np.ndarray:
        tt = torch.from_numpy(t)
        return (at @ (a @ tt)).numpy() + lam * t

    b = (at @ torch.from_numpy(np.ascontiguousarray(target))).numpy()
    t = np.zeros((rows, target.shape[1]), dtype=np.float32)
    r = b - op(t)
    p = r.copy()
    rs = (r * r).sum(0)
    for it in range(iters):
        ap = op(p)
        alpha = rs / np.maximum((p * ap).sum(0), 1e-12)
        t += p * alpha
        r -= ap * alpha
        rs_new = (r * r).sum(0)
        if it % 50 == 0:
            print(f"  cg {it}: residual {float(np.sqrt(rs_new.sum())):.4g}", flush=True)
        p = r + p * (rs_new / np.maximum(rs, 1e-12))
        rs = rs_new
    return t


def cosine_rows(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    return (a * b).sum(1) / (np.linalg.norm(a, axis=1) * np.linalg.norm(b, axis=1) + 1e-9)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    ap.add_argument("--max-words", type=int, default=250_000)
    ap.add_argument("--dim", type=int, default=96, help="PCA dimensions kept")
    ap.add_argument("--rows", type=int, default=50_000, help="floret table rows")
    ap.add_argument("--lam", type=float, default=0.01)
    ap.add_argument("--iters", type=int, default=300)
    ap.add_argument("--batch", type=int, default=512)
    ap.add_argument("--threads", type=int, default=1)
    ap.add_argument("--cache", type=Path, default=HERE / "output" / "teacher_word_vectors.npz")
    ap.add_argument("--out", type=Path, default=OUT)
    args = ap.parse_args()
    t_start = time.time()

    if args.cache.exists():
        z = np.load(args.cache, allow_pickle=False)
        words, full = [str(w) for w in z["words"]], z["vectors"]
        print(f"teacher vectors from {args.cache}: {len(words):,} words")
    else:
        counts = vocabulary(args.max_words)
        words = list(counts)
        print(f"vocabulary: {len(words):,} words ({sum(1 for c in counts.values() if c):,} seen in training text)")
        full = teacher_vectors(words, args.batch, args.threads)
        args.cache.parent.mkdir(parents=True, exist_ok=True)
        np.savez(args.cache, words=np.asarray(words), vectors=full)

    mean = full.mean(0)
    _u, s, vt = np.linalg.svd(full - mean, full_matrices=False)
    explained = float((s[: args.dim] ** 2).sum() / (s**2).sum())
    target = ((full - mean) @ vt[: args.dim].T).astype(np.float32)
    target /= np.sqrt((target**2).sum(1).mean())  # unit mean norm: the scale the CNN's init expects
    print(f"PCA {full.shape[1]} -> {args.dim}: {explained:.3f} of the variance")

    indptr, indices = ngram_rows(words, args.rows)
    # how well the table generalises: fit on 95 % of the words, compare on the 5 % left out
    rng = np.random.default_rng(0)
    test = rng.random(len(words)) < 0.05
    keep = np.flatnonzero(~test)
    sub_ptr = np.concatenate([[0], np.cumsum(np.diff(indptr)[keep])])
    sub_idx = np.concatenate([indices[indptr[i] : indptr[i + 1]] for i in keep])
    t_fit = fit_table(sub_ptr, sub_idx, target[keep], args.rows, args.lam, args.iters)

    def recon(table: np.ndarray, sel: np.ndarray) -> np.ndarray:
        return np.stack([table[indices[indptr[i] : indptr[i + 1]]].mean(0) for i in sel])

    held = np.flatnonzero(test)
    cos_held = float(np.median(cosine_rows(recon(t_fit, held), target[held])))
    cos_train = float(np.median(cosine_rows(recon(t_fit, keep[:5000]), target[keep[:5000]])))
    print(f"floret fit: median cosine {cos_train:.3f} on fitted words, {cos_held:.3f} on unseen words")

    table = fit_table(indptr, indices, target, args.rows, args.lam, args.iters)
    import spacy
    from spacy.vectors import Vectors

    nlp = spacy.blank("de")
    nlp.vocab.vectors = Vectors(strings=nlp.vocab.strings, data=table.astype(np.float32), mode="floret", **FLORET)
    args.out.mkdir(parents=True, exist_ok=True)
    nlp.to_disk(args.out)
    # check the round trip: spaCy's own lookup reproduces our reconstruction
    check = spacy.load(args.out)
    probe = [words[i] for i in held[:200]]
    ours = recon(table, held[:200])
    theirs = check.vocab.vectors.get_batch(probe)
    if not np.allclose(ours, theirs, atol=1e-4):
        raise SystemExit("spaCy's floret lookup differs from the fitted reconstruction")
    stats = {
        "words": len(words),
        "teacher": "accurate_de (e5-small, 8 blocks, LoRA), last hidden state at the first subword",
        "pca_dim": args.dim,
        "pca_variance_kept": round(explained, 4),
        "floret": {**FLORET, "rows": args.rows},
        "median_cosine_fitted_words": round(cos_train, 4),
        "median_cosine_unseen_words": round(cos_held, 4),
        "table_mb": round(table.nbytes / 1e6, 1),
        "seconds": round(time.time() - t_start),
    }
    (args.out / "stats.json").write_text(json.dumps(stats, indent=2) + "\n")
    print(json.dumps(stats, indent=2))


if __name__ == "__main__":
    main()
