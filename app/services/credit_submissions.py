"""Submissions to the province 上报省平台: preview, create, export, mark sent (``app.domain.submissions``).

A submission is made (draft) with the records that are new, changed or repaired since the last
submission that left the office, each stored exactly as it will be written; exporting writes the JSON,
xlsx and ``.sha256`` files (again and again, the same bytes) and makes it ``exported``; recording that
it was sent (date, who) makes it ``sent``. Submissions are local to the profile, not synced.

Numbering: a local sequence per office and year (``532322-BS-2026-0001``), not a hub series: the
submissions table lives on the one device that reports for the office, and the hub's numbering blocks
serve numbers that several devices print offline (case and document numbers); see
``docs/credit-submission.md``.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from app.domain.breach_register import sanction_lines
from app.domain.clock import china_date, iso_utc
from app.domain.errors import DomainError
from app.domain.submission_fields import FieldTable, table_for
from app.domain.submissions import (
    KIND_LABELS,
    STATUS_LABELS,
    ItemKind,
    Period,
    SubmissionStatus,
    check_period,
    checksum,
    format_submission_no,
    kind_of,
    parse_period,
    record_values,
    records_part,
    row_of,
)
from app.domain.vocabulary import Role
from app.reports.submission_files import SubmissionContent, submission_files
from app.services.credit_register import BreachRecord
from app.services.file_output import write_file
from app.services.profile import Profile
from app.services.users import Actor
from app.store import submissions as rows


@dataclass(frozen=True)
class HeldBack:
    case_no: str
    problems: tuple[str, ...]


@dataclass(frozen=True)
class Preview:
    period: str
    new: int
    changed: int
    repaired: int
    held_back: tuple[HeldBack, ...]  # records due but missing required fields: not in the submission
    unsent: tuple[str, ...]  # numbers of exported submissions not yet recorded as sent
    draft: str | None  # the number of an open draft, if any

    @property
    def total(self) -> int:
        return self.new + self.changed + self.repaired


@dataclass(frozen=True)
class SubmissionInfo:
    id: int
    number: str
    period: str
    status: str
    created_at: str
    created_by: str
    new: int
    changed: int
    repaired: int
    checksum: str
    field_version: str
    exported_at: str | None
    exported_to: str | None
    sent_on: str | None
    sent_by: str | None

    @property
    def total(self) -> int:
        return self.new + self.changed + self.repaired

    @property
    def status_label(self) -> str:
        return STATUS_LABELS[SubmissionStatus(self.status)]


@dataclass(frozen=True)
class SubmissionItem:
    case_no: str
    kind: str
    digest: str
    values: dict[str, str]  # field id -> value as exported

    @property
    def kind_label(self) -> str:
        return KIND_LABELS[ItemKind(self.kind)]


@dataclass(frozen=True)
class SubmissionDetail:
    info: SubmissionInfo
    items: tuple[SubmissionItem, ...]
    fields: tuple[tuple[str, str], ...]  # (id, title) of the table it was made with
    held_back: tuple[HeldBack, ...] = ()


@dataclass(frozen=True)
class Exported:
    info: SubmissionInfo
    paths: tuple[Path, ...]


def _check_role(actor: Actor, what: str) -> None:
    if not (actor.has(Role.HANDLER) or actor.has(Role.LEADER)):
        raise DomainError("role_not_permitted", action_label=what, roles="handler,leader")


def field_table(profile: Profile) -> FieldTable:
    """The field table in force for this profile (its own copy if it has one)."""
    return table_for(profile.files.home)


def _info(r) -> SubmissionInfo:
    return SubmissionInfo(r.id, r.number, r.period, r.status, r.created_at, r.created_by, r.new_count,
                          r.changed_count, r.repaired_count, r.checksum, json.loads(r.field_table)["version"],
                          r.exported_at, r.exported_to, r.sent_on, r.sent_by)


def _record(row, profile: Profile, today: date) -> BreachRecord:
    values = dict(row._mapping)
    sanctions = json.loads(values.pop("sanctions"))
    accountability = json.loads(values.pop("accountability"))
    region = profile.regions.find(values["region_code"])
    return BreachRecord(**values, region_name=region.name if region else values["region_code"],
                        sanctions=sanction_lines(sanctions, today), sanction_data=tuple(sanctions),
                        accountability=tuple(accountability))


def _due(session, profile: Profile, period: Period, table: FieldTable, today: date):
    """(items to submit, held back): the rules over the register against what last left the office."""
    last = rows.last_sent(session)
    kinds = {}
    for record in rows.current_records(session, profile.office.scope):
        kind = kind_of(record, last.get(record.complaint_id), period)
        if kind is not None:
            kinds[record.complaint_id] = kind
    order = {ItemKind.NEW: 0, ItemKind.CHANGED: 1, ItemKind.REPAIRED: 2}
    chosen, held = [], []
    for row in rows.record_rows(session, kinds):
        record = _record(row, profile, today)
        kind = kinds[record.complaint_id]
        values, problems = row_of(table, record_values(record, kind))
        if problems:
            held.append(HeldBack(record.case_no, tuple(problems)))
        else:
            chosen.append((order[kind], record.case_no, record, kind, values))
    chosen.sort(key=lambda c: (c[0], c[1]))
    return [c[2:] for c in chosen], tuple(sorted(held, key=lambda h: h.case_no))


def _pending(session) -> tuple[tuple[str, ...], str | None]:
    existing = rows.submissions(session)
    unsent = tuple(r.number for r in reversed(existing) if r.status == SubmissionStatus.EXPORTED)
    draft = next((r.number for r in existing if r.status == SubmissionStatus.DRAFT), None)
    return unsent, draft


def preview(profile: Profile, actor: Actor, period_text: str) -> Preview:
    """What a submission for the month ``period_text`` (``2026-11``) would carry, made now."""
    period = parse_period(period_text)
    today = china_date(profile.now())
    check_period(period, today)
    table = field_table(profile)
    with profile.store.read() as session:
        chosen, held = _due(session, profile, period, table, today)
        unsent, draft = _pending(session)
    counts = {k: sum(1 for c in chosen if c[1] == k) for k in ItemKind}
    return Preview(period.label, counts[ItemKind.NEW], counts[ItemKind.CHANGED], counts[ItemKind.REPAIRED], held,
                   unsent, draft)


def create(profile: Profile, actor: Actor, period_text: str) -> SubmissionDetail:
    """Make a draft submission for the month with what is due now (refused while a draft is open or when
    nothing is due)."""
    _check_role(actor, "生成报送批次")
    period = parse_period(period_text)
    now = profile.now()
    today = china_date(now)
    check_period(period, today)
    table = field_table(profile)
    table_json = table.as_json()
    with profile.store.unit_of_work() as uow:
        session = uow.session
        draft = _pending(session)[1]
        if draft:
            raise DomainError("submission_draft_open", number=draft)
        chosen, held = _due(session, profile, period, table, today)
        if not chosen:
            raise DomainError("submission_nothing_due", period=period.label, held=len(held))
        data = [values for _, _, values in chosen]
        total = checksum(records_part(table_json, data))
        office = profile.office.region_code
        seq = rows.next_seq(session, office, today.year)
        number = format_submission_no(office, today.year, seq)
        count = {k: sum(1 for c in chosen if c[1] == k) for k in ItemKind}
        sid = rows.insert_submission(session, {
            "number": number, "office_code": office, "year": today.year, "seq": seq, "period": period.label,
            "status": SubmissionStatus.DRAFT.value, "created_at": iso_utc(now), "created_by": actor.display_name,
            "field_table": json.dumps(table_json, ensure_ascii=False), "checksum": total,
            "new_count": count[ItemKind.NEW], "changed_count": count[ItemKind.CHANGED],
            "repaired_count": count[ItemKind.REPAIRED]},
            [{"position": i, "complaint_id": record.complaint_id, "case_no": record.case_no, "kind": kind.value,
              "digest": record.digest, "record_status": record.status,
              "data": json.dumps(values, ensure_ascii=False)} for i, (record, kind, values) in enumerate(chosen)])
        uow.commit()
    detail = show(profile, str(sid))
    return SubmissionDetail(detail.info, detail.items, detail.fields, held)


def submissions(profile: Profile) -> tuple[SubmissionInfo, ...]:
    """Every submission of the profile, newest first."""
    with profile.store.read() as session:
        return tuple(_info(r) for r in rows.submissions(session))


def _find(session, key: str):
    row = rows.find(session, key)
    if row is None:
        raise DomainError("submission_not_found", number=key.strip())
    return row


def show(profile: Profile, key: str) -> SubmissionDetail:
    with profile.store.read() as session:
        row = _find(session, key)
        table = json.loads(row.field_table)
        ids = [f["id"] for f in table["fields"]]
        items = tuple(SubmissionItem(i.case_no, i.kind, i.digest, dict(zip(ids, json.loads(i.data), strict=True)))
                      for i in rows.items(session, row.id))
    return SubmissionDetail(_info(row), items, tuple((f["id"], f["title"]) for f in table["fields"]))


def content(profile: Profile, key: str) -> SubmissionContent:
    """What the files of a submission are made of (all from what it stored)."""
    with profile.store.read() as session:
        row = _find(session, key)
        data = rows.item_rows(session, row.id)
    table = json.loads(row.field_table)
    counts = {"new": row.new_count, "changed": row.changed_count, "repaired": row.repaired_count,
              "total": row.new_count + row.changed_count + row.repaired_count}
    return SubmissionContent(row.number, row.office_code, profile.office.name, row.period, row.created_at, counts,
                             table, records_part(table, data), row.checksum)


def export(profile: Profile, actor: Actor, key: str, folder: Path) -> Exported:
    """Write the submission's files into ``folder``; a draft becomes exported (a later export of the same
    submission writes the same bytes and leaves its status alone)."""
    _check_role(actor, "导出报送文件")
    made = content(profile, key)
    paths = tuple(write_file(Path(folder) / name, data) for name, data in submission_files(made).items())
    with profile.store.unit_of_work() as uow:
        row = _find(uow.session, key)
        values = {"exported_to": str(Path(folder).resolve())}
        if row.status == SubmissionStatus.DRAFT:
            values |= {"status": SubmissionStatus.EXPORTED.value, "exported_at": iso_utc(profile.now())}
        rows.update_submission(uow.session, row.id, **values)
        uow.commit()
    return Exported(show(profile, key).info, paths)


def mark_sent(profile: Profile, actor: Actor, key: str, on: date) -> SubmissionInfo:
    """Record that an exported submission was sent to the province on ``on`` by ``actor``."""
    _check_role(actor, "登记已报送")
    today = china_date(profile.now())
    with profile.store.unit_of_work() as uow:
        row = _find(uow.session, key)
        if row.status == SubmissionStatus.DRAFT:
            raise DomainError("submission_not_exported", number=row.number)
        if row.status == SubmissionStatus.SENT:
            raise DomainError("submission_already_sent", number=row.number, on=row.sent_on)
        created = china_date(_parse_utc(row.created_at))
        if on > today or on < created:
            raise DomainError("submission_sent_date_invalid", on=on.isoformat(), created=created.isoformat(),
                              today=today.isoformat())
        rows.update_submission(uow.session, row.id, status=SubmissionStatus.SENT.value, sent_on=on.isoformat(),
                               sent_by=actor.display_name, sent_recorded_at=iso_utc(profile.now()))
        uow.commit()
    return show(profile, key).info


def discard(profile: Profile, actor: Actor, key: str) -> str:
    """Delete a draft (never an exported or sent submission). A draft is always the newest submission and
    never left the office, so the next submission takes its number again."""
    _check_role(actor, "删除报送草稿")
    with profile.store.unit_of_work() as uow:
        row = _find(uow.session, key)
        if row.status != SubmissionStatus.DRAFT:
            raise DomainError("submission_not_draft", number=row.number)
        rows.delete_submission(uow.session, row.id)
        uow.commit()
    return row.number


def _parse_utc(value: str):
    from datetime import datetime

    return datetime.fromisoformat(value.replace("Z", "+00:00"))
