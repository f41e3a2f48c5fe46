"""Fast vs accurate mode: NER P/R/F1 on the same held-out split, and words/s on one thread.

Rows, each scored on the NER engineer's held-out examples (``training/convert.py``; never trained on)
with the very same scorer as ``bench_ner.py`` (exact ``(start_char, end_char, label)``, outer spans,
micro-averaged; spans off token boundaries and spans marked missing are excluded):

- ``fast/ner``:     the shipped statistical pipeline alone (``models/de_newsgraph``: tok2vec + CNN NER)
- ``accurate/ner``: ``spacy.blank("de")`` + sentencizer + ``newsgraph_accurate_ner`` (e5 tagger)
- ``fast/pipeline`` and ``accurate/pipeline``: ``newsgraph.load("de", mode=...)`` — what users get;
  the entity layer may rewrite ``doc.ents`` (GermEval only, to save time)

Speed: each full pipeline on the GermEval held-out sentences grouped into article-sized texts of 20
sentences, one thread, median of ``--runs``. Both wall-clock words/s and words per CPU-second are
reported: the machine is shared, and the CPU-time figure is the one less disturbed by neighbours.

Run: ``nice -n 10 .venv/bin/python benchmarks/bench_accurate.py`` → table, benchmarks/results/accurate.json
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
from pathlib import Path  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "training"))
sys.path.insert(0, str(ROOT / "benchmarks"))

from bench_ner import score  # noqa: E402
from convert import heldout_examples  # noqa: E402

RESULTS = ROOT / "benchmarks" / "results" / "accurate.json"


def speed(nlp, texts: list[str], runs: int) -> dict:
    """Median words/s (wall) and words per CPU-second of ``nlp`` over ``texts``."""
    n_words = sum(len(nlp.make_doc(t)) for t in texts)
    list(nlp.pipe(texts[:3]))  # warm-up (loads lazy models)
    wall, cpu = [], []
    for _ in range(runs):
        w0, c0 = time.perf_counter(), time.process_time()
        for _doc in nlp.pipe(texts, batch_size=16):
            pass
        wall.append(n_words / (time.perf_counter() - w0))
        cpu.append(n_words / (time.process_time() - c0))
    return {
        "words": n_words,
        "runs_words_per_s": [round(r) for r in wall],
        "median_words_per_s": round(statistics.median(wall)),
        "median_words_per_cpu_s": round(statistics.median(cpu)),
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--sources", default="germeval,smartdata,europarl")
    ap.add_argument("--no-write", action="store_true")
    args = ap.parse_args()

    import spacy
    import torch

    import newsgraph
    from newsgraph.accurate.component import ACCURATE_NER
    from newsgraph.accurate.ner import model_dir
    from newsgraph.api import default_base

    torch.set_num_threads(1)
    base = default_base("de")
    if base is None:
        sys.exit("no shipped German model in src/newsgraph/models/de_newsgraph")
    data = {k: v for k, v in heldout_examples().items() if k in args.sources.split(",")}
    acc_ner = spacy.blank("de")
    acc_ner.add_pipe("sentencizer")
    acc_ner.add_pipe(ACCURATE_NER)
    rows = {"fast/ner": spacy.load(base), "accurate/ner": acc_ner}
    pipelines = {"fast/pipeline": newsgraph.load("de"), "accurate/pipeline": newsgraph.load("de", mode="accurate")}
    cfg = json.loads((model_dir("de") / "config.json").read_text())
    results: dict = {
        "machine": f"{platform.machine()}, {os.cpu_count()} cores (shared), no GPU, 1 thread",
        "python": platform.python_version(),
        "torch": torch.__version__,
        "accurate_model": {k: cfg[k] for k in ("n_layers", "frozen", "rank", "max_subwords")},
        "matching": "exact (start_char, end_char, label), outer spans, micro-averaged (bench_ner.score)",
        "heldout": "GermEval 2014 held-out 20% by source-URL hash (training/convert.py); SmartData 20%; Europarl test",
        "scores": {},
    }
    print(f"{'row':18} {'source':10} {'P':>6} {'R':>6} {'F1':>6}   per-label F1")

    def report(row: str, src: str, nlp) -> None:
        sc = score(nlp, data[src])
        results["scores"].setdefault(row, {})[src] = sc
        m = sc["micro"]
        per = " ".join(f"{lab}={v['f1']:.3f}" for lab, v in sc["per_label"].items())
        print(f"{row:18} {src:10} {m['p']:6.3f} {m['r']:6.3f} {m['f1']:6.3f}   {per}", flush=True)

    for row, nlp in rows.items():
        for src in data:
            report(row, src, nlp)
    if "germeval" in data:
        for row, nlp in pipelines.items():
            report(row, "germeval", nlp)
        ge = data["germeval"]
        texts = [" ".join(ex.text for ex in ge[i : i + 20]) for i in range(0, len(ge), 20)]
        for row, nlp in pipelines.items():
            sp = speed(nlp, texts, args.runs)
            results.setdefault("speed", {})[row] = sp
            print(
                f"speed {row:18} {sp['median_words_per_s']:6d} words/s (wall, median of {args.runs}), "
                f"{sp['median_words_per_cpu_s']:6d} words/CPU-s",
                flush=True,
            )
    if not args.no_write:
        RESULTS.parent.mkdir(parents=True, exist_ok=True)
        RESULTS.write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
        print(f"wrote {RESULTS.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
