"""Quote message detection: the quote layer's rules vs. a probe on e5 features (issue #4, point 3).

Would the encoder find the words of reported speech better than the quote layer? Measured on the
same data and metric as ``bench_quotes.py``: SpkAtt WikiNews, trained on the dev split only, scored
on the val split, token-level P/R/F1 of "this (non-punctuation) token is inside a message". The
probe: hidden states of the first ``--layers`` e5 blocks (frozen, the bundled weights) at each
token's first subword, the token's vector concatenated with its two neighbours', and one logistic
output trained with Adam — deliberately small, so it shows what the encoder already knows. It finds
*which words* are reported speech, not who said them; the rules' figure is read from
``benchmarks/results/quotes.json`` (the same split and metric).

Run: ``nice -n 10 .venv/bin/python benchmarks/bench_quotes_e5.py`` → ``benchmarks/results/quotes_e5.json``
"""

from __future__ import annotations

import os

for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")

import argparse  # noqa: E402
import json  # noqa: E402
import sys  # noqa: E402
import time  # noqa: E402
from pathlib import Path  # noqa: E402

import numpy as np  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "training" / "quotes"))
sys.path.insert(0, str(ROOT / "benchmarks"))
RESULTS = ROOT / "benchmarks" / "results" / "quotes_e5.json"


def features(docs, layers: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Per token: [prev, self, next] hidden states (float32), gold label, and a not-punctuation mask."""
    import torch

    from bench_quotes import is_punct
    from newsgraph.accurate.encoder import load_base_encoder
    from newsgraph.accurate.ner import chunk_words
    from newsgraph.accurate.tokenizer import UnigramTokenizer

    torch.set_num_threads(1)
    enc = load_base_encoder()
    enc.layers = enc.layers[:layers]
    tok = UnigramTokenizer.bundled()
    xs, ys, ms = [], [], []
    t0 = time.time()
    for n, sd in enumerate(docs):
        vecs = np.zeros((len(sd.tokens), enc.config.hidden), dtype=np.float32)
        chunks = list(chunk_words(tok, sd.text, list(sd.tokens), 256))
        with torch.inference_mode():
            for s in range(0, len(chunks), 16):
                batch = chunks[s : s + 16]
                width = max(len(c.ids) for c in batch)
                ids = torch.full((len(batch), width), tok.pad, dtype=torch.long)
                mask = torch.zeros((len(batch), width), dtype=torch.long)
                for r, c in enumerate(batch):
                    ids[r, : len(c.ids)] = torch.tensor(c.ids)
                    mask[r, : len(c.ids)] = 1
                out = enc(ids, mask).numpy()
                for r, c in enumerate(batch):
                    vecs[c.words] = out[r, c.word_pos]
        prev = np.vstack([np.zeros((1, vecs.shape[1]), np.float32), vecs[:-1]])
        nxt = np.vstack([vecs[1:], np.zeros((1, vecs.shape[1]), np.float32)])
        xs.append(np.hstack([prev, vecs, nxt]))
        gold = np.zeros(len(sd.tokens), dtype=np.float32)
        for ann in sd.annotations:
            gold[list(ann.message)] = 1.0
        ys.append(gold)
        ms.append(np.array([not is_punct(sd.text[a:b]) for a, b in sd.tokens]))
        if n % 50 == 0:
            print(f"  {n}/{len(docs)} documents, {time.time() - t0:.0f}s", flush=True)
    return np.vstack(xs), np.concatenate(ys), np.concatenate(ms)


def train_probe(x: np.ndarray, y: np.ndarray, epochs: int, seed: int = 13):
    import torch

    torch.manual_seed(seed)
    xt, yt = torch.from_numpy(x), torch.from_numpy(y)
    mean, std = xt.mean(0), xt.std(0) + 1e-6
    model = torch.nn.Linear(x.shape[1], 1)
    opt = torch.optim.Adam(model.parameters(), lr=1e-3, weight_decay=1e-4)
    loss_fn = torch.nn.BCEWithLogitsLoss()
    for _ in range(epochs):
        order = torch.randperm(len(xt))
        for s in range(0, len(order), 512):
            idx = order[s : s + 512]
            loss = loss_fn(model((xt[idx] - mean) / std).squeeze(-1), yt[idx])
            opt.zero_grad()
            loss.backward()
            opt.step()

    def predict(xv: np.ndarray) -> np.ndarray:
        with torch.no_grad():
            return (model((torch.from_numpy(xv) - mean) / std).squeeze(-1) > 0).numpy()

    return predict


def prf(pred: np.ndarray, gold: np.ndarray) -> dict[str, float]:
    tp = float((pred & gold).sum())
    fp = float((pred & ~gold).sum())
    fn = float((~pred & gold).sum())
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return {"precision": round(p, 3), "recall": round(r, 3), "f1": round(2 * p * r / (p + r) if p + r else 0.0, 3)}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    ap.add_argument("--layers", type=int, default=8)
    ap.add_argument("--epochs", type=int, default=3)
    ap.add_argument("--limit", type=int, default=0, help="documents per split (smoke test)")
    ap.add_argument("--no-write", action="store_true")
    args = ap.parse_args()
    import spkatt

    dev, val = spkatt.load_split("dev"), spkatt.load_split("val")
    if args.limit:
        dev, val = dev[: args.limit], val[: args.limit]
    t0 = time.time()
    xd, yd, md = features(dev, args.layers)
    xv, yv, mv = features(val, args.layers)
    t_feat = time.time() - t0
    predict = train_probe(xd[md], yd[md], args.epochs)
    probe = prf(predict(xv[mv]), yv[mv].astype(bool))
    rules = json.loads((ROOT / "benchmarks" / "results" / "quotes.json").read_text())["message_tokens"]
    print(f"val tokens {int(mv.sum())}: e5 probe {probe}; rules {rules}; features {t_feat:.0f}s")
    if not args.no_write:
        RESULTS.write_text(json.dumps({
            "split": "train on dev, score on val (spkatt2023_news)",
            "metric": "token-level, non-punctuation tokens inside any message",
            "e5_probe": probe,
            "rules": rules,
            "layers": args.layers,
            "epochs": args.epochs,
            "dev_tokens": int(md.sum()),
            "val_tokens": int(mv.sum()),
            "feature_seconds": round(t_feat),
            "machine": "x86_64, 2 cores (shared), no GPU, 1 thread",
        }, indent=2) + "\n", encoding="utf-8")
        print(f"wrote {RESULTS.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
