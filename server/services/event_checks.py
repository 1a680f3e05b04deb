"""What the hub checks of a pushed event's content, beyond its chain (``ingest``): the domain's own
acceptance (``app.domain.event_rules``: envelope, payload, the complaint as the hub knows it, the
actor's roles) plus what only the hub can see:

- scope: the complaint's region (and an amendment's new region) lies in the device's scope;
- a reminder (催办函, 督办通知) names the pushing device's own office, and is judged against the
  complaint as the hub folds it (``app.domain.reminders``);
- a registration takes a new stream and a case number no other complaint holds, from a number
  block the hub issued to this device (or that a joining standalone office claimed);
- the actor is a user who may log in on the pushing device: a hub account of the device's own
  region, or an account the device itself created (``device_users``, from its ``user_add`` events:
  a standalone office's officers); and holds a role the workflow permits for the action.

``Context`` holds what one push has read and accepted so far, so a batch sees its own earlier events.
Each refusal is a stable code with parameters; the caller records it and goes on with the batch.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import and_, select
from sqlalchemy.orm import Session

from app.contract.event_record import event_of
from app.domain.complaint import Complaint
from app.domain.errors import DomainError, ValidationFailed
from app.domain.event_rules import (
    ActorFacts,
    EventRefused,
    accept,
    check_actor,
    fit_case,
    is_complaint_stream,
)
from app.domain.events import ADMIN_STREAM, Event
from app.domain.facts import check_facts
from app.domain.glyphs import payload_unprintable
from app.domain.intake import apply_changes
from app.domain.numbering import case_series, parse_case_no
from app.domain.reminders import REMINDER_KINDS, office_problem
from app.domain.text_limits import payload_too_long
from app.domain.vocabulary import Action
from app.domain.workflow import Fact, apply
from app.security.fieldcrypt import FieldCipher, cipher_for, open_json
from server.auth import Device
from server.tables import device_users, events, number_blocks, quarantine, regions, streams, users

REGION_PATH = "respondent.region_code"
Refusal = tuple[str, dict[str, Any]]


@dataclass
class StreamView:
    """The hub's view of one complaint: where it is filed and its intake as registered and amended."""

    region: str
    office_code: str
    case_no: str | None
    intake: dict[str, Any] | None = None  # read on demand (amendments only)


def _view(row) -> StreamView:
    """A ``streams`` row as the hub's view of its complaint (the intake is read on demand)."""
    return StreamView(row.region, row.office_code, row.case_no)


@dataclass
class Context:
    session: Session
    device: Device
    streams: dict[str, StreamView | None] = field(default_factory=dict)
    case_numbers: set[str] = field(default_factory=set)  # taken within this batch
    actors: dict[str, ActorFacts | None] = field(default_factory=dict)
    new_users: dict[str, dict[str, Any]] = field(default_factory=dict)  # device_users rows to write
    known_regions: set[str] | None = None
    aggregates: dict[str, Complaint | None] = field(default_factory=dict)  # folded on demand (fact checks)

    @property
    def cipher(self) -> FieldCipher:
        """The hub's write key (``server.data_key``): what is stored is sealed."""
        return cipher_for(self.session)

    def stream(self, stream: str) -> StreamView | None:
        if stream not in self.streams:
            row = self.session.execute(select(streams).where(streams.c.stream == stream)).first()
            self.streams[stream] = _view(row) if row else None
        return self.streams[stream]

    def preload(self, names: set[str], actor_ids: set[str]) -> None:
        if names:
            for row in self.session.execute(select(streams).where(streams.c.stream.in_(names))):
                self.streams[row.stream] = _view(row)
            for name in names - set(self.streams):
                self.streams[name] = None
        self._load_actors(actor_ids)

    def _load_actors(self, actor_ids: set[str]) -> None:
        wanted = {a for a in actor_ids if a and a not in self.actors}
        if not wanted:
            return
        u = users.c
        for row in self.session.execute(select(u.id, u.roles, u.region_code).where(u.id.in_(wanted))):
            if row.region_code == self.device.region_code:  # may log in on this device
                self.actors[row.id] = ActorFacts(row.id, frozenset(r for r in row.roles.split(",") if r))
        d = device_users.c
        for row in self.session.execute(select(d.user_id, d.roles).where(d.device_id == self.device.id,
                                                                          d.user_id.in_(wanted))):
            self.actors.setdefault(row.user_id, ActorFacts(row.user_id, frozenset(r for r in row.roles.split(",")
                                                                                  if r)))
        for actor in wanted:
            self.actors.setdefault(actor, None)

    def region_known(self, code: str) -> bool:
        if self.known_regions is None:
            self.known_regions = set(self.session.execute(select(regions.c.code)).scalars())
        return code in self.known_regions

    def intake(self, stream: str, view: StreamView) -> dict[str, Any] | None:
        """The complaint's intake from its accepted registration and amendments (quarantined ones left out)."""
        if view.intake is None:
            e = events.c
            rows = self.session.execute(
                select(e.action, e.payload).where(e.stream == stream, e.action.in_((Action.REGISTER, Action.AMEND)),
                                                  e.id.not_in(select(quarantine.c.event_id)))
                .order_by(e.server_seq))
            for row in rows:
                payload = open_json(row.payload)
                try:
                    if row.action == Action.REGISTER:
                        view.intake = payload["intake"]
                    elif view.intake is not None:
                        view.intake = apply_changes(view.intake, payload["changes"])
                except (DomainError, KeyError, TypeError, AttributeError):
                    continue  # accepted before the hub checked content: it never counted
        return view.intake


    def aggregate(self, stream: str) -> Complaint | None:
        """The complaint as the hub's accepted events make it (None when they cannot be folded)."""
        if stream not in self.aggregates:
            e = events.c
            rows = self.session.execute(select(events).where(e.stream == stream,
                                                            e.id.not_in(select(quarantine.c.event_id)))
                                        .order_by(e.server_seq))
            complaint: Complaint | None = None
            try:
                for row in rows:
                    complaint = _fold(complaint, event_of(row))
            except (DomainError, KeyError, TypeError, ValueError, AttributeError):
                complaint = None  # history the hub cannot fold: the fact checks are left to the devices
            self.aggregates[stream] = complaint
        return self.aggregates[stream]


