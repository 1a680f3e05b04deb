"""CSV files for re-use: one UTF-8-with-BOM file per table (Excel on Chinese Windows opens it right).

One header row (an upper header is joined to its column's label: ``按时转办-按时``), then the rows and
the 合计 row as in the workbook. A rate is written as a decimal fraction to four places (``0.8333``),
empty when there is nothing to divide by, so a spreadsheet or a script can compute with it.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence

from app.reports.figures import Rate
from app.reports.tables import Cell, ReportTable

BOM = "\ufeff"


def csv_bytes(table: ReportTable) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow([f"{c.group}-{c.label}" if c.group else c.label for c in table.columns])
    for row in table.rows:
        writer.writerow(_cells(row))
    if table.total is not None:
        writer.writerow(_cells(table.total))
    return (BOM + buffer.getvalue()).encode("utf-8")


def file_name(table: ReportTable) -> str:
    return f"{table.name}.csv"


def _cells(row: Sequence[Cell]) -> list[str]:
    out = []
    for value in row:
        if isinstance(value, Rate):
            out.append("" if value.value is None else f"{value.value:.4f}")
        else:
            out.append("" if value is None else str(value))
    return out
