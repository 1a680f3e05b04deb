"""``report`` on the command line: the figures as JSON and text, refusals with a Chinese message."""

from __future__ import annotations

import json
from datetime import date

from tests.e2e.test_cli import OFFICER_PW, Cli, cli, ok  # noqa: F401  (the module's profile fixture)
from tests.factories import intake, write_json


def test_report_json_text_and_refusals(cli: Cli, tmp_path):  # noqa: F811
    today = date.today()
    ok(cli("complaint", "add", "--file", str(write_json(tmp_path / "c.json", intake())), "--user", "yang",
           password=OFFICER_PW))
    start, end = f"{today.year}-01-01", f"{today.year}-12-31"
    data = json.loads(ok(cli("report", "--from", start, "--to", end, "--json")).stdout)
    assert data["received"] >= 1 and data["region_code"] == "532322"
    assert {t["stage"] for t in data["timeliness"]} == {"forward", "conclude", "rectify", "feedback"}
    assert data["substantiated"]["rate"] is None or 0 <= data["substantiated"]["rate"] <= 1
    text = ok(cli("report", "--from", start, "--to", end)).stdout
    assert "受理投诉" in text and "按时转办率" in text
    outside = cli("report", "--from", start, "--to", end, "--region", "532301")
    assert outside.returncode == 1 and "不在本单位管辖范围内" in outside.stderr
    backwards = cli("report", "--from", end, "--to", start)
    assert backwards.returncode == 1 and "早于起始日期" in backwards.stderr


def test_report_writes_the_workbook_the_briefing_and_csv(cli: Cli, tmp_path):  # noqa: F811
    from openpyxl import load_workbook
    from pypdf import PdfReader

    today = date.today()
    start, end = f"{today.year}-01-01", f"{today.year}-12-31"
    ok(cli("complaint", "add", "--file", str(write_json(tmp_path / "c.json", intake())), "--user", "yang",
           password=OFFICER_PW))
    xlsx, pdf, folder = tmp_path / "out" / "报表.xlsx", tmp_path / "out" / "通报.pdf", tmp_path / "csv"
    done = ok(cli("report", "--from", start, "--to", end, "--xlsx", str(xlsx), "--pdf", str(pdf), "--csv", str(folder)))
    assert "已生成" in done.stdout and "草稿，未编号" in done.stdout
    assert load_workbook(xlsx).sheetnames[:2] == ["汇总", "分县市"]
    assert (folder / "分部门.csv").read_bytes().startswith("\ufeff".encode())
    assert "（预览）" in PdfReader(pdf).pages[0].extract_text()
    again = cli("report", "--from", start, "--to", end, "--xlsx", str(xlsx))
    assert again.returncode == 1 and "文件已存在" in again.stderr
    not_a_leader = cli("report", "--from", start, "--to", end, "--pdf", str(tmp_path / "b.pdf"), "--issue")
    assert not_a_leader.returncode == 1 and "无权" in not_a_leader.stderr and not (tmp_path / "b.pdf").exists()
    issued = json.loads(ok(cli("report", "--from", start, "--to", end, "--pdf", str(pdf), "--issue", "--force",
                               "--user", "yang", "--json", password=OFFICER_PW)).stdout)
    assert issued["files"][0]["number"] == f"双发改通〔{today.year}〕1号"
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o500)
    try:
        refused = cli("report", "--from", start, "--to", end, "--xlsx", str(locked / "r.xlsx"))
        if refused.returncode == 1:  # root writes anywhere; anyone else is refused in Chinese
            assert "无法写入" in refused.stderr or "占用" in refused.stderr
    finally:
        locked.chmod(0o700)
    wrong = cli("report", "--from", "2026-13-01", "--to", end, "--xlsx", str(tmp_path / "x.xlsx"))
    assert wrong.returncode == 1 and "YYYY-MM-DD" in wrong.stderr and not (tmp_path / "x.xlsx").exists()
