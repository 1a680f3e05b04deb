"""``duplicates check | list | dismiss | merge`` as a user runs them, on a new profile."""

from __future__ import annotations

import json

import pytest

from tests.e2e.test_cli import ADMIN_PW, OFFICER_PW, Cli, ok
from tests.factories import intake, write_json

OTHER = {"claim": {"amount": "80000", "text": "请求支付拖欠的物业服务费八万元。"},
         "description": "2025年起为县政务服务中心提供物业服务，合同约定按季度付款，已连续三个季度未付。"}


@pytest.fixture(scope="module")
def cli(tmp_path_factory) -> Cli:
    run = Cli(tmp_path_factory.mktemp("dups") / "profile")
    ok(run("init", "--region", "532322", "--office", "双柏县发展和改革局", "--admin", "admin",
           "--admin-name", "张三", password=ADMIN_PW))
    ok(run("user", "add", "yang", "--name", "杨喆", "--roles", "clerk,handler,leader", "--user", "admin",
           password=ADMIN_PW, new_password=OFFICER_PW))
    return run


def _add(cli, tmp_path, data, name):
    out = ok(cli("complaint", "add", "--file", str(write_json(tmp_path / name, data)), "--user", "yang", "--json",
                 password=OFFICER_PW)).stdout
    return json.loads(out)["case_no"]


def test_check_list_dismiss_and_merge(cli, tmp_path):
    first = _add(cli, tmp_path, intake(), "a.json")
    unrelated = _add(cli, tmp_path, intake(complainant="楚雄恒达建筑工程有限公司", respondent="双柏县住房和城乡建设局",
                                           **OTHER), "b.json")
    again = write_json(tmp_path / "again.json", intake(channel="online_petition"))
    checked = ok(cli("duplicates", "check", "--file", str(again), "--user", "yang", password=OFFICER_PW)).stdout
    assert f"可能与 {first} 等 1 件重复" in checked and "投诉人、被投诉主体相同" in checked
    data = json.loads(ok(cli("duplicates", "check", "--file", str(again), "--user", "yang", "--json",
                             password=OFFICER_PW)).stdout)
    assert [c["case_no"] for c in data["candidates"]] == [first]

    second = _add(cli, tmp_path, intake(channel="online_petition"), "c.json")
    third = _add(cli, tmp_path, intake(channel="visit"), "d.json")
    listed = json.loads(ok(cli("duplicates", "list", "--days", "7", "--user", "yang", "--json",
                               password=OFFICER_PW)).stdout)["pairs"]
    pairs = {(p["newer"]["case_no"], p["older"]["case_no"]) for p in listed}
    assert pairs == {(second, first), (third, first), (third, second)} and unrelated not in str(pairs)

    refused = cli("duplicates", "dismiss", third, second, "--reason", " ", "--user", "yang", password=OFFICER_PW)
    assert refused.returncode == 1 and "请填写理由" in refused.stderr
    ok(cli("duplicates", "dismiss", third, second, "--reason", "不同项目", "--user", "yang", password=OFFICER_PW))
    merged = ok(cli("duplicates", "merge", second, "--into", first, "--reason", "信访与热线重复",
                    "--user", "yang", password=OFFICER_PW)).stdout
    assert f"已将 {second} 合并到 {first}" in merged
    text = ok(cli("duplicates", "list", "--user", "yang", password=OFFICER_PW)).stdout
    assert third in text and first in text and second not in text and "共 1 对疑似重复" in text
    shown = json.loads(ok(cli("complaint", "show", second, "--json")).stdout)
    assert [t["action"] for t in shown["timeline"]] == ["register", "merge"]
    kept = json.loads(ok(cli("complaint", "show", first, "--json")).stdout)
    assert [t["action"] for t in kept["timeline"]] == ["register"]

    again_merge = cli("duplicates", "merge", third, "--into", second, "--user", "yang", password=OFFICER_PW)
    assert again_merge.returncode == 1 and "已办结" in again_merge.stderr
