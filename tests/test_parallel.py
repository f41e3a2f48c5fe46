"""Parallel extraction (newsgraph.scale): same records as one process, in order, exactly once under failure.

The articles are short German reports written for these tests. Worker processes start with the
``forkserver`` method, so each pool test pays a few seconds of start-up; the articles are few and short.
"""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from newsgraph.ingest import Article
from newsgraph.scale import Failure, RunStats, extract_many, plan_workers, skip_stored
from newsgraph.scale.worker import BatchResult, extract_batch

MINISTERS = ["Petra Lindqvist", "Jonas Arnesen", "Miriam Okafor", "Tobias Wendland", "Ilse Marquardt", "Karim Haddad"]
TOWNS = ["Graz", "Lübeck", "Kassel", "Passau", "Bremen", "Görlitz", "Speyer"]
POISON = "GIFTPILLE"


def report(i: int) -> str:
    """A short meeting report; ``i`` varies the people, the town and the length."""
    host, guest = MINISTERS[i % 6], MINISTERS[(i + 2) % 6]
    town = TOWNS[i % 7]
    extra = " Die Delegationen sprachen auch über Verkehr, Energie und den Hafen." * (i % 3)
    return (
        f"Ministerin {host} hat sich am Mittwoch in {town} mit {guest} getroffen. \"Wir haben über die Zukunft "
        f"der Region gesprochen\", sagte {host.split()[1]} nach dem Treffen.{extra} Ein weiteres Gespräch ist für "
        f"den {i % 27 + 1}. Mai geplant. (Meldung {i})"
    )


def articles(n: int, *, poison_at: int | None = None) -> list[Article]:
    return [
        Article(id=f"m{i}", text=report(i) + (f" {POISON}" if i == poison_at else ""), language="de",
                published="2026-03-04", input_path=f"meldung-{i}.txt")
        for i in range(n)
    ]


def json_lines(outcomes) -> list[str]:
    return [o.to_json() if not isinstance(o, Failure) else str(o) for _, o in outcomes]


def poisoned_batch(batch: list[Article], mode: str) -> BatchResult:
    """A worker task that dies (SIGKILL, as the kernel's OOM killer would) on an article marked as poison."""
    if any(POISON in article.text for article in batch):
        os.kill(os.getpid(), signal.SIGKILL)
    return extract_batch(batch, mode)


def dying_batch(batch: list[Article], mode: str) -> BatchResult:
    """A worker task that always dies: workers that cannot work at all."""
    os.kill(os.getpid(), signal.SIGKILL)
    raise AssertionError("unreachable")


@pytest.fixture(scope="module")
def twelve() -> tuple[list[Article], list[str]]:
    """Twelve articles and their records from one process: the reference every parallel run must match."""
    items = articles(12)
    return items, json_lines(extract_many(items, workers=1))


def test_two_workers_give_the_same_records_byte_for_byte_in_input_order(twelve):
    items, expected = twelve
    stats = RunStats()
    counted: list[int] = []
    outcomes = list(extract_many(items, workers=2, batch_size=3, min_per_worker=1, stats=stats,
                                 on_progress=counted.append))
    assert [a.id for a, _ in outcomes] == [a.id for a in items]
    assert json_lines(outcomes) == expected
    assert (stats.backend, stats.workers) == ("processes", 2)
    assert sum(w.articles for w in stats.per_worker.values()) == 12
    assert os.getpid() not in stats.per_worker  # extracted in the workers, not here
    assert counted == [3, 3, 3, 3]  # the progress bar hears every worker's batches


def test_a_worker_killed_mid_run_loses_nothing_and_duplicates_nothing(twelve):
    items, expected = twelve
    stats = RunStats()
    outcomes = []
    for article, outcome in extract_many(items, workers=2, batch_size=1, min_per_worker=1, stats=stats):
        if not outcomes:  # the first result: the other eleven are queued or running
            os.kill(next(iter(stats.per_worker)), signal.SIGKILL)
        outcomes.append((article, outcome))
    assert stats.restarts >= 1
    assert stats.retried >= 1
    assert [a.id for a, _ in outcomes] == [a.id for a in items]  # each article once, in order
    assert json_lines(outcomes) == expected


def test_an_article_that_kills_its_worker_every_time_becomes_a_failure():
    items = articles(6, poison_at=3)
    stats = RunStats()
    outcomes = list(extract_many(items, workers=2, batch_size=2, min_per_worker=1, stats=stats, task=poisoned_batch))
    assert [a.id for a, _ in outcomes] == [a.id for a in items]
    failures = [(a.id, o) for a, o in outcomes if isinstance(o, Failure)]
    assert [(aid, o.kind) for aid, o in failures] == [("m3", "worker")]
    assert "meldung-3.txt: not processed: a worker process died" in str(failures[0][1])
    assert stats.failed == 1


def test_an_unavailable_mode_ends_a_pool_run_with_a_newsgraph_error():
    from newsgraph.api import NewsgraphError

    with pytest.raises(NewsgraphError, match="unknown mode"):
        list(extract_many(articles(4), mode="turbo", workers=2, min_per_worker=1))


def test_workers_that_always_die_end_the_run_instead_of_retrying_forever():
    from newsgraph.api import NewsgraphError

    with pytest.raises(NewsgraphError, match="died before extracting anything"):
        list(extract_many(articles(4), workers=2, batch_size=1, min_per_worker=1, task=dying_batch))


def test_small_runs_stay_in_this_process():
    assert plan_workers(None, 3) == 1
    assert plan_workers(8, 40, min_per_worker=16) == 2
    assert plan_workers(2, 1000) == 2


