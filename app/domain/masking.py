"""Masking of personal data 个人信息遮蔽 for publication (典型案例 on 信用云南).

What a published case names is the government body that broke its word: its name and credit code
stay in clear, as 信用中国 publishes them for 失信主体. The complainant enterprise keeps its name (the
plan's complainants are enterprises, and a company name is not personal data) but its credit code is
partly hidden. Natural persons are masked wherever they appear: names (张*, 欧阳**), mobile and
landline numbers (138****5678, 0878-***7257), citizen ID numbers (5323**********1935), and addresses
cut to the county. ``mask_text`` applies the same to free text, given the names the record holds.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable

# Two-character surnames 复姓 (the common ones, 百家姓 order) — the rest of the name is hidden.
COMPOUND_SURNAMES = frozenset("""
万俟 司马 上官 欧阳 夏侯 诸葛 闻人 东方 赫连 皇甫 尉迟 公羊 澹台 公冶 宗政 濮阳 淳于 单于 太叔 申屠
公孙 仲孙 轩辕 令狐 钟离 宇文 长孙 慕容 鲜于 闾丘 司徒 司空 亓官 司寇 子车 颛孙 端木 巫马 公西
漆雕 乐正 壤驷 公良 拓跋 夹谷 宰父 谷梁 段干 百里 东郭 南门 呼延 羊舌 微生 梁丘 左丘 东门 西门
南宫 第五
""".split())

_MOBILE = re.compile(r"(?<!\d)(?:\+?86[ -]?)?(1[3-9]\d)[ -]?(\d{4})[ -]?(\d{4})(?!\d)")
_LANDLINE = re.compile(r"(?<!\d)(0\d{2,3})[-－ ]?(\d{3,4})(\d{4})(?!\d)")
_CITIZEN_ID = re.compile(r"(?<![0-9A-Za-z])(\d{6})(\d{8})(\d{3}[\dXx])(?![0-9A-Za-z])")
_CREDIT_CODE = re.compile(r"(?<![0-9A-Z])([0-9A-HJ-NP-RTUWXY]{2}\d{6}[0-9A-HJ-NP-RTUWXY]{10})(?![0-9A-Z])")
_COUNTY_END = re.compile(r"^(.*?(?:自治县|县|区|旗))")
_STREET_LEVEL = re.compile(r"镇|乡|街道|路|街|巷|号|村|社区|大道|小区|栋|楼")


def mask_name(name: str | None) -> str:
    """张三 → 张*, 张三丰 → 张**, 欧阳娜娜 → 欧阳**; a one-character value becomes *."""
    name = (name or "").strip()
    if not name:
        return ""
    keep = 2 if name[:2] in COMPOUND_SURNAMES and len(name) > 2 else 1
    if len(name) <= keep:
        return "*" * len(name) if len(name) == 1 else name[0] + "*"
    return name[:keep] + "*" * (len(name) - keep)


def mask_phone(phone: str | None) -> str:
    """13871012345 / +8613871012345 → 138****2345; 0878-3117257 → 0878-***7257."""
    value = (phone or "").strip()
    if not value:
        return ""
    digits = re.sub(r"\D", "", value)
    if digits.startswith("86") and len(digits) == 13:
        digits = digits[2:]
    if len(digits) == 11 and digits.startswith("1"):
        return f"{digits[:3]}****{digits[-4:]}"
    if digits.startswith("0") and 10 <= len(digits) <= 12:
        area = 3 if digits[:2] in ("01", "02") else 4
        return f"{digits[:area]}-{'*' * (len(digits) - area - 4)}{digits[-4:]}"
    return "*" * max(0, len(digits) - 4) + digits[-4:] if len(digits) > 4 else "****"


def mask_id_number(number: str | None) -> str:
    """530322198001011935 → 5303**********1935."""
    value = (number or "").strip().upper()
    if not value:
        return ""
    if len(value) <= 8:
        return "*" * len(value)
    return value[:4] + "*" * (len(value) - 8) + value[-4:]


def mask_credit_code(code: str | None) -> str:
    """An enterprise's unified social credit code partly hidden: 9153****……**3A (first 4, last 4 shown)."""
    return mask_id_number(code)


