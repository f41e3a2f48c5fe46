"""Entity-linking accuracy on the gold entities of ``shared/gold`` (WikiNews and cluster articles), tune and
check side by side.

    PYTHONPATH=src .venv/bin/python benchmarks/bench_linking.py [--gold ../shared/gold] [--verbose]

The gold files name each entity canonically (in English) and list its mention texts, but give no
knowledge-base id. So the expected id is read from the canonical name the way a reviewer would look it up:
the starter KB's entity of that type with that name or alias, else, for a place, the gazetteer entry
(``resources/en/gazetteer_places.json`` and the venues) whose own name it is (``Bali`` is the island,
whose name is ``Bali``, not the Indian town ``Bāli`` that also answers to it). A KB capital
(``Washington, D.C.``) also accepts the gazetteer city of the same name, the id the pipeline gives it.
An entity with neither is *NIL*: the right answer is no link.

Each gold entity is paired with the extracted entity sharing most of its mention texts (same type first);
a gold entity with no such entity is ``not found`` (a recognition figure, left out of the accuracy). Per
found entity: linkable and linked to an accepted id (``right``), to another id (``wrong``), or not linked
(``unlinked``); NIL and left unlinked (``nil right``) or linked anyway (``nil linked``). ``accuracy`` =
(right + nil right) / found; ``link precision`` = right / (right + wrong + nil linked); ``link recall``
= right / linkable. The store's side (``store``): each split's records in one store, and of the gold entities
found in two or more articles the share that is one store entity, and the store entities holding two gold
entities (``mixed``). Results go to ``benchmarks/results/linking.json``; ``--verbose`` lists the tune
entities that are not right (never the check ones).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from newsgraph.api import extract  # noqa: E402
from newsgraph.kb import load_kb  # noqa: E402
from newsgraph.pipeline.entities import venue_id  # noqa: E402
from newsgraph.resources import load_resource  # noqa: E402
from newsgraph.store.names import name_key  # noqa: E402

DEFAULT_GOLD = ROOT.parent / "shared" / "gold"
RESULTS = ROOT / "benchmarks" / "results" / "linking.json"


def documents(gold: Path) -> dict[str, list[tuple[Path, Path]]]:
    """split -> (text file, gold file) of its WikiNews and cluster articles."""
    splits = json.loads((gold / "splits.json").read_text(encoding="utf-8"))
    out: dict[str, list[tuple[Path, Path]]] = {}
    for split in ("tune", "check"):
        pairs = [(gold / "wikinews" / f"{stem}.txt", gold / "wikinews" / f"{stem}.gold.json")
                 for stem in splits[split]["wikinews"]]
        for cluster in splits[split]["clusters"]:
            for text in sorted((gold / "clusters" / cluster).glob("*.txt")):
                pairs.append((text, text.with_name(text.stem + ".gold.json")))
        out[split] = [(t, g) for t, g in pairs if t.exists() and g.exists()]
    return out


class Expected:
    """The accepted ids of a gold entity, from its canonical name (see the module docstring)."""

    def __init__(self) -> None:
        self.kb = load_kb("starter")
        self.by_name: dict[str, set[str]] = {}
        places = load_resource("en", "gazetteer_places")["places"]
        venues = load_resource("en", "gazetteer_venues").get("venue", [])
        entries = [(p["name"], p.get("kb_id"), p["kind"]) for p in places]
        entries += [(v["name"], venue_id(v["name"]), "venue") for v in venues]
        self.city_by_key: dict[str, set[str]] = {}
        for name, kb_id, kind in entries:
            if kb_id:  # the exact name: "Bāli" is not "Bali"
                self.by_name.setdefault(name.casefold(), set()).add(kb_id)
                if kind == "city":
                    self.city_by_key.setdefault(name_key(name), set()).add(kb_id)

    def ids(self, name: str, etype: str) -> set[str]:
        found = {e.id for e in self.kb.find(name, etype)}
        accepted = set(found) if len(found) == 1 else set()
        if etype == "LOC":
            accepted |= self.by_name.get(name.casefold(), set())
            for kb_id in list(accepted):  # a KB capital: the gazetteer city of one of its names
                entity = self.kb.by_id.get(kb_id)
                if entity is not None and kb_id.startswith("kb:loc:"):
                    for names in entity.names.values():
                        for n in names:
                            accepted |= self.city_by_key.get(name_key(n), set())
        return accepted


def _records(pairs: list[tuple[Path, Path]], cache: Path | None) -> list[tuple[dict[str, Any], Any]]:
    from newsgraph.record import Record

    out = []
    for text_file, gold_file in pairs:
        gold = json.loads(gold_file.read_text(encoding="utf-8"))
        text = text_file.read_text(encoding="utf-8")
        cached = cache / (hashlib.sha256(text.encode()).hexdigest()[:20] + ".json") if cache else None
        if cached is not None and cached.exists():
            record = Record.model_validate_json(cached.read_text(encoding="utf-8"))
        else:
            record = extract(text, lang=gold.get("language"), published=gold.get("published"), id=text_file.name)
            if cached is not None:
                cached.parent.mkdir(parents=True, exist_ok=True)
                cached.write_text(record.model_dump_json(), encoding="utf-8")
        out.append((gold, record))
    return out


def _best_candidate(ent: dict[str, Any], record: Any) -> tuple[tuple[int, int], Any] | None:
    """The record entity that shares most mention forms with a gold entity (its type breaking ties
    first), with its (same type, shared forms) key; None when none shares a form."""
    forms = {name_key(m) for m in ent.get("mentions", [])} | {name_key(ent["name"])}
    best: tuple[tuple[int, int], Any] | None = None
    for cand in record.entities:
        shared = len(forms & {name_key(m.text) for m in cand.mentions})
        if shared and (best is None or (cand.type == ent["type"], shared) > best[0]):
            best = ((cand.type == ent["type"], shared), cand)
    return best


def score(records: list[tuple[dict[str, Any], Any]], expected: Expected) -> tuple[dict[str, Any], list[str]]:
    counts: Counter[str] = Counter()
    misses: list[str] = []
    for gold, record in records:
        for ent in gold.get("entities", []):
            best = _best_candidate(ent, record)
            accepted = expected.ids(ent["name"], ent["type"])
            if best is None:
                counts["not found"] += 1
                continue
            got = best[1].kb_id
            if accepted:
                counts["linkable"] += 1
                outcome = "right" if got in accepted else "unlinked" if got is None else "wrong"
            else:
                outcome = "nil right" if got is None else "nil linked"
            counts[outcome] += 1
            if outcome not in ("right", "nil right"):
                misses.append(f"{gold['document'][:34]:34} {ent['type']} {ent['name'][:30]:30} -> {got} "
                              f"(expected {sorted(accepted) or 'none'})")
    found = sum(counts[k] for k in ("right", "wrong", "unlinked", "nil right", "nil linked"))
    linked = counts["right"] + counts["wrong"] + counts["nil linked"]
    row = {
        "gold entities": found + counts["not found"], "found": found, **{k: counts[k] for k in (
            "linkable", "right", "wrong", "unlinked", "nil right", "nil linked", "not found")},
        "accuracy": round((counts["right"] + counts["nil right"]) / (found or 1), 3),
        "link precision": round(counts["right"] / (linked or 1), 3),
        "link recall": round(counts["right"] / (counts["linkable"] or 1), 3),
    }
    return row, misses


def store_identity(records: list[tuple[dict[str, Any], Any]]) -> dict[str, Any]:
    """Cross-article identity in the store: the split's records ingested into one fresh store, each gold
    entity (type and canonical name) paired with its extracted entity per article as above; ``one entity``
    = of the gold entities found in two or more articles, the share whose articles' entities are one store
    entity (KB id first, then the transliteration key); ``mixed`` = store entities holding two or more gold
    entities (a wrong merge)."""
    import tempfile

    from newsgraph.store import Store

    folder = Path(tempfile.mkdtemp(prefix="bench-linking-"))
    store = Store(folder / "news.duckdb")
    store.ingest([record for _, record in records])
    global_id = {(str(r), str(local)): int(e) for r, local, e in store.con.execute(
        "SELECT a.record_id, x.local_id, x.entity_id FROM article_entities x JOIN articles a USING (article_id)"
    ).fetchall()}
    store.close()
    held: dict[tuple[str, str], set[int]] = {}
    articles: Counter[tuple[str, str]] = Counter()
    for gold, record in records:
        for ent in gold.get("entities", []):
            best = _best_candidate(ent, record)
            if best is None or (record.id, best[1].id) not in global_id:
                continue
            key = (ent["type"], ent["name"])
            articles[key] += 1
            held.setdefault(key, set()).add(global_id[(record.id, best[1].id)])
    multi = [k for k, n in articles.items() if n > 1]
    owners: Counter[int] = Counter(e for k in held for e in held[k])
    return {
        "entities in 2+ articles": len(multi),
        "one entity": round(sum(len(held[k]) == 1 for k in multi) / (len(multi) or 1), 3),
        "split": sum(len(held[k]) > 1 for k in multi),
        "mixed": sum(1 for n in owners.values() if n > 1),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gold", type=Path, default=DEFAULT_GOLD)
    parser.add_argument("--out", type=Path, default=RESULTS)
    parser.add_argument("--cache", type=Path, default=None, help="folder caching the extracted records")
    parser.add_argument("--verbose", action="store_true", help="list the tune entities that are not right")
    args = parser.parse_args(argv)
    if not (args.gold / "splits.json").exists():
        print(f"no gold files at {args.gold}; pass --gold PATH", file=sys.stderr)
        return 2
    expected = Expected()
    started = time.perf_counter()
    results: dict[str, Any] = {}
    keys = ("found", "linkable", "right", "wrong", "unlinked", "nil right", "nil linked", "accuracy",
            "link precision", "link recall")
    print(f"{'split':8}" + "".join(f"{k:>15}" for k in keys))
    for split, pairs in documents(args.gold).items():
        records = _records(pairs, args.cache)
        row, misses = score(records, expected)
        results[split] = {"articles": len(pairs), **row, "store": store_identity(records)}
        print(f"{split:8}" + "".join(f"{row[k]:>15}" for k in keys))
        if args.verbose and split == "tune":
            print("\n".join(f"  {m}" for m in misses))
    for split in ("tune", "check"):
        print(f"store identity {split}: {results[split]['store']}")
    results["seconds"] = round(time.perf_counter() - started, 1)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(results, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
