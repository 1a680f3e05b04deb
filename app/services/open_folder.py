"""The session's own temporary folder 临时文件夹 for copies of attachments handed to the OS to open.

Kept apart from ``app.services.attachments`` so that start-up can make one without loading the
services that record events.

The folder (``lvyue-open-*`` in the system's temporary folder) holds a ``.session`` file open for the
whole session: on Windows an open file cannot be deleted, elsewhere it carries an OS lock (released
when the process dies). It is removed at the end of the session (the window's ``aboutToQuit`` and, for
any other way out of Python, ``atexit``); one a crashed session left is removed at a later start once
it is a day old and its ``.session`` is free (``app.services.temp_files``).
"""

from __future__ import annotations

import atexit
import os
import shutil
import tempfile
from pathlib import Path

from app.store.partial_files import hold

PREFIX = "lvyue-open-"
SESSION_FILE = ".session"


class OpenFolder:
    """The session's own temporary folder for copies handed to the OS to open: made on first use
    (``base``: the system's temporary folder unless given), removed by ``remove`` at the end."""

    def __init__(self, base: Path | None = None) -> None:
        self._base = base
        self._path: Path | None = None
        self._session: int | None = None

    @property
    def path(self) -> Path:
        if self._path is None:
            self._path = Path(tempfile.mkdtemp(prefix=PREFIX, dir=self._base)).resolve()
            self._session = os.open(self._path / SESSION_FILE, os.O_RDWR | os.O_CREAT, 0o600)
            hold(self._session)
            atexit.register(self.remove)
        return self._path

    def remove(self) -> None:
        if self._session is not None:
            os.close(self._session)
            self._session = None
        if self._path is not None:
            shutil.rmtree(self._path, ignore_errors=True)  # a file still open in another program stays
            self._path = None
            atexit.unregister(self.remove)
