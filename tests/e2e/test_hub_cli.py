"""A hub and a county set up as a new operator would, from the command line: ``python -m server``,
``python -m server admin``, ``python main.py enroll`` and ``python main.py sync`` with their exit codes."""

from __future__ import annotations

import json
import signal
import subprocess
import sys

import pytest
from sqlalchemy import text

from app.services.profile import open_profile
from tests.sync_fixtures import ROOT, FileKeyring, file_keyring_env, start_hub_process

PASSWORD = "Yang#2026zhe"
HOLIDAYS_2027 = {"years": {"2027": {
    "notice": "国办发明电〔2026〕X号（测试）",
    "holidays": [{"name": "元旦", "start": "2027-01-01", "end": "2027-01-03"},
                 {"name": "春节", "start": "2027-02-05", "end": "2027-02-13"}],
    "workdays": ["2027-02-14"],
}}}


@pytest.fixture
def env(tmp_path, monkeypatch):
    with file_keyring_env(tmp_path, monkeypatch, LVYUE_HUB_PASSWORD=PASSWORD, LVYUE_PASSWORD=PASSWORD) as values:
        yield values


def run(env, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, *args], cwd=ROOT, env=env, capture_output=True, text=True,
                          encoding="utf-8", timeout=120)


def admin(env, data, *args: str) -> subprocess.CompletedProcess:
    result = run(env, "-m", "server", "admin", "--data", str(data), *args)
    assert result.returncode == 0, result.stderr
    return result


def test_an_operator_sets_up_a_hub_and_a_county_from_the_command_line(tmp_path, env):
    data, home = tmp_path / "hub-data", tmp_path / "shuangbai"
    hub, url = start_hub_process(data, env)
    try:
        admin(env, data, "user", "add", "yang", "--name", "杨喆", "--roles", "clerk,handler,leader",
              "--region", "532322")
        code = json.loads(admin(env, data, "--json", "code", "create", "--region", "532322",
                                "--office", "双柏县发展和改革局").stdout)["code"]
        enrolled = run(env, "main.py", "enroll", "--hub", url, "--code", code, "--home", str(home), "--name", "sb-pc")
        assert enrolled.returncode == 0, enrolled.stderr
        assert "已加入同步" in enrolled.stderr and "同步完成" in enrolled.stdout
        again = run(env, "main.py", "enroll", "--hub", url, "--code", code, "--home", str(tmp_path / "other"))
        assert again.returncode == 1 and "已被使用" in again.stderr

        added = run(env, "main.py", "complaint", "add", "--file", "docs/examples/complaint.json", "--user", "yang",
                    "--home", str(home))  # the hub's user logs in offline
        assert added.returncode == 0, added.stderr
        assert "已登记，案号 532322-" in added.stdout
        synced = run(env, "main.py", "sync", "--home", str(home))
        assert synced.returncode == 0 and "上传" in synced.stdout
        status = run(env, "main.py", "sync", "--status", "--home", str(home))
        assert "待上传记录：0 条" in status.stdout

        holidays = tmp_path / "2027.json"
        holidays.write_text(json.dumps(HOLIDAYS_2027, ensure_ascii=False), encoding="utf-8")
        admin(env, data, "holidays", "import", str(holidays))
        assert run(env, "main.py", "sync", "--home", str(home)).returncode == 0
        profile = open_profile(home, daily_backup=False)
        try:
            assert profile.calendar.is_known(2027)  # a new year's schedule reached the county
        finally:
            profile.close()
        import httpx

        assert "/v1/events" in httpx.get(f"{url}/openapi.json").json()["paths"]  # the OpenAPI document
        devices = json.loads(admin(env, data, "--json", "device", "list").stdout)
        device_id = devices[0]["id"]
    finally:
        hub.send_signal(signal.SIGTERM)
        hub.wait(timeout=20)

    offline = run(env, "main.py", "sync", "--home", str(home))
    assert offline.returncode == 4 and "无法连接中心" in offline.stderr  # Task Scheduler retries later

    hub, url = start_hub_process(data, env, port=int(url.rsplit(":", 1)[1]))
    try:
        admin(env, data, "device", "revoke", device_id)
        revoked = run(env, "main.py", "sync", "--home", str(home))
        assert revoked.returncode == 1 and "吊销" in revoked.stderr
    finally:
        hub.send_signal(signal.SIGTERM)
        hub.wait(timeout=20)


