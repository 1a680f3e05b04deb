"""The full check of a profile database (``app.store.backup.database_problem(thorough=True)``), run at start
when an earlier read left a damage mark: a sound database passes and the mark goes (nobody is sent to
restore a good file); damage inside a table, which the quick check at every start cannot see, is found."""

from __future__ import annotations

import logging
import sqlite3

import pytest

from app.services import intake, maintenance
from app.store.backup import damage_mark, database_problem, mark_damaged
from tests.damaged_files import damage_complaints_page, index_out_of_step
from tests.factories import intake as make_intake


def test_a_damage_mark_on_a_sound_database_is_cleared_by_the_full_check(office):
    database = office.profile.files.database
    mark_damaged(database, "database disk image is malformed")
    assert damage_mark(database) == "database disk image is malformed"
    assert database_problem(database, thorough=True) is None
    assert maintenance.damaged_database(office.profile.files.home) is None
    assert damage_mark(database) is None


def test_damage_inside_a_table_is_found_only_by_the_full_check(tmp_path):
    path = tmp_path / "lvyue.sqlite"
    con = sqlite3.connect(path)
    con.execute("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT)")
    con.execute("INSERT INTO meta VALUES ('initialised', '1')")
    con.execute("CREATE TABLE events (payload TEXT)")
    con.executemany("INSERT INTO events VALUES (?)", [(f"记录{i:05d}" + "x" * 50,) for i in range(2000)])
    con.commit()
    page, pages = con.execute("PRAGMA page_size").fetchone()[0], con.execute("PRAGMA page_count").fetchone()[0]
    con.close()
    with path.open("r+b") as file:  # one page of the events table overwritten
        file.seek(page * (pages - 2))
        file.write(b"\xff" * page)
    assert database_problem(path) is None
    assert database_problem(path, thorough=True) == "数据库文件内容已损坏"


def test_the_full_check_logs_what_sqlite_found_with_the_file(tmp_path, caplog):
    path = tmp_path / "lvyue.sqlite"
    index_out_of_step(path, profile_meta=True)
    with caplog.at_level(logging.WARNING, logger="app.store.faults"):
        assert database_problem(path) is None
        assert database_problem(path, thorough=True) == "数据库文件内容已损坏（完整性检查未通过）"
    [record] = caplog.records
    assert record.getMessage() == f"integrity_check: row 1 missing from index ix_events ({path})"


def test_damage_met_by_a_direct_read_leaves_the_mark_for_the_next_start(office):
    profile = office.profile
    for _ in range(30):
        intake.register(profile, office.clerk, make_intake())
    profile.store.engine.dispose()
    database = profile.files.database
    damage_complaints_page(database)
    assert damage_mark(database) is None
    with pytest.raises(sqlite3.DatabaseError), profile.store.driver_read() as cursor:  # the list's own reads
        cursor.execute("SELECT * FROM complaints ORDER BY num").fetchall()
    assert damage_mark(database)  # the next start checks the file fully and offers a restore


def test_a_chinese_damage_note_reads_back_whatever_the_systems_encoding(tmp_path):
    """The daily check leaves its Chinese finding as the note; on a Chinese Windows the system encoding is
    GBK, and the note is read back as UTF-8 at the next start. Here the C locale (ASCII) stands in for it."""
    import locale

    database = tmp_path / "lvyue.sqlite"
    finding = "数据库文件内容已损坏（完整性检查未通过）"
    before = locale.setlocale(locale.LC_CTYPE)
    locale.setlocale(locale.LC_CTYPE, "C")
    try:
        mark_damaged(database, finding)
    finally:
        locale.setlocale(locale.LC_CTYPE, before)
    assert damage_mark(database) == finding
