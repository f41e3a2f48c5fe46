"""The read model: summary tables for serving pages, kept in the quote index's SQLite file.

Why it exists (measured on the 100,000-article synthetic store, 2 shared cores): DuckDB answers
analytical questions well but every statement costs 0.4 ms before it reads a row (``SELECT 1``) and
1-2 ms for a point lookup by id, because it has no B-tree indexes worth the name for our access paths
and plans each statement afresh. An actor's page took 6 statements and 33 ms, the global network 144 ms
(a self-join of every event's participants), so 50 concurrent clients each asking for something new
queued for seconds (p95 5.2 s). The web server needs *point lookups and ordered range scans*: an
entity's events by date, a document list page by date, the strongest pairs of the network. SQLite
B-trees answer those in tens of microseconds, and the store already keeps one SQLite file beside the
DuckDB file (the quote index), with the machinery to keep a derived file consistent.

So these tables are derived data with exactly the quote index's guarantees (see :mod:`.fts`): the
writer commits a batch to DuckDB first, then refreshes the rows of every article, event and entity
the batch touched *from DuckDB* (so the read model can never disagree with what DuckDB committed) in
the same SQLite transaction that records the batch id; a store whose SQLite file lags (a crash between
the two commits) or has an older layout is rebuilt from DuckDB when a writer opens it.

Tables (``r_`` prefix; dates are ISO strings, lists are JSON):

- ``r_docs``: one row per article (listing fields), ordered index on (published, article_id);
- ``r_article_entities``: (article, local id, global entity, published): a document's entity ids and an
  entity's documents newest first;
- ``r_entities`` / ``r_aliases``: the entity rows and the keys of their names (lookup by name);
- ``r_events``, ``r_event_participants`` (entity, day, event: an actor's timeline is one index range),
  ``r_event_sources``, ``r_conflicts``: the event pages. An event row carries its answer already
  encoded as JSON, in the two shapes the answers list events in (``page_json``: participants as
  ``{id, name}``; ``store_json``: as :mod:`.queries` gives them, participant names), names included:
  an actor's page lists up to 200 events, and building and encoding them as Python objects per
  request was most of its cost. Names can be stored because a batch that renames an entity (its KB
  name, a more complete form) refreshes that entity's events and re-encodes its edges (``renamed``), and
  an entity is only deleted together with every event source that named it, which re-summarises (and
  so refreshes) those events in the same batch;
- ``r_pairs`` (source, target, event type, count) and ``r_pair_totals`` (source, target, events, and the
  network answer's edge encoded as JSON with names and counts per type): the
  who-met-whom network, maintained incrementally (a touched event's old pairs are subtracted and its
  new pairs added), so the global network is a top-k read of an index instead of a self-join, and
  whom an actor met is the totals of its pairs;
- ``r_ego`` (actor, source, target, count): each actor's ego network (the pairs at its events), kept
  the same way: an event of k participants adds k * k(k-1)/2 rows (2-3 participants on average), so
  the ego network of an actor with thousands of events is an index range, not a self-join.

The query functions at the end answer in the same shapes as :mod:`.queries` and the web layer's
DuckDB adapters (dates as ISO strings); ``tests/test_store_readmodel.py`` checks they agree.
"""

from __future__ import annotations

import json
import sqlite3
from collections import Counter
from collections.abc import Iterable, Sequence
from itertools import combinations
from typing import Any

from .names import name_key

