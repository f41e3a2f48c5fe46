"""Full-text index of quotes: SQLite FTS5 in a file beside the DuckDB store.

Why SQLite: DuckDB's own ``fts`` extension cannot be downloaded at run time here, and the PyPI wheel of
it (``duckdb-ext-fts``) matches DuckDB 1.4.4 only. Measured on 300,000 synthetic quotes (2 shared
cores; ``/tmp`` scratch script, figures in STORE.md): FTS5 answers a two-word query in 0.1-0.7 ms,
DuckDB ``ILIKE`` scans take 30-170 ms and a DuckDB token table with ``INTERSECT`` 35-170 ms, both
growing linearly with the store. FTS5 ships with Python's ``sqlite3``: no new dependency.

The index is derived data, and it holds everything a quote search returns, so that a search never
has to scan DuckDB: ``quote_text`` (FTS5, rowid = the sort key below) indexes the text, ``quote_meta``
holds one row per quote with its text, speaker id and name, date, kind, relaying medium, event and
article fields, B-tree indexed by (speaker, sort key), so searches by speaker or date without words
are index lookups too. The FTS rowid is not the quote id but a *sort key* (publication day, then quote id,
see :func:`sort_key`): a search answers newest first, and FTS5 walks its rowids in descending order
and stops at the limit, where sorting every match took 60-190 ms for a frequent word on 120,000
quotes (0.2 ms now). The same file holds the web pages' read model (:mod:`.readmodel`), maintained in
the same transaction. The DuckDB store stays the truth: the writer commits a batch to DuckDB first and
to SQLite second, recording in SQLite the last batch id it holds. If a crash falls between the two
commits, the next writer sees the batch ids differ and rebuilds the index from DuckDB.
"""

from __future__ import annotations

import datetime as dt
import re
import sqlite3
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path

from . import readmodel

_WORD = re.compile(r"\w+", re.UNICODE)


def index_path(db_path: str | Path) -> Path:
    """Where the quote index of a store lives: ``<store>.quotes.sqlite``."""
    path = Path(db_path)
    return path.with_name(path.name + ".quotes.sqlite")


def fts_query(words: str, *, prefix: bool = False) -> str | None:
    """An FTS5 MATCH expression requiring every word of ``words`` (no FTS syntax reaches SQLite)."""
    tokens = _WORD.findall(words)
    if not tokens:
        return None
    return " ".join(f'"{t}"' + ("*" if prefix else "") for t in tokens)


#: the columns of ``quote_meta`` after ``quote_id``, in the order :meth:`QuoteIndex.apply` takes them
META_COLUMNS = ("speaker", "published", "speaker_name", "kind", "via", "event_id", "title", "url", "source",
                "article_id")

#: the layout of the file; an index of another layout is dropped and rebuilt by the next writer
INDEX_FORMAT = "newsgraph-read-index/5"

_DAY_SHIFT = 32


def sort_key(published: str | None, quote_id: int) -> int:
    """The FTS rowid of a quote: newer publication day first, then higher quote id; undated quotes last."""
    day = dt.date.fromisoformat(published[:10]).toordinal() if published else 0
    return (day << _DAY_SHIFT) | int(quote_id)


def _day_bound(day: str, *, end: bool) -> int:
    return (dt.date.fromisoformat(day[:10]).toordinal() << _DAY_SHIFT) | ((1 << _DAY_SHIFT) - 1 if end else 0)

#: one quote row as the writer hands it over: (quote_id, text, *META_COLUMNS)
QuoteRow = tuple[object, ...]

_SCHEMA = """
CREATE VIRTUAL TABLE IF NOT EXISTS quote_text USING fts5(text, tokenize='unicode61 remove_diacritics 2');
CREATE TABLE IF NOT EXISTS quote_meta (
    quote_id INTEGER PRIMARY KEY, sort_key INTEGER UNIQUE, text TEXT, speaker INTEGER, published TEXT,
    speaker_name TEXT, kind TEXT, via TEXT, event_id INTEGER, title TEXT, url TEXT, source TEXT, article_id INTEGER
);
CREATE INDEX IF NOT EXISTS quote_meta_speaker ON quote_meta (speaker, sort_key);
CREATE INDEX IF NOT EXISTS quote_meta_event ON quote_meta (event_id);
CREATE TABLE IF NOT EXISTS index_state (key TEXT PRIMARY KEY, value TEXT);
"""


