"""Intake 登记信息: everything recorded when a complaint is registered (and corrected by amend).

Validated with pydantic; credit codes, phones and money go through the domain validators so the
window, the CLI and sync all accept and refuse exactly the same input.
"""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any

from pydantic import AfterValidator, Field, StringConstraints, ValidationInfo, field_validator
from pydantic_core import PydanticCustomError

from app.domain import identifiers, phones
from app.domain.intake_changes import AMENDABLE_SECTIONS, AMENDABLE_TOP, apply_changes  # noqa: F401
from app.domain.schema import (
    STORED_TEXT_CHARS,
    Day,
    InputLimit,
    InputModel,
    Name,
    OptDate,
    OptMoney,
    OptText,
    Text,
    domain_check,
    not_in_future,
    today_of,
    validate,
)
from app.domain.vocabulary import BreachKind, Channel, RespondentKind, Sector


def _phone(value: str) -> str:
    return domain_check(phones.parse_phone, value).display


def _citizen_id(value: str | None) -> str | None:
    return None if value is None else domain_check(identifiers.validate_citizen_id, value)


def _optional_credit_code(value: str | None) -> str | None:
    return None if value is None else domain_check(identifiers.validate_credit_code, value)


Phone = Annotated[str, AfterValidator(_phone)]
CitizenId = Annotated[OptText, AfterValidator(_citizen_id)]
OptCreditCode = Annotated[OptText, AfterValidator(_optional_credit_code)]


# 投诉事项 and 诉求 are printed in the 转办函, the 受理回执 and the feedback letters: at these limits a
# 转办函 stays within three pages (tests/unit/test_text_limits.py renders one); a longer account
# belongs in an attachment. Stored complaints may hold more (registered before the limits).
DESCRIPTION_CHARS = 1000
CLAIM_CHARS = 300
Description = Annotated[str, StringConstraints(min_length=1, max_length=STORED_TEXT_CHARS),
                        InputLimit(DESCRIPTION_CHARS)]
ClaimText = Annotated[str, StringConstraints(min_length=1, max_length=STORED_TEXT_CHARS), InputLimit(CLAIM_CHARS)]


class Complainant(InputModel):
    """投诉人: the enterprise.

    A credit code that fails the GB 32100 checksum (some legacy pilot codes do) is accepted only with
    an explicit override and its reason; both are kept in the event.
    """

    name: Name
    credit_code_override: bool = False
    credit_code_override_reason: OptText = None
    credit_code: Text
    legal_representative: OptText = None
    contact_person: Name
    phone: Phone
    contact_id_number: CitizenId = None
    address: OptText = None

    @field_validator("credit_code")
    @classmethod
    def _credit_code(cls, value: str, info: ValidationInfo) -> str:
        override = bool(info.data.get("credit_code_override"))
        if override and not info.data.get("credit_code_override_reason"):
            raise PydanticCustomError("credit_code_override_reason_required", "credit_code_override_reason_required")
        return domain_check(identifiers.validate_credit_code, value, allow_checksum_failure=override)


class Respondent(InputModel):
    """被投诉主体: the government body, its region and its competent department 上级部门或主管部门."""

    name: Name
    kind: RespondentKind = RespondentKind.ORGAN
    credit_code: OptCreditCode = None
    region_code: Annotated[str, Field(pattern=r"^\d{6}$")]
    competent_department: Name
    competent_department_code: OptCreditCode = None


class Agreement(InputModel):
    """协议/合同."""

    title: Text
    number: OptText = None
    signed_on: OptDate = None
    amount: OptMoney = None
    parties: OptText = None

    _signed = field_validator("signed_on")(not_in_future)


class Claim(InputModel):
    """诉求."""

    amount: OptMoney = None
    text: ClaimText


class Intake(InputModel):
    """The registered complaint as the complainant put it (登记信息)."""

    complainant: Complainant
    respondent: Respondent
    channel: Channel
    channel_ref: OptText = None
    sector: Sector
    breach_kind: BreachKind
    agreement: Agreement
    claim: Claim
    description: Description
    received_on: Annotated[Day | None, Field(validate_default=True)] = None  # default: today

    @field_validator("received_on")
    @classmethod
    def _received(cls, value: date | None, info: ValidationInfo) -> date | None:
        if value is None:
            return today_of(info)
        return not_in_future(value, info)


def parse_intake(data: Any, *, today: date | None = None) -> Intake:
    """Validate raw intake (a dict from JSON or a form); raises ``ValidationFailed``."""
    return validate(Intake, data, today=today)


def intake_to_json(intake: Intake) -> dict:
    return intake.model_dump(mode="json")
