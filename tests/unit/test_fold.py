"""``app.domain.fold``: the conflict rules of DESIGN §4 and the set-aside of events that cannot count.

Events of two devices are folded in hub order with their horizons, as every node and a rebuild do.
"""

from __future__ import annotations

import itertools

import pytest

from app.domain.events import Event
from app.domain.fold import TRANSITION, StreamFold, clashes, fits, tag_of
from app.domain.vocabulary import State
from tests.factories import intake

STREAM = "01a2f000-0000-7000-8000-000000000001"
_ids = itertools.count(1)


def ev(action: str, payload: dict, *, device: str = "A", seq: int | None = None, time: str = "2026-11-26T03:00:00Z",
       actor: str = "01a2f000-0000-7000-8000-0000000000aa") -> Event:
    n = next(_ids)
    return Event(id=f"01a2f000-0000-7000-8000-{n:012d}", stream=STREAM, action=action, payload=payload,
                 actor=actor, device_id=device, device_seq=n, device_time=time, base=None, prev_hash="0" * 64,
                 server_seq=seq)


def register(seq: int = 1) -> Event:
    return ev("register", {"case_no": "532322-2026-0001", "office_code": "532322",
                           "intake": intake("532322", received_on="2026-11-25")}, seq=seq)


FORWARD = {"department": "双柏县人民政府"}
REJECT = {"reason": "不属于受理范围"}
NOTE = {"text": "电话联系投诉人"}


def folded(*pairs) -> StreamFold:
    fold = StreamFold()
    for event, horizon in pairs:
        fold.feed(event, horizon)
    return fold


# ---- what commutes -------------------------------------------------------------------------------------
@pytest.mark.parametrize(("new", "old", "clash"), [
    (("note", {}), ("forward", FORWARD), False),
    (("attach", {}), ("reject", REJECT), False),
    (("issue_document", {}), ("forward", FORWARD), False),
    (("forward", FORWARD), ("reject", REJECT), True),
    (("amend", {"changes": {"claim.amount": "1"}}), ("amend", {"changes": {"claim.text": "x"}}), False),
    (("amend", {"changes": {"claim.amount": "1"}}), ("amend", {"changes": {"claim.amount": "2"}}), True),
    (("amend", {"changes": {"claim": "x"}}), ("amend", {"changes": {"claim.amount": "2"}}), True),
    (("assign", {}), ("assign", {}), True),
    (("assign", {}), ("forward", FORWARD), False),
    (("mark_typical", {}), ("mark_typical", {}), True),
    (("resolve", {"decision": "dismiss"}), ("forward", FORWARD), False),
    (("resolve", {"decision": "apply"}), ("forward", FORWARD), True),
])
def test_what_commutes(new, old, clash):
    assert clashes(tag_of(*new), tag_of(*old)) is clash


def test_a_transition_is_tagged_as_one():
    assert tag_of("conclude", {}) == TRANSITION and tag_of("note", {}) is None


# ---- concurrency -------------------------------------------------------------------------------------
def test_an_unseen_transition_of_another_device_keeps_the_later_one_aside():
    forward_b = ev("forward", FORWARD, device="B", seq=2)
    reject_a = ev("reject", REJECT, device="A", seq=3)
    fold = folded((register(), 0), (forward_b, 1), (reject_a, 1))  # A had pulled only up to the register
    c = fold.complaint
    assert c.state == State.FORWARDED
    assert [(k["action"], k["reason"]) for k in c.conflicts] == [("reject", "concurrent")]


def test_a_seen_transition_does_not_conflict():
    forward_b = ev("forward", FORWARD, device="B", seq=2)
    note_a = ev("note", NOTE, device="A", seq=3)
    conclude_a = ev("conclude", {"finding": "unsubstantiated", "explanation": "经核实不属实"}, device="A", seq=4)
    fold = folded((register(), 0), (forward_b, 1), (note_a, 1), (conclude_a, 2))
    assert fold.complaint.state == State.UNSUBSTANTIATED and not fold.complaint.conflicts


def test_an_unsent_local_event_counts_as_unseen_by_others():
    local = ev("forward", FORWARD, device="A", seq=None)
    theirs = ev("reject", REJECT, device="B", seq=None)
    fold = folded((register(), 0), (local, 1), (theirs, 1))
    assert fold.complaint.state == State.FORWARDED and fold.complaint.conflicts[0]["reason"] == "concurrent"


def test_a_transition_that_no_longer_fits_is_kept_with_reason_state():
    fold = folded((register(), 0), (ev("reject", REJECT, seq=2), 1), (ev("forward", FORWARD, seq=3), 2))
    assert fold.complaint.state == State.CLOSED and fold.complaint.conflicts[0]["reason"] == "state"


def test_fits_requires_feedback_before_close():
    fold = folded((register(), 0), (ev("forward", FORWARD, seq=2), 1),
                  (ev("conclude", {"finding": "unsubstantiated", "explanation": "不属实"}, seq=3), 2))
    assert not fits(fold.complaint, "close", {"summary": "办结"})
    assert fits(fold.complaint, "feedback", {"method": "letter", "summary": "已反馈"})


def test_a_second_registration_is_kept_as_a_duplicate():
    fold = folded((register(), 0), (register(seq=2), 1))
    assert fold.complaint.conflicts[0]["reason"] == "duplicate"


# ---- set aside, never raise ------------------------------------------------------------------------------
@pytest.mark.parametrize(("action", "payload", "extra", "code"), [
    ("forward", {}, {}, "payload_invalid"),
    ("amend", {"changes": {"respondent": {"region_code": "532323"}}, "reason": "x"}, {}, "payload_invalid"),
    ("amend", {"changes": {"received_on": "not-a-date"}, "reason": "x"}, {}, "payload_invalid"),
    ("note", {"text": "x"}, {"time": "xxxxxxxxxx"}, "device_time_invalid"),
    ("attach", {"sha256": "/etc/passwd", "filename": "a", "size": 1}, {}, "payload_invalid"),
    ("self_destruct", {}, {}, "action_unknown"),
])
def test_malformed_events_are_set_aside_and_the_rest_still_folds(action, payload, extra, code):
    bad = ev(action, payload, seq=2, **extra)
    fold = folded((register(), 0), (bad, 1), (ev("forward", FORWARD, seq=3), 2))
    assert fold.complaint.state == State.FORWARDED
    assert [(s.event.id, s.code) for s in fold.set_aside] == [(bad.id, code)]
    assert not fold.complaint.conflicts


def test_an_amendment_that_breaks_the_intake_as_a_whole_is_kept_for_review():
    bad = ev("amend", {"changes": {"complainant.credit_code": "91532322MA6N0X1234"}, "reason": "x"}, seq=2)
    fold = folded((register(), 0), (bad, 1))
    assert fold.complaint.conflicts[0]["reason"] == "invalid" and not fold.set_aside


def test_quarantined_ids_are_skipped():
    note = ev("note", NOTE, seq=2)
    fold = StreamFold(skip={note.id})
    fold.feed(register(), 0)
    assert not fold.feed(note, 1)
    assert fold.complaint.note_count == 0 and not fold.set_aside


def test_a_rule_this_version_lacks_never_stops_the_fold(monkeypatch):
    from app.domain import workflow

    def broken(c, p, fact):
        raise KeyError("something new")

    monkeypatch.setitem(workflow._APPLY, workflow.Action.NOTE, broken)
    fold = folded((register(), 0), (ev("note", NOTE, seq=2), 1), (ev("forward", FORWARD, seq=3), 2))
    assert fold.complaint.state == State.FORWARDED
    assert [s.code for s in fold.set_aside] == ["fold_failed"]
