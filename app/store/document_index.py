"""The issued-documents index 文书台账: one row per ``issue_document`` event, for paging and search.

A projection like ``complaints``: rows are made from the events alone, so they can be dropped and
rebuilt at any time. ``meta.documents_indexed_seq`` remembers the last event (local ``seq``) folded
in. Issuing adds its own row at once; events that arrive otherwise (pulled from the hub, or a
rebuild) are picked up by the next catch-up, which reads only the events after the mark (the partial
index ``ix_events_issue_document``).
Created by migration 0003.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from sqlalchemy import (
    Column,
    Index,
    Integer,
    MetaData,
    Row,
    Table,
    Text,
    delete,
    exists,
    func,
    insert,
    select,
)
from sqlalchemy.orm import Session

from app.store.meta import MetaStore
from app.store.tables import events

ACTION = "issue_document"
MARK = "documents_indexed_seq"

metadata = MetaData()

issued_documents = Table(
    "issued_documents",
    metadata,
    Column("event_id", Text, primary_key=True),
    Column("complaint_id", Text, nullable=False),
    Column("case_no", Text, nullable=False),
    Column("kind", Text, nullable=False),
    Column("variant", Text),
    Column("number", Text, nullable=False),
    Column("title", Text, nullable=False),
    Column("recipient", Text, nullable=False),
    Column("issued_on", Text, nullable=False),  # date printed on the document
    Column("issued_at", Text, nullable=False),  # ISO UTC, the event's device time
    Column("actor", Text, nullable=False),
    Column("sha256", Text, nullable=False),
    Column("pages", Integer, nullable=False),
    Column("template_version", Integer, nullable=False),
    Column("search", Text, nullable=False),  # lower-cased text the search box matches
    Index("ix_issued_documents_issued", "issued_at"),
    Index("ix_issued_documents_kind", "kind", "issued_at"),
    Index("ix_issued_documents_complaint", "complaint_id", "issued_at"),
    Index("ix_issued_documents_number", "number"),
)


def indexed_up_to(session: Session) -> int:
    return int(MetaStore(session).get(MARK, "0") or 0)


def newest_event_seq(session: Session) -> int:
    """The local ``seq`` of the newest ``issue_document`` event (0: none)."""
    e = events.c
    return session.execute(select(func.max(e.seq)).where(e.action == ACTION)).scalar() or 0


def unindexed_after(session: Session, seq: int, limit: int | None = None) -> list[Row]:
    """``issue_document`` events after local ``seq`` that have no row yet, oldest first (``limit`` of them)."""
    e, d = events.c, issued_documents.c
    return session.execute(
        select(events)
        .where(e.action == ACTION, e.seq > seq, ~exists().where(d.event_id == e.id)).order_by(e.seq).limit(limit)
    ).all()


def add_rows(session: Session, rows: Iterable[dict[str, Any]]) -> int:
    """Insert rows; an event already indexed is skipped."""
    batch = list(rows)
    if batch:
        session.execute(insert(issued_documents).prefix_with("OR IGNORE"), batch)
    return len(batch)


def mark_indexed(session: Session, up_to: int) -> None:
    MetaStore(session).set(MARK, str(up_to))


def clear(session: Session) -> None:
    session.execute(delete(issued_documents))
    MetaStore(session).set(MARK, "0")


def escape_like(term: str) -> str:
    return term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
