"""The values a reminder (催办函, 督办通知) adds to a document's context: the overdue step, its due date,
the working days over, the earlier reminders of the same step, the reply date and who is addressed.

Every value comes from the record (``app.domain.reminders``) and the office; the templates
(``resources/templates/urge_letter*.toml``, ``supervision_notice*.toml``) print nothing else.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from app.documents.context import chinese_date
from app.documents.wording import self_reference
from app.domain.complaint import Complaint
from app.domain.deadlines import DueKind
from app.domain.reminders import SUPERVISION_NOTICE, OverdueStep
from app.domain.vocabulary import State

_ROUNDS = "一二三四五六七八九十"
OUTCOME_LABELS = {
    State.UNSUBSTANTIATED: "经核实情况不属实",
    State.DISPUTED: "存在分歧",
    State.RECTIFIED: "已整改",
    State.REPAIRED: "已信用修复",
    State.BREACH_CONFIRMED: "已确认违约失信",
    State.SANCTIONED: "已确认违约失信并实施惩戒",
}


def round_words(n: int) -> str:
    """``第二次`` for the second reminder of a step, empty for the first (the title then says 催办 alone)."""
    if n <= 1:
        return ""
    return f"第{_ROUNDS[n - 1]}次" if n <= len(_ROUNDS) else f"第{n}次"


@dataclass(frozen=True)
class ReminderFacts:
    """What the service found for one reminder (the step as of the issue date, the earlier ones…)."""

    kind: str
    step: OverdueStep
    office_region: str
    reply_due: date
    responsible_body: str
    county_office: str = ""
    earlier: tuple[dict[str, Any], ...] = field(default_factory=tuple)  # ``Complaint.documents`` entries


def reminder_values(c: Complaint, facts: ReminderFacts, issuer: str) -> dict[str, Any]:
    """The reminder's own placeholders (``RECORD_KEYS`` among them, which the acceptance check reads)."""
    step = facts.step
    n = len(facts.earlier) + 1
    own = self_reference(issuer)
    verb = "督办" if facts.kind == SUPERVISION_NOTICE else "催办"
    earlier = ""
    if facts.earlier:
        listed = "、".join(f"{chinese_date(d.get('on'))}（{d.get('number')}）" for d in facts.earlier)
        earlier = f"{own}已于{listed}{verb}，现{round_words(n)}{verb}。"
    over = step.working_days_over
    department = c.department or (c.intake.get("respondent") or {}).get("competent_department", "")
    return {
        "reminder_step": step.step.value,
        "reminder_due_on": step.due_on.isoformat(),
        "reminder_round": str(n),
        "office_region": facts.office_region,
        "step_label": {DueKind.CONCLUDE: "核实认定", DueKind.RECTIFY: "整改",
                       DueKind.FEEDBACK: "反馈投诉人"}[step.step],
        "step_conclude": "1" if step.step == DueKind.CONCLUDE else "",
        "step_rectify": "1" if step.step == DueKind.RECTIFY else "",
        "step_feedback": "1" if step.step == DueKind.FEEDBACK else "",
        "due_date": chinese_date(step.due_on),
        "overdue_phrase": f"已超过期限{over}个工作日" if over > 0 else "已超过期限",
        "round_words": round_words(n),
        "earlier_reminders": earlier,
        "reply_due_date": chinese_date(facts.reply_due),
        "responsible_body": facts.responsible_body,
        "county_office": facts.county_office,
        "self_ref": own,
        "copy_department": department if step.step == DueKind.RECTIFY and department != facts.responsible_body
        else "",
        "outcome_label": OUTCOME_LABELS.get(c.state, ""),
    }
