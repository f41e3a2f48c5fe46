"""The client side of parallel extraction: hand out batches, take results back, give them out in order.

One scheduling loop (:func:`_ordered`) serves two backends: a process pool on this machine
(:class:`PoolBackend`) and a Dask cluster (:class:`newsgraph.scale.cluster.DaskBackend`). The loop
keeps a bounded window of batches in flight, files each result into its batch's slots as it arrives
(in whatever order the workers finish) and yields the articles strictly in input order, each exactly
once. A batch lost with a worker is sent again; lost twice, it runs alone, so that a death can only
be its own; a batch that dies alone is split into single articles, and an article that takes a worker
down even alone becomes a :class:`Failure` instead of stopping the run.
"""

from __future__ import annotations

import heapq
import itertools
import multiprocessing
import os
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Protocol

from .worker import BatchResult, Failure, extract_article, extract_batch, init_worker, peak_rss

if TYPE_CHECKING:
    from ..ingest import Article
    from ..record import Record

#: articles per task: large enough that pickling and scheduling are noise next to extraction (about
#: 0.1 s per article), small enough that the results come back in order without a long wait
DEFAULT_BATCH_SIZE = 4

#: fewer articles than this per worker are extracted in this process: starting a worker (imports and
#: pipeline, about 3 s, see benchmarks/bench_scale.py) costs as much as extracting some 30 articles
MIN_ARTICLES_PER_WORKER = 16

#: a task lost with its worker is sent again; one lost this many times is suspect and runs alone (once
#: is bad luck: a worker killed from outside takes every task in flight with it). A task lost while
#: it ran alone is guilty: a batch is split into single articles, each run alone; a single article
#: becomes a Failure.
SUSPECT = 2

#: pools in a row that die before answering a single task: the workers cannot start at all
BARREN_POOLS = 3

Outcome = tuple["Article", "Record | Failure"]

#: what a worker runs on one batch: ``task(articles, mode) -> BatchResult`` (importable by the workers)
Task = Callable[[list["Article"], str], BatchResult]


def default_workers() -> int:
    """All the cores this process may use (the CPU affinity mask where the platform has one)."""
    if hasattr(os, "sched_getaffinity"):
        return max(1, len(os.sched_getaffinity(0)))
    return max(1, os.cpu_count() or 1)


