"""Reports 统计报表: the supervision figures of a period and a region, for the window and the CLI.

The figures are computed in ``app.reports`` from the milestone projections; this service checks the
request (dates, a region the user may see) and reads them in one read transaction. Besides the report
itself: the assessment figures per county and department (``assessment``), everything a period's
outputs need at once (``period_figures``), the xlsx workbook (``workbook``) and the CSV files
(``csv_tables``); the 调度通报 PDF is ``app.services.briefing``.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from app.domain.clock import china_date
from app.domain.errors import DomainError
from app.domain.regions import in_scope, scope_prefix, validate_region_code
from app.reports.assessment import Assessment
from app.reports.assessment import assessment as assessment_figures
from app.reports.csv_tables import csv_bytes, file_name
from app.reports.figures import SupervisionReport
from app.reports.period import PeriodFigures
from app.reports.supervision import ReportScope, supervision_report
from app.reports.typical import typical_cases
from app.reports.workbook import workbook_bytes
from app.services.profile import Profile
from app.services.users import Actor


def supervision(profile: Profile, actor: Actor, period_from: date, period_to: date, *,
                region_code: str | None = None, department: str | None = None,
                overdue_limit: int | None = 200) -> SupervisionReport:
    """The supervision report of ``[period_from, period_to]`` (both days included) for ``region_code``
    (default: the user's region) and optionally one competent department (主管部门); the overdue list
    holds the ``overdue_limit`` most overdue stages (None: all of them; the groups always count all)."""
    region, scope = report_scope(profile, actor, period_from, period_to, region_code, department)
    with profile.store.read() as session:
        return supervision_report(session, period_from=period_from, period_to=period_to, region_code=region,
                                  scope=scope, today=china_date(profile.now()), calendar=profile.calendar,
                                  overdue_limit=overdue_limit)


Progress = Callable[[int, int], None]
Cancel = Callable[[], bool]


def report_scope(profile: Profile, actor: Actor, period_from: date, period_to: date, region_code: str | None,
                 department: str | None, *, own_level: bool = False) -> tuple[str, ReportScope]:
    """Check a report request and say which complaints it covers: ``region_code`` (default: the user's)
    and everything under it, or with ``own_level`` only the bodies of that level itself (州本级)."""
    if period_to < period_from:
        raise DomainError("report_period_invalid", start=period_from.isoformat(), end=period_to.isoformat())
    region = validate_region_code(region_code or actor.region_code)
    if not in_scope(actor.region_code, region):
        raise DomainError("region_out_of_scope", region=region)
    prefix = region if own_level else scope_prefix(region)
    department = (department or "").strip() or None
    return region, ReportScope(prefix, department, whole=profile.office.scope.startswith(prefix))


def assessment(profile: Profile, actor: Actor, period_from: date, period_to: date, *,
               region_code: str | None = None, department: str | None = None) -> Assessment:
    """Assessment figures 考核指标 per county and per competent department (docs/figures.md §七)."""
    region, scope = report_scope(profile, actor, period_from, period_to, region_code, department)
    with profile.store.read() as session:
        return assessment_figures(session, period_from=period_from, period_to=period_to, region_code=region,
                                  scope=scope, today=china_date(profile.now()), calendar=profile.calendar,
                                  regions=profile.regions)


def period_figures(profile: Profile, actor: Actor, period_from: date, period_to: date, *,
                   region_code: str | None = None, department: str | None = None) -> PeriodFigures:
    region, scope = report_scope(profile, actor, period_from, period_to, region_code, department)
    today = china_date(profile.now())
    with profile.store.read() as session:
        report = supervision_report(session, period_from=period_from, period_to=period_to, region_code=region,
                                    scope=scope, today=today, calendar=profile.calendar, overdue_limit=None)
        units = assessment_figures(session, period_from=period_from, period_to=period_to, region_code=region,
                                   scope=scope, today=today, calendar=profile.calendar, regions=profile.regions)
        typical = typical_cases(session, period_from=period_from, period_to=period_to, scope=scope)
    found = profile.regions.find(region)
    places = {u.key: u.name for u in units.by_county}
    return PeriodFigures(report, units, typical, found.name if found else region, places)


def workbook(profile: Profile, actor: Actor, period_from: date, period_to: date, *, region_code: str | None = None,
             department: str | None = None, progress: Progress | None = None, cancel: Cancel | None = None) -> bytes:
    """The xlsx workbook of the period (sheets as ``PeriodFigures.tables``), laid out for A4 landscape."""
    figures = period_figures(profile, actor, period_from, period_to, region_code=region_code, department=department)
    return workbook_bytes(figures.tables(), figures.subtitle(), progress=progress, cancel=cancel)


def csv_tables(profile: Profile, actor: Actor, period_from: date, period_to: date, *,
               region_code: str | None = None, department: str | None = None) -> dict[str, bytes]:
    """One UTF-8-with-BOM CSV per table: {file name: content}."""
    figures = period_figures(profile, actor, period_from, period_to, region_code=region_code, department=department)
    return {file_name(table): csv_bytes(table) for table in figures.tables()}
