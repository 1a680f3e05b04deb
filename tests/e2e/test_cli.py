"""The headless CLI as a user runs it: ``python main.py ...`` in a subprocess on a new profile."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

import pytest

from app.domain.clock import china_date
from tests.factories import corrupt, intake, write_json

ROOT = Path(__file__).resolve().parents[2]
ADMIN_PW = "Admin#2026pw"
OFFICER_PW = "Officer#2026pw"


class Cli:
    def __init__(self, home: Path) -> None:
        self.home = home

    def __call__(self, *args: str, password: str | None = None, new_password: str | None = None,
                 stdin: str | None = None) -> subprocess.CompletedProcess:
        env = {**os.environ, "LVYUE_NO_BOOTSTRAP": "1", "PYTHONIOENCODING": "utf-8"}
        env.pop("LVYUE_PASSWORD", None)
        if password:
            env["LVYUE_PASSWORD"] = password
        if new_password:
            env["LVYUE_NEW_PASSWORD"] = new_password
        return subprocess.run([sys.executable, str(ROOT / "main.py"), "--home", str(self.home), *args],
                              capture_output=True, text=True, encoding="utf-8", env=env, input=stdin, timeout=120)


@pytest.fixture(scope="module")
def cli(tmp_path_factory) -> Cli:
    run = Cli(tmp_path_factory.mktemp("cli") / "profile")
    done = run("init", "--region", "532322", "--office", "双柏县发展和改革局", "--admin", "admin",
               "--admin-name", "张三", password=ADMIN_PW)
    assert done.returncode == 0, done.stderr
    done = run("user", "add", "yang", "--name", "杨喆", "--roles", "clerk,handler,leader", "--user", "admin",
               password=ADMIN_PW, new_password=OFFICER_PW)
    assert done.returncode == 0, done.stderr
    return run


def ok(result: subprocess.CompletedProcess) -> subprocess.CompletedProcess:
    assert result.returncode == 0, result.stderr
    return result


def test_version():
    result = subprocess.run([sys.executable, str(ROOT / "main.py"), "--version"], capture_output=True, text=True,
                            env={**os.environ, "LVYUE_NO_BOOTSTRAP": "1"})
    assert result.returncode == 0 and "Lvyue" in result.stdout


def test_full_lifecycle_through_the_cli(cli, tmp_path):
    added = json.loads(ok(cli("complaint", "add", "--file", str(write_json(tmp_path / "c.json", intake())),
                              "--user", "yang", "--json", password=OFFICER_PW)).stdout)
    case_no = added["case_no"]
    today = china_date(datetime.now(UTC)).isoformat()  # what the CLI takes as today: the record's dates follow it
    steps = [
        ("forward", {"department": "双柏县人民政府"}, "forwarded"),
        ("conclude", {"finding": "substantiated", "explanation": "经核实属实", "requirements": "限期兑现扶持资金",
                      "rectify_due": "2099-01-01"}, "rectifying"),
        ("refuse", {"confirmed_by": "双柏县人民政府", "confirmed_on": today, "facts": "拒不整改",
                    "ground": "refused", "ground_detail": "被投诉主体复函明确表示不予兑现"},
         "breach_confirmed"),
        ("sanction", {"measures": ["public_criticism", "refuse_project_funds"], "imposed_by": "双柏县发展和改革局",
                      "start_on": today}, "sanctioned"),
        ("repair", {"evidence": "已兑现全部扶持资金", "fulfilled_on": today}, "repaired"),
        ("feedback", {"method": "letter", "summary": "已书面反馈处理结果"}, "repaired"),
        ("close", {"summary": "已履约，信用已修复，办结"}, "closed"),
    ]
    for action, payload, state in steps:
        result = ok(cli("complaint", "act", case_no, action, "--file", "-", "--user", "yang", "--json",
                        password=OFFICER_PW, stdin=json.dumps(payload, ensure_ascii=False)))
        assert json.loads(result.stdout)["state"] == state
    shown = ok(cli("complaint", "show", case_no, "--user", "yang", password=OFFICER_PW)).stdout
    assert "已办结" in shown and "重新办理(reopen)" in shown and "公开通报批评" in shown
    detail = json.loads(ok(cli("complaint", "show", case_no, "--json")).stdout)
    assert [t["action"] for t in detail["timeline"]] == ["register"] + [s[0] for s in steps]
    listed = json.loads(ok(cli("complaint", "list", "--search", "绿源", "--json")).stdout)
    assert case_no in [r["case_no"] for r in listed["rows"]]
    assert "审计链完整" in ok(cli("audit", "verify")).stdout


def test_a_description_over_the_limit_is_refused_in_chinese(cli, tmp_path):
    """The CLI applies the same limit as the window (app.domain.text_limits, issue 13)."""
    data = intake(description="拖欠工程款。" * 168)  # 1,008 characters; 1,000 at most
    refused = cli("complaint", "add", "--file", str(write_json(tmp_path / "long.json", data)), "--user", "yang",
                  password=OFFICER_PW)
    assert refused.returncode == 1 and "已输入 1008 字，最多 1000 字" in refused.stderr, refused.stderr


def test_bad_input_is_refused_in_chinese_and_writes_nothing(cli, tmp_path):
    db = cli.home / "lvyue.sqlite"

    def events() -> int:
        con = sqlite3.connect(db)
        try:
            return con.execute("SELECT COUNT(*) FROM events").fetchone()[0]
        finally:
            con.close()

    data = intake()
    data["complainant"]["credit_code"] = corrupt(data["complainant"]["credit_code"])
    before = events()
    bad_code = cli("complaint", "add", "--file", str(write_json(tmp_path / "bad.json", data)), "--user", "yang",
                   password=OFFICER_PW)
    assert bad_code.returncode == 1 and "校验位错误" in bad_code.stderr
    malformed = tmp_path / "malformed.json"
    malformed.write_text('{"complainant": {', encoding="utf-8")
    broken = cli("complaint", "add", "--file", str(malformed), "--user", "yang", password=OFFICER_PW)
    assert broken.returncode == 1 and "不是有效的 JSON" in broken.stderr
    gbk = tmp_path / "gbk.json"
    gbk.write_bytes(json.dumps(intake(), ensure_ascii=False).encode("gbk"))
    assert "UTF-8" in cli("complaint", "add", "--file", str(gbk), "--user", "yang", password=OFFICER_PW).stderr
    added = json.loads(ok(cli("complaint", "add", "--file", str(write_json(tmp_path / "ok.json", intake())),
                              "--user", "yang", "--json", password=OFFICER_PW)).stdout)
    before = events()
    forbidden = cli("complaint", "act", added["case_no"], "close", "--file", "-", "--user", "yang",
                    password=OFFICER_PW, stdin='{"summary": "x"}')
    assert forbidden.returncode == 1 and "当前状态“已登记”下不能进行“办结”操作" in forbidden.stderr
    wrong_password = cli("complaint", "act", added["case_no"], "note", "--file", "-", "--user", "yang",
                         password="nope", stdin='{"text": "x"}')
    assert wrong_password.returncode == 1 and "密码错误" in wrong_password.stderr
    missing = cli("complaint", "show", "532322-2026-9999")
    assert missing.returncode == 1 and "找不到" in missing.stderr
    usage = cli("complaint", "act")
    assert usage.returncode == 2 and "缺少必需的参数" in usage.stderr
    json_error = cli("complaint", "show", "nope", "--json")
    assert json.loads(json_error.stderr)["error"] == "complaint_not_found"
    # only the failed-login audit record was written by all of that
    con = sqlite3.connect(db)
    try:
        new = con.execute("SELECT action FROM events ORDER BY seq DESC LIMIT ?", (events() - before,)).fetchall()
    finally:
        con.close()
    assert {a for (a,) in new} <= {"login", "login_failed"}


def test_a_sanction_without_a_measure_is_refused_in_chinese(cli, tmp_path):
    added = json.loads(ok(cli("complaint", "add", "--file", str(write_json(tmp_path / "c.json", intake())),
                              "--user", "yang", "--json", password=OFFICER_PW)).stdout)
    today = china_date(datetime.now(UTC)).isoformat()
    for action, payload in [
        ("forward", {"department": "双柏县人民政府"}),
        ("conclude", {"finding": "substantiated", "explanation": "经核实属实", "requirements": "限期兑现",
                      "rectify_due": "2099-01-01"}),
        ("refuse", {"confirmed_by": "双柏县人民政府", "confirmed_on": today, "facts": "拒不整改",
                    "ground": "refused", "ground_detail": "复函明确表示不予兑现"}),
    ]:
        ok(cli("complaint", "act", added["case_no"], action, "--file", "-", "--user", "yang", password=OFFICER_PW,
               stdin=json.dumps(payload, ensure_ascii=False)))
    refused = cli("complaint", "act", added["case_no"], "sanction", "--file", "-", "--user", "yang",
                  password=OFFICER_PW, stdin=json.dumps({"measures": [], "imposed_by": "双柏县发展和改革局",
                                                         "start_on": today}, ensure_ascii=False))
    assert refused.returncode == 1 and "请至少选择或填写一项惩戒措施" in refused.stderr, refused.stderr
    shown = json.loads(ok(cli("complaint", "show", added["case_no"], "--json")).stdout)
    assert shown["timeline"][-1]["action"] == "refuse"


def test_tampering_is_caught_by_audit_verify_with_exit_code_3(cli, tmp_path):
    copy = Cli(tmp_path / "copy")
    ok(cli("backup", "-o", str(tmp_path / "b.sqlite")))
    ok(copy("restore", str(tmp_path / "b.sqlite")))
    con = sqlite3.connect(copy.home / "lvyue.sqlite", isolation_level=None)
    con.execute("DROP TRIGGER events_append_only_update")
    # the last row: the module's profile holds what the tests run before this one on the same worker wrote
    (row,) = con.execute("SELECT MAX(seq) FROM events").fetchone()
    con.execute("UPDATE events SET actor = 'someone-else' WHERE seq = ?", (row,))
    con.close()
    result = copy("audit", "verify")
    assert result.returncode == 3 and f"第 {row} 行：内容被修改" in result.stdout


def test_rebuild_from_the_cli(cli, tmp_path):
    # its own complaint: under xdist the other tests of this module may run on another worker's profile
    ok(cli("complaint", "add", "--file", str(write_json(tmp_path / "c.json", intake())), "--user", "yang",
           password=OFFICER_PW))
    before = ok(cli("complaint", "list", "--json")).stdout
    result = ok(cli("rebuild", "--json"))
    assert json.loads(result.stdout)["complaints"] >= 1
    assert ok(cli("complaint", "list", "--json")).stdout == before
