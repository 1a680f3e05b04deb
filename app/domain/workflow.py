"""The workflow 办理流程 of the seed as one table, plus the pure transition function.

``RULES`` says, for every action, the states it starts from, where it leads, who may take it and what
it must carry. ``check`` refuses forbidden actions with a stable code; ``apply`` folds one event into
the aggregate. Both are pure: the store and sync call them the same way.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

from app.domain import milestones
from app.domain.clock import china_date, parse_iso
from app.domain.complaint import Complaint
from app.domain.errors import DomainError
from app.domain.event_fact import Fact
from app.domain.intake_changes import apply_changes
from app.domain.vocabulary import OPEN_STATES, Action, Finding, ReopenTarget, Resolution, Role, State

if TYPE_CHECKING:
    from app.domain.schema import InputModel

S = State
CLERK, HANDLER, LEADER = Role.CLERK, Role.HANDLER, Role.LEADER
CONCLUDED = frozenset({S.UNSUBSTANTIATED, S.DISPUTED, S.RECTIFIED, S.REPAIRED})
BREACH_STATES = frozenset({S.BREACH_CONFIRMED, S.SANCTIONED})
# The complainant is told the outcome once there is one: a conclusion, or a confirmed breach (the seed
# has the result reported; repair may take years and must not hold the feedback or the closing back).
ANSWERABLE = CONCLUDED | BREACH_STATES


@dataclass(frozen=True)
class Rule:
    action: Action
    sources: frozenset[State]  # states the action may start from (empty: only a new complaint)
    target: State | None  # None: the state stays (or is decided by the payload / history)
    roles: frozenset[Role]
    payload_name: str  # the payload model's name in ``app.domain.payloads``
    needs_confirmation: bool = False  # the window asks "are you sure" (breach, sanctions)
    produces: tuple[str, ...] = ()  # document kinds the action offers to issue

    @property
    def payload(self) -> type[InputModel]:
        """What the action must carry: its pydantic model, imported when first asked for. Listing,
        showing and folding complaints read the table without the models (issue 15)."""
        from app.domain import payloads

        return getattr(payloads, self.payload_name)


def _rule(action, sources, target, roles, payload_name, **extra) -> Rule:
    return Rule(action, frozenset(sources), target, frozenset(roles), payload_name, **extra)


RULES: dict[Action, Rule] = {
    rule.action: rule
    for rule in (
        _rule(Action.REGISTER, (), S.REGISTERED, {CLERK}, "RegisterPayload", produces=("receipt",)),
        _rule(Action.REJECT, {S.REGISTERED}, S.CLOSED, {HANDLER}, "RejectPayload", produces=("rejection",)),
        _rule(Action.MERGE, {S.REGISTERED}, S.CLOSED, {HANDLER}, "MergePayload"),
        _rule(Action.FORWARD, {S.REGISTERED}, S.FORWARDED, {HANDLER}, "ForwardPayload", produces=("forward_letter",)),
        _rule(Action.REDIRECT, {S.FORWARDED}, S.FORWARDED, {HANDLER}, "RedirectPayload", produces=("forward_letter",)),
        _rule(Action.RETURN, {S.FORWARDED}, S.REGISTERED, {HANDLER}, "ReturnPayload"),
        _rule(Action.CONCLUDE, {S.FORWARDED}, None, {HANDLER}, "ConcludePayload", produces=("rectification_notice",)),
        _rule(Action.EXTEND, {S.FORWARDED, S.RECTIFYING}, None, {LEADER}, "ExtendPayload"),
        _rule(Action.RECTIFY, {S.RECTIFYING}, S.RECTIFIED, {HANDLER}, "RectifyPayload"),
        _rule(
            Action.REFUSE, {S.RECTIFYING}, S.BREACH_CONFIRMED, {LEADER}, "RefusePayload",
            needs_confirmation=True, produces=("breach_determination",),
        ),
        _rule(
            Action.SANCTION, {S.BREACH_CONFIRMED, S.SANCTIONED}, S.SANCTIONED, {LEADER}, "SanctionPayload",
            needs_confirmation=True,
        ),
        _rule(
            Action.REPAIR, {S.BREACH_CONFIRMED, S.SANCTIONED}, S.REPAIRED, {LEADER}, "RepairPayload",
            needs_confirmation=True, produces=("repair_notice",),
        ),
        _rule(
            Action.HOLD_ACCOUNTABLE, {S.BREACH_CONFIRMED, S.SANCTIONED, S.REPAIRED}, None, {LEADER},
            "AccountabilityPayload", needs_confirmation=True,
        ),
        _rule(Action.FEEDBACK, ANSWERABLE, None, {HANDLER}, "FeedbackPayload", produces=("feedback_letter",)),
        _rule(Action.CLOSE, ANSWERABLE, S.CLOSED, {HANDLER}, "ClosePayload"),
        _rule(Action.REOPEN, {S.CLOSED}, None, {LEADER}, "ReopenPayload"),
        _rule(Action.NOTE, OPEN_STATES, None, {CLERK, HANDLER, LEADER}, "NotePayload"),
        _rule(Action.ATTACH, OPEN_STATES, None, {CLERK, HANDLER, LEADER}, "AttachPayload"),
        _rule(Action.AMEND, OPEN_STATES, None, {CLERK, HANDLER}, "AmendPayload"),
        _rule(Action.ASSIGN, OPEN_STATES, None, {LEADER}, "AssignPayload"),
        _rule(Action.MARK_TYPICAL, frozenset(State), None, {LEADER}, "MarkTypicalPayload"),
        _rule(Action.RESOLVE, frozenset(State), None, {LEADER}, "ResolvePayload"),
        _rule(Action.ISSUE_DOCUMENT, frozenset(State), None, {HANDLER, LEADER}, "IssueDocumentPayload"),
    )
}

# Actions that never change the state; they commute with each other when syncing (DESIGN §4).
STATE_PRESERVING = frozenset({Action.NOTE, Action.ATTACH, Action.AMEND, Action.ASSIGN, Action.MARK_TYPICAL,
                              Action.ISSUE_DOCUMENT, Action.HOLD_ACCOUNTABLE})


def rule_for(action: str) -> Rule:
    try:
        return RULES[Action(action)]
    except ValueError:
        raise DomainError("action_unknown", action=action) from None


def check(complaint: Complaint | None, action: str, roles: Iterable[str]) -> Rule:
    """Raise if ``roles`` may not take ``action`` on ``complaint`` in its current state."""
    rule = rule_for(action)
    held = {Role(r) for r in roles}
    if not held & rule.roles:
        raise DomainError("role_not_permitted", action=rule.action.value, roles=",".join(sorted(r.value for r in rule.roles)))
    if rule.action == Action.REGISTER:
        if complaint is not None:
            raise DomainError("already_registered", case_no=complaint.case_no)
        return rule
    if complaint is None:
        raise DomainError("complaint_not_found")
    if complaint.state not in rule.sources:
        raise DomainError("action_not_allowed", action=rule.action.value, state=complaint.state.value)
    if rule.action == Action.CLOSE and not complaint.feedback_given:
        raise DomainError("feedback_required")
    if rule.action == Action.RESOLVE and not complaint.conflicts:
        raise DomainError("no_conflict", case_no=complaint.case_no)
    return rule


def kept_entry(fact: Fact, *, device_id: str, server_seq: int | None, head: str, reason: str) -> dict[str, Any]:
    """What ``Complaint.conflicts`` records of an event sync kept aside instead of applying (待核对)."""
    return {"event": fact.id, "action": fact.action, "payload": fact.payload, "actor": fact.actor, "at": fact.at,
            "device_id": device_id, "server_seq": server_seq, "head": head, "reason": reason}


def resolution_problem(complaint: Complaint, payload: dict[str, Any]) -> DomainError | None:
    """Why ``resolve`` with this payload cannot be taken now (None: it can)."""
    entry = next((e for e in complaint.conflicts if e["event"] == payload.get("conflict")), None)
    if entry is None:
        return DomainError("conflict_not_found", conflict=payload.get("conflict"))
    if payload.get("decision") == Resolution.APPLY:
        rule = rule_for(entry["action"])
        if rule.action in (Action.REGISTER, Action.RESOLVE) or complaint.state not in rule.sources or (
                rule.action == Action.CLOSE and not complaint.feedback_given):
            return DomainError("resolution_not_applicable", action=entry["action"], state=complaint.state.value)
        if rule.action == Action.AMEND:  # kept because it would leave an invalid intake: still so?
            from app.domain.event_rules import EventRefused, amended_intake

            try:
                amended_intake(complaint.intake, entry["payload"].get("changes") or {}, china_date(parse_iso(entry["at"])))
            except EventRefused:
                return DomainError("resolution_not_applicable", action=entry["action"], state=complaint.state.value)
    return None


def allowed_actions(complaint: Complaint, roles: Iterable[str]) -> list[Action]:
    """Actions the user may take now, in table order (what the window offers).

    Documents are issued from their own dialog (``app.services.documents.offers``), not listed here.
    """
    result = []
    for action in RULES:
        if action in (Action.REGISTER, Action.ISSUE_DOCUMENT):
            continue
        try:
            check(complaint, action, roles)
        except DomainError:
            continue
        result.append(action)
    return result


def apply(complaint: Complaint | None, fact: Fact) -> Complaint:
    """Fold one event into the aggregate, in place, and return it (a new one for ``register``).

    Callers that need the previous facts copy first (``copy.deepcopy``). Assumes the event passed ``check`` when it was made; it never raises for a stored event, so a
    rebuild always completes.
    """
    p = fact.payload
    if fact.action == Action.REGISTER:
        intake = p["intake"]
        received = date.fromisoformat(intake["received_on"]) if intake.get("received_on") else fact.on
        c = Complaint(
            id=fact.complaint_id, case_no=p["case_no"], office_code=p["office_code"],
            region_code=intake["respondent"]["region_code"], state=S.REGISTERED, intake=intake,
            registered_at=fact.at, registered_on=fact.on, registered_by=fact.actor, received_on=received,
            assignee=p.get("assignee") or None, state_entered_on=fact.on,
        )
        milestones.start(c, fact.on)
    else:
        if complaint is None:
            raise DomainError("complaint_not_found")
        c = complaint
        before = milestones.Before.of(c)
        _APPLY[Action(fact.action)](c, p, fact)
        milestones.note(c, before, fact.on)
    c.head = fact.id
    c.version += 1
    c.updated_at = fact.at
    return c


def _enter(c: Complaint, state: State, fact: Fact) -> None:
    if state != c.state:
        c.state = state
        c.state_entered_on = fact.on
        c.due_override_on = None
        c.due_override_kind = None


def _close(c: Complaint, fact: Fact, kind: str, **details: Any) -> None:
    c.state_before_close = c.state
    c.closure = {"kind": kind, "on": fact.on.isoformat(), "by": fact.actor, **details}
    _enter(c, S.CLOSED, fact)


def _reject(c, p, fact):
    _close(c, fact, "rejected", reason=p["reason"], legal_basis=p.get("legal_basis"))


def _merge(c, p, fact):
    _close(c, fact, "merged", duplicate_of=p["duplicate_of"], duplicate_case_no=p.get("duplicate_case_no"),
           reason=p.get("reason"))


def _forward(c, p, fact):
    c.department = p["department"]
    _enter(c, S.FORWARDED, fact)
    if p.get("due_on"):
        c.due_override_on = date.fromisoformat(p["due_on"])
        c.due_override_kind = "conclude"


def _redirect(c, p, fact):
    c.redirects.append({"from_department": c.department, "department": p["department"], "reason": p["reason"],
                        "on": fact.on.isoformat(), "by": fact.actor})
    c.department = p["department"]
    c.state_entered_on = fact.on  # the conclusion deadline runs from the redirection
    c.due_override_on = date.fromisoformat(p["due_on"]) if p.get("due_on") else None
    c.due_override_kind = "conclude" if p.get("due_on") else None


def _return(c, p, fact):
    c.returns.append({"department": p.get("returned_by") or c.department, "reason": p["reason"],
                      "on": fact.on.isoformat(), "by": fact.actor})
    c.department = None
    _enter(c, S.REGISTERED, fact)
    c.forward_clock_from = fact.on


def _conclude(c, p, fact):
    c.finding = {key: p.get(key) for key in ("finding", "explanation", "determined_by", "requirements",
                                             "rectify_due", "dispute_path")}
    c.finding["on"] = fact.on.isoformat()
    finding = Finding(p["finding"])
    if finding == Finding.SUBSTANTIATED:
        c.rectify_due = date.fromisoformat(p["rectify_due"])
        _enter(c, S.RECTIFYING, fact)
    elif finding == Finding.DISPUTED:
        _enter(c, S.DISPUTED, fact)
    else:
        _enter(c, S.UNSUBSTANTIATED, fact)


def _extend(c, p, fact):
    kind = "rectify" if c.state == S.RECTIFYING else "conclude"
    new_due = date.fromisoformat(p["new_due"])
    c.extensions.append({"kind": kind, "new_due": p["new_due"], "reason": p["reason"], "on": fact.on.isoformat(),
                         "by": fact.actor})
    if kind == "rectify":
        c.rectify_due = new_due
    else:
        c.due_override_on = new_due
        c.due_override_kind = kind


def _rectify(c, p, fact):
    c.rectification = {"evidence": p["evidence"], "on": p.get("rectified_on") or fact.on.isoformat()}
    _enter(c, S.RECTIFIED, fact)


def _refuse(c, p, fact):
    c.breach = {key: p.get(key) for key in ("confirmed_by", "confirmed_on", "facts", "document_ref", "ground_detail")}
    c.breach["ground"] = p.get("ground") or "overdue"
    c.breach["on"] = fact.on.isoformat()
    _enter(c, S.BREACH_CONFIRMED, fact)


def _sanction(c, p, fact):
    c.sanctions.append({
        "event": fact.id, "measures": list(p.get("measures", [])), "other_measures": list(p.get("other_measures", [])),
        "imposed_by": p["imposed_by"],
        "start_on": p["start_on"], "end_on": p.get("end_on"), "note": p.get("note"), "lifted_on": None,
    })
    _enter(c, S.SANCTIONED, fact)


def _sanction_ended_before(sanction: dict[str, Any], day: date) -> bool:
    return bool(sanction.get("end_on")) and date.fromisoformat(sanction["end_on"]) < day


def _repair(c, p, fact):
    c.repair = {"evidence": p["evidence"], "fulfilled_on": p["fulfilled_on"], "on": fact.on.isoformat()}
    for sanction in c.sanctions:  # a measure whose period had already ended stays 已到期
        if not sanction.get("lifted_on") and not _sanction_ended_before(sanction, fact.on):
            sanction["lifted_on"] = fact.on.isoformat()
    _enter(c, S.REPAIRED, fact)


def _hold_accountable(c, p, fact):
    c.accountability.append({"event": fact.id, "decided_by": p["decided_by"], "decided_on": p["decided_on"],
                             "document_ref": p.get("document_ref"), "note": p.get("note"),
                             "persons": [dict(person) for person in p["persons"]]})


def _feedback(c, p, fact):
    c.feedbacks.append({"method": p["method"], "summary": p["summary"],
                        "on": p.get("given_on") or fact.on.isoformat(), "by": fact.actor})
    c.feedback_given = True


def _close_action(c, p, fact):
    _close(c, fact, "closed", summary=p["summary"])


def _reopen(c, p, fact):
    previous = c.state_before_close or S.REGISTERED
    back_to = p.get("back_to")
    c.reopenings.append({"on": fact.on.isoformat(), "reason": p["reason"], "back_to": back_to,
                         "due_on": p.get("due_on"), "from_state": previous.value, "by": fact.actor})
    c.closure = None
    c.state_before_close = None
    c.feedback_given = False
    if back_to == ReopenTarget.VERIFICATION and c.department:
        _enter(c, S.FORWARDED, fact)
        c.state_entered_on = fact.on  # a new conclusion deadline, from the reopening
        if p.get("due_on"):
            c.due_override_on = date.fromisoformat(p["due_on"])
            c.due_override_kind = "conclude"
    elif back_to == ReopenTarget.REGISTRATION or (back_to == ReopenTarget.VERIFICATION and not c.department):
        _enter(c, S.REGISTERED, fact)
        c.state_entered_on = fact.on
        c.forward_clock_from = fact.on
    else:
        _enter(c, previous, fact)
        if previous == S.REGISTERED:
            c.forward_clock_from = fact.on


def _note(c, p, fact):
    c.note_count += 1


def _attach(c, p, fact):
    c.attachments.append({"event": fact.id, "sha256": p["sha256"], "filename": p["filename"], "size": p["size"],
                          "media_type": p.get("media_type"), "description": p.get("description")})


def _amend(c, p, fact):
    c.intake = apply_changes(c.intake, p["changes"])
    c.region_code = c.intake["respondent"]["region_code"]
    if c.intake.get("received_on"):
        c.received_on = date.fromisoformat(c.intake["received_on"])
    c.amendments += 1


def _assign(c, p, fact):
    c.assignee = p["assignee"]


def _resolve(c, p, fact):
    entry = next((e for e in c.conflicts if e["event"] == p["conflict"]), None)
    if entry is None:
        return
    c.conflicts = [e for e in c.conflicts if e["event"] != p["conflict"]]
    if p["decision"] == Resolution.APPLY:  # the kept transition takes effect as of when it was made
        at = entry["at"]
        kept = Fact(id=entry["event"], complaint_id=c.id, action=entry["action"], payload=entry["payload"],
                    actor=entry["actor"], at=at, on=china_date(parse_iso(at)))
        _APPLY[Action(entry["action"])](c, entry["payload"], kept)


def _mark_typical(c, p, fact):
    c.typical = bool(p.get("typical", True))
    c.typical_reason = p.get("reason") if c.typical else None
    c.typical_summary = p.get("summary") if c.typical else None


def _issue_document(c, p, fact):
    c.documents.append({"event": fact.id, "kind": p["kind"], "variant": p.get("variant"), "number": p["number"],
                        "on": fact.on.isoformat(), "by": fact.actor, "sha256": p["sha256"], "pages": p["pages"]})
    step = (p.get("snapshot") or {}).get("reminder_step")
    if step:  # 催办/督办: which overdue step it was about (app.domain.reminders counts the rounds)
        c.documents[-1]["step"] = step


_APPLY = {
    Action.REJECT: _reject, Action.MERGE: _merge, Action.FORWARD: _forward, Action.CONCLUDE: _conclude,
    Action.REDIRECT: _redirect, Action.RETURN: _return, Action.HOLD_ACCOUNTABLE: _hold_accountable,
    Action.EXTEND: _extend, Action.RECTIFY: _rectify, Action.REFUSE: _refuse, Action.SANCTION: _sanction,
    Action.REPAIR: _repair, Action.FEEDBACK: _feedback, Action.CLOSE: _close_action, Action.REOPEN: _reopen,
    Action.NOTE: _note, Action.ATTACH: _attach, Action.AMEND: _amend, Action.ASSIGN: _assign,
    Action.MARK_TYPICAL: _mark_typical, Action.RESOLVE: _resolve, Action.ISSUE_DOCUMENT: _issue_document,
}
