"""The HTTP API (newsgraph.web): reading endpoints over a real store, auth, size limits, error shape, OpenAPI.

The store is filled by running the pipeline over short German articles written for these tests
(``tests/fixtures/web_articles.json``), a hostile article, and the founding article when ../shared is
present; the browser tests (``test_web_browser.py``) reuse the same records.
"""

from __future__ import annotations

import functools
import json
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("fastapi", reason="the web extra (fastapi, uvicorn) is not installed")
pytest.importorskip("duckdb", reason="the store extra (duckdb) is not installed")

from fastapi.testclient import TestClient

from newsgraph.record import Entity, Mention, Record
from newsgraph.web import Settings, create_app

from .conftest import FIXTURES, SEED

TOKEN = "test-token-0123456789abcdef"
#: the server answers only loopback names (DNS rebinding); TestClient's default "testserver" is refused
LOCAL = "http://localhost"
#: the Paris meeting's place: the venue the articles name (``im Élysée-Palast``), or the city
PARIS = ("Élysée Palace", "Paris")
ARTICLES = json.loads((FIXTURES / "web_articles.json").read_text(encoding="utf-8"))
HOSTILE_ENTITY = "<img src=x onerror=\"window.__pwned='entity'\">"


@functools.lru_cache(maxsize=1)
def extracted_records() -> tuple[Record, ...]:
    """Records of the test articles (extracted once per test run), the hostile one last but one, the seed last."""
    import newsgraph

    records = [
        newsgraph.extract(a["text"], lang="de", title=a["title"], url=a["url"], source=a["source"],
                          published=a["published"])
        for a in ARTICLES["articles"]
    ]
    records.append(hostile_record())
    if SEED.exists():
        records.append(newsgraph.extract(SEED.read_text(encoding="utf-8"), lang="de", source="seed"))
    return tuple(records)


def hostile_record() -> Record:
    """The hostile article: markup and script in its title, URL, outlet, text and an entity's name."""
    import newsgraph

    h = ARTICLES["hostile"]
    record = newsgraph.extract(h["text"], lang="de", title=h["title"], url=h["url"], source=h["source"],
                               published=h["published"])
    start = h["text"].index("<img")
    end = h["text"].index(">", start) + 1
    mention = Mention(start=start, end=end, text=h["text"][start:end])
    extra = Entity(id="e999", type="PER", name=HOSTILE_ENTITY, mentions=[mention])
    return record.model_copy(update={"entities": [*record.entities, extra]})


def build_store(path: Path) -> Path:
    from newsgraph.store import Store

    with Store(path) as store:
        store.ingest(list(extracted_records()))
    return path


@pytest.fixture(scope="module")
def store_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_store(tmp_path_factory.mktemp("web") / "news.duckdb")


@pytest.fixture(scope="module")
def client(store_path: Path) -> Any:
    app = create_app(Settings(db=store_path, token=TOKEN))
    with TestClient(app, base_url=LOCAL) as c:
        yield c


def _doc_id(client: TestClient, title: str) -> int:
    items = client.get("/api/documents", params={"limit": 100}).json()["items"]
    return next(d["article_id"] for d in items if d["title"] == title)


# -- the contract ----------------------------------------------------------------------------------


def test_openapi_file_is_current() -> None:
    from newsgraph.web.openapi import OPENAPI_FILE, render

    assert OPENAPI_FILE.exists(), "run .venv/bin/python -m newsgraph.web.openapi"
    assert OPENAPI_FILE.read_text(encoding="utf-8") == render(), "schema/openapi.json is stale: regenerate it"


def test_openapi_served_and_lists_endpoints(client: TestClient) -> None:
    doc = client.get("/api/openapi.json").json()
    for path in ("/api/documents", "/api/documents/{article_id}", "/api/entities/{entity_id}", "/api/events/{event_id}",
                 "/api/quotes", "/api/network", "/api/timeline", "/api/extract", "/api/ingest"):
        assert path in doc["paths"], path


# -- reading ---------------------------------------------------------------------------------------


def test_health_counts(client: TestClient) -> None:
    body = client.get("/api/health").json()
    assert body["status"] == "ok" and body["writable"] is True
    assert body["store"]["articles"] == len(extracted_records())


