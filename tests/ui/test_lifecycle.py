"""A complaint's whole life through the real widgets: register → forward → conclude (substantiated) →
refuse → sanction → repair → feedback → close, each step by the user whose role it is."""

from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from app.domain.vocabulary import Action, SanctionMeasure
from app.services.queries import get_complaint
from tests.ui.case_fixtures import intake_values, open_view, through_dialog, to_state, type_text, wait_tasks
from ui.dialogs.actions.base import ActionDialog
from ui.forms.registration import RegistrationForm


class Questions:
    """Stands in for ``QMessageBox.question``: records confirmations and answers as told; declines the
    offer to issue a document after an action (documents have their own tests)."""

    def __init__(self) -> None:
        self.asked: list[str] = []
        self.offers: list[str] = []
        self.answer = QMessageBox.StandardButton.Yes

    def __call__(self, parent, title, text, *args, **kwargs):
        if text.startswith("是否现在开具"):
            self.offers.append(text)
            return QMessageBox.StandardButton.No
        self.asked.append(text)
        return self.answer


@pytest.fixture
def questions(monkeypatch) -> Questions:
    fake = Questions()
    monkeypatch.setattr(QMessageBox, "question", staticmethod(fake))
    return fake


def text(qtbot, dialog: ActionDialog, name: str, value: str) -> None:
    type_text(qtbot, dialog.rows[name].field.focus_widget, value)


def state_of(ctx, complaint_id: str) -> str:
    return get_complaint(ctx.profile, ctx.actor, complaint_id).complaint.state.value


def register_through_form(qtbot, clerk) -> str:
    form = RegistrationForm(clerk)
    qtbot.addWidget(form)
    form.show()
    values = intake_values()
    for path in ("complainant.name", "complainant.credit_code", "complainant.phone", "respondent.name",
                 "agreement.title", "description", "claim.text"):
        type_text(qtbot, form.rows[path].field.focus_widget, values.pop(path))
    form.set_values(values)
    assert form.rows["respondent.competent_department"].field.value() == "双柏县人民政府"
    with qtbot.waitSignal(form.registered, timeout=10000) as signal:
        qtbot.mouseClick(form.submit_button, Qt.MouseButton.LeftButton)
    return signal.args[0]


