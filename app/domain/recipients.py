"""Recipients 主送机关: how the issuing office stands to the body a document goes to, and so which form
and wording the document takes (Qt-free, no I/O).

A county credit office (双柏县发展和改革局) may send a 通知 and say 你单位 / 请 only to bodies it stands
above in this work: the departments and institutions of its own county and the townships in it. Every
other body gets a 函 and 贵单位, with 商请 / 请予支持 and no order, and is never 责成 — above all not
the office's own people's government (双柏县人民政府, its superior), the bodies of the prefecture and
the province, bodies of another county, and the organs outside the government (courts, procuratorates,
人大, 政协, party and supervision organs).

The relation is derived from what the data has: the body's region (from the bodies reference data by
name, else from the place name the body's name starts with, else the region recorded for it) against
the office's region, and the kind of body its name says (人民政府, 人民法院 …). A body that cannot be
placed is treated as not subordinate: a 函 to a subordinate is merely polite, a 通知 to a superior is
wrong.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from enum import StrEnum

from app.domain.regions import Region, scope_prefix


class Relation(StrEnum):
    SUBORDINATE = "subordinate"  # a department, institution or township of the office's own region
    OWN_GOVERNMENT = "own_government"  # the office's own people's government: its superior
    HIGHER = "higher"  # a body of a higher-level region (州、省)
    LOWER_GOVERNMENT = "lower_government"  # the people's government of a region below the office's
    OTHER_REGION = "other_region"  # a body of another county or prefecture
    INDEPENDENT = "independent"  # courts, procuratorates, 人大, 政协, party and supervision organs
    UNKNOWN = "unknown"  # could not be placed: treated as not subordinate


RELATION_LABELS = {
    Relation.SUBORDINATE: "本级所属部门或下级单位",
    Relation.OWN_GOVERNMENT: "本级人民政府",
    Relation.HIGHER: "上级机关",
    Relation.LOWER_GOVERNMENT: "下级人民政府",
    Relation.OTHER_REGION: "其他地区机关",
    Relation.INDEPENDENT: "不相隶属机关",
    Relation.UNKNOWN: "不相隶属机关",
}

# Organs outside the government line: whatever their region, they get a 函.
_INDEPENDENT = ("人民法院", "人民检察院", "人民代表大会", "人大常委会", "人大常务委员会", "政协", "政治协商会议",
                "中共", "中国共产党", "纪律检查委员会", "纪委", "监察委员会", "监委")
# Governments of townships are below a county's government (the county's offices deal with them).
_TOWNSHIP = re.compile(r"(乡|镇|街道办事处|街道)人民政府$|(乡|镇)政府$|街道办事处$")
_GOVERNMENT = ("人民政府", "行政公署")


@dataclass(frozen=True)
class Addressing:
    """How a document addresses its recipient."""

    relation: Relation
    form: str  # "notice" 通知 (文件格式) or "letter" 函 (信函格式)
    pronoun: str  # 你单位 / 贵单位

    @property
    def subordinate(self) -> bool:
        return self.relation == Relation.SUBORDINATE

    @property
    def may_direct(self) -> bool:
        """May the office 责成 / 督促 the body (give it orders)? Only a subordinate."""
        return self.subordinate


def _aliases(region: Region) -> tuple[str, ...]:
    """Names a body's name may start with: 楚雄彝族自治州 also as 楚雄州, 峨山彝族自治县 as 峨山县."""
    names = [region.name]
    short = re.sub(r"^(..).*?族自治(州|县)$", r"\1\2", region.name)
    if short != region.name:
        names.append(short)
    return tuple(names)


def region_of_body(name: str, regions: Iterable[Region], known_bodies: Mapping[str, str] | None = None,
                   recorded: str | None = None) -> str | None:
    """The region code of a body: the reference data by name, else the longest place name its name starts
    with, else ``recorded`` (the region registered for it), else None."""
    clean = (name or "").strip()
    if known_bodies and clean in known_bodies:
        return known_bodies[clean]
    best: tuple[int, str] | None = None
    for region in regions:
        for alias in _aliases(region):
            if clean.startswith(alias) and (best is None or len(alias) > best[0]):
                best = (len(alias), region.code)
    if best is not None:
        return best[1]
    return recorded or None


def _is_government_of(name: str, region: Region | None) -> bool:
    if region is None:
        return False
    return any(name == alias + suffix for alias in _aliases(region) for suffix in _GOVERNMENT)


def relation(office_region: str, body_name: str, regions: Iterable[Region], *,
             known_bodies: Mapping[str, str] | None = None, recorded_region: str | None = None) -> Relation:
    """How an office of ``office_region`` stands to the body called ``body_name`` (see the module docstring)."""
    name = (body_name or "").strip()
    all_regions = list(regions)
    by_code = {r.code: r for r in all_regions}
    if any(marker in name for marker in _INDEPENDENT):
        return Relation.INDEPENDENT
    code = region_of_body(name, all_regions, known_bodies, recorded_region)
    if not code:
        return Relation.UNKNOWN
    government = name.endswith(_GOVERNMENT) and not _TOWNSHIP.search(name)
    if code == office_region:
        if government or _is_government_of(name, by_code.get(code)):
            return Relation.OWN_GOVERNMENT
        return Relation.SUBORDINATE
    office_prefix, body_prefix = scope_prefix(office_region), scope_prefix(code)
    if office_prefix.startswith(body_prefix):  # the body's region contains the office's: 州、省
        return Relation.HIGHER
    if body_prefix.startswith(office_prefix):  # a region below the office's
        return Relation.LOWER_GOVERNMENT if government else Relation.SUBORDINATE
    return Relation.OTHER_REGION


def addressing(rel: Relation) -> Addressing:
    """The form and the pronoun for a relation: a subordinate gets a 通知 and 你单位, any other a 函 and 贵单位."""
    if rel == Relation.SUBORDINATE:
        return Addressing(rel, "notice", "你单位")
    return Addressing(rel, "letter", "贵单位")


def address(office_region: str, body_name: str, regions: Iterable[Region], *,
            known_bodies: Mapping[str, str] | None = None, recorded_region: str | None = None) -> Addressing:
    """``addressing(relation(...))`` in one call."""
    return addressing(relation(office_region, body_name, regions, known_bodies=known_bodies,
                               recorded_region=recorded_region))
