"""The installer script run, not only compiled: under Wine (``apt-get install wine64``), in a Wine prefix
of its own, a 64-bit build of installer/lvyue-setup.nsi (``-XTarget amd64-unicode``: Debian's wine64
runs no 32-bit programs; the logic is the same) against a fake bundle.

Silent install per user and for all users, the Windows-version check, refusing the data folder and a
bad /SYNCTIME, refusing to upgrade or uninstall while Lvyue runs, the upgrade that drops the desktop
shortcut, and the uninstaller that removes the program files and keeps the data and foreign files.
What Wine cannot show: the scheduled task (Wine's schtasks has no /Create /XML; the bundle here is fake) and a non-administrator
(Wine's user is always one). Those run on the Windows runner (.github/workflows/windows-installer.yml).

Slow (about 70 s: a new Wine prefix, a dozen installer runs), so it runs only when asked:
``LVYUE_WINE_TESTS=1 python -m pytest -n 0 tests/installer/test_installer_under_wine.py`` (and needs wine64
and makensis).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import time
from pathlib import Path

import pytest

import app

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ROOT / "installer" / "lvyue-setup.nsi"
MAKENSIS = shutil.which("makensis")
WINE = shutil.which("wine64") or next((p for p in ("/usr/lib/wine/wine64",) if Path(p).exists()), None)

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(os.environ.get("LVYUE_WINE_TESTS") != "1", reason="slow: set LVYUE_WINE_TESTS=1 to run"),
    pytest.mark.skipif(MAKENSIS is None, reason="makensis not installed (Debian: apt-get install nsis)"),
    pytest.mark.skipif(WINE is None, reason="wine64 not installed (Debian: apt-get install wine64)"),
]

SLEEPER = """Unicode true
Target amd64-unicode
SilentInstall silent
RequestExecutionLevel user
OutFile "{out}"
Section
  Sleep 15000
