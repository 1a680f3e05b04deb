"""Credit checks 信用核查: look a government body up, read its breach records, issue a numbered result.

A department about to accept a project-fund application asks whether the applying body has a breach
record (seed §三(四)). ``find_bodies`` offers the bodies a search term names — by name, pinyin,
pinyin initials (``sbxczj`` → 双柏县财政局) or credit code — from the breach register and the
reference list of bodies, each with how many records it has. ``result`` reads what the register holds
about one body as of today (``app.domain.credit_check`` decides the verdict); ``issue`` numbers it in
the office's series ``{short name}发改信核`` (``楚发改信核〔2026〕1号``), renders the 信用核查结果告知单,
stores the PDF beside the database and records the check in ``credit_checks`` (who, when, what was
asked, the body, the verdict, the records named) — one transaction; a failure uses no number.
``reprint`` gives the same bytes again.

The register is read with this module's own queries on ``breach_records`` (the register's read
service is ``app.services.credit_register``); a user reads the records of their region and the
regions below it, which is also what the result says it covers.

Checks are local to the device, like the briefings: not synced, carried over a rebuild.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import insert, select, text
from sqlalchemy.orm import Session

from app.documents import render_pdf
from app.documents.credit_check import LAYOUT, credit_check_document
from app.documents.render import Drawing, Printable, draw
from app.documents.wording import self_reference
from app.domain.breach_register import RECORD_STATUS_LABELS, RecordStatus, sanction_lines
from app.domain.clock import CHINA, china_date, iso_utc, parse_iso
from app.domain.credit_check import (
    SERIES_SUFFIX,
    VERDICT_LABELS,
    Finding,
    RecordFact,
    Scope,
    Verdict,
    chinese_date,
    consequence,
    limits,
    statement,
    verdict,
)
from app.domain.errors import DomainError
from app.domain.identifiers import normalize_code
from app.domain.numbering import document_series, format_document_number
from app.domain.regions import scope_prefix
from app.domain.sanctions import SanctionStatus
from app.domain.vocabulary import Role
from app.services import office_settings, reference
from app.services.document_files import document_path, store_pdf
from app.services.documents import page_count
from app.services.profile import Profile
from app.services.users import Actor
from app.store.meta import MetaStore
from app.store.tables import credit_checks
from app.sync import state

ISSUING_ROLES = frozenset({Role.CLERK, Role.HANDLER, Role.LEADER})
MAX_CANDIDATES = 50
_CODE_CHARS = frozenset("0123456789ABCDEFGHJKLMNPQRTUWXY")


@dataclass(frozen=True)
class Candidate:
    """A body a search term names, with what the register holds of it."""

    name: str
    code: str | None
    region_code: str | None
    region_name: str
    records: int  # in the register, within the user's scope
    in_force: int


@dataclass(frozen=True)
class CheckedSanction:
    measures: tuple[str, ...]
    imposed_by: str
    period: str
    status_label: str
    in_force: bool
    lifted_on: str | None


@dataclass(frozen=True)
class CheckedRecord:
    """One register record as the result shows it."""

    num: int
    case_no: str
    region_code: str
    region_name: str
    respondent_name: str
    respondent_code: str | None
    confirmed_by: str
    confirmed_on: str
    document_ref: str | None
    facts: str
    status: str
    status_label: str
    sanctions: tuple[CheckedSanction, ...]
    repaired_on: str | None
    repair_document: str | None

    @property
    def sanctions_in_force(self) -> int:
        return sum(1 for s in self.sanctions if s.in_force)


@dataclass(frozen=True)
class CheckResult:
    """What the register shows about one body today (not yet issued)."""

    query: str
    body_name: str
    body_code: str | None
    body_region: str
    as_of: date
    scope: Scope
    finding: Finding
    records: tuple[CheckedRecord, ...]
    statement: str
    limits: tuple[str, ...]
    consequence: str | None

    @property
    def verdict(self) -> str:
        return self.finding.verdict.value

    @property
    def verdict_label(self) -> str:
        return self.finding.label


@dataclass(frozen=True)
class IssuedCheck:
    number: str
    result: CheckResult
    pdf: bytes
    path: Path
    sha256: str
    pages: int
    drawing: Drawing | None = field(default=None, repr=False, compare=False)  # printed as vector text

    @property
    def printable(self) -> Printable:
        return Printable.checked(self.pdf, self.drawing)


@dataclass(frozen=True)
class CheckRow:
    """One check of the history (``credit checks``)."""

    number: str
    checked_on: str
    checked_at: str
    actor: str
    actor_name: str
    query: str
    body_name: str
    body_code: str | None
    requester: str | None
    verdict: str
    case_nos: tuple[str, ...]
    record_nums: tuple[int, ...]
    sha256: str
    pages: int

    @property
    def verdict_label(self) -> str:
        return VERDICT_LABELS[Verdict(self.verdict)]


def check_prefix(profile: Profile) -> str:
    """The office's 发文字号 prefix for credit checks: 楚发改信核 (州), 双发改信核 (双柏县)."""
    region = profile.regions.find(profile.office.region_code)
    return (region.short_name if region else profile.office.name[:1]) + SERIES_SUFFIX


