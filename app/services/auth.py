"""Login 登录 (offline, against local verifiers) with lockout, logout 注销, the screen lock 锁定 and its
unlock 解锁. All of it is audited on the session stream.

Every password check (login, unlock, the current password when changing it) shares the lockout: 5
failures in a row lock the account for 15 minutes, so the lock screen and the password dialog cannot
be used to guess a password either.
"""

from __future__ import annotations

from datetime import timedelta

from app.domain.clock import iso_utc, parse_iso
from app.domain.errors import DomainError
from app.domain.events import SESSION_STREAM
from app.security.passwords import LOCK_MINUTES, MAX_FAILURES, hash_password, needs_rehash, verify_password
from app.services.profile import Profile
from app.services.recording import record
from app.services.users import Actor

_FAILED = {"login": "login_failed", "unlock": "unlock_failed", "password_change": "password_change_failed"}


def _authenticate(profile: Profile, username: str, password: str, *, via: str, purpose: str,
                  actor_id: str = "") -> Actor:
    """Check the password for ``purpose`` (login | unlock | password_change); audit the outcome.

    Unknown names and wrong passwords give the same answer, so names cannot be probed.
    """
    name = username.strip().lower()
    now = profile.now()
    with profile.store.unit_of_work() as uow:
        user = uow.users.by_username(name)
        failure: DomainError | None = None
        if user is None:
            failure = DomainError("login_failed")
            reason = "unknown_user"
        elif not user.active:
            failure = DomainError("user_inactive")
            reason = "inactive"
        elif user.locked_until and parse_iso(user.locked_until) > now:
            failure = DomainError("account_locked", until=user.locked_until)
            reason = "locked"
        elif not verify_password(user.password_hash, password):
            failures = user.failed_count + 1
            reason = "wrong_password"
            if failures >= MAX_FAILURES:
                until = iso_utc(now + timedelta(minutes=LOCK_MINUTES))
                uow.users.update(user.id, iso_utc(now), failed_count=0, locked_until=until)
                failure = DomainError("account_locked", until=until)
                reason = "wrong_password_locked"
            else:
                uow.users.update(user.id, iso_utc(now), failed_count=failures)
                failure = DomainError("login_failed", remaining=MAX_FAILURES - failures)
        if failure is not None:
            if purpose == "password_change" and failure.code == "login_failed":
                failure = DomainError("password_old_wrong", **failure.params)
            # an unlock or a password change always has its session's user, even if the account vanished since
            who = user.id if user else (actor_id if purpose != "login" else "")
            record(uow, profile, stream=SESSION_STREAM, action=_FAILED[purpose] if who or purpose == "login"
                   else "login_failed", actor=who, payload={"username": name, "reason": reason, "via": via})
            uow.commit()
            raise failure
        assert user is not None
        changes = {"failed_count": 0, "locked_until": None}
        if needs_rehash(user.password_hash):
            changes["password_hash"] = hash_password(password)
        uow.users.update(user.id, iso_utc(now), **changes)
        if purpose != "password_change":  # the change itself is the audited event
            record(uow, profile, stream=SESSION_STREAM, action=purpose, actor=user.id, payload={"via": via})
        uow.commit()
    return Actor(user.id, user.username, user.display_name, user.roles, user.region_code, user.must_change_password)


def login(profile: Profile, username: str, password: str, *, via: str = "desktop") -> Actor:
    """Check the password; 5 failures in a row lock the account for 15 minutes."""
    return _authenticate(profile, username, password, via=via, purpose="login")


def check_password(profile: Profile, username: str, password: str, *, via: str = "desktop",
                   actor_id: str = "") -> Actor:
    """The current password before changing it (``password_old_wrong`` when wrong; counts to the lockout)."""
    return _authenticate(profile, username, password, via=via, purpose="password_change", actor_id=actor_id)


def unlock(profile: Profile, actor: Actor, password: str, *, via: str = "desktop") -> Actor:
    """解锁: the locked session's own user, with their password (anyone else logs in: a switch of user)."""
    return _authenticate(profile, actor.username, password, via=via, purpose="unlock", actor_id=actor.user_id)


def lock(profile: Profile, actor: Actor, *, reason: str = "manual", via: str = "desktop") -> None:
    """锁定: the screen was locked (``idle`` after the configured time, or ``manual``: Ctrl+L)."""
    with profile.store.unit_of_work() as uow:
        record(uow, profile, stream=SESSION_STREAM, action="lock", actor=actor.user_id,
               payload={"reason": reason, "via": via})
        uow.commit()


def logout(profile: Profile, actor: Actor, *, via: str = "desktop", reason: str | None = None) -> None:
    """注销 (``reason``: ``switch_user`` when another user logs in next, ``logout``, or None on exit)."""
    payload = {"via": via, **({"reason": reason} if reason else {})}
    with profile.store.unit_of_work() as uow:
        record(uow, profile, stream=SESSION_STREAM, action="logout", actor=actor.user_id, payload=payload)
        uow.commit()
