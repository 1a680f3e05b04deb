"""``python main.py remind list | issue`` in process, on a profile whose clock the test sets (the
subprocess CLI tests run on the real date, when nothing made here would be overdue)."""

from __future__ import annotations

import json

import pytest
from pypdf import PdfReader

import app.cli as cli
from app.cli import session
from app.services.profile import open_profile
from tests.document_cases import complaint_in
from tests.factories import PASSWORD, china_noon


@pytest.fixture
def run(office, monkeypatch, capsys):
    forwarded = complaint_in(office, "forwarded")
    rectifying = complaint_in(office, "rectifying")
    office.clock.now = china_noon(2026, 12, 16)
    monkeypatch.setattr(session, "open_profile", lambda home: open_profile(home, clock=office.clock))
    monkeypatch.setenv("LVYUE_PASSWORD", PASSWORD)
    home = str(office.profile.files.home)

    def call(*args: str) -> tuple[int, str, str]:
        code = cli.main(["--home", home, *args])
        out, err = capsys.readouterr()
        return code, out, err

    call.cases = (forwarded, rectifying)
    return call


def test_list_groups_the_overdue_steps_by_department(run):
    code, out, _ = run("remind", "list", "--user", "handler")
    assert code == 0
    assert "双柏县  双柏县人民政府（1 件，最多超期 16 个工作日）" in out and "共 2 项超期未办" in out
    code, out, _ = run("remind", "list", "--department", "农业农村", "--json", "--user", "handler")
    data = json.loads(out)
    assert data["total"] == 1 and data["groups"][0]["responsible"] == "双柏县农业农村局"


def test_issue_all_overdue_merges_one_pdf_and_a_failed_case_gives_exit_code_1(run, tmp_path):
    pdf = tmp_path / "批量催办.pdf"
    code, out, _ = run("remind", "issue", "--kind", "urge_letter", "--all-overdue", "--pdf", str(pdf),
                       "--user", "handler")
    assert code == 0 and "共开具催办函 2 件，未开具 0 件" in out
    assert len(PdfReader(pdf).pages) >= 2
    code, out, _ = run("remind", "issue", "--kind", "urge_letter", run.cases[0], "532322-2026-0999",
                       "--user", "handler")
    assert code == 1
    assert "已开具 双发改函〔2026〕3号" in out and "未开具 532322-2026-0999：找不到该投诉案件" in out
    code, out, _ = run("remind", "list", "--json", "--user", "handler")
    urged = {i["case_no"]: i["urged"] for g in json.loads(out)["groups"] for i in g["items"]}
    assert urged == {run.cases[0]: 2, run.cases[1]: 1}


@pytest.mark.parametrize(("args", "message"), [
    (("--kind", "supervision_notice", "--all-overdue"), "没有可开具督办通知的超期事项"),
    (("532322-2026-0001",), "请用 --kind 选择文书"),
    (("--kind", "urge_letter"), "没有选择要开具的案件"),
    (("--kind", "urge_letter", "--all-overdue", "532322-2026-0001"), "给出案号时不能同时使用 --all-overdue"),
])
def test_bad_requests_are_answered_in_chinese(run, args, message):
    code, out, err = run("remind", "issue", *args, "--user", "handler")
    assert message in out + err
    assert code == (0 if "没有可开具" in message else 1)


def test_a_clerk_may_not_issue_reminders_and_nothing_is_issued(run):
    code, out, err = run("remind", "issue", "--kind", "urge_letter", "--all-overdue", "--user", "clerk")
    assert code == 1
    assert "您的角色无权进行" in err and "共开具" not in out
    code, out, _ = run("remind", "list", "--json", "--user", "handler")
    assert {i["urged"] for g in json.loads(out)["groups"] for i in g["items"]} == {0}
