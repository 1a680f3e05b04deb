"""The register of issued documents 文书台账: paged lists and the index behind them.

Rows come from the ``issue_document`` events alone (``app.store.document_index``): ``issue`` adds
its own row in its transaction; ``refresh_index`` picks up events that came otherwise (pulled by
sync) and ``rebuild_document_index`` makes the whole index again for a rebuild.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import and_, func, select
from sqlalchemy.orm import Session

from app.contract.event_record import event_of
from app.documents.templates import LIBRARY, Template, TemplateLibrary
from app.domain.document_kinds import kind_label
from app.domain.errors import DomainError
from app.domain.event_rules import EventRefused, accept
from app.domain.regions import scope_prefix
from app.services.profile import Profile
from app.services.users import Actor
from app.store import document_index as index
from app.store.complaints import ComplaintStore
from app.store.projector import hub_quarantined
from app.store.tables import complaints

INDEX_BATCH = 2000  # issue_document events indexed together (a rebuild: all of them, a batch at a time)


@dataclass(frozen=True)
class DocumentRow:
    event_id: str
    complaint_id: str
    case_no: str
    kind: str
    variant: str | None
    kind_label: str
    number: str
    title: str
    recipient: str
    issued_on: str
    issued_at: str
    actor: str
    sha256: str
    pages: int


@dataclass(frozen=True)
class DocumentPage:
    rows: tuple[DocumentRow, ...]
    total: int
    offset: int


def list_documents(profile: Profile, actor: Actor | None, search: str = "", kind: str | None = None,
                   offset: int = 0, limit: int = 50, *, complaint: str | None = None) -> DocumentPage:
    """Issued documents in the actor's scope, newest first, paged in SQL.

    ``search`` matches number, case number, title, recipient and the parties (any part, any case);
    ``kind`` one kind; ``complaint`` one complaint (id or case number).
    """
    with profile.store.read() as session:
        stale = index.newest_event_seq(session) > index.indexed_up_to(session)
    if stale:
        with profile.store.unit_of_work() as uow:
            refresh_index(uow.session)
            uow.commit()
    d = index.issued_documents.c
    conditions: list[Any] = []
    if actor is not None:
        scope = scope_prefix(actor.region_code)
        conditions.append(complaints.c.region_code.like(f"{scope}%"))
    if kind:
        conditions.append(d.kind == kind)
    for term in search.split():
        conditions.append(d.search.like(f"%{index.escape_like(term.lower())}%", escape="\\"))
    with profile.store.read() as session:
        if complaint:
            conditions.append(d.complaint_id == _complaint_id(session, complaint))
        joined = index.issued_documents.join(complaints, complaints.c.id == d.complaint_id)
        total = session.execute(select(func.count()).select_from(joined).where(and_(True, *conditions))).scalar_one()
        rows = session.execute(select(index.issued_documents).select_from(joined).where(and_(True, *conditions))
                               .order_by(d.issued_at.desc(), d.event_id.desc()).offset(offset).limit(limit)).all()
    return DocumentPage(tuple(_row(r) for r in rows), total, offset)


def refresh_index(session: Session, templates: TemplateLibrary | None = None) -> int:
    """Index the ``issue_document`` events without a row yet (inside the caller's transaction)."""
    newest = index.newest_event_seq(session)
    if newest <= index.indexed_up_to(session):
        return 0
    library = templates or LIBRARY
    skip = hub_quarantined(session)
    made, after = 0, index.indexed_up_to(session)
    while True:  # a batch at a time: a rebuild indexes every document of the profile
        new = index.unindexed_after(session, after, limit=INDEX_BATCH)
        made += index.add_rows(session, _index_rows(session, new, library, skip))
        if len(new) < INDEX_BATCH:
            break
        after = new[-1].seq
    index.mark_indexed(session, newest)
    return made


def _index_rows(session: Session, new: list, library: TemplateLibrary, skip: frozenset[str]) -> list[dict[str, Any]]:
    cases = dict(session.execute(select(complaints.c.id, complaints.c.case_no)
                                 .where(complaints.c.id.in_({r.stream for r in new}))).all()) if new else {}
    rows = []
    for r in new:
        try:  # a malformed record (any device) or one the hub quarantined is never a document
            payload = accept(event_of(r)).payload
        except EventRefused:
            continue
        if r.id in skip:
            continue
        try:
            template = library.version(payload["kind"], payload.get("variant"), payload["template_version"])
        except DomainError:
            template = None
        rows.append(index_row(r.id, r.stream, r.device_time, r.actor, payload, cases.get(r.stream, ""), template))
    return rows


def rebuild_document_index(session: Session) -> int:
    """Drop the index and make it again from the events (for ``rebuild``); returns the rows made."""
    index.clear(session)
    return refresh_index(session)


def _complaint_id(session: Session, ref: str) -> str:
    cleaned = ref.strip()
    return ComplaintStore(session).id_for_case_no(cleaned) or cleaned


def index_row(event_id: str, stream: str, device_time: str, actor: str, p: dict[str, Any], case_no: str,
               template: Template | None) -> dict[str, Any]:
    """The register row of one ``issue_document`` event (title and recipient as the template printed them)."""
    snapshot = p.get("snapshot", {})
    name = kind_label(p["kind"], p.get("variant"))
    title, recipient = name, ""
    if template is not None:
        try:
            doc = template.render(snapshot)
            title, recipient = doc.title, doc.recipient or ""
        except DomainError:
            pass
    words = [p["number"], case_no, name, title, recipient, snapshot.get("complainant_name", ""),
             snapshot.get("respondent_name", "")]
    return {"event_id": event_id, "complaint_id": stream, "case_no": case_no, "kind": p["kind"],
            "variant": p.get("variant"), "number": p["number"], "title": title, "recipient": recipient,
            "issued_on": snapshot.get("issued_on", device_time[:10]), "issued_at": device_time, "actor": actor,
            "sha256": p["sha256"], "pages": p["pages"], "template_version": p["template_version"],
            "search": " ".join(w for w in words if w).lower()}


def _row(r) -> DocumentRow:
    return DocumentRow(r.event_id, r.complaint_id, r.case_no, r.kind, r.variant, kind_label(r.kind, r.variant),
                       r.number, r.title, r.recipient, r.issued_on, r.issued_at, r.actor, r.sha256, r.pages)

