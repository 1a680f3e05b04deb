"""Windows fit a 1366×768 screen, at 125 % and 150 % scaling, at 10 and 14 pt (issue 13, deliverable 1).

In-process, the available area the app sizes from (``ui.widgets.screen_fit``) is set to the logical area
of a 1366×768 screen with a 40-pixel task bar at 100 %, 125 % and 150 %. One test runs a subprocess on
Qt's offscreen platform configured as a real 1366×768 screen with ``QT_SCALE_FACTOR``, so the plumbing
from Qt's screen to the sizes is checked too.
"""

from __future__ import annotations

import itertools
import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from PySide6.QtCore import QByteArray, QRect
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox, QPushButton, QWidget

from app.services import documents
from tests.document_cases import complaint_in
from tests.ui.case_fixtures import open_view
from ui.appearance import apply_font_size
from ui.widgets import screen_fit

ROOT = Path(__file__).resolve().parents[2]
# 1366×768 less a 40-pixel task bar, in logical pixels at 100 %, 125 % and 150 %
AREAS = {"100%": QRect(0, 0, 1366, 728), "125%": QRect(0, 0, 1093, 582), "150%": QRect(0, 0, 911, 485)}


@pytest.fixture(params=list(AREAS))
def screen(request, monkeypatch) -> QRect:
    area = AREAS[request.param]
    monkeypatch.setattr(screen_fit, "available_geometry", lambda widget=None: QRect(area))
    monkeypatch.setattr(screen_fit, "area_at", lambda rect, widget=None: QRect(area))
    return area


@pytest.fixture(params=[10, 14])
def font(request, ui_settings) -> int:
    return apply_font_size(ui_settings, request.param)


def assert_fits(widget: QWidget, area: QRect) -> None:
    """The window is no larger than the area, and every button in it is shown whole inside the window."""
    assert widget.width() <= area.width() and widget.height() <= area.height(), (widget.size(), area)
    inside = widget.rect()
    buttons = widget.findChildren(QPushButton)
    assert buttons
    for box in widget.findChildren(QDialogButtonBox):
        assert box.isVisible()
    for button in buttons:
        if not button.isVisibleTo(widget) or button.window() is not widget:
            continue
        rect = QRect(button.mapTo(widget, button.rect().topLeft()), button.size())
        assert inside.contains(rect), (button.text(), rect, inside)


def show(qtbot, widget: QWidget) -> QWidget:
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def test_the_issue_dialog_fits(qtbot, office, make_ctx, screen, font):
    from ui.documents import IssueDocumentDialog

    case_no = complaint_in(office, "registered")
    dialog = show(qtbot, IssueDocumentDialog(make_ctx("handler"), case_no, kind="receipt"))
    qtbot.waitUntil(lambda: dialog.issue_button.isEnabled(), timeout=15000)
    assert_fits(dialog, screen)
    assert dialog.issue_button.isVisible() and dialog.save_button.isVisible()


def test_the_preview_dialog_fits(qtbot, office, screen, font):
    from ui.documents import PdfPreviewDialog

    case_no = complaint_in(office, "registered")
    issued = documents.issue(office.profile, office.handler, case_no, "receipt")
    dialog = show(qtbot, PdfPreviewDialog(issued.path.read_bytes(), issued.number, note="a note"))
    assert_fits(dialog, screen)


def test_the_document_settings_dialog_fits_and_scrolls(qtbot, make_ctx, screen, font):
    from ui.documents import OfficeSettingsDialog

    dialog = show(qtbot, OfficeSettingsDialog(make_ctx("leader")))
    qtbot.waitUntil(dialog.save_button.isEnabled)
    assert_fits(dialog, screen)
    assert dialog.findChild(QWidget, "fit-scroll") is not None


def test_the_reminders_dialog_fits(qtbot, make_ctx, screen, font):
    from ui.documents.reminders_dialog import RemindersDialog

    assert_fits(show(qtbot, RemindersDialog(make_ctx("leader"))), screen)


def test_the_submission_and_import_dialogs_fit(qtbot, make_ctx, screen, font):
    from ui.credit.submission_dialog import SubmissionDialog
    from ui.imports.import_dialog import ImportDialog

    assert_fits(show(qtbot, SubmissionDialog(make_ctx("leader"))), screen)
    assert_fits(show(qtbot, ImportDialog(make_ctx("clerk"))), screen)