def looks_like_code(term: str) -> bool:
    """Could ``term`` be (the start of) a 统一社会信用代码: at least 6 code characters, a digit among them."""
    code = normalize_code(term)
    return len(code) >= 6 and set(code) <= _CODE_CHARS and any(c.isdigit() for c in code)


# --- reading the register -------------------------------------------------------------------------


def _bounds(actor: Actor) -> dict[str, str]:
    prefix = scope_prefix(actor.region_code)
    return {"lo": prefix, "hi": prefix[:-1] + chr(ord(prefix[-1]) + 1)}


_IN_SCOPE = "b.region_code >= :lo AND b.region_code < :hi"


def _register_bodies(session: Session, actor: Actor) -> list[Any]:
    return session.execute(text(
        "SELECT b.respondent_name AS name, MAX(b.respondent_code) AS code, MIN(b.region_code) AS region_code, "
        "COUNT(*) AS n, SUM(b.status = 'in_force') AS in_force FROM breach_records b "
        f"WHERE {_IN_SCOPE} GROUP BY b.respondent_name"), _bounds(actor)).all()


def _bodies_with_code(session: Session, actor: Actor, code: str) -> list[Any]:
    return session.execute(text(
        "SELECT b.respondent_name AS name, MAX(b.respondent_code) AS code, MIN(b.region_code) AS region_code, "
        "COUNT(*) AS n, SUM(b.status = 'in_force') AS in_force FROM breach_records b "
        f"WHERE {_IN_SCOPE} AND b.respondent_code LIKE :code GROUP BY b.respondent_name"),
        {**_bounds(actor), "code": f"{code}%"}).all()


def _records(session: Session, profile: Profile, actor: Actor, name: str, code: str | None,
             today: date) -> tuple[CheckedRecord, ...]:
    clauses, params = [], dict(_bounds(actor))
    if name:
        clauses.append("b.respondent_name = :name")
        params["name"] = name
    if code:
        clauses.append("b.respondent_code = :code")
        params["code"] = code
    if not clauses:
        return ()
    rows = session.execute(text(
        "SELECT b.num, b.case_no, b.region_code, b.respondent_name, b.respondent_code, b.confirmed_by, "
        "b.confirmed_on, b.document_ref, b.facts, b.status, b.sanctions, b.repaired_on, b.repair_document "
        f"FROM breach_records b WHERE {_IN_SCOPE} AND ({' OR '.join(clauses)}) "
        "ORDER BY b.confirmed_on DESC, b.case_no DESC"), params).all()
    return tuple(_record(row, profile, today) for row in rows)


def _record(row, profile: Profile, today: date) -> CheckedRecord:
    region = profile.regions.find(row.region_code)
    lines = sanction_lines(json.loads(row.sanctions), today)
    sanctions = tuple(CheckedSanction(s.measures, s.imposed_by, s.period, s.status_label,
                                      s.status == SanctionStatus.IN_FORCE, s.lifted_on) for s in lines)
    return CheckedRecord(
        num=row.num, case_no=row.case_no, region_code=row.region_code,
        region_name=region.name if region else row.region_code, respondent_name=row.respondent_name,
        respondent_code=row.respondent_code, confirmed_by=row.confirmed_by, confirmed_on=row.confirmed_on,
        document_ref=row.document_ref, facts=row.facts, status=row.status,
        status_label=RECORD_STATUS_LABELS[RecordStatus(row.status)], sanctions=sanctions,
        repaired_on=row.repaired_on, repair_document=row.repair_document)


