"""Time in the office's zone: China Standard Time (UTC+8, no daylight saving).

A fixed offset is used on purpose: Windows has no tz database without the ``tzdata`` package.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone

CHINA = timezone(timedelta(hours=8), "CST")


def utc_now() -> datetime:
    return datetime.now(UTC)


def china_date(moment: datetime) -> date:
    """The calendar date in China at ``moment`` (an aware datetime)."""
    return moment.astimezone(CHINA).date()


def iso_utc(moment: datetime) -> str:
    """ISO 8601 in UTC with milliseconds, e.g. ``2026-11-26T09:30:00.123Z``."""
    return moment.astimezone(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def parse_iso(text: str) -> datetime:
    return datetime.fromisoformat(text.replace("Z", "+00:00"))
