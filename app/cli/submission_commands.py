"""``submission new | list | show | export | mark-sent | discard | fields`` — submissions to the province
上报省平台 (``app.services.credit_submissions``; fields and assumptions in docs/credit-submission.md).

``register(sub, common)`` adds the ``submission`` command to the parser (``app/cli/arguments.py``).
"""

from __future__ import annotations

import argparse
from pathlib import Path

from app.cli.output import Output
from app.cli.report_commands import _day
from app.cli.session import actor_from, profile_from
from app.common.lazy import lazy_module
from app.domain.submission_fields import FORMATS

submissions = lazy_module("app.services.credit_submissions")


def register(sub, common: argparse.ArgumentParser) -> None:
    from app.cli.arguments import ChineseParser

    group = sub.add_parser("submission", parents=[common], help="上报省平台：政务失信记录报送批次").add_subparsers(
        title="报送命令", metavar="命令", parser_class=ChineseParser)
    p = group.add_parser("new", parents=[common], help="生成报送批次（新增、变更、修复的记录；需 --user）")
    p.add_argument("--period", required=True, help="报送期间（年月），如 2026-11")
    p.add_argument("-o", "--output", metavar="DIR", help="同时导出文件到该文件夹")
    p.add_argument("--preview", action="store_true", help="只预览条数，不生成")
    p.set_defaults(handler=new)
    p = group.add_parser("list", parents=[common], help="列出报送批次（需 --user）")
    p.set_defaults(handler=list_)
    p = group.add_parser("show", parents=[common], help="查看一个报送批次（编号或序号；需 --user）")
    p.add_argument("number", metavar="编号")
    p.set_defaults(handler=show)
    p = group.add_parser("export", parents=[common], help="导出报送文件（JSON、xlsx、.sha256；需 --user）")
    p.add_argument("number", metavar="编号")
    p.add_argument("-o", "--output", required=True, metavar="DIR", help="导出到该文件夹")
    p.set_defaults(handler=export)
    p = group.add_parser("mark-sent", parents=[common], help="登记已报送省平台（日期、经办人；需 --user）")
    p.add_argument("number", metavar="编号")
    p.add_argument("--on", required=True, help="报送日期，如 2026-12-05")
    p.set_defaults(handler=mark_sent)
    p = group.add_parser("discard", parents=[common], help="删除未导出的报送草稿（需 --user）")
    p.add_argument("number", metavar="编号")
    p.set_defaults(handler=discard)
    p = group.add_parser("fields", parents=[common], help="列出报送字段对照表")
    p.set_defaults(handler=fields)


def _warnings(unsent: tuple[str, ...]) -> list[str]:
    return [f"提醒：报送批次 {n} 已导出但尚未登记已报送（报送后请执行 submission mark-sent）" for n in unsent]


def _info_json(i: submissions.SubmissionInfo) -> dict:
    return {"id": i.id, "number": i.number, "period": i.period, "status": i.status, "status_label": i.status_label,
            "created_at": i.created_at, "created_by": i.created_by, "new": i.new, "changed": i.changed,
            "repaired": i.repaired, "total": i.total, "checksum": i.checksum, "field_version": i.field_version,
            "exported_at": i.exported_at, "exported_to": i.exported_to, "sent_on": i.sent_on, "sent_by": i.sent_by}


def _detail_json(d: submissions.SubmissionDetail) -> dict:
    return {**_info_json(d.info), "fields": [{"id": i, "title": t} for i, t in d.fields],
            "items": [{"case_no": i.case_no, "kind": i.kind, "kind_label": i.kind_label, "digest": i.digest,
                       "values": i.values} for i in d.items],
            "held_back": [{"case_no": h.case_no, "problems": list(h.problems)} for h in d.held_back]}


def _held(held) -> list[str]:
    return [f"暂缓报送 {h.case_no}：{'；'.join(h.problems)}" for h in held]


def _preview_text(p: submissions.Preview) -> str:
    lines = [f"{p.period} 报送预览：新增 {p.new} 条，变更 {p.changed} 条，修复 {p.repaired} 条（共 {p.total} 条）"]
    lines += _held(p.held_back)
    if p.draft:
        lines.append(f"提醒：已有未导出的报送草稿 {p.draft}")
    return "\n".join(lines + _warnings(p.unsent))