def test_document_list_search_and_record(client: TestClient) -> None:
    items = client.get("/api/documents", params={"q": "warschau"}).json()["items"]
    assert [d["title"] for d in items] == ["Scholz reist nach Warschau"]
    doc_id = _doc_id(client, "Scholz trifft Macron in Paris")
    doc = client.get(f"/api/documents/{doc_id}").json()
    record = Record.model_validate(doc["record"])  # the stored record, text restored, still valid
    assert record.text == ARTICLES["articles"][0]["text"]
    for entity in record.entities:
        assert entity.id in doc["entity_ids"]
        for m in entity.mentions:
            assert record.text[m.start:m.end] == m.text
    assert set(doc["event_ids"]) == {e.id for e in record.events}


def test_like_wildcards_are_literal(client: TestClient) -> None:
    assert client.get("/api/documents", params={"q": "%"}).json()["items"] == []


def test_actor_page_timeline_quotes_and_who_they_met(client: TestClient) -> None:
    found = client.get("/api/entities", params={"q": "Scholz"}).json()["items"]
    assert found and found[0]["name"] == "Olaf Scholz"
    page = client.get(f"/api/entities/{found[0]['entity_id']}").json()
    met = {m["name"] for m in page["met"]}
    assert {"Emmanuel Macron", "Donald Tusk"} <= met
    # the two reports of the Paris meeting are one event (the hostile article's Berlin meeting of the same
    # pair a day later may join it as a place conflict, as the store's merge rules say); its place is the
    # most specific one the reports name, the Élysée Palace in Paris
    paris = [e for e in page["timeline"] if e["place"] in PARIS]
    assert len(paris) == 1 and paris[0]["sources"] >= 2
    assert all("id" in p for p in paris[0]["participants"])
    assert any("eng zusammen" in q["text"] and q["article_id"] is not None for q in page["quotes"])


def test_event_sources_and_history(client: TestClient) -> None:
    scholz = client.get("/api/entities", params={"q": "Olaf Scholz"}).json()["items"][0]["entity_id"]
    timeline = client.get(f"/api/entities/{scholz}").json()["timeline"]
    paris = next(e for e in timeline if e["place"] in PARIS)
    event = client.get(f"/api/events/{paris['event_id']}").json()
    published = [s["published"] for s in event["sources"]]
    assert published == sorted(published) and {"2025-03-04", "2025-03-05"} <= set(published)
    if len(published) > 2:  # the Berlin report merged in: the place disagreement is recorded
        assert {paris["place"], "Berlin"} <= {c["value"] for c in event["conflicts"] if c["field"] == "place"}
    assert {p["name"] for p in event["participant_ids"]} == {"Olaf Scholz", "Emmanuel Macron"}
    assert all(isinstance(s["evidence"], list) for s in event["sources"])


def test_quotes_network_timeline_events(client: TestClient) -> None:
    quotes = client.get("/api/quotes", params={"q": "Stimme"}).json()["items"]
    assert len(quotes) == 1 and quotes[0]["speaker"] == "Emmanuel Macron"
    network = client.get("/api/network").json()
    names = {(e["source_name"], e["target_name"]) for e in network["edges"]}
    assert ("Olaf Scholz", "Emmanuel Macron") in names or ("Emmanuel Macron", "Olaf Scholz") in names
    timeline = client.get("/api/timeline", params={"name": "Tusk"}).json()
    assert timeline["entities"][0]["name"] == "Donald Tusk" and timeline["events"]
    planned = client.get("/api/events", params={"status": "planned"}).json()["items"]
    assert any(e["place"] in ("Warsaw", "Warschau") for e in planned)  # canonical name: the entity layer's choice


# -- errors ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(("path", "status", "needle"), [
    ("/api/documents/999999", 404, "no document 999999"),
    ("/api/entities/999999", 404, "no entity"),
    ("/api/events/999999", 404, "no event"),
    ("/api/documents?limit=0", 422, "limit"),
    ("/api/documents/abc", 422, "article_id"),
    ("/api/events?since=yesterday", 422, "since"),
    ("/api/nothing-here", 404, "no such endpoint"),
])
def test_errors_are_json_with_a_message(client: TestClient, path: str, status: int, needle: str) -> None:
    response = client.get(path)
    assert response.status_code == status
    error = response.json()["error"]
    assert error["status"] == status and needle in error["message"]


