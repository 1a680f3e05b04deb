"""Users 用户管理: adding officers, roles and scope, passwords. Every change is an audited event."""

from __future__ import annotations

import re
import secrets
import string
from dataclasses import dataclass

from app.common.lazy import lazy_module
from app.domain.clock import iso_utc
from app.domain.errors import DomainError, FieldError, ValidationFailed
from app.domain.events import ADMIN_STREAM
from app.domain.ids import uuid7
from app.domain.regions import in_scope
from app.domain.vocabulary import Role
from app.security.passwords import hash_password, password_problem
from app.security.separation import combination_problem
from app.services.profile import Profile
from app.store.users import UserRecord
from app.sync.reference import read_kind

# the event rules and their pydantic models: imported by the first change, not by listing (issue 15)
recording = lazy_module("app.services.recording")

_USERNAME = re.compile(r"^[a-z0-9][a-z0-9_.-]{1,31}$")


@dataclass(frozen=True)
class Actor:
    """The logged-in user on whose behalf a service acts."""

    user_id: str
    username: str
    display_name: str
    roles: tuple[str, ...]
    region_code: str
    must_change_password: bool = False  # logged in with a temporary password: change it first

    def has(self, role: Role) -> bool:
        return role.value in self.roles


@dataclass(frozen=True)
class UserInfo:
    id: str
    username: str
    display_name: str
    roles: tuple[str, ...]
    region_code: str
    active: bool
    locked_until: str | None
    must_change_password: bool = False
    hub_managed: bool = False  # the account comes from the prefecture hub: its password is changed there


def _info(record_: UserRecord, hub_ids: frozenset[str] = frozenset()) -> UserInfo:
    return UserInfo(record_.id, record_.username, record_.display_name, record_.roles, record_.region_code,
                    record_.active, record_.locked_until, record_.must_change_password, record_.id in hub_ids)


def _hub_ids(session) -> frozenset[str]:
    """Users the hub's reference data sent (``app.sync.reference``): the hub owns their passwords."""
    return frozenset(read_kind(session, "hub_user_ids") or [])


def _validate_new_user(profile: Profile, username: str, display_name: str, roles: list[str], region_code: str,
                       password: str) -> tuple[str, tuple[str, ...]]:
    errors: list[FieldError] = []
    name = username.strip().lower()
    if not _USERNAME.match(name):
        errors.append(FieldError("username", "username_invalid"))
    if len(display_name.strip()) < 2:
        errors.append(FieldError("display_name", "string_too_short", {"min_length": "2"}))
    clean_roles: list[str] = []
    for role in roles:
        try:
            clean_roles.append(Role(role.strip()).value)
        except ValueError:
            errors.append(FieldError("roles", "role_unknown", {"role": role}))
    if not roles:
        errors.append(FieldError("roles", "missing"))
    elif not errors and combination_problem(clean_roles):
        errors.append(FieldError("roles", "roles_combined"))
    if profile.regions.find(region_code) is None:
        errors.append(FieldError("region_code", "region_unknown", {"region": region_code}))
    elif not in_scope(profile.office.region_code, region_code):
        errors.append(FieldError("region_code", "region_out_of_scope", {"region": region_code}))
    problem = password_problem(password)
    if problem:
        errors.append(FieldError("password", problem, {"min_length": "8"}))
    if errors:
        raise ValidationFailed(errors)
    return name, tuple(dict.fromkeys(clean_roles))


def add_user(
    profile: Profile, actor: Actor | None, *, username: str, display_name: str, roles: list[str],
    region_code: str | None = None, password: str,
) -> UserInfo:
    """Add a local user. ``actor`` must be an admin, except for the very first user of a profile."""
    region = region_code or profile.office.region_code
    name, clean_roles = _validate_new_user(profile, username, display_name, roles, region, password)
    with profile.store.unit_of_work() as uow:
        existing = uow.users.all()
        if existing and (actor is None or not actor.has(Role.ADMIN)):
            raise DomainError("admin_required")
        if not existing and Role.ADMIN.value not in clean_roles:
            raise DomainError("first_user_must_be_admin")
        if uow.users.by_username(name):
            raise ValidationFailed([FieldError("username", "username_taken", {"username": name})])
        now = iso_utc(profile.now())
        user = UserRecord(
            id=uuid7(), username=name, display_name=display_name.strip(), roles=clean_roles, region_code=region,
            password_hash=hash_password(password), active=True, failed_count=0, locked_until=None,
            created_at=now, password_changed_at=now,
        )
        uow.users.add(user, now)
        recording.record(uow, profile, stream=ADMIN_STREAM, action="user_add", actor=actor.user_id if actor else user.id,
               payload={"user_id": user.id, "username": name, "display_name": user.display_name,
                        "roles": list(clean_roles), "region_code": region},
               roles=actor.roles if actor else clean_roles)
        uow.commit()
    return _info(user)


def list_users(profile: Profile) -> list[UserInfo]:
    with profile.store.unit_of_work() as uow:
        hub = _hub_ids(uow.session)
        return [_info(u, hub) for u in uow.users.all()]


