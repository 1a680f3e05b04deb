"""The workbench numbers against known deadlines, and each number opening the matching list.

The office clock says Thursday 2026-11-26. A complaint must be forwarded within 1 working day:
registered 11-20 (Fri) → due 11-23, overdue; 11-25 → due today; 11-26 → due 11-27 (within 3 days).
"""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt

from ui.main_window import COMPLAINTS, MainWindow
from ui.models.complaint_table import COLUMN_INDEX, LOADED_ROLE
from ui.pages.workbench import WorkbenchPage


@pytest.fixture
def due(add_complaint, act):
    made = {
        "overdue": add_complaint(complainant="双柏县超期测试有限公司", assignee="officer", at=date(2026, 11, 20)),
        "today": add_complaint(complainant="双柏县今日测试有限公司", assignee="officer", at=date(2026, 11, 25)),
        "soon_mine": add_complaint(complainant="双柏县将到期测试有限公司", assignee="officer"),
        "soon_other": add_complaint(complainant="双柏县他人承办有限公司", assignee="handler"),
        "closed": add_complaint(complainant="双柏县不予受理有限公司", at=date(2026, 11, 2)),
    }
    act(made["closed"].case_no, "reject", {"reason": "不属于政府违约失信投诉受理范围", "legal_basis": "工作方案"})
    return made


def _loaded(qtbot, page: WorkbenchPage) -> None:
    page.refresh()
    qtbot.waitUntil(lambda: page.numbers["all.open"].value is not None, timeout=5000)


def test_workbench_numbers(qtbot, ctx, due):
    page = WorkbenchPage(ctx)
    qtbot.addWidget(page)
    _loaded(qtbot, page)
    values = {key: button.value for key, button in page.numbers.items()}
    assert values == {
        "mine.due_today": 1, "mine.overdue": 1, "mine.due_soon": 2, "mine.open": 3,  # due soon includes today
        "all.due_today": 1, "all.overdue": 1, "all.due_soon": 3, "all.open": 4,
    }
    assert page.state_numbers["registered"].value == 4
    assert page.state_numbers["closed"].value == 1
    assert page.state_numbers["forwarded"].value == 0
    assert "杨喆，您好！今天是2026年11月26日" in page.greeting.text()


def test_recent_activity_names_the_people(qtbot, ctx, due):
    page = WorkbenchPage(ctx)
    qtbot.addWidget(page)
    _loaded(qtbot, page)
    first = page.recent.topLevelItem(0)
    assert first.text(1) == due["closed"].case_no
    assert first.text(2) == "不予受理"
    assert first.text(3) == "杨喆"
    assert page.recent.topLevelItemCount() == 6  # five registrations and one rejection


def test_recent_activity_opens_the_complaint(qtbot, ctx, due):
    page = WorkbenchPage(ctx)
    qtbot.addWidget(page)
    _loaded(qtbot, page)
    with qtbot.waitSignal(page.open_complaint) as opened:
        page.recent.itemActivated.emit(page.recent.topLevelItem(0), 0)
    assert opened.args == [due["closed"].complaint_id, due["closed"].case_no]


def test_new_complaint_button_only_for_clerks(qtbot, make_ctx):
    for user, shown in (("clerk", True), ("officer", True), ("handler", False), ("admin", False)):
        page = WorkbenchPage(make_ctx(user))
        qtbot.addWidget(page)
        assert page.new_button.isVisibleTo(page) is shown, user


@pytest.mark.parametrize(("key", "names"), [
    ("mine.overdue", ["双柏县超期测试有限公司"]),
    ("mine.due_today", ["双柏县今日测试有限公司"]),
    ("all.due_soon", ["双柏县今日测试有限公司", "双柏县将到期测试有限公司", "双柏县他人承办有限公司"]),
])
def test_each_number_opens_the_matching_list(qtbot, ctx, due, key, names):
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    _loaded(qtbot, window.workbench)
    qtbot.mouseClick(window.workbench.numbers[key], Qt.MouseButton.LeftButton)
    assert window.stack.currentIndex() == COMPLAINTS
    page = window.cases.list_page
    qtbot.waitUntil(lambda: page.model.total == len(names) and page.model.index(0, 0).data(LOADED_ROLE),
                    timeout=5000)
    shown = sorted(page.model.index(r, COLUMN_INDEX["complainant"]).data() for r in range(len(names)))
    assert shown == sorted(names)
    assert page.filter_bar.preset_label.isVisible() or page.filter_bar.overdue.isChecked()
    assert page.count_label.text() == f"共 {len(names)} 件"


def test_state_number_opens_the_list_of_that_state(qtbot, ctx, due):
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    _loaded(qtbot, window.workbench)
    qtbot.mouseClick(window.workbench.state_numbers["closed"], Qt.MouseButton.LeftButton)
    page = window.cases.list_page
    qtbot.waitUntil(lambda: page.model.total == 1, timeout=5000)
    assert page.filter_bar.state.currentData() == "closed"
