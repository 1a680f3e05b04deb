"""Daily backup rotation when Windows refuses to delete an old copy (open in WPS, an antivirus scan):
the profile still opens, the other old copies go, the refusal is logged, and the next rotation
retries it. Windows' refusal is simulated by an ``unlink`` that raises PermissionError for that path."""

from __future__ import annotations

import logging
import os
from datetime import timedelta
from pathlib import Path

from app.common.sqlite_copy import timestamped_name
from app.services.profile import DAILY_BACKUPS_KEPT, open_profile
from tests.conftest import make_office


def _old_copies(folder: Path, now, days: int) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    made = []
    for day in range(days, 1, -1):  # empty files stand in for copies; the last is two days old
        moment = now - timedelta(days=day)
        path = folder / timestamped_name("daily", moment)
        path.write_bytes(b"")
        os.utime(path, (moment.timestamp(), moment.timestamp()))
        made.append(path)
    return made


def test_a_backup_windows_will_not_delete_is_left_logged_and_retried(tmp_path, clock, monkeypatch, caplog):
    made = make_office(tmp_path / "profile", clock)
    made.profile.close()
    folder = made.profile.files.backups
    for old in folder.glob("lvyue-daily-*.sqlite"):
        old.unlink()
    copies = _old_copies(folder, clock(), 40)
    locked = copies[1]  # among those the rotation drops
    real_unlink = Path.unlink

    def unlink(self, missing_ok=False):
        if self == locked:
            raise PermissionError(32, "另一个程序正在使用此文件，进程无法访问。", str(self))
        return real_unlink(self, missing_ok=missing_ok)

    monkeypatch.setattr(Path, "unlink", unlink)
    with caplog.at_level(logging.WARNING, logger="app.services.profile"):
        profile = open_profile(tmp_path / "profile", clock=clock)
    profile.close()
    left = sorted(folder.glob("lvyue-daily-*.sqlite"))
    assert locked in left
    assert len(left) < len(copies)  # the others were pruned as usual
    assert any(p not in left for p in copies if p != locked)
    assert any(str(locked) in r.getMessage() and "tried again" in r.getMessage() for r in caplog.records)

    monkeypatch.setattr(Path, "unlink", real_unlink)  # the next day, the file is free again
    today = clock().timestamp()
    for made_today in set(left) - set(copies):  # the copy taken at the injected clock's time
        os.utime(made_today, (today, today))
    clock.advance(days=1, minutes=1)
    open_profile(tmp_path / "profile", clock=clock).close()
    left = sorted(folder.glob("lvyue-daily-*.sqlite"))
    assert locked not in left
    assert len(left) <= DAILY_BACKUPS_KEPT + 7
