"""Fine-tune the e5 encoder for German NER (accurate mode): LoRA on the top blocks + a BIO head.

Data: the NER engineer's corpora and splits (``training/convert.py``: ``load_all`` and ``to_doc``),
train split only for training, dev split for model selection; the held-out split is never read here.
By default GermEval and SmartData (modern news-like German); Europarl can be added with
``--sources``.

Why cache features: the bottom ``frozen`` blocks never change, so their output for every training
sentence is computed once (one forward pass) and the epochs only run the top blocks, forward and
backward. On one CPU core that is what makes a fine-tune fit in the time a session has.

Writes the delta (adapters, top layer norms, head; float16) and its config to
``src/newsgraph/models/accurate_de/`` and a log to ``training/output/accurate/``.
Run (one thread, niced): ``nice -n 10 .venv/bin/python training/accurate/train_ner.py``
"""

from __future__ import annotations

import os

for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")

import argparse  # noqa: E402
import json  # noqa: E402
import random  # noqa: E402
import sys  # noqa: E402
import time  # noqa: E402
from dataclasses import dataclass  # noqa: E402
from pathlib import Path  # noqa: E402

import torch  # noqa: E402

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
sys.path.insert(0, str(ROOT / "training"))

from convert import load_all, to_doc  # noqa: E402
from newsgraph.accurate.encoder import load_base_encoder  # noqa: E402
from newsgraph.accurate.ner import (  # noqa: E402
    Tagger,
    TaggerConfig,
    allowed_transitions,
    chunk_words,
    model_dir,
    tags_to_spans,
    viterbi_bio,
    word_spans,
)
from newsgraph.accurate.tokenizer import UnigramTokenizer  # noqa: E402

OUTPUT = ROOT / "training" / "output" / "accurate"
IGNORE = -100


@dataclass
class Item:
    ids: list[int]
    word_pos: list[int]
    labels: list[int]
    feats: torch.Tensor | None = None


def doc_items(doc, tok: UnigramTokenizer, tags: tuple[str, ...], max_subwords: int) -> list[Item]:
    """Encoder inputs with per-word BIO labels (missing annotation → ignored in the loss)."""
    index = {t: i for i, t in enumerate(tags)}
    labels = []
    for t in doc:
        if t.ent_iob_ == "":
            labels.append(IGNORE)
        elif t.ent_iob_ == "O":
            labels.append(0)
        else:
            labels.append(index.get(f"{t.ent_iob_}-{t.ent_type_}", IGNORE))
    items = []
    for ch in chunk_words(tok, doc.text, word_spans(doc, 0, len(doc)), max_subwords):
        items.append(Item(ch.ids, ch.word_pos, [labels[w] for w in ch.words]))
    return items


def load_items(split: str, sources: list[str], tok, cfg) -> tuple[list[Item], dict]:
    import spacy

    nlp = spacy.blank("de")
    data = load_all()
    items: list[Item] = []
    stats = {}
    for src in sources:
        exs = data[src][split]
        n_words = 0
        for ex in exs:
            doc = to_doc(nlp, ex)
            n_words += len(doc)
            items.extend(doc_items(doc, tok, cfg.tags, cfg.max_subwords))
        stats[src] = {"docs": len(exs), "words": n_words}
    return items, stats


def pad(items: list[Item]) -> tuple[torch.Tensor, torch.Tensor]:
    width = max(len(it.ids) for it in items)
    ids = torch.full((len(items), width), 1, dtype=torch.long)
    mask = torch.zeros((len(items), width), dtype=torch.long)
    for r, it in enumerate(items):
        ids[r, : len(it.ids)] = torch.tensor(it.ids)
        mask[r, : len(it.ids)] = 1
    return ids, mask


