"""Login 登录 (offline, against local verifiers) with lockout, and logout. All of it is audited."""

from __future__ import annotations

from datetime import timedelta

from app.domain.clock import iso_utc, parse_iso
from app.domain.errors import DomainError
from app.domain.events import SESSION_STREAM
from app.security.passwords import LOCK_MINUTES, MAX_FAILURES, hash_password, needs_rehash, verify_password
from app.services.profile import Profile
from app.services.recording import record
from app.services.users import Actor


def login(profile: Profile, username: str, password: str, *, via: str = "desktop") -> Actor:
    """Check the password; 5 failures in a row lock the account for 15 minutes.

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
            record(uow, profile, stream=SESSION_STREAM, action="login_failed", actor=user.id if user else "",
                   payload={"username": name, "reason": reason, "via": via})
            uow.commit()
            raise failure
        assert user is not None
        changes = {"failed_count": 0, "locked_until": None}
        if needs_rehash(user.password_hash):
            changes["password_hash"] = hash_password(password)
        uow.users.update(user.id, iso_utc(now), **changes)
        record(uow, profile, stream=SESSION_STREAM, action="login", actor=user.id, payload={"via": via})
        uow.commit()
    return Actor(user.id, user.username, user.display_name, user.roles, user.region_code)


def logout(profile: Profile, actor: Actor, *, via: str = "desktop") -> None:
    with profile.store.unit_of_work() as uow:
        record(uow, profile, stream=SESSION_STREAM, action="logout", actor=actor.user_id, payload={"via": via})
        uow.commit()
