"""A hub and a county set up as a new operator would, from the command line: ``python -m server``,
``python -m server admin``, ``python main.py enroll`` and ``python main.py sync`` with their exit codes."""

from __future__ import annotations

import json
import signal
import subprocess
import sys

import keyring
import pytest

from app.services.profile import open_profile
from tests.sync_fixtures import ROOT, FileKeyring, process_env, start_hub_process

PASSWORD = "Yang#2026zhe"
HOLIDAYS_2027 = {"years": {"2027": {
    "notice": "国办发明电〔2026〕X号（测试）",
    "holidays": [{"name": "元旦", "start": "2027-01-01", "end": "2027-01-03"},
                 {"name": "春节", "start": "2027-02-05", "end": "2027-02-13"}],
    "workdays": ["2027-02-14"],
}}}


@pytest.fixture
def env(tmp_path, monkeypatch):
    keyring_file = tmp_path / "keyring.json"
    monkeypatch.setenv("LVYUE_TEST_KEYRING_FILE", str(keyring_file))
    previous = keyring.get_keyring()
    keyring.set_keyring(FileKeyring())
    yield process_env(keyring_file, LVYUE_HUB_PASSWORD=PASSWORD, LVYUE_PASSWORD=PASSWORD)
    keyring.set_keyring(previous)


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
