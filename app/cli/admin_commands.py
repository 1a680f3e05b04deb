"""``init``, ``user add | list``, ``audit verify``, ``backup``, ``restore``, ``rebuild``, ``demo``."""

from __future__ import annotations

from pathlib import Path

from app import __version__
from app.cli.output import Output
from app.cli.session import actor_from, profile_from, read_password
from app.common.lazy import lazy_module
from app.domain.errors import DomainError
from app.domain.vocabulary import Role, label
from app.security.passwords import password_problem
from app.security.separation import is_combined

maintenance = lazy_module("app.services.maintenance")
users = lazy_module("app.services.users")
_profile = lazy_module("app.services.profile")

NEW_PASSWORD_ENV = "LVYUE_NEW_PASSWORD"


def init(args, out: Output) -> int:
    home = _profile.resolve_home(args.home)
    password = read_password(f"管理员 {args.admin} 的密码：", confirm=True)
    problem = password_problem(password)
    if problem:
        raise DomainError(problem, field="password", min_length=8)
    profile = _profile.create_profile(home, region_code=args.region, office_name=args.office)
    try:
        admin = users.add_user(profile, None, username=args.admin, display_name=args.admin_name or args.admin,
                               roles=["admin"], password=password)
    finally:
        profile.close()
    region = profile.regions.get(args.region)
    out.result({"home": str(home), "region_code": args.region, "office_name": args.office, "admin": admin.username,
                "device_id": profile.device_id},
               f"已创建单机配置档案：{home}\n单位：{args.office}（{region.name}）\n管理员：{admin.username}")
    return 0


def user_add(args, out: Output) -> int:
    profile = profile_from(args)
    actor = actor_from(args, profile)
    password = read_password(f"新用户 {args.username} 的密码：", NEW_PASSWORD_ENV, confirm=True)
    roles = [r for r in args.roles.split(",") if r.strip()]
    info = users.add_user(profile, actor, username=args.username, display_name=args.name, roles=roles,
                          region_code=args.region, password=password)
    names = "、".join(label(Role(r)) for r in info.roles)
    out.result(info, f"已添加用户 {info.username}（{info.display_name}，{names}）")
    return 0


def user_passwd(args, out: Output) -> int:
    """修改密码: ``--user`` changes their own (old from LVYUE_PASSWORD, new from LVYUE_NEW_PASSWORD)."""
    from app.services.auth import check_password

    profile = profile_from(args)
    username = getattr(args, "user", None)
    if not username:
        raise DomainError("user_required")
    old = read_password(f"用户 {username} 的当前密码：")
    actor = check_password(profile, username, old, via="cli")
    new = read_password("新密码：", NEW_PASSWORD_ENV, confirm=True)
    users.change_own_password(profile, actor, old, new, via="cli")
    out.result({"username": actor.username, "changed": True}, f"已修改用户 {actor.username} 的密码")
    return 0


def user_reset(args, out: Output) -> int:
    """重设密码 by the administrator: prints a temporary password the user must change at the next login."""
    profile = profile_from(args)
    actor = actor_from(args, profile)
    info, temporary = users.reset_password(profile, actor, args.username)
    out.result({"username": info.username, "temporary_password": temporary, "must_change_password": True},
               f"已重设用户 {info.username}（{info.display_name}）的密码。\n临时密码：{temporary}\n"
               f"请当面或以安全方式告知本人；首次登录时须修改。")
    return 0


def user_list(args, out: Output) -> int:
    profile = profile_from(args)
    rows = users.list_users(profile)
    table = out.table(
        ["登录名", "姓名", "角色", "地区", "状态"],
        [[u.username, u.display_name, "、".join(label(Role(r)) for r in u.roles), u.region_code,
          _status(u)] for u in rows],
    )
    out.result(rows, table)
    return 0


def _status(user: users.UserInfo) -> str:
    text = "在用" if user.active else "停用"
    if user.must_change_password:
        text += "，待改临时密码"
    if is_combined(user.roles):
        text += "，角色合用（不符合三员分立，请拆分账户）"
    return text


