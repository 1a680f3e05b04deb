"""Deadlines in working days (DESIGN §3) around the 2026 holidays, and the missing-year fallback."""

from __future__ import annotations

from datetime import date

import pytest

from app.domain.deadlines import DeadlineRules, DueKind, current_deadline, deadline_status, registration_lag
from app.domain.errors import DomainError
from app.domain.workdays import WorkCalendar
from app.domain.workflow import apply
from tests.unit.test_workflow import PAYLOADS, A, fact, registered

CAL = WorkCalendar.load_default()
RULES = DeadlineRules()


def test_forward_is_due_one_working_day_after_receipt():
    complaint = registered()  # received and registered 2026-11-20, a Friday
    deadline = current_deadline(complaint, CAL, RULES)
    assert deadline.kind == DueKind.FORWARD
    assert deadline.due_on == date(2026, 11, 23)  # the next Monday


def test_forward_deadline_counts_from_receipt_not_registration():
    complaint = registered()
    complaint.received_on = date(2026, 11, 13)  # a Friday, a week before it was registered
    deadline = current_deadline(complaint, CAL, RULES)
    assert deadline.due_on == date(2026, 11, 16)
    assert deadline_status(deadline, date(2026, 11, 20), CAL).overdue
    assert registration_lag(complaint, CAL) == 5


def test_a_returned_complaint_counts_its_forward_deadline_from_the_return():
    complaint = registered()
    complaint.received_on = date(2026, 11, 13)
    complaint = apply(complaint, fact(A.FORWARD, PAYLOADS[A.FORWARD], on=date(2026, 11, 20)))
    complaint = apply(complaint, fact(A.RETURN, {"reason": "不属本部门职责"}, on=date(2026, 11, 25)))
    deadline = current_deadline(complaint, CAL, RULES)
    assert (deadline.kind, deadline.due_on) == (DueKind.FORWARD, date(2026, 11, 26))


def test_conclusion_due_fifteen_working_days_after_forwarding_across_national_day():
    complaint = registered()
    complaint = apply(complaint, fact(A.FORWARD, PAYLOADS[A.FORWARD], on=date(2026, 9, 18)))
    deadline = current_deadline(complaint, CAL, RULES)
    # Sep 20 (Sun) and Oct 10 (Sat) are worked; Sep 25-27 and Oct 1-7 are holidays.
    assert deadline == deadline.__class__(DueKind.CONCLUDE, date(2026, 10, 15))


def test_feedback_due_five_working_days_after_conclusion_across_spring_festival():
    complaint = registered()
    complaint = apply(complaint, fact(A.FORWARD, PAYLOADS[A.FORWARD], on=date(2026, 2, 10)))
    complaint = apply(complaint, fact(A.CONCLUDE, {"finding": "unsubstantiated", "explanation": "不属实"},
                                      on=date(2026, 2, 13)))
    deadline = current_deadline(complaint, CAL, RULES)
    assert (deadline.kind, deadline.due_on) == (DueKind.FEEDBACK, date(2026, 2, 27))
    complaint = apply(complaint, fact(A.FEEDBACK, PAYLOADS[A.FEEDBACK]))
    assert current_deadline(complaint, CAL, RULES) is None  # feedback given: waiting only for close


def test_rectification_due_date_is_set_per_case_and_extension_moves_it():
    complaint = registered()
    complaint = apply(complaint, fact(A.FORWARD, PAYLOADS[A.FORWARD]))
    complaint = apply(complaint, fact(A.CONCLUDE, {"finding": "substantiated", "explanation": "属实",
                                                   "requirements": "支付", "rectify_due": "2026-12-31"}))
    assert current_deadline(complaint, CAL, RULES).due_on == date(2026, 12, 31)
    complaint = apply(complaint, fact(A.EXTEND, {"new_due": "2027-01-29", "reason": "资金调度"}))
    deadline = current_deadline(complaint, CAL, RULES)
    assert deadline.due_on == date(2027, 1, 29) and deadline.extended


def test_extension_of_the_conclusion_deadline():
    complaint = apply(registered(), fact(A.FORWARD, PAYLOADS[A.FORWARD]))
    complaint = apply(complaint, fact(A.EXTEND, {"new_due": "2027-01-15", "reason": "涉及多个部门"}))
    assert current_deadline(complaint, CAL, RULES).due_on == date(2027, 1, 15)


