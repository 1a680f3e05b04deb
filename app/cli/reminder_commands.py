"""``remind list | issue`` — overdue steps by department, and 催办函 / 督办通知 in a batch.

``register(sub, common)`` adds the ``remind`` command to the parser (``app/cli/arguments.py``).
"""

from __future__ import annotations

import argparse
import sys

from app.cli.document_commands import _check_target, _write
from app.cli.output import Output
from app.cli.session import actor_from, profile_from
from app.common.lazy import lazy_module
from app.domain.document_kinds import KIND_LABELS
from app.domain.errors import DomainError
from app.domain.reminders import SUPERVISION_NOTICE, URGE_LETTER

reminders = lazy_module("app.services.reminders")

KINDS = (URGE_LETTER, SUPERVISION_NOTICE)


def register(sub, common: argparse.ArgumentParser) -> None:
    from app.cli.arguments import ChineseParser

    group = sub.add_parser("remind", parents=[common], help="催办督办：超期事项清单，批量开具催办函、督办通知").add_subparsers(
        title="催办督办命令", metavar="命令", parser_class=ChineseParser)

    p = group.add_parser("list", parents=[common], help="按部门列出超期未办的核实认定、整改、反馈事项（需 --user）")
    p.add_argument("--region", help="只看某一县（市）的行政区划代码，如 532322")
    p.add_argument("--department", help="只看名称中含有这些字的责任单位，如 农业农村局")
    p.set_defaults(handler=list_)

    kinds = "、".join(f"{k}（{KIND_LABELS[k]}）" for k in KINDS)
    p = group.add_parser("issue", parents=[common], help="批量开具催办函或督办通知（每件单独取号、记录，需 --user）")
    p.add_argument("cases", nargs="*", metavar="案号", help="要催办或督办的案号，可写多个")
    p.add_argument("--kind", choices=KINDS, metavar="种类", help=kinds)
    p.add_argument("--all-overdue", action="store_true", help="对当前可开具该文书的全部超期事项开具")
    p.add_argument("--region", help="与 --all-overdue 合用：只开具某一县（市）的")
    p.add_argument("--department", help="与 --all-overdue 合用：只开具责任单位名称含有这些字的")
    p.add_argument("--pdf", help="把本批文书合并为一个 PDF 保存，便于一次打印")
    p.add_argument("--force", action="store_true", help="覆盖已存在的 PDF 文件")
    p.set_defaults(handler=issue)


def list_(args, out: Output) -> int:
    profile = profile_from(args)
    actor = actor_from(args, profile)
    items = reminders.overdue_steps(profile, actor, region=args.region, department=args.department)
    groups = reminders.by_department(items)
    lines: list[str] = []
    for g in groups:
        lines.append(f"{g.region_name}  {g.responsible}（{len(g.items)} 件，最多超期 {g.most_days_over} 个工作日）")
        rows = [[i.case_no, i.step_label, i.due_on.isoformat(), str(i.working_days_over), str(i.urged),
                 str(i.supervised), "、".join(KIND_LABELS[k] for k in i.kinds) or "—"] for i in g.items]
        lines.append(out.table(["案号", "超期环节", "期限", "超期工作日", "已催办", "已督办", "可开具"], rows))
        lines.append("")
    text = "\n".join(lines) + f"共 {len(items)} 项超期未办" if items else "没有超期未办的事项"
    out.result({"total": len(items), "groups": groups}, text)
    return 0


def issue(args, out: Output) -> int:
    if not args.kind:
        raise DomainError("reminder_kind_required")
    if args.cases and args.all_overdue:
        raise DomainError("reminder_cases_conflict")
    profile = profile_from(args)
    actor = actor_from(args, profile)
    if args.pdf:
        args.output = args.pdf
        _check_target(args)
    refs = list(args.cases)
    if args.all_overdue:
        items = reminders.overdue_steps(profile, actor, region=args.region, department=args.department)
        refs = [i.case_no for i in items if args.kind in i.kinds]
        if not refs:
            out.result({"issued": [], "failed": []}, f"没有可开具{KIND_LABELS[args.kind]}的超期事项")
            return 0
    if not refs:
        raise DomainError("reminder_nothing_selected")
    result = reminders.issue_batch(profile, actor, args.kind, refs,
                                   progress=None if args.json else _progress)
    path = _write(args, result.pdf) if args.pdf and result.pdf else None
    lines = [f"已开具 {d.number}（案件 {d.case_no}，{d.pages} 页）" for d in result.issued]
    lines += [f"未开具 {f.ref}：{f.message}" for f in result.failed]
    lines.append(f"共开具{result.kind_label} {len(result.issued)} 件，未开具 {len(result.failed)} 件"
                 + (f"；合并 PDF 已保存到 {path}" if path else ""))
    out.result({"issued": result.issued, "failed": result.failed, "file": str(path) if path else None},
               "\n".join(lines))
    return 1 if result.failed or not result.issued else 0


def _progress(done: int, total: int, ref: str) -> None:
    print(f"\r正在开具 {done}/{total}：{ref}", end="" if done < total else "\n", file=sys.stderr, flush=True)
