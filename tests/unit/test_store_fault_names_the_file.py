"""A fault of the PC names the file it hit (``app.store.faults``): the profile's database when the error
came through its ``Store``, the file being written when the caller says so, and "数据库" / "文件" when
nobody knows. The officer reads the name to find the full disk or the read-only folder."""

from __future__ import annotations

import errno
import logging
import sqlite3

import pytest
from sqlalchemy.exc import OperationalError

from app.messages import describe
from app.store.faults import fault_of, sqlite_reason
from app.store.uow import Store

FILE = "D:/履约/lvyue.sqlite"


def test_a_full_disk_met_by_the_profile_database_names_that_database(tmp_path):
    path = tmp_path / "lvyue.sqlite"
    store = Store(path)
    try:
        with store.engine.connect() as connection:
            connection.exec_driver_sql("CREATE TABLE t (x)")
            connection.exec_driver_sql("PRAGMA max_page_count = 3")
            with pytest.raises(OperationalError) as raised:
                connection.exec_driver_sql("INSERT INTO t SELECT zeroblob(100000)")
    finally:
        store.close()
    fault = fault_of(raised.value)
    assert fault.code == "disk_full"
    assert f"未能写入{path}" in describe(fault)


def test_a_full_disk_nobody_located_says_the_database():
    fault = fault_of(sqlite3.OperationalError("database or disk is full"))
    assert fault.code == "disk_full" and "未能写入数据库。" in describe(fault)


@pytest.mark.parametrize(("english", "code"), [
    ("attempt to write a readonly database", "storage_read_only"),
    ("unable to open database file", "storage_read_only"),
    ("disk I/O error", "disk_io_error"),
    ("database or disk is full", "disk_full"),
])
def test_a_database_fault_names_the_file_being_written(english, code, tmp_path):
    where = str(tmp_path / "履约" / "lvyue.sqlite")  # on a disk with room: an I/O error stays one
    fault = fault_of(sqlite3.OperationalError(english), path=where)
    assert fault.code == code and where in describe(fault)
    unlocated = describe(fault_of(sqlite3.OperationalError(english)))
    assert "数据库" in unlocated and "None" not in unlocated and "…" not in unlocated.split("（")[0]


def test_an_io_error_of_a_file_names_that_file():
    fault = fault_of(OSError(errno.EIO, "Input/output error", "E:/证据/合同.pdf"))
    assert fault.code == "disk_io_error"
    text = describe(fault)
    assert "E:/证据/合同.pdf" in text and "Input/output error" in text
    assert "未能写入文件" in describe(fault_of(OSError(errno.EIO, "Input/output error")))


def test_sqlites_own_words_go_to_the_log_with_the_file_if_known(tmp_path, caplog):
    path = tmp_path / "garbage.sqlite"
    path.write_bytes(b"not a database at all" * 300)
    with pytest.raises(sqlite3.DatabaseError) as raised, sqlite3.connect(path) as con:
        con.execute("SELECT 1 FROM sqlite_master")
    with caplog.at_level(logging.WARNING, logger="app.store.faults"):
        unnamed = sqlite_reason(raised.value)
        named = sqlite_reason(raised.value, FILE)
    assert unnamed == named and unnamed.startswith("不是有效的数据库文件")  # the officer reads Chinese
    assert [r.getMessage() for r in caplog.records] == [
        "SQLite: file is not a database", f"SQLite: file is not a database ({FILE})"]
