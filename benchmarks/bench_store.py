"""Benchmark of the corpus store: ingest throughput, query latency, peak memory.

    nice -n 10 .venv/bin/python benchmarks/bench_store.py -n 100000          # what was measured
    nice -n 10 .venv/bin/python benchmarks/bench_store.py -n 1000000         # the issue's 1M-record run

Steps: generate ``-n`` synthetic records with ``make_synthetic_records.py`` (deterministic, cached in
``--work``), ingest them into a fresh store, then time the queries a user runs, each ``--repeat``
times with different arguments drawn with a fixed seed, and report medians and 90th percentiles:

- ``timeline``: an actor's events, the name given in the *other* romanisation than most of the
  store's articles use when the actor has one (``Petrov`` for ``Petrow``), actors drawn across the
  popularity range (a few appear in thousands of events);
- ``network_actor``: an actor's ego network with counts per type; ``network_month``: the whole
  who-met-whom network of one month;
- ``quote_search``: two content words; ``quote_search_speaker``: one word plus speaker plus a one-year
  date range;
- ``events_place``: events at a place within one year.

``--pair-meetings 2000 4000 8000`` measures instead the merge's cost when one pair met many times: that
many reports of meetings of the same two people, each on another day three days apart, ingested as one
batch, CPU time per report (constant when the merge's cost is linear in the number of reports).

Ingest time includes reading and validating the JSON Lines records (pydantic), as ``newsgraph ingest``
does. ``--extract-sample`` also times ``newsgraph.extract`` on the example article to put the store's
share of an extract-and-store run in proportion. Peak memory is the process's maximum resident set
size (DuckDB runs in-process). Figures go to stdout and to ``benchmarks/results/store.json``.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import resource
import shutil
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
RESULTS = ROOT / "benchmarks" / "results" / "store.json"
GENERATOR = ROOT / "benchmarks" / "make_synthetic_records.py"
QUOTE_WORDS = ["Gespräche", "Frieden", "Sanktionen", "Zusammenarbeit", "Sicherheit", "Handel", "Energie", "Krieg",
               "Verhandlungen", "Vertrauen", "Grenze", "Abkommen", "Partner", "Lösung", "Dialog", "Wirtschaft"]


def _machine() -> dict[str, Any]:
    model = ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return {"cpus": os.cpu_count(), "cpu": model, "python": platform.python_version(), "platform": platform.platform()}


def _timed(function: Callable[..., Any], repeat_args: list[Any]) -> dict[str, float]:
    times = []
    function(*repeat_args[0]) if isinstance(repeat_args[0], tuple) else function(repeat_args[0])  # warm-up
    for args in repeat_args:
        start = time.perf_counter()
        function(*args) if isinstance(args, tuple) else function(args)
        times.append((time.perf_counter() - start) * 1000)
    times.sort()
    return {"median_ms": round(statistics.median(times), 2), "p90_ms": round(times[int(0.9 * (len(times) - 1))], 2),
            "runs": len(times)}


def _swap_romanisation(name: str) -> str:
    """The other spelling of a synthetic name (the generator's German variant swaps v/w and y/j)."""
    if "w" in name or "j" in name:
        return name.replace("w", "v").replace("W", "V").replace("j", "y").replace("J", "Y")
    return name.replace("v", "w").replace("V", "W").replace("y", "j").replace("Y", "J")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="Benchmark the newsgraph store")
    parser.add_argument("-n", type=int, default=100_000, help="number of synthetic records (the issue asks 1,000,000)")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--batch-size", type=int, default=2000)
    parser.add_argument("--repeat", type=int, default=50, help="runs per query kind")
    parser.add_argument("--work", type=Path, default=Path("/tmp/newsgraph-bench"), help="scratch folder")
    parser.add_argument("--extract-sample", type=int, default=0, help="also time extract() on the example N times")
    parser.add_argument("--output", type=Path, default=RESULTS)
    parser.add_argument("--reuse-store", action="store_true",
                        help="time the queries on the store a previous run left in --work (ingest figures are "
                             "taken from --output)")
    parser.add_argument("--pair-meetings", type=int, nargs="+", default=None, metavar="N",
                        help="time merging N meetings of one pair in one batch (see the module docstring)")
    args = parser.parse_args(argv)

    sys.path.insert(0, str(ROOT / "src"))
    if args.pair_meetings:
        _pair_meetings(args)
        return

    args.work.mkdir(parents=True, exist_ok=True)
    records = args.work / f"records-{args.n}-{args.seed}.jsonl"
    if not records.exists():
        start = time.perf_counter()
        subprocess.run([sys.executable, str(GENERATOR), "-n", str(args.n), "--seed", str(args.seed), "-o",
                        str(records)], check=True)
        print(f"generated {args.n} records in {time.perf_counter() - start:.1f}s", flush=True)
    db = args.work / f"store-{args.n}.duckdb"
    if args.reuse_store and db.exists() and args.output.exists():
        previous = json.loads(args.output.read_text(encoding="utf-8"))
        result: dict[str, Any] = {k: previous[k] for k in ("machine", "records", "batch_size", "ingest")}
        result["peak_rss_mb_ingest"] = previous.get("peak_rss_mb_ingest", previous.get("peak_rss_mb"))
    else:
        result = _ingest(args, records, db)
    _queries(args, db, result)


