"""Errors in the registration form and the action dialogs: a live count, fields that do not jump, the
核实认定 dialog on a small screen, and the credit-code message naming the checkbox it means."""

from __future__ import annotations

from itertools import pairwise

import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtWidgets import QApplication, QWidget

from app.domain.errors import FieldError
from app.domain.vocabulary import Action, Finding
from app.messages import message
from tests.ui.case_fixtures import bad_checksum, intake_values, open_view, to_state, type_text
from ui.dialogs.actions.base import ActionDialog
from ui.forms.registration import RegistrationForm


@pytest.fixture
def form(qtbot, make_ctx):
    widget = RegistrationForm(make_ctx("clerk"))
    qtbot.addWidget(widget)
    widget.resize(1000, 700)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def count_in(summary_text: str) -> int | None:
    for number in range(1, 40):
        if summary_text.startswith(message("validation_failed", {"count": number})):
            return number
    return None


def test_the_registration_summary_counts_down_as_each_field_is_fixed(qtbot, form):
    form.set_values(intake_values(**{"complainant.name": "", "complainant.phone": "3117257",
                                     "agreement.title": "", "description": ""}))
    qtbot.mouseClick(form.submit_button, Qt.MouseButton.LeftButton)
    assert count_in(form.summary.text()) == 4

    fixes = [("complainant.name", "云南某某建设有限公司"), ("complainant.phone", "0878-3117257"),
             ("agreement.title", "道路硬化工程施工合同")]
    for left, (path, text) in zip((3, 2, 1), fixes, strict=True):
        widget = form.rows[path].field.focus_widget
        form.rows[path].field.set_value("")
        type_text(qtbot, widget, text)
        assert count_in(form.summary.text()) == left, form.summary.text()
        assert widget.hasFocus() or not form.isActiveWindow()  # typing stays in the field

    # spoiling a field again counts it again; fixing the last one clears the summary
    type_text(qtbot, form.rows["description"].field.focus_widget, "拖欠工程款")
    assert form.summary.text() == ""
    assert form.error_count() == 0


def test_the_summary_is_not_shown_while_nothing_is_wrong(qtbot, form):
    form.set_values(intake_values())
    assert form.summary.text() == ""
    form.rows["complainant.phone"].field.set_value("123")
    form.check_field("complainant.phone")
    assert count_in(form.summary.text()) == 1
    form.rows["complainant.phone"].field.set_value("0878-3117257")
    assert form.summary.text() == ""


def test_a_hint_or_an_error_does_not_move_the_fields_below(qtbot, form):
    below = form.rows["complainant.legal_representative"].field.focus_widget
    before = below.mapTo(form, QPoint(0, 0))
    money = form.rows["agreement.amount"]
    type_text(qtbot, money.field.focus_widget, "125000")  # the amount in capitals appears under it
    assert money.message.text().endswith("元整")
    form.rows["complainant.phone"].set_error(message("required"))  # a one-line error
    QApplication.processEvents()
    assert below.mapTo(form, QPoint(0, 0)) == before


def test_the_credit_code_message_names_the_checkbox_shown(qtbot, form):
    form.set_values(intake_values(**{"complainant.credit_code": bad_checksum()}))
    form.check_field("complainant.credit_code")
    checkbox = form.rows["complainant.credit_code_override"].field.focus_widget
    assert checkbox.isVisibleTo(form)
    text = form.rows["complainant.credit_code"].message.text()
    assert f"“{checkbox.text()}”" in text, (text, checkbox.text())
    # the respondent's code has no such checkbox, so its message advises none
    form.rows["respondent.credit_code"].field.set_value(bad_checksum("11532322015198921K"))
    form.check_field("respondent.credit_code")
    assert "校验位错误" in form.rows["respondent.credit_code"].message.text()
    assert "勾选" not in form.rows["respondent.credit_code"].message.text()


def conclude_dialog(qtbot, office, make_ctx) -> ActionDialog:
    view = open_view(qtbot, make_ctx("handler"), to_state(office, "forwarded"))
    qtbot.mouseClick(view.buttons[Action.CONCLUDE], Qt.MouseButton.LeftButton)
    dialog = view.dialog
    assert dialog is not None and dialog.isVisible()
    return dialog


def test_an_action_dialog_counts_down_as_each_field_is_fixed(qtbot, office, make_ctx):
    dialog = conclude_dialog(qtbot, office, make_ctx)
    dialog.rows["finding"].field.set_value(Finding.SUBSTANTIATED.value)
    dialog.rows["determined_by"].field.set_value("")  # optional: no error
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.summary.isVisible()
    assert count_in(dialog.summary.text()) == 2  # explanation, requirements

    type_text(qtbot, dialog.rows["explanation"].field.focus_widget, "情况属实")
    assert count_in(dialog.summary.text()) == 1, dialog.summary.text()
    type_text(qtbot, dialog.rows["requirements"].field.focus_widget, "30日内支付")
    assert dialog.summary.isHidden()
    assert dialog.rows["requirements"].field.focus_widget.hasFocus() or not dialog.isActiveWindow()


