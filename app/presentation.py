"""Chinese renderings of read models, shared by the CLI and the window (timeline lines, deadlines)."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from app.domain.deadlines import DUE_KIND_LABELS, DeadlineStatus, registration_lag
from app.domain.money import format_money
from app.domain.sanctions import credit_measures, in_force
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
        text += f"（{years}年节假日安排未录入，按双休日和元旦、劳动节、国庆节计算，春节等其他假日和调休未计入）"
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
        case Action.REDIRECT:
            return f"改派至 {p.get('department', '')}：{p.get('reason', '')}"
        case Action.RETURN:
            by = f"{p['returned_by']} " if p.get("returned_by") else ""
            return f"{by}退回：{p.get('reason', '')}"
        case Action.HOLD_ACCOUNTABLE:
            persons = "、".join(f"{x.get('name', '')}（{x.get('position', '')}，{x.get('outcome', '')}）"
                               for x in p.get("persons", []))
            return f"{p.get('decided_by', '')} 追究责任：{persons}"
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
            ground = "明确拒绝整改" if p.get("ground") == "refused" else "逾期未整改"
            return f"{ground}，经 {p.get('confirmed_by', '')} 确认为违约失信"
        case Action.SANCTION:
            measures = "、".join([_lbl(SanctionMeasure, m) for m in p.get("measures", [])]
                                + list(p.get("other_measures", [])))
            until = f"，至 {p['end_on']}" if p.get("end_on") else ""
            return f"{p.get('imposed_by', '')} 实施惩戒：{measures}{until}"
        case Action.REPAIR:
            return f"信用修复（履约日期 {p.get('fulfilled_on', '')}），终止实施中的惩戒措施"
        case Action.FEEDBACK:
            return f"以{_lbl(FeedbackMethod, p.get('method'))}方式反馈投诉人：{p.get('summary', '')}"
        case Action.CLOSE:
            return f"办结：{p.get('summary', '')}"
        case Action.REOPEN:
            target = {"forwarded": "，重新核实", "registered": "，重新受理"}.get(p.get("back_to") or "", "")
            return f"重新办理{target}：{p.get('reason', '')}"
        case Action.NOTE:
            return f"备注：{p.get('text', '')}"
        case Action.ATTACH:
            return f"添加附件 {p.get('filename', '')}"
        case Action.AMEND:
            return f"更正 {len(p.get('changes', {}))} 项登记信息：{p.get('reason', '')}"
        case Action.ASSIGN:
            return f"指派承办人 {names.get(p.get('assignee', ''), p.get('assignee', ''))}"
        case Action.MARK_TYPICAL:
            if p.get("typical", True):
                return "列为典型案例"
            return "不列为典型案例" if p.get("criteria") is not None else "取消典型案例标记"
        case Action.RESOLVE:
            return f"核对待核对事项：{_lbl(Resolution, p.get('decision'))}" + (f"（{p['note']}）" if p.get("note") else "")
        case Action.ISSUE_DOCUMENT:
            from app.domain.document_kinds import kind_label

            return f"开具{kind_label(p.get('kind', ''), p.get('variant'))} {p.get('number', '')}"
    return action


def complaint_summary_lines(profile, detail) -> list[str]:
    from app.domain.clock import china_date
    from app.services.queries import local_time

    today = china_date(profile.now()) if hasattr(profile, "now") else None
    c = detail.complaint
    i = c.intake
    region = profile.regions.find(c.region_code)
    lag_days = registration_lag(c, profile.calendar) if hasattr(profile, "calendar") else 0
    lag = f"（收到后第{lag_days}个工作日登记）" if lag_days > 0 else ""
    lines = [
        f"案号：{c.case_no}    状态：{label(c.state)}{'（典型案例）' if c.typical else ''}",
        f"办理期限：{deadline_text(detail.deadline)}",
        f"登记时间：{local_time(c.registered_at)}    收到日期：{c.received_on.isoformat()}{lag}    "
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
    running = in_force(c.sanctions, today) if today else c.active_sanctions
    if running:
        measures = sorted({m for s in running for m in credit_measures(s)})
        others = [m for s in running for m in s.get("other_measures") or []]
        lines.append("惩戒措施：" + "、".join([_lbl(SanctionMeasure, m) for m in measures] + others))
    for decision in c.accountability:
        persons = "、".join(f"{x['name']}（{x['position']}）{x['outcome']}" for x in decision["persons"])
        lines.append(f"追究责任：{decision['decided_by']} {decision['decided_on']}：{persons}")
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
