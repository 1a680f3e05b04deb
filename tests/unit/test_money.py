"""Money parsing, formatting and 中文大写金额."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.domain.errors import DomainError
from app.domain.money import format_money, money_in_words, parse_money
from app.messages import describe


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("1234.5", "1234.50"),
        ("1,234.50", "1234.50"),
        ("1,234,567", "1234567.00"),
        ("１２３４", "1234.00"),
        ("１，２３４．５０", "1234.50"),
        ("1234.50元", "1234.50"),
        ("1234元整", "1234.00"),
        ("¥1,234.5", "1234.50"),
        ("￥ 88", "88.00"),
        ("人民币100元", "100.00"),
        ("12.5万元", "125000.00"),
        ("12.5万", "125000.00"),
        ("12.345678万", "123456.78"),
        ("3亿", "300000000.00"),
        ("1.5亿元", "150000000.00"),
        (" 0 ", "0.00"),
        ("-0", "0.00"),
        (".5", "0.50"),
        ("7.", "7.00"),
        ("1000000000000", "1000000000000.00"),
        ("10000亿", "1000000000000.00"),
        (1234, "1234.00"),
        (0, "0.00"),
        (Decimal("12.3"), "12.30"),
        (Decimal("12.300"), "12.30"),
    ],
)
def test_parse_money(value: str | int | Decimal, expected: str) -> None:
    result = parse_money(value)
    assert result == Decimal(expected)
    assert str(result) == expected


@pytest.mark.parametrize(
    ("value", "code"),
    [
        ("", "money_invalid"),
        ("abc", "money_invalid"),
        ("1,2345", "money_invalid"),
        ("12,34", "money_invalid"),
        ("1.2.3", "money_invalid"),
        ("1e3", "money_invalid"),
        ("1_000", "money_invalid"),
        ("NaN", "money_invalid"),
        ("Infinity", "money_invalid"),
        ("-inf", "money_invalid"),
        ("万元", "money_invalid"),
        (Decimal("NaN"), "money_invalid"),
        (Decimal("Infinity"), "money_invalid"),
        ("-1", "money_negative"),
        ("-0.01", "money_negative"),
        (-5, "money_negative"),
        ("1.234", "money_too_many_decimals"),
        ("1.2345678万", "money_too_many_decimals"),
        (Decimal("0.001"), "money_too_many_decimals"),
        ("1000000000000.01", "money_too_large"),
        ("10000.01亿", "money_too_large"),
        (10**13, "money_too_large"),
    ],
)
def test_parse_money_errors(value: str | int | Decimal, code: str) -> None:
    with pytest.raises(DomainError) as info:
        parse_money(value, field="agreement.amount")
    assert (info.value.code, info.value.field) == (code, "agreement.amount")


@pytest.mark.parametrize("value", [1.5, 0.0, True, None, [1]])
def test_parse_money_refuses_floats_and_others(value: object) -> None:
    with pytest.raises(TypeError):
        parse_money(value)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("amount", "expected"),
    [
        ("1234.5", "1,234.50"),
        ("0", "0.00"),
        ("1000000", "1,000,000.00"),
        ("999.99", "999.99"),
        ("1000000000000", "1,000,000,000,000.00"),
    ],
)
def test_format_money(amount: str, expected: str) -> None:
    assert format_money(Decimal(amount)) == expected


@pytest.mark.parametrize(
    ("amount", "words"),
    [
        # examples of the brief
        ("1234.50", "壹仟贰佰叁拾肆元伍角整"),
        ("1000000", "壹佰万元整"),
        ("100.07", "壹佰元零柒分"),
        ("0", "零元整"),
        ("10010.10", "壹万零壹拾元壹角整"),
        # units, tens (壹拾 is always written in full)
        ("1", "壹元整"),
        ("10", "壹拾元整"),
        ("15", "壹拾伍元整"),
        ("110", "壹佰壹拾元整"),
        ("101", "壹佰零壹元整"),
        # one 零 for a run of zeros; none for trailing zeros
        ("1409.50", "壹仟肆佰零玖元伍角整"),
        ("6007.14", "陆仟零柒元壹角肆分"),
        ("1680.32", "壹仟陆佰捌拾元叁角贰分"),
        ("16409.02", "壹万陆仟肆佰零玖元零贰分"),
        ("325.04", "叁佰贰拾伍元零肆分"),
        ("107000.53", "壹拾万零柒仟元伍角叁分"),
        # 万 boundaries
        ("9999", "玖仟玖佰玖拾玖元整"),
        ("10000", "壹万元整"),
        ("10001", "壹万零壹元整"),
        ("10500", "壹万零伍佰元整"),
        ("15000", "壹万伍仟元整"),
        ("100000", "壹拾万元整"),
        ("105000", "壹拾万零伍仟元整"),
        ("150000", "壹拾伍万元整"),
        ("1000001", "壹佰万零壹元整"),
        ("10000000", "壹仟万元整"),
        ("12345678.9", "壹仟贰佰叁拾肆万伍仟陆佰柒拾捌元玖角整"),
        # 亿 boundaries
        ("99999999", "玖仟玖佰玖拾玖万玖仟玖佰玖拾玖元整"),
        ("100000000", "壹亿元整"),
        ("100000001", "壹亿零壹元整"),
        ("100010000", "壹亿零壹万元整"),
        ("100001000", "壹亿零壹仟元整"),
        ("101000000", "壹亿零壹佰万元整"),
        ("101000001", "壹亿零壹佰万零壹元整"),
        ("110000000", "壹亿壹仟万元整"),
        ("1000010000", "壹拾亿零壹万元整"),
        ("1200000000.05", "壹拾贰亿元零伍分"),
        ("200000000000", "贰仟亿元整"),
        ("1000000000000", "壹万亿元整"),
        # under one yuan
        ("0.50", "伍角整"),
        ("0.05", "伍分"),
        ("0.55", "伍角伍分"),
        ("0.01", "壹分"),
        # 元 digit zero with 角: the shorter allowed form, no 零 before 角
        ("20.30", "贰拾元叁角整"),
        ("20.03", "贰拾元零叁分"),
    ],
)
def test_money_in_words(amount: str, words: str) -> None:
    assert money_in_words(Decimal(amount)) == words


def test_money_in_words_refuses_bad_amounts() -> None:
    for bad in (Decimal("NaN"), Decimal("1.001"), Decimal("1e16")):
        with pytest.raises(ValueError):
            money_in_words(bad)


@given(st.integers(min_value=0, max_value=10**14))
def test_words_are_well_formed(cents: int) -> None:
    words = money_in_words(Decimal(cents) / 100)
    assert "零零" not in words
    assert not words.startswith("零") or words == "零元整"
    assert words.endswith(("整", "分"))
    assert not words.endswith("分整")
    assert "零元" not in words or words == "零元整"


@given(st.decimals(min_value=0, max_value=10**12, places=2, allow_nan=False, allow_infinity=False))
def test_parse_format_round_trip(amount: Decimal) -> None:
    assert parse_money(format_money(amount)) == amount
    assert parse_money(format_money(amount) + "元") == amount


@pytest.mark.parametrize(
    ("amount", "words"),
    [
        ("1011", "壹仟零壹拾壹元整"),  # one 零 for the zero, none between the digits after it
        ("100011.11", "壹拾万零壹拾壹元壹角壹分"),
        ("-5", "负伍元整"),  # a refund or a correction written in words
        ("-1234.56", "负壹仟贰佰叁拾肆元伍角陆分"),
        ("-0.00", "零元整"),
    ],
)
def test_money_in_words_after_a_zero_and_below_zero(amount: str, words: str) -> None:
    assert money_in_words(Decimal(amount)) == words


def test_money_in_words_says_why_it_refuses() -> None:
    with pytest.raises(ValueError, match=r"at most 2 decimals: 1\.001"):
        money_in_words(Decimal("1.001"))
    with pytest.raises(ValueError, match="out of range: 1E"):
        money_in_words(Decimal("1e16"))
    assert money_in_words(Decimal("9999999999999999.99")).startswith("玖仟玖佰玖拾玖万")


@pytest.mark.parametrize(
    ("typed", "grouped", "amount"),
    [
        ("1234,567", "1,234,567", "1234567.00"),
        ("12345,678.00", "12,345,678.00", "12345678.00"),
        ("1,2345,678", "12,345,678", "12345678.00"),
        ("1234,567万元", "1,234,567万元", "12345670000.00"),
    ],
)
def test_a_thousands_separator_after_four_digits_is_a_typo_and_is_refused(typed: str, grouped: str,
                                                                          amount: str) -> None:
    """“1234,567” could be 1,234,567 or 123,456.7 mistyped: the officer is asked again, the amount is
    never guessed (a wrong amount on a breach register is worse than a question)."""
    with pytest.raises(DomainError) as info:
        parse_money(typed, field="agreement.amount")
    assert info.value.code == "money_invalid"
    assert describe(info.value).endswith(f"金额“{typed}”格式不正确")
    assert parse_money(grouped) == Decimal(amount)  # grouped by threes, the same digits are fine
