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
    codes = {"upgrade": 0}

    def pip(step, **_):
        ran.append(step)
        return subprocess.CompletedProcess(step, codes["upgrade"] if "--upgrade" in step else 0, stdout=b"")

    monkeypatch.setattr(bootstrap.subprocess, "run", pip)
    return root, ran, codes


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
    root, ran, _codes = project
    bootstrap._install(("desktop",))
    assert ran[-1][-2:] == ["-e", f"{root}[desktop]"]
    assert bootstrap._satisfied(("desktop",)) and not bootstrap._satisfied(("dev",))
    (root / "pyproject.toml").write_text("[project]\nname = 'lvyue'\nversion = '2'\n", encoding="utf-8")
    assert not bootstrap._satisfied(("desktop",))


def test_the_tests_install_dev_which_holds_the_desktop(project):
    root, ran, _codes = project
    bootstrap._install(("dev",))
    assert ran[-1][-1] == f"{root}[dev]"
    assert bootstrap._satisfied(("desktop",)) and bootstrap._satisfied(("server",))
    assert json.loads(bootstrap.STAMP.read_text(encoding="utf-8"))["extras"] == ["dev"]
    bootstrap._install(("desktop",))  # extras installed before are kept
    assert ran[-1][-1] == f"{root}[desktop,dev]"


def test_a_failing_pip_upgrade_only_warns(project, capsys):
    root, ran, codes = project
    codes["upgrade"] = 1
    bootstrap._install(("desktop",))
    assert "未能更新 pip（不影响使用，继续安装）" in capsys.readouterr().err
    assert ran[-1][-1] == f"{root}[desktop]" and bootstrap._satisfied(("desktop",))


@pytest.mark.parametrize(("spec", "supported"), [
    (">=3.11,<3.14", ["3.11", "3.12", "3.13"]), ("==3.11.*", ["3.11"]), ("~=3.11", [f"3.{m}" for m in range(11, 40)]),
    (">=3.11, <3.13, !=3.12.*", ["3.11"]), ("<=3.12", ["3.0", "3.1", "3.2", "3.3", "3.4", "3.5", "3.6", "3.7",
                                                        "3.8", "3.9", "3.10", "3.11", "3.12"])])
def test_the_supported_versions_come_from_requires_python(spec, supported):
    assert bootstrap.supported(spec) == supported
    assert not bootstrap.allows("<=3.13", (3, 13, 5))  # as pip compares: 3.13.5 is after 3.13
    assert bootstrap.allows(">3.10", (3, 10, 1)) and not bootstrap.allows("<3.14", (3, 14, 0))


def test_the_pyproject_decides_and_the_message_names_what_to_install():
    spec = bootstrap.requires_python()
    assert spec == tomllib.loads((bootstrap.ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["requires-python"]
    assert bootstrap.python_problem((3, 11, 7), 64, spec) is None
    old = bootstrap.python_problem((3, 10, 13), 64, spec, "C:\\Python310\\python.exe")
    assert old.startswith("履约需要 64 位的 Python 3.11、3.12 或 3.13。当前是 Python 3.10.13（C:\\Python310\\python.exe），版本过旧")
    assert "较新" in bootstrap.python_problem((3, 14, 0), 64, spec)
    assert "32 位" in bootstrap.python_problem((3, 11, 7), 32, spec)


def test_a_venv_of_an_unsupported_or_vanished_python_is_rebuilt(tmp_path):
    here = bootstrap.current_interpreter()
    assert bootstrap.interpreter_change(here, ">=3.11,<3.14") is None
    assert "3.10.13 创建的，这个版本不受支持" in bootstrap.interpreter_change(
        {"version": "3.10.13", "executable": here["executable"]}, ">=3.11,<3.14")
    assert "已不存在" in bootstrap.interpreter_change(
        {"version": here["version"], "executable": str(tmp_path / "python3.11")}, ">=3.11,<3.14")
    other = {"version": "3.12.1", "executable": here["executable"]}  # another supported Python: kept
    assert bootstrap.interpreter_change(other, ">=3.11,<3.14") is None


def test_on_windows_the_window_runs_under_pythonw_and_commands_keep_the_console():
    python = bootstrap.Path("C:/履约/.venv/Scripts/python.exe")
    argv = ["C:/Python311/python.exe", "main.py", "--demo"]
    args, detach = bootstrap.relaunch(python, argv, window=True, windows=True)
    assert args == [str(python.with_name("pythonw.exe")), "main.py", "--demo"] and detach
    args, detach = bootstrap.relaunch(python, ["python", "main.py", "sync"], window=False, windows=True)
    assert args == [str(python), "main.py", "sync"] and not detach
    assert bootstrap.relaunch(python, argv, window=True, windows=False)[1] is False


def test_main_py_says_which_starts_are_the_window():
    import importlib.util

    spec = importlib.util.spec_from_file_location("lvyue_main", bootstrap.ROOT / "main.py")
    main = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(main)
    assert main.is_window([]) and main.is_window(["--demo", "--home", "x"]) and main.is_window(["-platform", "offscreen"])
    assert not main.is_window(["sync"]) and not main.is_window(["--selftest"]) and not main.is_window(["--version"])


def test_a_symlinked_venv_is_never_emptied(tmp_path, monkeypatch, capsys):
    """A ``.venv`` that links to a shared environment: rebuilding it would empty the linked folder (venv's
    ``clear=True`` empties the target before refusing the link). The bootstrap refuses first."""
    shared = tmp_path / "shared-venv"
    (shared / "bin").mkdir(parents=True)
    (shared / "bin" / "python").write_text("", encoding="utf-8")
    root = tmp_path / "checkout"
    root.mkdir()
    (root / ".venv").symlink_to(shared, target_is_directory=True)
    monkeypatch.setattr(bootstrap, "ROOT", root)
    monkeypatch.setattr(bootstrap, "VENV", root / ".venv")
    with pytest.raises(SystemExit) as ended:
        bootstrap._create(clear=True)
    assert ended.value.code == 1
    assert "是指向" in capsys.readouterr().err and (shared / "bin" / "python").exists()
