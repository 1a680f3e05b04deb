"""Personal data 个人信息 of complainants that is stored encrypted (issue 12): the one list.

Which values are sealed, wherever a document (an event payload, a complaint aggregate, a quarantined
event, a draft) carries them:

- every value held under one of ``SEALED_KEYS`` (the complainant's phone, citizen ID number and
  address, under their intake names, their names in an amendment's ``changes`` and in a document
  snapshot);
- every other text in which a phone or citizen ID number appears (``holds_personal_number``):
  descriptions, claims, notes, reasons… are sealed as a whole.

The walkers take the sealing and opening functions as arguments (``app.security.fieldcrypt`` gives
them): the domain says *what* is personal, not how it is protected. The field name is the associated
data of a sealed value, so a token copied under another name does not open.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

TOKEN_PREFIX = "enc1:"

SEALED_KEYS = frozenset({
    "phone", "contact_id_number", "address",  # intake.complainant.*
    "complainant.phone", "complainant.contact_id_number", "complainant.address",  # amend changes
    "complainant_phone", "complainant_address", "complainant_id_number",  # document snapshots
})

# Phone and citizen ID numbers in free text (the patterns of ``app.domain.masking``).
_CITIZEN_ID = re.compile(r"(?<![0-9A-Za-z])\d{17}[\dXx](?![0-9A-Za-z])")
_MOBILE = re.compile(r"(?<![0-9A-Za-z])(?:\+?86[ -]?)?1[3-9]\d[ -]?\d{4}[ -]?\d{4}(?![0-9A-Za-z])")
_LANDLINE = re.compile(r"(?<![0-9A-Za-z])0\d{2,3}[-－ ]?\d{3,4}\d{4}(?![0-9A-Za-z])")
_PATTERNS = (_CITIZEN_ID, _MOBILE, _LANDLINE)
_QUICK_KEYS = tuple(f'"{key}"' for key in SEALED_KEYS)

Seal = Callable[[str, str], str]  # (clear text, field name) -> token
Open = Callable[[str, str], str]  # (token, field name) -> clear text


def holds_personal_number(text: str) -> bool:
    """True when ``text`` contains a phone or citizen ID number."""
    return any(p.search(text) for p in _PATTERNS)


def mask_personal_numbers(text: str) -> str:
    """``text`` with every phone and ID number masked as on screen (for the search index)."""
    from app.domain.masking import mask_text

    return mask_text(text) if holds_personal_number(text) else text


def _sealed(key: str, value: str) -> bool:
    return key in SEALED_KEYS or value.startswith(TOKEN_PREFIX) or (len(value) >= 10 and holds_personal_number(value))


def may_hold_personal_data(json_text: str) -> bool:
    """A cheap test on a document's JSON text: False means ``seal_document`` would change nothing."""
    return any(key in json_text for key in _QUICK_KEYS) or holds_personal_number(json_text) \
        or TOKEN_PREFIX in json_text


def seal_document(value: Any, seal: Seal, key: str = "") -> Any:
    """A copy of ``value`` (JSON-like) with every personal value replaced by ``seal(text, field)``."""
    if isinstance(value, dict):
        return {k: seal_document(v, seal, k) for k, v in value.items()}
    if isinstance(value, list):
        return [seal_document(v, seal, key) for v in value]
    if isinstance(value, str) and value and _sealed(key, value):
        return seal(value, key)
    return value


def open_document(value: Any, open_: Open, key: str = "") -> Any:
    """A copy of ``value`` with every token replaced by ``open_(token, field)`` (the clear text)."""
    if isinstance(value, dict):
        return {k: open_document(v, open_, k) for k, v in value.items()}
    if isinstance(value, list):
        return [open_document(v, open_, key) for v in value]
    if isinstance(value, str) and value.startswith(TOKEN_PREFIX):
        return open_(value, key)
    return value


def personal_number_digits(intake: dict) -> list[str]:
    """The digits of the complainant's phone as officers search it (national number, no country code)."""
    phone = (intake.get("complainant") or {}).get("phone") or ""
    digits = re.sub(r"\D", "", phone)
    if digits.startswith("86") and len(digits) == 13:
        digits = digits[2:]
    return [digits] if len(digits) >= 4 else []


SEARCH_SUFFIXES = range(4, 12)  # the last 4 … 11 digits of a phone find the complaint


def phone_suffixes(digits: str) -> list[str]:
    """Every suffix of ``digits`` an officer may type (4 to 11 digits, the whole number included)."""
    return list(dict.fromkeys(digits[-n:] for n in SEARCH_SUFFIXES if n <= len(digits)))
