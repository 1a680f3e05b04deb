"""The xlsx workbook 统计报表 (openpyxl), laid out to be printed as it is.

Each :class:`ReportTable` becomes a sheet: a title row (merged, 16 pt 黑体), a subtitle row (region,
period, date), one or two header rows (upper headers merged over their columns, a label without a
group merged down both rows), the rows, a 合计 row in bold, then the notes. Rates are numbers formatted
``0.0%`` (a rate with nothing to divide by is the text “—”). Printing: A4 landscape, fit to one page
wide, the header rows repeated on every page, page numbers in the footer, panes frozen below the
header and right of the first column.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Sequence

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, NamedStyle, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from app.reports.figures import Rate
from app.reports.tables import Cell, ReportTable

FONT = "宋体"
TITLE_FONT = "黑体"
THIN = Side(style="thin", color="000000")
BOX = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
HEADER_FILL = PatternFill("solid", fgColor="F2F2F2")
CENTRE = Alignment(horizontal="center", vertical="center", wrap_text=True)
LEFT = Alignment(horizontal="left", vertical="center", wrap_text=True)
RIGHT = Alignment(horizontal="right", vertical="center")
NOTE = Alignment(horizontal="left", vertical="top", wrap_text=True)


def workbook_bytes(tables: Sequence[ReportTable], subtitle: str, *,
                   progress: Callable[[int, int], None] | None = None,
                   cancel: Callable[[], bool] | None = None) -> bytes:
    """The workbook of ``tables`` (one sheet each, in order); ``subtitle`` goes under every title."""
    book = Workbook()
    book.remove(book.active)
    _add_styles(book)
    for index, table in enumerate(tables):
        if cancel and cancel():
            from app.domain.errors import DomainError

            raise DomainError("cancelled")
        _sheet(book.create_sheet(table.name[:31]), table, subtitle)
        if progress:
            progress(index + 1, len(tables))
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _sheet(ws: Worksheet, table: ReportTable, subtitle: str) -> None:
    width = len(table.columns)
    last = get_column_letter(width)
    ws.append([table.title])
    ws.merge_cells(f"A1:{last}1")
    ws["A1"].font = Font(name=TITLE_FONT, size=16)
    ws["A1"].alignment = CENTRE
    ws.row_dimensions[1].height = 30
    ws.append([subtitle])
    ws.merge_cells(f"A2:{last}2")
    ws["A2"].font = Font(name=FONT, size=10)
    ws["A2"].alignment = Alignment(horizontal="right", vertical="center")
    header_top = 3
    header_rows = 2 if table.grouped else 1
    _header(ws, table, header_top, header_rows)
    first_data = header_top + header_rows
    r = first_data
    for row in table.rows:
        _row(ws, table, row, r, bold=False)
        r += 1
    if table.total is not None:
        _row(ws, table, table.total, r, bold=True)
    last_data = ws.max_row
    if not table.rows:
        ws.append(["（本期无）"])
        ws.merge_cells(f"A{ws.max_row}:{last}{ws.max_row}")
        ws.cell(ws.max_row, 1).alignment = CENTRE
        ws.cell(ws.max_row, 1).font = Font(name=FONT, size=10)
        for col in range(1, width + 1):
            ws.cell(ws.max_row, col).border = BOX
        last_data = ws.max_row
    for note in table.notes:
        ws.append([note])
        ws.merge_cells(f"A{ws.max_row}:{last}{ws.max_row}")
        cell = ws.cell(ws.max_row, 1)
        cell.font = Font(name=FONT, size=9)
        cell.alignment = NOTE
        ws.row_dimensions[ws.max_row].height = 14 * _note_lines(note, table)
    for index, column in enumerate(table.columns, 1):  # wide enough for its label on one line
        ws.column_dimensions[get_column_letter(index)].width = max(column.width, 2 * len(column.label) + 1) + 1
    ws.freeze_panes = ws.cell(first_data, 2 if table.columns[0].kind == "text" else 1)
    ws.print_area = f"A1:{last}{max(ws.max_row, last_data)}"
    ws.print_title_rows = f"{header_top}:{first_data - 1}"
    setup = ws.page_setup
    setup.orientation = "landscape"
    setup.paperSize = ws.PAPERSIZE_A4
    setup.fitToWidth = 1
    setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_options.horizontalCentered = True
    ws.page_margins.left = ws.page_margins.right = 0.5
    ws.page_margins.top, ws.page_margins.bottom = 0.6, 0.7
    ws.oddFooter.center.text = "第 &P 页，共 &N 页"
    ws.oddFooter.center.size = 9


def _note_lines(note: str, table: ReportTable) -> int:
    room = sum(c.width + 1 for c in table.columns)
    return max(1, -(-len(note) * 2 // int(room)))


def _header(ws: Worksheet, table: ReportTable, top: int, rows: int) -> None:
    font = Font(name=FONT, size=10, bold=True)
    for index, column in enumerate(table.columns, 1):
        ws.cell(top, index, column.group or column.label)
        if rows == 2:
            ws.cell(top + 1, index, column.label if column.group else None)
        for r in range(top, top + rows):
            cell = ws.cell(r, index)
            cell.font, cell.alignment, cell.border, cell.fill = font, CENTRE, BOX, HEADER_FILL
        if rows == 2 and not column.group:
            ws.merge_cells(start_row=top, start_column=index, end_row=top + 1, end_column=index)
    if rows == 2:
        index = 1
        while index <= len(table.columns):
            group = table.columns[index - 1].group
            end = index
            while group and end < len(table.columns) and table.columns[end].group == group:
                end += 1
            if group and end > index:
                ws.merge_cells(start_row=top, start_column=index, end_row=top, end_column=end)
            index = end + 1
    for r in range(top, top + rows):
        ws.row_dimensions[r].height = 30 if rows == 1 else 22


def _add_styles(book: Workbook) -> None:
    """The cell styles of the data rows, registered once: a named style is set on a cell in one step,
    where setting its font, border, alignment and format one by one took 25 s for 10,000 rows."""
    for bold in (False, True):
        font = Font(name=FONT, size=10, bold=bold)
        for kind, alignment, number_format in (("rate", RIGHT, "0.0%"), ("int", RIGHT, "0"), ("text", LEFT, "General"),
                                               ("centre", CENTRE, "General"), ("right", RIGHT, "General")):
            book.add_named_style(NamedStyle(name=_style_name(kind, bold), font=font, border=BOX, alignment=alignment,
                                            number_format=number_format))


def _style_name(kind: str, bold: bool) -> str:
    return f"lvyue-{kind}{'-bold' if bold else ''}"


def _row(ws: Worksheet, table: ReportTable, values: Sequence[Cell], r: int, *, bold: bool) -> None:
    """Append ``values`` as row ``r``."""
    ws.append([_value(v) for v in values])
    for index, (column, value) in enumerate(zip(table.columns, values, strict=True), 1):
        if isinstance(value, Rate):
            kind = "rate"
        elif isinstance(value, int):
            kind = "int"
        elif column.kind == "text" or index == 1:
            kind = "centre" if bold else "text"
        else:
            kind = "right"
        ws.cell(r, index).style = _style_name(kind, bold)
    ws.row_dimensions[r].height = 18 * max(1, max(_lines(v, c.width) for v, c in zip(values, table.columns, strict=True)))


def _lines(value: Cell, width: float) -> int:
    if not isinstance(value, str):
        return 1
    chars = sum(2 if ord(ch) > 0x2E80 else 1 for ch in value)
    return max(1, -(-chars // max(1, int(width))))


def _value(value: Cell):
    if isinstance(value, Rate):
        return value.value if value.value is not None else "—"
    return value