SCREENS = {"1366x768": QRect(0, 0, 1366, 728), "125%": QRect(0, 0, 1093, 582), "150%": QRect(0, 0, 911, 485)}


@pytest.mark.parametrize("screen", list(SCREENS))
@pytest.mark.parametrize("points", [9, 14])
def test_the_conclude_dialog_with_every_error_fits_the_screen(qtbot, office, make_ctx, monkeypatch, screen, points):
    area = SCREENS[screen]
    monkeypatch.setattr(ActionDialog, "available", lambda self: area)
    font = QApplication.font()
    font.setPointSize(points)
    QApplication.setFont(font)
    dialog = conclude_dialog(qtbot, office, make_ctx)
    dialog.rows["finding"].field.set_value(Finding.SUBSTANTIATED.value)
    for name in ("explanation", "requirements"):
        dialog.rows[name].field.set_value("")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.summary.isVisible(), timeout=5000)
    # and more: an error under every field, and one the core gives for no field
    shown = [name for name, row in dialog.rows.items() if row.holder.isVisibleTo(dialog)]
    dialog.show_errors([FieldError(name, "rectify_due_required") for name in shown]
                       + [FieldError("(root)", "complaint_changed")])
    QApplication.processEvents()
    assert count_in(dialog.summary.text()) == len(shown) + 1

    # the whole dialog (with its title bar) fits the screen, and its buttons lie inside it
    assert dialog.height() + ActionDialog.FRAME <= area.height(), (dialog.height(), area)
    assert dialog.width() <= area.width()
    for button in dialog.buttons.buttons():
        rect = QRect(button.mapTo(dialog, QPoint(0, 0)), button.size())
        assert dialog.rect().contains(rect), (rect, dialog.rect())
    # 认定部门 is there and can be scrolled to; no error text covers another field
    determined = dialog.rows["determined_by"]
    assert determined.holder.isVisibleTo(dialog) and determined.error
    assert determined.label.isVisibleTo(dialog)
    dialog.scroll.ensureWidgetVisible(determined.field.focus_widget)
    QApplication.processEvents()
    viewport = dialog.scroll.viewport()
    top_left = determined.field.focus_widget.mapTo(viewport, QPoint(0, 0))
    assert viewport.rect().contains(QRect(top_left, determined.field.focus_widget.size()))
    shown = [row for row in dialog.rows.values() if row.holder.isVisibleTo(dialog)]
    for upper, lower in pairwise(shown):
        assert bottom_in(upper.message, dialog.grid) <= top_in(lower.field.widget, dialog.grid)


def top_in(widget: QWidget, root: QWidget) -> int:
    return widget.mapTo(root, QPoint(0, 0)).y()


def bottom_in(widget: QWidget, root: QWidget) -> int:
    return top_in(widget, root) + widget.height()


def test_long_texts_count_their_characters_and_the_core_limit_is_refused(qtbot, form):
    from app.domain.intake import CLAIM_CHARS, DESCRIPTION_CHARS

    description = form.rows["description"]
    assert description.counter.isVisible()
    assert description.counter.text() == f"已输入 0 / {DESCRIPTION_CHARS} 字"
    assert form.rows["claim.text"].counter.text() == f"已输入 0 / {CLAIM_CHARS} 字"
    form.set_values(intake_values(description="拖" * (DESCRIPTION_CHARS + 1)))
    assert description.counter.text() == f"已输入 {DESCRIPTION_CHARS + 1} / {DESCRIPTION_CHARS} 字"
    qtbot.mouseClick(form.submit_button, Qt.MouseButton.LeftButton)
    assert f"已输入 {DESCRIPTION_CHARS + 1} 字，最多 {DESCRIPTION_CHARS} 字" in description.message.text()
    assert count_in(form.summary.text()) == 1
    cursor = description.field.edit.textCursor()
    cursor.movePosition(cursor.MoveOperation.End)
    description.field.edit.setTextCursor(cursor)
    qtbot.keyClick(description.field.edit, Qt.Key.Key_Backspace)  # one key back to the limit
    assert description.counter.text() == f"已输入 {DESCRIPTION_CHARS} / {DESCRIPTION_CHARS} 字"
    assert not description.error and form.summary.text() == ""


def test_an_action_dialog_counts_its_long_texts(qtbot, office, make_ctx):
    from app.domain.schema import LONG_TEXT_CHARS

    dialog = conclude_dialog(qtbot, office, make_ctx)
    explanation = dialog.rows["explanation"]
    assert explanation.counter.isVisible() and explanation.counter.text() == f"已输入 0 / {LONG_TEXT_CHARS} 字"
    assert dialog.rows["determined_by"].counter.isHidden()  # a line field has its own max length
    type_text(qtbot, explanation.field.focus_widget, "情况属实")
    assert explanation.counter.text() == f"已输入 4 / {LONG_TEXT_CHARS} 字"
    explanation.field.set_value("实" * (LONG_TEXT_CHARS + 1))
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert "最多 500 字" in explanation.message.text()
