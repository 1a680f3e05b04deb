"""Numbering 编号: case numbers 案号 and document numbers 发文字号.

Allocation itself lives in the store (``app.store.numbers``) behind one interface, so a hub can later
hand out reserved blocks; here are the pure formats.
"""

from __future__ import annotations

import re

from app.domain.errors import DomainError

_CASE_NO = re.compile(r"^(\d{6})-(\d{4})-(\d{4,})$")


def case_series(office_code: str) -> str:
    """The numbering series of an office's case numbers."""
    return f"case:{office_code}"


def document_series(prefix: str) -> str:
    """The numbering series of one 发文字号 prefix (e.g. ``双发改函``)."""
    return f"doc:{prefix}"


def format_case_no(office_code: str, year: int, seq: int) -> str:
    """``532322-2026-0007``: county code, year, sequence padded to four digits."""
    if seq < 1:
        raise DomainError("number_invalid", value=seq)
    return f"{office_code}-{year:04d}-{seq:04d}"


def parse_case_no(text: str) -> tuple[str, int, int]:
    match = _CASE_NO.match(text.strip())
    if not match:
        raise DomainError("case_no_invalid", value=text)
    return match.group(1), int(match.group(2)), int(match.group(3))


def looks_like_case_no(text: str) -> bool:
    return bool(_CASE_NO.match(text.strip()))


def format_document_number(prefix: str, year: int, seq: int) -> str:
    """发文字号 ``双发改函〔2026〕7号``: 六角括号 around the year, no leading zeros, no 第."""
    if seq < 1:
        raise DomainError("number_invalid", value=seq)
    return f"{prefix}〔{year}〕{seq}号"
