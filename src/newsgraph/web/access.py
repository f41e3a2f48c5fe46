"""Thread-safe access to one store for the web server, plus the few queries the store does not offer.

Why this module exists: the server answers requests on many threads, but neither of the store's two
connections may be shared that way. A DuckDB connection is not thread-safe (each thread needs its own
cursor of the same database), and the quote index is a ``sqlite3`` connection, which refuses to be
used off the thread that opened it. So :class:`StoreAccess`

- opens the one writable :class:`~newsgraph.store.Store` on a dedicated single writer thread and runs
  every ingest there (DuckDB allows one writer; serialising writes is what the store expects);
- gives each reading thread its own :class:`ReadView`: a DuckDB cursor of the same database (sees every
  committed batch) and a read-only SQLite connection to the quote index. The store's query functions
  only touch ``.con`` and ``.quote_index``, so a view can stand in for the store when calling them.

Every page is answered from the store's read model (:mod:`newsgraph.store.readmodel`: summary tables
maintained at ingest in the quote index's SQLite file, B-tree indexed for the pages' lookups) when the
view's index is current, which it always is behind ``newsgraph serve`` (the server opens the store for
writing, and a writer brings the read model up to date first). Why not DuckDB: each DuckDB statement
costs 0.4-2 ms before it reads a row and the pages need several, so at 50 concurrent clients on two
cores requests queued for seconds; the read model answers a page in well under a millisecond of SQL.
Only the article text and record (``GET /api/documents/{id}``) and the filters the read model does not
index (text search in documents; events by place, type or status; a filtered network) go to DuckDB.
The ``*_duckdb`` functions are those DuckDB answers, kept as the fallback for an index of an older
layout opened read-only, and as the reference the read model is tested against.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any, TypeVar

from ..store import readmodel as rm

T = TypeVar("T")

#: the date an event sorts by (as in the store's own queries)
_EVENT_DAY = "coalesce(e.date_start, e.first_reported)"


def _json_default(value: Any) -> Any:
    if isinstance(value, dt.date | dt.datetime | dt.time):
        return value.isoformat()
    if isinstance(value, set | frozenset | tuple):
        return list(value)
    if hasattr(value, "model_dump"):  # a pydantic model
        return value.model_dump(mode="json")
    return str(value)  # Decimal, UUID and the like


def _plain(value: Any) -> bytes:
    return json.dumps(value, default=_json_default, ensure_ascii=False, separators=(",", ":"),
                      allow_nan=False).encode("utf-8")


def dumps(value: Any) -> bytes:
    """JSON bytes of an answer (dates as ISO strings); much cheaper than FastAPI's generic encoder.

    Values of a top-level object that are :class:`~newsgraph.store.readmodel.RawJSON` (event lists the
    read model keeps encoded) are embedded as they are instead of being decoded and encoded again.
    """
    if isinstance(value, dict) and any(isinstance(v, rm.RawJSON) for v in value.values()):
        return b"{" + b",".join(
            _plain(str(k)) + b":" + (v.encode("utf-8") if isinstance(v, rm.RawJSON) else _plain(v))
            for k, v in value.items()) + b"}"
    return _plain(value)


def _dicts(cursor: Any) -> list[dict[str, Any]]:
    columns = [d[0] for d in cursor.description]
    return [dict(zip(columns, row, strict=True)) for row in cursor.fetchall()]


class ReadView:
    """One thread's read handles: what the store's query functions need of a store (``con``, ``quote_index``)."""

    def __init__(self, con: Any, quote_index: Any, path: Path) -> None:
        self.con = con
        self.quote_index = quote_index
        self.path = path

    @property
    def rm(self) -> Any:
        """The read model's SQLite connection, or None when this view must ask DuckDB."""
        index = self.quote_index
        return index.con if index is not None and index.con is not None and getattr(index, "current", False) else None


#: threads that answer reads: one per core (2 to 8) overlaps SQLite and DuckDB work, which release the GIL;
#: more only adds GIL hand-offs. Measured with 50 clients on the 2-core machine (10 s runs, cache off):
#: 2 threads 366-368 requests/s (p95 190-200 ms), 4 threads 313-349 (p95 234-285), 8 threads 373 (p95 221).
DEFAULT_READ_THREADS = min(8, max(2, os.cpu_count() or 2))


