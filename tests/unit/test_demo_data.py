"""The synthetic complaint generator: valid intakes and payloads, a workflow that replays, determinism."""

from __future__ import annotations

import itertools
import random
from datetime import UTC, datetime

import pytest

from app.domain.clock import CHINA, china_date, iso_utc
from app.domain.facts import check_facts
from app.domain.identifiers import validate_citizen_id, validate_credit_code
from app.domain.intake import parse_intake
from app.domain.payloads import validate_payload
from app.domain.phones import parse_phone
from app.domain.regions import RegionRegistry
from app.domain.vocabulary import Action, State
from app.domain.workflow import RULES, Fact, apply, check
from app.services.demo_data import HANDLER, PREVIOUS, PlannedComplaint, plan_complaints

NOW = datetime(2026, 3, 18, 7, 25, tzinfo=UTC)  # a Wednesday afternoon in China
REGIONS = RegionRegistry.load_default()
ALL = ["532300", "532301", "532302", "532322", "532323", "532324", "532325", "532326", "532327", "532328", "532329"]


def _plan(seed: int = 20240509, count: int = 500, **kwargs) -> list[PlannedComplaint]:
    kwargs.setdefault("regions", ALL)
    return list(plan_complaints(random.Random(seed), count, now=kwargs.pop("now", NOW), **kwargs))


@pytest.fixture(scope="module")
def planned() -> list[PlannedComplaint]:
    return _plan()


def _substituted(payload: dict, ids: list[str]) -> dict:
    result = dict(payload)
    if result.get("duplicate_of") == PREVIOUS:
        result["duplicate_of"] = ids[-2]
    if result.get("assignee") == HANDLER:
        result["assignee"] = "user-handler"
    return result


def test_intakes_are_valid(planned):
    today = china_date(NOW)
    for complaint in planned:
        intake = parse_intake(complaint.intake, today=today)
        assert intake.received_on is not None and intake.received_on <= china_date(complaint.registered_at)
        assert complaint.region_code == intake.respondent.region_code
        assert complaint.region_code in ALL
        assert 60 <= len(intake.description) <= 250
        assert 60 <= len(intake.claim.text) <= 250
        assert intake.agreement.amount is not None and intake.claim.amount is not None


def test_codes_phones_and_ids_validate(planned):
    for complaint in planned:
        complainant, respondent = complaint.intake["complainant"], complaint.intake["respondent"]
        firm_code = validate_credit_code(complainant["credit_code"])
        assert firm_code[:2] in ("91", "93")
        assert validate_credit_code(respondent["credit_code"])[:2] in ("11", "12")
        assert validate_credit_code(respondent["competent_department_code"])[:2] == "11"
        assert respondent["credit_code"][2:8] in (complaint.region_code, "532300")
        parse_phone(complainant["phone"])
        if "contact_id_number" in complainant:
            validate_citizen_id(complainant["contact_id_number"], today=china_date(NOW))


def test_actions_replay_through_the_workflow(planned):
    ids: list[str] = []
    for number, complaint in enumerate(planned):
        complaint_id = f"c{number}"
        ids.append(complaint_id)
        register = {"case_no": f"{complaint.region_code}-2026-{number:04d}", "office_code": complaint.region_code,
                    "intake": complaint.intake}
        validate_payload(RULES[Action.REGISTER].payload, register, today=china_date(complaint.registered_at))
        check(None, Action.REGISTER, ["clerk"])
        state = apply(None, Fact(f"{complaint_id}-0", complaint_id, "register", register, "clerk",
                                 iso_utc(complaint.registered_at), china_date(complaint.registered_at)))
        previous = complaint.registered_at
        for index, planned_action in enumerate(complaint.actions, start=1):
            assert planned_action.at.tzinfo is not None
            assert previous < planned_action.at <= NOW
            previous = planned_action.at
            on = china_date(planned_action.at)
            rule = check(state, planned_action.action, [planned_action.actor_role])
            assert planned_action.actor_role in rule.roles
            payload = _substituted(planned_action.payload, ids)
            validate_payload(rule.payload, payload, today=on)
            check_facts(state, planned_action.action, payload, on, is_city=REGIONS.is_city)  # what the services check
            for key in ("confirmed_on", "fulfilled_on", "given_on", "rectified_on", "start_on"):
                assert payload.get(key, "") <= on.isoformat()
            if "department_code" in payload:
                validate_credit_code(payload["department_code"])
            if planned_action.action == Action.EXTEND:
                assert payload["new_due"] > on.isoformat()
            if planned_action.action == Action.CONCLUDE and payload.get("rectify_due"):
                assert payload["rectify_due"] >= on.isoformat()
            state = apply(state, Fact(f"{complaint_id}-{index}", complaint_id, planned_action.action, payload,
                                      planned_action.actor_role, iso_utc(planned_action.at), on))
            if planned_action.action == Action.AMEND:  # what the service checks: the amended intake stays valid
                parse_intake(state.intake, today=on)
        assert state.state.value == complaint.final_state


