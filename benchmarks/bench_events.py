"""Benchmark of the event layer on the gold files: event P/R/F1, status accuracy, events per second.

Two settings, so that the event layer's own quality is visible apart from the layers it reads:

- ``system``: the full pipeline (``newsgraph.extract``): entities, times and quotes as the other layers
  produce them today;
- ``oracle``: the same pipeline, but ``doc._.entities`` and ``doc._.times`` are built from the gold
  file (its entity mentions and time expressions located in the text) before the event layer runs.
  This measures the event layer given perfect inputs — an upper bound for the system setting.

Scoring reuses :mod:`newsgraph.evaluate` (type family, participants mapped through mention texts,
date and place where the gold has them; status accuracy with planned = possible).

Groups: the founding article; WikiNews and cluster articles by the ``tune``/``check`` split of
``shared/gold/splits.json``; German and English by split. Per group: strict P/R/F1 (the gold README's
rule: exact participant sets), lenient F1 (participants covering the gold's, extra ones allowed; see
``newsgraph.evaluate.match_events``), status accuracy, and spurious events per article whose gold has
no interaction. Per-document problems are printed for ``tune`` only unless ``--split`` says otherwise,
so that the check split stays unread while rules are written.

Usage: ``python benchmarks/bench_events.py [--repeat 3] [--quiet] [--no-oracle] [GOLD ...]``; by
default all gold in ``shared/gold``. Writes ``benchmarks/results/events.json``. The project's own English
articles are scored apart: ``python benchmarks/bench_events.py --no-write benchmarks/gold_en/*.gold.json``
(groups ``project/tune`` and ``project/check``).
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
    *sorted((SHARED / "gold" / "clusters").glob("*/*.gold.json")),
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


def gold_groups(paths: list[Path]) -> dict[str, list[Path]]:
    """The gold files by group: founding, WikiNews and cluster articles by split, languages by split.

    The split (``shared/gold/splits.json``) keeps ``check`` unseen while rules are written, so each
    figure is reported on ``tune`` and ``check`` side by side; the founding article is in neither.
    """
    from newsgraph.evaluate import gold_split

    def split_of(path: Path) -> str:
        return "founding" if path.name.startswith("000_") else gold_split(path)

    groups: dict[str, list[Path]] = {}
    for path in paths:
        split = split_of(path)
        gold = json.loads(path.read_text(encoding="utf-8"))
        kind = "clusters" if path.parent.parent.name == "clusters" else "wikinews"
        if path.parent.name == "gold_en":
            kind = "project"  # the project's own English articles (benchmarks/gold_en, its own splits.json)
        keys = ["all", split] if split == "founding" else ["all", split, f"{kind}/{split}"]
        if split != "founding":
            keys.append(f"{gold.get('language', 'de')}/{split}")
        for key in keys:
            groups.setdefault(key, []).append(path)
    order = ["founding", "wikinews/tune", "wikinews/check", "clusters/tune", "clusters/check",
             "project/tune", "project/check", "de/tune", "de/check", "en/tune", "en/check", "tune", "check", "all"]
    return {k: groups[k] for k in order if k in groups}


def _row(group: list[Path], docs: list[Any], n_found: int) -> dict[str, Any]:
    """One table row: strict and lenient P/R/F1, status accuracy, spurious events where gold has none."""
    from newsgraph.evaluate import summarise

    summary = summarise(docs)
    strict, lenient = summary["events"], summary["events_lenient"]
    quiet = [d for d in docs if d.events.tp + d.events.fn == 0]
    return {
        "documents": len(group),
        "events_found": n_found,
        **{k: (round(v, 3) if isinstance(v, float) else v) for k, v in strict.items()},
        "lenient": {k: (round(v, 3) if isinstance(v, float) else v) for k, v in lenient.items()},
        "documents_without_interaction": len(quiet),
        "spurious_per_document_without_interaction": round(sum(d.events.fp for d in quiet) / len(quiet), 3)
        if quiet
        else None,
        "problems": {d.gold: [p for p in d.problems if p.startswith("event")] for d in docs},
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("gold", nargs="*", type=Path)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--quiet", action="store_true", help="no per-document problems")
    parser.add_argument("--split", choices=("tune", "check", "all"), default="tune",
                        help="whose per-document problems to print (default: tune; keep check unread while tuning)")
    parser.add_argument("--no-oracle", action="store_true", help="only the system setting (faster)")
    parser.add_argument("--no-write", action="store_true", help="do not write benchmarks/results/events.json")
    args = parser.parse_args(argv)
    paths = args.gold or [p for p in DEFAULT_GOLD if p.exists()]
    if not paths:
        print("no gold files (is ../shared beside this clone?)", file=sys.stderr)
        return 1
    import newsgraph
    from newsgraph.evaluate import load_gold, score_record

    pipelines = {lang: newsgraph.load(lang) for lang in ("de", "en")}
    groups = gold_groups(paths)
    results: dict[str, Any] = {
        "machine": f"{platform.machine()} {platform.processor() or ''}".strip() + ", 2 shared cores, no GPU",
        "python": platform.python_version(),
        "base_pipeline": [n for n, _ in pipelines["de"].pipeline],
        "groups": {k: [p.name for p in v] for k, v in groups.items()},
    }
    for mode in ("system",) if args.no_oracle else ("oracle", "system"):
        scored: dict[Path, tuple[Any, int]] = {}
        for path in paths:
            gold, text = load_gold(path)
            nlp = pipelines.get(gold.get("language", "de"), pipelines["de"])
            if mode == "oracle":
                record = run_oracle(nlp, text, gold)
            else:
                record = newsgraph.extract(text, lang=gold.get("language"), published=gold.get("published"), nlp=nlp)
            errors = [e for e in record.span_errors() if e.startswith("event") or "unknown event id" in e]
            if errors:
                raise AssertionError(f"{path.name}: {errors[:3]}")
            scored[path] = (score_record(gold, record, name=path.name), len(record.events))
        for label, group in groups.items():
            results[f"{mode}/{label}"] = _row(group, [scored[p][0] for p in group], sum(scored[p][1] for p in group))
    de_paths = [p for p in paths if load_gold(p)[0].get("language", "de") == "de"]
    seconds, n = time_event_layer(pipelines["de"], de_paths, args.repeat)
    chars = sum(len(load_gold(p)[1]) for p in de_paths)
    results["speed"] = {
        "documents": len(de_paths),
        "characters": chars,
        "event_layer_seconds_median": round(seconds, 4),
        "events_per_second": round(n / seconds, 1) if seconds else None,
        "documents_per_second": round(len(de_paths) / seconds, 1) if seconds else None,
        "repeat": args.repeat,
    }
    header = (f"{'setting':<22} {'docs':>4} {'tp':>4} {'fp':>4} {'fn':>4} {'P':>6} {'R':>6} {'F1':>6} "
              f"{'lenF1':>6} {'status':>7} {'spur/quiet':>10}")
    print(header)
    for key, r in results.items():
        if "/" not in key or not isinstance(r, dict) or "tp" not in r:
            continue
        acc = r.get("status_accuracy")
        spur = r["spurious_per_document_without_interaction"]
        print(
            f"{key:<22} {r['documents']:>4} {r['tp']:>4} {r['fp']:>4} {r['fn']:>4} {r['precision']:>6.2f} "
            f"{r['recall']:>6.2f} {r['f1']:>6.2f} {r['lenient']['f1']:>6.2f} "
            f"{('-' if acc is None else f'{acc:.2f}'):>7} {('-' if spur is None else f'{spur:.2f}'):>10}"
        )
    s = results["speed"]
    print(
        f"event layer (German documents): {s['event_layer_seconds_median']}s median for {s['documents']} documents "
        f"({s['events_per_second']} events/s, {s['documents_per_second']} docs/s)"
    )
    if not args.quiet:
        wanted = {"tune": ("founding", "tune"), "check": ("check",), "all": ("all",)}[args.split]
        for mode in ("oracle", "system"):
            for label in wanted:
                key = f"{mode}/{label}"
                if key not in results:
                    continue
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
