"""Pieces the list pages share (ui/widgets/list_parts.py)."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QLabel, QTableView, QWidget

from ui.widgets.list_parts import list_beside_detail, refill


def test_refill_keeps_the_choice_while_it_is_offered(qtbot):
    combo = QComboBox()
    qtbot.addWidget(combo)
    refill(combo, "全部部门", [("县住建局", "县住建局"), ("县财政局", "县财政局")])
    assert [combo.itemText(i) for i in range(combo.count())] == ["全部部门", "县住建局", "县财政局"]
    assert combo.currentData() is None
    combo.setCurrentIndex(2)
    refill(combo, "全部部门", [("县交通局", "县交通局"), ("县财政局", "县财政局")])
    assert combo.currentData() == "县财政局" and combo.count() == 3
    refill(combo, "全部部门", [("县交通局", "县交通局")])  # gone: back to everything
    assert combo.currentIndex() == 0 and combo.currentData() is None


def test_the_list_gets_more_room_than_its_detail(qtbot):
    page = QWidget()
    qtbot.addWidget(page)
    split = list_beside_detail(page, QTableView(), QLabel("详情"))
    assert split.count() == 2 and not split.childrenCollapsible()
    left, right = split.sizes()
    assert left > right > 0
