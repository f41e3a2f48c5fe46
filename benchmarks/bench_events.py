"""Benchmark of the event layer on the gold files: event P/R/F1, status accuracy, events per second.

Two settings, so that the event layer's own quality is visible apart from the layers it reads:

- ``system``: the full pipeline (``newsgraph.extract``): entities, times and quotes as the other layers
  produce them today;
- ``oracle``: the same pipeline, but ``doc._.entities`` and ``doc._.times`` are built from the gold
  file (its entity mentions and time expressions located in the text) before the event layer runs.
  This measures the event layer given perfect inputs — an upper bound for the system setting.

Scoring reuses :mod:`newsgraph.evaluate` (type family, participants mapped through mention texts,
date and place where the gold has them; status accuracy with planned = possible).

Usage: ``python benchmarks/bench_events.py [--repeat 3] [--quiet] [GOLD ...]``; by default the
founding article's gold and ``shared/gold/wikinews/``. Writes ``benchmarks/results/events.json``.
"""

from __future__ import annotations

import argparse
import json
import platform
import re
import statistics
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
DEFAULT_GOLD = [
    SHARED / "gold" / "000_3ce0922dc01b3103.gold.json",
    *sorted((SHARED / "gold" / "wikinews").glob("*.gold.json")),
]
RESULT = ROOT / "benchmarks" / "results" / "events.json"


def _occurrences(text: str, needle: str) -> list[tuple[int, int]]:
    """Whole-word occurrences of ``needle`` (a hyphen counts as a word boundary: ``Putin-Biden-Gipfel``)."""
    pattern = r"(?<![\w])" + re.escape(needle) + r"(?![\w])"
    return [(m.start(), m.end()) for m in re.finditer(pattern, text)]


def oracle_entities(text: str, gold: dict[str, Any]) -> list[Any]:
    """The gold entities as ``Entity`` objects with every located mention (longest mentions first)."""
    from newsgraph.record import Entity, Mention

    spans: list[tuple[int, int, int]] = []
    for n, g in enumerate(gold.get("entities", [])):
        for mention in g.get("mentions", []):
            for s, e in _occurrences(text, mention):
                spans.append((s, e, n))
    spans.sort(key=lambda x: (x[0], -(x[1] - x[0])))
    taken: list[tuple[int, int, int]] = []
    for s, e, n in spans:
        if taken and s < taken[-1][1]:
            continue
        taken.append((s, e, n))
    entities = []
    for n, g in enumerate(gold.get("entities", [])):
        mentions = [Mention(start=s, end=e, text=text[s:e]) for s, e, k in taken if k == n]
        if mentions:
            entities.append(Entity(id=f"e{n + 1}", type=g["type"], name=g["name"], mentions=mentions))
    return entities


def oracle_times(text: str, gold: dict[str, Any]) -> list[Any]:
    """The gold time expressions, located in order of the gold list."""
    from newsgraph.record import Time

    out = []
    used: set[tuple[int, int]] = set()
    for t in gold.get("times", []):
        for s, e in _occurrences(text, t["text"]):
            if (s, e) in used:
                continue
            used.add((s, e))
            value = t.get("value")
            kind = "DURATION" if value and value.startswith("P") else "DATE"
            out.append(
                Time(start=s, end=e, text=text[s:e], type=kind, value=value, inside_quote=t.get("inside_quote", False))
            )
            break
    return out


def run_oracle(nlp: Any, text: str, gold: dict[str, Any]) -> Any:
    """The pipeline with gold entities and times in place of the entity and time layers."""
    from newsgraph.convert import doc_to_record
    from newsgraph.record import ReferenceDate

    doc = nlp.make_doc(text)
    doc._.published = gold.get("published")
    for name, proc in nlp.pipeline:
        if name == "newsgraph_entities":
            doc._.entities = oracle_entities(text, gold)
        elif name == "newsgraph_times":
            published = gold.get("published")
            doc._.reference_date = ReferenceDate(value=published, source="published" if published else "none")
            doc._.times = oracle_times(text, gold)
        else:
            doc = proc(doc)
    return doc_to_record(doc, id="oracle", language=gold.get("language", "de"), published=gold.get("published"))


