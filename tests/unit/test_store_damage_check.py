"""The full check of a profile database (``app.store.backup.database_problem(thorough=True)``), run at start
when an earlier read left a damage mark: a sound database passes and the mark goes (nobody is sent to
restore a good file); damage inside a table, which the quick check at every start cannot see, is found."""

from __future__ import annotations

import sqlite3

from app.services import maintenance
from app.store.backup import damage_mark, database_problem, mark_damaged


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
