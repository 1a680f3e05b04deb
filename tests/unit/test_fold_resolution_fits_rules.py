"""Whether a kept conflict's resolution still fits when it is folded (found by mutation testing, issue 17):
taking a kept transition fits only while the complaint could take it; dismissing always fits; a
resolution of a conflict the complaint does not hold does not."""

from __future__ import annotations

from app.domain.fold import fits
from tests.unit.test_workflow import S, in_state


def test_a_resolution_fits_only_while_it_could_be_taken():
    c = in_state(S.FORWARDED)
    c.conflicts = [{"event": "e-kept", "action": "conclude", "payload": {}, "at": "2026-11-20T02:00:00.000Z"}]
    assert fits(c, "resolve", {"conflict": "e-kept", "decision": "apply"}) is True  # 核实认定 from 已转办
    assert fits(c, "resolve", {"conflict": "e-kept", "decision": "dismiss"}) is True
    assert fits(c, "resolve", {"conflict": "e-gone", "decision": "apply"}) is False
    registered = in_state(S.REGISTERED)
    registered.conflicts = c.conflicts
    assert fits(registered, "resolve", {"conflict": "e-kept", "decision": "apply"}) is False  # not from 已登记
    assert fits(registered, "resolve", {"conflict": "e-kept", "decision": "dismiss"}) is True


def test_a_pulled_resolution_is_judged_by_its_own_payload():
    """The fold hands the event's payload to ``fits``: a resolution taking a conflict the complaint does not
    hold is kept aside (reason ``state``); taking the one it holds applies."""
    from tests.unit.test_fold import FORWARD, REJECT, ev, folded, register

    forward_b = ev("forward", FORWARD, device="B", seq=2)
    reject_a = ev("reject", REJECT, device="A", seq=3)  # unseen by A: kept as a conflict
    fold = folded((register(), 0), (forward_b, 1), (reject_a, 1))
    kept = fold.complaint.conflicts[0]["event"]
    wrong = ev("resolve", {"conflict": "01a2f000-0000-7000-8000-00000000ffff", "decision": "apply"}, device="B", seq=4)
    assert fold.feed(wrong, 3) is False
    assert [k["reason"] for k in fold.complaint.conflicts if k["event"] == wrong.id] == ["state"]
    dismissed = ev("resolve", {"conflict": kept, "decision": "dismiss"}, device="B", seq=5)
    assert fold.feed(dismissed, 4) is True
