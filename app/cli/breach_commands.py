"""``breach list | show`` — the breach register 政务失信记录台账.

``register(sub, common)`` adds the ``breach`` command to the parser (``app/cli/arguments.py``).
"""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path

from app.cli.output import Output, json_ready
from app.cli.report_commands import _day as report_day
from app.cli.session import actor_from, profile_from
from app.common.lazy import lazy_module
from app.domain.breach_register import RECORD_STATUS_LABELS, RecordStatus
from app.domain.disclosure import masked_json
from app.domain.masking import mask_personal_text

credit_register = lazy_module("app.services.credit_register")
register_export = lazy_module("app.services.register_export")

# ``app.services.credit_register``'s filters and sorts, named here so that building the parser imports no
# service (tests/unit/test_cli_imports.py checks they agree)
SANCTION_FILTERS = ("in_force", "ended", "none")
SORTS = ("confirmed_on", "case_no", "respondent", "region", "changed_on", "amount")


def register(sub, common: argparse.ArgumentParser) -> None:
    from app.cli.arguments import ChineseParser

    group = sub.add_parser("breach", parents=[common], help="政务失信记录台账：查询、查看").add_subparsers(
        title="失信记录命令", metavar="命令", parser_class=ChineseParser)
    p = group.add_parser("list", parents=[common], help="列出政务失信记录（需 --user）")
    p.add_argument("--search", help="检索：单位名称（可用拼音或首字母）、统一社会信用代码、案号、认定部门")
    p.add_argument("--region", help="只看某一地区（行政区划代码，含下级）")
    p.add_argument("--department", help="只看某一认定部门（主管部门全称）")
    p.add_argument("--status", choices=[s.value for s in RecordStatus], metavar="状态",
                   help="in_force（有效）或 repaired（已修复）")
    p.add_argument("--sanctioned", action="store_true", help="只看今天仍有惩戒措施在实施的")
    p.add_argument("--sanction", choices=SANCTION_FILTERS, metavar="惩戒",
                   help="按惩戒情况：in_force（实施中）、ended（已结束）、none（未惩戒）")
    p.add_argument("--from", dest="date_from", help="认定日期起（2026-01-01）")
    p.add_argument("--to", dest="date_to", help="认定日期止（2026-12-31）")
    p.add_argument("--sort", default="confirmed_on", choices=SORTS, metavar="排序",
                   help="、".join(SORTS))
    p.add_argument("--asc", action="store_true", help="升序（默认降序）")
    p.add_argument("--limit", type=int, default=50, help="最多列出条数（默认 50；0 表示全部）")
    p.add_argument("--offset", type=int, default=0)
    p.add_argument("--xlsx", metavar="文件", help="把符合条件的全部记录导出为 Excel 台账（不受 --limit 限制）")
    p.add_argument("--force", action="store_true", help="覆盖已存在的文件")
    p.set_defaults(handler=list_)
    p = group.add_parser("show", parents=[common], help="查看一条政务失信记录（按案号，需 --user）")
    p.add_argument("case_no", metavar="案号")
    p.set_defaults(handler=show)


def _day(value: str | None, option: str) -> date | None:
    return report_day(value.strip(), option) if value else None


def list_(args, out: Output) -> int:
    profile = profile_from(args)
    actor = actor_from(args, profile)
    f = credit_register.RegisterFilter(search=args.search or "", region_code=args.region, department=args.department,
                       status=args.status, sanctioned_now=args.sanctioned, sanction=args.sanction,
                       confirmed_from=_day(args.date_from, "--from"), confirmed_to=_day(args.date_to, "--to"),
                       sort=args.sort, ascending=args.asc)
    if args.xlsx:
        written = register_export.export_register(profile, actor, f, Path(args.xlsx), force=args.force)
        out.result({"path": str(written.path), "records": written.records},
                   f"已导出 {written.records} 条政务失信记录：{written.path}")
        return 0
    page = credit_register.register_page(profile, actor, f, offset=max(0, args.offset),
                                         limit=args.limit if args.limit > 0 else None)
    rows = [[r.case_no, r.respondent_name, r.respondent_code or "—", r.region_name, r.confirmed_on,
             r.confirmed_by, r.status_label, str(len(r.sanctions_in_force)), r.repaired_on or "—"] for r in page.rows]
    summary = (f"共 {page.total} 条（有效 {page.in_force} 条，已修复 {page.total - page.in_force} 条；"
               f"今日仍在惩戒 {page.sanctioned_now} 条）")
    text = out.table(["案号", "失信主体", "统一社会信用代码", "地区", "认定日期", "认定部门", "状态", "实施中惩戒",
                      "修复日期"], rows) + "\n" + summary if rows else "没有符合条件的政务失信记录"
    out.result({"total": page.total, "in_force": page.in_force, "sanctioned_now": page.sanctioned_now,
                "records": [_json(r) for r in page.rows]}, text)
    return 0


