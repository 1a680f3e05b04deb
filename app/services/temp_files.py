"""Temporary files 临时文件 left behind, removed when a profile opens; nothing that is not ours.

Ours are: the folders ``lvyue-open-*`` in the system's temporary folder (copies of attachments opened
in another program, ``app.services.open_folder``) and, inside the profile's own folders, the part files
of an interrupted write (``.incoming-``, ``.download-``, ``.copy-``, ``.lvyue-``, ``.draft-``). Only those
at least a day old go, and only when no living process holds them (the session's ``.session`` file, a
writer's lock: ``app.store.partial_files``): a second window or the CLI running meanwhile loses nothing.
Each session removes its own folder at exit. ``documents/.pending`` is ``settle_pending``'s and is left
to it; nothing outside these folders is touched.
"""

from __future__ import annotations

import logging
import os
import shutil
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from app.services.open_folder import PREFIX, SESSION_FILE
from app.store.partial_files import unheld

log = logging.getLogger(__name__)
STALE_SECONDS = 24 * 3600
PART_PREFIXES = (".incoming-", ".download-", ".copy-", ".lvyue-", ".draft-")


@dataclass(frozen=True)
class Swept:
    folders: int
    files: int


def _old(path: Path, now: float) -> bool:
    try:
        return now - path.lstat().st_mtime >= STALE_SECONDS
    except OSError:
        return False


def _session_over(folder: Path) -> bool:
    """True when no process holds the folder's ``.session`` (a folder without one is from before it existed)."""
    session = folder / SESSION_FILE
    if not session.exists():
        return True
    if os.name == "nt":  # pragma: no cover - an open file cannot be deleted on Windows: that is the test
        try:
            session.unlink()
            return True
        except OSError:
            return False
    return unheld(session)


def sweep_open_folders(temp_dir: Path | None = None, now: float | None = None) -> int:
    """Remove crashed sessions' ``lvyue-open-*`` folders a day old or more; returns how many went."""
    base = Path(temp_dir or tempfile.gettempdir())
    now = time.time() if now is None else now
    removed = 0
    try:
        candidates = [Path(e.path) for e in os.scandir(base)
                      if e.name.startswith(PREFIX) and e.is_dir(follow_symlinks=False)]
    except OSError:
        return 0
    for folder in candidates:
        if _old(folder, now) and _session_over(folder):
            shutil.rmtree(folder, ignore_errors=True)  # a copy still open in WPS stays until next time
            if folder.exists():
                log.info("temporary folder %s only partly removed (a file is still open)", folder)
            else:
                removed += 1
    return removed


def sweep_part_files(folders: list[Path], now: float | None = None) -> int:
    """Remove our part files a day old or more in ``folders`` and their sub-folders (not ``.pending``)."""
    now = time.time() if now is None else now
    removed = 0
    for top in folders:
        if not top.is_dir():
            continue
        for root, dirs, files in os.walk(top):
            dirs[:] = [d for d in dirs if d != ".pending"]
            for name in files:
                path = Path(root) / name
                if name.startswith(PART_PREFIXES) and not path.is_symlink() and _old(path, now) and unheld(path):
                    try:
                        path.unlink()
                        removed += 1
                    except OSError as error:
                        log.info("part file %s not removed (tried again next time): %s", path, error)
    return removed


def sweep(home: Path, temp_dir: Path | None = None, now: float | None = None) -> Swept:
    """At a profile's opening: the system temporary folder's stale ``lvyue-open-*`` and the profile's
    stale part files (blobs, documents, drafts, backups)."""
    folders = [home / "blobs", home / "documents", home / "drafts", home / "backups"]
    return Swept(sweep_open_folders(temp_dir, now), sweep_part_files(folders, now))
