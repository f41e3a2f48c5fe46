"""The analysts' web interface: an HTTP API (FastAPI) over a store, and a page that reads it.

``newsgraph serve --db news.duckdb`` (see :mod:`.cli`) starts both on localhost; :func:`create_app`
builds the ASGI app for other servers and for tests. FastAPI and uvicorn come with the ``web`` extra
and are imported only when this package is used. See ``WEB.md`` beside this file.
"""

from __future__ import annotations

from typing import Any

__all__ = ["Settings", "create_app", "read_token"]


def __getattr__(name: str) -> Any:
    """Import the app lazily (PEP 562): mounting ``serve`` in the CLI must not load FastAPI."""
    if name in __all__:
        from . import app

        return getattr(app, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
