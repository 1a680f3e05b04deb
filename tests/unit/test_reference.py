"""Reference data of government bodies and the pinyin-aware matching the pickers use."""

from __future__ import annotations

import pytest

from app.domain.regions import RegionRegistry
from app.domain.vocabulary import RespondentKind
from app.services.reference import (
    all_bodies,
    bodies_in_scope,
    departments_in_scope,
    find_body,
    match_rank,
    matches,
    search,
)

COUNTIES = ("532301", "532302", "532322", "532323", "532324", "532325", "532326", "532327", "532328", "532329")


@pytest.mark.parametrize(
    ("query", "text"),
    [
        ("sbczj", "双柏县财政局"),  # initials with the county's 县 left out, as people abbreviate
        ("sbxczj", "双柏县财政局"),  # every initial
        ("czj", "双柏县财政局"),  # initials inside the name
        ("CZJ", "双柏县财政局"),  # case does not matter
        ("caizheng", "双柏县财政局"),  # full pinyin
        ("caizhengj", "双柏县财政局"),  # full pinyin then an initial
        ("双柏czj", "双柏县财政局"),  # characters and initials mixed
        ("财政", "双柏县财政局"),  # a plain substring
        ("cxzrmzf", "楚雄彝族自治州人民政府"),  # 楚雄州 is how the prefecture is abbreviated
        ("sbbdc", "双柏县不动产登记中心"),  # 柏 read bai (a heteronym: bo / bai)
        ("ＣＺＪ", "双柏县财政局"),  # full-width letters typed with a Chinese input method
    ],
)
def test_matches(query: str, text: str) -> None:
    assert matches(query, text)


@pytest.mark.parametrize(
    ("query", "text"),
    [
        ("sj", "双柏县财政局"),  # initials must be consecutive, not scattered
        ("czjx", "双柏县财政局"),
        ("交通", "双柏县财政局"),
        ("lj", "楚雄市吕合镇人民政府"),  # 吕合 is lh
    ],
)
def test_does_not_match(query: str, text: str) -> None:
    assert not matches(query, text)


def test_rank_prefers_prefix_then_substring_then_pinyin() -> None:
    assert match_rank("双柏", "双柏县财政局") == 0
    assert match_rank("财政", "双柏县财政局") == 1
    assert match_rank("sbx", "双柏县财政局") == 2
    assert match_rank("czj", "双柏县财政局") == 3
    assert match_rank("", "双柏县财政局") == 1


def test_search_orders_by_rank_and_limits() -> None:
    names = ["双柏县交通运输局", "双柏县财政局", "楚雄州财政局", "财政局"]
    assert search("czj", names) == ["财政局", "双柏县财政局", "楚雄州财政局"]
    assert search("财政", names, limit=1) == ["财政局"]


def test_every_county_and_the_prefecture_have_bodies() -> None:
    regions = RegionRegistry.load_default()
    for code in (*COUNTIES, "532300"):
        region = regions.get(code)
        own = [b for b in all_bodies() if b.region_code == code]
        assert 15 <= len(own) <= 45, (code, len(own))
        government = "楚雄州人民政府" if code == "532300" else f"{region.name}人民政府"
        assert government in [b.name for b in own]
        for body in own:
            assert RespondentKind(body.kind)
            assert body.name != body.competent_department


def test_departments_are_real_bodies() -> None:
    assert find_body("双柏县财政局").competent_department == "双柏县人民政府"
    assert find_body("楚雄州财政局").competent_department == "楚雄州人民政府"
    assert find_body("双柏县人民政府").competent_department == "楚雄州人民政府"
    assert find_body("双柏县人民医院").kind == "institution"
    assert find_body("双柏县人民医院").competent_department == "双柏县卫生健康局"
    assert find_body("双柏县妥甸镇人民政府").competent_department == "双柏县人民政府"
    assert find_body("  双柏县财政局 ").region_code == "532322"
    assert find_body("不存在的单位") is None


def test_scope_follows_the_office() -> None:
    county = bodies_in_scope("532322")
    assert {b.region_code for b in county} == {"532322"}
    prefecture = bodies_in_scope("532300")
    assert {b.region_code for b in prefecture} == {"532300", *COUNTIES}
    assert find_body("楚雄州财政局", "532322") is None
    departments = departments_in_scope("532322")
    assert departments[0] == "楚雄州人民政府"  # the county government's own competent department
    assert "双柏县人民政府" in departments and "双柏县卫生健康局" in departments
    assert "双柏县人民医院" not in departments  # an institution is not a competent department
