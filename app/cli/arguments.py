"""The argument parser (Chinese help and Chinese usage errors: ``app.common.cli_parser``, shared with the hub)."""

from __future__ import annotations

import argparse
import importlib
from types import ModuleType

from app.cli import OPTIONS_WITH_VALUE
from app.cli import admin_commands as admin
from app.common.cli_parser import ChineseParser
from app.domain.vocabulary import Action, Channel, Sector, State

COMMANDS = ("init", "user", "complaint", "document", "remind", "audit", "backup", "restore", "rebuild", "demo",
            "version", "enroll", "sync", "report", "breach", "import", "duplicates", "typical", "submission",
            "credit", "key", "schedule")
# The commands whose parsers a module of their own adds (``register(sub, common)``), in the order of the help.
REGISTERED_BY = {"document": "document_commands", "report": "report_commands", "remind": "reminder_commands",
                 "key": "key_commands", "breach": "breach_commands", "import": "import_commands",
                 "duplicates": "duplicate_commands", "typical": "typical_commands",
                 "submission": "submission_commands", "credit": "credit_commands"}
# After enroll and sync in the help: the daily sync task (Windows Task Scheduler).
REGISTERED_AFTER_SYNC = {"schedule": "schedule_commands"}
# Written only by their own services (a document by ``document issue``), never by ``complaint act``.
NOT_BY_HAND = (Action.REGISTER, Action.ISSUE_DOCUMENT)

def _common(default) -> argparse.ArgumentParser:
    """Options accepted before and after the command; only the top level sets their defaults."""
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--home", default=default, help="配置档案目录（也可用环境变量 LVYUE_HOME）")
    common.add_argument("--json", action="store_true", default=default or False, help="以 JSON 输出结果")
    common.add_argument("--user", default=default,
                        help="以该用户身份操作（密码取自 LVYUE_PASSWORD，或交互输入）")
    common.add_argument("--encoding", default=default, metavar="编码",
                        help="输出的编码（默认 utf-8；重定向到文件给 type、PowerShell 用时可用 gbk、gb18030、utf-16、ansi；"
                             "也可用环境变量 LVYUE_ENCODING）")
    return common


WINDOW_HELP = """桌面程序（不带命令）：python main.py [--home 目录] [--demo]
  --home 目录  配置档案目录（默认：环境变量 LVYUE_HOME，或本用户的数据目录）
  --demo       打开演示配置档案（与正式数据分开；首次使用时生成约 2000 件演示投诉）
  --selftest   自检：在临时配置档案中登记投诉、开具文书并检查界面组件，完成后删除（不动已有数据）
  另可附加 Qt 的窗口选项，如 -platform offscreen、-style fusion。
  没有图形界面（如远程终端、未设置 DISPLAY）时，桌面程序说明原因后退出（退出码 1），请改用上面的命令。"""


def _cli(name: str) -> ModuleType:
    """A command module, imported when its parser is built (issue 15: a command builds only its own)."""
    return importlib.import_module(f"app.cli.{name}")


def command_of(argv: list[str]) -> str | None:
    """The command ``argv`` names, when only its parser needs building; None when the whole parser must be
    built: no command, an unknown one, help or version asked first, or a top-level option this scan does
    not know for certain (argparse also accepts abbreviations such as ``--ho``)."""
    skip = False
    for arg in argv:
        if skip:
            skip = False
        elif arg in OPTIONS_WITH_VALUE:
            skip = True
        elif arg == "--json" or any(arg.startswith(f"{option}=") for option in OPTIONS_WITH_VALUE):
            continue
        elif arg.startswith("-"):
            return None
        else:
            return arg if arg in COMMANDS else None
    return None


