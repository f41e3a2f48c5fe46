"""The worker side of parallel extraction: what runs inside each worker process or Dask worker.

Everything here is importable without spaCy, so that a worker process that only unpickles a task
pays for spaCy once, in :func:`init_worker` (or on its first article), and never again: the pipeline
lives in :func:`newsgraph.api.pipeline_for`'s per-process cache for the life of the process.

Failures come back as :class:`Failure` values, one per article, never as exceptions: one bad article
must not take its batch (or the run) down with it.
"""

from __future__ import annotations

import multiprocessing
import os
import resource
import signal
import sys
import threading
import time
from dataclasses import dataclass, field
from multiprocessing.connection import wait
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    from ..ingest import Article
    from ..record import Record

#: what kind of problem left an article without a record
FailureKind = Literal["extraction", "spans", "pipeline", "worker", "setup"]

#: ``(language, mode)`` -> ``None`` once its pipeline is loaded, else why it could not be
Loaded = dict[tuple[str, str], "str | None"]


@dataclass(frozen=True)
class Failure:
    """One article that has no record, and why.

    ``kind``: ``extraction`` (the pipeline raised), ``spans`` (the record's offsets do not reproduce its
    text, so it is not written), ``pipeline`` (the article's language pipeline could not be loaded),
    ``worker`` (the worker process died while it held the article, on every try), ``setup`` (a problem
    of the whole run, such as an unavailable mode: the runner raises it instead of yielding it).
    ``str(failure)`` is the one line the CLI prints: ``<where>: <message>``.
    """

    where: str
    kind: FailureKind
    message: str

    def __str__(self) -> str:
        return f"{self.where}: {self.message}"


@dataclass
class BatchResult:
    """What a worker sends back for one task: the outcomes in the batch's order, and about itself."""

    outcomes: list[Record | Failure]
    pid: int
    #: seconds this batch took inside the worker (wall clock), and the CPU seconds it used
    seconds: float
    cpu_seconds: float
    #: seconds the worker spent starting (imports and pipeline loading), measured once per process
    startup_seconds: float
    #: the worker process's peak resident memory so far, in bytes
    peak_rss: int
    #: languages whose pipeline this process has loaded
    loaded: list[str] = field(default_factory=list)


class _State:
    """Per-process facts: when the worker started, how long its start-up took, what it loaded."""

    startup_seconds = 0.0
    loaded: Loaded = {}  # noqa: RUF012
    lock = threading.Lock()  # one article at a time per process, even on a multi-threaded Dask worker


def peak_rss() -> int:
    """Peak resident set size of this process in bytes (``ru_maxrss`` is KiB on Linux, bytes on macOS)."""
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return int(peak if sys.platform == "darwin" else peak * 1024)


def exit_with_parent() -> None:
    """End this process when the process that started it dies (a client killed with SIGKILL).

    ``multiprocessing`` hands a spawned or forkserver child a sentinel that becomes ready when the
    parent is gone; without this watch an orphaned worker would finish its queue and keep its memory.
    """
    parent = multiprocessing.parent_process()
    if parent is None or parent.sentinel is None:
        return
    sentinel = parent.sentinel

    def watch() -> None:
        wait([sentinel])
        os._exit(1)

    threading.Thread(target=watch, name="newsgraph-parent-watch", daemon=True).start()


def load_pipelines(languages: list[str] | tuple[str, ...], mode: str, loaded: Loaded | None = None) -> None:
    """Load each language's pipeline into this process's cache; remember a failure instead of raising.

    ``loaded`` is the process's own table by default; the in-process runner passes a table of its own
    so that each run looks again (a pipeline that failed in one run may load in the next).
    """
    from ..api import NewsgraphError, pipeline_for

    table = _State.loaded if loaded is None else loaded
    for lang in languages:
        if (lang, mode) in table:
            continue
        try:
            pipeline_for(lang, mode)
        except NewsgraphError as error:  # the whole run's problem (unknown mode, missing extra)
            table[(lang, mode)] = f"setup:{error}"
        except Exception as error:  # a broken layer for one language must not stop the others
            table[(lang, mode)] = f"the {lang} pipeline could not be loaded ({type(error).__name__}: {error})"
        else:
            table[(lang, mode)] = None


def init_worker(languages: list[str] | tuple[str, ...], mode: str, watch_parent: bool = True) -> None:
    """Process-pool initializer: load the pipelines once, before the first task arrives."""
    started = time.perf_counter()
    # Ctrl-C reaches the whole process group: the client handles it (and shuts the pool down); a worker
    # that died of it would only break the pool and print a traceback of its own
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if watch_parent:
        exit_with_parent()
    load_pipelines(languages, mode)
    _State.startup_seconds = time.perf_counter() - started


def extract_article(article: Article, mode: str, loaded: Loaded | None = None) -> Record | Failure:
    """The record of one article, or the :class:`Failure` that says why there is none."""

    table = _State.loaded if loaded is None else loaded
    key = (article.language, mode)
    if key not in table:
        started = time.perf_counter()
        load_pipelines([article.language], mode, table)
        if loaded is None:
            _State.startup_seconds += time.perf_counter() - started
    problem = table[key]
    if problem is not None:
        if problem.startswith("setup:"):
            return Failure(article.where, "setup", problem.removeprefix("setup:"))
        return Failure(article.where, "pipeline", f"not processed: {problem}")
    try:
        record = record_of(article, mode)
    except Exception as error:  # one article's failure must not end the run
        return Failure(article.where, "extraction", f"extraction failed: {type(error).__name__}: {error}")
    problems = record.span_errors()
    if problems:
        return Failure(article.where, "spans", f"record not written, {len(problems)} span(s) off: {problems[0]}")
    return record


def record_of(article: Article, mode: str) -> Record:
    """:func:`newsgraph.extract` over an article as the readers give it (the one place that maps its
    fields onto the API's arguments, for the in-process loop of the CLI and for the workers)."""
    from ..api import extract

    return extract(
        article.text,
        lang=article.language,
        published=article.published,
        title=article.title,
        url=article.url,
        source=article.source,
        id=article.id,
        mode=mode,
    )


def extract_batch(articles: list[Article], mode: str) -> BatchResult:
    """Extract a batch of articles in this process (a pool task, or a Dask task)."""
    with _State.lock:
        started, cpu = time.perf_counter(), time.process_time()
        outcomes = [extract_article(article, mode) for article in articles]
        seconds, cpu = time.perf_counter() - started, time.process_time() - cpu
    return BatchResult(
        outcomes=outcomes,
        pid=os.getpid(),
        seconds=seconds,
        cpu_seconds=cpu,
        startup_seconds=_State.startup_seconds,
        peak_rss=peak_rss(),
        loaded=sorted({lang for (lang, _), problem in _State.loaded.items() if problem is None}),
    )
