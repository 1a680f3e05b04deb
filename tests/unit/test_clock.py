"""The office's clock: UTC stored, China's date shown (UTC+8 without daylight saving)."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from app.domain.clock import CHINA, china_date, iso_utc, parse_iso, utc_now


def test_now_is_aware_utc():
    now = utc_now()
    assert now.tzinfo is not None and now.utcoffset() == timedelta(0)
    assert abs(now - datetime.now(UTC)) < timedelta(seconds=5)


def test_the_china_date_turns_at_16_00_utc():
    assert china_date(datetime(2026, 12, 31, 15, 59, 59, tzinfo=UTC)) == date(2026, 12, 31)
    assert china_date(datetime(2026, 12, 31, 16, 0, tzinfo=UTC)) == date(2027, 1, 1)


def test_iso_utc_round_trips_with_milliseconds_and_a_z():
    moment = datetime(2026, 11, 26, 9, 30, 0, 123456, tzinfo=UTC)
    assert iso_utc(moment) == "2026-11-26T09:30:00.123Z"
    assert iso_utc(moment.astimezone(CHINA)) == "2026-11-26T09:30:00.123Z"
    assert parse_iso("2026-11-26T09:30:00.123Z") == moment.replace(microsecond=123000)
