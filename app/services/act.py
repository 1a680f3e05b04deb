"""Acting on a complaint 办理: check the workflow, validate the payload, record, project.

One call = one event = one transaction. ``expected_head`` (the head the user saw) turns a change made
meanwhile by someone else into a ``complaint_changed`` refusal instead of a silent overwrite.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass
from datetime import date
from typing import Any

from app.domain.clock import china_date
from app.domain.complaint import Complaint
from app.domain.deadlines import current_deadline
from app.domain.errors import DomainError, FieldError, ValidationFailed
from app.domain.facts import check_facts, reopen_target
from app.domain.glyphs import check_printable
from app.domain.intake import apply_changes, parse_intake
from app.domain.payloads import validate_payload
from app.domain.regions import in_scope
from app.domain.text_limits import check_lengths
from app.domain.vocabulary import Action, Role
from app.domain.workflow import check, resolution_problem
from app.services.complaint_ref import load_in_scope, resolve_ref
from app.services.profile import Profile
from app.services.recording import record
from app.services.users import Actor
from app.store.projector import Projector
from app.store.uow import UnitOfWork


@dataclass(frozen=True)
class Acted:
    complaint_id: str
    case_no: str
    event_id: str
    state: str


def act(
    profile: Profile, actor: Actor, ref: str, action: str, data: dict[str, Any] | None = None, *,
    expected_head: str | None = None,
) -> Acted:
    today = china_date(profile.now())
    if action == Action.ISSUE_DOCUMENT:  # only app.services.documents.issue writes these (number + PDF)
        raise DomainError("action_not_by_hand", action=action)
    with profile.store.unit_of_work() as uow:
        complaint = load_in_scope(uow, profile, actor, ref)
        rule = check(complaint, action, actor.roles)
        if expected_head is not None and expected_head != complaint.head:
            raise DomainError("complaint_changed", case_no=complaint.case_no)
        payload_model = validate_payload(rule.payload, data, today=today)
        payload = payload_model.model_dump(mode="json", exclude_none=True)
        check_printable(rule.action, payload)
        check_lengths(rule.action, payload)  # new input only: stored events may hold longer texts
        if rule.action == Action.REOPEN:
            payload["back_to"] = reopen_target(complaint).value
        _check_against_case(uow, profile, complaint, rule.action, payload, today)
        check_facts(complaint, rule.action, payload, today, is_city=profile.regions.is_city)
        event = record(uow, profile, stream=complaint.id, action=rule.action, payload=payload,
                       actor=actor.user_id, base=complaint.head, complaint=complaint, roles=actor.roles)
        updated = Projector(profile.calendar, profile.rules).project(uow.complaints, event, current=complaint)
        uow.commit()
    return Acted(updated.id, updated.case_no, event.id, updated.state.value)


def _check_against_case(
    uow: UnitOfWork, profile: Profile, complaint: Complaint, action: Action, payload: dict[str, Any], today: date
) -> None:
    """Rules that need the complaint or other data, beyond the payload's own validation."""
    if action == Action.MERGE:
        target_id = resolve_ref(uow, payload["duplicate_of"])
        if target_id == complaint.id:
            raise ValidationFailed([FieldError("duplicate_of", "merge_into_self")])
        target = uow.complaints.get(target_id)
        assert target is not None
        if not target.is_open:
            raise ValidationFailed([FieldError("duplicate_of", "merge_target_closed", {"case_no": target.case_no})])
        payload["duplicate_of"] = target_id
        payload["duplicate_case_no"] = target.case_no
    elif action == Action.AMEND:
        try:
            amended = apply_changes(complaint.intake, payload["changes"])
            intake = parse_intake(amended, today=today)
        except ValidationFailed as failed:
            raise ValidationFailed([FieldError(f"changes.{e.field}", e.code, e.params) for e in failed.errors]) from None
        normalised = intake.model_dump(mode="json")
        payload["changes"] = {path: _at(normalised, path) for path in payload["changes"]}
        region = normalised["respondent"]["region_code"]
        if profile.regions.find(region) is None or not in_scope(profile.office.region_code, region):
            raise ValidationFailed([FieldError("changes.respondent.region_code", "region_out_of_scope",
                                               {"region": region})])
    elif action == Action.ASSIGN:
        user = uow.users.get(payload["assignee"]) or uow.users.by_username(payload["assignee"])
        if user is None or not user.active or Role.HANDLER.value not in user.roles:
            raise ValidationFailed([FieldError("assignee", "assignee_not_handler")])
        payload["assignee"] = user.id
    elif action == Action.RESOLVE:
        problem = resolution_problem(complaint, payload)
        if problem is not None:
            raise problem
    elif action == Action.EXTEND:
        new_due = date.fromisoformat(payload["new_due"])
        deadline = current_deadline(copy.copy(complaint), profile.calendar, profile.rules)
        if deadline is not None and new_due <= deadline.due_on:
            raise ValidationFailed([FieldError("new_due", "extension_not_later",
                                               {"due_on": deadline.due_on.isoformat()})])


def _at(data: dict[str, Any], path: str) -> Any:
    value: Any = data
    for part in path.split("."):
        value = value.get(part) if isinstance(value, dict) else None
    return value
