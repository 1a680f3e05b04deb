"""Issued PDF files 文书文件: content-addressed beside the database (``documents/ab/abcd….pdf``).

A PDF waits in ``documents/.pending/`` while its issue commits and is moved into place afterwards, so
a crash before the commit never leaves a numbered PDF among the issued documents; ``settle_pending``
at the next opening keeps (moves into place) or removes what a crash left waiting. Light on imports:
every opening of a profile calls it.
"""

from __future__ import annotations

import logging
import os
import tempfile
from pathlib import Path

from sqlalchemy import select

from app.common.permissions import private_dir
from app.services.profile import Profile
from app.store import document_index as index
from app.store.partial_files import hold, sweep

log = logging.getLogger(__name__)


def document_path(profile: Profile, sha256: str) -> Path:
    return profile.files.documents / sha256[:2] / f"{sha256}.pdf"


def store_pdf(profile: Profile, sha: str, pdf: bytes, *, repair: bool = False) -> Path:
    """Write the PDF under its digest, atomically; an existing file is kept (``repair``: if it is intact)."""
    target = document_path(profile, sha)
    if target.is_file() and not (repair and target.read_bytes() != pdf):
        return target
    private_dir(target.parent)
    handle, tmp = tempfile.mkstemp(dir=target.parent, prefix=".incoming-")
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(pdf)
            out.flush()
            os.fsync(out.fileno())
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return target


def pending_folder(profile: Profile) -> Path:
    """Where a PDF waits while its issue commits: a crash before the commit leaves it here, never among
    the issued documents (``settle_pending``, at the next opening, removes it)."""
    return profile.files.documents / ".pending"


def store_pending(profile: Profile, sha: str, pdf: bytes) -> Path:
    folder = private_dir(pending_folder(profile))
    handle, tmp = tempfile.mkstemp(dir=folder, prefix=".incoming-")
    hold(handle)
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(pdf)
            out.flush()
            os.fsync(out.fileno())
        target = folder / f"{sha}.pdf"
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return target


def settle(profile: Profile, pending: Path, sha: str, pdf: bytes) -> Path:
    """After the commit: the waiting PDF into its place (written again if another start removed it)."""
    target = document_path(profile, sha)
    try:
        private_dir(target.parent)
        if target.is_file():
            pending.unlink(missing_ok=True)
        else:
            os.replace(pending, target)
        return target
    except FileNotFoundError:
        return store_pdf(profile, sha, pdf)
    except OSError as error:  # the record is committed; reprint renders the same bytes again
        log.warning("issued PDF %s not moved into place: %s", sha, error)
        return target


def settle_pending(profile: Profile) -> int:
    """At opening: PDFs left waiting by a crash go into place if their issue committed, else away.
    Returns how many were found (0, with one directory look-up, on every ordinary start)."""
    folder = pending_folder(profile)
    try:
        waiting = [p for p in folder.iterdir() if p.suffix == ".pdf"]
    except OSError:
        return 0
    waiting_copies = sweep(folder)
    d = index.issued_documents.c
    for path in waiting:
        with profile.store.read() as session:
            issued = path.suffix == ".pdf" and session.execute(
                select(d.event_id).where(d.sha256 == path.stem).limit(1)).first() is not None
        if issued:
            settle(profile, path, path.stem, path.read_bytes())
        else:
            path.unlink(missing_ok=True)
    return len(waiting) + waiting_copies
