"""SQLite set-up shared by the profile database (``app.store.engine``) and the hub's embedded store
(``server.db``): WAL, synchronous=FULL, foreign keys, a busy timeout and explicit transactions.

pysqlite's own transaction handling is switched off (``isolation_level = None``) and SQLAlchemy emits
``BEGIN`` itself: ``BEGIN IMMEDIATE`` when the connection carries the execution option
``BEGIN_OPTION = "IMMEDIATE"`` (writers), so two writers queue for the write lock instead of failing
half-way through. SQLAlchemy only: no client or hub module is imported here.
"""

from __future__ import annotations

from sqlalchemy import Engine, event

BEGIN_OPTION = "lvyue_begin"


def install_sqlite_transactions(engine: Engine, *, busy_timeout_ms: int, extra_pragmas: tuple[str, ...] = ()) -> None:
    """WAL, synchronous=FULL, foreign keys, a busy timeout, and SQLAlchemy-issued ``BEGIN`` (``BEGIN
    IMMEDIATE`` on an engine with ``BEGIN_OPTION`` set, see ``writer_engine``)."""

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection, _record) -> None:
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        for pragma in ("journal_mode=WAL", "synchronous=FULL", "foreign_keys=ON",
                       f"busy_timeout={busy_timeout_ms}", *extra_pragmas):
            cursor.execute(f"PRAGMA {pragma}")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection) -> None:
        mode = connection.get_execution_options().get(BEGIN_OPTION, "DEFERRED")
        connection.exec_driver_sql(f"BEGIN {mode}")


def writer_engine(engine: Engine) -> Engine:
    """The same pool, but every transaction starts with ``BEGIN IMMEDIATE``."""
    return engine.execution_options(**{BEGIN_OPTION: "IMMEDIATE"})
