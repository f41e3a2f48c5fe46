"""The store: one DuckDB file filled from records, with cross-article entities and events.

:class:`Store` opens (and creates) the file, applies ``schema.sql`` and ingests records in batches.
Each batch is one DuckDB transaction, which is what makes ingestion resumable: a process killed
mid-batch leaves the file as of the last commit (DuckDB replays or discards its write-ahead log on
the next open), and a restarted ingest skips every article already stored, because articles are
identified by ``url:<url>`` (or ``sha256:<text hash>`` when there is no URL):

- same key, same text hash: unchanged, skipped;
- same key, different text: a changed version; the old version and everything it contributed
  (mentions, event sources, quotes, times) is removed, the events it touched are re-summarised, and
  the new version is ingested like a new article;
- new key but a text already stored: a duplicate (the same agency text on two sites), skipped.

Within a batch the writer resolves entities (knowledge-base id first, then type + :func:`name_key` of
the canonical name), then matches each event report against global events that share a participant
and whose merge window overlaps (:mod:`newsgraph.store.merge`), loading those candidates with one
query per batch, and finally writes all rows with a handful of columnar inserts. One writer at a time:
DuckDB locks the file, and the store hands out ids from counters it reads when it opens.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import sqlite3
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from itertools import chain
from pathlib import Path
from typing import Any

import duckdb
import numpy as np

from ..ingest.article import is_placeholder_date
from ..record import Record
from . import readmodel
from .fts import QuoteIndex, index_path
from .kb import KnowledgeBase, Office, canonical_kb_id, gazetteer_twin_of
from .merge import (
    FUTURE_STATUSES,
    YEAR_DAYS,
    EventState,
    MergeRules,
    Report,
    best_match,
    load_rules,
    match,
    merge_order,
    parse_published,
    prepare,
    reference_span,
    summarise,
    year_uncertain,
)
from .names import body_key, inflection_key, name_key, name_skeleton, person_key

SCHEMA_FILE = Path(__file__).with_name("schema.sql")

#: the quote index's rows (see :mod:`.fts`), from the store; the speaker's and the medium's names are
#: the ones the quote's own article gives
QUOTE_INDEX_ROWS = """
    SELECT q.quote_id, q.text, q.speaker_entity_id, CAST(q.published AS VARCHAR),
           coalesce((SELECT any_value(ae.name) FROM article_entities ae
                     WHERE ae.article_id = q.article_id AND ae.entity_id = q.speaker_entity_id), q.speaker_text),
           q.kind,
           (SELECT any_value(ae.name) FROM article_entities ae
            WHERE ae.article_id = q.article_id AND ae.entity_id = q.via_entity_id),
           q.event_id, a.title, a.url, a.source, q.article_id
    FROM quotes q JOIN articles a USING (article_id)
"""
STORE_FORMAT = "newsgraph-store/1"
#: KB id prefixes of the gazetteers' regions (seas, islands, continents, UN M49 areas)
REGION_PREFIXES = ("region:", "unm49:")
#: the KB ids of states (a country: ``iso3166:PL``)
STATE_PREFIX = "iso3166:"
#: the KB ids of the venue gazetteer (a building inside a city: ``venue:White_House``)
VENUE_PREFIX = "venue:"
#: entity types whose names German inflects and the store matches by :func:`~.names.inflection_key`
INFLECTED_TYPES = frozenset({"ORG", "LOC"})


def _is_place(kb_id: str | None) -> bool:
    """Whether a KB id is a place's (a gazetteer entry or a KB place, not a person or body)."""
    return bool(kb_id) and not kb_id.startswith(("kb:per:", "kb:org:"))  # type: ignore[union-attr]


def _fallback_key(etype: str, name: str) -> str:
    """The coarser key an unlinked entity whose name key found nothing is matched by (see
    ``Store._by_inflection``): the body key of a state's body named by a country adjective and its kind
    (``des chinesischen Außenministeriums`` = ``the Chinese foreign ministry``), else the inflection key of a
    body or place, the person key of a person."""
    if etype == "ORG" and (key := body_key(name)):
        return key
    if etype in INFLECTED_TYPES:
        return inflection_key(name)
    return person_key(name) if etype == "PER" else ""


DEFAULT_BATCH_SIZE = 500

#: failures that are the store's or the machine's, not one article's: retrying article by article would
#: only record every article as failed, so they end the ingest (committed batches stay)
_SYSTEMIC: tuple[type[BaseException], ...] = (
    *(
        getattr(duckdb, name)
        for name in ("IOException", "FatalException", "InterruptException", "OutOfMemoryException")
        if hasattr(duckdb, name)
    ),
    MemoryError,
)

#: an item to ingest: a record, or a record with where it came from (``file:line``, for the errors table)
Item = Record | tuple[Record, str]

ERROR_COLUMNS = ("input", "article_key", "record_id", "stage", "kind", "severity", "message", "recorded_at")


