"""Identifiers of parties: the unified social credit code and the citizen ID number.

* 统一社会信用代码 (unified social credit code, GB 32100-2015): 18 characters — registration
  authority (1), entity type (1), administrative division (6), organisation code (9), check
  character (1).
* 居民身份证号 (resident identity card number, GB 11643-1999): 17 digits and a check character.

The check characters are computed by python-stdnum (``stdnum.cn.uscc``, ``stdnum.cn.ric``);
this module adds input normalisation, the structural rules of the standards and stable error codes.
"""

from __future__ import annotations

import datetime
import re
import unicodedata

from stdnum.cn import ric, uscc
from stdnum.exceptions import ValidationError

from app.domain.errors import DomainError

CREDIT_CODE_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
"""GB 32100 character set: digits and upper-case letters without I, O, S, V, Z."""

# Registration authority (登记管理部门) -> allowed entity types (机构类别), GB 32100-2015 annex A.
# Authorities whose type list is open-ended accept any digit 1-9 ("9" is always "other").
_ANY_TYPE = frozenset("123456789")
CREDIT_CODE_TYPES: dict[str, frozenset[str]] = {
    "1": frozenset("1239"),  # 机构编制: 机关, 事业单位, 中央编办管理的群众团体, 其他
    "2": frozenset("19"),  # 外交: 外国常驻新闻机构, 其他
    "3": _ANY_TYPE,  # 司法行政: 律师事务所, 公证处, 司法鉴定机构, 仲裁委员会, ...
    "4": frozenset("19"),  # 文化: 外国在华文化中心, 其他
    "5": frozenset("1239"),  # 民政: 社会团体, 民办非企业单位, 基金会, 其他
    "6": frozenset("129"),  # 旅游: 外国/港澳台旅游部门常驻代表机构, 其他
    "7": frozenset("129"),  # 宗教: 宗教活动场所, 宗教院校, 其他
    "8": frozenset("19"),  # 工会: 基层工会, 其他
    "9": frozenset("123"),  # 市场监管 (工商): 企业, 个体工商户, 农民专业合作社
    "A": frozenset("19"),  # 中央军委改革和编制办公室: 军队事业单位, 其他
    "N": frozenset("1239"),  # 农业农村: 组级/村级/乡镇级集体经济组织, 其他
    "Y": frozenset("1"),  # 其他
}

_CREDIT_CODE_BODY = re.compile(rf"^[0-9A-Z]{{2}}[0-9]{{6}}[{CREDIT_CODE_ALPHABET}]{{10}}$")
_PROVINCE_PREFIXES = frozenset(
    "11 12 13 14 15 21 22 23 31 32 33 34 35 36 37 41 42 43 44 45 46 "
    "50 51 52 53 54 61 62 63 64 65 71 81 82 83".split()
)
_EARLIEST_BIRTH = datetime.date(1900, 1, 1)


def normalize_code(value: str) -> str:
    """Canonical form of a typed code: NFKC (full-width → half-width), upper-case, no spaces or hyphens."""
    text = unicodedata.normalize("NFKC", value or "").upper()
    return re.sub(r"[\s\-]", "", text)


def _credit_code_error(code: str) -> str | None:
    """Structural problem of a normalized code, checksum excluded."""
    if not code:
        return "required"
    if len(code) != 18:
        return "credit_code_length"
    if not _CREDIT_CODE_BODY.match(code):
        return "credit_code_format"
    types = CREDIT_CODE_TYPES.get(code[0])
    if types is None or code[1] not in types:
        return "credit_code_format"
    return None


def validate_credit_code(
    value: str, *, allow_checksum_failure: bool = False, field: str | None = None
) -> str:
    """Validate a 统一社会信用代码 and return it normalized (18 characters).

    ``allow_checksum_failure`` accepts a structurally valid code whose check character is wrong
    (legacy pilot codes); the caller must record that explicit override.
    """
    code = normalize_code(value)
    problem = _credit_code_error(code)
    if problem is not None:
        raise DomainError(problem, field, value=value.strip() if value else "")
    if not allow_checksum_failure and uscc.calc_check_digit(code[:17]) != code[17]:
        raise DomainError("credit_code_checksum", field, value=code)
    return code


def credit_code_problem(value: str) -> str | None:
    """The error code :func:`validate_credit_code` would raise for ``value``, or ``None`` (inline hints)."""
    try:
        validate_credit_code(value)
    except DomainError as exc:
        return exc.code
    return None


def is_government_body_code(code: str) -> bool:
    """Does the code belong to a body registered by 机构编制 (authority 1: 机关, 事业单位, 群众团体)?

    Used only to warn when a respondent's code does not look like a government body.
    """
    normalized = normalize_code(code)
    return _credit_code_error(normalized) is None and normalized[0] == "1"


def validate_citizen_id(value: str, *, field: str | None = None, today: datetime.date | None = None) -> str:
    """Validate an 18-digit 居民身份证号 (GB 11643) and return it normalized (check ``X`` upper-case).

    Checks the address-code province, the birth date (real, not in the future, not before 1900)
    and the check character. The county part of the address code is not checked: numbers keep the
    code of the county at issue time, which may since have been renamed or merged. 15-digit
    first-generation numbers are refused with ``citizen_id_legacy``.
    """
    number = normalize_code(value)
    if not number:
        raise DomainError("required", field)
    if len(number) == 15 and number.isdigit():
        raise DomainError("citizen_id_legacy", field, value=number)
    reason = _citizen_id_reason(number, today or datetime.date.today())
    if reason is not None:
        raise DomainError("citizen_id_invalid", field, value=number, reason=reason)
    return number


def _citizen_id_reason(number: str, today: datetime.date) -> str | None:
    if len(number) != 18 or not re.fullmatch(r"[0-9]{17}[0-9X]", number):
        return "format"
    if number[:2] not in _PROVINCE_PREFIXES:
        return "region"
    try:
        birth = ric.get_birth_date(number)
    except ValidationError:
        return "birth_date"
    if not _EARLIEST_BIRTH <= birth <= today:
        return "birth_date"
    if ric.calc_check_digit(number) != number[-1]:
        return "checksum"
    return None
