"""Schemathesis against the committed OpenAPI document (``schema/openapi.json``): no endpoint answers 5xx.

Every operation of the document gets generated requests (valid ones from the schema, and
schemathesis' negative and boundary cases: huge ids, odd strings, wrong types), sent with the token to
a real server (uvicorn as ``newsgraph serve`` configures it) over a store of the test records. A short
run here (a few dozen cases per operation); ``benchmarks/bench_schemathesis.py`` runs the long one
whose figures are in the README.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

pytest.importorskip("fastapi", reason="the web extra (fastapi, uvicorn) is not installed")
pytest.importorskip("duckdb", reason="the store extra (duckdb) is not installed")
pytest.importorskip("schemathesis", reason="schemathesis is not installed (the dev extra)")

import schemathesis
from hypothesis import HealthCheck, settings

from newsgraph.web import Settings
from newsgraph.web.openapi import OPENAPI_FILE

from .test_web_api import TOKEN, build_store
from .test_web_hardening import live_server

#: cases per operation in the test suite (the benchmark runs many more)
EXAMPLES = 20

schema = schemathesis.openapi.from_path(str(OPENAPI_FILE))


@pytest.fixture(scope="module")
def live(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    db = build_store(tmp_path_factory.mktemp("schemathesis") / "news.duckdb")
    with live_server(Settings(db=db, token=TOKEN, extract_workers=1)) as url:
        yield url


@schema.parametrize()
@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck), derandomize=True)
def test_no_server_errors(case: Any, live: str) -> None:
    response = case.call(base_url=live, headers={"Authorization": f"Bearer {TOKEN}"}, timeout=120)
    assert response.status_code < 500, (case.method, case.formatted_path, case.query, response.text[:500])
