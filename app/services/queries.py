"""Read models 查询: plain frozen dataclasses paged out of SQL (filter and sort happen in SQL).

The list reads only indexed columns of the projection; the full aggregate is read when one complaint
is opened. Search uses the character index (``app.store.search``) for terms of any length.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from typing import Any

from sqlalchemy import Column, Select, and_, func, select, text
from sqlalchemy.orm import Session
from sqlalchemy.sql import visitors
from sqlalchemy.sql.expression import UnaryExpression
from sqlalchemy.sql.operators import custom_op

from app.contract.event_record import event_of
from app.domain.clock import CHINA, china_date, parse_iso
from app.domain.complaint import Complaint
from app.domain.deadlines import (
    Deadline,
    DeadlineStatus,
    DueKind,
    current_deadline,
    deadline_status,
    registration_lag,
)
from app.domain.regions import scope_prefix
from app.domain.vocabulary import Action, State
from app.domain.workflow import allowed_actions
from app.security.fieldcrypt import FieldCipher, maybe_cipher_for
from app.services import search_page
from app.services.complaint_ref import load_in_scope
from app.services.profile import Profile
from app.services.users import Actor
from app.store import search
from app.store.tables import complaints, events, quarantine, users

c = complaints.c

SORT_COLUMNS = {
    "registered_at": c.registered_at,
    "case_no": c.case_no,
    "state": c.state,
    "complainant": c.complainant_name,
    "respondent": c.respondent_name,
    "due_on": c.due_sort,
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
    nums: frozenset[int] | None = None  # exactly these complaints (row numbers): a 统计 number's drill-down


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
    more: bool = False  # ``total`` is a lower bound: a term in most complaints (``app.services.search_page``)


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
    today: date | None = None  # the business day the detail was read on (sanction status, deadlines)
    registration_lag: int = 0  # working days between receipt and registration (the forward clock counts from receipt)


def _where(profile: Profile, actor: Actor | None, f: ComplaintFilter, today: date) -> list:
    conditions: list = []
    if not _whole_scope(profile, actor):
        scope = scope_prefix(actor.region_code)
        conditions.append(c.region_code.like(f"{scope}%") if len(scope) < 6 else c.region_code == scope)
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
    if f.nums is not None:
        conditions.append(_in_nums(f.nums))
    if f.search.strip():
        match = search.match_query(f.search, _blind(profile.store.cipher))
        conditions.append(text("0") if match is None else c.num.in_(
            select(text("rowid")).select_from(text("complaint_search"))
            .where(text("complaint_search MATCH :match").bindparams(match=match))))
    return conditions


FREQUENT = 3000  # matches above which the list scans in sort order instead of sorting the matches


@dataclass(frozen=True)
class SearchHits:
    """The complaints whose index entry matches a term (row numbers), straight from the index."""

    match: str | None
    nums: frozenset[int]

    @property
    def count(self) -> int:
        return len(self.nums)

    @property
    def frequent(self) -> bool:
        return len(self.nums) > FREQUENT


def _blind(cipher: FieldCipher | None):
    """The profile's blind search tokens (a phone's last digits), when its key is loaded."""
    return cipher.blind if cipher is not None else None


def search_hits(session: Session, term: str) -> SearchHits:
    """One pass over the index (milliseconds even for terms in most complaints)."""
    match = search.match_query(term, _blind(maybe_cipher_for(session)))
    if match is None:
        return SearchHits(None, frozenset())
    rows = session.connection().exec_driver_sql(
        "SELECT rowid FROM complaint_search WHERE complaint_search MATCH ?", (match,)).cursor.fetchall()
    return SearchHits(match, frozenset(num for (num,) in rows))


def _dense_prefix(session: Session, term: str) -> search_page.DensePrefix | SearchHits | None:
    match = search.match_query(term, _blind(maybe_cipher_for(session)))
    if match is None:
        return SearchHits(None, frozenset())
    found = search_page.dense_prefix(session, match)
    return SearchHits(match, found) if isinstance(found, frozenset) else found


def _in_nums(nums: frozenset[int]):
    """SQL condition "row is one of ``nums``" (a drill-down may name tens of thousands)."""
    if not nums:
        return text("0")
    if len(nums) < 500:
        return c.num.in_(sorted(nums))
    return c.num.in_(select(text("value")).select_from(func.json_each(json.dumps(sorted(nums)))))


def _in_hits(hits: SearchHits):
    """SQL condition "row is a hit" for a short hit list."""
    if not hits.nums:
        return text("0")
    if len(hits.nums) < 500:
        return c.num.in_(sorted(hits.nums))
    return c.num.in_(select(text("value")).select_from(func.json_each(json.dumps(sorted(hits.nums)))))


def _walk(session: Session, conditions: list, order: list, hits: SearchHits, offset: int, limit: int) -> list[int]:
    """Row numbers of one page when most rows are hits: walk the sort order, keep the hits."""
    picked: list[int] = []
    skipped = 0
    cursor = session.execute(select(c.num).where(*conditions).order_by(*order)).cursor
    while len(picked) < limit:
        chunk = cursor.fetchmany(500)
        if not chunk:
            break
        for (num,) in chunk:
            if num in hits.nums:
                if skipped < offset:
                    skipped += 1
                elif len(picked) < limit:
                    picked.append(num)
    cursor.close()
    return picked


def _utc_start(day: date) -> str:
    """The UTC instant at which ``day`` begins in China, in the stored ISO form."""
    return f"{(day - timedelta(days=1)).isoformat()}T16:00:00.000Z"


LIST_COLUMNS = (c.id, c.case_no, c.state, c.region_code, c.complainant_name, c.respondent_name, c.department,
                c.channel, c.sector, c.agreement_title, c.claim_cents, c.registered_at, c.received_on, c.assignee,
                c.due_on, c.due_kind, c.typical, c.conflict)
# the first 16 of LIST_COLUMNS are ComplaintRow's first 16 fields, in order
assert [col.name for col in LIST_COLUMNS[:16]] == list(ComplaintRow.__dataclass_fields__)[:16]


def _rows(session: Session, query: Select) -> list[tuple]:
    """The page's rows as the driver's tuples (``LIST_COLUMNS``; ``list_blocks.complaint_row`` makes rows)."""
    return session.execute(query).cursor.fetchall()


DEEP_OFFSET = 500  # beyond this, find the page's row numbers on the index first, then read 50 rows


def _order(sort: str, descending: bool, f: ComplaintFilter | None = None) -> list:
    column = SORT_COLUMNS.get(sort, c.registered_at)
    if sort == "due_on" and f is not None and (f.overdue_only or f.due_within_days is not None):
        # every match has a deadline, and then due_sort == due_on: the same order, read straight off
        # the deadline index that the filter searches (only overdue, by deadline: 11 -> 2 ms)
        column = c.due_on
    order = [column.desc(), c.num.desc()] if descending else [column.asc(), c.num.asc()]
    return order


STATE_ORDERS = {"state", "case_no", "complainant", "respondent", "region", "claim"}  # (state, column) indexes
SCAN_ROWS = 4000  # rows a block may read along the sort order's index to find its matches (~4 ms)
_PLUS = custom_op("+")


def _unindexed(condition):
    """``condition`` with ``+column`` for each column: SQLite then uses no index for it."""
    def plus(element):
        if isinstance(element, Column) and element.table is complaints:
            return UnaryExpression(element, operator=_PLUS, type_=element.type)
        return None
    return visitors.replacement_traverse(condition, {}, plus)


def scans_in_order(f: ComplaintFilter, sort: str, offset: int, limit: int, matches: int | None,
                   everything: int) -> bool:
    """Whether a block is found faster by reading the sort order's index and keeping the matches than
    by the filter's index and sorting all matches (SQLite's choice: 30–40 ms for 已办结, 80 % of the
    complaints, sorted by 投诉人). Decided on the share that matches: about ``(offset + limit) *
    everything / matches`` rows are read, so a rare filter deep in the list keeps the filter's index.

    Not for the orders the filters' own indexes give (migrations 0017, 0019): by registration (each
    filter column's index ends with it), by deadline under a state or deadline filter — matches are not
    spread evenly along the deadline index (已办结 have none: they all come last) — and one state in
    any order (``(state, column)``: a block at any depth skips along it, 0.2–2.5 ms).
    """
    if matches is None or matches <= 0 or f.search.strip() or f.nums is not None or sort == "registered_at":
        return False
    if sort in STATE_ORDERS and (len(f.states) == 1 or merged_states(f, sort) is not None):
        return False
    if sort == "due_on" and (f.states or f.open_only or f.overdue_only or f.due_within_days is not None):
        return False
    return (offset + limit) * everything <= SCAN_ROWS * matches


def merged_states(f: ComplaintFilter, sort: str) -> tuple[str, ...] | None:
    """The states whose ``(state, column)`` indexes a block of ``f`` in the order ``sort`` is merged from:
    several states, or 未办结 (every state but 已办结); None when that does not apply.

    Each state's matches come off its index already in order; SQLite merges the states (``MERGE (UNION
    ALL)``) and skips to the block, instead of sorting every match (未办结 by 投诉人 at 20,000 complaints,
    a block half-way down: 55–190 ms → 1–2 ms)."""
    if sort not in STATE_ORDERS or f.search.strip() or f.nums is not None:
        return None
    if not f.open_only:
        return f.states if len(f.states) > 1 else None
    states = tuple(str(s) for s in (f.states or tuple(State)) if s != State.CLOSED.value)
    return states if len(states) > 1 else None


def list_query(profile: Profile, actor: Actor | None, f: ComplaintFilter, sort: str = "registered_at",
               descending: bool = True, *, offset: int = 0, limit: int = 100, hits: SearchHits | None = None,
               in_order: bool = False) -> Select:
    """The page query; ``hits`` (from ``search_hits``, not frequent) when ``f`` has a search term;
    ``in_order`` (``scans_in_order``): the filter's columns are kept off their indexes."""
    today = china_date(profile.now())
    conditions = _where(profile, actor, replace(f, search=""), today)
    if in_order:
        conditions = [_unindexed(condition) for condition in conditions]
    if f.search.strip():
        conditions.append(_in_hits(hits))
    order = _order(sort, descending, f)
    if offset > DEEP_OFFSET or conditions:
        # skip along the (covering) index, then read only the rows shown; with a filter, the matches
        # are ordered as (sort key, row number) pairs from an index, not as whole rows (只看超期: 4 ms
        # instead of 20 at 100,000 complaints; never more than 0.1 ms slower)
        numbers = select(c.num).where(*conditions).order_by(*order).offset(offset).limit(limit)
        return select(*LIST_COLUMNS).where(c.num.in_(numbers)).order_by(*order)
    return select(*LIST_COLUMNS).order_by(*order).offset(offset).limit(limit)


