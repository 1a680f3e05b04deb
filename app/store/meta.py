"""Key/value settings of a profile (device id, office, region, numbering mode...)."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.dialects.sqlite import insert
from sqlalchemy.orm import Session

from app.store.tables import meta


class MetaStore:
    def __init__(self, session: Session) -> None:
        self.session = session

    def get(self, key: str, default: str | None = None) -> str | None:
        value = self.session.execute(select(meta.c.value).where(meta.c.key == key)).scalar()
        return default if value is None else value

    def set(self, key: str, value: str) -> None:
        statement = insert(meta).values(key=key, value=value)
        self.session.execute(statement.on_conflict_do_update(index_elements=["key"], set_={"value": value}))

    def all(self) -> dict[str, str]:
        return {row.key: row.value for row in self.session.execute(select(meta))}
