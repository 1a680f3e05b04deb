"""The Windows runner's workflow (.github/workflows/windows-installer.yml) parses and does what issue 14
asks: Python 3.11, the desktop and bundle extras, installer/build.py, the bundle's self-test, the setup
.exe as an artifact, and it exercises the switches the installer script really has."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

yaml = pytest.importorskip("yaml", reason="PyYAML not installed (it comes with the dev extra's schemathesis)")

ROOT = Path(__file__).resolve().parents[2]
WORKFLOW = ROOT / ".github" / "workflows" / "windows-installer.yml"
SCRIPT = ROOT / "installer" / "lvyue-setup.nsi"


def load() -> dict:
    return yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))


def steps() -> list[dict]:
    (job,) = load()["jobs"].values()
    return job["steps"]


def runs() -> str:
    return "\n".join(step.get("run", "") for step in steps())


def test_it_runs_on_windows_with_python_311():
    workflow = load()
    assert True in workflow or "on" in workflow  # YAML 1.1 reads the key `on` as true
    (job,) = workflow["jobs"].values()
    assert job["runs-on"] == "windows-latest"
    python = [s for s in steps() if s.get("uses", "").startswith("actions/setup-python")]
    assert python and str(python[0]["with"]["python-version"]) == "3.11"


def test_it_builds_self_tests_and_uploads_the_installer():
    text = runs()
    assert 'pip install ".[desktop,bundle]"' in text
    assert "python installer/build.py" in text
    assert '"--selftest"' in text
    assert "Lvyue-Setup-${{ steps.version.outputs.version }}.exe" in text
    upload = [s for s in steps() if s.get("uses", "").startswith("actions/upload-artifact")]
    assert upload and upload[0]["with"]["path"] == "${{ steps.found.outputs.setup }}"
    assert upload[0]["with"]["if-no-files-found"] == "error"


def test_the_switches_it_tries_are_the_scripts():
    handled = set(re.findall(r'\$\{GetOptions\} \$R0 "(/[A-Z]+)=?"', SCRIPT.read_text(encoding="utf-8")))
    used = set(re.findall(r'"(/[A-Z]+)(?:=[^"]*)?"', runs())) - {"/S"}  # /S: NSIS itself
    assert used and used <= handled, used - handled
