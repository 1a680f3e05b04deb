"""The xlsx of the breach register 政务失信记录台账 (openpyxl, write-only: 10,000 records in seconds).

One sheet, one row per record, every column of ``app.domain.breach_register.COLUMNS`` in that order
(the region's name beside its code), then nothing else: the header row frozen, an autofilter over the
table. Sanctions and accountability decisions are one line each within their cell; the amount is a
number in yuan (``#,##0.00``); dates stay ISO text as the register keeps them.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Iterable, Sequence
from typing import Any

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from app.domain.breach_register import COLUMNS

SHEET = "政务失信记录台账"
FONT = "宋体"
# Chinese header of each register column (``COLUMNS``), with the width of its column.
HEADERS: dict[str, tuple[str, int]] = {
    "case_no": ("案号", 16), "complaint_id": ("投诉编号", 20), "region_code": ("地区代码", 9),
    "office_code": ("受理单位代码", 9), "department": ("主管部门", 22), "respondent_name": ("失信主体", 24),
    "respondent_code": ("统一社会信用代码", 20), "respondent_kind": ("主体类别", 8),
    "complainant_name": ("投诉企业", 24), "agreement_title": ("涉及协议", 24), "claim_cents": ("诉求金额（元）", 14),
    "ground": ("认定情形", 10), "ground_detail": ("拒不整改情形", 20), "confirmed_by": ("认定部门", 20),
    "confirmed_on": ("认定日期", 11), "recorded_on": ("记录日期", 11), "facts": ("失信事实", 30),
    "document_ref": ("认定文号", 18), "status": ("状态", 7), "repaired_on": ("修复日期", 11),
    "repair_recorded_on": ("修复记录日期", 11), "repair_evidence": ("履约情况", 24),
    "repair_document": ("修复告知书文号", 18), "sanctions": ("惩戒措施（每项一行）", 48),
    "accountability": ("追究责任（每项一行）", 36), "sanction_count": ("惩戒次数", 8),
    "changed_on": ("最近变更日期", 11), "digest": ("记录摘要（SHA-256）", 20),
}
REGION_NAME = ("地区", 12)  # inserted after region_code
assert set(HEADERS) == set(COLUMNS)


def header() -> list[str]:
    """The header row as written (the region's name after its code)."""
    names = []
    for column in COLUMNS:
        names.append(HEADERS[column][0])
        if column == "region_code":
            names.append(REGION_NAME[0])
    return names


def workbook_bytes(rows: Iterable[Sequence[Any]], total: int, *, title: str = SHEET,
                   progress: Callable[[int, int], None] | None = None,
                   cancel: Callable[[], bool] | None = None) -> bytes:
    """The workbook of ``rows`` (each as ``header()`` orders it; the amount in yuan or None)."""
    book = Workbook(write_only=True)
    sheet = book.create_sheet(title[:31])
    widths = []
    for column in COLUMNS:
        widths.append(HEADERS[column][1])
        if column == "region_code":
            widths.append(REGION_NAME[1])
    for index, width in enumerate(widths, 1):
        sheet.column_dimensions[get_column_letter(index)].width = width
    sheet.freeze_panes = "B2"
    last = get_column_letter(len(widths))
    sheet.auto_filter.ref = f"A1:{last}{max(total, 0) + 1}"
    bold, plain = Font(name=FONT, bold=True, size=11), Font(name=FONT, size=10)
    fill, wrap = PatternFill("solid", fgColor="F2F2F2"), Alignment(vertical="top", wrap_text=True)
    head = []
    for name in header():
        cell = WriteOnlyCell(sheet, value=name)
        cell.font, cell.fill, cell.alignment = bold, fill, Alignment(horizontal="center", vertical="center",
                                                                    wrap_text=True)
        head.append(cell)
    sheet.append(head)
    amount = header().index(HEADERS["claim_cents"][0])
    multiline = {header().index(HEADERS[c][0]) for c in ("sanctions", "accountability", "facts")}
    for count, values in enumerate(rows, 1):
        if cancel and count % 500 == 0 and cancel():
            from app.domain.errors import DomainError

            raise DomainError("cancelled")
        line = []
        for index, value in enumerate(values):
            cell = WriteOnlyCell(sheet, value=value)
            cell.font = plain
            if index == amount and value is not None:
                cell.number_format = "#,##0.00"
            elif index in multiline:
                cell.alignment = wrap
            line.append(cell)
        sheet.append(line)
        if progress and count % 500 == 0:
            progress(count, total)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()
