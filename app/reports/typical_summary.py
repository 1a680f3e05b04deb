"""The written summary of a typical case 典型案例摘要: a draft from the record, in sober official Chinese.

It states only what the complaint's record shows: the body, the agreement, the amount, what was
breached, the conclusion, the confirmation, the sanctions and the outcome. Nothing is inferred or
judged beyond the record; the leader edits the draft before it is published. The draft still names
the persons the record names in free text (facts as the department wrote them): publication masks
them (``app.domain.masking.mask_text``).
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from app.domain.complaint import Complaint
from app.domain.vocabulary import BreachKind, RefusalGround, SanctionMeasure, Sector, label


def vocabulary_label(enum, value) -> str:
    """The Chinese label of ``value`` in ``enum``, or the value itself when it is not one."""
    try:
        return label(enum(value))
    except ValueError:
        return str(value or "")


def _day(value) -> str:
    if not value:
        return ""
    d = value if isinstance(value, date) else date.fromisoformat(str(value)[:10])
    return f"{d.year}年{d.month}月{d.day}日"


def _yuan(amount) -> str:
    if amount in (None, ""):
        return ""
    value = Decimal(str(amount))
    if value >= 10000:
        return f"{(value / 10000).quantize(Decimal('0.01')).normalize():f}万元"
    return f"{value.quantize(Decimal('0.01')).normalize():f}元"


def _sentence(text: str | None) -> str:
    text = (text or "").strip().rstrip("。；;，,")
    return text + "。" if text else ""


def _measures(s: dict) -> str:
    names = []
    for m in s.get("measures", []):
        names.append(vocabulary_label(SanctionMeasure, m))
    names += [str(m) for m in s.get("other_measures", [])]
    return "、".join(names)


def draft(c: Complaint) -> str:
    """The summary of complaint ``c`` as its record stands (a few short paragraphs)."""
    intake = c.intake
    respondent, complainant = intake["respondent"], intake["complainant"]
    agreement, claim = intake["agreement"], intake["claim"]
    body = respondent.get("name", "")
    sector = vocabulary_label(Sector, intake.get("sector"))
    kind = vocabulary_label(BreachKind, intake.get("breach_kind"))
    parts: list[str] = []
    signed = f"于{_day(agreement.get('signed_on'))}" if agreement.get("signed_on") else ""
    value = f"，协议金额{_yuan(agreement.get('amount'))}" if agreement.get("amount") else ""
    parts.append(f"{body}{signed}与{complainant.get('name', '')}签订《{agreement.get('title', '')}》"
                 f"（{sector}领域）{value}。")
    asked = f"，诉求金额{_yuan(claim.get('amount'))}" if claim.get("amount") else ""
    parts.append(f"{_day(c.received_on)}，{complainant.get('name', '')}反映{body}存在{kind}问题{asked}。")
    if c.department:
        parts.append(f"经转{c.department}核实，")
    finding = c.finding or {}
    if finding.get("finding") == "substantiated":
        due = f"，限期于{_day(finding.get('rectify_due'))}前" if finding.get("rectify_due") else ""
        parts.append(f"投诉情况属实{due}督促整改。" if c.department else f"投诉情况经核实属实{due}督促整改。")
    breach = c.breach or {}
    if breach:
        refused = breach.get("ground") == RefusalGround.REFUSED
        why = "明确拒绝整改" if refused else "逾期未整改"
        ref = f"（{breach['document_ref']}）" if breach.get("document_ref") else ""
        parts.append(f"因{body}{why}，{breach.get('confirmed_by', '')}于{_day(breach.get('confirmed_on'))}"
                     f"确认其违约失信{ref}。")
        facts = _sentence(breach.get("facts"))
        if facts:
            parts.append(f"失信事实：{facts}")
    for s in c.sanctions:
        parts.append(f"{s.get('imposed_by', '')}自{_day(s.get('start_on'))}起对其采取{_measures(s)}惩戒措施"
                     + (f"，期限至{_day(s.get('end_on'))}" if s.get("end_on") else "") + "。")
    for a in c.accountability:
        count = len(a.get("persons", []))
        parts.append(f"{a.get('decided_by', '')}于{_day(a.get('decided_on'))}对{count}名相关责任人员依规依纪追究责任。")
    if c.repair:
        parts.append(f"{body}已于{_day(c.repair.get('fulfilled_on'))}履约完毕，相关失信记录已予修复，惩戒措施终止。")
    elif breach:
        parts.append("截至目前，该失信记录尚未修复。")
    elif c.rectification:
        parts.append("被投诉主体已完成整改。")
    return "".join(parts)