SCHEMA = """
CREATE TABLE IF NOT EXISTS r_docs (
    article_id INTEGER PRIMARY KEY, published TEXT, title TEXT, url TEXT, source TEXT, language TEXT,
    chars INTEGER, snippet TEXT
);
CREATE INDEX IF NOT EXISTS r_docs_order ON r_docs (published DESC, article_id DESC);
CREATE TABLE IF NOT EXISTS r_article_entities (article_id INTEGER, local_id TEXT, entity_id INTEGER, published TEXT);
CREATE INDEX IF NOT EXISTS r_ae_article ON r_article_entities (article_id);
CREATE INDEX IF NOT EXISTS r_ae_entity ON r_article_entities (entity_id, published DESC, article_id DESC);
CREATE TABLE IF NOT EXISTS r_entities (
    entity_id INTEGER PRIMARY KEY, type TEXT, name TEXT, kb_id TEXT, n_articles INTEGER
);
CREATE INDEX IF NOT EXISTS r_entities_rank ON r_entities (n_articles DESC, entity_id);
CREATE INDEX IF NOT EXISTS r_entities_type_rank ON r_entities (type, n_articles DESC, entity_id);
CREATE TABLE IF NOT EXISTS r_aliases (entity_id INTEGER, alias TEXT, alias_key TEXT, kind TEXT);
CREATE INDEX IF NOT EXISTS r_aliases_key ON r_aliases (alias_key);
CREATE INDEX IF NOT EXISTS r_aliases_entity ON r_aliases (entity_id);
CREATE TABLE IF NOT EXISTS r_events (
    event_id INTEGER PRIMARY KEY, day TEXT, date TEXT, date_precision TEXT, type TEXT, merge_group TEXT,
    status TEXT, place_id INTEGER, sources INTEGER, conflicts INTEGER, first_reported TEXT, last_reported TEXT,
    plover TEXT, participant_ids TEXT, page_json TEXT, store_json TEXT
);
-- day is '' when the event has no date and no publication date (sorts first; queries put it last)
CREATE TABLE IF NOT EXISTS r_event_participants (entity_id INTEGER, event_id INTEGER, day TEXT);
CREATE INDEX IF NOT EXISTS r_ep_entity ON r_event_participants (entity_id, day, event_id);
CREATE INDEX IF NOT EXISTS r_ep_event ON r_event_participants (event_id, entity_id);
CREATE TABLE IF NOT EXISTS r_event_sources (
    event_id INTEGER, article_id INTEGER, local_id TEXT, published TEXT, type TEXT, status TEXT, date TEXT,
    time_text TEXT, place_id INTEGER, evidence TEXT
);
CREATE INDEX IF NOT EXISTS r_es_event ON r_event_sources (event_id, published, article_id);
CREATE INDEX IF NOT EXISTS r_es_article ON r_event_sources (article_id);
CREATE TABLE IF NOT EXISTS r_conflicts (event_id INTEGER, field TEXT, value TEXT, article_ids TEXT);
CREATE INDEX IF NOT EXISTS r_conflicts_event ON r_conflicts (event_id);
CREATE TABLE IF NOT EXISTS r_pairs (
    source INTEGER, target INTEGER, type TEXT, n INTEGER, PRIMARY KEY (source, target, type)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS r_pair_totals (
    source INTEGER, target INTEGER, events INTEGER, edge_json TEXT, PRIMARY KEY (source, target)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS r_pair_rank ON r_pair_totals (events DESC, source, target);
CREATE INDEX IF NOT EXISTS r_pair_target ON r_pair_totals (target);
-- the pairs at the events of one actor (its ego network), the actor's own pairs included
CREATE TABLE IF NOT EXISTS r_ego (
    actor INTEGER, source INTEGER, target INTEGER, n INTEGER, PRIMARY KEY (actor, source, target)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS r_ego_rank ON r_ego (actor, n DESC, source, target);
"""

#: the read model's tables, in the order a rebuild clears them
TABLES = ("r_docs", "r_article_entities", "r_entities", "r_aliases", "r_events", "r_event_participants",
          "r_event_sources", "r_conflicts", "r_pairs", "r_pair_totals", "r_ego")

#: rows per DuckDB round trip when a whole store is (re)built: bounded memory at a million articles
REBUILD_CHUNK = 20_000

_IN = "IN (SELECT unnest($1))"


# -- maintenance (writer side) -----------------------------------------------------------------------


def _chunks(ids: Sequence[int], size: int) -> Iterable[list[int]]:
    for i in range(0, len(ids), size):
        yield list(ids[i:i + size])


def _delete(sq: sqlite3.Connection, table: str, column: str, ids: Sequence[int]) -> None:
    sq.executemany(f"DELETE FROM {table} WHERE {column} = ?", [(i,) for i in ids])


def refresh(duck: Any, sq: sqlite3.Connection, *, articles: Iterable[int] = (), events: Iterable[int] = (),
            entities: Iterable[int] = (), renamed: Iterable[int] = ()) -> None:
    """Bring the rows of these articles, events and entities in line with what DuckDB has committed.

    ``renamed``: entities whose display name changed; the caller lists their events among ``events``, and
    the network edges that show them are re-encoded here.

    An id DuckDB no longer has loses its rows; the caller runs this inside the SQLite transaction that
    records the batch (so a crash leaves either the old or the new read model, and the batch marker says
    which).
    """
    article_ids = sorted(set(articles))
    event_ids = sorted(set(events))
    entity_ids = sorted(set(entities))
    for chunk in _chunks(article_ids, REBUILD_CHUNK):
        _refresh_articles(duck, sq, chunk)
    for chunk in _chunks(entity_ids, REBUILD_CHUNK):
        _refresh_entities(duck, sq, chunk)
    for chunk in _chunks(event_ids, REBUILD_CHUNK):
        _refresh_events(duck, sq, chunk)
    for chunk in _chunks(sorted(set(renamed)), 900):
        marks = _marks(chunk)
        _encode_edges(sq, sq.execute(
            f"SELECT source, target FROM r_pair_totals WHERE source IN ({marks}) OR target IN ({marks})",
            [*chunk, *chunk]).fetchall())


