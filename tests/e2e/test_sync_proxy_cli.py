"""``main.py enroll --proxy`` / ``sync --proxy`` / ``sync --status`` and the route line of ``sync``, in
subprocesses against a hub process, through a real counting proxy (tests/counting_proxy.py)."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from tests.counting_proxy import CountingProxy
from tests.sync_fixtures import ROOT, file_keyring_env, start_hub_process

PASSWORD = "Yang#2026zhe"


@pytest.fixture
def env(tmp_path, monkeypatch):
    with file_keyring_env(tmp_path, monkeypatch, proxies=False, LVYUE_HUB_PASSWORD=PASSWORD,
                          LVYUE_PASSWORD=PASSWORD) as values:
        yield values


def run(env, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, *args], cwd=ROOT, env=env, capture_output=True, text=True,
                          encoding="utf-8", timeout=120)


def test_the_proxy_is_set_shown_and_used_from_the_command_line(tmp_path, env):
    data, home = tmp_path / "hub-data", tmp_path / "shuangbai"
    hub, url = start_hub_process(data, env)
    try:
        made = run(env, "-m", "server", "admin", "--data", str(data), "--json", "code", "create", "--region",
                   "532322", "--office", "双柏县发展和改革局")
        code = json.loads(made.stdout)["code"]
        with CountingProxy() as proxy:
            enrolled = run(env, "main.py", "enroll", "--hub", url, "--code", code, "--home", str(home),
                           "--proxy", proxy.address)
            assert enrolled.returncode == 0, enrolled.stderr
            assert f"连接方式：经代理 {proxy.url}（本档案设置）" in enrolled.stderr
            through = proxy.requests["GET"] + proxy.requests["POST"]
            assert through >= 3  # meta, enrol, reference, the first sync

            status = run(env, "main.py", "sync", "--status", "--home", str(home))
            assert f"连接方式：经代理 {proxy.url}（本档案设置）" in status.stdout

            direct = run(env, "main.py", "sync", "--proxy", "直连", "--home", str(home))
            assert direct.returncode == 0, direct.stderr
            assert "已保存同步代理设置：直连" in direct.stdout and "连接方式：直连（本档案设置）" in direct.stdout
            assert run(env, "main.py", "sync", "--home", str(home)).returncode == 0
            assert proxy.requests["GET"] + proxy.requests["POST"] == through  # nothing more through the proxy

            wrong = run(env, "main.py", "sync", "--proxy", "socks5://10.1.1.1:1080", "--home", str(home))
            assert wrong.returncode == 1 and "同步代理设置无效" in wrong.stderr and "Traceback" not in wrong.stderr

            assert run(env, "main.py", "sync", "--proxy", "系统设置", "--home", str(home)).returncode == 0
            via_env = run({**env, "HTTP_PROXY": proxy.url, "NO_PROXY": "example.com"}, "main.py", "sync",
                          "--home", str(home))
            assert via_env.returncode == 0, via_env.stderr
            assert f"连接方式：经代理 {proxy.url}（环境变量）" in via_env.stderr
            assert proxy.requests["GET"] + proxy.requests["POST"] > through
            bypassed = run({**env, "HTTP_PROXY": proxy.url, "NO_PROXY": "127.0.0.1"}, "main.py", "sync",
                           "--home", str(home))
            assert "连接方式：直连（环境变量）" in bypassed.stderr
    finally:
        hub.terminate()
        hub.wait(timeout=30)