class QuoteIndex:
    """The quote index of one store (SQLite: FTS5 text plus a metadata table)."""

    def __init__(self, path: str | Path, *, read_only: bool = False) -> None:
        self.path = Path(path)
        self.con: sqlite3.Connection | None
        if read_only:
            uri = f"file:{self.path}?mode=ro"
            self.con = sqlite3.connect(uri, uri=True) if self.path.exists() else None
            self.current = self.con is not None and self._format() == INDEX_FORMAT
            if self.con is not None:  # readers: pages straight from the OS cache, a bigger private cache
                self.con.execute("PRAGMA mmap_size = 1073741824")
                self.con.execute("PRAGMA cache_size = -32768")
            return
        self.con = sqlite3.connect(self.path)
        self.con.execute("PRAGMA journal_mode=WAL")
        if self._format() not in (None, INDEX_FORMAT):
            self._drop_all()  # an older layout: the store's writer sees no batch here and rebuilds it
        self.con.executescript(_SCHEMA + readmodel.SCHEMA)
        self.con.execute("INSERT OR IGNORE INTO index_state(key, value) VALUES ('format', ?)", (INDEX_FORMAT,))
        self.con.commit()
        self.current = True

    def _format(self) -> str | None:
        """The layout recorded in the file (None: a new file; '' an index from before layouts were recorded)."""
        assert self.con is not None
        if not self.con.execute("SELECT 1 FROM sqlite_master WHERE name = 'index_state'").fetchone():
            return None
        row = self.con.execute("SELECT value FROM index_state WHERE key = 'format'").fetchone()
        return str(row[0]) if row else ""

    def _drop_all(self) -> None:
        assert self.con is not None
        with self.con:
            self.con.execute("DROP TABLE IF EXISTS quote_text")  # with its FTS5 shadow tables
            for (name,) in self.con.execute(
                    "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").fetchall():
                self.con.execute(f'DROP TABLE IF EXISTS "{name}"')

    def close(self) -> None:
        if self.con is not None:
            self.con.close()
            self.con = None

    def last_batch(self) -> int | None:
        """The last store batch whose quotes this index holds."""
        if self.con is None:
            return None
        row = self.con.execute("SELECT value FROM index_state WHERE key = 'last_batch'").fetchone()
        return int(row[0]) if row else None

    def count(self) -> int | None:
        """How many quotes the index holds (None: no index file, or one of another layout): the number kept in
        ``index_state`` with every change (counting a million rows on every open of the store would cost
        ~0.1 s), else counted."""
        if self.con is None or not self.current:
            return None
        row = self.con.execute("SELECT value FROM index_state WHERE key = 'quotes'").fetchone()
        if row is not None:
            return int(row[0])
        return int(self.con.execute("SELECT count(*) FROM quote_meta").fetchone()[0])

    def _recount(self, delta: int | None = None) -> None:
        """Keep the number of quotes in ``index_state``: add ``delta``, or (None) count them."""
        assert self.con is not None
        if delta is None or self.con.execute("SELECT 1 FROM index_state WHERE key = 'quotes'").fetchone() is None:
            self.con.execute("INSERT OR REPLACE INTO index_state(key, value) "
                             "SELECT 'quotes', CAST(count(*) AS TEXT) FROM quote_meta")
        elif delta:
            self.con.execute("UPDATE index_state SET value = CAST(CAST(value AS INTEGER) + ? AS TEXT) "
                             "WHERE key = 'quotes'", (delta,))

    def _insert(self, rows: Iterable[QuoteRow]) -> int:
        """Add quote rows; how many."""
        assert self.con is not None
        rows = [(sort_key(r[3], r[0]), *r) for r in rows]  # type: ignore[arg-type]
        self.con.executemany("INSERT INTO quote_text(rowid, text) VALUES (?, ?)", [(r[0], r[2]) for r in rows])
        marks = ", ".join("?" * (len(META_COLUMNS) + 3))
        self.con.executemany(  # the text twice: FTS5 fetches a row's text by rowid slowly (~20 us per row)
            f"INSERT INTO quote_meta (sort_key, quote_id, text, {', '.join(META_COLUMNS)}) VALUES ({marks})", rows)
        return len(rows)

    def _mark(self, batch_id: int | None) -> None:
        assert self.con is not None
        self.con.execute(
            "INSERT OR REPLACE INTO index_state(key, value) VALUES ('last_batch', ?)",
            (str(batch_id) if batch_id is not None else "-1",),
        )

    def apply(self, batch_id: int, removed: Sequence[int], added: Iterable[QuoteRow],
              refresh: Callable[[sqlite3.Connection], None] | None = None) -> None:
        """Delete and add quotes of one committed batch, refresh the read model, record the batch: one transaction."""
        assert self.con is not None
        with self.con:
            deleted = 0
            if removed:
                gone = [(q,) for q in removed]
                self.con.executemany(
                    "DELETE FROM quote_text WHERE rowid = (SELECT sort_key FROM quote_meta WHERE quote_id = ?)", gone)
                deleted = self.con.executemany("DELETE FROM quote_meta WHERE quote_id = ?", gone).rowcount
            self._recount(self._insert(added) - deleted)
            if refresh is not None:
                refresh(self.con)
            self._mark(batch_id)

    def rebuild(self, batch_id: int | None, rows: Iterable[QuoteRow],
                refresh: Callable[[sqlite3.Connection], None] | None = None) -> None:
        """Replace the whole index (a new layout, or a crash between the DuckDB and SQLite commits)."""
        assert self.con is not None
        with self.con:
            self.con.execute("DELETE FROM quote_text")
            self.con.execute("DELETE FROM quote_meta")
            self._insert(rows)
            self._recount()
            if refresh is not None:
                refresh(self.con)
            self._mark(batch_id)

    def search(
        self,
        words: str | None = None,
        *,
        speakers: Sequence[int] | None = None,
        since: str | None = None,
        until: str | None = None,
        limit: int = 50,
        prefix: bool = False,
        encoded: bool = False,
    ) -> list[dict[str, object]] | readmodel.RawJSON:
        """Quotes containing every word (when given) by one of ``speakers`` in a date range; newest first.

        ``encoded``: the list as JSON text built by SQLite (:class:`~.readmodel.RawJSON`, for the web layer:
        200 quotes as Python dicts and back to JSON cost more than the search itself).
        """
        if self.con is None or (speakers is not None and not speakers):
            return readmodel.RawJSON("[]") if encoded and self.current else []
        clauses: list[str] = []
        params: list[object] = []
        if words:
            match = fts_query(words, prefix=prefix)
            if match is None:
                return readmodel.RawJSON("[]") if encoded and self.current else []
            clauses.append("m.quote_id IN (SELECT rowid FROM quote_text WHERE quote_text MATCH ?)")
            params.append(match)
        if speakers is not None:
            clauses.append(f"m.speaker IN ({','.join('?' * len(speakers))})")
            params += list(speakers)
        if since:
            clauses.append("m.published >= ?")
            params.append(since)
        if until:
            clauses.append("m.published <= ?")
            params.append(until)
        if not self.current:  # an index of the older layout opened read-only: sort every match
            columns = ("m.quote_id, m.published, m.speaker_name AS speaker, m.speaker AS speaker_id, t.text, m.kind,"
                       " m.via, m.event_id, m.title, m.url, m.source")
            where = " AND ".join(clauses) or "1"
            cursor = self.con.execute(
                f"SELECT {columns} FROM quote_meta m JOIN quote_text t ON t.rowid = m.quote_id"
                f" WHERE {where} ORDER BY m.published DESC, m.quote_id DESC LIMIT ?", [*params, limit])
        elif encoded:
            sql, values = self._search_sql(words, speakers, since, until, limit, prefix, encoded=True)
            return readmodel.json_list(self.con, sql, values)
        else:
            cursor = self.con.execute(*self._search_sql(words, speakers, since, until, limit, prefix))
        names = [d[0] for d in cursor.description]
        return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]

    def _search_sql(self, words: str | None, speakers: Sequence[int] | None, since: str | None, until: str | None,
                    limit: int, prefix: bool, *, encoded: bool = False) -> tuple[str, list[object]]:
        """Newest first by walking sort keys downwards (FTS5 rowids, or the meta table's index) to the limit."""
        assert self.con is not None
        lo = _day_bound(since, end=False) if since else (1 << _DAY_SHIFT if until else None)
        hi = _day_bound(until, end=True) if until else None
        clauses: list[str] = []
        params: list[object] = []
        key = "t.rowid" if words else "m.sort_key"
        if words:
            clauses.append("quote_text MATCH ?")
            params.append(fts_query(words, prefix=prefix))
        if lo is not None:
            clauses.append(f"{key} >= ?")
            params.append(lo)
        if hi is not None:
            clauses.append(f"{key} <= ?")
            params.append(hi)
        if speakers is not None:
            clauses.append(f"m.speaker IN ({','.join('?' * len(speakers))})")
            params += list(speakers)
        where = " AND ".join(clauses) or "1"
        source = "quote_text t CROSS JOIN quote_meta m ON m.sort_key = t.rowid" if words else "quote_meta m"
        columns = ("m.quote_id, m.published, m.speaker_name AS speaker, m.speaker AS speaker_id, m.text, m.kind,"
                   " m.via, m.event_id, m.title, m.url, m.source, m.article_id")
        if encoded:
            columns = readmodel.json_object(columns) + " AS j"
        return f"SELECT {columns} FROM {source} WHERE {where} ORDER BY {key} DESC LIMIT ?", [*params, limit]
