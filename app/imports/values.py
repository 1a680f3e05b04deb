"""Normalising one cell for one field: Excel serial dates and dates as text in many formats, numbers
stored as text or as floats, county names instead of codes, labels instead of codes.

Each function returns the value in the form registration expects (``app.domain.intake``), or raises
``CellProblem`` with a message code; the registration rules themselves are not repeated here.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date, datetime, timedelta
from enum import StrEnum
from typing import Any

from app.domain.regions import RegionRegistry
from app.domain.vocabulary import choices

EXCEL_EPOCH = date(1899, 12, 30)
SERIAL_RANGE = (18264, 73050)  # 1950-01-01 .. 2099-12-31, the record's date bounds
_DATE = re.compile(r"(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?(?:[ T日]+\d{1,2}[:：时]\d{1,2}.*)?")
_COMPACT = re.compile(r"(\d{4})(\d{2})(\d{2})(?:\s*\d{1,2}:\d{2}.*|\d{6})?")


class CellProblem(Exception):
    def __init__(self, code: str, **params: Any) -> None:
        self.code = code
        self.params = params
        super().__init__(code)


def text_of(value: Any) -> str:
    """A cell as text: ``13887012345.0`` (a phone Excel stored as a number) -> ``13887012345``."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%d %H:%M:%S")
    if isinstance(value, date):
        return value.isoformat()
    return unicodedata.normalize("NFKC", str(value)).strip() if isinstance(value, str) else str(value)


def to_date(value: Any) -> str:
    """ISO date from a datetime cell, an Excel serial number (as number or text) or text such as
    ``2026/3/5 14:22``, ``2026年3月5日``, ``2026.03.05``, ``20260305``."""
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return _serial(float(value), value)
    text = text_of(value)
    if re.fullmatch(r"\d{5}(?:\.\d+)?", text):
        return _serial(float(text), value)
    match = _DATE.fullmatch(text) or _COMPACT.fullmatch(text)
    if match:
        try:
            return date(int(match[1]), int(match[2]), int(match[3])).isoformat()
        except ValueError:
            pass
    raise CellProblem("import_date_invalid", value=text)


def _serial(number: float, raw: Any) -> str:
    if not SERIAL_RANGE[0] <= number <= SERIAL_RANGE[1]:
        raise CellProblem("import_date_invalid", value=text_of(raw))
    return (EXCEL_EPOCH + timedelta(days=int(number))).isoformat()


def to_amount(value: Any) -> str:
    """Money as text for the domain parser (which refuses floats): ``3000.0`` -> ``3000``."""
    if isinstance(value, float):
        return text_of(round(value, 2))
    return text_of(value)


def to_code(value: Any) -> str:
    """Credit codes: spaces dropped, upper case (the checksum is the domain's)."""
    return "".join(text_of(value).split()).upper()


def to_region(value: Any, regions: RegionRegistry) -> str:
    """A region code from a code or a name (``双柏县``, ``双柏``, ``楚雄州双柏县``)."""
    text = "".join(text_of(value).split())
    if re.fullmatch(r"\d{6}", text):
        return regions.replacement(text) or text
    exact = [r for r in regions.all() if r.name == text]
    if not exact:
        exact = [r for r in regions.all() if r.level == "county" and
                 (text.endswith(r.name) or r.name.rstrip("县市区") == text or text.endswith(r.name.rstrip("县市区")))]
    if len(exact) == 1:
        return exact[0].code
    raise CellProblem("import_region_unknown", value=text)


def to_choice(value: Any, enum: type[StrEnum], synonyms: dict[str, str] | None = None) -> str:
    """A vocabulary code from its code, its Chinese label or a synonym of the mapping."""
    text = "".join(text_of(value).split())
    codes = {code for code, _ in choices(enum)}
    if text in codes:
        return text
    for code, label_text in choices(enum):
        if text == "".join(label_text.split()):
            return code
    for words, code in (synonyms or {}).items():
        if words and words in text and code in codes:
            return code
    raise CellProblem("import_choice_unknown", value=text)