def plan_workers(workers: int | None, articles: int, min_per_worker: int = MIN_ARTICLES_PER_WORKER) -> int:
    """How many worker processes a run of ``articles`` articles uses: ``workers`` (all cores when
    ``None`` or below 1), but no more than one per ``min_per_worker`` articles; 1 means this process."""
    wanted = default_workers() if workers is None or workers < 1 else workers
    return max(1, min(wanted, articles // max(1, min_per_worker)))


@dataclass
class WorkerStats:
    """One worker process as its results describe it."""

    pid: int
    articles: int = 0
    busy_seconds: float = 0.0
    cpu_seconds: float = 0.0
    startup_seconds: float = 0.0
    peak_rss: int = 0


@dataclass
class RunStats:
    """What a run did: where it ran, how many articles, what was retried, and each worker's figures."""

    backend: str = "in-process"
    workers: int = 1
    articles: int = 0
    failed: int = 0
    #: tasks sent again after their worker died
    retried: int = 0
    #: process pools started again after a worker died
    restarts: int = 0
    per_worker: dict[int, WorkerStats] = field(default_factory=dict)

    def note(self, result: BatchResult) -> None:
        """Count one batch result into its worker's figures."""
        worker = self.per_worker.setdefault(result.pid, WorkerStats(result.pid))
        worker.articles += len(result.outcomes)
        worker.busy_seconds += result.seconds
        worker.cpu_seconds += result.cpu_seconds
        worker.startup_seconds = max(worker.startup_seconds, result.startup_seconds)
        worker.peak_rss = max(worker.peak_rss, result.peak_rss)


class _Lost:
    """A task whose worker died before it answered."""

    def __init__(self, reason: str) -> None:
        self.reason = reason


class Backend(Protocol):
    """Where tasks run: submit a batch, wait for some futures, read a future's result."""

    workers: int

    def submit(self, articles: list[Article]) -> Any: ...

    def wait(self, futures: Sequence[Any]) -> Iterable[Any]: ...

    def result(self, future: Any) -> BatchResult | _Lost | BaseException: ...

    def close(self) -> None: ...


def mp_context() -> multiprocessing.context.BaseContext:
    """``forkserver`` where the platform has it (a clean, thread-free parent for each worker, and the
    imports done once in the server), else ``spawn``. Never ``fork``: the client may hold threads
    (DuckDB, the progress bar) that a forked child would inherit in an undefined state."""
    if "forkserver" in multiprocessing.get_all_start_methods():
        context = multiprocessing.get_context("forkserver")
        context.set_forkserver_preload(["newsgraph.api"])
        return context
    return multiprocessing.get_context("spawn")


class PoolBackend:
    """``workers`` processes on this machine; a pool broken by a dead worker is replaced by a new one."""

    def __init__(self, workers: int, mode: str, languages: Sequence[str], task: Task = extract_batch) -> None:
        self.workers = workers
        self.mode = mode
        self.task = task
        self.languages = tuple(languages)
        self.context = mp_context()
        self.restarts = 0
        self._executor: ProcessPoolExecutor | None = None
        self._generation = 0
        self._born: dict[Future[BatchResult], int] = {}
        self._answered = False  # whether the current pool has answered a task
        self._barren = 0  # pools in a row that died without answering

    def _pool(self) -> ProcessPoolExecutor:
        if self._executor is None:
            self._executor = ProcessPoolExecutor(
                max_workers=self.workers,
                mp_context=self.context,
                initializer=init_worker,
                initargs=(self.languages, self.mode),
            )
            self._generation += 1
        return self._executor

    def submit(self, articles: list[Article]) -> Future[BatchResult]:
        try:
            future = self._pool().submit(self.task, articles, self.mode)
        except BrokenProcessPool:  # a worker died and the pool noticed before any of our futures did
            self._restart()
            future = self._pool().submit(self.task, articles, self.mode)
        self._born[future] = self._generation
        return future

    def _restart(self) -> None:
        """Drop the broken pool (its tasks fail with ``BrokenProcessPool``); the next submit starts another.

        Pools that keep dying before their first answer mean workers that cannot start (a broken
        installation, no memory for even one pipeline): that ends the run instead of retrying forever.
        """
        if self._executor is None:
            return
        self._executor.shutdown(wait=True, cancel_futures=True)
        self._executor = None
        self.restarts += 1
        self._barren = 0 if self._answered else self._barren + 1
        self._answered = False
        if self._barren >= BARREN_POOLS:
            from ..api import NewsgraphError

            raise NewsgraphError(f"{self._barren} worker pools in a row died before extracting anything; "
                                 "try --workers 1 to see why")

    def wait(self, futures: Sequence[Future[BatchResult]]) -> Iterable[Future[BatchResult]]:
        return wait(futures, return_when=FIRST_COMPLETED).done

    def result(self, future: Future[BatchResult]) -> BatchResult | _Lost | BaseException:
        generation = self._born.pop(future, self._generation)
        try:
            result = future.result()
        except BrokenProcessPool as error:
            if generation == self._generation:  # every task of this pool is lost with it
                self._restart()
            return _Lost(f"a worker process died ({error})")
        except Exception as error:  # e.g. an article that cannot be pickled: the batch fails, the run goes on
            return error
        self._answered = True
        return result

    def close(self) -> None:
        if self._executor is not None:
            self._executor.shutdown(wait=True, cancel_futures=True)
            self._executor = None


@dataclass(order=True)
class _Task:
    batch: int
    offset: int
    articles: list[Article] = field(compare=False)
    tries: int = field(default=0, compare=False)


def _chunks(items: Iterable[Article], size: int) -> Iterator[list[Article]]:
    iterator = iter(items)
    while chunk := list(itertools.islice(iterator, size)):
        yield chunk


def _ordered(
    backend: Backend,
    articles: Iterable[Article],
    *,
    batch_size: int,
    on_progress: Callable[[int], None],
    stats: RunStats,
) -> Iterator[Outcome]:
    """Run every batch on ``backend`` and yield ``(article, outcome)`` in input order, each once."""
    batches = enumerate(_chunks(articles, batch_size))
    # tasks submitted and not answered: enough to keep every worker busy while the client is away
    # (a store commit of --batch-size records takes a second or two)
    in_flight = 4 * backend.workers
    window = 8 * backend.workers  # batches read and not yet yielded: bounds the client's memory
    members: dict[int, list[Article]] = {}
    slots: dict[int, list[Record | Failure | None]] = {}
    missing: dict[int, int] = {}
    retries: list[_Task] = []  # a heap: the earliest batch first, so the head of the line is not starved
    pending: dict[Any, _Task] = {}
    alone: Any = None  # the future of a suspect task that runs with nothing beside it
    next_in = next_out = 0
    exhausted = False

    def settle(task: _Task, outcomes: Sequence[Record | Failure]) -> None:
        slots[task.batch][task.offset : task.offset + len(outcomes)] = outcomes
        missing[task.batch] -= len(outcomes)
        on_progress(len(outcomes))

    try:
        while True:
            while len(pending) < in_flight and alone is None:
                if retries and retries[0].tries >= SUSPECT:  # runs alone, so that a death is its own
                    if pending:
                        break
                    task = heapq.heappop(retries)
                    alone = backend.submit(task.articles)
                    pending[alone] = task
                    break
                if retries:
                    task = heapq.heappop(retries)
                elif not exhausted and next_in - next_out < window:
                    item = next(batches, None)
                    if item is None:
                        exhausted = True
                        continue
                    next_in, batch = item[0] + 1, item[1]
                    members[item[0]], slots[item[0]], missing[item[0]] = batch, [None] * len(batch), len(batch)
                    task = _Task(item[0], 0, batch)
                else:
                    break
                pending[backend.submit(task.articles)] = task
            if not pending:
                break
            for future in backend.wait(list(pending)):
                task = pending.pop(future)
                ran_alone, alone = future is alone, None if future is alone else alone
                result = backend.result(future)
                if isinstance(result, BatchResult):
                    stats.note(result)
                    settle(task, result.outcomes)
                elif isinstance(result, _Lost):
                    stats.retried += 1
                    task.tries += 1
                    if not ran_alone:
                        heapq.heappush(retries, task)
                    elif len(task.articles) > 1:
                        for i, article in enumerate(task.articles):
                            heapq.heappush(retries, _Task(task.batch, task.offset + i, [article], tries=SUSPECT))
                    else:
                        settle(task, [Failure(task.articles[0].where, "worker",
                                              f"not processed: {result.reason} while extracting it alone")])
                else:
                    settle(task, [Failure(a.where, "worker", f"not processed: {type(result).__name__}: {result}")
                                  for a in task.articles])
            while next_out in missing and missing[next_out] == 0:
                del missing[next_out]
                for article, outcome in zip(members.pop(next_out), slots.pop(next_out), strict=True):
                    yield article, _checked(outcome, stats)
                next_out += 1
    finally:
        backend.close()


def _checked(outcome: Record | Failure | None, stats: RunStats) -> Record | Failure:
    """Count an outcome; a whole-run problem (``setup``) ends the run as the serial path does."""
    from ..api import NewsgraphError

    assert outcome is not None  # a batch is yielded only when every slot is filled
    stats.articles += 1
    if isinstance(outcome, Failure):
        stats.failed += 1
        if outcome.kind == "setup":
            raise NewsgraphError(outcome.message)
    return outcome


def _in_process(
    articles: Iterable[Article], mode: str, on_progress: Callable[[int], None], stats: RunStats
) -> Iterator[Outcome]:
    """The single-process path (``--workers 1``): the same outcomes, without a pool."""
    loaded: dict[tuple[str, str], str | None] = {}
    me = stats.per_worker.setdefault(os.getpid(), WorkerStats(os.getpid()))
    for article in articles:
        started, cpu = time.perf_counter(), time.process_time()
        outcome = extract_article(article, mode, loaded)
        me.busy_seconds += time.perf_counter() - started
        me.cpu_seconds += time.process_time() - cpu
        me.articles += 1
        me.peak_rss = peak_rss()
        on_progress(1)
        yield article, _checked(outcome, stats)


def extract_many(
    articles: Iterable[Article],
    *,
    mode: str = "fast",
    workers: int | None = None,
    cluster: Any = None,
    batch_size: int = DEFAULT_BATCH_SIZE,
    languages: Sequence[str] | None = None,
    on_progress: Callable[[int], None] | None = None,
    stats: RunStats | None = None,
    min_per_worker: int = MIN_ARTICLES_PER_WORKER,
    task: Task = extract_batch,
) -> Iterator[Outcome]:
    """Extract ``articles`` in ``workers`` processes (or on a Dask ``cluster``); yield them in input order.

    Yields ``(article, record)`` or ``(article, failure)`` for every article, in the order given, whichever
    worker finished first. ``workers`` defaults to all cores; ``1`` runs in this process. A run with
    fewer than ``min_per_worker`` articles per worker uses fewer workers (a worker's start-up would
    cost more than it saves). ``cluster`` is a Dask scheduler address (``tcp://host:8786``), the word
    ``dask-config`` (Dask's own ``scheduler-address`` setting), or a ``distributed.Client``; it needs
    the ``cluster`` extra. ``languages`` are the pipelines each worker loads before its first task
    (default: those of the first articles; others load on first use). ``on_progress(n)`` hears
    every ``n`` articles finished by any worker. ``stats`` (a :class:`RunStats`) is filled as the run goes.
    A problem of the whole run (an unavailable mode) raises :class:`newsgraph.api.NewsgraphError`.
    ``task`` is what each worker runs on a batch (:func:`newsgraph.scale.worker.extract_batch`; another
    must be importable by the workers); the in-process path always extracts directly.
    """
    stats = stats if stats is not None else RunStats()
    progress = on_progress or (lambda _n: None)
    iterator = iter(articles)
    if cluster is not None:
        try:
            from .cluster import DaskBackend
        except ImportError as error:
            from ..api import NewsgraphError

            raise NewsgraphError(
                f"--cluster needs the 'cluster' extra (pip install 'newsgraph[cluster]'): {error}"
            ) from error

        head = list(itertools.islice(iterator, 64))
        langs = languages if languages is not None else sorted({a.language for a in head})
        backend: Backend = DaskBackend(cluster, mode, langs, task)
        stats.backend, stats.workers = "dask", backend.workers
        yield from _ordered(backend, itertools.chain(head, iterator), batch_size=batch_size, on_progress=progress,
                            stats=stats)
        return
    wanted = plan_workers(workers, 1 << 62, min_per_worker)
    head = list(itertools.islice(iterator, wanted * min_per_worker))
    usable = plan_workers(wanted, len(head), min_per_worker)
    source = itertools.chain(head, iterator)
    if usable == 1:
        stats.backend, stats.workers = "in-process", 1
        yield from _in_process(source, mode, progress, stats)
        return
    langs = languages if languages is not None else sorted({a.language for a in head})
    pool = PoolBackend(usable, mode, langs, task)
    stats.backend, stats.workers = "processes", usable
    try:
        yield from _ordered(pool, source, batch_size=batch_size, on_progress=progress, stats=stats)
    finally:
        stats.restarts = pool.restarts
