"""The auditor's audit trail (issue 12): the event log filtered and paged from SQL, labelled in Chinese,
with personal data masked on the page, in the detail and in the xlsx/CSV export; ``audit list``."""

from __future__ import annotations

import csv
import json
from datetime import date, timedelta

import pytest
from openpyxl import load_workbook

from app.cli import main as cli_main
from app.domain import audit_records as ar
from app.domain.clock import china_date
from app.domain.errors import DomainError
from app.messages import describe
from app.services import act, audit_export, audit_trail, auth, intake
from app.services.audit_trail import AuditFilter
from tests.factories import PASSWORD
from tests.factories import intake as make_intake

PHONE, ID_NUMBER = "13887012345", "532322198001011956"


def with_case(office, **overrides) -> str:
    data = make_intake()
    data["complainant"]["contact_id_number"] = ID_NUMBER
    data.update(overrides)
    reg = intake.register(office.profile, office.clerk, data)
    act.act(office.profile, office.handler, reg.case_no, "forward", {"department": "双柏县人民政府"})
    act.act(office.profile, office.handler, reg.case_no, "note",
            {"text": f"联系人王喆（电话 {PHONE}）来电催问，身份证号 {ID_NUMBER}。"})
    return reg.case_no


def everything(office, f: AuditFilter | None = None, limit: int = 100) -> list:
    f = f or AuditFilter()
    rows, after = [], None
    while True:
        page = audit_trail.audit_page(office.profile, office.auditor, f, after, limit)
        rows += page.rows
        if page.next_cursor is None:
            return rows
        after = page.next_cursor


def test_only_the_auditor_reads_the_trail(office):
    for who in (office.leader, office.admin, office.officer):
        with pytest.raises(DomainError) as refused:
            audit_trail.audit_page(office.profile, who, AuditFilter())
        assert describe(refused.value) == "只有审计员可以查看和导出审计记录"
    assert audit_trail.audit_page(office.profile, office.auditor, AuditFilter()).rows


def test_each_filter_finds_what_an_auditor_looks_for(office, clock):
    first = with_case(office)
    clock.advance(days=3)
    with pytest.raises(DomainError):
        auth.login(office.profile, "clerk", "wrong-password")
    clock.advance(days=3)
    second = with_case(office)
    today = china_date(clock())

    failed = everything(office, AuditFilter(outcome=ar.FAILED))
    assert [(r.action_label, r.outcome_label, r.actor_name) for r in failed] == [("登录失败", "失败", "李登记（clerk）")]
    case = everything(office, AuditFilter(case_no=first))
    assert [r.action_label for r in case] == ["备注", "转办", "登记"]  # newest first
    assert {r.case_no for r in case} == {first}
    recent = everything(office, AuditFilter(date_from=today, date_to=today))
    assert {r.case_no for r in recent if r.case_no} == {second}
    assert all(r.at_local.startswith(today.isoformat()) for r in recent)
    earlier = everything(office, AuditFilter(date_to=today - timedelta(days=1)))
    assert second not in {r.case_no for r in earlier} and first in {r.case_no for r in earlier}
    by_clerk = everything(office, AuditFilter(actor="李登记", action="register"))
    assert {r.case_no for r in by_clerk} == {first, second}
    sessions = everything(office, AuditFilter(category=ar.SESSION))
    assert {r.action_label for r in sessions} == {"登录", "登录失败"}
    admin = everything(office, AuditFilter(category=ar.ADMIN))
    assert {"添加用户", "修改单位设置"} <= {r.action_label for r in admin}
    assert everything(office, AuditFilter(device=office.profile.device_id[:8])) == everything(office)
    assert everything(office, AuditFilter(device="zzzz")) == []
    assert everything(office, AuditFilter(case_no="532322-2026-9999")) == []


def test_pages_cover_the_log_once_newest_first_even_when_times_tie(office):
    for _ in range(12):  # the fixed clock: every event has the same time; the row number breaks ties
        with_case(office)
    whole = everything(office, limit=1000)
    paged = everything(office, limit=7)
    assert [r.seq for r in paged] == [r.seq for r in whole]
    assert len({r.seq for r in paged}) == len(paged) > 40
    assert [r.seq for r in paged] == sorted((r.seq for r in paged), reverse=True)


def test_personal_data_is_masked_on_the_page_in_the_detail_and_in_exports(office, tmp_path):
    case_no = with_case(office)
    page = everything(office, AuditFilter(case_no=case_no))
    text = json.dumps([r.summary for r in page], ensure_ascii=False)
    assert PHONE not in text and ID_NUMBER not in text
    registration = next(r for r in page if r.action == "register")
    assert registration.payload is None  # a list page carries only the masked summary
    detail = audit_trail.audit_record(office.profile, office.auditor, registration.seq)
    complainant = detail.payload["intake"]["complainant"]
    assert complainant["phone"] == "138****2345"
    assert complainant["contact_id_number"] == "5323**********1956"
    assert complainant["contact_person"] == "王*" and complainant["address"] == "云南省楚雄州双柏县"
    note = audit_trail.audit_record(office.profile, office.auditor, next(r.seq for r in page if r.action == "note"))
    assert "138****2345" in note.payload["text"] and "王*" in note.payload["text"]

    xlsx = audit_export.export_audit(office.profile, office.auditor, AuditFilter(), tmp_path / "审计.xlsx")
    book = load_workbook(xlsx.path, read_only=True)
    rows = list(book.active.iter_rows(values_only=True))
    book.close()
    assert rows[0][:4] == ("时间", "类别", "操作", "结果") and len(rows) - 1 == xlsx.records == len(everything(office))
    dumped = json.dumps(rows, ensure_ascii=False, default=str)
    assert PHONE not in dumped and ID_NUMBER not in dumped and "138****2345" in dumped

    csv_path = tmp_path / "审计.csv"
    written = audit_export.export_audit(office.profile, office.auditor, AuditFilter(case_no=case_no), csv_path)
    with open(csv_path, encoding="utf-8-sig", newline="") as stream:
        lines = list(csv.reader(stream))
    assert written.records == 3 and [line[2] for line in lines[1:]] == ["备注", "转办", "登记"]
    assert PHONE not in csv_path.read_text(encoding="utf-8-sig")
    with pytest.raises(DomainError) as exists:
        audit_export.export_audit(office.profile, office.auditor, AuditFilter(), csv_path)
    assert exists.value.code == "file_exists"
    with pytest.raises(DomainError) as wrong:
        audit_export.export_audit(office.profile, office.auditor, AuditFilter(), tmp_path / "x.pdf")
    assert "只能导出为 .xlsx 或 .csv" in describe(wrong.value)


