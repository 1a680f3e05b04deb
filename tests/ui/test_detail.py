"""The complaint detail: actions per state and role, header and deadline, amend, attachments, refusals."""

from __future__ import annotations

import dataclasses
from datetime import date, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QDesktopServices

from app.domain.clock import china_date
from app.domain.vocabulary import Action
from app.services.act import act
from app.services.queries import get_complaint
from tests.ui.case_fixtures import (
    drag_and_drop,
    english_in,
    open_view,
    to_state,
    type_text,
    visible_texts,
    wait_tasks,
)


@pytest.mark.parametrize(("state", "username", "expected"), [
    ("registered", "clerk", ["note", "attach", "amend"]),
    ("registered", "handler", ["forward", "reject", "merge", "note", "attach", "amend"]),
    ("forwarded", "leader", ["extend", "note", "attach", "assign", "mark_typical"]),
    ("rectifying", "clerk", ["note", "attach", "amend"]),
    ("rectifying", "handler", ["rectify", "note", "attach", "amend"]),
    ("rectifying", "leader", ["refuse", "extend", "note", "attach", "assign", "mark_typical"]),
    ("forwarded", "handler", ["conclude", "redirect", "return", "note", "attach", "amend"]),
    ("breach_confirmed", "leader", ["sanction", "repair", "hold_accountable", "note", "attach", "assign",
                                    "mark_typical"]),
    ("breach_confirmed", "handler", ["feedback", "note", "attach", "amend"]),  # close after feedback
    ("closed", "leader", ["reopen", "mark_typical"]),
    ("closed", "handler", []),
    ("closed", "auditor", []),
])
def test_only_the_allowed_actions_are_offered(qtbot, office, make_ctx, state, username, expected):
    complaint_id = to_state(office, state)
    view = open_view(qtbot, make_ctx(username), complaint_id)
    assert view.offered_actions() == expected
    assert (not view.intake_tab.amend_button.isHidden()) == ("amend" in expected)
    assert (not view.attachments_tab.add_button.isHidden()) == ("attach" in expected)


def test_header_shows_number_state_and_an_amber_deadline(qtbot, office, make_ctx):
    complaint_id = to_state(office, "registered")
    view = open_view(qtbot, make_ctx("handler"), complaint_id)
    complaint = view.detail.complaint
    assert view.header.case_no.text() == complaint.case_no
    assert view.header.state.text() == "已登记"
    assert view.header.deadline.property("urgency") == "soon"  # forward within 1 working day
    assert "转办" in view.header.deadline.text()
    assert not view.header.conflict.isVisibleTo(view)
    assert not view.header.typical.isVisibleTo(view)


def test_overdue_is_red_and_missing_holiday_data_is_said(qtbot, office, make_ctx):
    complaint_id = to_state(office, "registered")
    office.clock.advance(days=3 * 365)  # a year the holiday calendar does not know yet
    view = open_view(qtbot, make_ctx("handler"), complaint_id)
    assert view.header.deadline.property("urgency") == "overdue"
    assert "已超期" in view.header.deadline.text()
    assert "节假日安排未录入" in view.header.deadline.text()


def test_a_conflicted_complaint_is_marked_and_a_leader_is_offered_to_settle_it(qtbot, office, make_ctx):
    view = open_view(qtbot, make_ctx("leader"), to_state(office, "forwarded"))
    kept = {"event": "01kept", "action": "conclude", "actor": office.handler.user_id, "at": "2026-11-26T03:00:00.000Z",
            "payload": {"finding": "unsubstantiated", "explanation": "情况不属实"}, "device_id": "other-device",
            "server_seq": 7, "head": "x", "reason": "concurrent"}
    complaint = dataclasses.replace(view.detail.complaint, conflicts=[kept])
    view._show(dataclasses.replace(view.detail, complaint=complaint, allowed=(Action.RESOLVE, *view.detail.allowed)))
    assert view.header.conflict.isVisibleTo(view)
    assert view.header.conflict.text() == "待核对"
    assert view.offered_actions()[0] == "resolve"
    view.start_action(Action.RESOLVE)
    dialog = view.dialog
    assert dialog.rows["conflict"].field.value() == "01kept"
    assert "王承办" in dialog.rows["conflict"].field.box.currentText()
    assert "与他人的办理同时发生" in dialog.about_kept.text() and "情况不属实" in dialog.about_kept.text()
    assert dialog.rows["decision"].field.box.itemText(0) == "采纳该操作"