def rebuild(duck: Any, sq: sqlite3.Connection) -> None:
    """The whole read model from DuckDB (a new or lagging index); the caller holds the transaction."""
    for table in TABLES:
        sq.execute(f"DELETE FROM {table}")

    def all_ids(sql: str) -> list[int]:
        return [r[0] for r in duck.execute(sql).fetchall()]

    refresh(duck, sq, articles=all_ids("SELECT article_id FROM articles ORDER BY 1"),
            entities=all_ids("SELECT entity_id FROM entities ORDER BY 1"),
            events=all_ids("SELECT event_id FROM events ORDER BY 1"))


def _refresh_articles(duck: Any, sq: sqlite3.Connection, ids: list[int]) -> None:
    _delete(sq, "r_docs", "article_id", ids)
    _delete(sq, "r_article_entities", "article_id", ids)
    sq.executemany("INSERT INTO r_docs VALUES (?, ?, ?, ?, ?, ?, ?, ?)", duck.execute(
        "SELECT article_id, CAST(published AS VARCHAR), title, url, source, language, length(text), left(text, 200)"
        f" FROM articles WHERE article_id {_IN}", [ids]).fetchall())
    sq.executemany("INSERT INTO r_article_entities VALUES (?, ?, ?, ?)", duck.execute(
        "SELECT ae.article_id, ae.local_id, ae.entity_id, CAST(a.published AS VARCHAR)"
        f" FROM article_entities ae JOIN articles a USING (article_id) WHERE ae.article_id {_IN}", [ids]).fetchall())


def _refresh_entities(duck: Any, sq: sqlite3.Connection, ids: list[int]) -> None:
    _delete(sq, "r_entities", "entity_id", ids)
    _delete(sq, "r_aliases", "entity_id", ids)
    sq.executemany("INSERT INTO r_entities VALUES (?, ?, ?, ?, ?)", duck.execute(
        f"SELECT entity_id, type, name, kb_id, n_articles FROM entities WHERE entity_id {_IN}", [ids]).fetchall())
    sq.executemany("INSERT INTO r_aliases VALUES (?, ?, ?, ?)", duck.execute(
        f"SELECT entity_id, alias, alias_key, kind FROM entity_aliases WHERE entity_id {_IN}", [ids]).fetchall())


def _pairs(rows: Iterable[tuple[int, str, str]]) -> tuple[Counter[tuple[int, int, str]], Counter[tuple[int, int, int]]]:
    """From (event, type, participant ids JSON) rows: (source, target, event type) counts with source < target,
    and (actor, source, target) counts of the pairs at each actor's events."""
    counts: Counter[tuple[int, int, str]] = Counter()
    ego: Counter[tuple[int, int, int]] = Counter()
    for _, etype, participants in rows:
        people = sorted(set(json.loads(participants or "[]")))
        pairs = list(combinations(people, 2))
        for a, b in pairs:
            counts[(a, b, etype)] += 1
        for actor in people:
            for a, b in pairs:
                ego[(actor, a, b)] += 1
    return counts, ego


def _encoded(row: tuple, names: dict[int, tuple[str, str]]) -> tuple[str, str]:
    """An event row's two answers as JSON (page shape, store shape), as the DuckDB answers give them: the pages
    drop a participant without an entity row, the store lists its id."""
    (event_id, day, date, precision, etype, _, status, place_id, sources, conflicts, first, last, plover,
     participant_ids) = row
    participants = json.loads(participant_ids)
    place = names[place_id][0] if place_id in names else None
    people = sorted(({"id": i, "name": names[i][0]} for i in participants if i in names),
                    key=lambda p: (p["name"], p["id"]))
    page = {"event_id": event_id, "day": day, "date": date, "date_precision": precision, "type": etype,
            "status": status, "place_id": place_id, "place": place, "sources": sources, "conflicts": conflicts,
            "participants": people or None, "first_reported": first, "last_reported": last}
    store = {"event_id": event_id, "day": day, "date": date, "date_precision": precision, "type": etype,
             "status": status, "sources": sources, "conflicts": conflicts, "first_reported": first,
             "last_reported": last, "plover": plover, "place": place,
             "participants": sorted(names[i][0] if i in names else str(i) for i in participants)}
    return (json.dumps(page, ensure_ascii=False, separators=(",", ":")),
            json.dumps(store, ensure_ascii=False, separators=(",", ":")))


