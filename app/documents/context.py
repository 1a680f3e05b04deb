"""The data a document is filled with: one flat dict of strings from the complaint and the office.

``document_context`` gives every value any template may use; the service keeps, as the event's
snapshot, only the keys the chosen template reads (``Template.fields``). Dates are written as on
official documents (``2026年11月26日``), amounts in yuan (``120万元``, ``1,234.50元``), codes as labels,
and free text entered by officers is trimmed and ends with a full stop when it is used as a sentence.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Any

from app.documents.model import format_chinese_date
from app.domain.complaint import Complaint
from app.domain.vocabulary import (
    BreachKind,
    Channel,
    DisputePath,
    RespondentKind,
    SanctionMeasure,
    Sector,
    label,
)

_SENTENCE_ENDS = ("。", "！", "？", "…", "。”", "！”", "？”", "。）")

# The breach as a verb phrase: "在履行《协议》过程中{breach_phrase}".
BREACH_PHRASES = {
    BreachKind.UNPAID: "拖欠账款",
    BreachKind.POLICY_UNFULFILLED: "未兑现政策承诺",
    BreachKind.UNILATERAL_CHANGE: "单方面变更或解除协议",
    BreachKind.REORGANISATION_EXCUSE: "以机构调整、人员变动等理由不履约",
    BreachKind.OTHER: "违约毁约",
}


@dataclass(frozen=True)
class ForwardFacts:
    """What the last 转办 event said (the aggregate keeps only the department)."""

    forwarded_on: date | None = None
    conclude_due: date | None = None
    note: str | None = None


def chinese_date(value: date | str | None) -> str:
    if not value:
        return ""
    day = value if isinstance(value, date) else date.fromisoformat(str(value)[:10])
    return format_chinese_date(day)


def sentence(text: Any) -> str:
    """Officer's free text as a sentence: trimmed, inner line breaks kept, a final 。 when missing."""
    value = str(text or "").strip()
    if not value:
        return ""
    value = value.rstrip("，,；;：: ")
    return value if value.endswith(_SENTENCE_ENDS) else value + "。"


def phrase(text: Any) -> str:
    """Free text used inside a sentence: trimmed, without a final full stop."""
    return str(text or "").strip().rstrip("。；;，, ")


def yuan(value: Any) -> str:
    """``120万元`` for whole ten-thousands, else ``125000元`` or ``1234567.89元``; empty when absent.

    No thousands separators, as in the running text of official documents (GB/T 15835).
    """
    if value in (None, ""):
        return ""
    try:
        amount = Decimal(str(value)).quantize(Decimal("0.01"))
    except InvalidOperation:
        return str(value)
    if amount and amount % 10000 == 0:
        return f"{int(amount // 10000)}万元"
    if amount == amount.to_integral_value():
        return f"{int(amount)}元"
    return f"{amount}元"


def _label(enum, value: Any) -> str:
    try:
        return label(enum(value))
    except ValueError:
        return str(value or "")


def _flag(condition: Any) -> str:
    return "1" if condition else ""


