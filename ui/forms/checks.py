"""Inline checks while typing: the core's own validators, so the form and registration always agree.

``problem(kind, value, required)`` returns the Chinese message for one field, or None. The core stays
the judge on submit (``ValidationFailed`` is mapped back onto the fields); these checks only say it
earlier, next to the field.
"""

from __future__ import annotations

from typing import Any

from app.domain.errors import DomainError
from app.domain.glyphs import text_problem
from app.domain.identifiers import validate_citizen_id, validate_credit_code
from app.domain.money import format_money, money_in_words, parse_money
from app.domain.phones import parse_phone
from app.domain.schema import LONG_TEXT_CHARS
from app.domain.text_limits import over
from app.messages import message

NAME_MIN = 2
NAME_KINDS = ("name", "body", "department")  # inputs that always hold a name (no emoji)


def is_empty(value: Any) -> bool:
    return value is None or value is False or (isinstance(value, str | list) and not value)


def _domain(check, value: str, overridable: str = "yes", **kwargs: Any) -> str | None:
    try:
        check(value, **kwargs)
    except DomainError as error:
        return error_text("" if overridable == "no" else "complainant.credit_code", error.code, error.params)
    return None


def error_text(path: str, code: str, params: dict[str, Any] | None = None) -> str:
    """The message for an error on the field ``path``: a failed check character is advised to be confirmed
    by the checkbox only where there is one (the complainant's code)."""
    params = dict(params or {})
    if code == "credit_code_checksum" and path != "complainant.credit_code":
        params["overridable"] = "no"
    return message(code, params)


def problem(kind: str, value: Any, required: bool = False, *, override: bool = False, name: bool = False,
            limit: int | None = None) -> str | None:
    """The message for a field of ``kind`` holding ``value`` (see ``ui.forms.intake_fields``).

    ``name``: the field holds a name, so emoji are refused too (``app.domain.glyphs``).
    ``limit``: the most characters of a long text (``app.domain.text_limits``, the core's own number).
    """
    if is_empty(value):
        return message("required") if required else None
    if not isinstance(value, str):
        return None
    text = value.strip()
    if not text:
        return message("required") if required else None
    glyphs = text_problem("", text, name=name or kind in NAME_KINDS)
    if glyphs is not None:
        return message(glyphs.code, glyphs.params)
    if kind == "name" and len(text) < NAME_MIN:
        return message("string_too_short", {"min_length": NAME_MIN})
    if kind == "credit_code":
        return _domain(validate_credit_code, text, allow_checksum_failure=override)
    if kind == "opt_credit_code":  # the respondent's: no checkbox confirms it, so none is advised
        return _domain(validate_credit_code, text, overridable="no")
    if kind == "phone":
        return _domain(parse_phone, text)
    if kind == "citizen_id":
        return _domain(validate_citizen_id, text)
    if kind == "money":
        return _domain(parse_money, text)
    if kind == "long":
        found = over(text, limit or LONG_TEXT_CHARS, "")
        return message(found.code, found.params) if found else None
    if len(text) > 200:
        return message("string_too_long", {"max_length": 200})
    return None


def checksum_only(value: str) -> bool:
    """Is the only problem of this credit code its check character (a legacy pilot code)?"""
    try:
        validate_credit_code(value)
    except DomainError as error:
        return error.code == "credit_code_checksum"
    return False


def money_hint(value: str) -> str | None:
    """The amount in Chinese capitals (壹拾贰万伍仟元整) under a valid money field, as on vouchers."""
    try:
        amount = parse_money(value)
    except DomainError:
        return None
    return f"{format_money(amount)} 元 · {money_in_words(amount)}"
