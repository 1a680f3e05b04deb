"""The deployment samples in docs/deploy agree with the hub: nginx lets through the largest body the hub
accepts (so the hub, not nginx, answers 413 in Chinese) and speaks TLS 1.2/1.3 only; the systemd unit
keeps its hardening and writes only the data folder; the container installs the server extra only and
checks /v1/meta. nginx -t and systemd-analyze run when they are installed."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from server.settings import HubSettings

DEPLOY = Path(__file__).resolve().parents[2] / "docs" / "deploy"


def size(value: str) -> int:
    number, unit = re.fullmatch(r"(\d+)([kmg]?)", value.lower()).groups()
    return int(number) * {"": 1, "k": 1024, "m": 1024 ** 2, "g": 1024 ** 3}[unit]


def test_nginx_lets_through_what_the_hub_accepts_over_tls_only():
    conf = (DEPLOY / "nginx-lvyue-hub.conf").read_text(encoding="utf-8")
    settings = HubSettings()
    limit = size(re.search(r"client_max_body_size\s+(\w+);", conf).group(1))
    assert limit >= max(settings.max_blob_bytes, settings.max_push_bytes)
    assert re.search(r"ssl_protocols\s+TLSv1\.2 TLSv1\.3;", conf)
    assert "return 301 https://" in conf
    assert f"server 127.0.0.1:{settings.port};" in conf
    assert int(re.search(r"proxy_read_timeout\s+(\d+)s;", conf).group(1)) >= 300
    for header in ("Host", "X-Forwarded-For", "X-Forwarded-Proto"):
        assert f"proxy_set_header {header} " in conf


def test_the_systemd_unit_is_hardened_and_writes_only_the_data_folder():
    unit = (DEPLOY / "lvyue-hub.service").read_text(encoding="utf-8")
    env = (DEPLOY / "lvyue-hub.env").read_text(encoding="utf-8")
    for line in ("User=lvyue", "EnvironmentFile=/etc/lvyue/hub.env", "NoNewPrivileges=yes", "ProtectSystem=strict",
                 "PrivateTmp=yes", "Restart=on-failure", "UMask=0077", "CapabilityBoundingSet="):
        assert re.search(rf"^{re.escape(line)}$", unit, re.M), line
    data_dir = re.search(r"^LVYUE_HUB_DATA_DIR=(\S+)$", env, re.M).group(1)
    key_file = Path(re.search(r"^LVYUE_HUB_DATA_KEY_FILE=(\S+)$", env, re.M).group(1))
    assert re.search(rf"^ReadWritePaths={re.escape(data_dir)}$", unit, re.M)
    assert Path(data_dir) not in key_file.parents  # the hub refuses a key inside its data folder
    names = {line.split("=", 1)[0].lstrip("# ") for line in env.splitlines() if "=" in line}
    known = {f"LVYUE_HUB_{name.upper()}" for name in HubSettings.model_fields}
    assert names <= known, names - known


def test_the_container_installs_the_server_extra_as_a_user_and_checks_meta():
    containerfile = (DEPLOY / "Containerfile").read_text(encoding="utf-8")
    assert re.search(r"^FROM python:3\.11-slim", containerfile, re.M)
    assert "pip install '.[server]'" in containerfile and "[desktop" not in containerfile
    assert re.search(r"^USER lvyue$", containerfile, re.M) and "HEALTHCHECK" in containerfile
    assert "/v1/meta" in containerfile.split("HEALTHCHECK", 1)[1]
    compose = (DEPLOY / "compose.yaml").read_text(encoding="utf-8")
    assert "dockerfile: docs/deploy/Containerfile" in compose and "postgresql+psycopg://" in compose


@pytest.mark.skipif(shutil.which("nginx") is None, reason="nginx not installed")
def test_nginx_accepts_the_sample(tmp_path):
    subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=t",
                    "-keyout", str(tmp_path / "privkey.pem"), "-out", str(tmp_path / "fullchain.pem")],
                   check=True, capture_output=True)
    site = (DEPLOY / "nginx-lvyue-hub.conf").read_text(encoding="utf-8")
    site = site.replace("/etc/ssl/lvyue/", f"{tmp_path}/").replace("/var/log/nginx/", f"{tmp_path}/")
    (tmp_path / "site.conf").write_text(site, encoding="utf-8")
    (tmp_path / "nginx.conf").write_text(
        f"pid {tmp_path}/nginx.pid;\nerror_log {tmp_path}/error.log;\nevents {{}}\n"
        f"http {{ access_log off; client_body_temp_path {tmp_path}/body; proxy_temp_path {tmp_path}/proxy;\n"
        f"include {tmp_path}/site.conf; }}\n", encoding="utf-8")
    result = subprocess.run(["nginx", "-t", "-c", str(tmp_path / "nginx.conf"), "-p", str(tmp_path)],
                            capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr


@pytest.mark.skipif(shutil.which("systemd-analyze") is None, reason="systemd-analyze not installed")
def test_systemd_accepts_the_unit():
    result = subprocess.run(["systemd-analyze", "verify", str(DEPLOY / "lvyue-hub.service")],
                            capture_output=True, text=True, check=False)
    problems = [line for line in (result.stderr + result.stdout).splitlines()
                if line.strip() and "is not executable" not in line]  # /srv/lvyue/app/.venv is not here
    assert not problems, problems
