"""Reports 统计报表: the supervision figures of a period and a region, for the window and the CLI.

The figures are computed in ``app.reports`` from the milestone projections; this service checks the
request (dates, a region the user may see) and reads them in one read transaction. Besides the report
itself: the assessment figures per county and department (``assessment``), everything a period's
outputs need at once (``period_figures``), the xlsx workbook (``workbook``) and the CSV files
(``csv_tables``); the 调度通报 PDF is ``app.services.briefing``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from app.domain.clock import china_date
from app.domain.errors import DomainError
from app.domain.regions import in_scope, scope_prefix, validate_region_code
from app.reports import tables as t
from app.reports.assessment import Assessment
from app.reports.assessment import assessment as assessment_figures
from app.reports.csv_tables import csv_bytes, file_name
from app.reports.figures import SupervisionReport
from app.reports.supervision import ReportScope, supervision_report
from app.reports.typical import TypicalCase, typical_cases
from app.reports.workbook import workbook_bytes
from app.services.profile import Profile
from app.services.users import Actor


def supervision(profile: Profile, actor: Actor, period_from: date, period_to: date, *,
                region_code: str | None = None, department: str | None = None,
                overdue_limit: int | None = 200) -> SupervisionReport:
    """The supervision report of ``[period_from, period_to]`` (both days included) for ``region_code``
    (default: the user's region) and optionally one competent department (主管部门); the overdue list
    holds the ``overdue_limit`` most overdue stages (None: all of them; the groups always count all)."""
    region, scope = _request(profile, actor, period_from, period_to, region_code, department)
    with profile.store.read() as session:
        return supervision_report(session, period_from=period_from, period_to=period_to, region_code=region,
                                  scope=scope, today=china_date(profile.now()), calendar=profile.calendar,
                                  overdue_limit=overdue_limit)


Progress = Callable[[int, int], None]
Cancel = Callable[[], bool]


def _request(profile: Profile, actor: Actor, period_from: date, period_to: date, region_code: str | None,
             department: str | None) -> tuple[str, ReportScope]:
    """The region and scope asked for, checked: a period that ends before it starts, a region outside
    the user's are refused."""
    if period_to < period_from:
        raise DomainError("report_period_invalid", start=period_from.isoformat(), end=period_to.isoformat())
    region = validate_region_code(region_code or actor.region_code)
    if not in_scope(actor.region_code, region):
        raise DomainError("region_out_of_scope", region=region)
    prefix = scope_prefix(region)
    department = (department or "").strip() or None
    return region, ReportScope(prefix, department, whole=profile.office.scope.startswith(prefix))


def assessment(profile: Profile, actor: Actor, period_from: date, period_to: date, *,
               region_code: str | None = None, department: str | None = None) -> Assessment:
    """Assessment figures 考核指标 per county and per competent department (docs/figures.md §七)."""
    region, scope = _request(profile, actor, period_from, period_to, region_code, department)
    with profile.store.read() as session:
        return assessment_figures(session, period_from=period_from, period_to=period_to, region_code=region,
                                  scope=scope, today=china_date(profile.now()), calendar=profile.calendar,
                                  regions=profile.regions)


@dataclass(frozen=True)
class PeriodFigures:
    """Everything a period's workbook, CSV files and briefing show, read in one transaction."""

    report: SupervisionReport  # with the whole overdue list
    assessment: Assessment
    typical: tuple[TypicalCase, ...]
    region_name: str  # 楚雄彝族自治州, 双柏县
    places: dict[str, str]  # region code -> the name its row carries

    @property
    def period(self) -> str:
        return t.period_name(self.report.period_from, self.report.period_to)

    @property
    def scope_name(self) -> str:
        """全州, 全县, 全市: how the briefing speaks of its region."""
        level = "州" if self.report.region_code.endswith("00") else self.region_name[-1:]
        return "全" + level

    def subtitle(self) -> str:
        r = self.report
        text = f"地区：{self.region_name}　统计期间：{r.period_from.isoformat()} 至 {r.period_to.isoformat()}"
        if r.department:
            text += f"　主管部门：{r.department}"
        return text + (f"　（期间未结束，数字截至 {r.as_of.isoformat()}）" if r.provisional else "")

    def tables(self) -> list[t.ReportTable]:
        """汇总, 分县市, 分部门, 考核指标（县市）, 考核指标（部门）, 超期清单, 典型案例."""
        a, p = self.assessment, self.period
        head = f"{p}{self.region_name}政府违约失信投诉办理情况"
        return [
            t.summary_table(self.report, a, len(self.typical), head + "汇总表"),
            t.unit_table("分县市", f"{p}各县市政府违约失信投诉办理情况统计表", "县市", a.by_county, a.total),
            t.unit_table("分部门", f"{p}各主管部门政府违约失信投诉办理情况统计表", "主管部门", a.by_department,
                         a.total),
            t.timeliness_table("考核指标（县市）", f"{p}各县市政府违约失信投诉办理时效考核指标", "县市",
                               a.by_county, a.total),
            t.timeliness_table("考核指标（部门）", f"{p}各主管部门政府违约失信投诉办理时效考核指标", "主管部门",
                               a.by_department, a.total),
            t.overdue_table(self.report, f"截至{t.period_name(self.report.as_of, self.report.as_of)}"
                            f"超期未办事项清单", self.places),
            t.typical_table(self.typical, f"{p}典型案例", self.places),
        ]


def period_figures(profile: Profile, actor: Actor, period_from: date, period_to: date, *,
                   region_code: str | None = None, department: str | None = None) -> PeriodFigures:
    region, scope = _request(profile, actor, period_from, period_to, region_code, department)
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
