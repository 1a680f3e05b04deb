"""The files of one submission to the province: ``<number>.json``, ``<number>.xlsx``, ``<number>.sha256``.

Both data files carry the same header (submission number, office, period, created at, counts, field
list version, SHA-256 of the records part) and the same records, one per breach record, keyed by the
field table's ids (JSON) or titled by its Chinese titles (xlsx). Everything is made from what the
submission stored, so exporting it again gives the same bytes: the workbook's document dates are the
submission's creation time and every zip entry carries that time too.
"""

from __future__ import annotations

import hashlib
import io
import json
import re
import zipfile
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, NamedStyle, PatternFill, Side
from openpyxl.utils import get_column_letter

FORMAT = "lvyue-credit-submission/1"
FONT = "宋体"
THIN = Side(style="thin", color="000000")
BOX = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
WRAP = Alignment(horizontal="left", vertical="center", wrap_text=True)


@dataclass(frozen=True)
class SubmissionContent:
    number: str
    office_code: str
    office_name: str
    period: str
    created_at: str  # ISO 8601 UTC (``2026-12-05T08:00:00Z``)
    counts: dict[str, int]  # new / changed / repaired / total
    field_table: dict[str, Any]  # ``FieldTable.as_json()`` as stored
    records: list[dict[str, str]]
    checksum: str

    def header(self) -> dict[str, Any]:
        return {"format": FORMAT, "submission_no": self.number, "office_code": self.office_code,
                "office_name": self.office_name, "period": self.period, "created_at": self.created_at,
                "counts": self.counts, "field_list_version": self.field_table["version"],
                "records_sha256": self.checksum}


def json_bytes(content: SubmissionContent) -> bytes:
    fields = [{k: f[k] for k in ("id", "title", "format", "required")} for f in content.field_table["fields"]]
    document = {"header": content.header(), "fields": fields, "records": content.records}
    return (json.dumps(document, ensure_ascii=False, indent=1) + "\n").encode()


def _when(created_at: str) -> datetime:
    return datetime.fromisoformat(created_at.replace("Z", "+00:00")).replace(tzinfo=None)


def xlsx_bytes(content: SubmissionContent) -> bytes:
    book = Workbook()
    info = book.active
    info.title = "报送说明"
    h = content.header()
    c = content.counts
    lines = [("报送编号", h["submission_no"]), ("报送单位", f"{content.office_name}（{content.office_code}）"),
             ("报送期间", h["period"]), ("生成时间（UTC）", h["created_at"]),
             ("记录条数", f"共 {c['total']} 条：新增 {c['new']}、变更 {c['changed']}、修复 {c['repaired']}"),
             ("字段表版本", h["field_list_version"]), ("记录部分校验码（SHA-256）", h["records_sha256"]),
             ("格式", FORMAT)]
    for row in lines:
        info.append(list(row))
    for cells in info.iter_rows():
        for cell in cells:
            cell.font = Font(name=FONT, size=11, bold=cell.column == 1)
            cell.alignment = WRAP
    info.column_dimensions["A"].width = 26
    info.column_dimensions["B"].width = 80
    sheet = book.create_sheet("失信记录")
    fields = content.field_table["fields"]
    sheet.append([f["title"] for f in fields])
    for record in content.records:
        sheet.append([record[f["id"]] for f in fields])
    head = NamedStyle("submission_head", font=Font(name=FONT, size=10, bold=True), border=BOX, alignment=WRAP,
                      fill=PatternFill("solid", fgColor="F2F2F2"))
    body = NamedStyle("submission_body", font=Font(name=FONT, size=10), border=BOX, number_format="@")  # text
    book.add_named_style(head)
    book.add_named_style(body)
    for i, f in enumerate(fields, 1):
        sheet.cell(1, i).style = "submission_head"
        sheet.column_dimensions[get_column_letter(i)].width = 28 if f["format"] == "text" else 14
    for cells in sheet.iter_rows(min_row=2):  # one named style per cell: ten times faster than four attributes
        for cell in cells:
            cell.style = "submission_body"
    sheet.freeze_panes = "B2"
    when = _when(content.created_at)
    book.properties.created = book.properties.modified = when
    book.properties.creator = book.properties.lastModifiedBy = content.office_name
    book.properties.title = content.number
    buffer = io.BytesIO()
    book.save(buffer)
    return _fixed_zip(buffer.getvalue(), when)


def _fixed_zip(data: bytes, when: datetime) -> bytes:
    """The same archive with every entry stamped ``when`` (openpyxl stamps the current time)."""
    stamp = (max(when.year, 1980), when.month, when.day, when.hour, when.minute, when.second)
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for entry in source.infolist():
            info = zipfile.ZipInfo(entry.filename, date_time=stamp)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o600 << 16
            body = source.read(entry.filename)
            if entry.filename == "docProps/core.xml":  # openpyxl writes the time of saving as modified
                body = re.sub(rb"(<dcterms:modified[^>]*>)[^<]*(</dcterms:modified>)",
                              rb"\g<1>" + when.strftime("%Y-%m-%dT%H:%M:%SZ").encode() + rb"\g<2>", body)
            target.writestr(info, body)
    return out.getvalue()


def checksum_text(content: SubmissionContent, files: dict[str, bytes]) -> bytes:
    """The ``.sha256`` side file: the records part, then each data file (``sha256sum`` layout)."""
    lines = [f"{content.checksum}  records（记录部分：紧凑 UTF-8 JSON）"]
    lines += [f"{hashlib.sha256(data).hexdigest()}  {name}" for name, data in files.items()]
    return ("\n".join(lines) + "\n").encode()


def submission_files(content: SubmissionContent) -> dict[str, bytes]:
    """Every file of the submission by name."""
    data = {f"{content.number}.json": json_bytes(content), f"{content.number}.xlsx": xlsx_bytes(content)}
    return {**data, f"{content.number}.sha256": checksum_text(content, data)}