class StoreAccess:
    """One store file opened for a multi-threaded server: one writer thread, a small pool of reader threads
    with one read view each."""

    def __init__(self, path: str | Path, *, read_threads: int = DEFAULT_READ_THREADS) -> None:
        self.path = Path(path)
        self.readers = ThreadPoolExecutor(max_workers=max(1, read_threads), thread_name_prefix="newsgraph-reader")
        self._writer = ThreadPoolExecutor(max_workers=1, thread_name_prefix="newsgraph-store-writer")
        self._local = threading.local()
        self._lock = threading.Lock()
        self._views: list[ReadView] = []
        self.store = self._writer.submit(self._open).result()

    def _open(self) -> Any:
        from ..store import Store

        return Store(self.path)

    def view(self) -> ReadView:
        """This thread's read view (created on first use)."""
        view = getattr(self._local, "view", None)
        if view is None:
            from ..store.fts import QuoteIndex, index_path

            with self._lock:
                cursor = self.store.con.cursor()
            view = ReadView(cursor, QuoteIndex(index_path(self.path), read_only=True), self.path)
            self._local.view = view
            with self._lock:
                self._views.append(view)
        return view

    def read(self, fn: Callable[[ReadView], T]) -> T:
        """``fn`` with this thread's view (call it on a reader thread: see :meth:`aread`)."""
        return fn(self.view())

    async def aread(self, fn: Callable[[ReadView], T]) -> T:
        """``fn(view)`` on a reader thread, awaited from the event loop (which must never block on a query)."""
        import asyncio

        return await asyncio.get_running_loop().run_in_executor(self.readers, self.read, fn)

    def write(self, fn: Callable[[Any], T]) -> T:
        """Run ``fn(store)`` on the writer thread and wait for it (one write at a time)."""
        return self._writer.submit(fn, self.store).result()

    def close(self) -> None:
        with self._lock:
            views, self._views = self._views, []
        for view in views:
            # another thread's sqlite connection cannot be closed from here; dropping it is enough
            with contextlib.suppress(Exception):  # a cursor already closed with its database
                view.con.close()
        self.readers.shutdown(wait=True)
        self._writer.submit(self.store.close).result()
        self._writer.shutdown(wait=True)


# -- documents -------------------------------------------------------------------------------------


def list_documents(view: ReadView, *, q: str | None, limit: int, offset: int) -> dict[str, Any]:
    """Articles newest first; ``q`` matches title or text (case-insensitive substring, a DuckDB scan)."""
    if not q and view.rm is not None:
        return {"items": rm.list_documents(view.rm, limit=limit, offset=offset), "limit": limit, "offset": offset}
    return list_documents_duckdb(view, q=q, limit=limit, offset=offset)


def list_documents_duckdb(view: ReadView, *, q: str | None, limit: int, offset: int) -> dict[str, Any]:
    where, params = "TRUE", []
    if q:
        params.append(f"%{_escape_like(q)}%")
        where = "(a.title ILIKE $1 ESCAPE '\\' OR a.text ILIKE $1 ESCAPE '\\')"
    rows = _dicts(view.con.execute(
        "SELECT a.article_id, a.title, a.url, a.source, a.language, a.published, length(a.text) AS chars,"
        " left(a.text, 200) AS snippet FROM articles a"
        f" WHERE {where} ORDER BY a.published DESC NULLS LAST, a.article_id DESC"
        f" LIMIT {int(limit)} OFFSET {int(offset)}", params))
    return {"items": rows, "limit": limit, "offset": offset}


