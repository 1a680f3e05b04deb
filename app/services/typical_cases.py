"""Typical cases 典型案例: proposals from the record, the leader's decision, the published list.

Proposals are the confirmed breaches in the user's scope (the plan's 失信案例) that meet at least one
criterion of ``app.domain.typical``, ranked by the groups and criteria they meet, then the amount.

The decision is the existing ``mark_typical`` event, so it is audited, synced and folded like every
other: accept = ``typical: true`` with the reason, the criteria met (with their figures) and the
summary as approved; decline = ``typical: false`` with the reason and the criteria met. A decline is an
event rather than a local table because it is a leader's decision on a case that another prefecture
device, the hub and the audit must see the same way; the criteria it carries are what "no new facts"
is measured against (``app.domain.typical.new_facts``).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

from sqlalchemy import text

from app.domain import typical as rules
from app.domain.clock import china_date, parse_iso
from app.domain.complaint import Complaint
from app.domain.errors import DomainError
from app.domain.regions import in_scope, scope_prefix, validate_region_code
from app.domain.typical import CaseFigures, Thresholds
from app.domain.vocabulary import Action, RefusalGround
from app.reports.typical_summary import draft
from app.security.fieldcrypt import open_json
from app.services import act
from app.services.act import Acted
from app.services.profile import Profile
from app.services.users import Actor

OVERRIDE_NAME = "typical_criteria.json"  # in the profile folder: the operator's own thresholds


def thresholds(profile: Profile) -> Thresholds:
    """The profile's thresholds (``typical_criteria.json`` in its folder) or the installed table."""
    own = Path(profile.files.home) / OVERRIDE_NAME
    return rules.load_thresholds(own if own.exists() else None)


@dataclass(frozen=True)
class Proposal:
    case_no: str
    complaint_id: str
    region_code: str
    region_name: str
    respondent_name: str
    complainant_name: str
    confirmed_on: str
    claim_yuan: int | None
    state: str
    criteria: dict[str, int]  # code -> figure
    declined_before: bool  # declined once, proposed again on new facts

    @property
    def criteria_text(self) -> str:
        return "；".join(rules.describe(code, figure) for code, figure in self.criteria.items())

    @property
    def groups_text(self) -> str:
        groups = dict.fromkeys(rules.CRITERIA[code][0] for code in self.criteria)
        return "、".join(rules.GROUP_LABELS[g] for g in groups)


@dataclass(frozen=True)
class Proposals:
    rows: tuple[Proposal, ...]
    period_from: date | None
    period_to: date
    thresholds: Thresholds
    declined_hidden: int  # declined cases left out (no new facts)
    total: int  # proposals in all (``rows`` holds the first ``limit``)


def _bounds(prefix: str) -> dict[str, str]:
    return {"lo": prefix, "hi": prefix[:-1] + chr(ord(prefix[-1]) + 1)}


def _scope(actor: Actor, region_code: str | None) -> str:
    region = validate_region_code(region_code or actor.region_code)
    if not in_scope(actor.region_code, region):
        raise DomainError("region_out_of_scope", region=region)
    return scope_prefix(region)


_CANDIDATES = """
SELECT b.case_no, b.complaint_id, b.region_code, b.respondent_name, b.complainant_name, b.confirmed_on,
       b.claim_cents, b.ground, c.received_on, c.state
FROM breach_records b INDEXED BY ix_breach_records_typical JOIN complaints c ON c.num = b.num
WHERE b.region_code >= :lo AND b.region_code < :hi AND c.typical = 0
  AND b.confirmed_on <= :to {since}
"""
_BODY_COMPLAINTS = """
SELECT respondent_name, COUNT(*), COUNT(DISTINCT channel), COUNT(DISTINCT complainant_code)
FROM complaints WHERE region_code >= :lo AND region_code < :hi AND registered_at >= :wf AND registered_at < :wt
GROUP BY respondent_name
"""
_BODY_BREACHES = """
SELECT respondent_name, COUNT(*) FROM breach_records
WHERE region_code >= :lo AND region_code < :hi AND confirmed_on >= :wfd AND confirmed_on <= :to
GROUP BY respondent_name
"""
_DECLINES = "SELECT e.stream, e.payload FROM events e WHERE e.action = 'mark_typical' ORDER BY e.seq"


