"""Documents 文书: preview, issue, reprint and list the notices and letters of a complaint.

Issuing is one transaction: the number is taken from the numbering interface (final even offline),
the PDF rendered, an ``issue_document`` event written (kind, number, the snapshot of exactly the data
the template read, template version, SHA-256 and page count), the complaint projected and the index
row added. Any failure — a character no font has, a template problem — rolls it all back: no number
used, no event. The PDF is stored content-addressed beside the database
(``documents/ab/abcd….pdf``); it is a cache of the record, which the snapshot reproduces.

Preview renders the same document as a draft — "（预览）" where the number goes, a 草稿 watermark and
stamp on every page (``render_pdf(draft=True)``) — and takes nothing: two officers previewing at once
must not be shown the same "next" number, and a printed preview must not pass for an issued document.

A reprint re-renders the snapshot with the template *version* recorded in the event (frozen in
``resources/templates/versions/``) and checks the digest; a different digest (another PC's fonts)
falls back to the stored original, or is refused when there is none. ``for_printing`` is the same
reprint keeping the pages it drew when they gave the original bytes, so the window can print them
as vector text; after a fallback only the PDF is kept (printed as images of its pages).
"""

from __future__ import annotations

import hashlib
import logging
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.documents import render_pdf
from app.documents.context import ForwardFacts, Timing, document_context
from app.documents.render import Drawing, Printable, draw
from app.documents.templates import LIBRARY, Template, TemplateLibrary
from app.domain.clock import china_date, parse_iso
from app.domain.complaint import Complaint
from app.domain.deadlines import forward_clock_start
from app.domain.disclosure import printable
from app.domain.document_kinds import (
    KIND_LABELS,
    available_kinds,
    document_variant,
    kind_label,
    recipient_body,
)
from app.domain.errors import DomainError
from app.domain.glyphs import char_name, codepoint, text_fields
from app.domain.numbering import document_series, format_document_number
from app.domain.payloads import IssueDocumentPayload, validate_payload
from app.domain.recipients import Addressing, address
from app.domain.regions import in_scope
from app.domain.reminders import RECORD_KEYS, REMINDER_KINDS, ReminderRefused
from app.domain.vocabulary import Action
from app.domain.workflow import check
from app.security.fieldcrypt import open_json
from app.services import office_settings, reference
from app.services.document_files import document_path, settle, store_pdf, store_pending
from app.services.document_register import (
    DocumentPage,
    DocumentRow,
    index_row,
    list_documents,
    rebuild_document_index,
    refresh_index,
)
from app.services.profile import Profile
from app.services.recording import record
from app.services.reminder_facts import reminder_parts
from app.services.users import Actor
from app.store import document_index as index
from app.store.complaints import ComplaintStore
from app.store.projector import Projector
from app.store.tables import complaints, events

log = logging.getLogger(__name__)
PREVIEW_SEQUENCE = "\u3000"  # the snapshot of a preview: 双发改函〔2026〕　号 (printed as "（预览）")
_PAGE = re.compile(rb"/Type /Page(?![a-zA-Z])")


@dataclass(frozen=True)
class KindOffer:
    """A kind that can be issued for a complaint now (what the issue dialog lists)."""

    kind: str
    variant: str | None
    label: str
    prefix: str


@dataclass(frozen=True)
class IssuedDocument:
    number: str
    path: Path
    sha256: str
    event_id: str
    kind: str
    variant: str | None
    pages: int
    case_no: str
    drawing: Drawing | None = field(default=None, repr=False, compare=False)  # what the PDF was drawn from

    @property
    def printable(self) -> Printable:
        return Printable.checked(self.path.read_bytes(), self.drawing)


def page_count(pdf: bytes) -> int:
    return len(_PAGE.findall(pdf))


def offers(profile: Profile, actor: Actor, ref: str) -> list[KindOffer]:
    """The kinds ``actor`` can issue for the complaint now, with the prefix each would be numbered in."""
    with profile.store.read() as session:
        complaint = _in_scope(session, actor, ref)
        check(complaint, Action.ISSUE_DOCUMENT, actor.roles)
        settings = office_settings.read(session, profile)
    offered = []
    for k in available_kinds(complaint):
        variant = _variant(profile, complaint, k)
        offered.append(KindOffer(k.value, variant, kind_label(k, variant), settings.prefixes[k]))
    today = china_date(profile.now())
    for k in sorted(REMINDER_KINDS, reverse=True):  # 催办函, then 督办通知: while a step is overdue
        try:
            parts = reminder_parts(profile, complaint, k, today, settings.issuer)
        except ReminderRefused:
            continue
        offered.append(KindOffer(k, parts.variant, kind_label(k, parts.variant), settings.prefixes[k]))
    return offered


