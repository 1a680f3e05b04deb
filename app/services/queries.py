"""Read models 查询: plain frozen dataclasses paged out of SQL (filter and sort happen in SQL).

The list reads only indexed columns of the projection; the full aggregate is read when one complaint
is opened. Search uses the character index (``app.store.search``) for terms of any length.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from sqlalchemy import Select, and_, func, select, text
from sqlalchemy.orm import Session

from app.domain.clock import CHINA, china_date, parse_iso
from app.domain.complaint import Complaint
from app.domain.deadlines import Deadline, DeadlineStatus, DueKind, current_deadline, deadline_status
from app.domain.regions import scope_prefix
from app.domain.vocabulary import Action, State
from app.domain.workflow import allowed_actions
from app.services.act import load_in_scope
from app.services.profile import Profile
from app.services.users import Actor
from app.store import search
from app.store.events import row_to_event
from app.store.tables import complaints, events, users

c = complaints.c

SORT_COLUMNS = {
    "registered_at": c.registered_at,
    "case_no": c.case_no,
    "state": c.state,
    "complainant": c.complainant_name,
    "respondent": c.respondent_name,
    "due_on": c.due_on,
    "updated_at": c.updated_at,
    "claim": c.claim_cents,
    "region": c.region_code,
}


@dataclass(frozen=True)
class ComplaintFilter:
    """What the list shows. Empty tuples mean "any"."""

    states: tuple[str, ...] = ()
    regions: tuple[str, ...] = ()
    sectors: tuple[str, ...] = ()
    channels: tuple[str, ...] = ()
    registered_from: date | None = None
    registered_to: date | None = None
    overdue_only: bool = False
    due_within_days: int | None = None  # calendar days from today (workbench buckets)
    open_only: bool = False
    assignee: str | None = None
    typical_only: bool = False
    conflict_only: bool = False
    search: str = ""


@dataclass(frozen=True)
class ComplaintRow:
    id: str
    case_no: str
    state: str
    region_code: str
    complainant_name: str
    respondent_name: str
    department: str
    channel: str
    sector: str
    agreement_title: str
    claim_cents: int | None
    registered_at: str
    received_on: str
    assignee: str | None
    due_on: str | None
    due_kind: str | None
    overdue: bool
    typical: bool
    conflict: bool


@dataclass(frozen=True)
class Page:
    rows: tuple[ComplaintRow, ...]
    total: int
    offset: int


@dataclass(frozen=True)
class TimelineEntry:
    event_id: str
    action: str
    actor_id: str
    actor_name: str
    device_id: str
    at: str  # ISO UTC
    payload: dict[str, Any]
    synced: bool


@dataclass(frozen=True)
class ComplaintDetail:
    complaint: Complaint
    deadline: DeadlineStatus | None
    timeline: tuple[TimelineEntry, ...]
    allowed: tuple[Action, ...]
    names: dict[str, str] = field(default_factory=dict)


def _where(profile: Profile, actor: Actor | None, f: ComplaintFilter, today: date) -> list:
    conditions: list = []
    scope = scope_prefix(actor.region_code if actor else profile.office.region_code)
    if len(scope) < 6:
        conditions.append(c.region_code.like(f"{scope}%"))
    else:
        conditions.append(c.region_code == scope)
    if f.states:
        conditions.append(c.state.in_(f.states))
    if f.open_only:
        conditions.append(c.state != State.CLOSED.value)
    if f.regions:
        conditions.append(c.region_code.in_(f.regions))
    if f.sectors:
        conditions.append(c.sector.in_(f.sectors))
    if f.channels:
        conditions.append(c.channel.in_(f.channels))
    if f.registered_from:
        conditions.append(c.registered_at >= _utc_start(f.registered_from))
    if f.registered_to:
        conditions.append(c.registered_at < _utc_start(f.registered_to + timedelta(days=1)))
    if f.overdue_only:
        conditions.append(and_(c.due_on.is_not(None), c.due_on < today.isoformat()))
    if f.due_within_days is not None:
        conditions.append(and_(c.due_on >= today.isoformat(),
                               c.due_on <= (today + timedelta(days=f.due_within_days)).isoformat()))
    if f.assignee:
        conditions.append(c.assignee == f.assignee)
    if f.typical_only:
        conditions.append(c.typical == 1)
    if f.conflict_only:
        conditions.append(c.conflict == 1)
    if f.search.strip():
        match = search.match_query(f.search)
        if match is None:
            conditions.append(text("0"))
        else:
            conditions.append(c.num.in_(
                select(text("rowid")).select_from(text("complaint_search"))
                .where(text("complaint_search MATCH :match").bindparams(match=match))
            ))
    return conditions


def _utc_start(day: date) -> str:
    """The UTC instant at which ``day`` begins in China, in the stored ISO form."""
    return f"{(day - timedelta(days=1)).isoformat()}T16:00:00.000Z"


def _row(r: Any, today_iso: str) -> ComplaintRow:
    return ComplaintRow(
        id=r.id, case_no=r.case_no, state=r.state, region_code=r.region_code, complainant_name=r.complainant_name,
        respondent_name=r.respondent_name, department=r.department, channel=r.channel, sector=r.sector,
        agreement_title=r.agreement_title, claim_cents=r.claim_cents, registered_at=r.registered_at,
        received_on=r.received_on, assignee=r.assignee, due_on=r.due_on, due_kind=r.due_kind,
        overdue=bool(r.due_on and r.due_on < today_iso), typical=bool(r.typical), conflict=bool(r.conflict),
    )


LIST_COLUMNS = (c.id, c.case_no, c.state, c.region_code, c.complainant_name, c.respondent_name, c.department,
                c.channel, c.sector, c.agreement_title, c.claim_cents, c.registered_at, c.received_on, c.assignee,
                c.due_on, c.due_kind, c.typical, c.conflict)


def list_query(profile: Profile, actor: Actor | None, f: ComplaintFilter, sort: str = "registered_at",
               descending: bool = True) -> Select:
    today = china_date(profile.now())
    column = SORT_COLUMNS.get(sort, c.registered_at)
    order = [column.desc(), c.num.desc()] if descending else [column.asc(), c.num.asc()]
    if sort == "due_on":  # complaints without a deadline sort last either way
        order = [c.due_on.is_(None), *order]
    return select(*LIST_COLUMNS).where(*_where(profile, actor, f, today)).order_by(*order)


def list_complaints(
    profile: Profile, actor: Actor | None, f: ComplaintFilter = ComplaintFilter(), *, sort: str = "registered_at",
    descending: bool = True, offset: int = 0, limit: int = 100, with_total: bool = True,
) -> Page:
    """One page of the list and the number of complaints matching ``f``."""
    today = china_date(profile.now())
    query = list_query(profile, actor, f, sort, descending).offset(offset).limit(limit)
    with profile.store.read() as session:
        rows = tuple(_row(r, today.isoformat()) for r in session.execute(query))
        total = count_complaints(session, profile, actor, f) if with_total else -1
    return Page(rows, total, offset)


def count_complaints(session: Session, profile: Profile, actor: Actor | None, f: ComplaintFilter) -> int:
    today = china_date(profile.now())
    query = select(func.count()).select_from(complaints).where(*_where(profile, actor, f, today))
    return session.execute(query).scalar_one()


def counts_by_state(profile: Profile, actor: Actor | None) -> dict[str, int]:
    today = china_date(profile.now())
    query = (select(c.state, func.count()).where(*_where(profile, actor, ComplaintFilter(), today))
             .group_by(c.state))
    with profile.store.read() as session:
        found = dict(session.execute(query).all())
    return {state.value: found.get(state.value, 0) for state in State}


def get_complaint(profile: Profile, actor: Actor, ref: str) -> ComplaintDetail:
    """One complaint with its deadline, its timeline and the actions ``actor`` may take now."""
    with profile.store.unit_of_work() as uow:
        complaint = load_in_scope(uow, profile, actor, ref)
        rows = uow.session.execute(select(events).where(events.c.stream == complaint.id).order_by(events.c.seq))
        names = uow.users.names()
    timeline = tuple(
        TimelineEntry(e.id, e.action, e.actor, names.get(e.actor, e.actor), e.device_id, e.device_time, e.payload,
                      e.server_seq is not None)
        for e in (row_to_event(r) for r in rows)
    )
    deadline = current_deadline(complaint, profile.calendar, profile.rules)
    status = deadline_status(deadline, china_date(profile.now()), profile.calendar) if deadline else None
    allowed = tuple(allowed_actions(complaint, actor.roles)) if complaint.region_code else ()
    return ComplaintDetail(complaint, status, timeline, allowed, names)


def deadline_statuses(profile: Profile, rows: tuple[ComplaintRow, ...]) -> dict[str, DeadlineStatus]:
    """Working days left for the rows on screen (computed per page, not per database)."""
    today = china_date(profile.now())
    return {
        r.id: deadline_status(Deadline(DueKind(r.due_kind), date.fromisoformat(r.due_on)), today, profile.calendar)
        for r in rows if r.due_on and r.due_kind
    }


def recent_activity(profile: Profile, actor: Actor, limit: int = 20) -> list[TimelineEntry]:
    """The latest complaint events in scope (workbench)."""
    scope = scope_prefix(actor.region_code)
    with profile.store.read() as session:
        names = {r.id: r.display_name for r in session.execute(select(users.c.id, users.c.display_name))}
        rows = session.execute(
            select(events, c.case_no).join(complaints, complaints.c.id == events.c.stream)
            .where(c.region_code.like(f"{scope}%")).order_by(events.c.seq.desc()).limit(limit)
        )
        result = []
        for r in rows:
            e = row_to_event(r)
            payload = dict(e.payload)
            payload["_case_no"] = r.case_no
            result.append(TimelineEntry(e.id, e.action, e.actor, names.get(e.actor, e.actor), e.device_id,
                                        e.device_time, payload, e.server_seq is not None))
    return result


def local_time(iso: str) -> str:
    """``2026-11-26 17:30`` in China time, for display."""
    return parse_iso(iso).astimezone(CHINA).strftime("%Y-%m-%d %H:%M")


def aggregate_json(profile: Profile, complaint_id: str) -> dict[str, Any]:
    with profile.store.read() as session:
        data = session.execute(select(c.data).where(c.id == complaint_id)).scalar_one()
    return json.loads(data)