def test_fit_to_screen_caps_and_centres_a_window(qtbot, screen):
    widget = QWidget()
    qtbot.addWidget(widget)
    size = screen_fit.fit_to_screen(widget, 5000, 300)
    assert size.width() == int(screen.width() * screen_fit.SCREEN_SHARE) and size.height() == 300
    assert screen.contains(widget.geometry())
    assert abs(widget.geometry().center().x() - screen.center().x()) <= 1


def test_an_oversized_saved_geometry_is_not_restored(qtbot, ui_settings, screen):
    big = QWidget()
    qtbot.addWidget(big)
    big.setGeometry(0, 0, 1710, 988)  # saved on a larger screen (issue 13)
    ui_settings.setValue("window/geometry", big.saveGeometry())
    widget = QWidget()
    qtbot.addWidget(widget)
    widget.resize(400, 300)
    assert not screen_fit.restore_geometry_if_fits(widget, ui_settings, "window/geometry")
    assert widget.size().width() == 400  # untouched: the caller fits it

    small = QWidget()
    qtbot.addWidget(small)
    small.setGeometry(20, 40, 700, 400)
    ui_settings.setValue("window/geometry", small.saveGeometry())
    assert screen_fit.restore_geometry_if_fits(widget, ui_settings, "window/geometry")
    assert widget.size().width() == 700

    ui_settings.setValue("window/geometry", QByteArray(b"garbage"))
    assert not screen_fit.restore_geometry_if_fits(widget, ui_settings, "window/geometry")


def test_no_action_buttons_overlap_while_the_document_offer_is_open(qtbot, make_ctx, add_complaint, monkeypatch):
    """The offer after an action comes while the old action buttons await deletion: they must not stay
    drawn under the new ones."""
    ctx = make_ctx("officer")
    view = open_view(qtbot, ctx, add_complaint().complaint_id)
    overlaps: list[tuple[str, str]] = []

    def question(parent, title, text, *args, **kwargs):
        qtbot.wait(50)  # as the question's own event loop would: new buttons are laid out and shown
        buttons = [b for b in view.findChildren(QPushButton)
                   if b.objectName().startswith("action:") and b.isVisible()]
        for i, one in enumerate(buttons):
            for other in buttons[i + 1:]:
                if one.geometry().intersects(other.geometry()):
                    overlaps.append((one.text(), other.text()))
        question.asked = text
        return QMessageBox.StandardButton.No

    question.asked = ""
    monkeypatch.setattr(QMessageBox, "question", staticmethod(question))
    view._offer_after_reload = "receipt"
    with qtbot.waitSignal(view.loaded, timeout=10000):
        view.reload()
    assert question.asked.startswith("是否现在开具")
    assert overlaps == []



def test_the_action_buttons_wrap_in_a_narrow_window(qtbot, make_ctx, add_complaint, ui_settings):
    apply_font_size(ui_settings, 14)
    view = open_view(qtbot, make_ctx("officer"), add_complaint().complaint_id)

    def shown() -> list[QPushButton]:
        return [b for b in view.findChildren(QPushButton) if b.objectName().startswith("action:") and b.isVisible()]

    qtbot.waitUntil(lambda: len(shown()) >= 3)
    buttons = shown()
    width = max(b.width() for b in buttons) + 40
    assert view.action_bar.minimumSize().width() < width
    view.resize(width, 700)
    qtbot.waitUntil(lambda: len({b.y() for b in buttons}) > 1)  # more than one row
    for i, one in enumerate(buttons):
        assert one.geometry().right() < view.width()
        for other in buttons[i + 1:]:
            assert not one.geometry().intersects(other.geometry())

SCRIPT = textwrap.dedent("""
    import json, sys
    from PySide6.QtGui import QPdfWriter, QPainter, QPageSize
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice
    from PySide6.QtWidgets import QApplication, QDialogButtonBox
    app = QApplication(sys.argv)
    from ui.appearance import interface_font
    out = []
    for size in (10, 14):
        app.setFont(interface_font(size))
        data = QByteArray(); buffer = QBuffer(data); buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        writer = QPdfWriter(buffer); writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
        painter = QPainter(writer); painter.drawText(100, 100, "test"); painter.end(); buffer.close()
        from ui.documents.preview_dialog import PdfPreviewDialog
        dialog = PdfPreviewDialog(bytes(data), "test")
        dialog.show(); app.processEvents()
        area = dialog.screen().availableGeometry()
        box = dialog.findChild(QDialogButtonBox)
        top_left = box.mapToGlobal(box.rect().topLeft())
        out.append({"area": [area.x(), area.y(), area.width(), area.height()],
                    "frame": [dialog.frameGeometry().x(), dialog.frameGeometry().y(),
                              dialog.frameGeometry().width(), dialog.frameGeometry().height()],
                    "box": [top_left.x(), top_left.y(), box.width(), box.height()]})
        dialog.close()
    print(json.dumps(out))
""")


