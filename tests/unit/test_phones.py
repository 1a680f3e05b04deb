"""Chinese mobile and landline numbers."""

from __future__ import annotations

import pytest

from app.domain.errors import DomainError
from app.domain.phones import Phone, parse_phone, phone_problem

MOBILE = Phone(e164="+8613871012345", kind="mobile", display="138 7101 2345")
CHUXIONG = Phone(e164="+868783117257", kind="landline", display="0878-3117257")
KUNMING = Phone(e164="+8687163131234", kind="landline", display="0871-63131234")


@pytest.mark.parametrize(
    "typed",
    [
        "13871012345",
        "138 7101 2345",
        "138-7101-2345",
        "+86 138-7101-2345",
        "+8613871012345",
        "008613871012345",
        "86 13871012345",
        "１３８７１０１２３４５",
        "＋８６ １３８ ７１０１ ２３４５",
    ],
)
def test_mobile(typed: str) -> None:
    assert parse_phone(typed) == MOBILE


@pytest.mark.parametrize(
    "typed",
    [
        "0878-3117257",
        "0878 3117257",
        "(0878)3117257",
        "（0878）3117257",
        "08783117257",
        "+86 878 3117257",
        "０８７８－３１１７２５７",
    ],
)
def test_chuxiong_landline(typed: str) -> None:
    assert parse_phone(typed) == CHUXIONG


@pytest.mark.parametrize("typed", ["0871-63131234", "(0871) 6313 1234", "087163131234", "+86 871 6313 1234"])
def test_kunming_landline(typed: str) -> None:
    assert parse_phone(typed) == KUNMING


def test_other_mobile_prefixes_and_beijing() -> None:
    assert parse_phone("19987801234").kind == "mobile"
    assert parse_phone("15808781234").display == "158 0878 1234"
    assert parse_phone("010-12345678") == Phone("+861012345678", "landline", "010-12345678")


@pytest.mark.parametrize(
    ("value", "code"),
    [
        ("", "required"),
        ("   ", "required"),
        ("3117257", "phone_no_area_code"),
        ("311 7257", "phone_no_area_code"),
        ("63131234", "phone_no_area_code"),
        ("6313-1234", "phone_no_area_code"),
        ("0878-311725", "phone_invalid"),  # too short for 0878
        ("0878-31172570", "phone_invalid"),  # too long for 0878
        ("1387101234", "phone_invalid"),  # 10-digit mobile
        ("138710123456", "phone_invalid"),
        ("12345", "phone_invalid"),
        ("400-800-1234", "phone_invalid"),  # service number, not a person's phone
        ("+1 650 253 0000", "phone_invalid"),  # not a Chinese number
        ("138abc12345", "phone_invalid"),
        ("电话13871012345", "phone_invalid"),
        ("+44 7400 123456", "phone_invalid"),  # a valid British mobile: not a Chinese number either
        ("+0123456789", "phone_invalid"),  # no country has code 0
    ],
)
def test_invalid(value: str, code: str) -> None:
    with pytest.raises(DomainError) as info:
        parse_phone(value, field="complainant.phone")
    assert info.value.code == code
    assert info.value.field == "complainant.phone"
    assert info.value.params == ({} if code == "required" else {"value": value.strip()})  # the form shows it
    assert phone_problem(value) == code


def test_problem_none_for_valid() -> None:
    assert phone_problem("0878-3117257") is None
    assert phone_problem("13871012345") is None
