"""``submission ...`` as an operator runs it: a breach confirmed through the CLI goes up once, exporting
again writes the same bytes, the exported records equal ``breach list --json`` field by field, a change
goes up again, and mistakes are refused in Chinese with a non-zero exit code."""

from __future__ import annotations

import json
from datetime import UTC, datetime

import pytest

from app.domain.clock import china_date
from tests.e2e.test_cli import ADMIN_PW, OFFICER_PW, Cli, ok
from tests.factories import credit_code, intake


@pytest.fixture
def cli(tmp_path) -> Cli:
    run = Cli(tmp_path / "profile")
    ok(run("init", "--region", "532322", "--office", "双柏县发展和改革局", "--admin", "admin",
           "--admin-name", "张三", password=ADMIN_PW))
    ok(run("user", "add", "yang", "--name", "杨喆", "--roles", "clerk,handler,leader", "--user", "admin",
           password=ADMIN_PW, new_password=OFFICER_PW))
    return run


def _act(cli, case_no, action, payload):
    return ok(cli("complaint", "act", case_no, action, "--file", "-", "--user", "yang", "--json",
                  password=OFFICER_PW, stdin=json.dumps(payload, ensure_ascii=False)))


def test_submissions_through_the_cli(cli, tmp_path):
    today = china_date(datetime.now(UTC)).isoformat()
    period = today[:7]
    data = intake()
    data["respondent"]["credit_code"] = credit_code("11", "532322")
    (tmp_path / "c.json").write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    case_no = json.loads(ok(cli("complaint", "add", "--file", str(tmp_path / "c.json"), "--user", "yang", "--json",
                                password=OFFICER_PW)).stdout)["case_no"]
    _act(cli, case_no, "forward", {"department": "双柏县人民政府"})
    _act(cli, case_no, "conclude", {"finding": "substantiated", "explanation": "经核实属实",
                                    "requirements": "限期兑现", "rectify_due": "2099-01-01"})
    _act(cli, case_no, "refuse", {"confirmed_by": "双柏县人民政府", "confirmed_on": today, "facts": "拒不兑现扶持资金",
                                  "ground": "refused", "ground_detail": "复函明确表示不予兑现"})

    fields = json.loads(ok(cli("submission", "fields", "--json")).stdout)
    assert fields["version"] and fields["fields"][2]["title"] == "失信主体名称"
    assert "统一社会信用代码" in ok(cli("submission", "fields")).stdout

    out = tmp_path / "out"
    made = json.loads(ok(cli("submission", "new", "--period", period, "-o", str(out), "--user", "yang", "--json",
                             password=OFFICER_PW)).stdout)
    number = made["number"]
    assert (made["status"], made["new"], made["total"]) == ("exported", 1, 1)
    listed = ok(cli("submission", "list", "--user", "yang", password=OFFICER_PW)).stdout
    assert number in listed and "已导出（未报送）" in listed and "尚未登记已报送" in listed

    again = tmp_path / "again"
    ok(cli("submission", "export", number, "-o", str(again), "--user", "yang", password=OFFICER_PW))
    for suffix in ("json", "xlsx", "sha256"):
        assert (out / f"{number}.{suffix}").read_bytes() == (again / f"{number}.{suffix}").read_bytes()

    sent = json.loads((out / f"{number}.json").read_text(encoding="utf-8"))
    register = json.loads(ok(cli("breach", "list", "--user", "yang", "--json", password=OFFICER_PW)).stdout)
    (record,) = register["records"]
    (row,) = sent["records"]
    pairs = {"record_no": "case_no", "subject_name": "respondent_name", "subject_code": "respondent_code",
             "region_code": "region_code", "region_name": "region_name", "competent_department": "department",
             "breach_behaviour": "facts", "confirmed_by": "confirmed_by", "confirmed_on": "confirmed_on",
             "record_status": "status_label", "updated_on": "changed_on", "record_digest": "digest",
             "complainant": "complainant_name", "agreement": "agreement_title"}
    for field, attribute in pairs.items():
        assert row[field] == record[attribute], field
    assert row["amount"] == record["claim_yuan"].replace(",", "") and row["breach_situation"] == "明确拒不整改"

    ok(cli("submission", "mark-sent", number, "--on", today, "--user", "yang", password=OFFICER_PW))
    shown = ok(cli("submission", "show", number, "--user", "yang", password=OFFICER_PW)).stdout
    assert "已报送" in shown and "杨喆" in shown and case_no in shown
    refused = cli("submission", "new", "--period", period, "--user", "yang", password=OFFICER_PW)
    assert refused.returncode != 0 and "没有需要报送" in refused.stderr
    refused = cli("submission", "mark-sent", number, "--on", today, "--user", "yang", password=OFFICER_PW)
    assert refused.returncode != 0 and "不能重复登记" in refused.stderr

    _act(cli, case_no, "sanction", {"measures": ["public_criticism"], "imposed_by": "双柏县人民政府",
                                    "start_on": today})
    second = json.loads(ok(cli("submission", "new", "--period", period, "--user", "yang", "--json",
                               password=OFFICER_PW)).stdout)
    assert second["status"] == "draft" and [i["kind"] for i in second["items"]] == ["changed"]
    assert second["items"][0]["values"]["sanctions"] == "公开通报批评"
    bad = cli("submission", "new", "--period", "2026-13", "--user", "yang", password=OFFICER_PW)
    assert bad.returncode != 0 and "报送期间“2026-13”无效" in bad.stderr
