"""``app/bootstrap.py``: ``python main.py`` installs the desktop extra, ``python -m tests`` the dev extra
(desktop, hub and test tools), and a changed ``pyproject.toml`` reinstalls. pip itself is not run: the
commands it would get are recorded."""

from __future__ import annotations

import inspect
import json
import subprocess
import tomllib

import pytest

from app import bootstrap


@pytest.fixture
def project(tmp_path, monkeypatch):
    root = tmp_path / "checkout"
    venv = root / ".venv"
    for python in (venv / "bin" / "python", venv / "Scripts" / "python.exe"):  # present: no new venv is made
        python.parent.mkdir(parents=True, exist_ok=True)
        python.write_text("", encoding="utf-8")
    (root / "pyproject.toml").write_text("[project]\nname = 'lvyue'\n", encoding="utf-8")
    monkeypatch.setattr(bootstrap, "ROOT", root)
    monkeypatch.setattr(bootstrap, "VENV", venv)
    monkeypatch.setattr(bootstrap, "STAMP", venv / "lvyue-install.json")
    ran: list[list[str]] = []
    monkeypatch.setattr(bootstrap.subprocess, "run",
                        lambda step, **_: ran.append(step) or subprocess.CompletedProcess(step, 0))
    return root, ran


def test_the_desktop_is_the_default_extra():
    assert inspect.signature(bootstrap.ensure).parameters["extras"].default == ("desktop",)


def test_the_extras_named_by_the_bootstrap_exist_in_pyproject():
    root = bootstrap.Path(bootstrap.__file__).resolve().parents[1]
    extras = tomllib.loads((root / "pyproject.toml").read_text(encoding="utf-8"))["project"]["optional-dependencies"]
    assert {"desktop", "server", "dev"} <= set(extras)
    assert "lvyue[desktop,server]" in extras["dev"]
    for implied in bootstrap.IMPLIED["dev"]:
        assert implied in extras


def test_main_installs_the_desktop_and_a_changed_pyproject_reinstalls(project):
    root, ran = project
    bootstrap._install(("desktop",))
    assert ran[-1][-2:] == ["-e", f"{root}[desktop]"]
    assert bootstrap._satisfied(("desktop",)) and not bootstrap._satisfied(("dev",))
    (root / "pyproject.toml").write_text("[project]\nname = 'lvyue'\nversion = '2'\n", encoding="utf-8")
    assert not bootstrap._satisfied(("desktop",))


def test_the_tests_install_dev_which_holds_the_desktop(project):
    root, ran = project
    bootstrap._install(("dev",))
    assert ran[-1][-1] == f"{root}[dev]"
    assert bootstrap._satisfied(("desktop",)) and bootstrap._satisfied(("server",))
    assert json.loads(bootstrap.STAMP.read_text(encoding="utf-8"))["extras"] == ["dev"]
    bootstrap._install(("desktop",))  # extras installed before are kept
    assert ran[-1][-1] == f"{root}[desktop,dev]"