@dataclass
class IngestStats:
    """What an ingest did (summed over its batches).

    ``failed``: records that could not be stored (each is a row of the ``errors`` table and of
    ``errors`` here); ``warnings``: records stored with a problem noted (a placeholder date).
    """

    records: int = 0
    added: int = 0
    replaced: int = 0
    unchanged: int = 0
    duplicates: int = 0
    failed: int = 0
    warnings: int = 0
    batches: int = 0
    seconds: float = 0.0
    errors: list[dict[str, Any]] = field(default_factory=list)

    def add(self, other: IngestStats) -> None:
        for name in ("records", "added", "replaced", "unchanged", "duplicates", "failed", "warnings", "batches"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.errors += other.errors

    def as_dict(self) -> dict[str, Any]:
        return dict(self.__dict__)


def error_row(
    input: str,
    message: str,
    *,
    kind: str,
    stage: str,
    severity: str = "error",
    article_key: str | None = None,
    record_id: str | None = None,
) -> dict[str, Any]:
    """One row of the ``errors`` table, as a dict (what :meth:`Store.record_errors` takes)."""
    return {
        "input": input,
        "article_key": article_key,
        "record_id": record_id,
        "stage": stage,
        "kind": kind,
        "severity": severity,
        "message": message,
    }


def content_hash(text: str) -> str:
    """SHA-256 of an article's text (hex): detects changed versions and duplicates."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def article_key(record: Record, text_hash: str) -> str:
    """The identity of an article across ingests: its URL, else its text."""
    return f"url:{record.url}" if record.url else f"sha256:{text_hash}"


def _column(values: Sequence[Any]) -> np.ndarray:
    """One column as a numpy array: int64 when it is all integers, else Python objects (None = NULL)."""
    if values and all(type(v) is int for v in values):
        return np.fromiter(values, dtype=np.int64, count=len(values))
    array = np.empty(len(values), dtype=object)
    for i, value in enumerate(values):
        array[i] = value
    return array


def _append(con: duckdb.DuckDBPyConnection, table: str, columns: Sequence[str], rows: Sequence[Sequence[Any]]) -> None:
    """Insert many rows with one statement, handing DuckDB the columns as numpy arrays.

    DuckDB's ``executemany`` runs one statement per row (about 2,000 rows/s) and list parameters
    with ``unnest`` reach ~50,000 rows/s; a registered dict of numpy arrays is scanned natively
    (~300,000 rows/s) without needing pandas or pyarrow.
    """
    if not rows:
        return
    data = {f"c{i}": _column(col) for i, col in enumerate(zip(*rows, strict=True))}
    quoted = ", ".join(f'"{c}"' for c in columns)
    con.register("_newsgraph_rows", data)
    try:
        con.execute(f"INSERT INTO {table} ({quoted}) SELECT * FROM _newsgraph_rows")
    finally:
        con.unregister("_newsgraph_rows")


def _ids(values: Iterable[int]) -> list[int]:
    return sorted(set(values))


@dataclass
class _Batch:
    """Rows a batch will write, gathered before the writes."""

    articles: list[tuple] = field(default_factory=list)
    article_entities: list[tuple] = field(default_factory=list)
    mentions: list[tuple] = field(default_factory=list)
    entities: list[tuple] = field(default_factory=list)
    aliases: dict[tuple[int, str, str], tuple] = field(default_factory=dict)
    kb_updates: list[tuple[int, str]] = field(default_factory=list)
    event_sources: list[tuple] = field(default_factory=list)
    quotes: list[tuple] = field(default_factory=list)
    times: list[tuple] = field(default_factory=list)


@dataclass
class _Touched:
    """What a batch changed, by id: the read model (:mod:`.readmodel`) re-reads exactly these rows."""

    articles: set[int] = field(default_factory=set)
    events: set[int] = field(default_factory=set)
    entities: set[int] = field(default_factory=set)
    #: entities whose display name changed (their network edges are re-encoded)
    renamed: set[int] = field(default_factory=set)

    def refresh(self, con: duckdb.DuckDBPyConnection) -> Callable[[Any], None]:
        return lambda sq: readmodel.refresh(
            con, sq, articles=self.articles, events=self.events, entities=self.entities, renamed=self.renamed
        )


class Store:
    """A newsgraph store file. Use as a context manager; ``read_only`` for queries beside a writer-less file."""

    def __init__(
        self,
        path: str | Path,
        *,
        read_only: bool = False,
        rules: MergeRules | None = None,
        kb: KnowledgeBase | None = None,
    ) -> None:
        """Open (or create) the store; ``kb`` links entities without a KB id to the KB's ids on ingest."""
        self.path = Path(path)
        self.read_only = read_only
        self.rules = rules or load_rules()
        self.kb = kb
        if read_only and not self.path.exists():
            raise FileNotFoundError(f"no store at {self.path}")
        self.con = duckdb.connect(str(self.path), read_only=read_only)
        self.con.execute("PRAGMA disable_progress_bar")  # the CLI draws its own; DuckDB's would garble it
        if not read_only:
            self.con.execute(SCHEMA_FILE.read_text(encoding="utf-8"))
            if not self.con.execute("SELECT 1 FROM store_meta WHERE key = 'format'").fetchone():
                self.con.execute("INSERT INTO store_meta VALUES ('format', ?)", [STORE_FORMAT])
        self.quote_index = QuoteIndex(index_path(self.path), read_only=read_only)
        self._touched = _Touched()
        self._where: dict[str, str] = {}
        #: why the quote index (and the read model beside it) cannot be trusted, when it lags the store
        #: and could not be repaired (a read-only file): quote search then asks DuckDB (see queries.py)
        self.index_problem: str | None = None
        if not read_only:
            self._read_counters()
        self._check_quote_index()

    # -- lifecycle -------------------------------------------------------------------------------

    def close(self) -> None:
        self.quote_index.close()
        self.con.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _read_counters(self) -> None:
        def top(sql: str) -> int:
            return int(self.con.execute(sql).fetchone()[0] or 0)  # type: ignore[index]

        self._next_article = top("SELECT max(article_id) FROM articles") + 1
        self._next_entity = top("SELECT max(entity_id) FROM entities") + 1
        #: the people by name skeleton (``_skeleton_index``), reloaded after a rollback
        self._skeletons: dict[str, set[int]] | None = None
        #: the bodies and places by type and inflection key, the people by person key (``_inflection_index``),
        #: reloaded likewise
        self._inflections: dict[tuple[str, str], set[int]] | None = None
        #: the unlinked places by the words of their names' keys, and the word sets of each (``_nest_index``),
        #: reloaded likewise
        self._nests: tuple[dict[str, set[int]], dict[int, set[frozenset[str]]]] | None = None
        #: state KB id -> KB ids of its principal office holders (``_state_holders``), built on first use
        self._holders: dict[str, set[str]] | None = None
        self._next_event = top("SELECT max(event_id) FROM events") + 1
        self._next_quote = top("SELECT max(quote_id) FROM quotes") + 1
        self._next_batch = top("SELECT max(batch_id) FROM ingest_log") + 1
        # whether any stored article has dates whose year was inferred (merge.year_uncertain): only then does
        # a batch look for their events a year off (a stale True costs one query per batch, nothing else)
        self._inferred_years = (
            top("SELECT count(*) FROM articles WHERE published IS NULL AND reference_source = 'inferred'") > 0
        )

    def _last_batch(self) -> int | None:
        row = self.con.execute("SELECT max(batch_id) FROM ingest_log").fetchone()
        return int(row[0]) if row and row[0] is not None else None

    def _index_lag(self) -> str | None:
        """How the quote index differs from the store (None: in step): its layout, last batch and quote count."""
        if self.quote_index.con is not None and not self.quote_index.current:
            return "the quote index has an older layout"
        last = self._last_batch()
        indexed = self.quote_index.last_batch()
        if not (indexed == last or (last is None and indexed in (None, -1))):
            return f"the quote index holds batches up to {indexed}, the store up to {last}"
        stored = int(self.con.execute("SELECT count(*) FROM quotes").fetchone()[0])  # type: ignore[index]
        held = self.quote_index.count()
        if held is not None and held != stored:
            return f"the quote index holds {held} quotes, the store {stored}"
        return None

    def _check_quote_index(self) -> None:
        """Compare the quote index and read model with the store on every open, and rebuild them when they lag
        (a crash between the DuckDB and the SQLite commit, an index of an older layout, a deleted file).

        A read-only open repairs too: DuckDB refuses a read-only open while another process writes the
        store, so no writer can race the rebuild, and SQLite serialises two readers that both repair. Only
        when the index file cannot be written (a read-only disk) is the problem flagged instead
        (:attr:`index_problem`), and quote search answers from DuckDB.
        """
        lag = self._index_lag()
        if lag is None:
            return
        rows = self.con.execute(QUOTE_INDEX_ROWS + " ORDER BY q.quote_id").fetchall()
        last = self._last_batch()
        if not self.read_only:
            self.quote_index.rebuild(last, rows, refresh=lambda sq: readmodel.rebuild(self.con, sq))
            return
        try:
            writer = QuoteIndex(self.quote_index.path)
            try:
                writer.rebuild(last, rows, refresh=lambda sq: readmodel.rebuild(self.con, sq))
            finally:
                writer.close()
        except (sqlite3.Error, OSError) as error:
            self.index_problem = f"{lag}, and it cannot be rebuilt here ({error})"
            self.quote_index.current = False
            return
        self.quote_index.close()
        self.quote_index = QuoteIndex(self.quote_index.path, read_only=True)

    # -- errors ----------------------------------------------------------------------------------

    def record_errors(self, rows: Sequence[dict[str, Any]]) -> None:
        """Record problems with inputs (rows made by :func:`error_row`), replacing the older rows of the same
        input and stage: the errors table says what the latest ingest of each input found."""
        if self.read_only:
            raise PermissionError("the store was opened read-only")
        if not rows:
            return
        self.con.execute("BEGIN TRANSACTION")
        try:
            self._write_errors(rows)
            self.con.execute("COMMIT")
        except BaseException:
            self.con.execute("ROLLBACK")
            raise

    def clear_errors(self, inputs: Iterable[str]) -> None:
        """Forget the failures recorded for these inputs: they have been stored since, or found stored (their
        warnings stay: they describe what was stored)."""
        names = sorted(set(inputs))
        if names and not self.read_only:
            self.con.execute("DELETE FROM errors WHERE severity = 'error' AND input IN (SELECT unnest($1))", [names])

    def errors(self, *, severity: str | None = None) -> list[dict[str, Any]]:
        """The recorded problems, oldest first (``severity``: only ``error`` or only ``warning`` rows)."""
        where, params = ("WHERE severity = $1", [severity]) if severity else ("", [])
        cursor = self.con.execute(
            f"SELECT {', '.join(ERROR_COLUMNS)} FROM errors {where} ORDER BY recorded_at, input", params
        )
        names = [d[0] for d in cursor.description]
        return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]

    def _write_errors(self, rows: Sequence[dict[str, Any]]) -> None:
        """Insert error rows (inside the caller's transaction) after deleting the older rows of their inputs
        and stages."""
        pairs = sorted({(r["input"], r["stage"]) for r in rows})
        self.con.execute(
            "DELETE FROM errors WHERE (input, stage) IN (SELECT (unnest($1), unnest($2)))",
            [[i for i, _ in pairs], [st for _, st in pairs]],
        )
        now = dt.datetime.now()
        _append(self.con, "errors", ERROR_COLUMNS, [(*(r.get(c) for c in ERROR_COLUMNS[:-1]), now) for r in rows])

    # -- resume ----------------------------------------------------------------------------------

    def stored(self, articles: Sequence[tuple[str | None, str]]) -> list[str | None]:
        """For each ``(url, text)``: ``"unchanged"`` when that text is stored under its key, ``"duplicate"``
        when the text is stored under another key, else None (ingesting it would change the store).

        This is what lets an ingest of articles skip the stored ones *before* extracting them: the answer
        is the one :meth:`ingest` would give for their records (same key, same hash rule).
        """
        if not articles:
            return []
        hashes = [content_hash(text) for _, text in articles]
        keys = [f"url:{url}" if url else f"sha256:{h}" for (url, _), h in zip(articles, hashes, strict=True)]
        rows = self.con.execute(
            "SELECT article_key, content_hash FROM articles "
            "WHERE article_key IN (SELECT unnest($1)) OR content_hash IN (SELECT unnest($2))",
            [sorted(set(keys)), sorted(set(hashes))],
        ).fetchall()
        by_key = {k: h for k, h in rows}
        known_hashes = {h for _, h in rows}
        answer: list[str | None] = []
        for key, text_hash in zip(keys, hashes, strict=True):
            if key in by_key:
                answer.append("unchanged" if by_key[key] == text_hash else None)
            else:
                answer.append("duplicate" if text_hash in known_hashes else None)
        return answer

    # -- ingest ----------------------------------------------------------------------------------

    def ingest(
        self,
        records: Iterable[Item],
        *,
        batch_size: int = DEFAULT_BATCH_SIZE,
        source: str = "",
        on_batch: Callable[[IngestStats], None] | None = None,
    ) -> IngestStats:
        """Store records, ``batch_size`` per transaction; ``on_batch`` hears each committed batch.

        An item is a record or ``(record, where)``, ``where`` naming its input for the errors table (else
        the record's id does). One bad record never costs the others: when a batch fails, it is rolled
        back and its records are stored one by one; a record that fails alone is recorded in ``errors``
        (table and ``IngestStats.errors``) and counted in ``failed``, and the ingest goes on. Failures of
        the store itself (disk, memory) end the ingest; committed batches stay.
        """
        if self.read_only:
            raise PermissionError("the store was opened read-only")
        total = IngestStats()
        start = dt.datetime.now()
        for chunk in _chunks(records, batch_size):
            items = [item if isinstance(item, tuple) else (item, item.id) for item in chunk]
            try:
                stats = self._ingest_batch(items, source)
            except _SYSTEMIC:
                raise
            except Exception:
                stats = self._ingest_one_by_one(items, source)
            total.add(stats)
            if on_batch is not None:
                on_batch(stats)
        total.seconds = (dt.datetime.now() - start).total_seconds()
        return total

    def _ingest_one_by_one(self, items: Sequence[tuple[Record, str]], source: str) -> IngestStats:
        """A failed batch again, one record per transaction, so that only the bad records stay out."""
        stats = IngestStats()
        for record, where in items:
            try:
                stats.add(self._ingest_batch([(record, where)], source))
            except _SYSTEMIC:
                raise
            except Exception as error:
                text_hash = content_hash(record.text) if isinstance(record.text, str) else ""
                row = error_row(
                    where,
                    f"not stored: {type(error).__name__}: {error}",
                    kind=type(error).__name__,
                    stage="store",
                    article_key=article_key(record, text_hash),
                    record_id=record.id,
                )
                self.record_errors([row])
                stats.records += 1
                stats.failed += 1
                stats.errors.append(row)
        return stats

    def _ingest_batch(self, items: Sequence[tuple[Record, str]], source: str) -> IngestStats:
        con = self.con
        records = [record for record, _ in items]
        stats = IngestStats(records=len(records), batches=1)
        started = dt.datetime.now()
        batch_id = self._next_batch
        self._touched = touched = _Touched()
        self._where = {}
        con.execute("BEGIN TRANSACTION")
        try:
            todo, removed_ids = self._triage(items, stats)
            self.clear_errors(where for _, where in items)
            self._write_warnings(todo, stats)
            removed_quotes = self._remove_articles(removed_ids) if removed_ids else []
            added_quotes = self._add_articles(todo, batch_id)
            _append(
                con,
                "ingest_log",
                (
                    "batch_id",
                    "started_at",
                    "finished_at",
                    "source",
                    "n_records",
                    "n_added",
                    "n_replaced",
                    "n_unchanged",
                    "n_duplicates",
                ),
                [
                    (
                        batch_id,
                        started,
                        dt.datetime.now(),
                        source,
                        stats.records,
                        stats.added,
                        stats.replaced,
                        stats.unchanged,
                        stats.duplicates,
                    )
                ],
            )
            con.execute("COMMIT")
        except BaseException:
            con.execute("ROLLBACK")
            self._read_counters()
            raise
        self._next_batch = batch_id + 1
        touched.articles.update(removed_ids)
        self.quote_index.apply(batch_id, removed_quotes, added_quotes, refresh=touched.refresh(con))
        return stats

    def _write_warnings(self, todo: list[tuple[Record, str, str]], stats: IngestStats) -> None:
        """Note what is stored with a problem: a placeholder publication date (``0001-01-01``) is stored as none."""
        rows = [
            error_row(
                self._where.get(key, record.id),
                f"publication date {record.published} is a placeholder for 'no date': stored without one",
                kind="bad_field",
                stage="store",
                severity="warning",
                article_key=key,
                record_id=record.id,
            )
            for record, key, _ in todo
            if is_placeholder_date(record.published)
        ]
        if rows:
            self._write_errors(rows)
            stats.warnings += len(rows)
            stats.errors += rows

    def _triage(
        self, items: Sequence[tuple[Record, str]], stats: IngestStats
    ) -> tuple[list[tuple[Record, str, str]], list[int]]:
        """Split a batch into articles to add and old versions to remove; count the rest."""
        latest: dict[str, tuple[Record, str, str]] = {}
        for record, where in items:
            text_hash = content_hash(record.text)
            key = article_key(record, text_hash)
            if key in latest:
                stats.unchanged += 1  # the batch itself repeats the article: the later one wins
            latest[key] = (record, key, text_hash)
            self._where[key] = where
        keys = list(latest)
        hashes = [h for _, _, h in latest.values()]
        rows = self.con.execute(
            "SELECT article_key, content_hash, article_id FROM articles "
            "WHERE article_key IN (SELECT unnest($1)) OR content_hash IN (SELECT unnest($2))",
            [keys, hashes],
        ).fetchall()
        by_key = {k: (h, a) for k, h, a in rows}
        stored_hashes = {h for _, h, _ in rows}
        todo: list[tuple[Record, str, str]] = []
        removed: list[int] = []
        seen: set[str] = set()
        for record, key, text_hash in latest.values():
            if key in by_key:
                old_hash, old_id = by_key[key]
                if old_hash == text_hash:
                    stats.unchanged += 1
                    continue
                removed.append(old_id)
                stats.replaced += 1
            elif text_hash in stored_hashes or text_hash in seen:
                stats.duplicates += 1
                continue
            else:
                stats.added += 1
            seen.add(text_hash)
            todo.append((record, key, text_hash))
        return todo, removed

    # -- removal of replaced versions ------------------------------------------------------------

    def _remove_articles(self, article_ids: list[int]) -> list[int]:
        """Delete articles and their contributions; re-summarise what they touched. Returns quote ids."""
        con = self.con
        params = [article_ids]
        events = [
            r[0]
            for r in con.execute(
                "SELECT DISTINCT event_id FROM event_sources WHERE article_id IN (SELECT unnest($1))", params
            ).fetchall()
        ]
        entities = [
            r[0]
            for r in con.execute(
                "SELECT DISTINCT entity_id FROM article_entities WHERE article_id IN (SELECT unnest($1))", params
            ).fetchall()
        ]
        quotes = [
            r[0]
            for r in con.execute(
                "SELECT quote_id FROM quotes WHERE article_id IN (SELECT unnest($1))", params
            ).fetchall()
        ]
        for table in ("articles", "article_entities", "mentions", "event_sources", "quotes", "times"):
            con.execute(f"DELETE FROM {table} WHERE article_id IN (SELECT unnest($1))", params)
        if events:
            states = self._load_events(events)
            for state in states.values():
                state.new = False
            gone = [e for e in events if not states.get(e) or not states[e].reports]
            self._write_events([s for s in states.values() if s.reports], replace=True)
            if gone:
                for table in ("events", "event_participants", "conflicts"):
                    con.execute(f"DELETE FROM {table} WHERE event_id IN (SELECT unnest($1))", [gone])
                con.execute("UPDATE quotes SET event_id = NULL WHERE event_id IN (SELECT unnest($1))", [gone])
                self._touched.events.update(gone)
        if entities:
            self._refresh_entities(entities)
            self._touched.entities.update(entities)
        return quotes

    def _skeleton_index(self) -> dict[str, set[int]]:
        """:func:`~.names.name_skeleton` of every person's canonical names -> the people, loaded once per
        store and kept up to date by the batches (dropped when a batch rolls back or entities are deleted)."""
        if self._skeletons is None:
            self._skeletons = defaultdict(set)
            for entity_id, alias in self.con.execute(
                "SELECT entity_id, alias FROM entity_aliases WHERE kind = 'name' AND type = 'PER'"
            ).fetchall():
                if skeleton := name_skeleton(alias):
                    self._skeletons[skeleton].add(int(entity_id))
        return self._skeletons

    def _index_skeleton(self, name: str, entity_id: int) -> None:
        if (skeleton := name_skeleton(name)) and self._skeletons is not None:
            self._skeletons[skeleton].add(entity_id)

    def _by_skeleton(self, name: str, kb_id: str | None, kb_of: dict[int, str | None], batch: _Batch) -> int | None:
        """The one stored person whose name has the same :func:`~.names.name_skeleton` as ``name``, where
        exactly one side is linked to the KB: ``Abbas Araqchi`` (an English spelling the KB does not list)
        is the KB's Abbas Araghchi, whichever arrives first; two unlinked names never merge by it (``Hans
        Scholz`` and ``Hans Schulz`` are two people), nor two different KB ids. A linked newcomer that
        takes a stored unlinked person gives it its KB id, as a name match does."""
        skeleton = name_skeleton(name)
        if not skeleton:
            return None
        people = self._skeleton_index().get(skeleton, set())
        if not people:
            return None
        unknown = [p for p in people if p not in kb_of]
        if unknown:
            kb_of.update(
                self.con.execute(
                    "SELECT entity_id, kb_id FROM entities WHERE entity_id IN (SELECT unnest($1))", [unknown]
                ).fetchall()
            )
        # a person deleted since (no longer in the table) is no candidate
        fits = [p for p in people if p in kb_of and (kb_of[p] is None) != (kb_id is None)]
        if len(fits) != 1:
            return None
        found = fits[0]
        if kb_id and kb_of[found] is None:
            batch.kb_updates.append((found, kb_id))
            kb_of[found] = kb_id
        return found

    def _inflection_index(self) -> dict[tuple[str, str], set[int]]:
        """(type, :func:`~.names.inflection_key`) of every body's and place's canonical names -> the entities,
        loaded once per store and kept up to date by the batches, like the skeletons."""
        if self._inflections is None:
            self._inflections = defaultdict(set)
            for entity_id, etype, alias in self.con.execute(
                "SELECT entity_id, type, alias FROM entity_aliases"
                " WHERE kind = 'name' AND type IN ('ORG', 'LOC', 'PER')"
            ).fetchall():
                if key := _fallback_key(etype, alias):
                    self._inflections[(etype, key)].add(int(entity_id))
        return self._inflections

    def _index_inflection(self, etype: str, name: str, entity_id: int) -> None:
        if self._inflections is not None and (key := _fallback_key(etype, name)):
            self._inflections[(etype, key)].add(entity_id)

    def _nest_index(self) -> tuple[dict[str, set[int]], dict[int, set[frozenset[str]]]]:
        """The unlinked places' name keys: word -> places, place -> the word sets of its names; loaded once per
        store and kept up to date by the batches, like the skeletons."""
        if self._nests is None:
            self._nests = (defaultdict(set), defaultdict(set))
            for entity_id, key in self.con.execute(
                "SELECT a.entity_id, a.alias_key FROM entity_aliases a JOIN entities e USING (entity_id)"
                " WHERE a.kind = 'name' AND a.type = 'LOC' AND e.kb_id IS NULL"
            ).fetchall():
                self._add_nest(int(entity_id), key)
        return self._nests

    def _add_nest(self, entity_id: int, key: str) -> None:
        words = frozenset(key.split())
        if words and self._nests is not None:
            for word in words:
                self._nests[0][word].add(entity_id)
            self._nests[1][entity_id].add(words)

    def _by_nesting(self, name: str, kb_of: dict[int, str | None]) -> int | None:
        """The one stored unlinked place whose name is this unlinked place's name with words added or left
        out, for a newcomer that neither the name key nor the inflection key relates: ``Elmendorf-Richardson``
        (dpa) is ``Joint Base Elmendorf-Richardson`` (Reuters), whichever comes first, as the merge already
        reads them as one place (``merge._names_nest``). The shorter name keeps two words at least (a single
        word is too common a part of a place's name), and two stored places that fit make it ambiguous."""
        words = frozenset(name_key(name).split())
        if not words:
            return None
        by_word, names = self._nest_index()
        candidates = set().union(*(by_word.get(w, set()) for w in words))
        fits = [
            e
            for e in sorted(candidates)
            if any(
                words != other and (words < other or other < words) and min(len(words), len(other)) >= 2
                for other in names.get(e, ())
            )
        ]
        unknown = [e for e in fits if e not in kb_of]
        if unknown:
            kb_of.update(
                self.con.execute(
                    "SELECT entity_id, kb_id FROM entities WHERE entity_id IN (SELECT unnest($1))", [unknown]
                ).fetchall()
            )
        fits = [e for e in fits if e in kb_of and kb_of[e] is None]  # still unlinked, and still stored
        return fits[0] if len(fits) == 1 else None

    def _by_inflection(self, etype: str, name: str, kb_id: str | None) -> int | None:
        """The one stored entity of the type whose name differs from ``name`` only by what the name key does
        not fold, for an unlinked newcomer whose name key found nothing; none where two stored entities fit.
        A body or place: German case endings (``des chinesischen Außenministeriums`` in one article, ``das
        chinesische Aussenministerium`` in a Swiss one; :func:`~.names.inflection_key`). A person: the German
        and English spellings of one sound and the particles (``Ahmed al-Scharaa`` / ``Ahmed al-Sharaa``,
        ``Ali Chamenei`` / ``Ali Khamenei``; :func:`~.names.person_key`)."""
        if kb_id:
            return None
        key = _fallback_key(etype, name)
        fits = self._inflection_index().get((etype, key), set()) if key else set()
        return next(iter(fits)) if len(fits) == 1 else None

    def _refresh_entities(self, entity_ids: list[int]) -> None:
        """Drop entities no article mentions any more; rebuild the aliases of the others."""
        self._skeletons = None  # rebuilt from the table when next needed
        self._inflections = None
        self._nests = None
        con = self.con
        params = [entity_ids]
        con.execute(
            "DELETE FROM entities WHERE entity_id IN (SELECT unnest($1)) "
            "AND entity_id NOT IN (SELECT entity_id FROM article_entities WHERE entity_id IN (SELECT unnest($1)))",
            params,
        )
        con.execute(
            "UPDATE entities SET n_articles = (SELECT count(DISTINCT article_id) FROM article_entities a"
            " WHERE a.entity_id = entities.entity_id) WHERE entity_id IN (SELECT unnest($1))",
            params,
        )
        con.execute("DELETE FROM entity_aliases WHERE entity_id IN (SELECT unnest($1))", params)
        names = con.execute(
            "SELECT DISTINCT entity_id, type, name FROM article_entities WHERE entity_id IN (SELECT unnest($1))", params
        ).fetchall()
        texts = con.execute(
            "SELECT DISTINCT m.entity_id, a.type, m.text FROM mentions m JOIN article_entities a "
            "ON a.article_id = m.article_id AND a.local_id = m.local_id WHERE m.entity_id IN (SELECT unnest($1))",
            params,
        ).fetchall()
        aliases: dict[tuple[int, str, str], tuple] = {}
        for kind, rows in (("name", names), ("mention", texts)):
            for entity_id, etype, alias in rows:
                key = name_key(alias)
                aliases.setdefault((entity_id, key, kind), (entity_id, etype, alias, key, kind))
        _append(con, "entity_aliases", ("entity_id", "type", "alias", "alias_key", "kind"), list(aliases.values()))

    # -- adding articles ---------------------------------------------------------------------------

    def _resolve_entities(
        self, todo: list[tuple[Record, str, str]], ids: list[int], batch: _Batch
    ) -> list[dict[str, int]]:
        """Global entity ids for each article's local entities (creating entities as needed)."""
        con = self.con
        # the record's KB id, else the KB's when exactly one KB entity of the type has the name; a place that
        # both the starter KB and the gazetteers know is kept under the gazetteers' id (``canonical_kb_id``):
        # "BEIJING" linked by the gazetteer and a headline's "Beijing" linked by the KB are one city
        linked = [
            {
                e.id: canonical_kb_id(e.kb_id or (self.kb.link(e.name, e.type) if self.kb is not None else None))
                for e in r.entities
            }
            for r, _, _ in todo
        ]
        kb_ids = sorted({k for links in linked for k in links.values() if k})
        keys = sorted({name_key(e.name) for r, _, _ in todo for e in r.entities})
        by_kb: dict[str, int] = {}
        if kb_ids:
            for kb_id, entity_id in con.execute(
                "SELECT kb_id, min(entity_id) FROM entities WHERE kb_id IN (SELECT unnest($1)) GROUP BY kb_id", [kb_ids]
            ).fetchall():
                by_kb[kb_id] = entity_id
        by_name: dict[tuple[str, str], list[tuple[int, str | None]]] = defaultdict(list)
        if keys:
            for etype, key, entity_id, kb_id in con.execute(
                "SELECT a.type, a.alias_key, a.entity_id, e.kb_id "
                "FROM entity_aliases a JOIN entities e USING (entity_id) "
                "WHERE a.kind = 'name' AND a.alias_key IN (SELECT unnest($1)) ORDER BY a.entity_id",
                [keys],
            ).fetchall():
                by_name[(etype, key)].append((entity_id, kb_id))
        kb_of: dict[int, str | None] = {}
        mapping: list[dict[str, int]] = []
        self._inflection_index()  # loaded before the batch adds to it: its own new entities are found too
        for (record, _, _), article_id, links in zip(todo, ids, linked, strict=True):
            local: dict[str, int] = {}
            for ent in record.entities:
                key = name_key(ent.name)
                kb_id = links[ent.id]
                entity_id = by_kb.get(kb_id) if kb_id else None
                if entity_id is None:
                    # a name match only when the KB ids do not contradict each other
                    for cand, cand_kb in by_name.get((ent.type, key), []):
                        cand_kb = kb_of.get(cand, cand_kb)
                        if not kb_id or cand_kb is None or cand_kb == kb_id:
                            entity_id = cand
                            if kb_id and cand_kb is None:
                                batch.kb_updates.append((cand, kb_id))
                                kb_of[cand] = kb_id
                                by_kb[kb_id] = cand
                            break
                if entity_id is None and ent.type == "PER":
                    entity_id = self._by_skeleton(ent.name, kb_id, kb_of, batch)
                    if entity_id is not None and kb_id:
                        by_kb[kb_id] = entity_id
                if entity_id is None:
                    entity_id = self._by_inflection(ent.type, ent.name, kb_id)
                if entity_id is None and ent.type == "LOC" and not kb_id:
                    entity_id = self._by_nesting(ent.name, kb_of)
                if entity_id is None:
                    entity_id = self._next_entity
                    self._next_entity += 1
                    # a name is shown on one line: an entity span that took a headline's line break along
                    # ("Beijing\n\n") is the same name
                    display = self._kb_name(kb_id) or " ".join(ent.name.split()) or ent.name
                    batch.entities.append((entity_id, ent.type, display, key, kb_id, 0))
                    if display != ent.name:  # the KB's name finds (and merges) the entity too
                        dkey = name_key(display)
                        batch.aliases.setdefault(
                            (entity_id, dkey, "name"), (entity_id, ent.type, display, dkey, "name")
                        )
                        by_name[(ent.type, dkey)].append((entity_id, kb_id))
                    by_name[(ent.type, key)].append((entity_id, kb_id))
                    kb_of[entity_id] = kb_id
                    if kb_id:
                        by_kb[kb_id] = entity_id
                local[ent.id] = entity_id
                self._index_inflection(ent.type, ent.name, entity_id)
                if ent.type == "LOC" and kb_of.get(entity_id, kb_id) is None:
                    self._nest_index()  # loaded before the batch adds to it, like the inflections
                    self._add_nest(entity_id, key)
                if ent.type == "PER":
                    self._index_skeleton(ent.name, entity_id)
                    if kb_id and (kb_name := self._kb_name(kb_id)):
                        self._index_skeleton(kb_name, entity_id)
                batch.aliases.setdefault((entity_id, key, "name"), (entity_id, ent.type, ent.name, key, "name"))
                roles = json.dumps([r.model_dump() for r in ent.roles], ensure_ascii=False) if ent.roles else None
                batch.article_entities.append((article_id, ent.id, entity_id, ent.type, ent.name, ent.kb_id, roles))
                for m in ent.mentions:
                    batch.mentions.append((article_id, ent.id, entity_id, m.start, m.end, m.text))
                    mkey = name_key(m.text)
                    alias = (entity_id, ent.type, m.text, mkey, "mention")
                    batch.aliases.setdefault((entity_id, mkey, "mention"), alias)
            mapping.append(local)
        return mapping

    def _add_articles(self, todo: list[tuple[Record, str, str]], batch_id: int) -> list[tuple]:
        """Write new articles and merge their events; returns the quote-index rows to add."""
        con = self.con
        if not todo:
            return []
        batch = _Batch()
        now = dt.datetime.now()
        ids = list(range(self._next_article, self._next_article + len(todo)))
        self._next_article += len(todo)
        self._touched.articles.update(ids)
        for (record, key, text_hash), article_id in zip(todo, ids, strict=True):
            payload = record.model_dump_json(exclude={"text"})
            batch.articles.append(
                (
                    article_id,
                    key,
                    text_hash,
                    record.id,
                    record.url,
                    record.title,
                    record.source,
                    record.language,
                    parse_published(record.published),
                    record.reference_date.value,
                    record.reference_date.source,
                    record.schema_version,
                    record.text,
                    payload,
                    batch_id,
                    now,
                )
            )
        mapping = self._resolve_entities(todo, ids, batch)

        # event reports, then merging against candidates loaded in one query
        reports: list[tuple[int, str, Report]] = []
        for (record, _, _), article_id, local in zip(todo, ids, mapping, strict=True):
            published = parse_published(record.published)
            # no publication date: an inferred reference date still places the article in time
            reference = None if published else parse_published(record.reference_date.value)
            for ev in record.events:
                report = Report(
                    article_id=article_id,
                    local_id=ev.id,
                    type=ev.type,
                    status=ev.status,
                    participants=frozenset(local[p] for p in ev.participants if p in local),
                    place=local.get(ev.place) if ev.place else None,
                    date_value=ev.time.value if ev.time else None,
                    published=published,
                    confidence=ev.confidence,
                    plover=ev.plover,
                    cameo=ev.cameo,
                    anchor=reference,
                    anchor_span=reference_span(published, record.reference_date.value),
                    year_uncertain=year_uncertain(
                        published,
                        record.reference_date.source,
                        ev.time.text if ev.time else None,
                        ev.time.value if ev.time else None,
                    ),
                )
                prepare(report, self.rules)
                reports.append((article_id, ev.id, report))
                batch.event_sources.append(
                    (
                        report,
                        ev.time.text if ev.time else None,
                        ev.time.start if ev.time else None,
                        ev.time.end if ev.time else None,
                        ev.plover,
                        ev.cameo,
                        json.dumps([e.model_dump() for e in ev.evidence], ensure_ascii=False),
                    )
                )
        new_kb = {row[0]: row[4] for row in batch.entities if row[4]}
        keys = {article_id: key for (_, key, _), article_id in zip(todo, ids, strict=True)}
        for _, _, report in reports:
            report.article_key = keys[report.article_id]
        new_reports = [r for _, _, r in reports]
        self._inferred_years = self._inferred_years or any(r.year_uncertain for r in new_reports)
        self._place_facts(
            new_reports,
            new_kb,
            {row[0]: row[3] for row in batch.entities},
            article_entities={(row[0], row[2]) for row in batch.article_entities},
        )
        stored = self._load_neighbourhood(new_reports, new_kb)
        states, gone = self._remerge(stored, new_reports)
        touched = {state.event_id: state for state in states}
        event_of = {(r.article_id, r.local_id): state.event_id for state in states for r in state.reports}
        self._move_sources(stored, event_of, gone)

        _append(
            con,
            "articles",
            (
                "article_id",
                "article_key",
                "content_hash",
                "record_id",
                "url",
                "title",
                "source",
                "language",
                "published",
                "reference_date",
                "reference_source",
                "schema_version",
                "text",
                "record_json",
                "batch_id",
                "ingested_at",
            ),
            batch.articles,
        )
        # article counts: new entities carry theirs, existing ones are incremented
        per_entity = Counter(entity_id for _, entity_id in {(row[0], row[2]) for row in batch.article_entities})
        self._touched.entities.update(per_entity)
        created = {row[0] for row in batch.entities}
        _append(
            con,
            "entities",
            ("entity_id", "type", "name", "name_key", "kb_id", "n_articles"),
            [(*row[:5], per_entity[row[0]]) for row in batch.entities],
        )
        increments = [(e, n) for e, n in per_entity.items() if e not in created]
        if increments:
            con.execute("CREATE OR REPLACE TEMP TABLE entity_counts (entity_id BIGINT, n INTEGER)")
            _append(con, "entity_counts", ("entity_id", "n"), increments)
            con.execute(
                "UPDATE entities SET n_articles = n_articles + c.n FROM entity_counts c "
                "WHERE entities.entity_id = c.entity_id"
            )
            con.execute("DROP TABLE entity_counts")
        for entity_id, kb_id in batch.kb_updates:
            con.execute("UPDATE entities SET kb_id = ? WHERE entity_id = ?", [kb_id, entity_id])
        if batch.aliases:
            con.execute("CREATE OR REPLACE TEMP TABLE new_aliases AS SELECT * FROM entity_aliases LIMIT 0")
            _append(
                con, "new_aliases", ("entity_id", "type", "alias", "alias_key", "kind"), list(batch.aliases.values())
            )
            con.execute(
                "INSERT INTO entity_aliases SELECT n.* FROM new_aliases n ANTI JOIN entity_aliases a "
                "ON a.entity_id = n.entity_id AND a.alias_key = n.alias_key AND a.kind = n.kind"
            )
            con.execute("DROP TABLE new_aliases")
        _append(
            con,
            "article_entities",
            ("article_id", "local_id", "entity_id", "type", "name", "kb_id", "roles_json"),
            batch.article_entities,
        )
        self._rename_entities(batch)
        _append(con, "mentions", ("article_id", "local_id", "entity_id", "start", "end", "text"), batch.mentions)
        _append(
            con,
            "event_sources",
            (
                "event_id",
                "article_id",
                "local_id",
                "type",
                "status",
                "date_value",
                "time_text",
                "time_start",
                "time_end",
                "place_entity_id",
                "participants",
                "published",
                "confidence",
                "plover",
                "cameo",
                "evidence_json",
                "merge_reason",
                "anchor_date",
            ),
            [
                (
                    event_of[(r.article_id, r.local_id)],
                    r.article_id,
                    r.local_id,
                    r.type,
                    r.status,
                    r.date_value,
                    text,
                    start,
                    end,
                    r.place,
                    sorted(r.participants),
                    r.published,
                    r.confidence,
                    plover,
                    cameo,
                    evidence,
                    r.merge_reason or None,
                    r.anchor,
                )
                for r, text, start, end, plover, cameo, evidence in batch.event_sources
            ],
        )
        self._write_events(list(touched.values()), replace=True)

        quote_rows: list[tuple] = []
        index_rows: list[tuple] = []
        for (record, _, _), article_id, local in zip(todo, ids, mapping, strict=True):
            published = parse_published(record.published)
            names = {e.id: e.name for e in record.entities}
            for q in record.quotes:
                quote_id = self._next_quote
                self._next_quote += 1
                quote_rows.append(
                    (
                        quote_id,
                        article_id,
                        q.id,
                        q.kind,
                        q.start,
                        q.end,
                        q.text,
                        local.get(q.speaker) if q.speaker else None,
                        q.speaker_text,
                        q.cue.text if q.cue else None,
                        local.get(q.via) if q.via else None,
                        event_of.get((article_id, q.event)) if q.event else None,
                        published,
                    )
                )
                speaker_name = names.get(q.speaker) if q.speaker and q.speaker in local else None
                index_rows.append(
                    (
                        quote_id,
                        q.text,
                        quote_rows[-1][7],
                        published.isoformat() if published else None,
                        speaker_name or q.speaker_text,
                        q.kind,
                        names.get(q.via) if q.via and q.via in local else None,
                        quote_rows[-1][11],
                        record.title,
                        record.url,
                        record.source,
                        article_id,
                    )
                )
            for t in record.times:
                batch.times.append((article_id, t.start, t.end, t.text, t.type, t.value, t.inside_quote))
        _append(
            con,
            "quotes",
            (
                "quote_id",
                "article_id",
                "local_id",
                "kind",
                "start",
                "end",
                "text",
                "speaker_entity_id",
                "speaker_text",
                "cue_text",
                "via_entity_id",
                "event_id",
                "published",
            ),
            quote_rows,
        )
        _append(con, "times", ("article_id", "start", "end", "text", "type", "value", "inside_quote"), batch.times)
        return index_rows

    def _rename_entities(self, batch: _Batch) -> None:
        """Re-choose the display name of the entities this batch names: the knowledge base's name where the
        entity is linked (also when a later article links it), else the most complete form any article gave
        (``Erdoğan`` over ``Erdogan``, more words first), never the first-seen form for its own sake. The
        article forms stay aliases; the events and network edges showing the entity are re-read."""
        con = self.con
        forms: dict[int, set[str]] = defaultdict(set)
        for row in batch.article_entities:
            forms[row[2]].add(" ".join(row[4].split()) or row[4])  # one line: a span may take a line break along
        if not forms:
            return
        renames: list[tuple[int, str, str]] = []
        for entity_id, etype, name, kb_id in con.execute(
            "SELECT entity_id, type, name, kb_id FROM entities WHERE entity_id IN (SELECT unnest($1))", [sorted(forms)]
        ).fetchall():
            best = self._kb_name(kb_id) or max(forms[entity_id] | {name}, key=lambda n: (_completeness(n), n == name))
            if best != name and (kb_id or _completeness(best) > _completeness(name)):
                renames.append((entity_id, etype, best))
        if not renames:
            return
        ids = [r[0] for r in renames]
        con.execute("CREATE OR REPLACE TEMP TABLE renamed (entity_id BIGINT, type VARCHAR, name VARCHAR)")
        _append(con, "renamed", ("entity_id", "type", "name"), renames)
        con.execute("UPDATE entities SET name = r.name FROM renamed r WHERE entities.entity_id = r.entity_id")
        con.execute(  # the new display name finds (and merges) the entity too
            "INSERT INTO entity_aliases SELECT r.entity_id, r.type, r.name, n.key, 'name' FROM renamed r "
            "JOIN (SELECT unnest($1) AS entity_id, unnest($2) AS key) n USING (entity_id) "
            "ANTI JOIN entity_aliases a ON a.entity_id = r.entity_id AND a.alias_key = n.key AND a.kind = 'name'",
            [ids, [name_key(r[2]) for r in renames]],
        )
        con.execute("DROP TABLE renamed")
        self._touched.entities.update(ids)
        self._touched.renamed.update(ids)
        self._touched.events.update(
            r[0]
            for r in con.execute(
                "SELECT event_id FROM event_participants WHERE entity_id IN (SELECT unnest($1)) UNION "
                "SELECT event_id FROM events WHERE place_entity_id IN (SELECT unnest($1))",
                [ids],
            ).fetchall()
        )

    # -- global events -----------------------------------------------------------------------------

    def _kb_name(self, kb_id: str | None) -> str | None:
        """The knowledge base's name for a KB id (the store's KB, else the starter KB the pipeline links
        with), so that a linked entity is shown as ``Nikolai Patrushev``, not by the short form the
        first article happened to use (``Patrushev``); the article's own forms stay aliases."""
        if not kb_id:
            return None
        kb = self.kb
        if kb is None or kb_id not in kb.by_id:
            from ..kb import load_kb

            kb = load_kb("starter")
        entity = kb.by_id.get(kb_id)
        if entity is None and (twin := gazetteer_twin_of(kb_id)) is not None:
            entity = kb.by_id.get(twin)  # a capital the starter KB knows under its own id: its name
        return entity.name("en") if entity is not None else None

    def _candidate_ids(self, reports: list[Report], new_kb: dict[int, str] | None = None) -> set[int]:
        """Stored events that could absorb one of the reports: shared participant, group, window overlap (or
        no window: an event told only by articles without any date, which a dated report may absorb)."""
        # a report naming only states looks up the people holding their offices, and one naming people the states
        # they represent (``Report.kin``): the two share no participant
        rows = [(p, r.group, r.reach_lo, r.reach_hi) for r in reports if r.anchored for p in r.participants | r.kin]
        found: list[tuple[int]] = []
        if rows:
            ents, groups, los, his = (list(c) for c in zip(*rows, strict=True))
            found = self.con.execute(
                "SELECT DISTINCT e.event_id FROM "
                "(SELECT unnest($1) AS ent, unnest($2) AS grp, unnest($3)::DATE AS lo, unnest($4)::DATE AS hi) b "
                "JOIN event_participants p ON p.entity_id = b.ent "
                "JOIN events e ON e.event_id = p.event_id AND e.merge_group = b.grp "
                "AND ((e.window_start <= b.hi AND e.window_end >= b.lo) OR e.window_start IS NULL)",
                [ents, groups, los, his],
            ).fetchall()
            # an account whose year was inferred (merge.year_uncertain) may be the event of a report a year
            # apart: the events holding such accounts of the report's participants around its days, a year off
            found += (
                []
                if not self._inferred_years
                else self.con.execute(
                    "WITH u AS (SELECT s.event_id, s.participants FROM event_sources s "
                    "JOIN articles a USING (article_id) "
                    "WHERE a.published IS NULL AND a.reference_source = 'inferred' AND s.date_value IS NOT NULL) "
                    "SELECT DISTINCT u.event_id FROM u JOIN events e USING (event_id) JOIN "
                    "(SELECT unnest($1) AS ent, unnest($2) AS grp, unnest($3)::DATE AS lo, unnest($4)::DATE AS hi) b "
                    "ON list_contains(u.participants, b.ent) AND e.merge_group = b.grp "
                    f"AND e.window_start <= b.hi + INTERVAL {YEAR_DAYS * self.rules.inferred_year_off} DAY "
                    f"AND e.window_end >= b.lo - INTERVAL {YEAR_DAYS * self.rules.inferred_year_off} DAY",
                    [ents, groups, los, his],
                ).fetchall()
            )
            # an account without any window (no date, no publication or reference date) chose among the events
            # of its participants at any date: a new event of them may change that choice (make it ambiguous)
            found += self.con.execute(
                "SELECT DISTINCT s.event_id FROM event_sources s JOIN events e USING (event_id) "
                "JOIN articles a USING (article_id) WHERE s.date_value IS NULL AND s.published IS NULL "
                "AND coalesce(a.reference_date, '') = '' AND e.merge_group IN (SELECT unnest($2)) "
                "AND list_has_any(s.participants, $1)",
                [sorted(set(ents)), sorted(set(groups))],
            ).fetchall()
            # an undated account that names a place reaches its article's days either way (merge.prepare), but
            # only to an event at that very place (merge._reaches_own_place): a dated report at the place inside
            # that reach may take it, whichever of the two came first (an equi-join on the place, then the
            # participants and days of the few accounts there)
            placed = [
                (p, r.group, r.window_lo, r.window_hi, r.place)
                for r in reports
                # a venue, town or unlinked place: a country is no account's "own place"
                if r.anchored
                and r.place is not None
                and r.date_lo is not None
                and (r.place_within or not r.place_linked)
                for p in r.participants
            ]
            if placed:
                before = max(self.rules.reported_before, self.rules.announced_before)
                after = max(self.rules.reported_after, self.rules.announced_after)
                found += self.con.execute(
                    "SELECT DISTINCT s.event_id FROM (SELECT unnest($1) AS ent, unnest($2) AS grp, "
                    "unnest($3)::DATE AS lo, unnest($4)::DATE AS hi, unnest($5) AS place) b "
                    "JOIN event_sources s ON s.place_entity_id = b.place AND s.date_value IS NULL "
                    "JOIN articles a ON a.article_id = s.article_id "
                    "JOIN events e ON e.event_id = s.event_id AND e.merge_group = b.grp "
                    "WHERE list_contains(s.participants, b.ent) "
                    "AND coalesce(s.published, TRY_CAST(a.reference_date AS DATE)) "
                    f"BETWEEN b.lo - INTERVAL {after} DAY AND b.hi + INTERVAL {before} DAY",
                    [list(c) for c in zip(*placed, strict=True)],
                ).fetchall()
        # a report without any window (no date, no publication or reference date) may join an event of any
        # date, but only one that has all its participants (merge.match): load just those
        for r in reports:
            if r.anchored or not r.participants:
                continue
            # ... or all of them with a party read as a place containing it (Washington as the US), or, for a
            # body's summit, the body (merge.match decides)
            alternatives = [
                r.participants,
                *(
                    (r.participants - {p}) | {outer}
                    for p, within in sorted(r.party_within.items())
                    for outer in sorted(within)
                ),
            ]
            alternatives += [frozenset({b}) for b in sorted(r.bodies)] if r.type in self.rules.body_event_types else []
            found += [(e,) for e in self._events_naming_inside(r, new_kb or {})]
            if r.kin and r.participants <= r.states:
                # a report naming only states: the events of as many of their office holders (merge.match folds
                # the people into the states they represent)
                found += self.con.execute(
                    "SELECT p.event_id FROM event_participants p JOIN events e USING (event_id) "
                    "WHERE p.entity_id IN (SELECT unnest($1)) AND e.merge_group = $2 "
                    "GROUP BY p.event_id HAVING count(DISTINCT p.entity_id) >= $3",
                    [sorted(r.kin), r.group, len(r.participants)],
                ).fetchall()
            for people in alternatives:
                found += self.con.execute(
                    "SELECT p.event_id FROM event_participants p JOIN events e USING (event_id) "
                    "WHERE p.entity_id IN (SELECT unnest($1)) AND e.merge_group = $2 "
                    "GROUP BY p.event_id HAVING count(DISTINCT p.entity_id) = $3",
                    [sorted(people), r.group, len(people)],
                ).fetchall()
        return {int(r[0]) for r in found}

    def _events_naming_inside(self, report: Report, new_kb: dict[int, str]) -> set[int]:
        """For a report without any window: the stored events of its group that have all its other parties and,
        for one party that is a place, a party inside it (the report's ``Wadephul visits Ukraine`` and a stored
        ``Wadephul visits Kyiv``; merge.match folds the city into the country), so that they are candidates
        whichever of the two came first."""
        places = [p for p, kb in sorted(self._kb_ids(set(report.participants), new_kb).items()) if _is_place(kb)]
        found: set[int] = set()
        for place in places:
            rest = sorted(report.participants - {place})
            if not rest:
                continue
            ids = [
                int(e)
                for (e,) in self.con.execute(
                    "SELECT p.event_id FROM event_participants p JOIN events e USING (event_id) "
                    "WHERE p.entity_id IN (SELECT unnest($1)) AND e.merge_group = $2 "
                    "GROUP BY p.event_id HAVING count(DISTINCT p.entity_id) = $3",
                    [rest, report.group, len(rest)],
                ).fetchall()
            ]
            if not ids:
                continue
            others: dict[int, set[int]] = defaultdict(set)
            for event_id, entity_id in self.con.execute(
                "SELECT event_id, entity_id FROM event_participants WHERE event_id IN (SELECT unnest($1)) "
                "AND entity_id NOT IN (SELECT unnest($2))",
                [ids, rest],
            ).fetchall():
                others[int(event_id)].add(int(entity_id))
            within = self._places_within({e for ents in others.values() for e in ents}, new_kb)[0]
            found |= {e for e, ents in others.items() if any(place in within.get(x, ()) for x in ents)}
        return found

    def _load_candidates(self, reports: list[Report], new_kb: dict[int, str] | None = None) -> dict[int, EventState]:
        """Global events that could absorb one of the reports (:meth:`_candidate_ids`), loaded.

        ``new_kb``: KB ids of the entities this batch creates, so that a place first named now (London)
        contains the stored events' places (Lancaster House)."""
        found = self._candidate_ids(reports, new_kb)
        return self._load_events(sorted(found), new_kb) if found else {}

    #: how far the re-merge of a batch reaches beyond the stored events its reports could join: the other
    #: events that those events' undated accounts fit (the alternatives that made one of them ambiguous)
    NEIGHBOUR_STEPS = 1
    #: a neighbourhood of more stored reports than this is not merged again; the batch's reports are merged
    #: into it as they come (a pair reported thousands of times in one window: the re-merge would cost the
    #: square of its reports on every batch)
    REMERGE_LIMIT = 3000

    def _load_neighbourhood(self, reports: list[Report], new_kb: dict[int, str] | None = None) -> dict[int, EventState]:
        """The stored events the batch's reports could join, and (``NEIGHBOUR_STEPS``) the other events their
        undated accounts fit: the part of the store that a merge of the batch together with it may change.
        Of the events a query finds, only those a report fits or that hold an undated account take part
        (:meth:`_touching`): the others stay as they are, and merging them again would only cost time."""
        states = self._touching(self._load_candidates(reports, new_kb), reports)
        frontier = [r for st in states.values() for r in st.reports if r.date_lo is None]
        for _ in range(self.NEIGHBOUR_STEPS):
            if not frontier or sum(len(st.reports) for st in states.values()) > self.REMERGE_LIMIT:
                break
            more = sorted(self._candidate_ids(frontier, new_kb) - states.keys())
            if not more:
                break
            loaded = self._touching(self._load_events(more, new_kb), frontier)
            states.update(loaded)
            frontier = [r for st in loaded.values() for r in st.reports if r.date_lo is None]
        # an article without any date hangs its undated reports on the events its other reports joined: all
        # of them take part, wherever the batch's reports reach
        undated = sorted(
            {r.article_id for st in states.values() for r in st.reports if r.published is None and r.anchor is None}
        )
        if undated:
            more = sorted(
                {
                    int(e)
                    for (e,) in self.con.execute(
                        "SELECT DISTINCT event_id FROM event_sources WHERE article_id IN (SELECT unnest($1))", [undated]
                    ).fetchall()
                }
                - states.keys()
            )
            states.update(self._load_events(more, new_kb))
        return states

    def _touching(self, loaded: dict[int, EventState], reports: list[Report]) -> dict[int, EventState]:
        """The loaded events that merging the reports with them could change: one that a report fits
        (:func:`~.merge.match`), or one holding an undated account that would fit an event of a report alone
        (it chose among the events around it and may choose anew, or become ambiguous, when another one
        appears), or one holding a dated account whose year was inferred (it may be a report's a year apart)."""
        index = _CandidateIndex()
        for state in loaded.values():
            index.add(state)
        keep: set[int] = set()
        for report in reports:
            for event_id in index.near(report):
                if event_id not in keep and match(loaded[event_id], report, self.rules) is not None:
                    keep.add(event_id)
        by_party: dict[tuple[int, str], list[int]] = defaultdict(list)
        sizes = [len(report.participants) for report in reports]
        for i, report in enumerate(reports):
            # ... and by the ids a report naming states (or people) looks the other kind up by (Report.kin)
            for p in report.participants | report.kin:
                by_party[(p, report.group)].append(i)
        alone: dict[int, EventState] = {}  # an event of one report alone, for the undated accounts

        def fits_alone(i: int, account: Report) -> bool:
            report = reports[i]
            if (
                report.anchored
                and account.reach_lo is not None
                and account.reach_hi is not None
                and (report.window_lo > account.reach_hi or account.reach_lo > report.window_hi)
            ):  # type: ignore[operator]
                return False
            if i not in alone:
                alone[i] = EventState(0, report.group, set(), None, None, None, reports=[report])
                _refresh_state(alone[i], self.rules)
            return match(alone[i], account, self.rules) is not None

        for event_id, state in loaded.items():
            if event_id in keep:
                continue
            for account in state.reports:
                if account.year_uncertain and account.date_lo is not None:
                    # its days a year off may be a report's (merge.match): the query found it that way
                    keep.add(event_id)
                    break
                if account.date_lo is not None:
                    continue
                # the reports sharing enough of its participants (counted in C: a popular actor has many)
                shared = Counter(
                    chain.from_iterable(
                        by_party.get((p, account.group), ()) for p in account.participants | account.kin
                    )
                )
                least = max(1, min(self.rules.min_shared, len(account.participants)))
                # one shared party may do where a body or a place inside a party decides (merge.match)
                loose = bool(account.bodies or account.party_within)
                near = sorted(
                    i
                    for i, n in shared.items()
                    if n >= least or n >= sizes[i] or loose or reports[i].bodies or reports[i].party_within
                )
                if any(fits_alone(i, account) for i in near):
                    keep.add(event_id)
                    break
        return {event_id: loaded[event_id] for event_id in sorted(keep)}

    def _remerge(self, stored: dict[int, EventState], new: list[Report]) -> tuple[list[EventState], list[int]]:
        """Merge the batch's reports together with every report of the stored events around them, afresh and in
        one fixed order (:func:`~.merge.merge_order`), so that the store's events depend on which articles it
        holds, not on the order or the batches they came in: a wrong early merge is undone when the report
        that tells the two happenings apart arrives, and an undated account that arrived before its dated
        event joins it. Returns the resulting events, each under the stored id whose reports it keeps most of
        (new ids for the rest), and the stored ids no event keeps.

        A neighbourhood larger than ``REMERGE_LIMIT`` reports keeps its events; the batch merges into them."""
        old_reports = [r for st in stored.values() for r in st.reports]
        if len(old_reports) > self.REMERGE_LIMIT:
            fresh = {id(r) for r in new}
            states = [
                st
                for st in self._merge_pool(sorted(new, key=merge_order), dict(stored))
                if any(id(r) in fresh for r in st.reports)
            ]
            for state in states:
                if state.new:
                    state.event_id = self._next_event
                    self._next_event += 1
            return states, []
        old_of = {(r.article_id, r.local_id): event_id for event_id, st in stored.items() for r in st.reports}
        reasons = {(r.article_id, r.local_id): r.merge_reason for r in old_reports}
        groups = self._merge_pool(sorted([*old_reports, *new], key=merge_order), {})
        overlaps = []
        for index, state in enumerate(groups):
            kept = Counter(old_of[k] for r in state.reports if (k := (r.article_id, r.local_id)) in old_of)
            overlaps += [(-n, event_id, index) for event_id, n in kept.items()]
        assigned: dict[int, int] = {}
        used: set[int] = set()
        for _, event_id, index in sorted(overlaps):
            if index not in assigned and event_id not in used:
                assigned[index] = event_id
                used.add(event_id)
        result = []
        for index, state in enumerate(groups):
            if index in assigned:
                state.event_id, state.new = assigned[index], False
                before = {(r.article_id, r.local_id) for r in stored[state.event_id].reports}
                if before == {(r.article_id, r.local_id) for r in state.reports}:
                    for r in state.reports:
                        r.merge_reason = reasons[(r.article_id, r.local_id)]
                    continue  # the same reports as before: nothing to write
            else:
                state.event_id, state.new = self._next_event, True
                self._next_event += 1
            result.append(state)
        return result, sorted(set(stored) - used)

    def _merge_pool(
        self,
        pool: list[Report],
        states: dict[int, EventState],
        bounds: dict[int, tuple[dt.date, frozenset[str]]] | None = None,
    ) -> list[EventState]:
        """Merge reports, in the given order, into ``states`` (stored events) or new events; the new events get
        provisional ids (negative: their order of creation, which breaks ties as an event id would).

        An article with no date at all is at least as late as the events its reports joined that *happened*
        on a known day. Whether an event happened is what all its sources say together (the latest report),
        not what the first of them said: a report read as past ("the G7 summit on 15 June" in a preview)
        must not date its article after an event the others still announce. So a pool merged afresh (no
        ``states``) learns the bounds from its merged events and is merged once more with every such
        article's bound known from the start (``bounds``: the day, and the reports it was learnt from, which
        are merged as before). Merging into stored events kept as they are (a neighbourhood over
        ``REMERGE_LIMIT``) learns a bound while merging instead."""
        fresh = not states
        if bounds:
            for report in pool:
                if (
                    report.article_id in bounds
                    and report.published is None
                    and report.anchor is None
                    and report.local_id not in bounds[report.article_id][1]
                ):
                    report.anchor, report.anchor_is_bound = bounds[report.article_id][0], True
                    prepare(report, self.rules)
        candidates = _CandidateIndex()
        for state in states.values():
            candidates.add(state)
        event_of: dict[tuple[int, str], int] = {}
        bound: dict[int, dt.date] = {}
        next_id = -1_000_000_000

        def candidates_for(report: Report, skip: int | None = None) -> list[EventState]:
            ids = candidates.near(report)
            lo, hi = report.reach_lo, report.reach_hi
            return [
                states[i]
                for i in sorted(ids)
                if i != skip
                and i in states
                and (
                    lo is None
                    or hi is None
                    or states[i].window_lo is None
                    or states[i].window_hi is None
                    or (states[i].window_lo <= hi and lo <= states[i].window_hi)
                )  # type: ignore[operator]
            ]

        for report in pool:
            article_id = report.article_id
            if not fresh and not report.anchored and article_id in bound:
                report.anchor, report.anchor_is_bound = bound[article_id], True
                prepare(report, self.rules)
            state = best_match(candidates_for(report), report, self.rules)
            if state is None:
                state = EventState(next_id, report.group, set(), None, None, None, new=True)
                next_id += 1
                states[state.event_id] = state
            state.reports.append(report)
            _refresh_state(state, self.rules)
            s = state.summary
            if (
                not fresh
                and report.published is None
                and report.anchor is None
                and s is not None
                and s.status == "happened"
                and s.date_hi is not None
                and s.precision == "day"
            ):
                bound[article_id] = max(bound.get(article_id, s.date_hi), s.date_hi)
            candidates.add(state)
            event_of[(article_id, report.local_id)] = state.event_id
        # a second look: an undated report that started an event of its own may fit an event that reports
        # merged after it built (an undated "Besuch in China" before the report that widened the visit's
        # window); the same rules decide, against the final events. Only undated reports: a dated one's
        # window is its own, and it must not join an undated report that stayed apart as ambiguous
        for report in pool:
            own = states[event_of[(report.article_id, report.local_id)]]
            if not own.new or len(own.reports) != 1 or report.date_lo is not None:
                continue
            first_reason = report.merge_reason
            state = best_match(candidates_for(report, skip=own.event_id), report, self.rules)
            if state is None:
                report.merge_reason = first_reason
                continue
            report.merge_reason += " (on a second look)"
            del states[own.event_id]
            state.reports.append(report)
            _refresh_state(state, self.rules)
            candidates.add(state)
            event_of[(report.article_id, report.local_id)] = state.event_id
        learned = _happened_bounds(states.values()) if fresh and not bounds else {}
        # merged again only when a bound gives an undated report a window (a dated one keeps its own)
        if any(
            r.date_lo is None and r.article_id in learned and r.local_id not in learned[r.article_id][1] for r in pool
        ):
            for report in pool:
                report.merge_reason = ""
            return self._merge_pool(pool, {}, learned)
        return sorted(states.values(), key=lambda st: st.event_id)

    def _move_sources(
        self, stored: dict[int, EventState], event_of: dict[tuple[int, str], int], gone: list[int]
    ) -> None:
        """Write where the re-merge put the stored reports (their event and reason), point their articles'
        quotes at the moved events, and drop the stored events that no longer have a report."""
        con = self.con
        moved = []
        quotes = {}
        for event_id, state in stored.items():
            for r in state.reports:
                new_id = event_of.get((r.article_id, r.local_id))
                if new_id is None:
                    continue  # its event kept the same reports
                moved.append((r.article_id, r.local_id, new_id, r.merge_reason or None, r.anchor))
                if new_id != event_id:
                    quotes.setdefault((r.article_id, event_id), new_id)
        if moved:
            con.execute(
                "CREATE OR REPLACE TEMP TABLE moved_sources (article_id BIGINT, local_id VARCHAR, "
                "event_id BIGINT, merge_reason VARCHAR, anchor_date DATE)"
            )
            _append(con, "moved_sources", ("article_id", "local_id", "event_id", "merge_reason", "anchor_date"), moved)
            con.execute(
                "UPDATE event_sources SET event_id = m.event_id, merge_reason = m.merge_reason, "
                "anchor_date = m.anchor_date "
                "FROM moved_sources m WHERE event_sources.article_id = m.article_id "
                "AND event_sources.local_id = m.local_id"
            )
            con.execute("DROP TABLE moved_sources")
        if quotes:
            con.execute("CREATE OR REPLACE TEMP TABLE moved_quotes (article_id BIGINT, old_id BIGINT, new_id BIGINT)")
            _append(con, "moved_quotes", ("article_id", "old_id", "new_id"), [(*k, v) for k, v in quotes.items()])
            con.execute(
                "UPDATE quotes SET event_id = m.new_id FROM moved_quotes m WHERE quotes.article_id = "
                "m.article_id AND quotes.event_id = m.old_id"
            )
            con.execute("DROP TABLE moved_quotes")
        if gone:
            for table in ("events", "event_participants", "conflicts"):
                con.execute(f"DELETE FROM {table} WHERE event_id IN (SELECT unnest($1))", [gone])
            con.execute("UPDATE quotes SET event_id = NULL WHERE event_id IN (SELECT unnest($1))", [gone])
            self._touched.events.update(gone)

    def _load_events(self, event_ids: list[int], new_kb: dict[int, str] | None = None) -> dict[int, EventState]:
        """Events with all their stored reports (sources); ``new_kb`` as in :meth:`_load_candidates`.

        A report of an article without publication date hangs on the article's inferred reference date again,
        as when it was first merged (the day it was last hung on may have been derived from its neighbours)."""
        states: dict[int, EventState] = {}
        if not event_ids:
            return states
        for event_id, group in self.con.execute(
            "SELECT event_id, merge_group FROM events WHERE event_id IN (SELECT unnest($1))", [event_ids]
        ).fetchall():
            states[event_id] = EventState(event_id, group, set(), None, None, None)
        for row in self.con.execute(
            "SELECT s.event_id, s.article_id, s.local_id, s.type, s.status, s.participants, s.place_entity_id,"
            " s.date_value, s.published, s.confidence, s.plover, s.cameo, s.merge_reason, a.article_key,"
            " a.reference_date, s.time_text, a.reference_source FROM event_sources s JOIN articles a USING (article_id)"
            " WHERE s.event_id IN (SELECT unnest($1)) ORDER BY s.article_id, s.local_id",
            [event_ids],
        ).fetchall():
            (
                event_id,
                article_id,
                local_id,
                etype,
                status,
                participants,
                place,
                date_value,
                published,
                conf,
                plover,
                cameo,
                reason,
                key,
                reference,
                time_text,
                reference_source,
            ) = row
            anchor = None if published else parse_published(reference)
            report = Report(
                article_id,
                local_id,
                etype,
                status,
                frozenset(participants or ()),
                place,
                date_value,
                published,
                conf if conf is not None else 0.5,
                plover,
                cameo,
                anchor=anchor,
                anchor_span=reference_span(published, reference),
                merge_reason=reason or "",
                article_key=key or "",
                year_uncertain=year_uncertain(published, reference_source, time_text, date_value),
            )
            prepare(report, self.rules)
            state = states.setdefault(event_id, EventState(event_id, report.group, set(), None, None, None))
            state.reports.append(report)
        self._place_facts([r for st in states.values() for r in st.reports], new_kb)
        for state in states.values():
            if state.reports:
                _refresh_state(state, self.rules)
        return states

    def _place_facts(
        self,
        reports: list[Report],
        new_kb: dict[int, str] | None = None,
        new_keys: dict[int, str] | None = None,
        article_entities: set[tuple[int, int]] | None = None,
    ) -> None:
        """Set what the merge needs to know about each report's place (the places containing it, whether
        the gazetteers know it and whether it is a region, its name key) and which of its participants
        are towns or venues; ``new_kb``/``new_keys``: the KB ids and name keys of entities this batch creates,
        ``article_entities``: (article id, global entity id) of the articles this batch adds (not yet stored)."""
        place_ids = {r.place for r in reports if r.place is not None}
        announced = frozenset(
            p for r in reports if r.date_value is None and r.status in FUTURE_STATUSES for p in r.participants
        )
        within, linked, regions, towns, aides, bodies = self._places_within(
            place_ids | {p for r in reports for p in r.participants}, new_kb, announced
        )
        keys = self._place_keys(place_ids, new_keys)
        for report in reports:
            report.place_within = within.get(report.place, frozenset()) if report.place is not None else frozenset()
            report.place_linked = report.place in linked
            report.place_region = report.place in regions
            report.place_town = report.place in towns
            report.place_key = keys.get(report.place, "") if report.place is not None else ""
            report.towns = frozenset(report.participants & towns)
            # the rest is empty for most reports (no aide, body or place among the parties): no new objects
            if aides:
                report.aides = frozenset(report.participants & aides)
            if bodies:
                report.bodies = frozenset(report.participants & bodies)
            if towns:  # a party inside another place is a town or venue
                report.party_within = {p: within[p] for p in report.participants & towns if within.get(p)}
        if towns:
            self._seat_venues(reports, within, new_kb or {}, article_entities or set())
        self._state_facts(reports, new_kb or {})

    def _state_holders(self, kbs: list[KnowledgeBase], offices: Callable[[str], list[Office]]) -> dict[str, set[str]]:
        """State KB id -> the KB ids of the people who ever held one of its principal offices (once per store:
        the KBs do not change while it is open)."""
        if self._holders is None:
            holders: dict[str, set[str]] = defaultdict(set)
            for kb in kbs:
                for entity in kb.by_id.values():
                    if entity.type == "PER":
                        for office in offices(entity.id):
                            holders[office.of].add(entity.id)  # type: ignore[index]
            self._holders = dict(holders)
        return self._holders

    def _state_facts(self, reports: list[Report], new_kb: dict[int, str]) -> None:
        """Set which participants of the reports of the ``state_party_groups`` are states, which states their
        linked people represent on the report's day (a principal office of the country, KB offices), and the
        ids to look candidate events up by (``merge.Report.kin``): an APA report that "Polen und die Türkei" held
        talks and a Reuters report that Erdogan met Tusk name the same sides (``merge._fold_states``)."""
        from ..kb import load_kb

        wanted = [r for r in reports if r.group in self.rules.state_party_groups and r.participants]
        if not wanted:
            return
        kb_of = self._kb_ids({p for r in wanted for p in r.participants}, new_kb)
        state_ids = {i for i, kb in kb_of.items() if kb.startswith(STATE_PREFIX)}
        people = {i: kb for i, kb in kb_of.items() if kb.startswith("kb:per:")}
        sided = [r for r in wanted if len(r.participants) >= 2 and r.participants <= state_ids]
        if not people and not sided:
            return
        kbs = [kb for kb in (self.kb, load_kb("starter")) if kb is not None]
        principal = self.rules.principal_offices

        def offices(kb_id: str) -> list[Office]:
            entity = next((kb.by_id[kb_id] for kb in kbs if kb_id in kb.by_id), None)
            if entity is None:
                return []
            return [o for o in entity.offices if o.office in principal and (o.of or "").startswith(STATE_PREFIX)]

        holders = self._state_holders(kbs, offices) if sided else {}
        state_kbs = {o.of for kb in people.values() for o in offices(kb)} | {
            kb_of[s] for r in sided for s in r.participants
        }
        person_kbs = {h for r in sided for s in r.participants for h in holders.get(kb_of[s], ())}
        global_of: dict[str, int] = {}
        for i, kb in new_kb.items():
            global_of.setdefault(kb, i)
        missing = sorted((state_kbs | person_kbs) - global_of.keys())
        if missing:
            global_of.update(
                self.con.execute(
                    "SELECT kb_id, min(entity_id) FROM entities WHERE kb_id IN (SELECT unnest($1)) GROUP BY kb_id",
                    [missing],
                ).fetchall()
            )
        for report in wanted:
            report.states = frozenset(report.participants & state_ids)
            day = report.date_lo or report.published or report.anchor
            represents = {}
            for p in report.participants:
                if p in people:
                    of = {o.of for o in offices(people[p]) if day is None or o.covers(day.isoformat())}
                    if ids := frozenset(global_of[k] for k in of if k in global_of):
                        represents[p] = ids
            report.represents = represents
            if report in sided:
                holders_of = {h for s in report.participants for h in holders.get(kb_of[s], ())}
                report.kin = frozenset(global_of[h] for h in holders_of if h in global_of)
            elif represents and not report.states:
                report.kin = frozenset().union(*represents.values())

    def _seat_venues(
        self,
        reports: list[Report],
        within: dict[int, frozenset[int]],
        new_kb: dict[int, str],
        article_entities: set[tuple[int, int]],
    ) -> None:
        """Seat a venue in the city its article names, where the gazetteer's seat is one the article never
        names: a venue name many capitals share (``Bundeskanzleramt``, ``Federal Chancellery``) is linked to
        the one the gazetteer lists (Berlin's), while an APA report of the chancellor receiving a guest "im
        Bundeskanzleramt" under the dateline "Wien" names Vienna and nothing of Berlin or Germany. Such a
        report's venue lies in the one city the article names outside the gazetteer's seat's country (none
        or several: left as the gazetteer has it), so that it confirms the reports "in Vienna" and "in
        Austria" instead of making the meeting a place conflict with them. Not where a party holds an office of
        the seat's country (the KB's offices): "Paris (AFP) – Merz empfing Macron im Kanzleramt" is Berlin's."""
        from ..pipeline.entities import place_parents

        placed = {r.place for r in reports if r.place is not None}
        venue_kb = {i: kb for i, kb in self._kb_ids(placed, new_kb).items() if kb.startswith(VENUE_PREFIX)}
        venue_reports = [r for r in reports if r.place in venue_kb]
        if not venue_reports:
            return
        articles = {r.article_id for r in venue_reports}
        named: dict[int, set[int]] = defaultdict(set)
        for article_id, entity_id in article_entities:
            if article_id in articles:
                named[article_id].add(entity_id)
        stored = [a for a in articles if a not in named]
        if stored:
            for article_id, entity_id in self.con.execute(
                "SELECT article_id, entity_id FROM article_entities WHERE article_id IN (SELECT unnest($1))"
                " AND type = 'LOC'",
                [stored],
            ).fetchall():
                named[article_id].add(entity_id)
        everything = {e for ids in named.values() for e in ids}
        kb_of = self._kb_ids(everything, new_kb)
        inner = self._places_within(everything, new_kb)[0]

        def chain(kb: str) -> tuple[str, ...]:
            return place_parents("en", kb) or place_parents("de", kb)

        offices = self._office_countries({p for r in venue_reports for p in r.participants}, new_kb)
        for report in venue_reports:
            seat = set(chain(venue_kb[report.place]))  # type: ignore[index]
            places = {p: kb_of[p] for p in named.get(report.article_id, set()) - {report.place} if p in kb_of}
            if seat & set(places.values()):
                continue  # the article names the gazetteer's city or country: its venue is that one
            if any(seat & offices.get(p, set()) for p in report.participants):
                continue  # a party holds an office of the seat's country (Merz in the Kanzleramt): it is that one
            cities = {
                p
                for p, kb in places.items()
                if not kb.startswith((VENUE_PREFIX, *REGION_PREFIXES, "kb:per:", "kb:org:"))
                and (outer := chain(kb))
                and not seat & set(outer)
            }
            if len(cities) == 1:
                city = next(iter(cities))
                report.place_within = frozenset({city}) | inner.get(city, frozenset())

    def _office_countries(self, people: set[int], new_kb: dict[int, str]) -> dict[int, set[str]]:
        """Global person id -> the countries (KB ids) whose offices the KB says the person ever held (the
        store's KB, else the starter KB the pipeline links with); a person the KB does not know holds none."""
        from ..kb import load_kb

        kbs = [kb for kb in (self.kb, load_kb("starter")) if kb is not None]
        found: dict[int, set[str]] = {}
        for person, kb_id in self._kb_ids(people, new_kb).items():
            entity = next((kb.by_id[kb_id] for kb in kbs if kb_id in kb.by_id), None)
            if entity is not None:
                found[person] = {o.of for o in entity.offices if o.of}
        return found

    def _kb_ids(self, ids: set[int], new_kb: dict[int, str]) -> dict[int, str]:
        """Global entity id -> KB id, for those of ``ids`` that have one (``new_kb``: this batch's)."""
        found = {i: new_kb[i] for i in ids if i in new_kb}
        missing = [i for i in ids if i not in found]
        if missing:
            found.update(
                self.con.execute(
                    "SELECT entity_id, kb_id FROM entities"
                    " WHERE kb_id IS NOT NULL AND entity_id IN (SELECT unnest($1))",
                    [missing],
                ).fetchall()
            )
        return found

    def _place_keys(self, place_ids: set[int], new_keys: dict[int, str] | None = None) -> dict[int, str]:
        """Global place id -> its name key (``new_keys``: the entities this batch creates)."""
        keys = {i: new_keys[i] for i in place_ids if new_keys and i in new_keys}
        missing = [i for i in place_ids if i not in keys]
        if missing:
            keys.update(
                self.con.execute(
                    "SELECT entity_id, name_key FROM entities WHERE entity_id IN (SELECT unnest($1))", [missing]
                ).fetchall()
            )
        return keys

    def _places_within(
        self, place_ids: set[int], new_kb: dict[int, str] | None = None, announced: frozenset[int] = frozenset()
    ) -> tuple[dict[int, frozenset[int]], set[int], set[int], set[int], set[int], set[int]]:
        """Global place id -> the global ids of the stored places containing it (venue ⊂ city ⊂ country);
        the ids among ``place_ids`` that have a KB id (only such places can be known to differ), those that
        are gazetteer regions (seas, islands, continents: their towns are not listed), those that are
        towns or venues (a place inside another), and the linked people among ``announced`` (the parties of
        undated announcements, the only reports whose aides the merge reads) who hold none of the rules'
        principal offices (aides: ``merge.Report.aides``), and the bodies the KB knows (``merge.Report.bodies``).

        Containment comes from the gazetteers by KB id (:func:`~newsgraph.pipeline.entities.place_parents`),
        so that a report ``im Élysée-Palast`` and one ``in Paris`` can be one event. ``new_kb``: KB ids
        of the entities this batch creates (not yet in the table).
        """
        if not place_ids:
            return {}, set(), set(), set(), set(), set()
        new_kb = new_kb or {}
        kb_of = self._kb_ids(place_ids, new_kb)
        # people and bodies are no places (and a batch without places needs no gazetteers loaded)
        place_kb = {i: kb for i, kb in kb_of.items() if kb and not kb.startswith(("kb:per:", "kb:org:"))}
        parents: dict[int, tuple[str, ...]] = {}
        if place_kb:
            from ..pipeline.entities import place_parents

            parents = {i: place_parents("en", kb) or place_parents("de", kb) for i, kb in place_kb.items()}
        wanted = sorted({kb for chain in parents.values() for kb in chain})
        linked = {i for i, kb in kb_of.items() if kb}
        regions = {i for i, kb in kb_of.items() if kb and kb.startswith(REGION_PREFIXES)}
        towns = {i for i, chain in parents.items() if chain}
        aides = self._aides({i: kb for i, kb in kb_of.items() if kb and kb.startswith("kb:per:") and i in announced})
        bodies = {i for i, kb in kb_of.items() if kb and kb.startswith("kb:org:")}
        if not wanted:
            return {}, linked, regions, towns, aides, bodies
        by_kb = {kb: i for i, kb in new_kb.items()}
        by_kb.update(
            self.con.execute(
                "SELECT kb_id, min(entity_id) FROM entities WHERE kb_id IN (SELECT unnest($1)) GROUP BY kb_id", [wanted]
            ).fetchall()
        )
        return (
            {i: frozenset(by_kb[kb] for kb in chain if kb in by_kb) for i, chain in parents.items()},
            linked,
            regions,
            towns,
            aides,
            bodies,
        )

    def _aides(self, people: dict[int, str]) -> set[int]:
        """The people (global id -> KB id) whom the KB knows and who never held a principal office
        (``merge_rules.toml``: an adviser, an envoy); the store's KB, else the starter KB the pipeline
        links with. A person the KB does not know is no aide: nothing says so."""
        if not people:
            return set()
        from ..kb import load_kb

        kbs = [kb for kb in (self.kb, load_kb("starter")) if kb is not None]
        principal = self.rules.principal_offices
        aides = set()
        for entity_id, kb_id in people.items():
            entity = next((kb.by_id[kb_id] for kb in kbs if kb_id in kb.by_id), None)
            # a Wikidata position (a KB built from a dump) is not read here: its holder may be a principal
            if entity is not None and not any(o.office in principal or o.position for o in entity.offices):
                aides.add(entity_id)
        return aides

    def _write_events(self, states: list[EventState], *, replace: bool) -> None:
        """(Re)write the merged rows of events: events, event_participants, conflicts."""
        if not states:
            return
        con = self.con
        self._touched.events.update(s.event_id for s in states)
        existing = [s.event_id for s in states if not s.new]
        if replace and existing:
            for table in ("events", "event_participants", "conflicts"):
                con.execute(f"DELETE FROM {table} WHERE event_id IN (SELECT unnest($1))", [existing])
        events, participants, conflicts = [], [], []
        for state in states:
            s = state.summary if state.summary is not None else summarise(state.reports, self.rules)
            events.append(
                (
                    state.event_id,
                    s.type,
                    s.group,
                    s.status,
                    s.date_value,
                    s.precision,
                    s.date_lo,
                    s.date_hi,
                    s.window_lo,
                    s.window_hi,
                    s.place,
                    sorted(s.participants),
                    s.first_reported,
                    s.last_reported,
                    s.n_sources,
                    len({c.field for c in s.conflicts}),
                    s.confidence,
                    s.plover,
                    s.cameo,
                )
            )
            participants += [(state.event_id, p) for p in sorted(s.participants)]
            conflicts += [(state.event_id, c.field, c.value, c.article_ids) for c in s.conflicts]
            state.new = False
        _append(
            con,
            "events",
            (
                "event_id",
                "type",
                "merge_group",
                "status",
                "date_value",
                "date_precision",
                "date_start",
                "date_end",
                "window_start",
                "window_end",
                "place_entity_id",
                "participant_ids",
                "first_reported",
                "last_reported",
                "n_sources",
                "n_conflicts",
                "confidence",
                "plover",
                "cameo",
            ),
            events,
        )
        _append(con, "event_participants", ("event_id", "entity_id"), participants)
        _append(con, "conflicts", ("event_id", "field", "value", "article_ids"), conflicts)


