"""Chinese renderings of read models, shared by the CLI and the window (timeline lines, deadlines)."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from app.domain.deadlines import DUE_KIND_LABELS, DeadlineStatus
from app.domain.money import format_money
from app.domain.vocabulary import (
    Action,
    BreachKind,
    Channel,
    DisputePath,
    FeedbackMethod,
    Finding,
    Resolution,
    SanctionMeasure,
    Sector,
    State,
    label,
)


def deadline_text(status: DeadlineStatus | None) -> str:
    if status is None:
        return "—"
    kind = DUE_KIND_LABELS[status.kind]
    due = f"{status.due_on.month}月{status.due_on.day}日"
    if status.overdue:
        text = f"{kind}已超期{-status.working_days_left}个工作日（{due}）" if status.working_days_left < 0 \
            else f"{kind}已超期（{due}）"
    elif status.working_days_left == 0:
        text = f"{kind}今日到期"
    else:
        text = f"{kind}剩{status.working_days_left}个工作日（{due}）"
    if status.extended:
        text += "·已延期"
    if status.fallback_years:
        years = "、".join(str(y) for y in status.fallback_years)
        text += f"（{years}年节假日安排未录入，按双休日计算）"
    return text


def money_text(value: Any) -> str:
    if value in (None, ""):
        return "—"
    return f"{format_money(Decimal(str(value)))} 元"


def _lbl(enum, value: Any) -> str:
    try:
        return label(enum(value))
    except ValueError:
        return str(value)


def event_summary(action: str, p: dict[str, Any], names: dict[str, str] | None = None) -> str:
    """One line saying what an event recorded."""
    names = names or {}
    match action:
        case Action.REGISTER:
            return f"登记为 {p.get('case_no', '')}"
        case Action.REJECT:
            return f"不予受理：{p.get('reason', '')}"
        case Action.MERGE:
            return f"并入 {p.get('duplicate_case_no') or p.get('duplicate_of', '')}"
        case Action.FORWARD:
            return f"转办至 {p.get('department', '')}"
        case Action.CONCLUDE:
            text = f"核实认定：{_lbl(Finding, p.get('finding'))}"
            if p.get("rectify_due"):
                text += f"，整改期限 {p['rectify_due']}"
            if p.get("dispute_path"):
                text += f"，{_lbl(DisputePath, p['dispute_path'])}"
            return text
        case Action.EXTEND:
            return f"延期至 {p.get('new_due', '')}：{p.get('reason', '')}"
        case Action.RECTIFY:
            return f"已整改：{p.get('evidence', '')}"
        case Action.REFUSE:
            return f"拒不整改，经 {p.get('confirmed_by', '')} 确认为违约失信"
        case Action.SANCTION:
            measures = "、".join(_lbl(SanctionMeasure, m) for m in p.get("measures", []))
            return f"{p.get('imposed_by', '')} 实施惩戒：{measures}"
        case Action.REPAIR:
            return f"信用修复（履约日期 {p.get('fulfilled_on', '')}），解除全部惩戒措施"
        case Action.FEEDBACK:
            return f"以{_lbl(FeedbackMethod, p.get('method'))}方式反馈投诉人：{p.get('summary', '')}"
        case Action.CLOSE:
            return f"办结：{p.get('summary', '')}"
        case Action.REOPEN:
            return f"重新办理：{p.get('reason', '')}"
        case Action.NOTE:
            return f"备注：{p.get('text', '')}"
        case Action.ATTACH:
            return f"添加附件 {p.get('filename', '')}"
        case Action.AMEND:
            return f"更正 {len(p.get('changes', {}))} 项登记信息：{p.get('reason', '')}"
        case Action.ASSIGN:
            return f"指派承办人 {names.get(p.get('assignee', ''), p.get('assignee', ''))}"
        case Action.MARK_TYPICAL:
            return "标记为典型案例" if p.get("typical", True) else "取消典型案例标记"
        case Action.RESOLVE:
            return f"核对待核对事项：{_lbl(Resolution, p.get('decision'))}" + (f"（{p['note']}）" if p.get("note") else "")
        case Action.ISSUE_DOCUMENT:
            from app.domain.document_kinds import kind_label

            return f"开具{kind_label(p.get('kind', ''), p.get('variant'))} {p.get('number', '')}"
    return action


def complaint_summary_lines(profile, detail) -> list[str]:
    from app.services.queries import local_time

    c = detail.complaint
    i = c.intake
    region = profile.regions.find(c.region_code)
    lines = [
        f"案号：{c.case_no}    状态：{label(c.state)}{'（典型案例）' if c.typical else ''}",
        f"办理期限：{deadline_text(detail.deadline)}",
        f"登记时间：{local_time(c.registered_at)}    收到日期：{c.received_on.isoformat()}    "
        f"来源渠道：{_lbl(Channel, i['channel'])}",
        f"投诉人：{i['complainant']['name']}（{i['complainant']['credit_code']}）"
        f"  联系人：{i['complainant']['contact_person']} {i['complainant']['phone']}",
        f"被投诉主体：{i['respondent']['name']}（{region.name if region else c.region_code}）"
        f"  主管部门：{i['respondent']['competent_department']}",
        f"领域：{_lbl(Sector, i['sector'])}    情形：{_lbl(BreachKind, i['breach_kind'])}",
        f"协议：{i['agreement']['title']}  金额：{money_text(i['agreement'].get('amount'))}",
        f"诉求：{i['claim']['text']}（{money_text(i['claim'].get('amount'))}）",
        f"事项：{i['description']}",
    ]
    if c.department:
        lines.append(f"转办部门：{c.department}")
    if c.active_sanctions:
        measures = sorted({m for s in c.active_sanctions for m in s["measures"]})
        lines.append("惩戒措施：" + "、".join(_lbl(SanctionMeasure, m) for m in measures))
    for kept in c.conflicts:
        lines.append(f"待核对：{_lbl(Action, kept['action'])}（{local_time(kept['at'])}，与其他设备的操作同时发生，"
                     f"未生效，须由审核人核对处理，事件 {kept['event']}）")
    if c.state == State.CLOSED and c.closure:
        lines.append(f"办结方式：{ {'closed': '办结', 'rejected': '不予受理', 'merged': '合并'}.get(c.closure['kind'], '') }")
    return lines


def timeline_text(detail) -> list[str]:
    from app.services.queries import local_time

    return [f"{local_time(t.at)}  {t.actor_name or '—'}  {label(Action(t.action))}  "
            f"{event_summary(t.action, t.payload, detail.names)}" for t in detail.timeline]
