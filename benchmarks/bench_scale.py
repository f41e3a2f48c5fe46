"""Parallel extraction (newsgraph.scale): throughput at 1, 2 and all cores, memory, start-up, a projection.

For each worker count (1 = in this process; 2; all cores of this machine) and each of ``--runs`` runs:

- **throughput**: articles/s and words/s (whitespace-separated words) over the corpus once the workers
  are warm: the run starts with a warm-up prefix (two batches per worker) that is not timed, so the
  figure is the steady rate; start-up is reported on its own;
- **start-up cost per worker**: the seconds a worker spends loading the pipeline before its first task
  (imports are done once, in the forkserver); and the wall time from the call to the first record;
- **peak memory per worker**: the largest ``ru_maxrss`` of a worker process (in-process: this process);
- **CPU**: the workers' CPU seconds per article, and the client's (this process: receiving, ordering,
  serialising, writing the JSON Lines): what bounds a single writer;
- **scaling efficiency**: (throughput with N workers / throughput with 1) / N;
- **workers busy**: the workers' time inside tasks over their time up; near 100% when the client keeps
  every worker fed (whatever CPU share the machine gives them);
- **byte-for-byte**: every record of an N-worker run equals the 1-worker run's, as JSON text.

The corpus is the ``tune`` WikiNews articles of ``../shared/gold`` (never the ``check`` split), each
taken ``--copies`` times with a numbered last line (so that no cache can see a repeat). The machine
is shared: the load average before each run is recorded and the medians of ``--runs`` runs reported.

The projection (articles/day at 16, 64 and 256 cores) is arithmetic on these measurements; its
assumptions are written into the result file and the README table.

Run: ``nice .venv/bin/python benchmarks/bench_scale.py`` (``--write-readme`` refreshes the README's
"Large archives" table) → benchmarks/results/scale.json.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from newsgraph.evaluate import gold_split
from newsgraph.ingest import Article
from newsgraph.scale import Failure, RunStats, default_workers, extract_many

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT.parent / "shared" / "gold" / "wikinews"
RESULTS = ROOT / "benchmarks" / "results"
README = ROOT / "README.md"
START, END = "<!-- SCALE:START -->", "<!-- SCALE:END -->"
BATCH = 4
PROJECTED_CORES = (16, 64, 256)
DAY = 86_400


def corpus(copies: int) -> list[Article]:
    """The tune WikiNews texts, ``copies`` times, each copy with its own last line."""
    texts = []
    for gold in sorted(GOLD.glob("*.gold.json")):
        if gold_split(gold) != "tune":
            continue
        meta = json.loads(gold.read_text(encoding="utf-8"))
        text = gold.with_name(gold.name.removesuffix(".gold.json") + ".txt").read_text(encoding="utf-8")
        texts.append((gold.stem, text, meta.get("published")))
    return [
        Article(id=f"{stem}-{k}", text=f"{text.rstrip()}\n\n(Archivkopie {k})\n", language="de", published=published,
                input_path=f"{stem}.txt#{k}")
        for k in range(copies)
        for stem, text, published in texts
    ]


def cpu_name() -> str:
    """The processor's model name (Linux), else what ``platform`` knows."""
    try:
        for line in Path("/proc/cpuinfo").read_text(encoding="utf-8").splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


def autogroup() -> bool | None:
    """Whether Linux shares the CPU between sessions first (``sched_autogroup``): then, on a busy machine,
    a session's N workers share that session's slice, and wall-clock speed-ups say little."""
    try:
        return Path("/proc/sys/kernel/sched_autogroup_enabled").read_text().strip() == "1"
    except OSError:
        return None


