"""``typical propose | show | decide | list | export | rules`` — typical cases 典型案例 (seed §四(八)).

``register(sub, common)`` adds the ``typical`` command to the parser (``app/cli/arguments.py``).
"""

from __future__ import annotations

import argparse
import calendar
import re
from datetime import date
from pathlib import Path

from app.cli.output import Output
from app.cli.session import actor_from, profile_from
from app.common.lazy import lazy_module
from app.domain import typical as rules
from app.domain.errors import DomainError

typical_cases = lazy_module("app.services.typical_cases")
typical_export = lazy_module("app.services.typical_export")

PERIOD_HELP = "期间：2026（全年）、2026-Q3（季度）、2026-09（月份）或 2026-01-01:2026-06-30"


def parse_period(value: str | None) -> tuple[date | None, date | None]:
    """``2026`` / ``2026-Q3`` / ``2026-09`` / ``2026-01-01:2026-06-30`` → (first day, last day)."""
    if not value:
        return None, None
    value = value.strip()
    try:
        if re.fullmatch(r"\d{4}", value):
            return date(int(value), 1, 1), date(int(value), 12, 31)
        if m := re.fullmatch(r"(\d{4})-[Qq]([1-4])", value):
            year, quarter = int(m[1]), int(m[2])
            last = quarter * 3
            return date(year, last - 2, 1), date(year, last, calendar.monthrange(year, last)[1])
        if m := re.fullmatch(r"(\d{4})-(\d{1,2})", value):
            year, month = int(m[1]), int(m[2])
            return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])
        if m := re.fullmatch(r"(\d{4}-\d{2}-\d{2})\s*[:：~]\s*(\d{4}-\d{2}-\d{2})", value):
            start, end = date.fromisoformat(m[1]), date.fromisoformat(m[2])
            if end < start:
                raise DomainError("period_reversed")
            return start, end
    except ValueError:
        pass
    raise DomainError("filter_invalid", detail=f"--period 格式不对：{value}（{PERIOD_HELP}）")


def register(sub, common: argparse.ArgumentParser) -> None:
    from app.cli.arguments import ChineseParser

    group = sub.add_parser("typical", parents=[common], help="典型案例：推荐、审定、公示导出").add_subparsers(
        title="典型案例命令", metavar="命令", parser_class=ChineseParser)
    p = group.add_parser("propose", parents=[common], help="按标准推荐典型案例（需 --user）")
    p.add_argument("--period", help="只看该期间内确认失信的案件；" + PERIOD_HELP)
    p.add_argument("--region", help="只看某一地区（行政区划代码，含下级）")
    p.add_argument("--limit", type=int, default=50, help="最多列出条数（默认 50；0 表示全部）")
    p.set_defaults(handler=propose)
    p = group.add_parser("show", parents=[common], help="查看一件案件的标准符合情况、摘要草稿和历次决定")
    p.add_argument("case_no", metavar="案号")
    p.set_defaults(handler=show)
    p = group.add_parser("decide", parents=[common], help="审定：accept 列为典型案例，decline 不列入（审核人）")
    p.add_argument("case_no", metavar="案号")
    p.add_argument("decision", choices=["accept", "decline"], metavar="决定", help="accept 或 decline")
    p.add_argument("--reason", required=True, help="决定的理由")
    p.add_argument("--summary-file", help="案例摘要（UTF-8 文本文件）；不给出时使用按记录生成的草稿")
    p.set_defaults(handler=decide)
    p = group.add_parser("list", parents=[common], help="列出已列为典型案例的案件")
    p.add_argument("--period", help="按列入日期；" + PERIOD_HELP)
    p.set_defaults(handler=list_)
    p = group.add_parser("export", parents=[common], help="导出供“信用云南”公示的典型案例（个人信息已遮蔽）")
    p.add_argument("-o", "--output", required=True, metavar="DIR", help="输出文件夹")
    p.add_argument("--period", help="按列入日期；" + PERIOD_HELP)
    p.set_defaults(handler=export)
    p = group.add_parser("rules", parents=[common], help="查看典型案例推荐标准及阈值")
    p.set_defaults(handler=rules_)


