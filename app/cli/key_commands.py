"""``key rotate | export | import``: the data key of the profile's personal data (个人信息加密密钥):
a new key, or the keys carried to a new PC in a file sealed with a passphrase (``LVYUE_KEY_PASSPHRASE``
or a prompt)."""

from __future__ import annotations

from pathlib import Path

from app.cli.output import Output
from app.cli.session import profile_from, read_password
from app.common.lazy import lazy_module
from app.messages import message

data_protection = lazy_module("app.services.data_protection")
_profile = lazy_module("app.services.profile")

PASSPHRASE_ENV = "LVYUE_KEY_PASSPHRASE"


def register(sub, common) -> None:
    from app.cli.arguments import ChineseParser

    keys = sub.add_parser("key", parents=[common], help="个人信息加密密钥").add_subparsers(
        title="密钥命令", metavar="命令", parser_class=ChineseParser)
    p = keys.add_parser("rotate", parents=[common],
                        help="更换数据密钥：先备份，再用新密钥重新加密全部个人信息（请先关闭程序）")
    p.set_defaults(handler=rotate)
    p = keys.add_parser("export", parents=[common], help="导出数据密钥（用口令加密），用于迁移到新电脑")
    p.add_argument("-o", "--output", required=True, help="导出的密钥文件（请与数据库备份分开保存）")
    p.set_defaults(handler=export)
    p = keys.add_parser("import", parents=[common], help="在新电脑上导入数据密钥（先把配置档案复制过来）")
    p.add_argument("file", help="导出的密钥文件")
    p.set_defaults(handler=import_)


def export(args, out: Output) -> int:
    home = _profile.resolve_home(args.home)
    passphrase = read_password("保护密钥文件的口令（至少 12 个字符）：", PASSPHRASE_ENV, confirm=True)
    path = data_protection.export_keys(_profile.ProfileFiles(home).database, Path(args.output), passphrase)
    out.result({"file": str(path)}, f"已导出数据密钥到 {path}；请与数据库备份分开保存，并牢记口令")
    return 0


def import_(args, out: Output) -> int:
    home = _profile.resolve_home(args.home)
    passphrase = read_password("密钥文件的口令：", PASSPHRASE_ENV)
    key_id = data_protection.import_keys(_profile.ProfileFiles(home).database, Path(args.file), passphrase)
    out.result({"key": key_id}, f"已导入数据密钥（当前密钥 {key_id}），现在可以打开此配置档案")
    return 0


def rotate(args, out: Output) -> int:
    profile = profile_from(args)
    try:
        report = data_protection.rotate(profile.store, profile.files.backups)
    finally:
        profile.close()
    out.result(report, message("key_rotated", {"old_key": report.old_key, "new_key": report.new_key,
                                               "events": report.events, "backup": report.backup}))
    return 0
