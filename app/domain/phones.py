"""Chinese telephone numbers (电话号码): mobile numbers and landlines with their area code (区号).

Parsing and validity come from the ``phonenumbers`` library with region ``CN``; this module adds the
normalisation of what clerks type, the display forms used in Chinese offices and stable error codes.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import Literal

import phonenumbers
from phonenumbers import NumberParseException, PhoneNumberFormat, PhoneNumberType

from app.domain.errors import DomainError

PhoneKind = Literal["mobile", "landline"]

_SEPARATORS = re.compile(r"[\s\-()./]")
_LOCAL_ONLY = re.compile(r"[2-9][0-9]{6,7}")  # a 7-8 digit subscriber number typed without its area code


@dataclass(frozen=True)
class Phone:
    """A valid Chinese phone number.

    ``e164`` is the stored form (``+8613871012345``); ``display`` is how Chinese offices write it:
    mobile ``138 7101 2345``, landline ``0878-3117257`` (area code, hyphen, subscriber number).
    """

    e164: str
    kind: PhoneKind
    display: str


def _clean(value: str) -> str:
    text = unicodedata.normalize("NFKC", value or "").strip()
    # NFKC keeps the ideographic full stop and the Chinese brackets as they are; map the usual ones.
    return text.translate(str.maketrans({"（": "(", "）": ")", "－": "-", "—": "-", "＋": "+"}))


def parse_phone(value: str, *, field: str | None = None) -> Phone:
    """Parse a Chinese mobile or landline number; raise ``DomainError`` when it is not one.

    Accepts ``13871012345``, ``+86 138-7101-2345``, ``0878-3117257``, ``0878 3117257``,
    ``(0878)3117257`` and full-width digits. Error codes: ``required``, ``phone_no_area_code``
    (a 7-8 digit landline without area code), ``phone_invalid``.
    """
    text = _clean(value)
    if not text:
        raise DomainError("required", field)
    compact = _SEPARATORS.sub("", text)
    if _LOCAL_ONLY.fullmatch(compact):
        raise DomainError("phone_no_area_code", field, value=text)
    if not re.fullmatch(r"\+?[0-9]+", compact):
        raise DomainError("phone_invalid", field, value=text)
    try:
        number = phonenumbers.parse(compact, "CN")
    except NumberParseException as exc:
        raise DomainError("phone_invalid", field, value=text) from exc
    if number.country_code != 86 or not phonenumbers.is_valid_number(number):
        raise DomainError("phone_invalid", field, value=text)
    number_type = phonenumbers.number_type(number)
    e164 = phonenumbers.format_number(number, PhoneNumberFormat.E164)
    national = str(number.national_number)
    if number_type == PhoneNumberType.MOBILE:
        return Phone(e164=e164, kind="mobile", display=f"{national[:3]} {national[3:7]} {national[7:]}")
    if number_type == PhoneNumberType.FIXED_LINE:
        area_length = phonenumbers.length_of_geographical_area_code(number)
        if area_length <= 0:
            raise DomainError("phone_invalid", field, value=text)
        display = f"0{national[:area_length]}-{national[area_length:]}"
        return Phone(e164=e164, kind="landline", display=display)
    # 400/800 service numbers, VoIP, pagers...: not a number a person can be reached at for the record.
    raise DomainError("phone_invalid", field, value=text)


def phone_problem(value: str) -> str | None:
    """The error code :func:`parse_phone` would raise for ``value``, or ``None`` (inline hints)."""
    try:
        parse_phone(value)
    except DomainError as exc:
        return exc.code
    return None
