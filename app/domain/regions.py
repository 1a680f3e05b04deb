"""Administrative divisions (行政区划, GB/T 2260) and the region scope of devices and users.

A code has six digits: province (2), prefecture (2), county (2). ``xx0000`` is a province,
``xxxx00`` a prefecture, anything else a county-level division. The shipped reference data is
``resources/reference/regions.json`` (Yunnan, Chuxiong prefecture and its ten counties); an
"others" file (JSON of the same format, or CSV ``code,name[,short_name]``) adds or overrides
regions.
"""

from __future__ import annotations

import csv
import functools
import io
import json
import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any, Literal, cast

from app.domain.errors import DomainError

Level = Literal["province", "prefecture", "county"]
LEVELS: tuple[Level, ...] = ("province", "prefecture", "county")
REFERENCE_DIR = Path(__file__).resolve().parents[2] / "resources" / "reference"

_PROVINCES = frozenset(
    "11 12 13 14 15 21 22 23 31 32 33 34 35 36 37 41 42 43 44 45 46 "
    "50 51 52 53 54 61 62 63 64 65 71 81 82".split()
)
_HEADER_ALIASES = {
    **dict.fromkeys(("code", "代码", "区划代码", "行政区划代码"), "code"),
    **dict.fromkeys(("name", "名称", "地区名称"), "name"),
    **dict.fromkeys(("short_name", "简称"), "short_name"),
}


@dataclass(frozen=True)
class Region:
    """One administrative division; ``short_name`` is the abbreviation used in 发文字号 (双 → 双发改函)."""

    code: str
    name: str
    short_name: str
    level: Level
    parent: str | None


def validate_region_code(code: str, *, line: int | None = None) -> str:
    """Return the code if it is a structurally valid GB/T 2260 code, else raise ``region_code_invalid``."""
    text = unicodedata.normalize("NFKC", str(code)).strip()
    valid = (
        re.fullmatch(r"[0-9]{6}", text) is not None
        and text[:2] in _PROVINCES
        and not (text[2:4] == "00" and text[4:] != "00")
    )
    if not valid:
        params: dict[str, Any] = {"region": text} if line is None else {"region": text, "line": line}
        raise DomainError("region_code_invalid", **params)
    return text


def level_of(code: str) -> Level:
    """Level derived from the code: ``xx0000`` province, ``xxxx00`` prefecture, else county."""
    code = validate_region_code(code)
    if code.endswith("0000"):
        return "province"
    return "prefecture" if code.endswith("00") else "county"


def parent_of(code: str) -> str | None:
    """Parent derived from the code (a county's prefecture, a prefecture's province)."""
    level = level_of(code)
    if level == "province":
        return None
    return code[:2] + "0000" if level == "prefecture" else code[:4] + "00"


def scope_prefix(code: str) -> str:
    """Code prefix covered by a scope: ``530000`` → ``53``, ``532300`` → ``5323``, ``532322`` → itself."""
    level = level_of(code)
    return {"province": code[:2], "prefecture": code[:4], "county": code}[level]


def in_scope(scope_code: str, region_code: str) -> bool:
    """Does a device or user scoped to ``scope_code`` see ``region_code``?

    A province sees everything below it, a prefecture itself and its counties, a county only
    itself (never a sibling county, nor the prefecture's own bodies registered under ``xxxx00``).
    """
    return validate_region_code(region_code).startswith(scope_prefix(scope_code))


def _region_from_record(record: Mapping[str, Any], line: int) -> Region:
    if not isinstance(record, Mapping):
        raise DomainError("region_file_invalid", line=line, reason="not_an_object")
    code = validate_region_code(str(record.get("code") or ""), line=line)
    name = str(record.get("name") or "").strip()
    if not name:
        raise DomainError("region_file_invalid", line=line, reason="missing_name")
    short_name = str(record.get("short_name") or "").strip() or name[0]
    level = record.get("level") or level_of(code)
    if level not in LEVELS:
        raise DomainError("region_file_invalid", line=line, reason="bad_level")
    parent = record["parent"] if "parent" in record else parent_of(code)
    if parent is not None:
        parent = validate_region_code(str(parent), line=line)
    return Region(code, name, short_name, cast(Level, level), parent)


