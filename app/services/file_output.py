"""Writing an output file 输出文件 whole or not at all (reports, briefings, CSV).

The data goes to a temporary name beside the target and is renamed into place, so an interrupted
write never leaves half a file; a file another program holds open (Excel or a PDF reader on Windows)
is reported as such, in Chinese, through ``DomainError``.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from app.domain.errors import DomainError
from app.store.faults import fault_of


def write_file(target: Path, data: bytes, *, locked: str = "file_locked") -> Path:
    """``locked``: the message code for a target another program holds open (Windows refuses to replace
    it: PermissionError); a PDF says ``pdf_in_use`` (WPS/Acrobat). A folder in the way: ``file_is_folder``."""
    if target.is_dir():
        raise DomainError("file_is_folder", path=str(target))
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        handle, tmp = tempfile.mkstemp(dir=target.parent, prefix=".lvyue-", suffix=target.suffix)
    except OSError as error:  # the folder: read-only, full, or not creatable
        fault = fault_of(error, path=str(target.parent))
        if fault is not None:
            raise fault from None
        raise DomainError("file_unwritable", path=str(target), detail=error.strerror or str(error)) from None
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
        os.replace(tmp, target)
    except IsADirectoryError:  # made meanwhile
        Path(tmp).unlink(missing_ok=True)
        raise DomainError("file_is_folder", path=str(target)) from None
    except PermissionError:
        Path(tmp).unlink(missing_ok=True)
        raise DomainError(locked, path=str(target)) from None
    except OSError as error:
        Path(tmp).unlink(missing_ok=True)
        fault = fault_of(error, path=str(target))
        if fault is not None and fault.code == "disk_full":
            raise fault from None
        raise DomainError("file_unwritable", path=str(target), detail=error.strerror or str(error)) from None
    return target


def write_pdf(target: Path, pdf: bytes) -> Path:
    """A PDF saved by the window or the CLI: whole or not at all; one open in WPS or Acrobat is named so."""
    return write_file(target, pdf, locked="pdf_in_use")


def write_files(folder: Path, files: dict[str, bytes]) -> list[Path]:
    """Several files into ``folder`` (CSV tables): each whole or not at all."""
    return [write_file(folder / name, data) for name, data in files.items()]