def client_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def one_run(articles: list[Article], warm: list[Article], workers: int) -> dict[str, Any]:
    """One timed run: the warm-up prefix, then the corpus; records written to a temporary file."""
    stats = RunStats()
    stamps: list[float] = []
    lines: list[str] = []
    load = os.getloadavg()[0]
    words = sum(len(a.text.split()) for a in articles)
    with tempfile.TemporaryFile("w", encoding="utf-8") as sink:
        started = time.perf_counter()
        cpu_at_warm = client_cpu()
        for i, (_article, outcome) in enumerate(
            extract_many([*warm, *articles], workers=workers, batch_size=BATCH, min_per_worker=1, stats=stats)
        ):
            line = str(outcome) if isinstance(outcome, Failure) else outcome.to_json()
            sink.write(line + "\n")
            stamps.append(time.perf_counter())
            if i == len(warm) - 1:
                cpu_at_warm = client_cpu()
            if i >= len(warm):
                lines.append(line)
        client = client_cpu() - cpu_at_warm
    steady = stamps[-1] - stamps[len(warm) - 1]
    pool = [w for pid, w in stats.per_worker.items() if pid != os.getpid()] or list(stats.per_worker.values())
    worker_cpu = sum(w.cpu_seconds for w in pool)
    # the workers' time inside tasks over the time they were up (after start-up): near 1 when the client
    # kept every worker fed, whatever share of the CPU the machine gave them
    ready = started + statistics.median(w.startup_seconds for w in pool)
    busy_share = sum(w.busy_seconds for w in pool) / (len(pool) * (stamps[-1] - ready))
    worker_articles = sum(w.articles for w in pool)
    return {
        "workers": stats.workers,
        "backend": stats.backend,
        "load_before": round(load, 2),
        "articles_per_s": len(articles) / steady,
        "words_per_s": words / steady,
        "first_record_s": stamps[0] - started,
        "startup_s_per_worker": statistics.median(w.startup_seconds for w in pool),
        "peak_rss_mb_per_worker": max(w.peak_rss for w in pool) / 2**20,
        "worker_cpu_ms_per_article": 1000 * worker_cpu / max(1, worker_articles),
        "client_cpu_ms_per_article": 1000 * client / len(articles) if stats.backend != "in-process" else None,
        "worker_busy_share": min(1.0, busy_share) if stats.backend != "in-process" else None,
        "failed": stats.failed,
        "lines": lines,
    }


def median_of(runs: list[dict[str, Any]], key: str) -> float | None:
    values = [r[key] for r in runs if r.get(key) is not None]
    return round(statistics.median(values), 3) if values else None


def store_writer_rate() -> float | None:
    """Articles per CPU-second of one store writer, from bench_store.py's result (if it was run)."""
    path = RESULTS / "store.json"
    if not path.exists():
        return None
    return json.loads(path.read_text(encoding="utf-8")).get("ingest", {}).get("articles_per_cpu_s")


def projection(rows: dict[str, dict[str, Any]], words_per_article: float) -> dict[str, Any]:
    """Articles/day at more cores: workers × their measured CPU rate, capped by the one writer."""
    top = rows[max(rows, key=lambda k: rows[k]["workers"])]
    per_worker = 1000 / top["worker_cpu_ms_per_article"]  # articles per worker CPU-second
    client_ms = top["client_cpu_ms_per_article"] or 0.0
    jsonl_cap = 1000 / client_ms if client_ms else None
    store_rate = store_writer_rate()
    # the ingest client does both jobs in one process: receiving records, and the store's transactions
    ingest_cap = 1 / (client_ms / 1000 + 1 / store_rate) if store_rate and client_ms else None
    table = []
    for cores in PROJECTED_CORES:
        workers = cores - 1  # one core for the client (the single writer)
        capacity = workers * per_worker * DAY
        table.append({
            "cores": cores,
            "workers": workers,
            "extraction_per_day": round(capacity),
            "extract_jsonl_per_day": round(min(capacity, jsonl_cap * DAY) if jsonl_cap else capacity),
            "ingest_store_per_day": round(min(capacity, ingest_cap * DAY) if ingest_cap else capacity),
            "memory_gb": round(workers * top["peak_rss_mb_per_worker"] / 1024, 1),
        })
    return {
        "assumptions": [
            f"each worker extracts {per_worker:.1f} articles per CPU-second: the median measured here with "
            f"{top['workers']} workers (workers' CPU time, so the shared machine's load does not enter it), "
            f"on articles like the tune WikiNews ones ({words_per_article:.0f} words on average)",
            "one worker per core, one core left to the client; workers share nothing, so the rate per worker "
            "holds at any count (optimistic where memory bandwidth or turbo clocks differ)",
            f"one client writes every record: {client_ms:.2f} CPU-ms per article here (receiving, ordering, "
            "serialising, writing JSON Lines), so at most "
            + (f"{jsonl_cap:.0f} articles/s" if jsonl_cap else "n/a") + " for `extract`",
            "`ingest` adds the store's own work in the same process: "
            + (f"{store_rate:.0f} articles per CPU-second (benchmarks/results/store.json, bench_store.py)"
               if store_rate else "not measured (run bench_store.py)")
            + ", so at most " + (f"{ingest_cap:.0f} articles/s" if ingest_cap else "n/a"),
            "on a Dask cluster the scheduler adds about 1 ms per task (Dask's documented overhead; "
            f"{BATCH} articles per task), well below the client's share; not measured here",
            "memory: workers × the peak per worker measured here",
        ],
        "table": table,
    }