def document_context(
    c: Complaint, office: Mapping[str, Any], *, number: str, issued_on: date, forward: ForwardFacts | None = None
) -> dict[str, Any]:
    """Every value the templates may use, for complaint ``c`` issued by ``office`` as ``number``."""
    forward = forward or ForwardFacts()
    intake = c.intake
    complainant, respondent = intake.get("complainant", {}), intake.get("respondent", {})
    agreement, claim = intake.get("agreement", {}), intake.get("claim", {})
    finding = c.finding or {}
    breach = c.breach or {}
    repair = c.repair or {}
    rectification = c.rectification or {}
    closure = c.closure or {}
    sanctions = c.sanctions
    measures = list(dict.fromkeys(m for s in sanctions for m in s.get("measures", [])))
    bodies = list(dict.fromkeys(phrase(s.get("imposed_by")) for s in sanctions))
    department = c.department or respondent.get("competent_department", "")
    values: dict[str, Any] = {
        # the issuing office (office settings)
        "issuer": office["issuer"],
        "signer": office["signer"],
        "printed_by": office.get("printed_by", ""),
        "extra_copy_to": list(office.get("extra_copy_to") or ()),
        "contact_person": office.get("contact_person", ""),
        "contact_phone": office.get("contact_phone", ""),
        "office_address": office.get("address", ""),
        "upstream_office": office.get("upstream_office", ""),
        "number": number,
        "issued_on": issued_on.isoformat(),
        "issued_date": chinese_date(issued_on),
        # the complaint as registered
        "case_no": c.case_no,
        "received_date": chinese_date(c.received_on),
        "registered_date": chinese_date(c.registered_on),
        "channel_label": _label(Channel, intake.get("channel")),
        "channel_ref": intake.get("channel_ref") or "",
        "complainant_name": complainant.get("name", ""),
        "complainant_code": complainant.get("credit_code", ""),
        "complainant_contact": complainant.get("contact_person", ""),
        "complainant_phone": complainant.get("phone", ""),
        "complainant_address": complainant.get("address") or "",
        "respondent_name": respondent.get("name", ""),
        "respondent_kind": _label(RespondentKind, respondent.get("kind")),
        "competent_department": respondent.get("competent_department", ""),
        "sector_label": _label(Sector, intake.get("sector")),
        "breach_kind_label": _label(BreachKind, intake.get("breach_kind")),
        "breach_phrase": BREACH_PHRASES.get(intake.get("breach_kind"), "违约毁约"),
        "agreement_title": phrase(agreement.get("title")).strip("《》"),
        "agreement_number": agreement.get("number") or "",
        "agreement_signed_date": chinese_date(agreement.get("signed_on")),
        "agreement_amount": yuan(agreement.get("amount")),
        "claim_text": sentence(claim.get("text")),
        "claim_amount": yuan(claim.get("amount")),
        "description": sentence(intake.get("description")),
        # 转办
        "department": department,
        "forward_date": chinese_date(forward.forwarded_on),
        "conclude_due_date": chinese_date(forward.conclude_due),
        "forward_note": sentence(forward.note),
        # 核实认定
        "finding_date": chinese_date(finding.get("on")),
        "explanation": sentence(finding.get("explanation")),
        "determined_by": phrase(finding.get("determined_by")) or department,
        "requirements": sentence(finding.get("requirements")),
        "rectify_due_date": chinese_date(c.rectify_due or finding.get("rectify_due")),
        "dispute_mediation": _flag(finding.get("dispute_path") == DisputePath.MEDIATION),
        "dispute_legal": _flag(finding.get("dispute_path") == DisputePath.LEGAL_REMEDY),
        # 不予受理
        "reject_reason": sentence(closure.get("reason")) if closure.get("kind") == "rejected" else "",
        "reject_basis": sentence(closure.get("legal_basis")) if closure.get("kind") == "rejected" else "",
        "rejected_date": chinese_date(closure.get("on")) if closure.get("kind") == "rejected" else "",
        # 整改, 违约失信, 惩戒, 信用修复
        "rectified": _flag(rectification),
        "rectified_date": chinese_date(rectification.get("on")),
        "rectify_evidence": sentence(rectification.get("evidence")),
        "breach_confirmed": _flag(breach),
        "breach_confirmed_by": phrase(breach.get("confirmed_by")),
        "breach_confirmed_date": chinese_date(breach.get("confirmed_on")),
        "breach_facts": sentence(breach.get("facts")),
        "breach_document_ref": phrase(breach.get("document_ref")),
        "sanctioned": _flag(sanctions),
        "sanction_measures": "、".join(_label(SanctionMeasure, m) for m in measures),
        "sanction_imposed_by": "、".join(bodies),
        "sanction_bodies": bodies,  # a list: one 抄送 entry each
        "repaired": _flag(repair),
        "repair_evidence": sentence(repair.get("evidence")),
        "repair_fulfilled_date": chinese_date(repair.get("fulfilled_on")),
        "repair_date": chinese_date(repair.get("on")),
    }
    return values
