"""Acceptance of an event 事件校验: the one check every way in runs before an event counts.

The services run ``validate_event`` on the event they are about to write, the hub on every pushed
event (refusing that event alone, with the code of ``EventRefused``), and a device's fold on every
pulled or stored event (setting a failing one aside instead of crashing). Three layers:

- ``accept`` (no context): the envelope (ids, action, time, size) and the payload against its
  action's model. An event failing here is malformed wherever it comes from: refused by the hub,
  quarantined by a device (``sync_quarantine``), never applied.
- ``fit_case`` (the complaint as it stands): a registration must be new and carry a consistent case
  number; any other event needs its complaint; an amendment must leave a valid intake; a reminder
  (催办函, 督办通知) must come from an office that may send it and be about a step overdue on the
  event's date (``app.domain.reminders.check_recorded``). A device
  keeps an event that fails here aside as 待核对 (it may be honest work that met concurrent work).
- ``check_actor`` (who acted): the acting user holds a role the workflow permits for the action.
  The hub and the services know the user; a device folding history does not judge roles again
  (roles change over time, and a rebuild must give the same rows whenever it runs).

Acceptance rules only ever loosen: an event accepted once must be accepted by every later version,
or history would fall out of a rebuild. Rules for *making* an event (a due date not in the past, an
extension later than the deadline…) are stricter and live in the services; they may tighten freely.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Annotated, Any, Literal, Protocol

from pydantic import BaseModel, Field, TypeAdapter, ValidationError

from app.domain.clock import china_date, parse_iso
from app.domain.complaint import Complaint
from app.domain.disclosure import PERSONAL_FIELDS, REVEAL_ACTION, REVEAL_ROLES
from app.domain.errors import DomainError, ValidationFailed
from app.domain.events import ADMIN_STREAM, SESSION_STREAM, canonical_json
from app.domain.intake_changes import AMENDABLE_SECTIONS, AMENDABLE_TOP, apply_changes
from app.domain.numbering import parse_case_no
from app.domain.reminders import REMINDER_KINDS, ReminderRefused, check_recorded
from app.domain.schema import InputModel, OptText, Text, validate
from app.domain.vocabulary import Action, Role
from app.domain.workflow import RULES, Fact

MAX_PAYLOAD_BYTES = 256 * 1024  # canonical JSON, UTF-8; a document snapshot is the largest honest payload
MAX_CHANGE_CHARS = 5000
TIME_FROM = datetime(2000, 1, 1, tzinfo=UTC)
TIME_UNTIL = datetime(2100, 1, 1, tzinfo=UTC)

_ID = re.compile(r"^[0-9A-Za-z][0-9A-Za-z_.:-]{0,63}$")
_TIME = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?(Z|[+-]\d{2}:\d{2})$")


class EventRefused(DomainError):
    """An event that may not count: ``code`` is stable (the hub answers it, a device records it)."""


@dataclass(frozen=True)
class ActorFacts:
    """What the checker knows of the acting user: the id and the roles held when the event is judged."""

    user_id: str
    roles: frozenset[str]


class HasIntake(Protocol):
    """The complaint as ``fit_case`` needs it: the hub passes a light stand-in, devices the aggregate."""

    intake: dict[str, Any]


class EventLike(Protocol):
    id: str
    stream: str
    action: str
    payload: Any
    actor: str
    device_time: str
    base: str | None


# ---- session and administration streams: stored and audited, never folded into a complaint ---------
class _Via(InputModel):
    via: OptText = None
    reason: OptText = None  # logout: switch_user | logout | exit


class _LoginFailed(InputModel):
    username: OptText = None
    reason: OptText = None
    via: OptText = None


class _UserAdd(InputModel):
    user_id: Text
    username: Text
    display_name: Text
    roles: list[Role]
    region_code: Text


class _UserRef(InputModel):
    user_id: Text


class _Revealed(InputModel):
    """显示个人信息: the complaint whose personal fields a user revealed (``app.domain.disclosure``)."""

    complaint_id: Text
    case_no: OptText = None
    fields: Annotated[list[Literal[*PERSONAL_FIELDS]], Field(min_length=1, max_length=len(PERSONAL_FIELDS))]  # type: ignore[valid-type]
    via: OptText = None


class _OfficeSettings(InputModel):
    changes: dict[str, Any]


class _Lock(InputModel):
    reason: OptText = None  # idle | manual
    via: OptText = None


class _SessionSettings(InputModel):
    idle_lock_minutes: int


SESSION_ACTIONS: dict[str, type[InputModel]] = {
    "login": _Via, "logout": _Via, "login_failed": _LoginFailed,
    "lock": _Lock, "unlock": _Via, "unlock_failed": _LoginFailed, "password_change_failed": _LoginFailed,
    REVEAL_ACTION: _Revealed,
}
ADMIN_ACTIONS: dict[str, type[InputModel]] = {
    "user_add": _UserAdd, "password_change": _UserRef, "user_activate": _UserRef, "user_deactivate": _UserRef,
    "office_settings": _OfficeSettings,
    "password_reset": _UserRef, "session_settings": _SessionSettings,
}


def is_complaint_stream(stream: str) -> bool:
    return stream not in (SESSION_STREAM, ADMIN_STREAM)


def event_moment(device_time: Any) -> datetime:
    """The device's timestamp as an aware datetime; ``device_time_invalid`` unless it is ISO 8601 with a
    zone, between 2000 and 2100 (dates outside would overflow deadline arithmetic)."""
    if not isinstance(device_time, str) or not _TIME.match(device_time):
        raise EventRefused("device_time_invalid")
    try:
        moment = parse_iso(device_time)
    except ValueError:
        raise EventRefused("device_time_invalid") from None
    if not TIME_FROM <= moment < TIME_UNTIL:
        raise EventRefused("device_time_invalid")
    return moment


def _model_for(stream: str, action: str) -> type[InputModel]:
    if stream == SESSION_STREAM:
        model = SESSION_ACTIONS.get(action)
    elif stream == ADMIN_STREAM:
        model = ADMIN_ACTIONS.get(action)
    else:
        try:
            model = RULES[Action(action)].payload
        except ValueError:
            model = None
    if model is None:
        raise EventRefused("action_unknown", action=str(action)[:64])
    return model


def check_envelope(event: EventLike) -> datetime:
    """Ids, action, actor, time and size; returns the event's moment."""
    if not isinstance(event.id, str) or not _ID.match(event.id):
        raise EventRefused("event_id_invalid")
    if not isinstance(event.stream, str) or not (_ID.match(event.stream) or not is_complaint_stream(event.stream)):
        raise EventRefused("stream_invalid")
    if not isinstance(event.action, str):
        raise EventRefused("action_unknown", action="")
    _model_for(event.stream, event.action)
    if not isinstance(event.actor, str) or not (_ID.match(event.actor) or (event.actor == ""
                                                                           and event.action == "login_failed")):
        raise EventRefused("actor_invalid")
    if event.base is not None and (not isinstance(event.base, str) or not _ID.match(event.base)):
        raise EventRefused("event_id_invalid")
    if not isinstance(event.payload, dict):
        raise EventRefused("payload_invalid", action=event.action, path="(root)", problem="not_an_object")
    if len(canonical_json(event.payload).encode("utf-8")) > MAX_PAYLOAD_BYTES:
        raise EventRefused("payload_too_large", action=event.action, limit_kb=MAX_PAYLOAD_BYTES // 1024)
    return event_moment(event.device_time)


def _payload_refused(action: str, failed: ValidationFailed, prefix: str = "") -> EventRefused:
    first = failed.errors[0] if failed.errors else None
    where = f"{prefix}{first.field}" if first else prefix.rstrip(".") or "(root)"
    return EventRefused("payload_invalid", action=action, path=where, problem=first.code if first else "invalid")


def _dump(model: BaseModel, action: str) -> dict[str, Any]:
    # the services store a registration's intake with every field, other payloads without empty ones
    return model.model_dump(mode="json", exclude_none=action != Action.REGISTER)


@functools.cache
def _field_type(path: str) -> TypeAdapter | None:
    """The type of an amendable intake field (its own checks; rules across fields need the complaint)."""
    from app.domain.intake import Intake  # the intake model: for amendments, not for a login (issue 15)

    parts = path.split(".")
    model: type[BaseModel] = Intake
    if len(parts) == 2:
        annotation = Intake.model_fields.get(parts[0])
        model = annotation.annotation if annotation is not None else None  # type: ignore[assignment]
        if not (isinstance(model, type) and issubclass(model, BaseModel)):
            return None
    info = model.model_fields.get(parts[-1])
    if info is None:
        return None
    return TypeAdapter(Annotated[info.annotation, *info.metadata] if info.metadata else info.annotation)


def _check_changes(changes: dict[str, Any], action: str) -> None:
    """Amendments name single, existing intake fields by path and carry values of the field's type (the
    intake as a whole is checked in context, ``fit_case``)."""
    for path, value in changes.items():
        parts = path.split(".")
        where = f"changes.{path}"[:120]
        amendable = (len(parts) == 1 and parts[0] in AMENDABLE_TOP) or (
            len(parts) == 2 and parts[0] in AMENDABLE_SECTIONS and parts[1] != "")
        adapter = _field_type(path) if amendable else None
        if adapter is None:
            raise EventRefused("payload_invalid", action=action, path=where, problem="not_amendable")
        if not (value is None or isinstance(value, str | bool | int | float)) or (
                isinstance(value, str) and len(value) > MAX_CHANGE_CHARS):
            raise EventRefused("payload_invalid", action=action, path=where, problem="value_invalid")
        try:
            adapter.validate_python(value, context={"today": None})
        except ValidationError as error:
            first = error.errors(include_url=False)[0]
            raise EventRefused("payload_invalid", action=action, path=where, problem=first["type"]) from None


def accept(event: EventLike) -> Fact:
    """Envelope and payload, without context; the ``Fact`` carries the validated payload."""
    moment = check_envelope(event)
    on = china_date(moment)
    model = _model_for(event.stream, event.action)
    try:
        validated = validate(model, event.payload, today=on)
    except ValidationFailed as failed:
        raise _payload_refused(event.action, failed) from None
    payload = _dump(validated, event.action)
    if event.action == Action.AMEND and is_complaint_stream(event.stream):
        _check_changes(payload["changes"], event.action)
    if event.action == Action.REGISTER:
        try:
            office, year, _seq = parse_case_no(payload["case_no"])
        except DomainError:
            raise EventRefused("case_no_invalid", case_no=payload["case_no"][:40]) from None
        if office != payload["office_code"] or not 2000 <= year < 2100:
            raise EventRefused("case_no_invalid", case_no=payload["case_no"])
    return Fact(id=event.id, complaint_id=event.stream, action=event.action, payload=payload, actor=event.actor,
                at=event.device_time, on=on)


def amended_intake(intake: dict[str, Any], changes: dict[str, Any], on: date | None = None) -> dict[str, Any]:
    """The intake after ``changes``, validated as a whole (JSON form); ``payload_invalid`` otherwise.

    No "not in the future" test here: the registering device's clock may run ahead of the amending
    one's, and an honest amendment must not fail on a date it did not touch (the service that makes
    an amendment checks its own dates against its own today)."""
    from app.domain.intake import parse_intake

    try:
        return parse_intake(apply_changes(intake, changes), today=None).model_dump(mode="json")
    except ValidationFailed as failed:
        raise _payload_refused(Action.AMEND, failed, "changes.") from None


def fit_case(fact: Fact, complaint: HasIntake | None) -> Fact:
    """The event against the complaint it belongs to; returns the fact to apply (an amendment's
    values in their validated form)."""
    if fact.action == Action.REGISTER:
        if complaint is not None:
            raise EventRefused("stream_exists")
        return fact
    if complaint is None:
        raise EventRefused("stream_unknown")
    if fact.action == Action.AMEND:
        changes = fact.payload["changes"]
        intake = amended_intake(complaint.intake, changes, fact.on)
        normalised = {path: _at(intake, path) for path in changes}
        return Fact(**{**fact.__dict__, "payload": {**fact.payload, "changes": normalised}})
    if fact.action == Action.ISSUE_DOCUMENT and fact.payload.get("kind") in REMINDER_KINDS \
            and isinstance(complaint, Complaint):
        try:  # 催办/督办: only from the right office, only for a step overdue on the event's date
            check_recorded(fact.payload["kind"], fact.payload.get("snapshot") or {}, complaint, fact.on)
        except ReminderRefused as refused:
            raise EventRefused(refused.code, **refused.params) from None
    return fact


def _at(data: dict[str, Any], path: str) -> Any:
    value: Any = data
    for part in path.split("."):
        value = value.get(part) if isinstance(value, dict) else None
    return value


def permitted_roles(stream: str, action: str, payload: dict[str, Any], actor: str) -> frozenset[str] | None:
    """Roles of which one must be held to take ``action`` (None: anyone who may log in)."""
    if is_complaint_stream(stream):
        return frozenset(r.value for r in RULES[Action(action)].roles)
    if stream == ADMIN_STREAM:
        if action == "user_add" and payload.get("user_id") == actor:
            return None  # the first user of a new profile creates itself
        if action == "password_change" and payload.get("user_id") == actor:
            return None  # one's own password
        if action == "office_settings":
            return frozenset({Role.ADMIN.value, Role.LEADER.value})
        return frozenset({Role.ADMIN.value})
    if action == REVEAL_ACTION:
        return REVEAL_ROLES  # personal data in full: never the administrator or the auditor
    return None


def check_actor(fact: Fact, stream: str, actor: ActorFacts) -> None:
    if fact.actor != actor.user_id:
        raise EventRefused("actor_unknown", actor=fact.actor[:64])
    needed = permitted_roles(stream, fact.action, fact.payload, fact.actor)
    if needed is not None and not needed & actor.roles:
        raise EventRefused("role_not_permitted", action=fact.action, roles=",".join(sorted(needed)))


def validate_event(event: EventLike, complaint: HasIntake | None = None, actor: ActorFacts | None = None) -> Fact:
    """Every rule an event must meet to count, given its complaint (None for a registration) and,
    where known, its actor. Raises ``EventRefused``; returns the ``Fact`` to apply."""
    fact = accept(event)
    if is_complaint_stream(event.stream):
        fact = fit_case(fact, complaint)
    if actor is not None:
        check_actor(fact, event.stream, actor)
    return fact
