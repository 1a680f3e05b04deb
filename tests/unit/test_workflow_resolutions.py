"""Resolving what sync kept aside (核对处理) and recording issued documents, in the aggregate (issue 17)."""

from __future__ import annotations

from datetime import date

from app.domain.fold import StreamFold
from app.domain.vocabulary import State
from app.domain.workflow import Fact, apply, kept_entry, resolution_problem
from tests.unit.test_fold import FORWARD, REJECT, ev, register


def kept_reject():
    """A device rejected a complaint another device had forwarded meanwhile: the reject is kept aside."""
    fold = StreamFold()
    reject = ev("reject", REJECT, device="A", seq=3, time="2026-11-27T03:00:00Z")
    for event, horizon in ((register(), 0), (ev("forward", FORWARD, device="B", seq=2), 1), (reject, 1)):
        fold.feed(event, horizon)
    complaint = fold.complaint
    assert complaint.state == State.FORWARDED and [k["event"] for k in complaint.conflicts] == [reject.id]
    return complaint, reject.id


def resolve(complaint, conflict: str, decision: str, on: date = date(2026, 12, 2)):
    return apply(complaint, Fact(id="resolve-1", complaint_id=complaint.id, action="resolve",
                                 payload={"conflict": conflict, "decision": decision}, actor="leader",
                                 at="2026-12-02T02:00:00Z", on=on))


def test_a_kept_transition_that_no_longer_fits_cannot_be_applied_but_can_be_dismissed():
    complaint, kept = kept_reject()
    problem = resolution_problem(complaint, {"conflict": kept, "decision": "apply"})
    assert (problem.code, problem.params) == ("resolution_not_applicable",
                                              {"action": "reject", "state": "forwarded"})
    assert resolution_problem(complaint, {"conflict": kept, "decision": "dismiss"}) is None
    missing = resolution_problem(complaint, {"conflict": "no-such-event", "decision": "dismiss"})
    assert (missing.code, missing.params) == ("conflict_not_found", {"conflict": "no-such-event"})
    resolved = resolve(complaint, kept, "dismiss")
    assert resolved.conflicts == [] and resolved.state == State.FORWARDED and resolved.closure is None


def test_an_applied_transition_takes_effect_as_of_when_it_was_made():
    complaint, kept = kept_reject()
    apply(complaint, Fact(id="return-1", complaint_id=complaint.id, action="return", payload={"reason": "不属本部门"},
                          actor="handler", at="2026-11-28T02:00:00Z", on=date(2026, 11, 28)))
    assert complaint.state == State.REGISTERED
    assert resolution_problem(complaint, {"conflict": kept, "decision": "apply"}) is None
    resolved = resolve(complaint, kept, "apply")
    assert resolved.state == State.CLOSED and resolved.conflicts == []
    assert resolved.closure["kind"] == "rejected" and resolved.closure["reason"] == REJECT["reason"]
    assert resolved.closure["on"] == "2026-11-27"  # the kept event's day, not the resolution's
    assert resolved.head == "resolve-1"


def test_resolving_an_unknown_conflict_changes_nothing():
    complaint, kept = kept_reject()
    resolved = resolve(complaint, "no-such-event", "apply")
    assert [k["event"] for k in resolved.conflicts] == [kept] and resolved.state == State.FORWARDED


def test_a_kept_registration_or_resolution_is_never_applied():
    complaint, _ = kept_reject()
    for action in ("register", "resolve"):
        fact = Fact(id=f"kept-{action}", complaint_id=complaint.id, action=action, payload={}, actor="u",
                    at="2026-11-27T03:00:00Z", on=date(2026, 11, 27))
        complaint.conflicts.append(kept_entry(fact, device_id="B", server_seq=9, head="h", reason="duplicate"))
        problem = resolution_problem(complaint, {"conflict": f"kept-{action}", "decision": "apply"})
        assert problem.code == "resolution_not_applicable"