def addressing_for(profile: Profile, complaint: Complaint, kind: str) -> tuple[str, Addressing | None]:
    """The body a document of ``kind`` goes to and how the office addresses it (None: the complainant)."""
    body = recipient_body(kind, complaint)
    if body is None:
        return "", None
    name, region = body
    known = {b.name: b.region_code for b in reference.all_bodies()}
    return name, address(profile.office.region_code, name, profile.regions.all(), known_bodies=known,
                         recorded_region=region)


def _variant(profile: Profile, complaint: Complaint, kind: str) -> str | None:
    _, addressing = addressing_for(profile, complaint, kind)
    return document_variant(kind, complaint, addressing.form if addressing else None)


def contact_missing(profile: Profile, kind: str, *, templates: TemplateLibrary | None = None,
                    complaint: Complaint | None = None) -> bool:
    """Would issuing ``kind`` be refused for want of the office contact (``office_contact_missing``)?"""
    settings = office_settings.get(profile)
    variant = _variant(profile, complaint, kind) if complaint is not None else None
    try:
        template = (templates or LIBRARY).current(kind, variant)
    except DomainError:
        return False
    return _states_contact(template) and not settings.contact_phone.strip()


def _states_contact(template) -> bool:
    """Does the template print the office's telephone (directly or in ``contact_details``)?"""
    return bool({"contact_phone", "contact_details"} & set(template.fields()))


def preview(profile: Profile, actor: Actor, ref: str, kind: str, *, templates: TemplateLibrary | None = None) -> bytes:
    """The document as it would be issued today, marked 草稿 with "（预览）" for its number; nothing is written."""
    today = china_date(profile.now())
    with profile.store.read() as session:
        job = _prepare(session, profile, actor, ref, kind, templates, today)
    number = f"{job.prefix}〔{today.year}〕{PREVIEW_SEQUENCE}号"
    snapshot = _snapshot(job.template, job.context(number, today))
    try:
        return render_pdf(job.template.render(snapshot), draft=True)
    except DomainError as error:
        with profile.store.read() as session:
            raise _located(session, job, error) from None


def issue(profile: Profile, actor: Actor, ref: str, kind: str, *, expected_head: str | None = None,
          templates: TemplateLibrary | None = None) -> IssuedDocument:
    """Number, render, record and store one document — all or nothing (see the module docstring)."""
    today = china_date(profile.now())
    with profile.store.unit_of_work() as uow:
        job = _prepare(uow.session, profile, actor, ref, kind, templates, today)
        complaint, template, variant = job.complaint, job.template, job.variant
        if _states_contact(template) and not job.settings.contact_phone.strip():
            raise DomainError("office_contact_missing", kind_label=kind_label(kind, variant))
        if expected_head is not None and expected_head != complaint.head:
            raise DomainError("complaint_changed", case_no=complaint.case_no)
        seq = uow.numbers.next(document_series(job.prefix), today.year)
        number = format_document_number(job.prefix, today.year, seq)
        snapshot = _snapshot(template, job.context(number, today))
        try:
            drawing = draw(template.render(snapshot))
        except DomainError as error:
            raise _located(uow.session, job, error) from None
        pdf = drawing.pdf
        sha = hashlib.sha256(pdf).hexdigest()
        payload = validate_payload(IssueDocumentPayload, {
            "kind": kind, "variant": variant, "number": number, "template_version": template.version,
            "snapshot": snapshot, "sha256": sha, "pages": page_count(pdf),
        }).model_dump(mode="json", exclude_none=True)
        pending = store_pending(profile, sha, pdf)
        event = record(uow, profile, stream=complaint.id, action=Action.ISSUE_DOCUMENT, payload=payload,
                       actor=actor.user_id, base=complaint.head, complaint=complaint, roles=actor.roles)
        Projector(profile.calendar, profile.rules).project(uow.complaints, event, current=complaint)
        index.add_rows(uow.session, [index_row(event.id, event.stream, event.device_time, event.actor, payload,
                                                complaint.case_no, template)])
        uow.commit()
    path = settle(profile, pending, sha, pdf)
    return IssuedDocument(number, path, sha, event.id, kind, variant, payload["pages"], complaint.case_no, drawing)


def reprint(profile: Profile, ref: str, *, actor: Actor | None = None,
            templates: TemplateLibrary | None = None) -> bytes:
    """The issued document again, byte for byte: ``ref`` is the event id or the document number."""
    return for_printing(profile, ref, actor=actor, templates=templates).pdf


