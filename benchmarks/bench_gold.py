"""Score the whole pipeline on the gold files: the founding article, then tune and check splits.

The WikiNews and cluster articles are divided by ``shared/gold/splits.json`` into ``tune`` (rules are
written looking at these) and ``check`` (never read while tuning): both are reported, side by side,
so that overfitting shows.

    python benchmarks/bench_gold.py [--shared ../shared]

Prints the evaluator's table for each set and writes ``benchmarks/results/gold.json``. The gold files
live in ``../shared/gold`` (not part of the repository); the script says so and exits when absent.
"""

from __future__ import annotations

import argparse
import json
import platform
import sys
import time
from pathlib import Path

from newsgraph.evaluate import evaluate_files, expand_gold_paths, format_table, gold_split

ROOT = Path(__file__).resolve().parents[1]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--out", type=Path, default=ROOT / "benchmarks" / "results" / "gold.json")
    args = parser.parse_args()
    gold_dir = args.shared / "gold"
    if not gold_dir.exists():
        print(f"no gold files at {gold_dir}; pass --shared PATH", file=sys.stderr)
        return 2
    def is_check(path: Path) -> bool:
        return gold_split(path) == "check"

    wikinews = expand_gold_paths([gold_dir / "wikinews"])
    clusters = expand_gold_paths([gold_dir / "clusters"])
    sets = {
        "founding article": [gold_dir / "000_3ce0922dc01b3103.gold.json"],
        f"wikinews tune ({sum(not is_check(p) for p in wikinews)})": [p for p in wikinews if not is_check(p)],
        f"wikinews check ({sum(is_check(p) for p in wikinews)})": [p for p in wikinews if is_check(p)],
        f"clusters tune ({sum(not is_check(p) for p in clusters)})": [p for p in clusters if not is_check(p)],
        f"clusters check ({sum(is_check(p) for p in clusters)})": [p for p in clusters if is_check(p)],
    }
    results = {"machine": f"{platform.machine()}, {platform.python_version()}, 2 cores, no GPU", "sets": {}}
    for name, paths in sets.items():
        started = time.perf_counter()
        result = evaluate_files(paths)
        result["seconds"] = time.perf_counter() - started
        print(f"## {name}\n{format_table(result)}\n")
        results["sets"][name] = result
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