def _scope(session: Session, profile: Profile, actor: Actor) -> Scope:
    region = profile.regions.find(actor.region_code)
    name = region.name if region else actor.region_code
    lower = bool(profile.regions.children(actor.region_code)) if region else False
    meta = MetaStore(session)
    synced = None
    if state.enrolment(meta) is not None:
        last = meta.get(state.LAST_SUCCESS)
        if last:
            moment = parse_iso(last)
            local = china_date(moment)
            hm = moment.astimezone(CHINA).strftime("%H:%M")
            synced = f"{chinese_date(local)} {hm}"
        else:
            synced = "尚未同步"
    return Scope(actor.region_code, name, lower, synced)


# --- public ------------------------------------------------------------------------------------------


def find_bodies(profile: Profile, actor: Actor, term: str, limit: int = MAX_CANDIDATES) -> list[Candidate]:
    """The bodies ``term`` names (name substring, pinyin, initials, credit code), best match first; those
    with records come from the register, the others from the reference list of bodies in scope."""
    term = term.strip()
    if not term:
        return []
    with profile.store.read() as session:
        rows = _register_bodies(session, actor)
        coded = _bodies_with_code(session, actor, normalize_code(term)) if looks_like_code(term) else []
    ranked: dict[str, tuple[int, Candidate]] = {}

    def add(rank: int, name: str, code: str | None, region: str | None, n: int, in_force: int) -> None:
        found = profile.regions.find(region) if region else None
        candidate = Candidate(name, code, region, found.name if found else (region or ""), n, in_force)
        if name not in ranked or ranked[name][0] > rank:
            ranked[name] = (rank, candidate)

    for row in coded:
        add(-1, row.name, row.code, row.region_code, row.n, row.in_force or 0)
    for row in rows:
        rank = reference.match_rank(term, row.name)
        if rank is not None:
            add(rank, row.name, row.code, row.region_code, row.n, row.in_force or 0)
    held = {row.name for row in rows}
    for body in reference.bodies_in_scope(actor.region_code):
        if body.name in held or body.name in ranked:
            continue
        rank = reference.match_rank(term, body.name)
        if rank is not None:
            add(rank, body.name, None, body.region_code, 0, 0)
    ordered = sorted(ranked.values(), key=lambda item: (item[0], -item[1].records, item[1].name))
    return [candidate for _, candidate in ordered[:limit]]


def resolve(profile: Profile, actor: Actor, query: str) -> tuple[str, str | None]:
    """The body a typed name or code stands for: ``(name, code)``.

    A full credit code is checked as a code (with the name the register knows it by, if any); an exact
    name as typed; otherwise the one body the term names. Pinyin that names no body, or names several,
    is refused (a result cannot be issued for ``sbczj``)."""
    term = query.strip()
    if not term:
        raise DomainError("credit_check_query_required")
    code = normalize_code(term)
    if len(code) == 18 and set(code) <= _CODE_CHARS:
        with profile.store.read() as session:
            named = _bodies_with_code(session, actor, code)
        return (named[0].name if len(named) == 1 else ""), code
    candidates = find_bodies(profile, actor, term)
    exact = [c for c in candidates if c.name == term]
    if exact:
        return exact[0].name, exact[0].code
    if len(candidates) == 1:
        return candidates[0].name, candidates[0].code
    if candidates:
        raise DomainError("credit_check_ambiguous", query=term, count=len(candidates),
                          names="、".join(c.name for c in candidates[:8]))
    if term.isascii():
        raise DomainError("credit_check_body_unknown", query=term)
    return term, None


def result(profile: Profile, actor: Actor, *, name: str, code: str | None = None, query: str | None = None
           ) -> CheckResult:
    """What the register holds of the body today, with the verdict; nothing is recorded."""
    with profile.store.read() as session:
        return _result(session, profile, actor, name, code, query, china_date(profile.now()))


