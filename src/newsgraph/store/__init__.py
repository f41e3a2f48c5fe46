"""The corpus store: many records in one DuckDB file, with cross-article entities and events.

One article is one outlet's version; the store gathers the story across articles:

- **ingest** (:func:`ingest`, :meth:`Store.ingest`): records in, batch by batch, each batch one
  transaction. Idempotent (an article is identified by its URL, else its text hash; a changed text
  under the same URL replaces the old version and its contributions), resumable after a crash or
  SIGKILL (committed batches stay, the rest is redone; nothing is stored twice).
- **cross-article identity**: entities merge by knowledge-base id, else by type and transliteration
  key of their canonical name (:mod:`.names`: ``Sergei Lawrow`` = ``Sergey Lavrov``); events merge
  when they are the same happening (:mod:`.merge` and ``merge_rules.toml``: same merge group,
  overlapping participants, compatible place, date windows that overlap given each date's precision).
  An announcement and the later report become one event whose status follows the latest report;
  every source's account is kept (``event_sources``) and disagreements are rows of ``conflicts``.
- **queries** (:mod:`.queries`): :func:`timeline`, :func:`network`, :func:`search_quotes` (SQLite
  FTS5 beside the DuckDB file, see :mod:`.fts`), :func:`events`, :func:`event_detail`.
- **exports** (:mod:`.exports`): JSON Lines records, Parquet/CSV tables, PLOVER-style events,
  GraphML/GEXF networks.
- **knowledge base** (:mod:`.kb`): KB file format, the shipped starter KB, office holders by date,
  a streaming Wikidata-dump builder; ``Store(path, kb=...)`` links entities to KB ids on ingest.
- **CLI** (:mod:`.cli`): ``ingest``, ``timeline``, ``network``, ``quotes``, ``events``, ``export``,
  ``kb build``.

The schema is ``schema.sql`` beside this file and is described table by table in ``STORE.md``.
DuckDB (the ``store`` extra) is imported only when this package is used, so the core needs nothing.

Example::

    from newsgraph.store import Store, read_records, timeline
    with Store("news.duckdb") as store:
        store.ingest(read_records("records.jsonl"))
        for event in timeline(store, "Lavrov")["events"]:
            print(event["day"], event["type"], event["participants"])
"""

from __future__ import annotations

from importlib import import_module
from typing import Any

#: public name -> submodule; imported on first use (PEP 562) so that mounting the CLI is cheap
_LAZY = {
    "IngestStats": "db",
    "Store": "db",
    "ingest": "db",
    "read_records": "db",
    "export_plover": "exports",
    "export_records": "exports",
    "export_tables": "exports",
    "write_gexf": "exports",
    "write_graphml": "exports",
    "KnowledgeBase": "kb",
    "event_detail": "queries",
    "events": "queries",
    "find_entities": "queries",
    "network": "queries",
    "search_quotes": "queries",
    "summary": "queries",
    "timeline": "queries",
}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        return getattr(import_module(f".{_LAZY[name]}", __name__), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = [
    "IngestStats",
    "KnowledgeBase",
    "Store",
    "event_detail",
    "events",
    "export_plover",
    "export_records",
    "export_tables",
    "find_entities",
    "ingest",
    "network",
    "read_records",
    "search_quotes",
    "summary",
    "timeline",
    "write_gexf",
    "write_graphml",
]
