"""Reminders 催办/督办 without a database: when each kind is offered, what it says, and whether a recorded
one is accepted by ``validate_event`` (the check of the services, the hub and every device's fold)."""

from __future__ import annotations

from datetime import date

import pytest

from app.documents.reminder_context import ReminderFacts, reminder_values, round_words, self_reference
from app.domain.complaint import Complaint
from app.domain.deadlines import DeadlineRules, DueKind
from app.domain.event_rules import EventRefused, validate_event
from app.domain.events import Event
from app.domain.reminders import (
    SUPERVISION_NOTICE,
    URGE_LETTER,
    OverdueStep,
    ReminderRefused,
    availability,
    earlier,
    overdue_step,
)
from app.domain.vocabulary import State
from app.domain.workdays import WorkCalendar
from app.messages import describe
from tests import factories

CAL = WorkCalendar.load_default()
RULES = DeadlineRules()
COUNTY, PREFECTURE, OTHER_COUNTY = "532322", "532300", "532323"
FORWARDED_ON = date(2026, 11, 3)  # conclusion due 15 working days later: 2026-11-24
CONCLUDE_DUE = date(2026, 11, 24)


def complaint(state: State = State.FORWARDED, **facts) -> Complaint:
    c = Complaint(id="01a2f000-0000-7000-8000-000000000001", case_no="532322-2026-0007", office_code=COUNTY,
                  region_code=COUNTY, state=state, intake=factories.intake(), registered_at="2026-11-02T04:00:00Z",
                  registered_on=date(2026, 11, 2), registered_by="u1", received_on=date(2026, 11, 2),
                  state_entered_on=FORWARDED_ON, department="双柏县农业农村局", head="01a2f000-0000-7000-8000-0000000000e0")
    for key, value in facts.items():
        setattr(c, key, value)
    return c


def rectifying(**facts) -> Complaint:
    return complaint(State.RECTIFYING, rectify_due=date(2026, 12, 11), state_entered_on=date(2026, 11, 13),
                     finding={"finding": "substantiated", "on": "2026-11-13", "requirements": "兑现"}, **facts)


# ---- when a reminder is offered ---------------------------------------------------------------------------

def test_the_conclusion_is_overdue_only_after_its_due_date_counted_in_working_days():
    assert overdue_step(complaint(), CONCLUDE_DUE, CAL, RULES) is None
    step = overdue_step(complaint(), date(2026, 11, 25), CAL, RULES)
    assert (step.step, step.due_on, step.working_days_over) == (DueKind.CONCLUDE, CONCLUDE_DUE, 1)
    assert overdue_step(complaint(), date(2026, 12, 3), CAL, RULES).working_days_over == 7


def test_a_weekend_after_the_due_date_is_overdue_by_no_working_day():
    friday = date(2026, 12, 11)
    step = overdue_step(rectifying(), date(2026, 12, 13), CAL, RULES)
    assert (step.due_on, step.working_days_over) == (friday, 0)


@pytest.mark.parametrize(("kind", "office", "code"), [
    (URGE_LETTER, OTHER_COUNTY, "reminder_not_handling_office"),
    (SUPERVISION_NOTICE, COUNTY, "supervision_prefecture_only"),  # a county office never sends a 督办通知
    (SUPERVISION_NOTICE, "532600", "supervision_not_below"),  # another prefecture
])
def test_only_the_right_office_may_remind(kind, office, code):
    with pytest.raises(ReminderRefused) as caught:
        availability(kind, complaint(), office, date(2026, 11, 30), CAL, RULES)
    assert caught.value.code == code


def test_the_handling_office_urges_and_the_prefecture_supervises_an_overdue_conclusion():
    today = date(2026, 11, 30)
    assert availability(URGE_LETTER, complaint(), COUNTY, today, CAL, RULES).step == DueKind.CONCLUDE
    assert availability(SUPERVISION_NOTICE, complaint(), PREFECTURE, today, CAL, RULES).step == DueKind.CONCLUDE