def _result(session: Session, profile: Profile, actor: Actor, name: str, code: str | None, query: str | None,
            today: date) -> CheckResult:
    name = (name or "").strip()
    code = normalize_code(code or "") or None
    if not name and not code:
        raise DomainError("credit_check_query_required")
    records = _records(session, profile, actor, name, code, today)
    if code and not name:
        names = {r.respondent_name for r in records}
        name = names.pop() if len(names) == 1 else ""
    if name and not code:
        codes = {r.respondent_code for r in records if r.respondent_code}
        code = codes.pop() if len(codes) == 1 else None
    finding = verdict([RecordFact(r.case_no, r.status, r.confirmed_on, r.repaired_on, r.sanctions_in_force)
                       for r in records])
    scope = _scope(session, profile, actor)
    region = _body_region(profile, actor, name, records)
    return CheckResult(query=(query or name or code or "").strip(), body_name=name, body_code=code,
                       body_region=region, as_of=today, scope=scope, finding=finding, records=records,
                       statement=statement(finding, name, code, today, scope), limits=limits(scope, today),
                       consequence=consequence(finding))


def _body_region(profile: Profile, actor: Actor, name: str, records: tuple[CheckedRecord, ...]) -> str:
    if records:
        return records[0].region_name
    body = reference.find_body(name, actor.region_code) if name else None
    found = profile.regions.find(body.region_code) if body else None
    return found.name if found else ""


def _permitted(actor: Actor) -> None:
    if not ISSUING_ROLES & set(actor.roles):
        raise DomainError("role_not_permitted", action_label="出具信用核查结果", roles="clerk,handler,leader")


def preview(profile: Profile, actor: Actor, *, name: str, code: str | None = None, query: str | None = None,
            requester: str | None = None) -> bytes:
    """The result as it would be issued today, marked 草稿 with no number; nothing is written."""
    checked = result(profile, actor, name=name, code=code, query=query)
    settings = office_settings.get(profile)
    snapshot = _snapshot(checked, settings, actor, "", requester)
    return render_pdf(credit_check_document(snapshot), draft=True)


def issue(profile: Profile, actor: Actor, *, name: str, code: str | None = None, query: str | None = None,
          requester: str | None = None) -> IssuedCheck:
    """Number, render, store and record one result — all or nothing."""
    _permitted(actor)
    today = china_date(profile.now())
    prefix = check_prefix(profile)
    requester = (requester or "").strip() or None
    with profile.store.unit_of_work() as uow:
        checked = _result(uow.session, profile, actor, name, code, query, today)
        settings = office_settings.read(uow.session, profile)
        number = format_document_number(prefix, today.year, uow.numbers.next(document_series(prefix), today.year))
        snapshot = _snapshot(checked, settings, actor, number, requester)
        drawing = draw(credit_check_document(snapshot))
        pdf = drawing.pdf
        sha = hashlib.sha256(pdf).hexdigest()
        pages = page_count(pdf)
        uow.session.execute(insert(credit_checks).values(
            number=number, checked_on=today.isoformat(), checked_at=iso_utc(profile.now()), actor=actor.user_id,
            actor_name=actor.display_name, query=checked.query, body_name=checked.body_name,
            body_code=checked.body_code, requester=requester, verdict=checked.verdict,
            case_nos=json.dumps([r.case_no for r in checked.records], ensure_ascii=False),
            record_nums=json.dumps([r.num for r in checked.records]), scope_code=actor.region_code,
            snapshot=json.dumps(snapshot, ensure_ascii=False, sort_keys=True), sha256=sha, pages=pages))
        path = store_pdf(profile, sha, pdf)
        uow.commit()
    return IssuedCheck(number, checked, pdf, path, sha, pages, drawing)


def checks(profile: Profile, actor: Actor, *, search: str = "", limit: int | None = 100) -> list[CheckRow]:
    """The checks recorded on this device in the user's scope, newest first; ``search``: part of the
    number, the body's name or code, or the query."""
    c = credit_checks.c
    prefix = scope_prefix(actor.region_code)
    query = select(credit_checks).where(c.scope_code.like(f"{prefix}%")).order_by(c.num.desc())
    term = search.strip()
    if term:
        like = f"%{term}%"
        query = query.where(c.number.like(like) | c.body_name.like(like) | c.body_code.like(like)
                            | c.query.like(like))
    if limit:
        query = query.limit(limit)
    with profile.store.read() as session:
        return [_row(r) for r in session.execute(query)]


