"""Supervision figures 督办统计 as plain frozen data (definitions: ``docs/figures.md``).

Every rate carries its numerator and denominator, so a reader (or an assessor) can check it; a rate
with nothing to divide by is ``None`` (shown as “—”), never 0 % or 100 %.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True)
class Rate:
    numerator: int
    denominator: int

    @property
    def value(self) -> float | None:
        return round(self.numerator / self.denominator, 4) if self.denominator else None

    def to_json(self) -> dict:
        return {"numerator": self.numerator, "denominator": self.denominator, "rate": self.value}


@dataclass(frozen=True)
class Count:
    key: str  # a code (channel, sector, state…), a region code, or a name
    count: int


@dataclass(frozen=True)
class Timeliness:
    """One stage's time limit in the period: finished stages on time / finished stages."""

    stage: str
    finished: int  # stages whose work was done in the period (the denominator)
    on_time: int  # … of which on or before the due date in force that day (the numerator)
    late: int

    @property
    def rate(self) -> Rate:
        return Rate(self.on_time, self.finished)


@dataclass(frozen=True)
class Duration:
    """Working days a stage took, over the stages finished in the period."""

    stage: str
    count: int
    median: int | None
    p90: int | None
    mean: float | None


@dataclass(frozen=True)
class OverdueItem:
    case_no: str
    region_code: str
    department: str
    respondent_name: str
    stage: str
    due_on: str
    working_days_over: int


@dataclass(frozen=True)
class OverdueGroup:
    key: str  # region code or department name
    count: int
    working_days_over: int  # sum over its items
    most_working_days_over: int


@dataclass(frozen=True)
class Repeat:
    respondent_name: str
    region_code: str
    complaints: int  # registered in the period
    breaches: int  # confirmed up to the period's end (cumulative)
    breaches_in_period: int


@dataclass(frozen=True)
class SanctionFigures:
    decided: int  # sanction decisions recorded in the period
    in_force_at_end: int
    expired: int  # end date reached in the period (not lifted before)
    lifted: int  # lifted by a credit repair in the period


@dataclass(frozen=True)
class SupervisionReport:
    period_from: date
    period_to: date
    region_code: str
    department: str | None
    as_of: date  # the day "at the period's end" is read on: the period's last day, or today if earlier
    provisional: bool  # the period has not ended yet: figures may still grow
    received: int
    received_by_channel: tuple[Count, ...]
    received_by_sector: tuple[Count, ...]
    received_by_county: tuple[Count, ...]
    received_by_respondent: tuple[Count, ...]
    states_at_end: tuple[Count, ...]
    timeliness: tuple[Timeliness, ...]
    durations: tuple[Duration, ...]
    conclusions: tuple[Count, ...]  # by finding
    substantiated: Rate
    breaches_confirmed: int
    sanctions: SanctionFigures
    credit_repaired: int
    overdue_total: int  # open stages past their due date at the period's end
    overdue: tuple[OverdueItem, ...]  # the most overdue first, at most the ``overdue_limit`` asked for
    overdue_by_county: tuple[OverdueGroup, ...]
    overdue_by_department: tuple[OverdueGroup, ...]
    repeat_respondents: tuple[Repeat, ...]

    def to_json(self) -> dict:
        """The JSON form printed by ``report --json`` (rates with numerator and denominator)."""
        from dataclasses import asdict

        data = asdict(self)
        data["substantiated"] = self.substantiated.to_json()
        data["timeliness"] = [{**asdict(t), "rate": t.rate.to_json()} for t in self.timeliness]
        for key in ("period_from", "period_to", "as_of"):
            data[key] = data[key].isoformat()
        return data


def nearest_rank(histogram: dict[int, int], share: float) -> int | None:
    """The nearest-rank percentile of values given as {value: how many}: the smallest value with at
    least ``share`` of all values at or below it (the median is ``share`` 0.5)."""
    total = sum(histogram.values())
    if not total:
        return None
    rank = max(1, math.ceil(share * total))
    seen = 0
    for value in sorted(histogram):
        seen += histogram[value]
        if seen >= rank:
            return value
    return None  # unreachable
