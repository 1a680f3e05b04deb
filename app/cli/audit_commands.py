"""``audit list`` — the audit trail 审计记录 for the auditor (``audit verify`` is in ``admin_commands``).

``register(audit)`` adds ``list`` to the ``audit`` command group (``app/cli/arguments.py``).
"""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path

from app.cli.output import Output
from app.cli.session import actor_from, profile_from
from app.common.lazy import lazy_module
from app.domain.errors import DomainError

ar = lazy_module("app.domain.audit_records")
audit_export = lazy_module("app.services.audit_export")
audit_trail = lazy_module("app.services.audit_trail")

# ``app.domain.audit_records.CATEGORY_LABELS``, named here so that building the parser imports no rules
# (tests/unit/test_cli_imports.py checks they agree)
CATEGORIES = ("session", "admin", "complaint")


def register(group, common: argparse.ArgumentParser) -> None:
    p = group.add_parser("list", parents=[common], help="列出审计记录（新的在前；需审计员 --user）")
    p.add_argument("--from", dest="date_from", help="日期起（2026-01-01，北京时间）")
    p.add_argument("--to", dest="date_to", help="日期止（2026-12-31）")
    p.add_argument("--actor", help="操作人：登录名、姓名或用户编号")
    p.add_argument("--kind", choices=CATEGORIES, metavar="类别",
                   help="session（登录与会话）、admin（用户与设置）、complaint（案件办理）")
    p.add_argument("--action", help="操作代码，如 login_failed、forward、user_add")
    p.add_argument("--case", dest="case_no", help="案号")
    p.add_argument("--device", help="设备编号（可只写开头几位）")
    p.add_argument("--failed", action="store_true", help="只看失败的操作（如登录失败）")
    p.add_argument("--limit", type=int, default=50, help="最多列出条数（默认 50）")
    p.add_argument("--xlsx", metavar="文件", help="把符合条件的全部记录导出为 Excel（不受 --limit 限制）")
    p.add_argument("--csv", metavar="文件", help="把符合条件的全部记录导出为 CSV（UTF-8）")
    p.add_argument("--force", action="store_true", help="覆盖已存在的文件")
    p.set_defaults(handler=list_)


def _day(value: str | None, option: str) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value.strip())
    except ValueError:
        raise DomainError("audit_filter_invalid", detail=f"{option} 应为 YYYY-MM-DD 格式的日期：{value}") from None


def filter_from(args) -> audit_trail.AuditFilter:
    return audit_trail.AuditFilter(date_from=_day(args.date_from, "--from"), date_to=_day(args.date_to, "--to"),
                       actor=args.actor or "", category=args.kind, action=args.action or None,
                       case_no=args.case_no or "", device=args.device or "",
                       outcome=ar.FAILED if args.failed else None)


def list_(args, out: Output) -> int:
    profile = profile_from(args)
    actor = actor_from(args, profile)
    f = filter_from(args)
    if args.xlsx or args.csv:
        written = [audit_export.export_audit(profile, actor, f, Path(path), fmt=fmt, force=args.force)
                   for path, fmt in ((args.xlsx, "xlsx"), (args.csv, "csv")) if path]
        out.result([{"path": str(w.path), "records": w.records} for w in written],
                   "\n".join(f"已导出 {w.records} 条审计记录：{w.path}" for w in written))
        return 0
    page = audit_trail.audit_page(profile, actor, f, limit=max(1, args.limit), full=args.json)
    rows = [[r.at_local, r.action_label, r.outcome_label, r.case_no or "—", r.actor_name, r.device_id[:8],
             r.summary[:60]] for r in page.rows]
    more = "（还有更早的记录，可用 --from/--to 缩小范围或 --xlsx 导出全部）" if page.next_cursor else ""
    text = (out.table(["时间", "操作", "结果", "案号", "操作人", "设备", "内容"], rows)
            + f"\n共列出 {len(rows)} 条{more}") if rows else "没有符合条件的审计记录"
    out.result({"records": [_json(r) for r in page.rows], "more": page.next_cursor is not None}, text)
    return 0


def _json(r: audit_trail.AuditRecord) -> dict:
    return {"event_id": r.event_id, "at": r.at, "at_local": r.at_local, "action": r.action,
            "action_label": r.action_label, "category": r.category, "outcome": r.outcome, "case_no": r.case_no,
            "actor": r.actor_id, "actor_name": r.actor_name, "device_id": r.device_id, "device_seq": r.device_seq,
            "server_seq": r.server_seq, "payload": r.payload}