def _apply_delta(sq: sqlite3.Connection, table: str, keys: Sequence[str], value: str,
                 delta: Counter[Any]) -> None:
    """Add signed counts to a counter table (upsert), dropping rows that reach zero."""
    changed = [(*k, n) for k, n in delta.items() if n]
    if not changed:
        return
    key_list = ", ".join(keys)
    sq.executemany(f"INSERT INTO {table} ({key_list}, {value}) VALUES ({', '.join('?' * (len(keys) + 1))})"
                   f" ON CONFLICT ({key_list}) DO UPDATE SET {value} = {value} + excluded.{value}", changed)
    match = " AND ".join(f"{k} = ?" for k in keys)
    sq.executemany(f"DELETE FROM {table} WHERE {match} AND {value} <= 0", [row[:-1] for row in changed if row[-1] < 0])


def _refresh_events(duck: Any, sq: sqlite3.Connection, ids: list[int]) -> None:
    old = _pairs(row for chunk in _chunks(ids, 900) for row in sq.execute(
        f"SELECT event_id, type, participant_ids FROM r_events WHERE event_id IN ({_marks(chunk)})", chunk).fetchall())
    for table in ("r_events", "r_event_participants", "r_event_sources", "r_conflicts"):
        _delete(sq, table, "event_id", ids)
    events = duck.execute(
        "SELECT event_id, CAST(coalesce(date_start, first_reported) AS VARCHAR), date_value, date_precision, type,"
        " merge_group, status, place_entity_id, n_sources, n_conflicts, CAST(first_reported AS VARCHAR),"
        " CAST(last_reported AS VARCHAR), plover, to_json(coalesce(participant_ids, []))::VARCHAR"
        f" FROM events WHERE event_id {_IN}", [ids]).fetchall()
    wanted = sorted({p for row in events for p in json.loads(row[13])}
                    | {row[7] for row in events if row[7] is not None})
    names: dict[int, tuple[str, str]] = {}
    for chunk in _chunks(wanted, REBUILD_CHUNK):
        names.update((i, (n, t)) for i, n, t in duck.execute(
            f"SELECT entity_id, name, type FROM entities WHERE entity_id {_IN}", [chunk]).fetchall())
    sq.executemany(f"INSERT INTO r_events VALUES ({', '.join('?' * 16)})", [
        (*row, *_encoded(row, names)) for row in events])
    sq.executemany("INSERT INTO r_event_participants VALUES (?, ?, ?)", [
        (p, row[0], row[1] or "") for row in events for p in sorted(set(json.loads(row[13])))])
    sq.executemany("INSERT INTO r_event_sources VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", duck.execute(
        "SELECT event_id, article_id, local_id, CAST(published AS VARCHAR), type, status, date_value, time_text,"
        f" place_entity_id, evidence_json FROM event_sources WHERE event_id {_IN}", [ids]).fetchall())
    sq.executemany("INSERT INTO r_conflicts VALUES (?, ?, ?, ?)", duck.execute(
        f"SELECT event_id, field, value, to_json(article_ids)::VARCHAR FROM conflicts WHERE event_id {_IN}",
        [ids]).fetchall())
    new, new_ego = _pairs((row[0], row[4], row[13]) for row in events)
    old_pairs, old_ego = old
    delta = Counter(new)
    delta.subtract(old_pairs)
    _apply_delta(sq, "r_pairs", ("source", "target", "type"), "n", delta)
    totals: Counter[tuple[int, int]] = Counter()
    for (a, b, _), n in delta.items():
        totals[(a, b)] += n
    _apply_delta(sq, "r_pair_totals", ("source", "target"), "events", totals)
    _encode_edges(sq, [k for k, n in totals.items() if n])  # the encoded edge of every pair whose counts moved
    ego = Counter(new_ego)
    ego.subtract(old_ego)
    _apply_delta(sq, "r_ego", ("actor", "source", "target"), "n", ego)
    # quotes said at an event that a later batch merged anew follow their account to its event
    sq.executemany("UPDATE quote_meta SET event_id = ? WHERE quote_id = ? AND event_id IS NOT ?", [
        (e, q, e) for q, e in duck.execute(
            f"SELECT quote_id, event_id FROM quotes WHERE event_id {_IN}", [ids]).fetchall()])
    # quotes said at an event that no longer exists lose the link (as DuckDB's quotes.event_id does)
    gone = sorted(set(ids) - {row[0] for row in events})
    if gone:
        sq.executemany("UPDATE quote_meta SET event_id = NULL WHERE event_id = ?", [(i,) for i in gone])