def test_extensions_move_the_deadline_later(planned):
    for complaint in planned:
        due = None
        for action in complaint.actions:
            if action.action == "forward":
                due = action.payload.get("due_on")
            elif action.action == "conclude":
                due = action.payload.get("rectify_due")
            elif action.action == "extend":
                assert due is None or action.payload["new_due"] > due
                due = action.payload["new_due"]


def test_merges_repeat_the_previous_complaint_while_it_is_open(planned):
    merges = 0
    for before, complaint in itertools.pairwise(planned):
        merge = next((a for a in complaint.actions if a.action == "merge"), None)
        if merge is None:
            continue
        merges += 1
        assert complaint.intake["complainant"] == before.intake["complainant"]
        assert complaint.intake["agreement"] == before.intake["agreement"]
        closing = next((a.at for a in before.actions if a.action in ("reject", "merge", "close")), None)
        assert closing is None or closing > merge.at
    assert merges > 0


def test_every_state_occurs_with_plausible_proportions(planned):
    states = [c.final_state for c in planned]
    assert set(states) == {s.value for s in State}
    assert 0.6 < states.count("closed") / len(states) < 0.92
    actions = {a.action for c in planned for a in c.actions}
    assert actions == {"reject", "merge", "forward", "redirect", "return", "conclude", "extend", "rectify", "refuse",
                       "sanction", "hold_accountable", "repair", "feedback", "close", "reopen", "note", "amend",
                       "assign", "mark_typical"}  # no attach, resolve
    reopened = [c for c in planned if any(a.action == "reopen" for a in c.actions)]
    assert reopened
    old = [c for c in planned if (NOW - c.registered_at).days > 365]
    recent = [c for c in planned if (NOW - c.registered_at).days < 30]
    assert sum(c.final_state == "closed" for c in old) / len(old) > 0.85
    assert sum(c.final_state == "closed" for c in recent) / len(recent) < 0.5


def test_registration_times_are_office_hours_over_the_period(planned):
    times = [c.registered_at for c in planned]
    assert times == sorted(times)
    assert all(t <= NOW for t in times)
    assert (NOW - times[0]).days > 600
    local = [t.astimezone(CHINA) for t in times]
    assert all((8, 30) <= (t.hour, t.minute) <= (17, 30) for t in local)
    assert sum(t.weekday() < 5 for t in local) / len(local) > 0.9
    last_year = sum((NOW - t).days < 365 for t in times)
    assert last_year > len(times) - last_year


def test_typical_cases_are_severe_breaches(planned):
    for complaint in planned:
        actions = [a.action for a in complaint.actions]
        if "mark_typical" in actions:
            assert "refuse" in actions[: actions.index("mark_typical")]


def test_actions_happen_in_office_hours_mostly(planned):
    local = [a.at.astimezone(CHINA) for c in planned for a in c.actions]
    in_hours = [t for t in local if (8, 30) <= (t.hour, t.minute) < (18, 0) and t.weekday() < 5]
    assert len(in_hours) / len(local) > 0.9


def test_same_seed_same_data_other_seed_other_data():
    assert _plan(7, 60) == _plan(7, 60)
    assert _plan(7, 60) != _plan(8, 60)


def test_a_single_county_scope():
    planned = _plan(3, 80, regions=["532322"], years_back=0.5)
    assert {c.region_code for c in planned} == {"532322"}
    assert all((NOW - c.registered_at).days <= 183 for c in planned)
    assert all(c.intake["respondent"]["name"].startswith("双柏县") for c in planned)


@pytest.mark.parametrize("now", [datetime(2026, 3, 15, 22, 0, tzinfo=UTC), datetime(2026, 3, 22, 23, 5, tzinfo=UTC)])
def test_awkward_now_and_a_short_period(now):  # Monday 06:00 and 07:05 in China: nobody at work yet
    planned = _plan(11, 40, now=now, years_back=0.02)
    assert all(c.registered_at <= now and all(a.at <= now for a in c.actions) for c in planned)
    assert not {c.final_state for c in planned} & {"breach_confirmed", "sanctioned", "repaired"}


def test_unknown_region_is_refused():
    with pytest.raises(ValueError):
        _plan(1, 1, regions=["110101"])