def test_no_deadline_while_waiting_for_fulfilment_or_when_closed():
    complaint = registered()
    for action, payload in [
        (A.FORWARD, PAYLOADS[A.FORWARD]),
        (A.CONCLUDE, {"finding": "substantiated", "explanation": "属实", "requirements": "支付",
                      "rectify_due": "2026-12-31"}),
        (A.REFUSE, PAYLOADS[A.REFUSE]),
    ]:
        complaint = apply(complaint, fact(action, payload))
    deadline = current_deadline(complaint, CAL, RULES)  # a confirmed breach: the complainant is told
    assert (deadline.kind, deadline.due_on) == (DueKind.FEEDBACK, date(2026, 11, 27))
    complaint = apply(complaint, fact(A.FEEDBACK, PAYLOADS[A.FEEDBACK]))
    assert current_deadline(complaint, CAL, RULES) is None  # now waiting for fulfilment and repair


def test_status_counts_working_days_and_flags_overdue_and_due_soon():
    due = date(2026, 2, 27)
    status = deadline_status(_deadline(due), date(2026, 2, 13), CAL)
    assert (status.working_days_left, status.overdue, status.due_soon) == (5, False, False)
    assert deadline_status(_deadline(due), date(2026, 2, 26), CAL).due_soon
    late = deadline_status(_deadline(due), date(2026, 3, 3), CAL)
    assert late.overdue and late.working_days_left == -3  # Sat Feb 28 was a make-up working day


def test_missing_year_falls_back_to_weekends_and_says_so():
    status = deadline_status(_deadline(date(2027, 2, 10)), date(2027, 1, 27), CAL)
    assert status.fallback_years == (2027,)
    assert status.working_days_left == 10  # weekends only: two full weeks


def test_rules_are_editable_and_validated():
    rules = DeadlineRules.from_dict({"conclude_days": 10, "unknown": 3})
    assert rules.conclude_days == 10 and rules.forward_days == 1
    import pytest

    from app.domain.errors import DomainError

    with pytest.raises(DomainError, match="deadline_rule_invalid"):
        DeadlineRules(feedback_days=-1)


def _deadline(due):
    from app.domain.deadlines import Deadline

    return Deadline(DueKind.FEEDBACK, due)


def test_a_breach_reopened_after_closing_owes_feedback_from_the_reopening():
    """A confirmed breach that was closed and reopened (back where it stood) owes the complainant feedback
    again: counted from the reopening, not from the confirmation months before (as the reports count it)."""
    complaint = registered()
    complaint = apply(complaint, fact(A.FORWARD, PAYLOADS[A.FORWARD], on=date(2026, 3, 2)))
    complaint = apply(complaint, fact(A.CONCLUDE, {"finding": "substantiated", "explanation": "属实",
                                                   "requirements": "支付", "rectify_due": "2026-04-01"},
                                      on=date(2026, 3, 10)))
    complaint = apply(complaint, fact(A.REFUSE, {"confirmed_by": "双柏县人民政府", "confirmed_on": "2026-04-08",
                                                 "facts": "逾期未支付"}, on=date(2026, 4, 8)))
    deadline = current_deadline(complaint, CAL, RULES)
    assert (deadline.kind, deadline.due_on) == (DueKind.FEEDBACK, date(2026, 4, 15))
    complaint = apply(complaint, fact(A.FEEDBACK, PAYLOADS[A.FEEDBACK], on=date(2026, 4, 10)))
    complaint = apply(complaint, fact(A.CLOSE, {"summary": "办结"}, on=date(2026, 4, 13)))
    complaint = apply(complaint, fact(A.REOPEN, {"reason": "投诉人反映仍未支付", "back_to": "resume"},
                                      on=date(2026, 11, 2)))
    deadline = current_deadline(complaint, CAL, RULES)
    assert complaint.state.value == "breach_confirmed"
    assert (deadline.kind, deadline.due_on) == (DueKind.FEEDBACK, date(2026, 11, 9))


@pytest.mark.parametrize("value", [True, 1.5, "15天", "²", None, -1, 121])
def test_a_rule_that_is_not_a_whole_number_of_days_is_refused_with_its_name(value):
    with pytest.raises(DomainError) as refused:
        DeadlineRules.from_dict({"forward_days": value})
    assert refused.value.code == "deadline_rule_invalid" and refused.value.params["rule"] == "forward_days"
    with pytest.raises(DomainError):
        DeadlineRules(forward_days=value)


def test_a_stored_rule_written_as_digits_is_read():
    assert DeadlineRules.from_dict({"conclude_days": "10", "feedback_days": 0}) == DeadlineRules(conclude_days=10,
                                                                                                 feedback_days=0)


def test_a_deadline_due_today_is_due_soon_not_overdue_and_overdue_the_next_day():
    due = date(2026, 3, 4)  # a Wednesday
    today = deadline_status(_deadline(due), due, CAL)
    assert (today.working_days_left, today.overdue, today.due_soon) == (0, False, True)
    tomorrow = deadline_status(_deadline(due), date(2026, 3, 5), CAL)
    assert (tomorrow.working_days_left, tomorrow.overdue, tomorrow.due_soon) == (-1, True, False)


