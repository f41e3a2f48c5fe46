"""Quotes on all shared gold: recall, precision, speaker and via, by the tune/check split.

The gold files (founding article, WikiNews and cluster articles, German and English) are scored
with :func:`newsgraph.evaluate.score_record` — a quote matches on its opening words, speaker and via
are judged on matched quotes — and grouped by :func:`newsgraph.evaluate.gold_split`, so that the
``check`` articles (never read while writing rules) are reported beside the ``tune`` ones.

Figures per group:

- ``recall``, ``precision``: gold quotes found / system quotes that match a gold quote;
- ``speaker``: share of matched quotes whose speaker maps to one of ``speaker_any_of``;
- ``via``: share of matched quotes whose relaying agency is right (null included), and
  ``via (gold has one)``: the same over the matched quotes whose gold names an agency — the
  harder half, since leaving ``via`` empty is right for most quotes.

Per-document problems are printed for ``tune`` articles only with ``--problems`` (check articles
stay unread). Usage::

    .venv/bin/python benchmarks/bench_quotes_gold.py [--problems] [--shared ../shared]

Writes ``benchmarks/results/quotes_gold.json``.
"""

from __future__ import annotations

import argparse
import json
import platform
import sys
import time
from pathlib import Path
from typing import Any

import newsgraph
from newsgraph.evaluate import DocumentScore, load_gold, score_record

ROOT = Path(__file__).resolve().parents[1]
RESULT = ROOT / "benchmarks" / "results" / "quotes_gold.json"


def gold_files(gold_dir: Path) -> list[Path]:
    """The founding article, then every WikiNews and cluster gold file."""
    return [
        gold_dir / "000_3ce0922dc01b3103.gold.json",
        *sorted((gold_dir / "wikinews").glob("*.gold.json")),
        *sorted((gold_dir / "clusters").glob("*/*.gold.json")),
    ]


def group_names(path: Path, language: str) -> list[str]:
    """The rows a gold file counts in: its set by split, its language by split, its split, all."""
    from newsgraph.evaluate import gold_split

    if path.name.startswith("000_"):
        return ["founding", "all"]
    split = gold_split(path)
    kind = "wikinews" if path.parent.name == "wikinews" else "clusters"
    return [f"{kind}/{split}", f"{language}/{split}", split, "all"]


def via_with_gold(gold: dict[str, Any], score: DocumentScore) -> tuple[int, int]:
    """(right, total) over matched quotes whose gold names a via, read from the score's problems."""
    wrong_via = {p.split(": ", 2)[1] for p in score.problems if p.startswith("quote via: ")}
    missed = {p.split(": ", 1)[1] for p in score.problems if p.startswith("quote missed: ")}
    right = total = 0
    for g in gold.get("quotes", []):
        if not g.get("via") or repr(g["starts_with"]) in missed:
            continue
        total += 1
        right += repr(g["starts_with"]) not in wrong_via
    return right, total


def summarise(scores: list[tuple[dict[str, Any], DocumentScore]]) -> dict[str, Any]:
    tp = sum(s.quotes.tp for _, s in scores)
    fp = sum(s.quotes.fp for _, s in scores)
    fn = sum(s.quotes.fn for _, s in scores)
    spk = [s.quote_speaker for _, s in scores]
    via = [s.quote_via for _, s in scores]
    vg = [via_with_gold(g, s) for g, s in scores]

    def share(right: int, total: int) -> float | None:
        return round(right / total, 3) if total else None

    return {
        "articles": len(scores),
        "gold_quotes": tp + fn,
        "recall": share(tp, tp + fn),
        "precision": share(tp, tp + fp),
        "speaker": share(sum(a.correct for a in spk), sum(a.total for a in spk)),
        "via": share(sum(a.correct for a in via), sum(a.total for a in via)),
        "via_gold_has_one": share(sum(r for r, _ in vg), sum(t for _, t in vg)),
        "via_gold_has_one_n": sum(t for _, t in vg),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--problems", action="store_true", help="print the problems of tune articles")
    parser.add_argument("--no-write", action="store_true")
    parser.add_argument("--no-tagger", action="store_true", help="the quote layer's rules alone (ablation)")
    args = parser.parse_args()
    gold_dir = args.shared / "gold"
    if not gold_dir.exists():
        print(f"no gold files at {gold_dir}; pass --shared PATH", file=sys.stderr)
        return 2
    pipelines: dict[str, Any] = {}
    groups: dict[str, list[tuple[dict[str, Any], DocumentScore]]] = {}
    started = time.perf_counter()
    for path in gold_files(gold_dir):
        gold, text = load_gold(path)
        lang = gold.get("language") or "de"
        if lang not in pipelines:
            overrides = {"newsgraph_quotes": {"tagger": False}} if args.no_tagger else None
            pipelines[lang] = newsgraph.load(lang, config=overrides)
        record = newsgraph.extract(text, lang=lang, published=gold.get("published"), nlp=pipelines[lang])
        score = score_record(gold, record, name=path.name)
        names = group_names(path, lang)
        for name in names:
            groups.setdefault(name, []).append((gold, score))
        if args.problems and "check" not in names:
            for problem in score.problems:
                if problem.startswith("quote"):
                    print(f"{path.name}: {problem}")
    order = ["founding", "wikinews/tune", "wikinews/check", "clusters/tune", "clusters/check"]
    order += ["de/tune", "de/check", "en/tune", "en/check", "tune", "check", "all"]
    rows = {name: summarise(groups[name]) for name in order if name in groups}
    print("| set | articles | gold quotes | recall | precision | speaker | via | via (gold has one) |")
    print("|---|---|---|---|---|---|---|---|")
    for name, r in rows.items():
        vg = f"{r['via_gold_has_one']} ({r['via_gold_has_one_n']})" if r["via_gold_has_one_n"] else "–"
        print(
            f"| {name} | {r['articles']} | {r['gold_quotes']} | {r['recall']} | {r['precision']} | "
            f"{r['speaker']} | {r['via']} | {vg} |"
        )
    result = {
        "tagger": not args.no_tagger,
        "machine": f"{platform.machine()}, {platform.python_version()}, 2 shared cores, no GPU",
        "seconds": round(time.perf_counter() - started, 1),
        "rows": rows,
    }
    if not args.no_write:
        RESULT.parent.mkdir(parents=True, exist_ok=True)
        RESULT.write_text(json.dumps(result, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
