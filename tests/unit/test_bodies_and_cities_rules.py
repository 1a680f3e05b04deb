"""Which body a document or a reminder is addressed to, and which places are cities (found by mutation
testing, issue 17, second check): a rectification notice and a rectification reminder go to the
respondent with the region it was registered in; a body whose name names no place is placed by the
region recorded for it (a body of the office's own county gets a 通知, not a 函); a prefecture and a
county-level city are cities (示范区 measures), a county and a province are not."""

from __future__ import annotations

from app.domain.deadlines import DueKind
from app.domain.document_kinds import recipient_body
from app.domain.recipients import address
from app.domain.regions import RegionRegistry
from app.domain.reminders import responsible_body
from tests.unit.test_workflow import S, in_state


def test_a_rectification_notice_and_its_reminder_go_to_the_respondent_of_its_region():
    c = in_state(S.RECTIFYING)
    respondent = c.intake["respondent"]
    assert recipient_body("rectification_notice", c) == (respondent["name"], respondent["region_code"])
    assert responsible_body(DueKind.RECTIFY, c) == (respondent["name"], respondent["region_code"])
    assert respondent["name"] and respondent["region_code"] == "532322"


def test_a_body_named_without_a_place_is_placed_by_its_recorded_region():
    regions = RegionRegistry.load_default().all()
    assert address("532322", "某某建设指挥部", regions).form == "letter"  # nowhere known: a 函
    assert address("532322", "某某建设指挥部", regions, recorded_region="532322").form == "notice"
    assert address("532322", "某某建设指挥部", regions, recorded_region="532301").form == "letter"


def test_prefectures_and_county_level_cities_are_cities():
    registry = RegionRegistry.load_default()
    assert registry.is_city("532300")  # 楚雄彝族自治州
    assert registry.is_city("532301")  # 楚雄市
    assert not registry.is_city("532322")  # 双柏县
    assert not registry.is_city("530000")  # 云南省
    assert not registry.is_city("999999")  # unknown


def test_before_forwarding_the_conclusion_is_owed_by_the_respondents_competent_department():
    c = in_state(S.REGISTERED)
    assert not c.department
    assert responsible_body(DueKind.CONCLUDE, c) == (c.intake["respondent"]["competent_department"], None)
    assert responsible_body(DueKind.CONCLUDE, in_state(S.FORWARDED))[0] == in_state(S.FORWARDED).department