def test_the_whole_lifecycle_through_the_dialogs(qtbot, office, make_ctx, questions):
    clerk, handler, leader = make_ctx("clerk"), make_ctx("handler"), make_ctx("leader")
    complaint_id = register_through_form(qtbot, clerk)
    assert state_of(clerk, complaint_id) == "registered"

    desk = open_view(qtbot, handler, complaint_id)
    def forward(d: ActionDialog) -> None:
        assert d.rows["department"].field.value() == "双柏县人民政府"  # the competent department, pre-filled
        text(qtbot, d, "note", "请于15个工作日内核实")

    through_dialog(qtbot, desk, "forward", forward)
    assert state_of(handler, complaint_id) == "forwarded"
    assert desk.header.state.text() == "已转办"

    def conclude(d: ActionDialog) -> None:
        assert not d.rows["requirements"].holder.isVisibleTo(d)
        d.rows["finding"].field.set_value("substantiated")
        assert d.rows["requirements"].holder.isVisibleTo(d) and d.rows["rectify_due"].holder.isVisibleTo(d)
        text(qtbot, d, "explanation", "经核实，合同约定验收后30日内付款，至今未支付，情况属实。")
        text(qtbot, d, "requirements", "30日内支付全部货款")

    through_dialog(qtbot, desk, "conclude", conclude)
    assert state_of(handler, complaint_id) == "rectifying"
    assert "refuse" not in desk.offered_actions()  # only a leader confirms a breach

    office.clock.now += timedelta(days=45)  # the rectification deadline has passed: "逾期未整改" may be stated
    leader_view = open_view(qtbot, leader, complaint_id)

    def refuse(d: ActionDialog) -> None:
        assert d.rows["ground"].field.value() == "overdue"
        assert not d.rows["ground_detail"].holder.isVisibleTo(d)
        text(qtbot, d, "facts", "整改期满仍未支付货款")

    through_dialog(qtbot, leader_view, "refuse", refuse)
    office = leader_view
    assert state_of(leader, complaint_id) == "breach_confirmed"
    assert "双柏县财政局" in questions.asked[-1] and "确认" in questions.asked[-1]

    def sanction(d: ActionDialog) -> None:
        boxes = d.rows["measures"].field.boxes
        for measure in (SanctionMeasure.PUBLIC_CRITICISM, SanctionMeasure.RESTRICT_PROCUREMENT):
            qtbot.mouseClick(boxes[measure.value], Qt.MouseButton.LeftButton)

    through_dialog(qtbot, office, "sanction", sanction)
    complaint = get_complaint(leader.profile, leader.actor, complaint_id).complaint
    assert complaint.state.value == "sanctioned"
    assert complaint.sanctions[0]["measures"] == ["public_criticism", "restrict_procurement"]
    assert "公开通报批评、限制参加政府采购" in questions.asked[-1]
    assert office.sanctions_tab.tree.topLevelItem(0).text(3) == "执行中"

    through_dialog(qtbot, office, "repair", lambda d: text(qtbot, d, "evidence", "已于本月支付全部货款及利息"))
    complaint = get_complaint(leader.profile, leader.actor, complaint_id).complaint
    assert complaint.state.value == "repaired"
    assert complaint.sanctions[0]["lifted_on"]
    assert len(questions.asked) == 3
    # steps that produce a document offered to issue it (DESIGN §6): the breach determination, the repair notice
    assert any("违约失信确认通知" in offer for offer in questions.offers)
    assert any("信用修复告知书" in offer for offer in questions.offers)
    assert office.sanctions_tab.tree.topLevelItem(0).text(3).startswith("已于")

    with qtbot.waitSignal(desk.loaded, timeout=10000):
        desk.reload()  # the handler's window learns of the leader's steps
    through_dialog(qtbot, desk, "feedback", lambda d: text(qtbot, d, "summary", "已电话告知企业核实和修复情况"))
    assert get_complaint(handler.profile, handler.actor, complaint_id).complaint.feedback_given
    through_dialog(qtbot, desk, "close", lambda d: text(qtbot, d, "summary", "已督促履约并完成信用修复，办结"))
    assert state_of(handler, complaint_id) == "closed"
    assert desk.offered_actions() == []
    timeline = desk.timeline_tab.tree
    assert timeline.topLevelItemCount() == 8
    assert [timeline.topLevelItem(i).text(1) for i in range(timeline.topLevelItemCount())][:2] == ["办结", "反馈投诉人"]


def test_declining_the_confirmation_changes_nothing(qtbot, office, make_ctx, questions):
    leader = make_ctx("leader")
    complaint_id = to_state(office, "rectifying")
    view = open_view(qtbot, leader, complaint_id)
    qtbot.mouseClick(view.buttons[Action.REFUSE], Qt.MouseButton.LeftButton)
    dialog = view.dialog
    text(qtbot, dialog, "facts", "逾期未整改")
    text(qtbot, dialog, "ground_detail", "复函明确拒绝整改")
    questions.answer = QMessageBox.StandardButton.No
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    wait_tasks(qtbot, leader)
    assert len(questions.asked) == 1
    assert dialog.isVisible()
    assert dialog.rows["facts"].field.value() == "逾期未整改"
    assert state_of(leader, complaint_id) == "rectifying"


def test_a_refusal_before_the_deadline_needs_the_recorded_refusal(qtbot, office, make_ctx, questions):
    """Issue 9: the dialog offers "逾期未整改" only after the deadline; before it the officer states how the
    body refused, and the calendar offers only dates the record allows."""
    leader = make_ctx("leader")
    complaint_id = to_state(office, "rectifying")
    view = open_view(qtbot, leader, complaint_id)

    def refuse(d: ActionDialog) -> None:
        assert d.rows["ground"].field.value() == "refused"  # the deadline lies ahead
        assert "尚未届满" in d.rows["ground"].message.text()
        assert d.rows["ground_detail"].holder.isVisibleTo(d)
        today = d.today
        assert d.rows["confirmed_on"].field.edit.minimumDate().toPython() == today  # concluded today
        assert d.rows["confirmed_on"].field.edit.maximumDate().toPython() == today
        text(qtbot, d, "facts", "复函拒绝支付货款")
        text(qtbot, d, "ground_detail", "被投诉主体复函明确表示不予支付")

    through_dialog(qtbot, view, "refuse", refuse)
    breach = get_complaint(leader.profile, leader.actor, complaint_id).complaint.breach
    assert (breach["ground"], breach["ground_detail"]) == ("refused", "被投诉主体复函明确表示不予支付")


