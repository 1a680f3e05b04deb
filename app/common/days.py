"""Dates of the supervision tables (``state_spells``, ``stage_deadlines``) stored as day numbers 日序号.

A day is kept as the number of days since 1970-01-01 (2026-12-07 is 20,794): two bytes in a SQLite record
where the ISO text takes ten, and it orders and compares like the text did (migration 0021). In SQL a day
number turns back into ISO text with ``date(x * 86400, 'unixepoch')`` (``SQL_DATE``) and into its month
``YYYY-MM`` with ``strftime('%Y-%m', x * 86400, 'unixepoch')`` (``SQL_MONTH``).
"""

from __future__ import annotations

from datetime import date, timedelta

EPOCH = date(1970, 1, 1)
_EPOCH_ORDINAL = EPOCH.toordinal()
SQL_DATE = "date({} * 86400, 'unixepoch')"
SQL_MONTH = "strftime('%Y-%m', {} * 86400, 'unixepoch')"


def day_number(day: date | str | None) -> int | None:
    """The day number of ``day`` (a date or ISO text ``YYYY-MM-DD``); None stays None."""
    if day is None:
        return None
    if isinstance(day, str):
        day = date.fromisoformat(day)
    return day.toordinal() - _EPOCH_ORDINAL


def day_of(number: int | None) -> date | None:
    """The date of a day number; None stays None."""
    return None if number is None else EPOCH + timedelta(days=number)


def month_start(month: str) -> int:
    """The day number of the first day of ``YYYY-MM``."""
    return day_number(f"{month}-01")


def after_month(month: str) -> int:
    """The day number of the first day after ``YYYY-MM``."""
    first = date.fromisoformat(f"{month}-01")
    return day_number((first.replace(day=28) + timedelta(days=4)).replace(day=1))
