"""``credit check | checks | reprint`` on the command line: a body with a breach in force, one without,
the history with the record numbers, a byte-identical reprint, refusals in Chinese."""

from __future__ import annotations

import json
from datetime import UTC, datetime

import pytest
from pypdf import PdfReader

from app.domain.clock import china_date
from tests.e2e.test_cli import ADMIN_PW, OFFICER_PW, Cli, ok
from tests.factories import intake, write_json

BODY = "双柏县林业和草原局"


@pytest.fixture(scope="module")
def credit_cli(tmp_path_factory) -> Cli:
    run = Cli(tmp_path_factory.mktemp("credit") / "profile")
    ok(run("init", "--region", "532322", "--office", "双柏县发展和改革局", "--admin", "admin", "--admin-name", "张三",
           password=ADMIN_PW))
    ok(run("user", "add", "yang", "--name", "杨喆", "--roles", "clerk,handler,leader", "--user", "admin",
           password=ADMIN_PW, new_password=OFFICER_PW))
    folder = tmp_path_factory.mktemp("credit-input")
    case_no = json.loads(ok(run("complaint", "add", "--file", str(write_json(folder / "c.json", intake(respondent=BODY))),
                                "--user", "yang", "--json", password=OFFICER_PW)).stdout)["case_no"]
    today = china_date(datetime.now(UTC)).isoformat()
    for action, payload in [
        ("forward", {"department": "双柏县人民政府"}),
        ("conclude", {"finding": "substantiated", "explanation": "属实", "requirements": "兑现", "rectify_due": "2099-01-01"}),
        ("refuse", {"confirmed_by": "双柏县人民政府", "confirmed_on": today, "facts": "拒不兑现", "ground": "refused",
                    "ground_detail": "复函表示不予兑现"}),
        ("sanction", {"measures": ["refuse_project_funds"], "imposed_by": "双柏县发展和改革局", "start_on": today}),
    ]:
        ok(run("complaint", "act", case_no, action, "--file", "-", "--user", "yang", password=OFFICER_PW,
               stdin=json.dumps(payload, ensure_ascii=False)))
    run.case_no = case_no
    return run


def test_check_issue_history_and_reprint(credit_cli: Cli, tmp_path):
    cli = credit_cli
    year = china_date(datetime.now(UTC)).year
    looked = json.loads(ok(cli("credit", "check", "sbxlyhcyj", "--user", "yang", "--json", password=OFFICER_PW)).stdout)
    assert (looked["body_name"], looked["verdict"], looked["number"]) == (BODY, "in_force", None)
    assert [r["case_no"] for r in looked["records"]] == [cli.case_no]

    pdf = tmp_path / "核查.pdf"
    issued = ok(cli("credit", "check", BODY, "-o", str(pdf), "--for", "双柏县财政局", "--user", "yang",
                    password=OFFICER_PW)).stdout
    assert f"双发改信核〔{year}〕1号" in issued and "有在效失信记录" in issued
    text = "".join(page.extract_text() for page in PdfReader(pdf).pages).replace("\n", "")
    assert "信用核查结果告知单" in text and cli.case_no in text and "不受理" in text

    clean = json.loads(ok(cli("credit", "check", "双柏县审计局", "-o", str(tmp_path / "clean.pdf"), "--user", "yang",
                              "--json", password=OFFICER_PW)).stdout)
    assert (clean["verdict"], clean["records"], clean["number"]) == ("none", [], f"双发改信核〔{year}〕2号")

    history = json.loads(ok(cli("credit", "checks", "--user", "yang", "--json", password=OFFICER_PW)).stdout)["checks"]
    assert [h["number"] for h in history] == [f"双发改信核〔{year}〕2号", f"双发改信核〔{year}〕1号"]
    assert history[1]["case_nos"] == [cli.case_no] and len(history[1]["record_nums"]) == 1
    assert history[1]["requester"] == "双柏县财政局" and history[0]["record_nums"] == []
    assert "未发现失信记录" in ok(cli("credit", "checks", "--user", "yang", password=OFFICER_PW)).stdout

    again = tmp_path / "again.pdf"
    ok(cli("credit", "reprint", f"双发改信核〔{year}〕1号", "-o", str(again), "--user", "yang", password=OFFICER_PW))
    assert again.read_bytes() == pdf.read_bytes()


def test_refusals_are_in_chinese(credit_cli: Cli, tmp_path):
    cli = credit_cli
    unknown = cli("credit", "check", "qqqzzz", "--user", "yang", password=OFFICER_PW)
    assert unknown.returncode == 1 and "没有找到" in unknown.stderr
    missing = cli("credit", "reprint", "双发改信核〔2000〕9号", "-o", str(tmp_path / "x.pdf"), "--user", "yang",
                  password=OFFICER_PW)
    assert missing.returncode == 1 and "没有编号为" in missing.stderr and not (tmp_path / "x.pdf").exists()
    no_user = cli("credit", "checks")
    assert no_user.returncode != 0
