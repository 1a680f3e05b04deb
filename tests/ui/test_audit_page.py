"""The auditor's 审计 page (issue 12): the trail paged from SQL as the view scrolls, the filters, the
detail of one record with personal data masked, 导出 to xlsx or CSV, and 校验 with its Chinese summary."""

from __future__ import annotations

import sqlite3

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import QModelIndex
from PySide6.QtWidgets import QMessageBox

from app.domain import audit_records as ar
from app.domain.errors import DomainError
from app.services import auth
from tests.factories import PASSWORD
from ui.models.audit_table import COLUMN_INDEX, PAGE
from ui.pages.audit import AuditPage
from ui.widgets import file_dialogs

PHONE = "13887012345"


@pytest.fixture
def page(qtbot, make_ctx, office, add_complaint, act):
    for _ in range(40):  # 40 registrations, forwards and notes: more than one page of records
        registered = add_complaint()
        act(registered.case_no, "forward", {"department": "双柏县人民政府"})
        act(registered.case_no, "note", {"text": f"联系人王喆（{PHONE}）来电。"})
    with pytest.raises(DomainError):
        auth.login(office.profile, "handler", "wrong-password")
    made = AuditPage(make_ctx("auditor"))
    qtbot.addWidget(made)
    qtbot.waitUntil(lambda: made.model.rowCount() > 0 and made.current_record() is not None, timeout=10000)
    return made


def shown(page) -> list[str]:
    return [page.model.index(i, COLUMN_INDEX["action"]).data() for i in range(page.model.rowCount())]


def refiltered(qtbot, page, change) -> None:
    with qtbot.waitSignal(page.model.loaded, timeout=10000):
        change()


def test_the_trail_pages_in_as_the_view_scrolls_and_filters_narrow_it(qtbot, page):
    assert page.model.rowCount() == PAGE and page.model.more
    assert page.count_label.text().startswith(f"已显示 {PAGE} 条")
    with qtbot.waitSignal(page.model.loaded, timeout=10000):
        page.view.scrollToBottom()
        page.model.fetchMore(QModelIndex())
    assert page.model.rowCount() > PAGE
    seqs = [page.model.record_at(i).seq for i in range(page.model.rowCount())]
    assert seqs == sorted(seqs, reverse=True) and len(set(seqs)) == len(seqs)

    combo = page.filter_bar.outcome
    refiltered(qtbot, page, lambda: combo.setCurrentIndex(combo.findData(ar.FAILED)))
    assert shown(page) == ["登录失败"] and not page.model.more
    assert page.count_label.text() == "共 1 条，新的在前"
    refiltered(qtbot, page, page.filter_bar.clear)
    action = page.filter_bar.action
    refiltered(qtbot, page, lambda: action.setCurrentIndex(action.findData("forward")))
    assert set(shown(page)) == {"转办"} and page.model.rowCount() == 40
    case_no = page.model.record_at(0).case_no
    refiltered(qtbot, page, lambda: page.filter_bar.case_no.setText(case_no))
    assert [page.model.record_at(i).case_no for i in range(page.model.rowCount())] == [case_no]
    refiltered(qtbot, page, lambda: page.filter_bar.case_no.setText("532322-2026-9999"))
    assert page.model.rowCount() == 0 and page.count_label.text() == "没有符合条件的审计记录"


def test_the_detail_shows_one_record_with_personal_data_masked(qtbot, page):
    action = page.filter_bar.action
    refiltered(qtbot, page, lambda: action.setCurrentIndex(action.findData("register")))
    with qtbot.waitSignal(page.detail_shown, timeout=10000) as shown_:
        page.view.setCurrentIndex(page.model.index(1, 0))
    record = shown_.args[0]
    text = page.detail.toPlainText()
    assert record.case_no in text and "登记" in text
    assert "138****2345" in text and PHONE not in text and "王*" in text
    table = "".join(page.model.index(r, c).data() or "" for r in range(page.model.rowCount())
                    for c in range(page.model.columnCount()))
    assert PHONE not in table