def test_internal_errors_hide_details(store_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from newsgraph.web import access

    def broken(*args: Any, **kwargs: Any) -> None:
        raise RuntimeError("secret internal detail /etc/passwd")

    monkeypatch.setattr(access, "list_documents", broken)
    with TestClient(create_app(Settings(db=store_path)), raise_server_exceptions=False, base_url=LOCAL) as c:
        response = c.get("/api/documents")
    assert response.status_code == 500
    assert response.json() == {"error": {"status": 500, "message": "internal server error"}}
    assert "secret" not in response.text and "Traceback" not in response.text


def test_security_headers(client: TestClient) -> None:
    page = client.get("/")
    assert page.status_code == 200 and "app.js" in page.text
    csp = page.headers["content-security-policy"]
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp
    assert client.get("/api/health").headers["cache-control"] == "no-store"
    assert client.get("/static/app.js").headers["x-content-type-options"] == "nosniff"


def test_page_never_assigns_html() -> None:
    """The page builds its DOM from text only: no HTML-parsing sinks anywhere in its script."""
    from newsgraph.web.app import STATIC

    script = (STATIC / "app.js").read_text(encoding="utf-8")
    code = "\n".join(line for line in script.splitlines() if not line.lstrip().startswith("//"))
    for sink in ("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval(", "new Function"):
        assert sink not in code, sink


# -- writing: auth, limits, validation -------------------------------------------------------------


@pytest.fixture
def writable(tmp_path: Path) -> Any:
    app = create_app(Settings(db=tmp_path / "w.duckdb", token=TOKEN, max_body=64 * 1024))
    with TestClient(app, base_url=LOCAL) as c:
        yield c


def _auth(token: str = TOKEN) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


def test_ingest_needs_the_token(writable: TestClient) -> None:
    body = {"records": [extracted_records()[0].model_dump(mode="json")]}
    missing = writable.post("/api/ingest", json=body)
    assert missing.status_code == 401 and "bearer token" in missing.json()["error"]["message"]
    assert missing.headers["www-authenticate"] == "Bearer"
    wrong = writable.post("/api/ingest", json=body, headers=_auth("not-the-token-at-all"))
    assert wrong.status_code == 401 and wrong.json()["error"]["message"] == "invalid token"
    assert writable.get("/api/health").json()["store"]["articles"] == 0
    assert writable.get("/api/documents").json()["items"] == []  # now cached
    ok = writable.post("/api/ingest", json=body, headers=_auth())
    assert ok.status_code == 200 and ok.json()["added"] == 1
    again = writable.post("/api/ingest", json=body, headers=_auth()).json()
    assert again["added"] == 0 and again["unchanged"] == 1
    # the write emptied the cache: the same request now sees the new article
    assert writable.get("/api/documents").json()["items"][0]["title"] == "Scholz trifft Macron in Paris"


def test_extract_and_ingest_articles(writable: TestClient) -> None:
    article = ARTICLES["articles"][2]
    body = {k: article[k] for k in ("text", "title", "published")}
    record = Record.model_validate(writable.post("/api/extract", json=body, headers=_auth()).json())
    assert {e.name for e in record.entities} >= {"Olaf Scholz", "Donald Tusk"}
    assert writable.get("/api/health").json()["store"]["articles"] == 0  # extract stores nothing
    stats = writable.post("/api/ingest", json={"articles": [body]}, headers=_auth()).json()
    assert stats["added"] == 1 and stats["record_ids"] == [record.id]


def test_write_disabled_without_token_file(store_path: Path) -> None:
    with TestClient(create_app(Settings(db=store_path)), base_url=LOCAL) as c:
        response = c.post("/api/extract", json={"text": "Ein Text."}, headers=_auth())
    assert response.status_code == 403 and "--token-file" in response.json()["error"]["message"]


def test_protected_reads(store_path: Path) -> None:
    with TestClient(create_app(Settings(db=store_path, token=TOKEN, protect_reads=True)), base_url=LOCAL) as c:
        assert c.get("/api/documents").status_code == 401
        assert c.get("/api/documents", headers=_auth()).status_code == 200
        assert c.get("/").status_code == 200  # the page itself is static; its data needs the token


def test_body_size_limit(writable: TestClient) -> None:
    big = {"text": "Wort " * 20_000}  # ~100 KB > 64 KB
    response = writable.post("/api/extract", json=big, headers=_auth())
    assert response.status_code == 413
    assert "larger than 65536 bytes" in response.json()["error"]["message"]

    def chunks() -> Any:  # no Content-Length: the streamed size is counted
        for _ in range(100):
            yield b"x" * 1024

    streamed = writable.post("/api/extract", content=chunks(), headers={**_auth(), "Content-Type": "application/json"})
    assert streamed.status_code == 413


@pytest.mark.parametrize(("body", "needle"), [
    ({"text": ""}, "text"),
    ({"title": "ohne Text"}, "text: Field required"),
    ({"text": "Ein Text.", "lang": "fr"}, "lang"),
    ({"text": "Ein Text.", "published": "gestern"}, "published"),
])
def test_extract_validation(writable: TestClient, body: dict[str, Any], needle: str) -> None:
    response = writable.post("/api/extract", json=body, headers=_auth())
    assert response.status_code == 422
    assert needle in response.json()["error"]["message"]


def test_malformed_json_and_empty_ingest(writable: TestClient) -> None:
    bad = writable.post("/api/ingest", content=b"{not json", headers={**_auth(), "Content-Type": "application/json"})
    assert bad.status_code == 422 and bad.json()["error"]["message"].startswith("invalid request")
    empty = writable.post("/api/ingest", json={}, headers=_auth())
    assert empty.status_code == 400 and "nothing to ingest" in empty.json()["error"]["message"]
    broken = {"records": [{"id": "x", "language": "de", "text": "abc",
                           "entities": [{"id": "e1", "type": "PER", "name": "A",
                                         "mentions": [{"start": 0, "end": 2, "text": "zz"}]}]}]}
    refused = writable.post("/api/ingest", json=broken, headers=_auth())  # offsets that miss the text
    assert refused.status_code == 422
    assert "records.0 (x): entity e1 mention: text[0:2]='ab' != 'zz'" in refused.json()["error"]["message"]
    assert writable.get("/api/health").json()["store"]["articles"] == 0


# -- the serve command -----------------------------------------------------------------------------


def test_serve_command_registered_and_checks_options(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from newsgraph.cli import app

    runner = CliRunner()
    assert "--token-file" in runner.invoke(app, ["serve", "--help"]).output
    result = runner.invoke(app, ["serve", "--db", str(tmp_path / "x.duckdb"), "--protect-reads"])
    assert result.exit_code == 2
    short = tmp_path / "token"
    short.write_text("abc\n")
    result = runner.invoke(app, ["serve", "--db", str(tmp_path / "x.duckdb"), "--token-file", str(short)])
    assert result.exit_code == 2 and "16 characters" in result.output


def test_response_cache_bounds_and_generations() -> None:
    from newsgraph.web.app import ResponseCache

    cache = ResponseCache(max_entries=2, max_bytes=1600)
    cache.put("a", 0, b"1")
    cache.put("b", 0, b"2")
    assert cache.get("a") == b"1"  # a is now the most recent
    cache.put("c", 0, b"3")
    assert cache.get("b") is None and cache.get("a") == b"1" and cache.get("c") == b"3"
    cache.put("big", 0, b"x" * 101)  # over max_bytes / 16: never kept
    assert cache.get("big") is None
    generation = cache.generation
    cache.clear()  # a write happened while an answer was computed: that answer is not stored
    cache.put("d", generation, b"4")
    assert cache.get("d") is None and cache.get("a") is None
    cache.put("d", cache.generation, b"4")
    assert cache.get("d") == b"4" and cache.size == 1
    assert ResponseCache(0).get("x") is None


def test_identical_concurrent_requests_share_one_query(store_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import asyncio
    import time

    import httpx

    from newsgraph.web import access

    calls: list[int] = []
    original = access.list_documents

    def slow(*args: Any, **kwargs: Any) -> Any:
        calls.append(1)
        time.sleep(0.2)
        return original(*args, **kwargs)

    monkeypatch.setattr(access, "list_documents", slow)
    app = create_app(Settings(db=store_path))

    async def burst() -> list[httpx.Response]:
        app.state.store["access"] = access.StoreAccess(store_path)  # what the lifespan does
        try:
            transport = httpx.ASGITransport(app=app)
            async with httpx.AsyncClient(transport=transport, base_url=LOCAL) as c:
                first = await asyncio.gather(*(c.get("/api/documents?limit=7") for _ in range(10)))
                again = await c.get("/api/documents?limit=7")  # from the cache
                return [*first, again]
        finally:
            app.state.store.pop("access").close()

    responses = asyncio.run(burst())
    assert [r.status_code for r in responses] == [200] * 11
    assert len({r.content for r in responses}) == 1
    assert len(calls) == 1
