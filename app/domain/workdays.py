"""Working-day calendar 工作日历: the State Council holiday schedule with make-up working days (调休).

A working day 工作日 in a year with data is a Monday–Friday that is not a public holiday, or a
Saturday/Sunday the notice declares worked. A year without data falls back to Monday–Friday less
the fixed-date holidays of 《全国年节及纪念日放假办法》 (2024 revision, in force from 2025-01-01:
元旦 1 Jan, 劳动节 1–2 May, 国庆节 1–3 Oct) and never raises; the lunar holidays (春节、清明、端午、
中秋) and the make-up working days (调休) stay unknown until that year's notice is entered:
``missing_years`` tells the screen to say so.

Counting uses arithmetic on date ordinals plus binary search over the sorted exceptions (holiday
weekdays and worked weekend days), so it costs the same for a 3-day and a 30-year range.
"""

from __future__ import annotations

import functools
import json
import re
from bisect import bisect_right
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from types import MappingProxyType
from typing import Any

from app.domain.errors import DomainError

SOURCE = "国务院办公厅关于YYYY年部分节假日安排的通知"
DATA_FILE = Path(__file__).resolve().parents[2] / "resources" / "reference" / "holidays.json"
MAX_HOLIDAY_DAYS = 31
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_NO_SCHEDULES: Mapping[int, YearSchedule] = MappingProxyType({})
# 《全国年节及纪念日放假办法》 (2024 revision): the holidays whose dates do not depend on the lunar
# calendar, (name, month, first day, days), counted in a year without a notice from its entry into force.
FIXED_HOLIDAYS = (("元旦", 1, 1, 1), ("劳动节", 5, 1, 2), ("国庆节", 10, 1, 3))
FIXED_FROM_YEAR = 2025
LAST_YEAR = 2999


@functools.cache
def _fixed_weekday_holidays() -> tuple[tuple[int, int], ...]:
    """(year, ordinal) of every fixed-date holiday falling Monday–Friday, 2025–2999."""
    found = []
    for year in range(FIXED_FROM_YEAR, LAST_YEAR + 1):
        for _name, month, day, days in FIXED_HOLIDAYS:
            for i in range(days):
                d = date(year, month, day + i)
                if d.weekday() < 5:
                    found.append((year, d.toordinal()))
    return tuple(found)


def _invalid(detail: str) -> DomainError:
    return DomainError("calendar_data_invalid", detail=detail)


def _weekdays_through(ordinal: int) -> int:
    """Count of Monday–Friday ordinals in ``1..ordinal`` (ordinal 1, 0001-01-01, is a Monday)."""
    weeks, rest = divmod(ordinal, 7)
    return weeks * 5 + min(rest, 5)


def _nth_weekday(m: int) -> int:
    """The smallest ordinal ``o`` with ``_weekdays_through(o) == m``."""
    weeks, rest = divmod(m - 1, 5)
    return weeks * 7 + rest + 1


@dataclass(frozen=True)
class Holiday:
    """One public-holiday block 放假 (both ends included), e.g. 春节 2026-02-15..2026-02-23."""

    name: str
    start: date
    end: date

    def dates(self) -> tuple[date, ...]:
        return tuple(self.start + timedelta(days=i) for i in range((self.end - self.start).days + 1))


@dataclass(frozen=True)
class YearSchedule:
    """One year's notice. Dates may also fall in December of the year before (the 2023 notice's
    元旦 starts on 2022-12-31). Invariants are checked on construction (DomainError)."""

    year: int
    holidays: tuple[Holiday, ...]
    workdays: frozenset[date]  # weekend days that are worked (调休上班)
    notice: str | None = None  # e.g. 国办发明电〔2025〕7号
    _dates: frozenset[date] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        y = self.year
        if not 1900 <= y <= LAST_YEAR:
            raise _invalid(f"年份 {y} 超出范围")
        lo, hi = date(y - 1, 12, 1), date(y, 12, 31)
        ordered = tuple(sorted(self.holidays, key=lambda h: (h.start, h.end)))
        seen: set[date] = set()
        for h in ordered:
            if not h.name.strip():
                raise _invalid(f"{y}年：放假安排缺少名称")
            if h.end < h.start:
                raise _invalid(f"{y}年：{h.name} 结束日期 {h.end} 早于开始日期 {h.start}")
            if not (lo <= h.start and h.end <= hi):
                raise _invalid(f"{y}年：{h.name} 的日期 {h.start}至{h.end} 不在该年度范围内")
            if (h.end - h.start).days >= MAX_HOLIDAY_DAYS:
                raise _invalid(f"{y}年：{h.name} 超过 {MAX_HOLIDAY_DAYS} 天")
            days = h.dates()
            if seen.intersection(days):
                raise _invalid(f"{y}年：{h.name} 与其他放假安排日期重叠")
            seen.update(days)
        for d in sorted(self.workdays):
            if not lo <= d <= hi:
                raise _invalid(f"{y}年：调休上班日 {d} 不在该年度范围内")
            if d.weekday() < 5:
                raise _invalid(f"{y}年：调休上班日 {d} 不是周六或周日")
            if d in seen:
                raise _invalid(f"{y}年：调休上班日 {d} 落在放假期间")
        object.__setattr__(self, "holidays", ordered)
        object.__setattr__(self, "workdays", frozenset(self.workdays))
        object.__setattr__(self, "_dates", frozenset(seen))

    def holiday_dates(self) -> frozenset[date]:
        """Every day off in this year's holiday blocks, weekends inside them included."""
        return self._dates


