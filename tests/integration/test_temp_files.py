"""Temporary files cleaned at start and at exit (app.services.temp_files, app.services.open_folder):
a crashed session's ``lvyue-open-*`` folder and day-old part files go when a profile opens; a living
session's folder, fresh part files, ``.pending`` and files that are not ours stay; a session removes its
own folder at exit, also through ``atexit`` in a real child process."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

from app.services import temp_files
from app.services.open_folder import OpenFolder
from app.services.profile import open_profile
from tests.conftest import make_office

ROOT = Path(__file__).resolve().parents[2]
DAY = 24 * 3600


def _age(path: Path, seconds: float) -> None:
    then = time.time() - seconds
    os.utime(path, (then, then))


def test_stale_temporary_files_go_and_nothing_else(tmp_path):
    temp = tmp_path / "temp"
    temp.mkdir()
    crashed = temp / "lvyue-open-crashed"
    (crashed / "abc123").mkdir(parents=True)
    (crashed / "abc123" / "合同.pdf").write_bytes(b"%PDF")
    (crashed / ".session").write_bytes(b"")  # its process is gone: nobody holds it
    _age(crashed, 2 * DAY)
    living = OpenFolder(temp)  # another window still open, for two days already
    (living.path / "证据.jpg").write_bytes(b"jpg")
    _age(living.path, 2 * DAY)
    recent = temp / "lvyue-open-recent"
    recent.mkdir()
    not_ours = temp / "wps-open-old"
    not_ours.mkdir()
    _age(not_ours, 3 * DAY)
    old_file_named_like_ours = temp / "lvyue-open-file"  # a file, not our folder
    old_file_named_like_ours.write_bytes(b"x")
    _age(old_file_named_like_ours, 3 * DAY)

    home = tmp_path / "profile"
    for folder in ("blobs/ab", "documents/cd", "documents/.pending", "drafts", "backups"):
        (home / folder).mkdir(parents=True)
    stale = [home / "blobs/ab/.incoming-1", home / "documents/cd/.lvyue-2.pdf", home / "drafts/.draft-3",
             home / "backups/.copy-4", home / "blobs/.download-5"]
    kept = [home / "documents/.pending/.incoming-6",  # settle_pending's
            home / "blobs/ab/incoming-7",  # not a part-file name
            home / "drafts/.draft-fresh"]  # being written now
    for path in stale + kept:
        path.write_bytes(b"part")
        _age(path, 2 * DAY)
    _age(kept[-1], 60)
    living_path = living.path
    try:
        swept = temp_files.sweep(home, temp)
        assert swept == temp_files.Swept(folders=1, files=len(stale))
        assert not crashed.exists()
        assert (living.path / "证据.jpg").exists() and recent.exists() and not_ours.exists()
        assert old_file_named_like_ours.exists()
        assert not any(p.exists() for p in stale)
        assert all(p.exists() for p in kept)
    finally:
        living.remove()
    assert not living_path.exists()  # the session's own folder, at its end


def test_opening_a_profile_sweeps_its_old_part_files(tmp_path, clock):
    made = make_office(tmp_path / "profile", clock)
    made.profile.close()
    left = tmp_path / "profile" / "documents" / ".lvyue-old.pdf"
    left.parent.mkdir(parents=True, exist_ok=True)
    left.write_bytes(b"%PDF half")
    _age(left, 2 * DAY)
    open_profile(tmp_path / "profile", clock=clock).close()
    assert not left.exists()


def test_a_session_removes_its_own_folder_at_exit_even_without_the_window(tmp_path):
    script = ("import sys; from pathlib import Path; from app.services.open_folder import OpenFolder\n"
              "f = OpenFolder(Path(sys.argv[1])); (f.path / 'a.txt').write_text('x'); print(f.path)\n")
    done = subprocess.run([sys.executable, "-c", script, str(tmp_path)], cwd=ROOT, capture_output=True,
                          text=True, timeout=60, env=dict(os.environ, LVYUE_NO_BOOTSTRAP="1"))
    assert done.returncode == 0, done.stderr
    made = Path(done.stdout.strip())
    assert made.name.startswith("lvyue-open-") and made.parent == tmp_path.resolve()
    assert not made.exists()
    assert list(tmp_path.iterdir()) == []
