"""Readers that turn input files (text, HTML, JSON Lines, folders, stdin) into articles.

``read_inputs(paths)`` yields :class:`Article` and :class:`IngestError` items in input order; the CLI
and the store consume the same stream. Importing this package is cheap (trafilatura, which is slow to
import, loads only when an HTML input turns up).
"""

from __future__ import annotations

from .article import PLACEHOLDER_DATES, Article, IngestError, ProblemKind, is_placeholder_date, text_id
from .language import SUPPORTED_LANGUAGES, detect_language
from .readers import (
    EXTENSIONS,
    JSONL_FIELDS,
    STDIN,
    IngestOptions,
    InputFormat,
    Item,
    iso_date,
    read_inputs,
    read_text,
)

__all__ = [
    "EXTENSIONS",
    "JSONL_FIELDS",
    "PLACEHOLDER_DATES",
    "STDIN",
    "SUPPORTED_LANGUAGES",
    "Article",
    "IngestError",
    "IngestOptions",
    "InputFormat",
    "Item",
    "ProblemKind",
    "detect_language",
    "is_placeholder_date",
    "iso_date",
    "read_inputs",
    "read_text",
    "text_id",
]
