"""Issue 13: the 整改期限 a 核实认定 dialog proposes is a working day; the 信用修复 confirmation counts
the measures actually in force on the case."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from app.domain.clock import china_date
from app.domain.vocabulary import Action
from app.services.act import act
from app.services.queries import get_complaint
from tests.ui.case_fixtures import open_view, to_state, wait_tasks
from ui.dialogs.actions.specs import defaults


class Questions:
    """Stands in for ``QMessageBox.question``: records the confirmations and declines them."""

    def __init__(self) -> None:
        self.asked: list[str] = []

    def __call__(self, parent, title, text, *args, **kwargs):
        self.asked.append(text)
        return QMessageBox.StandardButton.No


@pytest.fixture
def questions(monkeypatch) -> Questions:
    fake = Questions()
    monkeypatch.setattr(QMessageBox, "question", staticmethod(fake))
    return fake


def test_the_default_rectification_deadline_is_a_working_day(office):
    profile = office.profile
    detail = get_complaint(profile, office.handler, to_state(office, "forwarded"))
    today = date(2026, 12, 4)  # a Friday: 30 days on is Sunday 2027-01-03 (the date)
    assert date(2027, 1, 3).weekday() == 6
    due = date.fromisoformat(defaults("conclude", detail, profile, today)["rectify_due"])
    assert profile.calendar.is_working_day(due) and due.weekday() < 5, due
    assert due >= date(2027, 1, 3)
    for offset in range(14):  # and so for any day of two weeks
        day = date.fromordinal(today.toordinal() + offset)
        assert profile.calendar.is_working_day(date.fromisoformat(defaults("conclude", detail, profile,
                                                                           day)["rectify_due"]))


def test_the_repair_confirmation_counts_the_measures_in_force(qtbot, office, make_ctx, questions):
    profile = office.profile
    complaint_id = to_state(office, "breach_confirmed")
    today = china_date(profile.now()).isoformat()
    act(profile, office.leader, complaint_id, "sanction", {
        "measures": ["public_criticism", "restrict_procurement"], "imposed_by": "双柏县发展和改革局",
        "start_on": today})
    view = open_view(qtbot, make_ctx("leader"), complaint_id)
    assert len(view.detail.complaint.sanctions) == 1
    qtbot.mouseClick(view.buttons[Action.REPAIR], Qt.MouseButton.LeftButton)
    dialog = view.dialog
    dialog.rows["evidence"].field.set_value("已支付全部货款及利息")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert len(questions.asked) == 1
    assert "仍在实施的2项惩戒措施将终止" in questions.asked[0], questions.asked[0]
    dialog.reject()

    # a second decision adds a measure of its own and one written in: four in force
    act(profile, office.leader, complaint_id, "sanction", {
        "measures": ["refuse_project_funds"], "other_measures": ["暂停新增合作项目"],
        "imposed_by": "双柏县发展和改革局", "start_on": today})
    view = open_view(qtbot, make_ctx("leader"), complaint_id)
    qtbot.mouseClick(view.buttons[Action.REPAIR], Qt.MouseButton.LeftButton)
    view.dialog.rows["evidence"].field.set_value("已支付全部货款及利息")
    qtbot.mouseClick(view.dialog.ok_button, Qt.MouseButton.LeftButton)
    wait_tasks(qtbot, make_ctx("leader"))
    assert "仍在实施的4项惩戒措施将终止" in questions.asked[-1], questions.asked[-1]
