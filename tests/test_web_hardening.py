"""Hostile requests against the web server: foreign hosts, oversized heads and URLs, ids out of range,
dates past the calendar, unexpected errors on keep-alive, and extraction that must not hold others.

Checks that depend on the HTTP parser run against a real uvicorn server on loopback with the
configuration ``newsgraph serve`` uses (:func:`newsgraph.web.app.server_config`); the rest go
through the ASGI app in process.
"""

from __future__ import annotations

import contextlib
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("fastapi", reason="the web extra (fastapi, uvicorn) is not installed")
pytest.importorskip("uvicorn", reason="the web extra (fastapi, uvicorn) is not installed")
pytest.importorskip("duckdb", reason="the store extra (duckdb) is not installed")

from fastapi.testclient import TestClient

from newsgraph.web import Settings, create_app
from newsgraph.web.app import server_config

from .test_web_api import LOCAL, TOKEN


@contextlib.contextmanager
def live_server(settings: Settings) -> Iterator[str]:
    """``create_app(settings)`` served by uvicorn as ``newsgraph serve`` configures it, on a free loopback port."""
    import uvicorn

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = int(s.getsockname()[1])
    server = uvicorn.Server(server_config(create_app(settings), settings, port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 60
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            pytest.fail("the server did not start")
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=20)


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from newsgraph.store import Store

    path = tmp_path_factory.mktemp("hardening") / "news.duckdb"
    Store(path).close()
    return path


@pytest.fixture(scope="module")
def server(store: Path) -> Iterator[str]:
    with live_server(Settings(db=store, token=TOKEN)) as url:
        yield url


def _exchange(url: str, request: bytes, sock: socket.socket | None = None) -> tuple[int, bytes]:
    """Send one raw request and read one answer (status, body); the body is read by its Content-Length."""
    own = sock is None
    if sock is None:
        host, port = url.removeprefix("http://").split(":")
        sock = socket.create_connection((host, int(port)), timeout=20)
    try:
        sock.sendall(request)
        data = b""
        while b"\r\n\r\n" not in data:
            chunk = sock.recv(65536)
            if not chunk:
                raise ConnectionError(f"closed before an answer: {data!r}")
            data += chunk
        head, _, body = data.partition(b"\r\n\r\n")
        length = next(int(line.split(b":")[1]) for line in head.split(b"\r\n")
                      if line.lower().startswith(b"content-length"))
        while len(body) < length:
            chunk = sock.recv(65536)
            if not chunk:
                break
            body += chunk
        return int(head.split(b" ")[1]), body
    finally:
        if own:
            sock.close()


# -- trusted hosts -------------------------------------------------------------------------------------


def test_foreign_host_is_refused(store: Path) -> None:
    """DNS rebinding: a page on another name that resolves to 127.0.0.1 gets 400, and the store stays unread."""
    with TestClient(create_app(Settings(db=store)), base_url="http://rebind.example") as c:
        response = c.get("/api/documents")
        assert response.status_code == 400
        assert "'rebind.example' is not served here" in response.json()["error"]["message"]
        assert response.headers["x-frame-options"] == "DENY"  # still with the security headers
        for host in ("localhost:8000", "127.0.0.1", "[::1]:8000", "LOCALHOST."):
            assert c.get("/api/health", headers={"Host": host}).status_code == 200, host
        assert c.get("/", headers={"Host": "localhost.rebind.example"}).status_code == 400


def test_allowed_hosts_are_configurable(store: Path) -> None:
    settings = Settings(db=store, allowed_hosts=("news.internal", "::1"))
    with TestClient(create_app(settings), base_url="http://news.internal:8000") as c:
        assert c.get("/api/health").status_code == 200
        assert c.get("/api/health", headers={"Host": "[::1]"}).status_code == 200
        assert c.get("/api/health", headers={"Host": "localhost"}).status_code == 400  # replaced, not added
    with TestClient(create_app(Settings(db=store, allowed_hosts=("*",))), base_url="http://any.example") as c:
        assert c.get("/api/health").status_code == 200


def test_serve_answers_loopback_its_address_and_allowed_hosts() -> None:
    from typer.testing import CliRunner

    from newsgraph.cli import app
    from newsgraph.web.cli import answered_hosts

    assert answered_hosts("127.0.0.1", None) == ("localhost", "127.0.0.1", "[::1]")
    assert answered_hosts("10.0.0.5", ["news.internal"]) == ("localhost", "127.0.0.1", "[::1]", "10.0.0.5",
                                                              "news.internal")
    assert answered_hosts("0.0.0.0", None) == ("localhost", "127.0.0.1", "[::1]")  # a wildcard is no name
    assert "--allow-host" in CliRunner().invoke(app, ["serve", "--help"], terminal_width=200).output


# -- sizes of the request head and URL ---------------------------------------------------------------------


def _flood(url: str, start: bytes, total: int) -> tuple[int, bytes]:
    """Send ``start`` and then ``total`` bytes of ``a`` in 1 MB writes (a request head that never ends);
    how much went out before the server closed the connection, and what it answered."""
    host, port = url.removeprefix("http://").split(":")
    sent = 0
    with socket.create_connection((host, int(port)), timeout=20) as sock:
        sock.sendall(start)
        chunk = b"a" * (1024 * 1024)
        with contextlib.suppress(BrokenPipeError, ConnectionResetError):
            while sent < total:
                sock.sendall(chunk)
                sent += len(chunk)
        answer = b""
        with contextlib.suppress(ConnectionResetError):
            while part := sock.recv(65536):
                answer += part
    return sent, answer


def test_huge_header_is_refused_before_it_is_read(server: str) -> None:
    """A 200 MB header: the server answers 400 and closes after its head limit, long before 200 MB arrive."""
    started = time.monotonic()
    sent, answer = _flood(server, b"GET /api/health HTTP/1.1\r\nHost: localhost\r\nX-Big: ", 200 * 1024 * 1024)
    assert sent < 20 * 1024 * 1024, f"the server read {sent} bytes of header"
    assert time.monotonic() - started < 15
    assert answer.startswith(b"HTTP/1.1 400") or answer == b""  # a reset may overtake the answer
    assert _exchange(server, b"GET /api/health HTTP/1.1\r\nHost: localhost\r\n\r\n")[0] == 200  # still serving


def test_long_urls_are_refused(server: str) -> None:
    long_query = b"q=" + b"x" * 9000
    status, body = _exchange(server, b"GET /api/documents?" + long_query + b" HTTP/1.1\r\nHost: localhost\r\n\r\n")
    assert status == 414 and b"URL longer than 8192 bytes" in body
    sent, answer = _flood(server, b"GET /api/documents?q=", 200 * 1024 * 1024)  # a URL that never ends
    assert sent < 20 * 1024 * 1024 and (answer.startswith(b"HTTP/1.1 400") or answer == b"")


# -- ids and dates -----------------------------------------------------------------------------------------


@pytest.mark.parametrize("path", ["/api/documents/{}", "/api/entities/{}", "/api/entities/{}/network",
                                  "/api/events/{}"])
def test_ids_outside_the_store_range(store: Path, path: str) -> None:
    with TestClient(create_app(Settings(db=store)), base_url=LOCAL) as c:
        for bad in (2**63, 2**64 + 5, -1, 10**40):
            response = c.get(path.format(bad))
            assert response.status_code == 422, (bad, response.text)
        last = c.get(path.format(2**63 - 1))
        assert last.status_code in (200, 404)  # the largest id is a valid question


@pytest.mark.parametrize("day", ["2025-13-01", "2025-02-30", "0000", "9999-12", "٢٠٢٥", "2025-1-01"])
def test_dates_past_the_calendar_are_422(store: Path, day: str) -> None:
    with TestClient(create_app(Settings(db=store)), base_url=LOCAL) as c:
        for path in ("/api/events", "/api/quotes", "/api/network"):
            response = c.get(path, params={"since": day})
            assert response.status_code == 422 and "since" in response.json()["error"]["message"], (path, day)
        assert c.get("/api/timeline", params={"name": "X", "until": day}).status_code == 422
        assert c.get("/api/events", params={"until": "9999-12-31"}).status_code == 200


# -- keep-alive after an error ---------------------------------------------------------------------------


def test_unexpected_error_keeps_the_connection(store: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from newsgraph.web import access

    def broken(*args: Any, **kwargs: Any) -> None:
        raise RuntimeError("a bug")

    monkeypatch.setattr(access, "list_documents", broken)
    with live_server(Settings(db=store, cache_entries=0)) as url:
        host, port = url.removeprefix("http://").split(":")
        with socket.create_connection((host, int(port)), timeout=20) as sock:
            status, body = _exchange(url, b"GET /api/documents HTTP/1.1\r\nHost: localhost\r\n\r\n", sock)
            assert status == 500 and body == b'{"error":{"status":500,"message":"internal server error"}}'
            assert _exchange(url, b"GET /api/health HTTP/1.1\r\nHost: localhost\r\n\r\n", sock)[0] == 200
            assert _exchange(url, b"GET /api/events/-1 HTTP/1.1\r\nHost: localhost\r\n\r\n", sock)[0] == 422
            assert _exchange(url, b"GET /api/health HTTP/1.1\r\nHost: localhost\r\n\r\n", sock)[0] == 200


# -- the API browser -------------------------------------------------------------------------------------


def test_api_docs_are_served_from_local_files(store: Path) -> None:
    with TestClient(create_app(Settings(db=store)), base_url=LOCAL) as c:
        page = c.get("/api/docs")
        assert page.status_code == 200
        assert "<script>" not in page.text and "//" not in page.text  # nothing inline, nothing remote
        for src in ("/api/docs-assets/swagger-ui-bundle.js", "/api/docs-assets/swagger-ui.css", "/static/docs.js"):
            assert src in page.text
            asset = c.get(src)
            assert asset.status_code == 200 and len(asset.content) > 100, src
        assert "script-src 'self'" in page.headers["content-security-policy"]


# -- extraction: workers, queue, budget ------------------------------------------------------------------


def test_full_extraction_queue_answers_503_with_retry_after(store: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from newsgraph.web import extraction

    app = create_app(Settings(db=store, token=TOKEN))

    def full(job: dict[str, Any]) -> str:
        raise extraction.PoolFull("all 2 extraction workers are busy and the queue is full: retry shortly")

    monkeypatch.setattr(app.state.extract_pool, "extract", full)
    with TestClient(app, base_url=LOCAL) as c:
        response = c.post("/api/extract", json={"text": "Ein Text."}, headers={"Authorization": f"Bearer {TOKEN}"})
    assert response.status_code == 503 and response.headers["retry-after"] == "5"
    assert "queue is full" in response.json()["error"]["message"]


def test_slow_extraction_is_stopped_and_holds_nobody() -> None:
    """Two workers: one article past its budget is stopped (its worker replaced) while a short one goes through;
    a request beyond workers + queue is refused at once."""
    from newsgraph.web.extraction import ExtractPool, OverBudget, PoolFull

    pool = ExtractPool(workers=2, queue_size=0, budget=4.0)
    try:
        for worker in pool._all:  # load both before timing anything
            worker.wait_ready(300)
        long_text = "Die Ministerin sagte am Montag in Berlin, sie werde Paris besuchen. " * 2500  # 170k characters
        outcome: dict[str, Any] = {}

        def slow() -> None:
            try:
                pool.extract({"text": long_text, "lang": "de"})
            except OverBudget as err:
                outcome["error"] = err
                outcome["at"] = time.monotonic()

        thread = threading.Thread(target=slow)
        started = time.monotonic()
        thread.start()
        time.sleep(0.5)
        short = pool.extract({"text": "Olaf Scholz traf am Montag in Paris Emmanuel Macron.", "lang": "de"})
        assert '"Olaf Scholz"' in short and thread.is_alive()  # answered while the long one still runs
        assert pool._admission.acquire(blocking=False)  # a second request in flight: both slots taken, no queue
        try:
            with pytest.raises(PoolFull):
                pool.extract({"text": "Noch ein Text.", "lang": "de"})
        finally:
            pool._admission.release()
        thread.join(timeout=60)
        assert "time budget of 4 s" in str(outcome["error"]) and outcome["at"] - started < 30
        again = pool.extract({"text": "Emmanuel Macron besuchte am Dienstag Warschau.", "lang": "de"})
        assert '"Emmanuel Macron"' in again  # the replaced worker answers
    finally:
        pool.close()