SectionEnd
"""


class Wine:
    def __init__(self, prefix: Path) -> None:
        self.prefix = prefix
        self.env = {**os.environ, "WINEPREFIX": str(prefix), "WINEDEBUG": "-all",
                    "WINEDLLOVERRIDES": "winemenubuilder.exe=d"}  # no menu entries in the real $HOME
        self.env.pop("DISPLAY", None)
        self.env.pop("WAYLAND_DISPLAY", None)
        self.local = prefix / "drive_c" / "users" / os.environ.get("USER", "root") / "AppData" / "Local"

    def run(self, *args: str, timeout: float = 120) -> int:
        return subprocess.run([WINE, *args], env=self.env, capture_output=True, timeout=timeout).returncode

    def start(self, *args: str) -> subprocess.Popen:
        return subprocess.Popen([WINE, *args], env=self.env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)

    def reg(self, key: str) -> dict[str, str]:
        done = subprocess.run([WINE, "reg", "query", key], env=self.env, capture_output=True, timeout=60)
        values = {}
        for line in done.stdout.decode("utf-8", "replace").splitlines():
            parts = line.strip().split(None, 2)
            if len(parts) == 3 and parts[1].startswith("REG_"):
                values[parts[0]] = parts[2]
        return values if done.returncode == 0 else {}

    def stop(self) -> None:
        server = Path(WINE).with_name("wineserver")
        subprocess.run([str(server) if server.exists() else "wineserver", "-k"], env=self.env,
                       capture_output=True, timeout=60)


def build(bundle: Path, outdir: Path) -> Path:
    outdir.mkdir()
    done = subprocess.run([MAKENSIS, "-WX", "-XUnicode true", "-XTarget amd64-unicode", "-INPUTCHARSET", "UTF8",
                           f"-DVERSION={app.__version__}", f"-DDIST={bundle}", f"-DOUTDIR={outdir}", str(SCRIPT)],
                          capture_output=True, text=True, errors="replace", timeout=120)
    assert done.returncode == 0, done.stdout[-3000:]
    return outdir / f"Lvyue-Setup-{app.__version__}.exe"


@pytest.fixture
def wine(tmp_path):
    prefix = Wine(tmp_path / "prefix")
    try:
        assert prefix.run("wineboot", "--init", timeout=300) == 0
        yield prefix
    finally:
        prefix.stop()


@pytest.fixture
def setup_exe(tmp_path) -> Path:
    bundle = tmp_path / "bundle"
    (bundle / "_internal").mkdir(parents=True)
    (bundle / "_internal" / "x").write_text("runtime", encoding="utf-8")
    (bundle / "lvyue-cli.exe").write_bytes(b"console")
    sleeper = tmp_path / "sleeper.nsi"
    sleeper.write_text(SLEEPER.format(out=bundle / "Lvyue.exe"), encoding="utf-8")
    subprocess.run([MAKENSIS, "-V1", str(sleeper)], check=True, capture_output=True, timeout=120)
    return build(bundle, tmp_path / "out")


UNINST = r"HKCU\Software\Microsoft\Windows\CurrentVersion\Uninstall\Lvyue"
UNINST_ALL = r"HKLM\Software\Microsoft\Windows\CurrentVersion\Uninstall\Lvyue"


def test_install_upgrade_and_uninstall_under_wine(wine, setup_exe):
    setup = str(setup_exe)
    programs = wine.local / "Programs" / "Lvyue"
    data = wine.local / "Lvyue" / "profiles" / "default"

    # a new prefix says Windows 7: refused, nothing written
    if wine.reg(r"HKLM\Software\Microsoft\Windows NT\CurrentVersion").get("CurrentVersion") == "6.1":
        assert wine.run(setup, "/S") == 2
        assert not programs.exists()
    assert wine.run("winecfg", "/v", "win10") == 0

    assert wine.run(setup, "/S", "/SYNCTIME=25:00") == 2
    assert not programs.exists()
    assert wine.run(setup, "/S", "/D=" + "C:\\users\\" + os.environ.get("USER", "root")
                    + "\\AppData\\Local\\Lvyue\\prog") == 2
    assert not (wine.local / "Lvyue" / "prog").exists()

    assert wine.run(setup, "/S") == 0
    for name in ("Lvyue.exe", "lvyue-cli.exe", "uninstall.exe", "_internal/x"):
        assert (programs / name).exists(), name
    entry = wine.reg(UNINST)
    assert entry["DisplayVersion"] == app.__version__
    assert entry["InstallLocation"].endswith(r"\AppData\Local\Programs\Lvyue")
    assert entry["NoModify"] == "0x1" and int(entry["EstimatedSize"], 16) > 0
    assert "uninstall.exe" in entry["UninstallString"]
    assert not (programs / "lvyue-sync.cmd").exists()  # the task runs lvyue-cli.exe (schedule install)

    data.mkdir(parents=True)
    (data / "lvyue.sqlite").write_bytes(b"the officer's data")
    (programs / "notes.txt").write_text("someone's file", encoding="utf-8")
    (programs / "_internal" / "old-version-only.pyd").write_bytes(b"stale")

    running = wine.start(str(programs / "Lvyue.exe"))
    try:
        time.sleep(4)
        assert wine.run(setup, "/S") == 2  # upgrade refused while it runs
        assert (programs / "_internal" / "old-version-only.pyd").exists()
        assert wine.run(str(programs / "uninstall.exe"), "/S", f"_?={wine_path(wine, programs)}") == 2
        assert (programs / "Lvyue.exe").exists()
    finally:
        running.wait(timeout=60)

    assert wine.run(setup, "/S", "/NODESKTOP") == 0  # the upgrade
    assert not (programs / "_internal" / "old-version-only.pyd").exists()
    assert (programs / "_internal" / "x").exists()
    assert wine.reg(r"HKCU\Software\Lvyue\Setup")["Desktop"] == "0"

    assert wine.run(str(programs / "uninstall.exe"), "/S", f"_?={wine_path(wine, programs)}") == 0
    for name in ("Lvyue.exe", "lvyue-cli.exe", "_internal"):
        assert not (programs / name).exists(), name
    assert (programs / "notes.txt").read_text(encoding="utf-8") == "someone's file"
    assert (data / "lvyue.sqlite").read_bytes() == b"the officer's data"
    assert wine.reg(UNINST) == {}
    assert wine.reg(r"HKCU\Software\Lvyue\Setup") == {}


def test_all_users_install_and_uninstall_under_wine(wine, setup_exe):
    assert wine.run("winecfg", "/v", "win10") == 0
    programs = wine.prefix / "drive_c" / "Program Files" / "Lvyue"
    menu = wine.prefix / "drive_c" / "ProgramData" / "Microsoft" / "Windows" / "Start Menu" / "Programs" / "履约"
    assert wine.run(str(setup_exe), "/S", "/ALLUSERS") == 0  # Wine's user is an administrator
    assert (programs / "Lvyue.exe").exists()
    assert (menu / "履约.lnk").exists() and (menu / "卸载履约.lnk").exists()
    entry = wine.reg(UNINST_ALL)
    assert entry["InstallLocation"] == r"C:\Program Files\Lvyue"
    assert wine.reg(UNINST) == {}

    # without _?= the uninstaller copies itself away and returns at once: wait for it
    assert wine.run(str(programs / "uninstall.exe"), "/S") == 0
    for _ in range(60):
        if not programs.exists() and wine.reg(UNINST_ALL) == {}:
            break
        time.sleep(1)
    assert not programs.exists()
    assert not menu.exists()
    assert wine.reg(UNINST_ALL) == {}


def wine_path(wine: Wine, path: Path) -> str:
    return "C:\\" + str(path.relative_to(wine.prefix / "drive_c")).replace("/", "\\")