def _encode_edges(sq: sqlite3.Connection, pairs: Sequence[tuple[int, int]]) -> None:
    """Write the encoded network edge (names, counts per type) of these pairs."""
    names = _names(sq, [x for pair in pairs for x in pair])  # r_entities is refreshed before the events
    for a, b in pairs:
        row = sq.execute("SELECT events FROM r_pair_totals WHERE source = ? AND target = ?", (a, b)).fetchone()
        if row is None or a not in names or b not in names:
            continue
        by_type = dict(sq.execute("SELECT type, n FROM r_pairs WHERE source = ? AND target = ? ORDER BY type", (a, b)))
        edge = {"source": a, "source_name": names[a][0], "source_type": names[a][1], "target": b,
                "target_name": names[b][0], "target_type": names[b][1], "events": row[0], "by_type": by_type}
        sq.execute("UPDATE r_pair_totals SET edge_json = ? WHERE source = ? AND target = ?",
                   (json.dumps(edge, ensure_ascii=False, separators=(",", ":")), a, b))


# -- queries (reader side) -------------------------------------------------------------------------------


class RawJSON(str):
    """Text that is already JSON (a list of pre-encoded event rows): the web layer's encoder embeds it as it is.

    Lists of events come back this way from :func:`timeline`, :func:`events_of` and :func:`entity_page`;
    ``json.loads`` turns one into Python objects where those are wanted.
    """


def _raw_list(texts: Iterable[str]) -> RawJSON:
    return RawJSON("[" + ",".join(texts) + "]")


def json_object(columns: str) -> str:
    """``a.x, b.y AS z`` as SQLite's ``json_object('x', a.x, 'z', b.y)``: the row encoded by SQLite in C.

    Lists of rows the pages show (an actor's 200 articles and 200 quotes, a document list page) cost more
    as Python dicts encoded again than the queries that find them.
    """
    pairs = []
    for column in columns.split(","):
        expression, _, alias = column.strip().partition(" AS ")
        pairs.append(f"'{alias or expression.split('.')[-1]}', {expression}")
    return "json_object(" + ", ".join(pairs) + ")"


def json_list(sq: sqlite3.Connection, inner: str, params: Sequence[Any]) -> RawJSON:
    """The one-column rows of ``inner`` (JSON texts, in its order) as one JSON list, built inside SQLite.

    One row comes back instead of hundreds: Python's ``sqlite3`` releases and re-takes the GIL for every
    row it steps, and with several reader threads each hand-over costs a thread switch (measured: an
    actor's page of ~800 rows took 20 ms of server CPU with 4 reader threads, 7.6 ms with one).
    The aggregate reads its input in the subquery's order (SQLite does not flatten an ordered subquery
    into an aggregate); the tests compare orders with DuckDB's.
    """
    row = sq.execute(f"SELECT group_concat(j, ',') FROM ({inner})", params).fetchone()
    return RawJSON("[" + (row[0] or "") + "]")


def _encoded_rows(sq: sqlite3.Connection, columns: str, rest: str, params: Sequence[Any]) -> RawJSON:
    return json_list(sq, f"SELECT {json_object(columns)} AS j {rest}", params)


def _dicts(cursor: sqlite3.Cursor) -> list[dict[str, Any]]:
    columns = [d[0] for d in cursor.description]
    return [dict(zip(columns, row, strict=True)) for row in cursor.fetchall()]


def _marks(values: Sequence[Any]) -> str:
    return ",".join("?" * len(values))


def find_entities(sq: sqlite3.Connection, name: str, *, types: Sequence[str] | None = None) -> list[dict[str, Any]]:
    """As :func:`newsgraph.store.queries.find_entities`: same key as a name or mention, else all the words."""
    key = name_key(name)
    if not key:
        return []
    ids = {r[0] for r in sq.execute("SELECT entity_id FROM r_aliases WHERE alias_key = ?", (key,))}
    if not ids:  # every word of the name among the words of an alias (rare: a scan of the small alias table)
        words = set(key.split())
        ids = {entity_id for entity_id, alias_key in sq.execute("SELECT entity_id, alias_key FROM r_aliases")
               if words <= set((alias_key or "").split())}
    if not ids:
        return []
    ordered = sorted(ids)
    sql = (f"SELECT entity_id, type, name, kb_id, n_articles AS articles FROM r_entities WHERE entity_id IN"
           f" ({_marks(ordered)})")
    params: list[Any] = list(ordered)
    if types:
        sql += f" AND type IN ({_marks(types)})"
        params += list(types)
    return _dicts(sq.execute(sql + " ORDER BY articles DESC, entity_id", params))


