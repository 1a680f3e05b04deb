"""``python main.py document ...`` as a user runs it: issue, list, reprint and settings in a subprocess."""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from pypdf import PdfReader

from app.cli.arguments import COMMANDS
from tests.document_cases import CONCLUDE, FORWARD, complaint_intake
from tests.factories import write_json

ROOT = Path(__file__).resolve().parents[2]
ADMIN_PW = "Admin#2026pw"
OFFICER_PW = "Officer#2026pw"
# Until ``app/cli/arguments.py`` registers the command, run the CLI with it registered on the fly.
SHIM = """
import argparse, sys
sys.path.insert(0, sys.argv.pop(1))
from app.cli import arguments, document_commands
import app.cli as cli
original = arguments.build_parser
def build():
    parser = original()
    sub = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    document_commands.register(sub, arguments._common(argparse.SUPPRESS))
    return parser
cli.build_parser = build
sys.exit(cli.main(sys.argv[1:]))
"""


class Cli:
    def __init__(self, home: Path) -> None:
        self.home = home

    def __call__(self, *args: str, password: str | None = None, stdin: str | None = None,
                 new_password: str | None = None) -> subprocess.CompletedProcess:
        env = {**os.environ, "LVYUE_NO_BOOTSTRAP": "1", "PYTHONIOENCODING": "utf-8"}
        env.pop("LVYUE_PASSWORD", None)
        if password:
            env["LVYUE_PASSWORD"] = password
        if new_password:
            env["LVYUE_NEW_PASSWORD"] = new_password
        program = [str(ROOT / "main.py")] if "document" in COMMANDS or args[0] != "document" else ["-c", SHIM, str(ROOT)]
        return subprocess.run([sys.executable, *program, "--home", str(self.home), *args], capture_output=True,
                              text=True, encoding="utf-8", env=env, input=stdin, timeout=120)


def ok(result: subprocess.CompletedProcess) -> subprocess.CompletedProcess:
    assert result.returncode == 0, result.stderr
    return result


@pytest.fixture(scope="module")
def cli(tmp_path_factory) -> Cli:
    run = Cli(tmp_path_factory.mktemp("document-cli") / "profile")
    ok(run("init", "--region", "532322", "--office", "双柏县发展和改革局", "--admin", "admin", "--admin-name", "张三",
           password=ADMIN_PW))
    ok(run("user", "add", "yang", "--name", "杨喆", "--roles", "clerk,handler,leader", "--user", "admin",
           password=ADMIN_PW, new_password=OFFICER_PW))
    return run


def test_issue_list_reprint_through_the_cli(cli, tmp_path):
    added = json.loads(ok(cli("complaint", "add", "--file", str(write_json(tmp_path / "c.json", complaint_intake())),
                              "--user", "yang", "--json", password=OFFICER_PW)).stdout)
    case_no = added["case_no"]
    for action, payload in (("forward", FORWARD), ("conclude", {**CONCLUDE["substantiated"], "rectify_due": "2099-01-01"})):
        ok(cli("complaint", "act", case_no, action, "--file", "-", "--user", "yang", password=OFFICER_PW,
               stdin=json.dumps(payload, ensure_ascii=False)))
    kinds = ok(cli("document", "kinds", case_no, "--user", "yang", password=OFFICER_PW)).stdout
    assert "rectification_notice  整改督促通知书" in kinds and "feedback_letter" not in kinds

    target = tmp_path / "通知.pdf"
    # issue 9: a document states the office contact; without it issuing is refused, in Chinese, numberless
    missing = cli("document", "issue", case_no, "rectification_notice", "-o", str(target), "--user", "yang",
                  "--json", password=OFFICER_PW)
    assert missing.returncode != 0 and "office_contact_missing" in missing.stdout + missing.stderr
    assert "联系电话" in missing.stdout + missing.stderr and not target.exists()
    ok(cli("document", "settings", "--set", "contact_person=王颖", "--set", "contact_phone=08787721234",
           "--user", "admin", password=ADMIN_PW))
    issued = json.loads(ok(cli("document", "issue", case_no, "rectification_notice", "-o", str(target), "--user",
                               "yang", "--json", password=OFFICER_PW)).stdout)
    assert issued["number"].startswith("双发改督〔") and issued["number"].endswith("〕1号")
    pdf = target.read_bytes()
    assert hashlib.sha256(pdf).hexdigest() == issued["sha256"] and len(PdfReader(target).pages) == issued["pages"]
    text = "".join(page.extract_text() for page in PdfReader(target).pages)
    assert case_no in text and "双柏县农业农村局" in text

    human = ok(cli("document", "issue", case_no, "receipt", "-o", str(tmp_path / "回执.pdf"), "--user", "yang",
                   password=OFFICER_PW)).stdout
    assert "已开具 双发改受〔" in human and case_no in human

    listed = ok(cli("document", "list", "--search", "双发改督")).stdout
    assert issued["number"] in listed and "整改督促通知书" in listed and "共 1 件" in listed
    rows = json.loads(ok(cli("document", "list", "--case", case_no, "--json")).stdout)
    assert rows["total"] == 2

    again = tmp_path / "重印.pdf"
    ok(cli("document", "reprint", issued["event_id"], "-o", str(again)))
    assert again.read_bytes() == pdf
    ok(cli("document", "reprint", issued["number"], "-o", str(again), "--force"))
    assert again.read_bytes() == pdf
    in_the_way = tmp_path / "文件夹.pdf"  # a folder where the PDF should go (on Windows, like a PDF open in WPS)
    in_the_way.mkdir()
    refused = cli("document", "reprint", issued["number"], "-o", str(in_the_way), "--force")
    assert refused.returncode == 1
    assert "是一个文件夹" in refused.stderr and "另存为其他文件名" in refused.stderr and "Traceback" not in refused.stderr
    assert list(in_the_way.iterdir()) == [] and not list(tmp_path.glob(".lvyue-*"))


