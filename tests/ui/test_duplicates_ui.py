"""The duplicate banner of the registration form and the 疑似重复 review reached from the complaint list."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from app.services import duplicates
from app.services.intake import register
from tests.ui.case_fixtures import intake_data, intake_values, wait_tasks
from ui.forms.registration import RegistrationForm
from ui.pages.case_tabs import CaseTabs
from ui.pages.duplicates import DuplicatesPage

OTHER = {"description": "2025年起为县政务服务中心提供物业服务，合同约定按季度付款，已连续三个季度未付。",
         "claim.text": "请求支付拖欠的物业服务费八万元。"}


@pytest.fixture
def clerk(make_ctx):
    return make_ctx("clerk")


def test_the_banner_names_the_likely_duplicate_and_opens_it(qtbot, clerk):
    first = register(clerk.profile, clerk.actor, intake_data())
    form = RegistrationForm(clerk)
    qtbot.addWidget(form)
    form.show()
    values = intake_values(**{"complainant.credit_code": "", **OTHER})  # no code: the name and body decide
    form.set_values(values)
    qtbot.waitUntil(lambda: form.duplicates.isVisible(), timeout=5000)
    assert f"可能与 {first.case_no} 重复" in form.duplicates.text()
    assert "投诉人、被投诉主体相同" in form.duplicates.text() and form.submit_button.isEnabled()
    with qtbot.waitSignal(form.open_complaint, timeout=2000) as opened:
        qtbot.mouseClick(form.duplicates.open_button, Qt.MouseButton.LeftButton)
    assert opened.args == [first.complaint_id]

    form.rows["respondent.name"].field.set_value("双柏县教育体育局")
    form.duplicates.look()
    qtbot.waitUntil(lambda: not form.duplicates.isVisible(), timeout=5000)


def test_the_review_is_a_tab_of_the_list_and_merges_or_dismisses(qtbot, ctx, add_complaint):
    first = add_complaint()
    second = add_complaint(channel="online_petition")
    third = add_complaint(channel="visit")
    tabs = CaseTabs(ctx)
    qtbot.addWidget(tabs)
    tabs.resize(1100, 700)
    tabs.show()
    assert tabs.list_page.duplicates_button.text() == "疑似重复"
    qtbot.mouseClick(tabs.list_page.duplicates_button, Qt.MouseButton.LeftButton)
    page = tabs.currentWidget()
    assert isinstance(page, DuplicatesPage) and tabs.tabText(tabs.currentIndex()) == "疑似重复"
    qtbot.waitUntil(lambda: len(page.pairs) == 3, timeout=10000)
    assert page.table.topLevelItem(0).text(0) == third.case_no
    qtbot.waitUntil(lambda: first.case_no in page.left.toPlainText() + page.right.toPlainText(), timeout=5000)
    assert "投诉人、被投诉主体相同" in page.reasons.text()

    page.ask_reason = lambda *_: "不同项目的两次投诉"
    for i, p in enumerate(page.pairs):
        if {p.newer.case_no, p.older.case_no} == {third.case_no, second.case_no}:
            page.table.setCurrentItem(page.table.topLevelItem(i))
    qtbot.mouseClick(page.dismiss_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(page.pairs) == 2, timeout=10000)

    page.ask_reason = lambda *_: "重复转来"
    for i, p in enumerate(page.pairs):
        if p.newer.case_no == second.case_no:
            page.table.setCurrentItem(page.table.topLevelItem(i))
    with qtbot.waitSignal(page.changed, timeout=10000):
        qtbot.mouseClick(page.merge_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(page.pairs) == 1, timeout=10000)
    assert "两件案件的办理记录均保留" in page.message.text() or "均保留" in page.message.text()
    assert [(p.newer.case_no, p.older.case_no) for p in page.pairs] == [(third.case_no, first.case_no)]
    assert duplicates.find_duplicates(ctx.profile, ctx.actor, ref=third.case_no)[0].case_no == first.case_no
    wait_tasks(qtbot, ctx)