class RegionRegistry:
    """Immutable set of regions by code, with the retired codes that replaced ones map to."""

    def __init__(self, regions: Iterable[Region], retired: Mapping[str, str] | None = None) -> None:
        self._by_code: dict[str, Region] = {r.code: r for r in sorted(regions, key=lambda r: r.code)}
        self._retired: dict[str, str] = dict(retired or {})

    @classmethod
    @functools.cache
    def load_default(cls) -> RegionRegistry:
        """The shipped reference data (``resources/reference/regions.json``), loaded once."""
        return cls([], {})._merged_json(REFERENCE_DIR / "regions.json")

    @classmethod
    def from_records(
        cls, records: Iterable[Mapping[str, Any]], *, retired: Mapping[str, str] | None = None
    ) -> RegionRegistry:
        """Build from dicts (``code``, ``name``; optional ``short_name``, ``level``, ``parent``)."""
        regions: dict[str, Region] = {}
        for number, record in enumerate(records, start=1):
            region = _region_from_record(record, number)
            if region.code in regions:
                raise DomainError("region_file_invalid", line=number, reason="duplicate", region=region.code)
            regions[region.code] = region
        return cls(regions.values(), retired)

    def merged_with_file(self, path: Path) -> RegionRegistry:
        """A new registry with the regions of an "others" file added (same code: the file wins).

        JSON files use the format of ``regions.json`` (or are a bare list of records); any other file
        is read as CSV with a header ``code,name[,short_name]``, UTF-8 with or without BOM (GB18030,
        Excel's default on Chinese Windows, is accepted too). Level and parent come from the code.
        Errors carry the 1-based ``line`` (the record position for JSON lists).
        """
        path = Path(path)
        if path.suffix.lower() == ".json":
            return self._merged_json(path)
        return self._merge(_read_csv(path), {})

    def _merged_json(self, path: Path) -> RegionRegistry:
        text = _read_text(path)
        try:
            data = json.loads(text)
        except json.JSONDecodeError as exc:
            raise DomainError("region_file_invalid", line=exc.lineno, reason="json") from exc
        records = data.get("regions") if isinstance(data, dict) else data
        if not isinstance(records, list):
            raise DomainError("region_file_invalid", line=1, reason="no_regions")
        retired: dict[str, str] = {}
        for number, item in enumerate(data.get("retired", []) if isinstance(data, dict) else [], start=1):
            if not isinstance(item, dict) or "code" not in item or "replaced_by" not in item:
                raise DomainError("region_file_invalid", line=number, reason="retired")
            retired[validate_region_code(item["code"])] = validate_region_code(item["replaced_by"])
        return self._merge(RegionRegistry.from_records(records).all(), retired)

    def _merge(self, regions: Iterable[Region], retired: Mapping[str, str]) -> RegionRegistry:
        merged = dict(self._by_code)
        merged.update((r.code, r) for r in regions)
        return RegionRegistry(merged.values(), {**self._retired, **retired})

    def get(self, code: str) -> Region:
        """The region with this code; ``region_retired`` or ``region_unknown`` if there is none."""
        region = self.find(code)
        if region is None:
            if code in self._retired:
                raise DomainError("region_retired", region=code, replaced_by=self._retired[code])
            raise DomainError("region_unknown", region=code)
        return region

    def find(self, code: str) -> Region | None:
        """The region with this code, or ``None``."""
        return self._by_code.get(code)

    def is_city(self, code: str) -> bool:
        """A city in the seed's sense (对于存在政府失信记录的城市): a prefecture-level division (州、市) or
        a county-level city (楚雄市、禄丰市); counties and districts are not."""
        region = self.find(code)
        if region is None:
            return False
        return region.level == "prefecture" or (region.level == "county" and region.name.endswith("市"))

    def replacement(self, code: str) -> str | None:
        """The current code that replaced a retired one (``532331`` 禄丰县 → ``532302`` 禄丰市)."""
        return self._retired.get(code)

    def children(self, code: str) -> list[Region]:
        """Direct children of a region (by their ``parent``), sorted by code."""
        self.get(code)
        return [r for r in self._by_code.values() if r.parent == code]

    def counties(self, code: str) -> list[Region]:
        """All county-level regions within a province or prefecture (a county: itself), sorted by code."""
        self.get(code)
        prefix = scope_prefix(code)
        return [r for r in self._by_code.values() if r.level == "county" and r.code.startswith(prefix)]

    def all(self) -> list[Region]:
        """Every region, sorted by code."""
        return list(self._by_code.values())

    def to_records(self) -> list[dict[str, Any]]:
        """Plain dicts (the ``regions`` list of ``regions.json``), sorted by code."""
        return [asdict(r) for r in self._by_code.values()]


def _read_text(path: Path) -> str:
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise DomainError("region_file_invalid", line=0, reason="unreadable") from exc
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        try:
            return raw.decode("gb18030")
        except UnicodeDecodeError:
            line = raw[: exc.start].count(b"\n") + 1
            raise DomainError("region_file_invalid", line=line, reason="encoding") from exc


def _read_csv(path: Path) -> list[Region]:
    reader = csv.reader(io.StringIO(_read_text(path), newline=""))
    header: list[str] | None = None
    regions: dict[str, Region] = {}
    for row in reader:
        line = reader.line_num
        if not any(cell.strip() for cell in row):
            continue
        if header is None:
            header = [_HEADER_ALIASES.get(unicodedata.normalize("NFKC", c).strip().lower(), "") for c in row]
            if "code" not in header or "name" not in header:
                raise DomainError("region_file_invalid", line=line, reason="header")
            continue
        if len(row) > len(header):
            raise DomainError("region_file_invalid", line=line, reason="columns")
        record = {key: cell.strip() for key, cell in zip(header, row, strict=False) if key}
        region = _region_from_record(record, line)
        if region.code in regions:
            raise DomainError("region_file_invalid", line=line, reason="duplicate")
        regions[region.code] = region
    if header is None:
        raise DomainError("region_file_invalid", line=1, reason="header")
    return list(regions.values())
