"""Faults of the PC become one Chinese sentence each (``app.store.faults``), from real SQLite errors
(an in-memory database: no files) and real ``OSError`` numbers."""

from __future__ import annotations

import errno
import re
import sqlite3

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.exc import OperationalError

from app.domain.errors import DomainError
from app.messages import describe
from app.store.faults import fault_of


def sqlite_error(*setup: str, statement: str) -> sqlite3.Error:
    con = sqlite3.connect(":memory:")
    try:
        for line in setup:
            con.execute(line)
        with pytest.raises(sqlite3.Error) as raised:
            con.execute(statement)
        return raised.value
    finally:
        con.close()


def test_a_full_database_says_the_disk_is_full_and_nothing_was_lost():
    error = sqlite_error("CREATE TABLE t (x)", "PRAGMA max_page_count = 2",
                         statement="INSERT INTO t SELECT zeroblob(100000)")
    fault = fault_of(error)
    assert fault.code == "disk_full"
    assert "磁盘空间已满" in describe(fault) and "没有丢失" in describe(fault)


def test_a_read_only_database_says_so_through_sqlalchemy_too():
    engine = create_engine("sqlite://")
    with engine.connect() as connection:
        connection.exec_driver_sql("CREATE TABLE t (x)")
        connection.exec_driver_sql("PRAGMA query_only = ON")
        with pytest.raises(OperationalError) as raised:
            connection.execute(text("INSERT INTO t VALUES (1)"))
    fault = fault_of(raised.value)
    assert fault.code == "storage_read_only" and "只读" in describe(fault)


def test_a_locked_database_names_another_program_and_asks_to_retry():
    fault = fault_of(sqlite3.OperationalError("database is locked"))
    assert fault.code == "database_busy"
    text_ = describe(fault)
    assert "另一个程序" in text_ and "重试" in text_ and "没有写入任何内容" in text_


def test_a_damaged_file_asks_for_a_restart_and_a_restore():
    error = sqlite3.DatabaseError("file is not a database")
    fault = fault_of(error)
    assert fault.code == "database_corrupt_found" and "备份" in describe(fault)


@pytest.mark.parametrize(("number", "code"), [(errno.ENOSPC, "disk_full"), (errno.EROFS, "storage_read_only"),
                                              (errno.EACCES, "storage_read_only")])
def test_os_errors_name_the_file(number, code):
    fault = fault_of(OSError(number, "whatever", "D:/备份/lvyue.sqlite"))
    assert fault.code == code and "D:/备份/lvyue.sqlite" in describe(fault)


def test_other_errors_are_not_faults_of_the_pc():
    assert fault_of(ValueError("a bug")) is None
    assert fault_of(OSError(errno.ENOENT, "missing")) is None
    refused = DomainError("file_exists", path="x")
    assert fault_of(refused) is refused


@pytest.mark.parametrize(("english", "chinese"), [
    ("file is not a database", "不是有效的数据库文件"),
    ("file is encrypted or is not a database", "密钥不符"),
    ("database disk image is malformed", "数据库文件内容已损坏"),
    ("database is locked", "已锁定"),
    ("database table is locked", "已锁定"),
    ("attempt to write a readonly database", "只读"),
    ("unable to open database file", "文件不存在"),
    ("disk I/O error", "读写磁盘出错"),
    ("no such table: meta", "不是履约系统的数据库"),
    ("something SQLite never said before", "数据库文件无法读取"),
])
def test_sqlite_reasons_are_chinese_and_the_english_goes_to_the_log(english, chinese, caplog):
    from app.store.faults import sqlite_reason

    with caplog.at_level("WARNING", logger="app.store.faults"):
        reason = sqlite_reason(sqlite3.DatabaseError(english), "D:/履约/lvyue.sqlite")
    assert chinese in reason and not re.search(r"[A-Za-z]{3,}", reason)
    assert english in caplog.text


def test_fault_messages_carry_no_english_detail():
    for english in ("file is not a database", "database disk image is malformed", "disk I/O error",
                    "attempt to write a readonly database"):
        text_ = describe(fault_of(sqlite3.DatabaseError(english), path="D:/履约/lvyue.sqlite"))
        assert not re.search(r"[A-Za-z]{3,}", text_.replace("D:/履约/lvyue.sqlite", "").replace("main.py", "")
                             .replace("restore", "").replace("Windows", "")), text_


def test_a_damaged_file_says_what_sqlite_found_in_chinese():
    fault = fault_of(sqlite3.DatabaseError("file is not a database"), path="D:/履约/lvyue.sqlite")
    assert describe(fault).startswith(
        "数据库文件已损坏（不是有效的数据库文件（文件头已损坏、被其他内容覆盖，或已加密而密钥不符））")


@pytest.mark.parametrize(("english", "code"), [
    ("disk I/O error", "disk_full"),  # growing the -shm file on a full disk reads as an I/O error
    ("database is locked", "database_busy"),  # a full disk does not make a lock a lack of room
    ("file is not a database", "database_corrupt_found"),
])
def test_only_an_io_error_on_a_nearly_full_disk_is_read_as_a_full_disk(monkeypatch, english, code):
    from app.store import faults

    monkeypatch.setattr(faults, "_nearly_full", lambda path: True)
    assert fault_of(sqlite3.OperationalError(english), path="D:/履约/lvyue.sqlite").code == code
    monkeypatch.setattr(faults, "_nearly_full", lambda path: False)
    expected = "disk_io_error" if code == "disk_full" else code
    assert fault_of(sqlite3.OperationalError(english), path="D:/履约/lvyue.sqlite").code == expected
