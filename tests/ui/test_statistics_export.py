"""The 统计 page's 导出 menu: a draft briefing in the preview, one issued with its number after a leader
confirms, the workbook and the CSV files written where the user chose — and who may do what."""

from __future__ import annotations

import csv
import io
from datetime import date

import openpyxl
import pytest
from PySide6.QtWidgets import QMessageBox

from tests.ui.test_statistics_page import shown
from ui.pages.statistics import StatisticsPage
from ui.pages.statistics_export import StatisticsExport
from ui.widgets import file_dialogs


@pytest.fixture
def exporting(qtbot, ctx, add_complaint):
    add_complaint(at=date(2026, 11, 3), channel="hotline_12345", sector="procurement")
    add_complaint(at=date(2026, 11, 10), channel="letter", sector="ppp")
    page = StatisticsPage(ctx)
    qtbot.addWidget(page)
    export = StatisticsExport(ctx, page)
    page.refresh()
    shown(qtbot, page)
    return export


@pytest.fixture
def told(monkeypatch) -> list[str]:
    messages: list[str] = []
    monkeypatch.setattr(file_dialogs, "confirm_saved", lambda _p, _path, text="": messages.append(text))
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text, *a: messages.append("warning: " + text))
    return messages


def test_a_draft_briefing_opens_in_the_preview_without_a_number(qtbot, exporting):
    export = exporting
    export.draft_action.trigger()
    qtbot.waitUntil(lambda: export.preview is not None and export.preview.isVisible(), timeout=20000)
    assert export.preview.page_count >= 2
    assert "2026年第四季度" in export.preview.windowTitle() and "〔" not in export.preview.windowTitle()
    export.preview.close()


def test_a_leader_issues_the_briefing_after_confirming(qtbot, exporting, monkeypatch):
    export = exporting
    asked: list[str] = []
    monkeypatch.setattr(QMessageBox, "question",
                        lambda _p, _t, text, *a: asked.append(text) or QMessageBox.StandardButton.Yes)
    export._enable()
    assert export.issue_action.isEnabled()  # the officer is a leader too
    export.issue_action.trigger()
    qtbot.waitUntil(lambda: export.preview is not None and export.preview.isVisible(), timeout=20000)
    assert "双发改通" in asked[0] and "不能撤回" in asked[0]
    assert export.preview.windowTitle().startswith("双发改通〔2026〕1号")
    export.preview.close()


def test_declining_the_confirmation_issues_nothing(qtbot, exporting, monkeypatch):
    export = exporting
    monkeypatch.setattr(QMessageBox, "question", lambda *a: QMessageBox.StandardButton.No)
    export.issue_action.trigger()
    qtbot.wait(50)
    assert export.preview is None and not export._busy.showing


def test_the_workbook_is_saved_where_the_user_chose(qtbot, exporting, tmp_path, monkeypatch, told):
    export = exporting
    target = tmp_path / "统计表"
    monkeypatch.setattr(file_dialogs, "_get_save_file_name", lambda *a, **k: (str(target), ""))
    export.xlsx_action.trigger()
    qtbot.waitUntil(lambda: bool(told), timeout=20000)
    saved = target.with_suffix(".xlsx")
    assert told == [f"已保存 Excel 工作簿：\n{saved}"]
    book = openpyxl.load_workbook(saved)
    assert "分县市" in book.sheetnames
    summary = book[book.sheetnames[0]]
    assert "2026年第四季度" in str(summary["A1"].value)


def test_the_csv_files_are_written_into_the_chosen_folder(qtbot, exporting, tmp_path, monkeypatch, told):
    export = exporting
    monkeypatch.setattr(file_dialogs, "_get_existing_directory", lambda *a, **k: str(tmp_path))
    export.csv_action.trigger()
    qtbot.waitUntil(lambda: bool(told), timeout=20000)
    files = sorted(tmp_path.glob("*.csv"))
    assert files and told == [f"已在 {tmp_path} 保存 {len(files)} 个 CSV 文件"]
    text = files[0].read_bytes().decode("utf-8-sig")
    assert list(csv.reader(io.StringIO(text)))


def test_a_file_held_open_elsewhere_is_reported_in_chinese(qtbot, exporting, tmp_path, monkeypatch, told):
    export = exporting
    target = tmp_path / "a-folder.xlsx"
    target.mkdir()  # cannot be replaced by a file: as a workbook Excel holds open on Windows
    monkeypatch.setattr(file_dialogs, "_get_save_file_name", lambda *a, **k: (str(target), ""))
    export.xlsx_action.trigger()
    qtbot.waitUntil(lambda: bool(told), timeout=20000)
    assert told[0].startswith("warning: ") and str(target) in told[0]
    assert not export._busy.showing


def test_who_may_export_what(qtbot, make_ctx):
    clerk_page = StatisticsPage(make_ctx("clerk"))
    qtbot.addWidget(clerk_page)
    clerk_export = StatisticsExport(make_ctx("clerk"), clerk_page)
    clerk_export._enable()
    assert clerk_export.draft_action.isEnabled() and not clerk_export.issue_action.isEnabled()
    assert clerk_export.issue_action.toolTip() == "只有领导可以签发调度通报"
