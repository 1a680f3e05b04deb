"""File permissions (issue 12, item 8): the profile folder and everything in it, and the hub's data
folder, are readable by their user only — 0700 folders, 0600 files — when made, and repaired when an
older version's folder is opened. Windows gets a user-only ACL through icacls (the command line is
checked here with an injected runner). Tests may run as root, so they check modes, not access."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from app.common import permissions
from app.services import documents, drafts, maintenance
from app.services.attachments import attach_file
from app.services.intake import register
from app.services.profile import make_daily_backup, open_profile
from tests.factories import intake
from tests.sync_fixtures import ROOT, LiveHub

pytestmark = pytest.mark.skipif(os.name == "nt", reason="POSIX modes; Windows is the icacls test")


def modes(root: Path) -> dict[str, int]:
    found = {".": stat.S_IMODE(root.stat().st_mode)}
    for path in root.rglob("*"):
        if not path.is_symlink():
            found[str(path.relative_to(root))] = stat.S_IMODE(path.stat().st_mode)
    return found


def not_private(root: Path) -> dict[str, str]:
    wrong = {}
    for name, mode in modes(root).items():
        wanted = 0o700 if (root / name).is_dir() else 0o600
        if mode != wanted:
            wrong[name] = oct(mode)
    return wrong


def use_profile(office, tmp_path) -> None:
    """Everything an office day writes into the profile: an attachment, an issued PDF, a draft, backups."""
    profile = office.profile
    complaint = register(profile, office.clerk, intake()).complaint_id
    scan = tmp_path / "合同扫描件.pdf"
    scan.write_bytes(b"%PDF-1.4 contract scan")
    attach_file(profile, office.clerk, complaint, scan)
    documents.issue(profile, office.handler, complaint, "receipt")
    drafts.save_draft(profile, "intake-new", {"complainant": {"name": "双柏县绿源农业科技有限公司"}})
    maintenance.backup(profile)
    make_daily_backup(profile)


def test_everything_a_profile_holds_is_private_from_the_start(office, tmp_path):
    previous = os.umask(0o022)  # an ordinary desktop umask: files would be world-readable by default
    try:
        use_profile(office, tmp_path)
    finally:
        os.umask(previous)
    home = office.profile.files.home
    names = set(modes(home))
    assert {"lvyue.sqlite", "lvyue.sqlite-wal", "lvyue.sqlite-shm", "blobs", "documents", "backups",
            "drafts"} <= names
    assert any(n.startswith("backups/lvyue-manual-") for n in names)
    assert any(n.startswith("documents/") and n.endswith(".pdf") for n in names)
    assert not_private(home) == {}


def test_an_older_profile_is_repaired_when_opened(office, tmp_path):
    use_profile(office, tmp_path)
    home = office.profile.files.home
    office.profile.close()
    for path in [home, *home.rglob("*")]:  # as version 0.x left it: world-readable
        os.chmod(path, 0o755 if path.is_dir() else 0o644)
    assert not_private(home)
    profile = open_profile(home, clock=office.clock)
    try:
        assert not_private(home) == {}
    finally:
        profile.close()


def test_a_file_copied_into_the_profile_is_repaired_at_the_next_start(office, tmp_path):
    home = office.profile.files.home
    office.profile.close()
    stray = home / "backups" / "拷贝来的备份.sqlite"
    stray.parent.mkdir(exist_ok=True)
    stray.write_bytes(b"")
    os.chmod(stray, 0o644)
    os.chmod(home / "lvyue.sqlite", 0o664)
    profile = open_profile(home, clock=office.clock)
    try:
        assert stat.S_IMODE(stray.stat().st_mode) == 0o600
        assert stat.S_IMODE((home / "lvyue.sqlite").stat().st_mode) == 0o600
    finally:
        profile.close()


def test_a_restore_into_a_new_folder_is_private(office, tmp_path):
    saved = maintenance.backup(office.profile)
    assert stat.S_IMODE(saved.stat().st_mode) == 0o600
    target = tmp_path / "新电脑" / "profile"
    maintenance.restore(target, saved)
    assert not_private(target) == {}


def test_the_hub_data_folder_is_private(tmp_path):
    data = tmp_path / "hub-data"
    hub = LiveHub(data).start()
    try:
        assert (data / "hub.sqlite").exists()
        assert not_private(data) == {}
    finally:
        hub.stop()
    for path in [data, *data.rglob("*")]:
        os.chmod(path, 0o755 if path.is_dir() else 0o644)
    env = dict(os.environ, LVYUE_NO_BOOTSTRAP="1", PYTHONPATH=str(ROOT))
    done = subprocess.run([sys.executable, "-m", "server", "migrate", "--data", str(data)], cwd=ROOT, env=env,
                          capture_output=True, timeout=120)
    assert done.returncode == 0, done.stderr.decode(errors="replace")
    assert not_private(data) == {}  # an older hub's folder repaired at start


def test_a_new_hub_folder_made_by_the_server_command_is_private(tmp_path):
    data = tmp_path / "州中心" / "hub-data"
    env = dict(os.environ, LVYUE_NO_BOOTSTRAP="1", PYTHONPATH=str(ROOT))
    done = subprocess.run([sys.executable, "-m", "server", "migrate", "--data", str(data)], cwd=ROOT, env=env,
                          capture_output=True, timeout=120)
    assert done.returncode == 0, done.stderr.decode(errors="replace")
    assert stat.S_IMODE((tmp_path / "州中心").stat().st_mode) == 0o700
    assert not_private(data) == {}


def test_windows_acl_is_cut_to_the_user_and_system_once(tmp_path, monkeypatch):
    monkeypatch.setenv("USERDOMAIN", "SBXFGJ-PC07")
    monkeypatch.setenv("USERNAME", "yangzhe")
    ran: list[list[str]] = []

    def runner(command):
        ran.append(list(command))
        return 0

    home = tmp_path / "profile"
    home.mkdir()
    assert permissions.restrict_acl(home, runner=runner)
    assert ran == [["icacls", str(home), "/inheritance:r", "/grant:r", "SBXFGJ-PC07\\yangzhe:(OI)(CI)F",
                    "*S-1-5-18:(OI)(CI)F", "/T", "/C", "/Q"]]
    assert not permissions.restrict_acl(home, runner=runner)  # done once; the marker says so
    assert len(ran) == 1
    monkeypatch.setattr(permissions, "posix", lambda: False)  # the opening path on Windows
    assert permissions.secure_home(home, runner=runner) == 0
    assert permissions.restrict_acl(home, runner=runner, force=True) and len(ran) == 2


def test_a_failed_icacls_is_tried_again_at_the_next_start(tmp_path, monkeypatch):
    monkeypatch.setenv("USERNAME", "yangzhe")
    monkeypatch.delenv("USERDOMAIN", raising=False)
    calls = []
    home = tmp_path / "profile"
    home.mkdir()
    assert not permissions.restrict_acl(home, runner=lambda c: calls.append(c) or 5)
    assert calls[0][4] == "yangzhe:(OI)(CI)F"
    assert not (home / permissions.ACL_MARKER).exists()
    assert permissions.restrict_acl(home, runner=lambda c: 0)


def test_repair_takes_permissions_away_and_never_adds_any(tmp_path):
    folder = tmp_path / "profile"
    (folder / "backups").mkdir(parents=True)
    os.chmod(folder, 0o755)  # as a folder made under the usual umask, whatever an earlier test left
    kept = folder / "backups" / "只读备份.sqlite"
    kept.write_bytes(b"")
    os.chmod(kept, 0o444)
    os.chmod(folder / "backups", 0o555)  # made read-only by its owner on purpose
    try:
        assert permissions.secure_tree(folder) == 3  # the folder itself, backups/ and the file
        assert stat.S_IMODE(kept.stat().st_mode) == 0o400
        assert stat.S_IMODE((folder / "backups").stat().st_mode) == 0o500
        assert permissions.secure_tree(folder) == 0
    finally:
        os.chmod(folder / "backups", 0o700)


def test_a_new_profile_on_windows_gets_its_acl_at_once(tmp_path, monkeypatch):
    monkeypatch.setenv("USERNAME", "yangzhe")
    monkeypatch.setenv("USERDOMAIN", "SBXFGJ-PC07")
    monkeypatch.setattr(permissions, "posix", lambda: False)
    ran = []
    monkeypatch.setattr(permissions, "_run", lambda command: ran.append(list(command)) or 0)
    home = tmp_path / "新档案"
    permissions.open_private_home(home)
    permissions.open_private_home(home)  # the next start: done already
    assert [c[:2] for c in ran] == [["icacls", str(home)]]
    assert (home / permissions.ACL_MARKER).exists()
