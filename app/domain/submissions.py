"""Submissions to the province 上报省平台: which breach records go up, and in which form.

A submission (报送批次) carries the breach records that are new (never sent), changed (their digest
differs from the digest last sent) or repaired (last sent in force, now repaired) since the last
submission that left the office (exported or sent; a draft does not count). A record enters the first
submission whose period ends on or after its confirmation date; afterwards every change goes up in
the next submission, whatever its date, in the record's state at that moment. A record missing a
required field (by the field table, ``app.domain.submission_fields``) is held back, named, and goes
up once corrected: nothing is sent twice, nothing is forgotten.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from typing import Any

from app.domain.breach_register import RecordStatus
from app.domain.errors import DomainError
from app.domain.masking import mask_personal_text
from app.domain.submission_fields import FieldTable, format_value
from app.domain.vocabulary import RefusalGround, RespondentKind, label


class ItemKind(StrEnum):
    NEW = "new"  # 新增
    CHANGED = "changed"  # 变更
    REPAIRED = "repaired"  # 修复


class SubmissionStatus(StrEnum):
    DRAFT = "draft"  # 草稿: made, not yet written to files
    EXPORTED = "exported"  # 已导出: files written, not yet recorded as sent
    SENT = "sent"  # 已报送: recorded as sent to the province (date, who)


KIND_LABELS = {ItemKind.NEW: "新增", ItemKind.CHANGED: "变更", ItemKind.REPAIRED: "修复"}
STATUS_LABELS = {SubmissionStatus.DRAFT: "草稿", SubmissionStatus.EXPORTED: "已导出（未报送）",
                 SubmissionStatus.SENT: "已报送"}
GROUND_LABELS = {RefusalGround.OVERDUE.value: "逾期未整改", RefusalGround.REFUSED.value: "明确拒不整改"}
LEFT = frozenset({SubmissionStatus.EXPORTED, SubmissionStatus.SENT})  # what counts as gone up
_PERIOD = re.compile(r"^(\d{4})-(\d{2})$")


@dataclass(frozen=True)
class Period:
    """A reporting month 报送期间 (``2026-11``)."""

    label: str
    start: date
    end: date


def parse_period(text: str) -> Period:
    match = _PERIOD.match((text or "").strip())
    month = int(match.group(2)) if match else 0
    if not match or not 1 <= month <= 12 or int(match.group(1)) < 2000:
        raise DomainError("submission_period_invalid", value=(text or "").strip())
    year = int(match.group(1))
    end = date(year + (month == 12), month % 12 + 1, 1).toordinal() - 1
    return Period(f"{year:04d}-{month:02d}", date(year, month, 1), date.fromordinal(end))


def check_period(period: Period, today: date) -> None:
    """A month that has not begun cannot be reported."""
    if period.start > today:
        raise DomainError("submission_period_future", period=period.label)


def submission_series(office_code: str) -> str:
    return f"submission:{office_code}"


def format_submission_no(office_code: str, year: int, seq: int) -> str:
    """``532322-BS-2026-0001``: office, 报送 (BS), year, sequence."""
    if seq < 1:
        raise DomainError("number_invalid", value=seq)
    return f"{office_code}-BS-{year:04d}-{seq:04d}"


@dataclass(frozen=True)
class Current:
    """A record as the register holds it now (what the rules need of it)."""

    complaint_id: str
    case_no: str
    digest: str
    status: str
    confirmed_on: str


@dataclass(frozen=True)
class LastSent:
    """What was last sent of a record (its newest item in an exported or sent submission)."""

    digest: str
    status: str


def kind_of(record: Current, last: LastSent | None, period: Period) -> ItemKind | None:
    """Why ``record`` goes into a submission for ``period``, or None when it does not."""
    if last is None:
        return ItemKind.NEW if record.confirmed_on <= period.end.isoformat() else None
    if last.digest == record.digest:
        return None
    if record.status == RecordStatus.REPAIRED and last.status != RecordStatus.REPAIRED:
        return ItemKind.REPAIRED
    return ItemKind.CHANGED


# Sources of free text: phones and citizen ID numbers in them are masked (``app.domain.disclosure``).
FREE_TEXT_SOURCES = ("agreement_title", "ground_detail", "facts", "repair_evidence", "accountability_text")


def record_values(record: Any, kind: ItemKind) -> dict[str, Any]:
    """Every source of the field table (``submission_fields.SOURCES``) for one breach record
    (a ``credit_register.BreachRecord``)."""
    sanctions = record.sanctions
    accountability = []
    for a in record.accountability:
        people = "、".join(f"{p.get('position') or ''}（{p.get('outcome') or ''}）" for p in a.get("persons", []))
        accountability.append(f"{a.get('decided_by') or ''} {a.get('decided_on') or ''}：{people}".strip())
    kind_value = record.respondent_kind
    values = {
        "case_no": record.case_no, "submission_kind": KIND_LABELS[kind], "respondent_name": record.respondent_name,
        "respondent_code": record.respondent_code,
        "respondent_kind_label": label(RespondentKind(kind_value)) if kind_value in set(RespondentKind) else kind_value,
        "region_code": record.region_code, "region_name": record.region_name, "department": record.department,
        "complainant_name": record.complainant_name, "agreement_title": record.agreement_title,
        "claim_yuan": record.claim_yuan, "ground_label": GROUND_LABELS.get(record.ground, record.ground),
        "ground_detail": record.ground_detail, "confirmed_by": record.confirmed_by,
        "confirmed_on": record.confirmed_on, "recorded_on": record.recorded_on, "facts": record.facts,
        "document_ref": record.document_ref, "status": record.status, "status_label": record.status_label,
        "repaired_on": record.repaired_on, "repair_recorded_on": record.repair_recorded_on,
        "repair_evidence": record.repair_evidence, "repair_document": record.repair_document,
        "sanction_measures": "；".join("、".join(s.measures) for s in sanctions),
        "sanction_bodies": "；".join(s.imposed_by for s in sanctions),
        "sanction_periods": "；".join(s.period for s in sanctions),
        "accountability_text": "；".join(accountability), "changed_on": record.changed_on, "digest": record.digest,
    }
    for key in FREE_TEXT_SOURCES:  # a telephone or ID number typed in the officers' words is masked
        if isinstance(values[key], str):
            values[key] = mask_personal_text(values[key])
    return values


def row_of(table: FieldTable, values: dict[str, Any]) -> tuple[list[str], list[str]]:
    """The record's values in the table's order, and what is wrong with them (Chinese, empty if none)."""
    row, problems = [], []
    for f in table.fields:
        try:
            text = format_value(f, values.get(f.source) if f.source else None)
        except DomainError as error:
            problems.append(f"{f.title}“{error.params.get('value')}”不符合格式（{error.params.get('format')}）")
            text = ""
        if f.required and not text and not any(p.startswith(f.title) for p in problems):
            problems.append(f"缺少{f.title}")
        row.append(text)
    return row, problems


def records_part(table_json: dict[str, Any], rows: list[list[str]]) -> list[dict[str, str]]:
    ids = [f["id"] for f in table_json["fields"]]
    return [dict(zip(ids, row, strict=True)) for row in rows]


def checksum(records: list[dict[str, str]]) -> str:
    """SHA-256 of the records part: compact UTF-8 JSON of the records, keys in field order."""
    return hashlib.sha256(json.dumps(records, ensure_ascii=False, separators=(",", ":")).encode()).hexdigest()
