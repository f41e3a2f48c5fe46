"""Schemathesis against the committed OpenAPI document, long run: every operation, no 5xx allowed.

    nice -n 10 .venv/bin/python benchmarks/bench_schemathesis.py                 # 300 cases per operation and mode
    nice -n 10 .venv/bin/python benchmarks/bench_schemathesis.py --examples 50   # a quick look

The server is the real ``newsgraph serve`` (in a subprocess on 127.0.0.1, writing enabled with a
throw-away token) over a scratch store of ``-n`` synthetic articles from
``benchmarks/make_synthetic_records.py`` (built by ``bench_web.build_store``, so ids, names and dates
are real). For every operation of ``schema/openapi.json`` schemathesis generates ``--examples`` cases
that fit the schema (positive) and as many that break it (negative: wrong types, out-of-range numbers,
odd strings), each sent with the token. Counted: requests and answers per status class for each
operation, and every 5xx with its request (the target is none). The test suite runs a short version
(``tests/test_web_schemathesis.py``). Written to ``benchmarks/results/schemathesis.json``.
"""

from __future__ import annotations

import argparse
import collections
import contextlib
import json
import os
import platform
import secrets
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))

from bench_web import HOST, _free_port, build_store, start_server, stop_server  # noqa: E402

RESULTS = ROOT / "benchmarks" / "results" / "schemathesis.json"


def run_operation(operation: Any, mode: Any, examples: int, base_url: str, token: str) -> dict[str, Any]:
    """Send ``examples`` generated cases of one operation in one generation mode; count the answers."""
    import requests
    from hypothesis import HealthCheck, given, settings
    from hypothesis.errors import Unsatisfiable

    statuses: collections.Counter[int] = collections.Counter()
    server_errors: list[dict[str, Any]] = []
    session = requests.Session()

    @given(case=operation.as_strategy(generation_mode=mode))
    @settings(max_examples=examples, deadline=None, database=None, suppress_health_check=list(HealthCheck),
              derandomize=True)
    def probe(case: Any) -> None:
        response = case.call(base_url=base_url, session=session, headers={"Authorization": f"Bearer {token}"},
                             timeout=300)
        statuses[response.status_code] += 1
        if response.status_code >= 500 and len(server_errors) < 20:
            server_errors.append({"method": case.method, "path": case.formatted_path, "query": case.query,
                                  "body": repr(case.body)[:300], "status": response.status_code,
                                  "answer": response.text[:300]})

    started = time.perf_counter()
    with contextlib.suppress(Unsatisfiable):  # nothing to break (no parameters, no body): no negative case
        probe()
    return {"requests": sum(statuses.values()), "statuses": dict(sorted(statuses.items())),
            "server_errors": server_errors, "seconds": round(time.perf_counter() - started, 1)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--examples", type=int, default=300, help="cases per operation and generation mode")
    parser.add_argument("-n", type=int, default=2000, help="synthetic articles in the store")
    parser.add_argument("--work", type=Path, default=Path(tempfile.gettempdir()) / "newsgraph-bench-web")
    parser.add_argument("--out", type=Path, default=RESULTS)
    args = parser.parse_args(argv)

    import schemathesis
    from schemathesis.generation.modes import GenerationMode

    from newsgraph.web.openapi import OPENAPI_FILE

    args.work.mkdir(parents=True, exist_ok=True)
    db = build_store(args.work, args.n, 0)
    token_file = args.work / "schemathesis-token.txt"
    token = secrets.token_urlsafe(24)
    token_file.write_text(token + "\n", encoding="utf-8")
    port = _free_port()
    server_log = args.work / "schemathesis-server.log"
    with server_log.open("wb") as log_file:
        proc = start_server(db, port, cache=0, extra=["--token-file", str(token_file)], log=log_file)
    base_url = f"http://{HOST}:{port}"
    schema = schemathesis.openapi.from_path(str(OPENAPI_FILE))
    operations: dict[str, Any] = {}
    started = time.perf_counter()
    try:
        for result in schema.get_all_operations():
            operation = result.ok()
            label = f"{operation.method.upper()} {operation.path}"
            for mode in (GenerationMode.POSITIVE, GenerationMode.NEGATIVE):
                found = run_operation(operation, mode, args.examples, base_url, token)
                operations[f"{label} ({mode.value})"] = found
                print(f"{label:40} {mode.value:8} {found['requests']:5} requests {found['statuses']} "
                      f"{found['seconds']} s", flush=True)
            if proc.poll() is not None:
                raise RuntimeError("the server exited during the run")
    finally:
        stop_server(proc)
    log = server_log.read_text(encoding="utf-8", errors="replace")
    total = sum(o["requests"] for o in operations.values())
    five = sum(n for o in operations.values() for s, n in o["statuses"].items() if int(s) >= 500)
    result = {
        "script": "benchmarks/bench_schemathesis.py",
        "schema": "schema/openapi.json",
        "schemathesis": schemathesis.__version__ if hasattr(schemathesis, "__version__") else "",
        "examples_per_operation_and_mode": args.examples,
        "store_articles": args.n,
        "operations": len({k.rsplit(" (", 1)[0] for k in operations}),
        "requests": total,
        "server_errors": five,
        "tracebacks_in_server_log": log.count("Traceback"),
        "seconds": round(time.perf_counter() - started, 1),
        "machine": f"{platform.machine()}, {os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f} at the end",
        "per_operation": operations,
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(result, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"{total} requests over {result['operations']} operations: {five} answered 5xx; "
          f"{result['tracebacks_in_server_log']} tracebacks in the server log; wrote {args.out}")
    return 1 if five else 0


if __name__ == "__main__":
    raise SystemExit(main())