def test_refusals_are_chinese_and_take_no_number(cli, tmp_path):
    added = json.loads(ok(cli("complaint", "add", "--file", str(write_json(tmp_path / "c.json", complaint_intake())),
                              "--user", "yang", "--json", password=OFFICER_PW)).stdout)
    db = cli.home / "lvyue.sqlite"

    def document_events() -> int:
        con = sqlite3.connect(db)
        try:
            return con.execute("SELECT COUNT(*) FROM events WHERE action = 'issue_document'").fetchone()[0]
        finally:
            con.close()

    before = document_events()
    refused = cli("document", "issue", added["case_no"], "breach_determination", "-o", str(tmp_path / "x.pdf"),
                  "--user", "yang", password=OFFICER_PW)
    assert refused.returncode == 1 and "不能开具违约失信确认通知" in refused.stderr
    assert not (tmp_path / "x.pdf").exists()
    (tmp_path / "exists.pdf").write_bytes(b"keep")
    kept = cli("document", "issue", added["case_no"], "receipt", "-o", str(tmp_path / "exists.pdf"), "--user", "yang",
               password=OFFICER_PW)
    assert kept.returncode == 1 and "文件已存在" in kept.stderr and (tmp_path / "exists.pdf").read_bytes() == b"keep"
    unknown = cli("document", "issue", added["case_no"], "briefing", "-o", str(tmp_path / "y.pdf"), "--user", "yang",
                  password=OFFICER_PW)
    assert unknown.returncode == 2
    missing = cli("document", "reprint", "双发改函〔2026〕999号", "-o", str(tmp_path / "z.pdf"))
    assert missing.returncode == 1 and "找不到该文书记录" in missing.stderr
    assert document_events() == before


def test_settings_are_shown_and_changed(cli):
    shown = ok(cli("document", "settings")).stdout
    assert "issuer: 双柏县发展和改革局" in shown and "转办函（forward_letter）：文号前缀 双发改函" in shown
    changed = ok(cli("document", "settings", "--set", "contact_person=王颖", "--set", "contact_phone=08787721234",
                     "--set", "copy_to.breach_determination=双柏县人民政府、双柏县财政局", "--user", "yang",
                     password=OFFICER_PW)).stdout
    assert "contact_phone: 0878-7721234" in changed and "抄送 双柏县人民政府、双柏县财政局" in changed
    bad = cli("document", "settings", "--set", "prefixes.receipt=双发改[1]", "--user", "yang", password=OFFICER_PW)
    assert bad.returncode == 1 and "发文字号前缀只能是汉字" in bad.stderr
