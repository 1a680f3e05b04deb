"""Facts an action states, checked against the complaint (app.domain.facts), and the workflow paths the
plan implies: 改派, 退回, 重新核实 after reopening, 追究责任, sanctions that end."""

from __future__ import annotations

from datetime import date

import pytest

from app.domain.deadlines import DeadlineRules, DueKind, current_deadline
from app.domain.errors import ValidationFailed
from app.domain.facts import check_facts, date_bounds, refusal_bounds, reopen_target
from app.domain.sanctions import SanctionStatus, sanction_status
from app.domain.vocabulary import ReopenTarget
from app.domain.workdays import WorkCalendar
from app.domain.workflow import apply
from tests.unit.test_workflow import PATHS, PAYLOADS, A, S, fact, registered

CAL = WorkCalendar.load_default()
RULES = DeadlineRules()


def rectifying(due: str = "2027-01-29", concluded: date = date(2026, 11, 20)):
    c = apply(registered(), fact(A.FORWARD, PAYLOADS[A.FORWARD]))
    return apply(c, fact(A.CONCLUDE, {"finding": "substantiated", "explanation": "属实", "requirements": "支付",
                                      "rectify_due": due}, on=concluded))


def codes(c, action, payload, today, **extra) -> set[tuple[str, str]]:
    try:
        check_facts(c, action, payload, today, **extra)
    except ValidationFailed as failed:
        return {(e.field, e.code) for e in failed.errors}
    return set()


REFUSAL = {"confirmed_by": "双柏县人民政府", "facts": "未支付"}


def test_a_refusal_for_lateness_waits_for_the_rectification_deadline():
    c = rectifying(due="2027-01-29")
    early = {**REFUSAL, "confirmed_on": "2026-12-04"}
    assert codes(c, A.REFUSE, early, date(2026, 12, 4)) == {("ground", "refusal_before_deadline")}
    assert codes(c, A.REFUSE, early, date(2027, 1, 29)) == {("ground", "refusal_before_deadline")}  # due today
    late = {**REFUSAL, "confirmed_on": "2027-02-01"}
    assert codes(c, A.REFUSE, late, date(2027, 2, 1)) == set()
    on_due_day = {**REFUSAL, "confirmed_on": "2027-01-29"}  # recorded later, but dated on the last day
    assert codes(c, A.REFUSE, on_due_day, date(2027, 2, 1)) == {("confirmed_on", "date_before_record")}


def test_a_refusal_before_the_deadline_needs_the_recorded_refusal():
    c = rectifying(due="2027-01-29")
    written = {**REFUSAL, "confirmed_on": "2026-12-04", "ground": "refused",
               "ground_detail": "2026年12月1日复函明确表示不予支付"}
    assert codes(c, A.REFUSE, written, date(2026, 12, 4)) == set()


def test_a_confirmation_cannot_predate_the_conclusion():
    c = rectifying(due="2026-11-25", concluded=date(2026, 11, 20))
    old = {**REFUSAL, "confirmed_on": "2020-01-01", "ground": "refused", "ground_detail": "来函拒绝"}
    assert codes(c, A.REFUSE, old, date(2026, 12, 4)) == {("confirmed_on", "date_before_record")}
    assert refusal_bounds(c, "overdue", date(2026, 12, 4)).earliest == date(2026, 11, 26)
    assert date_bounds(c, A.REFUSE, date(2026, 12, 4))["confirmed_on"].earliest == date(2026, 11, 20)


def breached(confirmed_on: str = "2026-12-01"):
    c = rectifying(due="2026-11-25")
    return apply(c, fact(A.REFUSE, {**REFUSAL, "confirmed_on": confirmed_on}, on=date(2026, 12, 1)))


def test_sanctions_repair_and_accountability_follow_the_confirmation():
    c = breached("2026-12-01")
    today = date(2026, 12, 4)
    before = {"measures": ["public_criticism"], "imposed_by": "双柏县发展和改革局", "start_on": "2026-11-30"}
    assert codes(c, A.SANCTION, before, today) == {("start_on", "date_before_record")}
    assert codes(c, A.REPAIR, {"evidence": "已付", "fulfilled_on": "2026-11-30"}, today) == {
        ("fulfilled_on", "date_before_record")}
    assert codes(c, A.REPAIR, {"evidence": "已付", "fulfilled_on": "2026-12-05"}, today) == {
        ("fulfilled_on", "date_after_record")}
    person = {"name": "李明", "position": "副局长", "responsibility": "main", "outcome": "诫勉谈话"}
    assert codes(c, A.HOLD_ACCOUNTABLE, {"persons": [person], "decided_by": "县纪委监委",
                                         "decided_on": "2026-11-01"}, today) == {("decided_on", "date_before_record")}


def test_accountability_is_not_a_credit_measure_and_the_title_measure_is_for_cities():
    c = breached()
    today = date(2026, 12, 4)
    old_style = {"measures": ["hold_accountable"], "imposed_by": "县发改局", "start_on": "2026-12-02"}
    assert codes(c, A.SANCTION, old_style, today) == {("measures", "measure_is_accountability")}
    title = {"measures": ["cancel_demonstration_title"], "imposed_by": "云南省发展和改革委员会", "start_on": "2026-12-02"}
    assert codes(c, A.SANCTION, title, today, is_city=lambda code: False) == {("measures", "measure_cities_only")}
    assert codes(c, A.SANCTION, title, today, is_city=lambda code: True) == set()


