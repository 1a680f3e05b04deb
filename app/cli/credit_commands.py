"""``credit check | checks | reprint`` — credit checks 信用核查 (``app.services.credit_check``).

``register(sub, common)`` adds the ``credit`` command to the parser (``app/cli/arguments.py``).
"""

from __future__ import annotations

import argparse
from pathlib import Path

from app.cli.output import Output
from app.cli.session import actor_from, profile_from
from app.common.lazy import lazy_module

credit_check = lazy_module("app.services.credit_check")
_file_output = lazy_module("app.services.file_output")


def register(sub, common: argparse.ArgumentParser) -> None:
    from app.cli.arguments import ChineseParser

    group = sub.add_parser("credit", parents=[common], help="信用核查：查询单位的政务失信记录并出具核查结果").add_subparsers(
        title="信用核查命令", metavar="命令", parser_class=ChineseParser)
    p = group.add_parser("check", parents=[common], help="核查一个单位（名称、拼音首字母或统一社会信用代码；需 --user）")
    p.add_argument("query", metavar="名称或代码")
    p.add_argument("-o", "--output", help="出具核查结果告知单（编号并记录），保存为此 PDF 文件；不给则只查看结果")
    p.add_argument("--for", dest="requester", help="申请核查的单位（告知单的主送单位）")
    p.set_defaults(handler=check)
    p = group.add_parser("checks", parents=[common], help="列出本机出具的信用核查记录（需 --user）")
    p.add_argument("--search", default="", help="编号、单位名称、代码或查询内容的一部分")
    p.add_argument("--limit", type=int, default=50, help="最多列出条数（默认 50；0 表示全部）")
    p.set_defaults(handler=checks)
    p = group.add_parser("reprint", parents=[common], help="重新打印一份核查结果（与原件逐字节相同；需 --user）")
    p.add_argument("number", metavar="编号")
    p.add_argument("-o", "--output", required=True, help="保存 PDF 的文件名")
    p.set_defaults(handler=reprint)


def check(args, out: Output) -> int:
    profile = profile_from(args)
    actor = actor_from(args, profile)
    name, code = credit_check.resolve(profile, actor, args.query)
    if args.output:
        issued = credit_check.issue(profile, actor, name=name, code=code, query=args.query, requester=args.requester)
        path = _file_output.write_file(Path(args.output).expanduser(), issued.pdf)
        data = {**_json(issued.result), "number": issued.number, "file": str(path), "sha256": issued.sha256,
                "pages": issued.pages}
        out.result(data, describe(issued.result) + f"\n已出具 {issued.number}（{issued.pages} 页），保存为 {path}")
        return 0
    checked = credit_check.result(profile, actor, name=name, code=code, query=args.query)
    out.result({**_json(checked), "number": None},
               describe(checked) + "\n（仅查看，未出具；加 -o 文件名.pdf 出具编号的核查结果告知单）")
    return 0


def checks(args, out: Output) -> int:
    profile = profile_from(args)
    actor = actor_from(args, profile)
    rows = credit_check.checks(profile, actor, search=args.search, limit=args.limit if args.limit > 0 else None)
    table = [[r.number, r.checked_on, r.actor_name, r.body_name or "—", r.body_code or "—", r.verdict_label,
              "、".join(r.case_nos) or "—"] for r in rows]
    text = out.table(["编号", "核查日期", "核查人", "单位", "统一社会信用代码", "结论", "失信记录"], table) if rows \
        else "没有信用核查记录"
    out.result({"checks": [{"number": r.number, "checked_on": r.checked_on, "checked_at": r.checked_at,
                            "actor": r.actor, "actor_name": r.actor_name, "query": r.query, "body_name": r.body_name,
                            "body_code": r.body_code, "requester": r.requester, "verdict": r.verdict,
                            "verdict_label": r.verdict_label, "case_nos": list(r.case_nos),
                            "record_nums": list(r.record_nums), "sha256": r.sha256, "pages": r.pages}
                           for r in rows]}, text)
    return 0


def reprint(args, out: Output) -> int:
    profile = profile_from(args)
    actor = actor_from(args, profile)
    pdf = credit_check.reprint(profile, actor, args.number)
    path = _file_output.write_file(Path(args.output).expanduser(), pdf)
    out.result({"number": args.number.strip(), "file": str(path)}, f"已重新打印 {args.number.strip()}，保存为 {path}")
    return 0


def _json(r: credit_check.CheckResult) -> dict:
    return {
        "query": r.query, "body_name": r.body_name, "body_code": r.body_code, "body_region": r.body_region,
        "as_of": r.as_of.isoformat(), "scope": r.scope.region_code, "scope_name": r.scope.description,
        "verdict": r.verdict, "verdict_label": r.verdict_label, "statement": r.statement,
        "limits": list(r.limits), "consequence": r.consequence,
        "records": [{"num": x.num, "case_no": x.case_no, "confirmed_by": x.confirmed_by,
                     "confirmed_on": x.confirmed_on, "status": x.status, "status_label": x.status_label,
                     "repaired_on": x.repaired_on, "sanctions": [
                         {"measures": list(s.measures), "imposed_by": s.imposed_by, "period": s.period,
                          "status_label": s.status_label, "lifted_on": s.lifted_on} for s in x.sanctions]}
                    for x in r.records],
    }


def describe(r: credit_check.CheckResult) -> str:
    lines = [f"核查结论：{r.verdict_label}", r.statement]
    if r.consequence:
        lines.append(r.consequence)
    for x in r.records:
        lines.append(f"  {x.case_no}  {x.confirmed_on} {x.confirmed_by} 认定  {x.status_label}"
                     + (f"（{x.repaired_on} 修复）" if x.repaired_on else ""))
        for s in x.sanctions:
            lines.append(f"      惩戒：{'、'.join(s.measures)}；{s.imposed_by}；{s.period}；{s.status_label}")
    lines += list(r.limits)
    return "\n".join(lines)