class _CandidateIndex:
    """The batch's events by (participant, merge group) and by stretch of days of their merge window, so that a
    report looks only at the events of its participants near its own window: a pair that met thousands of
    times costs each report the meetings of its days, not all of them (a scan of every event of a participant
    per report made a batch's merging quadratic in the pair's meetings)."""

    #: days per bucket; an event sits in every bucket its window touches, a window longer than ``LONG`` days
    #: (or none) in the participant's ``None`` bucket, which every report looks at
    DAYS = 32
    LONG = 800

    def __init__(self) -> None:
        self.every: dict[tuple[int, str], set[int]] = defaultdict(set)
        self.buckets: dict[tuple[int, str, int | None], set[int]] = defaultdict(set)

    def _span(self, lo: dt.date | None, hi: dt.date | None) -> range | None:
        if lo is None or hi is None or (hi - lo).days > self.LONG:
            return None
        return range(lo.toordinal() // self.DAYS, hi.toordinal() // self.DAYS + 1)

    def add(self, state: EventState) -> None:
        """Index the event under its current participants and window (an older entry is only a false hit,
        which the window check after the lookup drops)."""
        span = self._span(state.window_lo, state.window_hi)
        for p in state.participants:
            self.every[(p, state.group)].add(state.event_id)
            for bucket in span if span is not None else (None,):
                self.buckets[(p, state.group, bucket)].add(state.event_id)

    def near(self, report: Report) -> set[int]:
        """Ids of the events that share a participant with the report and may overlap its reach."""
        span = self._span(report.reach_lo, report.reach_hi)
        found: set[int] = set()
        for p in report.participants | report.kin:
            if span is None:  # no window, or a very long one: every event of the participant
                found |= self.every.get((p, report.group), set())
                continue
            for bucket in (None, *span):
                found |= self.buckets.get((p, report.group, bucket), set())
        return found


def _completeness(name: str) -> tuple[int, int, int]:
    """How complete a form of a name is: more words (``Olaf Scholz`` over ``Scholz``), then more letters
    outside ASCII (``Erdoğan`` over ``Erdogan``: the form with its diacritics), then length."""
    return len(name.split()), sum(1 for c in name if not c.isascii() and c.isalpha()), len(name)


def _refresh_state(state: EventState, rules: MergeRules) -> None:
    """Bring an event's matching view (participants, place, window) up to date with its reports."""
    s = summarise(state.reports, rules)
    state.summary = s
    state.group = s.group
    state.participants = set(s.participants)
    state.place = s.place
    state.place_within = s.place_within
    state.window_lo, state.window_hi = s.window_lo, s.window_hi
    state.date_lo, state.precision = s.date_lo, s.precision


def _happened_bounds(states: Iterable[EventState]) -> dict[int, tuple[dt.date, frozenset[str]]]:
    """Per article without any date: the last day of the merged events its reports joined that happened on
    a known day (the merged status: what the latest of their sources says), and the reports that joined
    that latest event. The article was written no earlier."""
    joined: dict[int, list[tuple[dt.date, str]]] = defaultdict(list)
    for state in states:
        s = state.summary
        if s is None or s.status != "happened" or s.precision != "day" or s.date_hi is None:
            continue
        for report in state.reports:
            if report.published is None and report.anchor is None:
                joined[report.article_id].append((s.date_hi, report.local_id))
    bounds = {}
    for article_id, days in joined.items():
        day = max(d for d, _ in days)
        bounds[article_id] = (day, frozenset(local for d, local in days if d == day))
    return bounds


def _chunks(items: Iterable[Record], size: int) -> Iterator[list[Record]]:
    chunk: list[Record] = []
    for item in items:
        chunk.append(item)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def read_records(path: str | Path) -> Iterator[Record]:
    """Records from a JSON Lines file of records (as ``newsgraph extract`` writes them)."""
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                yield Record.model_validate_json(line)


def ingest(records: Iterable[Record], db: str | Path, **kwargs: Any) -> IngestStats:
    """Store records in the store file ``db`` (created when missing); see :meth:`Store.ingest`."""
    with Store(db) as store:
        return store.ingest(records, **kwargs)
