"""The workflow table of DESIGN §3, checked action by action, state by state and role by role.

The expectations below are written out again from DESIGN.md on purpose (not derived from RULES), so
a mistake in the table shows up here.
"""

from __future__ import annotations

from datetime import date

import pytest

from app.domain.errors import DomainError
from app.domain.intake import parse_intake
from app.domain.vocabulary import Action, Role, State
from app.domain.workflow import Fact, allowed_actions, apply, check
from tests.factories import intake

S = State
A = Action
OPEN = [s for s in State if s != S.CLOSED]
CONCLUDED = [S.UNSUBSTANTIATED, S.DISPUTED, S.RECTIFIED, S.REPAIRED]
ANSWERABLE = [*CONCLUDED, S.BREACH_CONFIRMED, S.SANCTIONED]  # an outcome the complainant is told

# action -> (allowed source states, roles) as DESIGN §3 states them
TABLE = {
    A.REJECT: ([S.REGISTERED], {"handler"}),
    A.MERGE: ([S.REGISTERED], {"handler"}),
    A.FORWARD: ([S.REGISTERED], {"handler"}),
    A.REDIRECT: ([S.FORWARDED], {"handler"}),
    A.RETURN: ([S.FORWARDED], {"handler"}),
    A.CONCLUDE: ([S.FORWARDED], {"handler"}),
    A.EXTEND: ([S.FORWARDED, S.RECTIFYING], {"leader"}),
    A.RECTIFY: ([S.RECTIFYING], {"handler"}),
    A.REFUSE: ([S.RECTIFYING], {"leader"}),
    A.SANCTION: ([S.BREACH_CONFIRMED, S.SANCTIONED], {"leader"}),
    A.REPAIR: ([S.BREACH_CONFIRMED, S.SANCTIONED], {"leader"}),
    A.HOLD_ACCOUNTABLE: ([S.BREACH_CONFIRMED, S.SANCTIONED, S.REPAIRED], {"leader"}),
    A.FEEDBACK: (ANSWERABLE, {"handler"}),
    A.CLOSE: (ANSWERABLE, {"handler"}),
    A.REOPEN: ([S.CLOSED], {"leader"}),
    A.NOTE: (OPEN, {"clerk", "handler", "leader"}),
    A.ATTACH: (OPEN, {"clerk", "handler", "leader"}),
    A.AMEND: (OPEN, {"clerk", "handler"}),
    A.ASSIGN: (OPEN, {"leader"}),
    A.MARK_TYPICAL: (list(State), {"leader"}),
}
TARGET = {
    A.REJECT: S.CLOSED, A.MERGE: S.CLOSED, A.FORWARD: S.FORWARDED, A.REDIRECT: S.FORWARDED, A.RETURN: S.REGISTERED, A.RECTIFY: S.RECTIFIED,
    A.REFUSE: S.BREACH_CONFIRMED, A.SANCTION: S.SANCTIONED, A.REPAIR: S.REPAIRED, A.CLOSE: S.CLOSED,
}

PAYLOADS = {
    A.REJECT: {"reason": "不属于政府违约失信投诉受理范围"},
    A.MERGE: {"duplicate_of": "other", "reason": "重复投诉"},
    A.FORWARD: {"department": "双柏县人民政府"},
    A.REDIRECT: {"department": "双柏县住房和城乡建设局", "reason": "项目由住建局负责"},
    A.RETURN: {"reason": "不属本部门职责"},
    A.HOLD_ACCOUNTABLE: {"persons": [{"name": "李明", "position": "副局长", "responsibility": "main",
                                      "outcome": "诫勉谈话"}], "decided_by": "中共双柏县纪律检查委员会",
                         "decided_on": "2026-11-20"},
    A.CONCLUDE: {"finding": "unsubstantiated", "explanation": "经核实，款项已按合同约定支付"},
    A.EXTEND: {"new_due": "2027-03-01", "reason": "需补充调查"},
    A.RECTIFY: {"evidence": "已支付全部款项"},
    A.REFUSE: {"confirmed_by": "双柏县人民政府", "confirmed_on": "2026-11-20", "facts": "逾期仍未整改"},
    A.SANCTION: {"measures": ["public_criticism"], "imposed_by": "双柏县发展和改革局", "start_on": "2026-11-20"},
    A.REPAIR: {"evidence": "已履约", "fulfilled_on": "2026-11-20"},
    A.FEEDBACK: {"method": "letter", "summary": "已书面反馈"},
    A.CLOSE: {"summary": "办结"},
    A.REOPEN: {"reason": "投诉人提出新证据"},
    A.NOTE: {"text": "电话联系投诉人"},
    A.ATTACH: {"sha256": "a" * 64, "filename": "合同.pdf", "size": 10},
    A.AMEND: {"changes": {"complainant.address": "双柏县妥甸镇"}, "reason": "地址有误"},
    A.ASSIGN: {"assignee": "u-handler"},
    A.MARK_TYPICAL: {"typical": True, "reason": "多次反复失信"},
}

