"""The learned message/cue tagger alone vs. the quote layer's rules (issue #21, item 5).

Same data and metric as ``bench_quotes.py``: SpkAtt WikiNews validation split (never trained or
tuned on), token-level P/R/F1 of "this non-punctuation token is inside a message", overall and per
form. The tagger reads the dataset's own tokens (as in training); the rules' figures are those of
the layer on the rebuilt article text (``bench_quotes.py``), read from ``--rules`` (default
``benchmarks/results/quotes_rules.json``, written by ``bench_quotes.py --tagger off``).

Run: ``nice .venv/bin/python benchmarks/bench_quotes_tagger.py [--model PATH]`` →
``benchmarks/results/quotes_tagger.json``
"""

from __future__ import annotations

import argparse
import json
import platform
import statistics
import sys
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "training" / "quotes"))
sys.path.insert(0, str(ROOT / "benchmarks"))

import spacy  # noqa: E402
import spkatt  # noqa: E402
from make_tagger_data import tagged_doc  # noqa: E402

from bench_quotes import FORMS, gold_form, is_punct  # noqa: E402
from newsgraph.pipeline.quotes_model import MODEL_DIR, QuoteTagger  # noqa: E402

TAG_FORM = {"DM": "Direct", "IM": "Indirect", "FM": "FreeIndirect", "RM": "Reported"}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--model", type=Path, default=MODEL_DIR)
    parser.add_argument("--split", choices=["dev", "val"], default="val")
    parser.add_argument("--rules", type=Path, default=ROOT / "benchmarks" / "results" / "quotes_rules.json")
    parser.add_argument("--no-write", action="store_true")
    args = parser.parse_args()
    if not spkatt.DATASET.exists():
        sys.exit(f"dataset not found: {spkatt.DATASET}")
    base = spacy.load(ROOT / "src" / "newsgraph" / "models" / "de_newsgraph")
    tagger = QuoteTagger.load(args.model)
    tp: dict[str, int] = defaultdict(int)
    fp: dict[str, int] = defaultdict(int)
    fn: dict[str, int] = defaultdict(int)
    per_doc_ms: list[float] = []
    for sd in spkatt.load_split(args.split):
        doc, index = tagged_doc(base.vocab, sd)
        t0 = time.perf_counter()
        tags = tagger.tags(doc)
        per_doc_ms.append((time.perf_counter() - t0) * 1000)
        # gold by form from the annotations (nested ones included, as bench_quotes.py does)
        gold: list[set[str]] = [set() for _ in sd.tokens]
        for ann in sd.annotations:
            for t in ann.message:
                gold[t].add(gold_form(ann.form))
        for k, i in enumerate(index):
            if is_punct(doc[i].text):
                continue
            form = TAG_FORM.get(tags[i])
            p, g = form is not None, bool(gold[k])
            tp["all"] += p and g
            fp["all"] += p and not g
            fn["all"] += g and not p
            for f in FORMS:
                pf, gf = form == f, f in gold[k]
                tp[f] += pf and gf
                fp[f] += pf and not gf
                fn[f] += gf and not pf

    def prf(key: str) -> dict:
        p = tp[key] / (tp[key] + fp[key]) if tp[key] + fp[key] else 0.0
        r = tp[key] / (tp[key] + fn[key]) if tp[key] + fn[key] else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return {"precision": round(p, 3), "recall": round(r, 3), "f1": round(f, 3)}

    result = {
        "split": args.split,
        "model": str(args.model.relative_to(ROOT) if args.model.is_relative_to(ROOT) else args.model),
        "tagger": {"message_tokens": prf("all"), "per_form": {f: prf(f) for f in FORMS}},
        "median_ms_per_article": round(statistics.median(per_doc_ms), 2),
        "machine": f"{platform.machine()}, {platform.python_version()}, 2 shared cores, no GPU",
    }
    if args.rules.exists():
        rules = json.loads(args.rules.read_text(encoding="utf-8"))
        result["rules"] = {"message_tokens": rules["message_tokens"], "per_form": rules["per_form"]}
    print(json.dumps(result, indent=2, ensure_ascii=False))
    if args.split == "val" and not args.no_write:
        out = ROOT / "benchmarks" / "results" / "quotes_tagger.json"
        out.write_text(json.dumps(result, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
