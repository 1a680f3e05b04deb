"""``python -m server admin event ...``: suspect events and the fleet-wide quarantine (全网隔离).

Handlers in the style of ``server.admin_handlers``: ``(session, args) -> (data, Chinese text)``.
"""

from __future__ import annotations

from dataclasses import asdict

from server.services import quarantine


def event_suspects(session, args):
    found = list(quarantine.suspects(session, since=args.since, limit=args.limit))
    data = [asdict(s) for s in found]
    if not found:
        return data, f"第 {args.since} 号之后没有可疑记录"
    lines = [f"可疑记录 {len(found)} 条（中心序号、记录编号、操作、地区、记录时间、问题）："]
    lines += [quarantine.describe_suspect(s) for s in found]
    lines.append("确认后用 admin event quarantine 记录编号 --note 说明 隔离；各设备下次同步后不再采用该记录。")
    return data, "\n".join(lines)


def event_quarantine(session, args):
    item = quarantine.set_aside(session, args.event_id, args.note, by=args.by)
    return item.model_dump(), (f"已隔离记录 {item.event_id}（{item.note}）。各设备下次同步后不再采用；"
                               "记录本身仍保存，可用 admin event release 解除。")


def event_release(session, args):
    quarantine.release(session, args.event_id, by=args.by)
    return {"event_id": args.event_id}, f"已解除对记录 {args.event_id} 的隔离，各设备下次同步后重新采用"


def event_list(session, args):
    rows = quarantine.listing(session)
    if not rows:
        return rows, "没有隔离的记录"
    return rows, "\n".join(f"{r['event_id']}  {r['action']}  {r['region']}  {r['at'][:16]}  {r['by']}：{r['note']}"
                           for r in rows)
