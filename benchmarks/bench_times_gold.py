"""Times on the gold articles: time F1, value accuracy and reference-year accuracy, tune and check.

    python benchmarks/bench_times_gold.py [--shared ../shared] [--problems] [--today YYYY-MM-DD]

The articles are split by ``shared/gold/splits.json``: ``tune`` (rules are written looking at these)
and ``check`` (never read while tuning). Both are reported side by side so that overfitting shows;
``--problems`` lists the time and reference-year problems of the *tune* articles only (the check
articles' problems are never printed, so that nobody tunes on them by accident).

The reference year is scored where the gold has ``expected_reference_year`` (articles whose text
gives no publication date); ``hidden_reference_year_accuracy`` scores it on every article that has
a publication date, extracted again without it (the year inferred from the text alone against the
publication year; ``source: none`` counts as wrong), with its ``coverage`` (the share of those
articles that get a reference value at all) and ``precision`` (the share right among those).
``--today`` fixes the upper bound of inferred reference dates (default: the current date; terms of
office still running end there, so the figures can change with the date). Writes ``benchmarks/results/times_gold.json``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import platform
import sys
import time
from pathlib import Path
from typing import Any

from newsgraph.evaluate import expand_gold_paths, gold_split, load_gold, score_record, summarise

ROOT = Path(__file__).resolve().parents[1]


def _split(gold_dir: Path) -> dict[str, list[Path]]:
    def is_check(path: Path) -> bool:
        return gold_split(path) == "check"

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


def _evidence_kind(reason: str) -> str:
    """The kind of evidence a reference reason names first (``inferred from terms of office``), for
    the breakdown of answers by evidence."""
    head = reason.split(":", 1)[0].split(";", 1)[0].split("(", 1)[0].strip()
    return head[:50]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--out", type=Path, default=ROOT / "benchmarks" / "results" / "times_gold.json")
    parser.add_argument("--problems", action="store_true", help="list the tune articles' time problems")
    parser.add_argument("--today", help="upper bound of inferred reference dates (YYYY-MM-DD; default: now)")
    args = parser.parse_args()
    gold_dir = args.shared / "gold"
    if not gold_dir.exists():
        print(f"no gold files at {gold_dir}; pass --shared PATH", file=sys.stderr)
        return 2
    from newsgraph.api import extract as api_extract
    from newsgraph.api import load

    pipelines = {
        lang: load(lang, config={"newsgraph_times": {"today": args.today}} if args.today else None)
        for lang in ("de", "en")
    }

    def extract(text: str, lang: str, published: str | None) -> Any:
        return api_extract(text, lang=lang, published=published, nlp=pipelines[lang])

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
        hidden_right = hidden_total = hidden_given = 0
        hidden_docs = []
        evidence: dict[str, list[int]] = {}
        for path in paths:
            gold, text = load_gold(path)
            if not gold.get("published"):
                continue
            record = extract(text, lang=gold.get("language"), published=None)
            hidden_docs.append(score_record(gold | {"expected_reference_year": None}, record))
            value = record.reference_date.value
            ok = bool(value) and value[:4] == str(gold["published"])[:4]
            if value:
                counts = evidence.setdefault(_evidence_kind(record.reference_date.reason), [0, 0])
                counts[0] += 1
                counts[1] += ok
            hidden_total += 1
            hidden_right += ok
            hidden_given += bool(value)
            if args.problems and name == "tune" and not ok:
                print(f"# hidden publication date: {path.relative_to(gold_dir)}: {value} != {gold['published']}")
                print(f"  reason: {record.reference_date.reason}")
        figures[name] = _figures(summarise(docs)) | {
            "hidden_reference_year_accuracy": hidden_right / hidden_total if hidden_total else None,
            "hidden_articles": hidden_total,
            "hidden_coverage": hidden_given / hidden_total if hidden_total else None,
            "hidden_precision": hidden_right / hidden_given if hidden_given else None,
            "hidden_value_accuracy": summarise(hidden_docs)["times"]["value_accuracy"] if hidden_docs else None,
            "hidden_evidence": {k: {"answered": a, "right": r} for k, (a, r) in sorted(evidence.items())},
            "seconds": round(time.perf_counter() - started, 1),
        }

    def cell(x: float | int | None) -> str:
        return "     -" if x is None else (f"{x:6.3f}" if isinstance(x, float) else f"{x:6d}")

    print(f"{'':32} {'tune':>6} {'check':>6}")
    keys = (
        "articles",
        "time_f1",
        "value_accuracy",
        "reference_year_accuracy",
        "hidden_reference_year_accuracy",
        "hidden_coverage",
        "hidden_precision",
        "hidden_value_accuracy",
        "hidden_articles",
        "time_tp",
        "time_fp",
        "time_fn",
    )
    for key in keys:
        print(f"{key:32} {cell(figures['tune'][key])} {cell(figures['check'][key])}")
    print("date hidden, answered / right by evidence:")
    for kind in sorted(set(figures["tune"]["hidden_evidence"]) | set(figures["check"]["hidden_evidence"])):
        shown = [figures[s]["hidden_evidence"].get(kind, {"answered": 0, "right": 0}) for s in ("tune", "check")]
        print(f"  {kind:50} " + "   ".join(f"{c['answered']:3d} / {c['right']:3d}" for c in shown))
    out = {
        "machine": f"{platform.machine()}, {platform.python_version()}",
        "today": args.today or dt.date.today().isoformat(),
        "sets": figures,
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(out, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
