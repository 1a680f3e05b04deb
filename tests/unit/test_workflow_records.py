"""What each action writes into the aggregate (the case page, the register and the deadlines read it),
field by field (issue 17: mutation testing found these unpinned)."""

from __future__ import annotations

from datetime import date

from tests.unit.test_workflow import PAYLOADS, A, S, apply, fact, in_state, registered

ON = date(2026, 11, 20)


def test_merge_closes_with_the_duplicate_named():
    c = apply(registered(), fact(A.MERGE, {"duplicate_of": "c0", "duplicate_case_no": "532322-2026-0009",
                                           "reason": "重复投诉"}))
    assert c.closure == {"kind": "merged", "on": "2026-11-20", "by": "u1", "duplicate_of": "c0",
                         "duplicate_case_no": "532322-2026-0009", "reason": "重复投诉"}
    assert c.state_before_close == S.REGISTERED and c.state_entered_on == ON


def test_reject_closes_with_its_reason_and_legal_basis():
    c = apply(registered(), fact(A.REJECT, {**PAYLOADS[A.REJECT], "legal_basis": "《工作方案》第三条"}))
    assert c.closure == {"kind": "rejected", "on": "2026-11-20", "by": "u1", "reason": PAYLOADS[A.REJECT]["reason"],
                         "legal_basis": "《工作方案》第三条"}


def test_forward_with_a_due_date_overrides_the_conclusion_deadline():
    c = apply(registered(), fact(A.FORWARD, {"department": "双柏县住建局", "due_on": "2026-12-10"}))
    assert (c.department, c.state, c.due_override_on, c.due_override_kind) == (
        "双柏县住建局", S.FORWARDED, date(2026, 12, 10), "conclude")


def test_redirect_records_both_departments_and_restarts_the_conclusion_clock():
    c = in_state(S.FORWARDED)
    later = date(2026, 11, 25)
    c = apply(c, fact(A.REDIRECT, {**PAYLOADS[A.REDIRECT], "due_on": "2026-12-20"}, on=later))
    assert c.redirects == [{"from_department": "双柏县人民政府", "department": "双柏县住房和城乡建设局",
                            "reason": "项目由住建局负责", "on": "2026-11-25", "by": "u1"}]
    assert (c.department, c.state_entered_on, c.due_override_on, c.due_override_kind) == (
        "双柏县住房和城乡建设局", later, date(2026, 12, 20), "conclude")
    c = apply(c, fact(A.REDIRECT, PAYLOADS[A.REDIRECT], on=date(2026, 11, 26)))
    assert (c.due_override_on, c.due_override_kind, c.state_entered_on) == (None, None, date(2026, 11, 26))
    assert c.redirects[-1]["from_department"] == "双柏县住房和城乡建设局"


def test_return_goes_back_to_registration_and_restarts_the_forward_clock():
    c = in_state(S.FORWARDED)
    c = apply(c, fact(A.RETURN, PAYLOADS[A.RETURN], on=date(2026, 11, 24)))
    assert c.returns == [{"department": "双柏县人民政府", "reason": "不属本部门职责", "on": "2026-11-24", "by": "u1"}]
    assert (c.state, c.department, c.forward_clock_from) == (S.REGISTERED, None, date(2026, 11, 24))
    c = apply(c, fact(A.FORWARD, PAYLOADS[A.FORWARD]))
    c = apply(c, fact(A.RETURN, {**PAYLOADS[A.RETURN], "returned_by": "双柏县财政局"}))
    assert c.returns[-1]["department"] == "双柏县财政局"


def test_conclusion_records_the_finding_and_its_day():
    c = in_state(S.RECTIFYING)
    assert c.finding == {"finding": "substantiated", "explanation": "属实", "determined_by": None,
                         "requirements": "限期支付", "rectify_due": "2026-12-31", "dispute_path": None,
                         "on": "2026-11-20"}


def test_extension_moves_the_deadline_of_the_stage_it_is_in():
    c = apply(in_state(S.FORWARDED), fact(A.EXTEND, PAYLOADS[A.EXTEND]))
    assert c.extensions == [{"kind": "conclude", "new_due": "2027-03-01", "reason": "需补充调查", "on": "2026-11-20",
                             "by": "u1"}]
    assert (c.due_override_on, c.due_override_kind) == (date(2027, 3, 1), "conclude")
    r = apply(in_state(S.RECTIFYING), fact(A.EXTEND, PAYLOADS[A.EXTEND]))
    assert (r.extensions[0]["kind"], r.rectify_due, r.due_override_on) == ("rectify", date(2027, 3, 1), None)


def test_rectification_keeps_the_day_it_was_done():
    c = apply(in_state(S.RECTIFYING), fact(A.RECTIFY, {**PAYLOADS[A.RECTIFY], "rectified_on": "2026-11-18"}))
    assert c.rectification == {"evidence": "已支付全部款项", "on": "2026-11-18"}
    d = apply(in_state(S.RECTIFYING), fact(A.RECTIFY, PAYLOADS[A.RECTIFY]))
    assert d.rectification["on"] == "2026-11-20"


def test_refusal_confirms_the_breach_on_the_ground_given_or_overdue():
    c = in_state(S.BREACH_CONFIRMED)
    assert c.breach == {"confirmed_by": "双柏县人民政府", "confirmed_on": "2026-11-20", "facts": "逾期仍未整改",
                        "document_ref": None, "ground_detail": None, "ground": "overdue", "on": "2026-11-20"}
    d = apply(in_state(S.RECTIFYING), fact(A.REFUSE, {**PAYLOADS[A.REFUSE], "ground": "refused"}))
    assert d.breach["ground"] == "refused"


