"""Benchmark of the English event layer on PLOVER gold-standard sentences (development half).

Each PLOVER record is one English news sentence coded with one event type (``AGREE``, ``CONSULT``,
``COOPERATE``, ``DEMAND``, ...) and its source/target actors. newsgraph codes only interactions, so
only the types it can emit are scored; the records of every other type still count, as the place
where false positives show.

Definitions (record level, so that one record is one decision per type):

- The sentence goes through the English pipeline (``newsgraph.extract(text, lang="en")``, publication
  date from the record's ``date``). Its *system types* are the set of ``Event.plover`` values of the
  events it emits. The pipeline sets that code from ``resources/en/events.toml``: ``meeting``,
  ``visit``, ``phone_call``, ... carry ``CONSULT``, ``agreement`` and ``commitment`` ``AGREE``,
  ``aid`` ``AID``; ``[status_codes]`` recodes by status as CAMEO does (an announced or offered
  meeting or visit is 036 "express intent to meet", announced aid 033, both PLOVER ``AGREE``). The
  benchmark does no mapping of its own, so that it measures what a user of the records gets.
- For a type T: a record whose gold type is T and whose system types contain T is a true positive; a
  record of another gold type whose system types contain T is a false positive; a record of type T
  whose system types lack T is a false negative. P, R and F1 follow as usual.
- *With actors*: a true positive further needs one event of type T whose participants cover the
  record's actors: every source and target ``actorText`` must match a participant, where an actor
  text matches an entity when one of the entity's mention texts (or its name) and the actor text
  contain one another, case-folded (``President Obama`` ~ ``Obama``; ``Moroccan`` ~ ``Morocco``
  matches through the shared stem of five letters or more). A record whose actors are not all found
  counts as a false negative, and its emitted T as a false positive.

Why record level: the PLOVER records carry one event each and no offsets for a second one; a set of
types per sentence is the only comparison that does not need alignment.

Usage: ``python benchmarks/bench_plover.py [--no-write] [--quiet] [--show]``; ``--show`` prints each
scored record with the system's events (development half only). Writes
``benchmarks/results/plover.json``.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
DEV = SHARED / "datasets" / "plover_gsr_en" / "dev_half.json"
RESULT = ROOT / "benchmarks" / "results" / "plover.json"
TYPES = ("CONSULT", "AGREE", "COOPERATE")
STEM = 5  # shared prefix that makes a nationality adjective match its country (Moroccan ~ Morocco)


def _actors(record: dict[str, Any]) -> list[str]:
    """The source and target actor texts of a record (fields are a list, ``''`` or a sector word)."""
    out: list[str] = []
    for key in ("source", "target"):
        value = record.get(key)
        if isinstance(value, list):
            out += [a["actorText"] for a in value if isinstance(a, dict) and a.get("actorText")]
    return out


def _matches(actor: str, names: list[str]) -> bool:
    """Whether the actor text names the entity whose surface forms are ``names`` (see module doc)."""
    a = actor.casefold().strip()
    for n in names:
        n = n.casefold().strip()
        if not n:
            continue
        if n in a or a in n:
            return True
        for word in a.replace("'s", "").split():
            if len(word) >= STEM and any(w[:STEM] == word[:STEM] for w in n.split() if len(w) >= STEM):
                return True
    return False


def _score(tp: int, fp: int, fn: int) -> dict[str, float | int]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"tp": tp, "fp": fp, "fn": fn, "precision": round(p, 3), "recall": round(r, 3), "f1": round(f, 3)}


def run(records: list[dict[str, Any]], show: bool = False) -> dict[str, Any]:
    """Score every record; returns the result document written to ``plover.json``."""
    import newsgraph

    nlp = newsgraph.load("en")
    counts = {t: {"tp": 0, "fp": 0, "fn": 0} for t in TYPES}
    actor_counts = {t: {"tp": 0, "fp": 0, "fn": 0} for t in TYPES}
    started = time.perf_counter()
    for rec in records:
        text = rec["text"].strip().strip("{}")
        published = (rec.get("date") or "")[:10] or None
        out = newsgraph.extract(text, lang="en", published=published, nlp=nlp)
        surface = {e.id: [e.name, *(m.text for m in e.mentions)] for e in out.entities}
        emitted = {ev.plover for ev in out.events if ev.plover}
        gold = rec["event"]
        actors = _actors(rec)
        for t in TYPES:
            hit = t in emitted
            with_actors = hit and any(
                ev.plover == t and all(any(_matches(a, surface.get(p, [])) for p in ev.participants) for a in actors)
                for ev in out.events
            )
            for bucket, ok in ((counts[t], hit), (actor_counts[t], with_actors)):
                if gold == t and ok:
                    bucket["tp"] += 1
                elif gold == t:
                    bucket["fn"] += 1
                    if hit:
                        bucket["fp"] += 1 if bucket is actor_counts[t] else 0
                elif hit:
                    bucket["fp"] += 1
        if show and (gold in TYPES or emitted & set(TYPES)):
            names = {e.id: e.name for e in out.entities}
            print(f"[{gold}] {text}\n   actors {actors}")
            for ev in out.events:
                print(f"   -> {ev.plover} {ev.type} {[names.get(p) for p in ev.participants]} {ev.status}")
    elapsed = time.perf_counter() - started
    return {
        "data": str(DEV.relative_to(SHARED.parent)),
        "records": len(records),
        "gold_per_type": {t: sum(1 for r in records if r["event"] == t) for t in TYPES},
        "types": {t: _score(**counts[t]) for t in TYPES},
        "types_with_actors": {t: _score(**actor_counts[t]) for t in TYPES},
        "seconds": round(elapsed, 2),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--no-write", action="store_true", help="print only; do not write the result file")
    parser.add_argument("--quiet", action="store_true", help="only the table")
    parser.add_argument("--show", action="store_true", help="print each scored record with the system's events")
    args = parser.parse_args(argv)
    records = json.loads(DEV.read_text(encoding="utf-8"))
    result = run(records, show=args.show and not args.quiet)
    print(f"PLOVER dev half: {result['records']} records, gold per type {result['gold_per_type']}")
    print(f"{'type':<10} {'setting':<12} {'tp':>4} {'fp':>4} {'fn':>4} {'P':>6} {'R':>6} {'F1':>6}")
    for key, label in (("types", "type"), ("types_with_actors", "with actors")):
        for t, s in result[key].items():
            print(
                f"{t:<10} {label:<12} {s['tp']:>4} {s['fp']:>4} {s['fn']:>4} "
                f"{s['precision']:>6.2f} {s['recall']:>6.2f} {s['f1']:>6.2f}"
            )
    if not args.no_write:
        RESULT.parent.mkdir(parents=True, exist_ok=True)
        RESULT.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
