"""Assessment figures 考核指标 of a period: per county and per competent department (docs/figures.md §七).

The seed (楚发改财金〔2023〕509号 §三(三), §四(七)) puts government breach records into the business
environment evaluation (营商环境评价) and the annual performance assessment (绩效考核), and asks the
prefecture to assess how fast complaints are handled and whether sanctions are carried out. These are
the supervision report's own figures (same definitions, same milestone tables, ``app.reports.supervision``)
split by unit with one grouped query per figure, not one report per unit; so the county rows add up to
the report of the whole region, and the department rows too.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from typing import Any, Literal

from sqlalchemy import text
from sqlalchemy.orm import Session

from app.common.days import day_number
from app.domain.milestones import Stage
from app.domain.regions import RegionRegistry
from app.domain.workdays import WorkCalendar
from app.reports.figures import Rate, SanctionFigures, Timeliness
from app.reports.supervision import (
    _OVERDUE,
    ReportScope,
    _stage_counts,
    _utc_start,
    day_params,
    split_months,
)

Unit = Literal["region_code", "department"]
PREFECTURE_LEVEL = "州本级"


@dataclass(frozen=True)
class UnitFigures:
    """One county (``key`` its region code) or one competent department (``key`` its name)."""

    key: str
    name: str
    received: int = 0  # registered in the period
    concluded: int = 0  # 核实认定结论 recorded in the period (属实 + 不属实 + 存在分歧)
    substantiated: int = 0  # … of which 情况属实
    closed: int = 0  # 办结 recorded in the period (entering 已办结, 不予受理 and 合并 included)
    timeliness: tuple[Timeliness, ...] = field(
        default_factory=lambda: tuple(Timeliness(s.value, 0, 0, 0) for s in Stage))
    overdue: int = 0  # open steps past their due date at the period's end
    overdue_working_days: int = 0  # working days over, summed over those steps
    breaches_confirmed: int = 0  # 拒不整改 → 认定违约失信 recorded in the period (records)
    sanctions: SanctionFigures = field(default_factory=lambda: SanctionFigures(0, 0, 0, 0))
    credit_repaired: int = 0

    def stage(self, stage: str) -> Timeliness:
        return next(t for t in self.timeliness if t.stage == stage)

    @property
    def on_time(self) -> Rate:
        """综合按时办理率: every finished step of the four stages, on time over finished."""
        return Rate(sum(t.on_time for t in self.timeliness), sum(t.finished for t in self.timeliness))

    @property
    def sanctions_carried_out(self) -> int:
        """惩戒落实: decisions in force at the period's end, ended at term or lifted by a repair in it."""
        s = self.sanctions
        return s.in_force_at_end + s.expired + s.lifted

    @property
    def is_empty(self) -> bool:
        return not (self.received or self.concluded or self.closed or self.on_time.denominator or self.overdue
                    or self.breaches_confirmed or self.sanctions.decided or self.sanctions.in_force_at_end
                    or self.sanctions.expired or self.sanctions.lifted or self.credit_repaired)

    def to_json(self) -> dict[str, Any]:
        return {
            "key": self.key, "name": self.name, "received": self.received, "concluded": self.concluded,
            "substantiated": self.substantiated, "closed": self.closed,
            "timeliness": {t.stage: t.rate.to_json() for t in self.timeliness},
            "on_time": self.on_time.to_json(), "overdue": self.overdue,
            "overdue_working_days": self.overdue_working_days, "breaches_confirmed": self.breaches_confirmed,
            "sanctions": {"decided": self.sanctions.decided, "in_force_at_end": self.sanctions.in_force_at_end,
                          "expired": self.sanctions.expired, "lifted": self.sanctions.lifted},
            "credit_repaired": self.credit_repaired,
        }


@dataclass(frozen=True)
class Assessment:
    period_from: date
    period_to: date
    as_of: date
    by_county: tuple[UnitFigures, ...]  # every county of the region (zeros included), in code order
    by_department: tuple[UnitFigures, ...]  # departments with any figure, in pinyin order
    total: UnitFigures  # the sum of the county rows (= the sum of the department rows)

    def to_json(self) -> dict[str, Any]:
        return {"period_from": self.period_from.isoformat(), "period_to": self.period_to.isoformat(),
                "as_of": self.as_of.isoformat(), "total": self.total.to_json(),
                "by_county": [u.to_json() for u in self.by_county],
                "by_department": [u.to_json() for u in self.by_department]}


