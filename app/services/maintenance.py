"""Maintenance 维护: rebuild projections, verify the audit chain, back up and restore."""

from __future__ import annotations

import shutil
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select

from app.domain.errors import DomainError
from app.security.audit import AuditReport, verify
from app.services.document_register import rebuild_document_index
from app.services.profile import Profile, ProfileFiles, is_initialised
from app.store.backup import backup_file, integrity_problem, restore_file, timestamped_name
from app.store.meta import MetaStore
from app.store.projector import PROJECTION_VERSION, Projector
from app.store.tables import complaints
from app.store.uow import Store


@dataclass(frozen=True)
class RebuildReport:
    complaints: int
    events: int
    seconds: float


def rebuild_projections(profile: Profile, progress: Callable[[int, int], None] | None = None) -> RebuildReport:
    """Drop the complaint rows and search index and recreate them from the events alone
    (``progress(done, total)`` as the rows are rebuilt)."""
    started = time.perf_counter()
    with profile.store.unit_of_work() as uow:
        events = uow.events.count()
        count = Projector(profile.calendar, profile.rules).rebuild(uow.complaints, progress=progress,
                                                                   total_events=events)
        rebuild_document_index(uow.session)
        uow.commit()
    return RebuildReport(count, events, time.perf_counter() - started)


def refresh_outdated_projections(profile: Profile, progress: Callable[[int, int], None] | None = None
                                 ) -> RebuildReport | None:
    """Rebuild the complaint rows once when an older version projected them (``PROJECTION_VERSION``)."""
    with profile.store.read() as session:
        stored = MetaStore(session).get("projection_version")
    if stored == str(PROJECTION_VERSION):
        return None
    report = rebuild_projections(profile, progress) if stored is not None or _has_complaints(profile) else None
    with profile.store.unit_of_work() as uow:
        uow.meta.set("projection_version", str(PROJECTION_VERSION))
        uow.commit()
    return report


def _has_complaints(profile: Profile) -> bool:
    with profile.store.read() as session:
        return session.execute(select(complaints.c.id).limit(1)).first() is not None


def verify_audit(profile: Profile) -> AuditReport:
    with profile.store.read() as session:
        return verify(session, profile.device_id)


def backup(profile: Profile, destination: Path | None = None) -> Path:
    """A consistent copy of the database (attachments and issued PDFs are content-addressed files)."""
    if destination is None:
        destination = profile.files.backups / timestamped_name("manual", profile.now())
    elif destination.is_dir():
        destination = destination / timestamped_name("manual", profile.now())
    if destination.exists():
        raise DomainError("file_exists", path=str(destination))
    return backup_file(profile.files.database, destination)


def restore(home: Path, source: Path) -> Path:
    """Replace the profile's database with ``source`` after saving the current one.

    The app must not be running on this profile. Returns the path of the copy of the replaced database.
    """
    if not source.is_file():
        raise DomainError("file_not_found", path=str(source))
    problem = integrity_problem(source)
    if problem:
        raise DomainError("backup_damaged", detail=problem)
    candidate = Store(source)
    try:
        with candidate.read() as session:
            from app.store.meta import MetaStore

            if MetaStore(session).get("initialised") != "1":
                raise DomainError("backup_not_lvyue", path=str(source))
    except DomainError:
        raise
    except Exception:
        raise DomainError("backup_not_lvyue", path=str(source)) from None
    finally:
        candidate.close()
    files = ProfileFiles(home)
    files.home.mkdir(parents=True, exist_ok=True)
    saved = None
    if is_initialised(home):
        from app.domain.clock import utc_now

        saved = backup_file(files.database, files.backups / timestamped_name("pre-restore", utc_now()))
        restore_file(source, files.database)
    else:
        shutil.copyfile(source, files.database)
    return saved or files.database
