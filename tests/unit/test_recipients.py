"""The relation between the issuing office and a recipient body (issue 9): 通知/你单位 or 函/贵单位."""

from __future__ import annotations

import pytest

from app.documents.wording import addressed, quoted
from app.domain.recipients import Relation, address, relation
from app.domain.regions import RegionRegistry
from app.services.reference import all_bodies

REGIONS = RegionRegistry.load_default().all()
KNOWN = {b.name: b.region_code for b in all_bodies()}
SHUANGBAI, PREFECTURE = "532322", "532300"


@pytest.mark.parametrize(("body", "expected"), [
    ("双柏县农业农村局", Relation.SUBORDINATE),
    ("双柏县妥甸镇人民政府", Relation.SUBORDINATE),
    ("双柏县人民政府", Relation.OWN_GOVERNMENT),
    ("楚雄州人民政府", Relation.HIGHER),
    ("楚雄彝族自治州发展和改革委员会", Relation.HIGHER),
    ("云南省财政厅", Relation.HIGHER),
    ("大姚县农业农村局", Relation.OTHER_REGION),
    ("大姚县人民政府", Relation.OTHER_REGION),
    ("双柏县人民法院", Relation.INDEPENDENT),
    ("双柏县人大常委会", Relation.INDEPENDENT),
    ("某某管理处", Relation.UNKNOWN),
])
def test_a_county_office_stands_above_only_its_own_departments(body, expected):
    assert relation(SHUANGBAI, body, REGIONS, known_bodies=KNOWN) == expected


def test_only_a_subordinate_gets_a_notice_and_orders():
    sub = address(SHUANGBAI, "双柏县农业农村局", REGIONS, known_bodies=KNOWN)
    assert (sub.form, sub.pronoun, sub.may_direct) == ("notice", "你单位", True)
    for body in ("双柏县人民政府", "楚雄州人民政府", "大姚县农业农村局", "双柏县人民法院", "某某管理处"):
        other = address(SHUANGBAI, body, REGIONS, known_bodies=KNOWN)
        assert (other.form, other.pronoun, other.may_direct) == ("letter", "贵单位", False), body


def test_the_recorded_region_places_a_body_the_name_does_not():
    assert relation(SHUANGBAI, "县供销社", REGIONS, recorded_region=SHUANGBAI) == Relation.SUBORDINATE
    assert relation(SHUANGBAI, "县供销社", REGIONS, recorded_region="532323") == Relation.OTHER_REGION


def test_a_prefecture_office_writes_to_county_governments_and_its_own():
    assert relation(PREFECTURE, "楚雄州人民政府", REGIONS, known_bodies=KNOWN) == Relation.OWN_GOVERNMENT
    assert relation(PREFECTURE, "双柏县人民政府", REGIONS, known_bodies=KNOWN) == Relation.LOWER_GOVERNMENT
    assert relation(PREFECTURE, "楚雄州财政局", REGIONS, known_bodies=KNOWN) == Relation.SUBORDINATE


def test_free_text_is_addressed_to_its_recipient_without_changing_meaning():
    text = "督促双柏县农业农村局于2026年12月11日前拨付资金；双柏县农业农村局办公室负责联络。"
    assert addressed(text, "双柏县农业农村局", "你单位") == "督促你单位于2026年12月11日前拨付资金；双柏县农业农村局办公室负责联络。"
    assert addressed("双柏县人民政府办公室已核实。", "双柏县人民政府", "贵单位") == "双柏县人民政府办公室已核实。"
    assert addressed("投诉人与双柏县农业农村局的协议。", "双柏县农业农村局", "你单位") == "投诉人与你单位的协议。"
    # a name followed by what may continue a longer name is left alone (safe rather than wrong)
    assert addressed("双柏县农业农村局签订。", "双柏县农业农村局", "你单位") == "双柏县农业农村局签订。"
    assert addressed("无关的文字。", "双柏县农业农村局", "你单位") == "无关的文字。"
    assert addressed("", "双柏县农业农村局", "你单位") == ""
    assert quoted("核实意见", "经核实属实。") == "核实意见：经核实属实。" and quoted("核实意见", "") == ""