def show(args, out: Output) -> int:
    profile = profile_from(args)
    actor = actor_from(args, profile)
    record = credit_register.register_record(profile, actor, args.case_no)
    # a phone or ID number typed into the facts or the evidence is masked (app.domain.disclosure)
    out.result(masked_json(json_ready(_json(record))), mask_personal_text(describe(record)))
    return 0


def _json(r: credit_register.BreachRecord) -> dict:
    return {
        "case_no": r.case_no, "complaint_id": r.complaint_id, "office_code": r.office_code,
        "respondent_kind": r.respondent_kind, "claim_cents": r.claim_cents, "repair_evidence": r.repair_evidence,
        "sanction_count": len(r.sanctions), "respondent_name": r.respondent_name, "respondent_code": r.respondent_code,
        "region_code": r.region_code, "region_name": r.region_name, "department": r.department,
        "confirmed_by": r.confirmed_by, "confirmed_on": r.confirmed_on, "recorded_on": r.recorded_on,
        "ground": r.ground, "ground_detail": r.ground_detail, "facts": r.facts, "document_ref": r.document_ref,
        "status": r.status, "status_label": r.status_label, "repaired_on": r.repaired_on,
        "repair_recorded_on": r.repair_recorded_on, "repair_document": r.repair_document,
        "complainant_name": r.complainant_name, "agreement_title": r.agreement_title, "claim_yuan": r.claim_yuan,
        "sanctions": [{"measures": list(s.measures), "imposed_by": s.imposed_by, "start_on": s.start_on,
                       "end_on": s.end_on, "lifted_on": s.lifted_on, "status": s.status.value,
                       "status_label": s.status_label} for s in r.sanctions],
        "accountability": list(r.accountability), "changed_on": r.changed_on, "digest": r.digest,
    }


def describe(r: credit_register.BreachRecord) -> str:
    lines = [
        f"政务失信记录  {r.case_no}（{RECORD_STATUS_LABELS[RecordStatus(r.status)]}）",
        f"失信主体：{r.respondent_name}" + (f"（统一社会信用代码 {r.respondent_code}）" if r.respondent_code else ""),
        f"所在地区：{r.region_name}    主管部门：{r.department}",
        f"认定部门：{r.confirmed_by}    认定日期：{r.confirmed_on}" + (f"    文号：{r.document_ref}" if r.document_ref else ""),
        f"涉及协议：{r.agreement_title}" + (f"    诉求金额：{r.claim_yuan} 元" if r.claim_yuan else ""),
        f"投诉企业：{r.complainant_name}",
        f"失信事实：{r.facts}",
    ]
    if r.ground_detail:
        lines.append(f"拒不整改情形：{r.ground_detail}")
    if r.sanctions:
        lines.append("惩戒措施：")
        for i, s in enumerate(r.sanctions, 1):
            lines.append(f"  {i}. {'、'.join(s.measures)}；实施单位：{s.imposed_by}；期限：{s.period}；"
                         f"{s.status_label}" + (f"（{s.lifted_on} 解除）" if s.lifted_on else ""))
    else:
        lines.append("惩戒措施：无")
    for a in r.accountability:
        people = "、".join(f"{p.get('position') or ''}（{p.get('outcome') or ''}）" for p in a.get("persons", []))
        lines.append(f"追究责任：{a.get('decided_by')} {a.get('decided_on')}：{people}")
    if r.repaired_on:
        lines.append(f"信用修复：{r.repaired_on} 履约完毕" + (f"；告知书 {r.repair_document}" if r.repair_document else "")
                     + (f"；{r.repair_evidence}" if r.repair_evidence else ""))
    return "\n".join(lines)
