"""The web page in a real browser: Debian's chromium driven by Playwright (Python), offline and headless.

What a person sees is checked on the article view, an actor page, an event page, the network and search;
screenshots go to ``tests/output/screenshots/``. The hostile-article test renders markup and script
placed in an article's title, URL, outlet, text and entity names with the page's Content-Security-Policy
*bypassed*, so that it proves the rendering itself never turns article content into markup: no dialog
opens, ``window.__pwned`` is never set, no injected element or request appears.

Skips (with the reason) when playwright, chromium (``make browser``) or the web extra is missing.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("fastapi", reason="the web extra (fastapi, uvicorn) is not installed")
pytest.importorskip("uvicorn", reason="the web extra (fastapi, uvicorn) is not installed")
pytest.importorskip("duckdb", reason="the store extra (duckdb) is not installed")
sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed (pip install playwright)")

CHROMIUM = Path("/usr/bin/chromium")
if not CHROMIUM.exists():
    pytest.skip(f"{CHROMIUM} is missing (make browser, or apt-get install chromium)", allow_module_level=True)

from newsgraph.web import Settings  # noqa: E402

from .conftest import SEED  # noqa: E402
from .test_web_api import ARTICLES, HOSTILE_ENTITY, TOKEN, build_store  # noqa: E402
from .test_web_hardening import live_server  # noqa: E402

SHOTS = Path(__file__).resolve().parent / "output" / "screenshots"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The app on 127.0.0.1 (a free port), configured as ``newsgraph serve`` runs it, over the test records."""
    db = build_store(tmp_path_factory.mktemp("web-browser") / "news.duckdb")
    with live_server(Settings(db=db, token=TOKEN)) as url:
        yield url


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    pw = sync_api.sync_playwright().start()
    try:
        chromium = pw.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True)
    except Exception as err:  # a chromium that cannot start here is an environment problem, not a test failure
        pw.stop()
        pytest.skip(f"chromium did not start: {err}")
    yield chromium
    chromium.close()
    pw.stop()


@pytest.fixture
def page(browser: Any, server: str) -> Iterator[Any]:
    context = browser.new_context(viewport={"width": 1400, "height": 1000}, base_url=server)
    # nothing but the server itself may be reached
    context.route("**/*", lambda route: route.continue_() if route.request.url.startswith(server) else route.abort())
    pg = context.new_page()
    pg.set_default_timeout(15_000)
    yield pg
    context.close()


def _open(page: Any, path: str) -> None:
    page.goto(path)
    page.wait_for_selector("body[data-view=ready]")


def _shot(page: Any, name: str) -> None:
    """Save a screenshot, after checking that no value was rendered as a JavaScript object or array."""
    assert "[object" not in page.locator("main").inner_text()
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)


def _ids(server: str) -> dict[str, int]:
    import httpx

    docs = httpx.get(f"{server}/api/documents", params={"limit": 100}).json()["items"]
    ids = {d["title"] or d["snippet"][:20]: d["article_id"] for d in docs}
    scholz = httpx.get(f"{server}/api/entities", params={"q": "Olaf Scholz"}).json()["items"][0]["entity_id"]
    ids["Olaf Scholz"] = scholz
    return ids


def test_article_view_highlights_and_panel(page: Any, server: str) -> None:
    article = ARTICLES["articles"][0]
    _open(page, f"/#/doc/{_ids(server)[article['title']]}")
    assert page.locator("#doc-title").inner_text() == article["title"]
    text = page.locator("#doc-text")
    assert text.inner_text() == article["text"]  # the whole text, unchanged
    # entities coloured by type, quotes on a speaker colour, times and event evidence marked
    scholz = page.locator("#doc-text span.ent-PER", has_text="Scholz").first
    assert scholz.evaluate("e => getComputedStyle(e).color") == "rgb(31, 95, 191)"
    quote = page.locator("#doc-text span.quote", has_text="eng zusammen").first
    assert quote.evaluate("e => getComputedStyle(e).backgroundColor") not in ("rgba(0, 0, 0, 0)", "transparent")
    assert page.locator("#doc-text span.time", has_text="Montag").count() == 1
    assert page.locator("#doc-text span.evt").count() >= 1
    # the side panel lists the record; clicking an entity highlights every mention of it
    panel = page.locator("#record-panel")
    assert "Emmanuel Macron" in panel.inner_text()
    page.locator("button.item-entity", has_text="Emmanuel Macron").click()
    highlighted = page.locator("#doc-text span.hl").all_inner_texts()
    assert highlighted and all("Macron" in t for t in highlighted)
    # clicking a quote in the text selects it in the panel and highlights the whole quote
    quote.click()
    active = page.locator("button.item.active")
    assert active.count() == 1 and "Olaf Scholz" in active.inner_text()
    assert "Wir stehen in diesen Zeiten eng zusammen" in "".join(page.locator("#doc-text span.hl").all_inner_texts())
    _shot(page, "article_view")
    # an entity of the record links to its actor page
    page.locator(".tabs button[data-tab=entity]").click()
    page.locator("#record-panel a", has_text="actor page").first.click()
    page.wait_for_selector("#actor-name")


