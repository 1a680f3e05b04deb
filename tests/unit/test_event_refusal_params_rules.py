"""What an event refusal carries (found by mutation testing, issue 17): the refusal names the action,
so the message says which kind of record was refused (“……（修改登记信息）未被接收”); an action that is not
text is refused as unknown; an accepted event's fact keeps its complaint and its China date."""

from __future__ import annotations

from datetime import date

import pytest

from app.domain.event_rules import EventRefused, accept, check_envelope
from tests.unit.test_event_rules import STREAM, event, refused, registered


def test_an_amendment_with_a_value_of_no_type_names_the_action_path_and_problem():
    error = refused(event("amend", {"changes": {"claim.text": ["列表"]}, "reason": "更正"}), registered())
    assert (error.code, error.params) == (
        "payload_invalid", {"action": "amend", "path": "changes.claim.text", "problem": "value_invalid"})


def test_an_action_that_is_not_text_is_refused_as_unknown():
    with pytest.raises(EventRefused) as caught:
        check_envelope(event(5, {}))  # type: ignore[arg-type]
    assert (caught.value.code, caught.value.params) == ("action_unknown", {"action": ""})


def test_an_accepted_event_keeps_its_complaint_and_its_china_date():
    fact = accept(event("note", {"text": "已电话联系"}, device_time="2026-11-26T17:30:00.000Z"))
    assert (fact.complaint_id, fact.on) == (STREAM, date(2026, 11, 27))  # 01:30 the next day in China


def test_an_events_own_fact_is_dated_in_china_too():
    fact = event("note", {"text": "已电话联系"}, device_time="2026-11-26T17:30:00.000Z").fact()
    assert (fact.complaint_id, fact.actor, fact.on) == (STREAM, event("note", {}).actor, date(2026, 11, 27))
