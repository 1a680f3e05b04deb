"""Local users: login names, roles, scope, password verifiers and lockout counters."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Row, insert, select, update
from sqlalchemy.orm import Session

from app.store.tables import users


@dataclass(frozen=True)
class UserRecord:
    id: str
    username: str
    display_name: str
    roles: tuple[str, ...]
    region_code: str
    password_hash: str
    active: bool
    failed_count: int
    locked_until: str | None
    created_at: str
    password_changed_at: str | None
    must_change_password: bool = False  # a temporary password set by the administrator


def _record(row: Row) -> UserRecord:
    return UserRecord(
        id=row.id, username=row.username, display_name=row.display_name,
        roles=tuple(r for r in row.roles.split(",") if r), region_code=row.region_code,
        password_hash=row.password_hash, active=bool(row.active), failed_count=row.failed_count,
        locked_until=row.locked_until, created_at=row.created_at, password_changed_at=row.password_changed_at,
        must_change_password=bool(row.must_change_password),
    )


class UserStore:
    def __init__(self, session: Session) -> None:
        self.session = session

    def by_username(self, username: str) -> UserRecord | None:
        row = self.session.execute(select(users).where(users.c.username == username.strip().lower())).first()
        return _record(row) if row else None

    def get(self, user_id: str) -> UserRecord | None:
        row = self.session.execute(select(users).where(users.c.id == user_id)).first()
        return _record(row) if row else None

    def all(self) -> list[UserRecord]:
        return [_record(row) for row in self.session.execute(select(users).order_by(users.c.username))]

    def names(self) -> dict[str, str]:
        """user id -> display name, for timelines and lists."""
        rows = self.session.execute(select(users.c.id, users.c.display_name))
        return {row.id: row.display_name for row in rows}

    def add(self, record: UserRecord, now: str) -> None:
        self.session.execute(insert(users).values(
            id=record.id, username=record.username.lower(), display_name=record.display_name,
            roles=",".join(record.roles), region_code=record.region_code, password_hash=record.password_hash,
            active=1 if record.active else 0, failed_count=0, locked_until=None, created_at=now, updated_at=now,
            password_changed_at=now,
        ))

    def update(self, user_id: str, now: str, **values) -> None:
        if "roles" in values:
            values["roles"] = ",".join(values["roles"])
        if "active" in values:
            values["active"] = 1 if values["active"] else 0
        if "must_change_password" in values:
            values["must_change_password"] = 1 if values["must_change_password"] else 0
        self.session.execute(update(users).where(users.c.id == user_id).values(updated_at=now, **values))
