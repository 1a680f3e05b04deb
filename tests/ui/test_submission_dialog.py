"""The 上报省平台 dialog: the preview counts, create and export to a folder, the history with its status,
the unsent warning, and recording a submission as sent."""

from __future__ import annotations

import json
import os
from datetime import date

from PySide6.QtGui import QGuiApplication

from tests.factories import credit_code
from tests.integration.test_credit_submissions import _breach
from ui.credit.submission_dialog import SubmissionDialog


def shoot(widget, name: str) -> None:
    folder = os.environ.get("LVYUE_SCREENSHOTS")
    if folder:
        widget.grab().save(os.path.join(folder, name))


def test_preview_create_export_and_mark_sent(qtbot, office, ctx, tmp_path):
    case = _breach(office, "双柏县财政局", credit_code("11", "532322"))
    held = _breach(office, "双柏县水务局", None)
    dialog = SubmissionDialog(ctx)
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.previewed, timeout=10000) as previewed:
        dialog.set_period("2026-12")
        dialog.refresh_preview()
    preview = previewed.args[0]
    assert (preview.new, preview.changed, preview.repaired) == (1, 0, 0)
    assert "新增 1" in dialog.counts.text() and held in dialog.counts.text()
    assert dialog.create_button.isEnabled()
    dialog.show()
    screen = QGuiApplication.primaryScreen().availableGeometry()
    assert dialog.width() <= screen.width() and dialog.height() <= screen.height()
    shoot(dialog, "submission-preview.png")

    with qtbot.waitSignal(dialog.exported, timeout=15000) as exported:
        dialog.create_into(tmp_path)
    done = exported.args[0]
    assert done.info.number == "532322-BS-2026-0001"
    records = json.loads((tmp_path / "532322-BS-2026-0001.json").read_text(encoding="utf-8"))["records"]
    assert [r["record_no"] for r in records] == [case]
    qtbot.waitUntil(lambda: dialog.history.rowCount() == 1 and dialog.history.item(0, 2).text() == "已导出（未报送）",
                    timeout=5000)
    qtbot.waitUntil(lambda: "尚未登记已报送" in dialog.warning.text(), timeout=5000)
    assert not dialog.create_button.isEnabled(), "nothing left to send"
    dialog.select("532322-BS-2026-0001")
    assert dialog.sent_button.isEnabled()

    with qtbot.waitSignal(dialog.marked, timeout=10000) as marked:
        dialog.mark_sent("532322-BS-2026-0001", date(2026, 12, 2))
    assert marked.args[0].status == "sent"
    qtbot.waitUntil(lambda: dialog.history.item(0, 2).text() == "已报送", timeout=5000)
    assert dialog.history.item(0, 8).text() == "杨喆"
    qtbot.waitUntil(lambda: dialog.warning.text() == "", timeout=5000)
    shoot(dialog, "submission-history.png")


def test_a_refusal_is_shown_in_chinese(qtbot, office, ctx):
    dialog = SubmissionDialog(ctx)
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.failed, timeout=10000) as failed:
        dialog.mark_sent("532322-BS-2026-0042", date(2026, 11, 26))
    assert failed.args[0] == "没有编号为 532322-BS-2026-0042 的报送批次"


def test_the_credit_menu_opens_the_dialog(qtbot, ctx):
    from ui.main_window import MainWindow

    window = MainWindow(ctx)
    qtbot.addWidget(window)
    (menu,) = [a for a in window.menuBar().actions() if a.text() == "信用(&C)"]
    assert [a.text() for a in menu.menu().actions()] == ["上报省平台…"]
    window.submission_action.trigger()
    assert window.submission_dialog.isVisible() and window.submission_dialog.windowTitle() == "上报省平台"
    window.submission_dialog.close()



def test_an_older_history_read_finishing_last_does_not_replace_the_newer_one(qtbot, office, ctx, monkeypatch):
    """History reads run side by side on the pool. A read asked first but answering last (here: held until
    the newer one is shown) must not put its older rows back over the newer ones."""
    import threading

    from app.services import credit_submissions

    _breach(office, "双柏县财政局", credit_code("11", "532322"))
    dialog = SubmissionDialog(ctx)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: not ctx.tasks.busy, timeout=10000)  # the dialog's own first read
    credit_submissions.create(ctx.profile, ctx.actor, "2026-12")

    real = credit_submissions.submissions
    entered, release = threading.Event(), threading.Event()
    asked: list[int] = []

    def first_held(profile):
        asked.append(1)
        if not entered.is_set():  # the older read: it answers "nothing yet" after the newer one is shown
            entered.set()
            release.wait(10)
            return ()
        return real(profile)

    monkeypatch.setattr(credit_submissions, "submissions", first_held)
    try:
        dialog.refresh_history()
        assert entered.wait(10)  # the older read is on its thread and held before the newer one is asked
        with qtbot.waitSignal(dialog.history_loaded, timeout=10000) as loaded:
            dialog.refresh_history()
    finally:
        release.set()  # never leave the held read behind, even when the newer one did not come
    assert loaded.args[0] == 1
    qtbot.waitUntil(lambda: not ctx.tasks.busy, timeout=10000)  # the older read has answered (and was ignored)
    assert len(asked) == 2
    assert dialog.history.rowCount() == 1
    assert dialog.history.item(0, 0).text() == "532322-BS-2026-0001"