_counter = iter(range(1, 10_000))


def fact(action: str, payload: dict, on: date = date(2026, 11, 20)) -> Fact:
    n = next(_counter)
    return Fact(id=f"e{n:05d}", complaint_id="c1", action=action, payload=payload, actor="u1",
                at=f"2026-11-20T02:00:{n % 60:02d}.000Z", on=on)


def registered():
    data = parse_intake(intake(), today=date(2026, 11, 20)).model_dump(mode="json")  # received the day registered
    payload = {"case_no": "532322-2026-0001", "office_code": "532322", "intake": data}
    return apply(None, fact(A.REGISTER, payload))


PATHS = {
    S.REGISTERED: [],
    S.FORWARDED: [(A.FORWARD, PAYLOADS[A.FORWARD])],
    S.UNSUBSTANTIATED: [(A.FORWARD, PAYLOADS[A.FORWARD]),
                        (A.CONCLUDE, {"finding": "unsubstantiated", "explanation": "经核实不属实"})],
    S.DISPUTED: [(A.FORWARD, PAYLOADS[A.FORWARD]),
                 (A.CONCLUDE, {"finding": "disputed", "explanation": "双方对验收结论有分歧",
                               "dispute_path": "mediation"})],
    S.RECTIFYING: [(A.FORWARD, PAYLOADS[A.FORWARD]),
                   (A.CONCLUDE, {"finding": "substantiated", "explanation": "属实", "requirements": "限期支付",
                                 "rectify_due": "2026-12-31"})],
}
PATHS[S.RECTIFIED] = [*PATHS[S.RECTIFYING], (A.RECTIFY, PAYLOADS[A.RECTIFY])]
PATHS[S.BREACH_CONFIRMED] = [*PATHS[S.RECTIFYING], (A.REFUSE, PAYLOADS[A.REFUSE])]
PATHS[S.SANCTIONED] = [*PATHS[S.BREACH_CONFIRMED], (A.SANCTION, PAYLOADS[A.SANCTION])]
PATHS[S.REPAIRED] = [*PATHS[S.SANCTIONED], (A.REPAIR, PAYLOADS[A.REPAIR])]
PATHS[S.CLOSED] = [*PATHS[S.RECTIFIED], (A.FEEDBACK, PAYLOADS[A.FEEDBACK]), (A.CLOSE, PAYLOADS[A.CLOSE])]


def in_state(state: State):
    complaint = registered()
    for action, payload in PATHS[state]:
        check(complaint, action, ["clerk", "handler", "leader"])
        complaint = apply(complaint, fact(action, payload))
    assert complaint.state == state
    return complaint


def ready(complaint, action):
    """Feedback is a precondition of close; give it where the test is about state, not feedback."""
    if action == A.CLOSE and complaint.state in ANSWERABLE and not complaint.feedback_given:
        complaint = apply(complaint, fact(A.FEEDBACK, PAYLOADS[A.FEEDBACK]))
    return complaint


CASES = [(action, state, role) for action in TABLE for state in State for role in Role]


@pytest.mark.parametrize(("action", "state", "role"), CASES, ids=[f"{a}-{s}-{r}" for a, s, r in CASES])
def test_every_action_state_and_role(action, state, role):
    sources, roles = TABLE[action]
    complaint = ready(in_state(state), action)
    if role.value in roles and state in sources:
        check(complaint, action, [role])
        after = apply(complaint, fact(action, PAYLOADS[action]))
        assert after.state == TARGET.get(action, after.state)
        assert after.version == complaint.version
    else:
        with pytest.raises(DomainError) as refused:
            check(complaint, action, [role])
        expected = "role_not_permitted" if role.value not in roles else "action_not_allowed"
        assert refused.value.code == expected