def assessment(session: Session, *, period_from: date, period_to: date, region_code: str, scope: ReportScope,
               today: date, calendar: WorkCalendar, regions: RegionRegistry,
               departments: bool = True) -> Assessment:
    """``departments=False``: the county rows only (the 统计 page's counties side by side), with
    ``by_department`` left empty."""
    as_of = min(period_to, today)
    params = dict(scope.where()[1])
    params.update(f=period_from.isoformat(), t=period_to.isoformat(), e=as_of.isoformat(),
                  uf=_utc_start(period_from), ut=_utc_start(period_to + timedelta(days=1)),
                  rank=calendar.working_day_number(as_of), **day_params(period_from, period_to, as_of))
    months = split_months(period_from, period_to)
    counties = _units(session, scope, params, "region_code", months)
    by_unit = _units(session, scope, params, "department", months) if departments else {}
    names = _county_names(regions, region_code)
    by_county = [replace_name(counties.pop(code, None), code, name) for code, name in names.items()]
    by_county += [replace_name(u, code, _region_name(regions, code)) for code, u in sorted(counties.items())]
    from pypinyin import lazy_pinyin  # here, not at import: its phrase dictionary weighs 50 MB

    by_department = sorted((replace_name(u, key, key) for key, u in by_unit.items()),
                           key=lambda u: ("".join(lazy_pinyin(u.name)), u.name))
    return Assessment(period_from, period_to, as_of, tuple(by_county),
                      tuple(u for u in by_department if not u.is_empty), total_of(by_county))


def replace_name(unit: UnitFigures | None, key: str, name: str) -> UnitFigures:
    return UnitFigures(key, name) if unit is None else replace(unit, key=key, name=name)


def total_of(units: Iterable[UnitFigures], name: str = "合计") -> UnitFigures:
    units = list(units)
    stages = [Timeliness(s.value, sum(u.stage(s).finished for u in units), sum(u.stage(s).on_time for u in units),
                         sum(u.stage(s).late for u in units)) for s in Stage]
    return UnitFigures(
        "total", name, received=sum(u.received for u in units), concluded=sum(u.concluded for u in units),
        substantiated=sum(u.substantiated for u in units), closed=sum(u.closed for u in units),
        timeliness=tuple(stages), overdue=sum(u.overdue for u in units),
        overdue_working_days=sum(u.overdue_working_days for u in units),
        breaches_confirmed=sum(u.breaches_confirmed for u in units),
        sanctions=SanctionFigures(*(sum(getattr(u.sanctions, f) for u in units)
                                    for f in ("decided", "in_force_at_end", "expired", "lifted"))),
        credit_repaired=sum(u.credit_repaired for u in units))


def _county_names(regions: RegionRegistry, region_code: str) -> dict[str, str]:
    """The rows a region's table always has: a county itself; a prefecture's own bodies (州本级) and
    each of its counties."""
    region = regions.find(region_code)
    if region is None:
        return {region_code: region_code}
    if region.level == "county":
        return {region.code: region.name}
    rows = {region.code: PREFECTURE_LEVEL if region.level == "prefecture" else region.name}
    rows.update({r.code: r.name for r in regions.counties(region.code)})
    return rows


def _region_name(regions: RegionRegistry, code: str) -> str:
    found = regions.find(code)
    return found.name if found else code


