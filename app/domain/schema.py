"""Shared pieces for input models: strict pydantic base, field types, and error conversion.

Input from the window, the CLI and sync is validated with pydantic; every failure becomes a
``FieldError`` with a stable code (pydantic's error type or ours), never an English sentence.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Annotated, Any, TypeVar

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    StringConstraints,
    ValidationError,
    ValidationInfo,
)
from pydantic_core import PydanticCustomError

from app.domain import money
from app.domain.errors import DomainError, FieldError, ValidationFailed


class InputModel(BaseModel):
    """Base for all validated input: unknown keys are errors, strings are trimmed."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True, frozen=True)


def domain_check(func: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
    """Call a domain validator, turning its ``DomainError`` into a pydantic error with the same code."""
    try:
        return func(*args, **kwargs)
    except DomainError as error:
        params = {key: str(value) for key, value in error.params.items()}
        raise PydanticCustomError(error.code, error.code, params) from None


def _money(value: Any) -> Decimal | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, float):
        value = repr(value)
    return domain_check(money.parse_money, value)


def _blank_to_none(value: Any) -> Any:
    if isinstance(value, str) and not value.strip():
        return None
    return value


FIRST_DAY = date(1950, 1, 1)
LAST_DAY = date(2099, 12, 31)


def _day_in_range(value: date) -> date:
    """Dates of the record stay within 1950–2099: nothing real lies outside, and deadline arithmetic on
    a date such as 9999-12-31 would overflow wherever the record is read."""
    if not FIRST_DAY <= value <= LAST_DAY:
        raise PydanticCustomError("date_out_of_range", "date_out_of_range", {"value": value.isoformat()})
    return value


Day = Annotated[date, AfterValidator(_day_in_range)]


@dataclass(frozen=True)
class InputLimit:
    """The most characters a text typed *now* may hold (``app.domain.text_limits``: the window, the CLI,
    imports and the hub's checks on new work apply it). The type's own ``max_length`` stays the ceiling
    for stored events: text recorded before a limit was lowered still folds and rebuilds."""

    chars: int


# A free text printed in a document: a reason, a note, an explanation, the facts… (a full A4 page of
# 仿宋 三号 holds about 600 characters; see app.domain.text_limits for the intake's own limits)
LONG_TEXT_CHARS = 500
STORED_TEXT_CHARS = 5000  # what stored events may hold (the limit before issue 13)

Text = Annotated[str, StringConstraints(min_length=1, max_length=200)]
LongText = Annotated[str, StringConstraints(min_length=1, max_length=STORED_TEXT_CHARS), InputLimit(LONG_TEXT_CHARS)]
Name = Annotated[str, StringConstraints(min_length=2, max_length=100)]
OptText = Annotated[Annotated[str, StringConstraints(max_length=200)] | None, BeforeValidator(_blank_to_none)]
OptLongText = Annotated[Annotated[str, StringConstraints(max_length=STORED_TEXT_CHARS), InputLimit(LONG_TEXT_CHARS)]
                        | None, BeforeValidator(_blank_to_none)]
# A typical case's summary for publication (信用云南): several paragraphs, drafted from the record
# (``app.reports.typical_summary``, which quotes the facts of the breach), so it gets more room.
SUMMARY_TEXT_CHARS = 2000
OptSummaryText = Annotated[Annotated[str, StringConstraints(max_length=STORED_TEXT_CHARS),
                                     InputLimit(SUMMARY_TEXT_CHARS)] | None, BeforeValidator(_blank_to_none)]
Money = Annotated[Decimal, BeforeValidator(_money)]
OptMoney = Annotated[Decimal | None, BeforeValidator(_money)]
OptDate = Annotated[Day | None, BeforeValidator(_blank_to_none)]


def today_of(info: ValidationInfo) -> date | None:
    """The business date passed in the validation context (``{"today": date}``), if any."""
    context = info.context or {}
    return context.get("today")


def not_in_future(value: date | None, info: ValidationInfo) -> date | None:
    today = today_of(info)
    if value is not None and today is not None and value > today:
        raise PydanticCustomError("date_in_future", "date_in_future", {"value": value.isoformat()})
    return value


M = TypeVar("M", bound=BaseModel)


def validate(model: type[M], data: Any, *, today: date | None = None, prefix: str = "") -> M:
    """Validate ``data`` against ``model``; raise ``ValidationFailed`` listing every bad field."""
    if not isinstance(data, dict):
        raise ValidationFailed([FieldError(prefix or "(root)", "not_an_object")])
    try:
        return model.model_validate(data, context={"today": today})
    except ValidationError as error:
        raise ValidationFailed(to_field_errors(error, prefix)) from None


# Rules checked across fields (model validators) report at the model; say which field they are about.
CODE_FIELDS = {
    "requirements_required": "requirements",
    "rectify_due_required": "rectify_due",
    "dispute_path_required": "dispute_path",
    "period_reversed": "end_on",
    "reason_required": "reason",
    "ground_detail_required": "ground_detail",
    "measures_required": "measures",
}


def _choices(expected: str) -> str:
    """pydantic's ``'a', 'b' or 'c'`` written as the Chinese messages list choices: ``a、b或c``."""
    values = re.findall(r"'([^']*)'", expected)
    if len(values) < 2:
        return values[0] if values else expected
    return "、".join(values[:-1]) + "或" + values[-1]


def to_field_errors(error: ValidationError, prefix: str = "") -> list[FieldError]:
    result = []
    for item in error.errors(include_url=False):
        loc = [str(part) for part in item["loc"] if part not in ("function-after",)]
        if item["type"] in CODE_FIELDS:
            loc.append(CODE_FIELDS[item["type"]])
        path = ".".join(loc)
        if prefix:
            path = f"{prefix}.{path}" if path else prefix
        params = {key: str(value) for key, value in (item.get("ctx") or {}).items() if key != "error"}
        if item["type"] in ("enum", "literal_error") and "expected" in params:
            params["expected"] = _choices(params["expected"])
        result.append(FieldError(path or "(root)", item["type"], params))
    return result
