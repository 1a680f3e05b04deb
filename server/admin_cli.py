"""``python -m server admin ...``: the hub administrator's commands (Chinese output, ``--json``)."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from app.common.cli_parser import ChineseParser
from app.domain.errors import DomainError
from app.messages import describe
from server import admin_audit, backup_cli, security_log
from server import admin_handlers as h
from server import admin_quarantine as q
from server.admin_handlers import PASSWORD_ENV
from server.admin_keys import key_rotate
from server.errors import HubError
from server.services.prefixes import DEFAULT_SUFFIXES
from server.settings import HubSettings


def _common(default) -> argparse.ArgumentParser:
    """Options accepted before and after a command; only the top level sets their defaults."""
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--db", default=default,
                        help="数据库地址，如 postgresql+psycopg://lvyue@127.0.0.1/lvyue（默认：数据目录中的 SQLite）")
    common.add_argument("--data", dest="data_dir", type=Path, default=default, help="数据目录（默认 ./hub-data）")
    common.add_argument("--json", action="store_true", default=default or False, help="以 JSON 输出")
    return common


def build_parser() -> ChineseParser:
    common = _common(argparse.SUPPRESS)
    parser = ChineseParser(prog="python -m server", parents=[_common(None)],
                           description="履约 Lvyue 州级汇聚中心（不带命令：启动服务）")
    parser.add_argument("--host", help="监听地址（默认 127.0.0.1，由 nginx 反向代理）")
    parser.add_argument("--port", type=int, help="端口（默认 8765）")
    parser.add_argument("--workers", type=int, help="工作进程数（PostgreSQL 时可多个）")
    parser.add_argument("--blob-dir", dest="blob_dir", type=Path, help="附件目录（多进程共享）")
    parser.set_defaults(command="serve")
    sub = parser.add_subparsers(title="命令", metavar="命令", parser_class=ChineseParser)
    sub.add_parser("migrate", parents=[common], help="升级数据库结构").set_defaults(command="migrate")
    trial = sub.add_parser("trial", parents=[common],
                           help="试运行：建库（PostgreSQL 库不存在时）、迁移、首批用户和注册码，然后在 127.0.0.1:8000 启动")
    trial.add_argument("--host", default=argparse.SUPPRESS, help="监听地址（默认 127.0.0.1）")
    trial.add_argument("--port", type=int, default=argparse.SUPPRESS, help="端口（默认 8000）")
    trial.add_argument("--region", default="532300", help="首批用户和注册码所属地区（默认 532300 楚雄州）")
    trial.add_argument("--office", default="试运行单位", help="注册码的单位名称")
    trial.set_defaults(command="trial")
    admin = sub.add_parser("admin", parents=[common], help="管理：地区、部门、用户、注册码、设备……")
    admin.set_defaults(command="admin", handler=None)
    res = admin.add_subparsers(title="管理对象", metavar="对象", parser_class=ChineseParser)

    def verb(group, name: str, handler, help_text: str) -> argparse.ArgumentParser:
        p = group.add_parser(name, parents=[common], help=help_text)
        p.set_defaults(command="admin", handler=handler)
        return p

    g = res.add_parser("region", help="行政区划").add_subparsers(metavar="操作", parser_class=ChineseParser)
    verb(g, "list", h.region_list, "列出地区")
    p = verb(g, "add", h.region_add, "添加或修改地区")
    p.add_argument("code")
    p.add_argument("name")
    p.add_argument("--short", help="简称（发文字号用）")
    p = verb(g, "import", h.region_import, "从文件导入（regions.json 格式或 CSV）")
    p.add_argument("file", type=Path)

    g = res.add_parser("department", help="主管部门").add_subparsers(metavar="操作", parser_class=ChineseParser)
    p = verb(g, "list", h.department_list, "列出部门")
    p.add_argument("--region")
    p = verb(g, "add", h.department_add, "添加部门")
    p.add_argument("--region", required=True)
    p.add_argument("--name", required=True)
    p.add_argument("--code", help="统一社会信用代码")
    p = verb(g, "remove", h.department_remove, "停用部门")
    p.add_argument("id", type=int)

    g = res.add_parser("user", help="用户").add_subparsers(metavar="操作", parser_class=ChineseParser)
    verb(g, "list", h.user_list, "列出用户")
    p = verb(g, "add", h.user_add, f"添加用户（密码取自 {PASSWORD_ENV} 或交互输入）")
    p.add_argument("username")
    p.add_argument("--name", required=True)
    p.add_argument("--roles", required=True, help="clerk,handler,leader,admin,auditor")
    p.add_argument("--region", required=True)
    p = verb(g, "passwd", h.user_passwd, "重设密码")
    p.add_argument("username")
    p = verb(g, "move", h.user_move, "调整用户所属地区（只能在该地区的设备上登录）")
    p.add_argument("username")
    p.add_argument("--region", required=True)
    for name, active in (("disable", False), ("enable", True)):
        p = verb(g, name, h.user_active, "停用用户" if not active else "启用用户")
        p.add_argument("username")
        p.set_defaults(active=active)

    g = res.add_parser("code", help="设备注册码").add_subparsers(metavar="操作", parser_class=ChineseParser)
    p = verb(g, "create", h.code_create, "生成一次性注册码（新设备，或用 --replace 替换已有设备）")
    p.add_argument("--region", help="设备管辖范围（县或州的区划代码）；--replace 时取原设备的范围")
    p.add_argument("--office", help="单位名称，如 双柏县发展和改革局；--replace 时默认取原设备的单位")
    p.add_argument("--days", type=int, default=7, help="有效天数（默认 7）")
    p.add_argument("--replace", metavar="设备编号",
                   help="替换注册码：只能由该设备使用，换发新凭据，原凭据立即失效（设备凭据丢失、换电脑时用）")
    verb(g, "list", h.code_list, "列出注册码")

    g = res.add_parser("device", help="设备").add_subparsers(metavar="操作", parser_class=ChineseParser)
    verb(g, "list", h.device_list, "列出设备")
    p = verb(g, "revoke", h.device_revoke, "吊销设备（立即生效）")
    p.add_argument("device_id")

    g = res.add_parser("event", help="可疑记录与全网隔离").add_subparsers(metavar="操作", parser_class=ChineseParser)
    p = verb(g, "suspects", q.event_suspects, "列出不符合现行规则的记录（旧版中心接收的、冒用用户的……）")
    p.add_argument("--since", type=int, default=0, help="只看中心序号大于此数的记录")
    p.add_argument("--limit", type=int, default=200, help="最多列出几条（默认 200）")
    p = verb(g, "quarantine", q.event_quarantine, "隔离一条记录：各设备同步后不再采用（记录仍保存）")
    p.add_argument("event_id")
    p.add_argument("--note", required=True, help="隔离原因（各设备“同步”页显示）")
    p.add_argument("--by", default="admin", help="操作人（写入安全日志）")
    p = verb(g, "release", q.event_release, "解除隔离")
    p.add_argument("event_id")
    p.add_argument("--by", default="admin", help="操作人（写入安全日志）")
    verb(g, "list", q.event_list, "列出已隔离的记录")

    g = res.add_parser("audit", help="审计校验").add_subparsers(metavar="操作", parser_class=ChineseParser)
    verb(g, "verify", admin_audit.audit_verify, "校验各设备的审计链（事件摘要、设备序号连续、前后衔接；发现问题时退出码为 3）")
    backup_cli.add_parsers(res, common)
    g = res.add_parser("key", help="个人信息加密密钥").add_subparsers(metavar="操作", parser_class=ChineseParser)
    verb(g, "rotate", key_rotate, "更换数据密钥并重新加密全部个人信息（先停止服务；SQLite 自动备份）")

    g = res.add_parser("rules", help="办理时限").add_subparsers(metavar="操作", parser_class=ChineseParser)
    verb(g, "show", h.rules_show, "查看")
    p = verb(g, "set", h.rules_set, "修改（工作日）")
    for option in ("forward", "conclude", "feedback"):
        p.add_argument(f"--{option}-days", type=int, dest=f"{option}_days")

    g = res.add_parser("holidays", help="节假日安排").add_subparsers(metavar="操作", parser_class=ChineseParser)
    verb(g, "list", h.holidays_list, "列出已有年份")
    p = verb(g, "import", h.holidays_import, "导入 holidays.json 格式的文件")
    p.add_argument("file", type=Path)
    p.add_argument("--year", type=int, help="只导入这一年")

    g = res.add_parser("prefix", help="发文字号前缀及其归属").add_subparsers(metavar="操作", parser_class=ChineseParser)
    p = verb(g, "list", h.prefix_list, "列出各地区的前缀、单独指定的归属和待处理的冲突")
    p.add_argument("--region")
    kinds = sorted(str(kind) for kind in DEFAULT_SUFFIXES)
    p = verb(g, "set", h.prefix_set, "设置某地区某类文书的前缀（该前缀随之归该地区）")
    p.add_argument("--region", required=True)
    p.add_argument("--kind", required=True, choices=kinds, help="文书类别，如 forward_letter")
    p.add_argument("--prefix", required=True, help="如 双发改函")
    p = verb(g, "unset", h.prefix_unset, "取消某地区某类文书的前缀设置（设备改用本单位的设置）")
    p.add_argument("--region", required=True)
    p.add_argument("--kind", required=True, choices=kinds)
    p = verb(g, "assign", h.prefix_assign, "指定前缀归哪个地区（优先于按简称推定和自动登记）")
    p.add_argument("--prefix", required=True)
    p.add_argument("--region", required=True)
    p = verb(g, "release", h.prefix_release, "取消单独指定的归属（改回按地区简称推定）")
    p.add_argument("--prefix", required=True)
    p = verb(g, "auto-adopt", h.prefix_auto_adopt, "单机时期用过、尚无归属的前缀在加入时是否自动登记（默认开）")
    p.add_argument("state", choices=("on", "off"))

    g = res.add_parser("numbers", help="编号").add_subparsers(metavar="操作", parser_class=ChineseParser)
    verb(g, "list", h.numbers_list, "已分配的编号段")
    p = verb(g, "set-next", h.numbers_set_next, "设置下一个编号（接续已有编号）")
    p.add_argument("--series", required=True, help="case:532322 或 doc:双发改函")
    p.add_argument("--year", type=int, required=True)
    p.add_argument("--next", type=int, required=True, dest="next_number")
    return parser


def run_admin(args, settings: HubSettings) -> int:
    from server.app import prepare
    from server.db import HubDatabase

    if args.handler is None:
        print("错误：请指定管理对象和操作（使用 -h 查看帮助）", file=sys.stderr)
        return 2
    prepare(settings)
    # the administrator's own acts (revocations, replacement codes, quarantines) belong in the security log
    security_log.configure(settings.security_log_path, settings.security_log_bytes, settings.security_log_backups,
                           settings.security_log_retention_days)
    database = HubDatabase(settings)
    args.settings = settings  # key rotate reads and writes the key file
    try:
        with database.writer() as session:
            data, text, *exit_code = args.handler(session, args)  # a check may add its exit code (audit verify: 3)
            session.commit()
    except (DomainError, HubError) as error:
        code = error.code
        params = error.params
        text = describe(error) if isinstance(error, DomainError) else describe(DomainError(code, **params))
        if args.json:
            print(json.dumps({"error": code, "message": text}, ensure_ascii=False), file=sys.stderr)
        else:
            print(f"错误：{text}", file=sys.stderr)
        return 1
    finally:
        database.dispose()
    print(json.dumps(data, ensure_ascii=False, indent=2, default=str) if args.json else text)
    return exit_code[0] if exit_code else 0
