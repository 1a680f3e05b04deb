"""Fixtures shared by every test layer: profiles on real SQLite files with users of every role."""

from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("LVYUE_NO_BOOTSTRAP", "1")

from argon2 import PasswordHasher
from hypothesis import settings

from app.security import data_keys, passwords
from app.services import auth, office_settings, users
from app.services.profile import Profile, create_profile
from app.services.users import Actor
from tests.factories import PASSWORD, FixedClock, china_noon
from tests.sync_fixtures import DATA_KEY_FILE_ENV, KEYRING_FILE_ENV, FileKeyring

# CI runs hypothesis with a fixed seed so a landing never depends on luck; local runs explore at random
# (and keep failures in .hypothesis/ to replay them).
settings.register_profile("ci", derandomize=True, print_blob=True)
if os.environ.get("LVYUE_CI"):
    settings.load_profile("ci")

# Profiles keep their data key in the OS keyring (app.security.data_keys). Every test process gets one
# keyring file for them, used in process whatever sync keyring a test swaps in, and by every child
# ``main.py`` / ``python -m server`` through the environment (tests.sync_fixtures.FileKeyring routes the
# service lvyue-data-key to this file). Set at import: module-scoped fixtures open profiles too.
_KEY_FOLDER = Path(tempfile.mkdtemp(prefix="lvyue-test-keys-"))
os.environ[DATA_KEY_FILE_ENV] = str(_KEY_FOLDER / "data-keys.json")
os.environ.setdefault("PYTHON_KEYRING_BACKEND", "tests.sync_fixtures.FileKeyring")
os.environ.setdefault(KEYRING_FILE_ENV, str(_KEY_FOLDER / "keyring.json"))
_DATA_KEYRING = FileKeyring()
data_keys._backend = lambda: _DATA_KEYRING

# argon2 at production cost takes ~100 ms a hash; tests use the cheapest parameters instead.
passwords._hasher = PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1)


@dataclass
class Office:
    profile: Profile
    clock: FixedClock
    admin: Actor
    clerk: Actor
    handler: Actor
    leader: Actor
    auditor: Actor
    officer: Actor  # clerk + handler + leader, as in a two-person county office


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock(china_noon(2026, 11, 26))


@pytest.fixture
def office(tmp_path, clock) -> Office:
    """A standalone profile of 双柏县发展和改革局 with one user per role."""
    made = make_office(tmp_path / "profile", clock)
    yield made
    made.profile.close()


def make_office(home, clock) -> Office:
    profile = create_profile(home, region_code="532322", office_name="双柏县发展和改革局", clock=clock)
    users.add_user(profile, None, username="admin", display_name="系统管理员", roles=["admin"], password=PASSWORD)
    admin = auth.login(profile, "admin", PASSWORD)
    made = {}
    for name, display, roles in [
        ("clerk", "李登记", ["clerk"]), ("handler", "王承办", ["handler"]), ("leader", "张审核", ["leader"]),
        ("auditor", "赵审计", ["auditor"]), ("officer", "杨喆", ["clerk", "handler", "leader"]),
    ]:
        users.add_user(profile, admin, username=name, display_name=display, roles=roles, password=PASSWORD)
        made[name] = auth.login(profile, name, PASSWORD)
    # Documents need the office contact (office_contact_missing); an office sets it before issuing.
    office_settings.update(profile, admin, {"contact_person": "王颖", "contact_phone": "0878-7721234"})
    return Office(profile, clock, admin, **made)


@pytest.fixture(autouse=True)
def _umask_given_back():
    """The hub's ``main()`` sets umask 077 for its process (server/__main__.py); tests call it in-process,
    so every test gets back the umask it started with (a leaked 077 changed later tests' file modes)."""
    before = os.umask(0o022)
    os.umask(before)
    yield
    os.umask(before)
