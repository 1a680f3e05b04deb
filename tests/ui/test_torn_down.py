"""Handlers that Qt calls after Python's cycle collector emptied their object (CI under load:
``'FontColumns' object has no attribute 'view'`` in a later test). The collector empties a wrapper's
``__dict__`` before the C++ object goes; ``obj.__dict__.clear()`` puts an object in that state here."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QStandardItemModel
from PySide6.QtWidgets import QApplication, QTableView

from ui.forms.inputs import LineInput
from ui.widgets.column_fit import FontColumns
from ui.widgets.empty_state import EmptyState
from ui.widgets.torn_down import mark_alive, tolerant, torn_down


def table(qtbot) -> QTableView:
    view = QTableView()
    qtbot.addWidget(view)
    model = QStandardItemModel(0, 2, view)
    model.setHorizontalHeaderLabels(["编号", "主送"])
    view.setModel(model)
    return view


def test_font_columns_ignore_events_once_emptied(qtbot):
    view = table(qtbot)
    columns = FontColumns(view, {0: "532300-2026-00001"})
    assert not torn_down(columns)
    columns.__dict__.clear()
    assert torn_down(columns)
    with qtbot.capture_exceptions() as raised:  # without @tolerant: AttributeError in the filter or the slot
        QApplication.sendEvent(view, QEvent(QEvent.Type.FontChange))
        view.horizontalHeader().resizeSection(0, 300)
    assert raised == []


def test_empty_state_and_inputs_ignore_events_once_emptied(qtbot):
    view = table(qtbot)
    empty = EmptyState(view, "还没有文书")
    field = LineInput("名称")
    qtbot.addWidget(field.widget)
    widget = field.widget
    empty.__dict__.clear()
    field.__dict__.clear()
    assert torn_down(empty) and torn_down(field)
    with qtbot.capture_exceptions() as raised:  # without @tolerant: AttributeError in the filter and the slot
        view.resize(300, 200)
        QApplication.sendEvent(view.viewport(), QEvent(QEvent.Type.Resize))
        QApplication.sendEvent(widget, QEvent(QEvent.Type.FocusOut))
    assert raised == []


def test_a_live_object_still_raises_its_own_attribute_errors(qtbot):
    class Broken(QObject):
        def __init__(self) -> None:
            super().__init__()
            mark_alive(self)

        @tolerant
        def handler(self) -> None:
            return self.missing

    broken = Broken()
    with pytest.raises(AttributeError, match="missing"):
        broken.handler()
    broken.__dict__.clear()
    assert broken.handler() is False
