"""What each action dialog asks for, generated from the payload models of ``app.domain.payloads``.

The model says which fields exist, which are required and their types (date, choice, list of choices,
long text); this module adds the Chinese labels (English source, ``ActionFields`` context), which
fields pick a department from the reference data, which dates may only lie in the past or the
future, and the sensible defaults (today, the competent department, the next deadline).
"""

from __future__ import annotations

import types
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum
from typing import Annotated, Any, Union, get_args, get_origin

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from app.domain.facts import refusal_may_be_overdue
from app.domain.text_limits import limit_of
from app.domain.vocabulary import Action, FeedbackMethod, RefusalGround
from app.domain.workflow import RULES
from app.services.profile import Profile
from app.services.queries import ComplaintDetail

CONTEXT = "ActionFields"
HIDDEN = frozenset({"department_code", "duplicate_case_no", "back_to"})
DEPARTMENT_FIELDS = frozenset({"department", "determined_by", "confirmed_by", "imposed_by", "returned_by",
                               "decided_by"})
PAST_ONLY = frozenset({"rectified_on", "confirmed_on", "fulfilled_on", "given_on"})
FUTURE_ONLY = frozenset({"due_on", "rectify_due", "new_due"})


def tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


LABELS: dict[str, dict[str, str]] = {
    "reject": {
        "reason": QT_TRANSLATE_NOOP("ActionFields", "Reason for not accepting"),
        "legal_basis": QT_TRANSLATE_NOOP("ActionFields", "Legal basis"),
    },
    "merge": {
        "duplicate_of": QT_TRANSLATE_NOOP("ActionFields", "Duplicate of (case number)"),
        "reason": QT_TRANSLATE_NOOP("ActionFields", "Reason"),
    },
    "forward": {
        "department": QT_TRANSLATE_NOOP("ActionFields", "Forward to"),
        "due_on": QT_TRANSLATE_NOOP("ActionFields", "Conclusion due"),
        "note": QT_TRANSLATE_NOOP("ActionFields", "Note to the department"),
    },
    "redirect": {
        "department": QT_TRANSLATE_NOOP("ActionFields", "Redirect to"),
        "reason": QT_TRANSLATE_NOOP("ActionFields", "Reason for redirecting"),
        "due_on": QT_TRANSLATE_NOOP("ActionFields", "Conclusion due"),
        "note": QT_TRANSLATE_NOOP("ActionFields", "Note to the department"),
    },
    "return": {
        "returned_by": QT_TRANSLATE_NOOP("ActionFields", "Returned by"),
        "reason": QT_TRANSLATE_NOOP("ActionFields", "Reason given for the return"),
    },
    "hold_accountable": {
        "decided_by": QT_TRANSLATE_NOOP("ActionFields", "Decided by"),
        "decided_on": QT_TRANSLATE_NOOP("ActionFields", "Decided on"),
        "document_ref": QT_TRANSLATE_NOOP("ActionFields", "Number of the decision"),
        "note": QT_TRANSLATE_NOOP("ActionFields", "Note"),
    },
    "conclude": {
        "finding": QT_TRANSLATE_NOOP("ActionFields", "Finding"),
        "explanation": QT_TRANSLATE_NOOP("ActionFields", "Result of the verification"),
        "determined_by": QT_TRANSLATE_NOOP("ActionFields", "Determined by"),
        "requirements": QT_TRANSLATE_NOOP("ActionFields", "Rectification requirements"),
        "rectify_due": QT_TRANSLATE_NOOP("ActionFields", "Rectify by"),
        "dispute_path": QT_TRANSLATE_NOOP("ActionFields", "How the dispute is settled"),
    },
    "extend": {
        "new_due": QT_TRANSLATE_NOOP("ActionFields", "New due date"),
        "reason": QT_TRANSLATE_NOOP("ActionFields", "Reason for the extension"),
    },
    "rectify": {
        "evidence": QT_TRANSLATE_NOOP("ActionFields", "Evidence of fulfilment"),
        "rectified_on": QT_TRANSLATE_NOOP("ActionFields", "Rectified on"),
    },
    "refuse": {
        "confirmed_by": QT_TRANSLATE_NOOP("ActionFields", "Confirmed by"),
        "confirmed_on": QT_TRANSLATE_NOOP("ActionFields", "Confirmed on"),
        "facts": QT_TRANSLATE_NOOP("ActionFields", "Facts of the breach"),
        "document_ref": QT_TRANSLATE_NOOP("ActionFields", "Number of the determination"),
        "ground": QT_TRANSLATE_NOOP("ActionFields", "Ground"),
        "ground_detail": QT_TRANSLATE_NOOP("ActionFields", "How the body refused"),
    },
    "sanction": {
        "measures": QT_TRANSLATE_NOOP("ActionFields", "Sanction measures"),
        "other_measures": QT_TRANSLATE_NOOP("ActionFields", "Other measures"),
        "imposed_by": QT_TRANSLATE_NOOP("ActionFields", "Imposed by"),
        "start_on": QT_TRANSLATE_NOOP("ActionFields", "From"),
        "end_on": QT_TRANSLATE_NOOP("ActionFields", "Until"),
        "note": QT_TRANSLATE_NOOP("ActionFields", "Note"),
    },
    "repair": {
        "evidence": QT_TRANSLATE_NOOP("ActionFields", "Evidence of fulfilment"),
        "fulfilled_on": QT_TRANSLATE_NOOP("ActionFields", "Fulfilled on"),
    },
    "feedback": {
        "method": QT_TRANSLATE_NOOP("ActionFields", "Method"),
        "summary": QT_TRANSLATE_NOOP("ActionFields", "What the complainant was told"),
        "given_on": QT_TRANSLATE_NOOP("ActionFields", "Given on"),
    },
    "close": {
        "summary": QT_TRANSLATE_NOOP("ActionFields", "Summary of the handling"),
    },
    "reopen": {
        "reason": QT_TRANSLATE_NOOP("ActionFields", "Reason for reopening"),
    },
    "note": {
        "text": QT_TRANSLATE_NOOP("ActionFields", "Note"),
    },
    "assign": {
        "assignee": QT_TRANSLATE_NOOP("ActionFields", "Handler"),
        "note": QT_TRANSLATE_NOOP("ActionFields", "Note"),
    },
    "mark_typical": {
        "typical": QT_TRANSLATE_NOOP("ActionFields", "Typical case"),
        "reason": QT_TRANSLATE_NOOP("ActionFields", "Why it is typical"),
    },
    "amend": {
        "reason": QT_TRANSLATE_NOOP("ActionFields", "Reason for the correction"),
    },
    "resolve": {
        "conflict": QT_TRANSLATE_NOOP("ActionFields", "Change to settle"),
        "decision": QT_TRANSLATE_NOOP("ActionFields", "Decision"),
        "note": QT_TRANSLATE_NOOP("ActionFields", "Note"),
    },
}
PLACEHOLDERS: dict[str, str] = {
    "duplicate_of": QT_TRANSLATE_NOOP(
        "ActionFields", "e.g. 532322-2026-0003"),
    "document_ref": QT_TRANSLATE_NOOP(
        "ActionFields", "Document number of the competent department's determination"),
    "end_on": QT_TRANSLATE_NOOP(
        "ActionFields", "Leave empty: until the credit is repaired"),
    "other_measures": QT_TRANSLATE_NOOP(
        "ActionFields", "One per line: measures within your remit not listed above, e.g. 暂停新增合作项目"),
    "ground_detail": QT_TRANSLATE_NOOP(
        "ActionFields", "When and how the body refused, e.g. 2026年12月1日复函明确表示不予支付"),
}


