"""The audit trail 审计记录 as the auditor reads it: the event log, filtered and paged from SQL.

Newest first (the device's recorded time, then the local row number). Pages are read by key (the
last row's time and row number), never by offset, so any page costs what the first does however long
the log grows; the indexes of migration 0016 serve each filter in that order. Payloads pass through
``app.contract.event_record.event_of`` (which reads encrypted fields) and are masked
(``app.domain.audit_records.mask_payload``) before they leave this module, for the page and the export
alike. Only the auditor (审计员) reads it: three-way separation of duties (三权分立), see docs/security.md.
"""

from __future__ import annotations

import heapq
import json
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from itertools import islice
from operator import attrgetter
from typing import Any

from sqlalchemy import and_, or_, select, true, tuple_
from sqlalchemy.orm import Session

from app.common.packing import unpacked
from app.contract.event_record import event_of
from app.domain import audit_records as ar
from app.domain.clock import CHINA, iso_utc, parse_iso
from app.domain.errors import DomainError
from app.domain.events import ADMIN_STREAM, SESSION_STREAM, canonical_json
from app.domain.vocabulary import Role
from app.messages import field_label
from app.services.profile import Profile
from app.services.users import Actor
from app.store.tables import complaint_data, complaints, events, users

PAGE = 100


@dataclass(frozen=True)
class AuditFilter:
    """What the auditor looks at; empty values mean "any"."""

    date_from: date | None = None  # China dates, inclusive
    date_to: date | None = None
    actor: str = ""  # login name, display name or user id
    category: str | None = None  # audit_records.SESSION | ADMIN | COMPLAINT
    action: str | None = None  # an action code (login_failed, forward …)
    case_no: str = ""  # 案号 of a complaint
    device: str = ""  # a device id, or its first characters
    outcome: str | None = None  # audit_records.SUCCEEDED | FAILED


@dataclass(frozen=True)
class Cursor:
    """Where the next page starts: after this row (time, then local row number, both descending)."""

    device_time: str
    seq: int


@dataclass(frozen=True)
class AuditRecord:
    seq: int  # local row number
    event_id: str
    at: str  # device_time (ISO UTC)
    at_local: str  # 2026-12-05 09:30:00 (China time)
    action: str
    action_label: str
    category: str
    category_label: str
    outcome: str
    outcome_label: str
    stream: str
    case_no: str | None
    actor_id: str
    actor_name: str  # 张三（zhangsan）, or the id when the user is not known here
    device_id: str
    device_seq: int
    server_seq: int | None
    summary: str  # masked
    payload: dict[str, Any] | None  # masked; None on a list page (read it with ``audit_record``)

    @property
    def payload_text(self) -> str:
        return canonical_json(self.payload) if self.payload is not None else ""


@dataclass(frozen=True)
class AuditPage:
    rows: tuple[AuditRecord, ...]
    next_cursor: Cursor | None  # None: this is the last page


def require_auditor(actor: Actor) -> None:
    if not actor.has(Role.AUDITOR):
        raise DomainError("auditor_required")


def _bound(day: date, *, end: bool) -> str:
    moment = datetime.combine(day + timedelta(days=1) if end else day, time(0), tzinfo=CHINA)
    return iso_utc(moment)


def _local(device_time: str) -> str:
    try:
        return parse_iso(device_time).astimezone(CHINA).strftime("%Y-%m-%d %H:%M:%S")
    except ValueError:
        return device_time


def _actor_ids(session: Session, text_: str) -> list[str]:
    value = text_.strip()
    u = users.c
    found = list(session.execute(select(u.id).where(or_(u.username == value.lower(), u.display_name == value,
                                                        u.id == value))).scalars())
    return found or [value]


def device_ids(session: Session) -> list[str]:
    """Every device the log holds, read by seeking the device index (one seek per device, no scan)."""
    found: list[str] = []
    current: str | None = ""
    while True:
        current = session.execute(select(events.c.device_id).where(events.c.device_id > current)
                                  .order_by(events.c.device_id).limit(1)).scalar()
        if current is None:
            return found
        found.append(current)


