"""The FastAPI application: a JSON API over one store, and the analysts' web page served beside it.

:func:`create_app` builds the app from :class:`Settings` without touching the store; the store opens
when the app starts (lifespan), so the OpenAPI document can be produced without a database.

Security model, and why:

- reading endpoints are public by default (an analyst on localhost), or need the bearer token with
  ``protect_reads``; writing endpoints (``POST /api/extract``, ``POST /api/ingest``) always need it,
  and are refused (403) when the server was started without a token;
- only requests naming a trusted host are answered (:class:`RequestGate`: loopback names by default,
  more with ``--allow-host``; anything else 400): a web page the analyst visits cannot read the store
  through DNS rebinding, where the attacker's name resolves to 127.0.0.1 but the ``Host`` stays theirs;
- the request head (URL and headers) is bounded by the HTTP parser before the app sees it (see
  :func:`server_config`), a long URL is refused (414) before authentication, every request body is
  capped (:class:`BodyLimit`, 413 before the body is parsed), and the list and text sizes inside bodies
  are capped by the request models; ids in paths are checked against the store's 64-bit range (422);
- every error leaves as ``{"error": {"status", "message"}}``; unexpected exceptions are logged on the
  server and answered with a generic 500 (no stack trace, no internal detail reaches a client) without
  dropping the keep-alive connection (:class:`CatchAll`);
- extraction runs in a pool of worker processes with a bounded queue and a time budget per article
  (:mod:`.extraction`), so one slow ``POST /api/extract`` cannot hold the others;
- the page is static (no server-side templating of article data) and renders JSON with DOM text APIs;
  a Content-Security-Policy without inline script is a second line of defence should that ever slip.
"""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
import logging
import secrets
import threading
from collections import OrderedDict
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Any, Literal

from fastapi import Depends, FastAPI, HTTPException, Query, Request
from fastapi import Path as PathParam
from fastapi.exceptions import RequestValidationError
from fastapi.responses import FileResponse, HTMLResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from pydantic import AfterValidator, BaseModel, Field
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from .. import __version__
from ..record import Record
from . import access, extraction

log = logging.getLogger("newsgraph.web")

STATIC = Path(__file__).with_name("static")
#: default cap on a request body: a long article is ~100 KB of text, its record a few times that
DEFAULT_MAX_BODY = 2 * 1024 * 1024
MAX_TEXT_CHARS = 200_000
MAX_BATCH = 200
#: the names a browser may use for this server by default: loopback only (see :class:`RequestGate`)
LOOPBACK_HOSTS = ("localhost", "127.0.0.1", "[::1]")
#: longest path plus query string answered (the API's parameters need well under 2 KB)
DEFAULT_MAX_URL = 8 * 1024
#: largest request head (request line and headers) the HTTP parser buffers before refusing the request
DEFAULT_MAX_HEAD = 64 * 1024
#: the largest id the store can hold (DuckDB BIGINT, SQLite INTEGER)
MAX_ID = 2**63 - 1

SECURITY_HEADERS = {
    "Content-Security-Policy": (
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
        "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
    ),
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
}


@dataclass
class Settings:
    """What ``newsgraph serve`` configures."""

    db: Path | None = None
    token: str | None = None
    protect_reads: bool = False
    max_body: int = DEFAULT_MAX_BODY
    #: answers of reading endpoints kept (LRU; emptied by every write); 0 turns the cache off
    cache_entries: int = 4096
    #: threads that answer reads (see ``access.DEFAULT_READ_THREADS``)
    read_threads: int = access.DEFAULT_READ_THREADS
    #: ``Host`` names answered (port ignored; ``*`` turns the check off); anything else gets 400
    allowed_hosts: tuple[str, ...] = LOOPBACK_HOSTS
    #: longest path and query string (bytes) answered; longer gets 414
    max_url: int = DEFAULT_MAX_URL
    #: largest request head (bytes) the HTTP parser accepts (used by :func:`server_config`)
    max_head: int = DEFAULT_MAX_HEAD
    #: extraction worker processes, requests that may wait for one, and each article's time budget (s)
    extract_workers: int = 2
    extract_queue: int = 8
    extract_timeout: float = 60.0