@pytest.mark.parametrize(("c", "today"), [
    (complaint(), date(2026, 11, 20)),  # not yet due
    (complaint(State.REGISTERED, state_entered_on=None), date(2026, 12, 30)),  # forwarding is the office's own
    (rectifying(), date(2026, 12, 11)),  # due today
    (complaint(State.CLOSED), date(2027, 3, 1)),
])
def test_nothing_is_offered_for_a_step_that_is_not_overdue(c, today):
    for kind, office in ((URGE_LETTER, COUNTY), (SUPERVISION_NOTICE, PREFECTURE)):
        with pytest.raises(ReminderRefused) as caught:
            availability(kind, c, office, today, CAL, RULES)
        assert caught.value.code == "reminder_not_overdue"
        assert f"案件 {c.case_no} 目前没有超期未办" in describe(caught.value)  # the batch lists it by case


def test_overdue_feedback_is_supervised_by_the_prefecture_but_never_urged_by_the_office_that_owes_it():
    c = complaint(State.UNSUBSTANTIATED, state_entered_on=date(2026, 11, 13))
    today = date(2026, 12, 1)
    assert availability(SUPERVISION_NOTICE, c, PREFECTURE, today, CAL, RULES).step == DueKind.FEEDBACK
    with pytest.raises(ReminderRefused):
        availability(URGE_LETTER, c, COUNTY, today, CAL, RULES)


def test_earlier_reminders_count_only_for_the_same_kind_step_and_stage():
    stages = [["forward", "2026-11-02", "2026-11-02", None, "2026-11-03", "forwarded"],
              ["conclude", "2026-11-03", "2026-11-03", None, None, None]]
    docs = [{"kind": URGE_LETTER, "step": "conclude", "on": "2026-11-26", "number": "双发改函〔2026〕1号"},
            {"kind": SUPERVISION_NOTICE, "step": "conclude", "on": "2026-11-27", "number": "楚发改督〔2026〕1号"},
            {"kind": URGE_LETTER, "step": "conclude", "on": "2026-11-01", "number": "双发改函〔2025〕9号"},
            {"kind": "forward_letter", "on": "2026-11-03", "number": "双发改函〔2026〕0号"}]
    c = complaint(milestones={"stages": stages}, documents=docs)
    assert [d["number"] for d in earlier(c, URGE_LETTER, "conclude")] == ["双发改函〔2026〕1号"]
    assert earlier(c, URGE_LETTER, "rectify") == []


# ---- what it says -----------------------------------------------------------------------------------------

def values(c: Complaint, step: OverdueStep, kind: str = URGE_LETTER, prior=(), issuer="双柏县发展和改革局"):
    return reminder_values(c, ReminderFacts(kind, step, COUNTY, date(2026, 12, 10), "双柏县农业农村局", "", prior),
                           issuer)


def test_the_wording_says_the_step_the_due_date_and_the_working_days_over():
    v = values(complaint(), OverdueStep(DueKind.CONCLUDE, CONCLUDE_DUE, 7, False))
    assert (v["step_label"], v["due_date"], v["overdue_phrase"]) == ("核实认定", "2026年11月24日", "已超过期限7个工作日")
    assert (v["round_words"], v["earlier_reminders"], v["reply_due_date"]) == ("", "", "2026年12月10日")
    assert v["step_conclude"] and not v["step_rectify"]
    assert v["copy_department"] == ""  # the department is the recipient itself


def test_no_count_of_working_days_is_printed_when_none_have_passed():
    v = values(rectifying(), OverdueStep(DueKind.RECTIFY, date(2026, 12, 11), 0, False))
    assert v["overdue_phrase"] == "已超过期限"


def test_a_second_reminder_says_so_and_names_the_first():
    prior = ({"on": "2026-11-26", "number": "双发改函〔2026〕1号"},)
    v = values(complaint(), OverdueStep(DueKind.CONCLUDE, CONCLUDE_DUE, 7, False), prior=prior)
    assert v["round_words"] == "第二次"
    assert v["earlier_reminders"] == "本局已于2026年11月26日（双发改函〔2026〕1号）催办，现第二次催办。"
    s = values(complaint(), OverdueStep(DueKind.CONCLUDE, CONCLUDE_DUE, 7, False), kind=SUPERVISION_NOTICE,
               prior=prior, issuer="楚雄州发展和改革委员会")
    assert s["earlier_reminders"].startswith("本委已于") and s["earlier_reminders"].endswith("现第二次督办。")
    assert (round_words(3), round_words(12), self_reference("某某中心")) == ("第三次", "第12次", "本单位")


