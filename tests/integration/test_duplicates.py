"""Duplicate complaints 重复投诉 through the services on a real profile: candidates by parties and by
text at registration, the review list, dismissal (kept across a rebuild) and merge (both histories)."""

from __future__ import annotations

import random
from datetime import date, timedelta

import pytest
from sqlalchemy import text

from app.domain.errors import DomainError
from app.services import duplicates, intake
from app.services.maintenance import rebuild_projections
from app.sync.integrity import CARRIED
from tests.factories import china_noon
from tests.factories import intake as make_intake

OTHER_TEXT = {"claim": {"amount": "80000", "text": "请求支付拖欠的物业服务费八万元。"},
              "description": "2025年起为县政务服务中心提供物业服务，合同约定按季度付款，已连续三个季度未付。"}

THIRD_TEXT = {"claim": {"amount": "5000", "text": "请求返还押金。"}, "description": "租用场地到期后押金未退还。"}


def _register(office, **overrides):
    return intake.register(office.profile, office.clerk, make_intake(**overrides)).case_no


@pytest.fixture
def cases(office):
    office.clock.now = china_noon(2026, 11, 2)
    rng = random.Random(7)
    first = _register(office, rng=rng)
    # unrelated complaints: other parties, other text
    for i in range(1):
        _register(office, complainant=f"楚雄恒达建筑工程有限公司{i}", respondent="双柏县住房和城乡建设局", **OTHER_TEXT)
    office.clock.now = china_noon(2026, 11, 20)
    return first


def test_the_same_parties_are_found_before_registering_even_typed_in_full_width(office, cases):
    data = make_intake(complainant="双柏县绿源农业科技有限公司 ", respondent="双柏县　农业农村局（）", **THIRD_TEXT)
    data["complainant"]["credit_code"] = None  # another channel's record without a code: the name decides
    found = duplicates.find_duplicates(office.profile, office.clerk, fields=data)
    assert [c.case_no for c in found] == [cases]
    assert found[0].reasons == ("same_parties",) and found[0].reason_labels == ("投诉人、被投诉主体相同",)


def test_near_identical_text_from_another_channel_is_found(office, cases):
    base = make_intake()
    with office.profile.store.read() as session:  # as the import calls it, per row
        found = duplicates.find_duplicates_for_fields(
            session, "双柏县某某商贸有限公司", None, "双柏县财政局",
            "【12345转】" + base["description"].replace("，", ",") + base["claim"]["text"])
    assert [c.case_no for c in found] == [cases]
    assert found[0].reasons == ("similar_text",) and found[0].text_similarity >= 0.8


def test_unrelated_complaints_are_not_candidates(office, cases):
    found = duplicates.find_duplicates(office.profile, office.clerk, fields=make_intake(
        complainant="楚雄新材料有限公司", respondent="双柏县教育体育局",
        claim={"amount": "1000", "text": "请求退还投标保证金。"}, description="参加学校食堂改造项目投标后保证金一直未退。"))
    assert found == []


def test_review_list_dismiss_survives_a_rebuild_and_merge_keeps_both_histories(office, cases):
    p = office.profile
    second = _register(office, channel="internet_supervision")
    third = _register(office, channel="online_petition")
    listed = duplicates.review_list(p, office.officer, days=30)
    pairs = {(x.newer.case_no, x.older.case_no) for x in listed}
    assert pairs == {(second, cases), (third, cases), (third, second)}
    assert all(x.mergeable and "same_parties" in x.reasons and "similar_text" in x.reasons for x in listed)

    duplicates.dismiss(p, office.officer, third, second, "同一企业的两个不同项目")
    assert "duplicate_dismissals" in CARRIED
    rebuild_projections(p)
    pairs = {(x.newer.case_no, x.older.case_no) for x in duplicates.review_list(p, office.officer, days=30)}
    assert pairs == {(second, cases), (third, cases)}
    assert duplicates.find_duplicates(p, office.officer, ref=third)[0].case_no == cases

    acted = duplicates.merge(p, office.handler, second, into=cases, reason="12345与督查平台重复转来")
    assert acted.state == "closed"
    with p.store.read() as session:
        merged_into = dict(session.execute(text("SELECT case_no, merged_into FROM complaints")).all())
        kept_id = session.execute(text("SELECT id FROM complaints WHERE case_no = :c"), {"c": cases}).scalar()
        histories = dict(session.execute(text(
            "SELECT c.case_no, COUNT(*) FROM events e JOIN complaints c ON c.id = e.stream GROUP BY c.case_no")).all())
    assert merged_into[second] == kept_id and merged_into[cases] is None
    assert histories[cases] == 1 and histories[second] == 2  # registration kept on both, the merge on one
    pairs = {(x.newer.case_no, x.older.case_no) for x in duplicates.review_list(p, office.officer, days=30)}
    assert pairs == {(third, cases)}


def test_dismiss_needs_a_reason_and_two_complaints(office, cases):
    with pytest.raises(DomainError) as raised:
        duplicates.dismiss(office.profile, office.officer, cases, cases, "理由")
    assert raised.value.code == "duplicate_same_complaint"
    with pytest.raises(DomainError) as raised:
        duplicates.dismiss(office.profile, office.officer, cases, cases, "  ")
    assert raised.value.code == "duplicate_reason_required"


def test_a_forwarded_complaint_is_listed_but_not_mergeable(office, cases):
    from app.services import act
    second = _register(office)
    act.act(office.profile, office.handler, second, "forward", {"department": "双柏县人民政府"})
    (listed,) = duplicates.review_list(office.profile, office.officer, days=30)
    assert listed.newer.case_no == second and not listed.mergeable


@pytest.mark.parametrize(("days", "listed"), [(180, True), (-180, True), (181, False), (-181, False)])
def test_the_window_holds_complaints_received_up_to_180_days_apart_either_way(office, cases, days, listed):
    """Near-identical text, received exactly 180 days after (or before) the complaint on file: still a
    candidate; one day more and it is not."""
    base = make_intake()
    with office.profile.store.read() as session:
        on_file = date.fromisoformat(session.execute(text("SELECT received_on FROM complaints WHERE case_no = :c"),
                                                     {"c": cases}).scalar_one())
        found = duplicates.find_duplicates_for_fields(
            session, "双柏县某某商贸有限公司", None, "双柏县财政局", base["description"] + base["claim"]["text"],
            received_on=on_file + timedelta(days=days))
    assert [c.case_no for c in found] == ([cases] if listed else [])