def test_the_kept_entry_records_what_review_needs():
    fact = Fact(id="e1", complaint_id="c1", action="forward", payload=FORWARD, actor="u1",
                at="2026-11-27T03:00:00Z", on=date(2026, 11, 27))
    assert kept_entry(fact, device_id="B", server_seq=7, head="e0", reason="concurrent") == {
        "event": "e1", "action": "forward", "payload": FORWARD, "actor": "u1", "at": "2026-11-27T03:00:00Z",
        "device_id": "B", "server_seq": 7, "head": "e0", "reason": "concurrent"}


def test_an_issued_document_is_recorded_with_its_number_hash_pages_and_reminder_step():
    complaint, _ = kept_reject()
    payload = {"kind": "reminder", "variant": "urge", "number": "双发改催〔2026〕3号", "sha256": "b" * 64,
               "pages": 2, "snapshot": {"reminder_step": "conclude"}}
    apply(complaint, Fact(id="doc-1", complaint_id=complaint.id, action="issue_document", payload=payload,
                          actor="handler", at="2026-12-01T02:00:00Z", on=date(2026, 12, 1)))
    apply(complaint, Fact(id="doc-2", complaint_id=complaint.id, action="issue_document",
                          payload={"kind": "forward_letter", "number": "双发改转〔2026〕9号", "sha256": "c" * 64,
                                   "pages": 1}, actor="handler", at="2026-12-01T03:00:00Z", on=date(2026, 12, 1)))
    assert complaint.documents == [
        {"event": "doc-1", "kind": "reminder", "variant": "urge", "number": "双发改催〔2026〕3号", "on": "2026-12-01",
         "by": "handler", "sha256": "b" * 64, "pages": 2, "step": "conclude"},
        {"event": "doc-2", "kind": "forward_letter", "variant": None, "number": "双发改转〔2026〕9号",
         "on": "2026-12-01", "by": "handler", "sha256": "c" * 64, "pages": 1},
    ]
    assert complaint.state == State.FORWARDED


def test_a_kept_amendment_that_still_breaks_the_intake_cannot_be_applied():
    bad = ev("amend", {"changes": {"complainant.credit_code": "91532322MA6N0X1234"}, "reason": "x"}, seq=2)
    good = ev("amend", {"changes": {"complainant.address": "双柏县妥甸镇"}, "reason": "地址有误"}, seq=3)
    fold = StreamFold()
    for event, horizon in ((register(), 0), (bad, 1)):
        fold.feed(event, horizon)
    complaint = fold.complaint
    problem = resolution_problem(complaint, {"conflict": bad.id, "decision": "apply"})
    assert problem is not None and problem.params == {"action": "amend", "state": "registered"}
    complaint.conflicts.append(kept_entry(good.fact(), device_id="A", server_seq=3, head="h", reason="concurrent"))
    assert resolution_problem(complaint, {"conflict": good.id, "decision": "apply"}) is None


def test_attachments_notes_amendments_and_assignment_are_recorded():
    from tests.unit.test_workflow import PAYLOADS, A, fact, registered

    c = registered()
    apply(c, fact(A.ATTACH, {**PAYLOADS[A.ATTACH], "media_type": "application/pdf", "description": "合同原件"}))
    apply(c, fact(A.ATTACH, {"sha256": "b" * 64, "filename": "照片.jpg", "size": 2048}))
    assert [{k: v for k, v in a.items() if k != "event"} for a in c.attachments] == [
        {"sha256": "a" * 64, "filename": "合同.pdf", "size": 10, "media_type": "application/pdf",
         "description": "合同原件"},
        {"sha256": "b" * 64, "filename": "照片.jpg", "size": 2048, "media_type": None, "description": None},
    ]
    assert c.attachments[0]["event"] != c.attachments[1]["event"]
    apply(c, fact(A.NOTE, PAYLOADS[A.NOTE]))
    apply(c, fact(A.NOTE, PAYLOADS[A.NOTE]))
    apply(c, fact(A.AMEND, {"changes": {"received_on": "2026-11-18"}, "reason": "收件日期有误"}))
    apply(c, fact(A.ASSIGN, PAYLOADS[A.ASSIGN]))
    assert (c.note_count, c.amendments, c.received_on, c.intake["received_on"], c.assignee) == (
        2, 1, date(2026, 11, 18), "2026-11-18", "u-handler")
    assert c.state == State.REGISTERED