def test_accountability_is_recorded_person_by_person(qtbot, office, make_ctx, questions):
    leader = make_ctx("leader")
    complaint_id = to_state(office, "breach_confirmed")
    view = open_view(qtbot, leader, complaint_id)

    def hold(d: ActionDialog) -> None:
        persons = d.rows["persons"].field
        table = persons.table
        for column, value in enumerate(["李明", "副局长", None, "诫勉谈话"]):
            if value is not None:
                table.item(0, column).setText(value)
        persons.add_person({"name": "王强", "position": "科长", "responsibility": "direct", "outcome": "通报批评"})
        text(qtbot, d, "decided_by", "中共双柏县纪律检查委员会")

    through_dialog(qtbot, view, "hold_accountable", hold)
    complaint = get_complaint(leader.profile, leader.actor, complaint_id).complaint
    assert [p["name"] for p in complaint.accountability[0]["persons"]] == ["李明", "王强"]
    assert complaint.state.value == "breach_confirmed"
    assert "李明、王强" in questions.asked[-1]
    assert view.sanctions_tab.accountability.topLevelItemCount() == 2


def test_the_reopen_dialog_says_where_the_complaint_goes_back_to(qtbot, office, make_ctx, questions):
    """Issue 9: a complaint concluded on its merits goes back to its department for 重新核实 with a new
    deadline (what the feedback letters promise); the dialog says so before the leader confirms."""
    from app.documents.model import format_chinese_date
    from app.domain.clock import china_date
    from app.services.act import act

    profile = office.profile
    complaint_id = to_state(office, "forwarded")
    for actor, action, payload in (
        (office.handler, "conclude", {"finding": "unsubstantiated", "explanation": "协议未约定该项付款"}),
        (office.handler, "feedback", {"method": "phone", "summary": "已告知核实结果"}),
        (office.handler, "close", {"summary": "办结"}),
    ):
        act(profile, actor, complaint_id, action, payload)
    leader = make_ctx("leader")
    view = open_view(qtbot, leader, complaint_id)
    due = profile.calendar.add_working_days(china_date(profile.now()), profile.rules.conclude_days)

    def reopen(d: ActionDialog) -> None:
        hint = d.rows["reason"].message.text()
        assert "双柏县人民政府重新核实" in hint and format_chinese_date(due) in hint, hint
        text(qtbot, d, "reason", "投诉人补充了新的付款凭证")

    through_dialog(qtbot, view, "reopen", reopen)
    complaint = get_complaint(leader.profile, leader.actor, complaint_id).complaint
    assert (complaint.state.value, complaint.department) == ("forwarded", "双柏县人民政府")
    assert view.detail.deadline.due_on == due


def test_a_reopened_breach_goes_back_to_where_it_stood(qtbot, office, make_ctx, questions):
    complaint_id = to_state(office, "closed")  # closed after the credit was repaired
    view = open_view(qtbot, make_ctx("leader"), complaint_id)
    qtbot.mouseClick(view.buttons[Action.REOPEN], Qt.MouseButton.LeftButton)
    assert "“已信用修复”" in view.dialog.rows["reason"].message.text()
    view.dialog.reject()


def test_a_sanction_without_a_measure_is_a_field_error_before_any_confirmation(qtbot, office, make_ctx, questions):
    leader = make_ctx("leader")
    complaint_id = to_state(office, "breach_confirmed")
    view = open_view(qtbot, leader, complaint_id)
    qtbot.mouseClick(view.buttons[Action.SANCTION], Qt.MouseButton.LeftButton)
    dialog = view.dialog
    assert not any(box.isChecked() for box in dialog.rows["measures"].field.boxes.values())
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert questions.asked == []  # never "…实施以下惩戒措施：？"
    assert dialog.rows["measures"].error == "请至少选择或填写一项惩戒措施"
    assert dialog.isVisible() and state_of(leader, complaint_id) == "breach_confirmed"
