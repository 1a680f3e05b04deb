"""The SQLite engine of a profile: WAL, synchronous=FULL, foreign keys, explicit transactions.

pysqlite's own transaction handling is switched off (``isolation_level = None``) and SQLAlchemy emits
``BEGIN`` itself: ``BEGIN IMMEDIATE`` for writers, so two processes (the window and a scheduled
``main.py sync``) queue for the write lock instead of failing half-way through. The pragmas and the
``BEGIN`` handling are shared with the hub (``app.common.sqlite_setup``).
"""

from __future__ import annotations

import os
from pathlib import Path

from sqlalchemy import URL, Engine, create_engine

from app.common.sqlite_setup import install_sqlite_transactions

BUSY_TIMEOUT_MS = 30000
BUSY_TIMEOUT_ENV = "LVYUE_BUSY_TIMEOUT_MS"  # how long a write waits for another program's lock


def busy_timeout_ms(value: int | None = None) -> int:
    """``value``, else ``LVYUE_BUSY_TIMEOUT_MS``, else 30 s: how long a writer waits for the lock that
    another process (a scheduled ``main.py sync``, a second window) holds before giving up."""
    if value is not None:
        return value
    try:
        return max(0, int(os.environ.get(BUSY_TIMEOUT_ENV, BUSY_TIMEOUT_MS)))
    except ValueError:
        return BUSY_TIMEOUT_MS


def create_sqlite_engine(path: Path, *, busy_ms: int | None = None) -> Engine:
    url = URL.create("sqlite+pysqlite", database=str(path))  # path as data: "#", "%41" stay literal
    busy_ms = busy_timeout_ms(busy_ms)
    engine = create_engine(url, connect_args={"timeout": busy_ms / 1000, "check_same_thread": False})
    # secure_delete: a row rewritten (sealed, re-sealed) leaves no old bytes behind in the file
    extra = ("cache_size=-32000", "temp_store=MEMORY", "secure_delete=ON")
    install_sqlite_transactions(engine, busy_timeout_ms=busy_ms, extra_pragmas=extra)
    return engine
