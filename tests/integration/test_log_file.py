"""The profile's log file (issue 16 item 5: app.common.log_file, app.cli.log_setup) on real files and in
real ``main.py`` children: UTF-8, masked, owner-only, rotated at 1 MB × 5; a full disk or a folder that
cannot be made loses the record silently (logging would print a traceback on stderr); the CLI's console
shows exactly what it showed before (warnings through ``lastResort``, never our INFO lines)."""

from __future__ import annotations

import logging
import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from app.common import log_file
from tests.integration.test_faults import mounted
from tests.sync_fixtures import process_env

ROOT = Path(__file__).resolve().parents[2]
PASSWORD = "Lvyue-2026!"


@pytest.fixture
def attached(tmp_path):
    home = tmp_path / "配置 #1"
    home.mkdir()
    handler = log_file.attach(home, "test")
    yield home, handler
    log_file.detach(handler)


def test_records_are_utf8_masked_and_owner_only(attached):
    home, _handler = attached
    logging.getLogger("app.services.sync").info("投诉人 杨喆 电话 13812345678 身份证 532322198803152312")
    logging.getLogger("httpx").info("a library's INFO is not kept")
    logging.getLogger("httpx").warning("a library's warning is")
    path = log_file.log_path(home)
    text = path.read_text(encoding="utf-8")
    assert "杨喆" in text and "138****5678" in text and "13812345678" not in text
    assert "532322198803152312" not in text and "[test " in text
    assert "not kept" not in text and "warning is" in text
    if os.name != "nt":
        assert stat.S_IMODE(path.stat().st_mode) == 0o600 and stat.S_IMODE(path.parent.stat().st_mode) == 0o700


def test_the_file_rotates_at_1_mb_keeping_5(attached):
    home, _handler = attached
    line = "同步记录 " + "x" * 990
    for _ in range(7000):  # ~7 MB
        logging.getLogger("app.test").info(line)
    folder = log_file.log_path(home).parent
    names = sorted(p.name for p in folder.iterdir())
    assert names == ["lvyue.log", *[f"lvyue.log.{i}" for i in range(1, 6)]]
    assert all(p.stat().st_size <= log_file.MAX_BYTES for p in folder.iterdir())


def test_detach_gives_back_the_level_and_stops_writing(tmp_path):
    before = logging.getLogger("app").level
    handler = log_file.attach(tmp_path, "test")
    log_file.detach(handler)
    assert logging.getLogger("app").level == before and handler not in logging.getLogger().handlers
    logging.getLogger("app.test").warning("after")
    assert not log_file.log_path(tmp_path).exists()


def test_a_full_disk_loses_the_record_without_a_word(tmp_path, capfd):
    """A real full disk: a tmpfs holding the log, then filled to the last block (skipped without mount)."""
    disk = tmp_path / "disk"
    disk.mkdir()
    mounted(["-t", "tmpfs", "-o", "size=256k", "tmpfs"], disk)
    try:
        handler = log_file.attach(disk, "test")
        try:
            logging.getLogger("app.test").warning("before the disk is full")
            try:
                with open(disk / "filler", "wb") as filler:
                    while True:
                        filler.write(b"\0" * 4096)
                        filler.flush()
            except OSError:
                pass
            for _ in range(50):
                logging.getLogger("app.test").warning("磁盘已满 " + "x" * 4000)
        finally:
            log_file.detach(handler)  # the final flush fails too: still silent
        assert "before the disk is full" in log_file.log_path(disk).read_text(encoding="utf-8")
    finally:
        subprocess.run(["umount", "-l", str(disk)], check=False)
    err = capfd.readouterr().err
    assert "Traceback" not in err and "Logging error" not in err


def test_a_folder_that_cannot_be_made_loses_the_record_without_a_word(tmp_path, capfd):
    home = tmp_path / "not-a-folder"
    home.write_text("a file where the profile folder should be")
    handler = log_file.attach(home, "test")
    try:
        logging.getLogger("app.test").warning("无处可写")
    finally:
        log_file.detach(handler)
    err = capfd.readouterr().err
    assert "Traceback" not in err and "Logging error" not in err


CHILD = """
import logging, sys
from types import SimpleNamespace
from app.cli import log_setup
log = log_setup.start(SimpleNamespace(home=sys.argv[1]), ["test"])
logging.getLogger("app.services.sync").info("INFO for the file only")
logging.getLogger("app.services.sync").warning("a WARNING on the console, as before")
log.finished(0)
log.close()
logging.getLogger("app.services.sync").warning("after the command: lastResort again")
"""


def test_the_cli_console_shows_what_it_showed_before(tmp_path):
    home = tmp_path / "配置 #1"
    home.mkdir()
    env = process_env(tmp_path / "keyring.json")
    done = subprocess.run([sys.executable, "-c", CHILD, str(home)], cwd=ROOT, env=env, capture_output=True,
                          text=True, encoding="utf-8", timeout=60)
    assert done.returncode == 0, done.stderr
    assert done.stderr.splitlines() == ["a WARNING on the console, as before", "after the command: lastResort again"]
    text = log_file.log_path(home).read_text(encoding="utf-8")
    assert "INFO for the file only" in text and "a WARNING on the console" in text and "退出码 0" in text
    assert "after the command" not in text


def test_a_command_writes_its_start_end_and_refusal(tmp_path):
    home = tmp_path / "配置 #1"
    env = process_env(tmp_path / "keyring.json", LVYUE_PASSWORD=PASSWORD)
    run = lambda *args: subprocess.run([sys.executable, "main.py", *args, "--home", str(home)],  # noqa: E731
                                       cwd=ROOT, env=env, capture_output=True, text=True, encoding="utf-8",
                                       timeout=120)
    made = run("init", "--region", "532322", "--office", "双柏县发展和改革局", "--admin", "admin")
    assert made.returncode == 0, made.stderr
    assert not log_file.log_path(home).exists()  # the folder was not there when init started
    refused = run("sync")
    assert refused.returncode == 1 and "尚未加入同步" in refused.stderr
    assert "命令" not in refused.stderr  # the console: only the Chinese error, as before
    text = log_file.log_path(home).read_text(encoding="utf-8")
    assert "命令开始：sync --home" in text and "not_enrolled" in text and "命令结束：退出码 1" in text
