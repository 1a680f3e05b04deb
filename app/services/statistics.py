"""The 统计 page's figures 统计数据: one period's supervision report, its monthly trend, the counties
side by side, and the complaints behind any number (drill-down).

Qt-free: the window runs ``statistics_data`` on the task pool with ``progress`` and ``cancel`` callables
(the CLI and the bench call it the same way). Every figure comes from ``app.reports`` under the
definitions of ``docs/figures.md``; a drill-down answers with exactly the complaints a figure counts.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from sqlalchemy import text

from app.domain.clock import china_date
from app.domain.errors import DomainError
from app.domain.regions import scope_prefix
from app.reports.assessment import UnitFigures, assessment
from app.reports.drill import Drill, Figure, drill
from app.reports.figures import SupervisionReport
from app.reports.supervision import supervision_report
from app.reports.trend import MonthPoint, monthly_trend
from app.services.profile import Profile
from app.services.reports import report_scope
from app.services.users import Actor

TREND_MONTHS = 12  # a shorter period's trend shows the twelve months up to its end


@dataclass(frozen=True)
class Area:
    """Where the figures are for: a region and everything under it, or with ``own_level`` only the bodies
    of that level itself (州本级: the prefecture's own departments, not its counties)."""

    region_code: str
    own_level: bool = False


@dataclass(frozen=True)
class StatisticsRequest:
    period_from: date
    period_to: date
    area: Area
    department: str | None = None  # one competent department 主管部门, or all


@dataclass(frozen=True)
class AreaFigures:
    area: Area
    figures: UnitFigures  # the assessment figures of that county (same definitions as the report)


@dataclass(frozen=True)
class StatisticsData:
    request: StatisticsRequest
    report: SupervisionReport
    trend: tuple[MonthPoint, ...]
    areas: tuple[AreaFigures, ...]  # side by side: each county under a prefecture and its own level; else empty


def areas(profile: Profile, actor: Actor) -> list[Area]:
    """The areas ``actor`` may choose, widest first: their own region; under a prefecture each county
    and then the prefecture's own level."""
    own = profile.regions.find(actor.region_code)
    found = [Area(actor.region_code)]
    if own is not None and own.level != "county":
        found += [Area(r.code) for r in profile.regions.counties(actor.region_code)]
        found.append(Area(actor.region_code, own_level=True))
    return found


def side_by_side(profile: Profile, actor: Actor, area: Area) -> list[Area]:
    """The rows of the counties table for ``area``: under a prefecture each county and its own level;
    none for a county (or for the own level alone)."""
    choices = areas(profile, actor)
    return choices[1:] if area == choices[0] else []


def trend_window(period_from: date, period_to: date) -> tuple[date, date]:
    """The months the trend shows: the period's own months when it spans at least ``TREND_MONTHS`` months,
    otherwise the ``TREND_MONTHS`` months ending with the period's last month."""
    months = (period_to.year - period_from.year) * 12 + period_to.month - period_from.month + 1
    if months >= TREND_MONTHS:
        return period_from.replace(day=1), period_to
    y, m = divmod(period_to.year * 12 + period_to.month - 1 - (TREND_MONTHS - 1), 12)
    return date(y, m + 1, 1), period_to


def _report(profile: Profile, actor: Actor, request: StatisticsRequest, area: Area) -> SupervisionReport:
    region, scope = report_scope(profile, actor, request.period_from, request.period_to, area.region_code,
                                 request.department, own_level=area.own_level)
    with profile.store.read() as session:
        return supervision_report(session, period_from=request.period_from, period_to=request.period_to,
                                  region_code=region, scope=scope, today=china_date(profile.now()),
                                  calendar=profile.calendar, overdue_limit=0, respondents=False)


def _counties(profile: Profile, actor: Actor, request: StatisticsRequest, rows: list[Area]) -> tuple[AreaFigures, ...]:
    """The rows of the counties table: one grouped pass over the milestone sums for every county (the
    assessment figures), not one report per county."""
    region, scope = report_scope(profile, actor, request.period_from, request.period_to, request.area.region_code,
                                 request.department)
    with profile.store.read() as session:
        units = assessment(session, period_from=request.period_from, period_to=request.period_to,
                           region_code=region, scope=scope, today=china_date(profile.now()),
                           calendar=profile.calendar, regions=profile.regions, departments=False)
    by_code = {u.key: u for u in units.by_county}
    return tuple(AreaFigures(area, by_code.get(area.region_code) or UnitFigures(area.region_code, area.region_code))
                 for area in rows)


def statistics_data(profile: Profile, actor: Actor, request: StatisticsRequest, *,
                    progress: Callable[[int, int, str], None] | None = None,
                    cancel: Callable[[], bool] | None = None) -> StatisticsData:
    """Everything the 统计 page shows for ``request``; ``progress(done, total, text)`` after each step,
    and ``DomainError("cancelled")`` as soon as ``cancel()`` says so (a newer request replaced this one)."""
    rows = side_by_side(profile, actor, request.area)
    total = 3 if rows else 2

    def step(done: int) -> None:
        if cancel is not None and cancel():
            raise DomainError("cancelled")
        if progress is not None:
            progress(done, total, "")

    step(0)
    report = _report(profile, actor, request, request.area)
    step(1)
    _, scope = report_scope(profile, actor, request.period_from, request.period_to, request.area.region_code,
                            request.department, own_level=request.area.own_level)
    first, last = trend_window(request.period_from, request.period_to)
    with profile.store.read() as session:
        trend = monthly_trend(session, first=first, last=last, scope=scope)
    step(2)
    found: tuple[AreaFigures, ...] = ()
    if rows:
        found = _counties(profile, actor, request, rows)
        step(3)
    return StatisticsData(request, report, trend, tuple(found))


def drill_down(profile: Profile, actor: Actor, request: StatisticsRequest, figure: Figure,
               area: Area | None = None) -> Drill:
    """The complaints behind ``figure`` of ``request`` (``area``: a row of the counties table instead)."""
    area = area or request.area
    _, scope = report_scope(profile, actor, request.period_from, request.period_to, area.region_code,
                            request.department, own_level=area.own_level)
    with profile.store.read() as session:
        return drill(session, figure, period_from=request.period_from, period_to=request.period_to, scope=scope,
                     today=china_date(profile.now()))


def departments(profile: Profile, actor: Actor) -> list[str]:
    """The competent departments 主管部门 named by complaints the user may see, for the department filter."""
    prefix = scope_prefix(actor.region_code)
    with profile.store.read() as session:
        rows = session.execute(text(
            "SELECT DISTINCT department FROM complaints WHERE department != '' "
            "AND region_code >= :lo AND region_code < :hi ORDER BY department"),
            {"lo": prefix, "hi": prefix[:-1] + chr(ord(prefix[-1]) + 1)}).scalars()
        return list(rows)
