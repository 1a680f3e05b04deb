"""The breach register 政务失信记录台账: one record per complaint whose breach was confirmed.

The seed (§三(三)–(五)) has a confirmed breach recorded as a 政务失信记录 of the government body,
sanctions imposed on it, and the record repaired once the contract is fulfilled. A record is a
projection of the complaint like its milestones (``breach_record_row``): the body and its credit code,
the confirming authority and date, the facts, every sanction with its owner, period and status, the
accountability decisions and the repair. Its ``digest`` changes whenever anything a report upward
would carry changes, which is how the submissions to the province find new and changed records
(``app.services.credit_submissions``).

A complaint has at most one record: the current breach. A breach repaired, then reopened and
confirmed again, replaces the record's facts (the events keep both); its digest changes, so the
province receives the new facts as a change.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from enum import StrEnum
from typing import Any

from app.domain.personal_data import mask_personal_numbers
from app.domain.sanctions import STATUS_LABELS, SanctionStatus, credit_measures, sanction_status
from app.domain.vocabulary import SanctionMeasure, label


class RecordStatus(StrEnum):
    IN_FORCE = "in_force"  # 有效: confirmed, not repaired
    REPAIRED = "repaired"  # 已修复


_MEASURES = frozenset(m.value for m in SanctionMeasure)
RECORD_STATUS_LABELS = {RecordStatus.IN_FORCE: "有效", RecordStatus.REPAIRED: "已修复"}

# Column order of ``app.store.tables.breach_records`` after ``num``.
COLUMNS = (
    "case_no", "complaint_id", "region_code", "office_code", "department", "respondent_name",
    "respondent_code", "respondent_kind", "complainant_name", "agreement_title", "claim_cents", "ground",
    "ground_detail", "confirmed_by", "confirmed_on", "recorded_on", "facts", "document_ref", "status",
    "repaired_on", "repair_recorded_on", "repair_evidence", "repair_document", "sanctions", "accountability",
    "sanction_count", "changed_on", "digest",
)


def _cents(amount: Any) -> int | None:
    if amount in (None, ""):
        return None
    return int(Decimal(str(amount)) * 100)


def _document(c, kind: str) -> str | None:
    """The number of the latest issued document of ``kind`` (the 确认通知 or 修复告知书 as sent)."""
    numbers = [d["number"] for d in c.documents if d.get("kind") == kind]
    return numbers[-1] if numbers else None


def _sanction(c, s: dict[str, Any]) -> dict[str, Any]:
    recorded = (c.milestones or {}).get("sanctions", {})
    return {
        "event": s.get("event") or "", "measures": list(s.get("measures", [])),
        "other_measures": list(s.get("other_measures", [])), "imposed_by": s.get("imposed_by") or "",
        "start_on": s.get("start_on"), "end_on": s.get("end_on") or None, "lifted_on": s.get("lifted_on") or None,
        "recorded_on": recorded.get(s.get("event")) or s.get("start_on"), "note": _masked(s.get("note")) or None,
    }


def _masked(text: str | None) -> str | None:
    """Free text as the register keeps it: a phone or ID number an officer typed into it is masked
    (138****5678), so the register table, its exports and the submissions never hold one in clear;
    the sealed event keeps the full text (``app.domain.personal_data``)."""
    return mask_personal_numbers(text) if text else text


def breach_record_row(c) -> tuple | None:
    """The register row of complaint ``c`` (``COLUMNS`` order), or None when no breach was confirmed."""
    breach = c.breach
    if not breach:
        return None
    intake = c.intake
    respondent, complainant = intake["respondent"], intake["complainant"]
    sanctions = [_sanction(c, s) for s in c.sanctions]
    accountability = [
        {"decided_by": a.get("decided_by"), "decided_on": a.get("decided_on"), "document_ref": a.get("document_ref"),
         "persons": [{"position": p.get("position"), "responsibility": p.get("responsibility"),
                      "outcome": p.get("outcome"), "name": p.get("name")} for p in a.get("persons", [])]}
        for a in c.accountability]
    repair = c.repair or {}
    status = RecordStatus.REPAIRED if c.repair else RecordStatus.IN_FORCE
    changed = max([breach.get("on") or "", repair.get("on") or "", *(s["recorded_on"] or "" for s in sanctions)])
    content = {
        "case_no": c.case_no, "region_code": c.region_code, "department": c.department or respondent.get(
            "competent_department"), "respondent_name": respondent.get("name"),
        "respondent_code": respondent.get("credit_code"), "respondent_kind": respondent.get("kind"),
        "complainant_name": complainant.get("name"), "agreement_title": intake["agreement"].get("title"),
        "claim_cents": _cents(intake["claim"].get("amount")), "ground": breach.get("ground") or "overdue",
        "ground_detail": _masked(breach.get("ground_detail")), "confirmed_by": breach.get("confirmed_by"),
        "confirmed_on": breach.get("confirmed_on"), "facts": _masked(breach.get("facts")),
        "document_ref": breach.get("document_ref") or _document(c, "breach_determination"),
        "status": status.value, "repaired_on": repair.get("fulfilled_on"), "repair_evidence": _masked(repair.get("evidence")),
        "repair_document": _document(c, "repair_notice") if c.repair else None,
        "sanctions": sanctions, "accountability": accountability,
    }
    digest = hashlib.sha256(json.dumps(content, ensure_ascii=False, sort_keys=True).encode()).hexdigest()
    values = {
        **content, "complaint_id": c.id, "office_code": c.office_code, "recorded_on": breach.get("on"),
        "repair_recorded_on": repair.get("on"), "sanctions": json.dumps(sanctions, ensure_ascii=False),
        "accountability": json.dumps(accountability, ensure_ascii=False), "sanction_count": len(sanctions),
        "changed_on": changed, "digest": digest,
    }
    return tuple(values[name] for name in COLUMNS)


@dataclass(frozen=True)
class SanctionLine:
    """One 惩戒 of a record as the register shows it on a given day."""

    measures: tuple[str, ...]  # Chinese labels (the seed's measures, then any others as written)
    imposed_by: str
    start_on: str
    end_on: str | None
    lifted_on: str | None
    status: SanctionStatus

    @property
    def status_label(self) -> str:
        return STATUS_LABELS[self.status]

    @property
    def period(self) -> str:
        return f"{self.start_on} 至 {self.end_on}" if self.end_on else f"{self.start_on} 起（未定期限）"


def sanction_lines(sanctions: list[dict[str, Any]], today: date) -> tuple[SanctionLine, ...]:
    lines = []
    for s in sanctions:
        names = [label(SanctionMeasure(m)) if m in _MEASURES else m for m in credit_measures(s)]
        names += list(s.get("other_measures", []))
        lines.append(SanctionLine(tuple(names), s.get("imposed_by") or "", s.get("start_on") or "",
                                  s.get("end_on"), s.get("lifted_on"), sanction_status(s, today)))
    return tuple(lines)
