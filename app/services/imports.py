"""Bulk import 批量导入: preview a source file through a column mapping, then register every good row
in one transaction.

Each row is checked with registration's own rules (``intake.check_intake``), then against what the
profile holds: a ticket of the same channel already registered (``complaints.channel_ref``) is
skipped, an open complaint by the same complainant against the same respondent is flagged as a
possible duplicate. ``commit`` registers the accepted rows through ``intake.register_in`` in ONE unit
of work: either they all land or none does (a cancel, an error or a killed process leaves nothing).
Rows not imported go to a rejects file with their row number and the reason in Chinese.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.domain.duplicates import complaint_text
from app.domain.errors import DomainError, FieldError, ValidationFailed
from app.domain.intake import Intake
from app.domain.vocabulary import Action
from app.domain.workflow import check
from app.imports.mapping import FIELDS, Mapping, build_intake, load_presets
from app.imports.sources import SourceRow, SourceTable, read_table
from app.imports.values import text_of
from app.messages import field_label, message
from app.services import intake as intake_service
from app.services.duplicates import Candidate, find_duplicates_for_fields
from app.services.profile import Profile
from app.services.users import Actor
from app.store.tables import complaints

OK, ERROR, DUPLICATE, ALREADY = "ok", "error", "duplicate", "already_imported"
STATUS_LABELS = {OK: "可导入", ERROR: "有错误", DUPLICATE: "疑似重复", ALREADY: "已导入过"}
MAPPING_KEY = "import_mapping:"  # meta rows (kept across a rebuild: app.sync.integrity.CARRIED)
CHUNK = 500


@dataclass(frozen=True)
class PreviewRow:
    number: int  # row number in the source file
    status: str  # ok | error | duplicate | already_imported
    reasons: tuple[str, ...]  # Chinese, one per problem
    source: dict[str, str]  # the row's cells as text, by header
    intake: Intake | None = None  # the checked registration input (ok / duplicate)
    channel_ref: str = ""
    duplicates: tuple[str, ...] = ()  # case numbers of possible duplicates / the earlier import

    @property
    def importable(self) -> bool:
        return self.intake is not None and self.status in (OK, DUPLICATE)


@dataclass(frozen=True)
class Preview:
    path: str
    mapping: str
    headers: tuple[str, ...]
    rows: tuple[PreviewRow, ...]
    encoding: str = ""
    unmapped: tuple[str, ...] = ()  # source headers the mapping does not use

    def count(self, status: str) -> int:
        return sum(1 for r in self.rows if r.status == status)


@dataclass(frozen=True)
class Imported:
    number: int
    case_no: str
    complaint_id: str


@dataclass(frozen=True)
class ImportResult:
    imported: tuple[Imported, ...]
    not_imported: int
    rejects_path: str | None = None
    skipped_duplicates: int = 0
    dry_run: bool = False
    warnings: tuple[str, ...] = field(default_factory=tuple)


# ---- mappings -------------------------------------------------------------------------------------

def list_mappings(profile: Profile) -> list[Mapping]:
    """The shipped presets, then the mappings saved in this profile (by name)."""
    saved = []
    with profile.store.read() as session:
        from app.store.meta import MetaStore

        for key, value in sorted(MetaStore(session).all().items()):
            if key.startswith(MAPPING_KEY):
                try:
                    saved.append(Mapping.from_json(json.loads(value)))
                except (DomainError, ValueError):
                    continue
    return load_presets() + saved


def get_mapping(profile: Profile, name: str) -> Mapping:
    for mapping in reversed(list_mappings(profile)):  # a saved mapping may shadow nothing: presets first
        if mapping.name == name.strip():
            return mapping
    raise DomainError("import_mapping_unknown", name=name)


def save_mapping(profile: Profile, actor: Actor, mapping: Mapping) -> Mapping:
    """Keep a mapping under its name in this profile (a preset's name may not be reused)."""
    name = mapping.name.strip()
    if not name:
        raise DomainError("import_mapping_invalid", name=name)
    if any(p.name == name for p in load_presets()):
        raise DomainError("import_mapping_preset", name=name)
    checked = Mapping.from_json(mapping.to_json())
    with profile.store.unit_of_work() as uow:
        uow.meta.set(MAPPING_KEY + name, json.dumps(checked.to_json(), ensure_ascii=False, sort_keys=True))
        uow.commit()
    return checked


def delete_mapping(profile: Profile, actor: Actor, name: str) -> None:
    from sqlalchemy import delete

    from app.store.tables import meta

    with profile.store.unit_of_work() as uow:
        uow.session.execute(delete(meta).where(meta.c.key == MAPPING_KEY + name))
        uow.commit()


# ---- duplicates (the duplicate finder of ``app.services.duplicates``, as at registration) ---------------

def possible_duplicates(session: Session, intakes: Sequence[Intake], scope: str | None = None,
                        ) -> list[tuple[Candidate, ...]]:
    """For each intake: the complaints on file that may be the same matter (same complainant and
    respondent, or near-identical text within the window), best first, as the registration form finds them."""
    found = []
    for i in intakes:
        data = i.model_dump(mode="json")
        found.append(tuple(find_duplicates_for_fields(
            session, i.complainant.name, i.complainant.credit_code, i.respondent.name, complaint_text(data),
            received_on=i.received_on, scope=scope)))
    return found


def already_imported(session: Session, pairs: Iterable[tuple[str, str]]) -> dict[tuple[str, str], str]:
    """(channel, channel_ref) -> case number, for the tickets already registered."""
    by_channel: dict[str, set[str]] = {}
    for channel, ref in pairs:
        if channel and ref:
            by_channel.setdefault(channel, set()).add(ref)
    c = complaints.c
    held: dict[tuple[str, str], str] = {}
    for channel, refs in by_channel.items():
        ordered = sorted(refs)
        for start in range(0, len(ordered), CHUNK):
            for row in session.execute(select(c.channel_ref, c.case_no).where(
                    c.channel == channel, c.channel_ref.in_(ordered[start:start + CHUNK]))):
                held[(channel, row.channel_ref)] = row.case_no
    return held


# ---- preview --------------------------------------------------------------------------------------

def _reason(error: FieldError, mapping: Mapping) -> str:
    column = error.params.get("column") or mapping.column_of(error.field)
    where = f"列“{column}”" if column else field_label(error.field)
    text = message(error.code, error.params)
    if error.code in ("missing", "required") and not column and error.field in FIELDS:
        text += "（对应关系中没有此项的列，也没有默认值）"
    return f"{where}：{text}"


def read_source(path: str | Path, mapping: Mapping) -> SourceTable:
    return read_table(path, known_headers=mapping.columns)


def preview(profile: Profile, path: str | Path, mapping: Mapping, *, table: SourceTable | None = None) -> Preview:
    """Every row of the file with its status and reasons; nothing is written."""
    table = table or read_source(path, mapping)
    checked: list[tuple[SourceRow, Intake | None, list[str]]] = []
    for row in table.rows:
        data, problems = build_intake(row, mapping, profile.regions)
        reasons = [_reason(p, mapping) for p in problems]
        bad = {p.field for p in problems}
        intake = None
        try:
            intake = intake_service.check_intake(profile, data)
        except ValidationFailed as failed:
            reasons += [_reason(e, mapping) for e in failed.errors if e.field not in bad]
        if reasons:
            intake = None
        checked.append((row, intake, reasons))
    good = [(row, i) for row, i, _ in checked if i is not None]
    with profile.store.read() as session:
        held = already_imported(session, [(i.channel.value, i.channel_ref or "") for _, i in good])
        dupes = possible_duplicates(session, [i for _, i in good])
    dupes_of = {row.number: d for (row, _), d in zip(good, dupes, strict=True)}
    seen_refs: dict[tuple[str, str], int] = {}
    rows = []
    for row, intake, reasons in checked:
        source = {h: text_of(row.values.get(h)) for h in table.headers}
        if intake is None:
            ref = text_of(row.values.get(mapping.column_of("channel_ref") or "", ""))
            rows.append(PreviewRow(row.number, ERROR, tuple(reasons), source, channel_ref=ref))
            continue
        ref = intake.channel_ref or ""
        key = (intake.channel.value, ref)
        if ref and key in held:
            rows.append(PreviewRow(row.number, ALREADY, (message("import_already_imported", {
                "ref": ref, "case_no": held[key]}),), source, None, ref, (held[key],)))
            continue
        if ref and key in seen_refs:
            rows.append(PreviewRow(row.number, ERROR, (message("import_ref_repeated", {
                "ref": ref, "row": seen_refs[key]}),), source, None, ref))
            continue
        if ref:
            seen_refs[key] = row.number
        found = dupes_of.get(row.number, ())
        if found:
            numbers = "、".join(d.case_no for d in found[:3]) + ("等" if len(found) > 3 else "")
            reasons_text = "、".join(dict.fromkeys(label for d in found[:3] for label in d.reason_labels))
            rows.append(PreviewRow(row.number, DUPLICATE, (message("import_possible_duplicate", {
                "case_no": numbers, "reasons": reasons_text}),),
                                   source, intake, ref, tuple(d.case_no for d in found)))
        else:
            rows.append(PreviewRow(row.number, OK, (), source, intake, ref))
    used = set(mapping.columns)
    return Preview(str(table.path), mapping.name, table.headers, tuple(rows), table.encoding,
                   tuple(h for h in table.headers if h not in used))


# ---- commit ---------------------------------------------------------------------------------------

def commit(profile: Profile, actor: Actor, result: Preview, *, skip_duplicates: bool = False,
           rejects: str | Path | None = None, write_rejects_file: bool = True,
           progress: Callable[[int, int], None] | None = None,
           cancel: Callable[[], bool] | None = None) -> ImportResult:
    """Register the accepted rows of ``result`` in one transaction; write the rejects file.

    ``progress(done, total)`` after each row; ``cancel()`` true: stop, nothing is registered
    (``import_cancelled``). Rows flagged as possible duplicates are registered unless
    ``skip_duplicates``.
    """
    check(None, Action.REGISTER, actor.roles)
    chosen = [r for r in result.rows if r.importable and not (skip_duplicates and r.status == DUPLICATE)]
    imported: list[Imported] = []
    late: list[PreviewRow] = []
    with profile.store.unit_of_work() as uow:
        held = already_imported(uow.session, [(r.intake.channel.value, r.channel_ref) for r in chosen if r.intake])
        total = len(chosen)
        for done, row in enumerate(chosen, 1):
            if cancel is not None and cancel():
                raise DomainError("import_cancelled")
            assert row.intake is not None
            if row.channel_ref and (row.intake.channel.value, row.channel_ref) in held:
                late.append(row)  # registered by someone else since the preview
                continue
            registered = intake_service.register_in(uow, profile, actor, row.intake)
            imported.append(Imported(row.number, registered.case_no, registered.complaint_id))
            if progress is not None:
                progress(done, total)
        if cancel is not None and cancel():
            raise DomainError("import_cancelled")
        uow.commit()
    imported_rows = {i.number for i in imported}
    left = [r for r in result.rows if r.number not in imported_rows]
    late_numbers = {r.number for r in late}
    reasons = {r.number: (message("import_already_imported", {"ref": r.channel_ref, "case_no": "—"}),)
               for r in late}
    path = None
    if left and (write_rejects_file or rejects):
        path = str(write_rejects(result, left, rejects, reasons))
    skipped = sum(1 for r in left if r.status == DUPLICATE and r.number not in late_numbers)
    return ImportResult(tuple(imported), len(left), path, skipped)


# ---- rejects file ---------------------------------------------------------------------------------

def default_rejects_path(source: str | Path) -> Path:
    source = Path(source)
    suffix = ".xlsx" if source.suffix.lower() in (".xlsx", ".xlsm") else ".csv"
    path = source.with_name(f"{source.stem}-未导入{suffix}")
    if path.exists():
        path = source.with_name(f"{source.stem}-未导入-{datetime.now():%Y%m%d%H%M%S}{suffix}")
    return path


def _row_reason(row: PreviewRow, extra: dict[int, tuple[str, ...]]) -> str:
    if row.number in extra:
        return "；".join(extra[row.number])
    if row.status == DUPLICATE:
        return "；".join(row.reasons) + "（按要求未导入疑似重复的记录）"
    return "；".join(row.reasons)


def write_rejects(result: Preview, rows: Sequence[PreviewRow], path: str | Path | None = None,
                  extra: dict[int, tuple[str, ...]] | None = None) -> Path:
    """The rows not imported with 行号, 状态 and 未导入原因 before their own columns (xlsx or csv by the
    target's suffix; csv in UTF-8 with BOM, which Excel opens correctly)."""
    target = Path(path) if path else default_rejects_path(result.path)
    extra = extra or {}
    header = ["原文件行号", "状态", "未导入原因", *result.headers]
    body = [[r.number, STATUS_LABELS[r.status], _row_reason(r, extra), *(r.source.get(h, "") for h in result.headers)]
            for r in rows]
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        if target.suffix.lower() == ".xlsx":
            from openpyxl import Workbook

            book = Workbook()
            sheet = book.active
            sheet.title = "未导入记录"
            sheet.append(header)
            for line in body:
                sheet.append(line)
            sheet.column_dimensions["C"].width = 60
            book.save(target)
        else:
            with target.open("w", encoding="utf-8-sig", newline="") as handle:
                writer = csv.writer(handle)
                writer.writerow(header)
                writer.writerows(body)
    except OSError as error:
        raise DomainError("file_unwritable", path=str(target), detail=error.strerror or str(error)) from None
    return target


def describe_row(row: PreviewRow) -> dict[str, Any]:
    """A row as plain data (the CLI's ``--json``)."""
    return {"row": row.number, "status": row.status, "status_label": STATUS_LABELS[row.status],
            "reasons": list(row.reasons), "channel_ref": row.channel_ref, "duplicates": list(row.duplicates)}
