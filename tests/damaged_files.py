"""Damaged database files, made the way the tests of damage need them: an index out of step with its table
(the file opens, ``PRAGMA integrity_check`` finds it) and a profile's complaints table with its root page
overwritten (the first read of the list meets it)."""

from __future__ import annotations

import sqlite3
from pathlib import Path


def index_out_of_step(path: Path, *, profile_meta: bool = False) -> None:
    """A small database whose index ``ix_events`` claims another column than the one it holds."""
    con = sqlite3.connect(path)
    if profile_meta:
        con.execute("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT)")
        con.execute("INSERT INTO meta VALUES ('initialised', '1')")
    con.execute("CREATE TABLE events (a TEXT, b TEXT)")
    con.execute("CREATE INDEX ix_events ON events (a)")
    con.executemany("INSERT INTO events VALUES (?, ?)", [(f"a{i}", f"b{i}") for i in range(50)])
    con.commit()
    con.execute("PRAGMA writable_schema = ON")  # the index now claims another column: its entries do not match
    con.execute("UPDATE sqlite_master SET sql = 'CREATE INDEX ix_events ON events (b)' WHERE name = 'ix_events'")
    con.commit()
    con.close()


def damage_complaints_page(database: Path) -> None:
    """Overwrite the root page of a closed profile's ``complaints`` table (its WAL checkpointed first)."""
    with sqlite3.connect(database) as db:
        db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        size = db.execute("PRAGMA page_size").fetchone()[0]
        page = db.execute("SELECT rootpage FROM sqlite_master WHERE name = 'complaints'").fetchone()[0]
    with database.open("r+b") as file:
        file.seek((page - 1) * size)
        file.write(b"\x0d" + b"\xa5" * 500)
