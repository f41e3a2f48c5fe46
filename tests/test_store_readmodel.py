"""The read model (newsgraph.store.readmodel) against DuckDB, the store's truth.

The web pages are answered from summary tables in the SQLite file beside the store; these tests build
a store from synthetic records (a short span of days, so events merge, conflict and are re-summarised),
replace some articles with changed versions (events lose sources or vanish, entities lose articles),
and check that

- every page the read model answers equals the DuckDB answer (the ``*_duckdb`` reference functions of
  :mod:`newsgraph.web.access` and the store's query functions), and
- the incrementally maintained tables equal a rebuild from scratch (the pair and ego-network counters
  are kept by deltas, so a wrong delta would show here),
- an index of an older layout is dropped and rebuilt by the next writer.
"""

from __future__ import annotations

import importlib.util
import json
import sqlite3
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("duckdb", reason="the store needs the `store` extra (duckdb)")

from newsgraph.record import Record
from newsgraph.store import Store, events, find_entities, network, search_quotes, timeline
from newsgraph.store import readmodel as rm
from newsgraph.store.fts import INDEX_FORMAT, index_path
from newsgraph.web import access

ROOT = Path(__file__).resolve().parents[1]


def _synthetic(n: int, seed: int) -> list[Record]:
    spec = importlib.util.spec_from_file_location("make_synthetic_records", ROOT / "benchmarks" /
                                                  "make_synthetic_records.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return [Record.model_validate(r) for r in module.records(n, seed=seed, days=90)]


def _changed(record: Record) -> Record:
    """A new version of an article: more text, and its last event report withdrawn."""
    return record.model_copy(update={"text": record.text + " (aktualisiert)", "events": record.events[:-1]})


@pytest.fixture(scope="module")
def store_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    records = _synthetic(500, seed=3)
    path = tmp_path_factory.mktemp("readmodel") / "news.duckdb"
    with Store(path) as store:
        store.ingest(records, batch_size=120)
        stats = store.ingest([_changed(r) for r in records[::7]], batch_size=40)
        assert stats.replaced == len(records[::7])
    return path


@pytest.fixture(scope="module")
def view(store_path: Path) -> Any:
    db = access.StoreAccess(store_path)
    yield db.view()
    db.close()


def _json(value: Any) -> Any:
    """What a client receives (dates become ISO strings; event lists the read model keeps encoded are embedded)."""
    if isinstance(value, rm.RawJSON):
        value = {"wrapped": value}
        return json.loads(access.dumps(value))["wrapped"]
    return json.loads(access.dumps(value))


def _people(view: Any, n: int = 25) -> list[dict[str, Any]]:
    return rm.list_entities(view.rm, type="PER", limit=n, offset=0)


def _norm_event(row: dict[str, Any]) -> dict[str, Any]:
    if isinstance(row.get("participants"), list) and row["participants"] and isinstance(row["participants"][0], dict):
        row = {**row, "participants": sorted(row["participants"], key=lambda p: (p["name"], p["id"]))}
    return row


def test_the_index_is_current_and_the_store_has_something_to_show(view: Any) -> None:
    assert view.rm is not None
    sq = view.rm
    assert sq.execute("SELECT value FROM index_state WHERE key = 'format'").fetchone()[0] == INDEX_FORMAT
    assert sq.execute("SELECT count(*) FROM r_conflicts").fetchone()[0] > 0  # merging had work to do
    assert sq.execute("SELECT max(sources) FROM r_events").fetchone()[0] >= 3


def test_documents_and_entities_agree_with_duckdb(view: Any) -> None:
    for offset in (0, 37, 480):
        assert _json(access.list_documents(view, q=None, limit=50, offset=offset)) == _json(
            access.list_documents_duckdb(view, q=None, limit=50, offset=offset))
    for article_id in (1, 2, 250, 499, 560):
        doc = access.get_document(view, article_id)
        if doc is None:
            continue
        ents = dict(view.con.execute("SELECT local_id, entity_id FROM article_entities WHERE article_id = $1",
                                     [article_id]).fetchall())
        evs = dict(view.con.execute("SELECT local_id, event_id FROM event_sources WHERE article_id = $1",
                                    [article_id]).fetchall())
        assert (doc["entity_ids"], doc["event_ids"]) == (ents, evs)
    for etype in (None, "PER", "LOC"):
        got = _json(rm.list_entities(view.rm, type=etype, limit=40, offset=3))
        sql = ("SELECT entity_id, type, name, kb_id, n_articles AS articles FROM entities"
               + (" WHERE type = $1" if etype else "") + " ORDER BY n_articles DESC, entity_id LIMIT 40 OFFSET 3")
        rows = view.con.execute(sql, [etype] if etype else []).fetchall()
        assert [tuple(r.values()) for r in got] == [tuple(r) for r in rows]
    for person in _people(view):
        for name in (person["name"], person["name"].split()[-1], person["name"].upper()):
            assert _json(rm.find_entities(view.rm, name)) == _json(find_entities(view, name))


def test_actor_pages_agree_with_duckdb(view: Any) -> None:
    for person in _people(view):
        fast = _json(access.entity_page(view, person["entity_id"], limit=30))
        slow = _json(access.entity_page_duckdb(view, person["entity_id"], limit=30))
        assert fast.keys() == slow.keys()
        for key in ("entity_id", "type", "name", "kb_id", "articles", "aliases", "quotes", "documents"):
            assert fast[key] == slow[key], key
        assert [_norm_event(e) for e in fast["timeline"]] == [_norm_event(e) for e in slow["timeline"]]

        def met(rows: list[dict[str, Any]]) -> list[tuple]:
            return sorted((-m["events"], m["name"], m["entity_id"], m["type"]) for m in rows)

        assert met(fast["met"]) == met(slow["met"])
        assert _json(access.ego_network(view, person["entity_id"], limit=25)) == _json(
            access.ego_network_duckdb(view, person["entity_id"], limit=25))
    assert access.entity_page(view, 10**9) is None


def test_event_pages_agree_with_duckdb(view: Any) -> None:
    ids = [r[0] for r in view.con.execute(
        "SELECT event_id FROM events ORDER BY n_conflicts DESC, n_sources DESC, event_id LIMIT 40").fetchall()]
    for event_id in ids:
        fast = _json(access.event_page(view, event_id))
        slow = _json(access.event_page_duckdb(view, event_id))
        slow["participant_ids"] = sorted(slow["participant_ids"], key=lambda p: (p["name"], p["id"]))
        assert fast == slow, event_id
    assert access.event_page(view, 10**9) is None


def test_timeline_events_network_and_quotes_agree_with_duckdb(view: Any) -> None:
    for person in _people(view, 10):
        name = person["name"]
        assert _json(access.timeline(view, name, since=None, until=None, limit=40)) == _json(
            timeline(view, name, limit=40))
        assert _json(access.timeline(view, name, since="2015-02", until="2015-03", limit=40)) == _json(
            timeline(view, name, since="2015-02", until="2015-03", limit=40))
        assert _json(access.events(view, place=None, participant=name, since=None, until=None, types=None,
                                   status=None, limit=25)) == _json(events(view, participant=name, limit=25))
        quotes = access.quotes(view, q=None, speaker=name, since="2015-02", until=None, limit=20, prefix=False)
        assert _json(quotes) == _json(search_quotes(view, speaker=name, since="2015-02", limit=20))
    for min_count in (1, 3):
        fast = _json(access.network(view, actor=None, since=None, until=None, min_count=min_count, limit=60))
        slow = _json(network(view, min_count=min_count, limit=60, status=None))  # the pages count every status
        for edge in slow["edges"]:
            edge.pop("by_status")
        assert fast == slow
        assert fast["edges"], "the synthetic store has meetings"


def test_quote_search_newest_first_by_words_speaker_and_dates(view: Any) -> None:
    index = view.quote_index
    for words in ("Gespräche", "Frieden", "wichtig Zusammenarbeit"):
        found = index.search(words, limit=500)
        by_sql = [r[0] for r in index.con.execute(
            "SELECT quote_id FROM quote_meta WHERE quote_id IN (SELECT m.quote_id FROM quote_meta m JOIN quote_text t"
            " ON t.rowid = m.sort_key WHERE quote_text MATCH ?) ORDER BY published DESC, quote_id DESC LIMIT 500",
            [" ".join(f'"{w}"' for w in words.split())]).fetchall()]
        assert [q["quote_id"] for q in found] == by_sql
        dated = index.search(words, since="2015-02-01", until="2015-02-28", limit=500)
        assert dated and all("2015-02-01" <= q["published"] <= "2015-02-28" for q in dated)
        assert [q["quote_id"] for q in dated] == [q for q in by_sql if q in {d["quote_id"] for d in dated}]
    row = view.con.execute("SELECT quote_id, article_id FROM quotes ORDER BY quote_id LIMIT 1").fetchone()
    hit = index.con.execute("SELECT article_id FROM quote_meta WHERE quote_id = ?", (row[0],)).fetchone()
    assert hit[0] == row[1]


def _tables(path: Path) -> dict[str, list[tuple]]:
    with sqlite3.connect(index_path(path)) as sq:
        return {t: sorted(sq.execute(f"SELECT * FROM {t}").fetchall(), key=repr) for t in (*rm.TABLES, "quote_meta")}


def test_incremental_maintenance_equals_a_rebuild(store_path: Path, tmp_path: Path) -> None:
    import shutil

    copy = tmp_path / "copy.duckdb"
    shutil.copyfile(store_path, copy)
    shutil.copyfile(index_path(store_path), index_path(copy))
    incremental = _tables(copy)
    with sqlite3.connect(index_path(copy)) as sq:  # an index of an older layout: dropped, rebuilt on open
        sq.execute("UPDATE index_state SET value = 'newsgraph-quotes/1' WHERE key = 'format'")
    Store(copy).close()
    rebuilt = _tables(copy)
    for table, rows in incremental.items():
        assert rows == rebuilt[table], table
    assert incremental["r_pairs"] and incremental["r_ego"]