def _escape_like(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def get_document(view: ReadView, article_id: int) -> dict[str, Any] | None:
    """One article's record (text restored) and how its local ids map to the store's global ids."""
    row = view.con.execute(
        "SELECT article_id, title, url, source, language, published, text, record_json, ingested_at"
        " FROM articles WHERE article_id = $1", [article_id]).fetchone()
    if row is None:
        return None
    record = json.loads(row[7])
    record["text"] = row[6]
    if view.rm is not None:
        entity_ids, event_ids = rm.document_ids(view.rm, article_id)
    else:
        entity_ids = dict(view.con.execute(
            "SELECT local_id, entity_id FROM article_entities WHERE article_id = $1", [article_id]).fetchall())
        event_ids = dict(view.con.execute(
            "SELECT local_id, event_id FROM event_sources WHERE article_id = $1", [article_id]).fetchall())
    return {
        "article": {"article_id": row[0], "title": row[1], "url": row[2], "source": row[3], "language": row[4],
                    "published": row[5], "ingested_at": row[8]},
        "record": record,
        "entity_ids": entity_ids,
        "event_ids": event_ids,
    }


# -- entities --------------------------------------------------------------------------------------


def list_entities(view: ReadView, *, q: str | None, type: str | None, limit: int, offset: int) -> dict[str, Any]:
    """Entities, most-mentioned first; ``q`` goes through the store's name lookup (transliteration-aware)."""
    if view.rm is not None:
        items = (rm.find_entities(view.rm, q, types=[type] if type else None)[offset:offset + limit] if q
                 else rm.list_entities(view.rm, type=type, limit=limit, offset=offset))
        return {"items": items, "limit": limit, "offset": offset}
    if q:
        from ..store import find_entities

        found = find_entities(view, q, types=[type] if type else None)  # type: ignore[arg-type]
        return {"items": found[offset:offset + limit], "limit": limit, "offset": offset}
    where, params = "TRUE", []
    if type:
        where, params = "type = $1", [type]
    rows = _dicts(view.con.execute(
        "SELECT entity_id, type, name, kb_id, n_articles AS articles FROM entities"
        f" WHERE {where} ORDER BY n_articles DESC, entity_id LIMIT {int(limit)} OFFSET {int(offset)}", params))
    return {"items": rows, "limit": limit, "offset": offset}


def _event_rows(view: ReadView, where: str, params: list[Any], *, limit: int) -> list[dict[str, Any]]:
    """Global events as rows, earliest first, with participants as ``{id, name}`` (links need ids)."""
    return _dicts(view.con.execute(f"""
        WITH picked AS (SELECT e.event_id FROM events e WHERE {where}
                        ORDER BY {_EVENT_DAY}, e.event_id LIMIT {int(limit)})
        SELECT e.event_id, {_EVENT_DAY} AS day, e.date_value AS date, e.date_precision, e.type, e.status,
               e.place_entity_id AS place_id, pl.name AS place, e.n_sources AS sources, e.n_conflicts AS conflicts,
               list({{'id': pe.entity_id, 'name': pe.name}} ORDER BY pe.name)
                   FILTER (WHERE pe.entity_id IS NOT NULL) AS participants,
               e.first_reported, e.last_reported
        FROM picked JOIN events e USING (event_id)
        LEFT JOIN entities pl ON pl.entity_id = e.place_entity_id
        LEFT JOIN event_participants ep ON ep.event_id = e.event_id
        LEFT JOIN entities pe ON pe.entity_id = ep.entity_id
        GROUP BY ALL ORDER BY day, e.event_id""", params))


def entity_page(view: ReadView, entity_id: int, *, limit: int = 200) -> dict[str, Any] | None:
    """An actor's page: the entity, its names, its events (timeline), its quotes, who it met, its articles."""
    if view.rm is None:
        return entity_page_duckdb(view, entity_id, limit=limit)
    page = rm.entity_page(view.rm, entity_id, limit=limit)
    if page is None:
        return None
    page["quotes"] = view.quote_index.search(None, speakers=[entity_id], limit=limit, encoded=True)
    # the keys in the order the DuckDB page has them (clients and the tests see the same document)
    return {k: page[k] for k in ("entity_id", "type", "name", "kb_id", "articles", "aliases", "timeline", "quotes",
                                 "met", "documents")}


def entity_page_duckdb(view: ReadView, entity_id: int, *, limit: int = 200) -> dict[str, Any] | None:
    rows = _dicts(view.con.execute(
        "SELECT entity_id, type, name, kb_id, n_articles AS articles FROM entities WHERE entity_id = $1", [entity_id]))
    if not rows:
        return None
    page = rows[0]
    page["aliases"] = [r[0] for r in view.con.execute(
        "SELECT DISTINCT alias FROM entity_aliases WHERE entity_id = $1 ORDER BY alias", [entity_id]).fetchall()]
    page["timeline"] = _event_rows(
        view, "e.event_id IN (SELECT event_id FROM event_participants WHERE entity_id = $1)", [entity_id],
        limit=limit)
    page["quotes"] = with_article_ids(
        view, view.quote_index.search(None, speakers=[entity_id], limit=limit) if view.quote_index else [])
    page["met"] = _dicts(view.con.execute(
        "SELECT p2.entity_id, en.name, en.type, count(*) AS events FROM event_participants p1"
        " JOIN event_participants p2 ON p2.event_id = p1.event_id AND p2.entity_id <> p1.entity_id"
        " JOIN entities en ON en.entity_id = p2.entity_id WHERE p1.entity_id = $1"
        " GROUP BY ALL ORDER BY events DESC, en.name LIMIT 100", [entity_id]))
    page["documents"] = _dicts(view.con.execute(
        "SELECT a.article_id, a.title, a.published, a.source FROM articles a"
        " WHERE a.article_id IN (SELECT article_id FROM article_entities WHERE entity_id = $1)"
        f" ORDER BY a.published DESC NULLS LAST, a.article_id DESC LIMIT {int(limit)}", [entity_id]))
    return page


def with_article_ids(view: ReadView, quotes: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Add each quote's ``article_id`` (the quote index keeps title and URL, but pages link by id)."""
    if all("article_id" in q for q in quotes):  # the quote index keeps it (a current index)
        return quotes
    ids = [q["quote_id"] for q in quotes if q.get("quote_id") is not None]
    if not ids:
        return quotes
    found = dict(view.con.execute(
        "SELECT quote_id, article_id FROM quotes WHERE quote_id IN (SELECT unnest($1))", [ids]).fetchall())
    for quote in quotes:
        quote["article_id"] = found.get(quote.get("quote_id"))
    return quotes


def ego_network(view: ReadView, entity_id: int, *, limit: int = 200) -> dict[str, Any]:
    """Who met whom at the events one actor took part in (nodes and weighted edges)."""
    if view.rm is not None:
        return rm.ego_network(view.rm, entity_id, limit=limit)
    return ego_network_duckdb(view, entity_id, limit=limit)


def ego_network_duckdb(view: ReadView, entity_id: int, *, limit: int = 200) -> dict[str, Any]:
    edges = _dicts(view.con.execute(f"""
        WITH ev AS (SELECT event_id FROM event_participants WHERE entity_id = $1),
        pairs AS (SELECT p1.entity_id AS source, p2.entity_id AS target, count(*)::BIGINT AS events
                  FROM ev JOIN event_participants p1 USING (event_id) JOIN event_participants p2 USING (event_id)
                  WHERE p1.entity_id < p2.entity_id GROUP BY ALL)
        SELECT source, s.name AS source_name, s.type AS source_type, target, t.name AS target_name,
               t.type AS target_type, events
        FROM pairs JOIN entities s ON s.entity_id = source JOIN entities t ON t.entity_id = target
        ORDER BY events DESC, source, target LIMIT {int(limit)}""", [entity_id]))
    return _graph(edges)


def _graph(edges: list[dict[str, Any]]) -> dict[str, Any]:
    nodes: dict[int, dict[str, Any]] = {}
    for edge in edges:
        for end in ("source", "target"):
            nodes.setdefault(edge[end], {"id": edge[end], "name": edge[f"{end}_name"], "type": edge[f"{end}_type"]})
    return {"nodes": list(nodes.values()), "edges": edges}


def event_page(view: ReadView, event_id: int) -> dict[str, Any] | None:
    """One event: every source (its status history), the conflicts, participant ids, parsed evidence."""
    if view.rm is not None:
        return rm.event_page(view.rm, event_id)
    return event_page_duckdb(view, event_id)


def event_page_duckdb(view: ReadView, event_id: int) -> dict[str, Any] | None:
    """From the store's :func:`~newsgraph.store.event_detail`, plus participant ids and parsed evidence."""
    from ..store import event_detail

    detail = event_detail(view, event_id)  # type: ignore[arg-type]
    if detail is None:
        return None
    detail["participant_ids"] = _dicts(view.con.execute(
        "SELECT en.entity_id AS id, en.name, en.type FROM event_participants ep"
        " JOIN entities en ON en.entity_id = ep.entity_id WHERE ep.event_id = $1 ORDER BY en.name", [event_id]))
    for source in detail.get("sources", []):
        source.pop("why", None)  # the merge reason is not in the pages' read model (yet): same answer as it
        evidence = source.get("evidence")
        if isinstance(evidence, str):
            try:
                source["evidence"] = json.loads(evidence)
            except ValueError:
                source["evidence"] = []
    return detail


def counts(view: ReadView) -> dict[str, int]:
    from ..store import summary

    return summary(view)  # type: ignore[arg-type]


# -- the store's questions by name ----------------------------------------------------------------------


def _day(value: str | None, *, end: bool) -> str | None:
    """An ISO day from ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD`` (the last day it covers with ``end``)."""
    from ..store.queries import _date, _until

    day = (_until if end else _date)(value)
    return day.isoformat() if day is not None else None


def timeline(view: ReadView, name: str, *, since: str | None, until: str | None, limit: int) -> dict[str, Any]:
    """An actor's events by name, earliest first (as :func:`newsgraph.store.timeline`)."""
    if view.rm is not None:
        return rm.timeline(view.rm, name, since=_day(since, end=False), until=_day(until, end=True), limit=limit)
    from ..store import timeline as store_timeline

    return store_timeline(view, name, since=since, until=until, limit=limit)  # type: ignore[arg-type]


def network(view: ReadView, *, actor: str | None, since: str | None, until: str | None, min_count: int,
            limit: int) -> dict[str, Any]:
    """Who met whom; the unfiltered network is a read of the pair totals maintained at ingest."""
    if view.rm is not None and not (actor or since or until):
        return rm.network(view.rm, min_count=min_count, limit=limit)
    from ..store import network as store_network

    # status=None and no by_status: the same answer as the read model's pair totals, which count every
    # status (the pages' network does not filter by status yet)
    graph = store_network(view, actor=actor, since=since, until=until, min_count=min_count,  # type: ignore[arg-type]
                          limit=limit, status=None)
    for edge in graph["edges"]:
        edge.pop("by_status", None)
    return graph


def events(view: ReadView, *, place: str | None, participant: str | None, since: str | None, until: str | None,
           types: list[str] | None, status: str | None, limit: int) -> list[dict[str, Any]]:
    """Events newest first; by participant (and dates) from the read model, other filters from DuckDB."""
    if view.rm is not None and participant and not (place or types or status):
        return rm.events_of(view.rm, participant, since=_day(since, end=False), until=_day(until, end=True),
                            limit=limit)
    from ..store import events as store_events

    return store_events(view, place=place, participant=participant, since=since,  # type: ignore[arg-type]
                        until=until, types=types, status=status, limit=limit)


def quotes(view: ReadView, *, q: str | None, speaker: str | None, since: str | None, until: str | None,
           limit: int, prefix: bool) -> list[dict[str, Any]] | str:
    """Quote search (the quote index); the speaker's name is looked up in the read model when it is current.

    From a current index the list comes encoded by SQLite (:class:`~newsgraph.store.readmodel.RawJSON`)."""
    from ..store import search_quotes

    if view.rm is None:
        return with_article_ids(view, search_quotes(view, words=q, speaker=speaker, since=since,  # type: ignore
                                                    until=until, limit=limit, prefix=prefix))
    speakers = None
    if speaker:
        speakers = [m["entity_id"] for m in rm.find_entities(view.rm, speaker)]
        if not speakers:
            return rm.RawJSON("[]")
    return view.quote_index.search(q or None, speakers=speakers, since=_day(since, end=False),
                                   until=_day(until, end=True), limit=limit, prefix=prefix, encoded=True)