def test_a_cell_a_spreadsheet_would_run_is_written_as_text(office, tmp_path):
    case_no = with_case(office)
    act.act(office.profile, office.handler, case_no, "note", {"text": "=HYPERLINK(\"http://x\",\"点我\")"})
    path = audit_export.export_audit(office.profile, office.auditor, AuditFilter(action="note"),
                                     tmp_path / "a.xlsx").path
    book = load_workbook(path)
    cells = [c.value for row in book.active.iter_rows(min_row=2) for c in row]
    assert all(not (isinstance(v, str) and v.startswith("=")) for v in cells)
    assert not any(c.data_type == "f" for row in book.active.iter_rows() for c in row)


def test_audit_list_on_the_command_line(office, tmp_path, capsys, monkeypatch):
    with_case(office)
    with pytest.raises(DomainError):
        auth.login(office.profile, "leader", "not-the-password")
    monkeypatch.setenv("LVYUE_PASSWORD", PASSWORD)
    home = str(office.profile.files.home)
    assert cli_main(["--home", home, "audit", "list", "--user", "auditor", "--failed"]) == 0
    out = capsys.readouterr().out
    assert "登录失败" in out and "张审核（leader）" in out and "共列出 1 条" in out
    assert cli_main(["--home", home, "audit", "list", "--user", "auditor", "--json", "--action", "note"]) == 0
    listed = json.loads(capsys.readouterr().out)["records"]
    assert PHONE not in json.dumps(listed, ensure_ascii=False) and "138****2345" in listed[0]["payload"]["text"]
    target = tmp_path / "out" / "审计.xlsx"
    assert cli_main(["--home", home, "audit", "list", "--user", "auditor", "--from", date.today().isoformat(),
                     "--xlsx", str(target), "--csv", str(tmp_path / "审计.csv")]) == 0
    assert target.exists() and "已导出" in capsys.readouterr().out
    assert cli_main(["--home", home, "audit", "list", "--user", "leader"]) != 0
    assert "只有审计员" in capsys.readouterr().err
    assert cli_main(["--home", home, "audit", "list", "--user", "auditor", "--from", "2026-13-01"]) != 0
    assert "YYYY-MM-DD" in capsys.readouterr().err


def test_a_row_altered_beyond_reading_is_shown_not_fatal(office):
    import sqlite3

    case_no = with_case(office)
    office.profile.store.close()
    con = sqlite3.connect(office.profile.files.database, isolation_level=None)
    con.execute("DROP TRIGGER IF EXISTS events_append_only_update")
    seq = con.execute("SELECT seq FROM events WHERE action = 'note' ORDER BY seq DESC LIMIT 1").fetchone()[0]
    con.execute("UPDATE events SET payload = '{broken' WHERE seq = ?", (seq,))
    con.close()
    rows = everything(office, AuditFilter(case_no=case_no))
    assert [r.action_label for r in rows] == ["备注", "转办", "登记"]
    assert "内容无法读取" in rows[0].summary
    assert "内容无法读取" in audit_trail.audit_record(office.profile, office.auditor, seq).payload["问题"]


def test_a_device_prefix_matching_several_devices_pages_like_one_sorted_list(office, clock):
    """Events of two other devices (as a sync brings them), interleaved in time with this one's: a prefix
    matching both of them pages through exactly their events, newest first, ties broken by the row number."""
    from sqlalchemy import text

    for _ in range(5):
        with_case(office)
        clock.advance(minutes=7)
    with office.profile.store.engine.begin() as connection:
        for n, (device, shift) in enumerate((("ab000000-0000-7000-8000-000000000001", "+3 minutes"),
                                             ("ab000000-0000-7000-8000-000000000002", "+0 minutes"))):
            connection.execute(text(
                "INSERT INTO events (id, stream, action, payload, actor, device_id, device_seq, device_time, base,"
                " prev_hash, hash) SELECT id || :suffix, stream, action, payload, actor, :device, device_seq,"
                " strftime('%Y-%m-%dT%H:%M:%fZ', device_time, :shift), base, prev_hash, hash FROM events"
                " WHERE device_id = :own"), {"suffix": f"-{n}", "device": device, "shift": shift,
                                             "own": office.profile.device_id})
    both = AuditFilter(device="ab000000")
    with office.profile.store.engine.connect() as connection:
        expected = [row.seq for row in connection.execute(text(
            "SELECT seq FROM events WHERE device_id LIKE 'ab000000%' ORDER BY device_time DESC, seq DESC"))]
    assert len(expected) > 40
    for limit in (1, 7, 1000):
        assert [r.seq for r in everything(office, both, limit=limit)] == expected
    mine = [r.seq for r in everything(office, AuditFilter(device=office.profile.device_id[:8]))]
    assert mine and not set(mine) & set(expected)
