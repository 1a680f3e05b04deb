"""Disclosure of personal data 个人信息的显示: what is masked where, who may reveal it, what documents print (one policy).

The personal fields of an intake are the contact's telephone, citizen ID number and the address
(``PERSONAL_FIELDS``). They are shown masked everywhere — lists, the case page, the duplicates compare
view, the import preview, exports, CLI output and logs — with the maskers of ``app.domain.masking``
(138****5678, 5323**********1935, the address cut to the county). Free text (description, notes,
reasons) has any telephone or ID number in it masked too (``masking.mask_personal_text``).

Reveal 显示 (GB/T 22239-2019 三级, 8.1.4.2 访问控制 least privilege, 8.1.4.3 安全审计, 8.1.4.11
个人信息保护): the officers who work the case — clerk 登记员, handler 承办人, leader 审核人 — may reveal
one complaint's values when they need them (to call the complainant back, to check an ID). Each
reveal first writes a ``personal_data_revealed`` event on the session stream (the complaint and the
fields), and only then are the values shown; the window masks them again after ``REVEAL_SECONDS`` or
when another complaint is opened. The system administrator 系统管理员 and the auditor 审计员 never
see them in full: they administer and audit, they do not handle complainants.

Documents print only what their recipient needs (``DOCUMENT_FIELDS``, the table in docs/security.md):
no document prints the complainant's telephone, ID number or address. Letters to the complainant go to
the enterprise, which knows its own; the 转办函, the 整改督促 and 违约失信 notices go to government bodies,
which verify the body's performance of the agreement and reach the complainant, when they must, through
the office whose contact person and telephone every document prints. A document's snapshot is kept in
the event log, so what is not printed is not stored there either. In every document's free text the
citizen ID numbers are masked, and the complainant's own telephone unless the kind prints it.
"""

from __future__ import annotations

import copy
import functools
import re
from collections.abc import Callable, Iterable, Mapping
from typing import Any

from app.domain import masking
from app.domain.vocabulary import Role

PHONE, ID_NUMBER, ADDRESS = "complainant.phone", "complainant.contact_id_number", "complainant.address"
# intake path -> how it is masked
PERSONAL_FIELDS: dict[str, Callable[[str | None], str]] = {
    PHONE: masking.mask_phone, ID_NUMBER: masking.mask_id_number, ADDRESS: masking.mask_address,
}
# Free-text fields of an intake (a telephone or ID number typed in them is masked as well).
FREE_TEXT_FIELDS = ("description", "claim.text", "agreement.parties")

REVEAL_ROLES = frozenset({Role.CLERK.value, Role.HANDLER.value, Role.LEADER.value})
REVEAL_SECONDS = 60
REVEAL_ACTION = "personal_data_revealed"  # on the session stream: {complaint_id, case_no, fields, via}

# Document kind -> the personal data its recipient needs (keys of ``app.documents.context``). None today:
# a kind that must print the complainant's telephone is named here (and its snapshot then holds it).
DOCUMENT_FIELDS: dict[str, frozenset[str]] = {}
DOCUMENT_PERSONAL_KEYS = frozenset({"complainant_phone", "complainant_address", "complainant_id_number"})

# JSON keys (as they appear in intakes, amendments and document snapshots) holding personal data.
_KEY_MASKERS: dict[str, Callable[[str | None], str]] = {
    "phone": masking.mask_phone, "contact_id_number": masking.mask_id_number,
    "complainant_phone": masking.mask_phone, "complainant_address": masking.mask_address,
    "complainant_id_number": masking.mask_id_number,
    **PERSONAL_FIELDS,
}


def may_reveal(roles: Iterable[str]) -> bool:
    """Does a user holding ``roles`` may see personal data in full (after an audited reveal)?"""
    return bool(REVEAL_ROLES & {str(r) for r in roles})


def value_at(intake: Mapping[str, Any], path: str) -> Any:
    value: Any = intake
    for part in path.split("."):
        value = value.get(part) if isinstance(value, Mapping) else None
    return value