def _cores(row: dict[str, Any]) -> float:
    """CPU seconds per second of the steady part of a run: how much of the machine the run was given."""
    return row["articles_per_s"] * (row["worker_cpu_ms_per_article"] + (row["client_cpu_ms_per_article"] or 0)) / 1000


def _share(value: float | None) -> str:
    return "–" if value is None else f"{value:.0%}"


def _ms(value: float | None) -> str:
    return "–" if value is None else f"{value:.2f} ms"


def markdown(result: dict[str, Any]) -> list[str]:
    rows = result["rows"]
    out = [
        f"Measured by `benchmarks/bench_scale.py` on this project's machine ({result['machine']['cpus']} cores, "
        f"{result['machine']['cpu']}, shared with other jobs: load average {result['load_median']} before the "
        f"runs, median of {result['runs']} runs; {result['articles']} articles, {result['words']} words, fast mode):",
        "",
        "Wall-clock figures depend on the CPU the run got; with other sessions busy"
        + (" and Linux's `sched_autogroup` on (it shares the CPU between sessions first, so a session's"
           " workers share one slice)" if result["machine"].get("sched_autogroup") else "")
        + ", the speed-up from CPU time (N × one worker's CPU per article ÷ the CPU per article of N workers and"
        " their client) is what N idle cores give. \"Cores the run got\" (CPU seconds per second) shows the share"
        " the scheduler gave the run (from the medians): given the same share, two workers cannot be faster than"
        " one. \"Workers busy\" (their time inside tasks over their time up) near 100% says the client kept them"
        " fed.",
        "",
        "| workers | articles/s | words/s | speed-up | scaling efficiency | start-up per worker | first record "
        "| peak memory per worker | worker CPU per article | client CPU per article | workers busy | cores the run got "
        "| speed-up from CPU time | records identical to 1 worker |",
        "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    for label, r in rows.items():
        out.append(
            f"| {label} | {r['articles_per_s']:.1f} | {r['words_per_s']:.0f} | {r['speedup']:.2f}× "
            f"| {r['efficiency']:.0%} | {r['startup_s_per_worker']:.1f} s | {r['first_record_s']:.1f} s "
            f"| {r['peak_rss_mb_per_worker']:.0f} MB | {r['worker_cpu_ms_per_article']:.0f} ms "
            f"| {_ms(r['client_cpu_ms_per_article'])} | {_share(r.get('worker_busy_share'))} | {_cores(r):.2f} "
            f"| {r['cpu_speedup']:.2f}× "
            f"| {'yes' if r['identical'] else 'NO'} ({r['identical_runs']}) |"
        )
    proj = result["projection"]
    out += [
        "",
        "Projection (articles/day; arithmetic on the figures above, assumptions below):",
        "",
        "| cores | workers | extraction capacity | `extract` to JSON Lines | `ingest` into one store | worker memory |",
        "|---|---|---|---|---|---|",
    ]
    for p in proj["table"]:
        out.append(
            f"| {p['cores']} | {p['workers']} | {p['extraction_per_day'] / 1e6:.1f} M "
            f"| {p['extract_jsonl_per_day'] / 1e6:.1f} M | {p['ingest_store_per_day'] / 1e6:.1f} M "
            f"| {p['memory_gb']} GB |"
        )
    out += ["", "Assumptions:", ""] + [f"- {a}" for a in proj["assumptions"]]
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--copies", type=int, default=4, help="times the tune corpus is taken (default 4)")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--write-readme", action="store_true", help="replace the README's Large archives table")
    parser.add_argument("--from-results", action="store_true",
                        help="measure nothing: format results/scale.json (and --write-readme)")
    args = parser.parse_args()
    if args.from_results:
        result = json.loads((RESULTS / "scale.json").read_text(encoding="utf-8"))
        result["projection"] = projection(result["rows"], result["words"] / result["articles"])
        report(result, write=args.write_readme)
        return
    if not GOLD.exists():
        sys.exit(f"{GOLD} is missing: the benchmark reads the tune WikiNews articles of ../shared")
    articles = corpus(args.copies)
    everything = corpus(args.copies + 1)
    warm = everything[len(articles):]  # the extra copy, used only to warm the workers up
    cores = default_workers()
    counts = {"1": 1, "2": 2} if cores <= 2 else {"1": 1, "2": 2, f"all ({cores})": cores}
    if cores == 2:
        counts = {"1": 1, "2 (all cores)": 2}

    from newsgraph.api import pipeline_for

    started = time.perf_counter()
    pipeline_for("de", "fast")  # the in-process run's start-up: what each worker does in its initializer
    in_process_startup = time.perf_counter() - started

    runs: dict[str, list[dict[str, Any]]] = {label: [] for label in counts}
    for run in range(args.runs):
        for label, workers in counts.items():
            result = one_run(articles, warm[: 2 * BATCH * workers], workers)
            if workers == 1:
                result["startup_s_per_worker"] = in_process_startup
            runs[label].append(result)
            print(f"run {run + 1}: {label:>8} workers  {result['articles_per_s']:6.1f} articles/s  "
                  f"load {result['load_before']}", flush=True)

    base = runs["1"]
    rows: dict[str, dict[str, Any]] = {}
    for label, results in runs.items():
        same = [r["lines"] == b["lines"] for r, b in zip(results, base, strict=True)]
        row = {key: median_of(results, key) for key in (
            "articles_per_s", "words_per_s", "first_record_s", "startup_s_per_worker", "peak_rss_mb_per_worker",
            "worker_cpu_ms_per_article", "client_cpu_ms_per_article", "worker_busy_share", "load_before")}
        row |= {"workers": counts[label], "identical": all(same), "identical_runs": f"{sum(same)}/{len(same)}",
                "failed": sum(r["failed"] for r in results)}
        rows[label] = row
    one_cpu = rows["1"]["worker_cpu_ms_per_article"]
    for row in rows.values():
        row["speedup"] = round(row["articles_per_s"] / rows["1"]["articles_per_s"], 3)
        row["efficiency"] = round(row["speedup"] / row["workers"], 3)
        # what idle cores would give: N cores shared by the workers' and the client's CPU per article
        demand = row["worker_cpu_ms_per_article"] + (row["client_cpu_ms_per_article"] or 0.0)
        row["cpu_speedup"] = round(min(row["workers"], row["workers"] * one_cpu / demand), 3)
    result = {
        "machine": {"cpus": os.cpu_count(), "cpu": cpu_name(), "sched_autogroup": autogroup(),
                    "python": platform.python_version(), "platform": platform.platform()},
        "articles": len(articles),
        "words": sum(len(a.text.split()) for a in articles),
        "runs": args.runs,
        "batch_size": BATCH,
        "load_median": median_of([r for rs in runs.values() for r in rs], "load_before"),
        "rows": rows,
        "per_run": {label: [{k: v for k, v in r.items() if k != "lines"} for r in rs] for label, rs in runs.items()},
    }
    result["projection"] = projection(rows, result["words"] / result["articles"])
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "scale.json").write_text(json.dumps(result, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    report(result, write=args.write_readme)


def report(result: dict[str, Any], *, write: bool) -> None:
    """Print the tables; with ``write``, put them between the README's SCALE markers."""
    table = markdown(result)
    print("\n".join(table))
    if write:
        text = README.read_text(encoding="utf-8")
        if START not in text or END not in text:
            sys.exit(f"README.md has no {START} … {END} block")
        head, rest = text.split(START, 1)
        README.write_text(head + START + "\n" + "\n".join(table) + "\n" + END + rest.split(END, 1)[1],
                          encoding="utf-8")


if __name__ == "__main__":
    main()
