"""Faults of the county PC (issue 12): a full disk, a read-only folder or database, a database locked by
another process, a damaged database, a missing attachment file. Each refuses with a Chinese message and
loses nothing saved (real SQLite files; a real second process; a real small or read-only file system
where this machine lets the test mount one)."""

from __future__ import annotations

import os
import random
import sqlite3
import subprocess
import sys
from contextlib import contextmanager
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import event

from app.domain.clock import utc_now
from app.domain.errors import DomainError
from app.messages import describe
from app.services import documents, maintenance
from app.services.attachments import attach_file, copy_for_opening, export_blob
from app.services.file_output import write_file
from app.services.intake import register
from app.services.profile import make_daily_backup, open_profile
from app.services.queries import get_complaint
from app.store.backup import DAMAGE_SUFFIX, check_backup, list_backups
from app.store.faults import fault_of
from tests.damaged_files import damage_complaints_page
from tests.factories import intake


def counts(profile) -> tuple[int, int]:
    with sqlite3.connect(profile.files.database) as db:
        return (db.execute("SELECT count(*) FROM events").fetchone()[0],
                db.execute("SELECT count(*) FROM complaints").fetchone()[0])


def refusal(call) -> DomainError:
    """The ``DomainError`` a call ends with, as the window (``TaskFailure``) and the CLI translate it."""
    with pytest.raises(Exception) as raised:
        call()
    fault = fault_of(raised.value)
    assert fault is not None, f"not a fault of the PC: {raised.value!r}"
    return fault


@contextmanager
def pragma_on_connect(profile, pragma: str):
    """A fault-injecting open: every new connection of the profile runs ``PRAGMA {pragma}`` first."""
    engine = profile.store.engine

    def run(dbapi_connection, _record) -> None:
        dbapi_connection.execute(f"PRAGMA {pragma}")

    engine.dispose()
    event.listen(engine, "connect", run)
    try:
        yield
    finally:
        engine.dispose()
        event.remove(engine, "connect", run)


def mounted(kind: list[str], target: Path) -> None:
    if sys.platform != "linux" or os.geteuid() != 0:
        pytest.skip("mounting a file system needs root on Linux")
    done = subprocess.run(["mount", *kind, str(target)], capture_output=True)
    if done.returncode != 0:
        pytest.skip(f"mount refused here: {done.stderr.decode(errors='replace').strip()}")


@pytest.fixture
def tiny_disk(tmp_path):
    """A small tmpfs filled to the last byte by ``filler``: a real ENOSPC (skipped where the test may
    not mount)."""
    mount = tmp_path / "tiny"
    mount.mkdir()
    mounted(["-t", "tmpfs", "-o", "size=256k", "tmpfs"], mount)
    try:
        try:
            with open(mount / "filler", "wb") as filler:
                while True:
                    filler.write(b"\0" * 4096)
                    filler.flush()
        except OSError:
            pass  # full to the last block
        yield mount
    finally:
        subprocess.run(["umount", "-l", str(mount)], check=False)


def files_on(disk: Path) -> list[str]:
    return sorted(p.name for p in disk.rglob("*") if p.is_file())


# ---- disk full ---------------------------------------------------------------------------------------
def test_a_full_database_refuses_a_registration_and_keeps_what_was_saved(office):
    """SQLITE_FULL injected with ``PRAGMA max_page_count`` (the database may not grow by one page)."""
    profile = office.profile
    kept = register(profile, office.clerk, intake()).complaint_id
    before = counts(profile)
    with sqlite3.connect(profile.files.database) as db:
        db.execute("VACUUM")  # no free pages left: the next write must grow the file
        pages = db.execute("PRAGMA page_count").fetchone()[0]
    big = intake()
    # the most a description may hold (app.domain.text_limits), in characters that do not compress: the
    # event and the aggregate are stored packed (``app.common.packing``), a repeated word would fit a page
    rng = random.Random(98)
    big["description"] = "".join(chr(rng.randint(0x4E00, 0x9FA5)) for _ in range(600))
    with pragma_on_connect(profile, f"max_page_count = {pages}"):
        fault = refusal(lambda: register(profile, office.clerk, big))
    assert fault.code == "disk_full"
    assert "磁盘空间已满" in describe(fault) and "已保存的数据没有丢失" in describe(fault)
    assert counts(profile) == before  # nothing half-written
    assert get_complaint(profile, office.clerk, kept).complaint.id == kept
    assert maintenance.verify_audit(profile).ok
    register(profile, office.clerk, big)  # with space again, the same registration goes through
    assert counts(profile)[1] == before[1] + 1