def test_due_soon_starts_two_working_days_ahead_counting_over_a_weekend():
    due = date(2026, 3, 9)  # a Monday: Wednesday is three working days ahead, Thursday two
    wednesday = deadline_status(_deadline(due), date(2026, 3, 4), CAL)
    assert (wednesday.working_days_left, wednesday.due_soon) == (3, False)
    thursday = deadline_status(_deadline(due), date(2026, 3, 5), CAL)
    assert (thursday.working_days_left, thursday.due_soon, thursday.overdue) == (2, True, False)


def test_no_fallback_years_inside_the_published_calendar():
    status = deadline_status(_deadline(date(2026, 12, 31)), date(2026, 1, 5), CAL)
    assert status.fallback_years == ()
    assert deadline_status(_deadline(date(2026, 12, 31)), date(2028, 1, 5), CAL).fallback_years == (2027, 2028)


def test_each_rule_takes_zero_to_120_working_days_and_says_which_is_wrong():
    import pytest

    from app.domain.errors import DomainError

    edge = DeadlineRules(forward_days=0, conclude_days=120, feedback_days=120)
    assert edge.to_dict() == {"forward_days": 0, "conclude_days": 120, "feedback_days": 120}
    assert DeadlineRules.from_dict(edge.to_dict()) == edge
    assert DeadlineRules.from_dict({"forward_days": "3"}).forward_days == 3  # stored settings are text
    for bad in ({"conclude_days": 121}, {"forward_days": -1}, {"feedback_days": 5.0}, {"conclude_days": "15"}):
        with pytest.raises(DomainError) as info:
            DeadlineRules(**bad)
        name, value = next(iter(bad.items()))
        assert (info.value.code, info.value.params) == ("deadline_rule_invalid", {"rule": name, "value": value})


def test_each_deadline_names_its_kind_and_whether_it_was_extended():
    forwarded = apply(registered(), fact(A.FORWARD, {**PAYLOADS[A.FORWARD], "due_on": "2026-12-10"}))
    assert current_deadline(forwarded, CAL, RULES) == _make(DueKind.CONCLUDE, date(2026, 12, 10), False)
    extended = apply(forwarded, fact(A.EXTEND, {"new_due": "2027-01-15", "reason": "涉及多个部门"}))
    assert current_deadline(extended, CAL, RULES) == _make(DueKind.CONCLUDE, date(2027, 1, 15), True)
    rectifying = apply(forwarded, fact(A.CONCLUDE, {"finding": "substantiated", "explanation": "属实",
                                                    "requirements": "支付", "rectify_due": "2026-12-31"}))
    assert current_deadline(rectifying, CAL, RULES) == _make(DueKind.RECTIFY, date(2026, 12, 31), False)
    status = deadline_status(_make(DueKind.RECTIFY, date(2026, 12, 31), True), date(2026, 12, 1), CAL)
    assert (status.kind, status.due_on, status.extended) == (DueKind.RECTIFY, date(2026, 12, 31), True)


def _make(kind, due, extended):
    from app.domain.deadlines import Deadline

    return Deadline(kind, due, extended)


def test_feedback_after_a_breach_counts_from_the_confirmation_not_the_sanction():
    complaint = apply(registered(), fact(A.FORWARD, PAYLOADS[A.FORWARD]))
    complaint = apply(complaint, fact(A.CONCLUDE, {"finding": "substantiated", "explanation": "属实",
                                                   "requirements": "支付", "rectify_due": "2026-11-30"}))
    complaint = apply(complaint, fact(A.REFUSE, PAYLOADS[A.REFUSE], on=date(2026, 12, 1)))  # a Tuesday
    complaint = apply(complaint, fact(A.SANCTION, PAYLOADS[A.SANCTION], on=date(2026, 12, 10)))
    deadline = current_deadline(complaint, CAL, RULES)
    assert (deadline.kind, deadline.due_on) == (DueKind.FEEDBACK, date(2026, 12, 8))  # 5 working days after 1 Dec


def test_registration_lag_counts_working_days_from_receipt():
    complaint = registered()  # received and registered on Friday 20 November 2026
    assert registration_lag(complaint, CAL) == 0
    complaint.received_on = date(2026, 11, 16)  # the Monday before
    assert registration_lag(complaint, CAL) == 4
    complaint.received_on = date(2026, 11, 21)  # a date after registration (typed wrong): no lag
    assert registration_lag(complaint, CAL) == 0
    complaint.received_on = None
    assert registration_lag(complaint, CAL) == 0
