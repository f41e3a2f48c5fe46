"""Extraction for the web server: a small pool of worker processes, a bounded queue and a time budget.

Why processes and not the server's threads: the pipeline is CPU-bound Python, so threads would take
turns on the GIL (one slow article would still hold everyone), and a thread cannot be stopped. A worker
process runs one article at a time; when an article overruns its time budget the worker is killed
and replaced, so a pathological text costs at most the budget and never holds the other workers.
Admission is bounded (``workers + queue`` requests at once): a request beyond that is refused at once
(:class:`PoolFull`, answered 503 with ``Retry-After``) instead of piling up threads and memory.

Workers are started with ``spawn`` (a forked child of a threaded server holding a DuckDB connection
is not safe), load the pipelines once (both languages and the language detector, ~400 MB, several
seconds), and are started lazily by the first extraction unless :meth:`ExtractPool.start` is called.
The time budget counts from the moment a ready worker receives the article, so neither the start-up
nor the wait for a free worker counts against it.
"""

from __future__ import annotations

import contextlib
import logging
import multiprocessing
import queue
import threading
import time
from typing import Any

log = logging.getLogger("newsgraph.web")

#: how long a fresh worker may take to load the pipelines before extraction is reported unavailable
START_TIMEOUT = 300.0


class ExtractError(Exception):
    """Extraction did not produce a record; ``status`` is the HTTP status to answer with."""

    status = 503
    retry_after: int | None = None


class BadInput(ExtractError):
    """The pipeline refused the article (``NewsgraphError``): the client's input, 400."""

    status = 400


class PoolFull(ExtractError):
    """Every worker is busy and the queue is full: try again shortly (503 with ``Retry-After``)."""

    retry_after = 5


class OverBudget(ExtractError):
    """The article took longer than the time budget; its worker was replaced."""


class WorkerFailed(ExtractError):
    """The worker stopped (killed, out of memory) or could not start."""


class PipelineError(ExtractError):
    """The pipeline raised an unexpected exception: a bug, answered as a generic 500 and logged."""

    status = 500


def _warm_up() -> None:
    """Load what an extraction needs so that the first article's budget is spent on the article."""
    import newsgraph
    from newsgraph.ingest.language import detect_language

    newsgraph.extract("Olaf Scholz traf am Montag in Paris Emmanuel Macron.", lang="de")
    newsgraph.extract("Olaf Scholz met Emmanuel Macron in Paris on Monday.", lang="en")
    detect_language("Olaf Scholz traf am Montag in Paris Emmanuel Macron.")


def _worker_main(conn: Any) -> None:
    """A worker process: warm up, say ready, then answer one article per message until ``None``."""
    import traceback

    try:
        _warm_up()
    except Exception:  # a broken installation: tell the server instead of dying silently
        conn.send(("error", "the extraction worker could not load the pipeline:\n" + traceback.format_exc()))
        return
    conn.send(("ready", ""))
    import newsgraph
    from newsgraph.api import NewsgraphError

    while True:
        try:
            job = conn.recv()
        except EOFError:
            return
        if job is None:
            return
        try:
            record = newsgraph.extract(**job)
        except NewsgraphError as err:
            conn.send(("bad", str(err)))
        except Exception:  # a bug in the pipeline: the server logs it and answers a generic error
            conn.send(("error", traceback.format_exc()))
        else:
            conn.send(("ok", record.model_dump_json()))