def test_a_full_disk_stops_an_attachment_without_recording_it(office, tiny_disk, tmp_path):
    profile = office.profile
    cid = register(profile, office.clerk, intake()).complaint_id
    before = counts(profile)
    profile.files.blobs.mkdir(exist_ok=True)
    profile.files.blobs.rmdir()
    profile.files.blobs.symlink_to(tiny_disk, target_is_directory=True)  # the blob store on the small disk
    scan = tmp_path / "合同扫描件.pdf"
    scan.write_bytes(os.urandom(400 * 1024))
    fault = refusal(lambda: attach_file(profile, office.clerk, cid, scan))
    assert fault.code == "disk_full" and "blobs" in describe(fault)
    assert counts(profile) == before
    assert files_on(tiny_disk) == ["filler"]  # no half file left


def test_a_full_disk_leaves_no_half_backup_export_or_pdf(office, tiny_disk):
    profile = office.profile
    cid = register(profile, office.clerk, intake()).complaint_id
    fault = refusal(lambda: maintenance.backup(profile, tiny_disk / "lvyue-backup.sqlite"))
    assert fault.code == "disk_full" and str(tiny_disk) in describe(fault)
    fault = refusal(lambda: write_file(tiny_disk / "台账.xlsx", os.urandom(64 * 1024)))
    assert fault.code == "disk_full" and "台账.xlsx" in describe(fault)
    assert files_on(tiny_disk) == ["filler"]
    before = counts(profile)
    profile.files.documents.mkdir(exist_ok=True)
    profile.files.documents.rmdir()
    profile.files.documents.symlink_to(tiny_disk, target_is_directory=True)
    fault = refusal(lambda: documents.issue(profile, office.handler, cid, "receipt"))
    assert fault.code == "disk_full"
    assert counts(profile) == before  # no issue event without its PDF
    assert files_on(tiny_disk) == ["filler"]


# ---- read-only -------------------------------------------------------------------------------------
def test_a_read_only_database_refuses_writes_and_keeps_reading(office):
    """Read-only injected at open (``PRAGMA query_only``: SQLite's own SQLITE_READONLY, as a database file
    marked read-only gives on Windows; ``chmod`` would not stop root)."""
    profile = office.profile
    cid = register(profile, office.clerk, intake()).complaint_id
    before = counts(profile)
    with pragma_on_connect(profile, "query_only = ON"):
        fault = refusal(lambda: register(profile, office.clerk, intake()))
        assert get_complaint(profile, office.clerk, cid).complaint.id == cid  # reading goes on
    assert fault.code == "storage_read_only" and "只读" in describe(fault)
    assert counts(profile) == before


def test_a_read_only_profile_folder_is_said_plainly_at_open(office, tmp_path):
    """A real read-only folder: a read-only bind mount of the profile (skipped where mounting is refused)."""
    home = office.profile.files.home
    office.profile.close()
    view = tmp_path / "read-only-view"
    view.mkdir()
    mounted(["--bind", str(home)], view)  # skipped unless this machine allows it
    try:
        subprocess.run(["mount", "-o", "remount,bind,ro", str(view)], check=True)
        with pytest.raises(DomainError) as raised:
            open_profile(view, daily_backup=False)
    finally:
        subprocess.run(["umount", "-l", str(view)], check=False)
    assert raised.value.code == "storage_read_only"
    assert str(view) in describe(raised.value) and "只读" in describe(raised.value)
    assert open_profile(home, daily_backup=False).close() is None  # the data is all there