def test_founding_article_view(page: Any, server: str) -> None:
    if not SEED.exists():
        pytest.skip("../shared/seeds is not beside this clone")
    seed = SEED.read_text(encoding="utf-8")
    ids = _ids(server)
    doc_id = next(v for k, v in ids.items() if seed.startswith(k))
    _open(page, f"/#/doc/{doc_id}")
    assert page.locator("#doc-text").inner_text() == seed
    assert page.locator("#doc-text span.ent").count() >= 5
    assert page.locator("#doc-text span.quote").count() >= 1
    page.locator(".tabs button[data-tab=event]").click()
    page.locator("button.item-event").first.click()
    assert page.locator("#doc-text span.hl").count() >= 1
    _shot(page, "founding_article")


def test_actor_page(page: Any, server: str) -> None:
    _open(page, f"/#/actor/{_ids(server)['Olaf Scholz']}")
    assert "Olaf Scholz" in page.locator("#actor-name").inner_text()
    timeline = page.locator("section.timeline table")
    shown = timeline.inner_text()
    # the Paris meeting's place is the most specific one its reports name: the Élysée Palace in Paris
    assert ("Élysée" in shown or "Paris" in shown) and ("Warsaw" in shown or "Warschau" in shown)
    met = page.locator("section.met").inner_text()
    assert "Emmanuel Macron" in met and "Donald Tusk" in met
    assert "Wir stehen in diesen Zeiten eng zusammen" in page.locator("section.quotes").inner_text()
    assert page.locator("svg.network circle").count() >= 3
    _shot(page, "actor_page")
    page.locator("section.met a", has_text="Donald Tusk").click()
    page.locator("#actor-name", has_text="Donald Tusk").wait_for()


def test_event_page_sources_history_conflicts(page: Any, server: str) -> None:
    _open(page, f"/#/actor/{_ids(server)['Olaf Scholz']}")
    paris_row = page.locator("section.timeline tr", has_text="Élysée")
    if paris_row.count() == 0:
        paris_row = page.locator("section.timeline tr", has_text="Paris")
    paris_row.first.locator("a", has_text="meeting").click()
    page.wait_for_selector("#event-title")
    page.wait_for_selector("body[data-view=ready]")
    sources = page.locator("section.sources tbody tr")
    assert sources.count() >= 2
    history = page.locator("section.history li").all_inner_texts()
    assert any("happened" in h for h in history)
    titles = page.locator("section.sources").inner_text()
    assert "Scholz trifft Macron in Paris" in titles and "Deutsch-französische Gespräche im Élysée" in titles
    assert f"{sources.count()} source(s)" in page.locator("main").inner_text()
    if sources.count() > 2:  # the Berlin report joined: its place conflict names who said what
        def row(value: str) -> Any:
            return page.locator("section.conflicts tr", has=page.get_by_role("cell", name=value, exact=True))

        assert row("Berlin").locator("a").all_inner_texts() == [ARTICLES["hostile"]["title"]]
        place = "Élysée Palace" if row("Élysée Palace").count() else "Paris"
        paris = row(place).inner_text()
        assert "Scholz trifft Macron in Paris" in paris and "Élysée" in paris
    _shot(page, "event_page")


def test_network_and_search(page: Any, server: str) -> None:
    _open(page, "/#/network")
    assert page.locator("svg.network circle").count() >= 3
    assert "Donald Tusk" in page.locator("svg.network").text_content()
    _shot(page, "network")
    page.fill("#search-input", "Stimme")
    page.press("#search-input", "Enter")
    page.wait_for_selector("#search-query")
    page.wait_for_selector("body[data-view=ready]")
    assert "Europa muss mit einer Stimme sprechen" in page.locator("main").inner_text()
    _shot(page, "search")


def test_analyse_a_posted_text(page: Any, server: str) -> None:
    """The "Analyse a text" form posts to /api/extract with the token and shows the record highlighted."""
    article = ARTICLES["articles"][2]
    _open(page, "/#/analyse")
    page.fill("#analyse-title", article["title"])
    page.fill("#analyse-published", article["published"])
    page.fill("#analyse-text", article["text"])
    page.fill("#analyse-token", "wrong-token-000000000")
    page.click("#main button[type=submit]")
    page.locator("#analyse-out .error", has_text="invalid token").wait_for()
    page.fill("#analyse-token", TOKEN)
    page.click("#main button[type=submit]")
    page.wait_for_selector("#doc-text", timeout=60_000)
    assert page.locator("#doc-text").inner_text() == article["text"]
    assert page.locator("#doc-text span.ent-PER", has_text="Donald Tusk").count() == 1
    _shot(page, "analyse")


