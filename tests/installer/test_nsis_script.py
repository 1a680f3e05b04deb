"""The Windows installer script (installer/lvyue-setup.nsi, issue 14) compiles with makensis against a
bundle, and what it promises holds: per user without administrator rights, data never removed.

makensis is Debian's ``nsis`` package; without it the compile tests are skipped. Each compile takes
well under a second.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

import app
from app.cli.arguments import build_parser
from app.services.profile import default_home

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ROOT / "installer" / "lvyue-setup.nsi"
MAKENSIS = shutil.which("makensis")
needs_makensis = pytest.mark.skipif(MAKENSIS is None, reason="makensis not installed (Debian: apt-get install nsis)")


def fake_bundle(folder: Path, suffix: str) -> Path:
    """What PyInstaller's onedir build of installer/lvyue.spec holds at its top level."""
    folder.mkdir()
    (folder / f"Lvyue{suffix}").write_bytes(b"window")
    (folder / f"lvyue-cli{suffix}").write_bytes(b"console")
    (folder / "_internal").mkdir()
    (folder / "_internal" / "x").write_text("runtime", encoding="utf-8")
    return folder


def makensis(bundle: Path, outdir: Path, *defines: str) -> subprocess.CompletedProcess:
    # -WX: a warning (an unused function, a page macro in the wrong place) fails the build too
    command = [MAKENSIS, "-WX", "-V4", "-INPUTCHARSET", "UTF8", f"-DVERSION={app.__version__}",
               f"-DDIST={bundle}", f"-DOUTDIR={outdir}", *defines, str(SCRIPT)]
    return subprocess.run(command, capture_output=True, text=True, errors="replace", timeout=120)


@needs_makensis
@pytest.mark.parametrize(("suffix", "defines"), [(".exe", ()), ("", ("-DEXE_SUFFIX=",)),
                                                 ("", ("-DEXE_SUFFIX=", "-DNO_COMPRESS"))],
                         ids=["windows-bundle", "linux-bundle", "linux-bundle-uncompressed"])
def test_the_script_compiles_into_a_windows_installer(tmp_path, suffix, defines):
    bundle = fake_bundle(tmp_path / "Lvyue-dist", suffix)
    outdir = tmp_path / "out"
    outdir.mkdir()
    done = makensis(bundle, outdir, *defines)
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    setup = outdir / f"Lvyue-Setup-{app.__version__}.exe"
    assert sorted(p.name for p in outdir.iterdir()) == [setup.name]
    data = setup.read_bytes()
    assert data[:2] == b"MZ"  # a PE file …
    assert b"NullsoftInst" in data  # … carrying an NSIS archive
    # every file of the bundle went in, the runtime folder included
    for name in (f"Lvyue{suffix}", f"lvyue-cli{suffix}", "x"):
        assert f'File: "{name}"' in done.stdout
    assert "_internal" in done.stdout


@needs_makensis
def test_a_bundle_without_the_console_program_is_refused_at_compile_time(tmp_path):
    bundle = fake_bundle(tmp_path / "Lvyue-dist", ".exe")
    (bundle / "lvyue-cli.exe").unlink()
    done = makensis(bundle, tmp_path)
    assert done.returncode != 0
    assert "lvyue-cli.exe" in done.stdout + done.stderr
    assert not list(tmp_path.glob("*.exe"))


def section(text: str, name: str) -> str:
    match = re.search(rf'^Section "{re.escape(name)}".*?^SectionEnd', text, re.M | re.S)
    assert match, name
    return match.group(0)


def test_per_user_without_administrator_rights_by_default():
    text = SCRIPT.read_text(encoding="utf-8")
    assert re.search(r"^RequestExecutionLevel user$", text, re.M)
    assert r'StrCpy $UserDir "$LOCALAPPDATA\Programs\Lvyue"' in text
    assert r'"$PROGRAMFILES64\Lvyue"' in text  # /ALLUSERS


def test_the_uninstaller_removes_program_files_only():
    text = SCRIPT.read_text(encoding="utf-8")
    uninstall = section(text, "Uninstall")
    removals = re.findall(r"^\s*(RMDir /r|RMDir|Delete)\s+\"([^\"]+)\"", uninstall, re.M)
    assert removals
    recursive = [target for verb, target in removals if verb == "RMDir /r"]
    assert recursive == [r"$INSTDIR\_internal"]
    for _verb, target in removals:
        assert "APPDATA" not in target and "DataDir" not in target, target
    # the upgrade replaces the runtime folder, nothing recursive beyond it either
    assert re.findall(r"RMDir /r \"([^\"]+)\"", section(text, "!履约程序")) == [r"$INSTDIR\_internal"]


def test_the_data_folder_the_script_protects_is_the_one_the_program_uses():
    # platformdirs: %LOCALAPPDATA%\Lvyue on Windows, profiles below it
    assert default_home().parent.parent.name == "Lvyue"
    assert r'StrCpy $DataDir "$LOCALAPPDATA\Lvyue"' in SCRIPT.read_text(encoding="utf-8")


def test_the_scheduled_task_is_made_and_removed_by_commands_the_cli_has():
    """The installer no longer writes the task itself: ``lvyue-cli.exe schedule install --time`` does
    (app/platform/task_scheduler.py), and ``schedule remove`` undoes it (uninstall, /NOSYNC upgrade)."""
    text = SCRIPT.read_text(encoding="utf-8")
    assert "nsExec::ExecToLog '\"$INSTDIR\\${CLI_EXE}\" schedule install --time $SyncTime'" in text
    assert "nsExec::ExecToLog '\"$INSTDIR\\${CLI_EXE}\" schedule remove'" in text
    assert "/SC DAILY" not in text and "/TR " not in text  # no more schtasks /Create by hand
    install = build_parser().parse_args(["schedule", "install", "--time", "17:30"])
    assert install.handler.__name__ == "install" and install.time == "17:30"
    assert build_parser().parse_args(["schedule", "remove"]).handler.__name__ == "remove"