def list_complaints(
    profile: Profile, actor: Actor | None, f: ComplaintFilter = ComplaintFilter(), *, sort: str = "registered_at",
    descending: bool = True, offset: int = 0, limit: int = 100, with_total: bool = True, matches: int | None = None,
) -> Page:
    """One page of the list and the number of complaints matching ``f`` (``matches``: that number when
    the caller knows it, for a block without the total). Read by ``app.services.list_blocks``."""
    from app.services.list_blocks import list_page

    return list_page(profile, actor, f, sort=sort, descending=descending, offset=offset, limit=limit,
                     with_total=with_total, matches=matches)


def search_page_tuples(profile: Profile, actor: Actor | None, f: ComplaintFilter, *, sort: str = "registered_at",
                       descending: bool = True, offset: int = 0, limit: int = 100,
                       with_total: bool = True) -> tuple[list[tuple], int, bool]:
    """One page of the list for a filter with a search term: its rows (``LIST_COLUMNS`` tuples), the
    number of matches (-1 unless asked for) and whether that number is a lower bound."""
    today = china_date(profile.now())
    plain = replace(f, search="")
    with profile.store.read() as session:
        hits = None
        total = -1
        dense = _dense_prefix(session, f.search) if offset <= search_page.CAP else None
        if isinstance(dense, SearchHits):  # every hit already read (no more than CAP)
            hits, dense = dense, None
        nums = None
        if dense is not None:  # a term in most complaints: exact page, count bounded
            conditions, order = _where(profile, actor, plain, today), _order(sort, descending, plain)
            try:
                nums = search_page.walk(session, conditions, order, dense, offset, limit)
            except search_page.TooSparse:  # rare where this list looks: read every hit below
                nums = None
        if nums is not None:
            rows = _rows(session, select(*LIST_COLUMNS).where(c.num.in_(nums)).order_by(*order))
            if not with_total:
                return rows, -1, False
            whole = plain == ComplaintFilter() and _whole_scope(profile, actor)
            total, more = search_page.bounded_count(session, conditions, dense, whole)
            return rows, max(total, offset + len(rows)), more
        if hits is None:
            hits = search_hits(session, f.search)
        if hits.frequent:  # most rows match: walk the sort order instead of sorting hits
            conditions, order = _where(profile, actor, plain, today), _order(sort, descending, plain)
            nums = _walk(session, conditions, order, hits, offset, limit)
            query = select(*LIST_COLUMNS).where(c.num.in_(nums)).order_by(*order)
        else:
            query = list_query(profile, actor, f, sort, descending, offset=offset, limit=limit, hits=hits)
        rows = _rows(session, query)
        if not with_total:
            pass
        elif plain == ComplaintFilter() and _whole_scope(profile, actor):
            total = hits.count  # the search alone decides: the index already counted it
        elif hits.frequent:
            candidates = session.execute(select(c.num).where(*_where(profile, actor, plain, today))).scalars()
            total = sum(1 for num in candidates if num in hits.nums)
        else:
            total = session.execute(select(func.count()).select_from(complaints).where(
                *_where(profile, actor, plain, today), _in_hits(hits))).scalar_one()
    return rows, total, False


