"""English figures on gold articles: every layer on the English articles, tune and check side by side.

Two sets of English gold are scored. ``shared``: one English article per cluster
(``shared/gold/clusters/*/*-en.gold.json``), divided by ``shared/gold/splits.json`` into ``tune`` and
``check``. ``project``: the 16 articles the project wrote itself (``benchmarks/gold_en/``, 10 tune / 6
check by its own ``splits.json``), which ship with the repository and so are scored without ``../shared``. The issue's
English targets are recalls and accuracies (entities recall, quote recall and speaker accuracy,
time value accuracy), so those are printed next to F1. Per-document problems are printed for
``tune`` only, so that the check split stays unread while rules are written.

    python benchmarks/bench_english.py [--shared ../shared] [--label NAME] [--base PATH] [--quiet]

A run of another revision of the code uses this script with that revision's package first on the path
(the README's ``main 9ef4f52`` rows: ``PYTHONPATH=<checkout of 9ef4f52>/src``, with that checkout's
``evaluate.py`` taking this branch's three-line change that reads ``benchmarks/gold_en/splits.json``).

``--base`` swaps the statistical base (e.g. ``none`` for the blank tokenizer + rules that English
had before the shipped model), so before/after rows come from the same script. Results are added
under ``--label`` to ``benchmarks/results/english.json``, one row per set and split (``shared tune``,
``project check``, ...).
"""

from __future__ import annotations

import argparse
import json
import platform
import sys
from functools import partial
from pathlib import Path
from typing import Any

import spacy

from newsgraph.api import extract, load
from newsgraph.evaluate import evaluate_files, expand_gold_paths, format_table, gold_split

ROOT = Path(__file__).resolve().parents[1]


PROJECT_GOLD = ROOT / "benchmarks" / "gold_en"


def english_gold(gold_dir: Path) -> dict[str, list[Path]]:
    """The English gold files by split (their ``language`` field says ``en``)."""
    out: dict[str, list[Path]] = {"tune": [], "check": []}
    for path in expand_gold_paths([gold_dir]):
        if json.loads(path.read_text(encoding="utf-8")).get("language") == "en":
            out[gold_split(path)].append(path)
    return out


def headline(result: dict[str, Any]) -> dict[str, float | None]:
    """The issue's targets and the F1 of each layer."""
    return {
        "entities_recall": result["entities"]["recall"],
        "entities_f1": result["entities"]["f1"],
        "quotes_recall": result["quotes"]["recall"],
        "quotes_f1": result["quotes"]["f1"],
        "speaker_accuracy": result["quotes"]["speaker_accuracy"],
        "times_f1": result["times"]["f1"],
        "time_value_accuracy": result["times"]["value_accuracy"],
        "events_f1": result["events"]["f1"],
        "events_lenient_f1": result["events_lenient"]["f1"],
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--label", default="default", help="name of this run in the results file")
    parser.add_argument("--base", default=None, help="spaCy base for English; 'none' = blank tokenizer")
    parser.add_argument("--out", type=Path, default=ROOT / "benchmarks" / "results" / "english.json")
    parser.add_argument("--quiet", action="store_true", help="leave out the per-document problems of tune")
    args = parser.parse_args()
    sets = {"shared": args.shared / "gold", "project": PROJECT_GOLD}
    if not sets["shared"].exists():
        print(
            f"no shared gold at {sets['shared']} (pass --shared PATH); scoring the project's gold only", file=sys.stderr
        )
        del sets["shared"]
    extractor = extract
    if args.base is not None:
        base = args.base
        if base == "none":  # a blank English pipeline saved once: load() takes paths and names
            base = str(ROOT / "benchmarks" / "output" / "blank_en")
            Path(base).parent.mkdir(parents=True, exist_ok=True)  # benchmarks/output is git-ignored
            spacy.blank("en").to_disk(base)
        nlp = load("en", base=base)
        extractor = partial(extract, nlp=nlp)
    results: dict[str, Any] = json.loads(args.out.read_text(encoding="utf-8")) if args.out.exists() else {}
    results["machine"] = f"{platform.machine()}, Python {platform.python_version()}, 2 cores, no GPU"
    runs = results.setdefault("runs", {})
    runs[args.label] = {}
    for name, gold_dir in sets.items():
        for split, paths in english_gold(gold_dir).items():
            result = evaluate_files(paths, extract=extractor)
            print(f"## {args.label} / {name} {split} ({len(paths)} English articles)\n{format_table(result)}")
            if split == "tune" and not args.quiet:
                for doc in result["documents"]:
                    for problem in doc["problems"]:
                        print(f"  {Path(doc['gold']).name}: {problem}")
            print()
            runs[args.label][f"{name} {split}"] = {"articles": len(paths), **headline(result)}
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
