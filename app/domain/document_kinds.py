"""Document kinds 文书种类: what each notice or letter is, and which ones a complaint's state allows.

Pure rules, no I/O: ``available_kinds(complaint)`` is what the window and the CLI offer, and what
``app.services.documents.issue`` enforces. The wording of each kind lives in its template
(``resources/templates/``); the feedback letter has three variants chosen by the finding.
"""

from __future__ import annotations

from enum import StrEnum

from app.domain.complaint import Complaint
from app.domain.vocabulary import Finding, State


class DocumentKind(StrEnum):
    RECEIPT = "receipt"  # 受理回执, to the complainant
    REJECTION = "rejection"  # 不予受理告知书, to the complainant
    FORWARD_LETTER = "forward_letter"  # 转办函, to the competent department
    RECTIFICATION_NOTICE = "rectification_notice"  # 整改督促通知书, to the respondent
    BREACH_DETERMINATION = "breach_determination"  # 违约失信确认通知 (formerly 认定书), to the respondent
    REPAIR_NOTICE = "repair_notice"  # 信用修复告知书, to the respondent
    FEEDBACK_LETTER = "feedback_letter"  # 核实情况反馈函, to the complainant
    URGE_LETTER = "urge_letter"  # 催办函, to the department or the respondent (app.domain.reminders)
    SUPERVISION_NOTICE = "supervision_notice"  # 督办通知, from the prefecture (app.domain.reminders)


class FeedbackVariant(StrEnum):
    UNSUBSTANTIATED = "unsubstantiated"  # 情况不属实: the explanation
    RECTIFIED = "rectified"  # 情况属实: rectified, or repaired after a breach
    DISPUTED = "disputed"  # 存在分歧: mediation or the legal route, with the remedies
    BREACH = "breach"  # 已确认违约失信, not (yet) repaired: the complainant is told the outcome


# A document to a body the office does not stand above (its own government, higher bodies, other
# counties, courts …: ``app.domain.recipients``) is the ``letter`` variant of its kind: a 函, 贵单位.
LETTER_VARIANT = "letter"
# Kinds addressed to a government body, and whether the body is the department or the respondent.
ADDRESSED_TO_DEPARTMENT = frozenset({"forward_letter"})
ADDRESSED_TO_RESPONDENT = frozenset({"rectification_notice", "breach_determination", "repair_notice"})


KIND_LABELS: dict[str, str] = {
    DocumentKind.RECEIPT: "受理回执",
    DocumentKind.REJECTION: "不予受理告知书",
    DocumentKind.FORWARD_LETTER: "转办函",
    DocumentKind.RECTIFICATION_NOTICE: "整改督促通知书",
    DocumentKind.BREACH_DETERMINATION: "违约失信确认通知",
    DocumentKind.REPAIR_NOTICE: "信用修复告知书",
    DocumentKind.FEEDBACK_LETTER: "核实情况反馈函",
    DocumentKind.URGE_LETTER: "催办函",
    DocumentKind.SUPERVISION_NOTICE: "督办通知",
}

VARIANT_LABELS: dict[str, str] = {
    FeedbackVariant.UNSUBSTANTIATED: "情况不属实",
    FeedbackVariant.RECTIFIED: "已整改",
    FeedbackVariant.DISPUTED: "存在分歧",
    FeedbackVariant.BREACH: "已确认违约失信",
    LETTER_VARIANT: "函",
    "office": "主送县级发展改革部门",
}

# States a feedback letter answers (the feedback action's sources) and the closures that end a case
# without a decision on its merits.
_ANSWERED = frozenset({State.UNSUBSTANTIATED, State.DISPUTED, State.RECTIFIED, State.REPAIRED,
                       State.BREACH_CONFIRMED, State.SANCTIONED})
_NOT_ACCEPTED = ("rejected", "merged")


def kind_label(kind: str, variant: str | None = None) -> str:
    """``核实情况反馈函（已整改）``; an unknown code is shown as it is."""
    name = KIND_LABELS.get(kind, kind)
    return f"{name}（{VARIANT_LABELS[variant]}）" if variant in VARIANT_LABELS else name


def _closure_kind(c: Complaint) -> str | None:
    return (c.closure or {}).get("kind") if c.state == State.CLOSED else None


def _finding(c: Complaint) -> str | None:
    return (c.finding or {}).get("finding")


def feedback_variant(c: Complaint) -> FeedbackVariant | None:
    """The variant of the feedback letter this complaint calls for, or None if no letter is due yet."""
    state = c.state_before_close if c.state == State.CLOSED and _closure_kind(c) == "closed" else c.state
    if state not in _ANSWERED:
        return None
    if state == State.UNSUBSTANTIATED:
        return FeedbackVariant.UNSUBSTANTIATED
    if state == State.DISPUTED:
        return FeedbackVariant.DISPUTED
    if state in (State.BREACH_CONFIRMED, State.SANCTIONED):
        return FeedbackVariant.BREACH
    return FeedbackVariant.RECTIFIED


def recipient_body(kind: str, c: Complaint) -> tuple[str, str | None] | None:
    """The government body a document of ``kind`` goes to (name, region code if recorded), or None when
    it goes to the complainant."""
    respondent = c.intake.get("respondent") or {}
    if kind in ADDRESSED_TO_DEPARTMENT:
        return (c.department or respondent.get("competent_department") or "", None)
    if kind in ADDRESSED_TO_RESPONDENT:
        return (respondent.get("name") or "", respondent.get("region_code"))
    return None


def document_variant(kind: str, c: Complaint, form: str | None = None) -> str | None:
    """The template variant for ``kind``: the feedback letter's by the outcome; a document to a body the
    office does not stand above (``form`` "letter", from ``app.domain.recipients``) is ``letter``."""
    if kind == DocumentKind.FEEDBACK_LETTER:
        return feedback_variant(c)
    if (kind in ADDRESSED_TO_DEPARTMENT or kind in ADDRESSED_TO_RESPONDENT) and form == "letter":
        return LETTER_VARIANT
    return None


def available_kinds(c: Complaint) -> list[DocumentKind]:
    """Kinds that can be issued for the complaint now, in the order of the workflow.

    - receipt: any accepted complaint (not after 不予受理 or 合并);
    - rejection: after 不予受理; forward letter: once forwarded to a department;
    - rectification notice: after a substantiated conclusion (requirements and due date known);
    - breach determination: after 拒不整改 was confirmed; repair notice: after 信用修复;
    - feedback letter: in the states the feedback action answers (and after closing from them).

    The reminders (催办函, 督办通知) depend on the day, the calendar and the issuing office as well:
    ``app.domain.reminders.availability`` offers them.
    """
    closure = _closure_kind(c)
    kinds: list[DocumentKind] = []
    if closure not in _NOT_ACCEPTED:
        kinds.append(DocumentKind.RECEIPT)
    if closure == "rejected":
        kinds.append(DocumentKind.REJECTION)
    if c.department and closure not in _NOT_ACCEPTED:
        kinds.append(DocumentKind.FORWARD_LETTER)
    finding = c.finding or {}
    if _finding(c) == Finding.SUBSTANTIATED and finding.get("requirements") and c.rectify_due:
        kinds.append(DocumentKind.RECTIFICATION_NOTICE)
    if c.breach:
        kinds.append(DocumentKind.BREACH_DETERMINATION)
    if c.repair:
        kinds.append(DocumentKind.REPAIR_NOTICE)
    if feedback_variant(c) is not None:
        kinds.append(DocumentKind.FEEDBACK_LETTER)
    return kinds