def read_token(path: str | Path) -> str:
    """The bearer token in a file (first line, whitespace stripped); refuses an empty or short one."""
    token = Path(path).read_text(encoding="utf-8").strip().splitlines()[0].strip() if Path(path).stat().st_size else ""
    if len(token) < 16:
        raise ValueError(f"{path}: the token must be at least 16 characters")
    return token


# -- request and response models ------------------------------------------------------------------


class ArticleIn(BaseModel):
    """An article to extract: its text and what is known about it."""

    text: str = Field(min_length=1, max_length=MAX_TEXT_CHARS)
    title: str | None = Field(default=None, max_length=1000)
    url: str | None = Field(default=None, max_length=2000)
    source: str | None = Field(default=None, max_length=200)
    published: dt.date | None = Field(default=None, description="ISO date; anchors relative times")
    lang: Literal["de", "en"] | None = Field(default=None, description="detected when not given")


class IngestIn(BaseModel):
    """Records to store as they are, and/or articles to extract first; at most 200 of each per request."""

    records: list[Record] = Field(default_factory=list, max_length=MAX_BATCH)
    articles: list[ArticleIn] = Field(default_factory=list, max_length=MAX_BATCH)


class IngestProblem(BaseModel):
    """One article or record of an ingest request that was not stored (or stored with a warning)."""

    input: str = Field(description="`articles.N` or `records.N` of the request")
    stage: str = Field(description="extract or store")
    kind: str
    severity: str = Field(description="error (not stored) or warning (stored, problem noted)")
    message: str


class IngestOut(BaseModel):
    records: int
    added: int
    replaced: int
    unchanged: int
    duplicates: int
    batches: int
    seconds: float
    record_ids: list[str] = Field(default_factory=list, description="ids of the records handed to the store")
    failed: int = Field(0, description="records and articles not stored (each one in `errors`); the others are")
    errors: list[IngestProblem] = Field(default_factory=list, description="what was not stored and why, and "
                                        "warnings about what was")


class ErrorBody(BaseModel):
    status: int
    message: str


class ErrorOut(BaseModel):
    error: ErrorBody


ERRORS: dict[int | str, dict[str, Any]] = {
    code: {"model": ErrorOut} for code in (400, 401, 403, 404, 413, 414, 422, 500, 503)
}


# -- body size limit -------------------------------------------------------------------------------


class BodyLimit:
    """ASGI middleware: answer 413 to a body larger than ``max_body`` (declared or streamed) before parsing."""

    def __init__(self, app: ASGIApp, max_body: int) -> None:
        self.app = app
        self.max_body = max_body

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        for name, value in scope.get("headers", []):
            if name == b"content-length":
                try:
                    too_big = int(value) > self.max_body
                except ValueError:
                    too_big = True
                if too_big:
                    await _send_error(send, 413, f"request body larger than {self.max_body} bytes")
                    return
        received = 0
        started = rejected = False

        async def guarded_receive() -> Message:
            # a streamed body (no Content-Length) is counted; past the cap the 413 goes out at once and
            # whatever the app answers afterwards (it sees a failed body read) is dropped
            nonlocal received, rejected
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.max_body:
                    if not started and not rejected:
                        rejected = True
                        await _send_error(send, 413, f"request body larger than {self.max_body} bytes")
                    raise _BodyTooLarge
            return message

        async def tracking_send(message: Message) -> None:
            nonlocal started
            if rejected:
                return
            if message["type"] == "http.response.start":
                started = True
            await send(message)

        with contextlib.suppress(_BodyTooLarge):
            await self.app(scope, guarded_receive, tracking_send)


class _BodyTooLarge(Exception):
    pass


async def _send_error(send: Send, status: int, message: str) -> None:
    response = JSONResponse({"error": {"status": status, "message": message}}, status_code=status)
    body = response.body
    await send({"type": "http.response.start", "status": status, "headers": response.raw_headers})
    await send({"type": "http.response.body", "body": body})


def normalise_host(name: str) -> str:
    """A ``Host`` header or a configured name as compared: lower case, no port, no final dot, IPv6 in brackets."""
    name = name.strip().lower()
    if name.startswith("["):
        end = name.find("]")
        return name[:end + 1] if end > 0 else name
    if name.count(":") > 1:  # a bare IPv6 address, as a person may write it in --allow-host
        return f"[{name}]"
    return name.partition(":")[0].rstrip(".")


