"""The files ``report`` writes: the workbook (``--xlsx``), the 调度通报 (``--pdf``) and the CSV files (``--csv``).

Targets are checked before anything is computed (an existing file without ``--force``, a folder where
a file is wanted), and each file is written to a temporary name beside it and renamed into place, so
an interrupted run never leaves half a file; a file another program holds open (Excel or a PDF reader
on Windows) is reported as such.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from app.common.lazy import lazy_module
from app.domain.errors import DomainError

briefing = lazy_module("app.services.briefing")
reports = lazy_module("app.services.reports")
_file_output = lazy_module("app.services.file_output")

if TYPE_CHECKING:
    from app.services.profile import Profile
    from app.services.users import Actor


@dataclass(frozen=True)
class Targets:
    xlsx: Path | None
    pdf: Path | None
    csv: Path | None
    force: bool


def targets(xlsx: str | None, pdf: str | None, csv: str | None, *, force: bool) -> Targets:
    found = Targets(*(Path(p).expanduser().resolve() if p else None for p in (xlsx, pdf, csv)), force=force)
    for path in (found.xlsx, found.pdf):
        if path is None:
            continue
        if path.is_dir():
            raise DomainError("file_unwritable", path=str(path), detail="这是一个文件夹，请给出文件名")
        if path.exists() and not force:
            raise DomainError("file_exists", path=str(path))
    if found.csv is not None and found.csv.exists() and not found.csv.is_dir():
        raise DomainError("file_unwritable", path=str(found.csv), detail="--csv 应为文件夹")
    return found


def write(profile: Profile, actor: Actor, start: date, end: date, t: Targets, *, region_code: str | None,
          department: str | None, issue: bool) -> list[dict]:
    written: list[dict] = []
    if t.xlsx:
        data = reports.workbook(profile, actor, start, end, region_code=region_code, department=department)
        written.append({"kind": "xlsx", "path": str(_file_output.write_file(t.xlsx, data))})
    if t.csv:
        files = reports.csv_tables(profile, actor, start, end, region_code=region_code, department=department)
        if not t.force:
            clash = [name for name in files if (t.csv / name).exists()]
            if clash:
                raise DomainError("file_exists", path=str(t.csv / clash[0]))
        for name, data in files.items():
            written.append({"kind": "csv", "path": str(_file_output.write_file(t.csv / name, data))})
    if t.pdf:
        made = briefing.briefing_pdf(profile, actor, start, end, region_code=region_code, department=department,
                                     issue=issue)
        written.append({"kind": "pdf", "path": str(_file_output.write_file(t.pdf, made.pdf)), "number": made.number,
                        "pages": made.pages, "title": made.title})
    return written


def describe(written: list[dict]) -> list[str]:
    lines = []
    for item in written:
        if item["kind"] == "pdf":
            state = f"发文字号 {item['number']}" if item["number"] else "草稿，未编号；正式印发请加 --issue"
            lines.append(f"{item['path']}（调度通报，{item['pages']} 页，{state}）")
        else:
            lines.append(item["path"])
    return lines
