"""What a date an action states is checked against, as the officer reads it (found by mutation testing,
issue 17): a refused date says the earliest or latest day allowed and why (今天, 确认违约失信之日, …),
the window's message is built from these values; a refusal for lateness names the deadline it waits for;
a reopening names where it must lead; a city-only measure is allowed for a city's body."""

from __future__ import annotations

from datetime import date

from app.domain.errors import ValidationFailed
from app.domain.facts import check_facts
from tests.unit.test_facts import REFUSAL, rectifying
from tests.unit.test_workflow import PAYLOADS, A, S, in_state

DAY = date(2026, 12, 4)


def _errors(c, action, payload, today=DAY, **extra) -> list[tuple]:
    try:
        check_facts(c, action, payload, today, **extra)
    except ValidationFailed as failed:
        return [(e.field, e.code, e.params) for e in failed.errors]
    return []


def test_a_date_before_today_names_today_as_the_earliest():
    forwarded = in_state(S.FORWARDED)
    assert _errors(in_state(S.REGISTERED), A.FORWARD, {**PAYLOADS[A.FORWARD], "due_on": "2026-12-03"}) == [
        ("due_on", "date_before_record", {"earliest": "2026-12-04", "what": "今天"})]
    conclude = {"finding": "substantiated", "explanation": "属实", "requirements": "支付", "rectify_due": "2026-12-04"}
    assert _errors(forwarded, A.CONCLUDE, conclude) == [
        ("rectify_due", "date_before_record", {"earliest": "2026-12-05", "what": "今天"})]


def test_a_date_after_today_names_today_as_the_latest():
    confirmed = in_state(S.BREACH_CONFIRMED)
    assert _errors(confirmed, A.REPAIR, {**PAYLOADS[A.REPAIR], "fulfilled_on": "2026-12-05"}) == [
        ("fulfilled_on", "date_after_record", {"latest": "2026-12-04", "what": "今天"})]
    answered = in_state(S.RECTIFIED)
    assert _errors(answered, A.FEEDBACK, {**PAYLOADS[A.FEEDBACK], "given_on": "2026-12-05"}) == [
        ("given_on", "date_after_record", {"latest": "2026-12-04", "what": "今天"})]
    c = rectifying(due="2026-11-25")
    refused = {**REFUSAL, "ground": "refused", "ground_detail": "来函拒绝", "confirmed_on": "2026-12-05"}
    assert _errors(c, A.REFUSE, refused) == [
        ("confirmed_on", "date_after_record", {"latest": "2026-12-04", "what": "今天"})]


def test_a_refusal_for_lateness_names_the_deadline_and_the_day_after_it():
    c = rectifying(due="2027-01-29")
    assert _errors(c, A.REFUSE, {**REFUSAL, "confirmed_on": "2026-12-04"}) == [
        ("ground", "refusal_before_deadline", {"due_on": "2027-01-29"})]
    assert _errors(c, A.REFUSE, {**REFUSAL, "confirmed_on": "2027-01-29"}, today=date(2027, 2, 1)) == [
        ("confirmed_on", "date_before_record", {"earliest": "2027-01-30", "what": "逾期未整改须在整改期限届满之后"})]


def test_a_reopening_to_the_wrong_place_names_the_right_one():
    closed = in_state(S.CLOSED)
    assert _errors(closed, A.REOPEN, {**PAYLOADS[A.REOPEN], "back_to": "registration"}) == [
        ("back_to", "reopen_target_invalid", {"expected": "forwarded"})]


def test_a_city_only_measure_is_allowed_for_a_citys_body():
    confirmed = in_state(S.BREACH_CONFIRMED)
    payload = {**PAYLOADS[A.SANCTION], "measures": ["cancel_demonstration_title"]}
    assert _errors(confirmed, A.SANCTION, payload, is_city=lambda region: region == "532322") == []
    assert _errors(confirmed, A.SANCTION, payload, is_city=lambda region: False) == [
        ("measures", "measure_cities_only", {})]