def _pair_record(i: int) -> Any:
    """The ``i``-th report of a Scholz-Macron meeting, on day 3 × i from 2000-01-01, published the day after."""
    import datetime as dt

    from newsgraph.record import Record

    met = dt.date(2000, 1, 1) + dt.timedelta(days=3 * i)
    day = met.isoformat()
    text = f"Olaf Scholz traf Emmanuel Macron am {day} in Paris (Nr. {i})."
    at = text.index(day)
    return Record.model_validate({
        "id": f"pair{i}", "language": "de", "published": (met + dt.timedelta(days=1)).isoformat(),
        "text": text,
        "entities": [{"id": "e1", "type": "PER", "name": "Olaf Scholz",
                      "mentions": [{"start": 0, "end": 11, "text": "Olaf Scholz"}]},
                     {"id": "e2", "type": "PER", "name": "Emmanuel Macron",
                      "mentions": [{"start": 17, "end": 32, "text": "Emmanuel Macron"}]}],
        "events": [{"id": "ev1", "type": "meeting", "participants": ["e1", "e2"], "status": "happened",
                    "time": {"value": day, "text": day, "start": at, "end": at + len(day)}}],
    })


def _pair_meetings(args: argparse.Namespace) -> None:
    from newsgraph.store import Store

    rows = []
    for n in args.pair_meetings:
        records = [_pair_record(i) for i in range(n)]
        db = args.work / f"pair-{n}.duckdb"
        for stale in (db, db.with_name(db.name + ".wal"), db.with_name(db.name + ".quotes.sqlite")):
            stale.unlink(missing_ok=True)
        with Store(db) as store:
            store.ingest(records[:1])  # opening costs (schema, first imports) are not the merge's
            cpu = time.process_time()
            store.ingest(records[1:], batch_size=n)
            cpu = time.process_time() - cpu
            events = store.con.execute("SELECT count(*) FROM events").fetchone()[0]  # type: ignore[index]
        rows.append({"meetings": n, "cpu_seconds": round(cpu, 2), "ms_per_report": round(1000 * cpu / (n - 1), 3),
                     "events": events})
        print(f"{n} meetings of one pair in one batch: {cpu:.2f} CPU-s, {1000 * cpu / (n - 1):.3f} ms per report, "
              f"{events} events", flush=True)
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(json.dumps({"machine": _machine(), "pair_meetings": rows}, indent=1) + "\n",
                           encoding="utf-8")


def _ingest(args: argparse.Namespace, records: Path, db: Path) -> dict[str, Any]:
    from newsgraph.store import Store, read_records

    for stale in (db, db.with_name(db.name + ".wal"), db.with_name(db.name + ".quotes.sqlite")):
        stale.unlink(missing_ok=True)
    start = time.perf_counter()
    cpu_start = time.process_time()
    done = [0, start]

    def on_batch(stats: Any) -> None:
        done[0] += stats.records
        if done[0] % 20_000 < stats.records:
            rate = done[0] / (time.perf_counter() - start)
            print(f"  {done[0]} records, {rate:.0f}/s", flush=True)

    with Store(db) as store:
        stats = store.ingest(read_records(records), batch_size=args.batch_size, on_batch=on_batch)
    ingest_s = time.perf_counter() - start
    ingest_cpu_s = time.process_time() - cpu_start
    result = {
        "machine": _machine(),
        "records": args.n,
        "batch_size": args.batch_size,
        "ingest": {
            "seconds": round(ingest_s, 1),
            "articles_per_s": round(args.n / ingest_s, 1),
            "ms_per_article": round(1000 * ingest_s / args.n, 3),
            "cpu_seconds": round(ingest_cpu_s, 1),
            "articles_per_cpu_s": round(args.n / ingest_cpu_s, 1),
            "added": stats.added,
        },
    }
    print(f"ingest: {args.n} records in {ingest_s:.1f}s = {args.n / ingest_s:.0f} articles/s "
          f"({ingest_cpu_s:.1f} CPU s)", flush=True)
    result["ingest"]["load_average_at_end"] = round(os.getloadavg()[0], 2)
    result["peak_rss_mb_ingest"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)
    return result