def _fold(complaint: Complaint | None, event: Event) -> Complaint | None:
    if not is_complaint_stream(event.stream):
        return complaint
    fact = accept(event)
    if complaint is not None and fact.action == Action.AMEND:
        fact = fit_case(fact, complaint)
    return apply(complaint, fact)


# Actions whose statements are checked against the complaint (``app.domain.facts``).
FACT_CHECKED = frozenset({Action.FORWARD, Action.REDIRECT, Action.CONCLUDE, Action.EXTEND, Action.RECTIFY,
                          Action.REFUSE, Action.SANCTION, Action.REPAIR, Action.HOLD_ACCOUNTABLE,
                          Action.FEEDBACK, Action.REOPEN, Action.MARK_TYPICAL})


def _facts(fact: Fact, event: Event, ctx: Context) -> Refusal | None:
    """The action's statements against the complaint the device saw. Judged only when the device acted on
    the state the hub holds (``base`` is the hub's head): work that met concurrent work is the devices'
    待核对, not a refusal."""
    complaint = ctx.aggregate(event.stream)
    if complaint is None or event.base != complaint.head:
        return None
    try:
        check_facts(complaint, fact.action, fact.payload, fact.on)
    except ValidationFailed as failed:
        first = failed.errors[0]
        return "facts_contradicted", {"action": fact.action, "path": first.field, "problem": first.code,
                                      **{k: str(v) for k, v in first.params.items() if k not in ("action", "path")}}
    return None


def _reminder(fact: Fact, event: Event, ctx: Context) -> Refusal | None:
    """催办函 / 督办通知: the office it names must be the pushing device's own (a county device cannot send
    a 督办通知 by naming the prefecture), and, when the device acted on the state the hub holds, the
    domain's acceptance (``app.domain.reminders.check_recorded`` via ``fit_case``) against the complaint."""
    office = str((fact.payload.get("snapshot") or {}).get("office_region") or "")
    if office != ctx.device.region_code:
        return "reminder_office_mismatch", {"office_region": office[:12], "device_region": ctx.device.region_code}
    view = ctx.stream(event.stream)
    problem = office_problem(fact.payload["kind"], office, view.office_code) if view is not None else None
    if problem:  # whatever the state: only a prefecture supervises, only the handling office urges
        return problem, {"case_no": view.case_no or ""}
    complaint = ctx.aggregate(event.stream)
    if complaint is not None and event.base == complaint.head:
        fit_case(fact, complaint)  # raises EventRefused
    return None


def _remember(fact: Fact, event: Event, ctx: Context) -> None:
    """Fold an accepted event into the cached complaint, so a batch's later events see it."""
    complaint = ctx.aggregates.get(event.stream)
    if complaint is not None:
        try:
            fitted = fit_case(fact, complaint) if fact.action == Action.AMEND else fact
            ctx.aggregates[event.stream] = apply(complaint, fitted)
        except (DomainError, KeyError, TypeError, ValueError, AttributeError):
            ctx.aggregates[event.stream] = None


def _refusal(error: EventRefused) -> Refusal:
    return error.code, dict(error.params)