def test_hostile_article_executes_nothing(browser: Any, server: str) -> None:
    """Scripts, event handlers and javascript: URLs from an article stay text, even with the CSP switched off."""
    context = browser.new_context(viewport={"width": 1400, "height": 1000}, base_url=server, bypass_csp=True)
    context.route("**/*", lambda route: route.continue_() if route.request.url.startswith(server) else route.abort())
    page = context.new_page()
    page.set_default_timeout(15_000)
    dialogs: list[str] = []
    stray: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.on("request", lambda r: None if r.url.startswith(f"{server}/api/") or r.url.startswith(f"{server}/static/")
            or r.url.rstrip("/") == server else stray.append(r.url))
    try:
        hostile = ARTICLES["hostile"]
        ids = _ids(server)
        _open(page, f"/#/doc/{ids[hostile['title']]}")
        page.wait_for_timeout(300)  # time for an injected <img onerror> or <svg onload> to fire, were there one
        assert page.evaluate("window.__pwned") is None
        assert dialogs == []
        # what the article says is shown literally
        assert page.locator("#doc-title").inner_text() == hostile["title"]
        assert page.locator("#doc-text").inner_text() == hostile["text"]
        injected = "#doc-text script, #doc-text img, #doc-text iframe, #doc-text svg, #doc-text a"
        assert page.locator(injected).count() == 0
        assert page.locator("main script, main img, main iframe, main [onerror], main [onload]").count() == 0
        assert page.locator("a[href^='javascript']").count() == 0
        assert hostile["source"] in page.locator(".meta").inner_text()
        # poke at it: click every highlight and every panel item, hover the metadata
        for piece in page.locator("#doc-text span.ent, #doc-text span.quote").all()[:20]:
            piece.click()
        for tab in page.locator(".tabs button").all():
            tab.click()
            for item in page.locator("button.item:visible").all()[:10]:
                item.click()
        page.locator(".meta").hover()
        page.locator(".meta span.muted", has_text="original").click()  # the javascript: URL is not a link
        _shot(page, "hostile_article")
        # the hostile entity's own page, the home page and a search that finds the article
        actor = page.evaluate("fetch('/api/entities?limit=500').then(r => r.json())")["items"]
        evil = next(e for e in actor if e["name"] == HOSTILE_ENTITY)
        _open(page, f"/#/actor/{evil['entity_id']}")
        assert page.locator("#actor-name").inner_text().endswith(HOSTILE_ENTITY)
        _open(page, "/#/")
        assert hostile["title"] in page.locator("ul.documents").inner_text()
        _shot(page, "home")
        page.fill("#search-input", "pwned")
        page.press("#search-input", "Enter")
        page.wait_for_selector("#search-query")
        page.wait_for_selector("body[data-view=ready]")
        page.wait_for_timeout(300)
        assert page.evaluate("window.__pwned") is None
        assert dialogs == []
        assert stray == [], stray  # no <img src=x>, no javascript: navigation, nothing else fetched
        assert page.locator("main script, main img, main iframe, main svg[onload]").count() == 0
    finally:
        context.close()



def test_api_docs_run_under_the_csp(page: Any, server: str) -> None:
    """/api/docs works offline with the page's own Content-Security-Policy in force (not bypassed): Swagger UI's
    scripts load from this server, every endpoint is listed, and the browser reports no CSP violation."""
    errors: list[str] = []
    stray: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on("request", lambda r: None if r.url.startswith(server) or r.url.startswith("data:") else stray.append(r.url))
    page.add_init_script("document.addEventListener('securitypolicyviolation',"
                         " e => (window.__csp = window.__csp || []).push(e.violatedDirective + ' ' + e.blockedURI))")
    page.goto("/api/docs")
    page.wait_for_selector(".swagger-ui .opblock-summary", timeout=30_000)
    paths = page.locator(".swagger-ui .opblock-summary-path").all_inner_texts()
    for path in ("/api/documents", "/api/events/{event_id}", "/api/extract", "/api/ingest"):
        assert any(p.replace("\u200b", "") == path for p in paths), (path, paths)
    assert "newsgraph" in page.locator(".swagger-ui .info").inner_text()
    violations = page.evaluate("window.__csp || []")
    assert violations == [], violations
    assert [e for e in errors if "Content Security Policy" in e or "Refused" in e] == []
    assert stray == [], stray
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / "api_docs.png"), full_page=False)
