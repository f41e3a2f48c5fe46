"""NER benchmark: micro P/R/F1 on held-out German text, and words/s of the default pipeline.

Two rows, each on the same held-out texts (never trained on; see training/convert.py):

- ``model``:    the shipped statistical pipeline alone (``src/newsgraph/models/de_newsgraph``)
- ``pipeline``: ``newsgraph.load("de")``, whose entity layer may rewrite ``doc.ents``

Scoring is exact match of (start_char, end_char, label) on outer spans, labels PER/ORG/LOC/MISC,
micro-averaged overall and per label, per source set (GermEval 2014 held-out 20% — the figure the
project reports —, SmartData held-out 20%, Europarl test). Gold spans that do not fall on token
boundaries (parts of compounds such as ``SPD`` in ``SPD-Chef``) and spans the converter marked as
missing are excluded, together with any prediction overlapping them; their number is reported.

Speed: the whole default pipeline (``newsgraph.load("de")``) on the GermEval held-out sentences
grouped into article-sized texts of 20 sentences, one thread, median of ``--runs`` runs.

Run: ``.venv/bin/python benchmarks/bench_ner.py`` → prints a table, writes benchmarks/results/ner.json.
"""

from __future__ import annotations

import os

for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ[_var] = "1"

import argparse  # noqa: E402
import json  # noqa: E402
import platform  # noqa: E402
import statistics  # noqa: E402
import sys  # noqa: E402
import time  # noqa: E402
from collections import Counter  # noqa: E402
from pathlib import Path  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "training"))

from convert import LABELS, Example, heldout_examples  # noqa: E402

RESULTS = ROOT / "benchmarks" / "results" / "ner.json"


def prf(tp: int, fp: int, fn: int) -> dict[str, float | int]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"p": round(p, 4), "r": round(r, 4), "f1": round(f, 4), "tp": tp, "fp": fp, "fn": fn}


def score(nlp, examples: list[Example]) -> dict:
    """Micro P/R/F1 overall and per label of ``nlp``'s ``doc.ents`` against the examples' spans."""
    counts = {lab: Counter() for lab in LABELS}
    excluded = 0
    docs = nlp.pipe((ex.text for ex in examples), batch_size=64)
    for ex, doc in zip(examples, docs, strict=True):
        starts = {t.idx for t in doc}
        ends = {t.idx + len(t.text) for t in doc}
        ignore = list(ex.missing)
        gold = set()
        for s, e, lab in ex.spans:
            if s in starts and e in ends:
                gold.add((s, e, lab))
            else:
                ignore.append((s, e))
                excluded += 1
        pred = {
            (ent.start_char, ent.end_char, ent.label_)
            for ent in doc.ents
            if ent.label_ in LABELS and not any(ent.start_char < e and s < ent.end_char for s, e in ignore)
        }
        for lab in LABELS:
            g = {x for x in gold if x[2] == lab}
            p = {x for x in pred if x[2] == lab}
            counts[lab]["tp"] += len(g & p)
            counts[lab]["fp"] += len(p - g)
            counts[lab]["fn"] += len(g - p)
    total = Counter()
    for c in counts.values():
        total.update(c)
    return {
        "micro": prf(total["tp"], total["fp"], total["fn"]),
        "per_label": {lab: prf(c["tp"], c["fp"], c["fn"]) for lab, c in counts.items()},
        "excluded_gold_spans": excluded,
        "sentences": len(examples),
    }


def words_per_second(nlp, texts: list[str], runs: int) -> dict:
    """Median words/s of ``nlp`` over ``texts`` (tokens counted by the pipeline's tokenizer)."""
    n_words = sum(len(nlp.make_doc(t)) for t in texts)
    list(nlp.pipe(texts[:5]))  # warm-up
    rates = []
    for _ in range(runs):
        t0 = time.perf_counter()
        for _doc in nlp.pipe(texts, batch_size=32):
            pass
        rates.append(n_words / (time.perf_counter() - t0))
    return {"words": n_words, "runs": [round(r) for r in rates], "median_words_per_s": round(statistics.median(rates))}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--no-write", action="store_true")
    args = ap.parse_args()

    import spacy

    import newsgraph
    from newsgraph.api import default_base

    base = default_base("de")
    if base is None:
        sys.exit("no shipped German model in src/newsgraph/models/de_newsgraph")
    data = heldout_examples()
    rows = {"model": spacy.load(base), "pipeline": newsgraph.load("de")}
    results: dict = {
        "machine": f"{platform.machine()}, {os.cpu_count()} cores, no GPU, 1 thread",
        "load_average_at_start": [round(x, 2) for x in os.getloadavg()],
        "python": platform.python_version(),
        "spacy": spacy.__version__,
        "model_pipes": rows["model"].pipe_names,
        "pipeline_pipes": rows["pipeline"].pipe_names,
        "matching": "exact (start_char, end_char, label), outer spans, micro-averaged",
        "heldout": "GermEval 2014 held-out 20% by source-URL hash (training/convert.py); SmartData 20%; Europarl test",
        "scores": {},
    }
    print(f"{'row':9} {'source':10} {'P':>6} {'R':>6} {'F1':>6}   per-label F1")
    for row, nlp in rows.items():
        results["scores"][row] = {}
        for src, examples in data.items():
            sc = score(nlp, examples)
            results["scores"][row][src] = sc
            m = sc["micro"]
            per = " ".join(f"{lab}={v['f1']:.3f}" for lab, v in sc["per_label"].items())
            print(f"{row:9} {src:10} {m['p']:6.3f} {m['r']:6.3f} {m['f1']:6.3f}   {per}")
    ge = data["germeval"]
    texts = [" ".join(ex.text for ex in ge[i : i + 20]) for i in range(0, len(ge), 20)]
    # one BLAS thread, as ``newsgraph.extract`` runs (``newsgraph.api.process``): on a shared machine more
    # threads only wait for each other
    from threadpoolctl import threadpool_limits

    with threadpool_limits(1):
        speed = words_per_second(rows["pipeline"], texts, args.runs)
    results["speed_pipeline"] = speed
    # the machine is shared: the load average says how far the speed is from an idle core's
    results["load_average_at_end"] = [round(x, 2) for x in os.getloadavg()]
    print(f"speed (newsgraph.load('de'), 1 thread): {speed['median_words_per_s']} words/s, runs {speed['runs']}")
    print(f"load average start/end: {results['load_average_at_start']} / {results['load_average_at_end']}")
    if not args.no_write:
        RESULTS.parent.mkdir(parents=True, exist_ok=True)
        RESULTS.write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
        print(f"wrote {RESULTS.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