def test_export_writes_the_selection_masked(qtbot, page, tmp_path, monkeypatch):
    told: list[str] = []
    monkeypatch.setattr(file_dialogs, "confirm_saved", lambda _p, _path, text="": told.append(text))
    action = page.filter_bar.action
    refiltered(qtbot, page, lambda: action.setCurrentIndex(action.findData("note")))
    for name, chosen in (("审计.xlsx", "Excel (*.xlsx)"), ("审计", "CSV (*.csv)")):
        monkeypatch.setattr(file_dialogs, "_get_save_file_name", lambda *a, n=name, c=chosen: (str(tmp_path / n), c))
        with qtbot.waitSignal(page.exported, timeout=20000) as done:
            page.export()
        assert done.args[0].records == 40
    book = load_workbook(tmp_path / "审计.xlsx", read_only=True)
    rows = list(book.active.iter_rows(values_only=True))
    book.close()
    assert len(rows) == 41 and {r[2] for r in rows[1:]} == {"备注"}
    assert PHONE not in str(rows) and PHONE not in (tmp_path / "审计.csv").read_text(encoding="utf-8-sig")
    assert told and told[-1].startswith("已将 40 条")


def test_verify_reports_a_clean_chain_and_names_a_tampered_row(qtbot, page, office, monkeypatch):
    told: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda _p, _t, text, *a: told.append(("ok", text)))
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text, *a: told.append(("problem", text)))
    with qtbot.waitSignal(page.verified, timeout=20000):
        page.verify()
    assert told[-1][0] == "ok" and "审计链完整" in told[-1][1] and "审计链完整" in page.verify_label.text()

    con = sqlite3.connect(office.profile.files.database, isolation_level=None)
    con.execute("DROP TRIGGER IF EXISTS events_append_only_update")
    seq = con.execute("SELECT seq FROM events WHERE action = 'note' LIMIT 1").fetchone()[0]
    con.execute("UPDATE events SET payload = '{\"text\":\"改过\"}' WHERE seq = ?", (seq,))
    con.close()
    with qtbot.waitSignal(page.verified, timeout=20000) as checked:
        page.verify()
    assert not checked.args[0].ok
    kind, text = told[-1]
    assert kind == "problem" and f"第 {seq} 行" in text and "内容被修改" in text
    assert page.verify_button.isEnabled()


def test_anyone_but_the_auditor_is_refused_in_chinese(qtbot, make_ctx, office, monkeypatch):
    warned: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text, *a: warned.append(text))
    made = AuditPage(make_ctx("leader"))
    qtbot.addWidget(made)
    qtbot.waitUntil(lambda: bool(warned), timeout=10000)
    assert warned == ["只有审计员可以查看和导出审计记录"] and made.model.rowCount() == 0
    assert PASSWORD  # the leader's session is a real login


def test_a_failed_login_reads_in_chinese_in_the_list_and_the_detail(qtbot, page):
    combo = page.filter_bar.outcome
    refiltered(qtbot, page, lambda: combo.setCurrentIndex(combo.findData(ar.FAILED)))
    with qtbot.waitSignal(page.detail_shown, timeout=10000):
        page.view.setCurrentIndex(page.model.index(0, 0))
    row = "".join(page.model.index(0, c).data() or "" for c in range(page.model.columnCount()))
    for text in (row, page.detail.toPlainText()):
        assert "密码错误" in text and "桌面客户端" in text, text
        assert "wrong_password" not in text and "desktop" not in text


def test_the_summary_names_where_each_problem_is(page):
    from app.security.audit import AuditProblem, AuditReport

    report = AuditReport(events_checked=1234, devices=2, problems=(
        AuditProblem("event_edited", 17, "e1", "aaaaaaaa-1111", 4),
        AuditProblem("chain_truncated", None, None, "aaaaaaaa-1111", 9),
        AuditProblem("event_missing", None, None, "bbbbbbbb-2222", None),
    ))
    lines = page.summary(report).splitlines()
    assert "1,234" in lines[0] and "3" in lines[0]
    assert lines[1].startswith("第 17 行") and lines[2].startswith("链尾") and lines[3].startswith("下载的记录")
    assert "bbbbbbbb" in lines[3]