def audit_verify(args, out: Output) -> int:
    profile = profile_from(args)
    report = maintenance.verify_audit(profile)
    kinds = {
        "event_edited": "内容被修改", "event_missing": "记录缺失（被删除）", "event_inserted": "插入的记录",
        "chain_truncated": "链尾记录被删除", "foreign_unsynced": "来历不明的其他设备记录",
        "token_tampered": "加密的个人信息被篡改（无法通过完整性校验）",
    }
    lines = [f"已校验 {report.events_checked} 条事件记录（{report.devices} 台设备）。"]
    if report.ok:
        lines.append("审计链完整，未发现篡改。")
    for p in report.problems:
        where = f"第 {p.row} 行" if p.row is not None else "链尾" if p.kind == "chain_truncated" else "下载的记录"
        lines.append(f"  × {where}：{kinds.get(p.kind, p.kind)}（设备 {p.device_id[:8]}，设备序号 {p.device_seq or '—'}，"
                     f"事件 {p.event_id or '—'}）")
    out.result({"ok": report.ok, "events_checked": report.events_checked, "problems": report.problems},
               "\n".join(lines))
    return 0 if report.ok else 3


def backup(args, out: Output) -> int:
    profile = profile_from(args)
    path = maintenance.backup(profile, args.output or None)  # the raw text: a trailing separator names a folder
    out.result({"backup": str(path)}, f"已备份到 {path}")
    return 0


def restore(args, out: Output) -> int:
    home = _profile.resolve_home(args.home)
    if not args.file:
        return _list_backups(home, out)
    from app.services.profile_lock import refuse_if_window_open

    refuse_if_window_open(home)  # the window would go on with the database replaced under it
    damaged = maintenance.damaged_database(home)
    saved = maintenance.restore(home, Path(args.file))
    text = (f"已从 {args.file} 恢复。损坏的数据库已移到 {saved}（未删除）。备份时间之后录入的内容需要重新录入；"
            "本机已加入州级中心的，请立即运行 sync 取回中心保存的记录。" if damaged
            else f"已从 {args.file} 恢复。原数据库已另存为 {saved}")
    out.result({"restored": args.file, "previous_saved_as": str(saved), "damaged": bool(damaged)}, text)
    return 0


def _list_backups(home: Path, out: Output) -> int:
    copies = maintenance.checked_backups(home)
    rows = [[maintenance.local_time(c.taken_at), "完好" if c.problem is None else f"已损坏（{c.problem[:40]}）",
             str(c.events), str(c.path)] for c in copies]
    text = out.table(["备份时间", "检查结果", "事件数", "文件"], rows) if rows else "没有找到备份。"
    out.result([{"path": str(c.path), "taken_at": c.taken_at, "ok": c.problem is None, "problem": c.problem,
                 "events": c.events, "last_event_at": c.last_event_at} for c in copies], text)
    return 0


def rebuild(args, out: Output) -> int:
    profile = profile_from(args)
    report = maintenance.rebuild_projections(profile)
    out.result(report, f"已根据 {report.events} 条事件重建 {report.complaints} 件案件（{report.seconds:.1f} 秒）")
    return 0


def demo(args, out: Output) -> int:
    from app.services.demo import fill_demo

    home = _profile.resolve_home(args.home)

    def progress(done: int, total: int) -> None:
        out.info(f"  已生成 {done}/{total} 件")

    result = fill_demo(home, args.complaints, seed=args.seed, progress=None if args.json else progress)
    out.result(result, f"演示数据已生成：{result.complaints} 件案件，{result.events} 条事件，用时 {result.seconds:.1f} 秒\n"
                       f"配置档案：{home}\n演示账户：{', '.join(result.usernames)}（密码：{result.password}）")
    return 0


def version(args, out: Output) -> int:
    out.result({"version": __version__}, f"履约 Lvyue {__version__}")
    return 0

