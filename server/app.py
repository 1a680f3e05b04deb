"""The hub's ASGI application: protocol v1 routers, gzip both ways, Chinese error bodies, OpenAPI.

``create_app()`` builds everything from settings at start-up (never at import), so each uvicorn
worker gets its own engine; workers share nothing but the database and the blob directory.
"""

from __future__ import annotations

import gzip
import zlib
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import APIRouter, Depends, FastAPI
from starlette.middleware.gzip import GZipMiddleware
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from app.sync.protocol import API_PREFIX, PROTOCOL_VERSION
from server import HUB_VERSION
from server.auth import check_client_version
from server.db import HubDatabase
from server.errors import error_response, install_handlers
from server.routers import blobs, enrolment, events, integrity, meta, numbers, quarantine, reference
from server.settings import HubSettings

MAX_INFLATED_BYTES = 128 * 1024 * 1024


class GzipRequestMiddleware:
    """Inflates request bodies sent with ``Content-Encoding: gzip`` (pushes are large and repetitive)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = dict(scope.get("headers") or [])
        if headers.get(b"content-encoding", b"").lower() != b"gzip":
            await self.app(scope, receive, send)
            return
        body = bytearray()
        while True:
            message = await receive()
            body += message.get("body", b"")
            if not message.get("more_body"):
                break
        try:
            inflater = zlib.decompressobj(16 + zlib.MAX_WBITS)
            data = inflater.decompress(bytes(body), MAX_INFLATED_BYTES)
            if inflater.unconsumed_tail:
                raise gzip.BadGzipFile("too large")
        except (zlib.error, gzip.BadGzipFile, EOFError):
            await error_response(400, "request_invalid", {"where": "body", "detail": "gzip"})(scope, receive, send)
            return
        scope = dict(scope)
        scope["headers"] = [(k, v) for k, v in scope["headers"] if k not in (b"content-encoding", b"content-length")]
        scope["headers"].append((b"content-length", str(len(data)).encode()))
        sent = False

        async def inflated() -> Message:
            nonlocal sent
            if sent:
                return await receive()
            sent = True
            return {"type": "http.request", "body": data, "more_body": False}

        await self.app(scope, inflated, send)


def create_app(settings: HubSettings | None = None, database: HubDatabase | None = None) -> FastAPI:
    settings = settings or HubSettings()
    database = database or HubDatabase(settings)

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        yield
        database.dispose()

    app = FastAPI(title="履约 Lvyue 州级汇聚中心 hub", version=HUB_VERSION, lifespan=lifespan,
                  description=f"Sync protocol v{PROTOCOL_VERSION} (docs/protocol.md)")
    app.state.db = database
    v1 = APIRouter(prefix=API_PREFIX, dependencies=[Depends(check_client_version)])
    for module in (meta, enrolment, events, blobs, reference, numbers, integrity, quarantine):
        v1.include_router(module.router)
    app.include_router(v1)
    install_handlers(app)
    app.add_middleware(GZipMiddleware, minimum_size=1024)
    app.add_middleware(GzipRequestMiddleware)

    return app


def prepare(settings: HubSettings) -> None:
    """Migrate the schema and seed first data (once, before workers start)."""
    from server.migrate import upgrade
    from server.services.seed import seed

    database = HubDatabase(settings)
    try:
        upgrade(database.engine)
        with database.writer() as session:
            seed(session)
            session.commit()
    finally:
        database.dispose()


def factory() -> FastAPI:
    """For ``uvicorn server.app:factory --factory`` (settings from ``LVYUE_HUB_*``)."""
    return create_app(HubSettings())
