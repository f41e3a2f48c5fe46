"""Times on the gold articles: time F1, value accuracy and reference-year accuracy, tune and check.

    python benchmarks/bench_times_gold.py [--shared ../shared] [--problems] [--today YYYY-MM-DD]

The articles are split by ``shared/gold/splits.json``: ``tune`` (rules are written looking at these)
and ``check`` (never read while tuning). Both are reported side by side so that overfitting shows;
``--problems`` lists the time and reference-year problems of the *tune* articles only (the check
articles' problems are never printed, so that nobody tunes on them by accident).

The reference year is scored where the gold has ``expected_reference_year`` (articles whose text
gives no publication date). ``--today`` fixes the upper bound of inferred reference dates (default:
the pipeline's, i.e. the current date). Writes ``benchmarks/results/times_gold.json``.
"""

from __future__ import annotations

import argparse
import json
import platform
import sys
import time
from pathlib import Path
from typing import Any

from newsgraph.evaluate import expand_gold_paths, load_gold, score_record, summarise

ROOT = Path(__file__).resolve().parents[1]


def _split(gold_dir: Path) -> dict[str, list[Path]]:
    splits = json.loads((gold_dir / "splits.json").read_text(encoding="utf-8"))
    check = set(splits["check"]["wikinews"]) | set(splits["check"]["clusters"])

    def is_check(path: Path) -> bool:
        return path.name.removesuffix(".gold.json") in check or path.parent.name in check

    papers = expand_gold_paths([gold_dir / "wikinews"]) + expand_gold_paths([gold_dir / "clusters"])
    founding = gold_dir / "000_3ce0922dc01b3103.gold.json"
    return {
        "tune": [founding, *(p for p in papers if not is_check(p))],
        "check": [p for p in papers if is_check(p)],
    }


def _figures(result: dict[str, Any]) -> dict[str, Any]:
    t = result["times"]
    return {
        "articles": len(result["documents"]),
        "time_f1": t["f1"],
        "time_tp": t["tp"],
        "time_fp": t["fp"],
        "time_fn": t["fn"],
        "value_accuracy": t["value_accuracy"],
        "reference_year_accuracy": result["reference_year_accuracy"],
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--out", type=Path, default=ROOT / "benchmarks" / "results" / "times_gold.json")
    parser.add_argument("--problems", action="store_true", help="list the tune articles' time problems")
    args = parser.parse_args()
    gold_dir = args.shared / "gold"
    if not gold_dir.exists():
        print(f"no gold files at {gold_dir}; pass --shared PATH", file=sys.stderr)
        return 2
    from newsgraph.api import extract

    figures: dict[str, Any] = {}
    for name, paths in _split(gold_dir).items():
        started = time.perf_counter()
        docs = []
        for path in paths:
            gold, text = load_gold(path)
            record = extract(text, lang=gold.get("language"), published=gold.get("published"))
            doc = score_record(gold, record, name=str(path.relative_to(gold_dir)))
            docs.append(doc)
            if args.problems and name == "tune":
                shown = [p for p in doc.problems if p.startswith(("time", "reference year"))]
                if shown:
                    print(f"# {doc.gold} (reference {record.reference_date.value}, {record.reference_date.source})")
                    print(f"  reason: {record.reference_date.reason}")
                    for p in shown:
                        print(f"  {p}")
        figures[name] = _figures(summarise(docs)) | {"seconds": round(time.perf_counter() - started, 1)}

    def cell(x: float | int | None) -> str:
        return "     -" if x is None else (f"{x:6.3f}" if isinstance(x, float) else f"{x:6d}")

    print(f"{'':26} {'tune':>6} {'check':>6}")
    for key in ("articles", "time_f1", "value_accuracy", "reference_year_accuracy", "time_tp", "time_fp", "time_fn"):
        print(f"{key:26} {cell(figures['tune'][key])} {cell(figures['check'][key])}")
    out = {"machine": f"{platform.machine()}, {platform.python_version()}", "sets": figures}
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(out, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
