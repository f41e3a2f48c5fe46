"""Load test of the web API's reading endpoints: requests/s and latency at 50 concurrent clients, on loopback.

    .venv/bin/python benchmarks/bench_web.py                     # 2,000 synthetic articles (a small store)
    .venv/bin/python benchmarks/bench_web.py -n 100000           # the 100,000-article store of the issue
    .venv/bin/python benchmarks/bench_web.py --db store.duckdb   # a copy of an existing store

The store is built in a scratch folder from ``benchmarks/make_synthetic_records.py`` (reused when it is
already there with the same N), or copied from ``--db`` (with its quote index) so the original is never
locked or changed. The server is the real ``newsgraph serve`` in a subprocess on 127.0.0.1; the clients
are ``--clients`` asyncio tasks on keep-alive connections (a minimal HTTP/1.1 client), each sending its
next request as soon as the previous one is answered, for ``--seconds`` after a warm-up. Every request
goes to 127.0.0.1 only. Two runs: ``cold`` (server cache off: every request queries the store) and
``warm`` (the server's answer cache on, after each distinct request of the mix was answered once).

The request mix cycles through the page's reads: document list and record, entity list and page,
an actor's network, event list and page, quote search, timeline by name, the global network. Ids and
names are sampled from the store through the API before the run. Reported: requests/s, p50/p95/p99
overall and per endpoint, errors, and the CPU time per request of the server process and of the
clients (``/proc``): on a machine shared with other jobs, latencies move with their load, CPU per
request much less. Written to ``benchmarks/results/web.json``. Target: p95 < 200 ms.

``--only entity,network`` runs a mix of just those endpoints (to see what one costs); ``--scenarios cold``
skips the cached runs; ``--read-threads`` is passed to the server.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import platform
import random
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any
from urllib.parse import quote

import httpx

ROOT = Path(__file__).resolve().parents[1]
RESULTS = ROOT / "benchmarks" / "results" / "web.json"
HOST = "127.0.0.1"


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind((HOST, 0))
        return int(s.getsockname()[1])


def _pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def build_store(work: Path, n: int, seed: int) -> Path:
    """A store of ``n`` synthetic articles in ``work`` (built once, reused on later runs)."""
    db = work / f"web-{n}-{seed}.duckdb"
    done = db.with_suffix(".done")
    if db.exists() and done.exists():
        return db
    for stale in work.glob(db.name + "*"):
        stale.unlink()
    records = work / f"records-{n}-{seed}.jsonl"
    print(f"making {n} synthetic records ...", flush=True)
    subprocess.run([sys.executable, str(ROOT / "benchmarks" / "make_synthetic_records.py"), "-n", str(n),
                    "--seed", str(seed), "-o", str(records)], check=True)
    print("ingesting ...", flush=True)
    started = time.perf_counter()
    from newsgraph.store import Store, read_records

    with Store(db) as store:
        store.ingest(read_records(records), batch_size=2000)
    print(f"ingested in {time.perf_counter() - started:.0f} s", flush=True)
    records.unlink()
    done.write_text("ok\n")
    return db


def copy_store(source: Path, work: Path) -> Path:
    """A private copy of an existing store and its quote index (the server opens its store for writing)."""
    from newsgraph.store.fts import index_path

    db = work / ("copy-" + source.name)
    shutil.copyfile(source, db)
    if index_path(source).exists():
        shutil.copyfile(index_path(source), index_path(db))
    return db


def start_server(db: Path, port: int, cache: int, read_threads: int | None = None, *, extra: list[str] | None = None,
                 log: Any = None) -> subprocess.Popen:
    """``newsgraph serve`` in a subprocess, once it answers; its stderr to ``log`` (an open file) or a pipe."""
    newsgraph = Path(sys.executable).with_name("newsgraph")
    command = [str(newsgraph), "serve", "--db", str(db), "--host", HOST, "--port", str(port), "--cache", str(cache)]
    if read_threads:
        command += ["--read-threads", str(read_threads)]
    command += extra or []
    proc = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=log or subprocess.PIPE, start_new_session=True)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            said = proc.stderr.read().decode(errors="replace")[-2000:] if proc.stderr else "(see its log)"
            raise RuntimeError("the server exited: " + said)
        try:
            if httpx.get(f"http://{HOST}:{port}/api/health", timeout=2).status_code == 200:
                return proc
        except httpx.HTTPError:
            pass
        time.sleep(0.3)
    proc.kill()
    raise RuntimeError("the server did not answer within 120 s")


def cpu_seconds(pid: int) -> float:
    """User + system CPU time a process has used so far (Linux ``/proc``; 0 elsewhere)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def stop_server(proc: subprocess.Popen) -> None:
    if proc.poll() is None:
        os.killpg(proc.pid, signal.SIGTERM)
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)


