"""Full-text index of quotes: SQLite FTS5 in a file beside the DuckDB store.

Why SQLite: DuckDB's own ``fts`` extension cannot be downloaded at run time here, and the PyPI wheel of
it (``duckdb-ext-fts``) matches DuckDB 1.4.4 only. Measured on 300,000 synthetic quotes (2 shared
cores; ``/tmp`` scratch script, figures in STORE.md): FTS5 answers a two-word query in 0.1-0.7 ms,
DuckDB ``ILIKE`` scans take 30-170 ms and a DuckDB token table with ``INTERSECT`` 35-170 ms, both
growing linearly with the store. FTS5 ships with Python's ``sqlite3``: no new dependency.

The index is derived data: it holds each quote's text under the quote's ``quote_id`` (the FTS5 rowid)
plus the speaker's entity id and the publication date (unindexed columns, so speaker and date filters
run inside SQLite). The DuckDB store stays the truth: the writer commits a batch to DuckDB first and
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


class QuoteIndex:
    """The FTS5 quote index of one store."""

    def __init__(self, path: str | Path, *, read_only: bool = False) -> None:
        self.path = Path(path)
        if read_only:
            uri = f"file:{self.path}?mode=ro"
            self.con = sqlite3.connect(uri, uri=True) if self.path.exists() else None
            return
        self.con = sqlite3.connect(self.path)
        self.con.execute("PRAGMA journal_mode=WAL")
        self.con.execute(
            "CREATE VIRTUAL TABLE IF NOT EXISTS quote_text USING fts5("
            "text, speaker UNINDEXED, published UNINDEXED, tokenize='unicode61 remove_diacritics 2')"
        )
        self.con.execute("CREATE TABLE IF NOT EXISTS index_state (key TEXT PRIMARY KEY, value TEXT)")
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

    def apply(
        self,
        batch_id: int,
        removed: Sequence[int],
        added: Iterable[tuple[int, str, int | None, str | None]],
    ) -> None:
        """Delete and add quotes of one committed batch, and record the batch, in one SQLite transaction."""
        assert self.con is not None
        with self.con:
            if removed:
                self.con.executemany("DELETE FROM quote_text WHERE rowid = ?", [(q,) for q in removed])
            self.con.executemany(
                "INSERT INTO quote_text(rowid, text, speaker, published) VALUES (?, ?, ?, ?)", added
            )
            self.con.execute(
                "INSERT OR REPLACE INTO index_state(key, value) VALUES ('last_batch', ?)", (str(batch_id),)
            )

    def rebuild(self, batch_id: int | None, rows: Iterable[tuple[int, str, int | None, str | None]]) -> None:
        """Replace the whole index (after a crash between the DuckDB and SQLite commits)."""
        assert self.con is not None
        with self.con:
            self.con.execute("DELETE FROM quote_text")
            self.con.executemany("INSERT INTO quote_text(rowid, text, speaker, published) VALUES (?, ?, ?, ?)", rows)
            self.con.execute(
                "INSERT OR REPLACE INTO index_state(key, value) VALUES ('last_batch', ?)",
                (str(batch_id) if batch_id is not None else "-1",),
            )

    def search(
        self,
        words: str,
        *,
        speakers: Sequence[int] | None = None,
        since: str | None = None,
        until: str | None = None,
        limit: int = 50,
        prefix: bool = False,
    ) -> list[int]:
        """Quote ids whose text contains every word, newest first, filtered by speaker and date."""
        match = fts_query(words, prefix=prefix)
        if self.con is None or match is None:
            return []
        sql = "SELECT rowid FROM quote_text WHERE quote_text MATCH ?"
        params: list[object] = [match]
        if speakers is not None:
            if not speakers:
                return []
            sql += f" AND speaker IN ({','.join('?' * len(speakers))})"
            params += list(speakers)
        if since:
            sql += " AND published >= ?"
            params.append(since)
        if until:
            sql += " AND published <= ?"
            params.append(until)
        sql += " ORDER BY published DESC, rowid DESC LIMIT ?"
        params.append(limit)
        return [r[0] for r in self.con.execute(sql, params).fetchall()]