def _row(r) -> CheckRow:
    return CheckRow(r.number, r.checked_on, r.checked_at, r.actor, r.actor_name, r.query, r.body_name, r.body_code,
                    r.requester, r.verdict, tuple(json.loads(r.case_nos)), tuple(json.loads(r.record_nums)),
                    r.sha256, r.pages)


def reprint(profile: Profile, actor: Actor, number: str) -> bytes:
    """The issued result again, byte for byte (re-rendered from its snapshot, else the stored PDF)."""
    wanted = number.strip()
    with profile.store.read() as session:
        row = session.execute(select(credit_checks).where(credit_checks.c.number == wanted)).first()
    if row is None or not row.scope_code.startswith(scope_prefix(actor.region_code)):
        raise DomainError("credit_check_not_found", number=wanted)
    snapshot = json.loads(row.snapshot)
    pdf = b""
    if snapshot.get("layout") == LAYOUT:
        try:
            pdf = render_pdf(credit_check_document(snapshot))
        except DomainError as error:
            if error.code != "glyph_missing":
                raise
    if hashlib.sha256(pdf).hexdigest() == row.sha256:
        store_pdf(profile, row.sha256, pdf, repair=True)
        return pdf
    stored = document_path(profile, row.sha256)
    if stored.is_file():
        original = stored.read_bytes()
        if hashlib.sha256(original).hexdigest() == row.sha256:
            return original
    raise DomainError("reprint_mismatch", number=wanted)


# --- the printed result ---------------------------------------------------------------------------


def _snapshot(checked: CheckResult, settings, actor: Actor, number: str, requester: str | None) -> dict[str, Any]:
    own = self_reference(settings.issuer)
    asker = f"{requester}申请" if requester else "申请"
    opening = f"根据{asker}，{own}对下列单位进行了信用核查，现将结果告知如下。"
    person, phone = settings.contact_person.strip(), settings.contact_phone.strip()
    contact = f"联系人：{person}（{phone}）" if person and phone else (f"联系人：{person}" if person else
                                                                  (f"联系电话：{phone}" if phone else ""))
    return {
        "layout": LAYOUT, "issuer": settings.issuer, "signer": settings.signer, "number": number,
        "checked_on": checked.as_of.isoformat(), "checked_on_text": chinese_date(checked.as_of),
        "requester": requester or "", "opening": opening, "query": checked.query,
        "body_name": checked.body_name, "body_code": checked.body_code or "", "body_region": checked.body_region,
        "checked_by": actor.display_name, "verdict": checked.verdict, "verdict_label": checked.verdict_label,
        "statement": checked.statement, "consequence": checked.consequence or "", "limits": list(checked.limits),
        "scope": checked.scope.region_code, "contact": contact,
        "records": [_record_snapshot(r) for r in checked.records],
    }


def _record_snapshot(r: CheckedRecord) -> dict[str, Any]:
    summary = (f"{r.confirmed_by}于{r.confirmed_on}认定" + (f"（{r.document_ref}）" if r.document_ref else "")
               + f"，失信事实：{r.facts}。")
    sanctions = []
    for i, s in enumerate(r.sanctions, 1):
        line = (f"惩戒措施{i if len(r.sanctions) > 1 else ''}：{'、'.join(s.measures) or '—'}；实施单位：{s.imposed_by or '—'}；期限：{s.period}；"
                f"{s.status_label}")
        sanctions.append(line + (f"（{s.lifted_on}解除）。" if s.lifted_on else "。"))
    if not r.sanctions:
        sanctions.append("台账未载有惩戒措施。")
    repair = ""
    if r.repaired_on:
        repair = (f"{r.repaired_on}履约完毕，记录已修复" + (f"（{r.repair_document}）" if r.repair_document else "")
                  + "。")
    return {"case_no": r.case_no, "confirmed_on": r.confirmed_on, "confirmed_by": r.confirmed_by,
            "status_label": r.status_label, "repaired_on": r.repaired_on or "", "summary": summary,
            "sanctions": sanctions, "repair": repair}