def test_amend_keeps_what_was_typed_when_refused_then_corrects(qtbot, office, make_ctx):
    handler = make_ctx("handler")
    complaint_id = to_state(office, "registered")
    view = open_view(qtbot, handler, complaint_id)
    qtbot.mouseClick(view.intake_tab.amend_button, Qt.MouseButton.LeftButton)
    dialog = view.dialog
    dialog.picker.setCurrentIndex(dialog.picker.findData("complainant.phone"))
    qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)
    phone = dialog.rows["complainant.phone"].field
    phone.set_value("")
    type_text(qtbot, phone.focus_widget, "3117257")
    type_text(qtbot, dialog.rows["reason"].field.focus_widget, "登记时电话记错")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert "缺少区号" in dialog.rows["complainant.phone"].message.text()
    assert dialog.isVisible() and dialog.rows["reason"].field.value() == "登记时电话记错"

    phone.set_value("0878-3117257")
    with qtbot.waitSignal(view.changed, timeout=10000):
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert get_complaint(handler.profile, handler.actor, complaint_id).complaint.intake["complainant"][
        "phone"] == "0878-3117257"


def test_a_field_refused_by_the_core_shows_under_that_field(qtbot, office, make_ctx):
    leader = make_ctx("leader")
    view = open_view(qtbot, leader, to_state(office, "rectifying"))
    qtbot.mouseClick(view.buttons[Action.EXTEND], Qt.MouseButton.LeftButton)
    dialog = view.dialog
    due = view.detail.complaint.rectify_due
    dialog.rows["new_due"].field.set_value((due - timedelta(days=1)).isoformat())
    type_text(qtbot, dialog.rows["reason"].field.focus_widget, "企业申请延期")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    wait_tasks(qtbot, leader)
    qtbot.waitUntil(lambda: dialog.rows["new_due"].error is not None, timeout=5000)
    assert "须晚于当前期限" in dialog.rows["new_due"].message.text()
    assert dialog.isVisible() and dialog.rows["reason"].field.value() == "企业申请延期"


def test_a_change_made_meanwhile_is_refused_not_overwritten(qtbot, office, make_ctx):
    handler = make_ctx("handler")
    complaint_id = to_state(office, "registered")
    view = open_view(qtbot, handler, complaint_id)
    qtbot.mouseClick(view.buttons[Action.NOTE], Qt.MouseButton.LeftButton)
    dialog = view.dialog
    type_text(qtbot, dialog.rows["text"].field.focus_widget, "已电话联系企业")
    other = make_ctx("clerk")
    act(other.profile, other.actor, complaint_id, "note", {"text": "另一位同事的备注"})
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.summary.isVisible(), timeout=5000)
    assert "已被他人更新" in dialog.summary.text()
    assert dialog.rows["text"].field.value() == "已电话联系企业"


def test_files_dropped_on_the_attachments_tab_are_attached_and_open(qtbot, office, make_ctx, tmp_path, monkeypatch):
    handler = make_ctx("handler")
    complaint_id = to_state(office, "registered")
    view = open_view(qtbot, handler, complaint_id)
    scan = tmp_path / "验收单.jpg"
    scan.write_bytes(b"\xff\xd8\xff scan of the acceptance note")
    with qtbot.waitSignal(view.loaded, timeout=10000):
        drag_and_drop(view.attachments_tab, scan)
    assert [a["filename"] for a in view.detail.complaint.attachments] == ["验收单.jpg"]
    assert view.attachments_tab.tree.topLevelItem(0).text(0) == "验收单.jpg"
    assert view.tabs.tabText(2) == "附件（1）"

    opened = []
    monkeypatch.setattr(QDesktopServices, "openUrl", staticmethod(lambda url: opened.append(url) or True))
    qtbot.mouseClick(view.attachments_tab.open_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(opened), timeout=5000)
    assert open(opened[0].toLocalFile(), "rb").read() == scan.read_bytes()