def build_parser(command: str | None = None) -> ChineseParser:
    """The parser of every command, or with ``command`` only that one's (the same parser for its
    arguments, without importing the other command modules: ``app.cli.main``)."""

    def want(name: str) -> bool:
        return command is None or command == name

    common = _common(argparse.SUPPRESS)
    parser = ChineseParser(prog="python main.py", description="履约 Lvyue —— 政府违约失信投诉办理系统（命令行）",
                           parents=[_common(None)],
                           formatter_class=argparse.RawDescriptionHelpFormatter, epilog=WINDOW_HELP)
    parser.add_argument("--version", action="store_const", const=admin.version, dest="handler",
                        help="显示版本号")
    sub = parser.add_subparsers(title="命令", metavar="命令", parser_class=ChineseParser)

    if want("init"):
        _init(sub, common)
    if want("user"):
        _user(sub, common)
    if want("complaint"):
        _complaint(sub, common)
    if want("audit"):
        _audit(sub, common)
    if want("backup"):
        p = sub.add_parser("backup", parents=[common], help="备份数据库")
        p.add_argument("-o", "--output", help="备份文件或目录（以 / 或 \\ 结尾或没有扩展名时视为目录，不存在则创建；"
                                              "默认配置档案下的 backups/）")
        p.set_defaults(handler=admin.backup)
    if want("restore"):
        p = sub.add_parser("restore", parents=[common], help="从备份恢复（先另存当前数据库；请先关闭程序）")
        p.add_argument("file", nargs="?", help="备份文件（省略时列出本配置档案的备份，最新的在前，并逐个检查是否完好）")
        p.set_defaults(handler=admin.restore)
    if want("rebuild"):
        p = sub.add_parser("rebuild", parents=[common], help="根据事件记录重建案件表和检索索引")
        p.set_defaults(handler=admin.rebuild)
    if want("demo"):
        p = sub.add_parser("demo", parents=[common], help="生成演示数据（新的配置档案）")
        p.add_argument("--complaints", type=int, default=500, help="案件数量（默认 500）")
        p.add_argument("--seed", type=int, default=2026, help="随机种子")
        p.set_defaults(handler=admin.demo)
    if want("version"):
        p = sub.add_parser("version", parents=[common], help="显示版本号")
        p.set_defaults(handler=admin.version)
    for name, module in REGISTERED_BY.items():
        if want(name):
            _cli(module).register(sub, common)
    if want("enroll") or want("sync"):
        _sync(sub, common, want)
    for name, module in REGISTERED_AFTER_SYNC.items():
        if want(name):
            _cli(module).register(sub, common)
    return parser


def _init(sub, common) -> None:
    p = sub.add_parser("init", parents=[common], help="新建单机配置档案（地区、单位、管理员）")
    p.add_argument("--region", required=True, help="本单位行政区划代码，如 532322（双柏县）")
    p.add_argument("--office", required=True, help="单位名称，如 双柏县发展和改革局")
    p.add_argument("--admin", required=True, help="管理员登录名（密码取自 LVYUE_PASSWORD 或交互输入）")
    p.add_argument("--admin-name", help="管理员姓名")
    p.set_defaults(handler=admin.init)


def _user(sub, common) -> None:
    users = sub.add_parser("user", parents=[common], help="用户管理").add_subparsers(
        title="用户命令", metavar="命令", parser_class=ChineseParser)
    p = users.add_parser("add", parents=[common], help="添加用户（需管理员 --user；新密码取自 LVYUE_NEW_PASSWORD）")
    p.add_argument("username", help="登录名")
    p.add_argument("--name", required=True, help="姓名")
    p.add_argument("--roles", required=True, help="角色，逗号分隔：clerk,handler,leader,admin,auditor")
    p.add_argument("--region", help="管辖地区代码（默认本单位）")
    p.set_defaults(handler=admin.user_add)
    p = users.add_parser("list", parents=[common], help="列出用户")
    p.set_defaults(handler=admin.user_list)
    p = users.add_parser("passwd", parents=[common],
                         help="修改自己的密码（--user；原密码取自 LVYUE_PASSWORD，新密码取自 LVYUE_NEW_PASSWORD）")
    p.set_defaults(handler=admin.user_passwd)
    p = users.add_parser("reset", parents=[common], help="重设用户密码为临时密码，首次登录须修改（需管理员 --user）")
    p.add_argument("username", help="登录名")
    p.set_defaults(handler=admin.user_reset)


