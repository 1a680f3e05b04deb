"""Masking for publication and for officers' screens, value by value (issue 17: mutation testing)."""

from __future__ import annotations

import pytest

from app.domain.masking import mask_address, mask_name, mask_personal_text, mask_text

ID = "53232219800101193X"  # valid check character
CODE = "91532322MA6N0X1A2B"  # a credit code's shape (the check character does not matter here)


@pytest.mark.parametrize(("name", "masked"), [
    ("张", "*"), ("张三", "张*"), ("张三丰", "张**"), ("欧阳", "欧*"), ("欧阳娜", "欧阳*"), ("欧阳娜娜", "欧阳**"),
    ("  李四 ", "李*"), ("", ""), (None, ""),
])
def test_names_keep_the_surname_only(name, masked):
    assert mask_name(name) == masked


@pytest.mark.parametrize(("address", "kept"), [
    ("云南省楚雄彝族自治州双柏县妥甸镇北街12号", "云南省楚雄彝族自治州双柏县"),
    ("楚雄市鹿城镇", "楚雄市"),  # no county in front of the street: cut at the city
    ("云南省昆明市五华区", "云南省昆明市五华区"),
    ("云南省楚雄州永仁路8号", "云南省楚雄州"),  # a prefecture and a street: cut at the prefecture
    ("云南省楚雄州", "云南省楚雄州"),
    ("北京路10号", "（详细地址不公开）"),
    ("  ", ""),
])
def test_addresses_are_cut_to_the_county(address, kept):
    assert mask_address(address) == kept


def test_the_last_city_or_prefecture_before_the_street_is_kept():
    assert mask_address("云南省楚雄州楚雄市州府路1号") == "云南省楚雄州楚雄市"
    assert mask_address("某州甲州乙路1号") == "某州甲州"


def test_free_text_for_publication_masks_every_kind_and_the_names_given():
    text = f"联系人欧阳娜娜、张三，身份证{ID}，手机13887012345，座机0878-3117257，信用代码{CODE}。"
    assert mask_text(text, ["张三", "欧阳娜娜", " ", "李", None]) == (
        "联系人欧阳**、张*，身份证5323**********193X，手机138****2345，座机0878-***7257，"
        "信用代码9153**********1A2B。")
    assert mask_text(text, frozenset({"张三"})).startswith("联系人欧阳娜娜、张*")
    assert mask_text(None) == "" and mask_text("") == ""
    assert mask_text("无个人信息") == "无个人信息"


def test_names_shorter_than_two_characters_are_not_masked_in_free_text():
    assert mask_text("李先生来电", ["李"]) == "李先生来电"
    assert mask_text("王五来电", ["王五"]) == "王*来电"


def test_officers_see_names_and_credit_codes_but_not_phones_or_id_numbers():
    text = f"张三 {ID} 13887012345 0878-3117257 {CODE} 合同金额 532322198001011930 元"
    assert mask_personal_text(text) == (
        f"张三 5323**********193X 138****2345 0878-***7257 {CODE} 合同金额 532322198001011930 元")
    assert mask_personal_text(None) == "" and mask_personal_text("无数字") == "无数字"


@pytest.mark.parametrize(("phone", "masked"), [
    ("13871012345", "138****2345"), ("+86 138 7101 2345", "138****2345"), ("8613871012345", "138****2345"),
    ("0878-3117257", "0878-***7257"), ("010-12345678", "010-****5678"), ("02112345678", "021-****5678"),
    ("0871-63123456", "0871-****3456"), ("087131172", "*****1172"),  # 9 digits starting 0: no area code rule
    ("1234567890123", "*********0123"), ("12345", "*2345"), ("1234", "****"), ("12", "****"), ("", ""),
    ("3117257", "***7257"), ("0878311725712", "*********5712"),  # 13 digits starting 0: too long for a landline
])
def test_phone_numbers_keep_the_prefix_they_need_and_the_last_four(phone, masked):
    from app.domain.masking import mask_phone

    assert mask_phone(phone) == masked


@pytest.mark.parametrize(("number", "masked"), [
    ("530322198001011935", "5303**********1935"), ("12345678", "********"), ("123456789", "1234*6789"),
    ("abc", "***"), ("", ""), (None, ""), (" 53032219800101193x ", "5303**********193X"),
])
def test_id_numbers_keep_four_at_each_end(number, masked):
    from app.domain.masking import mask_id_number

    assert mask_id_number(number) == masked


def _with_check(body17: str) -> str:
    weights = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
    return body17 + "10X98765432"[sum(int(d) * w for d, w in zip(body17, weights, strict=True)) % 11]


@pytest.mark.parametrize(("body", "masked"), [
    ("53232219000101193", True), ("53232220991231193", True), ("53232218991231193", False),
    ("53232221000101193", False), ("53232219801301193", False), ("53232219801200193", False),
    ("53232219801232193", False), ("53232219801231193", True), ("03232219800101193", False),
    ("53232219801001193", True), ("53232219800110193", True),
])
def test_only_numbers_that_could_be_citizen_ids_are_masked_in_officers_text(body, masked):
    number = _with_check(body)
    assert (mask_personal_text(number) != number) is masked
