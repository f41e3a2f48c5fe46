"""Extraction at scale: all the cores of this machine, or a Dask cluster, feeding one writer in order.

- :func:`extract_many` yields ``(article, record)`` or ``(article, failure)`` for every article, in
  input order, whichever worker finished first. ``workers=N`` runs N processes on this machine (the
  ``forkserver`` start method where there is one, else ``spawn``; the pipeline loaded once per process
  by the pool's initializer); ``workers=1`` runs in this process; ``cluster=ADDRESS`` runs on a Dask
  cluster (:mod:`.cluster`, the ``cluster`` extra).
- **Failures are values.** An article whose extraction raises, whose record's spans are off, whose
  language pipeline did not load, or that takes its worker down on every try comes back as a
  :class:`Failure`; the run goes on. Only a problem of the whole run (an unavailable mode) raises.
- **Exactly once.** A worker that dies (SIGKILL, out of memory) loses only its tasks: they are sent
  again (a process pool broken by the death is replaced), and each article is yielded once. A client
  that dies takes its workers with it (they watch their parent); rerunning ``newsgraph ingest``
  skips the articles the store already holds (:func:`skip_stored`), so nothing is lost or stored twice.

The CLI (``newsgraph extract`` and ``newsgraph ingest``, ``--workers`` and ``--cluster``) is a thin
loop over :func:`extract_many`; ``benchmarks/bench_scale.py`` measures it.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterable, Iterator
from typing import TYPE_CHECKING, Any

from .run import (
    DEFAULT_BATCH_SIZE,
    MIN_ARTICLES_PER_WORKER,
    RunStats,
    WorkerStats,
    default_workers,
    extract_many,
    plan_workers,
)
from .worker import Failure

if TYPE_CHECKING:
    from ..ingest import Article

#: articles looked up in the store per query by :func:`skip_stored`
LOOKUP_CHUNK = 1000


def stored_key(article: Article) -> tuple[str, str]:
    """``(article_key, content_hash)`` under which the store would hold this article's record.

    The same rule as :func:`newsgraph.store.db.article_key`: the URL when there is one, else the text's
    SHA-256 (a record's text is its article's text, character for character).
    """
    from ..store.db import content_hash

    text_hash = content_hash(article.text)
    return (f"url:{article.url}" if article.url else f"sha256:{text_hash}"), text_hash


def skip_stored(
    articles: Iterable[Article], store: Any, *, on_skip: Callable[[Article], None] | None = None
) -> Iterator[Article]:
    """The articles whose record ``store`` does not yet hold, in order; ``on_skip`` hears the others.

    An article is held when the store has its key with the same text hash: ingesting it again would
    only count it ``unchanged``, so it need not be extracted again. This is what makes a rerun after a
    killed client cheap: the committed batches are skipped, the rest is extracted and stored. An article
    under a known URL with a changed text is extracted again (the store replaces the old version).
    """
    iterator = iter(articles)
    while chunk := list(itertools.islice(iterator, LOOKUP_CHUNK)):
        keys = [stored_key(article) for article in chunk]
        rows = store.con.execute(
            "SELECT article_key, content_hash FROM articles WHERE article_key IN (SELECT unnest($1))",
            [sorted({key for key, _ in keys})],
        ).fetchall()
        held = {(key, text_hash) for key, text_hash in rows}
        for article, key in zip(chunk, keys, strict=True):
            if key in held:
                if on_skip is not None:
                    on_skip(article)
            else:
                yield article


__all__ = [
    "DEFAULT_BATCH_SIZE",
    "MIN_ARTICLES_PER_WORKER",
    "Failure",
    "RunStats",
    "WorkerStats",
    "default_workers",
    "extract_many",
    "plan_workers",
    "skip_stored",
    "stored_key",
]