def _whole_scope(profile: Profile, actor: Actor | None) -> bool:
    """The user sees every complaint this profile holds (the profile only holds its own scope)."""
    return actor is None or scope_prefix(actor.region_code) == profile.office.scope


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


def _counts():
    """Events that count: not set aside (malformed, or quarantined by the hub; the 同步 page lists those)."""
    return events.c.id.not_in(select(quarantine.c.event_id))


def get_complaint(profile: Profile, actor: Actor, ref: str) -> ComplaintDetail:
    """One complaint with its deadline, its timeline and the actions ``actor`` may take now."""
    with profile.store.reading() as uow:  # opens while a sync holds the write lock, and on a read-only disk
        complaint = load_in_scope(uow, profile, actor, ref)
        rows = uow.session.execute(select(events).where(events.c.stream == complaint.id, _counts())
                                   .order_by(events.c.seq))
        names = uow.users.names()
    timeline = tuple(
        TimelineEntry(e.id, e.action, e.actor, names.get(e.actor, e.actor), e.device_id, e.device_time, e.payload,
                      e.server_seq is not None)
        for e in (event_of(r) for r in rows)
    )
    deadline = current_deadline(complaint, profile.calendar, profile.rules)
    status = deadline_status(deadline, china_date(profile.now()), profile.calendar) if deadline else None
    allowed = tuple(allowed_actions(complaint, actor.roles)) if complaint.region_code else ()
    lag = registration_lag(complaint, profile.calendar)
    return ComplaintDetail(complaint, status, timeline, allowed, names, china_date(profile.now()), lag)