def list_entities(sq: sqlite3.Connection, *, type: str | None, limit: int, offset: int) -> list[dict[str, Any]]:
    """Entities, most-mentioned first (an index walk)."""
    where, params = ("WHERE type = ?", [type]) if type else ("", [])
    return _dicts(sq.execute(
        f"SELECT entity_id, type, name, kb_id, n_articles AS articles FROM r_entities {where}"
        " ORDER BY n_articles DESC, entity_id LIMIT ? OFFSET ?", [*params, limit, offset]))


def list_documents(sq: sqlite3.Connection, *, limit: int, offset: int) -> RawJSON:
    """Articles newest first (undated last), as the web's document list."""
    return _encoded_rows(sq, "article_id, title, url, source, language, published, chars, snippet",
                         "FROM r_docs ORDER BY published DESC, article_id DESC LIMIT ? OFFSET ?", (limit, offset))


def document_ids(sq: sqlite3.Connection, article_id: int) -> tuple[dict[str, int], dict[str, int]]:
    """An article's local entity and event ids mapped to the store's global ids."""
    entity_ids = dict(sq.execute("SELECT local_id, entity_id FROM r_article_entities WHERE article_id = ?",
                                 (article_id,)).fetchall())
    event_ids = dict(sq.execute("SELECT local_id, event_id FROM r_event_sources WHERE article_id = ?",
                                (article_id,)).fetchall())
    return entity_ids, event_ids


def _names(sq: sqlite3.Connection, ids: Iterable[int]) -> dict[int, tuple[str, str]]:
    """Names and types of entities, fetched as one JSON row per chunk (see :func:`json_list`)."""
    wanted = sorted(set(ids))
    found: dict[int, tuple[str, str]] = {}
    for chunk in _chunks(wanted, 900):
        row = sq.execute("SELECT json_group_array(json_array(entity_id, name, type)) FROM r_entities"
                         f" WHERE entity_id IN ({_marks(chunk)})", chunk).fetchone()
        for entity_id, name, etype in json.loads(row[0] if row and row[0] else "[]"):
            found[entity_id] = (name, etype)
    return found


def _entity_event_ids(sq: sqlite3.Connection, entity_ids: Sequence[int], *, since: str | None, until: str | None,
                      limit: int | None, descending: bool) -> list[int]:
    """Events of these entities ordered by day (then id), undated last: an index range per entity."""
    marks = _marks(entity_ids)
    bounds, params = "", list(entity_ids)
    if since:
        bounds += " AND day >= ?"
        params.append(since)
    if until:
        bounds += " AND day <= ?"
        params.append(until)
    order = "DESC" if descending else "ASC"
    cap = f" LIMIT {int(limit)}" if limit else ""
    ids = _id_list(sq, f"SELECT DISTINCT event_id, day FROM r_event_participants WHERE entity_id IN ({marks})"
                       f" AND day > ''{bounds} ORDER BY day {order}, event_id {order}{cap}", params)
    if (not limit or len(ids) < limit) and not since and not until:  # undated events come last either way
        rest = None if not limit else limit - len(ids)
        ids += _id_list(sq, f"SELECT DISTINCT event_id FROM r_event_participants WHERE entity_id IN ({marks})"
                            f" AND day = '' ORDER BY event_id {order}" + (f" LIMIT {int(rest)}" if rest else ""),
                        list(entity_ids))
    return ids


def _id_list(sq: sqlite3.Connection, inner: str, params: Sequence[Any]) -> list[int]:
    """The first column of ``inner``'s rows (integers, in order), fetched as one row (see :func:`json_list`)."""
    row = sq.execute(f"SELECT group_concat(event_id, ',') FROM ({inner})", params).fetchone()
    return [int(x) for x in row[0].split(",")] if row and row[0] else []