def _queries(args: argparse.Namespace, db: Path, result: dict[str, Any]) -> None:
    from newsgraph.store import Store, events, network, search_quotes, summary, timeline

    rng = random.Random(args.seed)
    with Store(db, read_only=True) as store:
        counts = summary(store)
        result["store"] = counts | {
            "file_mb": round(db.stat().st_size / 2**20, 1),
            "quote_index_mb": round(db.with_name(db.name + ".quotes.sqlite").stat().st_size / 2**20, 1),
        }
        people = [r[0] for r in store.con.execute(
            "SELECT name FROM entities WHERE type = 'PER' ORDER BY entity_id").fetchall()]
        places = [r[0] for r in store.con.execute(
            "SELECT name FROM entities WHERE type = 'LOC' ORDER BY entity_id").fetchall()]
        years = [r[0] for r in store.con.execute(
            "SELECT DISTINCT year(published) FROM articles WHERE published IS NOT NULL ORDER BY 1").fetchall()]
        months = [r[0] for r in store.con.execute(
            "SELECT DISTINCT strftime(published, '%Y-%m') FROM articles WHERE published IS NOT NULL ORDER BY 1"
        ).fetchall()]
        actors = [_swap_romanisation(rng.choice(people)) for _ in range(args.repeat)]
        sizes = [len(timeline(store, a)["events"]) for a in actors[:10]]
        queries = {
            "timeline": _timed(lambda a: timeline(store, a), actors),
            "network_actor": _timed(lambda a: network(store, actor=a), actors),
            "network_month": _timed(lambda m: network(store, since=m, until=m), [rng.choice(months)
                                                                                 for _ in range(args.repeat)]),
            "quote_search": _timed(lambda w: search_quotes(store, words=w),
                                   [" ".join(rng.sample(QUOTE_WORDS, 2)) for _ in range(args.repeat)]),
            "quote_search_speaker": _timed(
                lambda w, s, y: search_quotes(store, words=w, speaker=s, since=str(y), until=str(y)),
                [(rng.choice(QUOTE_WORDS), rng.choice(actors), rng.choice(years)) for _ in range(args.repeat)]),
            "events_place": _timed(lambda p, y: events(store, place=p, since=str(y), until=str(y)),
                                   [(rng.choice(places), rng.choice(years)) for _ in range(args.repeat)]),
        }
    result["queries"] = queries
    result["timeline_events_sample"] = sizes
    result["load_average_after_queries"] = round(os.getloadavg()[0], 2)
    result["peak_rss_mb_queries"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)

    if args.extract_sample:
        import newsgraph

        text = (ROOT / "examples" / "gipfel.txt").read_text(encoding="utf-8")
        newsgraph.extract(text, lang="de")  # load the pipeline outside the timing
        start, cpu_start = time.perf_counter(), time.process_time()
        for _ in range(args.extract_sample):
            newsgraph.extract(text, lang="de")
        extract_ms = 1000 * (time.perf_counter() - start) / args.extract_sample
        extract_cpu_ms = 1000 * (time.process_time() - cpu_start) / args.extract_sample
        store_ms = result["ingest"]["ms_per_article"]
        store_cpu_ms = 1000 * result["ingest"]["cpu_seconds"] / args.n
        result["extract_vs_store"] = {
            "extract_ms_per_article": round(extract_ms, 2),
            "store_ms_per_article": store_ms,
            "store_share_of_total": round(store_ms / (store_ms + extract_ms), 4),
            "extract_cpu_ms_per_article": round(extract_cpu_ms, 2),
            "store_cpu_ms_per_article": round(store_cpu_ms, 3),
            "store_share_of_total_cpu": round(store_cpu_ms / (store_cpu_ms + extract_cpu_ms), 4),
            "note": "extract timed on examples/gipfel.txt; store timed on synthetic records of similar size",
        }

    print(json.dumps(result, indent=2))
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    if shutil.disk_usage(args.work).free < 2**30:
        db.unlink(missing_ok=True)


if __name__ == "__main__":
    main()
