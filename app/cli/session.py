"""What most commands need first: the profile, a logged-in user, JSON input."""

from __future__ import annotations

import getpass
import importlib
import json
import os
import sys
import threading
from pathlib import Path
from typing import TYPE_CHECKING, Any

from app.common.lazy import lazy_module
from app.domain.errors import DomainError

if TYPE_CHECKING:
    from app.services.profile import Profile
    from app.services.users import Actor

# imported when a command first opens a profile, not when the parser is built (issue 15)
auth = lazy_module("app.services.auth")
profiles = lazy_module("app.services.profile")

PASSWORD_ENV = "LVYUE_PASSWORD"


def open_profile(home: Path) -> Profile:
    """``app.services.profile.open_profile`` (a name of its own here: tests open with their clock)."""
    return profiles.open_profile(home)


def profile_from(args) -> Profile:
    """The profile of ``--home``; a damaged database is refused with the newest good backup and the
    ``restore`` command line (``maintenance.corrupt_error``)."""
    home = profiles.resolve_home(getattr(args, "home", None))
    try:
        return open_profile(home)
    except DomainError as error:
        if error.code != "database_damaged":
            raise
        from app.services.maintenance import corrupt_error

        raise corrupt_error(home, error.params.get("detail", "")) from None


def read_password(prompt: str, env: str = PASSWORD_ENV, *, confirm: bool = False) -> str:
    value = os.environ.get(env)
    if value:
        return value
    if not sys.stdin.isatty():
        raise DomainError("password_required")
    first = getpass.getpass(prompt)
    if confirm and getpass.getpass("请再次输入：") != first:
        raise DomainError("password_mismatch")
    return first


def actor_from(args, profile: Profile) -> Actor:
    username = getattr(args, "user", None)
    if not username:
        raise DomainError("user_required")
    password = read_password(f"用户 {username} 的密码：")
    # The login event's checks (pydantic, ~90 ms of imports) load on another thread while the password
    # is checked here (argon2id, ~90 ms, which releases the GIL): a logged-in command pays for one of them.
    warming = threading.Thread(target=importlib.import_module, args=("app.domain.event_rules",),
                               name="lvyue-warm-event-rules", daemon=True)
    warming.start()
    try:
        actor = auth.login(profile, username, password, via="cli")
    finally:
        warming.join()
    if actor.must_change_password:  # a temporary password opens nothing but ``user passwd``
        raise DomainError("password_change_required")
    return actor


def read_json(path: str) -> Any:
    """JSON from a file (``-`` = stdin): UTF-8 with or without BOM, UTF-16 with BOM, or GB18030 with a note
    (``app.cli.encoding.read_text``)."""
    from app.cli.encoding import read_text

    text = read_text(path)
    try:
        return json.loads(text)
    except json.JSONDecodeError as error:
        raise DomainError("json_invalid", line=error.lineno, column=error.colno, detail=error.msg) from None
