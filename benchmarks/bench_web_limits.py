"""What an oversized request head costs ``newsgraph serve``: a 200 MB header and a 200 MB URL, sent to the real server.

    nice -n 10 .venv/bin/python benchmarks/bench_web_limits.py

For each hostile request the client streams the head in 1 MB writes until the server closes the
connection (or 200 MB went out), then reads the answer. Reported per case: bytes the server took
before it closed, seconds until then, the answer's status line, and the server process's growth in
resident memory and its CPU seconds over the case (``/proc``). The server then still answers
``/api/health`` (checked). The store is an empty scratch store (the limits act before any query).

Then extraction under a slow article: with writing enabled (2 workers, ``--extract-timeout 10``), a
170,000-character article is posted and, while it runs, a one-sentence article: reported are the short
one's latency and the long one's status and time (stopped at its budget). Written to
``benchmarks/results/web_limits.json``.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import platform
import socket
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))

from bench_web import HOST, _free_port, cpu_seconds, start_server, stop_server  # noqa: E402

RESULTS = ROOT / "benchmarks" / "results" / "web_limits.json"
TOTAL = 200 * 1024 * 1024


def rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def flood(port: int, start: bytes) -> tuple[int, float, str]:
    """Send ``start`` and then up to 200 MB of ``a``; bytes sent before the server closed, seconds, status line."""
    sent = 0
    began = time.perf_counter()
    with socket.create_connection((HOST, port), timeout=300) as sock:
        sock.sendall(start)
        chunk = b"a" * (1024 * 1024)
        with contextlib.suppress(BrokenPipeError, ConnectionResetError):
            while sent < TOTAL:
                sock.sendall(chunk)
                sent += len(chunk)
        answer = b""
        with contextlib.suppress(ConnectionResetError, TimeoutError):
            while part := sock.recv(65536):
                answer += part
    return sent, time.perf_counter() - began, answer.split(b"\r\n", 1)[0].decode(errors="replace") or "(reset)"


def slow_and_short(base: str, token: str) -> dict[str, Any]:
    """Post a long article and, while it runs, a short one; how long each took and what each got."""
    import threading

    import httpx

    headers = {"Authorization": f"Bearer {token}"}
    short = {"text": "Olaf Scholz traf am Montag in Paris Emmanuel Macron.", "lang": "de"}
    deadline = time.monotonic() + 300
    while time.monotonic() < deadline:  # the workers load the pipelines after the server starts
        if httpx.post(f"{base}/api/extract", json=short, headers=headers, timeout=300).status_code == 200:
            break
    long_text = "Die Ministerin sagte am Montag in Berlin, sie werde Paris besuchen. " * 2500
    found: dict[str, Any] = {}

    def post_long() -> None:
        began = time.perf_counter()
        response = httpx.post(f"{base}/api/extract", json={"text": long_text, "lang": "de"}, headers=headers,
                              timeout=300)
        found["long"] = {"chars": len(long_text), "status": response.status_code,
                         "seconds": round(time.perf_counter() - began, 2),
                         "message": response.json().get("error", {}).get("message", "")[:120]}

    thread = threading.Thread(target=post_long)
    thread.start()
    time.sleep(1.0)
    began = time.perf_counter()
    response = httpx.post(f"{base}/api/extract", json=short, headers=headers, timeout=300)
    found["short_while_long_runs"] = {"status": response.status_code,
                                      "seconds": round(time.perf_counter() - began, 3)}
    thread.join()
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=RESULTS)
    args = parser.parse_args(argv)
    from newsgraph.store import Store

    work = Path(tempfile.mkdtemp(prefix="newsgraph-limits-"))
    db = work / "empty.duckdb"
    Store(db).close()
    port = _free_port()
    token = "bench-token-" + "x" * 20
    (work / "token.txt").write_text(token + "\n", encoding="utf-8")
    proc = start_server(db, port, cache=0, extra=["--token-file", str(work / "token.txt"), "--extract-timeout", "10"])
    cases = {"200 MB header": b"GET /api/health HTTP/1.1\r\nHost: localhost\r\nX-Big: ",
             "200 MB URL": b"GET /api/documents?q="}
    results: dict[str, Any] = {}
    try:
        for name, start in cases.items():
            rss, cpu = rss_mb(proc.pid), cpu_seconds(proc.pid)
            sent, seconds, status = flood(port, start)
            results[name] = {"bytes_sent_before_close": sent, "seconds": round(seconds, 3), "answer": status,
                             "server_rss_growth_mb": round(rss_mb(proc.pid) - rss, 1),
                             "server_cpu_s": round(cpu_seconds(proc.pid) - cpu, 3)}
            print(name, results[name], flush=True)
        import httpx

        healthy = httpx.get(f"http://{HOST}:{port}/api/health", timeout=30).status_code == 200
        results["slow extraction"] = slow_and_short(f"http://{HOST}:{port}", token)
        print("slow extraction", results["slow extraction"], flush=True)
    finally:
        stop_server(proc)
    out = {"script": "benchmarks/bench_web_limits.py", "cases": results, "still_serving": healthy,
           "machine": f"{platform.machine()}, {os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f}"}
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(out, indent=2) + "\n", encoding="utf-8")
    return 0 if healthy else 1


if __name__ == "__main__":
    raise SystemExit(main())