def test_sanctions_are_recorded_one_by_one():
    c = in_state(S.SANCTIONED)
    c = apply(c, fact(A.SANCTION, {**PAYLOADS[A.SANCTION], "other_measures": ["约谈"], "end_on": "2027-11-19",
                                   "note": "一年"}))
    assert [{k: v for k, v in s.items() if k != "event"} for s in c.sanctions] == [
        {"measures": ["public_criticism"], "other_measures": [], "imposed_by": "双柏县发展和改革局",
         "start_on": "2026-11-20", "end_on": None, "note": None, "lifted_on": None},
        {"measures": ["public_criticism"], "other_measures": ["约谈"], "imposed_by": "双柏县发展和改革局",
         "start_on": "2026-11-20", "end_on": "2027-11-19", "note": "一年", "lifted_on": None},
    ]


def test_repair_lifts_running_sanctions_only():
    c = in_state(S.SANCTIONED)
    c = apply(c, fact(A.SANCTION, {**PAYLOADS[A.SANCTION], "end_on": "2026-11-21"}))  # over before the repair
    c = apply(c, fact(A.SANCTION, {**PAYLOADS[A.SANCTION], "end_on": "2026-11-25"}))  # over the day before
    c = apply(c, fact(A.SANCTION, {**PAYLOADS[A.SANCTION], "end_on": "2026-11-26"}))  # ends on the day of repair
    c = apply(c, fact(A.REPAIR, PAYLOADS[A.REPAIR], on=date(2026, 11, 26)))
    assert [s["lifted_on"] for s in c.sanctions] == ["2026-11-26", None, None, "2026-11-26"]
    assert c.repair == {"evidence": "已履约", "fulfilled_on": "2026-11-20", "on": "2026-11-26"}


def test_accountability_and_feedback_are_recorded():
    c = apply(in_state(S.BREACH_CONFIRMED), fact(A.HOLD_ACCOUNTABLE, {**PAYLOADS[A.HOLD_ACCOUNTABLE],
                                                                       "document_ref": "双纪〔2026〕3号"}))
    entry = {k: v for k, v in c.accountability[0].items() if k != "event"}
    assert entry == {"decided_by": "中共双柏县纪律检查委员会", "decided_on": "2026-11-20", "document_ref": "双纪〔2026〕3号",
                     "note": None, "persons": PAYLOADS[A.HOLD_ACCOUNTABLE]["persons"]}
    c = apply(c, fact(A.FEEDBACK, {**PAYLOADS[A.FEEDBACK], "given_on": "2026-11-19"}))
    assert c.feedbacks == [{"method": "letter", "summary": "已书面反馈", "on": "2026-11-19", "by": "u1"}]
    assert c.feedback_given


def test_closing_keeps_the_summary_and_the_state_it_closed_from():
    c = in_state(S.CLOSED)
    assert c.closure == {"kind": "closed", "on": "2026-11-20", "by": "u1", "summary": "办结"}
    assert c.state_before_close == S.RECTIFIED


def test_reopen_to_verification_with_a_department_restarts_the_conclusion_deadline():
    c = in_state(S.CLOSED)
    later = date(2026, 12, 1)
    c = apply(c, fact(A.REOPEN, {**PAYLOADS[A.REOPEN], "back_to": "forwarded", "due_on": "2026-12-20"}, on=later))
    assert c.reopenings == [{"on": "2026-12-01", "reason": "投诉人提出新证据", "back_to": "forwarded",
                             "due_on": "2026-12-20", "from_state": "rectified", "by": "u1"}]
    assert (c.state, c.state_entered_on, c.due_override_on, c.due_override_kind) == (
        S.FORWARDED, later, date(2026, 12, 20), "conclude")
    assert (c.closure, c.state_before_close, c.feedback_given) == (None, None, False)


def test_reopen_to_verification_without_a_department_goes_to_registration():
    c = apply(registered(), fact(A.REJECT, PAYLOADS[A.REJECT]))
    later = date(2026, 12, 1)
    c = apply(c, fact(A.REOPEN, {**PAYLOADS[A.REOPEN], "back_to": "forwarded"}, on=later))
    assert (c.state, c.state_entered_on, c.forward_clock_from) == (S.REGISTERED, later, later)


def test_reopen_to_registration_restarts_the_forward_clock():
    c = in_state(S.CLOSED)
    later = date(2026, 12, 1)
    c = apply(c, fact(A.REOPEN, {**PAYLOADS[A.REOPEN], "back_to": "registered"}, on=later))
    assert (c.state, c.state_entered_on, c.forward_clock_from, c.due_override_on) == (
        S.REGISTERED, later, later, None)


def test_reopen_without_a_target_returns_to_the_state_it_closed_from():
    c = apply(registered(), fact(A.REJECT, PAYLOADS[A.REJECT]))
    later = date(2026, 12, 1)
    c = apply(c, fact(A.REOPEN, PAYLOADS[A.REOPEN], on=later))
    assert (c.state, c.forward_clock_from, c.reopenings[0]["from_state"]) == (S.REGISTERED, later, "registered")
    f = in_state(S.CLOSED)
    f = apply(f, fact(A.REOPEN, PAYLOADS[A.REOPEN], on=later))
    assert (f.state, f.forward_clock_from) == (S.RECTIFIED, None)


def test_marking_and_unmarking_a_typical_case():
    c = apply(registered(), fact(A.MARK_TYPICAL, {"reason": "多次反复失信", "summary": "拖欠工程款三年"}))
    assert (c.typical, c.typical_reason, c.typical_summary) == (True, "多次反复失信", "拖欠工程款三年")
    c = apply(c, fact(A.MARK_TYPICAL, {"typical": False, "reason": "已整改", "summary": "x"}))
    assert (c.typical, c.typical_reason, c.typical_summary) == (False, None, None)
