"""What the restore page says of each backup copy (``app.store.backup``): a good copy of a profile with its
number of records, the newest one's time and whether it was enrolled; a damaged or foreign file as bad
and holding nothing; and a damaged database moved aside under a dated name with its -wal and -shm, never
over an earlier one."""

from __future__ import annotations

import logging
import os
import sqlite3
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import func, select

from app.common.sqlite_copy import backup_file
from app.services import maintenance
from app.store.backup import (
    CORE_TABLES,
    check_backup,
    integrity_problem,
    list_backups,
    marked_initialised,
    set_aside,
    table_names,
)
from app.store.tables import events
from tests.damaged_files import index_out_of_step


def _copy(office, tmp_path, name="copy.sqlite"):
    return backup_file(office.profile.files.database, tmp_path / "backups" / name)


def _recorded(office):
    with office.profile.store.read() as session:
        return session.execute(select(func.count(), func.max(events.c.device_time)).select_from(events)).one()


def test_a_good_copy_shows_its_records_and_newest_time(office, tmp_path):
    _copy(office, tmp_path)
    [listed] = list_backups(tmp_path / "backups")
    assert not listed.checked
    checked = check_backup(listed)
    count, newest = _recorded(office)
    assert count > 0
    assert checked.checked and checked.problem is None
    assert (checked.events, checked.last_event_at, checked.enrolled) == (count, newest, False)
    assert CORE_TABLES <= table_names(checked.path)


def test_a_copy_of_an_enrolled_profile_says_so(office, tmp_path):
    copy = _copy(office, tmp_path)
    con = sqlite3.connect(copy)
    con.execute("INSERT INTO meta (key, value) VALUES ('sync.hub_url', 'https://hub.example')")
    con.commit()
    con.close()
    checked = check_backup(list_backups(copy.parent)[0])
    assert checked.problem is None and checked.enrolled


def test_a_foreign_database_is_not_a_profile(tmp_path):
    path = tmp_path / "other.sqlite"
    con = sqlite3.connect(path)
    con.execute("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT)")
    con.execute("CREATE TABLE events (device_time TEXT)")
    con.execute("INSERT INTO events VALUES ('2026-11-26T04:00:00Z')")
    con.commit()
    con.close()
    checked = check_backup(list_backups(tmp_path)[0])
    assert checked.checked and checked.problem == "不是履约系统的配置档案"


def test_a_damaged_copy_is_bad_and_holds_nothing(tmp_path, caplog):
    path = tmp_path / "broken.sqlite"
    path.write_bytes(b"not a database at all" * 300)
    with caplog.at_level(logging.WARNING, logger="app.store.faults"):
        checked = check_backup(list_backups(tmp_path)[0])
    assert checked.checked and checked.problem == "不是有效的数据库文件（文件头已损坏、被其他内容覆盖，或已加密而密钥不符）"
    assert (checked.events, checked.last_event_at, checked.enrolled) == (0, None, False)
    assert str(path) in caplog.text  # the log names the file for whoever looks into it
    assert table_names(path) == set()
    assert integrity_problem(path) == checked.problem


def test_a_damaged_database_is_moved_aside_with_its_journal_never_over_another(tmp_path):
    database = tmp_path / "lvyue.sqlite"
    moment = datetime(2026, 11, 26, 9, 5, 7)
    for round_ in (1, 2):
        database.write_bytes(b"main %d" % round_)
        database.with_name("lvyue.sqlite-wal").write_bytes(b"wal %d" % round_)
        database.with_name("lvyue.sqlite-shm").write_bytes(b"shm %d" % round_)
        target = set_aside(database, moment)
        expected = "lvyue-damaged-20261126-090507" + ("" if round_ == 1 else "-2") + ".sqlite"
        assert target == tmp_path / expected
        assert target.read_bytes() == b"main %d" % round_
        assert target.with_name(expected + "-wal").read_bytes() == b"wal %d" % round_
        assert target.with_name(expected + "-shm").read_bytes() == b"shm %d" % round_
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(
        f"lvyue-damaged-20261126-090507{n}.sqlite{s}" for n in ("", "-2") for s in ("", "-wal", "-shm"))


def test_the_restore_line_offers_the_newest_good_copy_not_the_oldest(office):
    """A damaged database is refused with the newest backup that passes its check (the least lost
    work); copies are listed newest first, and a damaged newest one is passed over."""
    folder = office.profile.files.backups
    for existing in folder.glob("*.sqlite"):
        existing.unlink()
    copies = [backup_file(office.profile.files.database, folder / f"{name}.sqlite") for name in ("a", "b", "c")]
    for days, copy in enumerate(copies):  # a: 2 March, b: 3 March, c: 4 March
        stamp = datetime(2026, 3, 2 + days, 18, 0).timestamp()
        os.utime(copy, (stamp, stamp))
    assert [c.path.name for c in list_backups(folder)] == ["c.sqlite", "b.sqlite", "a.sqlite"]
    assert maintenance.newest_good_backup(office.profile.files.home).path.name == "c.sqlite"
    copies[2].write_bytes(b"not a database" * 100)
    assert maintenance.newest_good_backup(office.profile.files.home).path.name == "b.sqlite"


def test_an_index_out_of_step_with_its_table_is_reported_and_the_log_names_the_file(tmp_path, caplog):
    path = tmp_path / "inside.sqlite"
    index_out_of_step(path)
    with caplog.at_level(logging.WARNING, logger="app.store.faults"):
        assert integrity_problem(path) == "数据库文件内容已损坏（完整性检查未通过）"  # the file opens; the check finds it
    assert "missing from index ix_events" in caplog.text and str(path) in caplog.text  # for whoever looks into it


def test_a_database_of_another_program_is_not_a_profile_and_the_log_names_it(tmp_path, caplog):
    path = tmp_path / "other-program.sqlite"
    con = sqlite3.connect(path)
    con.execute("CREATE TABLE orders (id INTEGER PRIMARY KEY, item TEXT)")
    con.commit()
    con.close()
    with caplog.at_level(logging.WARNING, logger="app.store.faults"):
        checked = check_backup(list_backups(tmp_path)[0])
    assert checked.checked and checked.problem == "不是履约系统的数据库"  # not "unreadable": it reads fine
    assert (checked.events, checked.last_event_at, checked.enrolled) == (0, None, False)
    assert "no such table" in caplog.text and str(path) in caplog.text


def test_a_copys_time_is_its_file_time_in_utc(tmp_path):
    path = tmp_path / "lvyue-daily-20261126.sqlite"
    path.write_bytes(b"")
    os.utime(path, (1_764_147_600, 1_764_147_600))  # 2025-11-26 09:00:00 UTC
    [listed] = list_backups(tmp_path)
    assert listed.taken_at == datetime(2025, 11, 26, 9, 0, tzinfo=UTC) and listed.taken_at.utcoffset() == timedelta(0)
    assert maintenance.local_time(listed.taken_at) == "2025-11-26 17:00"  # shown in Beijing time


@pytest.mark.parametrize(("value", "initialised"), [("1", True), ("0", False), (None, False)])
def test_only_a_profile_marked_initialised_counts_as_set_up(tmp_path, value, initialised):
    path = tmp_path / "lvyue.sqlite"
    con = sqlite3.connect(path)
    con.execute("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT)")
    con.execute("INSERT INTO meta VALUES ('region_code', '532322')")
    if value is not None:
        con.execute("INSERT INTO meta VALUES ('initialised', ?)", (value,))
    con.commit()
    con.close()
    assert marked_initialised(path) is initialised
