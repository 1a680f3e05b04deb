"""Which text is too long, named by its path (found by mutation testing, issue 17): the window puts the
counter and the error under that very field, so the path must lead to it — in a registration's intake,
in an amendment's changes, and in the n-th person of an accountability decision."""

from __future__ import annotations

from app.domain.text_limits import intake_limit, payload_too_long
from tests.factories import intake


def _found(action: str, payload: dict) -> list[tuple]:
    return [(e.field, e.code, e.params) for e in payload_too_long(action, payload)]


def test_a_registration_names_the_intake_field_that_is_too_long():
    data = intake()
    data["claim"]["text"] = "字" * 301
    assert _found("register", {"intake": data}) == [
        ("intake.claim.text", "text_too_long", {"max_length": 300, "length": 301})]
    data["claim"]["text"] = "字" * 300 + "  "  # counted as stored: trimmed
    assert _found("register", {"intake": data}) == []


def test_an_amendment_names_the_changed_path_and_other_actions_ignore_changes():
    assert _found("amend", {"changes": {"claim.text": "字" * 3000}, "reason": "更正"}) == [
        ("changes.claim.text", "text_too_long", {"max_length": 300, "length": 3000})]
    assert _found("note", {"text": "已核实", "changes": {"claim.text": "字" * 3000}}) == []


def test_a_person_of_an_accountability_decision_is_named_by_position_in_the_list():
    persons = [{"name": "张某", "position": "局长", "responsibility": "主要领导责任", "outcome": "诫勉谈话"},
               {"name": "李某", "position": "科长", "responsibility": "直接责任", "outcome": "字" * 501}]
    assert _found("hold_accountable", {"decided_by": "县纪委监委", "decided_on": "2026-03-05", "persons": persons}) == [
        ("persons.1.outcome", "text_too_long", {"max_length": 500, "length": 501})]


def test_the_limits_of_nested_intake_fields():
    assert (intake_limit("claim.text"), intake_limit("description")) == (300, 1000)
    assert intake_limit("complainant.name") is None and intake_limit("nope.text") is None