def for_printing(profile: Profile, ref: str, *, actor: Actor | None = None,
              templates: TemplateLibrary | None = None) -> Printable:
    """:func:`reprint`, with the drawing of its pages when drawing them again gave the very bytes issued."""
    with profile.store.read() as session:
        row = _document_event(session, ref)
        region = session.execute(select(complaints.c.region_code).where(complaints.c.id == row.stream)).scalar()
    if actor is not None and (region is None or not in_scope(actor.region_code, region)):
        raise DomainError("document_not_found", ref=ref)
    payload = open_json(row.payload)
    template = (templates or LIBRARY).version(payload["kind"], payload.get("variant"), payload["template_version"])
    drawing: Drawing | None = None
    try:
        drawing = draw(template.render(payload["snapshot"]))
    except DomainError as error:  # issued where an installed font had a character the bundled ones lack
        if error.code != "glyph_missing":
            raise
    expected = payload["sha256"]
    if drawing is not None and hashlib.sha256(drawing.pdf).hexdigest() == expected:
        store_pdf(profile, expected, drawing.pdf, repair=True)
        return Printable.checked(drawing.pdf, drawing)
    stored = document_path(profile, expected)
    if stored.is_file():
        original = stored.read_bytes()
        if hashlib.sha256(original).hexdigest() == expected:
            log.warning("re-rendering %s gave other bytes (fonts?); the stored original is used", payload["number"])
            return Printable(original)
    raise DomainError("reprint_mismatch", number=payload["number"])


def reprint_many(profile: Profile, refs: list[str], *, actor: Actor | None = None,
                 progress: Callable[[int, int, str], None] | None = None,
                 cancel: Callable[[], bool] | None = None) -> list[bytes]:
    """Reprint several documents (for printing them in one go); stops early when ``cancel()`` says so."""
    return [found.pdf for found in many_for_printing(profile, refs, actor=actor, progress=progress, cancel=cancel)]


def many_for_printing(profile: Profile, refs: list[str], *, actor: Actor | None = None,
               progress: Callable[[int, int, str], None] | None = None,
               cancel: Callable[[], bool] | None = None) -> list[Printable]:
    """:func:`for_printing` for several documents; stops early when ``cancel()`` says so."""
    found: list[Printable] = []
    for done, ref in enumerate(refs, start=1):
        if cancel is not None and cancel():
            break
        found.append(for_printing(profile, ref, actor=actor))
        if progress is not None:
            progress(done, len(refs), ref)
    return found


# --- internals -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Job:
    """Everything a document of one kind for one complaint needs, except its number and date."""

    complaint: Complaint
    kind: str
    variant: str | None
    template: Template
    settings: office_settings.OfficeSettings
    forward: ForwardFacts
    recipient: str = ""
    addressing: Addressing | None = None
    timing: Timing | None = None
    extra: dict[str, Any] | None = None  # a reminder's own values (app.documents.reminder_context)

    @property
    def prefix(self) -> str:
        return self.settings.prefixes[self.kind]

    def context(self, number: str, issued_on: date) -> dict[str, Any]:
        values = document_context(self.complaint, self.settings.office_values(self.kind), number=number,
                                  issued_on=issued_on, forward=self.forward, addressing=self.addressing,
                                  recipient=self.recipient, timing=self.timing)
        values = {**values, **(self.extra or {})}
        # what the recipient needs and nothing more (app.domain.disclosure: no ID number, no phone unless
        # needed), over the values the template prints (only those reach the snapshot and the page)
        printed = {name: values[name] for name in self.template.fields() if name in values}
        return {**values, **printable(self.kind, printed, self.complaint.intake)}


def _prepare(session: Session, profile: Profile, actor: Actor, ref: str, kind: str,
             templates: TemplateLibrary | None, today: date) -> _Job:
    complaint = _in_scope(session, actor, ref)
    check(complaint, Action.ISSUE_DOCUMENT, actor.roles)
    if kind not in KIND_LABELS:
        raise DomainError("document_kind_unknown", kind=kind, choices="、".join(KIND_LABELS))
    if kind in REMINDER_KINDS:  # 催办函, 督办通知: the overdue step as of today (app.domain.reminders)
        settings = office_settings.read(session, profile)
        parts = reminder_parts(profile, complaint, kind, today, settings.issuer)
        template = (templates or LIBRARY).current(kind, parts.variant)
        return _Job(complaint, kind, parts.variant, template, settings, _forward_facts(session, profile, complaint),
                    parts.recipient, parts.addressing, None, parts.values)
    if kind not in available_kinds(complaint):
        raise DomainError("document_not_available", state=complaint.state.value, kind_label=kind_label(kind))
    recipient, addressing = addressing_for(profile, complaint, kind)
    variant = document_variant(kind, complaint, addressing.form if addressing else None)
    template = (templates or LIBRARY).current(kind, variant)
    timing = Timing(profile.rules, profile.calendar.add_working_days(forward_clock_start(complaint),
                                                                     profile.rules.forward_days))
    return _Job(complaint, kind, variant, template, office_settings.read(session, profile),
                _forward_facts(session, profile, complaint), recipient, addressing, timing)


