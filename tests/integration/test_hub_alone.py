"""The hub stands alone (issue 14): ``python -m server`` migrates a new SQLite hub, serves ``/v1/meta``
and answers ``admin --help`` in Chinese while every desktop module is unimportable
(``tests/without_desktop.py``: Qt, keyring, httpx, reportlab, ``ui``, the client's CLI, services, store …).

The layer contract ``hub-alone`` (``tests/unit/test_layers.py``) checks the imports statically; this
checks what the running hub really loads, including imports made inside functions."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time

import httpx

from tests.sync_fixtures import ROOT

RUNNER = [sys.executable, "-m", "tests.without_desktop"]


def _env(tmp_path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("LVYUE_HUB_")}
    env.update(LVYUE_NO_BOOTSTRAP="1", PYTHONPATH=str(ROOT), PYTHONIOENCODING="utf-8", HOME=str(tmp_path))
    return env


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def test_the_hook_refuses_the_desktop(tmp_path):
    """The check can fail: a module of the desktop, even one imported inside a function, is refused."""
    done = subprocess.run([*RUNNER, "app.cli", "--help"], cwd=ROOT, env=_env(tmp_path), capture_output=True,
                          text=True, encoding="utf-8", timeout=60)
    assert done.returncode != 0 and "REFUSED app.cli" in done.stderr
    script = tmp_path / "planted.py"  # the hub's parser, then a desktop import made inside a function
    script.write_text("import server.admin_cli\n\ndef later():\n    import app.store.backup\n\nlater()\n",
                      encoding="utf-8")
    done = subprocess.run([*RUNNER, "planted"], cwd=ROOT, env={**_env(tmp_path), "PYTHONPATH": os.pathsep.join(
        [str(ROOT), str(tmp_path)])}, capture_output=True, text=True, encoding="utf-8", timeout=60)
    assert done.returncode != 0 and "REFUSED app.store" in done.stderr


def test_the_admin_cli_answers_in_chinese_without_the_desktop(tmp_path):
    done = subprocess.run([*RUNNER, "server", "admin", "--help"], cwd=ROOT, env=_env(tmp_path),
                          capture_output=True, text=True, encoding="utf-8", timeout=60)
    assert done.returncode == 0, done.stderr
    assert "REFUSED" not in done.stderr
    assert done.stdout.startswith("用法：python -m server admin") and "显示本帮助并退出" in done.stdout
    wrong = subprocess.run([*RUNNER, "server", "--port", "x"], cwd=ROOT, env=_env(tmp_path), capture_output=True,
                           text=True, encoding="utf-8", timeout=60)
    assert wrong.returncode == 2 and "错误：参数 --port 应为整数" in wrong.stderr and "REFUSED" not in wrong.stderr


def test_the_hub_migrates_and_serves_without_the_desktop(tmp_path):
    port, data = _free_port(), tmp_path / "hub-data"
    log_path = tmp_path / "hub.log"
    with open(log_path, "wb") as log:  # a file, not a pipe: a full pipe would stall the hub
        hub = subprocess.Popen([*RUNNER, "server", "--data", str(data), "--port", str(port)], cwd=ROOT,
                               env=_env(tmp_path), stdout=log, stderr=log)
    try:
        meta, deadline = None, time.monotonic() + 60
        while meta is None and time.monotonic() < deadline and hub.poll() is None:
            try:
                answer = httpx.get(f"http://127.0.0.1:{port}/v1/meta", timeout=2)
                meta = answer.json() if answer.status_code == 200 else None
            except httpx.TransportError:
                time.sleep(0.2)
        text = log_path.read_text(encoding="utf-8", errors="replace")
        assert meta is not None, text
        assert meta["protocol_version"] >= 1 and meta["hub_version"]
        assert (data / "hub.sqlite").exists()
        assert "REFUSED" not in text and "履约汇聚中心已启动" in text
    finally:
        hub.terminate()
        try:
            hub.wait(timeout=20)
        except subprocess.TimeoutExpired:
            hub.kill()
            hub.wait(timeout=20)