def encoded_events(sq: sqlite3.Connection, event_ids: Sequence[int], *, shape: str) -> list[str]:
    """The events' answers as JSON texts (``shape`` ``page`` or ``store``), in the order of ``event_ids``."""
    column = {"page": "page_json", "store": "store_json"}[shape]
    texts: list[str] = []
    for chunk in _chunks(list(event_ids), 900):  # one row per chunk, in the given order (see json_list)
        values = ",".join(f"({i},?)" for i in range(len(chunk)))
        row = sq.execute(
            f"WITH wanted(pos, id) AS (VALUES {values}) SELECT group_concat(j, '\x1e') FROM"
            f" (SELECT e.{column} AS j FROM wanted JOIN r_events e ON e.event_id = wanted.id ORDER BY wanted.pos)",
            chunk).fetchone()
        if row and row[0]:
            texts += row[0].split("\x1e")
    return texts


def store_event_rows(sq: sqlite3.Connection, event_ids: Sequence[int]) -> list[dict[str, Any]]:
    """Events as :mod:`.queries` lists them: participant and place *names*."""
    return [json.loads(text) for text in encoded_events(sq, event_ids, shape="store")]


def page_event_rows(sq: sqlite3.Connection, event_ids: Sequence[int]) -> list[dict[str, Any]]:
    """Events as the web pages list them: participants as ``{id, name}`` (links need ids), place id and name."""
    return [json.loads(text) for text in encoded_events(sq, event_ids, shape="page")]


def timeline(sq: sqlite3.Connection, name: str, *, since: str | None = None, until: str | None = None,
             limit: int | None = None) -> dict[str, Any]:
    """As :func:`newsgraph.store.queries.timeline` (without a type filter): an index range per entity."""
    matches = find_entities(sq, name)
    if not matches:
        return {"query": name, "entities": [], "events": []}
    ids = _entity_event_ids(sq, [m["entity_id"] for m in matches], since=since, until=until, limit=limit,
                            descending=False)
    return {"query": name, "entities": matches, "events": _raw_list(encoded_events(sq, ids, shape="store"))}


def events_of(sq: sqlite3.Connection, participant: str, *, since: str | None = None, until: str | None = None,
              limit: int | None = 100) -> RawJSON:
    """As :func:`newsgraph.store.queries.events` with only a participant (and dates): newest first."""
    ids = [m["entity_id"] for m in find_entities(sq, participant)]
    if not ids:
        return RawJSON("[]")
    return _raw_list(encoded_events(
        sq, _entity_event_ids(sq, ids, since=since, until=until, limit=limit, descending=True), shape="store"))


def event_page(sq: sqlite3.Connection, event_id: int) -> dict[str, Any] | None:
    """As the web's event page: the event, every source (publication order), conflicts, participants with ids."""
    rows = store_event_rows(sq, [event_id])
    if not rows:
        return None
    detail = rows[0]
    sources = _dicts(sq.execute(
        "SELECT s.article_id, d.url, d.title, d.source, s.published, s.type, s.status, s.date, s.time_text,"
        " pl.name AS place, s.evidence FROM r_event_sources s JOIN r_docs d ON d.article_id = s.article_id"
        " LEFT JOIN r_entities pl ON pl.entity_id = s.place_id WHERE s.event_id = ?"
        " ORDER BY s.published, s.article_id", (event_id,)))
    for source in sources:
        try:
            source["evidence"] = json.loads(source["evidence"]) if source["evidence"] else []
        except ValueError:
            source["evidence"] = []
    detail["sources"] = sources
    conflicts = _dicts(sq.execute(
        "SELECT c.field, CASE WHEN c.field = 'place' THEN coalesce(en.name, c.value) ELSE c.value END AS value,"
        " c.article_ids FROM r_conflicts c LEFT JOIN r_entities en"
        " ON c.field = 'place' AND en.entity_id = CAST(c.value AS INTEGER) WHERE c.event_id = ?"
        " ORDER BY c.field, c.value", (event_id,)))
    for conflict in conflicts:
        conflict["article_ids"] = json.loads(conflict["article_ids"] or "[]")
    detail["conflicts"] = conflicts
    people = json.loads(sq.execute("SELECT participant_ids FROM r_events WHERE event_id = ?",
                                   (event_id,)).fetchone()[0])
    names = _names(sq, people)
    detail["participant_ids"] = sorted(
        ({"id": i, "name": names[i][0], "type": names[i][1]} for i in people if i in names),
        key=lambda p: (p["name"], p["id"]))
    return detail