def _located(session: Session, job: _Job, error: DomainError) -> DomainError:
    """A ``glyph_missing`` error said about the field the character came from, with the way to fix it.

    Looked for in the registration (fixed by amending it), then the complaint's records, newest first,
    then the office's document settings; any other error, or a character found nowhere, is kept as is.
    """
    if error.code != "glyph_missing":
        return error
    ch = str(error.params.get("char", ""))
    params = {"char": ch, "codepoint": codepoint(ch), "char_name": char_name(ch)}
    for path, text in text_fields(job.complaint.intake, ""):
        if ch in text:
            return DomainError("glyph_missing_intake", field=path, **params)
    e = events.c
    skipped = (Action.REGISTER, Action.AMEND, Action.ISSUE_DOCUMENT, Action.ATTACH)
    rows = session.execute(select(e.action, e.payload).where(e.stream == job.complaint.id, e.action.not_in(skipped))
                           .order_by(e.seq.desc()))
    for row in rows:
        for path, text in text_fields(open_json(row.payload), ""):
            if ch in text:
                return DomainError("glyph_missing_record", field=path, action=row.action, **params)
    for path, text in text_fields(job.settings.office_values(job.kind), ""):
        if ch in text:
            return DomainError("glyph_missing_settings", field=f"settings.{path}", **params)
    return error


def _complaint_id(session: Session, ref: str) -> str:
    cleaned = ref.strip()
    return ComplaintStore(session).id_for_case_no(cleaned) or cleaned


def _in_scope(session: Session, actor: Actor, ref: str) -> Complaint:
    """The complaint (by id or case number) if ``actor`` may see it; out of scope looks like absent."""
    found = ComplaintStore(session).get(_complaint_id(session, ref))
    if found is None or not in_scope(actor.region_code, found.region_code):
        raise DomainError("complaint_not_found", ref=ref)
    return found


def _forward_facts(session: Session, profile: Profile, c: Complaint) -> ForwardFacts:
    """The date, note and conclusion deadline of the last 转办 or 改派 (for the forward letter)."""
    e = events.c
    row = session.execute(select(e.payload, e.device_time, e.action)
                          .where(e.stream == c.id, e.action.in_((Action.FORWARD, Action.REDIRECT)))
                          .order_by(e.seq.desc()).limit(1)).first()
    if row is None:
        return ForwardFacts()
    payload = open_json(row.payload)
    forwarded_on = china_date(parse_iso(row.device_time))
    due = date.fromisoformat(payload["due_on"]) if payload.get("due_on") else \
        profile.calendar.add_working_days(forwarded_on, profile.rules.conclude_days)
    extended = [x["new_due"] for x in c.extensions if x.get("kind") == "conclude"]
    if extended:
        due = date.fromisoformat(extended[-1])
    return ForwardFacts(forwarded_on, due, payload.get("note"), redirected=row.action == Action.REDIRECT)


def _snapshot(template: Template, context: dict[str, Any]) -> dict[str, Any]:
    """Exactly the values the template reads (a missing one is a template error, said plainly)."""
    missing = [name for name in template.fields() if name not in context]
    if missing:
        raise DomainError("template_invalid", template=template.id, detail="不认识的数据项 " + "、".join(missing))
    kept = {name: context[name] for name in template.fields()}
    kept.update({name: context[name] for name in RECORD_KEYS if name in context})  # what acceptance reads
    return kept


def _document_event(session: Session, ref: str):
    e = events.c
    text = ref.strip()
    row = session.execute(select(events).where(e.id == text, e.action == Action.ISSUE_DOCUMENT)).first()
    if row is None:
        d = index.issued_documents.c
        found = session.execute(select(d.event_id).where(d.number == text)).scalar()
        if found:
            row = session.execute(select(events).where(e.id == found)).first()
    if row is None:
        raise DomainError("document_not_found", ref=ref)
    return row


__all__ = [
    "DocumentPage",
    "DocumentRow",
    "IssuedDocument",
    "KindOffer",
    "document_path",
    "for_printing",
    "issue",
    "list_documents",
    "many_for_printing",
    "offers",
    "page_count",
    "preview",
    "rebuild_document_index",
    "refresh_index",
    "reprint",
    "reprint_many",
]
