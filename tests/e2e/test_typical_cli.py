"""``typical propose | show | decide | list | export | rules`` as a user runs them."""

from __future__ import annotations

import json
import zipfile
from datetime import UTC, datetime

import pytest

from app.domain.clock import china_date
from tests.e2e.test_cli import OFFICER_PW, Cli, ok
from tests.factories import intake, write_json

BODY = "双柏县财政局"


@pytest.fixture(scope="module")
def cli(tmp_path_factory):
    run = Cli(tmp_path_factory.mktemp("typical") / "profile")
    ok(run("init", "--region", "532322", "--office", "双柏县发展和改革局", "--admin", "admin", "--admin-name", "张三",
           password="Admin#2026pw"))
    ok(run("user", "add", "yang", "--name", "杨喆", "--roles", "clerk,handler,leader", "--user", "admin",
           password="Admin#2026pw", new_password=OFFICER_PW))
    return run


def _breach(cli, tmp_path, name: str, contact: str) -> str:
    data = intake(respondent=BODY, complainant=name)
    data["complainant"]["contact_person"] = contact
    case = json.loads(ok(cli("complaint", "add", "--file", str(write_json(tmp_path / f"{name}.json", data)),
                             "--user", "yang", "--json", password=OFFICER_PW)).stdout)["case_no"]
    today = china_date(datetime.now(UTC)).isoformat()
    for action, payload in [
        ("forward", {"department": "双柏县人民政府"}),
        ("conclude", {"finding": "substantiated", "explanation": "属实", "requirements": "限期兑现",
                      "rectify_due": "2099-01-01"}),
        ("refuse", {"confirmed_by": "双柏县人民政府", "confirmed_on": today, "facts": f"拒不兑现，{contact}多次催告",
                    "ground": "refused", "ground_detail": "复函拒绝"}),
    ]:
        ok(cli("complaint", "act", case, action, "--file", "-", "--user", "yang", password=OFFICER_PW,
               stdin=json.dumps(payload, ensure_ascii=False)))
    return case


def test_propose_decide_and_export(cli, tmp_path):
    first = _breach(cli, tmp_path, "双柏县恒达建筑工程有限公司", "欧阳娜娜")
    second = _breach(cli, tmp_path, "双柏县云岭茶业有限公司", "诸葛亮")
    rules = ok(cli("typical", "rules")).stdout
    assert "多次反复失信" in rules and "1,000,000" in rules
    proposed = json.loads(ok(cli("typical", "propose", "--user", "yang", "--json", password=OFFICER_PW)).stdout)
    assert {p["case_no"] for p in proposed["proposals"]} == {first, second}
    assert all(p["criteria"]["repeated_breaches"] == 2 and p["criteria"]["refused"] == 1
               for p in proposed["proposals"])
    shown = ok(cli("typical", "show", first, "--user", "yang", password=OFFICER_PW)).stdout
    assert "草稿" in shown and "明确拒绝整改" in shown
    summary = tmp_path / "summary.txt"
    summary.write_text("双柏县财政局拒不兑现扶持资金，联系人欧阳娜娜（13887012345）多次催告无果。", encoding="utf-8-sig")
    ok(cli("typical", "decide", first, "accept", "--reason", "明确拒绝整改且多次失信",
           "--summary-file", str(summary), "--user", "yang", password=OFFICER_PW))
    declined = ok(cli("typical", "decide", second, "decline", "--reason", "情节较轻",
                      "--user", "yang", password=OFFICER_PW))
    assert "不列为典型案例" in declined.stdout
    proposed = ok(cli("typical", "propose", "--user", "yang", password=OFFICER_PW)).stdout
    assert "没有符合推荐标准的案件" in proposed and "1 件已决定不列入" in proposed
    listed = json.loads(ok(cli("typical", "list", "--user", "yang", "--json", password=OFFICER_PW)).stdout)
    assert [c["case_no"] for c in listed["cases"]] == [first]
    year = china_date(datetime.now(UTC)).year
    out = json.loads(ok(cli("typical", "export", "-o", str(tmp_path / "out"), "--period", str(year),
                            "--user", "yang", "--json", password=OFFICER_PW)).stdout)
    assert out["cases"] == 1
    every = ""
    for path in out["files"]:
        if path.endswith(".xlsx"):
            with zipfile.ZipFile(path) as archive:
                every += "".join(archive.read(n).decode("utf-8") for n in archive.namelist())
        else:
            every += open(path, encoding="utf-8-sig").read()
    for clear in ("欧阳娜娜", "13887012345", "138 8701 2345", "王喆", "李明"):
        assert clear not in every
    assert "欧阳**" in every and "138****2345" in every and BODY in every


def test_bad_input_is_told_in_chinese(cli):
    bad = cli("typical", "propose", "--period", "2026-13", "--user", "yang", password=OFFICER_PW)
    assert bad.returncode != 0 and "--period" in bad.stderr
    missing = cli("typical", "decide", "532322-2026-9999", "accept", "--reason", "x", "--user", "yang",
                  password=OFFICER_PW)
    assert missing.returncode != 0 and "532322-2026-9999" in missing.stderr
