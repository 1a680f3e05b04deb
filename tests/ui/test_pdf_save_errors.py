"""Saving a PDF over one open in WPS/Acrobat (Windows refuses to replace it: PermissionError, simulated
by an ``os.replace`` that raises for that path) or over a folder of that name: the window says why in
Chinese and offers 重试 / 另存为…; never silent, never half a file, no temporary file left behind."""

from __future__ import annotations

import os

from PySide6.QtWidgets import QMessageBox, QWidget

from app.services import file_output
from ui.documents import preview_dialog
from ui.widgets import file_dialogs

PDF = b"%PDF-1.7 test document\n%%EOF\n"


class Answers:
    """Stands in for the officer at the modal 保存失败 box: records what it said, presses a button."""

    def __init__(self, monkeypatch, *choices: str) -> None:
        self.choices = list(choices)
        self.said: list[str] = []
        monkeypatch.setattr(QMessageBox, "exec", lambda box: self._exec(box))

    def _exec(self, box: QMessageBox) -> int:
        assert box.objectName() == "save-failed"
        self.said.append(box.informativeText())
        wanted = {"retry": "重试", "other": "另存为", "cancel": "取消"}[self.choices.pop(0)]
        for button in box.buttons():
            if wanted in button.text():
                button.click()
                return 0
        raise AssertionError(f"no button {wanted}: {[b.text() for b in box.buttons()]}")


def _asks(monkeypatch, *paths):
    asked = []
    queue = [str(p) for p in paths]

    def ask(parent, title, start, filters):
        asked.append(start)
        return (queue.pop(0), "") if queue else ("", "")

    monkeypatch.setattr(file_dialogs, "_get_save_file_name", ask)
    return asked


def _locked_once(monkeypatch, target):
    real = os.replace
    state = {"refused": 0}

    def replace(src, dst, *args, **kwargs):
        if os.fspath(dst) == os.fspath(target) and state["refused"] == 0:
            state["refused"] += 1
            raise PermissionError(13, "另一个程序正在使用此文件，进程无法访问。", os.fspath(dst))
        return real(src, dst, *args, **kwargs)

    monkeypatch.setattr(file_output.os, "replace", replace)
    return state


def test_a_pdf_open_in_wps_is_said_and_retry_saves_it(qtbot, tmp_path, monkeypatch):
    parent = QWidget()
    qtbot.addWidget(parent)
    target = tmp_path / "公函.pdf"
    target.write_bytes(b"the old PDF, open in WPS")
    state = _locked_once(monkeypatch, target)
    _asks(monkeypatch, target)
    answers = Answers(monkeypatch, "retry")
    assert preview_dialog.save_pdf(parent, PDF, "公函") == target
    assert state["refused"] == 1
    assert answers.said == [f"文件被其他程序占用，请关闭 WPS/Acrobat 中打开的该文件后重试，或另存为其他文件名（{target}）"]
    assert target.read_bytes() == PDF
    assert sorted(p.name for p in tmp_path.iterdir()) == ["公函.pdf"]  # no .lvyue- part file left
    saved = parent.findChild(QMessageBox, "saved_confirmation")
    assert saved is not None and str(target) in saved.text()


def test_a_folder_in_the_way_offers_another_name(qtbot, tmp_path, monkeypatch):
    parent = QWidget()
    qtbot.addWidget(parent)
    (tmp_path / "公函.pdf").mkdir()
    other = tmp_path / "公函（2）.pdf"
    asked = _asks(monkeypatch, tmp_path / "公函.pdf", other)
    answers = Answers(monkeypatch, "other")
    assert preview_dialog.save_pdf(parent, PDF, "公函") == other
    assert "是一个文件夹" in answers.said[0] and "另存为其他文件名" in answers.said[0]
    assert len(asked) == 2 and asked[1].endswith("公函.pdf")  # asked again, starting from the name tried
    assert other.read_bytes() == PDF and (tmp_path / "公函.pdf").is_dir()


def test_cancel_after_a_refusal_writes_nothing(qtbot, tmp_path, monkeypatch):
    parent = QWidget()
    qtbot.addWidget(parent)
    target = tmp_path / "公函.pdf"
    target.write_bytes(b"old")
    _locked_once(monkeypatch, target)
    _asks(monkeypatch, target)
    answers = Answers(monkeypatch, "cancel")
    assert preview_dialog.save_pdf(parent, PDF, "公函") is None
    assert len(answers.said) == 1
    assert target.read_bytes() == b"old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["公函.pdf"]
    assert parent.findChild(QMessageBox, "saved_confirmation") is None