# A placeholder that differs by action (the same field name means another document)
ACTION_PLACEHOLDERS: dict[tuple[str, str], str] = {
    ("hold_accountable", "document_ref"): QT_TRANSLATE_NOOP("ActionFields", "Document number of the decision"),
}


@dataclass(frozen=True)
class ActionField:
    name: str
    label: str  # English source text (translate with ``tr``)
    kind: str  # text, long, lines, date, opt_date, choice, multi, check, department
    required: bool
    enum: type[StrEnum] | None = None
    placeholder: str = ""
    limit: int | None = None  # the most characters of a long text (app.domain.text_limits)


def _max_length(annotation: Any, metadata: list) -> int | None:
    for item in metadata:
        if getattr(item, "max_length", None):
            return item.max_length
    if get_origin(annotation) is Annotated:
        return _max_length(get_args(annotation)[0], list(annotation.__metadata__))
    for arg in get_args(annotation):
        found = _max_length(arg, [])
        if found:
            return found
    return None


def _kind(annotation: Any, metadata: list, required: bool) -> tuple[str, type[StrEnum] | None]:
    base = annotation
    if get_origin(base) in (Union, types.UnionType):
        base = next(a for a in get_args(base) if a is not type(None))
    if get_origin(base) is Annotated:
        base = get_args(base)[0]
    if base is date:
        return ("date" if required else "opt_date"), None
    if isinstance(base, type) and issubclass(base, StrEnum):
        return "choice", base
    if get_origin(base) is list:
        item = get_args(base)[0]
        if get_origin(item) is Annotated:
            item = get_args(item)[0]
        if isinstance(item, type) and issubclass(item, StrEnum):
            return "multi", item
        return "lines", None
    if base is bool:
        return "check", None
    length = _max_length(annotation, metadata) or 200
    return ("long" if length > 200 else "text"), None


