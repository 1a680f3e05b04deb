"""A text too long is refused where new input is made (found by mutation testing, issue 17, second
check): an action's payload with a text over its limit is refused with the field named; a registration's
intake names its field from the intake's top (``description``, as the intake form shows it); a text field
holding something other than text is left to the type check, not reported as too long (nor a crash)."""

from __future__ import annotations

import pytest

from app.domain.errors import ValidationFailed
from app.domain.text_limits import check_lengths, intake_too_long, payload_too_long
from tests.factories import intake


def test_an_action_with_a_text_over_its_limit_is_refused_naming_the_field():
    with pytest.raises(ValidationFailed) as refused:
        check_lengths("amend", {"changes": {"claim.text": "字" * 301}, "reason": "更正"})
    assert [(e.field, e.code) for e in refused.value.errors] == [("changes.claim.text", "text_too_long")]
    check_lengths("amend", {"changes": {"claim.text": "字" * 300}, "reason": "更正"})  # at the limit: accepted


def test_the_intake_form_names_its_own_field():
    data = intake()
    data["claim"]["text"] = "字" * 301
    assert [(e.field, e.params["length"]) for e in intake_too_long(data)] == [("claim.text", 301)]


def test_a_text_field_holding_an_object_is_not_reported_as_too_long():
    data = intake()
    data["description"] = {"description": "字" * 5000}
    data["claim"] = {"text": "字" * 301}
    assert [e.field for e in payload_too_long("register", {"intake": data})] == ["intake.claim.text"]


def test_every_person_over_the_limit_is_reported_not_only_the_last():
    persons = [{"name": "张某", "position": "局长", "responsibility": "main", "outcome": "字" * 501},
               {"name": "李某", "position": "科长", "responsibility": "direct", "outcome": "字" * 502}]
    found = payload_too_long("hold_accountable", {"decided_by": "县纪委监委", "persons": persons})
    assert [(e.field, e.params["length"]) for e in found] == [("persons.0.outcome", 501), ("persons.1.outcome", 502)]