def propose(profile: Profile, actor: Actor, *, period_from: date | None = None, period_to: date | None = None,
            region_code: str | None = None, limit: int | None = None) -> Proposals:
    """Confirmed breaches in scope (confirmed in the period, when given) that meet a criterion, best first.

    The body's figures count within ``window_days`` before the period's end (default today)."""
    today = china_date(profile.now())
    end = period_to or today
    if period_from and period_from > end:
        raise DomainError("register_period_invalid", start=period_from.isoformat(), end=end.isoformat())
    t = thresholds(profile)
    start = end - timedelta(days=t.window_days)
    params: dict[str, Any] = {**_bounds(_scope(actor, region_code)), "to": end.isoformat(),
                              "wfd": start.isoformat(), "wf": start.isoformat(),
                              "wt": (end + timedelta(days=1)).isoformat()}
    since = ""
    if period_from:
        since, params["from"] = "AND b.confirmed_on >= :from", period_from.isoformat()
    with profile.store.read() as session:
        candidates = session.execute(text(_CANDIDATES.format(since=since)), params).all()
        bodies = {r[0]: r[1:] for r in session.execute(text(_BODY_COMPLAINTS), params)}
        breaches = dict(session.execute(text(_BODY_BREACHES), params).all())
        latest: dict[str, dict] = {}
        for stream, payload in session.execute(text(_DECLINES), params):
            latest[stream] = open_json(payload)
    found: list[tuple] = []
    hidden = 0
    body_met: dict[str, dict[str, int]] = {}
    places: dict[str, str] = {}
    for (case_no, complaint_id, region_code, respondent, complainant, confirmed_on, claim_cents, ground, received_on,
         state) in candidates:
        body = body_met.get(respondent)
        if body is None:
            count, channels, complainants = bodies.get(respondent, (1, 1, 1))
            body = body_met[respondent] = rules.body_criteria(CaseFigures(
                None, False, None, breaches.get(respondent, 1), count, channels, complainants), t)
        claim = claim_cents // 100 if claim_cents is not None else None
        duration = ((date.fromisoformat(confirmed_on[:10]) - date.fromisoformat(received_on[:10])).days
                    if received_on else None)
        met = {**rules.case_criteria(claim, ground == RefusalGround.REFUSED, duration, t), **body}
        if not met:
            continue
        decision = latest.get(complaint_id)
        declined = decision is not None and not decision.get("typical", True) and decision.get("criteria") is not None
        if declined and not rules.new_facts(met, decision["criteria"]):
            hidden += 1
            continue
        found.append((rules.score(met), claim or 0, confirmed_on, case_no, complaint_id, region_code, respondent,
                      complainant, state, met, declined, claim))
    found.sort(reverse=True, key=lambda f: f[:4])
    rows = []
    for (_, _, confirmed_on, case_no, complaint_id, region_code, respondent, complainant, state, met, declined,
         claim) in (found[:limit] if limit else found):
        place = places.get(region_code)
        if place is None:
            region = profile.regions.find(region_code)
            place = places[region_code] = region.name if region else region_code
        rows.append(Proposal(case_no, complaint_id, region_code, place, respondent, complainant, confirmed_on,
                             claim, state, met, declined))
    return Proposals(tuple(rows), period_from, end, t, hidden, len(found))


@dataclass(frozen=True)
class Decision:
    """One ``mark_typical`` event of a case, as the leader recorded it."""

    on: date
    actor: str
    typical: bool
    reason: str
    criteria: dict[str, int] | None
    summary: str | None


@dataclass(frozen=True)
class TypicalView:
    complaint: Complaint
    region_name: str
    criteria: dict[str, int]  # met now (empty when no criterion is met or no breach is confirmed)
    draft: str  # generated from the record
    summary: str  # the approved summary when marked, otherwise the draft
    decisions: tuple[Decision, ...]


def _decisions(session, complaint_id: str) -> tuple[Decision, ...]:
    rows = session.execute(text(
        "SELECT e.payload, e.device_time, COALESCE(u.display_name, e.actor) FROM events e "
        "LEFT JOIN users u ON u.id = e.actor WHERE e.stream = :s AND e.action = 'mark_typical' ORDER BY e.seq"),
        {"s": complaint_id}).all()
    found = []
    for payload, at, who in rows:
        p = open_json(payload)
        found.append(Decision(china_date(parse_iso(at)), who, bool(p.get("typical", True)), p.get("reason") or "",
                              p.get("criteria"), p.get("summary")))
    return tuple(found)


