"""``python main.py import`` as an operator runs it on a messy 12345 export."""

from __future__ import annotations

import json

import pytest
from openpyxl import load_workbook

from tests import import_files as files
from tests.e2e.test_cli import ADMIN_PW, OFFICER_PW, Cli

PRESET = "12345热线工单导出"


@pytest.fixture(scope="module")
def cli(tmp_path_factory) -> Cli:
    run = Cli(tmp_path_factory.mktemp("import-cli") / "profile")
    assert run("init", "--region", "532322", "--office", "双柏县发展和改革局", "--admin", "admin",
               password=ADMIN_PW).returncode == 0
    assert run("user", "add", "yang", "--name", "杨喆", "--roles", "clerk,handler,leader", "--user", "admin",
               password=ADMIN_PW, new_password=OFFICER_PW).returncode == 0
    return run


def test_mappings_are_listed(cli):
    done = cli("import", "mappings", "--json")
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)[0]["name"] == PRESET
    assert PRESET in cli("import", "mappings").stdout


def test_dry_run_then_import_then_reimport(cli, tmp_path):
    rows = files.hotline_rows(4, prefix="CLI")
    rows[2] = files.bad_code(rows[2])
    source = files.write_xlsx(tmp_path / "工单导出.xlsx", rows)
    dry = cli("import", str(source), "--mapping", PRESET, "--dry-run", "--user", "yang", "--json",
              password=OFFICER_PW)
    assert dry.returncode == 5, dry.stderr
    assert json.loads(dry.stdout)["counts"] == {"ok": 3, "duplicate": 0, "already_imported": 0, "error": 1}
    assert "校验位错误" in dry.stderr
    assert "0001" not in cli("complaint", "list").stdout

    rejects = tmp_path / "out" / "未导入.csv"
    done = cli("import", str(source), "--mapping", PRESET, "--rejects", str(rejects), "--user", "yang",
               password=OFFICER_PW)
    assert done.returncode == 5, done.stderr
    assert "已登记 3 件，未导入 1 行" in done.stdout and "532322-" in done.stdout
    assert "校验位错误" in rejects.read_text(encoding="utf-8-sig")
    listed = cli("complaint", "list", "--channel", "hotline_12345", "--json")
    assert json.loads(listed.stdout)["total"] == 3

    again = cli("import", str(source), "--mapping", PRESET, "--user", "yang", password=OFFICER_PW)
    assert again.returncode == 1 and "没有可导入的记录" in again.stderr and "已导入过" in again.stderr
    assert json.loads(cli("complaint", "list", "--json").stdout)["total"] == 3
    written = list(tmp_path.glob("工单导出-未导入*.xlsx"))
    assert written and load_workbook(written[0]).active.cell(2, 2).value == "已导入过"


def test_refusals_have_chinese_messages(cli, tmp_path):
    missing = cli("import", str(tmp_path / "none.xlsx"), "--mapping", PRESET, "--user", "yang", password=OFFICER_PW)
    assert missing.returncode == 1 and "找不到文件" in missing.stderr
    source = files.write_csv(tmp_path / "a.csv", files.hotline_rows(1))
    unknown = cli("import", str(source), "--mapping", "没有这个", "--user", "yang", password=OFFICER_PW)
    assert unknown.returncode == 1 and "没有名为“没有这个”的导入对应关系" in unknown.stderr
    old = tmp_path / "old.xls"
    old.write_bytes(b"\xd0\xcf\x11\xe0")
    xls = cli("import", str(old), "--mapping", PRESET, "--user", "yang", password=OFFICER_PW)
    assert xls.returncode == 1 and ".xlsx" in xls.stderr
