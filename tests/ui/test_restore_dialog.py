"""A damaged database at start (issue 12): the guided restore lists the backups newest first, each checked
with ``integrity_check``, the bad ones marked and not choosable; it says what will be lost, moves the
damaged file aside (never deletes it), restores the chosen copy and goes on to the login."""

from __future__ import annotations

import os
import re
import sqlite3
import time

from app.services import maintenance
from app.services.intake import register
from app.store.backup import DAMAGE_SUFFIX
from tests.factories import intake
from ui.dialogs.login import LoginDialog
from ui.dialogs.restore_dialog import RestoreDialog
from ui.startup import Startup


def complaints_in(database) -> int:
    with sqlite3.connect(database) as db:
        return db.execute("SELECT count(*) FROM complaints").fetchone()[0]


def damaged_profile(office):
    """Two complaints in a good manual backup, a newer backup that is junk, a third complaint entered
    after the backup; then the database's first page is overwritten. Returns (files, good backup)."""
    profile = office.profile
    for _ in range(2):
        register(profile, office.clerk, intake())
    good = maintenance.backup(profile)
    register(profile, office.clerk, intake())
    profile.close()
    junk = profile.files.backups / "lvyue-manual-20991231-000000-000000.sqlite"
    junk.write_bytes(b"SQLite format 3\0" + os.urandom(8192))
    later = time.time() + 60
    os.utime(junk, (later, later))  # the newest copy on disk, and a bad one
    with open(profile.files.database, "r+b") as handle:
        handle.write(b"\0" * 100)
    return profile.files, good


def finish_checks(qtbot, dialog: RestoreDialog) -> None:
    qtbot.waitUntil(lambda: not dialog.checking(), timeout=20000)


def test_the_restore_dialog_marks_bad_backups_and_restores_the_chosen_good_one(qtbot, office, tasks, ui_settings):
    files, good = damaged_profile(office)
    damaged_bytes = files.database.read_bytes()
    startup = Startup(files.home, tasks, ui_settings)
    startup.start()
    dialog = startup.dialog
    assert isinstance(dialog, RestoreDialog)  # not the first-run wizard over a damaged file
    qtbot.addWidget(dialog)
    finish_checks(qtbot, dialog)
    rows = [dialog.tree.topLevelItem(i) for i in range(dialog.tree.topLevelItemCount())]
    assert [r.text(4) for r in rows] == [p.path.name for p in dialog.copies]
    assert rows[0].text(2).startswith("已损坏") and rows[1].text(2) == "完好"  # newest first, the bad one marked
    assert not re.search(r"[A-Za-z]{3,}", rows[0].text(2) + rows[0].toolTip(2)), rows[0].toolTip(2)  # SQLite's words: log
    assert rows[1].text(4) == good.name and rows[1].text(1) == "手动"
    assert dialog.tree.currentItem() is rows[1]  # the newest good copy is suggested
    assert "之后录入的内容会丢失" in dialog.loss.text()
    dialog.tree.setCurrentItem(rows[0])
    assert not dialog.restore_button.isEnabled()  # a damaged copy cannot be chosen
    dialog.tree.setCurrentItem(rows[1])
    assert dialog.restore_button.isEnabled()
    dialog.restore_button.click()
    qtbot.waitUntil(lambda: isinstance(startup.dialog, LoginDialog), timeout=20000)
    qtbot.addWidget(startup.dialog)
    note = startup.notice
    qtbot.addWidget(note)
    assert "已恢复" in note.text() and str(dialog.saved_as) in note.text()
    assert dialog.saved_as.read_bytes() == damaged_bytes  # the damaged file is kept beside, not deleted
    qtbot.waitUntil(lambda: startup.profile is not None, timeout=20000)  # the restored profile opens
    assert complaints_in(files.database) == 2
    note.close()
    startup.close()


def test_quitting_the_restore_dialog_deletes_and_changes_nothing(qtbot, office, tasks, ui_settings):
    files, _good = damaged_profile(office)
    before = sorted(p.name for p in files.home.rglob("*"))
    damaged_bytes = files.database.read_bytes()
    startup = Startup(files.home, tasks, ui_settings)
    startup.start()
    dialog = startup.dialog
    qtbot.addWidget(dialog)
    finish_checks(qtbot, dialog)
    with qtbot.waitSignal(startup.finished) as finished:
        dialog.reject()
    assert finished.args == [1]
    assert set(before) <= {p.name for p in files.home.rglob("*")}  # (a damage mark may be added beside)
    assert files.database.read_bytes() == damaged_bytes


def test_damage_found_while_opening_turns_the_login_into_the_restore(qtbot, office, tasks, ui_settings):
    """A database an earlier read marked damaged (``lvyue.sqlite.damaged``) passes the cheap check, so the
    login shows first; the full check while opening finds the damaged page and the restore takes over."""
    profile = office.profile
    register(profile, office.clerk, intake())
    maintenance.backup(profile)
    profile.close()
    database = profile.files.database
    with sqlite3.connect(database) as db:
        page = db.execute("SELECT rootpage FROM sqlite_master WHERE name = 'ux_events_device_seq'").fetchone()[0]
        size = db.execute("PRAGMA page_size").fetchone()[0]
    with open(database, "r+b") as handle:
        handle.seek((page - 1) * size)
        handle.write(b"\x0d" + b"\xa5" * 200)
    database.with_name(database.name + DAMAGE_SUFFIX).write_text("database disk image is malformed")
    startup = Startup(profile.files.home, tasks, ui_settings)
    startup.start()
    assert isinstance(startup.dialog, LoginDialog)
    qtbot.addWidget(startup.dialog)
    qtbot.waitUntil(lambda: isinstance(startup.dialog, RestoreDialog), timeout=20000)
    dialog = startup.dialog
    qtbot.addWidget(dialog)
    finish_checks(qtbot, dialog)
    assert dialog.restore_button.isEnabled()
    with qtbot.waitSignal(startup.finished):
        dialog.reject()
