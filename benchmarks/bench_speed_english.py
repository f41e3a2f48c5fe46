"""Words per second of the whole fast English pipeline on one core, and proof that it runs without torch.

Text: the English gold articles of the ``tune`` split (``shared/gold/clusters/*/*-en.txt``) and the
PLOVER development sentences (``shared/datasets/plover_gsr_en/dev_half.json``), repeated until at
least ``--words`` tokens, so that the figure covers news prose of article length and single wire
sentences. Timing: ``newsgraph.load("en")`` over every text, ``--runs`` times, one document at a time
(as ``newsgraph.extract`` and the CLI run it) and in ``nlp.pipe`` batches, and the statistical base
alone; the median of the wall-clock rate and of the rate per CPU-second of this process (the CPU
figure is the one other jobs on a shared machine disturb least; the load average is recorded).
Threads are pinned to one before numpy loads.

    python benchmarks/bench_speed_english.py [--runs 5] [--words 20000] [--cli-runs 3]

The last row, ``newsgraph extract`` over the same texts as one JSON Lines file in one process, is what
a user of the command line gets: since the CLI runs ``nlp.pipe`` batches (``newsgraph.api.extract_batch``)
it should be near the batched row, less the cost of building and writing the records.

Writes ``benchmarks/results/speed_english.json``; exits non-zero if torch was imported.
"""

from __future__ import annotations

import os

for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS", "BLIS_NUM_THREADS"):
    os.environ[_var] = "1"

import argparse  # noqa: E402
import json  # noqa: E402
import platform  # noqa: E402
import statistics  # noqa: E402
import sys  # noqa: E402
import time  # noqa: E402
from pathlib import Path  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]


def english_texts(shared: Path) -> list[str]:
    from newsgraph.evaluate import gold_split

    texts = []
    for gold in sorted((shared / "gold" / "clusters").glob("*/*-en.gold.json")):
        if gold_split(gold) == "tune":
            texts.append(gold.with_name(gold.name.replace(".gold.json", ".txt")).read_text(encoding="utf-8"))
    plover = shared / "datasets" / "plover_gsr_en" / "dev_half.json"
    if plover.exists():
        texts += [r["text"] for r in json.loads(plover.read_text(encoding="utf-8")) if r.get("text")]
    return texts


def component_seconds(nlp, texts: list[str]) -> dict[str, float]:
    """CPU seconds per pipeline component (and the tokenizer) over ``texts``, one document at a time."""
    spent = {"tokenizer": 0.0, **{name: 0.0 for name in nlp.pipe_names}}
    for text in texts:
        c0 = time.process_time()
        doc = nlp.make_doc(text)
        spent["tokenizer"] += time.process_time() - c0
        for name, component in nlp.pipeline:
            c0 = time.process_time()
            doc = component(doc)
            spent[name] += time.process_time() - c0
    return {name: round(seconds, 3) for name, seconds in spent.items()}


