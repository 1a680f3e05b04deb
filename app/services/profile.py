"""Profiles 配置档案: one folder per office and device holding the database, files and backups.

``--home DIR`` or ``LVYUE_HOME`` choose the folder; otherwise the platform's user data dir
(platformdirs: ``%LOCALAPPDATA%\\Lvyue\\profiles\\default`` on Windows), never the install folder.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path

import platformdirs

from app.common.permissions import open_private_home, private_dir, private_file
from app.common.sqlite_copy import backup_file, timestamped_name
from app.domain.clock import iso_utc, utc_now
from app.domain.deadlines import DeadlineRules
from app.domain.errors import DomainError
from app.domain.ids import uuid7
from app.domain.regions import RegionRegistry, scope_prefix
from app.domain.workdays import WorkCalendar
from app.store.backup import integrity_problem, mark_damaged
from app.store.meta import MetaStore
from app.store.partial_files import sweep
from app.store.projection_version import PROJECTION_VERSION
from app.store.uow import Store
from app.sync.reference import merged_calendar, merged_regions

log = logging.getLogger(__name__)
DB_NAME = "lvyue.sqlite"
DAILY_BACKUPS_KEPT = 14


def default_home() -> Path:
    return Path(platformdirs.user_data_dir("Lvyue", appauthor=False)) / "profiles" / "default"


def resolve_home(home: str | os.PathLike | None = None) -> Path:
    if home:
        return Path(home).expanduser().resolve()
    env = os.environ.get("LVYUE_HOME")
    return Path(env).expanduser().resolve() if env else default_home()


@dataclass(frozen=True)
class ProfileFiles:
    home: Path

    @property
    def database(self) -> Path:
        return self.home / DB_NAME

    @property
    def blobs(self) -> Path:
        return self.home / "blobs"

    @property
    def documents(self) -> Path:
        return self.home / "documents"

    @property
    def backups(self) -> Path:
        return self.home / "backups"

    @property
    def drafts(self) -> Path:
        return self.home / "drafts"


@dataclass(frozen=True)
class Office:
    region_code: str
    name: str  # issuing office, e.g. 双柏县发展和改革局

    @property
    def scope(self) -> str:
        return scope_prefix(self.region_code)


@dataclass
class Profile:
    """An opened profile: everything a service needs, built once at start-up."""

    files: ProfileFiles
    store: Store
    office: Office
    device_id: str
    calendar: WorkCalendar
    rules: DeadlineRules
    regions: RegionRegistry
    clock: Callable[[], datetime] = field(default=utc_now)

    def now(self) -> datetime:
        return self.clock()

    def close(self) -> None:
        self.store.close()


def is_initialised(home: Path) -> bool:
    files = ProfileFiles(home)
    if not files.database.exists():
        return False
    store = Store(files.database)
    try:
        with store.read() as session:
            return MetaStore(session).get("initialised") == "1"
    except Exception:  # a file that is not (yet) our database
        return False
    finally:
        store.close()


def _open_store(files: ProfileFiles) -> Store:
    """Open (or create) the database: the folder 0700 and the file 0600 before SQLite touches it (its
    -wal and -shm then take the database file's mode), and a profile from an older version repaired
    (``app.common.permissions``)."""
    open_private_home(files.home)  # a folder still open to others (an older version's) is walked whole
    private_dir(files.backups)
    private_file(files.database)
    store = Store(files.database)
    try:
        store.migrate(files.backups)
        from app.services.data_protection import attach

        attach(store, files.backups)  # the data key from the OS keyring; clear rows of an older version sealed
    except BaseException:
        store.close()
        raise
    return store


def create_profile(
    home: Path, *, region_code: str, office_name: str, clock: Callable[[], datetime] = utc_now,
    regions: RegionRegistry | None = None,
) -> Profile:
    """Make a new standalone profile (no users yet; ``users.add_first_admin`` follows).

    ``regions``: the registry to check ``region_code`` against (enrolment passes the hub's regions).
    """
    if is_initialised(home):
        raise DomainError("profile_exists", home=str(home))
    regions = regions or RegionRegistry.load_default()
    regions.get(region_code)
    if not office_name.strip():
        raise DomainError("required", field="office_name")
    files = ProfileFiles(home)
    store = _open_store(files)
    with store.unit_of_work() as uow:
        meta = uow.meta
        meta.set("device_id", uuid7())
        meta.set("device_name", os.environ.get("COMPUTERNAME") or os.uname().nodename if hasattr(os, "uname") else "")
        meta.set("region_code", region_code)
        meta.set("office_name", office_name.strip())
        meta.set("numbering", "standalone")
        meta.set("created_at", iso_utc(clock()))
        meta.set("initialised", "1")
        meta.set("projection_version", str(PROJECTION_VERSION))
        uow.commit()
    return _load(files, store, clock)


def open_profile(home: Path, *, clock: Callable[[], datetime] = utc_now, daily_backup: bool = True,
                 progress: Callable[[int, int], None] | None = None) -> Profile:
    """Open an initialised profile: migrate (after a backup), then a daily backup copy.

    ``progress(done, total)`` reports the one rebuild after an upgrade that changed the projections
    (minutes at 100,000 complaints); nothing is reported on an ordinary opening."""
    from app.services.maintenance import damaged_database
    from app.store.faults import fault_of

    files = ProfileFiles(home)
    try:
        problem = damaged_database(home)  # cheap unless an earlier read found damage
    except Exception as error:  # locked, or a read-only folder (WAL needs to write beside the file)
        raise fault_of(error, path=str(files.database)) or error from error
    if problem is not None:
        raise DomainError("database_damaged", home=str(home), detail=problem)
    if not is_initialised(home):
        raise DomainError("profile_missing", home=str(home))
    store = _open_store(files)
    profile = _load(files, store, clock)
    if daily_backup:
        make_daily_backup(profile)
    from app.services.document_files import settle_pending
    from app.services.maintenance import refresh_outdated_projections

    refresh_outdated_projections(profile, progress)  # once after an upgrade that changed how complaints are folded
    _adopt_pulled_heads(profile)
    _project_waiting(profile)
    settle_pending(profile)  # a document issue a crash interrupted: its PDF kept or removed with its record
    sweep(files.blobs)  # a copy of an attachment a killed process left half-written
    _sweep_temporary(files.home)
    return profile


def _sweep_temporary(home: Path) -> None:
    """Day-old temporary files of ours (``app.services.temp_files``); a failure is logged, never fatal."""
    from app.services import temp_files

    try:
        swept = temp_files.sweep(home)
    except OSError as error:
        log.warning("temporary files not swept: %s", error)
        return
    if swept.folders or swept.files:
        log.info("removed %d old temporary folders and %d part files", swept.folders, swept.files)


def _adopt_pulled_heads(profile: Profile) -> None:
    """Once, for a profile from before the pulled-event heads (``app.security.pulled_chain``): record
    the heads of the pulled events it holds, so ``audit verify`` checks them from now on. A read of one
    meta row on every other start; a failure (a read-only disk) is logged and tried at the next start."""
    from app.security import pulled_chain
    from app.store.meta import MetaStore

    try:
        with profile.store.read() as session:
            if MetaStore(session).get(pulled_chain.ADOPTED):
                return
        with profile.store.unit_of_work() as uow:
            if pulled_chain.adopt(uow.session, profile.device_id):
                uow.commit()
    except Exception:
        logging.getLogger(__name__).exception("recording the heads of the pulled events failed")


def _project_waiting(profile: Profile) -> None:
    """Pulled events a killed sync left unprojected are projected before anyone sees or acts on their
    complaints (found by the crash harness: an action on the stale row broke its fold). A failure is
    logged and left to the next sync, which tries again: it must never keep the profile from opening.
    The fold (with its pydantic models) is imported only when something waits, not on an ordinary start."""
    from sqlalchemy import select

    from app.sync.tables import dirty

    try:
        with profile.store.read() as session:
            if session.execute(select(dirty.c.stream).limit(1)).first() is None:
                return
        from app.store.projector import Projector
        from app.sync.inbox import project_waiting

        project_waiting(profile.store, Projector(profile.calendar, profile.rules))
    except Exception:  # logged; the sync's own first step projects again
        logging.getLogger(__name__).exception("projecting pulled events at opening failed")


def _load(files: ProfileFiles, store: Store, clock: Callable[[], datetime]) -> Profile:
    store.load_identity()
    with store.read() as session:
        values = MetaStore(session).all()
    calendar = merged_calendar(WorkCalendar.load_default(), values.get("holiday_calendar"))  # hub years win
    rules = DeadlineRules.from_dict(_json_or_empty(values.get("deadline_rules")))
    return Profile(
        files=files, store=store, office=Office(values["region_code"], values["office_name"]),
        device_id=values["device_id"], calendar=calendar, rules=rules,
        regions=merged_regions(RegionRegistry.load_default(), values.get("hub_regions")),
        clock=clock,
    )


def _json_or_empty(text: str | None) -> dict:
    import json

    return json.loads(text) if text else {}


def make_daily_backup(profile: Profile, *, check: bool = True) -> Path | None:
    """Copy the database once a day (keeps the last 14, and one a month for six months); the window runs
    it after login.

    ``check``: run ``keep_checked_copy`` on the copy now; the window passes False and runs that check
    on its pool instead, so the write queue is not held while every page of the copy is read."""
    folder = profile.files.backups
    existing = sorted(folder.glob("lvyue-daily-*.sqlite")) if folder.exists() else []
    now = profile.now()
    if existing:
        newest = datetime.fromtimestamp(existing[-1].stat().st_mtime, tz=now.tzinfo)
        if now - newest < timedelta(days=1):
            return None
    target = backup_file(profile.files.database, folder / timestamped_name("daily", now))
    return keep_checked_copy(profile, target) if check else target


def keep_checked_copy(profile: Profile, copy: Path) -> Path:
    """``PRAGMA integrity_check`` on a new daily copy (the full check runs on the copy, never holding the
    live file). A damaged copy is deleted, so it cannot push good ones out of the 14 kept, and the
    database is marked damaged (``database_corrupt_found``; the next start checks it and offers the
    restore); a good one lets the oldest daily copies beyond 14 go."""
    problem = integrity_problem(copy)
    if problem is not None:
        _remove_backup(copy)
        mark_damaged(profile.files.database, problem)
        raise DomainError("database_corrupt_found", detail=problem)
    _prune_daily_backups(profile.files.backups, profile.now())
    return copy


def _prune_daily_backups(folder: Path, now: datetime) -> None:
    """Keep the last ``DAILY_BACKUPS_KEPT`` and the first of each month for six months
    (``app.domain.retention.backups_to_drop``); the time a backup was taken is in its name.

    A copy Windows refuses to delete (open in another program, an antivirus scan, a read-only file) is
    left where it is and logged; the next day's rotation tries again. Opening the profile never fails
    because of it."""
    from app.domain import retention

    taken: dict[datetime, Path] = {}
    for path in folder.glob("lvyue-daily-*.sqlite"):
        try:
            stamp = datetime.strptime(path.stem.removeprefix("lvyue-daily-"), "%Y%m%d-%H%M%S-%f")
        except ValueError:
            continue  # not one of ours: left alone
        taken[stamp.replace(tzinfo=now.tzinfo)] = path
    for moment in retention.backups_to_drop(list(taken), now, DAILY_BACKUPS_KEPT):
        _remove_backup(taken[moment])


def _remove_backup(path: Path) -> bool:
    try:
        path.unlink(missing_ok=True)
        return True
    except OSError as error:
        log.warning("could not delete the old backup %s (tried again next time): %s", path, error)
        return False
