"""The progress dialog shared by the exports and the audit check (ui/widgets/busy_dialog.py): progress
reaches the bar, 取消 cancels the job without a warning, a failure is shown in Chinese, and the dialog is
closed before the result is handled."""

from __future__ import annotations

import threading

from PySide6.QtWidgets import QMessageBox, QPushButton, QWidget

from app.domain.errors import DomainError
from ui.widgets.busy_dialog import BusyDialog, warn_unless_cancelled


def owner(qtbot) -> QWidget:
    widget = QWidget()
    qtbot.addWidget(widget)
    widget.show()
    return widget


def test_progress_then_result_with_the_dialog_closed_first(qtbot, tasks):
    page = owner(qtbot)
    busy = BusyDialog(page)
    go = threading.Event()
    seen: list = []

    def work(progress, cancel):
        progress(3, 10, "")
        go.wait(10)
        return "written"

    busy.run(tasks, work, title="导出", label="正在写入…", cancel_text="取消",
             on_done=lambda result: seen.append((result, busy.showing)), on_error=seen.append)
    dialog = busy.dialog
    qtbot.waitUntil(lambda: dialog.maximum() == 10 and dialog.value() == 3, timeout=30000)
    assert busy.showing
    go.set()
    qtbot.waitUntil(lambda: bool(seen), timeout=30000)
    assert seen == [("written", False)]


def test_cancel_stops_the_job_and_says_nothing(qtbot, tasks, monkeypatch):
    page = owner(qtbot)
    warned: list = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a: warned.append(a[2]))
    busy = BusyDialog(page)
    started = threading.Event()
    ended: list = []

    def work(progress, cancel):
        started.set()
        while not cancel():
            threading.Event().wait(0.01)
        raise DomainError("cancelled")

    busy.run(tasks, work, title="导出", label="正在写入…", cancel_text="取消", on_done=ended.append,
             on_error=lambda failure: (ended.append(failure), warn_unless_cancelled(page, "导出", failure)))
    assert started.wait(30)
    busy.dialog.findChild(QPushButton).click()  # 取消
    qtbot.waitUntil(lambda: bool(ended), timeout=30000)
    assert not busy.showing and warned == []


def test_a_failure_is_told_in_chinese(qtbot, tasks, monkeypatch):
    page = owner(qtbot)
    warned: list = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a: warned.append(a[2]))
    busy = BusyDialog(page)

    def work():
        raise DomainError("file_locked", path="D:/台账.xlsx")

    busy.run(tasks, work, title="核验", label="正在核验…", on_done=lambda _r: None,
             on_error=lambda failure: warn_unless_cancelled(page, "核验", failure))
    assert busy.dialog.findChild(QPushButton) is None  # no 取消 without cancel_text
    qtbot.waitUntil(lambda: bool(warned), timeout=30000)
    assert not busy.showing
    assert warned == ["文件 D:/台账.xlsx 正被其他程序占用（可能已在 Excel 或 PDF 阅读器中打开），请关闭后重试"]


def test_an_error_that_cannot_be_described_still_ends_the_job(qtbot, tasks, monkeypatch):
    page = owner(qtbot)
    warned: list = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a: warned.append(a[2]))
    busy = BusyDialog(page)

    def work():
        raise DomainError("file_locked", {"path": "D:/台账.xlsx"})  # params given as the field: describe() fails

    busy.run(tasks, work, title="核验", label="正在核验…", on_done=lambda _r: None,
             on_error=lambda failure: warn_unless_cancelled(page, "核验", failure))
    qtbot.waitUntil(lambda: bool(warned), timeout=30000)
    assert not busy.showing and warned[0].startswith("程序内部错误")
