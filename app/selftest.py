"""自检 ``--selftest``: prove that this installation works, end to end, without touching the user's data.

``python main.py --selftest`` (or the bundle's ``lvyue-cli --selftest``) makes a temporary profile in a
new temporary folder (``LVYUE_SELFTEST_DIR`` chooses the parent folder; default: the system's), with
an in-memory keyring installed for this process only (the profile's data key never reaches the OS
keyring), then does what a new office does on its first day through the real services: create the
administrator as the first-run wizard does, add an officer, register a complaint, issue its 受理通知书
and check the PDF (pypdf opens it, at least one page, every font embedded, the case number in the
text). The caller may add checks (``main.py`` adds the window's: Qt plugins, translations, fonts,
icons). Each step is printed in Chinese with its time; the folder is deleted at the end, also after a
failure. Exit 0 when every step passed; 1 with the step and the reason otherwise. Qt-free.
"""

from __future__ import annotations

import errno
import os
import secrets
import shutil
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from keyring.backend import KeyringBackend

PARENT_ENV = "LVYUE_SELFTEST_DIR"
OFFICE_REGION, OFFICE_NAME = "532322", "双柏县发展和改革局"


class MemoryKeyring(KeyringBackend):
    """A keyring that lives as long as the self-test process: the temporary profile's data key only."""

    priority = 1

    def __init__(self) -> None:
        super().__init__()
        self._entries: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self._entries.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self._entries[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        self._entries.pop((service, username), None)


@dataclass
class Run:
    """What the steps share: the temporary folder, the profile, the users, the case and its PDF."""

    folder: Path | None = None
    profile: Any = None
    actors: dict[str, Any] = field(default_factory=dict)
    case_no: str = ""
    pdf: Path | None = None


Step = tuple[str, Callable[[Run], str | None]]  # (name, action returning a short detail)


def _prepare(run: Run) -> str:
    import keyring

    keyring.set_keyring(MemoryKeyring())  # before any profile opens: the OS keyring is never written
    parent = os.environ.get(PARENT_ENV) or None
    run.folder = Path(tempfile.mkdtemp(prefix="lvyue-selftest-", dir=parent))
    return str(run.folder)


def import_all(package: str, skip: tuple[str, ...] = ()) -> int:
    """Import every module of ``package`` (a bundle that left one out fails here, not in an office)."""
    import importlib
    import pkgutil

    failed: list[str] = []
    root = importlib.import_module(package)
    count = 1
    for info in pkgutil.walk_packages(root.__path__, package + ".", onerror=failed.append):
        if info.name.startswith(skip):
            continue
        try:
            importlib.import_module(info.name)
            count += 1
        except Exception as error:  # every module that does not load is named
            failed.append(f"{info.name}（{type(error).__name__}: {error}）")
    if failed:
        raise SelfTestError(f"{len(failed)} 个模块无法装入：" + "；".join(map(str, failed[:5])))
    return count


def _modules(run: Run) -> str:
    return f"{import_all('app', skip=('app.store.migrations',))} 个模块"


def _create_profile(run: Run) -> str:
    from app.services.profile import create_profile

    run.profile = create_profile(run.folder / "profile", region_code=OFFICE_REGION, office_name=OFFICE_NAME)
    return f"{OFFICE_NAME}，数据库已迁移到最新版本"


def _create_users(run: Run) -> str:
    from app.services import auth, office_settings, users

    profile = run.profile
    password = "Zj#" + secrets.token_urlsafe(12)  # never shown: the profile is deleted at the end
    users.add_user(profile, None, username="admin", display_name="系统管理员", roles=["admin"],
                   region_code=OFFICE_REGION, password=password)  # as the first-run wizard does
    admin = auth.login(profile, "admin", password)
    users.add_user(profile, admin, username="officer", display_name="杨喆", roles=["clerk", "handler", "leader"],
                   password=password)
    run.actors = {"admin": admin, "officer": auth.login(profile, "officer", password)}
    office_settings.update(profile, admin, {"contact_person": "王颖", "contact_phone": "0878-7721234"})
    return "管理员 admin、经办人 officer（登记、承办、审核）"


def _intake() -> dict[str, Any]:
    from stdnum.cn import uscc

    body = "91" + OFFICE_REGION + "MA6K8W3X1"
    return {
        "complainant": {"name": "双柏县绿源农业科技有限公司", "credit_code": body + uscc.calc_check_digit(body),
                        "legal_representative": "李明", "contact_person": "王喆", "phone": "13887012345",
                        "address": "云南省楚雄州双柏县妥甸镇团结路8号"},
        "respondent": {"name": "双柏县农业农村局", "kind": "organ", "region_code": OFFICE_REGION,
                       "competent_department": "双柏县人民政府"},
        "channel": "hotline_12345", "sector": "industrial_support", "breach_kind": "policy_unfulfilled",
        "agreement": {"title": "高原特色农业产业扶持协议", "number": "SBN-2024-017", "signed_on": "2024-03-18",
                      "amount": "1200000.00"},
        "claim": {"amount": "300000", "text": "请求按协议兑现产业扶持资金30万元。"},
        "description": "2024年3月与县农业农村局签订产业扶持协议，约定项目验收合格后兑现扶持资金30万元，"
                       "项目已于2024年12月验收合格，至今未兑现。",
    }


def _register(run: Run) -> str:
    from app.services import intake

    run.case_no = intake.register(run.profile, run.actors["officer"], _intake()).case_no
    return f"案号 {run.case_no}"


def _issue(run: Run) -> str:
    from app.services import documents

    issued = documents.issue(run.profile, run.actors["officer"], run.case_no, "receipt")
    run.pdf = issued.path
    return f"{issued.number}，{issued.pages} 页"


def _check_pdf(run: Run) -> str:
    from pypdf import PdfReader

    reader = PdfReader(str(run.pdf))
    pages = len(reader.pages)
    if pages < 1:
        raise SelfTestError("PDF 没有页面")
    fonts = _fonts(reader)
    if not fonts:
        raise SelfTestError("PDF 没有使用任何字体")
    missing = sorted(name for name, embedded in fonts.items() if not embedded)
    if missing:
        raise SelfTestError(f"字体未嵌入：{'、'.join(missing)}")
    text = "".join(page.extract_text() or "" for page in reader.pages)
    if run.case_no not in text:
        raise SelfTestError(f"PDF 文字中找不到案号 {run.case_no}")
    return f"{pages} 页，{run.pdf.stat().st_size // 1024} KB，嵌入字体 {len(fonts)} 种"


def _fonts(reader) -> dict[str, bool]:
    """Every font the pages use: name -> embedded (a font file in its descriptor or its descendant's)."""
    found: dict[str, bool] = {}
    for page in reader.pages:
        resources = page.get("/Resources")
        font_dict = resources.get_object().get("/Font") if resources is not None else None
        for ref in (font_dict.get_object().values() if font_dict is not None else ()):
            font = ref.get_object()
            descriptor = font.get("/FontDescriptor")
            if descriptor is None and "/DescendantFonts" in font:
                descriptor = font["/DescendantFonts"].get_object()[0].get_object().get("/FontDescriptor")
            descriptor = descriptor.get_object() if descriptor is not None else {}
            found[str(font.get("/BaseFont", "?"))] = any(k in descriptor for k in ("/FontFile", "/FontFile2",
                                                                                   "/FontFile3"))
    return found


def _clean_up(run: Run) -> str:
    _close(run)
    if run.folder is not None:
        shutil.rmtree(run.folder)
        if run.folder.exists():
            raise SelfTestError(f"临时文件夹未能删除：{run.folder}")
    return "临时配置档案已删除"


CORE_STEPS: list[Step] = [
    ("准备临时配置档案和内存凭据库", _prepare),
    ("装入程序模块", _modules),
    ("创建配置档案", _create_profile),
    ("创建管理员和经办人", _create_users),
    ("登记投诉", _register),
    ("开具受理通知书", _issue),
    ("检查 PDF", _check_pdf),
]


_OS_REASONS = {errno.ENOENT: "文件或文件夹不存在", errno.ENOTDIR: "路径不是文件夹", errno.EEXIST: "文件已存在",
               errno.EACCES: "没有权限", errno.EROFS: "文件夹是只读的", errno.ENOSPC: "磁盘空间已满"}


class SelfTestError(Exception):
    """A check that did not hold; its text (Chinese) is the reason printed."""


def reason(error: BaseException) -> str:
    """The failure in Chinese: a domain message, a PC fault (disk, permissions), or the bare error."""
    from app.domain.errors import DomainError
    from app.messages import describe
    from app.store.faults import fault_of

    if isinstance(error, SelfTestError):
        return str(error)
    if isinstance(error, DomainError):
        return describe(error)
    fault = fault_of(error) if isinstance(error, Exception) else None
    if fault is not None:
        return describe(fault)
    if isinstance(error, OSError) and error.errno in _OS_REASONS:
        return f"{_OS_REASONS[error.errno]}：{error.filename}"
    return f"程序内部错误（{type(error).__name__}: {error}）"


def run(extra: list[Step] | None = None, out: Callable[[str], None] | None = None) -> int:
    """Run the core steps, then ``extra`` (they get the same ``Run``), then clean up; 0 or 1."""
    out = out or _print
    steps = [*CORE_STEPS, *(extra or []), ("删除临时配置档案", _clean_up)]
    state = Run()
    started = time.perf_counter()
    out(f"履约 自检（版本 {_version()}，Python {sys.version.split()[0]}，{'程序包' if _frozen() else '源代码'}）")
    for number, (name, action) in enumerate(steps, 1):
        begun = time.perf_counter()
        try:
            detail = action(state)
        except BaseException as error:  # every failure is reported, then the folder goes
            out(f"[{number}/{len(steps)}] {name} …… 失败（{_ms(begun)}）")
            out(f"自检失败：第 {number} 步“{name}”：{reason(error)}")
            _discard(state)
            if os.environ.get("LVYUE_DEBUG") and isinstance(error, Exception):
                import traceback

                traceback.print_exception(error)
            return 1
        out(f"[{number}/{len(steps)}] {name} …… 通过（{_ms(begun)}）" + (f"：{detail}" if detail else ""))
    out(f"自检通过：共 {len(steps)} 步，用时 {time.perf_counter() - started:.2f} 秒")
    return 0


def _close(run: Run) -> None:
    if run.profile is not None:
        run.profile.close()
        run.profile = None


def _discard(run: Run) -> None:
    try:
        _close(run)
    except Exception:  # a failed step may have left the store half-open
        pass
    if run.folder is not None:
        shutil.rmtree(run.folder, ignore_errors=True)


def _ms(begun: float) -> str:
    return f"{(time.perf_counter() - begun) * 1000:.0f} 毫秒"


def _version() -> str:
    from app import __version__

    return __version__


def _frozen() -> bool:
    return bool(getattr(sys, "frozen", False))


def _print(text: str) -> None:
    if sys.stdout is not None:  # the windowed bundle on Windows has no console
        print(text, flush=True)


def main(extra: list[Step] | None = None) -> int:
    from app.cli import utf8_streams

    utf8_streams()
    from app.security import log_masking

    log_masking.install()
    return run(extra)
