"""The registration form: inline checks, registering, the duplicate warning, drafts, language, tab order."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from app.services.drafts import load_draft
from app.services.intake import register
from app.services.queries import get_complaint, list_complaints
from tests.ui.case_fixtures import (
    bad_checksum,
    drag_and_drop,
    english_in,
    intake_data,
    intake_values,
    type_text,
    visible_texts,
    wait_tasks,
)
from ui.forms.registration import RegistrationForm


@pytest.fixture
def clerk(make_ctx):
    return make_ctx("clerk")


@pytest.fixture
def form(qtbot, clerk):
    widget = RegistrationForm(clerk)
    qtbot.addWidget(widget)
    widget.resize(1000, 800)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def type_into(qtbot, form: RegistrationForm, path: str, text: str) -> None:
    type_text(qtbot, form.rows[path].field.focus_widget, text)


def error_of(form: RegistrationForm, path: str) -> str:
    row = form.rows[path]
    return row.message.text() if row.error else ""


def registered_count(ctx) -> int:
    return list_complaints(ctx.profile, ctx.actor).total


def test_invalid_input_is_marked_inline_and_nothing_is_registered(qtbot, form, clerk):
    values = intake_values(**{"complainant.credit_code": bad_checksum(),
                              "complainant.phone": "3117257", "complainant.name": "", "agreement.title": ""})
    form.set_values(values)
    qtbot.mouseClick(form.submit_button, Qt.MouseButton.LeftButton)

    assert "校验位错误" in error_of(form, "complainant.credit_code")
    assert "缺少区号" in error_of(form, "complainant.phone")
    assert error_of(form, "complainant.name") == "此项为必填项"
    assert error_of(form, "agreement.title") == "此项为必填项"
    assert error_of(form, "respondent.name") == ""
    assert "4 处填写有误" in form.summary.text()
    assert form.rows["complainant.credit_code_override"].holder.isVisible()  # the way out for pilot codes
    assert QApplication.focusWidget() is form.rows["complainant.name"].field.focus_widget
    wait_tasks(qtbot, clerk)
    assert registered_count(clerk) == 0
    assert form.stack.currentIndex() == 0


def test_messages_appear_on_leaving_a_field_and_clear_once_fixed(qtbot, form):
    type_into(qtbot, form, "complainant.phone", "1388701")
    form.rows["complainant.contact_person"].field.focus_widget.setFocus()
    assert "无效" in error_of(form, "complainant.phone")
    type_into(qtbot, form, "complainant.phone", "2345")  # now 13887012345
    assert error_of(form, "complainant.phone") == ""

    type_into(qtbot, form, "agreement.amount", "12.345")
    form.rows["agreement.title"].field.focus_widget.setFocus()
    assert "两位小数" in error_of(form, "agreement.amount")
    form.rows["agreement.amount"].field.set_value("12.5万")
    assert form.rows["agreement.amount"].message.text() == "125,000.00 元 · 壹拾贰万伍仟元整"


def test_a_pilot_code_registers_with_the_override_and_its_reason(qtbot, form, clerk):
    legacy = bad_checksum()
    form.set_values(intake_values(**{"complainant.credit_code": legacy}))
    form.rows["complainant.credit_code_override"].field.set_value(True)
    qtbot.mouseClick(form.submit_button, Qt.MouseButton.LeftButton)
    assert error_of(form, "complainant.credit_code_override_reason") == "此项为必填项"
    assert error_of(form, "complainant.credit_code") == ""

    type_into(qtbot, form, "complainant.credit_code_override_reason", "早期试点代码，已核对营业执照")
    with qtbot.waitSignal(form.registered, timeout=10000):
        qtbot.mouseClick(form.submit_button, Qt.MouseButton.LeftButton)
    complainant = get_complaint(clerk.profile, clerk.actor, form.last.registered.complaint_id).complaint.intake[
        "complainant"]
    assert complainant["credit_code"] == legacy
    assert complainant["credit_code_override"] is True
    assert complainant["credit_code_override_reason"] == "早期试点代码，已核对营业执照"


def test_valid_input_registers_shows_the_case_number_and_discards_the_draft(qtbot, form, clerk, tmp_path):
    contract = tmp_path / "采购合同.pdf"
    contract.write_bytes(b"%PDF-1.4 contract scan")
    values = intake_values()
    for path in ("complainant.name", "complainant.contact_person", "agreement.title", "description", "claim.text"):
        type_into(qtbot, form, path, values.pop(path))
    form.set_values(values)
    drag_and_drop(form.attachments, contract)
    assert form.attachments.paths() == [str(contract)]
    qtbot.waitUntil(lambda: load_draft(clerk.profile, form.draft.key) is not None, timeout=5000)

    with qtbot.waitSignal(form.registered, timeout=10000) as signal:
        qtbot.keyClick(form.rows["claim.text"].field.focus_widget, Qt.Key.Key_Return,
                       Qt.KeyboardModifier.ControlModifier)
    complaint_id, case_no = signal.args
    assert re.fullmatch(r"532322-\d{4}-0001", case_no)
    assert form.stack.currentWidget() is form.success
    assert form.success.case_no.text() == case_no
    assert form.success.case_no.isVisible()
    wait_tasks(qtbot, clerk)
    assert load_draft(clerk.profile, form.draft.key) is None
    detail = get_complaint(clerk.profile, clerk.actor, complaint_id)
    assert detail.complaint.case_no == case_no
    assert detail.complaint.intake["complainant"]["phone"] == "138 8701 2345"
    assert detail.complaint.intake["claim"]["amount"] == "125000.00"
    assert [a["filename"] for a in detail.complaint.attachments] == ["采购合同.pdf"]

    qtbot.mouseClick(form.success.another_button, Qt.MouseButton.LeftButton)
    assert form.stack.currentIndex() == 0
    assert form.values()["complainant.name"] == ""


def test_respondent_is_found_by_pinyin_initials_and_fills_its_department(qtbot, form):
    type_into(qtbot, form, "respondent.name", "sbczj")
    completer = form.rows["respondent.name"].field.completer
    assert completer.model().stringList()[0] == "双柏县财政局"
    completer.activated[str].emit("双柏县财政局")
    assert form.rows["respondent.competent_department"].field.value() == "双柏县人民政府"
    assert form.rows["respondent.region_code"].field.value() == "532322"
    assert form.rows["respondent.kind"].field.value() == "organ"

    form.rows["respondent.name"].field.set_value("双柏县人民医院")  # typed in full, then Tab
    form.rows["respondent.competent_department"].field.set_value("")
    form.check_field("respondent.name")
    assert form.rows["respondent.competent_department"].field.value() == "双柏县卫生健康局"
    assert form.rows["respondent.kind"].field.value() == "institution"


def test_an_open_complaint_for_the_same_parties_is_a_warning_not_a_refusal(qtbot, form, clerk):
    first = register(clerk.profile, clerk.actor, intake_data())
    form.set_values(intake_values())
    qtbot.waitUntil(lambda: form.duplicates.isVisible(), timeout=5000)
    assert first.case_no in form.duplicates.text() and "已登记" in form.duplicates.text()
    with qtbot.waitSignal(form.registered, timeout=10000):
        qtbot.mouseClick(form.submit_button, Qt.MouseButton.LeftButton)
    assert registered_count(clerk) == 2


def test_the_draft_survives_a_closed_form(qtbot, clerk):
    first = RegistrationForm(clerk)
    qtbot.addWidget(first)
    first.show()
    type_into(qtbot, first, "complainant.name", "南华县野生菌贸易有限公司")
    type_into(qtbot, first, "description", "招商引资协议约定的土地未按期交付。")
    first.rows["sector"].field.set_value("investment_promotion")
    with qtbot.waitSignal(first.closed):
        first.close()

    second = RegistrationForm(clerk)
    qtbot.addWidget(second)
    second.show()
    assert second.values()["complainant.name"] == "南华县野生菌贸易有限公司"
    assert second.values()["description"] == "招商引资协议约定的土地未按期交付。"
    assert second.values()["sector"] == "investment_promotion"
    assert second.draft_bar.isVisible()
    assert "草稿" in second.draft_label.text()

    qtbot.mouseClick(second.discard_button, Qt.MouseButton.LeftButton)
    assert second.values()["complainant.name"] == ""
    assert not second.draft_bar.isVisible()
    assert load_draft(clerk.profile, second.draft.key) is None


def test_the_draft_is_saved_while_typing_so_a_crash_loses_nothing(qtbot, form, clerk):
    type_into(qtbot, form, "complainant.contact_person", "杨丽")
    qtbot.waitUntil(lambda: (load_draft(clerk.profile, form.draft.key) or {}).get("fields", {}).get(
        "complainant.contact_person") == "杨丽", timeout=5000)


def test_no_english_is_visible_in_chinese_mode(qtbot, form):
    form.set_values(intake_values(**{"complainant.credit_code": bad_checksum()}))
    form.rows["complainant.credit_code_override"].field.set_value(True)
    form.submit()
    assert english_in(visible_texts(form)) == []


def test_tab_follows_the_paper_form(qtbot, form):
    order = ["complainant.name", "complainant.credit_code", "complainant.legal_representative",
             "complainant.contact_person", "complainant.phone", "complainant.contact_id_number",
             "complainant.address", "respondent.name"]
    form.activateWindow()
    first = form.rows[order[0]].field.focus_widget
    first.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is first)
    for path in order[1:]:
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        assert QApplication.focusWidget() is form.rows[path].field.focus_widget, path


def test_large_and_missing_files_are_refused_with_a_reason(form, tmp_path: Path):
    form.attachments.add_paths([tmp_path / "不存在.pdf"])
    assert form.attachments.paths() == []
    assert "不存在.pdf" in form.attachments.message.text()


def test_channels_and_sectors_read_as_on_the_paper_form(form):
    channels = form.rows["channel"].field.box
    assert [channels.itemText(i) for i in range(channels.count())][-4:] == ["来信", "来访", "上级转交", "其他渠道"]
    sectors = form.rows["sector"].field.box
    assert sectors.itemText(sectors.count() - 1) == "其他领域"