def test_an_end_date_ends_a_measure_and_a_repair_does_not_relabel_it():
    c = breached()
    c = apply(c, fact(A.SANCTION, {"measures": ["public_criticism"], "other_measures": ["暂停新增合作项目"],
                                   "imposed_by": "双柏县发展和改革局", "start_on": "2026-12-02",
                                   "end_on": "2026-12-31"}, on=date(2026, 12, 2)))
    c = apply(c, fact(A.SANCTION, {"measures": ["restrict_procurement"], "imposed_by": "楚雄州财政局",
                                   "start_on": "2026-12-02"}, on=date(2026, 12, 2)))
    first, second = c.sanctions
    assert first["other_measures"] == ["暂停新增合作项目"]
    assert sanction_status(first, date(2026, 12, 31)) == SanctionStatus.IN_FORCE
    assert sanction_status(first, date(2027, 1, 1)) == SanctionStatus.EXPIRED
    c = apply(c, fact(A.REPAIR, {"evidence": "已付清", "fulfilled_on": "2027-01-05"}, on=date(2027, 1, 6)))
    first, second = c.sanctions
    assert first["lifted_on"] is None and sanction_status(first, date(2027, 1, 6)) == SanctionStatus.EXPIRED
    assert second["lifted_on"] == "2027-01-06" and sanction_status(second, date(2027, 1, 6)) == SanctionStatus.LIFTED


def test_accountability_is_recorded_with_persons_and_keeps_the_state():
    c = breached()
    person = {"name": "李明", "position": "副局长", "responsibility": "main", "outcome": "诫勉谈话"}
    after = apply(c, fact(A.HOLD_ACCOUNTABLE, {"persons": [person], "decided_by": "中共双柏县纪律检查委员会",
                                               "decided_on": "2026-12-03"}))
    assert after.state == S.BREACH_CONFIRMED
    assert after.accountability[0]["persons"] == [person]


def test_redirect_moves_the_department_and_restarts_the_conclusion_clock():
    c = apply(registered(), fact(A.FORWARD, PAYLOADS[A.FORWARD], on=date(2026, 11, 20)))
    c = apply(c, fact(A.REDIRECT, {"department": "双柏县住房和城乡建设局", "reason": "项目由住建局负责"},
                      on=date(2026, 11, 27)))
    assert c.department == "双柏县住房和城乡建设局"
    assert c.redirects[0]["from_department"] == "双柏县人民政府"
    deadline = current_deadline(c, CAL, RULES)
    assert (deadline.kind, deadline.due_on) == (DueKind.CONCLUDE, CAL.add_working_days(date(2026, 11, 27), 15))
    same = {"department": "双柏县住房和城乡建设局", "reason": "再次改派"}
    assert codes(c, A.REDIRECT, same, date(2026, 11, 28)) == {("department", "redirect_same_department")}


def test_return_sends_it_back_to_registration():
    c = apply(registered(), fact(A.FORWARD, PAYLOADS[A.FORWARD]))
    c = apply(c, fact(A.RETURN, {"reason": "不属本部门职责"}, on=date(2026, 11, 24)))
    assert (c.state, c.department) == (S.REGISTERED, None)
    assert c.returns[0]["department"] == "双柏县人民政府"


def closed_from(state):
    c = registered()
    for action, payload in PATHS[state]:
        c = apply(c, fact(action, payload))
    c = apply(c, fact(A.FEEDBACK, PAYLOADS[A.FEEDBACK]))
    return apply(c, fact(A.CLOSE, PAYLOADS[A.CLOSE]))


@pytest.mark.parametrize(("state", "target", "after"), [
    (S.UNSUBSTANTIATED, ReopenTarget.VERIFICATION, S.FORWARDED),
    (S.DISPUTED, ReopenTarget.VERIFICATION, S.FORWARDED),
    (S.RECTIFIED, ReopenTarget.VERIFICATION, S.FORWARDED),
    (S.SANCTIONED, ReopenTarget.RESUME, S.SANCTIONED),
    (S.REPAIRED, ReopenTarget.RESUME, S.REPAIRED),
])
def test_reopening_a_concluded_case_goes_back_to_verification(state, target, after):
    c = closed_from(state)
    assert reopen_target(c) == target
    reopened = apply(c, fact(A.REOPEN, {"reason": "投诉人提出新证据", "back_to": target.value},
                             on=date(2026, 12, 7)))
    assert reopened.state == after
    if after == S.FORWARDED:
        deadline = current_deadline(reopened, CAL, RULES)
        assert (deadline.kind, deadline.due_on) == (DueKind.CONCLUDE, CAL.add_working_days(date(2026, 12, 7), 15))


def test_reopening_a_rejection_goes_back_to_registration_with_a_fresh_forward_clock():
    c = apply(registered(), fact(A.REJECT, PAYLOADS[A.REJECT]))
    assert reopen_target(c) == ReopenTarget.REGISTRATION
    reopened = apply(c, fact(A.REOPEN, {"reason": "补充了材料", "back_to": "registered"}, on=date(2026, 12, 7)))
    assert reopened.state == S.REGISTERED
    assert current_deadline(reopened, CAL, RULES).due_on == date(2026, 12, 8)


def test_an_old_reopen_without_a_target_still_returns_to_the_state_before_closing():
    c = closed_from(S.UNSUBSTANTIATED)
    assert apply(c, fact(A.REOPEN, {"reason": "旧版本的重新办理"})).state == S.UNSUBSTANTIATED


def test_feedback_cannot_predate_the_outcome():
    c = breached("2026-12-01")
    given = {"method": "letter", "summary": "已告知认定结果", "given_on": "2026-11-30"}
    assert codes(c, A.FEEDBACK, given, date(2026, 12, 4)) == {("given_on", "date_before_record")}
