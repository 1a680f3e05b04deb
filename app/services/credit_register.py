"""The breach register 政务失信记录台账 as read models, for the window, the CLI, the submissions to the
province and the credit check.

Rows come from the ``breach_records`` projection (``app.domain.breach_register``), filtered in SQL;
a search term matches the body's name (substring, pinyin or pinyin initials: ``sbxczj`` finds
双柏县财政局), its credit code, the case number, the confirming authority or the competent department.
A user sees the records of their region and the regions below it.
"""

from __future__ import annotations

import functools
import json
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import text
from sqlalchemy.orm import Session

from app.domain.breach_register import RECORD_STATUS_LABELS, RecordStatus, SanctionLine, sanction_lines
from app.domain.clock import china_date
from app.domain.errors import DomainError
from app.domain.identifiers import normalize_code
from app.domain.regions import in_scope, scope_prefix, validate_region_code
from app.domain.sanctions import SanctionStatus
from app.services import reference
from app.services.profile import Profile
from app.services.users import Actor

SORTS = {
    "confirmed_on": "b.confirmed_on {dir}, b.case_no {dir}",
    "case_no": "b.case_no {dir}",
    "respondent": "b.respondent_name {dir}, b.case_no {dir}",
    "region": "b.region_code {dir}, b.confirmed_on DESC",
    "changed_on": "b.changed_on {dir}, b.case_no {dir}",
    "amount": "b.claim_cents {dir}, b.case_no {dir}",
}
# What the sanction filter picks (``RegisterFilter.sanction``): a sanction in force today, sanctions
# imposed but none in force today (lifted or run out), no sanction imposed.
SANCTION_FILTERS = ("in_force", "ended", "none")
# The same as a set read once (a filter: no subquery per record).
SANCTIONED_NOW = ("b.num IN (SELECT s.num FROM sanction_spells s WHERE s.lifted_on IS NULL "
                  "AND s.start_on <= :today AND (s.end_on IS NULL OR s.end_on >= :today))")
SANCTION_NOW = ("EXISTS (SELECT 1 FROM sanction_spells s WHERE s.num = b.num AND s.lifted_on IS NULL "
                "AND s.start_on <= :today AND (s.end_on IS NULL OR s.end_on >= :today))")


@dataclass(frozen=True)
class RegisterFilter:
    """What the register shows; empty values mean "any"."""

    search: str = ""
    region_code: str | None = None  # a region and the regions below it (default: the user's)
    department: str | None = None  # competent department (exact)
    status: str | None = None  # RecordStatus value
    sanctioned_now: bool = False  # only records with a sanction in force today
    sanction: str | None = None  # one of SANCTION_FILTERS ("in_force" is the same as sanctioned_now)
    confirmed_from: date | None = None
    confirmed_to: date | None = None
    sort: str = "confirmed_on"
    ascending: bool = False


@dataclass(frozen=True)
class BreachRecord:
    num: int
    case_no: str
    complaint_id: str
    region_code: str
    region_name: str
    office_code: str
    department: str
    respondent_name: str
    respondent_code: str | None
    respondent_kind: str | None
    complainant_name: str
    agreement_title: str
    claim_cents: int | None
    ground: str
    ground_detail: str | None
    confirmed_by: str
    confirmed_on: str
    recorded_on: str
    facts: str
    document_ref: str | None
    status: str
    repaired_on: str | None
    repair_recorded_on: str | None
    repair_evidence: str | None
    repair_document: str | None
    sanctions: tuple[SanctionLine, ...]
    sanction_data: tuple[dict[str, Any], ...]  # the stored sanctions (for exports)
    accountability: tuple[dict[str, Any], ...]
    changed_on: str
    digest: str

    @property
    def status_label(self) -> str:
        return RECORD_STATUS_LABELS[RecordStatus(self.status)]

    @property
    def in_force(self) -> bool:
        return self.status == RecordStatus.IN_FORCE

    @property
    def sanctions_in_force(self) -> tuple[SanctionLine, ...]:
        return tuple(s for s in self.sanctions if s.status == SanctionStatus.IN_FORCE)

    @property
    def claim_yuan(self) -> str | None:
        if self.claim_cents is None:
            return None
        return f"{self.claim_cents // 100:,}.{self.claim_cents % 100:02d}"


@dataclass(frozen=True)
class RegisterPage:
    rows: tuple[BreachRecord, ...]
    total: int
    in_force: int  # of the filtered records: not repaired
    sanctioned_now: int  # of the filtered records: with a sanction in force today


_COLUMNS = ("num, case_no, complaint_id, region_code, office_code, department, respondent_name, respondent_code, "
            "respondent_kind, complainant_name, agreement_title, claim_cents, ground, ground_detail, confirmed_by, "
            "confirmed_on, recorded_on, facts, document_ref, status, repaired_on, repair_recorded_on, "
            "repair_evidence, repair_document, sanctions, accountability, changed_on, digest")


_NAMES = tuple(name.strip() for name in _COLUMNS.split(","))


