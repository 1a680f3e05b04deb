"""Half-written copies 未写完的临时文件: what a killed process leaves of a file it was copying in.

Attachments, downloads and issued PDFs are written to a temporary file (``.incoming-…``,
``.download-…``) and renamed into place when whole. A process killed meanwhile leaves the temporary
file behind: part of a complainant's evidence, never used and never removed. The writer holds an OS
lock on its temporary file (``hold``; released by the OS when the process dies) and the opening of a
profile removes the ones nobody holds (``sweep``). On Windows a file still open elsewhere cannot be
deleted, which serves as the lock.
"""

from __future__ import annotations

import os
from pathlib import Path

PREFIXES = (".incoming-", ".download-")

if os.name == "nt":  # pragma: no cover - exercised on Windows

    def hold(fd: int) -> None:
        """Nothing to do: an open file cannot be deleted on Windows."""

    def _unheld(path: Path) -> bool:
        return True

    def unheld(path: Path) -> bool:
        """Windows: a file still open elsewhere cannot be deleted, so deleting is the test."""
        return True
else:
    import fcntl

    def hold(fd: int) -> None:
        """Mark ``fd``'s temporary file as being written (until it is closed or the process dies)."""
        fcntl.flock(fd, fcntl.LOCK_EX)

    def _unheld(path: Path) -> bool:
        try:
            fd = os.open(path, os.O_RDONLY)
        except OSError:
            return False
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return True
        except OSError:
            return False
        finally:
            os.close(fd)

    unheld = _unheld


def sweep(folder: Path) -> int:
    """Remove the temporary files in ``folder`` (not below it) that no living writer holds."""
    try:
        entries = [e for e in os.scandir(folder) if e.name.startswith(PREFIXES) and e.is_file(follow_symlinks=False)]
    except OSError:
        return 0
    removed = 0
    for entry in entries:
        path = Path(entry.path)
        if _unheld(path):
            try:
                path.unlink()
                removed += 1
            except OSError:
                pass  # still open in another process (Windows) or already gone
    return removed
