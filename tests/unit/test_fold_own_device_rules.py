"""Two rules of folding a complaint's events (found by mutation testing, issue 17): a device's own
earlier transition never counts as concurrent with its later one, even before the hub numbered it;
a transition kept aside still moves the complaint's “last changed” time to its own."""

from __future__ import annotations

from app.domain.vocabulary import State
from tests.unit.test_fold import FORWARD, REJECT, ev, folded, register


def test_a_devices_own_earlier_transition_is_never_concurrent_with_its_later_one():
    forward_a = ev("forward", FORWARD, device="A", seq=None)  # not sent yet
    conclude_a = ev("conclude", {"finding": "unsubstantiated", "explanation": "经核实不属实"}, device="A", seq=None)
    fold = folded((register(), 0), (forward_a, 1), (conclude_a, 1))
    assert fold.complaint.state == State.UNSUBSTANTIATED and not fold.complaint.conflicts


def test_a_transition_kept_aside_moves_the_last_changed_time():
    forward_b = ev("forward", FORWARD, device="B", seq=2, time="2026-11-26T04:00:00Z")
    reject_a = ev("reject", REJECT, device="A", seq=3, time="2026-11-26T05:30:00Z")
    fold = folded((register(), 0), (forward_b, 1), (reject_a, 1))
    assert [k["action"] for k in fold.complaint.conflicts] == ["reject"]
    assert fold.complaint.updated_at == "2026-11-26T05:30:00Z"