def _record(row, profile: Profile, today: date) -> BreachRecord:
    values = dict(zip(_NAMES, row, strict=True))
    sanctions = json.loads(values.pop("sanctions"))
    accountability = json.loads(values.pop("accountability"))
    return BreachRecord(**values, region_name=_region_name(profile, values["region_code"]),
                        sanctions=sanction_lines(sanctions, today), sanction_data=tuple(sanctions),
                        accountability=tuple(accountability))


def _region_name(profile: Profile, code: str) -> str:
    region = profile.regions.find(code)
    return region.name if region else code


def _scope(actor: Actor, region_code: str | None) -> str:
    region = validate_region_code(region_code or actor.region_code)
    if not in_scope(actor.region_code, region):
        raise DomainError("region_out_of_scope", region=region)
    return scope_prefix(region)


def _where(session: Session, actor: Actor, f: RegisterFilter, today: date) -> tuple[str, dict[str, Any]]:
    if f.confirmed_from and f.confirmed_to and f.confirmed_to < f.confirmed_from:
        raise DomainError("register_period_invalid", start=f.confirmed_from.isoformat(), end=f.confirmed_to.isoformat())
    if f.status is not None and f.status not in {s.value for s in RecordStatus}:
        raise DomainError("register_status_unknown", status=f.status)
    if f.sanction is not None and f.sanction not in SANCTION_FILTERS:
        raise DomainError("register_sanction_unknown", sanction=f.sanction)
    prefix = _scope(actor, f.region_code)
    # ``+`` keeps the planner off the region index: the list walks the index of its order and stops
    # after a page instead of sorting the whole scope.
    parts = ["+b.region_code >= :lo AND +b.region_code < :hi"]
    params: dict[str, Any] = {"lo": prefix, "hi": prefix[:-1] + chr(ord(prefix[-1]) + 1), "today": today.isoformat()}
    if f.department:
        parts.append("b.department = :department")
        params["department"] = f.department.strip()
    if f.status:
        parts.append("b.status = :status")
        params["status"] = f.status
    if f.sanctioned_now or f.sanction == "in_force":
        parts.append(SANCTIONED_NOW)
    elif f.sanction == "ended":
        parts.append(f"b.sanction_count > 0 AND NOT {SANCTIONED_NOW}")
    elif f.sanction == "none":
        parts.append("b.sanction_count = 0")
    if f.confirmed_from:
        parts.append("b.confirmed_on >= :cf")
        params["cf"] = f.confirmed_from.isoformat()
    if f.confirmed_to:
        parts.append("b.confirmed_on <= :ct")
        params["ct"] = f.confirmed_to.isoformat()
    term = f.search.strip()
    if term:
        names = _names_matching(session, term, params)
        params["like"] = f"%{_escape(term)}%"
        params["code"] = f"{normalize_code(term)}%"
        clauses = ["b.case_no LIKE :like ESCAPE '\\'", "b.respondent_name LIKE :like ESCAPE '\\'",
                   "b.confirmed_by LIKE :like ESCAPE '\\'", "b.department LIKE :like ESCAPE '\\'"]
        if len(params["code"]) > 2:
            clauses.append("b.respondent_code LIKE :code")
        for i, name in enumerate(names):
            params[f"name{i}"] = name
        if names:
            clauses.append(f"b.respondent_name IN ({', '.join(f':name{i}' for i in range(len(names)))})")
        parts.append(f"({' OR '.join(clauses)})")
    return " AND ".join(parts), params


def _escape(term: str) -> str:
    return term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _names_matching(session: Session, term: str, params: dict[str, Any]) -> list[str]:
    """Body names in scope that match ``term`` by pinyin or initials (substrings are matched in SQL)."""
    if not term.isascii():
        return []
    names = tuple(session.execute(text(
        "SELECT DISTINCT respondent_name FROM breach_records b INDEXED BY ix_breach_records_names "
        "WHERE b.region_code >= :lo AND b.region_code < :hi"), {"lo": params["lo"], "hi": params["hi"]}).scalars())
    return list(_pinyin_hits(term.lower(), names))


@functools.lru_cache(maxsize=64)
def _pinyin_hits(term: str, names: tuple[str, ...]) -> tuple[str, ...]:
    """The names matching ``term`` (kept: typing on in the window asks again with the same names)."""
    return tuple(name for name in names if _matches(term, name))[:500]


@functools.lru_cache(maxsize=20_000)
def _matches(term: str, name: str) -> bool:
    return reference.matches(term, name)


