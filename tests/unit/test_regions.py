"""GB/T 2260 reference data and region scope."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from app.domain.errors import DomainError
from app.domain.regions import (
    REFERENCE_DIR,
    Region,
    RegionRegistry,
    in_scope,
    level_of,
    parent_of,
    scope_prefix,
    validate_region_code,
)

PREFECTURE = "532300"
COUNTIES = {
    "532301": ("楚雄市", "楚市"),
    "532302": ("禄丰市", "禄"),
    "532322": ("双柏县", "双"),
    "532323": ("牟定县", "牟"),
    "532324": ("南华县", "南"),
    "532325": ("姚安县", "姚"),
    "532326": ("大姚县", "大"),
    "532327": ("永仁县", "永"),
    "532328": ("元谋县", "元"),
    "532329": ("武定县", "武"),
}


@pytest.fixture
def registry() -> RegionRegistry:
    return RegionRegistry.load_default()


def test_default_file_location() -> None:
    assert (REFERENCE_DIR / "regions.json").is_file()
    assert RegionRegistry.load_default() is RegionRegistry.load_default()


def test_the_ten_counties(registry: RegionRegistry) -> None:
    counties = registry.counties(PREFECTURE)
    assert [r.code for r in counties] == sorted(COUNTIES)
    for region in counties:
        assert (region.name, region.short_name) == COUNTIES[region.code]
        assert (region.level, region.parent) == ("county", PREFECTURE)
    assert registry.counties("530000") == counties
    assert registry.counties("532322") == [registry.get("532322")]


def test_province_and_prefecture(registry: RegionRegistry) -> None:
    assert registry.get("530000") == Region("530000", "云南省", "云", "province", None)
    assert registry.get(PREFECTURE) == Region(PREFECTURE, "楚雄彝族自治州", "楚", "prefecture", "530000")
    assert registry.children("530000") == [registry.get(PREFECTURE)]
    assert len(registry.children(PREFECTURE)) == 10
    assert registry.children("532322") == []
    assert len(registry.all()) == 12


def test_short_names_are_unique(registry: RegionRegistry) -> None:
    shorts = [r.short_name for r in registry.all() if r.code.startswith("5323")]
    assert len(shorts) == len(set(shorts))


def test_unknown_and_retired_codes(registry: RegionRegistry) -> None:
    with pytest.raises(DomainError) as info:
        registry.get("532330")
    assert (info.value.code, info.value.params) == ("region_unknown", {"region": "532330"})
    assert registry.find("532330") is None
    with pytest.raises(DomainError) as info:
        registry.get("532331")  # 禄丰县 became 禄丰市 in 2021 under a new code
    assert info.value.code == "region_retired"
    assert info.value.params == {"region": "532331", "replaced_by": "532302"}
    assert registry.replacement("532331") == "532302"
    assert registry.find("532331") is None
    with pytest.raises(DomainError):
        registry.children("110000")


def test_records_round_trip(registry: RegionRegistry) -> None:
    records = registry.to_records()
    assert records[0] == {
        "code": "530000",
        "name": "云南省",
        "short_name": "云",
        "level": "province",
        "parent": None,
    }
    assert RegionRegistry.from_records(records).all() == registry.all()
    shipped = json.loads((REFERENCE_DIR / "regions.json").read_text(encoding="utf-8"))["regions"]
    assert shipped == records


def test_code_structure() -> None:
    assert level_of("530000") == "province"
    assert level_of("532300") == "prefecture"
    assert level_of("532331") == "county"
    assert parent_of("532322") == "532300"
    assert parent_of("532300") == "530000"
    assert parent_of("530000") is None
    assert validate_region_code("５３２３２２") == "532322"
    for bad in ["", "53232", "5323220", "53232x", "000000", "992300", "530001", "５３２３２Ａ"]:
        with pytest.raises(DomainError) as info:
            validate_region_code(bad)
        assert info.value.code == "region_code_invalid"


def test_scope_prefix() -> None:
    assert scope_prefix("530000") == "53"
    assert scope_prefix("532300") == "5323"
    assert scope_prefix("532322") == "532322"


def test_scope_rules() -> None:
    for county in COUNTIES:
        assert in_scope(PREFECTURE, county)
        assert in_scope("530000", county)
        assert in_scope(county, county)
        assert not in_scope(county, PREFECTURE)  # a county does not see the prefecture's own bodies
        assert not in_scope(county, "530000")
        for sibling in COUNTIES:
            assert in_scope(county, sibling) == (county == sibling)
    assert in_scope(PREFECTURE, PREFECTURE)
    assert in_scope("530000", PREFECTURE)
    assert in_scope("530000", "530000")
    assert not in_scope(PREFECTURE, "530000")
    assert not in_scope(PREFECTURE, "530102")  # 昆明 五华区
    assert not in_scope("530000", "510104")  # 成都 锦江区
    with pytest.raises(DomainError):
        in_scope(PREFECTURE, "53232")


def write(path: Path, text: str, encoding: str = "utf-8") -> Path:
    path.write_bytes(text.encode(encoding))
    return path


def test_merge_csv_with_bom(tmp_path: Path, registry: RegionRegistry) -> None:
    csv_file = write(
        tmp_path / "others.csv",
        "code,name,short_name\r\n530100,昆明市,昆\r\n530102,五华区,\r\n530181,安宁市,安\r\n\r\n",
        "utf-8-sig",
    )
    merged = registry.merged_with_file(csv_file)
    assert merged.get("530100") == Region("530100", "昆明市", "昆", "prefecture", "530000")
    assert merged.get("530102") == Region("530102", "五华区", "五", "county", "530100")
    assert [r.code for r in merged.children("530000")] == ["530100", PREFECTURE]
    assert [r.code for r in merged.counties("530100")] == ["530102", "530181"]
    assert len(merged.counties("530000")) == 12
    assert len(registry.all()) == 12  # the original is unchanged
    assert merged.replacement("532331") == "532302"


def test_merge_csv_without_bom_and_two_columns(tmp_path: Path, registry: RegionRegistry) -> None:
    csv_file = write(tmp_path / "others.csv", "code,name\n510000,四川省\n510100,成都市\n510104,锦江区\n")
    merged = registry.merged_with_file(csv_file)
    assert merged.get("510000").level == "province"
    assert merged.get("510104").parent == "510100"
    assert merged.get("510000").short_name == "四"


def test_merge_csv_saved_by_chinese_excel(tmp_path: Path, registry: RegionRegistry) -> None:
    csv_file = write(tmp_path / "others.csv", "代码,名称,简称\n530100,昆明市,昆\n", "gb18030")
    assert registry.merged_with_file(csv_file).get("530100").name == "昆明市"


def test_merge_csv_overrides_same_code(tmp_path: Path, registry: RegionRegistry) -> None:
    csv_file = write(tmp_path / "others.csv", "code,name,short_name\n532322,双柏县,柏\n")
    assert registry.merged_with_file(csv_file).get("532322").short_name == "柏"


@pytest.mark.parametrize(
    ("text", "code", "line", "reason"),
    [
        ("code,name\n530100,昆明市\n53010X,五华区\n", "region_code_invalid", 3, None),
        ("code,name\n530100,昆明市\n530102,五华区\n530103\n", "region_file_invalid", 4, "missing_name"),
        ("code,name\n530100,昆明市\n\n530102,五华,区,多余\n", "region_file_invalid", 4, "columns"),
        ("code,name\n530100,昆明市\n530100,昆明\n", "region_file_invalid", 3, "duplicate"),
        ("编号,地区\n530100,昆明市\n", "region_file_invalid", 1, "header"),
        ("", "region_file_invalid", 1, "header"),
    ],
)
def test_merge_csv_bad_line(
    tmp_path: Path, registry: RegionRegistry, text: str, code: str, line: int, reason: str | None
) -> None:
    csv_file = write(tmp_path / "others.csv", text, "utf-8-sig")
    with pytest.raises(DomainError) as info:
        registry.merged_with_file(csv_file)
    assert info.value.code == code
    assert info.value.params["line"] == line
    if reason:
        assert info.value.params["reason"] == reason


def test_merge_json(tmp_path: Path, registry: RegionRegistry) -> None:
    data = {
        "regions": [
            {"code": "530100", "name": "昆明市", "short_name": "昆"},
            {"code": "530102", "name": "五华区"},
        ]
    }
    json_file = write(tmp_path / "others.json", json.dumps(data, ensure_ascii=False))
    merged = registry.merged_with_file(json_file)
    assert merged.get("530102") == Region("530102", "五华区", "五", "county", "530100")
    bare_list = write(tmp_path / "list.json", json.dumps(data["regions"], ensure_ascii=False))
    assert registry.merged_with_file(bare_list).get("530100").short_name == "昆"


def test_merge_json_errors(tmp_path: Path, registry: RegionRegistry) -> None:
    broken = write(tmp_path / "broken.json", '{"regions": [\n{"code": "530100",\n}')
    with pytest.raises(DomainError) as info:
        registry.merged_with_file(broken)
    assert (info.value.code, info.value.params["line"]) == ("region_file_invalid", 3)
    bad_code = write(
        tmp_path / "bad.json",
        json.dumps([{"code": "530100", "name": "昆明市"}, {"code": "5301", "name": "x"}]),
    )
    with pytest.raises(DomainError) as info:
        registry.merged_with_file(bad_code)
    assert (info.value.code, info.value.params["line"]) == ("region_code_invalid", 2)
    missing = tmp_path / "missing.csv"
    with pytest.raises(DomainError) as info:
        registry.merged_with_file(missing)
    assert info.value.params["reason"] == "unreadable"
