"""Database copies with SQLite's online backup API (consistent even while the app writes)."""

from __future__ import annotations

import sqlite3
from datetime import datetime
from pathlib import Path

from app.store.permissions import private_file


def backup_file(source: Path, destination: Path) -> Path:
    """Copy the database at ``source`` into a new file ``destination`` (page by page, consistent)."""
    destination.parent.mkdir(parents=True, exist_ok=True)
    tmp = destination.with_suffix(destination.suffix + ".part")
    if tmp.exists():
        tmp.unlink()
    private_file(tmp)  # a copy of the case data: readable by the user only, from its first byte
    src = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
    try:
        dst = sqlite3.connect(tmp)
        try:
            src.backup(dst)
            dst.execute("PRAGMA journal_mode=DELETE")
        finally:
            dst.close()
    finally:
        src.close()
    tmp.replace(destination)
    return destination


def timestamped_name(reason: str, moment: datetime) -> str:
    return f"lvyue-{reason}-{moment.strftime('%Y%m%d-%H%M%S-%f')}.sqlite"


def restore_file(backup: Path, target: Path) -> None:
    """Write ``backup`` over the live database ``target`` through the backup API (keeps WAL consistent)."""
    src = sqlite3.connect(f"file:{backup}?mode=ro", uri=True)
    try:
        dst = sqlite3.connect(target)
        try:
            src.backup(dst)
        finally:
            dst.close()
    finally:
        src.close()


def integrity_problem(path: Path) -> str | None:
    """None when ``PRAGMA integrity_check`` passes, else its first complaint."""
    try:
        con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            result = con.execute("PRAGMA integrity_check").fetchone()[0]
        finally:
            con.close()
    except sqlite3.DatabaseError as error:
        return str(error)
    return None if result == "ok" else result