def check(event: Event, ctx: Context) -> Refusal | None:
    """None when the event may be stored; otherwise its refusal. Updates ``ctx`` with what it accepts."""
    try:
        fact = accept(event)
        actor = _actor(fact, ctx)
        if is_complaint_stream(event.stream):
            problem = _complaint(fact, event, ctx)
            if problem is not None:
                return problem
        check_actor(fact, event.stream, actor)
        if is_complaint_stream(event.stream):
            unprintable = payload_unprintable(fact.action, fact.payload)
            if unprintable:  # new work only: stored events are never judged again (acceptance only loosens)
                first = unprintable[0]
                return "text_unprintable", {"action": fact.action, "path": first.field, "problem": first.code,
                                            **{k: str(v) for k, v in first.params.items()
                                               if k not in ("action", "path")}}
            too_long = payload_too_long(fact.action, fact.payload)
            if too_long:  # new work only, as above: the limit of app.domain.text_limits
                first = too_long[0]
                return "text_over_limit", {"action": fact.action, "path": first.field,
                                           **{k: str(v) for k, v in first.params.items()}}
        if is_complaint_stream(event.stream) and fact.action in FACT_CHECKED:
            problem = _facts(fact, event, ctx)
            if problem is not None:
                return problem
        if is_complaint_stream(event.stream) and fact.action == Action.ISSUE_DOCUMENT \
                and fact.payload.get("kind") in REMINDER_KINDS:
            problem = _reminder(fact, event, ctx)
            if problem is not None:
                return problem
    except EventRefused as error:
        return _refusal(error)
    if is_complaint_stream(event.stream) and fact.action != Action.REGISTER:
        _remember(fact, event, ctx)
    if event.stream == ADMIN_STREAM and fact.action == "user_add":
        p = fact.payload
        if p["region_code"] != ctx.device.region_code:
            return "out_of_scope", {"region": p["region_code"]}
        ctx.new_users[p["user_id"]] = {"device_id": ctx.device.id, "user_id": p["user_id"],
                                       "roles": ",".join(p["roles"]), "region_code": p["region_code"]}
        ctx.actors[p["user_id"]] = ActorFacts(p["user_id"], frozenset(p["roles"]))
    return None


def _actor(fact: Fact, ctx: Context) -> ActorFacts:
    if fact.actor == "" and fact.action == "login_failed":
        return ActorFacts("", frozenset())
    ctx._load_actors({fact.actor})
    found = ctx.actors.get(fact.actor)
    if found is None:
        if fact.action == "user_add" and fact.payload.get("user_id") == fact.actor:
            return ActorFacts(fact.actor, frozenset(fact.payload.get("roles") or []))  # a profile's first user
        raise EventRefused("actor_unknown", actor=fact.actor)
    return found


def _complaint(fact: Fact, event: Event, ctx: Context) -> Refusal | None:
    device = ctx.device
    if fact.action == Action.REGISTER:
        p = fact.payload
        region, office, case_no = p["intake"]["respondent"]["region_code"], p["office_code"], p["case_no"]
        if ctx.stream(event.stream) is not None:
            return "stream_exists", {}
        if not (device.sees(region) and device.sees(office)):
            return "out_of_scope", {"region": region if not device.sees(region) else office}
        if not ctx.region_known(region):
            return "region_unknown", {"region": region}
        if case_no in ctx.case_numbers or _case_no_held(ctx.session, case_no):
            return "case_no_taken", {"case_no": case_no}
        if not _case_no_issued(ctx.session, device, case_no):
            return "case_no_not_issued", {"case_no": case_no}
        fit_case(fact, None)
        ctx.case_numbers.add(case_no)
        ctx.streams[event.stream] = StreamView(region, office, case_no, intake=p["intake"])
        return None
    view = ctx.stream(event.stream)
    if view is None:
        return "stream_unknown", {}
    if not device.sees(view.region):
        return "out_of_scope", {"region": view.region}
    if fact.action == Action.AMEND:
        intake = ctx.intake(event.stream, view)
        if intake is None:
            return "stream_unknown", {}
        fact = fit_case(fact, _Intake(intake))
        new_region = fact.payload["changes"].get(REGION_PATH)
        if new_region is not None and new_region != view.region:
            if not device.sees(new_region):
                return "out_of_scope", {"region": new_region}
            if not ctx.region_known(new_region):
                return "region_unknown", {"region": new_region}
        view.intake = apply_changes(intake, fact.payload["changes"])
    return None


@dataclass
class _Intake:
    intake: dict[str, Any]


def _case_no_held(session: Session, case_no: str) -> bool:
    return session.execute(select(streams.c.stream).where(streams.c.case_no == case_no).limit(1)).first() is not None


def _case_no_issued(session: Session, device: Device, case_no: str) -> bool:
    office, year, seq = parse_case_no(case_no)
    b = number_blocks.c
    found = session.execute(select(b.id).where(and_(
        b.series == case_series(office), b.year == year, b.start <= seq, b.end >= seq, b.device_id == device.id,
    )).limit(1)).first()
    return found is not None
