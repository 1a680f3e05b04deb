"""The hub's ASGI application: protocol v1 routers, gzip both ways, Chinese error bodies, OpenAPI.

``create_app()`` builds everything from settings at start-up (never at import), so each uvicorn
worker gets its own engine, rate limits and token cache; workers share nothing but the database,
the blob directory and the security log file. ``server.gate.HubGate`` stands in front of every
route: version, token, rate limits and body limits are checked before a body is read.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import APIRouter, FastAPI
from starlette.middleware.gzip import GZipMiddleware

from app.common.permissions import private_dir, private_file, secure_tree
from app.sync.protocol import API_PREFIX, PROTOCOL_VERSION
from server import HUB_VERSION, security_log
from server.auth import TokenCache
from server.db import HubDatabase
from server.errors import install_handlers
from server.gate import HubGate
from server.ratelimit import RateLimits
from server.routers import blobs, enrolment, events, integrity, meta, numbers, quarantine, reference
from server.settings import HubSettings


def create_app(settings: HubSettings | None = None, database: HubDatabase | None = None) -> FastAPI:
    settings = settings or HubSettings()
    database = database or HubDatabase(settings)
    security_log.configure(settings.security_log_path, settings.security_log_bytes, settings.security_log_backups,
                           settings.security_log_retention_days)

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        yield
        database.dispose()

    app = FastAPI(title="履约 Lvyue 州级汇聚中心 hub", version=HUB_VERSION, lifespan=lifespan,
                  description=f"Sync protocol v{PROTOCOL_VERSION} (docs/protocol.md)")
    app.state.db = database
    app.state.rate_limits = RateLimits(settings)
    app.state.tokens = TokenCache(settings.token_cache_seconds)
    v1 = APIRouter(prefix=API_PREFIX)  # the version gate is in HubGate (GET /v1/meta stays open)
    for module in (meta, enrolment, events, blobs, reference, numbers, integrity, quarantine):
        v1.include_router(module.router)
    app.include_router(v1)
    install_handlers(app)
    app.add_middleware(GZipMiddleware, minimum_size=1024)
    app.add_middleware(HubGate, database=database, limits=app.state.rate_limits, tokens=app.state.tokens)

    return app


def prepare(settings: HubSettings) -> None:
    """Migrate the schema and seed first data (once, before workers start)."""
    from server.migrate import upgrade
    from server.services.seed import seed

    secure_data(settings)
    database = HubDatabase(settings)
    try:
        upgrade(database.engine)
        with database.writer() as session:
            seed(session)
            session.commit()
        from server.sealing import seal_clear_rows

        seal_clear_rows(database)  # personal data an older hub stored in clear: sealed once, after a copy
    finally:
        database.dispose()


def secure_data(settings: HubSettings) -> None:
    """The data folder (SQLite database, blobs, security log) readable by the hub's account only:
    made 0700/0600 and repaired at every start (``app.common.permissions``; the user's ACL on Windows)."""
    private_dir(settings.data_dir)
    if settings.is_sqlite:
        private_file(settings.data_dir / "hub.sqlite")
    folders = [settings.data_dir.resolve(), settings.blobs_path, settings.security_log_path.parent]
    for folder in folders:
        if folder == folders[0] or not folder.is_relative_to(folders[0]):
            secure_tree(folder)


def factory() -> FastAPI:
    """For ``uvicorn server.app:factory --factory`` (settings from ``LVYUE_HUB_*``)."""
    return create_app(HubSettings())
