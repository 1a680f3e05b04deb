"""Export of the audit trail 审计记录导出: xlsx (openpyxl, write-only) or CSV (UTF-8 with BOM).

The selection of an :class:`~app.services.audit_trail.AuditFilter`, newest first as the page shows it,
with personal data masked as on the page. Rows are streamed from SQL into a temporary file beside the
target, which is renamed into place at the end: the file is whole or absent, and memory stays flat
however many records the log holds. A text cell that a spreadsheet would take for a formula
(``=``, ``+``, ``-``, ``@`` first) is written with a leading apostrophe.
"""

from __future__ import annotations

import csv
import os
import tempfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from app.domain.errors import DomainError
from app.services.audit_trail import AuditFilter, AuditRecord, iter_records, require_auditor
from app.services.profile import Profile
from app.services.users import Actor

HEADER = ("时间", "类别", "操作", "结果", "案号", "操作人", "设备", "设备序号", "中心序号", "事件编号", "内容（已遮蔽个人信息）")
WIDTHS = (20, 12, 16, 8, 18, 20, 38, 10, 10, 38, 80)
FORMATS = ("xlsx", "csv")


@dataclass(frozen=True)
class AuditExport:
    path: Path
    records: int


def cells(r: AuditRecord) -> list[Any]:
    return [r.at_local, r.category_label, r.action_label, r.outcome_label, r.case_no or "", r.actor_name,
            r.device_id, r.device_seq, r.server_seq if r.server_seq is not None else "", r.event_id,
            r.payload_text]


def _safe(value: Any) -> Any:
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@"):
        return "'" + value
    return value


def _write_csv(path: Path, rows: Iterable[list[Any]], tick: Callable[[], None]) -> None:
    with open(path, "w", encoding="utf-8-sig", newline="") as stream:
        writer = csv.writer(stream, lineterminator="\r\n")
        writer.writerow(HEADER)
        for row in rows:
            writer.writerow([_safe(v) for v in row])
            tick()


def _write_xlsx(path: Path, rows: Iterable[list[Any]], tick: Callable[[], None]) -> None:
    from openpyxl import Workbook
    from openpyxl.utils import get_column_letter

    book = Workbook(write_only=True)
    sheet = book.create_sheet("审计记录")
    for i, width in enumerate(WIDTHS, 1):
        sheet.column_dimensions[get_column_letter(i)].width = width
    sheet.freeze_panes = "A2"
    sheet.append(list(HEADER))
    for row in rows:
        sheet.append([_safe(v) for v in row])
        tick()
    book.save(path)


def export_audit(profile: Profile, actor: Actor, f: AuditFilter, target: Path, *, fmt: str | None = None,
                 force: bool = False, progress: Callable[[int], None] | None = None,
                 cancel: Callable[[], bool] | None = None) -> AuditExport:
    """Write the selection ``f`` to ``target`` as xlsx or CSV (from ``fmt`` or the file's suffix)."""
    require_auditor(actor)
    target = Path(target).expanduser()
    kind = (fmt or target.suffix.lstrip(".") or "xlsx").lower()
    if kind not in FORMATS:
        raise DomainError("audit_export_format", suffix=target.suffix or kind)
    if target.is_dir():
        raise DomainError("file_unwritable", path=str(target), detail="这是一个文件夹，请给出文件名")
    if target.exists() and not force:
        raise DomainError("file_exists", path=str(target))
    count = 0

    def tick() -> None:
        nonlocal count
        count += 1
        if progress is not None and count % 500 == 0:
            progress(count)

    rows = (cells(r) for r in iter_records(profile, actor, f, cancel=cancel))
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        handle, tmp_name = tempfile.mkstemp(dir=target.parent, prefix=".lvyue-", suffix="." + kind)
        os.close(handle)
    except OSError as error:
        raise DomainError("file_unwritable", path=str(target), detail=error.strerror or str(error)) from None
    tmp = Path(tmp_name)
    try:
        (_write_csv if kind == "csv" else _write_xlsx)(tmp, rows, tick)
        os.replace(tmp, target)
    except PermissionError:
        tmp.unlink(missing_ok=True)
        raise DomainError("file_locked", path=str(target)) from None
    except OSError as error:
        tmp.unlink(missing_ok=True)
        raise DomainError("file_unwritable", path=str(target), detail=error.strerror or str(error)) from None
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    if progress is not None:
        progress(count)
    return AuditExport(target, count)
