"""The long fuzzing run of ``newsgraph.extract``: the property of ``tests/test_robust_fuzz.py`` over
many more inputs, counted instead of stopping at the first failure.

    python benchmarks/bench_fuzz.py [-n 100000] [--seconds 3600] [--seed 13] [--workers 2] [--log fuzz.log]

Each input is drawn by hypothesis from the test's strategies (random Unicode, quotation-mark soups,
very long tokens, control characters, mixed scripts around German and English sentences). An input
counts as ``ok`` (a record with exact spans), ``rejected`` (a ``NewsgraphError`` the API documents:
lone surrogates, blank text, a language it cannot tell), ``wrong`` (a record that breaks the property
or an undocumented ``NewsgraphError``) or ``crash`` (any other exception). Every ``wrong`` and ``crash``
input is written to the log with its traceback; progress is logged every 1000 inputs. The run stops
after ``-n`` inputs or ``--seconds``, whichever comes first, and writes
``benchmarks/results/fuzz.json`` (read by ``benchmarks/readme_figures.py``) with the number actually run.

``--workers N`` splits one run over N processes (each draws its own stream, seeded with the string
``"SEED/WORKER"``, and an equal share of ``-n``), so that a run under ``nice`` soaks up every idle
core of a shared machine; the workers append to the one log and their counts are summed.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
import time
import traceback
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from hypothesis import HealthCheck, given, seed, settings  # noqa: E402
from tests.test_robust_fuzz import EXPECTED, check_extract, langs, texts  # noqa: E402

from newsgraph.api import NewsgraphError  # noqa: E402


class _Stop(Exception):
    """Raised inside the hypothesis run to end it when the time is up."""


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", type=int, default=100_000)
    parser.add_argument("--seconds", type=float, default=float("inf"))
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--log", type=Path, default=ROOT / "benchmarks" / "results" / "fuzz.log")
    parser.add_argument("--out", type=Path, default=ROOT / "benchmarks" / "results" / "fuzz.json")
    parser.add_argument("--workers", type=int, default=1, help="processes sharing the run")
    parser.add_argument("--worker", type=int, default=None, help=argparse.SUPPRESS)  # set for a worker process
    args = parser.parse_args()
    if args.workers > 1 and args.worker is None:
        return _parallel(args)

    counts: Counter[str] = Counter()
    chars = 0
    started = time.perf_counter()
    cpu0 = time.process_time()
    args.log.parent.mkdir(parents=True, exist_ok=True)
    # a worker appends to the log its parent created; O_APPEND keeps each line whole
    log = args.log.open("a" if args.worker is not None else "w", encoding="utf-8")
    tag = f"[worker {args.worker}] " if args.worker is not None else ""

    def write(line: str) -> None:
        log.write(tag + line + "\n")
        log.flush()

    @settings(
        max_examples=args.n,
        deadline=None,
        database=None,
        derandomize=False,
        suppress_health_check=list(HealthCheck),
    )
    @given(text=texts, lang=langs)
    def run(text: str, lang: str | None) -> None:
        nonlocal chars
        if time.perf_counter() - started > args.seconds:
            raise _Stop
        chars += len(text)
        try:
            outcome = "ok" if check_extract(text, lang) is not None else "rejected"
        except AssertionError:
            outcome = "wrong"
        except NewsgraphError as err:  # pragma: no cover - check_extract turns these into asserts
            outcome = "rejected" if EXPECTED.search(str(err)) else "wrong"
        except Exception:  # counting every kind of failure is the point
            outcome = "crash"
        counts[outcome] += 1
        if outcome in {"wrong", "crash"}:
            write(f"--- {outcome}: lang={lang!r} text={text!r}\n{traceback.format_exc()}")
        total = sum(counts.values())
        if total % 1000 == 0:
            write(f"{total} inputs, {time.perf_counter() - started:.0f} s: {dict(counts)}")

    try:
        seed(args.seed if args.worker is None else f"{args.seed}/{args.worker}")(run)()
    except Exception as err:  # hypothesis replays the stop signal and may wrap it in a FlakyFailure group
        stopped = isinstance(err, _Stop) or (isinstance(err, ExceptionGroup) and err.subgroup(_Stop) is not None)
        if not stopped:
            raise
    total = sum(counts.values())
    result = {
        "machine": f"{platform.machine()}, {os.cpu_count()} cores, no GPU, Python {platform.python_version()}",
        "inputs": total,
        "characters": chars,
        "counts": dict(counts),
        "crashes": counts["crash"],
        "wrong": counts["wrong"],
        "wall_s": round(time.perf_counter() - started, 1),
        "cpu_s": round(time.process_time() - cpu0, 1),
    }
    write(f"done: {json.dumps(result)}")
    print(json.dumps(result, indent=2))
    _save(args.out, result)
    return 0 if not (counts["crash"] or counts["wrong"]) else 1


def _commit() -> str:
    """The commit the run tested, so that a figure can be traced to the code it measured."""
    done = subprocess.run(["git", "-C", str(ROOT), "rev-parse", "HEAD"], capture_output=True, text=True, check=False)
    return done.stdout.strip() or "unknown"


def _save(path: Path, result: dict[str, object]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")


def _parallel(args: argparse.Namespace) -> int:
    """Run ``args.workers`` worker processes of this script and sum their results into ``args.out``."""
    started = time.perf_counter()
    commit = _commit()  # at the start: the workers load the code now, whatever is committed later
    args.log.parent.mkdir(parents=True, exist_ok=True)
    args.log.write_text(
        f"{args.workers} workers, seed {args.seed}, -n {args.n}, --seconds {args.seconds}, commit {commit}\n", "utf-8"
    )
    share = -(-args.n // args.workers)
    procs = []
    for k in range(args.workers):
        out = args.out.with_name(f"{args.out.stem}.worker{k}.json")
        command = [sys.executable, __file__, "-n", str(share), "--seconds", str(args.seconds), "--seed", str(args.seed)]
        command += ["--log", str(args.log), "--out", str(out), "--worker", str(k)]
        procs.append((out, subprocess.Popen(command, stdout=subprocess.DEVNULL)))
    parts = []
    for out, proc in procs:
        proc.wait()
        if not out.exists():
            raise SystemExit(f"worker wrote no result ({out}); see {args.log}")
        parts.append(json.loads(out.read_text(encoding="utf-8")))
        out.unlink()
    counts: Counter[str] = Counter()
    for part in parts:
        counts.update(part["counts"])
    result = {
        "machine": parts[0]["machine"],
        "inputs": sum(p["inputs"] for p in parts),
        "characters": sum(p["characters"] for p in parts),
        "counts": dict(counts),
        "crashes": counts["crash"],
        "wrong": counts["wrong"],
        "wall_s": round(time.perf_counter() - started, 1),
        "cpu_s": round(sum(p["cpu_s"] for p in parts), 1),
        "workers": args.workers,
        "seed": args.seed,
        "commit": commit,
    }
    with args.log.open("a", encoding="utf-8") as log:
        log.write(f"all workers done: {json.dumps(result)}\n")
    print(json.dumps(result, indent=2))
    _save(args.out, result)
    return 0 if not (counts["crash"] or counts["wrong"]) else 1


if __name__ == "__main__":
    raise SystemExit(main())
