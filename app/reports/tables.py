"""The tables of a period's figures, once: the workbook's sheets, the CSV files and the briefing's annexes
are drawn from these (so a figure reads the same in all three).

A cell holds ``str``, ``int``, a :class:`Rate` (printed as a percentage, ``—`` when nothing to divide
by) or ``None`` (blank). Columns under the same ``group`` share a merged upper header.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Literal

from app.domain.milestones import Stage
from app.domain.vocabulary import BreachKind, Sector, State, label
from app.reports.assessment import Assessment, UnitFigures
from app.reports.figures import Rate, SupervisionReport
from app.reports.typical import TypicalCase

Kind = Literal["text", "int", "rate", "auto"]
Cell = str | int | Rate | None

STAGE_NAMES = {Stage.FORWARD: "转办", Stage.CONCLUDE: "核实认定", Stage.RECTIFY: "整改", Stage.FEEDBACK: "反馈投诉人"}
TIMELINESS_NAMES = {Stage.FORWARD: "按时转办", Stage.CONCLUDE: "按时核实认定", Stage.RECTIFY: "按期整改",
                    Stage.FEEDBACK: "按时反馈"}


@dataclass(frozen=True)
class Column:
    label: str
    kind: Kind = "int"
    group: str | None = None  # the merged header above; None: the label spans both header rows
    width: float = 8  # in the workbook, in character widths (a CJK character counts 2)


@dataclass(frozen=True)
class ReportTable:
    name: str  # sheet and file name
    title: str
    columns: tuple[Column, ...]
    rows: tuple[tuple[Cell, ...], ...]
    total: tuple[Cell, ...] | None = None
    notes: tuple[str, ...] = ()

    @property
    def grouped(self) -> bool:
        return any(c.group for c in self.columns)


def period_name(start: date, end: date) -> str:
    """``2026年第三季度``, ``2026年上半年``, ``2026年``, ``2026年10月``, else ``2026年9月1日至10月31日``."""
    import calendar

    if start.year == end.year and start.day == 1 and end.day == calendar.monthrange(end.year, end.month)[1]:
        months = (start.month, end.month)
        quarters = {(1, 3): "第一季度", (4, 6): "第二季度", (7, 9): "第三季度", (10, 12): "第四季度",
                    (1, 6): "上半年", (7, 12): "下半年", (1, 12): ""}
        if months in quarters:
            return f"{start.year}年{quarters[months]}"
        if start.month == end.month:
            return f"{start.year}年{start.month}月"
        return f"{start.year}年{start.month}月至{end.month}月"
    tail = f"{end.month}月{end.day}日" if end.year == start.year else f"{end.year}年{end.month}月{end.day}日"
    return f"{start.year}年{start.month}月{start.day}日至{tail}"


def _unit_figures(unit: UnitFigures) -> tuple[Cell, ...]:
    s = unit.sanctions
    return (unit.received, unit.concluded, unit.substantiated, unit.closed, unit.overdue, unit.overdue_working_days,
            unit.breaches_confirmed, s.decided, s.in_force_at_end, s.expired, s.lifted, unit.credit_repaired)


def _unit_columns(first: str, width: float) -> tuple[Column, ...]:
    return (
        Column(first, "text", width=width), Column("受理投诉", width=7),
        Column("小计", group="核实认定", width=6), Column("其中属实", group="核实认定", width=6),
        Column("办结", width=6),
        Column("项数", group="期末超期未办", width=6), Column("超期工作日", group="期末超期未办", width=7),
        Column("认定违约失信", width=7),
        Column("本期决定", group="失信惩戒（项）", width=6), Column("期末实施中", group="失信惩戒（项）", width=7),
        Column("本期期满", group="失信惩戒（项）", width=6), Column("本期解除", group="失信惩戒（项）", width=6),
        Column("信用修复", width=6),
    )


def unit_table(name: str, title: str, first: str, units: tuple[UnitFigures, ...], total: UnitFigures) -> ReportTable:
    width = max([10.0, *(len(u.name) * 2 + 2 for u in units)])
    return ReportTable(name, title, _unit_columns(first, min(width, 34)),
                       tuple((u.name, *_unit_figures(u)) for u in units), ("合计", *_unit_figures(total)))


def _timeliness_figures(unit: UnitFigures) -> tuple[Cell, ...]:
    cells: list[Cell] = []
    for stage in Stage:
        t = unit.stage(stage)
        cells += [t.on_time, t.finished, t.rate]
    rate = unit.on_time
    return (*cells, rate.numerator, rate.denominator, rate)


def timeliness_table(name: str, title: str, first: str, units: tuple[UnitFigures, ...],
                     total: UnitFigures) -> ReportTable:
    columns = [Column(first, "text", width=min(max([10.0, *(len(u.name) * 2 + 2 for u in units)]), 34))]
    for stage in Stage:
        group = TIMELINESS_NAMES[stage]
        columns += [Column("按时", group=group, width=5), Column("完成", group=group, width=5),
                    Column("比率", "rate", group=group, width=7)]
    columns += [Column("按时", group="综合按时办理", width=5), Column("完成", group="综合按时办理", width=5),
                Column("比率", "rate", group="综合按时办理", width=7)]
    notes = ("“完成”为本期完成的环节次数，“按时”为其中不晚于期限完成的次数；整改环节的“完成”含拒不整改认定。",
             "比率 = 按时 ÷ 完成；本期没有完成的环节时比率为“—”。综合按时办理为四个环节合计。")
    return ReportTable(name, title, tuple(columns), tuple((u.name, *_timeliness_figures(u)) for u in units),
                       ("合计", *_timeliness_figures(total)), notes)


def summary_table(r: SupervisionReport, a: Assessment, typical: int, title: str) -> ReportTable:
    t = a.total
    s = r.sanctions
    rows: list[tuple[Cell, ...]] = [
        ("受理投诉（件）", r.received, "登记日期在本期内"),
        ("核实认定（次）", t.concluded, f"其中属实 {t.substantiated}"),
        ("属实率", r.substantiated, _fraction(r.substantiated)),
        ("办结（次）", t.closed, "含不予受理、合并"),
    ]
    for stage in Stage:
        timeliness = next(x for x in r.timeliness if x.stage == stage)
        rows.append((TIMELINESS_NAMES[stage] + "率", timeliness.rate, _fraction(timeliness.rate)))
    rows += [
        ("综合按时办理率", t.on_time, _fraction(t.on_time)),
        ("期末超期未办（项）", r.overdue_total, f"截至{a.as_of.isoformat()}"),
        ("认定违约失信（件）", r.breaches_confirmed, "拒不整改认定"),
        ("失信惩戒：本期决定（项）", s.decided, None),
        ("失信惩戒：期末实施中（项）", s.in_force_at_end, None),
        ("失信惩戒：本期期满（项）", s.expired, None),
        ("失信惩戒：本期因信用修复解除（项）", s.lifted, None),
        ("信用修复（件）", r.credit_repaired, None),
        ("典型案例（件）", typical, "本期标记"),
    ]
    columns = (Column("指标", "text", width=34), Column("数值", "auto", width=10), Column("说明", "text", width=30))
    notes = ("口径见《督办统计指标定义》（docs/figures.md）：统计按操作的记录日期，已结束期间的数字不因此后新增的记录而改变。",)
    if r.provisional:
        notes = (f"统计期间尚未结束，数字截至{r.as_of.isoformat()}，此后还会增加。", *notes)
    return ReportTable("汇总", title, columns, tuple(rows), None, notes)


def _fraction(rate: Rate) -> str:
    return f"{rate.numerator}/{rate.denominator}"


def overdue_table(r: SupervisionReport, title: str, places: dict[str, str]) -> ReportTable:
    columns = (Column("序号", width=5), Column("案号", "text", width=17), Column("县市", "text", width=10),
               Column("主管部门", "text", width=26), Column("被投诉主体", "text", width=26),
               Column("环节", "text", width=10), Column("期限", "text", width=11), Column("超期工作日", width=8))
    rows = tuple((i, o.case_no, places.get(o.region_code, o.region_code), o.department, o.respondent_name,
                  STAGE_NAMES[Stage(o.stage)], o.due_on, o.working_days_over) for i, o in enumerate(r.overdue, 1))
    notes = (f"截至{r.as_of.isoformat()}仍在办理、已过期限的环节，按超期工作日数从多到少排列。",)
    if r.overdue_total > len(r.overdue):
        notes += (f"共 {r.overdue_total} 项，本表列出超期最久的 {len(r.overdue)} 项。",)
    return ReportTable("超期清单", title, columns, rows, None, notes)


def typical_table(cases: tuple[TypicalCase, ...], title: str, places: dict[str, str]) -> ReportTable:
    columns = (Column("序号", width=5), Column("案号", "text", width=17), Column("县市", "text", width=10),
               Column("被投诉主体", "text", width=26), Column("领域", "text", width=12),
               Column("违约情形", "text", width=16), Column("办理状态", "text", width=12),
               Column("入选理由", "text", width=40))
    rows = tuple((i, c.case_no, places.get(c.region_code, c.region_code), c.respondent_name,
                  label(Sector(c.sector)), label(BreachKind(c.breach_kind)), label(State(c.state)), c.reason)
                 for i, c in enumerate(cases, 1))
    return ReportTable("典型案例", title, columns, rows)