def entity_page(sq: sqlite3.Connection, entity_id: int, *, limit: int = 200) -> dict[str, Any] | None:
    """As the web's actor page, without its quotes (the caller adds them from the quote index)."""
    rows = _dicts(sq.execute(
        "SELECT entity_id, type, name, kb_id, n_articles AS articles FROM r_entities WHERE entity_id = ?",
        (entity_id,)))
    if not rows:
        return None
    page = rows[0]
    page["aliases"] = [r[0] for r in sq.execute(
        "SELECT DISTINCT alias FROM r_aliases WHERE entity_id = ? ORDER BY alias", (entity_id,))]
    page["timeline"] = _raw_list(encoded_events(
        sq, _entity_event_ids(sq, [entity_id], since=None, until=None, limit=limit, descending=False), shape="page"))
    row = sq.execute(  # one row, however many partners (see json_list)
        "SELECT group_concat(other || ':' || events) FROM (SELECT target AS other, events FROM r_pair_totals"
        " WHERE source = ? UNION ALL SELECT source, events FROM r_pair_totals WHERE target = ?)",
        (entity_id, entity_id)).fetchone()
    met = {int(a): int(b) for a, b in (x.split(":") for x in (row[0].split(",") if row and row[0] else []))}
    if len(met) > 100:  # names only for the partners that can make the first 100 (ties at the cut included)
        cut = sorted(met.values(), reverse=True)[99]
        met = {i: n for i, n in met.items() if n >= cut}
    names = _names(sq, met)
    page["met"] = sorted(
        ({"entity_id": i, "name": names[i][0], "type": names[i][1], "events": n} for i, n in met.items()
         if i in names), key=lambda m: (-m["events"], m["name"], m["entity_id"]))[:100]
    page["documents"] = _encoded_rows(
        sq, "d.article_id, d.title, d.published, d.source",
        "FROM (SELECT article_id FROM r_article_entities WHERE entity_id = ? GROUP BY published, article_id"
        " ORDER BY published DESC, article_id DESC LIMIT ?) x JOIN r_docs d ON d.article_id = x.article_id"
        " ORDER BY d.published DESC, d.article_id DESC", (entity_id, limit))
    return page


def _edges(sq: sqlite3.Connection, counted: Iterable[tuple[int, int, int]]) -> list[dict[str, Any]]:
    counted = list(counted)
    names = _names(sq, [x for a, b, _ in counted for x in (a, b)])
    return [{"source": a, "source_name": names[a][0], "source_type": names[a][1], "target": b,
             "target_name": names[b][0], "target_type": names[b][1], "events": n}
            for a, b, n in counted if a in names and b in names]


def graph(edges: list[dict[str, Any]]) -> dict[str, Any]:
    """Nodes (in order of first appearance) and edges, as the network answers are shaped."""
    nodes: dict[int, dict[str, Any]] = {}
    for edge in edges:
        for end in ("source", "target"):
            nodes.setdefault(edge[end], {"id": edge[end], "name": edge[f"{end}_name"], "type": edge[f"{end}_type"]})
    return {"nodes": list(nodes.values()), "edges": edges}


def ego_network(sq: sqlite3.Connection, entity_id: int, *, limit: int = 200) -> dict[str, Any]:
    """Who met whom at the events one actor took part in (as the web's ego network)."""
    row = sq.execute("SELECT group_concat(source || ':' || target || ':' || n) FROM (SELECT source, target, n"
                     " FROM r_ego WHERE actor = ? ORDER BY n DESC, source, target LIMIT ?)",
                     (entity_id, limit)).fetchone()
    top = [tuple(int(x) for x in item.split(":")) for item in (row[0].split(",") if row and row[0] else [])]
    return graph(_edges(sq, top))


def network(sq: sqlite3.Connection, *, min_count: int = 1, limit: int | None = None) -> dict[str, Any]:
    """The whole who-met-whom network (no filters), strongest pairs first: a read of the maintained totals."""
    cap = f" LIMIT {int(limit)}" if limit else ""
    edges, ends = sq.execute(  # one row (see json_list)
        "SELECT group_concat(edge_json, ','), group_concat(source || ',' || target, ',') FROM"
        " (SELECT source, target, edge_json FROM r_pair_totals WHERE events >= ? AND edge_json IS NOT NULL"
        f" ORDER BY events DESC, source, target{cap})", (min_count,)).fetchone()
    order = [int(x) for x in ends.split(",")] if ends else []
    names = _names(sq, order)
    nodes: dict[int, dict[str, Any]] = {}
    for end in order:
        nodes.setdefault(end, {"id": end, "name": names[end][0], "type": names[end][1]})
    return {"nodes": list(nodes.values()), "edges": RawJSON("[" + (edges or "") + "]")}
