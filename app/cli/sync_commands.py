"""``enroll`` and ``sync`` (for Windows Task Scheduler).

Exit codes: 0 done; 1 refused (not enrolled, revoked, wrong code…); 4 the hub could not be reached
or answered badly, or another sync of this profile is running (nothing lost; try again later); 5 done, but some events were refused by the hub
or quarantined (they stay on this computer; see ``sync --status``).
"""

from __future__ import annotations

from dataclasses import asdict

from app.cli.output import Output
from app.cli.session import profile_from
from app.common.lazy import lazy_module
from app.domain.errors import DomainError
from app.messages import describe

sync = lazy_module("app.services.sync")
_profile = lazy_module("app.services.profile")

EXIT_UNREACHABLE, EXIT_ATTENTION = 4, 5


def _progress(out: Output):
    if out.json_mode:
        return None
    last = {"stage": None}

    def show(p: sync.SyncProgress) -> None:
        if p.stage != last["stage"] or p.stage in ("pull", "repair"):
            out.info(f"  {p.text}")
            last["stage"] = p.stage

    return show


def _summary(report: sync.SyncReport) -> str:
    lines = [f"同步完成：上传 {report.pushed} 条，下载 {report.pulled} 条"
             + (f"，重复 {report.duplicates} 条（此前已上传）" if report.duplicates else "")]
    if report.rejected:
        lines.append(f"中心拒收 {report.rejected} 条记录（仍保存在本机，原因见 sync --status）")
    if report.blobs_up or report.blobs_down or report.blobs_failed:
        lines.append(f"附件：上传 {report.blobs_up} 个，下载 {report.blobs_down} 个"
                     + (f"，{report.blobs_failed} 个暂未完成" if report.blobs_failed else ""))
    if report.reference_updated:
        lines.append("已更新基础数据（用户、部门、办理时限、节假日）")
    for block in report.numbers:
        lines.append(f"已领取编号段 {block}")
    if report.integrity == "ok":
        lines.append("已与中心核对数据，一致")
    elif report.integrity == "repaired":
        lines.append(f"已修复本机数据（原数据库备份：{report.backup}）")
    lines += [f"注意：{w}" for w in report.warnings]  # set-aside records are one of them
    return "\n".join(lines)


def _run(profile, out: Output, **options) -> int:
    hub_url, route = sync.connection(profile)
    if hub_url:
        out.info(f"中心：{hub_url}    连接方式：{route}")
    try:
        report = sync.sync_now(profile, _progress(out), **options)
    except DomainError as error:
        if error.code == "sync_busy":
            raise  # app.cli.main: exit 4 (EXIT_BUSY), try again later
        out.error(describe(error), code=error.code)
        return EXIT_UNREACHABLE if sync.is_transient(error) else 1
    out.result(asdict(report), _summary(report))
    return EXIT_ATTENTION if report.rejected or report.quarantined else 0


def enroll(args, out: Output) -> int:
    home = _profile.resolve_home(args.home)
    result = sync.enroll(home, args.hub, args.code, args.name, proxy=args.proxy)
    out.info(f"已加入同步：{result.scope_name}（{result.scope_region}），单位：{result.office_name}\n"
             f"设备编号：{result.device_id}\n中心：{result.hub_url}\n正在进行首次同步…")
    profile = profile_from(args)
    try:
        return _run(profile, out, verify=False)
    finally:
        profile.close()


def run_sync(args, out: Output) -> int:
    profile = profile_from(args)
    try:
        if args.status:
            return _status(profile, out)
        if args.proxy is not None:
            return _set_proxy(profile, out, args.proxy)
        return _run(profile, out, verify=True if args.verify else None, repair=args.repair)
    finally:
        profile.close()


def _set_proxy(profile, out: Output, text: str) -> int:
    value = sync.set_proxy(profile, text)
    s = sync.status(profile)
    shown = {"system": "系统设置", "direct": "直连"}.get(value, value)
    out.result({"proxy_setting": value, "route": s.route},
               f"已保存同步代理设置：{shown}" + (f"\n连接方式：{s.route}" if s.enrolled else ""))
    return 0


def _status(profile, out: Output) -> int:
    s = sync.status(profile)
    if not s.enrolled:
        out.result(asdict(s), "本配置档案尚未加入同步（单机使用）。")
        return 0
    lines = [f"中心：{s.hub_url}    本设备：{s.device_name}（{s.device_id}）",
             f"范围：{s.scope_name}（{s.scope_region}）",
             f"连接方式：{s.route}",
             f"上次同步：{s.last_attempt_at or '从未'}    上次成功：{s.last_success_at or '从未'}",
             f"待上传记录：{s.pending_events} 条    待传附件：{s.blobs_pending} 个"]
    if s.last_error_message:
        lines.append(f"上次同步失败：{s.last_error_message}")
    if s.clock_warning:
        lines.append(f"注意：{s.clock_warning}")
    if s.blob_failures:
        lines.append(f"未能传输的附件（{len(s.blob_failures)} 个，每次同步都会再试）：")
        lines += [f"  {f.describe()}" for f in s.blob_failures]
    if s.rejected:
        lines.append(f"中心拒收的记录（{len(s.rejected)} 条，仍保存在本机）：")
        lines += [f"  {r.case_no or '—'}  {r.action_label}  {r.device_time[:16]}  {r.message}" for r in s.rejected]
    if s.conflicts:
        lines.append(f"待核对的案件（{len(s.conflicts)} 件，须由审核人处理）：")
        lines += [f"  {c.case_no}：{len(c.kept)} 项" for c in s.conflicts]
    if s.quarantined:
        lines.append(f"隔离保存的记录（{len(s.quarantined)} 条，不计入案件，原因如下）：")
        lines += [f"  {q.case_no or '—'}  {q.action_label or '—'}  {q.device_time[:16] or '—'}  {q.message}"
                  for q in s.quarantined]
    out.result(asdict(s), "\n".join(lines))
    return 0
