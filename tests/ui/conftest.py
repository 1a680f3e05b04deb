"""Fixtures for the window's tests (pytest-qt, offscreen). Shared by the shell and the case widgets.

On top of ``tests/conftest.py`` (``office``: a 双柏县 profile on a fixed clock, 2026-11-26 noon, with the
users ``admin clerk handler leader auditor officer``, all with ``tests.factories.PASSWORD``):

- ``chinese`` (autouse, once per session): the app's translators — Qt's zh_CN and every
  ``resources/i18n/*_zh_CN.qm`` — as at start-up: the app is Chinese by default, so are its tests;
- ``tasks``: the app's task runner (``SavingTasks``); teardown waits for queued work and delivers it;
- ``ui_settings``: a throw-away ``QSettings`` file (never the user's own settings);
- ``make_ctx(actor="officer")``: a ``UiContext`` for any user of ``office`` (a name or an ``Actor``);
  ``ctx`` is the officer's (clerk + handler + leader); attachments opened go to ``tmp_path/"opened"``;
- ``add_complaint(at=None, actor="officer", assignee=None, **intake_overrides)``: registers a complaint
  through ``app.services.intake.register`` (``at``: a date, registered at noon that day), returns
  ``Registered``; ``act(ref, action, data, actor="officer", at=None)`` runs ``app.services.act.act``;
- an in-memory keyring backend, so nothing reaches the OS credential store;
- ``no_real_file_dialogs`` (autouse): the file-dialog seams of ``ui.widgets.file_dialogs`` refuse (patch them).
- no first-run tour after a login (``ui.help.tour.AT_LOGIN``) unless a test turns it on.
- waits that fail a test (``qtbot.waitUntil``, ``waitSignal``…) allow at least ``LVYUE_UI_WAIT_MS``
  (30 s): their timeout only catches a hang, and a loaded CI machine (``.ci/shake-ui``) needs more than
  5 s for a background query; a wait with ``raising=False`` keeps its own timeout;
- ``tests.ui.qt_guard``: a test fails when a timer, a thread or a top-level window it made outlives it,
  or when the event loop raises after it ended (naming the test that left it).
"""

from __future__ import annotations

import os

os.environ["QT_QPA_PLATFORM"] = "offscreen"  # before any Qt import

from datetime import date

import keyring
import pytest
from keyring.backend import KeyringBackend
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from app.services import act as act_service
from app.services import intake as intake_service
from app.services.open_folder import OpenFolder
from app.services.users import Actor
from tests import factories
from tests.ui.qt_guard import (  # noqa: F401 - the guard's hooks
    drain,
    pytest_configure,
    pytest_runtest_setup,
    pytest_runtest_teardown,
)
from ui.context import UiContext
from ui.i18n import install_translators
from ui.saving_tasks import SavingTasks

WAIT_FLOOR_MS = int(os.environ.get("LVYUE_UI_WAIT_MS", "30000"))


def _patient(wait):
    def patient(self, *args, timeout: int | None = 5000, **kwargs):
        if kwargs.get("raising") is not False and timeout is not None and timeout > 0:
            timeout = max(timeout, WAIT_FLOOR_MS)
        return wait(self, *args, timeout=timeout, **kwargs)

    patient.__wrapped__ = wait
    return patient


for _name in ("waitUntil", "waitSignal", "waitSignals", "waitCallback"):
    setattr(QtBot, _name, _patient(getattr(QtBot, _name)))


class MemoryKeyring(KeyringBackend):
    """Credentials kept in a dict for the test session."""

    priority = 1

    def __init__(self) -> None:
        super().__init__()
        self.secrets: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.secrets.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.secrets[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        self.secrets.pop((service, username), None)


@pytest.fixture(autouse=True)
def memory_keyring():
    backend = MemoryKeyring()
    previous = keyring.get_keyring()
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(previous)


@pytest.fixture(scope="session", autouse=True)
def chinese(qapp):
    """The app's translators (Qt's zh_CN and every resources/i18n/*_zh_CN.qm), as at start-up."""
    translators = install_translators(qapp)
    yield translators
    for translator in translators:
        qapp.removeTranslator(translator)


@pytest.fixture(autouse=True)
def app_font(qapp):
    """Tests may change the application font (font-size setting); put it back afterwards."""
    font = QApplication.font()
    yield
    QApplication.setFont(font)


@pytest.fixture(autouse=True)
def no_tour_at_login(monkeypatch):
    """The first-run tour (``ui.help.tour``) is tested on its own: other log-ins here go without it."""
    import ui.help.tour

    monkeypatch.setattr(ui.help.tour, "AT_LOGIN", False)


@pytest.fixture
def ui_settings(tmp_path) -> QSettings:
    return QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def tasks(qapp):
    runner = SavingTasks()
    yield runner
    drain(runner)  # every result delivered, including work that results queue in turn


@pytest.fixture
def make_ctx(office, tasks, ui_settings, tmp_path):
    opened = tmp_path / "opened"
    opened.mkdir()

    def make(actor: Actor | str = "officer") -> UiContext:
        user = getattr(office, actor) if isinstance(actor, str) else actor
        return UiContext(office.profile, user, tasks, ui_settings, OpenFolder(opened))

    return make


@pytest.fixture
def ctx(make_ctx) -> UiContext:
    return make_ctx("officer")


def _at(office, day: date | None):
    return factories.china_noon(day.year, day.month, day.day) if day else None


@pytest.fixture
def add_complaint(office):
    def add(*, at: date | None = None, actor: Actor | str = "officer", assignee: Actor | str | None = None,
            **overrides) -> intake_service.Registered:
        user = getattr(office, actor) if isinstance(actor, str) else actor
        handler = getattr(office, assignee) if isinstance(assignee, str) else assignee
        saved = office.clock.now
        office.clock.now = _at(office, at) or saved
        try:
            return intake_service.register(office.profile, user, factories.intake(**overrides),
                                           assignee=handler.user_id if handler else None)
        finally:
            office.clock.now = saved

    return add


@pytest.fixture
def act(office):
    def run(ref: str, action: str, data: dict | None = None, *, actor: Actor | str = "officer",
            at: date | None = None) -> act_service.Acted:
        user = getattr(office, actor) if isinstance(actor, str) else actor
        saved = office.clock.now
        office.clock.now = _at(office, at) or saved
        try:
            return act_service.act(office.profile, user, ref, action, data or {})
        finally:
            office.clock.now = saved

    return run


@pytest.fixture(autouse=True)
def no_real_file_dialogs(monkeypatch):
    """No test opens a real file dialog or the file manager (``ui.widgets.file_dialogs``'s seams); the
    last folders are remembered for the test only."""
    from ui.widgets import file_dialogs

    def refuse(*_args, **_kwargs):
        raise AssertionError("a test opened a real file dialog: patch ui.widgets.file_dialogs._get_*")

    for seam in ("_get_save_file_name", "_get_open_file_names", "_get_open_file_name", "_get_existing_directory",
                 "open_folder"):
        monkeypatch.setattr(file_dialogs, seam, refuse)
    file_dialogs.remember_in(None)
    yield
    file_dialogs.remember_in(None)
