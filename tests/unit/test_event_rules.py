"""``app.domain.event_rules``: the one acceptance every way in runs (services, hub, fold).

Pure: events are built in memory, nothing is stored.
"""

from __future__ import annotations

import pytest

from app.domain.event_rules import (
    MAX_PAYLOAD_BYTES,
    ActorFacts,
    EventRefused,
    accept,
    check_actor,
    fit_case,
    validate_event,
)
from app.domain.events import ADMIN_STREAM, SESSION_STREAM, Event
from app.domain.workflow import apply
from tests.factories import intake

WHEN = "2026-11-26T03:00:00.000Z"
STREAM = "01a2f000-0000-7000-8000-000000000001"
ACTOR = "01a2f000-0000-7000-8000-0000000000aa"


def event(action: str, payload, *, stream: str = STREAM, actor: str = ACTOR, device_time: str = WHEN,
          event_id: str = "01a2f000-0000-7000-8000-00000000e001", base: str | None = None) -> Event:
    return Event(id=event_id, stream=stream, action=action, payload=payload, actor=actor, device_id="dev",
                 device_seq=1, device_time=device_time, base=base, prev_hash="0" * 64)


def registration(case_no: str = "532322-2026-0007", **intake_overrides) -> Event:
    return event("register", {"case_no": case_no, "office_code": "532322",
                              "intake": intake("532322", **intake_overrides)})


def registered():
    return apply(None, accept(registration()))


def refused(e: Event, complaint=None, actor=None) -> EventRefused:
    with pytest.raises(EventRefused) as caught:
        validate_event(e, complaint, actor)
    return caught.value


# ---- envelope ------------------------------------------------------------------------------------------
@pytest.mark.parametrize("device_time", ["xxxxxxxxxx", "2026-11-26", "2026-11-26T03:00:00", "1999-12-31T23:59:59Z",
                                         "2100-01-01T00:00:00Z", "2026-13-01T00:00:00Z", 1764126000])
def test_device_time_must_be_iso_with_a_zone_within_2000_and_2099(device_time):
    assert refused(event("note", {"text": "x"}, device_time=device_time)).code == "device_time_invalid"


def test_a_time_with_an_offset_is_accepted_and_dated_in_china():
    fact = accept(event("note", {"text": "x"}, device_time="2026-11-26T17:00:00+00:00"))
    assert fact.on.isoformat() == "2026-11-27"  # 01:00 the next morning in China


@pytest.mark.parametrize(("field", "value", "code"), [
    ("event_id", "../x", "event_id_invalid"), ("event_id", "", "event_id_invalid"),
    ("stream", "a/b", "stream_invalid"), ("actor", "x" * 65, "actor_invalid"), ("actor", "", "actor_invalid"),
    ("base", "no spaces", "event_id_invalid"),
])
def test_ids_have_a_safe_shape(field, value, code):
    assert refused(event("note", {"text": "x"}, **{field: value})).code == code


def test_only_a_failed_login_by_an_unknown_name_has_no_actor():
    accept(event("login_failed", {"username": "nobody", "reason": "no_such_user"}, stream=SESSION_STREAM, actor=""))
    assert refused(event("login", {"via": "desktop"}, stream=SESSION_STREAM, actor="")).code == "actor_invalid"


@pytest.mark.parametrize(("stream", "action"), [(STREAM, "login"), (SESSION_STREAM, "forward"),
                                                (ADMIN_STREAM, "note"), (STREAM, "drop_table")])
def test_actions_belong_to_their_stream(stream, action):
    error = refused(event(action, {}, stream=stream))
    assert error.code == "action_unknown" and error.params["action"] == action


