"""The SQLite engine of a profile: WAL, synchronous=FULL, foreign keys, explicit transactions.

pysqlite's own transaction handling is switched off (``isolation_level = None``) and SQLAlchemy emits
``BEGIN`` itself: ``BEGIN IMMEDIATE`` for writers, so two processes (the window and a scheduled
``main.py sync``) queue for the write lock instead of failing half-way through.
"""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import Engine, create_engine, event

BEGIN_OPTION = "lvyue_begin"


def create_sqlite_engine(path: Path, *, read_only: bool = False) -> Engine:
    url = f"sqlite+pysqlite:///{path}"
    engine = create_engine(url, connect_args={"timeout": 30, "check_same_thread": False})

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection, _record) -> None:
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=FULL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA busy_timeout=30000")
        cursor.execute("PRAGMA cache_size=-32000")
        cursor.execute("PRAGMA temp_store=MEMORY")
        if read_only:
            cursor.execute("PRAGMA query_only=ON")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection) -> None:
        mode = connection.get_execution_options().get(BEGIN_OPTION, "DEFERRED")
        connection.exec_driver_sql(f"BEGIN {mode}")

    return engine


def writer_engine(engine: Engine) -> Engine:
    """The same pool, but every transaction starts with ``BEGIN IMMEDIATE``."""
    return engine.execution_options(**{BEGIN_OPTION: "IMMEDIATE"})