def new(args, out: Output) -> int:
    profile = profile_from(args)
    actor = actor_from(args, profile)
    if args.preview:
        p = submissions.preview(profile, actor, args.period)
        out.result({"period": p.period, "new": p.new, "changed": p.changed, "repaired": p.repaired,
                    "total": p.total, "held_back": [{"case_no": h.case_no, "problems": list(h.problems)}
                                                    for h in p.held_back],
                    "unsent": list(p.unsent), "draft": p.draft}, _preview_text(p))
        return 0
    unsent = submissions.preview(profile, actor, args.period).unsent
    detail = submissions.create(profile, actor, args.period)
    info, paths = detail.info, ()
    if args.output:
        exported = submissions.export(profile, actor, info.number, Path(args.output))
        info, paths = exported.info, exported.paths
    lines = [f"已生成报送批次 {info.number}（{info.period}）：新增 {info.new} 条，变更 {info.changed} 条，"
             f"修复 {info.repaired} 条；记录校验码 {info.checksum}"]
    lines += [f"已写入 {p}" for p in paths] or ["尚未导出：请执行 submission export 编号 -o 文件夹"]
    lines += _held(detail.held_back) + _warnings(unsent)
    out.result({**_detail_json(submissions.SubmissionDetail(info, detail.items, detail.fields, detail.held_back)),
                "files": [str(p) for p in paths], "unsent": list(unsent)}, "\n".join(lines))
    return 0


def list_(args, out: Output) -> int:
    profile = profile_from(args)
    actor_from(args, profile)
    rows = submissions.submissions(profile)
    table = [[i.number, i.period, i.status_label, str(i.new), str(i.changed), str(i.repaired), i.created_at[:10],
              i.sent_on or "—", i.sent_by or "—"] for i in rows]
    unsent = tuple(i.number for i in reversed(rows) if i.status == "exported")
    text = (out.table(["编号", "期间", "状态", "新增", "变更", "修复", "生成日期", "报送日期", "经办人"], table)
            if rows else "尚无报送批次")
    out.result({"submissions": [_info_json(i) for i in rows], "unsent": list(unsent)},
               "\n".join([text, *_warnings(unsent)]))
    return 0


def show(args, out: Output) -> int:
    profile = profile_from(args)
    actor_from(args, profile)
    d = submissions.show(profile, args.number)
    i = d.info
    lines = [f"报送批次 {i.number}（{i.status_label}）  期间 {i.period}",
             f"生成：{i.created_at}  {i.created_by}    字段表版本 {i.field_version}",
             f"新增 {i.new} 条，变更 {i.changed} 条，修复 {i.repaired} 条；记录校验码 {i.checksum}"]
    if i.exported_at:
        lines.append(f"导出：{i.exported_at}  {i.exported_to or ''}")
    if i.sent_on:
        lines.append(f"报送：{i.sent_on}  {i.sent_by}")
    rows = [[it.case_no, it.kind_label, it.values.get("subject_name", ""), it.values.get("record_status", "")]
            for it in d.items]
    if rows:
        lines.append(out.table(["案号", "类型", "失信主体", "记录状态"], rows))
    out.result(_detail_json(d), "\n".join(lines))
    return 0


def export(args, out: Output) -> int:
    profile = profile_from(args)
    actor = actor_from(args, profile)
    done = submissions.export(profile, actor, args.number, Path(args.output))
    out.result({**_info_json(done.info), "files": [str(p) for p in done.paths]},
               "\n".join([f"已导出报送批次 {done.info.number}", *(f"已写入 {p}" for p in done.paths)]))
    return 0


def mark_sent(args, out: Output) -> int:
    profile = profile_from(args)
    actor = actor_from(args, profile)
    info = submissions.mark_sent(profile, actor, args.number, _day(args.on.strip(), "--on"))
    out.result(_info_json(info), f"已登记报送批次 {info.number} 于 {info.sent_on} 报送省平台（经办人 {info.sent_by}）")
    return 0


def discard(args, out: Output) -> int:
    profile = profile_from(args)
    actor = actor_from(args, profile)
    number = submissions.discard(profile, actor, args.number)
    out.result({"discarded": number}, f"已删除报送草稿 {number}")
    return 0


def fields(args, out: Output) -> int:
    profile = profile_from(args)
    table = submissions.field_table(profile)
    rows = [[f.id, f.title, f.source or f"固定值：{f.constant}", FORMATS[f.format], "是" if f.required else "否"]
            for f in table.fields]
    text = "\n".join([f"报送字段对照表 版本 {table.version}（{table.path}）",
                      out.table(["字段", "列名", "取值来源", "格式", "必填"], rows)])
    out.result({**table.as_json(), "path": table.path}, text)
    return 0
