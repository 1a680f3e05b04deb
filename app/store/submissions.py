"""Rows of the submissions to the province (``credit_submissions``, ``credit_submission_items``).

The one module that spells these tables' columns; ``app.services.credit_submissions`` commits.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

from sqlalchemy import func, insert, select, text, update
from sqlalchemy.orm import Session

from app.domain.submissions import LEFT, Current, LastSent
from app.store.tables import credit_submission_items, credit_submissions

S, IT = credit_submissions.c, credit_submission_items.c
RECORD_COLUMNS = ("b.num, b.case_no, b.complaint_id, b.region_code, b.office_code, b.department, b.respondent_name, "
                  "b.respondent_code, b.respondent_kind, b.complainant_name, b.agreement_title, b.claim_cents, "
                  "b.ground, b.ground_detail, b.confirmed_by, b.confirmed_on, b.recorded_on, b.facts, "
                  "b.document_ref, b.status, b.repaired_on, b.repair_recorded_on, b.repair_evidence, "
                  "b.repair_document, b.sanctions, b.accountability, b.changed_on, b.digest")


def _range(prefix: str) -> dict[str, str]:
    return {"lo": prefix, "hi": prefix[:-1] + chr(ord(prefix[-1]) + 1)}


def current_records(session: Session, scope: str) -> list[Current]:
    """Every breach record in ``scope`` (a region prefix) as the rules need it."""
    rows = session.execute(text(
        "SELECT complaint_id, case_no, digest, status, confirmed_on FROM breach_records "
        "WHERE region_code >= :lo AND region_code < :hi"), _range(scope))
    return [Current(*r) for r in rows]


def last_sent(session: Session) -> dict[str, LastSent]:
    """Per complaint, its newest item in a submission that left the office (exported or sent)."""
    newest = (select(IT.complaint_id, func.max(IT.submission_id).label("sid"))
              .join(credit_submissions, S.id == IT.submission_id)
              .where(S.status.in_([s.value for s in LEFT])).group_by(IT.complaint_id).subquery())
    rows = session.execute(select(IT.complaint_id, IT.digest, IT.record_status).join(
        newest, (newest.c.complaint_id == IT.complaint_id) & (newest.c.sid == IT.submission_id)))
    return {r.complaint_id: LastSent(r.digest, r.record_status) for r in rows}


def record_rows(session: Session, complaint_ids: Iterable[str]) -> list[Any]:
    """Full register rows of these complaints (in batches: SQLite limits the parameters)."""
    ids = list(complaint_ids)
    rows: list[Any] = []
    for start in range(0, len(ids), 500):
        chunk = ids[start:start + 500]
        marks = ", ".join(f":i{n}" for n in range(len(chunk)))
        rows += session.execute(text(f"SELECT {RECORD_COLUMNS} FROM breach_records b WHERE b.complaint_id IN ({marks})"),
                                {f"i{n}": value for n, value in enumerate(chunk)}).all()
    return rows


def next_seq(session: Session, office_code: str, year: int) -> int:
    value = session.execute(select(func.max(S.seq)).where(S.office_code == office_code, S.year == year)).scalar()
    return (value or 0) + 1


def insert_submission(session: Session, values: dict[str, Any], items: list[dict[str, Any]]) -> int:
    sid = session.execute(insert(credit_submissions).values(**values)).inserted_primary_key[0]
    if items:
        session.execute(insert(credit_submission_items), [{**item, "submission_id": sid} for item in items])
    return int(sid)


def submissions(session: Session) -> list[Any]:
    return session.execute(select(credit_submissions).order_by(S.id.desc())).all()


def find(session: Session, key: str) -> Any | None:
    """A submission by its number (``532322-BS-2026-0001``) or its local id (``3``)."""
    key = key.strip()
    where = S.id == int(key) if key.isdigit() else S.number == key.upper()
    return session.execute(select(credit_submissions).where(where)).first()


def items(session: Session, sid: int) -> list[Any]:
    return session.execute(select(credit_submission_items).where(IT.submission_id == sid).order_by(IT.position)).all()


def item_rows(session: Session, sid: int) -> list[list[str]]:
    return [json.loads(r.data) for r in items(session, sid)]


def update_submission(session: Session, sid: int, **values: Any) -> None:
    session.execute(update(credit_submissions).where(S.id == sid).values(**values))


def delete_submission(session: Session, sid: int) -> None:
    session.execute(credit_submission_items.delete().where(IT.submission_id == sid))
    session.execute(credit_submissions.delete().where(S.id == sid))
