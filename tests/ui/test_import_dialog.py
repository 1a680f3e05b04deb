"""The 批量导入 dialog: a messy export previewed with per-row status, a column re-mapped, a mapping
saved, the import run with progress and its summary linking the rejects file."""

from __future__ import annotations

import os

from PySide6.QtGui import QColor

from app.services import imports, queries
from app.services.imports import ALREADY, ERROR, OK
from tests import import_files as files
from ui.imports.import_dialog import STATUS_COLOURS, ImportDialog


def shoot(widget, name: str) -> None:
    folder = os.environ.get("LVYUE_SCREENSHOTS")
    if folder:
        widget.grab().save(os.path.join(folder, name))


def column_box(dialog, header):
    row = next(r for r in range(dialog.columns.rowCount()) if dialog.columns.item(r, 0).text() == header)
    return dialog.columns.cellWidget(row, 1)


def test_preview_then_import_then_reimport(qtbot, office, ctx, tmp_path):
    rows = files.hotline_rows(4)
    rows[1] = files.bad_code(rows[1])
    source = files.write_xlsx(tmp_path / "12345.xlsx", rows)
    dialog = ImportDialog(ctx)
    qtbot.addWidget(dialog)
    assert dialog.mapping_box.currentText() == "12345热线工单导出"
    assert dialog.defaults["channel"].currentData() == "hotline_12345"
    with qtbot.waitSignal(dialog.previewed, timeout=10000) as shown:
        dialog.load_file(source)
    preview = shown.args[0]
    assert [r.status for r in preview.rows] == [OK, ERROR, OK, OK]
    assert dialog.table.rowCount() == 4 and "校验位错误" in dialog.table.item(1, 2).text()
    assert dialog.table.item(1, 0).background().color() == QColor(STATUS_COLOURS[ERROR])
    assert column_box(dialog, "工单编号").currentData() == "channel_ref"
    assert dialog.import_button.isEnabled()
    dialog.show()
    shoot(dialog, "import-preview.png")
    assert dialog.width() <= 1093 and dialog.height() <= 614  # 1366×768 at 125%

    with qtbot.waitSignal(dialog.imported, timeout=20000) as done:
        dialog.run_import()
    result = done.args[0]
    assert len(result.imported) == 3 and result.not_imported == 1
    assert "href=" in dialog.summary.text() and result.rejects_path and os.path.exists(result.rejects_path)
    page = queries.list_complaints(office.profile, office.officer, queries.ComplaintFilter())
    assert page.total == 3

    with qtbot.waitSignal(dialog.previewed, timeout=10000) as again:
        dialog.refresh_preview()
    assert [r.status for r in again.args[0].rows] == [ALREADY, ERROR, ALREADY, ALREADY]
    assert not dialog.import_button.isEnabled()


def test_a_column_remapped_and_the_mapping_saved(qtbot, office, ctx, tmp_path):
    source = files.write_csv(tmp_path / "a.csv", files.hotline_rows(2), encoding="gbk")
    dialog = ImportDialog(ctx)
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.previewed, timeout=10000):
        dialog.load_file(source)
    box = column_box(dialog, "诉求内容")
    box.setCurrentIndex(0)  # not imported: claim and description are then missing
    assert not dialog.import_button.isEnabled()
    with qtbot.waitSignal(dialog.previewed, timeout=10000) as shown:
        dialog.refresh_preview()
    assert all(r.status == ERROR and any("诉求内容" in reason or "诉求" in reason for reason in r.reasons)
               for r in shown.args[0].rows)
    dialog.defaults["sector"].setCurrentIndex(dialog.defaults["sector"].findData("procurement"))
    dialog.save_mapping("我的12345")
    qtbot.waitUntil(lambda: dialog.mapping_box.currentText() == "我的12345", timeout=5000)
    saved = imports.get_mapping(office.profile, "我的12345")
    assert "诉求内容" not in saved.columns and saved.defaults["sector"] == "procurement"
    assert saved.columns["工单编号"] == "channel_ref"


def test_ctrl_i_and_the_list_button_open_the_dialog(qtbot, ctx, make_ctx):
    from PySide6.QtCore import Qt

    from ui.main_window import COMPLAINTS, MainWindow

    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=5000)
    qtbot.keyClick(window, Qt.Key.Key_I, Qt.KeyboardModifier.ControlModifier)
    assert window.stack.currentIndex() == COMPLAINTS
    assert window.import_dialog is not None and window.import_dialog.isVisible()
    window.import_dialog.close()
    window.cases.list_page.import_button.click()
    assert window.import_dialog.isVisible()
    window.import_dialog.close()
    handler = MainWindow(make_ctx("handler"))
    qtbot.addWidget(handler)
    assert not handler.cases.list_page.import_button.isVisibleTo(handler)
    handler.open_import()
    assert handler.import_dialog is None
