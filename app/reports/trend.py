"""Monthly trend 月度趋势: complaints received and conclusions (核实认定) per calendar month.

Read from the monthly sums the triggers keep (``received_month``, ``stage_month_counts``); for one
competent department, from the detail rows (the sums are not kept per department) — the same choice
``app.reports.supervision`` makes, under the same definitions (``docs/figures.md`` 五.1 and 五.5), so a
month's bar equals that month's supervision report.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import text
from sqlalchemy.orm import Session

from app.common.days import SQL_MONTH, after_month, month_start
from app.reports.supervision import FINDINGS, ReportScope

_MONTH_OF_REGISTRATION = "substr(datetime(registered_at, '+8 hours'), 1, 7)"  # as migration 0005
_FINDINGS = "(" + ", ".join(f"'{f.value}'" for f in FINDINGS) + ")"


@dataclass(frozen=True)
class MonthPoint:
    month: str  # YYYY-MM
    received: int
    concluded: int


def months_between(first: date, last: date) -> list[str]:
    """``YYYY-MM`` of every month from ``first``'s to ``last``'s, both included."""
    months, y, m = [], first.year, first.month
    while (y, m) <= (last.year, last.month):
        months.append(f"{y:04d}-{m:02d}")
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    return months


def monthly_trend(session: Session, *, first: date, last: date, scope: ReportScope) -> tuple[MonthPoint, ...]:
    """Every month from ``first``'s to ``last``'s (whole months), months without complaints as zeros."""
    months = months_between(first, last)
    w, params = scope.where()
    params = {**params, "m0": months[0], "m1": months[-1]}
    if scope.department:
        start = date.fromisoformat(months[0] + "-01")
        end = (date.fromisoformat(months[-1] + "-28") + timedelta(days=4)).replace(day=1)
        params.update(uf=f"{(start - timedelta(days=1)).isoformat()}T16:00:00.000Z",
                      ut=f"{(end - timedelta(days=1)).isoformat()}T16:00:00.000Z")
        received = (f"SELECT {_MONTH_OF_REGISTRATION}, COUNT(*) FROM complaints "
                    f"WHERE registered_at >= :uf AND registered_at < :ut{w} GROUP BY 1")
        params.update(d0=month_start(months[0]), d1=after_month(months[-1]))  # day numbers (app.common.days)
        concluded = (f"SELECT {SQL_MONTH.format('ended_on')}, COUNT(*) FROM stage_deadlines "
                     f"WHERE ended_on >= :d0 AND ended_on < :d1 AND stage = 'conclude' "
                     f"AND outcome IN {_FINDINGS}{w} GROUP BY 1")
    else:
        received = f"SELECT month, SUM(n) FROM received_month WHERE month >= :m0 AND month <= :m1{w} GROUP BY 1"
        concluded = (f"SELECT month, SUM(n) FROM stage_month_counts WHERE month >= :m0 AND month <= :m1 "
                     f"AND stage = 'conclude' AND outcome IN {_FINDINGS}{w} GROUP BY 1")
    got_received = dict(session.execute(text(received), params).all())
    got_concluded = dict(session.execute(text(concluded), params).all())
    return tuple(MonthPoint(m, int(got_received.get(m, 0)), int(got_concluded.get(m, 0))) for m in months)