def _single(profile: Profile, actor: Actor, c: Complaint) -> dict[str, int]:
    t = thresholds(profile)
    end = china_date(profile.now())
    start = end - timedelta(days=t.window_days)
    name = c.intake["respondent"]["name"]
    params = {**_bounds(_scope(actor, None)), "name": name, "wf": start.isoformat(),
              "wt": (end + timedelta(days=1)).isoformat(), "wfd": start.isoformat(), "to": end.isoformat()}
    with profile.store.read() as session:
        count, channels, complainants = session.execute(text(
            "SELECT COUNT(*), COUNT(DISTINCT channel), COUNT(DISTINCT complainant_code) FROM complaints "
            "WHERE respondent_name = :name AND region_code >= :lo AND region_code < :hi "
            "AND registered_at >= :wf AND registered_at < :wt"), params).one()
        breaches = session.execute(text(
            "SELECT COUNT(*) FROM breach_records WHERE respondent_name = :name AND region_code >= :lo "
            "AND region_code < :hi AND confirmed_on >= :wfd AND confirmed_on <= :to"), params).scalar()
    breach = c.breach or {}
    confirmed = date.fromisoformat(str(breach.get("confirmed_on"))[:10])
    amount = c.intake["claim"].get("amount")
    figures = CaseFigures(
        claim_yuan=int(Decimal(str(amount))) if amount not in (None, "") else None,
        refused_outright=breach.get("ground") == RefusalGround.REFUSED,
        duration_days=(confirmed - c.received_on).days if c.received_on else None,
        body_breaches=max(1, breaches or 0), body_complaints=max(1, count), body_channels=max(1, channels),
        body_complainants=max(1, complainants))
    return rules.evaluate(figures, t)


def view(profile: Profile, actor: Actor, case_no: str) -> TypicalView:
    """One case as the typical-case page shows it: criteria met now, the draft, the decisions so far."""
    with profile.store.unit_of_work() as uow:
        complaint = act.load_in_scope(uow, profile, actor, case_no)
        decisions = _decisions(uow.session, complaint.id)
    criteria = _single(profile, actor, complaint) if complaint.breach else {}
    generated = draft(complaint)
    region = profile.regions.find(complaint.region_code)
    return TypicalView(complaint, region.name if region else complaint.region_code, criteria, generated,
                       complaint.typical_summary or generated, decisions)


def decide(profile: Profile, actor: Actor, case_no: str, *, accept: bool, reason: str,
           summary: str | None = None, expected_head: str | None = None) -> Acted:
    """Record the leader's decision as a ``mark_typical`` event (accept: with the summary, the draft when
    none is given)."""
    reason = (reason or "").strip()
    if not reason:
        raise DomainError("typical_reason_required")
    current = view(profile, actor, case_no)
    payload: dict[str, Any] = {"typical": accept, "reason": reason, "criteria": dict(current.criteria)}
    if accept:
        payload["summary"] = (summary or "").strip() or current.draft
    return act.act(profile, actor, current.complaint.id, Action.MARK_TYPICAL, payload, expected_head=expected_head)


@dataclass(frozen=True)
class PublishedCase:
    case_no: str
    complaint: Complaint
    region_name: str
    marked_on: date
    reason: str
    criteria: dict[str, int]
    summary: str


def published(profile: Profile, actor: Actor, *, period_from: date | None = None,
              period_to: date | None = None) -> tuple[PublishedCase, ...]:
    """Cases marked typical now (their latest marking in the period, when given), newest marking first."""
    params = _bounds(_scope(actor, None))
    with profile.store.unit_of_work() as uow:
        rows = uow.session.execute(text(
            "SELECT c.id, e.payload, e.device_time FROM complaints c JOIN events e ON e.stream = c.id "
            "WHERE c.typical = 1 AND c.region_code >= :lo AND c.region_code < :hi AND e.action = 'mark_typical' "
            "AND e.seq = (SELECT MAX(m.seq) FROM events m WHERE m.stream = c.id AND m.action = 'mark_typical') "
            "ORDER BY e.device_time DESC, c.case_no"), params).all()
        found = []
        for complaint_id, payload, at in rows:
            marked = china_date(parse_iso(at))
            if (period_from and marked < period_from) or (period_to and marked > period_to):
                continue
            c = uow.complaints.get(complaint_id)
            p = open_json(payload)
            region = profile.regions.find(c.region_code)
            found.append(PublishedCase(c.case_no, c, region.name if region else c.region_code, marked,
                                       p.get("reason") or "", p.get("criteria") or {},
                                       p.get("summary") or draft(c)))
    return tuple(found)
