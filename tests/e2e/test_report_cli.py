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
    refused = cli("report", "--from", start, "--to", end, "--xlsx", str(tmp_path / "r.xlsx"))
    assert refused.returncode == 1 and "暂不支持导出 xlsx" in refused.stderr
    assert not (tmp_path / "r.xlsx").exists()
    outside = cli("report", "--from", start, "--to", end, "--region", "532301")
    assert outside.returncode == 1 and "不在本单位管辖范围内" in outside.stderr
    backwards = cli("report", "--from", end, "--to", start)
    assert backwards.returncode == 1 and "早于起始日期" in backwards.stderr