def refused(env, data, *args: str) -> str:
    result = run(env, "-m", "server", "admin", "--data", str(data), *args)
    assert result.returncode == 1, (result.stdout, result.stderr)
    assert result.stderr.startswith("错误：") and result.stderr.count("\n") == 1  # one Chinese line
    return result.stderr


def test_an_operator_manages_prefixes_and_replaces_a_device_from_the_command_line(tmp_path, env):
    data, home = tmp_path / "hub-data", tmp_path / "shuangbai"
    hub, url = start_hub_process(data, env)
    try:
        listing = admin(env, data, "prefix", "list", "--region", "532322").stdout
        assert "532322 双柏县：双发改受（受理回执）" in listing and "自动登记：开" in listing
        assert "双发改函（转办函、核实情况反馈函、催办函）" in listing
        assert "归双柏县（532322）所有" in refused(env, data, "prefix", "set", "--region", "532323",
                                               "--kind", "forward_letter", "--prefix", "双发改函")
        admin(env, data, "prefix", "assign", "--prefix", "双发改转", "--region", "532322")
        admin(env, data, "prefix", "set", "--region", "532322", "--kind", "forward_letter", "--prefix", "双发改转")
        assert "请先用 admin prefix unset" in refused(env, data, "prefix", "release", "--prefix", "双发改转")
        admin(env, data, "prefix", "auto-adopt", "off")
        data_now = json.loads(admin(env, data, "--json", "prefix", "list", "--region", "532322").stdout)
        assert data_now["regions"][0]["prefixes"]["forward_letter"] == {"prefix": "双发改转", "source": "kind"}
        assert [(o["prefix"], o["source"]) for o in data_now["owners"]] == [("双发改转", "admin")]
        assert data_now["auto_adopt"] is False
        admin(env, data, "prefix", "unset", "--region", "532322", "--kind", "forward_letter")
        admin(env, data, "prefix", "release", "--prefix", "双发改转")
        assert "没有单独指定归属" in refused(env, data, "prefix", "release", "--prefix", "双发改转")

        code = json.loads(admin(env, data, "--json", "code", "create", "--region", "532322",
                                "--office", "双柏县发展和改革局").stdout)["code"]
        assert run(env, "main.py", "enroll", "--hub", url, "--code", code, "--home", str(home),
                   "--name", "sb-pc").returncode == 0
        device_id = json.loads(admin(env, data, "--json", "device", "list").stdout)[0]["id"]
        assert "找不到设备" in refused(env, data, "code", "create", "--replace", "no-such-device")
        ordinary = json.loads(admin(env, data, "--json", "code", "create", "--region", "532322",
                                    "--office", "双柏县发展和改革局").stdout)["code"]
        again = run(env, "main.py", "enroll", "--hub", url, "--code", ordinary, "--home", str(home))
        assert again.returncode == 1 and f"admin code create --replace {device_id}" in again.stderr
        created = admin(env, data, "code", "create", "--replace", device_id).stdout
        assert "替换注册码" in created and "原来的凭据立即失效" in created
        replace = created.split("替换注册码：", 1)[1].split()[0]
        assert f"替换设备 {device_id}" in admin(env, data, "code", "list").stdout
        FileKeyring().delete_password("Lvyue sync", device_id)  # the computer lost its keyring entry
        replaced = run(env, "main.py", "enroll", "--hub", url, "--code", replace, "--home", str(home),
                       "--name", "sb-new-pc")
        assert replaced.returncode == 0, replaced.stderr
        assert f"设备编号：{device_id}" in replaced.stderr
        devices = admin(env, data, "device", "list").stdout
        assert "sb-new-pc（双柏县发展和改革局）" in devices and "已替换 1 次" in devices
        assert run(env, "main.py", "sync", "--home", str(home)).returncode == 0
    finally:
        hub.send_signal(signal.SIGTERM)
        hub.wait(timeout=20)