@pytest.mark.parametrize(("scale", "logical"), [("1.25", (1093, 614)), ("1.5", (911, 512))])
def test_on_a_real_1366x768_screen_with_scaling(tmp_path, scale, logical):
    config = tmp_path / "screen.json"
    config.write_text(json.dumps({"screens": [{"name": "office", "x": 0, "y": 0, "width": 1366, "height": 768,
                                               "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}]}))
    env = dict(os.environ, QT_QPA_PLATFORM=f"offscreen:configfile={config}", QT_SCALE_FACTOR=scale,
               LVYUE_NO_BOOTSTRAP="1", PYTHONPATH=str(ROOT))
    done = subprocess.run([sys.executable, "-c", SCRIPT], env=env, cwd=ROOT, capture_output=True, text=True,
                          timeout=120, check=True)
    for shown in json.loads(done.stdout.strip().splitlines()[-1]):
        area, frame, box = (QRect(*shown[k]) for k in ("area", "frame", "box"))
        assert (area.width(), area.height()) == logical
        assert area.contains(frame), shown
        assert area.contains(box), shown


def test_the_main_window_fits_and_its_navigation_follows_the_font(qtbot, ctx, screen, ui_settings):
    from PySide6.QtCore import Qt

    from ui.main_window import MainWindow

    apply_font_size(ui_settings, 10)
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    assert window.width() <= screen.width() and window.height() <= screen.height()
    narrow = window.nav.width()
    apply_font_size(ui_settings, 14)
    qtbot.waitUntil(lambda: window.nav.width() > narrow)
    nav = window.nav
    assert nav.horizontalScrollBarPolicy() == Qt.ScrollBarPolicy.ScrollBarAlwaysOff
    widest = max(nav.visualItemRect(nav.item(i)).right() for i in range(nav.count()) if not nav.item(i).isHidden())
    texts = max(nav.fontMetrics().horizontalAdvance(nav.item(i).text()) for i in range(nav.count()))
    assert texts + nav.iconSize().width() <= nav.viewport().width() and widest <= nav.viewport().width()
    window.close()


def test_the_main_window_does_not_restore_an_oversized_geometry(qtbot, ctx, screen):
    from ui.main_window import GEOMETRY_KEY, MainWindow

    big = QWidget()
    qtbot.addWidget(big)
    big.setGeometry(0, 0, 1710, 988)
    ctx.settings.setValue(GEOMETRY_KEY, big.saveGeometry())
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    assert window.width() <= screen.width() * 0.92 + 1 and window.height() <= screen.height() * 0.92 + 1


def test_no_page_scrolls_sideways_at_14_pt(qtbot, ctx, screen, ui_settings):
    """The filter rows, the statistics period picker and the list headings wrap instead (150 %: 911×485)."""
    from ui.main_window import MainWindow

    apply_font_size(ui_settings, 14)
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    scroll = window.stack.parentWidget().parentWidget()
    # the workbench's greeting and figures arrive from the task pool: judge the page as the officer sees it
    qtbot.waitUntil(lambda: bool(window.workbench.greeting.text()))
    sideways = []
    for index in range(window.stack.count()):
        window.stack.setCurrentIndex(index)
        qtbot.wait(20)  # the scroll area lays out again
        page = window.stack.currentWidget()
        if scroll.horizontalScrollBar().isVisible():
            sideways.append((type(page).__name__, page.minimumSizeHint().width(), scroll.viewport().width()))
    assert sideways == []
    window.close()


def test_the_status_bar_cuts_its_labels_with_a_tooltip_rather_than_overlapping(qtbot, ctx, screen, ui_settings):
    from ui.main_window import MainWindow

    apply_font_size(ui_settings, 14)
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    bar = window.statusBar()
    labels = [w for w in (window.user_label, window.profile_label, window.saved_label, window.sync_label)
              if w.isVisible()]
    rects = sorted((QRect(w.mapTo(bar, w.rect().topLeft()), w.size()) for w in labels), key=QRect.left)
    for left, right in itertools.pairwise(rects):
        assert left.right() < right.left(), (left, right)
    assert all(bar.rect().contains(r) for r in rects)
    for label in (window.user_label, window.profile_label):
        assert label.toolTip() == (label.text() if label.is_elided() else "")
    if screen.width() < 1000:  # 150 %: something has to give
        assert window.user_label.is_elided() or window.profile_label.is_elided()
    window.close()