def test_sanctions_tab_lists_measures_body_period_and_lifting(qtbot, office, make_ctx):
    leader = make_ctx("leader")
    complaint_id = to_state(office, "breach_confirmed")
    profile = leader.profile
    today = china_date(profile.now())
    head = get_complaint(profile, leader.actor, complaint_id).complaint.head
    act(profile, leader.actor, complaint_id, "sanction", {"measures": ["cancel_awards"], "imposed_by": "双柏县人民政府",
                                                          "start_on": today.isoformat()}, expected_head=head)
    view = open_view(qtbot, leader, complaint_id)
    row = view.sanctions_tab.tree.topLevelItem(0)
    assert [row.text(i) for i in (0, 1, 3)] == ["取消评优评先和试点示范资格", "双柏县人民政府", "执行中"]
    assert row.text(2).startswith(today.isoformat())
    assert view.sanctions_tab.breach_holder.count() == 1


def test_no_english_is_visible_in_the_detail_and_its_dialogs(qtbot, office, make_ctx):
    leader = make_ctx("leader")
    view = open_view(qtbot, leader, to_state(office, "rectifying"))
    texts = []
    for index in range(view.tabs.count()):
        view.tabs.setCurrentIndex(index)
        texts += visible_texts(view)
    for action in view.offered_actions():
        if action == "attach":
            continue
        view.start_action(Action(action))
        texts += visible_texts(view.dialog)
        view.dialog.reject()
    assert english_in(texts) == []


def test_dates_default_sensibly(qtbot, office, make_ctx):
    leader = make_ctx("leader")
    view = open_view(qtbot, leader, to_state(office, "breach_confirmed"))
    view.start_action(Action.SANCTION)
    today = china_date(leader.profile.now())
    assert view.dialog.rows["start_on"].field.value() == today.isoformat()
    assert view.dialog.rows["end_on"].field.value() is None
    assert view.dialog.rows["imposed_by"].field.value() == "双柏县人民政府"
    assert date.fromisoformat(view.dialog.rows["start_on"].field.value()) == today


def test_tabs_other_than_the_first_are_built_when_turned_to_and_follow_reloads(qtbot, office, make_ctx):
    """Opening builds only 登记信息; 办理记录 is made, filled, when shown, and a later reload refills it."""
    leader = make_ctx("leader")
    complaint_id = to_state(office, "forwarded")
    view = open_view(qtbot, leader, complaint_id)
    pages = (view.timeline_page, view.attachments_page, view.sanctions_page)
    assert not any(page.built for page in pages)
    view.tabs.setCurrentWidget(view.timeline_page)
    assert view.timeline_page.built and not view.sanctions_page.built
    events = view.timeline_tab.tree.topLevelItemCount()
    assert events == len(view.detail.timeline) > 0
    head = view.detail.complaint.head
    act(leader.profile, leader.actor, complaint_id, "note", {"text": "已电话联系被投诉主体"}, expected_head=head)
    with qtbot.waitSignal(view.loaded, timeout=5000):
        view.reload()
    assert view.timeline_tab.tree.topLevelItemCount() == events + 1
    assert not view.attachments_page.built
    assert not view.attachments_tab.add_button.isHidden()  # asked for: built with the current detail


def test_registered_values_become_selectable_when_pressed(qtbot, office, make_ctx):
    """The values of 登记信息 are made selectable on the first press, and a drag then selects text."""
    from PySide6.QtCore import QPoint

    from ui.detail.intake_tab import ValueLabel

    view = open_view(qtbot, make_ctx("leader"), to_state(office, "forwarded"))
    label = next(w for w in view.intake_tab.findChildren(ValueLabel) if len(w.text()) > 4 and w.isVisible())
    assert not label.textInteractionFlags() & Qt.TextInteractionFlag.TextSelectableByMouse
    start, end = QPoint(2, label.height() // 2), QPoint(label.width() - 2, label.height() // 2)
    qtbot.mousePress(label, Qt.MouseButton.LeftButton, pos=start)
    qtbot.mouseMove(label, end)
    qtbot.mouseRelease(label, Qt.MouseButton.LeftButton, pos=end)
    assert label.textInteractionFlags() & Qt.TextInteractionFlag.TextSelectableByMouse
    assert label.hasSelectedText()