@torch.no_grad()
def cache_features(model: Tagger, items: list[Item], stop: int, log, batch: int = 64) -> None:
    """Hidden states after the frozen blocks, float16, one tensor per item."""
    order = sorted(range(len(items)), key=lambda i: len(items[i].ids))
    t0 = time.time()
    for s in range(0, len(order), batch):
        chunk = [items[i] for i in order[s : s + batch]]
        ids, mask = pad(chunk)
        x = model.embed_until(ids, mask, stop)
        for r, it in enumerate(chunk):
            it.feats = x[r, : len(it.ids)].to(torch.float16).clone()
        if (s // batch) % 20 == 0:
            log(f"  features {s + len(chunk)}/{len(items)}  {time.time() - t0:.0f}s")


def batch_tensors(items: list[Item]) -> tuple[torch.Tensor, ...]:
    """Padded cached features, mask, and (row, column, label) of every labelled word."""
    width = max(len(it.ids) for it in items)
    hid = items[0].feats.shape[1]
    x = torch.zeros((len(items), width, hid))
    mask = torch.zeros((len(items), width), dtype=torch.long)
    rows, cols, labels = [], [], []
    for r, it in enumerate(items):
        x[r, : len(it.ids)] = it.feats.float()
        mask[r, : len(it.ids)] = 1
        rows.extend([r] * len(it.word_pos))
        cols.extend(it.word_pos)
        labels.extend(it.labels)
    return x, mask, torch.tensor(rows), torch.tensor(cols), torch.tensor(labels)


def evaluate(model: Tagger, items: list[Item], start: int) -> dict:
    """Word-span micro P/R/F1 on items (exact span + label), BIO-constrained decoding."""
    model.eval()
    ok = allowed_transitions(model.cfg.tags)
    tags = model.cfg.tags
    tp = fp = fn = 0
    with torch.no_grad():
        for s in range(0, len(items), 64):
            chunk = items[s : s + 64]
            x, mask, _rows, _cols, _labels = batch_tensors(chunk)
            logp = torch.log_softmax(model.forward_from(x, mask, start), -1).numpy()
            for r, it in enumerate(chunk):
                lp = logp[r, it.word_pos]
                pred = set(tags_to_spans([tags[t] for t in viterbi_bio(lp, ok, tags)]))
                if any(lab == IGNORE for lab in it.labels):
                    continue  # partially annotated: not scored
                gold = set(tags_to_spans([tags[lab] for lab in it.labels]))
                tp += len(pred & gold)
                fp += len(pred - gold)
                fn += len(gold - pred)
    model.train()
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return {"p": round(p, 4), "r": round(r, 4), "f1": round(2 * p * r / (p + r) if p + r else 0.0, 4)}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    ap.add_argument("--sources", default="germeval,smartdata")
    ap.add_argument("--n-layers", type=int, default=8)
    ap.add_argument("--frozen", type=int, default=4)
    ap.add_argument("--rank", type=int, default=16)
    ap.add_argument("--epochs", type=float, default=2.5)
    ap.add_argument("--max-minutes", type=float, default=40.0, help="stop training after this wall time")
    ap.add_argument("--lr", type=float, default=1e-3)
    ap.add_argument("--batch", type=int, default=16)
    ap.add_argument("--eval-every", type=int, default=230, help="steps between dev evaluations")
    ap.add_argument("--limit", type=int, default=0, help="use only the first N training items (smoke test)")
    ap.add_argument("--out", type=Path, default=model_dir("de"))
    ap.add_argument("--seed", type=int, default=13)
    args = ap.parse_args()

    torch.set_num_threads(1)
    torch.manual_seed(args.seed)
    random.seed(args.seed)
    OUTPUT.mkdir(parents=True, exist_ok=True)
    log_file = (OUTPUT / "train.log").open("a", encoding="utf-8")

    def log(msg: str) -> None:
        line = f"{time.strftime('%H:%M:%S')} {msg}"
        print(line, flush=True)
        log_file.write(line + "\n")
        log_file.flush()

    t_start = time.time()
    cfg = TaggerConfig(n_layers=args.n_layers, frozen=args.frozen, rank=args.rank, alpha=2.0 * args.rank)
    tok = UnigramTokenizer.bundled()
    sources = args.sources.split(",")
    train, train_stats = load_items("train", sources, tok, cfg)
    dev, dev_stats = load_items("dev", sources, tok, cfg)
    if args.limit:
        train = train[: args.limit]
        dev = dev[: max(50, args.limit // 5)]
    n_sub = sum(len(it.ids) for it in train)
    log(f"train items {len(train)} ({n_sub} subwords) {train_stats}; dev items {len(dev)} {dev_stats}")

    model = Tagger(load_base_encoder(), cfg)
    model.eval()
    t0 = time.time()
    cache_features(model, train + dev, cfg.frozen, log)
    t_features = time.time() - t0
    log(f"cached features after {cfg.frozen} blocks in {t_features:.0f}s")

    model.add_adapters()
    model.train()
    params = [p for p in model.parameters() if p.requires_grad]
    log(f"trainable parameters: {sum(p.numel() for p in params)}")
    opt = torch.optim.AdamW(params, lr=args.lr, weight_decay=0.01)
    steps_per_epoch = (len(train) + args.batch - 1) // args.batch
    total = int(steps_per_epoch * args.epochs)
    warm = max(1, total // 20)
    sched = torch.optim.lr_scheduler.LambdaLR(
        opt, lambda s: min(1.0, (s + 1) / warm) * max(0.05, 1 - s / max(1, total))
    )
    loss_fn = torch.nn.CrossEntropyLoss(ignore_index=IGNORE)
    best = {"f1": -1.0}
    step = 0
    t_train = time.time()
    deadline = t_start + 60 * args.max_minutes
    stop = False
    while step < total and not stop:
        # length-bucketed shuffled batches: similar lengths pad little
        order = sorted(range(len(train)), key=lambda i: (len(train[i].ids) + random.random() * 8))
        batches = [order[i : i + args.batch] for i in range(0, len(order), args.batch)]
        random.shuffle(batches)
        running = 0.0
        for bi, b in enumerate(batches):
            x, mask, rows, cols, labels = batch_tensors([train[i] for i in b])
            logits = model.forward_from(x, mask, cfg.frozen)
            loss = loss_fn(logits[rows, cols], labels)
            opt.zero_grad()
            loss.backward()
            torch.nn.utils.clip_grad_norm_(params, 1.0)
            opt.step()
            sched.step()
            step += 1
            running += loss.item()
            if step % 50 == 0:
                log(f"step {step}/{total} loss {running / (bi + 1):.4f} {time.time() - t_train:.0f}s")
            last = step >= total or time.time() > deadline
            if step % args.eval_every == 0 or last:
                dev_score = evaluate(model, dev, cfg.frozen)
                log(f"step {step} dev {dev_score}")
                if dev_score["f1"] > best["f1"]:
                    best = {**dev_score, "step": step}
                    cfg.training = {
                        "sources": sources,
                        "train": train_stats,
                        "dev": dev_stats,
                        "train_subwords": n_sub,
                        "steps": step,
                        "epochs": round(step / steps_per_epoch, 2),
                        "batch": args.batch,
                        "lr": args.lr,
                        "dev_word_span_f1": dev_score,
                        "feature_cache_s": round(t_features),
                        "train_s": round(time.time() - t_train),
                        "threads": 1,
                    }
                    model.save_delta(args.out)
                    log(f"saved delta to {args.out}")
            if last:
                stop = True
                break
    log(f"done: best {best}; total {time.time() - t_start:.0f}s")
    (OUTPUT / "summary.json").write_text(json.dumps({"best": best, "config": cfg.training}, indent=2) + "\n")


if __name__ == "__main__":
    main()
