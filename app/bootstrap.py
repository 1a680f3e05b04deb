"""First-run set-up for a source checkout: a private virtual environment with the project installed.

``python main.py`` and ``python -m tests`` call ``ensure()`` before importing anything that is not in
the standard library. It creates ``.venv`` beside ``pyproject.toml`` on first use, installs the project
(with the ``desktop`` extra, or the extras asked for), and re-runs the command inside it. A stamp
holding the hash of ``pyproject.toml`` makes later starts instant and reinstalls when dependencies
change. Frozen builds (PyInstaller) and ``LVYUE_NO_BOOTSTRAP=1`` skip all of this. Standard library only.
"""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VENV = ROOT / ".venv"
STAMP = VENV / "lvyue-install.json"
IMPLIED = {"dev": {"desktop", "server"}}  # pyproject: dev = lvyue[desktop,server] + the test tools


def _venv_python() -> Path:
    if os.name == "nt":
        return VENV / "Scripts" / "python.exe"
    return VENV / "bin" / "python"


def _inside_venv() -> bool:
    try:
        return Path(sys.prefix).resolve() == VENV.resolve()
    except OSError:
        return False


def _wanted(extras: tuple[str, ...]) -> dict:
    digest = hashlib.sha256((ROOT / "pyproject.toml").read_bytes()).hexdigest()
    return {"pyproject": digest, "extras": sorted(extras)}


def _satisfied(extras: tuple[str, ...]) -> bool:
    try:
        stamp = json.loads(STAMP.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    wanted = _wanted(extras)
    installed = set(stamp.get("extras", []))
    for extra in list(installed):
        installed |= IMPLIED.get(extra, set())
    return stamp.get("pyproject") == wanted["pyproject"] and set(wanted["extras"]) <= installed


def _say(text: str) -> None:
    print(text, file=sys.stderr, flush=True)


def _install(extras: tuple[str, ...]) -> None:
    if not _venv_python().exists():
        _say("首次运行：正在创建运行环境（.venv）…")
        import venv  # only on the first run: every later start skips it

        venv.EnvBuilder(with_pip=True, clear=False).create(VENV)
    previous: list[str] = []
    try:
        previous = json.loads(STAMP.read_text(encoding="utf-8")).get("extras", [])
    except (OSError, ValueError):
        pass
    all_extras = sorted(set(extras) | set(previous))
    target = f"{ROOT}[{','.join(all_extras)}]" if all_extras else str(ROOT)
    _say("正在安装依赖（首次约需几分钟，需要能访问 PyPI 或内网镜像）…")
    python = str(_venv_python())
    steps = [
        [python, "-m", "pip", "install", "--disable-pip-version-check", "-q", "--upgrade", "pip"],
        [python, "-m", "pip", "install", "--disable-pip-version-check", "-q", "-e", target],
    ]
    # setuptools' English "Editable installation" banner is a Python warning in the build backend: not for officers
    quiet = {**os.environ, "PYTHONWARNINGS": "ignore"}
    for step in steps:
        result = subprocess.run(step, cwd=ROOT, env=quiet)
        if result.returncode != 0:
            _say("安装依赖失败，请检查网络或 pip 镜像设置后重试（命令：" + " ".join(step) + "）")
            raise SystemExit(result.returncode)
    STAMP.write_text(json.dumps(_wanted(tuple(all_extras))), encoding="utf-8")


def ensure(extras: tuple[str, ...] = ("desktop",)) -> None:
    """Make sure the project runs inside ``.venv`` with its dependencies; re-exec there if needed.

    ``extras`` are the optional dependency groups of ``pyproject.toml``: the desktop by default
    (``python main.py``), ``("dev",)`` for the tests (the desktop, the hub and the test tools). The hub
    (``python -m server``) does not call this: it runs from an installed ``.[server]`` environment."""
    if getattr(sys, "frozen", False) or os.environ.get("LVYUE_NO_BOOTSTRAP") == "1":
        return
    if not _satisfied(extras):
        _install(extras)
    if _inside_venv():
        return
    python = str(_venv_python())
    args = [python, *sys.orig_argv[1:]] if hasattr(sys, "orig_argv") else [python, *sys.argv]
    if os.name == "nt":
        raise SystemExit(subprocess.call(args))
    os.execv(python, args)
