"""docs/install-guide.md (安装指南) says what the installer script and the program really do: the same
switches, the same task name, the same data folder."""

from __future__ import annotations

import re
from pathlib import Path

from app.services.profile import default_home

ROOT = Path(__file__).resolve().parents[2]
GUIDE = (ROOT / "docs" / "install-guide.md").read_text(encoding="utf-8")
SCRIPT = (ROOT / "installer" / "lvyue-setup.nsi").read_text(encoding="utf-8")


def test_every_switch_of_the_script_is_documented_and_no_other():
    handled = set(re.findall(r'\$\{GetOptions\} \$R0 "(/[A-Z]+)=?"', SCRIPT))
    table = set(re.findall(r"^\| `(/[A-Z]+)", GUIDE, re.M))
    assert table - {"/S", "/D"} == handled  # /S and /D= are NSIS's own


def test_the_task_name_and_the_data_folder_are_the_real_ones():
    task_base = re.search(r'!define TASK_BASE "([^"]+)"', SCRIPT).group(1)
    assert f'"{task_base}-%USERNAME%"' in GUIDE
    assert default_home().parts[-3:] == ("Lvyue", "profiles", "default")
    assert r"%LOCALAPPDATA%\Lvyue\profiles\default" in GUIDE
    assert "lvyue-cli.exe schedule install --time" in GUIDE and "lvyue-cli.exe schedule remove" in GUIDE
    assert r"%LOCALAPPDATA%\Lvyue\profiles\default\logs\lvyue.log" in GUIDE  # where the task's result is


def test_the_hub_section_points_to_the_deployment_docs():
    assert "## 州级中心（服务器）部署" in GUIDE
    assert "(deploy/README.md)" in GUIDE
