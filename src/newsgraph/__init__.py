"""newsgraph: news articles to a verifiable record of who met whom, and who said what.

Public API (stable):

- :func:`load` — the full spaCy pipeline for a language.
- :func:`extract` — one article's text to a :class:`~newsgraph.record.Record`.
- :class:`NewsgraphError` — what every bad input to them raises (a message that says what to fix).

The names are imported lazily (PEP 562) so that ``import newsgraph`` and the command line start fast;
spaCy is loaded only when a pipeline is.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

__all__ = ["NewsgraphError", "Record", "__version__", "extract", "load", "pipeline_for"]

if TYPE_CHECKING:  # pragma: no cover
    from .api import NewsgraphError, extract, load, pipeline_for
    from .record import Record


def __getattr__(name: str) -> Any:
    if name in {"NewsgraphError", "extract", "load", "pipeline_for"}:
        from . import api

        return getattr(api, name)
    if name == "Record":
        from .record import Record

        return Record
    raise AttributeError(f"module 'newsgraph' has no attribute {name!r}")