def evaluate(paths: list[Path], mode: str, nlp: Any) -> tuple[dict[str, Any], int]:
    """Score all gold files in one mode; returns (summary, number of events found)."""
    from newsgraph import extract
    from newsgraph.evaluate import load_gold, score_record, summarise

    docs = []
    n_events = 0
    for path in paths:
        gold, text = load_gold(path)
        if mode == "oracle":
            record = run_oracle(nlp, text, gold)
        else:
            record = extract(text, lang=gold.get("language"), published=gold.get("published"), nlp=nlp)
        n_events += len(record.events)
        errors = [
            e for e in record.span_errors() if e.startswith("event") or "unknown event id" in e
        ]  # other layers report their own
        if errors:
            raise AssertionError(f"{path.name}: {errors[:3]}")
        docs.append(score_record(gold, record, name=path.name))
    return summarise(docs), n_events


def time_event_layer(nlp: Any, paths: list[Path], repeat: int) -> tuple[float, int]:
    """Median seconds the event layer alone takes over all documents, and events produced per pass."""
    from newsgraph.evaluate import load_gold

    docs = []
    for path in paths:
        gold, text = load_gold(path)
        doc = nlp.make_doc(text)
        doc._.published = gold.get("published")
        for name, proc in nlp.pipeline:
            if name == "newsgraph_events":
                break
            doc = proc(doc)
        docs.append(doc)
    layer = nlp.get_pipe("newsgraph_events")
    runs = []
    n = 0
    for _ in range(repeat):
        t0 = time.perf_counter()
        n = sum(len(layer(d)._.events) for d in docs)
        runs.append(time.perf_counter() - t0)
    return statistics.median(runs), n


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("gold", nargs="*", type=Path)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--quiet", action="store_true", help="no per-document problems")
    parser.add_argument("--no-write", action="store_true", help="do not write benchmarks/results/events.json")
    args = parser.parse_args(argv)
    paths = args.gold or [p for p in DEFAULT_GOLD if p.exists()]
    if not paths:
        print("no gold files (is ../shared beside this clone?)", file=sys.stderr)
        return 1
    import newsgraph

    nlp = newsgraph.load("de")
    seed = [p for p in paths if p.name.startswith("000_")]
    held = [p for p in paths if not p.name.startswith("000_")]
    results: dict[str, Any] = {
        "machine": f"{platform.machine()} {platform.processor() or ''}".strip() + ", 2 shared cores, no GPU",
        "python": platform.python_version(),
        "base_pipeline": [n for n, _ in nlp.pipeline],
    }
    for mode in ("oracle", "system"):
        for label, group in (("founding", seed), ("wikinews", held), ("all", paths)):
            if not group:
                continue
            summary, n = evaluate(group, mode, nlp)
            ev = summary["events"]
            results[f"{mode}/{label}"] = {
                "documents": len(group),
                "events_found": n,
                **{k: (round(v, 3) if isinstance(v, float) else v) for k, v in ev.items()},
                "problems": {
                    d["gold"]: [p for p in d["problems"] if p.startswith("event")] for d in summary["documents"]
                },
            }
    seconds, n = time_event_layer(nlp, paths, args.repeat)
    chars = sum(len(newsgraph.evaluate.load_gold(p)[1]) for p in paths)
    results["speed"] = {
        "documents": len(paths),
        "characters": chars,
        "event_layer_seconds_median": round(seconds, 4),
        "events_per_second": round(n / seconds, 1) if seconds else None,
        "documents_per_second": round(len(paths) / seconds, 1) if seconds else None,
        "repeat": args.repeat,
    }
    print(f"{'setting':<18} {'docs':>4} {'tp':>4} {'fp':>4} {'fn':>4} {'P':>6} {'R':>6} {'F1':>6} {'status':>7}")
    for key, r in results.items():
        if "/" not in key:
            continue
        acc = r.get("status_accuracy")
        print(
            f"{key:<18} {r['documents']:>4} {r['tp']:>4} {r['fp']:>4} {r['fn']:>4} {r['precision']:>6.2f} "
            f"{r['recall']:>6.2f} {r['f1']:>6.2f} {('-' if acc is None else f'{acc:.2f}'):>7}"
        )
    s = results["speed"]
    print(
        f"event layer: {s['event_layer_seconds_median']}s median for {s['documents']} documents "
        f"({s['events_per_second']} events/s, {s['documents_per_second']} docs/s)"
    )
    if not args.quiet:
        for key in ("oracle/all", "system/all"):
            print(f"\n# {key}")
            for doc, problems in results[key]["problems"].items():
                for p in problems:
                    print(f"  {doc}: {p}")
    if not args.no_write:
        RESULT.parent.mkdir(parents=True, exist_ok=True)
        RESULT.write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