def user_names(profile: Profile) -> dict[str, str]:
    with profile.store.unit_of_work() as uow:
        return uow.users.names()


def _refuse_hub_account(session, user_id: str) -> None:
    if user_id in _hub_ids(session):
        raise DomainError("password_managed_by_hub")


def change_password(profile: Profile, actor: Actor, user_id: str, new_password: str) -> None:
    """Set a new password: one's own (prefer ``change_own_password``, which checks the old one), or anyone's
    by an admin, which is a reset: a password the administrator knows is temporary and must be changed at
    the next login. Clears a lockout."""
    if actor.user_id != user_id and not actor.has(Role.ADMIN):
        raise DomainError("admin_required")
    problem = password_problem(new_password)
    if problem:
        raise ValidationFailed([FieldError("password", problem, {"min_length": "8"})])
    own = actor.user_id == user_id
    with profile.store.unit_of_work() as uow:
        if uow.users.get(user_id) is None:
            raise DomainError("user_not_found")
        _refuse_hub_account(uow.session, user_id)
        now = iso_utc(profile.now())
        uow.users.update(user_id, now, password_hash=hash_password(new_password), password_changed_at=now,
                         failed_count=0, locked_until=None, must_change_password=not own)
        recording.record(uow, profile, stream=ADMIN_STREAM, action="password_change" if own else "password_reset",
               actor=actor.user_id, payload={"user_id": user_id}, roles=actor.roles)
        uow.commit()


def change_own_password(profile: Profile, actor: Actor, old_password: str, new_password: str, *,
                        via: str = "desktop") -> Actor:
    """修改密码: the user's own, with the current one; the policy of ``app.security.passwords``. A wrong
    current password is audited (``password_change_failed``) and counts towards the lockout like a login.
    Returns the actor without the must-change mark."""
    problem = password_problem(new_password)
    if problem:
        raise ValidationFailed([FieldError("password", problem, {"min_length": "8"})])
    if new_password == old_password:
        raise ValidationFailed([FieldError("password", "password_unchanged")])
    from app.services.auth import check_password  # auth imports this module

    check_password(profile, actor.username, old_password, via=via, actor_id=actor.user_id)
    with profile.store.unit_of_work() as uow:
        user = uow.users.get(actor.user_id)
        if user is None:
            raise DomainError("user_not_found")
        _refuse_hub_account(uow.session, user.id)
        now = iso_utc(profile.now())
        uow.users.update(user.id, now, password_hash=hash_password(new_password), password_changed_at=now,
                         failed_count=0, locked_until=None, must_change_password=False)
        recording.record(uow, profile, stream=ADMIN_STREAM, action="password_change", actor=actor.user_id,
               payload={"user_id": user.id}, roles=actor.roles)
        uow.commit()
    return Actor(actor.user_id, actor.username, actor.display_name, actor.roles, actor.region_code, False)


TEMPORARY_LENGTH = 12
_TEMPORARY_ALPHABET = "".join(ch for ch in string.ascii_letters + string.digits if ch not in "0O1lI") + "#%+=@"


def temporary_password() -> str:
    """12 characters from letters, digits and symbols easy to read aloud, meeting the password policy."""
    while True:
        candidate = "".join(secrets.choice(_TEMPORARY_ALPHABET) for _ in range(TEMPORARY_LENGTH))
        if password_problem(candidate) is None and any(not ch.isalnum() for ch in candidate):
            return candidate


def reset_password(profile: Profile, actor: Actor, username: str) -> tuple[UserInfo, str]:
    """重设密码 by the administrator: a new temporary password (returned once, never stored in clear nor
    audited) that the user must change at the next login; clears a lockout. Refused for accounts the
    prefecture hub manages (``password_managed_by_hub``)."""
    if not actor.has(Role.ADMIN):
        raise DomainError("admin_required")
    temporary = temporary_password()
    with profile.store.unit_of_work() as uow:
        user = uow.users.by_username(username)
        if user is None:
            raise DomainError("user_not_found")
        _refuse_hub_account(uow.session, user.id)
        now = iso_utc(profile.now())
        uow.users.update(user.id, now, password_hash=hash_password(temporary), password_changed_at=now,
                         failed_count=0, locked_until=None, must_change_password=True)
        recording.record(uow, profile, stream=ADMIN_STREAM, action="password_reset", actor=actor.user_id,
               payload={"user_id": user.id}, roles=actor.roles)
        uow.commit()
        info = _info(uow.users.get(user.id) or user)
    return info, temporary


def set_active(profile: Profile, actor: Actor, user_id: str, active: bool) -> None:
    if not actor.has(Role.ADMIN):
        raise DomainError("admin_required")
    if user_id == actor.user_id and not active:
        raise DomainError("cannot_deactivate_self")
    with profile.store.unit_of_work() as uow:
        if uow.users.get(user_id) is None:
            raise DomainError("user_not_found")
        uow.users.update(user_id, iso_utc(profile.now()), active=active)
        recording.record(uow, profile, stream=ADMIN_STREAM, action="user_activate" if active else "user_deactivate",
               actor=actor.user_id, payload={"user_id": user_id}, roles=actor.roles)
        uow.commit()
