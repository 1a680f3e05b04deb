"""Money amounts (金额) as ``Decimal`` yuan with two decimals, and their 中文大写金额 form.

Floats are never accepted: amounts come from text typed by people or from stored decimal strings.
"""

from __future__ import annotations

import re
import unicodedata
from decimal import Decimal, InvalidOperation

from app.domain.errors import DomainError

CENT = Decimal("0.01")
MAX_AMOUNT = Decimal("1000000000000")  # 1e12 yuan (一万亿元)

_UNIT_SCALES = (
    ("亿元", Decimal(100_000_000)),
    ("亿", Decimal(100_000_000)),
    ("万元", Decimal(10_000)),
    ("万", Decimal(10_000)),
    ("元整", Decimal(1)),
    ("元", Decimal(1)),
)
_PLAIN = re.compile(r"[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)")
_GROUPED = re.compile(r"[+-]?[0-9]{1,3}(?:,[0-9]{3})+(?:\.[0-9]*)?")

_DIGITS = "零壹贰叁肆伍陆柒捌玖"
_SMALL_UNITS = ("", "拾", "佰", "仟")
_BIG_UNITS = ("", "万", "亿", "万亿")


def parse_money(value: str | int | Decimal, *, field: str | None = None) -> Decimal:
    """Parse an amount in yuan and return it quantized to 0.01.

    Accepts ``1234.5``, ``1,234.50``, full-width digits, ``1234.50元``, ``¥1234``, ``12.5万元`` /
    ``12.5万`` (×10 000) and ``1.2亿`` (×100 000 000). Error codes: ``money_invalid``,
    ``money_negative``, ``money_too_many_decimals`` (more than two decimals after scaling) and
    ``money_too_large`` (above 1e12 yuan). ``float`` (and ``bool``) input raises ``TypeError``.
    """
    if isinstance(value, bool) or not isinstance(value, str | int | Decimal):
        raise TypeError(f"parse_money() takes str, int or Decimal, not {type(value).__name__}")
    if isinstance(value, str):
        amount = _parse_text(value, field)
    else:
        amount = Decimal(value)
    if not amount.is_finite():
        raise DomainError("money_invalid", field, value=str(value))
    if amount < 0:
        raise DomainError("money_negative", field, value=str(value))
    if amount > MAX_AMOUNT:
        raise DomainError("money_too_large", field, value=str(value))
    quantized = amount.quantize(CENT)
    if quantized != amount:
        raise DomainError("money_too_many_decimals", field, value=str(value))
    return quantized if quantized else Decimal("0.00")  # no "-0.00"


def _parse_text(value: str, field: str | None) -> Decimal:
    text = unicodedata.normalize("NFKC", value).strip()
    text = re.sub(r"\s", "", text).replace("，", ",")
    text = text.removeprefix("人民币").lstrip("¥￥")
    scale = Decimal(1)
    for suffix, factor in _UNIT_SCALES:
        if text.endswith(suffix):
            text, scale = text[: -len(suffix)], factor
            break
    if _GROUPED.fullmatch(text):
        text = text.replace(",", "")
    if not _PLAIN.fullmatch(text):  # also refuses "NaN", "Infinity", "1e3", "1_000"
        raise DomainError("money_invalid", field, value=value)
    try:
        return Decimal(text) * scale
    except InvalidOperation as exc:  # pragma: no cover - the regex admits only valid literals
        raise DomainError("money_invalid", field, value=value) from exc


def format_money(amount: Decimal) -> str:
    """Amount with thousands separators and two decimals: ``Decimal("1234.5")`` → ``"1,234.50"``."""
    return f"{amount.quantize(CENT):,.2f}"


def _integer_in_words(number: int) -> str:
    """Chinese capital numerals of a positive integer (壹万零伍佰 for 10500); one 零 per run of zeros."""
    digits = str(number)
    words: list[str] = []
    pending_zero = False
    for index, char in enumerate(digits):
        power = len(digits) - 1 - index
        digit = int(char)
        if digit == 0:
            pending_zero = True
        else:
            if pending_zero:
                words.append("零")
                pending_zero = False
            words.append(_DIGITS[digit] + _SMALL_UNITS[power % 4])
        if power % 4 == 0 and power > 0:
            group = digits[max(0, index - 3) : index + 1]
            if int(group):
                words.append(_BIG_UNITS[power // 4])
    return "".join(words)


def money_in_words(amount: Decimal) -> str:
    """中文大写金额 as written on official documents and vouchers.

    ``1234.50`` → ``壹仟贰佰叁拾肆元伍角整``; ``100.07`` → ``壹佰元零柒分``; ``0`` → ``零元整``.
    Rules: one 零 for a run of zeros inside the integer part; 零 between 元 and 分 when 角 is zero;
    no 零 before 角 when the 元 digit is zero (both forms are allowed, this one is the shorter);
    整 after 元 or 角, never after 分; amounts under one yuan start with 角 or 分.
    """
    if not amount.is_finite() or amount.quantize(CENT) != amount:
        raise ValueError(f"money_in_words() needs a finite amount with at most 2 decimals: {amount}")
    if abs(amount) >= Decimal(10) ** 16:
        raise ValueError(f"money_in_words() amount out of range: {amount}")
    sign = "负" if amount < 0 else ""
    cents = int(abs(amount) * 100)
    yuan, jiao, fen = cents // 100, cents // 10 % 10, cents % 10
    if cents == 0:
        return "零元整"
    text = _integer_in_words(yuan) + "元" if yuan else ""
    if jiao:
        text += _DIGITS[jiao] + "角" + (_DIGITS[fen] + "分" if fen else "整")
    elif fen:
        text += ("零" if yuan else "") + _DIGITS[fen] + "分"
    else:
        text += "整"
    return sign + text
