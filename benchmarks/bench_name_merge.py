"""Would the cross-language name matcher (e5) merge the store's unlinked entities better than the
transliteration key? Measured on the entities of the gold articles, tune and check side by side.

    PYTHONPATH=src .venv/bin/python benchmarks/bench_name_merge.py [--gold ../shared/gold] [--thresholds 0.85,0.92]

The store merges an entity without a KB id by the transliteration key of its name (``names.name_key``).
Here every pair of extracted ORG, LOC and MISC entities without a KB id from two different articles of a
split is a merge decision; gold says *same* when both pair with one gold entity of the same canonical
name (paired as in ``bench_linking.py``, by shared mention texts), *different* when they pair with two.
Pairs either side of which pairs with no gold entity are left out. ``key`` merges a pair when the keys are
equal; ``key+e5`` also when the cosine of their e5 embeddings (``newsgraph.accurate.similarity.embed``)
reaches the threshold (each of ``--thresholds``; 0.85 is ``NameMatcher``'s default). Reported per
method: merges right (same), merges wrong (different), and the same-pairs missed. Persons are left
out: transliteration covers their names, and two people of one family name are too close for
embeddings. Needs the ``accurate`` extra. Results go to
``benchmarks/results/name_merge.json``; ``--verbose`` lists the tune pairs e5 merges.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "benchmarks"))

from bench_linking import DEFAULT_GOLD, _records, documents  # noqa: E402
from newsgraph.store.names import name_key  # noqa: E402

RESULTS = ROOT / "benchmarks" / "results" / "name_merge.json"
TYPES = ("ORG", "LOC", "MISC")


def unlinked(records: list[tuple[dict[str, Any], Any]]) -> list[tuple[int, str, str, str | None]]:
    """(article index, type, name, gold canonical name or None) of each extracted entity without a KB id."""
    out = []
    for i, (gold, record) in enumerate(records):
        golds = [(e["name"], e["type"], {name_key(m) for m in e.get("mentions", [])} | {name_key(e["name"])})
                 for e in gold.get("entities", [])]
        for ent in record.entities:
            if ent.kb_id or ent.type not in TYPES:
                continue
            texts = {name_key(m.text) for m in ent.mentions} | {name_key(ent.name)}
            best = max(((len(texts & forms), gtype == ent.type, name) for name, gtype, forms in golds
                        if texts & forms), default=None)
            out.append((i, ent.type, ent.name, best[2] if best else None))
    return out


def score(entities: list[tuple[int, str, str, str | None]], thresholds: list[float], verbose: bool) -> dict[str, Any]:
    from newsgraph.accurate.similarity import embed

    vecs = embed([name for _, _, name, _ in entities])
    methods = ["key", *(f"key+e5 {t:.2f}" for t in thresholds)]
    counts = {m: {"right": 0, "wrong": 0, "missed": 0} for m in methods}
    same_pairs = 0
    for a in range(len(entities)):
        for b in range(a + 1, len(entities)):
            (ia, ta, na, ga), (ib, tb, nb, gb) = entities[a], entities[b]
            if ia == ib or ta != tb or ga is None or gb is None:
                continue
            same = ga == gb
            same_pairs += same
            by_key = name_key(na) == name_key(nb)
            cosine = float(vecs[a] @ vecs[b])
            for method, merged in zip(methods, [by_key, *(by_key or cosine >= t for t in thresholds)], strict=True):
                if merged:
                    counts[method]["right" if same else "wrong"] += 1
                elif same:
                    counts[method]["missed"] += 1
            if verbose and not by_key and cosine >= min(thresholds):
                print(f"  e5 merges {na!r} ~ {nb!r} ({cosine:.3f}): {'same' if same else 'DIFFERENT'}")
    return {"same_pairs": same_pairs, **counts}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gold", type=Path, default=DEFAULT_GOLD)
    parser.add_argument("--thresholds", default="0.85,0.92,0.95", help="cosines to merge at, comma-separated")
    parser.add_argument("--cache", type=Path, default=None, help="folder caching the extracted records")
    parser.add_argument("--out", type=Path, default=RESULTS)
    parser.add_argument("--verbose", action="store_true")
    args = parser.parse_args(argv)
    if not (args.gold / "splits.json").exists():
        print(f"no gold files at {args.gold}; pass --gold PATH", file=sys.stderr)
        return 2
    thresholds = [float(t) for t in args.thresholds.split(",") if t]
    results: dict[str, Any] = {"thresholds": thresholds}
    for split, pairs in documents(args.gold).items():
        row = score(unlinked(_records(pairs, args.cache)), thresholds, args.verbose and split == "tune")
        results[split] = row
        print(f"{split}: {row['same_pairs']} pairs of one gold entity")
        for method, c in row.items():
            if isinstance(c, dict):
                print(f"  {method:12} merges right {c['right']:4}  wrong {c['wrong']:4}  "
                      f"same pairs missed {c['missed']:4}")
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(results, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