# ---- locked by another process ---------------------------------------------------------------------
@contextmanager
def write_lock_held_by_another_process(database: Path):
    """A second process holds a write transaction (as a scheduled ``main.py sync`` does for a while)."""
    holder = subprocess.Popen(
        [sys.executable, "-c", "import sqlite3, sys\n"
         f"db = sqlite3.connect({str(database)!r}, isolation_level=None)\n"
         "db.execute('BEGIN IMMEDIATE')\nprint('held', flush=True)\nsys.stdin.readline()\ndb.execute('ROLLBACK')\n"],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "held"
        yield
    finally:
        holder.stdin.write("\n")
        holder.stdin.close()
        holder.wait(timeout=30)
        holder.stdout.close()


def test_a_database_locked_by_another_program_refuses_and_writes_nothing(office, monkeypatch):
    home = office.profile.files.home
    office.profile.close()
    monkeypatch.setenv("LVYUE_BUSY_TIMEOUT_MS", "200")  # instead of 30 s
    profile = open_profile(home, daily_backup=False, clock=office.clock)
    try:
        cid = register(profile, office.clerk, intake()).complaint_id
        before = counts(profile)
        with write_lock_held_by_another_process(profile.files.database):
            fault = refusal(lambda: register(profile, office.clerk, intake()))
            assert counts(profile) == before
            assert get_complaint(profile, office.clerk, cid).complaint.id == cid  # opening does not wait
        assert fault.code == "database_busy"
        assert "另一个程序" in describe(fault) and "重试" in describe(fault)
        assert counts(profile) == before
        register(profile, office.clerk, intake())  # once the other program is done, it goes through
        assert counts(profile)[1] == before[1] + 1
    finally:
        profile.close()


# ---- a damaged database ----------------------------------------------------------------------------
def overwrite(path: Path, offset: int, data: bytes) -> None:
    with open(path, "r+b") as handle:
        handle.seek(offset)
        handle.write(data)


def index_page(database: Path, name: str) -> int:
    with sqlite3.connect(database) as db:
        return db.execute("SELECT rootpage FROM sqlite_master WHERE name = ?", (name,)).fetchone()[0]


@pytest.fixture
def backed_up(office):
    """A profile with a daily backup taken after two complaints, then one more complaint; closed."""
    profile = office.profile
    for _ in range(2):
        register(profile, office.clerk, intake())
    daily = make_daily_backup(profile)
    register(profile, office.clerk, intake())
    profile.close()
    return profile.files, daily


def test_a_file_that_is_not_a_database_is_refused_with_the_restore_command(backed_up):
    files, daily = backed_up
    overwrite(files.database, 0, b"this is not a database at all" * 4)
    with pytest.raises(DomainError) as raised:
        open_profile(files.home)
    assert raised.value.code == "database_damaged"
    advice = describe(maintenance.corrupt_error(files.home, raised.value.params["detail"]))
    assert f'restore "{daily}"' in advice and "不会删除" in advice and "之后录入的内容会丢失" in advice


def test_restoring_moves_the_damaged_file_aside_and_brings_back_the_backup(backed_up):
    files, daily = backed_up
    overwrite(files.database, 0, b"\xff" * 100)
    damaged = files.database.read_bytes()
    saved = maintenance.restore(files.home, daily)
    assert saved.read_bytes() == damaged  # kept, never deleted
    assert saved.parent == files.home and saved != files.database
    profile = open_profile(files.home, daily_backup=False)
    try:
        assert counts(profile)[1] == 2  # the complaint entered after the backup is what was lost
        assert maintenance.verify_audit(profile).ok
    finally:
        profile.close()


def test_a_damaged_page_found_by_the_daily_check_is_restored_at_the_next_start(office):
    """The start-up check is cheap (header, schema, ``meta``); ``integrity_check`` runs on each daily copy.
    A damaged copy is dropped (it must not push good ones out), and the next start checks fully."""
    profile = office.profile
    register(profile, office.clerk, intake())
    good = make_daily_backup(profile)
    register(profile, office.clerk, intake())
    profile.close()
    database = profile.files.database
    page = index_page(database, "ux_events_device_seq")
    with sqlite3.connect(database) as db:
        size = db.execute("PRAGMA page_size").fetchone()[0]
    overwrite(database, (page - 1) * size, b"\x0d" + b"\xa5" * 200)  # a damaged index page
    reopened = open_profile(profile.files.home, daily_backup=False, clock=office.clock)  # cheap check passes
    office.clock.now = utc_now() + timedelta(days=2)  # the next day's copy is due
    try:
        with pytest.raises(DomainError) as raised:
            make_daily_backup(reopened)
    finally:
        reopened.close()
    assert raised.value.code == "database_corrupt_found" and "重新启动" in describe(raised.value)
    assert [p.name for p in profile.files.backups.glob("lvyue-daily-*")] == [good.name]  # the bad copy is gone
    assert database.with_name(database.name + DAMAGE_SUFFIX).exists()
    with pytest.raises(DomainError, match="database_damaged"):
        open_profile(profile.files.home, daily_backup=False)
    copies = maintenance.checked_backups(profile.files.home)
    assert copies[0].path == good and copies[0].problem is None
    maintenance.restore(profile.files.home, good)
    open_profile(profile.files.home, daily_backup=False).close()
    assert not database.with_name(database.name + DAMAGE_SUFFIX).exists()


def test_a_damaged_page_met_while_working_says_restart_and_restore(office):
    profile = office.profile
    for _ in range(30):
        register(profile, office.clerk, intake())
    profile.store.engine.dispose()
    database = profile.files.database
    damage_complaints_page(database)
    from app.services.queries import list_complaints

    fault = refusal(lambda: list_complaints(profile, office.clerk))
    assert fault.code == "database_corrupt_found" and "备份" in describe(fault)
    assert database.with_name(database.name + DAMAGE_SUFFIX).exists()  # the next start checks fully


# ---- a missing attachment file ---------------------------------------------------------------------
def test_a_missing_attachment_names_the_complaint_and_the_file(office, tmp_path):
    profile = office.profile
    registered = register(profile, office.clerk, intake())
    scan = tmp_path / "验收单.pdf"
    scan.write_bytes(b"%PDF-1.7 acceptance note")
    attach_file(profile, office.clerk, registered.complaint_id, scan)
    attachment = get_complaint(profile, office.clerk, registered.complaint_id).complaint.attachments[0]
    blob = profile.files.blobs / attachment["sha256"][:2] / attachment["sha256"]
    blob.unlink()
    for call in (lambda: export_blob(profile, attachment["sha256"], tmp_path / "out" / "验收单.pdf"),
                 lambda: copy_for_opening(profile, attachment["sha256"], "验收单.pdf", tmp_path / "open")):
        with pytest.raises(DomainError) as raised:
            call()
        text = describe(raised.value)
        assert registered.case_no in text and "验收单.pdf" in text and "重新添加" in text
    assert get_complaint(profile, office.clerk, registered.complaint_id).complaint.id  # the rest opens


# ---- backup -o into a folder ------------------------------------------------------------------------
@pytest.mark.parametrize("name", ["新建备份/", "U盘备份", "深/一层/目录" + os.sep])
def test_backup_into_a_folder_that_does_not_exist_creates_it(office, tmp_path, name):
    target = str(tmp_path / "usb") + os.sep + name
    made = maintenance.backup(office.profile, target)
    folder = Path(target)
    assert folder.is_dir() and made.parent == folder and made.name.startswith("lvyue-manual-")
    assert check_backup(list_backups(folder)[0]).problem is None


def test_backup_to_a_file_name_still_writes_that_file(office, tmp_path):
    made = maintenance.backup(office.profile, str(tmp_path / "新建" / "双柏.sqlite"))
    assert made == tmp_path / "新建" / "双柏.sqlite" and made.is_file()