def present_fields(intake: Mapping[str, Any]) -> tuple[str, ...]:
    """The personal fields ``intake`` holds a value for (what a reveal shows)."""
    return tuple(path for path in PERSONAL_FIELDS if value_at(intake, path) not in (None, ""))


def mask_field(path: str, value: Any) -> Any:
    """``value`` of intake field ``path`` as shown masked (other fields unchanged)."""
    masker = PERSONAL_FIELDS.get(path)
    if masker is not None:
        return masker(value) if value not in (None, "") else value
    if isinstance(value, str) and path in FREE_TEXT_FIELDS:
        return masking.mask_personal_text(value)
    return value


def masked_intake(intake: Mapping[str, Any]) -> dict[str, Any]:
    """A copy of ``intake`` (JSON form) with the personal fields and free text masked."""
    shown = copy.deepcopy(dict(intake))
    for path in (*PERSONAL_FIELDS, *FREE_TEXT_FIELDS):
        *parents, name = path.split(".")
        holder: Any = shown
        for part in parents:
            holder = holder.get(part) if isinstance(holder, dict) else None
        if isinstance(holder, dict) and holder.get(name) not in (None, ""):
            holder[name] = mask_field(path, holder[name])
    return shown


def masked_json(value: Any, *, parent: str = "") -> Any:
    """Any JSON value (an event payload, a read model as JSON) with personal data masked: values under
    the keys that hold it (``phone``, ``contact_id_number``, ``complainant.phone`` …, an ``address``
    of a ``complainant``) by their masker, every other string by ``mask_personal_text``."""
    if isinstance(value, dict):
        out = {}
        for key, item in value.items():
            masker = _KEY_MASKERS.get(key) or (masking.mask_address if key == "address"
                                               and parent == "complainant" else None)
            if masker is not None and isinstance(item, str) and item:
                out[key] = masker(item)
            else:
                out[key] = masked_json(item, parent=str(key))
        return out
    if isinstance(value, list | tuple):
        return [masked_json(item, parent=parent) for item in value]
    if isinstance(value, str):
        return value if _IDENTIFIER.fullmatch(value) else masking.mask_personal_text(value)
    return value


# Event ids, hashes, digests (hex with a letter in it, 16 characters or more): never text to mask, and a
# run of their digits may look like a phone number.
_IDENTIFIER = re.compile(r"(?=[0-9A-Fa-f-]*[A-Fa-f])[0-9A-Fa-f-]{16,}")


def printable(kind: str, values: Mapping[str, Any], intake: Mapping[str, Any]) -> dict[str, Any]:
    """Document values ``values`` of ``kind`` cut to what the recipient needs: the personal keys the
    kind does not carry emptied; in all text, citizen ID numbers masked, and the complainant's own
    telephone masked where the kind does not print it."""
    allowed = DOCUMENT_FIELDS.get(kind, frozenset())
    phone = str(value_at(intake, PHONE) or "")
    phone_pattern = _digits_pattern(phone) if phone and "complainant_phone" not in allowed else None
    out: dict[str, Any] = {}
    for key, value in values.items():
        if key in DOCUMENT_PERSONAL_KEYS and key not in allowed:
            out[key] = ""
        elif isinstance(value, str):
            out[key] = _printable_text(value, phone_pattern)
        elif isinstance(value, list):
            out[key] = [_printable_text(v, phone_pattern) if isinstance(v, str) else v for v in value]
        else:
            out[key] = value
    return out


def _printable_text(text: str, phone: re.Pattern | None) -> str:
    text = masking.mask_citizen_ids(text)
    return phone.sub(lambda m: masking.mask_phone(m.group(0)), text) if phone is not None else text


@functools.lru_cache(maxsize=64)
def _digits_pattern(phone: str) -> re.Pattern | None:
    """The recorded telephone as typed in free text (any spaces or hyphens between its digits)."""
    digits = re.sub(r"\D", "", phone)
    if len(digits) < 7:
        return None
    if digits.startswith("86") and len(digits) == 13:
        digits = digits[2:]
    return re.compile(r"(?<!\d)" + r"[ -－]?".join(digits) + r"(?!\d)")