def _units(session: Session, scope: ReportScope, params: dict[str, Any], unit: Unit, months) -> dict[str, UnitFigures]:
    w = scope.where()[0]

    def rows(sql: str, extra: dict[str, Any] | None = None) -> list:
        return session.execute(text(sql), {**params, **(extra or {})}).all()

    # The period's whole months are read from the monthly sums (per county and department, migration
    # 0006), as the supervision report does; the days outside them from the detail rows. What was
    # received per department has no sums: it is counted from the complaints of the whole period.
    whole, edges = months
    monthly = whole is not None
    ranges = edges if monthly else [(date.fromisoformat(params["f"]), date.fromisoformat(params["t"]))]
    received: Counter = Counter()
    stage_sums: dict[tuple, int] = defaultdict(int)
    if monthly:
        span = {"m0": whole[0], "m1": whole[1]}
        if unit == "region_code" and not scope.department:  # received_month has no department
            for key, n in rows(f"SELECT region_code, SUM(n) FROM received_month WHERE month >= :m0 "
                               f"AND month <= :m1{w} GROUP BY region_code", span):
                received[key] += n
        # per county alone the smaller region sums do (the same counts without the department split)
        sums = "stage_month_counts" if unit == "region_code" and not scope.department else "stage_month_unit_counts"
        for key, *row, n in rows(f"SELECT {unit}, stage, outcome, on_time, SUM(n) FROM {sums} "
                                 f"WHERE month >= :m0 AND month <= :m1{w} GROUP BY 1, 2, 3, 4", span):
            stage_sums[(key, *row)] += n
    received_ranges = ranges if unit == "region_code" and not scope.department else [
        (date.fromisoformat(params["f"]), date.fromisoformat(params["t"]))]
    for a, b in received_ranges:
        day = {"ua": _utc_start(a), "ub": _utc_start(b + timedelta(days=1))}
        for key, n in rows(f"SELECT {unit}, COUNT(*) FROM complaints WHERE registered_at >= :ua "
                           f"AND registered_at < :ub{w} GROUP BY {unit}", day):
            received[key] += n
    for a, b in ranges:
        day = {"a": day_number(a), "b": day_number(b)}
        for key, *row, n in rows(f"SELECT {unit}, stage, outcome, ended_on <= due_on, COUNT(*) FROM stage_deadlines "
                                 f"WHERE ended_on >= :a AND ended_on <= :b{w} GROUP BY 1, 2, 3, 4", day):
            stage_sums[(key, *row)] += n
    stage_rows: dict[str, list] = defaultdict(list)
    for (key, *row), n in stage_sums.items():
        stage_rows[key].append((*row, n))
    closed = dict(rows(f"SELECT {unit}, COUNT(*) FROM state_spells WHERE state = 'closed' "
                       f"AND entered_on >= :fd AND entered_on <= :td{w} GROUP BY {unit}"))
    cols = f"{unit} AS unit, :rank - due_rank AS over"
    overdue = {key: (n, over) for key, n, over in rows(
        f"SELECT unit, COUNT(*), SUM(over) FROM ({_OVERDUE.format(cols=cols, w=w)}) GROUP BY unit")}
    sanctions = {key: SanctionFigures(*row) for key, *row in rows(
        f"SELECT {unit}, COALESCE(SUM(recorded_on >= :f), 0), "
        f"COALESCE(SUM(recorded_on <= :e AND start_on <= :e AND (end_on IS NULL OR end_on >= :e) "
        f"AND (lifted_on IS NULL OR lifted_on > :e)), 0), "
        f"COALESCE(SUM(end_on >= :f AND end_on <= :t AND (lifted_on IS NULL OR lifted_on > end_on)), 0), "
        f"COALESCE(SUM(lifted_on >= :f AND lifted_on <= :t), 0) "
        f"FROM sanction_spells WHERE recorded_on <= :t{w} GROUP BY {unit}")}
    repaired = dict(rows(
        f"SELECT s.{unit}, COUNT(*) FROM state_spells s CROSS JOIN state_spells p ON p.num = s.num "
        f"AND p.seq = s.seq - 1 WHERE s.state = 'repaired' AND s.entered_on >= :fd AND s.entered_on <= :td "
        f"AND p.state IN ('breach_confirmed', 'sanctioned'){scope.where('s')[0]} GROUP BY s.{unit}"))
    keys = set(received) | set(stage_rows) | set(closed) | set(overdue) | set(sanctions) | set(repaired)
    found: dict[str, UnitFigures] = {}
    for key in keys:
        timeliness, conclusions, breaches = _stage_counts(stage_rows.get(key, []))
        by_finding = Counter({c.key: c.count for c in conclusions})
        n, over = overdue.get(key, (0, 0))
        found[key] = UnitFigures(
            key, key, received=received.get(key, 0), concluded=sum(by_finding.values()),
            substantiated=by_finding["substantiated"], closed=closed.get(key, 0), timeliness=timeliness,
            overdue=n, overdue_working_days=over or 0, breaches_confirmed=breaches,
            sanctions=sanctions.get(key, SanctionFigures(0, 0, 0, 0)), credit_repaired=repaired.get(key, 0))
    return found
