"""Reminders 催办/督办: the overdue steps of the office's scope by department, and issuing 催办函 or 督办通知
for many of them at once (the seed 四(七): 定期调度).

``overdue_steps`` reads only the complaints whose current deadline has passed (the projection's
``due_on`` / ``due_kind`` columns, on an index), so its cost follows the number of overdue cases.
``issue_batch`` issues each document through ``app.services.documents.issue`` — one transaction per
document, numbered, recorded as an ``issue_document`` event — and reports a failed item in Chinese
without stopping the rest; the issued PDFs are merged into one file for printing.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date

from pypdf import PdfReader, PdfWriter
from sqlalchemy import select

from app.domain.clock import china_date
from app.domain.deadlines import DUE_KIND_LABELS, DueKind
from app.domain.document_kinds import kind_label
from app.domain.errors import DomainError
from app.domain.regions import scope_prefix
from app.domain.reminders import (
    REMINDER_KINDS,
    SUPERVISION_NOTICE,
    URGE_LETTER,
    ReminderRefused,
    availability,
    earlier,
    overdue_step,
    responsible_body,
)
from app.domain.vocabulary import Role
from app.messages import describe
from app.services import documents
from app.services.documents import IssuedDocument
from app.services.profile import Profile
from app.services.reminder_facts import handling_office_name
from app.services.users import Actor
from app.store.complaints import ComplaintStore
from app.store.tables import complaints

STEPS = (DueKind.CONCLUDE, DueKind.RECTIFY, DueKind.FEEDBACK)
MAX_BATCH = 500


@dataclass(frozen=True)
class OverdueItem:
    """One overdue step (超期未办事项) of one complaint."""

    case_no: str
    region_code: str
    region_name: str
    responsible: str  # the body that must act: department (核实认定), respondent (整改), county office (反馈)
    respondent_name: str
    step: str
    step_label: str
    due_on: date
    working_days_over: int
    urged: int  # 催办函 already issued for this step
    supervised: int  # 督办通知 already issued for this step
    kinds: tuple[str, ...]  # the reminders this office may issue for it now


@dataclass(frozen=True)
class DepartmentGroup:
    region_code: str
    region_name: str
    responsible: str
    items: tuple[OverdueItem, ...]

    @property
    def most_days_over(self) -> int:
        return max(i.working_days_over for i in self.items)


@dataclass(frozen=True)
class BatchFailure:
    ref: str
    code: str
    message: str  # Chinese, ready to show


@dataclass
class BatchResult:
    kind: str
    issued: list[IssuedDocument] = field(default_factory=list)
    failed: list[BatchFailure] = field(default_factory=list)
    cancelled: bool = False
    pdf: bytes = b""  # every issued document in order, one file for printing

    @property
    def kind_label(self) -> str:
        return kind_label(self.kind)


def overdue_steps(profile: Profile, actor: Actor, *, region: str | None = None,
                  department: str | None = None, today: date | None = None) -> list[OverdueItem]:
    """The overdue 核实认定, 整改 and 反馈 steps the actor's scope holds, by county and body, most overdue
    first. ``region``: one county's code; ``department``: part of the responsible body's name."""
    today = today or china_date(profile.now())
    c = complaints.c
    scope = scope_prefix(actor.region_code)
    query = select(c.id).where(c.due_kind.in_([s.value for s in STEPS]), c.due_on < today.isoformat(),
                               c.region_code.like(f"{scope}%"))
    if region:
        query = query.where(c.region_code.like(f"{scope_prefix(region)}%"))
    items: list[OverdueItem] = []
    with profile.store.read() as session:
        store = ComplaintStore(session)
        for complaint_id in session.execute(query).scalars():
            complaint = store.get(complaint_id)
            if complaint is None:
                continue
            item = _item(profile, complaint, today)
            if item is not None and (not department or department.strip() in item.responsible):
                items.append(item)
    items.sort(key=lambda i: (i.region_code, i.responsible, -i.working_days_over, i.case_no))
    return items


def _item(profile: Profile, complaint, today: date) -> OverdueItem | None:
    office = profile.office.region_code
    step = None
    kinds = []
    for kind in (URGE_LETTER, SUPERVISION_NOTICE):
        try:
            step = availability(kind, complaint, office, today, profile.calendar, profile.rules)
            kinds.append(kind)
        except ReminderRefused:
            continue
    if step is None:  # overdue, but no reminder of ours fits: still listed for the overview
        step = overdue_step(complaint, today, profile.calendar, profile.rules)
        if step is None:
            return None
    body = responsible_body(step.step, complaint)[0] or handling_office_name(profile, complaint)
    region = profile.regions.find(complaint.region_code)
    return OverdueItem(
        case_no=complaint.case_no, region_code=complaint.region_code,
        region_name=region.name if region else complaint.region_code, responsible=body,
        respondent_name=(complaint.intake.get("respondent") or {}).get("name", ""), step=step.step.value,
        step_label=DUE_KIND_LABELS[step.step], due_on=step.due_on, working_days_over=step.working_days_over,
        urged=len(earlier(complaint, URGE_LETTER, step.step.value)),
        supervised=len(earlier(complaint, SUPERVISION_NOTICE, step.step.value)), kinds=tuple(kinds))


def by_department(items: Iterable[OverdueItem]) -> list[DepartmentGroup]:
    """The items grouped by county and responsible body, the group with the most overdue item first."""
    groups: dict[tuple[str, str], list[OverdueItem]] = {}
    for item in items:
        groups.setdefault((item.region_code, item.responsible), []).append(item)
    made = [DepartmentGroup(region, members[0].region_name, body, tuple(members))
            for (region, body), members in groups.items()]
    made.sort(key=lambda g: (g.region_code, -g.most_days_over, g.responsible))
    return made


def issue_batch(profile: Profile, actor: Actor, kind: str, refs: list[str], *,
                progress: Callable[[int, int, str], None] | None = None,
                cancel: Callable[[], bool] | None = None) -> BatchResult:
    """Issue ``kind`` for each case in ``refs`` (one transaction each); a failure is recorded in Chinese
    and the rest go on; ``cancel()`` stops before the next one. The result holds the merged PDF."""
    if kind not in REMINDER_KINDS:
        raise DomainError("reminder_kind_required")
    if not refs:
        raise DomainError("reminder_nothing_selected")
    if not {Role.HANDLER, Role.LEADER} & set(actor.roles):
        raise DomainError("role_not_permitted", action="issue_document", roles="handler,leader")
    result = BatchResult(kind)
    wanted = list(dict.fromkeys(r.strip() for r in refs if r.strip()))[:MAX_BATCH]
    for done, ref in enumerate(wanted, start=1):
        if cancel is not None and cancel():
            result.cancelled = True
            break
        try:
            result.issued.append(documents.issue(profile, actor, ref, kind))
        except DomainError as error:
            result.failed.append(BatchFailure(ref, error.code, describe(error)))
        if progress is not None:
            progress(done, len(wanted), ref)
    result.pdf = merge_pdfs([d.path.read_bytes() for d in result.issued])
    return result


def merge_pdfs(pdfs: list[bytes]) -> bytes:
    """The PDFs one after another in one file (empty bytes for none)."""
    if not pdfs:
        return b""
    writer = PdfWriter()
    for pdf in pdfs:
        writer.append(PdfReader(io.BytesIO(pdf)))
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()
