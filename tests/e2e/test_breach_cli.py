"""``breach list --xlsx`` as a user runs it: the workbook read back holds, record by record and in the
same order, what ``breach list --json`` says (the issue's check: a register exported and read against
the CLI's own records)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from openpyxl import load_workbook

from app.reports.register_workbook import header

ROOT = Path(__file__).resolve().parents[2]


def run(home: Path, *args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "LVYUE_NO_BOOTSTRAP": "1", "PYTHONIOENCODING": "utf-8", "LVYUE_PASSWORD": "Demo#2026"}
    return subprocess.run([sys.executable, str(ROOT / "main.py"), *args, "--home", str(home)], capture_output=True,
                          text=True, encoding="utf-8", env=env, timeout=300)


@pytest.fixture(scope="module")
def demo(tmp_path_factory) -> Path:
    home = tmp_path_factory.mktemp("breach") / "demo"
    done = run(home, "demo", "--complaints", "400")
    assert done.returncode == 0, done.stderr
    return home


def read_back(path: Path) -> list[dict]:
    sheet = load_workbook(path, read_only=True).active
    rows = list(sheet.iter_rows(values_only=True))
    assert list(rows[0]) == header()
    return [dict(zip(rows[0], row, strict=True)) for row in rows[1:]]


def test_the_exported_register_reads_back_as_the_cli_lists_it(demo, tmp_path):
    target = tmp_path / "台账.xlsx"
    done = run(demo, "breach", "list", "--user", "admin", "--xlsx", str(target), "--json")
    assert done.returncode == 0, done.stderr
    listed = json.loads(run(demo, "breach", "list", "--user", "admin", "--limit", "0", "--json").stdout)
    assert json.loads(done.stdout)["records"] == listed["total"] == len(listed["records"]) > 10
    rows = read_back(target)
    assert len(rows) == len(listed["records"])
    for row, r in zip(rows, listed["records"], strict=True):
        assert (row["案号"], row["投诉编号"], row["失信主体"], row["统一社会信用代码"], row["地区代码"], row["地区"],
                row["主管部门"], row["认定部门"], row["认定日期"], row["失信事实"], row["状态"], row["修复日期"],
                row["记录摘要（SHA-256）"], row["惩戒次数"]) == (
            r["case_no"], r["complaint_id"], r["respondent_name"], r["respondent_code"], r["region_code"],
            r["region_name"], r["department"], r["confirmed_by"], r["confirmed_on"], r["facts"], r["status_label"],
            r["repaired_on"], r["digest"], len(r["sanctions"]))
        cents = None if row["诉求金额（元）"] is None else round(row["诉求金额（元）"] * 100)
        assert cents == r["claim_cents"]
        lines = (row["惩戒措施（每项一行）"] or "").splitlines()
        assert len(lines) == len(r["sanctions"])
        for line, s in zip(lines, r["sanctions"], strict=True):
            assert s["imposed_by"] in line and s["start_on"] in line and s["status_label"] in line
            assert all(m in line for m in s["measures"])
    assert any(r["sanctions"] for r in listed["records"]), "the demo has sanctioned records to compare"


def test_an_existing_file_is_kept_unless_forced(demo, tmp_path):
    target = tmp_path / "台账.xlsx"
    target.write_bytes(b"old")
    refused = run(demo, "breach", "list", "--user", "admin", "--status", "repaired", "--xlsx", str(target))
    assert refused.returncode != 0 and "文件已存在" in refused.stderr and target.read_bytes() == b"old"
    done = run(demo, "breach", "list", "--user", "admin", "--status", "repaired", "--xlsx", str(target), "--force")
    assert done.returncode == 0, done.stderr
    assert {row["状态"] for row in read_back(target)} == {"已修复"}