def _conditions(session: Session, f: AuditFilter) -> tuple[list[Any], list[str]] | None:
    """The WHERE terms of ``f`` but the device, and the devices the device filter matches (empty: any
    device); None when nothing can match (an unknown case number or device)."""
    e = events.c
    where: list[Any] = []
    if f.date_from:
        where.append(e.device_time >= _bound(f.date_from, end=False))
    if f.date_to:
        where.append(e.device_time < _bound(f.date_to, end=True))
    if f.actor.strip():
        ids = _actor_ids(session, f.actor)
        where.append(e.actor == ids[0] if len(ids) == 1 else e.actor.in_(ids))
    if f.category == ar.SESSION:
        where.append(e.stream == SESSION_STREAM)
    elif f.category == ar.ADMIN:
        where.append(e.stream == ADMIN_STREAM)
    elif f.category == ar.COMPLAINT:
        where.append(e.stream.not_in((SESSION_STREAM, ADMIN_STREAM)))
    if f.action:
        where.append(e.action == f.action)
    if f.outcome == ar.FAILED:
        failed = sorted(ar.FAILED_ACTIONS)
        where.append(e.action == failed[0] if len(failed) == 1 else e.action.in_(failed))
    elif f.outcome == ar.SUCCEEDED:
        where.append(e.action.not_in(sorted(ar.FAILED_ACTIONS)))
    if f.case_no.strip():
        stream = session.execute(select(complaints.c.id).where(complaints.c.case_no == f.case_no.strip())).scalar()
        if stream is None:
            return None
        where.append(e.stream == stream)
    matching: list[str] = []
    if f.device.strip():
        value = f.device.strip()
        matching = [d for d in device_ids(session) if d.startswith(value)]
        if not matching:
            return None
    return where, matching


def _rows(session: Session, f: AuditFilter, after: Cursor | None, limit: int) -> list[Any]:
    found = _conditions(session, f)
    if found is None:
        return []
    where, devices = found
    e = events.c
    if after is not None:
        where.append(tuple_(e.device_time, e.seq) < tuple_(after.device_time, after.seq))

    def newest(*terms: Any) -> list[Any]:
        query = select(events).where(and_(true(), *where, *terms)).order_by(e.device_time.desc(), e.seq.desc())
        return list(session.execute(query.limit(limit)))

    if len(devices) <= 1:
        return newest(*(e.device_id == device for device in devices))
    # ``device_id IN (…)`` made SQLite sort every matching event (2.8 s at 594,000 events): instead each
    # device's newest ``limit`` in the order of ix_events_device_time, merged: the same rows in the same order
    parts = [newest(e.device_id == device) for device in devices]
    return list(islice(heapq.merge(*parts, key=attrgetter("device_time", "seq"), reverse=True), limit))


def _records(session: Session, rows: list[Any], *, full: bool = False) -> list[AuditRecord]:
    """Records of ``rows``: with the whole masked payload when ``full`` (detail, export), else only
    the masked one-line summary (a list page)."""
    streams = {r.stream for r in rows if r.stream not in (SESSION_STREAM, ADMIN_STREAM)}
    case_nos: dict[str, str] = {}
    known_names: dict[str, frozenset[str]] = {}  # the persons each complaint names, masked in free text too
    if streams:
        c, d = complaints.c, complaint_data.c
        for row in session.execute(select(c.id, c.case_no, d.data).join(complaint_data, d.num == c.num)
                                   .where(c.id.in_(streams))):
            case_nos[row.id] = row.case_no
            try:
                known_names[row.id] = frozenset(ar.person_names(json.loads(unpacked(row.data)).get("intake") or {}))
            except (ValueError, AttributeError):
                known_names[row.id] = frozenset()
    actor_ids = {r.actor for r in rows if r.actor}
    actor_names = {row.id: f"{row.display_name}（{row.username}）" for row in session.execute(
        select(users.c.id, users.c.display_name, users.c.username).where(users.c.id.in_(actor_ids)))} \
        if actor_ids else {}
    records = []
    for row in rows:
        try:
            event = event_of(row._mapping)
            raw = event.payload if isinstance(event.payload, dict) else {}
        except Exception:  # content altered at rest (a sealed value that no longer opens …)
            event = event_of({**row._mapping, "payload": {}})
            raw = {"问题": "内容无法读取（可能在库中被改动），请运行审计校验"}
        else:
            raw = ar.readable(event.stream, event.action, raw, field_label)
        persons = known_names.get(event.stream, frozenset())
        category = ar.category_of(event.stream)
        outcome = ar.outcome_of(event.action)
        if event.actor:
            actor_name = actor_names.get(event.actor, event.actor)
        else:
            actor_name = "（未知用户）"
        records.append(AuditRecord(
            seq=row.seq, event_id=event.id, at=event.device_time, at_local=_local(event.device_time),
            action=event.action, action_label=ar.action_label(event.action), category=category,
            category_label=ar.CATEGORY_LABELS[category], outcome=outcome, outcome_label=ar.OUTCOME_LABELS[outcome],
            stream=event.stream, case_no=case_nos.get(event.stream), actor_id=event.actor, actor_name=actor_name,
            device_id=event.device_id, device_seq=event.device_seq, server_seq=event.server_seq,
            summary=ar.summary_text(ar.shown(raw), names=persons, label=path_label), payload=ar.mask_payload(raw, persons) if full else None,
        ))
    return records