# ---- acceptance -------------------------------------------------------------------------------------------

def reminder_event(kind: str, *, step: str = "conclude", due: str = "2026-11-24", office: str = COUNTY,
                   when: str = "2026-11-30T03:00:00.000Z") -> Event:
    snapshot = {"reminder_step": step, "reminder_due_on": due, "reminder_round": "1", "office_region": office,
                "case_no": "532322-2026-0007"}
    payload = {"kind": kind, "number": "双发改函〔2026〕5号", "template_version": 1, "snapshot": snapshot,
               "sha256": "a" * 64, "pages": 1}
    return Event(id="01a2f000-0000-7000-8000-00000000e009", stream="01a2f000-0000-7000-8000-000000000001",
                 action="issue_document", payload=payload, actor="01a2f000-0000-7000-8000-0000000000aa",
                 device_id="dev", device_seq=2, device_time=when, base=None, prev_hash="0" * 64)


def refusal(e: Event, c: Complaint) -> str:
    with pytest.raises(EventRefused) as caught:
        validate_event(e, c)
    return caught.value.code


def test_a_true_reminder_is_accepted():
    assert validate_event(reminder_event(URGE_LETTER), complaint()).payload["kind"] == URGE_LETTER
    assert validate_event(reminder_event(SUPERVISION_NOTICE, office=PREFECTURE), complaint()).action == "issue_document"


def test_a_supervision_notice_from_a_county_office_is_refused():
    assert refusal(reminder_event(SUPERVISION_NOTICE, office=COUNTY), complaint()) == "supervision_prefecture_only"


@pytest.mark.parametrize(("event", "c", "code"), [
    (reminder_event(URGE_LETTER, when="2026-11-24T03:00:00.000Z"), complaint(), "reminder_not_overdue"),  # due day
    (reminder_event(URGE_LETTER), rectifying(), "reminder_not_overdue"),  # the conclusion is done
    (reminder_event(URGE_LETTER, step="rectify", due="2026-11-20"), rectifying(), "reminder_due_mismatch"),
    (reminder_event(URGE_LETTER, step="feedback"), complaint(State.UNSUBSTANTIATED), "reminder_record_invalid"),
    (reminder_event(URGE_LETTER, office=OTHER_COUNTY), complaint(), "reminder_not_handling_office"),
])
def test_a_reminder_for_a_step_not_overdue_on_its_date_is_refused(event, c, code):
    assert refusal(event, c) == code


def test_a_due_date_before_the_step_began_is_refused():
    stages = [["conclude", "2026-11-03", "2026-11-03", None, None, None]]
    c = complaint(milestones={"stages": stages})
    assert refusal(reminder_event(URGE_LETTER, due="2026-11-02"), c) == "reminder_due_mismatch"
    assert validate_event(reminder_event(URGE_LETTER, due="2026-11-24"), c)


def test_a_reminder_names_its_issuer_as_the_issuer_names_itself():
    from pathlib import Path

    from app.documents.reminder_context import self_reference

    assert self_reference("楚雄州发展和改革委员会") == "本委"
    assert self_reference("双柏县发展和改革局") == "本局"
    assert self_reference("某某中心") == "本单位"
    templates = Path(__file__).resolve().parents[2] / "resources" / "templates"
    for name in ("urge_letter", "urge_letter.letter", "supervision_notice", "supervision_notice.office"):
        text = (templates / f"{name}.toml").read_text(encoding="utf-8")
        assert "本局" not in text and "本委" not in text, name  # always {self_ref}: the prefecture is a 委


def test_the_office_handling_its_own_cases_is_named_as_it_is():
    from types import SimpleNamespace

    from app.services.reminder_facts import handling_office_name

    profile = SimpleNamespace(office=SimpleNamespace(region_code="532300", name="楚雄州发展和改革委员会"))
    assert handling_office_name(profile, SimpleNamespace(office_code="532300")) == "楚雄州发展和改革委员会"
