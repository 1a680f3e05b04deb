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
from app.documents.wording import addressed, quoted, self_reference
from app.domain.complaint import Complaint
from app.domain.deadlines import DeadlineRules
from app.domain.recipients import Addressing
from app.domain.sanctions import credit_measures
from app.domain.vocabulary import (
    BreachKind,
    Channel,
    DisputePath,
    RefusalGround,
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


# The legal bases a document cites besides the 509号 plan, by breach kind: 《优化营商环境条例》第三十一条
# for every breach of a contract or a policy promise; for money owed (拖欠账款) also the regulation on
# paying small and medium-sized enterprises.
_OPTIMISE = "《优化营商环境条例》第三十一条"
_SME_PAYMENT = "《保障中小企业款项支付条例》"
LEGAL_BASES = {
    BreachKind.UNPAID: f"{_OPTIMISE}和{_SME_PAYMENT}",
    BreachKind.POLICY_UNFULFILLED: _OPTIMISE,
    BreachKind.UNILATERAL_CHANGE: _OPTIMISE,
    BreachKind.REORGANISATION_EXCUSE: _OPTIMISE,
    BreachKind.OTHER: _OPTIMISE,
}


@dataclass(frozen=True)
class ForwardFacts:
    """What the last 转办 or 改派 event said (the aggregate keeps only the department)."""

    forwarded_on: date | None = None
    conclude_due: date | None = None
    note: str | None = None
    redirected: bool = False  # the last one was a 改派


@dataclass(frozen=True)
class Timing:
    """The time limits a receipt states: the deadline rules in force and the forward due date."""

    rules: DeadlineRules
    forward_due: date | None = None


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


def _day(value: Any) -> date | None:
    return date.fromisoformat(str(value)[:10]) if value else None


def _measure_names(sanction: Mapping[str, Any]) -> list[str]:
    """The credit measures of one 惩戒 as printed (追究责任 of old events is not one)."""
    names = [_label(SanctionMeasure, m) for m in credit_measures(dict(sanction))]
    return names + [phrase(m) for m in sanction.get("other_measures") or () if phrase(m)]


def _by_body(sanctions: list[Mapping[str, Any]]) -> str:
    """``双柏县人民政府实施的公开通报批评、取消评优评先；楚雄州发展和改革委员会实施的…``."""
    grouped: dict[str, list[str]] = {}
    for s in sanctions:
        grouped.setdefault(phrase(s.get("imposed_by")), []).extend(_measure_names(s))
    return "；".join(f"{body}实施的{'、'.join(dict.fromkeys(names))}" for body, names in grouped.items() if names)


def _sanction_split(c: Complaint, own_names: set[str]) -> dict[str, Any]:
    """The sanctions as a repair sees them: the office's own ended by it, others' named with their owners,
    the ones whose end date had passed before the repair 已到期."""
    repaired_on = _day((c.repair or {}).get("on"))
    expired, own, others = [], [], []
    for s in c.sanctions:
        if not _measure_names(s):
            continue
        end = _day(s.get("end_on"))
        if end is not None and (repaired_on is None or end < repaired_on):
            expired.append(s)
        elif phrase(s.get("imposed_by")) in own_names:
            own.append(s)
        else:
            others.append(s)
    own_measures = "、".join(dict.fromkeys(n for s in own for n in _measure_names(s)))
    return {
        "own_measures": own_measures,
        "others_measures": _by_body(others),
        "others_bodies": list(dict.fromkeys(phrase(s.get("imposed_by")) for s in others)),
        "expired_measures": "；".join(
            f"{phrase(s.get('imposed_by'))}实施的{'、'.join(_measure_names(s))}（至{chinese_date(s.get('end_on'))}）"
            for s in expired),
    }


def document_context(
    c: Complaint, office: Mapping[str, Any], *, number: str, issued_on: date, forward: ForwardFacts | None = None,
    addressing: Addressing | None = None, recipient: str = "", timing: Timing | None = None,
) -> dict[str, Any]:
    """Every value the templates may use, for complaint ``c`` issued by ``office`` as ``number``.

    ``addressing`` and ``recipient``: how the document addresses the body it goes to (free text about
    that body is framed for it: ``app.documents.wording``); ``timing``: the time limits a receipt states.
    """
    forward = forward or ForwardFacts()
    pronoun = addressing.pronoun if addressing is not None else ""

    def to_recipient(text: str) -> str:
        return addressed(text, recipient, pronoun) if pronoun else text
    intake = c.intake
    complainant, respondent = intake.get("complainant", {}), intake.get("respondent", {})
    agreement, claim = intake.get("agreement", {}), intake.get("claim", {})
    finding = c.finding or {}
    breach = c.breach or {}
    repair = c.repair or {}
    rectification = c.rectification or {}
    closure = c.closure or {}
    sanctions = c.sanctions
    measure_names = list(dict.fromkeys(n for s in sanctions for n in _measure_names(s)))
    bodies = list(dict.fromkeys(phrase(s.get("imposed_by")) for s in sanctions))
    department = c.department or respondent.get("competent_department", "")
    own_names = {phrase(office.get("issuer")), phrase(office.get("signer"))} - {""}
    split = _sanction_split(c, own_names)
    ground = breach.get("ground") or RefusalGround.OVERDUE if breach else ""
    redirect = c.redirects[-1] if c.redirects and forward.redirected else {}
    rules = timing.rules if timing is not None else None
    values: dict[str, Any] = {
        # the issuing office (office settings)
        "issuer": office["issuer"],
        "self_ref": self_reference(office["issuer"]),  # 本局, 本委 (the prefecture's 委员会) …
        "signer": office["signer"],
        "printed_by": office.get("printed_by", ""),
        "extra_copy_to": list(office.get("extra_copy_to") or ()),
        "contact_person": office.get("contact_person", ""),
        "contact_phone": office.get("contact_phone", ""),
        "office_address": office.get("address", ""),
        "contact_details": _contact_details(office),
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
        "legal_bases": LEGAL_BASES.get(intake.get("breach_kind"), _OPTIMISE),
        "arrears": _flag(intake.get("breach_kind") == BreachKind.UNPAID),
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
        "forward_note": to_recipient(sentence(forward.note)),
        "redirected": _flag(redirect),
        "redirected_from": phrase(redirect.get("from_department")),
        "redirect_reason": sentence(redirect.get("reason")),
        # 时限 (受理回执)
        "forward_days": str(rules.forward_days) if rules else "",
        "conclude_days": str(rules.conclude_days) if rules else "",
        "feedback_days": str(rules.feedback_days) if rules else "",
        "forward_due_date": chinese_date(timing.forward_due) if timing else "",
        # 核实认定
        "finding_date": chinese_date(finding.get("on")),
        "explanation": sentence(finding.get("explanation")),
        "explanation_quoted": quoted("核实意见", sentence(finding.get("explanation"))),
        "determined_by": phrase(finding.get("determined_by")) or department,
        "requirements": to_recipient(sentence(finding.get("requirements"))),
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
        "breach_facts": to_recipient(sentence(breach.get("facts"))),
        "breach_document_ref": phrase(breach.get("document_ref")),
        "breach_ground_overdue": _flag(breach and ground == RefusalGround.OVERDUE),
        "breach_ground_refused": _flag(breach and ground == RefusalGround.REFUSED),
        "breach_ground_detail": to_recipient(sentence(breach.get("ground_detail"))),
        "breach_on_date": chinese_date(breach.get("on")),
        "sanctioned": _flag(sanctions),
        "sanction_measures": "、".join(measure_names),
        "sanction_imposed_by": "、".join(bodies),
        "sanction_bodies": bodies,  # a list: one 抄送 entry each
        "sanctions_by_body": _by_body(sanctions),
        "own_measures": split["own_measures"],
        "others_measures": split["others_measures"],
        "others_bodies": split["others_bodies"],  # a list: one 抄送 entry each
        "expired_measures": split["expired_measures"],
        "repaired": _flag(repair),
        "repair_evidence": sentence(repair.get("evidence")),
        "repair_fulfilled_date": chinese_date(repair.get("fulfilled_on")),
        "repair_date": chinese_date(repair.get("on")),
    }
    return values


def _contact_details(office: dict[str, Any]) -> str:
    """"联系人：王颖，电话：0878-7721234" (or the telephone alone), for a contact inside a sentence."""
    person, phone = office.get("contact_person") or "", office.get("contact_phone") or ""
    if not phone:
        return ""
    return f"联系人：{person}，电话：{phone}" if person else f"电话：{phone}"
