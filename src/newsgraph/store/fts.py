"""Full-text index of quotes: SQLite FTS5 in a file beside the DuckDB store.

Why SQLite: DuckDB's own ``fts`` extension cannot be downloaded at run time here, and the PyPI wheel of
it (``duckdb-ext-fts``) matches DuckDB 1.4.4 only. Measured on 300,000 synthetic quotes (2 shared
cores; ``/tmp`` scratch script, figures in STORE.md): FTS5 answers a two-word query in 0.1-0.7 ms,
DuckDB ``ILIKE`` scans take 30-170 ms and a DuckDB token table with ``INTERSECT`` 35-170 ms, both
growing linearly with the store. FTS5 ships with Python's ``sqlite3``: no new dependency.

The index is derived data, and it holds everything a quote search returns, so that a search never
has to scan DuckDB: ``quote_text`` (FTS5, rowid = ``quote_id``) holds the text, ``quote_meta`` one row
per quote with speaker id and name, date, kind, relaying medium, event and article fields, B-tree
indexed by (speaker, published) and by published, so searches by speaker or date without words are
index lookups too. The DuckDB store stays the truth: the writer commits a batch to DuckDB first and
to SQLite second, recording in SQLite the last batch id it holds. If a crash falls between the two
commits, the next writer sees the batch ids differ and rebuilds the index from DuckDB.
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Iterable, Sequence
from pathlib import Path

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
META_COLUMNS = ("speaker", "published", "speaker_name", "kind", "via", "event_id", "title", "url", "source")

#: one quote row as the writer hands it over: (quote_id, text, *META_COLUMNS)
QuoteRow = tuple[object, ...]

_SCHEMA = """
CREATE VIRTUAL TABLE IF NOT EXISTS quote_text USING fts5(text, tokenize='unicode61 remove_diacritics 2');
CREATE TABLE IF NOT EXISTS quote_meta (
    quote_id INTEGER PRIMARY KEY, speaker INTEGER, published TEXT, speaker_name TEXT, kind TEXT, via TEXT,
    event_id INTEGER, title TEXT, url TEXT, source TEXT
);
CREATE INDEX IF NOT EXISTS quote_meta_speaker ON quote_meta (speaker, published);
CREATE INDEX IF NOT EXISTS quote_meta_published ON quote_meta (published);
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
            return
        self.con = sqlite3.connect(self.path)
        self.con.execute("PRAGMA journal_mode=WAL")
        self.con.executescript(_SCHEMA)
        self.con.commit()

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

    def _insert(self, rows: Iterable[QuoteRow]) -> None:
        assert self.con is not None
        rows = list(rows)
        self.con.executemany("INSERT INTO quote_text(rowid, text) VALUES (?, ?)", [r[:2] for r in rows])
        marks = ", ".join("?" * (len(META_COLUMNS) + 1))
        self.con.executemany(
            f"INSERT INTO quote_meta (quote_id, {', '.join(META_COLUMNS)}) VALUES ({marks})",
            [(r[0], *r[2:]) for r in rows],
        )

    def _mark(self, batch_id: int | None) -> None:
        assert self.con is not None
        self.con.execute(
            "INSERT OR REPLACE INTO index_state(key, value) VALUES ('last_batch', ?)",
            (str(batch_id) if batch_id is not None else "-1",),
        )

    def apply(self, batch_id: int, removed: Sequence[int], added: Iterable[QuoteRow]) -> None:
        """Delete and add quotes of one committed batch, and record the batch, in one SQLite transaction."""
        assert self.con is not None
        with self.con:
            if removed:
                gone = [(q,) for q in removed]
                self.con.executemany("DELETE FROM quote_text WHERE rowid = ?", gone)
                self.con.executemany("DELETE FROM quote_meta WHERE quote_id = ?", gone)
            self._insert(added)
            self._mark(batch_id)

    def rebuild(self, batch_id: int | None, rows: Iterable[QuoteRow]) -> None:
        """Replace the whole index (after a crash between the DuckDB and SQLite commits)."""
        assert self.con is not None
        with self.con:
            self.con.execute("DELETE FROM quote_text")
            self.con.execute("DELETE FROM quote_meta")
            self._insert(rows)
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
    ) -> list[dict[str, object]]:
        """Quotes containing every word (when given) by one of ``speakers`` in a date range; newest first."""
        if self.con is None or (speakers is not None and not speakers):
            return []
        clauses: list[str] = []
        params: list[object] = []
        if words:
            match = fts_query(words, prefix=prefix)
            if match is None:
                return []
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
        where = " AND ".join(clauses) or "1"
        cursor = self.con.execute(
            "SELECT m.quote_id, m.published, m.speaker_name AS speaker, m.speaker AS speaker_id, t.text, m.kind,"
            " m.via, m.event_id, m.title, m.url, m.source FROM quote_meta m JOIN quote_text t ON t.rowid = m.quote_id"
            f" WHERE {where} ORDER BY m.published DESC, m.quote_id DESC LIMIT ?",
            [*params, limit],
        )
        columns = [d[0] for d in cursor.description]
        return [dict(zip(columns, row, strict=True)) for row in cursor.fetchall()]
