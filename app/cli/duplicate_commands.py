"""``duplicates list | check | merge | dismiss`` — duplicate complaints 重复投诉 across channels.

``register(sub, common)`` adds the ``duplicates`` command to the parser (``app/cli/arguments.py``).
"""

from __future__ import annotations

import argparse
from dataclasses import asdict

from app.cli.output import Output
from app.cli.session import actor_from, profile_from, read_json
from app.common.lazy import lazy_module

duplicates = lazy_module("app.services.duplicates")


def register(sub, common: argparse.ArgumentParser) -> None:
    from app.cli.arguments import ChineseParser

    group = sub.add_parser("duplicates", parents=[common], help="重复投诉：疑似重复清单、登记前查重、合并、排除").add_subparsers(
        title="重复投诉命令", metavar="命令", parser_class=ChineseParser)
    p = group.add_parser("list", parents=[common], help="列出近期疑似重复的案件对（需 --user）")
    p.add_argument("--days", type=int, default=30, help="收到日期在最近多少天内的案件（默认 30）")
    p.add_argument("--limit", type=int, default=100, help="最多列出对数（默认 100）")
    p.set_defaults(handler=list_)
    p = group.add_parser("check", parents=[common], help="登记前查重：与已登记案件比对（需 --user）")
    p.add_argument("--file", required=True, help="登记信息 JSON 文件（与 complaint register 相同格式；- 为标准输入）")
    p.set_defaults(handler=check)
    p = group.add_parser("merge", parents=[common], help="把一件投诉合并到另一件（需 --user，承办人）")
    p.add_argument("case_no", metavar="案号", help="被合并的案件（须为已登记状态）")
    p.add_argument("--into", required=True, metavar="案号", help="保留的案件")
    p.add_argument("--reason", help="合并理由")
    p.set_defaults(handler=merge)
    p = group.add_parser("dismiss", parents=[common], help="标记两件投诉不是重复（需 --user）")
    p.add_argument("first", metavar="案号1")
    p.add_argument("second", metavar="案号2")
    p.add_argument("--reason", required=True, help="理由")
    p.set_defaults(handler=dismiss)


def _line(c: duplicates.Candidate) -> list[str]:
    return [c.case_no, c.complainant_name, c.respondent_name, c.received_on, f"{c.score:.2f}",
            f"{c.text_similarity:.0%}", "；".join(c.reason_labels)]


def list_(args, out: Output) -> int:
    profile = profile_from(args)
    actor = actor_from(args, profile)
    pairs = duplicates.review_list(profile, actor, days=args.days, limit=max(1, args.limit))
    rows = [[p.newer.case_no, p.older.case_no, p.newer.complainant_name, p.newer.respondent_name,
             f"{p.score:.2f}", f"{p.text_similarity:.0%}", "；".join(p.reason_labels),
             "可合并" if p.mergeable else "已转办，不能合并"] for p in pairs]
    text = (out.table(["案号", "疑似重复于", "投诉人", "被投诉主体", "评分", "文本相似度", "理由", "合并"], rows)
            + f"\n共 {len(pairs)} 对疑似重复") if rows else f"最近 {args.days} 天没有疑似重复的投诉"
    out.result({"pairs": [{**asdict(p), "newer": asdict(p.newer), "older": asdict(p.older)} for p in pairs]}, text)
    return 0


def check(args, out: Output) -> int:
    profile = profile_from(args)
    actor = actor_from(args, profile)
    data = read_json(args.file)
    found = duplicates.find_duplicates(profile, actor, fields=data if isinstance(data, dict) else {})
    text = (out.table(["案号", "投诉人", "被投诉主体", "收到日期", "评分", "文本相似度", "理由"], [_line(c) for c in found])
            + f"\n可能与 {found[0].case_no} 等 {len(found)} 件重复（不影响登记）") if found else "未发现疑似重复的投诉"
    out.result({"candidates": [asdict(c) for c in found]}, text)
    return 0


def merge(args, out: Output) -> int:
    profile = profile_from(args)
    actor = actor_from(args, profile)
    acted = duplicates.merge(profile, actor, args.case_no, args.into, args.reason)
    out.result({"case_no": acted.case_no, "merged_into": args.into.strip(), "state": acted.state,
                "event_id": acted.event_id}, f"已将 {acted.case_no} 合并到 {args.into.strip()}（两件案件的办理记录均保留）")
    return 0


def dismiss(args, out: Output) -> int:
    profile = profile_from(args)
    actor = actor_from(args, profile)
    duplicates.dismiss(profile, actor, args.first, args.second, args.reason)
    out.result({"first": args.first.strip(), "second": args.second.strip(), "dismissed": True},
               f"已标记 {args.first.strip()} 与 {args.second.strip()} 不是重复，不再提示")
    return 0
