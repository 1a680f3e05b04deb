"""The session's own temporary folder 临时文件夹 for copies of attachments handed to the OS to open.

Kept apart from ``app.services.attachments`` so that start-up can make one without loading the
services that record events.
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path


class OpenFolder:
    """The session's own temporary folder for copies handed to the OS to open: made on first use
    (``base``: the system's temporary folder unless given), removed by ``remove`` at the end."""

    def __init__(self, base: Path | None = None) -> None:
        self._base = base
        self._path: Path | None = None

    @property
    def path(self) -> Path:
        if self._path is None:
            self._path = Path(tempfile.mkdtemp(prefix="lvyue-open-", dir=self._base)).resolve()
        return self._path

    def remove(self) -> None:
        if self._path is not None:
            shutil.rmtree(self._path, ignore_errors=True)  # a file still open in another program stays
            self._path = None
