"""Services on a real SQLite file: the whole seed process, refusals that write nothing, scope."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from app.domain.errors import DomainError, ValidationFailed
from app.services import act, intake, queries
from app.store.tables import complaints, events
from tests.factories import corrupt
from tests.factories import intake as make_intake


def event_count(office) -> int:
    with office.profile.store.read() as session:
        return session.execute(select(func.count()).select_from(events)).scalar_one()


def test_full_lifecycle_from_the_seed(office):
    o = office
    reg = intake.register(o.profile, o.clerk, make_intake())
    assert reg.case_no == "532322-2026-0001"
    steps = [
        (o.handler, "forward", {"department": "双柏县人民政府"}, "forwarded"),
        (o.handler, "conclude", {"finding": "substantiated", "explanation": "经核实属实", "requirements": "限期兑现",
                                 "rectify_due": "2026-12-31"}, "rectifying"),
        (o.leader, "refuse", {"confirmed_by": "双柏县人民政府", "confirmed_on": "2026-11-26",
                              "facts": "拒不整改", "ground": "refused",
                              "ground_detail": "2026年11月25日复函明确表示不予兑现"}, "breach_confirmed"),
        (o.leader, "sanction", {"measures": ["public_criticism", "restrict_procurement"],
                                "imposed_by": "双柏县发展和改革局", "start_on": "2026-11-26"}, "sanctioned"),
        (o.leader, "repair", {"evidence": "已足额兑现扶持资金", "fulfilled_on": "2026-11-26"}, "repaired"),
        (o.handler, "feedback", {"method": "letter", "summary": "已书面反馈处理结果"}, "repaired"),
        (o.handler, "close", {"summary": "已履约并修复信用，办结"}, "closed"),
    ]
    for actor, action, payload, state in steps:
        assert act.act(o.profile, actor, reg.case_no, action, payload).state == state
    detail = queries.get_complaint(o.profile, o.leader, reg.case_no)
    assert [t.action for t in detail.timeline] == ["register"] + [s[1] for s in steps]
    assert detail.complaint.active_sanctions == []
    assert [a.value for a in detail.allowed] == ["reopen", "mark_typical"]


def test_case_numbers_are_sequential_and_unique(office):
    numbers = [intake.register(office.profile, office.clerk, make_intake()).case_no for _ in range(3)]
    assert numbers == ["532322-2026-0001", "532322-2026-0002", "532322-2026-0003"]


def test_invalid_input_writes_nothing(office):
    before = event_count(office)
    data = make_intake()
    data["complainant"]["credit_code"] = corrupt(data["complainant"]["credit_code"])
    with pytest.raises(ValidationFailed):
        intake.register(office.profile, office.clerk, data)
    assert event_count(office) == before
    reg = intake.register(office.profile, office.clerk, make_intake())
    before = event_count(office)
    with pytest.raises(DomainError, match="action_not_allowed"):
        act.act(office.profile, office.handler, reg.case_no, "close", {"summary": "x"})
    with pytest.raises(DomainError, match="role_not_permitted"):
        act.act(office.profile, office.clerk, reg.case_no, "forward", {"department": "县政府"})
    with pytest.raises(ValidationFailed):
        act.act(office.profile, office.handler, reg.case_no, "forward", {})
    assert event_count(office) == before
    # the failed registration did not consume a case number
    assert intake.register(office.profile, office.clerk, make_intake()).case_no == "532322-2026-0002"


def test_respondent_outside_the_office_region_is_refused(office):
    with pytest.raises(ValidationFailed) as failed:
        intake.register(office.profile, office.clerk, make_intake("532301"))
    assert failed.value.errors[0].code == "region_out_of_scope"


def test_stale_head_is_refused_instead_of_overwritten(office):
    reg = intake.register(office.profile, office.clerk, make_intake())
    seen = queries.get_complaint(office.profile, office.handler, reg.case_no).complaint.head
    act.act(office.profile, office.handler, reg.case_no, "note", {"text": "第一次联系"})
    with pytest.raises(DomainError, match="complaint_changed"):
        act.act(office.profile, office.handler, reg.case_no, "forward", {"department": "县政府"}, expected_head=seen)


def test_merge_and_assign_resolve_references(office):
    first = intake.register(office.profile, office.clerk, make_intake())
    second = intake.register(office.profile, office.clerk, make_intake())
    with pytest.raises(ValidationFailed):
        act.act(office.profile, office.handler, second.case_no, "merge", {"duplicate_of": second.case_no})
    act.act(office.profile, office.handler, second.case_no, "merge", {"duplicate_of": first.case_no})
    merged = queries.get_complaint(office.profile, office.handler, second.case_no).complaint
    assert merged.closure["duplicate_of"] == first.complaint_id
    with pytest.raises(ValidationFailed):
        act.act(office.profile, office.leader, first.case_no, "assign", {"assignee": "clerk"})
    act.act(office.profile, office.leader, first.case_no, "assign", {"assignee": "handler"})
    page = queries.list_complaints(office.profile, office.handler,
                                   queries.ComplaintFilter(assignee=office.handler.user_id))
    assert [r.case_no for r in page.rows] == [first.case_no]


def test_amend_is_validated_and_reindexed(office):
    reg = intake.register(office.profile, office.clerk, make_intake())
    with pytest.raises(ValidationFailed) as failed:
        act.act(office.profile, office.clerk, reg.case_no, "amend",
                {"changes": {"complainant.phone": "123"}, "reason": "电话有误"})
    assert failed.value.errors[0].field == "changes.complainant.phone"
    act.act(office.profile, office.clerk, reg.case_no, "amend",
            {"changes": {"complainant.name": "双柏县彧辉建材有限公司"}, "reason": "名称登记有误"})
    page = queries.list_complaints(office.profile, office.clerk, queries.ComplaintFilter(search="彧辉"))
    assert page.total == 1
    assert queries.list_complaints(office.profile, office.clerk, queries.ComplaintFilter(search="绿源")).total == 0


def test_projection_row_tracks_deadline(office):
    reg = intake.register(office.profile, office.clerk, make_intake())
    with office.profile.store.read() as session:
        row = session.execute(select(complaints).where(complaints.c.id == reg.complaint_id)).one()
    assert (row.due_kind, row.due_on) == ("forward", "2026-11-27")
