"""Messy source files for the import tests: a 12345 hotline export as counties really send it
(a title row merged across the sheet, merged cells, empty rows, dates as Excel serial numbers or
text, phones stored as numbers, GBK or BOM csv)."""

from __future__ import annotations

import csv
import random
from pathlib import Path

from tests.factories import corrupt, credit_code

HEADERS = ["工单编号", "来电时间", "诉求人", "联系电话", "企业名称", "统一社会信用代码", "被反映单位", "所属区县",
           "承办单位", "诉求类别", "涉及金额", "诉求内容"]


def hotline_rows(count: int = 6, *, seed: int = 7, prefix: str = "GD2026") -> list[list]:
    """Good rows, all different complainants; dates in assorted forms (serial 46086 = 2026-03-05)."""
    rng = random.Random(seed)
    dates = [46086, "2026/3/6 09:15", "2026年3月9日", "2026-03-10 14:22:05", "20260311", 46094.6]
    rows = []
    for i in range(count):
        rows.append([
            f"{prefix}{i + 1:06d}", dates[i % len(dates)], f"张{'伟芳娜敏静丽强磊军洋'[i % 10]}",
            13887010000 + i, f"双柏县第{i + 1}号建材有限公司", credit_code("91", "532322", rng),
            "双柏县住房和城乡建设局", "双柏县", "双柏县人民政府", "拖欠工程款", f"{(i + 1) * 10000:,}",
            f"反映双柏县住房和城乡建设局拖欠本公司道路工程款{i + 1}万元，多次催要未果，请求督促支付。",
        ])
    return rows


def write_xlsx(path: Path, rows: list[list], *, title: bool = True, merge_region: bool = True) -> Path:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    offset = 0
    if title:
        sheet.append(["楚雄州12345政务服务便民热线涉企诉求工单导出（2026年3月）"])
        sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(HEADERS))
        offset = 1
    sheet.append(HEADERS)
    for i, row in enumerate(rows):
        sheet.append(row)
        if i == 1:
            sheet.append([None] * len(HEADERS))  # an empty row in the middle
    if merge_region and len(rows) >= 3:
        # 所属区县 and 承办单位 merged down over the first three data rows, the value only in the first
        col_region = HEADERS.index("所属区县") + 1
        first = offset + 2
        sheet.cell(first + 1, col_region).value = None  # the second data row; the empty row follows it
        sheet.merge_cells(start_row=first, start_column=col_region, end_row=first + 2, end_column=col_region)
    book.save(path)
    return path


def write_csv(path: Path, rows: list[list], *, encoding: str = "gbk", delimiter: str = ",") -> Path:
    with path.open("w", encoding=encoding, newline="") as handle:
        writer = csv.writer(handle, delimiter=delimiter)
        writer.writerow(HEADERS)
        writer.writerows([[str(v) for v in row] for row in rows])
        writer.writerow([""] * len(HEADERS))  # a trailing empty record
    return path


def bad_code(row: list) -> list:
    row = list(row)
    row[HEADERS.index("统一社会信用代码")] = corrupt(row[HEADERS.index("统一社会信用代码")])
    return row
