"""Benchmark of cross-article event merging on the gold clusters (``shared/gold/clusters``).

    PYTHONPATH=src .venv/bin/python benchmarks/bench_clusters.py [--gold ../shared/gold] [--kb starter]

Each cluster is four articles about one real-world event (three German, one English) and a
``cluster.json`` listing every interaction they mention, with the articles that report it and the status
each reports. The benchmark extracts every article (``newsgraph.extract`` with the gold's publication
date, as ``newsgraph ingest --published`` would), ingests each cluster's four records into a fresh store,
then all clusters together into one more, and scores the store's events against the cluster events.

Scoring works on *source accounts* (rows of ``event_sources``: one article's version of an event). Each
account is assigned to the cluster event it describes: an event that its article reports, of the same merge
group, whose participants it names (by KB id or transliteration key of any alias, at least min(2, sizes) of
them; a place among the account's parties also names the places containing it, as the store reads it: a visit
to Washington is the visit to the United States) and whose date it does not contradict; among several, first
one whose evidence in that article (the article's gold file: the evidence sentences of its gold event that is
this cluster event) the account's evidence overlaps, then the best by participant overlap, then one whose date
the account gives. (Participant overlap alone gives an undated account of the Oval Office meeting naming Trump
and Zelenskyy to their New York meeting, which names exactly those two.)
Accounts that describe no cluster event (extraction noise) are left out. Then per cluster event:

- ``extracted``: every reporting article has an account of it (a pipeline figure, not a merge one);
- ``one_event``: its accounts lie in exactly one store event, and that event holds no other cluster
  event's accounts;
- ``all_sources``: ``one_event`` and that store event has every reporting article as a source;
- ``final_status``: ``one_event`` and the store event's status is the cluster's final status;
- ``history``: ``one_event`` and every reporting article's account has the status the cluster gives it;
- pairwise merge precision / recall over accounts (two accounts in one store event vs in one cluster
  event), and ``merged_pairs``: store events holding accounts of two or more cluster events.

The split (``splits.json``) decides which clusters are ``tune`` and which ``check``; both are printed side
by side. The ``all`` row ingests every cluster into one store (the same interaction in two clusters,
e.g. the Oval Office meeting, counts as one cluster event there).
Each cluster is also ingested one article per batch, last first (rows ``one by one, reversed``): the
store's events must not depend on the order or batches the articles come in; ``same as one batch`` is the
share of cluster events with the same outcome as in the one-batch ingest.

A line per split then counts why the cluster events that are not right fail (``outcomes``: no account at all,
split over store events — ``split_extracted`` where every reporting article has an account, so the merge alone is
to blame —, sharing a store event with another cluster event, a reporting article without an account, wrong final
status): counts only, so it is printed for the held-out clusters too.

Results go to ``benchmarks/results/clusters.json``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from newsgraph.api import extract  # noqa: E402
from newsgraph.store import Store  # noqa: E402
from newsgraph.store.merge import load_rules, parse_date_value  # noqa: E402
from newsgraph.store.names import name_key  # noqa: E402

DEFAULT_GOLD = ROOT.parent / "shared" / "gold"
RESULTS = ROOT / "benchmarks" / "results" / "clusters.json"
#: days a cluster date may be away from a source's date and still be its event (planned dates move)
DATE_SLACK = 3


def load_clusters(gold: Path) -> tuple[dict[str, list[str]], dict[str, Path]]:
    splits = json.loads((gold / "splits.json").read_text(encoding="utf-8"))
    split_of = {
        name: [split for split in ("tune", "check") if name in splits[split]["clusters"]]
        for name in sorted(p.name for p in (gold / "clusters").iterdir() if p.is_dir())
    }
    return split_of, {name: gold / "clusters" / name for name in split_of}


#: per article: its gold events, each with the character spans of its evidence sentences
GoldSpans = dict[str, list[tuple[dict[str, Any], list[tuple[int, int]]]]]


def gold_spans(folder: Path, cluster: dict[str, Any]) -> GoldSpans:
    """Per article: its gold events with the character spans of their evidence sentences in its text."""
    spans: GoldSpans = {}
    for doc in cluster["articles"]:
        gold_file = folder / (doc.rsplit(".", 1)[0] + ".gold.json")
        if not gold_file.exists():
            continue
        text = (folder / doc).read_text(encoding="utf-8")
        events = json.loads(gold_file.read_text(encoding="utf-8")).get("events", [])
        spans[doc] = []
        for ev in events:
            found = [(i, i + len(e)) for e in ev.get("evidence", []) if e and (i := text.find(e)) >= 0]
            spans[doc].append((ev, found))
    return spans


def extract_cluster(folder: Path, cache: Path | None) -> tuple[dict[str, Any], list[Any]]:
    """The cluster file and the records of its articles, in file order.

    ``cache``: a folder of records keyed by the text's hash, so that merge changes can be measured
    without re-running the pipeline (clear it when the pipeline changes).
    """
    from newsgraph.record import Record

    cluster = json.loads((folder / "cluster.json").read_text(encoding="utf-8"))
    records = []
    for doc, meta in sorted(cluster["articles"].items()):
        text = (folder / doc).read_text(encoding="utf-8")
        cached = cache / (hashlib.sha256(text.encode()).hexdigest()[:20] + ".json") if cache else None
        if cached is not None and cached.exists():
            records.append(Record.model_validate_json(cached.read_text(encoding="utf-8")))
            continue
        record = extract(text, lang=meta.get("language"), published=meta.get("published"), id=doc)
        if cached is not None:
            cache.mkdir(parents=True, exist_ok=True)  # type: ignore[union-attr]
            cached.write_text(record.model_dump_json(), encoding="utf-8")
        records.append(record)
    return cluster, records


class _Linker:
    """Gold participant names -> store entity ids, by KB id or by the transliteration key of any alias."""

    def __init__(self, store: Store) -> None:
        from newsgraph.kb import KnowledgeBase
        from newsgraph.store.kb import STARTER_KB

        self.kb = KnowledgeBase.load(STARTER_KB)
        self.by_key: dict[str, set[int]] = defaultdict(set)
        for entity_id, key in store.con.execute("SELECT entity_id, alias_key FROM entity_aliases").fetchall():
            self.by_key[key].add(int(entity_id))
        for entity_id, key in store.con.execute("SELECT entity_id, name_key FROM entities").fetchall():
            self.by_key[key].add(int(entity_id))
        self.by_kb: dict[str, set[int]] = defaultdict(set)
        linked = store.con.execute("SELECT entity_id, kb_id FROM entities WHERE kb_id IS NOT NULL").fetchall()
        for entity_id, kb_id in linked:
            self.by_kb[kb_id].add(int(entity_id))
        self.kb_of = {int(e): str(k) for e, k in linked}

    def with_parents(self, entity_id: int) -> set[int]:
        """The entity and the stored places containing it (by the gazetteers: a city's country)."""
        from newsgraph.pipeline.entities import place_parents

        kb_id = self.kb_of.get(entity_id)
        if not kb_id or kb_id.startswith(("kb:per:", "kb:org:")):
            return {entity_id}
        chain = place_parents("en", kb_id) or place_parents("de", kb_id)
        return {entity_id}.union(*(self.by_kb.get(k, set()) for k in chain))

    def ids(self, name: str) -> set[int]:
        found = set(self.by_key.get(name_key(name), set()))
        for etype in ("PER", "LOC", "ORG"):
            kb_id = self.kb.link(name, etype)
            if kb_id:
                found |= self.by_kb.get(kb_id, set())
        return found


def _dates_compatible(gold: dict[str, Any], value: str | None) -> bool:
    parsed = parse_date_value(value)
    if parsed is None:
        return True
    lo, hi, _ = parsed
    slack = dt.timedelta(days=DATE_SLACK)
    if gold.get("date"):
        g = parse_date_value(gold["date"])
        if g is None:
            return True
        return not (hi + slack < g[0] or g[1] + slack < lo)
    after, before = gold.get("date_after"), gold.get("date_before")
    if after and hi + slack < dt.date.fromisoformat(after):
        return False
    return not (before and dt.date.fromisoformat(before) + slack < lo)


def _evidence_of(
    gold_events: list[dict[str, Any]], rules: Any, spans: GoldSpans
) -> dict[tuple[str, int], list[tuple[int, int]]]:
    """(article, cluster event index) -> the evidence spans of the article's gold event that is that cluster
    event: the cluster event its article reports of the same merge group, with no contradicting date, the status
    the cluster says the article gives it, the most participants in common, then the one that gives its date,
    then its place."""
    out: dict[tuple[str, int], list[tuple[int, int]]] = defaultdict(list)
    for doc, events in spans.items():
        for gold, found in events:
            names = set(gold.get("participants", []))
            candidates = []
            for i, ev in enumerate(gold_events):
                if doc not in ev["reported_by"] or rules.group(ev["type"]) != rules.group(gold["type"]):
                    continue
                shared = len(names & set(ev["participants"]))
                if shared and _dates_compatible(ev, gold.get("date")):
                    # a cluster event that gives the gold event's date (or place) beats an undated one of the
                    # same people: the Helsinki summit of 2018 is not the undated "next time in Moscow"
                    dated = int(bool(ev.get("date")) and bool(gold.get("date")))
                    placed = int(bool(ev.get("place")) and ev.get("place") == gold.get("place"))
                    # ... and first of all one that the cluster says this article reports with the gold event's status
                    said = int(ev["reported_by"][doc] == gold.get("status"))
                    candidates.append((said, shared / len(names | set(ev["participants"])), dated, placed, -i, i))
            if candidates:
                out[(doc, max(candidates)[-1])] += found
    return out


def score_store(
    store: Store, clusters: list[dict[str, Any]], doc_of: dict[int, str], spans: GoldSpans | None = None
) -> dict[str, Any]:
    """Assign accounts to cluster events and score the store's merging (see the module docstring)."""
    spans = spans or {}
    rules = load_rules()
    linker = _Linker(store)
    gold_events: list[dict[str, Any]] = []
    seen: dict[tuple[Any, ...], int] = {}
    for cluster in clusters:
        for ev in cluster["events"]:
            key = (rules.group(ev["type"]), frozenset(ev["participants"]), ev.get("date"), ev.get("place"))
            if key in seen:  # the same interaction in two clusters is one cluster event here
                gold_events[seen[key]]["reported_by"].update(ev["reported_by"])
                continue
            seen[key] = len(gold_events)
            gold_events.append(
                dict(ev, reported_by=dict(ev["reported_by"]), _ids=[linker.ids(p) for p in ev["participants"]])
            )
    evidence_of = _evidence_of(gold_events, rules, spans)
    rows = store.con.execute(
        "SELECT s.event_id, s.article_id, s.local_id, s.type, s.status, s.date_value, s.participants, "
        "s.evidence_json FROM event_sources s"
    ).fetchall()
    status_of = dict(store.con.execute("SELECT event_id, status FROM events").fetchall())
    sources_of: dict[int, set[str]] = defaultdict(set)
    for event_id, article_id, *_ in rows:
        sources_of[int(event_id)].add(doc_of[int(article_id)])
    assigned: dict[int, list[tuple[int, str, str]]] = defaultdict(list)  # gold index -> (store event, doc, status)
    for event_id, article_id, _local, etype, status, date_value, participants, evidence in rows:
        doc = doc_of[int(article_id)]
        own = [(int(e["start"]), int(e["end"])) for e in json.loads(evidence or "[]")]
        # a place among the account's parties stands for the places containing it too (the store's rule: a
        # visit to Washington is the visit to the United States another outlet reports)
        parts = {q for p in participants or [] for q in linker.with_parents(int(p))}
        best: tuple[tuple[bool, float, int], int] | None = None
        for i, ev in enumerate(gold_events):
            if doc not in ev["reported_by"] or rules.group(ev["type"]) != rules.group(etype):
                continue
            shared = sum(1 for ids in ev["_ids"] if ids & parts)
            if shared < max(1, min(2, len(ev["_ids"]), len(parts))) or not _dates_compatible(ev, date_value):
                continue
            overlap = shared / (len(ev["_ids"]) + len(parts) - shared)
            # a cluster event whose date the account gives beats an undated one of the same people
            dated = int(bool(ev.get("date")) and parse_date_value(date_value) is not None)
            # ... and one whose gold evidence in this article the account's evidence overlaps beats both
            cited = any(min(e, ge) > max(st, gs) for st, e in own for gs, ge in evidence_of.get((doc, i), ()))
            if best is None or (cited, overlap, dated) > best[0]:
                best = ((cited, overlap, dated), i)
        if best is not None:
            assigned[best[1]].append((int(event_id), doc, status))
    holders: dict[int, set[int]] = defaultdict(set)  # store event -> cluster events with accounts in it
    for i, accounts in assigned.items():
        for event_id, _, _ in accounts:
            holders[event_id].add(i)
    per_event = []
    for i, ev in enumerate(gold_events):
        accounts = assigned.get(i, [])
        store_events = {e for e, _, _ in accounts}
        docs = {d for _, d, _ in accounts}
        one = len(store_events) == 1 and holders[next(iter(store_events))] == {i}
        event_id = next(iter(store_events)) if one else None
        said = {d: s for _, d, s in accounts}
        per_event.append(
            {
                "type": ev["type"],
                "participants": ev["participants"],
                "date": ev.get("date"),
                "status": ev["status"],
                "reported_by": ev["reported_by"],
                "extracted": docs >= set(ev["reported_by"]),
                "missing": sorted(set(ev["reported_by"]) - docs),  # reporting articles without an account of it
                "store_events": sorted(store_events),
                "one_event": one,
                "all_sources": one and sources_of[event_id] >= set(ev["reported_by"]),  # type: ignore[index]
                "final_status": one and status_of[event_id] == ev["status"],
                "history": one and all(said.get(d) == s for d, s in ev["reported_by"].items()),
                "store_status": status_of.get(event_id) if one else sorted({status_of[e] for e in store_events}),
            }
        )
    pairs_store = pairs_gold = pairs_both = 0
    flat = [(i, e) for i, accounts in assigned.items() for e, _, _ in accounts]
    for a in range(len(flat)):
        for b in range(a + 1, len(flat)):
            same_gold, same_store = flat[a][0] == flat[b][0], flat[a][1] == flat[b][1]
            pairs_gold += same_gold
            pairs_store += same_store
            pairs_both += same_gold and same_store
    n = len(per_event) or 1
    return {
        "events": len(per_event),
        "store_events": int(store.con.execute("SELECT count(*) FROM events").fetchone()[0]),  # type: ignore[index]
        **{
            k: round(sum(e[k] for e in per_event) / n, 3)
            for k in ("extracted", "one_event", "all_sources", "final_status", "history")
        },
        # the merge's own figure: of the events every reporting article has an account of, how many are
        # one store event with all of them and the right final status
        "merged_right_of_extracted": round(
            sum(e["all_sources"] and e["final_status"] for e in per_event if e["extracted"])
            / (sum(e["extracted"] for e in per_event) or 1),
            3,
        ),
        "merge_precision": round(pairs_both / pairs_store, 3) if pairs_store else 1.0,
        "merge_recall": round(pairs_both / pairs_gold, 3) if pairs_gold else 1.0,
        "merged_pairs": sum(1 for held in holders.values() if len(held) > 1),
        "per_event": per_event,
    }


def ingest(records: list[Any], kb: Any, *, one_by_one: bool = False) -> tuple[Store, Path, dict[int, str]]:
    """A fresh store holding the records: one batch, or (``one_by_one``) one batch per record, last first."""
    folder = Path(tempfile.mkdtemp(prefix="bench-clusters-"))
    store = Store(folder / "news.duckdb", kb=kb)
    for batch in [[r] for r in reversed(records)] if one_by_one else [records]:
        store.ingest(batch)
    doc_of = {int(a): str(r) for a, r in store.con.execute("SELECT article_id, record_id FROM articles").fetchall()}
    return store, folder, doc_of


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gold", type=Path, default=DEFAULT_GOLD)
    parser.add_argument("--kb", default=None, help="'starter' or a KB file: the store links entities with it")
    parser.add_argument("--out", type=Path, default=RESULTS)
    parser.add_argument("--cache", type=Path, default=None, help="folder caching the extracted records")
    parser.add_argument("--verbose", action="store_true", help="list every tune cluster event's result")
    args = parser.parse_args(argv)
    kb = None
    if args.kb:
        from newsgraph.store.kb import STARTER_KB, KnowledgeBase

        kb = KnowledgeBase.load(STARTER_KB if args.kb == "starter" else Path(args.kb))
    split_of, folders = load_clusters(args.gold)
    started = time.perf_counter()
    extracted = {name: extract_cluster(folder, args.cache) for name, folder in folders.items()}
    spans = {name: gold_spans(folders[name], cluster) for name, (cluster, _) in extracted.items()}
    extract_s = time.perf_counter() - started
    results: dict[str, Any] = {"clusters": {}, "kb": args.kb, "extract_seconds": round(extract_s, 1)}
    results["one_by_one"] = {}
    for name, (cluster, records) in extracted.items():
        store, _, doc_of = ingest(records, kb)
        with store:
            results["clusters"][name] = {
                "split": split_of[name][0] if split_of[name] else "-",
                **score_store(store, [cluster], doc_of, spans[name]),
            }
        # the same articles one at a time, last first: the store's events must not depend on the order
        store, _, doc_of = ingest(records, kb, one_by_one=True)
        with store:
            results["one_by_one"][name] = score_store(store, [cluster], doc_of, spans[name])
    all_records = [r for _, records in extracted.values() for r in records]
    store, _, doc_of = ingest(all_records, kb)
    with store:
        results["all"] = score_store(
            store,
            [c for c, _ in extracted.values()],
            doc_of,
            {doc: v for per in spans.values() for doc, v in per.items()},
        )
    keys = (
        "extracted",
        "one_event",
        "all_sources",
        "final_status",
        "history",
        "merged_right_of_extracted",
        "merge_precision",
        "merge_recall",
    )

    def outcomes(events: list[dict[str, Any]]) -> dict[str, int]:
        """Why the cluster events that are not right fail, as counts (safe to print for held-out clusters too):
        ``no_account`` (no article's account was found), ``split`` (its accounts lie in two or more store
        events; ``split_extracted``: of these, those every reporting article has an account of, where the
        merge alone is to blame), ``shared`` (one store event, holding another cluster event's accounts too),
        ``source_missing`` (one store event without every reporting article: an article has no account) and
        ``status`` (one store event with every source, wrong final status)."""
        out = dict.fromkeys(
            ("right", "no_account", "split", "split_extracted", "shared", "source_missing", "status"), 0
        )
        for e in events:
            if not e["store_events"]:
                out["no_account"] += 1
            elif len(e["store_events"]) > 1:
                out["split"] += 1
                out["split_extracted"] += e["extracted"]
            elif not e["one_event"]:
                out["shared"] += 1
            elif not e["all_sources"]:
                out["source_missing"] += 1
            elif not e["final_status"]:
                out["status"] += 1
            else:
                out["right"] += 1
        return out

    def pooled(names: list[str], per: str = "clusters") -> dict[str, Any]:
        events = [e for n in names for e in results[per][n]["per_event"]]
        row: dict[str, Any] = {"events": len(events)}
        for k in keys[:5]:
            row[k] = round(sum(e[k] for e in events) / (len(events) or 1), 3)
        extracted = [e for e in events if e["extracted"]]
        row[keys[5]] = round(sum(e["all_sources"] and e["final_status"] for e in extracted) / (len(extracted) or 1), 3)
        for k in keys[6:]:
            row[k] = round(sum(results[per][n][k] for n in names) / (len(names) or 1), 3)
        row["merged_pairs"] = sum(results[per][n]["merged_pairs"] for n in names)
        row["outcomes"] = outcomes(events)
        if per == "one_by_one":  # share of cluster events whose outcome is the one-batch outcome
            batch = [e for n in names for e in results["clusters"][n]["per_event"]]
            same = sum(all(a[k] == b[k] for k in keys[1:5]) for a, b in zip(events, batch, strict=True))
            row["same_as_batch"] = round(same / (len(events) or 1), 3)
        return row

    results["tune"] = pooled([n for n, s in split_of.items() if "tune" in s])
    results["check"] = pooled([n for n, s in split_of.items() if "check" in s])
    results["tune_one_by_one"] = pooled([n for n, s in split_of.items() if "tune" in s], "one_by_one")
    results["check_one_by_one"] = pooled([n for n, s in split_of.items() if "check" in s], "one_by_one")
    header = f"{'':26}{'events':>7}" + "".join(f"{k[:11]:>12}" for k in keys) + f"{'merged':>8}"
    print(header)
    rows = [(n, results["clusters"][n]) for n in results["clusters"] if "tune" in split_of[n]]
    rows += [
        ("TUNE", results["tune"]),
        ("CHECK", results["check"]),
        ("all (one store)", results["all"]),
        ("TUNE one by one, reversed", results["tune_one_by_one"]),
        ("CHECK one by one, reversed", results["check_one_by_one"]),
    ]
    for label, row in rows:
        same = f"  same as one batch {row['same_as_batch']:.3f}" if "same_as_batch" in row else ""
        print(
            f"{label:26}{row['events']:>7}"
            + "".join(f"{row[k]:>12.3f}" for k in keys)
            + f"{row['merged_pairs']:>8}{same}"
        )
    for label in ("tune", "check"):
        print(f"{label.upper()} outcomes: " + ", ".join(f"{k} {v}" for k, v in results[label]["outcomes"].items()))
    if args.verbose:
        for name in results["clusters"]:
            if "tune" not in split_of[name]:
                continue
            for e in results["clusters"][name]["per_event"]:
                flags = "".join("x" if e[k] else "." for k in keys[:5])
                print(
                    f"  {name:22} {flags} {e['type']:10} {', '.join(e['participants'])[:50]:50} {e['date']} "
                    f"{e['status']} store={e['store_events']} {e['store_status']}"
                    + (f" missing={','.join(d.rsplit('-', 2)[-2] for d in e['missing'])}" if e["missing"] else "")
                )
    # held-out clusters: their figures only, never their events (kept out of everyone's reading)
    for name in results["clusters"]:
        if "tune" not in split_of[name]:
            del results["clusters"][name]["per_event"]
    for name in results["one_by_one"]:
        del results["one_by_one"][name]["per_event"]
    del results["all"]["per_event"]
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(results, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
