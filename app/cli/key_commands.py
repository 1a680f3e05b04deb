"""``key rotate``: a new data key for the profile's personal data (个人信息加密密钥更换)."""

from __future__ import annotations

from app.cli.output import Output
from app.cli.session import profile_from
from app.messages import message
from app.services import data_protection


def register(sub, common) -> None:
    from app.cli.arguments import ChineseParser

    keys = sub.add_parser("key", parents=[common], help="个人信息加密密钥").add_subparsers(
        title="密钥命令", metavar="命令", parser_class=ChineseParser)
    p = keys.add_parser("rotate", parents=[common],
                        help="更换数据密钥：先备份，再用新密钥重新加密全部个人信息（请先关闭程序）")
    p.set_defaults(handler=rotate)


def rotate(args, out: Output) -> int:
    profile = profile_from(args)
    try:
        report = data_protection.rotate(profile.store, profile.files.backups)
    finally:
        profile.close()
    out.result(report, message("key_rotated", {"old_key": report.old_key, "new_key": report.new_key,
                                               "events": report.events, "backup": report.backup}))
    return 0
