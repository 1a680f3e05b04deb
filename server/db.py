"""The hub database: one engine per worker, a writer and a reader session factory, ``SessionDep``.

SQLite (the embedded default) gets WAL and ``BEGIN IMMEDIATE`` for writers, so concurrent requests
queue for the write lock instead of failing. PostgreSQL runs at READ COMMITTED; the push route takes
a transaction-scoped advisory lock (``server.services.ingest``) so sequence numbers commit in order.
The commit happens in one place: ``write_session`` after the route returns and before the response
is sent (``Depends(scope="function")``), so a client never hears "accepted" for an uncommitted event.
Writing requests pass a small per-worker gate first (``write_concurrency``), so waiting writers queue
on the event loop instead of filling the thread pool.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Annotated

import anyio
from fastapi import Depends, Request
from sqlalchemy import Engine, create_engine
from sqlalchemy.orm import Session, sessionmaker

from app.common.sqlite_setup import install_sqlite_transactions, writer_engine
from app.security.fieldcrypt import bind, unbind
from server.data_key import hub_cipher
from server.settings import HubSettings


def make_engine(settings: HubSettings) -> Engine:
    url = settings.database_url
    if url.startswith("sqlite"):
        settings.data_dir.mkdir(parents=True, exist_ok=True)
        engine = create_engine(url, connect_args={"timeout": 60, "check_same_thread": False},
                               pool_size=settings.pool_size, max_overflow=4 * settings.pool_size, pool_timeout=60)
        install_sqlite_transactions(engine, busy_timeout_ms=60000, extra_pragmas=("secure_delete=ON",))
        return engine
    return create_engine(url, pool_size=settings.pool_size, max_overflow=2 * settings.pool_size, pool_pre_ping=True,
                         pool_timeout=60)


class HubDatabase:
    def __init__(self, settings: HubSettings) -> None:
        self.settings = settings
        self.engine = make_engine(settings)
        self.is_postgres = self.engine.dialect.name == "postgresql"
        writer = writer_engine(self.engine) if not self.is_postgres else self.engine
        self.writer = sessionmaker(bind=writer, expire_on_commit=False)
        self.reader = sessionmaker(bind=self.engine)
        self._gate: anyio.Semaphore | None = None
        self.cipher = hub_cipher(settings)  # personal data at rest is sealed with the hub's own key
        bind(self.engine.url, self.cipher)

    def write_gate(self) -> anyio.Semaphore:
        """At most ``write_concurrency`` writing requests per worker hold a thread at a time; the rest
        wait on the event loop. Otherwise every pool thread could sit waiting for the write lock while
        the request holding it waits for a pool thread to serialise its answer."""
        if self._gate is None:
            self._gate = anyio.Semaphore(self.settings.write_concurrency)
        return self._gate

    def dispose(self) -> None:
        self.engine.dispose()
        unbind(self.engine.url, self.cipher)


def hub_db(request: Request) -> HubDatabase:
    return request.app.state.db


async def _off_loop(function) -> None:
    """Run a blocking call in a thread of its own, not the shared pool: a commit must never wait for
    a pool thread while every pool thread waits for the write lock that commit would release."""
    await anyio.to_thread.run_sync(function, limiter=anyio.CapacityLimiter(1))


async def write_session(request: Request) -> AsyncIterator[Session]:
    """A writing session; committed here once the route has returned, rolled back on any error."""
    database = hub_db(request)
    async with database.write_gate():
        session = database.writer()
        try:
            yield session
            await _off_loop(session.commit)
        except BaseException:
            await _off_loop(session.rollback)
            raise
        finally:
            await _off_loop(session.close)


async def read_session(request: Request) -> AsyncIterator[Session]:
    session = hub_db(request).reader()
    try:
        yield session
    finally:
        await _off_loop(session.close)


SessionDep = Annotated[Session, Depends(write_session, scope="function")]
ReadSessionDep = Annotated[Session, Depends(read_session, scope="function")]


def insert_ignore(session: Session, table, rows: dict | list[dict]) -> None:
    """INSERT that leaves an existing row (same key) alone, on SQLite and PostgreSQL."""
    from sqlalchemy.dialects import postgresql, sqlite

    if not rows:
        return
    dialect = postgresql if session.get_bind().dialect.name == "postgresql" else sqlite
    session.execute(dialect.insert(table).on_conflict_do_nothing(), rows if isinstance(rows, list) else [rows])
