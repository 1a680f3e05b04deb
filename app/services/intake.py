"""Registration 登记: validate the intake, give the final case number, record the event."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import select

from app.domain.clock import china_date
from app.domain.errors import DomainError, FieldError, ValidationFailed
from app.domain.glyphs import intake_unprintable
from app.domain.identifiers import normalize_code
from app.domain.ids import uuid7
from app.domain.intake import Intake, intake_to_json, parse_intake
from app.domain.numbering import case_series, format_case_no
from app.domain.payloads import RegisterPayload
from app.domain.regions import in_scope
from app.domain.text_limits import intake_too_long
from app.domain.vocabulary import Action, Role, State
from app.domain.workflow import check
from app.services.profile import Profile
from app.services.recording import record
from app.services.users import Actor
from app.store.projector import Projector
from app.store.tables import complaints
from app.store.uow import UnitOfWork


@dataclass(frozen=True)
class Registered:
    complaint_id: str
    case_no: str
    event_id: str


@dataclass(frozen=True)
class PossibleDuplicate:
    complaint_id: str
    case_no: str
    state: str
    registered_at: str


def check_intake(profile: Profile, data: Any) -> Intake:
    """Validate intake data as registration would (for inline checks and the CLI's dry run).

    Beyond the intake's own rules, every text must be printable in the documents and names must not
    hold emoji (``app.domain.glyphs``): a rule for making a complaint, not for reading stored ones.
    All problems are reported together, one per field.
    """
    unprintable = intake_unprintable(data) if isinstance(data, dict) else []
    unprintable += intake_too_long(data)  # new input only: stored complaints may hold longer texts
    try:
        intake = parse_intake(data, today=china_date(profile.now()))
    except ValidationFailed as failed:
        seen = {error.field for error in failed.errors}
        raise ValidationFailed(failed.errors + [e for e in unprintable if e.field not in seen]) from None
    if unprintable:
        raise ValidationFailed(unprintable)
    region = intake.respondent.region_code
    if profile.regions.find(region) is None:
        raise ValidationFailed([FieldError("respondent.region_code", "region_unknown", {"region": region})])
    if not in_scope(profile.office.region_code, region):
        raise ValidationFailed([FieldError("respondent.region_code", "region_out_of_scope", {"region": region})])
    return intake


def register(profile: Profile, actor: Actor, data: Any, *, assignee: str | None = None) -> Registered:
    """Register a complaint. The case number is final at once (offline too)."""
    check(None, Action.REGISTER, actor.roles)
    intake = check_intake(profile, data)
    with profile.store.unit_of_work() as uow:
        registered = register_in(uow, profile, actor, intake, assignee=assignee)
        uow.commit()
    return registered


def register_in(uow: UnitOfWork, profile: Profile, actor: Actor, intake: Intake, *,
                assignee: str | None = None) -> Registered:
    """Register an intake already checked (``check_intake``) inside the caller's unit of work, which
    commits: one registration, or many in one transaction (``app.services.imports``)."""
    today = china_date(profile.now())
    complaint_id = uuid7()
    if assignee:
        user = uow.users.get(assignee)
        if user is None or Role.HANDLER.value not in user.roles:
            raise DomainError("assignee_not_handler")
    seq = uow.numbers.next(case_series(profile.office.region_code), today.year)
    case_no = format_case_no(profile.office.region_code, today.year, seq)
    payload = RegisterPayload(
        case_no=case_no, office_code=profile.office.region_code, intake=intake, assignee=assignee
    ).model_dump(mode="json")
    event = record(uow, profile, stream=complaint_id, action=Action.REGISTER, payload=payload,
                   actor=actor.user_id, roles=actor.roles)
    Projector(profile.calendar, profile.rules).project(uow.complaints, event)
    return Registered(complaint_id, case_no, event.id)


def open_duplicates(profile: Profile, complainant_code: str, respondent_name: str) -> list[PossibleDuplicate]:
    """Open complaints by the same complainant against the same respondent (a warning, not a refusal)."""
    c = complaints.c
    with profile.store.read() as session:
        rows = session.execute(
            select(c.id, c.case_no, c.state, c.registered_at)
            .where(c.complainant_code == normalize_code(complainant_code),
                   c.respondent_name == respondent_name.strip(), c.state != State.CLOSED.value)
            .order_by(c.registered_at)
        )
        return [PossibleDuplicate(r.id, r.case_no, r.state, r.registered_at) for r in rows]


def intake_json(intake: Intake) -> dict:
    return intake_to_json(intake)