class RequestGate:
    """ASGI middleware: refuse a request for a host this server does not serve (400) or with a long URL (414).

    Why the host: with DNS rebinding a page on ``evil.example`` makes its own name resolve to 127.0.0.1,
    and the browser then lets that page read the answers of this server (same origin as far as it knows);
    the ``Host`` header still says ``evil.example``, so answering only the names the server is known by
    closes that door, which CORS and the token do not (reads are public by default). It runs before
    authentication and anything else, as does the URL check (the parser has already bounded the head).
    """

    def __init__(self, app: ASGIApp, allowed_hosts: tuple[str, ...], max_url: int) -> None:
        self.app = app
        self.any_host = "*" in allowed_hosts
        self.allowed = {normalise_host(h) for h in allowed_hosts if h != "*"}
        self.max_url = max_url

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        if not self.any_host:
            host = next((v for k, v in scope.get("headers", []) if k == b"host"), None)
            if host is None:
                await _send_error(send, 400, "missing Host header")
                return
            name = normalise_host(host.decode("latin-1"))
            if name not in self.allowed:
                await _send_error(send, 400, f"host {name[:100]!r} is not served here (loopback names only, "
                                             "unless the server was started with --allow-host NAME)")
                return
        length = len(scope.get("raw_path") or scope.get("path", "").encode()) + len(scope.get("query_string", b""))
        if length > self.max_url:
            await _send_error(send, 414, f"URL longer than {self.max_url} bytes")
            return
        await self.app(scope, receive, send)