class WorkCalendar:
    """Immutable working-day calendar over any number of years; build it once and share it."""

    __slots__ = ("_off", "_off_ord", "_on", "_on_ord", "_schedules")

    def __init__(self, schedules: Mapping[int, YearSchedule] = _NO_SCHEDULES) -> None:
        for key, sched in schedules.items():
            if key != sched.year:
                raise _invalid(f"年份键 {key} 与安排中的年份 {sched.year} 不一致")
        self._schedules: dict[int, YearSchedule] = dict(sorted(schedules.items()))
        holidays = frozenset().union(*(s.holiday_dates() for s in self._schedules.values()))
        worked = frozenset().union(*(s.workdays for s in self._schedules.values()))
        clash = sorted(holidays & worked)
        if clash:
            raise _invalid(f"{clash[0]} 同时是放假日和调休上班日")
        self._on: frozenset[date] = worked
        fixed = frozenset(date.fromordinal(o) for y, o in _fixed_weekday_holidays() if y not in self._schedules)
        self._off: frozenset[date] = frozenset(d for d in holidays if d.weekday() < 5) | fixed
        self._on_ord: list[int] = sorted(d.toordinal() for d in self._on)
        self._off_ord: list[int] = sorted(d.toordinal() for d in self._off)

    # ---- data in and out -------------------------------------------------------------------
    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> WorkCalendar:
        """Parse the ``holidays.json`` format; DomainError ``calendar_data_invalid`` if malformed."""
        years = data.get("years") if isinstance(data, Mapping) else None
        if not isinstance(years, Mapping):
            raise _invalid("缺少 years 对象")
        schedules: dict[int, YearSchedule] = {}
        for key, entry in years.items():
            if not (isinstance(key, str) and re.fullmatch(r"\d{4}", key)):
                raise _invalid(f"年份键 {key!r} 不是四位数字")
            schedules[int(key)] = _parse_year(int(key), entry)
        return cls(schedules)

    @classmethod
    def load_default(cls) -> WorkCalendar:
        """The calendar shipped in ``resources/reference/holidays.json`` (read once per process)."""
        return _load_default()

    def to_dict(self) -> dict[str, Any]:
        years: dict[str, Any] = {}
        for y, s in self._schedules.items():
            entry: dict[str, Any] = {} if s.notice is None else {"notice": s.notice}
            entry["holidays"] = [
                {"name": h.name, "start": h.start.isoformat(), "end": h.end.isoformat()} for h in s.holidays
            ]
            entry["workdays"] = [d.isoformat() for d in sorted(s.workdays)]
            years[str(y)] = entry
        return {"source": SOURCE, "years": years}

    def with_years(self, schedules: Mapping[int, YearSchedule]) -> WorkCalendar:
        """A new calendar where ``schedules`` replace or extend this one's years (hub data)."""
        return WorkCalendar({**self._schedules, **schedules})

    # ---- questions ---------------------------------------------------------------------------
    def known_years(self) -> frozenset[int]:
        return frozenset(self._schedules)

    def is_known(self, year: int) -> bool:
        return year in self._schedules

    def schedule(self, year: int) -> YearSchedule | None:
        return self._schedules.get(year)

    def missing_years(self, start: date, end: date) -> tuple[int, ...]:
        """Years touched by ``[min, max]`` that have no data (counted as weekends and the fixed-date
        holidays only: 春节、清明、端午、中秋 and 调休 unknown)."""
        lo, hi = min(start, end), max(start, end)
        return tuple(y for y in range(lo.year, hi.year + 1) if y not in self._schedules)

    def is_working_day(self, d: date) -> bool:
        if d in self._on:
            return True
        return d.weekday() < 5 and d not in self._off

    def working_days_between(self, a: date, b: date) -> int:
        """Working days in ``(a, b]`` if ``b >= a``, else minus those in ``(b, a]``; 0 when equal."""
        return self._rank(b.toordinal()) - self._rank(a.toordinal())

    def working_day_number(self, d: date) -> int:
        """A running count of working days up to and including ``d`` (only differences mean anything):
        ``working_days_between(a, b) == working_day_number(b) - working_day_number(a)``, so SQL can
        subtract stored numbers instead of calling the calendar."""
        return self._rank(d.toordinal())

    def add_working_days(self, start: date, n: int) -> date:
        """The n-th working day strictly after ``start`` (n > 0) or strictly before it (n < 0);
        n == 0 gives ``start`` itself if it is a working day, else the next working day."""
        s = start.toordinal()
        if n > 0:
            target = self._rank(s) + n
        else:  # rank of the first working day >= start, moved back |n| working days
            target = self._rank(s - 1) + 1 + n
        return date.fromordinal(self._first_with_rank(target))

    # ---- internals ---------------------------------------------------------------------------
    def _rank(self, ordinal: int) -> int:
        """Working days up to and including ``ordinal``, plus a constant (only differences matter)."""
        return (
            _weekdays_through(ordinal)
            - bisect_right(self._off_ord, ordinal)
            + bisect_right(self._on_ord, ordinal)
        )

    def _first_with_rank(self, target: int) -> int:
        """The smallest ordinal whose rank reaches ``target``; it is always a working day.

        The rank differs from the plain weekday count by at most the number of exceptions, which
        brackets the answer; a binary search finishes it."""
        lo = _nth_weekday(target - len(self._on_ord))
        hi = _nth_weekday(target + len(self._off_ord))
        while lo < hi:
            mid = (lo + hi) // 2
            if self._rank(mid) >= target:
                hi = mid
            else:
                lo = mid + 1
        return lo

    def __eq__(self, other: object) -> bool:
        return isinstance(other, WorkCalendar) and self._schedules == other._schedules

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return f"WorkCalendar(years={sorted(self._schedules)})"