_ITEM = re.compile(r"^(.*)\[(\d+)\]$")


def path_label(path: str) -> str:
    """A payload key path in Chinese: ``persons[1].name`` → 被追责人员（第1项）·姓名 (``field_label`` with list
    items and document kinds, e.g. the numbering prefixes of the office settings)."""
    from app.domain.document_kinds import KIND_LABELS

    parts = []
    for part in path.split("."):
        item = _ITEM.match(part)
        if item:
            parts.append(f"{path_label(item.group(1))}（第{item.group(2)}项）")
        else:
            parts.append(KIND_LABELS.get(part) or field_label(part))
    return "·".join(parts)


def detail_lines(payload: dict[str, Any] | None) -> list[tuple[str, str]]:
    """(label, value) lines of a record's (masked, readable) payload for the detail pane."""
    def flat(value: Any, path: str) -> list[tuple[str, str]]:
        if isinstance(value, dict):
            return [pair for k, v in value.items() for pair in flat(v, f"{path}.{k}" if path else str(k))]
        if isinstance(value, list):
            if all(not isinstance(v, (dict, list)) for v in value):
                return [(path, "、".join(str(v) for v in value))]
            return [pair for i, v in enumerate(value, 1) for pair in flat(v, f"{path}[{i}]")]
        return [(path, "" if value is None else str(value))]

    return [(path_label(path), value) for path, value in flat(ar.shown(payload or {}), "")]


def read_page(session: Session, f: AuditFilter, after: Cursor | None = None, limit: int = PAGE, *,
              full: bool = False) -> AuditPage:
    rows = _rows(session, f, after, limit + 1)
    more = len(rows) > limit
    rows = rows[:limit]
    records = _records(session, rows, full=full)
    cursor = Cursor(rows[-1].device_time, rows[-1].seq) if more and rows else None
    return AuditPage(tuple(records), cursor)


def audit_page(profile: Profile, actor: Actor, f: AuditFilter, after: Cursor | None = None,
               limit: int = PAGE, *, full: bool = False) -> AuditPage:
    """One page of the audit trail for the auditor ``actor``: ``limit`` records after ``after`` (with
    their whole masked payloads when ``full``)."""
    require_auditor(actor)
    with profile.store.read() as session:
        return read_page(session, f, after, limit, full=full)


def iter_records(profile: Profile, actor: Actor, f: AuditFilter, *, chunk: int = 1000,
                 cancel: Callable[[], bool] | None = None) -> Iterator[AuditRecord]:
    """Every record of the selection, newest first, read a chunk at a time (memory stays flat)."""
    require_auditor(actor)
    after: Cursor | None = None
    with profile.store.read() as session:
        while True:
            if cancel is not None and cancel():
                raise DomainError("cancelled")
            page = read_page(session, f, after, chunk, full=True)
            yield from page.rows
            if page.next_cursor is None:
                return
            after = page.next_cursor


def audit_record(profile: Profile, actor: Actor, seq: int) -> AuditRecord:
    """One record with its whole payload, masked (the detail pane)."""
    require_auditor(actor)
    with profile.store.read() as session:
        rows = list(session.execute(select(events).where(events.c.seq == seq)))
        if not rows:
            raise DomainError("audit_record_missing", seq=seq)
        return _records(session, rows, full=True)[0]


def devices(profile: Profile, actor: Actor) -> list[str]:
    """The devices whose records the log holds (for the device filter)."""
    require_auditor(actor)
    with profile.store.read() as session:
        return device_ids(session)