def register_page(profile: Profile, actor: Actor, f: RegisterFilter = RegisterFilter(), *,
                  offset: int = 0, limit: int | None = 100, count: bool = True) -> RegisterPage:
    """One page of the register (``limit`` None: every record), with the counts of the whole selection
    (``count`` False: the counts are -1; the window asks for them once per filter, not per page)."""
    today = china_date(profile.now())
    order = SORTS.get(f.sort)
    if order is None:
        raise DomainError("register_sort_unknown", sort=f.sort)
    order = order.format(dir="ASC" if f.ascending else "DESC")
    with profile.store.read() as session:
        where, params = _where(session, actor, f, today)
        indexed = where.replace("+b.region_code", "b.region_code")  # the counts read the scope's index
        now = f"b.sanction_count > 0 AND {SANCTION_NOW}"  # the subquery only for a record with sanctions
        window = slice(offset, None if limit is None else offset + limit)
        if count and f.search.strip():
            # a search reads every row in scope anyway: one pass finds, counts and orders the selection
            hits = session.execute(text(
                f"SELECT b.num, b.status = 'in_force', {now} FROM breach_records b WHERE {where} ORDER BY {order}"),
                params).all()
            counts = (len(hits), sum(h[1] for h in hits), sum(h[2] for h in hits))
            rows = _rows_of(session, [h[0] for h in hits[window]])
        else:
            counts = (-1, -1, -1)
            if count:
                total, in_force = session.execute(text(
                    f"SELECT COUNT(*), SUM(b.status = 'in_force') FROM breach_records b WHERE {indexed}"),
                    params).one()
                # from the sanctions in force (a third of the records have any): 3x faster than a
                # subquery per record
                sanctioned = session.execute(text(
                    "SELECT COUNT(DISTINCT s.num) FROM sanction_spells s JOIN breach_records b ON b.num = s.num "
                    "WHERE s.lifted_on IS NULL AND s.start_on <= :today AND (s.end_on IS NULL OR s.end_on >= :today) "
                    f"AND {indexed}"), params).scalar()
                counts = (total, in_force, sanctioned)
            if limit is None:
                rows = session.execute(text(
                    f"SELECT {_COLUMNS} FROM breach_records b WHERE {where} ORDER BY {order}"), params).all()
            else:
                # the page's numbers from the index of its order, then only their rows
                rows = session.execute(text(
                    f"SELECT {_COLUMNS} FROM breach_records b WHERE b.num IN "
                    f"(SELECT b.num FROM breach_records b WHERE {where} ORDER BY {order} LIMIT {int(limit)} "
                    f"OFFSET {int(offset)}) ORDER BY {order}"), params).all()
        return RegisterPage(tuple(_record(r, profile, today) for r in rows), counts[0] or 0, counts[1] or 0,
                            counts[2] or 0)


def _rows_of(session: Session, nums: list[int]) -> list:
    """The rows of ``nums``, in that order."""
    found = {}
    for start in range(0, len(nums), 500):
        chunk = nums[start:start + 500]
        for r in session.execute(text(
                f"SELECT {_COLUMNS} FROM breach_records b WHERE b.num IN ({', '.join(str(int(n)) for n in chunk)})")):
            found[r[0]] = r
    return [found[n] for n in nums]


def register_count(profile: Profile, actor: Actor, f: RegisterFilter = RegisterFilter()) -> RegisterPage:
    """The counts of a selection without its rows."""
    page = register_page(profile, actor, f, limit=0)
    return page


def register_record(profile: Profile, actor: Actor, case_no: str) -> BreachRecord:
    """The record of one complaint (by case number), if the user may see it."""
    today = china_date(profile.now())
    with profile.store.read() as session:
        row = session.execute(text(f"SELECT {_COLUMNS} FROM breach_records b WHERE b.case_no = :case_no"),
                              {"case_no": case_no.strip()}).first()
    if row is None or not in_scope(actor.region_code, row.region_code):
        raise DomainError("breach_record_not_found", case_no=case_no.strip())
    return _record(row, profile, today)


def records_of_body(profile: Profile, actor: Actor, *, name: str | None = None, code: str | None = None
                    ) -> tuple[BreachRecord, ...]:
    """Every record in the user's scope of one government body, by exact name or credit code (the credit
    check): newest confirmation first."""
    name = (name or "").strip()
    code = normalize_code(code or "")
    if not name and not code:
        return ()
    today = china_date(profile.now())
    prefix = _scope(actor, None)
    clauses, params = [], {"lo": prefix, "hi": prefix[:-1] + chr(ord(prefix[-1]) + 1)}
    if name:
        clauses.append("b.respondent_name = :name")
        params["name"] = name
    if code:
        clauses.append("b.respondent_code = :code")
        params["code"] = code
    with profile.store.read() as session:
        rows = session.execute(text(
            f"SELECT {_COLUMNS} FROM breach_records b WHERE b.region_code >= :lo AND b.region_code < :hi "
            f"AND ({' OR '.join(clauses)}) ORDER BY b.confirmed_on DESC, b.case_no DESC"), params).all()
    return tuple(_record(r, profile, today) for r in rows)


def departments(profile: Profile, actor: Actor) -> list[str]:
    """The confirming competent departments that appear in the user's register (for a filter picker)."""
    prefix = _scope(actor, None)
    with profile.store.read() as session:
        return list(session.execute(text(
            "SELECT DISTINCT department FROM breach_records WHERE region_code >= :lo AND region_code < :hi "
            "ORDER BY department"), {"lo": prefix, "hi": prefix[:-1] + chr(ord(prefix[-1]) + 1)}).scalars())