def _complaint(sub, common) -> None:
    complaint = _cli("complaint_commands")
    complaints = sub.add_parser("complaint", parents=[common], help="投诉案件").add_subparsers(
        title="案件命令", metavar="命令", parser_class=ChineseParser)
    p = complaints.add_parser("add", parents=[common], help="登记投诉（JSON 文件，见 docs/examples）")
    p.add_argument("--file", required=True, help="登记信息 JSON 文件（- 表示标准输入）")
    p.add_argument("--assign", help="指派承办人（用户 id）")
    p.set_defaults(handler=complaint.add)
    p = complaints.add_parser("act", parents=[common], help="办理操作（转办、核实认定、反馈、办结……）")
    p.add_argument("ref", help="案号或案件 id")
    p.add_argument("action", choices=[a.value for a in Action if a not in NOT_BY_HAND], metavar="操作",
                   help="、".join(a.value for a in Action if a not in NOT_BY_HAND))
    p.add_argument("--file", help="操作内容 JSON 文件（- 表示标准输入）")
    p.set_defaults(handler=complaint.act)
    p = complaints.add_parser("show", parents=[common], help="查看案件详情与办理记录（个人信息已遮蔽）")
    p.add_argument("ref", help="案号或案件 id")
    p.add_argument("--reveal", action="store_true",
                   help="显示完整的联系电话、身份证号和地址（须 --user 且为登记员、承办人或审核人；记入审计记录）")
    p.set_defaults(handler=complaint.show)
    p = complaints.add_parser("list", parents=[common], help="案件列表（筛选、检索、排序、分页）")
    p.add_argument("--state", action="append", choices=[s.value for s in State], metavar="状态")
    p.add_argument("--region", action="append", help="地区代码（可重复）")
    p.add_argument("--sector", action="append", choices=[s.value for s in Sector], metavar="领域")
    p.add_argument("--channel", action="append", choices=[c.value for c in Channel], metavar="渠道")
    p.add_argument("--from", dest="date_from", help="登记日期起（2026-01-01）")
    p.add_argument("--to", dest="date_to", help="登记日期止（2026-12-31）")
    p.add_argument("--overdue", action="store_true", help="只看已超期")
    p.add_argument("--mine", action="store_true", help="只看指派给我的（需 --user）")
    p.add_argument("--typical", action="store_true", help="只看典型案例")
    p.add_argument("--search", help="检索：案号、投诉人、被投诉主体、代码、协议名称、事项描述（任意长度）")
    p.add_argument("--sort", default="registered_at",
                   choices=["registered_at", "case_no", "state", "complainant", "respondent", "due_on",
                            "updated_at", "claim", "region"])
    p.add_argument("--asc", action="store_true", help="升序（默认降序）")
    p.add_argument("--limit", type=int, default=50)
    p.add_argument("--offset", type=int, default=0)
    p.set_defaults(handler=complaint.list_)


def _audit(sub, common) -> None:
    audit = sub.add_parser("audit", parents=[common], help="审计").add_subparsers(
        title="审计命令", metavar="命令", parser_class=ChineseParser)
    p = audit.add_parser("verify", parents=[common], help="校验审计链（发现篡改时退出码为 3）")
    p.set_defaults(handler=admin.audit_verify)
    _cli("audit_commands").register(audit, common)


def _sync(sub, common, want) -> None:
    sync_commands = _cli("sync_commands")
    if want("enroll"):
        p = sub.add_parser("enroll", parents=[common], help="加入州级中心同步（需要中心管理员提供的一次性注册码）")
        p.add_argument("--hub", required=True, help="中心地址，如 https://lvyue.cxz.gov.cn")
        p.add_argument("--code", required=True, help="一次性注册码")
        p.add_argument("--name", help="本设备名称（默认计算机名）")
        p.add_argument("--proxy", metavar="代理",
                       help="访问中心的代理：直连、系统设置（默认：环境变量，再 Windows 代理设置及其例外列表）或代理地址，"
                            "如 http://10.1.1.1:8080")
        p.set_defaults(handler=sync_commands.enroll)
    if want("sync"):
        p = sub.add_parser("sync", parents=[common],
                           help="与中心同步（可用于 Windows 任务计划；退出码 4：中心不可达或正在同步，稍后再试；5：有记录被拒收）")
        p.add_argument("--status", action="store_true", help="只显示同步状态（待上传、被拒收、待核对）")
        p.add_argument("--verify", action="store_true", help="同时与中心核对全部数据")
        p.add_argument("--repair", action="store_true", help="备份本机数据库后从中心重新下载本辖区数据")
        p.add_argument("--proxy", metavar="代理",
                       help="只保存访问中心的代理设置并显示连接方式（不同步）：直连、系统设置或代理地址")
        p.set_defaults(handler=sync_commands.run_sync)
