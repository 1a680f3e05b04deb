"""Maintenance 维护: rebuild projections, verify the audit chain, back up and restore."""

from __future__ import annotations

import os
import shutil
import sqlite3
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlalchemy import select

from app.common.permissions import private_dir, private_file
from app.common.sqlite_copy import backup_file, timestamped_name
from app.domain.clock import CHINA
from app.domain.errors import DomainError
from app.security.audit import AuditReport, verify
from app.services.profile import Profile, ProfileFiles, is_initialised
from app.store.backup import (
    CORE_TABLES,
    BackupCopy,
    check_backup,
    clear_damage_mark,
    damage_mark,
    database_problem,
    integrity_problem,
    list_backups,
    marked_initialised,
    restore_file,
    set_aside,
    table_names,
)
from app.store.compaction import vacuum_if_sparse
from app.store.complaints import optimize_search_index
from app.store.faults import fault_of
from app.store.meta import MetaStore
from app.store.projection_version import PROJECTION_VERSION
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
    from app.services.document_register import rebuild_document_index  # its templates load reportlab
    from app.store.projector import Projector  # the fold and its models: only when rebuilding

    started = time.perf_counter()
    with profile.store.unit_of_work() as uow:
        events = uow.events.count()
        count = Projector(profile.calendar, profile.rules).rebuild(uow.complaints, progress=progress,
                                                                   total_events=events)
        rebuild_document_index(uow.session)
        optimize_search_index(uow.session)
        uow.commit()
    vacuum_if_sparse(profile.store.engine)  # the old rows and index segments freed much of the file
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


def backup(profile: Profile, destination: Path | str | None = None) -> Path:
    """A consistent copy of the database (attachments and issued PDFs are content-addressed files).

    ``destination``: a file, or a folder (an existing one, or a path ending with a separator or having
    no file suffix, e.g. ``D:\\备份\\`` or ``/media/u/备份``), which is created when missing."""
    if destination is None:
        destination = profile.files.backups / timestamped_name("manual", profile.now())
    elif _names_folder(destination):
        folder = Path(destination)
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except FileExistsError:
            raise DomainError("file_exists", path=str(folder)) from None
        destination = folder / timestamped_name("manual", profile.now())
    destination = Path(destination)
    if destination.exists():
        raise DomainError("file_exists", path=str(destination))
    try:
        return backup_file(profile.files.database, destination)
    except (OSError, sqlite3.Error) as error:  # a full or read-only backup disk, said with its path
        raise fault_of(error, path=str(destination)) or error from error


def _names_folder(destination: Path | str) -> bool:
    text = str(destination)
    if text.endswith(("/", os.sep)) or (os.altsep and text.endswith(os.altsep)):
        return True
    path = Path(text)
    return path.is_dir() or (not path.exists() and path.suffix == "")


def damaged_database(home: Path, *, thorough: bool = False) -> str | None:
    """What is wrong with the profile's database, None when it opens (see ``database_problem``).

    A file that fails to open is damaged; so is one marked damaged by an earlier read
    (``lvyue.sqlite.damaged``), checked then with ``integrity_check`` (the mark is cleared if it
    passes); ``thorough`` checks fully in any case. An empty or foreign file where backups exist also
    counts: a profile was there and its file was overwritten."""
    files = ProfileFiles(home)
    if not files.database.exists():
        return None
    mark = damage_mark(files.database)
    problem = database_problem(files.database, thorough=thorough or mark is not None)
    if problem is None and mark is not None:
        clear_damage_mark(files.database)
    if problem is None and list_backups(files.backups) and not marked_initialised(files.database):
        problem = "数据库文件为空或不是本系统的数据库"
    return problem


def newest_good_backup(home: Path) -> BackupCopy | None:
    """The newest backup that passes ``integrity_check`` (checked newest first, stops at the first good)."""
    for copy in list_backups(ProfileFiles(home).backups):
        checked = check_backup(copy)
        if checked.problem is None:
            return checked
    return None


def checked_backups(home: Path) -> list[BackupCopy]:
    """Every backup of the profile, newest first, each checked with ``integrity_check``."""
    return [check_backup(copy) for copy in list_backups(ProfileFiles(home).backups)]


def corrupt_error(home: Path, problem: str) -> DomainError:
    """The refusal the CLI gives for a damaged database: the newest good backup and the command line."""
    good = newest_good_backup(home)
    if good is None:
        return DomainError("database_corrupt_no_backup", home=str(home), detail=problem,
                           folder=str(ProfileFiles(home).backups))
    return DomainError("database_corrupt", home=str(home), detail=problem, backup=str(good.path),
                       taken_at=local_time(good.taken_at),
                       sync_note="本机已加入州级中心，恢复后请立即同步，中心保存的记录会重新下载。" if good.enrolled else "")


def local_time(moment: datetime) -> str:
    return moment.astimezone(CHINA).strftime("%Y-%m-%d %H:%M")


def restore(home: Path, source: Path) -> Path:
    """Replace the profile's database with ``source`` after saving the current one.

    The app must not be running on this profile. Returns the path of the copy of the replaced database:
    a backup copy when it was sound, or the damaged file itself, moved aside (never deleted).
    """
    if not source.is_file():
        raise DomainError("file_not_found", path=str(source))
    problem = integrity_problem(source)
    if problem:
        raise DomainError("backup_damaged", detail=problem)
    candidate = Store(source)
    try:
        with candidate.read() as session:
            if MetaStore(session).get("initialised") != "1":
                raise DomainError("backup_not_lvyue", path=str(source))
    except DomainError:
        raise
    except Exception:
        raise DomainError("backup_not_lvyue", path=str(source)) from None
    finally:
        candidate.close()
    if not CORE_TABLES <= table_names(source):
        raise DomainError("restore_incomplete_backup", path=str(source))
    files = ProfileFiles(home)
    private_dir(files.home)
    saved = None
    from app.domain.clock import utc_now

    if files.database.exists() and damaged_database(home) is not None:
        saved = set_aside(files.database, utc_now())  # kept for a specialist; never deleted
        incoming = files.database.with_name(files.database.name + ".restoring")
        shutil.copyfile(source, incoming)
        os.replace(incoming, files.database)  # whole or not at all
        clear_damage_mark(files.database)
    elif is_initialised(home):
        saved = backup_file(files.database, files.backups / timestamped_name("pre-restore", utc_now()))
        restore_file(source, files.database)
    else:
        shutil.copyfile(source, private_file(files.database))
    expected = table_names(source) | CORE_TABLES
    if not expected <= table_names(files.database):  # fewer tables: a short copy or another file was read
        if saved is not None and saved.name.startswith("lvyue-pre-restore"):
            restore_file(saved, files.database)  # keep the current database
        elif saved is not None:
            os.replace(saved, files.database)  # the damaged file back where it was, for a specialist
        raise DomainError("restore_incomplete_backup", path=str(source))
    return saved or files.database
