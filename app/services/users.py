"""Users 用户管理: adding officers, roles and scope, passwords. Every change is an audited event."""

from __future__ import annotations

import re
from dataclasses import dataclass

from app.domain.clock import iso_utc
from app.domain.errors import DomainError, FieldError, ValidationFailed
from app.domain.events import ADMIN_STREAM
from app.domain.ids import uuid7
from app.domain.regions import in_scope
from app.domain.vocabulary import Role
from app.security.passwords import hash_password, password_problem
from app.services.profile import Profile
from app.services.recording import record
from app.store.users import UserRecord

_USERNAME = re.compile(r"^[a-z0-9][a-z0-9_.-]{1,31}$")


@dataclass(frozen=True)
class Actor:
    """The logged-in user on whose behalf a service acts."""

    user_id: str
    username: str
    display_name: str
    roles: tuple[str, ...]
    region_code: str

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


def _info(record_: UserRecord) -> UserInfo:
    return UserInfo(record_.id, record_.username, record_.display_name, record_.roles, record_.region_code,
                    record_.active, record_.locked_until)


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
        record(uow, profile, stream=ADMIN_STREAM, action="user_add", actor=actor.user_id if actor else user.id,
               payload={"user_id": user.id, "username": name, "display_name": user.display_name,
                        "roles": list(clean_roles), "region_code": region},
               roles=actor.roles if actor else clean_roles)
        uow.commit()
    return _info(user)


def list_users(profile: Profile) -> list[UserInfo]:
    with profile.store.unit_of_work() as uow:
        return [_info(u) for u in uow.users.all()]


def user_names(profile: Profile) -> dict[str, str]:
    with profile.store.unit_of_work() as uow:
        return uow.users.names()


def change_password(profile: Profile, actor: Actor, user_id: str, new_password: str) -> None:
    """Set a new password: one's own, or anyone's by an admin. Clears a lockout."""
    if actor.user_id != user_id and not actor.has(Role.ADMIN):
        raise DomainError("admin_required")
    problem = password_problem(new_password)
    if problem:
        raise ValidationFailed([FieldError("password", problem, {"min_length": "8"})])
    with profile.store.unit_of_work() as uow:
        if uow.users.get(user_id) is None:
            raise DomainError("user_not_found")
        now = iso_utc(profile.now())
        uow.users.update(user_id, now, password_hash=hash_password(new_password), password_changed_at=now,
                         failed_count=0, locked_until=None)
        record(uow, profile, stream=ADMIN_STREAM, action="password_change", actor=actor.user_id,
               payload={"user_id": user_id}, roles=actor.roles)
        uow.commit()


def set_active(profile: Profile, actor: Actor, user_id: str, active: bool) -> None:
    if not actor.has(Role.ADMIN):
        raise DomainError("admin_required")
    if user_id == actor.user_id and not active:
        raise DomainError("cannot_deactivate_self")
    with profile.store.unit_of_work() as uow:
        if uow.users.get(user_id) is None:
            raise DomainError("user_not_found")
        uow.users.update(user_id, iso_utc(profile.now()), active=active)
        record(uow, profile, stream=ADMIN_STREAM, action="user_activate" if active else "user_deactivate",
               actor=actor.user_id, payload={"user_id": user_id}, roles=actor.roles)
        uow.commit()