class CatchAll:
    """ASGI middleware (innermost): an unexpected exception becomes a logged, generic 500 here.

    Why not only FastAPI's ``exception_handler(Exception)``: Starlette answers that one and then re-raises,
    so the server closes the connection; a client (or a proxy) on keep-alive loses its connection with
    every error. Here the error is answered and the connection stays usable.
    """

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = False

        async def tracking_send(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
            await send(message)

        try:
            await self.app(scope, receive, tracking_send)
        except _BodyTooLarge:
            raise  # BodyLimit's own signal, already answered
        except Exception:
            log.exception("unhandled error on %s %s", scope.get("method"), scope.get("path"))
            if started:  # half an answer went out: only closing the connection can tell the client
                raise
            await _send_error(send, 500, "internal server error")


class SecurityHeaders:
    """ASGI middleware: the security headers on every response, ``no-store`` on API answers."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app
        self.headers = [(k.lower().encode(), v.encode()) for k, v in SECURITY_HEADERS.items()]

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        extra = list(self.headers)
        if scope.get("path", "").startswith("/api/"):
            extra.append((b"cache-control", b"no-store"))

        async def with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                present = {k.lower() for k, _ in message.get("headers", [])}
                message["headers"] = [*message.get("headers", []), *(h for h in extra if h[0] not in present)]
            await send(message)

        await self.app(scope, receive, with_headers)


# -- answers --------------------------------------------------------------------------------------------


dumps = access.dumps


class ResponseCache:
    """Serialised answers of reading endpoints, by path and query, least recently used evicted first.

    Why: the store changes only through this process's writer (DuckDB locks the file), so an answer
    stays true until the next write, and analysts keep opening the same pages (a popular actor, the
    global network) whose queries cost tens to hundreds of milliseconds on a 100,000-article store.
    Every write empties the cache and bumps ``generation``, so an answer computed while a write ran
    is never stored.
    """

    def __init__(self, max_entries: int, max_bytes: int = 256 * 1024 * 1024) -> None:
        self.max_entries = max_entries
        self.max_bytes = max_bytes
        self.generation = 0
        self.size = 0
        self._entries: OrderedDict[str, bytes] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: str) -> bytes | None:
        if not self.max_entries:
            return None
        with self._lock:
            body = self._entries.get(key)
            if body is not None:
                self._entries.move_to_end(key)
            return body

    def put(self, key: str, generation: int, body: bytes) -> None:
        if not self.max_entries or len(body) > self.max_bytes // 16:
            return
        with self._lock:
            if generation != self.generation:
                return
            old = self._entries.pop(key, None)
            self.size += len(body) - (len(old) if old is not None else 0)
            self._entries[key] = body
            while len(self._entries) > self.max_entries or self.size > self.max_bytes:
                self.size -= len(self._entries.popitem(last=False)[1])

    def clear(self) -> None:
        with self._lock:
            self.generation += 1
            self._entries.clear()
            self.size = 0


# -- dependencies ------------------------------------------------------------------------------------


def _check_token(request: Request) -> None:
    settings: Settings = request.app.state.settings
    if settings.token is None:
        raise HTTPException(403, "writing is disabled: the server was started without --token-file")
    header = request.headers.get("authorization", "")
    scheme, _, given = header.partition(" ")
    if scheme.lower() != "bearer" or not given:
        raise HTTPException(401, "missing bearer token (Authorization: Bearer <token>)",
                            headers={"WWW-Authenticate": "Bearer"})
    if not secrets.compare_digest(given.strip().encode(), settings.token.encode()):
        raise HTTPException(401, "invalid token", headers={"WWW-Authenticate": "Bearer"})


async def require_writer(request: Request) -> None:
    """Writing always needs the token."""
    _check_token(request)


async def require_reader(request: Request) -> None:
    """Reading needs the token only with ``protect_reads``."""
    if request.app.state.settings.protect_reads:
        _check_token(request)


async def open_store(request: Request) -> access.StoreAccess:
    found = request.app.state.store.get("access")
    if found is None:
        raise HTTPException(503, "no store is open (start the server with --db FILE)")
    return found


Reader = Annotated[None, Depends(require_reader)]
Writer = Annotated[None, Depends(require_writer)]
StoreDep = Annotated[access.StoreAccess, Depends(open_store)]
Limit = Annotated[int, Query(ge=1, le=500, description="at most this many items")]
Offset = Annotated[int, Query(ge=0, le=100_000)]
Text = Annotated[str | None, Query(max_length=200)]


def _calendar_day(value: str | None) -> str | None:
    """Refuse a ``since``/``until`` that matches the pattern but is no date (``2025-13``, ``0000``, ``9999-12``)."""
    if value is not None:
        from ..store.queries import _date, _until

        try:
            _date(value)
            _until(value)
        except (ValueError, OverflowError) as err:
            raise ValueError(f"{value!r} is not a date between 0001 and 9999") from err
    return value


Day = Annotated[str | None, Query(pattern=r"^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$",
                                  description="YYYY, YYYY-MM or YYYY-MM-DD"), AfterValidator(_calendar_day)]
#: a store id in a path: the store's ids are 64-bit and not negative, so anything else is a 422, not a query
StoreId = Annotated[int, PathParam(ge=0, le=MAX_ID)]
EntityType = Literal["PER", "ORG", "LOC", "MISC"]


# -- the app -----------------------------------------------------------------------------------------


def create_app(settings: Settings | None = None) -> FastAPI:
    """The API and the page for one store (opened when the app starts, closed when it stops)."""
    settings = settings or Settings()
    state: dict[str, Any] = {}
    pool = extraction.ExtractPool(settings.extract_workers, settings.extract_queue, settings.extract_timeout)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        if settings.db is not None:
            state["access"] = access.StoreAccess(settings.db, read_threads=settings.read_threads)
        try:
            yield
        finally:
            pool.close()
            if "access" in state:
                state.pop("access").close()

    app = FastAPI(
        title="newsgraph",
        version=__version__,
        summary="Records of news articles (entities, quotes, events, times) and the store across articles.",
        description=(
            "Reading endpoints are public unless the server runs with `--protect-reads`; writing endpoints "
            "(`POST /api/extract`, `POST /api/ingest`) need `Authorization: Bearer <token>` with the token "
            "from `--token-file`. Errors are `{\"error\": {\"status\", \"message\"}}`."
        ),
        lifespan=lifespan,
        docs_url=None,  # FastAPI's page loads Swagger UI from a CDN with an inline script: see api_docs below
        redoc_url=None,
        openapi_url="/api/openapi.json",
    )
    app.state.settings = settings
    app.state.store = state
    app.state.extract_pool = pool

    # -- errors ------------------------------------------------------------------------------------

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        headers = getattr(exc, "headers", None)
        return JSONResponse({"error": {"status": exc.status_code, "message": str(exc.detail)}},
                            status_code=exc.status_code, headers=headers)

    @app.exception_handler(RequestValidationError)
    async def validation_error(request: Request, exc: RequestValidationError) -> JSONResponse:
        problems = []
        for err in exc.errors()[:10]:
            where = ".".join(str(p) for p in err.get("loc", ()) if p != "body")
            problems.append(f"{where}: {err.get('msg', 'invalid')}" if where else str(err.get("msg", "invalid")))
        message = "invalid request: " + "; ".join(problems)
        return JSONResponse({"error": {"status": 422, "message": message}}, status_code=422)

    @app.exception_handler(Exception)
    async def unexpected_error(request: Request, exc: Exception) -> JSONResponse:
        log.exception("unhandled error on %s %s", request.method, request.url.path)
        return JSONResponse({"error": {"status": 500, "message": "internal server error"}}, status_code=500)

    # the last added runs first: security headers on every answer, then the host and URL gate, the body cap,
    # and innermost the catch-all that keeps the connection open after an unexpected error
    app.add_middleware(CatchAll)
    app.add_middleware(BodyLimit, max_body=settings.max_body)
    app.add_middleware(RequestGate, allowed_hosts=settings.allowed_hosts, max_url=settings.max_url)
    app.add_middleware(SecurityHeaders)

    # -- reading -----------------------------------------------------------------------------------

    cache = ResponseCache(settings.cache_entries)
    app.state.cache = cache
    #: answers being computed, by cache key (only with the cache on: identical concurrent requests share one query)
    inflight: dict[str, asyncio.Future[bytes | None]] = {}

    async def answer(request: Request, db: access.StoreAccess, compute: Any, missing: str | None = None) -> Response:
        """The JSON of ``compute(view)``, from the cache when this exact request was answered since the last write.

        A cached answer is sent from the event loop; only a miss goes to a worker thread (the query).
        """
        key = request.url.path + "?" + "&".join(sorted(f"{k}={v}" for k, v in request.query_params.multi_items()))
        body = cache.get(key)
        if body is None:
            flight = f"{cache.generation}:{key}"  # never join a computation that started before a write
            running = inflight.get(flight)
            if running is not None:  # the same question is being answered: wait for that answer (no stampede)
                body = await asyncio.shield(running)
            else:
                generation = cache.generation

                def run(view: access.ReadView) -> bytes | None:  # on a reader thread: query and JSON encoding
                    result = compute(view)
                    return None if result is None else dumps(result)

                task = asyncio.ensure_future(db.aread(run))
                if cache.max_entries:
                    inflight[flight] = task
                try:
                    body = await asyncio.shield(task)
                finally:
                    inflight.pop(flight, None)
                if body is not None:
                    cache.put(key, generation, body)
        if body is None:
            raise HTTPException(404, missing or "not found")
        return Response(body, media_type="application/json")

    Json: Any = dict[str, Any]

    @app.get("/api/health", tags=["meta"])
    async def health(_: Reader) -> dict[str, Any]:
        """Liveness and the store's row counts."""
        found = state.get("access")
        counts = await found.aread(access.counts) if found else None
        return {"status": "ok", "version": __version__, "store": counts, "writable": settings.token is not None}

    @app.get("/api/documents", tags=["documents"], responses=ERRORS, response_model=Json)
    async def documents(request: Request, _: Reader, db: StoreDep, q: Text = None, limit: Limit = 50,
                  offset: Offset = 0) -> Response:
        """Stored articles, newest first; `q` searches titles and texts (substring, case ignored)."""
        return await answer(request, db, lambda v: access.list_documents(v, q=q, limit=limit, offset=offset))

    @app.get("/api/documents/{article_id}", tags=["documents"], responses=ERRORS, response_model=Json)
    async def document(request: Request, article_id: StoreId, _: Reader, db: StoreDep) -> Response:
        """One article's record (with its text) and the store ids of its entities and events."""
        return await answer(request, db, lambda v: access.get_document(v, article_id), f"no document {article_id}")

    @app.get("/api/entities", tags=["entities"], responses=ERRORS, response_model=Json)
    async def entities(
        request: Request, _: Reader, db: StoreDep, q: Text = None,
        type: Annotated[EntityType | None, Query()] = None,
        limit: Limit = 50, offset: Offset = 0,
    ) -> Response:
        """Entities, most-mentioned first; `q` finds them by any of their names (transliterations fold)."""
        return await answer(request, db, lambda v: access.list_entities(v, q=q, type=type, limit=limit, offset=offset))

    @app.get("/api/entities/{entity_id}", tags=["entities"], responses=ERRORS, response_model=Json)
    async def entity(request: Request, entity_id: StoreId, _: Reader, db: StoreDep) -> Response:
        """An actor: names, timeline of events, quotes, who they met, articles mentioning them."""
        return await answer(request, db, lambda v: access.entity_page(v, entity_id), f"no entity {entity_id}")

    @app.get("/api/entities/{entity_id}/network", tags=["entities"], responses=ERRORS, response_model=Json)
    async def entity_network(request: Request, entity_id: StoreId, _: Reader, db: StoreDep,
                             limit: Limit = 200) -> Response:
        """Who met whom at the events this actor took part in."""
        return await answer(request, db, lambda v: access.ego_network(v, entity_id, limit=limit))

    @app.get("/api/timeline", tags=["entities"], responses=ERRORS, response_model=Json)
    async def timeline(
        request: Request, _: Reader, db: StoreDep, name: Annotated[str, Query(min_length=1, max_length=200)],
        since: Day = None, until: Day = None, limit: Limit = 200,
    ) -> Response:
        """An actor's events by name (every entity the name denotes), earliest first."""
        return await answer(request, db, lambda v: access.timeline(v, name, since=since, until=until, limit=limit))

    @app.get("/api/network", tags=["entities"], responses=ERRORS, response_model=Json)
    async def network(
        request: Request, _: Reader, db: StoreDep, actor: Text = None, since: Day = None, until: Day = None,
        min_count: Annotated[int, Query(ge=1, le=1000)] = 1, limit: Limit = 150,
    ) -> Response:
        """Who met whom: pairs of participants of the same events, strongest first."""
        return await answer(request, db, lambda v: access.network(
            v, actor=actor, since=since, until=until, min_count=min_count, limit=limit))

    @app.get("/api/events", tags=["events"], responses=ERRORS, response_model=Json)
    async def events(
        request: Request, _: Reader, db: StoreDep, place: Text = None, participant: Text = None, since: Day = None,
        until: Day = None, type: Text = None, status: Text = None, limit: Limit = 100,
    ) -> Response:
        """Events by place, participant, dates, type (or merge group) and status; newest first."""
        return await answer(request, db, lambda v: {"limit": limit, "items": access.events(
            v, place=place, participant=participant, since=since, until=until,
            types=[type] if type else None, status=status, limit=limit)})

    @app.get("/api/events/{event_id}", tags=["events"], responses=ERRORS, response_model=Json)
    async def event(request: Request, event_id: StoreId, _: Reader, db: StoreDep) -> Response:
        """One event: every source's account (ordered by publication: the status history) and the conflicts."""
        return await answer(request, db, lambda v: access.event_page(v, event_id), f"no event {event_id}")

    @app.get("/api/quotes", tags=["quotes"], responses=ERRORS, response_model=Json)
    async def quotes(
        request: Request, _: Reader, db: StoreDep, q: Text = None, speaker: Text = None, since: Day = None,
        until: Day = None, prefix: bool = False, limit: Limit = 50,
    ) -> Response:
        """Quotes containing all words of `q` (accents and case ignored), by a speaker, in a date range."""
        return await answer(request, db, lambda v: {"limit": limit, "items": access.quotes(
            v, q=q, speaker=speaker, since=since, until=until, limit=limit, prefix=prefix)})

    # -- writing -----------------------------------------------------------------------------------

    def _extract(article: ArticleIn) -> Record:
        """The record of one posted article, from a worker process (blocking: called on a server thread)."""
        job = article.model_dump()
        try:
            found = pool.extract(job)
        except extraction.ExtractError as err:
            headers = {"Retry-After": str(err.retry_after)} if err.retry_after else None
            raise HTTPException(err.status, str(err), headers=headers) from err
        return Record.model_validate_json(found)

    @app.post("/api/extract", tags=["writing"], responses=ERRORS, response_model=Record)
    def extract(article: ArticleIn, _: Writer) -> Record:
        """Run the pipeline over a posted article and return its record (nothing is stored)."""
        return _extract(article)

    @app.post("/api/ingest", tags=["writing"], responses=ERRORS)
    def ingest(body: IngestIn, _: Writer, db: StoreDep) -> IngestOut:
        """Store records, extracting posted articles first; idempotent (an unchanged article is skipped)."""
        if not body.records and not body.articles:
            raise HTTPException(400, "nothing to ingest: give records and/or articles")
        for i, record in enumerate(body.records):  # a record whose offsets miss its text would poison the store
            problems = record.span_errors()
            if problems:
                raise HTTPException(422, f"records.{i} ({record.id}): " + "; ".join(problems[:5]))
        # one bad article costs only itself: the others are extracted and stored, it is listed in `errors`
        items: list[tuple[Record, str]] = [(r, f"records.{i}") for i, r in enumerate(body.records)]
        problems: list[IngestProblem] = []
        for i, article in enumerate(body.articles):
            try:
                items.append((_extract(article), f"articles.{i}"))
            except HTTPException as err:
                problems.append(IngestProblem(input=f"articles.{i}", stage="extract", kind="bad_input",
                                              severity="error", message=str(err.detail)))
            except Exception as err:  # the pipeline failing on one article must not drop the others
                problems.append(IngestProblem(input=f"articles.{i}", stage="extract", kind=type(err).__name__,
                                              severity="error", message=f"{type(err).__name__}: {err}"))
        try:
            stats = db.write(lambda s: s.ingest(items, source="api"))
        finally:
            cache.clear()  # every cached answer may be stale now
        problems += [IngestProblem(**{k: row[k] for k in ("input", "stage", "kind", "severity", "message")})
                     for row in stats.errors]
        counts = {k: v for k, v in stats.as_dict().items() if k not in ("errors", "failed")}
        return IngestOut(**counts, record_ids=[r.id for r, _ in items],
                         failed=sum(p.severity == "error" for p in problems), errors=problems)

    # -- the page ----------------------------------------------------------------------------------

    @app.get("/", include_in_schema=False)
    def index() -> FileResponse:
        return FileResponse(STATIC / "index.html", headers={"Cache-Control": "no-cache"})

    @app.get("/api/docs", include_in_schema=False)
    def api_docs() -> Response:
        """Swagger UI from local files (no CDN, no inline script: it passes the page's own CSP)."""
        if swagger_dir() is None:
            raise HTTPException(404, "the API browser needs the fastapi-offline package (pip install "
                                     "'newsgraph[web]'); the document itself is at /api/openapi.json")
        return HTMLResponse(DOCS_PAGE, headers={"Cache-Control": "no-cache"})

    swagger = swagger_dir()
    if swagger is not None:  # before the catch-all below, which would answer its paths with 404
        app.mount("/api/docs-assets", StaticFiles(directory=swagger), name="swagger-ui")

    @app.get("/api/{rest:path}", include_in_schema=False)
    def unknown_api(rest: str) -> None:
        raise HTTPException(404, f"no such endpoint: /api/{rest}")

    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    return app


#: the API browser's page: Swagger UI's files from :func:`swagger_dir`, started by ``static/docs.js``
DOCS_PAGE = """<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>newsgraph API</title>
<link rel="stylesheet" href="/api/docs-assets/swagger-ui.css">
<link rel="icon" href="/api/docs-assets/favicon.png">
</head>
<body>
<div id="swagger-ui"></div>
<script src="/api/docs-assets/swagger-ui-bundle.js"></script>
<script src="/static/docs.js"></script>
</body>
</html>
"""


def swagger_dir() -> Path | None:
    """Swagger UI's files as the ``fastapi-offline`` package ships them (None when it is not installed).

    Why that package: it keeps a current Swagger UI build in a wheel (MIT; Swagger UI itself is
    Apache-2.0), so the page works offline and passes our CSP; only its static files are used.
    """
    from importlib.util import find_spec

    spec = find_spec("fastapi_offline")
    if spec is None or not spec.submodule_search_locations:
        return None
    folder = Path(next(iter(spec.submodule_search_locations))) / "static"
    return folder if (folder / "swagger-ui-bundle.js").exists() else None


def server_config(app: ASGIApp, settings: Settings, *, host: str = "127.0.0.1", port: int = 8000,
                  log_level: str = "info") -> Any:
    """The uvicorn configuration ``newsgraph serve`` runs (tests run the same).

    Why h11 and not httptools: httptools buffers a request head of any size (a 200 MB header cost
    400 MB and 70 s of CPU before the app could refuse it), while h11 refuses a head larger than
    ``max_head`` as it arrives (400, connection closed); this bound holds before authentication.
    """
    import uvicorn

    return uvicorn.Config(app, host=host, port=port, log_level=log_level, access_log=False, http="h11",
                          h11_max_incomplete_event_size=settings.max_head)
