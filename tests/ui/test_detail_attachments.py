"""The 附件 tab with attachments recorded by other devices: hostile names open only inside the session's
own folder under a safe name, and a program type is never handed to the OS (issue 8)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QPushButton

from app.services.attachments import store_blob
from tests.ui.case_fixtures import (
    drag_and_drop,
    english_in,
    open_view,
    receive_event,
    to_state,
    visible_texts,
    wait_tasks,
)
from ui.widgets import file_dialogs

CONTENT = b"%PDF-1.7 scan of the contract"


def files_under(root: Path) -> set[Path]:
    return set(root.rglob("*"))


@pytest.fixture
def opened(monkeypatch) -> list[Path]:
    """What the tab hands to the OS to open (nothing is really opened)."""
    calls: list[Path] = []
    monkeypatch.setattr(QDesktopServices, "openUrl",
                        staticmethod(lambda url: calls.append(Path(url.toLocalFile())) or True))
    return calls


def received_attachment(office, tmp_path, filename: str) -> tuple[str, str]:
    """A complaint with a file whose ``attach`` event came from another device under ``filename``."""
    complaint_id = to_state(office, "registered")
    source = tmp_path / "scan.bin"
    source.write_bytes(CONTENT)
    sha, size = store_blob(office.profile, source)
    source.unlink()
    receive_event(office.profile, complaint_id, "attach", {"sha256": sha, "filename": filename, "size": size},
                  actor=office.handler.user_id)
    return complaint_id, sha


@pytest.mark.parametrize(("sent", "shown"), [
    ("验收单<1>.pdf", "验收单1.pdf"),
    ("合同扫描件.pdf:Zone.Identifier", "合同扫描件.pdf"),
    ("会议纪要.docx. ", "会议纪要.docx"),
    ("con.pdf", "_con.pdf"),
])
def test_a_hostile_name_opens_only_inside_the_session_folder(qtbot, office, make_ctx, tmp_path, opened, sent,
                                                            shown):
    complaint_id, sha = received_attachment(office, tmp_path, sent)
    ctx = make_ctx("handler")
    view = open_view(qtbot, ctx, complaint_id)
    tab = view.attachments_tab
    assert tab.tree.topLevelItem(0).text(0) == shown
    before = files_under(tmp_path)
    qtbot.mouseClick(tab.open_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(opened), timeout=5000)
    folder = ctx.open_folder.path
    assert opened == [folder / sha[:12] / shown]
    assert opened[0].read_bytes() == CONTENT
    assert files_under(tmp_path) - before == {folder, folder / ".session", folder / sha[:12], opened[0]}  # nothing else
    assert folder.is_relative_to(tmp_path / "opened")


@pytest.mark.parametrize("sent", ["../../../Startup/合同扫描件.pdf", "C:\\Windows\\System32\\验收单.pdf",
                                  "invoice\u202efdp.bat"])
def test_a_name_with_a_path_or_invisible_characters_never_reaches_the_tab(qtbot, office, make_ctx, tmp_path,
                                                                         opened, sent):
    # the fold sets such an event aside (app.domain.event_rules); the 同步 page lists it
    complaint_id, _sha = received_attachment(office, tmp_path, sent)
    view = open_view(qtbot, make_ctx("handler"), complaint_id)
    assert view.attachments_tab.tree.topLevelItem(0) is None and opened == []
    from app.services.sync import status

    assert [(q.code, q.action) for q in status(office.profile).quarantined] == [("payload_invalid", "attach")]


def test_a_program_is_not_opened_and_the_user_is_told_why_and_may_save_it(qtbot, office, make_ctx, tmp_path,
                                                                       opened, monkeypatch):
    # a program type sent as an attachment by another computer
    complaint_id, _sha = received_attachment(office, tmp_path, "invoicefdp.bat")
    ctx = make_ctx("handler")
    view = open_view(qtbot, ctx, complaint_id)
    tab = view.attachments_tab
    assert tab.tree.topLevelItem(0).text(0) == "invoicefdp.bat"
    before = files_under(tmp_path)
    qtbot.mouseClick(tab.open_button, Qt.MouseButton.LeftButton)
    box = tab.refusal
    assert box is not None and box.isVisible()
    assert "“invoicefdp.bat”是程序或脚本类文件" in box.text() and "不直接打开" in box.text()
    assert "另存为" in box.informativeText()
    buttons = {b.text(): b for b in box.findChildren(QPushButton) if b.isVisible()}
    assert set(buttons) == {"另存为…", "取消"}
    assert english_in([t.replace("invoicefdp.bat", "") for t in visible_texts(box)]) == []
    wait_tasks(qtbot, ctx)
    assert opened == [] and files_under(tmp_path) == before  # nothing opened, nothing written

    suggested = []
    target = tmp_path / "saved" / "invoicefdp.bat"
    target.parent.mkdir()
    monkeypatch.setattr(file_dialogs, "_get_save_file_name",
                        lambda _parent, _title, name, *a: suggested.append(name) or (str(target), ""))
    confirmed = []
    monkeypatch.setattr(file_dialogs, "confirm_saved", lambda _p, path, text="": confirmed.append(path))
    qtbot.mouseClick(buttons["另存为…"], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: target.exists(), timeout=5000)
    wait_tasks(qtbot, ctx)
    assert Path(suggested[0]).name == "invoicefdp.bat"
    assert target.read_bytes() == CONTENT and tab.refusal is None and opened == []
    assert confirmed == [target]


def test_cancel_leaves_the_program_where_it_is(qtbot, office, make_ctx, tmp_path, opened, monkeypatch):
    complaint_id, _sha = received_attachment(office, tmp_path, "setup.EXE")
    view = open_view(qtbot, make_ctx("handler"), complaint_id)
    tab = view.attachments_tab
    asked = []
    monkeypatch.setattr(file_dialogs, "_get_save_file_name", lambda *a: asked.append(a) or ("", ""))
    tab.tree.itemDoubleClicked.emit(tab.tree.topLevelItem(0), 0)
    box = tab.refusal
    cancel = next(b for b in box.findChildren(QPushButton) if b.text() == "取消")
    qtbot.mouseClick(cancel, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: tab.refusal is None, timeout=5000)
    assert asked == [] and opened == []


def test_a_dropped_file_is_recorded_under_its_safe_name(qtbot, office, make_ctx, tmp_path):
    view = open_view(qtbot, make_ctx("handler"), to_state(office, "registered"))
    dropped = tmp_path / "con.txt"
    dropped.write_bytes(b"notes")
    with qtbot.waitSignal(view.loaded, timeout=10000):
        drag_and_drop(view.attachments_tab, dropped)
    assert [a["filename"] for a in view.detail.complaint.attachments] == ["_con.txt"]
    assert view.attachments_tab.tree.topLevelItem(0).text(0) == "_con.txt"
