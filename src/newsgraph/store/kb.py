"""The knowledge base, as the corpus store uses it: a re-export of :mod:`newsgraph.kb`.

The KB core moved to :mod:`newsgraph.kb` so that the per-article pipeline can link entities and
resolve offices without the ``store`` extra (DuckDB); the starter KB now ships as
``newsgraph/resources/kb/starter.toml``. Import from either place.
"""

from __future__ import annotations

from ..kb import (
    KB_FORMAT,
    STARTER_KB,
    WIKIDATA_TYPES,
    KBEntity,
    KnowledgeBase,
    Office,
    build_from_wikidata,
    iter_wikidata,
    read_kb,
    wikidata_entity,
    write_kb,
)

__all__ = [
    "KB_FORMAT",
    "STARTER_KB",
    "WIKIDATA_TYPES",
    "KBEntity",
    "KnowledgeBase",
    "Office",
    "build_from_wikidata",
    "iter_wikidata",
    "read_kb",
    "wikidata_entity",
    "write_kb",
]