def test_payload_size_is_limited_before_it_is_parsed():
    error = refused(event("note", {"text": "长" * (MAX_PAYLOAD_BYTES // 3 + 10)}))
    assert error.code == "payload_too_large"
    assert refused(event("note", ["not", "a", "dict"])).params["problem"] == "not_an_object"


# ---- payloads ------------------------------------------------------------------------------------------
@pytest.mark.parametrize(("action", "payload", "path"), [
    ("forward", {}, "department"),
    ("note", {"text": "x" * 5001}, "text"),
    ("extend", {"new_due": 1764126000, "reason": "需补充调查"}, "new_due"),
    ("extend", {"new_due": "9999-12-31", "reason": "需补充调查"}, "new_due"),
    ("attach", {"sha256": "../../../tmp", "filename": "a.pdf", "size": 1}, "sha256"),
    ("attach", {"sha256": "a" * 64, "filename": "../../x.bat", "size": 1}, "filename"),
    ("attach", {"sha256": "a" * 64, "filename": "C:x.bat", "size": 1}, "filename"),
    ("attach", {"sha256": "a" * 64, "filename": "a\u202eexe.pdf", "size": 1}, "filename"),
    ("sanction", {"measures": ["exile"], "imposed_by": "双柏县人民政府", "start_on": "2026-11-20"}, "measures.0"),
    ("note", {"text": "x", "extra": 1}, "extra"),
])
def test_each_action_checks_its_payload_model(action, payload, path):
    error = refused(event(action, payload), registered())
    assert (error.code, error.params["path"]) == ("payload_invalid", path)


def test_dates_in_the_future_of_the_event_are_refused():
    error = refused(event("refuse", {"confirmed_by": "双柏县人民政府", "confirmed_on": "2026-11-27",
                                      "facts": "逾期仍未整改"}), registered())
    assert error.params["problem"] == "date_in_future"


def test_a_minimal_registration_is_refused():
    bare = event("register", {"case_no": "532322-2026-0001", "office_code": "532322",
                              "intake": {"respondent": {"region_code": "532322"}}})
    assert refused(bare).code == "payload_invalid"


@pytest.mark.parametrize("case_no", ["532323-2026-0001", "532322-1999-0001", "532322-2026-01", "x"])
def test_a_case_number_must_be_the_offices_own(case_no):
    assert refused(registration(case_no)).code == "case_no_invalid"


def test_the_validated_payload_is_what_folds():
    fact = accept(event("forward", {"department": "  双柏县人民政府  ", "due_on": ""}))
    assert fact.payload == {"department": "双柏县人民政府"}


# ---- amendments ------------------------------------------------------------------------------------------
@pytest.mark.parametrize(("changes", "path", "problem"), [
    ({"respondent": intake()["respondent"]}, "changes.respondent", "not_amendable"),
    ({"case_no": "x"}, "changes.case_no", "not_amendable"),
    ({"complainant.nope": "x"}, "changes.complainant.nope", "not_amendable"),
    ({"received_on": "not-a-date"}, "changes.received_on", "date_from_datetime_parsing"),
    ({"claim.amount": "很多"}, "changes.claim.amount", "money_invalid"),
    ({"respondent.region_code": "53232"}, "changes.respondent.region_code", "string_pattern_mismatch"),
    ({"claim.text": {"nested": "junk"}}, "changes.claim.text", "value_invalid"),
])
def test_amendments_name_single_fields_with_values_of_their_type(changes, path, problem):
    error = refused(event("amend", {"changes": changes, "reason": "更正"}), registered())
    assert (error.code, error.params["path"], error.params["problem"]) == ("payload_invalid", path, problem)


def test_an_amendment_is_checked_against_the_intake_it_changes():
    complaint = registered()
    fact = validate_event(event("amend", {"changes": {"claim.amount": "5000"}, "reason": "更正金额"}), complaint)
    assert fact.payload["changes"] == {"claim.amount": "5000.00"}  # in the form the intake keeps it
    override_off = event("amend", {"changes": {"complainant.credit_code": "91532322MA6N0X1234"}, "reason": "更正"})
    error = refused(override_off, complaint)  # per field it is text; as a whole the checksum fails
    assert error.params["path"] == "changes.complainant.credit_code"


def test_context_registration_must_be_new_and_others_need_their_complaint():
    assert refused(registration(), registered()).code == "stream_exists"
    assert refused(event("note", {"text": "x"}), None).code == "stream_unknown"
    assert fit_case(accept(event("note", {"text": "x"})), registered()).action == "note"


# ---- actors ------------------------------------------------------------------------------------------
def test_roles_come_from_the_workflow_table():
    note = accept(event("note", {"text": "x"}))
    check_actor(note, STREAM, ActorFacts(ACTOR, frozenset({"clerk"})))
    refuse = accept(event("refuse", {"confirmed_by": "双柏县人民政府", "confirmed_on": "2026-11-20", "facts": "x"}))
    with pytest.raises(EventRefused) as caught:
        check_actor(refuse, STREAM, ActorFacts(ACTOR, frozenset({"clerk", "handler"})))
    assert caught.value.code == "role_not_permitted" and caught.value.params["roles"] == "leader"
    with pytest.raises(EventRefused) as caught:
        check_actor(note, STREAM, ActorFacts("someone-else", frozenset({"leader"})))
    assert caught.value.code == "actor_unknown"


def test_administration_needs_an_admin_except_ones_own_first_account_and_password():
    add = {"user_id": ACTOR, "username": "wang", "display_name": "王颖", "roles": ["admin"],
           "region_code": "532322"}
    first = accept(event("user_add", add, stream=ADMIN_STREAM))
    check_actor(first, ADMIN_STREAM, ActorFacts(ACTOR, frozenset()))
    other = accept(event("user_add", {**add, "user_id": "someone"}, stream=ADMIN_STREAM))
    with pytest.raises(EventRefused):
        check_actor(other, ADMIN_STREAM, ActorFacts(ACTOR, frozenset({"leader"})))
    own = accept(event("password_change", {"user_id": ACTOR}, stream=ADMIN_STREAM))
    check_actor(own, ADMIN_STREAM, ActorFacts(ACTOR, frozenset({"clerk"})))
