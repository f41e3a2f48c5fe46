"""The long fuzzing run of ``newsgraph.extract``: the property of ``tests/test_robust_fuzz.py`` over
many more inputs, counted instead of stopping at the first failure.

    python benchmarks/bench_fuzz.py [-n 100000] [--seconds 3600] [--log fuzz.log]

Each input is drawn by hypothesis from the test's strategies (random Unicode, quotation-mark soups,
very long tokens, control characters, mixed scripts around German and English sentences). An input
counts as ``ok`` (a record with exact spans), ``rejected`` (a ``NewsgraphError`` the API documents:
lone surrogates, blank text, a language it cannot tell), ``wrong`` (a record that breaks the property
or an undocumented ``NewsgraphError``) or ``crash`` (any other exception). Every ``wrong`` and ``crash``
input is written to the log with its traceback; progress is logged every 1000 inputs. The run stops
after ``-n`` inputs or ``--seconds``, whichever comes first, and writes
``benchmarks/results/fuzz.json`` (read by ``benchmarks/readme_figures.py``) with the number actually run.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
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
    args = parser.parse_args()

    counts: Counter[str] = Counter()
    chars = 0
    started = time.perf_counter()
    cpu0 = time.process_time()
    args.log.parent.mkdir(parents=True, exist_ok=True)
    log = args.log.open("w", encoding="utf-8")

    def write(line: str) -> None:
        log.write(line + "\n")
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
        seed(args.seed)(run)()
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
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    return 0 if not (counts["crash"] or counts["wrong"]) else 1


if __name__ == "__main__":
    raise SystemExit(main())