def mask_address(address: str | None) -> str:
    """云南省楚雄彝族自治州双柏县妥甸镇……12号 → 云南省楚雄彝族自治州双柏县 (cut to the county)."""
    value = (address or "").strip()
    if not value:
        return ""
    street = _STREET_LEVEL.search(value)
    head = value[:street.start()] if street else value
    found = _COUNTY_END.match(head)
    if found:
        return found.group(1)
    if "市" in head:
        return head[: head.rindex("市") + 1]
    if "州" in head:
        return head[: head.rindex("州") + 1]
    return "（详细地址不公开）"


def mask_text(text: str | None, names: Iterable[str] | frozenset[str] = ()) -> str:
    """Free text with every phone, ID number, enterprise credit code and the given person names masked.

    ``names`` are the natural persons the record knows (contact persons, legal representatives,
    responsible officials); longer names are replaced first, so 欧阳娜娜 is not cut at 欧阳娜. A frozenset
    is taken as given (stripped names of two characters or more): an export passes the same set for every row.
    """
    value = text or ""
    value = _CITIZEN_ID.sub(lambda m: mask_id_number(m.group(0)), value)
    value = _CREDIT_CODE.sub(lambda m: mask_credit_code(m.group(0)), value)
    value = _MOBILE.sub(lambda m: f"{m.group(1)}****{m.group(3)}", value)
    value = _LANDLINE.sub(lambda m: f"{m.group(1)}-{'*' * len(m.group(2))}{m.group(3)}", value)
    if not isinstance(names, frozenset):
        names = frozenset(n.strip() for n in names if n and len(n.strip()) >= 2)
    pattern = _names_pattern(names)
    return pattern.sub(lambda m: mask_name(m.group(0)), value) if pattern is not None else value


@functools.lru_cache(maxsize=8)
def _names_pattern(names: frozenset[str]) -> re.Pattern | None:
    """One pattern for every name, the longest first (so 欧阳娜娜 is not cut at 欧阳娜)."""
    if not names:
        return None
    return re.compile("|".join(re.escape(n) for n in sorted(names, key=lambda n: (-len(n), n))))


_ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_ID_CHECKS = "10X98765432"


def _is_citizen_id(number: str) -> bool:
    """An 18-character run that is a real 居民身份证号 (plausible birth date and the GB 11643 check
    character), so an all-digit credit code of a government body is not taken for one."""
    number = number.upper()
    year, month, day = int(number[6:10]), int(number[10:12]), int(number[12:14])
    if not (1900 <= year <= 2099 and 1 <= month <= 12 and 1 <= day <= 31) or number[0] == "0":
        return False
    return _ID_CHECKS[sum(int(d) * w for d, w in zip(number[:17], _ID_WEIGHTS, strict=True)) % 11] == number[17]


def mask_citizen_ids(text: str | None) -> str:
    """Free text with every citizen ID number masked (5323**********1935); nothing else changed."""
    value = text or ""
    if not any(ch.isdigit() for ch in value):
        return value
    return _CITIZEN_ID.sub(lambda m: mask_id_number(m.group(0)) if _is_citizen_id(m.group(0)) else m.group(0), value)


def mask_personal_text(text: str | None) -> str:
    """Free text with every mobile and landline number and every citizen ID number masked
    (138****5678, 0878-***7257, 5323**********1935); names and credit codes are left as they are.

    For what officers see and what leaves the office (case page, exports, logs): unlike
    :func:`mask_text` (publication), the enterprise's credit code and the persons' names stay readable.
    """
    value = mask_citizen_ids(text)
    if not any(ch.isdigit() for ch in value):
        return value
    value = _MOBILE.sub(lambda m: f"{m.group(1)}****{m.group(3)}", value)
    return _LANDLINE.sub(lambda m: f"{m.group(1)}-{'*' * len(m.group(2))}{m.group(3)}", value)
