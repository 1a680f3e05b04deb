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


# ---- .github/workflows/windows.yml (issue 16 item 8) -----------------------------------------------------------

WINDOWS = ROOT / ".github" / "workflows" / "windows.yml"
ODD = "履约 测试 #1 %41 &;x"


def windows_jobs() -> dict:
    return yaml.safe_load(WINDOWS.read_text(encoding="utf-8"))["jobs"]


def test_the_suite_runs_from_an_odd_folder_with_the_readme_command():
    suite = windows_jobs()["suite"]
    assert suite["runs-on"] == "windows-latest"
    checkout = next(s for s in suite["steps"] if s.get("uses", "").startswith("actions/checkout"))
    assert checkout["with"]["path"] == ODD
    for mark in (" ", "#", "%41", "&", ";", "履约"):
        assert mark in checkout["with"]["path"]
    run = next(s for s in suite["steps"] if "python -m tests" in s.get("run", ""))
    assert run["working-directory"] == ODD and "chcp 936" in run["run"]
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "python -m tests" in readme  # the README's test command, the same one


def test_the_checks_run_under_code_page_936_with_credential_manager_and_the_scheduler():
    checks = windows_jobs()["checks"]
    text = "\n".join(s.get("run", "") for s in checks["steps"])
    assert "WinVault" in text
    assert "chcp 936" in text and "tools\\windows_checks.py --schedule" in text
    from tools.windows_checks import HOSTILE

    assert HOSTILE == ODD  # the same odd folder in the workflow, the checker and .ci/windows-sim
    assert ODD in (ROOT / ".ci" / "windows-sim").read_text(encoding="utf-8")


def test_the_installer_job_reuses_the_installer_workflow_and_checks_the_installed_cli():
    assert windows_jobs()["installer"]["uses"] == "./.github/workflows/windows-installer.yml"
    triggers = load().get(True) or load()["on"]  # YAML 1.1 reads `on` as true
    assert "workflow_call" in triggers
    assert "windows_checks.py --schedule --exe" in runs()


def test_ci_runs_the_linux_simulation():
    assert ".ci/windows-sim" in (ROOT / ".ci" / "run").read_text(encoding="utf-8")