class _Worker:
    """One worker process and the server's end of its pipe."""

    def __init__(self, ctx: Any) -> None:
        self.ctx = ctx
        self.process: Any = None
        self.conn: Any = None
        self.ready = False

    def start(self) -> None:
        parent, child = self.ctx.Pipe()
        self.process = self.ctx.Process(target=_worker_main, args=(child,), name="newsgraph-extract", daemon=True)
        self.process.start()
        child.close()
        self.conn = parent
        self.ready = False

    def wait_ready(self, timeout: float) -> None:
        if self.ready:
            return
        if self.process is None:
            self.start()
        if not self.conn.poll(timeout):
            self.stop()
            raise WorkerFailed(f"the extraction worker did not start within {timeout:.0f} s")
        try:
            kind, detail = self.conn.recv()
        except (EOFError, OSError) as err:
            self.stop()
            raise WorkerFailed("the extraction worker stopped while loading the pipeline") from err
        if kind != "ready":
            log.error("%s", detail)
            self.stop()
            raise WorkerFailed("the extraction worker could not load the pipeline (see the server log)")
        self.ready = True

    def run(self, job: dict[str, Any], budget: float) -> str:
        """The record JSON of one article; kills this worker (to be restarted) when it overruns ``budget``."""
        self.conn.send(job)
        if not self.conn.poll(budget):
            self.stop()
            raise OverBudget(f"extraction took longer than its time budget of {budget:g} s and was stopped "
                             "(split the text, or start the server with a larger --extract-timeout)")
        try:
            kind, detail = self.conn.recv()
        except (EOFError, OSError) as err:
            code = self.process.exitcode if self.process is not None else None
            self.stop()
            raise WorkerFailed(f"the extraction worker stopped (exit code {code}; out of memory?)") from err
        if kind == "ok":
            return str(detail)
        if kind == "bad":
            raise BadInput(detail)
        log.error("extraction failed in the worker:\n%s", detail)
        raise PipelineError("internal server error")

    def stop(self) -> None:
        """End the process now (it may be in the middle of an article) and forget it."""
        process, conn = self.process, self.conn
        self.process = self.conn = None
        self.ready = False
        if process is not None and process.is_alive():
            process.kill()
        if process is not None:
            process.join(timeout=10)
        if conn is not None:
            conn.close()

    def close(self) -> None:
        """Ask the process to finish, then make sure it has."""
        if self.conn is not None:
            with contextlib.suppress(OSError, ValueError):
                self.conn.send(None)
        if self.process is not None:
            self.process.join(timeout=5)
        self.stop()


class ExtractPool:
    """``workers`` extraction processes; at most ``workers + queue`` requests admitted at once.

    :meth:`extract` is blocking (call it from a worker thread of the server, never the event loop).
    """

    def __init__(self, workers: int = 2, queue_size: int = 8, budget: float = 60.0) -> None:
        if workers < 1:
            raise ValueError("an extraction pool needs at least one worker")
        self.workers = workers
        self.budget = budget
        self._ctx = multiprocessing.get_context("spawn")
        self._all = [_Worker(self._ctx) for _ in range(workers)]
        self._idle: queue.Queue[_Worker] = queue.Queue()
        for worker in self._all:
            self._idle.put(worker)
        self._admission = threading.BoundedSemaphore(workers + queue_size)
        self._closed = False

    def start(self) -> None:
        """Start every worker now (``newsgraph serve`` with writing enabled), without waiting for them."""
        for worker in self._all:
            if worker.process is None:
                worker.start()

    def extract(self, job: dict[str, Any]) -> str:
        """The record (JSON) of one article: ``job`` holds :func:`newsgraph.extract`'s keyword arguments."""
        if self._closed:
            raise WorkerFailed("the server is shutting down")
        if not self._admission.acquire(blocking=False):
            raise PoolFull(f"all {self.workers} extraction workers are busy and the queue is full: retry shortly")
        try:
            worker = self._idle.get()
            try:
                worker.wait_ready(START_TIMEOUT)
                started = time.monotonic()
                result = worker.run(job, self.budget)
                log.debug("extracted %d characters in %.2f s", len(job.get("text", "")), time.monotonic() - started)
                return result
            finally:
                if worker.process is None and not self._closed:
                    worker.start()  # a replacement loads the pipeline while nobody waits for it
                self._idle.put(worker)
        finally:
            self._admission.release()

    def close(self) -> None:
        self._closed = True
        for worker in self._all:
            worker.close()