def test_an_operator_finds_a_suspect_event_and_quarantines_it_for_every_device(tmp_path, env):
    """An older hub let a forged record in (the actor is another county's officer): the operator lists
    suspects, quarantines it, the county's next sync stops counting it, and the security log has it."""
    from server.db import HubDatabase
    from server.settings import HubSettings
    from tests.poison import Rogue, hub_user_id, plant

    data, home = tmp_path / "hub-data", tmp_path / "shuangbai"
    hub, url = start_hub_process(data, env)
    database = None
    try:
        admin(env, data, "user", "add", "yang", "--name", "杨喆", "--roles", "clerk,handler,leader",
              "--region", "532322")
        admin(env, data, "user", "add", "li", "--name", "李娟", "--roles", "clerk,handler", "--region", "532323")
        code = json.loads(admin(env, data, "--json", "code", "create", "--region", "532322",
                                "--office", "双柏县发展和改革局").stdout)["code"]
        assert run(env, "main.py", "enroll", "--hub", url, "--code", code, "--home", str(home)).returncode == 0
        code = json.loads(admin(env, data, "--json", "code", "create", "--region", "532322",
                                "--office", "双柏县发展和改革局").stdout)["code"]
        other = tmp_path / "another-pc"  # the computer whose faulty program sent the record
        assert run(env, "main.py", "enroll", "--hub", url, "--code", code, "--home", str(other)).returncode == 0
        case_no = run(env, "main.py", "complaint", "add", "--file", "docs/examples/complaint.json", "--user", "yang",
                      "--home", str(home)).stdout.split("案号 ")[1].split()[0]
        assert run(env, "main.py", "sync", "--home", str(home)).returncode == 0
        database = HubDatabase(HubSettings(data_dir=data))
        profile = open_profile(home, daily_backup=False)
        try:
            with profile.store.read() as session:
                stream = session.execute(text("SELECT id FROM complaints")).scalar_one()
        finally:
            profile.close()
        sender = open_profile(other, daily_backup=False)
        try:
            rogue = Rogue(url, sender, actor=hub_user_id(database, "li"))
        finally:
            sender.close()
        forged = rogue.make(stream=stream, action="note", payload={"text": "已与被投诉主体协商一致，投诉人撤回投诉。"})
        plant(database, forged)

        suspects = json.loads(admin(env, data, "--json", "event", "suspects").stdout)
        assert [(s["event_id"], s["code"]) for s in suspects] == [(forged["id"], "actor_unknown")]
        assert "不是可在本设备登录的用户" in admin(env, data, "event", "suspects").stdout
        done = admin(env, data, "event", "quarantine", forged["id"], "--note", "冒用牟定县用户的记录", "--by", "州信用办")
        assert "已隔离记录" in done.stdout
        assert "已经隔离" in refused(env, data, "event", "quarantine", forged["id"], "--note", "再次")

        synced = run(env, "main.py", "sync", "--home", str(home))
        assert synced.returncode == 5 and "隔离" in synced.stdout  # done; one record does not count
        status = run(env, "main.py", "sync", "--status", "--home", str(home))
        assert f"{case_no}  备注" in status.stdout and "中心管理员已将这条记录隔离：冒用牟定县用户的记录" in status.stdout
        shown = run(env, "main.py", "complaint", "show", case_no, "--home", str(home), "--json")
        detail = json.loads(shown.stdout)
        assert detail["complaint"]["note_count"] == 0
        assert forged["id"] not in {entry["event_id"] for entry in detail["timeline"]}

        assert forged["id"] in admin(env, data, "event", "list").stdout
        admin(env, data, "event", "release", forged["id"])
        assert run(env, "main.py", "sync", "--home", str(home)).returncode == 0
        log = (data / "logs" / "security.log").read_text(encoding="utf-8")
        assert '"event": "event_quarantined"' in log and '"event": "event_released"' in log and "州信用办" in log
    finally:
        if database is not None:
            database.dispose()
        hub.send_signal(signal.SIGTERM)
        hub.wait(timeout=20)
