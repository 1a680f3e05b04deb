"""A consistent copy of a SQLite database, shared by the client (profile backups, ``app.store.backup``)
and the hub (the copy taken before sealing or re-keying, ``server.sealing``).

SQLite's online backup API copies page by page, consistent even while another connection writes. The
copy is written to ``<name>.part`` (0600 from its first byte: it holds case data) and renamed when
complete: a full disk or a killed process never leaves a half copy under a real name (the part file
is removed on failure). Standard library and ``app.common.permissions`` only.
"""

from __future__ import annotations

import contextlib
import sqlite3
from datetime import datetime
from pathlib import Path

from app.common.permissions import private_file


def readonly_uri(path: Path | str) -> str:
    """A read-only SQLite URI for ``path``: the path is percent-encoded (``Path.as_uri``), so ``#``,
    ``?`` and ``%41`` in a folder name stay part of the file name instead of starting a fragment,
    a query or decoding to another character."""
    return Path(path).resolve().as_uri() + "?mode=ro"


def backup_file(source: Path, destination: Path) -> Path:
    """Copy the database at ``source`` into a new file ``destination`` (page by page, consistent)."""
    destination.parent.mkdir(parents=True, exist_ok=True)
    tmp = destination.with_suffix(destination.suffix + ".part")
    if tmp.exists():
        tmp.unlink()
    private_file(tmp)  # a copy of the case data: readable by the user only, from its first byte
    try:
        src = sqlite3.connect(readonly_uri(source), uri=True)
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
    except BaseException:
        for leftover in (tmp, tmp.with_name(tmp.name + "-journal")):
            with contextlib.suppress(OSError):
                leftover.unlink(missing_ok=True)
        raise
    return destination


def restore_file(backup: Path, target: Path) -> None:
    """Write ``backup`` over the live database ``target`` through the backup API (keeps WAL consistent)."""
    src = sqlite3.connect(readonly_uri(backup), uri=True)
    try:
        dst = sqlite3.connect(target)
        try:
            src.backup(dst)
        finally:
            dst.close()
    finally:
        src.close()


def timestamped_name(reason: str, moment: datetime) -> str:
    return f"lvyue-{reason}-{moment.strftime('%Y%m%d-%H%M%S-%f')}.sqlite"
