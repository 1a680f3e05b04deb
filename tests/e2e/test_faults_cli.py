"""Faults of the PC through ``python main.py`` (issue 12): a damaged database is refused with the newest
good backup and the ``restore`` command line, which then brings the data back; a database locked by
another process is refused in Chinese; ``backup -o`` into a new folder creates it."""

from __future__ import annotations

import json
import os
import subprocess

import pytest

from tests.e2e.test_cli import ADMIN_PW, OFFICER_PW, Cli, ok
from tests.factories import intake, write_json
from tests.integration.test_faults import mounted, write_lock_held_by_another_process


@pytest.fixture
def cli(tmp_path) -> Cli:
    run = Cli(tmp_path / "profile")
    ok(run("init", "--region", "532322", "--office", "双柏县发展和改革局", "--admin", "admin", password=ADMIN_PW))
    ok(run("user", "add", "yang", "--name", "杨喆", "--roles", "clerk,handler,leader", "--user", "admin",
           password=ADMIN_PW, new_password=OFFICER_PW))
    return run


def add(cli: Cli, tmp_path) -> dict:
    return json.loads(ok(cli("complaint", "add", "--file", str(write_json(tmp_path / "c.json", intake())),
                             "--user", "yang", "--json", password=OFFICER_PW)).stdout)


def test_a_damaged_database_is_refused_with_the_restore_line_and_restored(cli, tmp_path):
    kept = add(cli, tmp_path)
    backup = json.loads(ok(cli("backup", "--json")).stdout)["backup"]
    add(cli, tmp_path)  # entered after the backup: what a restore loses
    database = cli.home / "lvyue.sqlite"
    with open(database, "r+b") as handle:
        handle.write(b"not a database, overwritten by accident" * 3)
    refused = cli("complaint", "list")
    assert refused.returncode == 1
    assert "数据库文件已损坏" in refused.stderr and f'restore "{backup}"' in refused.stderr
    assert "不会删除" in refused.stderr and "Traceback" not in refused.stderr
    listed = json.loads(ok(cli("restore", "--json")).stdout)
    assert listed[0]["path"] == backup and listed[0]["ok"]
    restored = ok(cli("restore", backup))
    assert "损坏的数据库已移到" in restored.stdout
    damaged = [p for p in cli.home.glob("lvyue-damaged-*.sqlite")]
    assert len(damaged) == 1 and damaged[0].read_bytes().startswith(b"not a database")
    rows = json.loads(ok(cli("complaint", "list", "--json")).stdout)
    rows = rows["rows"] if isinstance(rows, dict) else rows
    assert [r["case_no"] for r in rows] == [kept["case_no"]]


def test_a_database_locked_by_another_program_is_refused_in_chinese(cli, tmp_path, monkeypatch):
    add(cli, tmp_path)
    monkeypatch.setenv("LVYUE_BUSY_TIMEOUT_MS", "300")  # instead of 30 s
    with write_lock_held_by_another_process(cli.home / "lvyue.sqlite"):
        refused = cli("complaint", "add", "--file", str(write_json(tmp_path / "d.json", intake())), "--user", "yang",
                      password=OFFICER_PW)
        listed = ok(cli("complaint", "list", "--json"))  # reading goes on meanwhile
    assert refused.returncode == 1
    assert "另一个程序" in refused.stderr and "重试" in refused.stderr and "Traceback" not in refused.stderr
    rows = json.loads(listed.stdout)
    assert len(rows["rows"] if isinstance(rows, dict) else rows) == 1


def test_backup_into_a_new_folder_creates_it(cli, tmp_path):
    folder = tmp_path / "U盘" / "履约备份"
    made = json.loads(ok(cli("backup", "-o", str(folder) + os.sep, "--json")).stdout)["backup"]
    assert folder.is_dir() and os.path.dirname(made) == str(folder)


def test_a_full_disk_is_refused_in_chinese_and_keeps_the_data(tmp_path):
    """A real full disk: the profile on an 8 MiB tmpfs filled to the last block (skipped without mount)."""
    disk = tmp_path / "disk"
    disk.mkdir()
    mounted(["-t", "tmpfs", "-o", "size=8m", "tmpfs"], disk)
    try:
        run = Cli(disk / "profile")
        ok(run("init", "--region", "532322", "--office", "双柏县发展和改革局", "--admin", "admin", password=ADMIN_PW))
        ok(run("user", "add", "yang", "--name", "杨喆", "--roles", "clerk,handler,leader", "--user", "admin",
               password=ADMIN_PW, new_password=OFFICER_PW))
        kept = add(run, tmp_path)
        try:
            with open(disk / "filler", "wb") as filler:
                while True:
                    filler.write(b"\0" * 65536)
        except OSError:
            pass
        refused = run("complaint", "add", "--file", str(write_json(tmp_path / "d.json", intake())), "--user", "yang",
                      password=OFFICER_PW)
        assert refused.returncode == 1
        assert "磁盘空间已满" in refused.stderr and "没有丢失" in refused.stderr and "Traceback" not in refused.stderr
        (disk / "filler").unlink()
        rows = json.loads(ok(run("complaint", "list", "--json")).stdout)
        assert [r["case_no"] for r in (rows["rows"] if isinstance(rows, dict) else rows)] == [kept["case_no"]]
        assert ok(run("audit", "verify")).returncode == 0
    finally:
        subprocess.run(["umount", "-l", str(disk)], check=False)


def test_a_read_only_profile_folder_is_refused_in_chinese(cli, tmp_path):
    """A real read-only folder: a read-only bind mount of the profile (skipped without mount)."""
    add(cli, tmp_path)
    view = tmp_path / "read-only"
    view.mkdir()
    mounted(["--bind", str(cli.home)], view)
    try:
        subprocess.run(["mount", "-o", "remount,bind,ro", str(view)], check=True)
        refused = Cli(view)("complaint", "list")
    finally:
        subprocess.run(["umount", "-l", str(view)], check=False)
    assert refused.returncode == 1
    assert "只读" in refused.stderr and str(view) in refused.stderr and "Traceback" not in refused.stderr
