"""The breach register 政务失信记录台账 exported as xlsx, for the window's 导出 button and
``breach list --xlsx``.

It writes the records of a :class:`~app.services.credit_register.RegisterFilter` (the same selection
and order the list shows) with every register column (``app.reports.register_workbook``), whole or not
at all (``app.services.file_output.write_file``). Codes are written as their Chinese labels (status,
ground, kind of body); everything else as the register keeps it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from app.domain.breach_register import COLUMNS
from app.domain.errors import DomainError
from app.domain.masking import mask_personal_text
from app.domain.vocabulary import RefusalGround, RespondentKind, label
from app.reports import register_workbook as sheet
from app.services import credit_register
from app.services.credit_register import BreachRecord, RegisterFilter
from app.services.file_output import write_file
from app.services.profile import Profile
from app.services.users import Actor

# Columns of free text (``app.domain.disclosure``: personal data never leaves the office in clear).
FREE_TEXT_COLUMNS = ("agreement_title", "ground_detail", "confirmed_by", "facts", "repair_evidence", "sanctions",
                     "accountability")


@dataclass(frozen=True)
class RegisterExport:
    path: Path
    records: int


def _label(enum, value: str | None) -> str | None:
    try:
        return label(enum(value)) if value else value
    except ValueError:
        return value


def sanction_text(r: BreachRecord) -> str:
    """Every sanction of ``r``, one line each: measures; imposing body; period; status."""
    return "\n".join(
        f"{i}. {'、'.join(s.measures)}；实施单位：{s.imposed_by}；期限：{s.period}；{s.status_label}"
        + (f"（{s.lifted_on} 解除）" if s.lifted_on else "") for i, s in enumerate(r.sanctions, 1))


def accountability_text(r: BreachRecord) -> str:
    lines = []
    for i, a in enumerate(r.accountability, 1):
        people = "、".join(f"{p.get('position') or ''}（{p.get('outcome') or ''}）" for p in a.get("persons", []))
        lines.append(f"{i}. {a.get('decided_by') or ''} {a.get('decided_on') or ''}"
                     + (f" {a['document_ref']}" if a.get("document_ref") else "") + f"：{people}")
    return "\n".join(lines)


def record_cells(r: BreachRecord) -> list[Any]:
    """The row of ``r`` in the workbook (``sheet.header()`` order)."""
    values: dict[str, Any] = {
        "case_no": r.case_no, "complaint_id": r.complaint_id, "region_code": r.region_code,
        "office_code": r.office_code, "department": r.department, "respondent_name": r.respondent_name,
        "respondent_code": r.respondent_code, "respondent_kind": _label(RespondentKind, r.respondent_kind),
        "complainant_name": r.complainant_name, "agreement_title": r.agreement_title,
        "claim_cents": None if r.claim_cents is None else r.claim_cents / 100,
        "ground": _label(RefusalGround, r.ground), "ground_detail": r.ground_detail, "confirmed_by": r.confirmed_by,
        "confirmed_on": r.confirmed_on, "recorded_on": r.recorded_on, "facts": r.facts,
        "document_ref": r.document_ref, "status": r.status_label, "repaired_on": r.repaired_on,
        "repair_recorded_on": r.repair_recorded_on, "repair_evidence": r.repair_evidence,
        "repair_document": r.repair_document, "sanctions": sanction_text(r) or None,
        "accountability": accountability_text(r) or None, "sanction_count": len(r.sanctions),
        "changed_on": r.changed_on, "digest": r.digest,
    }
    for column in FREE_TEXT_COLUMNS:  # officers' words: a telephone or ID number typed in them is masked
        if values[column]:
            values[column] = mask_personal_text(values[column])
    cells = []
    for column in COLUMNS:
        cells.append(values[column])
        if column == "region_code":
            cells.append(r.region_name)
    return cells


def register_workbook(profile: Profile, actor: Actor, f: RegisterFilter, *,
                      progress: Callable[[int, int], None] | None = None,
                      cancel: Callable[[], bool] | None = None) -> tuple[bytes, int]:
    """The workbook of the selection ``f`` and how many records it holds."""
    page = credit_register.register_page(profile, actor, f, limit=None, count=False)
    data = register_workbook_bytes(page.rows, progress=progress, cancel=cancel)
    return data, len(page.rows)


def register_workbook_bytes(records, *, progress=None, cancel=None) -> bytes:
    return sheet.workbook_bytes((record_cells(r) for r in records), len(records), progress=progress,
                                            cancel=cancel)


def export_register(profile: Profile, actor: Actor, f: RegisterFilter, target: Path, *, force: bool = False,
                    progress: Callable[[int, int], None] | None = None,
                    cancel: Callable[[], bool] | None = None) -> RegisterExport:
    """Write the selection ``f`` to ``target`` (refused when it exists, unless ``force``)."""
    target = Path(target).expanduser()
    if target.is_dir():
        raise DomainError("file_unwritable", path=str(target), detail="这是一个文件夹，请给出文件名")
    if target.exists() and not force:
        raise DomainError("file_exists", path=str(target))
    data, count = register_workbook(profile, actor, f, progress=progress, cancel=cancel)
    return RegisterExport(write_file(target, data), count)
