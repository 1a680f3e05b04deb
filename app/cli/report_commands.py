"""``report``: the supervision figures of a period (督办统计), as text or ``--json``; with ``--xlsx``,
``--pdf`` and ``--csv`` also the workbook, the 调度通报 (a draft, or ``--issue`` to number it) and the
CSV files. Every file is written whole or not at all (a temporary file renamed into place)."""

from __future__ import annotations

from datetime import date

from app.cli import report_exports as exports
from app.cli.output import Output
from app.cli.session import actor_from, profile_from
from app.common.lazy import lazy_module
from app.domain.errors import DomainError
from app.domain.milestones import Stage
from app.domain.vocabulary import Channel, Finding, Sector, State, label

_figures = lazy_module("app.reports.figures")
reports = lazy_module("app.services.reports")

STAGE_LABELS = {Stage.FORWARD: "转办", Stage.CONCLUDE: "核实认定", Stage.RECTIFY: "整改", Stage.FEEDBACK: "反馈投诉人"}
TIMELINESS_LABELS = {Stage.FORWARD: "按时转办率", Stage.CONCLUDE: "按时核实认定率", Stage.RECTIFY: "按期整改率",
                     Stage.FEEDBACK: "按时反馈率"}
DURATION_LABELS = {Stage.FORWARD: "收件→转办", Stage.CONCLUDE: "转办→核实认定", Stage.RECTIFY: "认定属实→整改完成",
                   Stage.FEEDBACK: "办理结果→反馈投诉人"}


def register(sub, common) -> None:
    p = sub.add_parser("report", parents=[common], help="督办统计（期间、地区、部门；定义见 docs/figures.md）")
    p.add_argument("--from", dest="date_from", required=True, help="统计期间起（含），如 2026-01-01")
    p.add_argument("--to", dest="date_to", required=True, help="统计期间止（含），如 2026-06-30")
    p.add_argument("--region", help="行政区划代码（默认本单位），如 532322")
    p.add_argument("--department", help="只统计转办至该主管部门的案件（部门全称）")
    p.add_argument("--overdue-limit", type=int, default=200, help="超期清单最多列出的项数（默认 200，0 表示全部）")
    p.add_argument("--xlsx", metavar="FILE", help="导出统计报表（Excel 工作簿，按 A4 横向打印排好）")
    p.add_argument("--pdf", metavar="FILE", help="生成调度通报 PDF（默认为草稿，不编号）")
    p.add_argument("--issue", action="store_true", help="与 --pdf 同用：正式印发调度通报，取发文字号并登记（审核人）")
    p.add_argument("--csv", metavar="DIR", help="导出 CSV 文件（每张表一个文件，UTF-8 带 BOM）到该文件夹")
    p.add_argument("--force", action="store_true", help="覆盖已存在的文件")
    p.set_defaults(handler=report)


def _day(text: str, option: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise DomainError("filter_invalid", detail=f"{option} 应为 YYYY-MM-DD 格式的日期：{text}") from None


def report(args, out: Output) -> int:
    start, end = _day(args.date_from, "--from"), _day(args.date_to, "--to")
    if args.issue and not args.pdf:
        raise DomainError("filter_invalid", detail="--issue 须与 --pdf 同用")
    targets = exports.targets(args.xlsx, args.pdf, args.csv, force=args.force)
    profile = profile_from(args)
    try:
        if args.user:
            actor = actor_from(args, profile)
        else:
            from app.cli.complaint_commands import _office_reader

            actor = _office_reader(profile)
        figures = reports.supervision(profile, actor, start, end, region_code=args.region,
                                      department=args.department, overdue_limit=args.overdue_limit or None)
        written = exports.write(profile, actor, start, end, targets, region_code=args.region,
                                department=args.department, issue=args.issue)
    finally:
        profile.close()
    data = figures.to_json()
    if written:
        data["files"] = written
    out.result(data, render(figures) + "".join(f"\n已生成：{line}" for line in exports.describe(written)))
    return 0


def _rate(rate: _figures.Rate) -> str:
    value = rate.value
    return f"{rate.numerator}/{rate.denominator}（{value * 100:.1f}%）" if value is not None else f"{rate.numerator}/0（—）"


def _labelled(counts, enum) -> str:
    return "、".join(f"{label(enum(c.key))} {c.count}" for c in counts) or "无"


def _place(code: str) -> str:
    from app.domain.regions import RegionRegistry

    region = RegionRegistry.load_default().find(code)
    return f"{region.name}（{code}）" if region else code


def render(r: _figures.SupervisionReport) -> str:
    lines = [f"督办统计  {r.period_from} 至 {r.period_to}  地区 {_place(r.region_code)}"
             + (f"  部门 {r.department}" if r.department else "")
             + ("（期间未结束，数字截至 " + r.as_of.isoformat() + "）" if r.provisional else ""), ""]
    lines.append(f"受理投诉 {r.received} 件")
    lines.append(f"  按渠道：{_labelled(r.received_by_channel, Channel)}")
    lines.append(f"  按领域：{_labelled(r.received_by_sector, Sector)}")
    lines.append("  按地区：" + ("、".join(f"{_place(c.key)} {c.count}" for c in r.received_by_county) or "无"))
    lines.append("  被投诉较多的主体：" + ("、".join(f"{c.key} {c.count}" for c in r.received_by_respondent[:10]) or "无"))
    lines.append(f"期末状态（{r.as_of}）：{_labelled(r.states_at_end, State)}")
    lines.append("办理时效：" + "；".join(f"{TIMELINESS_LABELS[Stage(t.stage)]} {_rate(t.rate)}" for t in r.timeliness))
    lines.append("各环节用时（工作日，中位数/第90百分位）：" + "；".join(
        f"{DURATION_LABELS[Stage(d.stage)]} {d.median if d.median is not None else '—'}/"
        f"{d.p90 if d.p90 is not None else '—'}（{d.count} 件）" for d in r.durations))
    lines.append(f"核实认定：{_labelled(r.conclusions, Finding)}；属实率 {_rate(r.substantiated)}")
    s = r.sanctions
    lines.append(f"认定违约失信 {r.breaches_confirmed} 件；惩戒决定 {s.decided} 项，期末实施中 {s.in_force_at_end} 项，"
                 f"期满 {s.expired} 项，因信用修复解除 {s.lifted} 项；信用修复 {r.credit_repaired} 件")
    lines.append(f"期末超期未办 {r.overdue_total} 项")
    for group in r.overdue_by_county:
        lines.append(f"  {_place(group.key)}：{group.count} 项，超期合计 {group.working_days_over} 个工作日，"
                     f"最长 {group.most_working_days_over} 个工作日")
    for item in r.overdue[:20]:
        lines.append(f"    {item.case_no}  {STAGE_LABELS[Stage(item.stage)]}  期限 {item.due_on}  "
                     f"超期 {item.working_days_over} 个工作日  {item.department}")
    if r.overdue_total > 20:
        lines.append(f"    ……另有 {r.overdue_total - 20} 项（--json --overdue-limit 0 输出全部）")
    repeats = [x for x in r.repeat_respondents if x.breaches >= 2]
    lines.append(f"多次被投诉的主体 {sum(1 for x in r.repeat_respondents if x.complaints >= 2)} 个；"
                 f"多次违约失信的主体 {len(repeats)} 个" + ("：" + "、".join(
                     f"{x.respondent_name}（{x.breaches} 次）" for x in repeats[:10]) if repeats else ""))
    return "\n".join(lines)