def test_register_only_by_clerk_and_only_once():
    for role in Role:
        if role == Role.CLERK:
            check(None, A.REGISTER, [role])
        else:
            with pytest.raises(DomainError, match="role_not_permitted"):
                check(None, A.REGISTER, [role])
    with pytest.raises(DomainError, match="already_registered"):
        check(registered(), A.REGISTER, ["clerk"])


@pytest.mark.parametrize("state", CONCLUDED)
def test_close_requires_feedback(state):
    complaint = in_state(state)
    with pytest.raises(DomainError, match="feedback_required"):
        check(complaint, A.CLOSE, ["handler"])
    complaint = apply(complaint, fact(A.FEEDBACK, PAYLOADS[A.FEEDBACK]))
    check(complaint, A.CLOSE, ["handler"])


def test_conclusion_routes_by_finding():
    assert in_state(S.UNSUBSTANTIATED).finding["finding"] == "unsubstantiated"
    disputed = in_state(S.DISPUTED)
    assert disputed.finding["dispute_path"] == "mediation"
    rectifying = in_state(S.RECTIFYING)
    assert rectifying.rectify_due == date(2026, 12, 31)


def test_repair_lifts_every_sanction_and_reopen_returns_to_previous_state():
    complaint = in_state(S.SANCTIONED)
    complaint = apply(complaint, fact(A.SANCTION, {**PAYLOADS[A.SANCTION], "measures": ["restrict_procurement"]}))
    assert len(complaint.active_sanctions) == 2
    complaint = apply(complaint, fact(A.REPAIR, PAYLOADS[A.REPAIR]))
    assert complaint.active_sanctions == []
    assert all(s["lifted_on"] == "2026-11-20" for s in complaint.sanctions)
    complaint = apply(complaint, fact(A.FEEDBACK, PAYLOADS[A.FEEDBACK]))
    complaint = apply(complaint, fact(A.CLOSE, PAYLOADS[A.CLOSE]))
    assert complaint.state == S.CLOSED
    complaint = apply(complaint, fact(A.REOPEN, PAYLOADS[A.REOPEN]))
    assert complaint.state == S.REPAIRED
    assert not complaint.feedback_given  # a reopened case needs fresh feedback before it closes again


def test_reject_and_merge_reopen_to_registered():
    for action in (A.REJECT, A.MERGE):
        complaint = apply(registered(), fact(action, PAYLOADS[action]))
        assert complaint.state == S.CLOSED
        assert complaint.closure["kind"] == {"reject": "rejected", "merge": "merged"}[action]
        assert apply(complaint, fact(A.REOPEN, PAYLOADS[A.REOPEN])).state == S.REGISTERED


def test_amend_changes_intake_and_scope_region():
    complaint = apply(registered(), fact(A.AMEND, {"changes": {"respondent.region_code": "532301"}, "reason": "x"}))
    assert complaint.region_code == "532301"
    assert complaint.intake["respondent"]["region_code"] == "532301"


def test_allowed_actions_follow_state_and_roles():
    rectifying = in_state(S.RECTIFYING)
    assert A.REFUSE in allowed_actions(rectifying, ["leader"])
    assert A.REFUSE not in allowed_actions(rectifying, ["clerk", "handler"])
    closed = in_state(S.CLOSED)
    assert allowed_actions(closed, ["clerk", "handler", "leader"]) == [A.REOPEN, A.MARK_TYPICAL]
    assert allowed_actions(closed, ["admin", "auditor"]) == []


def test_unknown_action_is_refused_with_a_code():
    with pytest.raises(DomainError, match="action_unknown"):
        check(registered(), "delete", ["leader"])


def test_every_vocabulary_value_has_its_own_label():
    """Channel.OTHER and Sector.OTHER share the value "other": each must keep its own Chinese label."""
    from app.domain import vocabulary as v

    assert v.label(v.Channel.LETTER) == "来信"
    assert v.label(v.FeedbackMethod.LETTER) == "书面函件"
    assert v.label(v.Channel.OTHER) == "其他渠道"
    assert v.label(v.Sector.OTHER) == "其他领域"
    assert v.label(v.State.UNSUBSTANTIATED) != v.label(v.Finding.UNSUBSTANTIATED)
    for enum in (v.State, v.Action, v.Channel, v.Sector, v.BreachKind, v.RespondentKind, v.Finding, v.DisputePath,
                 v.SanctionMeasure, v.FeedbackMethod, v.Role):
        assert len(v.choices(enum)) == len(enum)