def test_articles_the_store_holds_are_not_extracted_again(tmp_path, twelve):
    pytest.importorskip("duckdb")
    from newsgraph.record import Record
    from newsgraph.store import Store

    items, records = twelve
    with Store(tmp_path / "s.duckdb") as store:
        store.ingest([Record.model_validate_json(line) for line in records[:5]])
        skipped: list[str] = []
        todo = list(skip_stored(items, store, on_skip=lambda a: skipped.append(a.id)))
    assert skipped == [f"m{i}" for i in range(5)]
    assert [a.id for a in todo] == [f"m{i}" for i in range(5, 12)]


def test_the_cli_writes_the_same_file_with_two_workers_as_with_one(tmp_path):
    from typer.testing import CliRunner

    from newsgraph.cli import app

    folder = tmp_path / "articles"
    folder.mkdir()
    for i in range(34):  # two workers need 2 × MIN_ARTICLES_PER_WORKER articles
        (folder / f"meldung-{i:02d}.txt").write_text(report(i), encoding="utf-8")
    outputs = []
    for workers in ("1", "2"):
        out = tmp_path / f"records-{workers}.jsonl"
        done = CliRunner().invoke(app, ["extract", str(folder), "--published", "2026-03-04", "--workers", workers,
                                        "-o", str(out)])
        assert done.exit_code == 0, done.stderr
        outputs.append(out.read_bytes())
    assert outputs[0] == outputs[1]
    assert outputs[0].count(b"\n") == 34


# --- the client killed: rerun, nothing lost, nothing duplicated --------------------------------------


def _ingest(folder: Path, db: Path) -> list[str]:
    return [sys.executable, "-m", "newsgraph.cli", "ingest", str(folder), "--db", str(db), "--workers", "2",
            "--batch-size", "4", "--log-batches", "--json"]


def test_a_killed_client_rerun_stores_every_article_once(tmp_path):
    pytest.importorskip("duckdb")
    import duckdb

    folder = tmp_path / "articles"
    folder.mkdir()
    n = 40  # enough for two workers (newsgraph.scale.MIN_ARTICLES_PER_WORKER each)
    for i in range(n):
        (folder / f"meldung-{i:02d}.txt").write_text(report(i), encoding="utf-8")
    db = tmp_path / "news.duckdb"
    client = subprocess.Popen(_ingest(folder, db), stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    assert client.stdout is not None
    line = client.stdout.readline()  # the first committed batch
    assert line.startswith("committed"), line
    client.send_signal(signal.SIGKILL)
    client.wait(timeout=30)

    with duckdb.connect(str(db), read_only=True) as con:
        stored_before = con.execute("SELECT count(*) FROM articles").fetchone()[0]
    assert 0 < stored_before < n

    done = subprocess.run(_ingest(folder, db), capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr
    with duckdb.connect(str(db), read_only=True) as con:
        total, distinct = con.execute("SELECT count(*), count(DISTINCT content_hash) FROM articles").fetchone()
    assert (total, distinct) == (n, n)  # nothing lost, nothing twice
    assert f'"unchanged": {stored_before}' in done.stdout  # the stored ones were skipped, not redone


def _alive(pid: int) -> bool:
    """Whether ``pid`` runs (a zombie waiting for its new parent to reap it is not running)."""
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except (OSError, IndexError):
        return False


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads process states from /proc (Linux)")
def test_workers_do_not_outlive_a_killed_client(tmp_path):
    code = (
        "import os, sys, time\n"
        "from newsgraph.scale import extract_many, RunStats\n"
        "from tests.test_parallel import articles\n"
        "if __name__ == '__main__':\n"
        "    stats = RunStats()\n"
        "    for _ in extract_many(articles(8), workers=2, batch_size=1, min_per_worker=1, stats=stats):\n"
        "        print(*stats.per_worker, flush=True)\n"
        "        time.sleep(60)\n"
    )
    root = Path(__file__).resolve().parents[1]
    client = subprocess.Popen([sys.executable, "-c", code], cwd=root, stdout=subprocess.PIPE, text=True)
    assert client.stdout is not None
    pids = [int(p) for p in client.stdout.readline().split()]
    assert pids
    client.send_signal(signal.SIGKILL)
    client.wait(timeout=30)
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline and any(_alive(pid) for pid in pids):
        time.sleep(0.2)
    assert not any(_alive(pid) for pid in pids)


# --- a Dask cluster ------------------------------------------------------------------------------------


def test_a_dask_local_cluster_gives_the_same_records(twelve):
    distributed = pytest.importorskip("distributed", reason="the 'cluster' extra is not installed")
    items, expected = twelve
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cl:
        stats = RunStats()  # by address, as `--cluster tcp://…` connects
        outcomes = list(extract_many(items[:6], cluster=cl.scheduler_address, batch_size=1, stats=stats))
    assert stats.backend == "dask"
    assert [a.id for a, _ in outcomes] == [a.id for a in items[:6]]
    assert json_lines(outcomes) == expected[:6]


def test_an_unreachable_scheduler_is_a_clear_error():
    pytest.importorskip("distributed", reason="the 'cluster' extra is not installed")
    import dask

    from newsgraph.api import NewsgraphError

    with dask.config.set({"distributed.comm.timeouts.connect": "1s"}), \
            pytest.raises(NewsgraphError, match=re.escape("cannot reach the Dask scheduler at 'tcp://127.0.0.1:1'")):
        list(extract_many(articles(2), cluster="tcp://127.0.0.1:1"))