def fields_for(action: str) -> list[ActionField]:
    """The inputs of an action's dialog, in the payload model's order."""
    model = RULES[Action(action)].payload
    labels = LABELS.get(action, {})
    result = []
    for name, info in model.model_fields.items():
        if name in HIDDEN or name not in labels:
            continue
        kind, enum = _kind(info.annotation, list(info.metadata), info.is_required())
        if name in DEPARTMENT_FIELDS and kind == "text":
            kind = "department"
        placeholder = ACTION_PLACEHOLDERS.get((action, name)) or PLACEHOLDERS.get(name, "")
        limit = limit_of(info.annotation, info.metadata) if kind == "long" else None
        result.append(ActionField(name, labels[name], kind, info.is_required(), enum, placeholder, limit))
    return result


def defaults(action: str, detail: ComplaintDetail, profile: Profile, today: date) -> dict[str, Any]:
    """Values a dialog opens with: today, the competent department, the next deadline."""
    complaint = detail.complaint
    department = complaint.department or complaint.intake["respondent"]["competent_department"]
    iso = today.isoformat()
    values: dict[str, Any] = {name: iso for name in ("confirmed_on", "start_on", "fulfilled_on", "given_on",
                                                     "rectified_on", "decided_on")}
    values.update(department=department, determined_by=department, confirmed_by=department, imposed_by=department,
                  returned_by=complaint.department)
    if action == "redirect":
        values["department"] = ""
        values["due_on"] = profile.calendar.add_working_days(today, profile.rules.conclude_days).isoformat()
    values["ground"] = (RefusalGround.OVERDUE if refusal_may_be_overdue(complaint, today)
                        else RefusalGround.REFUSED).value
    if action == "forward":
        values["department"] = complaint.intake["respondent"]["competent_department"]
        values["due_on"] = profile.calendar.add_working_days(today, profile.rules.conclude_days).isoformat()
    # 30 days ahead, moved to the next working day: a deadline on a Sunday is no deadline
    values["rectify_due"] = profile.calendar.add_working_days(today + timedelta(days=30), 0).isoformat()
    current = detail.deadline.due_on if detail.deadline else today
    values["new_due"] = profile.calendar.add_working_days(max(current, today), 5).isoformat()
    values["method"] = FeedbackMethod.LETTER.value
    values["typical"] = not complaint.typical
    values["assignee"] = complaint.assignee
    return values
