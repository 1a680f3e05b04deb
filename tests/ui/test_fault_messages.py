"""Faults of the PC in the window (issue 12): the registration form says in Chinese that the disk is full
or that another program holds the database, keeps what was typed, and registers nothing; the 附件 tab
names the complaint and the file of an attachment whose file is gone."""

from __future__ import annotations

import sqlite3

import pytest
from PySide6.QtCore import Qt

from app.services.queries import get_complaint, list_complaints
from tests.integration.test_faults import pragma_on_connect, write_lock_held_by_another_process
from tests.ui.case_fixtures import intake_values, open_view, wait_tasks
from tests.ui.test_detail_attachments import received_attachment
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


def submit_and_wait(qtbot, form: RegistrationForm, clerk) -> None:
    qtbot.mouseClick(form.submit_button, Qt.MouseButton.LeftButton)
    wait_tasks(qtbot, clerk)
    qtbot.waitUntil(lambda: form.submit_button.isEnabled(), timeout=10000)


def test_a_full_disk_is_said_in_chinese_and_the_form_keeps_its_content(qtbot, form, clerk):
    form.set_values(intake_values(description="拖欠工程款" * 120))  # 600 characters (the limit): more than the free room in any page
    typed = form.values()
    with sqlite3.connect(clerk.profile.files.database) as db:
        db.execute("VACUUM")  # no free pages left: the next write must grow the file
        pages = db.execute("PRAGMA page_count").fetchone()[0]
    with pragma_on_connect(clerk.profile, f"max_page_count = {pages}"):  # SQLITE_FULL on the first new page
        submit_and_wait(qtbot, form, clerk)
    assert "磁盘空间已满" in form.summary.text() and "没有丢失" in form.summary.text()
    assert "Error" not in form.summary.text()
    assert form.values() == typed
    assert list_complaints(clerk.profile, clerk.actor).total == 0


def test_a_database_held_by_another_program_asks_to_retry(qtbot, form, clerk, monkeypatch):
    monkeypatch.setenv("LVYUE_BUSY_TIMEOUT_MS", "200")
    clerk.profile.store.engine.dispose()
    clerk.profile.store = type(clerk.profile.store)(clerk.profile.files.database)  # reopened: the short wait
    clerk.profile.store.load_identity()
    form.set_values(intake_values())
    with write_lock_held_by_another_process(clerk.profile.files.database):
        submit_and_wait(qtbot, form, clerk)
    assert "另一个程序" in form.summary.text() and "重试" in form.summary.text()
    submit_and_wait(qtbot, form, clerk)  # once the other program is done, the same form registers
    assert list_complaints(clerk.profile, clerk.actor).total == 1



def test_opening_a_missing_attachment_names_the_complaint_and_the_file(qtbot, office, make_ctx, tmp_path):
    complaint_id, sha = received_attachment(office, tmp_path, "验收单.pdf")
    (office.profile.files.blobs / sha[:2] / sha).unlink()  # deleted from the profile folder by hand
    ctx = make_ctx("handler")
    view = open_view(qtbot, ctx, complaint_id)
    tab = view.attachments_tab
    qtbot.mouseClick(tab.open_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not tab.message.isHidden(), timeout=5000)
    case_no = get_complaint(ctx.profile, ctx.actor, complaint_id).complaint.case_no
    assert case_no in tab.message.text() and "验收单.pdf" in tab.message.text()
    assert "重新添加" in tab.message.text()
    wait_tasks(qtbot, ctx)
