"""统一社会信用代码 and 居民身份证号 validators."""

from __future__ import annotations

import datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st
from stdnum.cn import ric, uscc

from app.domain.errors import DomainError
from app.domain.identifiers import (
    CREDIT_CODE_ALPHABET,
    credit_code_problem,
    is_government_body_code,
    normalize_code,
    validate_citizen_id,
    validate_credit_code,
)

# Published codes, all verified with stdnum.cn.uscc.
PUBLISHED = {
    "11532331015179648Q": "禄丰市人民政府 (ynlf.gov.cn information-disclosure directory)",
    "11140800558745220K": "晋中市文化和旅游局 (a published procurement contract)",
    "91140106713678575D": "山西晋韵古建筑有限公司 (same contract)",
    "91110000600037341L": "stdnum's documented example",
}


def make_code(prefix17: str) -> str:
    """A valid code: 17 characters plus the check character computed by stdnum."""
    return prefix17 + uscc.calc_check_digit(prefix17)


GENERATED = [
    make_code("11532300" + "015119476"),  # 机关, 楚雄州
    make_code("12532322" + "MB0123456"),  # 事业单位, 双柏县
    make_code("91532301" + "MA6K12345"),  # 企业, 楚雄市
    make_code("92532328" + "MA6NXY7L8"),  # 个体工商户, 元谋县
    make_code("52530000" + "50000001X"),  # 民办非企业单位, 云南省
    make_code("N2532329" + "MF1234567"),  # 村级集体经济组织, 武定县
]


def corrupt_one(code: str) -> str:
    """Change the check character to another alphabet character."""
    other = CREDIT_CODE_ALPHABET[(CREDIT_CODE_ALPHABET.index(code[-1]) + 1) % 31]
    return code[:-1] + other


def problem_of(value: str, **kwargs: object) -> str:
    with pytest.raises(DomainError) as info:
        validate_credit_code(value, **kwargs)  # type: ignore[arg-type]
    return info.value.code


@pytest.mark.parametrize("code", list(PUBLISHED))
def test_published_codes_are_valid(code: str) -> None:
    assert uscc.is_valid(code)
    assert validate_credit_code(code) == code
    assert credit_code_problem(code) is None


@pytest.mark.parametrize("code", GENERATED)
def test_generated_codes_are_valid(code: str) -> None:
    assert validate_credit_code(code) == code


def test_government_body_codes() -> None:
    assert is_government_body_code("11532331015179648Q")
    assert is_government_body_code("11140800558745220K")
    assert is_government_body_code(GENERATED[1])  # 12: 事业单位
    assert not is_government_body_code("91140106713678575D")
    assert not is_government_body_code(GENERATED[4])  # 民政登记
    assert not is_government_body_code("")
    assert not is_government_body_code("11532331")


@pytest.mark.parametrize(
    "typed",
    [
        "11532331015179648q",  # lower-case check letter
        "  11532331015179648Q\n",
        "１１５３２３３１０１５１７９６４８Ｑ",  # full-width
        "115323-310151796-48Q",
        "11 532331 015179648 Q",
        "11\u3000532331015179648Q",  # ideographic space
    ],
)
def test_typed_variants_normalize_to_valid(typed: str) -> None:
    assert validate_credit_code(typed) == "11532331015179648Q"


def test_normalize_code() -> None:
    assert normalize_code(" ９１ａ-b c ") == "91ABC"
    assert normalize_code("") == ""


@pytest.mark.parametrize("code", [*PUBLISHED, *GENERATED])
def test_changed_check_character_fails_checksum(code: str) -> None:
    assert problem_of(corrupt_one(code)) == "credit_code_checksum"


@pytest.mark.parametrize("position", [2, 5, 8, 10, 15])
def test_changed_character_fails_checksum(position: int) -> None:
    code = "11532331015179648Q"
    changed = code[:position] + ("7" if code[position] != "7" else "3") + code[position + 1 :]
    assert problem_of(changed) == "credit_code_checksum"


def test_transposed_characters_fail_checksum() -> None:
    code = "91140106713678575D"
    for i in range(2, 16):
        if code[i] != code[i + 1]:
            swapped = code[:i] + code[i + 1] + code[i] + code[i + 2 :]
            assert problem_of(swapped) == "credit_code_checksum", swapped


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("", "required"),
        ("   ", "required"),
        ("11532331015179648", "credit_code_length"),
        ("11532331015179648QQ", "credit_code_length"),
        ("1153233101517964", "credit_code_length"),
        ("11532331015179648I", "credit_code_format"),  # I is not in the alphabet
        ("1153233101517964OQ", "credit_code_format"),  # O
        ("11532331015179S48Q", "credit_code_format"),  # S
        ("1153233101517V648Q", "credit_code_format"),  # V
        ("115323310151Z9648Q", "credit_code_format"),  # Z
        ("1153A331015179648Q", "credit_code_format"),  # region part must be digits
        ("B1532331015179648Q", "credit_code_format"),  # no registration authority B
        ("01532331015179648Q", "credit_code_format"),  # no registration authority 0
        ("94532331015179648Q", "credit_code_format"),  # 市场监管 has types 1-3 only
        ("10532331015179648Q", "credit_code_format"),
        ("11532331015179648中", "credit_code_format"),
    ],
)
def test_invalid_codes(value: str, expected: str) -> None:
    assert problem_of(value) == expected
    assert credit_code_problem(value) == expected


def test_checksum_override_accepts_structurally_valid_code_only() -> None:
    legacy = corrupt_one("11532331015179648Q")
    assert validate_credit_code(legacy, allow_checksum_failure=True) == legacy
    assert credit_code_problem(legacy) == "credit_code_checksum"
    assert problem_of("11532331015179648I", allow_checksum_failure=True) == "credit_code_format"
    assert problem_of("1153233101517964", allow_checksum_failure=True) == "credit_code_length"