def _parse_date(year: int, text: Any) -> date:
    if isinstance(text, str) and _ISO_DATE.fullmatch(text):
        try:
            return date.fromisoformat(text)
        except ValueError:
            pass
    raise _invalid(f"{year}年：日期 {text!r} 不是有效的 YYYY-MM-DD")


def _parse_year(year: int, entry: Any) -> YearSchedule:
    if not isinstance(entry, Mapping) or set(entry) - {"notice", "holidays", "workdays"}:
        raise _invalid(f"{year}年：只允许 notice、holidays、workdays 三项")
    notice, holidays, workdays = entry.get("notice"), entry.get("holidays"), entry.get("workdays")
    if notice is not None and not isinstance(notice, str):
        raise _invalid(f"{year}年：notice 应为文字")
    if not isinstance(holidays, list) or not isinstance(workdays, list):
        raise _invalid(f"{year}年：holidays 和 workdays 应为列表")
    parsed: list[Holiday] = []
    for item in holidays:
        if not isinstance(item, Mapping) or set(item) != {"name", "start", "end"}:
            raise _invalid(f"{year}年：每项放假安排应恰有 name、start、end")
        if not isinstance(item["name"], str):
            raise _invalid(f"{year}年：放假安排名称应为文字")
        parsed.append(Holiday(item["name"], _parse_date(year, item["start"]), _parse_date(year, item["end"])))
    worked = [_parse_date(year, text) for text in workdays]
    if len(set(worked)) != len(worked):
        raise _invalid(f"{year}年：调休上班日有重复")
    return YearSchedule(year, tuple(parsed), frozenset(worked), notice)


@functools.cache
def _load_default() -> WorkCalendar:
    try:
        data = json.loads(DATA_FILE.read_text(encoding="utf-8"))
    except json.JSONDecodeError as exc:
        raise _invalid(f"{DATA_FILE.name} 不是有效的 JSON（第 {exc.lineno} 行）") from exc
    return WorkCalendar.from_dict(data)