def cli_rate(texts: list[str], words: int, runs: int) -> dict[str, object]:
    """Words per second of ``newsgraph extract`` over the texts as one JSON Lines file, in one process
    (``--workers 1``), as a user runs it: a child process each run, its CPU seconds from the OS; the
    start-up (imports, loading the pipeline) is measured on a file of the first text alone and taken
    off both figures. Python path and code are this process's (``PYTHONPATH`` passes on), so a run of
    another checkout measures that checkout."""
    import resource
    import subprocess
    import tempfile

    def one(path: Path, out: Path) -> tuple[float, float]:
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        t0 = time.perf_counter()
        command = [sys.executable, "-c", "from newsgraph.cli import app; app()", "extract", str(path), "-q"]
        subprocess.run([*command, "--workers", "1", "-o", str(out)], check=True)
        wall = time.perf_counter() - t0
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        lines = [json.dumps({"id": f"t{n}", "text": t, "language": "en"}) + "\n" for n, t in enumerate(texts)]
        (folder / "all.jsonl").write_text("".join(lines), encoding="utf-8")
        (folder / "one.jsonl").write_text(lines[0], encoding="utf-8")
        wall, cpu = [], []
        for _ in range(runs):
            start_wall, start_cpu = one(folder / "one.jsonl", folder / "out.jsonl")
            all_wall, all_cpu = one(folder / "all.jsonl", folder / "out.jsonl")
            wall.append(words / max(all_wall - start_wall, 1e-9))
            cpu.append(words / max(all_cpu - start_cpu, 1e-9))
    return {
        "runs_words_per_s": [round(r) for r in wall],
        "median_words_per_s": round(statistics.median(wall)),
        "median_words_per_cpu_s": round(statistics.median(cpu)),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--words", type=int, default=20000)
    parser.add_argument("--out", type=Path, default=ROOT / "benchmarks" / "results" / "speed_english.json")
    parser.add_argument("--cli-runs", type=int, default=3, help="runs of the CLI row (0: leave it out)")
    args = parser.parse_args()
    if not (args.shared / "gold").exists():
        print(f"no gold files at {args.shared / 'gold'}; pass --shared PATH", file=sys.stderr)
        return 2
    import newsgraph

    nlp = newsgraph.load("en")
    base = english_texts(args.shared)
    texts: list[str] = []
    words = 0
    while words < args.words:
        for text in base:
            texts.append(text)
            words += len(nlp.make_doc(text))
    import spacy

    from newsgraph.api import default_base

    base_alone = spacy.load(default_base("en"))
    try:  # the same matrix-product backend as newsgraph.load gives the base (absent before it existed)
        from newsgraph.api import numpy_matrix_products

        numpy_matrix_products(base_alone)
    except ImportError:
        pass
    rows = {
        # what newsgraph.extract and the CLI do: one document at a time
        "whole pipeline, one doc at a time": lambda: [nlp(t) for t in texts],
        "whole pipeline, nlp.pipe batches of 64": lambda: list(nlp.pipe(texts, batch_size=64)),
        "statistical base alone, one doc at a time": lambda: [base_alone(t) for t in texts],
        "statistical base alone, nlp.pipe batches of 64": lambda: list(base_alone.pipe(texts, batch_size=64)),
    }
    for text in texts[:5]:
        nlp(text)  # warm-up: lazily built matchers and caches
        base_alone(text)
    measured = {}
    load_before = os.getloadavg()[0]
    # one BLAS thread, as ``newsgraph.extract`` runs (``newsgraph.api.process``)
    from threadpoolctl import threadpool_limits

    limit = threadpool_limits(1)
    for name, run in rows.items():
        wall, cpu = [], []
        for _ in range(args.runs):
            t0, c0 = time.perf_counter(), time.process_time()
            run()
            wall.append(words / (time.perf_counter() - t0))
            cpu.append(words / (time.process_time() - c0))
        measured[name] = {
            "runs_words_per_s": [round(r) for r in wall],
            "median_words_per_s": round(statistics.median(wall)),
            "median_words_per_cpu_s": round(statistics.median(cpu)),
        }
    components = component_seconds(nlp, texts)
    limit.unregister()
    if args.cli_runs:
        # what a user gets from the command line (records written, start-up taken off)
        measured["newsgraph extract over a JSON Lines file (--workers 1)"] = cli_rate(texts, words, args.cli_runs)
    torch_loaded = "torch" in sys.modules
    result = {
        "machine": f"{platform.machine()}, Python {platform.python_version()}, 2 cores (shared), no GPU, 1 thread",
        "load_average_1min_before": round(load_before, 2),
        "load_average_1min_after": round(os.getloadavg()[0], 2),
        "pipeline": nlp.pipe_names,
        "texts": len(texts),
        "words": words,
        "rows": measured,
        # where the time goes: CPU seconds of each component over all texts, one document at a time
        # (one pass; the tokenizer is what ``make_doc`` costs)
        "components_cpu_s": components,
        "torch_imported": torch_loaded,
    }
    print(json.dumps(result, indent=1))
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    return 1 if torch_loaded else 0


if __name__ == "__main__":
    raise SystemExit(main())
