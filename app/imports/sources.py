"""Reading a source file into rows of text: xlsx (openpyxl) and csv (encoding and delimiter detected).

Merged cells take the value of their top-left cell, rows with no value are skipped, and the header
row is the first of the first rows that names the most known columns (exports often put a title
above it). Every row keeps its number in the file, for the rejects file and the preview.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from app.domain.errors import DomainError

HEADER_SCAN = 10  # rows looked at to find the header row
SUPPORTED = (".xlsx", ".xlsm", ".csv", ".txt")


@dataclass(frozen=True)
class SourceRow:
    number: int  # row number in the file (1-based, as Excel shows it; a csv record's line)
    values: dict[str, Any]  # header -> cell (str, or date/datetime/int/float from xlsx)


@dataclass(frozen=True)
class SourceTable:
    path: str
    headers: tuple[str, ...]
    rows: tuple[SourceRow, ...]
    encoding: str = ""  # csv: utf-8 | utf-8-sig | gb18030 | utf-16
    delimiter: str = ""


def read_table(path: str | Path, known_headers: Iterable[str] = ()) -> SourceTable:
    path = Path(path)
    if not path.exists():
        raise DomainError("file_not_found", path=str(path))
    suffix = path.suffix.lower()
    if suffix == ".xls":
        raise DomainError("import_xls_unsupported", path=str(path))
    if suffix not in SUPPORTED:
        raise DomainError("import_format_unsupported", path=str(path), suffix=suffix or "（无）")
    known = {_header(h) for h in known_headers}
    if suffix in (".xlsx", ".xlsm"):
        grid = _xlsx_grid(path)
        return _table(str(path), grid, known)
    text, encoding = decode_bytes(path.read_bytes(), str(path))
    delimiter = sniff_delimiter(text)
    grid = [(i, row) for i, row in enumerate(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter), 1)]
    return _table(str(path), grid, known, encoding=encoding, delimiter=delimiter)


def decode_bytes(data: bytes, path: str = "") -> tuple[str, str]:
    """Text and the encoding found: UTF-8 with or without BOM, UTF-16 with BOM (Excel's 'Unicode text'),
    otherwise GB18030 (a superset of GBK, what Excel saves csv as on Chinese Windows). A BOM is a promise:
    bytes after it that break it are refused (``import_encoding_unknown``), never replaced by "�"."""
    try:
        if data.startswith(b"\xef\xbb\xbf"):
            return data[3:].decode("utf-8"), "utf-8-sig"
        if data.startswith((b"\xff\xfe", b"\xfe\xff")):
            return data.decode("utf-16"), "utf-16"
    except UnicodeDecodeError:
        raise DomainError("import_encoding_unknown", path=path) from None
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("gb18030"), "gb18030"
    except UnicodeDecodeError:
        raise DomainError("import_encoding_unknown", path=path) from None


def sniff_delimiter(text: str) -> str:
    sample = text[:8192]
    try:
        return csv.Sniffer().sniff(sample, delimiters=",\t;|").delimiter
    except csv.Error:
        first = sample.splitlines()[0] if sample else ""
        return max(",\t;|", key=first.count) if first else ","


def _xlsx_grid(path: Path) -> list[tuple[int, list[Any]]]:
    from openpyxl import load_workbook

    try:
        book = load_workbook(path, data_only=True)  # not read-only: merged ranges are needed
    except Exception as error:  # zip or xml damage: say which file, not a traceback
        raise DomainError("import_file_damaged", path=str(path), detail=type(error).__name__) from None
    sheet = book.worksheets[0]
    fill: dict[tuple[int, int], Any] = {}
    for merged in sheet.merged_cells.ranges:
        value = sheet.cell(merged.min_row, merged.min_col).value
        for r in range(merged.min_row, merged.max_row + 1):
            for c in range(merged.min_col, merged.max_col + 1):
                fill[(r, c)] = value
    grid = []
    for r, row in enumerate(sheet.iter_rows(values_only=True), 1):
        if all(_blank(v) for v in row):  # empty of its own: a merge from above does not make it a record
            continue
        grid.append((r, [fill.get((r, c), v) for c, v in enumerate(row, 1)]))
    book.close()
    return grid


def _blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _header(value: Any) -> str:
    return "".join(str(value).split()) if value is not None else ""


def _table(path: str, grid: list[tuple[int, list[Any]]], known: set[str], **extra: str) -> SourceTable:
    filled = [(n, cells) for n, cells in grid if not all(_blank(v) for v in cells)]
    if not filled:
        raise DomainError("import_file_empty", path=path)
    candidates = filled[:HEADER_SCAN]
    best = max(candidates, key=lambda item: (sum(_header(v) in known for v in item[1]),
                                             sum(not _blank(v) for v in item[1]) if not known else 0))
    if known and not any(_header(v) in known for v in best[1]):
        best = max(candidates, key=lambda item: sum(not _blank(v) for v in item[1]))
    header_at = filled.index(best)
    headers: list[str] = []
    for i, value in enumerate(best[1]):
        name = _header(value) or f"第{i + 1}列"
        while name in headers:
            name += "'"
        headers.append(name)
    rows = []
    for number, cells in filled[header_at + 1:]:
        values = {h: _cell(v) for h, v in zip(headers, cells, strict=False)}
        if all(_blank(v) for v in values.values()):
            continue
        rows.append(SourceRow(number, values))
    return SourceTable(path, tuple(headers), tuple(rows), **extra)


def _cell(value: Any) -> Any:
    if isinstance(value, str):
        return value.strip()
    if isinstance(value, (datetime, date, int, float)) or value is None:
        return value
    return str(value)