def request_mix(base: str, rng: random.Random, distinct: int) -> list[tuple[str, str]]:
    """(endpoint name, URL) pairs to cycle through, with ids and names sampled from the store."""
    with httpx.Client(base_url=base, timeout=60) as c:
        counts = c.get("/api/health").json()["store"]
        docs = []
        pages = range(0, max(1, min(100_000, counts["articles"] - 50)))
        for offset in rng.sample(pages, k=min(20, len(pages))):
            found = c.get("/api/documents", params={"limit": 50, "offset": offset}).json()["items"]
            docs += [d["article_id"] for d in found]
        people = c.get("/api/entities", params={"limit": 200, "type": "PER"}).json()["items"]
        events = [e["event_id"] for e in c.get("/api/events", params={"limit": 500}).json()["items"]]
    names = [p["name"] for p in people]
    words = ["Gespräche", "Frieden", "Sanktionen", "Zusammenarbeit", "Lage", "Treffen", "Verhandlungen", "wichtig"]
    mix: list[tuple[str, str]] = []
    for _ in range(max(1, distinct // 10)):
        person = rng.choice(people)
        mix += [
            ("documents", f"/api/documents?limit=50&offset={rng.randrange(0, 500)}"),
            ("document", f"/api/documents/{rng.choice(docs)}"),
            ("entities", f"/api/entities?limit=50&q={quote(rng.choice(names))}"),
            ("entity", f"/api/entities/{person['entity_id']}"),
            ("entity_network", f"/api/entities/{person['entity_id']}/network?limit=100"),
            ("events", f"/api/events?limit=50&participant={quote(rng.choice(names))}"),
            ("event", f"/api/events/{rng.choice(events)}"),
            ("quotes", f"/api/quotes?limit=50&q={quote(rng.choice(words))}"),
            ("timeline", f"/api/timeline?limit=200&name={quote(rng.choice(names))}"),
            ("network", "/api/network?limit=150"),
        ]
    return mix


class Connection:
    """A minimal HTTP/1.1 keep-alive client on one socket: httpx costs the clients, which share the server's
    two cores, about a millisecond of CPU per request; this costs a fraction of that."""

    def __init__(self, port: int) -> None:
        self.port = port
        self.reader: asyncio.StreamReader | None = None
        self.writer: asyncio.StreamWriter | None = None

    async def get(self, path: str) -> int:
        if self.writer is None:
            self.reader, self.writer = await asyncio.open_connection(HOST, self.port)
        assert self.reader is not None
        self.writer.write(f"GET {path} HTTP/1.1\r\nHost: {HOST}:{self.port}\r\nAccept: application/json\r\n\r\n"
                          .encode("ascii"))
        head = await self.reader.readuntil(b"\r\n\r\n")
        status = int(head.split(b" ", 2)[1])
        length, chunked = None, False
        for line in head.split(b"\r\n")[1:]:
            name, _, value = line.partition(b":")
            if name.strip().lower() == b"content-length":
                length = int(value)
            elif name.strip().lower() == b"transfer-encoding" and b"chunked" in value.lower():
                chunked = True
        if length is not None:
            await self.reader.readexactly(length)
        elif chunked:
            while True:
                size = int((await self.reader.readuntil(b"\r\n")).split(b";")[0], 16)
                await self.reader.readexactly(size + 2)
                if size == 0:
                    break
        return status

    def close(self) -> None:
        if self.writer is not None:
            self.writer.close()
            self.writer = None


async def load(port: int, mix: list[tuple[str, str]], clients: int, seconds: float, warmup: float,
               max_requests: int, *, once: bool = False) -> dict[str, Any]:
    """``clients`` connections sending requests of ``mix`` back to back; ``once``: each request of the mix once."""
    samples: list[tuple[str, float, int]] = []
    completed = 0
    start = time.perf_counter()
    measure_from = start + warmup
    stop_at = measure_from + seconds
    queue = list(range(len(mix)))

    async def worker(k: int) -> None:
        i = k * 7
        conn = Connection(port)
        try:
            while time.perf_counter() < stop_at and len(samples) < max_requests:
                if once:
                    if not queue:
                        return
                    i = queue.pop()
                name, url = mix[i % len(mix)]
                i += 1
                t0 = time.perf_counter()
                try:
                    status = await conn.get(url)
                except (OSError, asyncio.IncompleteReadError, ValueError):
                    conn.close()
                    status = 0
                t1 = time.perf_counter()
                nonlocal completed
                completed += 1
                if t0 >= measure_from:
                    samples.append((name, (t1 - t0) * 1000, status))
        finally:
            conn.close()

    await asyncio.gather(*(worker(k) for k in range(clients)))
    elapsed = min(time.perf_counter(), stop_at) - measure_from
    latencies = [s[1] for s in samples]
    per: dict[str, Any] = {}
    for name in sorted({s[0] for s in samples}):
        values = [s[1] for s in samples if s[0] == name]
        per[name] = {"requests": len(values), "p50_ms": round(statistics.median(values), 1),
                     "p95_ms": round(_pct(values, 0.95), 1)}
    return {
        "requests": len(samples),
        "seconds": round(elapsed, 1),
        "requests_per_s": round(len(samples) / elapsed, 1) if elapsed > 0 else None,
        "p50_ms": round(statistics.median(latencies), 1) if latencies else None,
        "p95_ms": round(_pct(latencies, 0.95), 1) if latencies else None,
        "p99_ms": round(_pct(latencies, 0.99), 1) if latencies else None,
        "errors": sum(1 for s in samples if s[2] != 200),
        "endpoints": per,
        "completed_with_warmup": completed,
    }


def summarise(cache: int, repeats: list[dict[str, Any]]) -> dict[str, Any]:
    """Medians over the repeats of one scenario: overall, per endpoint (p50, p95) and CPU per request."""
    keys = ("requests_per_s", "p50_ms", "p95_ms", "p99_ms", "server_cpu_ms_per_request", "client_cpu_ms_per_request")
    names = sorted({name for r in repeats for name in r["endpoints"]})
    return {
        "cache_entries": cache,
        **{f"median_{k}": statistics.median(r[k] for r in repeats) for k in keys if all(k in r for r in repeats)},
        "errors": sum(r["errors"] for r in repeats),
        "median_endpoints": {
            name: {f"{k}_ms": statistics.median(r["endpoints"][name][f"{k}_ms"] for r in repeats
                                                 if name in r["endpoints"]) for k in ("p50", "p95")}
            for name in names},
        "repeats": repeats,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("-n", type=int, default=2000, help="synthetic articles in the store (100000 for the issue)")
    parser.add_argument("--db", type=Path, help="use a copy of this store instead of a synthetic one")
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=20.0, help="measured duration (after the warm-up)")
    parser.add_argument("--warmup", type=float, default=3.0)
    parser.add_argument("--max-requests", type=int, default=200_000, help="stop after this many measured requests")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--repeat", type=int, default=3, help="runs per scenario (medians are reported)")
    parser.add_argument("--distinct", type=int, default=300, help="distinct requests in the mix (the working set)")
    parser.add_argument("--work", type=Path, default=Path("/tmp/newsgraph-bench-web"), help="scratch folder")
    parser.add_argument("--output", type=Path, default=RESULTS)
    parser.add_argument("--read-threads", type=int, help="the server's --read-threads (default: its own)")
    parser.add_argument("--only", help="comma-separated endpoint names: a mix of just these (to find what costs)")
    parser.add_argument("--scenarios", default="cold,warm", help="comma-separated: cold (cache off), warm (cache on)")
    args = parser.parse_args(argv)
    if args.clients < 1 or args.clients > 500 or args.seconds > 600 or not 1 <= args.repeat <= 10:
        parser.error("keep it bounded: 1-500 clients, at most 600 s, 1-10 repeats")

    args.work.mkdir(parents=True, exist_ok=True)
    db = copy_store(args.db, args.work) if args.db else build_store(args.work, args.n, args.seed)
    runs: dict[str, Any] = {}
    wanted = set(args.scenarios.split(","))
    for scenario, cache in (("cold", 0), ("warm", 4096)):
        if scenario not in wanted:
            continue
        repeats: list[dict[str, Any]] = []
        for _ in range(args.repeat):
            port = _free_port()
            base = f"http://{HOST}:{port}"
            server = start_server(db, port, cache, args.read_threads)
            try:
                counts = httpx.get(f"{base}/api/health", timeout=30).json()["store"]
                mix = request_mix(base, random.Random(args.seed), args.distinct)
                if args.only:
                    mix = [m for m in mix if m[0] in args.only.split(",")]
                if scenario == "warm":  # every distinct request answered once before measuring
                    print(f"warming the cache with {len(mix)} distinct requests ...", flush=True)
                    asyncio.run(load(port, mix, args.clients, 3600, 0, len(mix), once=True))
                print(f"{scenario}: {counts['articles']} articles; {args.clients} clients for {args.seconds:.0f} s ...",
                      flush=True)
                cpu_before, client_before = cpu_seconds(server.pid), time.process_time()
                result = asyncio.run(load(port, mix, args.clients, args.seconds, args.warmup, args.max_requests))
                done = result.pop("completed_with_warmup") or 1
                result["server_cpu_ms_per_request"] = round((cpu_seconds(server.pid) - cpu_before) * 1000 / done, 2)
                result["client_cpu_ms_per_request"] = round((time.process_time() - client_before) * 1000 / done, 2)
            finally:
                stop_server(server)
            repeats.append(result)
            print(f"  {result['requests_per_s']} requests/s; p50 {result['p50_ms']} ms, p95 {result['p95_ms']} ms, "
                  f"p99 {result['p99_ms']} ms; errors {result['errors']}; CPU per request: server "
                  f"{result['server_cpu_ms_per_request']} ms, clients {result['client_cpu_ms_per_request']} ms")
            for name, figures in result["endpoints"].items():
                print(f"    {name:15s} n={figures['requests']:6d}  p50 {figures['p50_ms']:7.1f} ms"
                      f"  p95 {figures['p95_ms']:7.1f} ms")
        runs[scenario] = summarise(cache, repeats)
        print(f"{scenario}, median of {args.repeat}: {runs[scenario]['median_requests_per_s']} requests/s, "
              f"p95 {runs[scenario]['median_p95_ms']} ms")
    load_avg = os.getloadavg()
    report = {
        "machine": {"cpus": os.cpu_count(), "python": platform.python_version(), "platform": platform.platform(),
                    "load_average_1m_after": round(load_avg[0], 2),
                    "note": "server and clients share the machine's cores (and with other work running)"},
        "store": counts,
        "clients": args.clients,
        "distinct_requests": args.distinct,
        "target_p95_ms": 200,
        "runs": runs,
    }
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    print(f"wrote {args.output}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
