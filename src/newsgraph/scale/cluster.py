"""Extraction on an existing Dask distributed cluster (the ``cluster`` extra: ``dask``, ``distributed``).

The client (``newsgraph extract/ingest --cluster ADDRESS``) sends tasks of article batches to the
scheduler; each worker process loads the pipeline once — the :class:`PreloadPipelines` worker plugin
loads it when the worker starts (also on a worker that joins, or is restarted by its nanny, later),
and :func:`newsgraph.api.pipeline_for`'s per-process cache keeps it — and the results stream back to
the one writer in the client, which puts them in input order (:func:`newsgraph.scale.run._ordered`).

Workers need newsgraph installed (the same version as the client) and should run one thread per
process (``--nthreads 1``): spaCy holds the GIL, so threads in one process add nothing, and extraction
in one process is serialised by a lock anyway.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable, Iterable, Sequence
from typing import TYPE_CHECKING, Any

import dask.config
from distributed import Client, WorkerPlugin, wait
from distributed.scheduler import KilledWorker

from .worker import BatchResult, _State, extract_batch, load_pipelines

if TYPE_CHECKING:
    from distributed import Future

    from ..ingest import Article

#: ``--cluster dask-config``: connect to the scheduler that Dask's own configuration names
#: (``scheduler-address`` in ``~/.config/dask/*.yaml``, or ``DASK_SCHEDULER_ADDRESS``)
FROM_DASK_CONFIG = "dask-config"


class PreloadPipelines(WorkerPlugin):
    """Load the newsgraph pipelines into a Dask worker process once, when the worker starts."""

    def __init__(self, languages: Sequence[str], mode: str) -> None:
        self.languages = tuple(languages)
        self.mode = mode

    async def setup(self, worker: Any) -> None:
        """Load off the event loop (it takes seconds), holding the lock that tasks take, so a task that
        arrives meanwhile waits for the pipeline instead of loading a second copy."""

        def load() -> None:
            with _State.lock:
                started = time.perf_counter()
                load_pipelines(self.languages, self.mode)
                _State.startup_seconds += time.perf_counter() - started

        await asyncio.to_thread(load)


def connect(address: str | Client) -> tuple[Client, bool]:
    """A client for ``address`` (or the client given), and whether this module opened it (and closes it)."""
    from ..api import NewsgraphError

    if isinstance(address, Client):
        return address, False
    try:
        if address == FROM_DASK_CONFIG:
            configured = dask.config.get("scheduler-address", None)
            if not configured:  # Client() would quietly start a local cluster instead
                raise NewsgraphError("--cluster dask-config: Dask's configuration names no scheduler-address")
            return Client(configured), True
        return Client(address), True
    except (OSError, ValueError) as error:  # unreachable (a TimeoutError is an OSError), or not an address
        raise NewsgraphError(f"cannot reach the Dask scheduler at {address!r}: {error}") from error


class DaskBackend:
    """Tasks on a Dask cluster. A worker that dies is the scheduler's to handle: it reruns the task
    elsewhere, and after ``distributed.scheduler.allowed-failures`` deaths reports ``KilledWorker``,
    which the scheduling loop treats like a lost task (retry, split, then a Failure)."""

    def __init__(
        self,
        address: str | Client,
        mode: str,
        languages: Sequence[str],
        task: Callable[..., BatchResult] = extract_batch,
    ) -> None:
        self.client, self._owned = connect(address)
        self.mode = mode
        self.task = task
        self.client.register_plugin(PreloadPipelines(languages, mode), name=f"newsgraph-preload-{mode}")
        threads = sum(w.get("nthreads", 1) for w in self.client.scheduler_info().get("workers", {}).values())
        self.workers = max(1, threads)

    def submit(self, articles: list[Article]) -> Future:
        return self.client.submit(self.task, articles, self.mode, pure=False)

    def wait(self, futures: Sequence[Future]) -> Iterable[Future]:
        return wait(list(futures), return_when="FIRST_COMPLETED").done

    def result(self, future: Future) -> BatchResult | Any:
        from .run import _Lost

        try:
            result = future.result()
        except KilledWorker as error:
            return _Lost(f"Dask workers died running it ({error})")
        except Exception as error:
            return error
        finally:
            future.release()
        return result

    def close(self) -> None:
        if self._owned:
            self.client.close()
