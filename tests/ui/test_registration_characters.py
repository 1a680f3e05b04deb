"""The registration form and characters the documents cannot print: the error sits on the field."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from app.services.queries import list_complaints
from tests.ui.case_fixtures import intake_values, type_text, wait_tasks
from ui.forms import checks
from ui.forms.registration import RegistrationForm

PRIVATE = "\ue000"


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


def error_of(form: RegistrationForm, path: str) -> str:
    row = form.rows[path]
    return row.message.text() if row.error else ""


def registered_count(ctx) -> int:
    return list_complaints(ctx.profile, ctx.actor).total


def test_emoji_in_names_and_unprintable_text_are_marked_on_their_fields(qtbot, form, clerk):
    form.set_values(intake_values(**{"complainant.name": "双柏县绿源😀农业开发有限公司",
                                     "complainant.legal_representative": "李国华👍",
                                     "description": f"拖欠采购货款{PRIVATE}至今未付"}))
    qtbot.mouseClick(form.submit_button, Qt.MouseButton.LeftButton)

    assert error_of(form, "complainant.name") == "名称中不能使用表情或图形符号 “😀”（U+1F600），请删除"
    assert "表情或图形符号 “👍”" in error_of(form, "complainant.legal_representative")
    assert "“\ue000”（U+E000）" in error_of(form, "description")
    assert "请改用规范汉字或拼音，或在备注中说明" in error_of(form, "description")
    assert error_of(form, "respondent.name") == ""
    assert "3 处填写有误" in form.summary.text()
    wait_tasks(qtbot, clerk)
    assert registered_count(clerk) == 0


def test_the_mark_appears_on_leaving_the_field(qtbot, form):
    type_text(qtbot, form.rows["complainant.contact_person"].field.focus_widget, "王😀")
    form.rows["complainant.phone"].field.focus_widget.setFocus()
    assert "表情或图形符号" in error_of(form, "complainant.contact_person")


def test_a_refusal_by_registration_itself_lands_on_the_field(qtbot, form, clerk, monkeypatch):
    monkeypatch.setattr(checks, "text_problem", lambda *args, **kwargs: None)  # the window lets it through
    form.set_values(intake_values(**{"claim.text": f"请求支付货款{PRIVATE}"}))
    qtbot.mouseClick(form.submit_button, Qt.MouseButton.LeftButton)
    wait_tasks(qtbot, clerk)
    qtbot.waitUntil(lambda: bool(error_of(form, "claim.text")), timeout=5000)
    assert "“\ue000”（U+E000）" in error_of(form, "claim.text")
    assert registered_count(clerk) == 0


def test_a_yi_name_registers(qtbot, form, clerk):
    form.set_values(intake_values(**{"complainant.contact_person": "阿呷ꆈꌠ"}))
    with qtbot.waitSignal(form.registered, timeout=10000):
        qtbot.mouseClick(form.submit_button, Qt.MouseButton.LeftButton)
    wait_tasks(qtbot, clerk)
    assert registered_count(clerk) == 1
