"""``python -m server trial``: one command creates a PostgreSQL database, migrates it, adds the first
users and an enrolment code and serves; a device enrols with the printed code and the printed password
logs in. Run against a fresh database ``lvyue_trial_<random>`` on the test server, dropped afterwards."""

from __future__ import annotations

import re
import socket
import subprocess
import sys
import time
import uuid

import httpx
import pytest

from tests.sync_fixtures import ROOT, process_env

pytest_plugins = ("tests.sync_fixtures",)  # pg_dsn, memory_keyring

pytestmark = pytest.mark.postgres


def free_port() -> int:
    probe = socket.socket()
    probe.bind(("127.0.0.1", 0))
    port = probe.getsockname()[1]
    probe.close()
    return port


def server_dsn(dsn: str) -> str:
    return dsn.replace("postgresql+psycopg://", "postgresql://").split("?")[0].rsplit("/", 1)[0] + "/postgres"


def test_one_command_starts_a_trial_hub_on_a_new_postgres_database(pg_dsn, tmp_path, memory_keyring):
    import psycopg

    from app.services import auth, sync
    from app.services.profile import open_profile
    from server.settings import HubSettings
    from server.trial import setup_trial

    name = f"lvyue_trial_{uuid.uuid4().hex[:10]}"
    url = pg_dsn.split("?")[0].rsplit("/", 1)[0] + f"/{name}"
    port = free_port()
    out = tmp_path / "trial.out"
    with open(out, "wb") as log:  # a file, not a pipe: a full pipe would stall the hub
        proc = subprocess.Popen([sys.executable, "-m", "server", "trial", "--db", url, "--data",
                                 str(tmp_path / "hub-data"), "--port", str(port)], cwd=ROOT,
                                env=process_env(tmp_path / "keyring.json"), stdout=log, stderr=subprocess.STDOUT)
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                if httpx.get(f"http://127.0.0.1:{port}/v1/meta", timeout=1).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            assert proc.poll() is None and time.monotonic() < deadline, out.read_text(encoding="utf-8")
            time.sleep(0.2)
        printed = out.read_text(encoding="utf-8")
        assert "（已新建）" in printed and "postgres@" in printed
        passwords = dict(re.findall(r"首批用户：(\w+)（[^）]*），一次性密码 (\S+)", printed))
        assert set(passwords) == {"admin", "officer"}
        code = re.search(r"设备注册码（[^）]*）：(\S+)", printed).group(1)

        sync.enroll(tmp_path / "pc", f"http://127.0.0.1:{port}", code, "试用电脑")
        profile = open_profile(tmp_path / "pc")
        sync.sync_now(profile)
        assert auth.login(profile, "officer", passwords["officer"]).username == "officer"
    finally:
        proc.terminate()
        proc.wait(timeout=30)
    try:  # once more: the database and the users are there already
        again = setup_trial(HubSettings(db=url, data_dir=tmp_path / "hub-data"), "532300", "试运行单位")
        assert not again.database_created and again.passwords == {} and again.code
    finally:
        with psycopg.connect(server_dsn(pg_dsn), autocommit=True) as con:
            con.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
