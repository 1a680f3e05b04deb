"""Export of the typical cases for publication on 信用云南 (seed §四(八) 在“信用云南”网站予以公示).

Two files per export, one folder: ``典型案例_{from}_{to}.xlsx`` (one row per case) and a plain-text
list ``典型案例_{from}_{to}.txt`` (UTF-8 with BOM, so Notepad opens it) with the same fields and the
summaries, for pasting into the website's editor. The body that broke its word is named in clear;
the complainant enterprise keeps its name; every natural person, phone, ID number, the enterprise's
credit code and its street address are masked (``app.domain.masking``). Before anything is written,
the bytes of both files (the xlsx unzipped) are searched for every clear personal value the records
hold; one found stops the export (``typical_masking_leak``).
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font

from app.domain import masking
from app.domain import typical as rules
from app.domain.complaint import Complaint
from app.domain.errors import DomainError
from app.domain.vocabulary import BreachKind, Sector
from app.reports.typical_summary import vocabulary_label
from app.services import typical_cases
from app.services.profile import Profile
from app.services.users import Actor

HEADERS = ("序号", "案号", "失信主体", "失信主体统一社会信用代码", "所在地区", "领域", "违约失信情形", "投诉企业",
           "投诉企业统一社会信用代码", "投诉企业联系人", "联系电话", "投诉企业地址", "确认部门", "确认日期",
           "符合的标准", "案例摘要", "列入日期")


def person_names(c: Complaint) -> list[str]:
    """The natural persons the record names: contact person, legal representative, officials held to account."""
    complainant = c.intake["complainant"]
    names = [complainant.get("contact_person"), complainant.get("legal_representative")]
    for a in c.accountability:
        names += [p.get("name") for p in a.get("persons", [])]
    return [n for n in names if n]


def name_set(complaints: Iterable[Complaint]) -> frozenset[str]:
    """The persons of ``complaints``, as ``masking.mask_text`` takes them."""
    return frozenset(n.strip() for c in complaints for n in person_names(c) if len(n.strip()) >= 2)


def clear_values(c: Complaint) -> list[tuple[str, str]]:
    """(what, value) for each personal value of the record that must never appear in clear."""
    complainant = c.intake["complainant"]
    found = [("姓名", n) for n in person_names(c)]
    phone = complainant.get("phone") or ""
    if phone:
        found += [("电话", phone), ("电话", re.sub(r"\D", "", phone))]
    if complainant.get("contact_id_number"):
        found.append(("身份证号", complainant["contact_id_number"]))
    if complainant.get("credit_code"):
        found.append(("统一社会信用代码", complainant["credit_code"]))
    address = (complainant.get("address") or "").strip()
    if address and masking.mask_address(address) != address:
        found.append(("地址", address))
    return [(what, value) for what, value in found if len(value) >= 2]


@dataclass(frozen=True)
class MaskedCase:
    values: tuple[str, ...]  # HEADERS order

    def as_dict(self) -> dict[str, str]:
        return dict(zip(HEADERS, self.values, strict=True))


def masked(index: int, case: typical_cases.PublishedCase, names: frozenset[str] | None = None) -> MaskedCase:
    """One case's row, masked; ``names``: the persons of every exported record, this case's included (a
    free text may name another case's contact); by default this case's own."""
    c = case.complaint
    respondent, complainant = c.intake["respondent"], c.intake["complainant"]
    breach = c.breach or {}
    if names is None:
        names = name_set([c])
    sector = vocabulary_label(Sector, c.intake.get("sector"))
    kind = vocabulary_label(BreachKind, c.intake.get("breach_kind"))
    criteria = "；".join(rules.describe(code, figure) for code, figure in case.criteria.items())
    return MaskedCase((
        str(index), c.case_no, respondent.get("name", ""), respondent.get("credit_code") or "", case.region_name,
        sector, kind, complainant.get("name", ""), masking.mask_credit_code(complainant.get("credit_code")),
        masking.mask_name(complainant.get("contact_person")), masking.mask_phone(complainant.get("phone")),
        masking.mask_address(complainant.get("address")), breach.get("confirmed_by") or "",
        str(breach.get("confirmed_on") or ""), masking.mask_text(criteria, names),
        masking.mask_text(case.summary, names), case.marked_on.isoformat(),
    ))


def _xlsx(rows: list[MaskedCase], title: str) -> bytes:
    book = Workbook()
    ws = book.active
    ws.title = "典型案例"
    ws.append([title])
    ws["A1"].font = Font(name="黑体", size=14, bold=True)
    ws.append(list(HEADERS))
    for cell in ws[2]:
        cell.font = Font(bold=True)
    for row in rows:
        ws.append(list(row.values))
    widths = {"A": 6, "B": 16, "C": 28, "D": 22, "P": 80}
    for column, width in widths.items():
        ws.column_dimensions[column].width = width
    for row in ws.iter_rows(min_row=3):
        for cell in row:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _text(rows: list[MaskedCase], title: str) -> bytes:
    lines = [title, ""]
    for row in rows:
        d = row.as_dict()
        lines.append(f"{d['序号']}. {d['失信主体']}（{d['案号']}）")
        for key in HEADERS[3:]:
            if key == "案例摘要":
                continue
            lines.append(f"    {key}：{d[key] or '—'}")
        lines.append(f"    案例摘要：{d['案例摘要']}")
        lines.append("")
    return ("\r\n".join(lines) + "\r\n").encode("utf-8-sig")


_CODE_RUNS = re.compile(r"[0-9A-Za-z+ -]{2,}")


def readable_text(data: bytes) -> str:
    """Every character a file carries: an xlsx's XML parts unzipped, otherwise the bytes as UTF-8."""
    if data[:2] == b"PK":
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            return "\n".join(archive.read(name).decode("utf-8", "replace") for name in archive.namelist())
    return data.decode("utf-8-sig", "replace")


def leaks(texts: Iterable[str], values: Iterable[tuple[str, str]]) -> list[tuple[str, str]]:
    """The clear values found in any of ``texts`` (each distinct value searched once)."""
    whole = "\n".join(texts)
    codes = "\n".join(_CODE_RUNS.findall(whole))  # phones, ID numbers and codes sit in runs of these
    grams: set[str] | None = None  # every 2 to 4 characters of the text, for names
    found = []
    for what, value in sorted(set(values)):
        if _CODE_RUNS.fullmatch(value):
            hit = value in codes
        elif len(value) <= 4:
            if grams is None:
                grams = {whole[i:i + n] for n in (2, 3, 4) for i in range(len(whole) - n + 1)}
            hit = value in grams
        else:
            hit = value in whole
        if hit:
            found.append((what, value))
    return found


@dataclass(frozen=True)
class TypicalExport:
    files: tuple[Path, ...]
    cases: int
    period_from: date | None
    period_to: date | None


def export(profile: Profile, actor: Actor, folder: Path, *, period_from: date | None = None,
           period_to: date | None = None) -> TypicalExport:
    cases = typical_cases.published(profile, actor, period_from=period_from, period_to=period_to)
    if not cases:
        raise DomainError("typical_export_empty")
    span = f"{period_from.isoformat() if period_from else '起始'}_{period_to.isoformat() if period_to else '至今'}"
    title = "政府违约失信典型案例" + (f"（{period_from.isoformat()} 至 {period_to.isoformat()}）"
                                  if period_from and period_to else "")
    names = name_set(case.complaint for case in cases)
    rows = [masked(i, case, names) for i, case in enumerate(cases, 1)]
    outputs = {f"典型案例_{span}.xlsx": _xlsx(rows, title), f"典型案例_{span}.txt": _text(rows, title)}
    values = [v for case in cases for v in clear_values(case.complaint)]
    found = leaks((readable_text(data) for data in outputs.values()), values)
    if found:
        raise DomainError("typical_masking_leak", what="、".join(sorted({what for what, _ in found})))
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, data in outputs.items():
        path = folder / name
        path.write_bytes(data)
        written.append(path)
    return TypicalExport(tuple(written), len(cases), period_from, period_to)
