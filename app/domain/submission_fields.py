"""The field table 报送字段对照表 of the submissions to the province: one table an operator can change.

The province's standard (《政府违约失信投诉信息归集标准》) is not public; the shipped table
(``resources/reference/credit_submission_fields.json``) is derived from the plan and the public
信用中国 fields of 失信记录 and 信用修复 (``docs/credit-submission.md``). A profile may carry its own
copy (``<profile>/credit_submission_fields.json``), which wins. Each field has an ``id`` (the JSON key),
a Chinese ``title`` (the xlsx column), a ``source`` (an attribute of the breach record, ``SOURCES``) or
a ``constant``, a ``format`` (``FORMATS``) and ``required``. A bad table is refused whole with a Chinese
explanation (``submission_fields_invalid``), never half used.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from app.domain.errors import DomainError
from app.domain.regions import REFERENCE_DIR

FILE_NAME = "credit_submission_fields.json"
DEFAULT_PATH = REFERENCE_DIR / FILE_NAME

# What a field may read from a breach record (``app.domain.submissions.record_values``), with its meaning.
SOURCES: dict[str, str] = {
    "case_no": "案号", "submission_kind": "报送类型（新增/变更/修复）", "respondent_name": "失信主体名称",
    "respondent_code": "失信主体统一社会信用代码", "respondent_kind_label": "主体类别（机关/事业单位）",
    "region_code": "行政区划代码", "region_name": "地区名称", "department": "上级部门或主管部门",
    "complainant_name": "投诉企业名称", "agreement_title": "协议名称", "claim_yuan": "诉求金额（元）",
    "ground_label": "失信情形（逾期未整改/明确拒不整改）", "ground_detail": "拒不整改情形说明",
    "confirmed_by": "认定单位", "confirmed_on": "认定日期", "recorded_on": "登记日期", "facts": "失信事实",
    "document_ref": "认定文书文号", "status": "记录状态代码", "status_label": "记录状态",
    "repaired_on": "信用修复日期", "repair_recorded_on": "修复登记日期", "repair_evidence": "修复依据（履约情况）",
    "repair_document": "修复决定文号（信用修复告知书）", "sanction_measures": "惩戒措施",
    "sanction_bodies": "惩戒实施单位", "sanction_periods": "惩戒有效期", "accountability_text": "责任追究情况",
    "changed_on": "信息更新日期", "digest": "记录校验码",
}
FORMATS: dict[str, str] = {
    "text": "文字", "date": "日期（YYYY-MM-DD）", "money": "金额（元，两位小数）",
    "credit_code": "统一社会信用代码（18位）",
}
_ID = re.compile(r"^[a-z][a-z0-9_]{0,39}$")
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_MONEY = re.compile(r"^-?\d+\.\d{2}$")
_CODE = re.compile(r"^[0-9A-HJ-NPQRTUWXY]{18}$")


@dataclass(frozen=True)
class SubmissionField:
    id: str
    title: str
    source: str | None
    constant: str | None
    format: str
    required: bool


@dataclass(frozen=True)
class FieldTable:
    version: str
    title: str
    fields: tuple[SubmissionField, ...]
    path: str  # where it was read from (shown by ``submission fields``)

    def as_json(self) -> dict[str, Any]:
        """The table as it is written into every submission (so a re-export never depends on today's file)."""
        return {"version": self.version, "title": self.title, "fields": [
            {"id": f.id, "title": f.title, **({"source": f.source} if f.source else {"constant": f.constant}),
             "format": f.format, "required": f.required} for f in self.fields]}


def _bad(path: str, detail: str) -> DomainError:
    return DomainError("submission_fields_invalid", path=path, detail=detail)


def parse_table(data: Any, path: str = "") -> FieldTable:
    """Check a table read from JSON; every problem is named in Chinese, with the field's position."""
    if not isinstance(data, dict):
        raise _bad(path, "内容应为 JSON 对象（含 version 与 fields）")
    version = data.get("version")
    if not isinstance(version, str) or not version.strip():
        raise _bad(path, "缺少版本号 version（文字，如 \"2026.1\"）")
    entries = data.get("fields")
    if not isinstance(entries, list) or not entries:
        raise _bad(path, "fields 应为非空列表")
    fields, ids, titles = [], set(), set()
    for i, entry in enumerate(entries, 1):
        where = f"第{i}个字段"
        if not isinstance(entry, dict):
            raise _bad(path, f"{where}应为 JSON 对象")
        unknown = set(entry) - {"id", "title", "source", "constant", "format", "required", "note"}
        if unknown:
            raise _bad(path, f"{where}有不认识的项：{'、'.join(sorted(unknown))}")
        fid, title = entry.get("id"), entry.get("title")
        if not isinstance(fid, str) or not _ID.match(fid):
            raise _bad(path, f"{where}的 id“{fid}”无效（小写字母开头，只含小写字母、数字、下划线，至多40个字符）")
        where = f"{where}（{fid}）"
        if fid in ids:
            raise _bad(path, f"{where}的 id 重复")
        if not isinstance(title, str) or not title.strip():
            raise _bad(path, f"{where}缺少中文列名 title")
        if title.strip() in titles:
            raise _bad(path, f"{where}的列名“{title.strip()}”重复")
        source, constant = entry.get("source"), entry.get("constant")
        if (source is None) == (constant is None):
            raise _bad(path, f"{where}应有且只有 source（取值来源）或 constant（固定值）之一")
        if source is not None and source not in SOURCES:
            raise _bad(path, f"{where}的取值来源“{source}”不存在，可选：{'、'.join(SOURCES)}")
        if constant is not None and (not isinstance(constant, str) or not constant.strip()):
            raise _bad(path, f"{where}的固定值 constant 应为非空文字")
        fmt = entry.get("format", "text")
        if fmt not in FORMATS:
            raise _bad(path, f"{where}的格式“{fmt}”无效，可选：{'、'.join(FORMATS)}")
        required = entry.get("required", False)
        if not isinstance(required, bool):
            raise _bad(path, f"{where}的 required 应为 true 或 false")
        ids.add(fid)
        titles.add(title.strip())
        fields.append(SubmissionField(fid, title.strip(), source, constant.strip() if constant else None, fmt,
                                      required))
    return FieldTable(version.strip(), str(data.get("title") or "").strip(), tuple(fields), path)


def load_table(path: Path) -> FieldTable:
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except FileNotFoundError:
        raise _bad(str(path), "文件不存在") from None
    except UnicodeDecodeError:
        raise _bad(str(path), "文件不是 UTF-8 编码") from None
    except OSError as error:
        raise _bad(str(path), error.strerror or str(error)) from None
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise _bad(str(path), f"JSON 格式错误（第{error.lineno}行第{error.colno}列）") from None
    return parse_table(data, str(path))


def table_for(home: Path | None) -> FieldTable:
    """The profile's own table if it has one, else the shipped one."""
    if home is not None and (home / FILE_NAME).exists():
        return load_table(home / FILE_NAME)
    return load_table(DEFAULT_PATH)


def format_value(f: SubmissionField, value: Any) -> str:
    """A value as written in the files (always text, "" for nothing); a value that does not fit its
    format raises ``submission_value_invalid``."""
    if f.constant is not None:
        return f.constant
    if value is None:
        return ""
    text = str(value).strip()
    if not text:
        return ""
    if f.format == "date" and not _DATE.match(text):
        raise DomainError("submission_value_invalid", field=None, title=f.title, value=text, format=FORMATS[f.format])
    if f.format == "money":
        text = text.replace(",", "")
        if not _MONEY.match(text):
            raise DomainError("submission_value_invalid", title=f.title, value=text, format=FORMATS[f.format])
    if f.format == "credit_code":
        text = text.upper()
        if not _CODE.match(text):
            raise DomainError("submission_value_invalid", title=f.title, value=text, format=FORMATS[f.format])
    return text