def test_error_carries_field_and_value() -> None:
    with pytest.raises(DomainError) as info:
        validate_credit_code(corrupt_one("11532331015179648Q"), field="respondent.credit_code")
    assert info.value.field == "respondent.credit_code"
    assert info.value.params["value"] == corrupt_one("11532331015179648Q")


@given(
    st.text(alphabet=CREDIT_CODE_ALPHABET, min_size=9, max_size=9),
    st.sampled_from(["11", "12", "91", "93"]),
    st.from_regex(r"53[0-9]{4}", fullmatch=True),
)
def test_any_code_with_stdnum_check_character_is_valid(body: str, prefix: str, region: str) -> None:
    code = make_code(prefix + region + body)
    assert validate_credit_code(code.lower()) == code
    assert credit_code_problem(corrupt_one(code)) == "credit_code_checksum"


# --- 居民身份证号 -------------------------------------------------------------------------


def make_id(prefix17: str) -> str:
    return prefix17 + ric.calc_check_digit(prefix17 + "0")


def test_citizen_ids() -> None:
    assert validate_citizen_id("360426199101010071") == "360426199101010071"  # stdnum's example
    chuxiong = make_id("53230119850612003")
    assert validate_citizen_id(chuxiong) == chuxiong
    lufeng_old_code = make_id("53233119700101123")  # issued under 禄丰县's retired code
    assert validate_citizen_id(lufeng_old_code) == lufeng_old_code


def test_citizen_id_with_x_check_character_is_upper_cased() -> None:
    prefixes = (f"5323221990010{d}{n:03d}" for d in range(1, 10) for n in range(100))
    number = next(p + "X" for p in prefixes if ric.calc_check_digit(p + "0") == "X")
    assert validate_citizen_id(number.lower()) == number
    assert validate_citizen_id(" " + number[:6] + " " + number[6:]) == number


@pytest.mark.parametrize(
    ("value", "code", "reason"),
    [
        ("360426199101010072", "citizen_id_invalid", "checksum"),
        ("36042619910101007", "citizen_id_invalid", "format"),
        ("36042619910101007A", "citizen_id_invalid", "format"),
        ("360426199102300071", "citizen_id_invalid", "birth_date"),  # 30 February (checksum aside)
        ("990426199101010071", "citizen_id_invalid", "region"),
        ("360426910101007", "citizen_id_legacy", None),
    ],
)
def test_invalid_citizen_ids(value: str, code: str, reason: str | None) -> None:
    with pytest.raises(DomainError) as info:
        validate_citizen_id(value)
    assert info.value.code == code
    if reason:
        assert info.value.params["reason"] == reason


def test_citizen_id_birth_date_rules() -> None:
    with pytest.raises(DomainError) as info:
        validate_citizen_id(make_id("53232419950229001"))  # 1995 is not a leap year
    assert info.value.params["reason"] == "birth_date"
    future = make_id("53232420300101001")
    with pytest.raises(DomainError):
        validate_citizen_id(future, today=datetime.date(2026, 1, 1))
    assert validate_citizen_id(future, today=datetime.date(2031, 1, 1)) == future
    with pytest.raises(DomainError):
        validate_citizen_id(make_id("53232418991231001"))


def test_citizen_id_required() -> None:
    with pytest.raises(DomainError) as info:
        validate_citizen_id("  ", field="complainant.legal_representative_id")
    assert (info.value.code, info.value.field) == ("required", "complainant.legal_representative_id")


def test_a_citizen_id_ending_in_x_is_refused_when_its_check_character_is_a_digit() -> None:
    prefix = "53232219900101001"
    right = ric.calc_check_digit(prefix + "0")
    assert right != "X"
    with pytest.raises(DomainError) as info:
        validate_citizen_id(prefix + "X")
    assert (info.value.code, info.value.params["reason"]) == ("citizen_id_invalid", "checksum")
    assert validate_citizen_id(prefix + right) == prefix + right


def test_a_citizen_id_whose_check_character_is_x_is_refused_with_a_digit() -> None:
    prefixes = (f"5323221990010{d}{n:03d}" for d in range(1, 10) for n in range(100))
    prefix = next(p for p in prefixes if ric.calc_check_digit(p + "0") == "X")
    for digit in "0123456789":
        with pytest.raises(DomainError) as info:
            validate_citizen_id(prefix + digit)
        assert info.value.params["reason"] == "checksum"


def test_citizen_id_birth_date_edges() -> None:
    today = datetime.date(2026, 6, 1)
    born_today = make_id("53232420260601001")
    assert validate_citizen_id(born_today, today=today) == born_today
    with pytest.raises(DomainError) as info:
        validate_citizen_id(make_id("53232420260602001"), today=today)
    assert info.value.params["reason"] == "birth_date"
    first_day = make_id("53232419000101001")
    assert validate_citizen_id(first_day, today=today) == first_day
    leap = make_id("53232419960229001")
    assert validate_citizen_id(leap, today=today) == leap


def test_citizen_id_errors_name_the_field_and_the_number_typed() -> None:
    field = "complainant.legal_representative_id"
    with pytest.raises(DomainError) as legacy:
        validate_citizen_id("360426 910101 007", field=field)
    assert (legacy.value.code, legacy.value.field, legacy.value.params) == (
        "citizen_id_legacy", field, {"value": "360426910101007"})
    with pytest.raises(DomainError) as wrong:
        validate_citizen_id("360426199101010072", field=field)
    assert (wrong.value.field, wrong.value.params) == (field, {"value": "360426199101010072", "reason": "checksum"})
