"""Column mappings 导入对应关系: which source column fills which registration field, with defaults.

A mapping names source headers -> field paths of the intake (``complainant.phone``), constant
defaults for fields the source lacks (the channel, a sector) and synonyms for vocabulary cells.
Presets ship in ``resources/reference/import_presets.json`` (the 12345 hotline export first); users
save their own in the profile (``app.services.imports``).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from app.domain.errors import DomainError, FieldError
from app.domain.regions import RegionRegistry
from app.domain.vocabulary import BreachKind, Channel, RespondentKind, Sector
from app.imports import values
from app.imports.sources import SourceRow

PRESETS_FILE = Path(__file__).resolve().parents[2] / "resources" / "reference" / "import_presets.json"

# Importable fields (path -> Chinese label), in the order the mapping dialog lists them.
FIELDS: dict[str, str] = {
    "channel_ref": "来源编号（工单编号）",
    "received_on": "收到日期",
    "channel": "来源渠道",
    "complainant.name": "投诉人名称（企业）",
    "complainant.credit_code": "投诉人统一社会信用代码",
    "complainant.legal_representative": "法定代表人",
    "complainant.contact_person": "联系人",
    "complainant.phone": "联系电话",
    "complainant.address": "投诉人地址",
    "respondent.name": "被投诉主体",
    "respondent.kind": "被投诉主体类别",
    "respondent.credit_code": "被投诉主体统一社会信用代码",
    "respondent.region_code": "所在地区（县市）",
    "respondent.competent_department": "上级部门或主管部门",
    "sector": "领域",
    "breach_kind": "违约失信情形",
    "agreement.title": "协议（合同）名称",
    "agreement.number": "协议编号",
    "agreement.signed_on": "签订日期",
    "agreement.amount": "协议金额",
    "agreement.parties": "签订各方",
    "claim.amount": "诉求金额",
    "claim.text": "诉求内容",
    "description": "投诉事项描述",
}
DATE_FIELDS = frozenset({"received_on", "agreement.signed_on"})
AMOUNT_FIELDS = frozenset({"agreement.amount", "claim.amount"})
CODE_FIELDS = frozenset({"complainant.credit_code", "respondent.credit_code"})
CHOICE_FIELDS = {"channel": Channel, "sector": Sector, "breach_kind": BreachKind, "respondent.kind": RespondentKind}
# A field left empty takes another's value: a hotline ticket has one text for the claim and the story.
FALLBACKS = {"description": "claim.text", "claim.text": "description"}


@dataclass(frozen=True)
class Mapping:
    name: str
    columns: dict[str, str]  # source header -> field path
    defaults: dict[str, str] = field(default_factory=dict)  # field path -> value when no column gives one
    synonyms: dict[str, dict[str, str]] = field(default_factory=dict)  # field -> words in the cell -> code
    preset: bool = False
    note: str = ""

    def to_json(self) -> dict:
        return {"name": self.name, "columns": self.columns, "defaults": self.defaults, "synonyms": self.synonyms,
                "note": self.note}

    @classmethod
    def from_json(cls, data: dict, *, preset: bool = False) -> Mapping:
        if not isinstance(data, dict) or not str(data.get("name") or "").strip():
            raise DomainError("import_mapping_invalid", name=str(data.get("name") if isinstance(data, dict) else ""))
        columns = {str(k).strip(): str(v) for k, v in (data.get("columns") or {}).items() if v}
        defaults = {str(k): str(v) for k, v in (data.get("defaults") or {}).items() if str(v).strip()}
        unknown = [f for f in (*columns.values(), *defaults) if f not in FIELDS]
        if unknown:
            raise DomainError("import_mapping_invalid", name=data["name"], field=unknown[0])
        return cls(str(data["name"]).strip(), columns, defaults,
                   {str(k): dict(v) for k, v in (data.get("synonyms") or {}).items()},
                   preset, str(data.get("note") or ""))

    def column_of(self, path: str) -> str | None:
        return next((header for header, target in self.columns.items() if target == path), None)


def load_presets(path: Path = PRESETS_FILE) -> list[Mapping]:
    data = json.loads(path.read_text(encoding="utf-8"))
    return [Mapping.from_json(item, preset=True) for item in data["presets"]]


def build_intake(row: SourceRow, mapping: Mapping, regions: RegionRegistry) -> tuple[dict, list[FieldError]]:
    """Registration input for one row and the cells that could not be read (field errors whose params
    name the source column)."""
    flat: dict[str, Any] = {}
    problems: list[FieldError] = []
    for header, path in mapping.columns.items():
        raw = row.values.get(header)
        if raw is None or values.text_of(raw) == "":
            continue
        try:
            flat[path] = _convert(path, raw, mapping, regions)
        except values.CellProblem as problem:
            problems.append(FieldError(path, problem.code, {**problem.params, "column": header}))
    for path, value in mapping.defaults.items():
        if path not in flat and not any(p.field == path for p in problems):
            try:
                flat[path] = _convert(path, value, mapping, regions)
            except values.CellProblem as problem:
                problems.append(FieldError(path, problem.code, {**problem.params, "column": "默认值"}))
    for path, other in FALLBACKS.items():
        if path not in flat and other in flat:
            flat[path] = flat[other]
    data: dict[str, Any] = {"complainant": {}, "respondent": {}, "agreement": {}, "claim": {}}
    for path, value in flat.items():
        head, _, tail = path.partition(".")
        if tail:
            data[head][tail] = value
        else:
            data[head] = value
    return data, problems


def _convert(path: str, raw: Any, mapping: Mapping, regions: RegionRegistry) -> str:
    if path in DATE_FIELDS:
        return values.to_date(raw)
    if path in AMOUNT_FIELDS:
        return values.to_amount(raw)
    if path in CODE_FIELDS:
        return values.to_code(raw)
    if path == "respondent.region_code":
        return values.to_region(raw, regions)
    if path in CHOICE_FIELDS:
        return values.to_choice(raw, CHOICE_FIELDS[path], mapping.synonyms.get(path))
    return values.text_of(raw)