def deadline_statuses(profile: Profile, rows: tuple[ComplaintRow, ...]) -> dict[str, DeadlineStatus]:
    """Working days left for the rows on screen (computed per page, not per database)."""
    today = china_date(profile.now())
    known: dict[tuple[str, str], DeadlineStatus] = {}  # rows of a page share few deadlines: one status each
    result = {}
    for r in rows:
        if r.due_on and r.due_kind:
            key = (r.due_on, r.due_kind)
            status = known.get(key)
            if status is None:
                status = known[key] = deadline_status(Deadline(DueKind(r.due_kind), date.fromisoformat(r.due_on)),
                                                      today, profile.calendar)
            result[r.id] = status
    return result


def recent_activity(profile: Profile, actor: Actor, limit: int = 20) -> list[TimelineEntry]:
    """The latest complaint events in scope (workbench)."""
    scope = scope_prefix(actor.region_code)
    with profile.store.read() as session:
        names = {r.id: r.display_name for r in session.execute(select(users.c.id, users.c.display_name))}
        rows = session.execute(
            select(events, c.case_no).join(complaints, complaints.c.id == events.c.stream)
            .where(c.region_code.like(f"{scope}%"), _counts()).order_by(events.c.seq.desc()).limit(limit)
        )
        result = []
        for r in rows:
            e = event_of(r)
            payload = dict(e.payload)
            payload["_case_no"] = r.case_no
            payload["_complaint_id"] = e.stream
            result.append(TimelineEntry(e.id, e.action, e.actor, names.get(e.actor, e.actor), e.device_id,
                                        e.device_time, payload, e.server_seq is not None))
    return result


def local_time(iso: str) -> str:
    """``2026-11-26 17:30`` in China time, for display."""
    return parse_iso(iso).astimezone(CHINA).strftime("%Y-%m-%d %H:%M")



