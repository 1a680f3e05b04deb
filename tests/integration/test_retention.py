"""Retention of audit records (issue 12, 等保 2.0 8.1.4.3): the hub's security log rotates by size but
keeps every file younger than the retention period (at least 180 days), and no setting may ask for less."""

from __future__ import annotations

import json
import logging
import os
from datetime import timedelta

import pytest
from pydantic import ValidationError

from app.domain import retention
from app.domain.errors import DomainError
from app.messages import describe
from server import security_log
from server.__main__ import main as hub_main
from server.settings import HubSettings
from tests.factories import FixedClock, china_noon


def _handler(path, clock, backups=2, days=180) -> security_log._SharedFile:
    handler = security_log._SharedFile(path, maxBytes=300, backupCount=backups, encoding="utf-8", delay=True,
                                       retention_days=days, clock=clock)
    handler.setFormatter(security_log._JsonLines())
    return handler


def _write(handler, n: int, start: int = 0) -> None:
    for i in range(start, start + n):
        line = json.dumps({"event": "request_refused", "n": i, "reason": "令牌无效"}, ensure_ascii=False)
        handler.handle(logging.LogRecord("t", logging.INFO, __file__, 0, line, None, None))


def _numbers(folder) -> list[int]:
    return sorted(json.loads(line)["n"] for f in folder.iterdir() if not f.name.endswith(".lock")
                  for line in f.read_text(encoding="utf-8").splitlines())


def _age(path, clock, days: float) -> None:
    moment = (clock() - timedelta(days=days)).timestamp()
    os.utime(path, (moment, moment))


def test_rotation_keeps_every_record_younger_than_six_months(tmp_path):
    clock = FixedClock(china_noon(2026, 12, 1))
    path = tmp_path / "security.log"
    handler = _handler(path, clock)
    try:
        _write(handler, 40)  # many rotations in one day: far more files than backupCount
        assert _numbers(tmp_path) == list(range(40))  # nothing young is dropped to honour the count
        rotated = sorted((f for f in tmp_path.iterdir() if f.name[len("security.log."):].isdigit()),
                         key=lambda f: int(f.name.rsplit(".", 1)[1]))
        assert len(rotated) > 2
        # the oldest files age: 200 and 179 days since their last line
        oldest, older = rotated[-1], rotated[-2]
        _age(oldest, clock, 200)
        _age(older, clock, 179)
        kept_before = _numbers(tmp_path)
        _write(handler, 10, start=40)  # the next rotations prune
    finally:
        handler.close()
    remaining = _numbers(tmp_path)
    lost = set(kept_before) - set(remaining)
    assert lost and all(n < 10 for n in lost)  # only the 200-day-old file's lines went
    assert set(range(10, 50)) <= set(remaining)  # the 179-day-old file and everything newer stayed


def test_old_files_within_the_count_stay_whatever_their_age(tmp_path):
    clock = FixedClock(china_noon(2026, 12, 1))
    handler = _handler(tmp_path / "security.log", clock, backups=50)
    try:
        _write(handler, 20)
        for f in tmp_path.iterdir():
            _age(f, clock, 400)
        _write(handler, 5, start=20)
    finally:
        handler.close()
    assert _numbers(tmp_path) == list(range(25))


def test_the_pruning_follows_the_injected_clock(tmp_path):
    clock = FixedClock(china_noon(2026, 6, 1))
    handler = _handler(tmp_path / "security.log", clock, backups=1)
    try:
        _write(handler, 30)
        for f in tmp_path.iterdir():
            _age(f, clock, 0)  # written "today" by the injected clock
        assert handler.prune() == []
        clock.advance(days=181)
        removed = handler.prune()
    finally:
        handler.close()
    assert removed and all(not os.path.exists(p) for p in removed)
    assert (tmp_path / "security.log.1").exists() and (tmp_path / "security.log").exists()


def test_a_retention_below_six_months_is_refused(tmp_path, monkeypatch, capsys):
    with pytest.raises(DomainError) as short:
        retention.check_days(90)
    assert describe(short.value) == "保存期限不能少于 180 天（等保要求审计记录至少保存六个月），收到 90 天"
    assert retention.check_days(180) == 180
    with pytest.raises(ValidationError, match="不能少于 180 天"):
        HubSettings(data_dir=tmp_path, security_log_retention_days=30)
    assert HubSettings(data_dir=tmp_path, security_log_retention_days=365).security_log_retention_days == 365
    with pytest.raises(DomainError):
        _handler(tmp_path / "x.log", FixedClock(china_noon(2026, 1, 1)), days=179)
    monkeypatch.setenv("LVYUE_HUB_SECURITY_LOG_RETENTION_DAYS", "30")
    assert hub_main(["admin", "--data", str(tmp_path / "hub"), "device", "list"]) == 2
    err = capsys.readouterr().err
    assert "LVYUE_HUB_SECURITY_LOG_RETENTION_DAYS" in err and "不能少于 180 天" in err


def test_the_profile_keeps_a_backup_a_month_for_six_months(office, clock):
    from app.common.sqlite_copy import timestamped_name
    from app.services.profile import make_daily_backup

    folder = office.profile.files.backups
    folder.mkdir(parents=True, exist_ok=True)
    start = clock()
    for day in range(250, 0, -1):  # a backup every day for 250 days (empty files stand in for copies)
        moment = start - timedelta(days=day)
        path = folder / timestamped_name("daily", moment)
        path.write_bytes(b"")
        os.utime(path, (moment.timestamp(), moment.timestamp()))
    assert make_daily_backup(office.profile) is not None
    left = sorted(p.name for p in folder.glob("lvyue-daily-*.sqlite"))
    months = sorted({name[len("lvyue-daily-"):][:6] for name in left})
    assert len(left) <= 14 + 7
    assert months[0] >= (start - timedelta(days=180)).strftime("%Y%m") and len(months) >= 6