def propose(args, out: Output) -> int:
    profile = profile_from(args)
    actor = actor_from(args, profile)
    start, end = parse_period(args.period)
    result = typical_cases.propose(profile, actor, period_from=start, period_to=end, region_code=args.region,
                                   limit=args.limit if args.limit > 0 else None)
    rows = [[str(i), p.case_no, p.respondent_name, p.region_name, p.confirmed_on, p.groups_text, p.criteria_text
             + ("（曾决定不列入，现有新情况）" if p.declined_before else "")] for i, p in enumerate(result.rows, 1)]
    note = f"共推荐 {len(result.rows)} 件" + (f"；另有 {result.declined_hidden} 件已决定不列入且无新情况" if
                                             result.declined_hidden else "")
    text = (out.table(["序", "案号", "失信主体", "地区", "确认日期", "类别", "符合的标准"], rows) + "\n" + note
            if rows else "没有符合推荐标准的案件" + (f"（{note}）" if result.declined_hidden else ""))
    out.result({"proposals": [{"case_no": p.case_no, "respondent_name": p.respondent_name,
                               "region_code": p.region_code, "confirmed_on": p.confirmed_on,
                               "claim_yuan": p.claim_yuan, "criteria": p.criteria, "declined_before": p.declined_before}
                              for p in result.rows], "declined_hidden": result.declined_hidden,
                "period_to": result.period_to}, text)
    return 0


def show(args, out: Output) -> int:
    profile = profile_from(args)
    actor = actor_from(args, profile)
    v = typical_cases.view(profile, actor, args.case_no)
    c = v.complaint
    lines = [f"案号 {c.case_no}  失信主体 {c.intake['respondent']['name']}  地区 {v.region_name}"
             + ("  （已列为典型案例）" if c.typical else ""),
             "符合的标准：" + ("；".join(rules.describe(k, f) for k, f in v.criteria.items()) or "无"),
             "案例摘要" + ("（已审定）：" if c.typical_summary else "（草稿，可编辑后用 decide --summary-file 提交）："),
             v.summary]
    if v.decisions:
        lines.append("历次决定：")
        for d in v.decisions:
            lines.append(f"  {d.on}  {d.actor}  {'列为典型案例' if d.typical else '不列入/取消'}：{d.reason}")
    out.result({"case_no": c.case_no, "typical": c.typical, "criteria": v.criteria, "draft": v.draft,
                "summary": v.summary, "decisions": [{"on": d.on, "actor": d.actor, "typical": d.typical,
                                                     "reason": d.reason, "criteria": d.criteria}
                                                    for d in v.decisions]}, "\n".join(lines))
    return 0


def decide(args, out: Output) -> int:
    profile = profile_from(args)
    actor = actor_from(args, profile)
    summary = None
    if args.summary_file:
        from app.cli.encoding import read_text

        summary = read_text(args.summary_file, out.info)
    accept = args.decision == "accept"
    acted = typical_cases.decide(profile, actor, args.case_no, accept=accept, reason=args.reason, summary=summary)
    out.result({"case_no": acted.case_no, "event_id": acted.event_id, "typical": accept},
               f"{acted.case_no}：" + ("已列为典型案例" if accept else "已决定不列为典型案例（无新情况不再推荐）"))
    return 0


def list_(args, out: Output) -> int:
    profile = profile_from(args)
    actor = actor_from(args, profile)
    start, end = parse_period(args.period)
    cases = typical_cases.published(profile, actor, period_from=start, period_to=end)
    rows = [[c.case_no, c.complaint.intake["respondent"]["name"], c.region_name, c.marked_on.isoformat(), c.reason]
            for c in cases]
    out.result({"cases": [{"case_no": c.case_no, "respondent_name": c.complaint.intake["respondent"]["name"],
                           "marked_on": c.marked_on, "reason": c.reason, "criteria": c.criteria,
                           "summary": c.summary} for c in cases]},
               out.table(["案号", "失信主体", "地区", "列入日期", "理由"], rows) + f"\n共 {len(rows)} 件"
               if rows else "没有已列为典型案例的案件")
    return 0


def export(args, out: Output) -> int:
    profile = profile_from(args)
    actor = actor_from(args, profile)
    start, end = parse_period(args.period)
    result = typical_export.export(profile, actor, Path(args.output), period_from=start, period_to=end)
    out.result({"cases": result.cases, "files": [str(p) for p in result.files]},
               f"已导出 {result.cases} 件典型案例（个人信息已遮蔽）：\n" + "\n".join(str(p) for p in result.files))
    return 0


def rules_(args, out: Output) -> int:
    profile = profile_from(args)
    t = typical_cases.thresholds(profile)
    lines = rules.threshold_text(t)
    out.result({"thresholds": t.__dict__, "rules": [list(line) for line in lines]},
               out.table(["类别", "标准", "条件"], [list(line) for line in lines])
               + f"\n阈值表：{profile.files.home / typical_cases.OVERRIDE_NAME}（如有）或 {rules.CRITERIA_FILE}")
    return 0
