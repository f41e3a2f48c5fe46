"""newsgraph: news articles to a verifiable record of who met whom, and who said what.

Public API (stable):

- :func:`load` — the full spaCy pipeline for a language.
- :func:`extract` — one article's text to a :class:`~newsgraph.record.Record`.
"""

from __future__ import annotations

from .api import extract, load, pipeline_for
from .record import Record

__version__ = "0.1.0"

__all__ = ["Record", "__version__", "extract", "load", "pipeline_for"]
