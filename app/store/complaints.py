"""The complaint projection: one narrow row per complaint (the list's columns), the aggregate as JSON
beside it, and its row in the contentless search index. Written only by the projector.

The search index keeps no copy of the text, so removing a complaint's old index row means handing
FTS5 the old column values again: they are recomputed from the stored aggregate before it changes.
That holds only while the index row always matches the stored aggregate: every save whose aggregate's
``search_key`` differs from the stored one must reindex. Old values that do not match what was indexed
leave stale terms behind and, once FTS5 merges the segments, "database disk image is malformed". So
the projector decides by comparing keys, never by the action's name (a resolution applying a kept
forward, or a pulled event setting a local one aside, changes the department too).
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from sqlalchemy import delete, insert, select, text
from sqlalchemy.orm import Session

from app.common.days import day_number
from app.common.packing import pack
from app.domain.complaint import Complaint
from app.domain.deadlines import Deadline
from app.domain.duplicates import complainant_key, complaint_text, respondent_key
from app.domain.events import canonical_json
from app.domain.milestones import MilestoneRows
from app.domain.similarity import text_marks
from app.security.fieldcrypt import FieldCipher, cipher_for, open_json, seal_json
from app.store import search
from app.store.tables import (
    breach_records,
    complaint_data,
    complaints,
    duplicate_marks,
    received_month,
    sanction_spells,
    stage_deadlines,
    stage_month_counts,
    stage_month_days,
    stage_month_unit_counts,
    state_spells,
)

_SEARCH_INSERT = text("INSERT INTO complaint_search(rowid, grams, chars) VALUES (:rowid, :grams, :chars)")
_SEARCH_DELETE = text(
    "INSERT INTO complaint_search(complaint_search, rowid, grams, chars) VALUES ('delete', :rowid, :grams, :chars)"
)


def optimize_search_index(session: Session) -> None:
    """Merge the search index into one segment (FTS5 ``optimize``): a rebuild writes it in hundreds of
    small ones, and asking whether one row matches (``app.services.search_page``) probes every segment
    (1.4 ms per row instead of 0.03 ms at 100,000 complaints). 3.5 s at 100,000 complaints."""
    session.execute(text("INSERT INTO complaint_search(complaint_search) VALUES ('optimize')"))


def _cents(amount: Any) -> int | None:
    if amount in (None, ""):
        return None
    return int(Decimal(str(amount)) * 100)


def projection_row(c: Complaint, deadline: Deadline | None) -> dict[str, Any]:
    intake = c.intake
    return {
        "id": c.id, "case_no": c.case_no, "office_code": c.office_code, "region_code": c.region_code,
        "state": c.state.value, "conflict": 1 if c.conflicts else 0,
        "complainant_name": intake["complainant"]["name"],
        "complainant_code": intake["complainant"]["credit_code"],
        "respondent_name": intake["respondent"]["name"],
        "department": c.department or intake["respondent"]["competent_department"],
        "channel": intake["channel"], "sector": intake["sector"], "breach_kind": intake["breach_kind"],
        "agreement_title": intake["agreement"]["title"], "claim_cents": _cents(intake["claim"].get("amount")),
        "registered_at": c.registered_at, "received_on": c.received_on.isoformat(), "assignee": c.assignee,
        "due_on": deadline.due_on.isoformat() if deadline else None,
        "due_sort": deadline.due_on.isoformat() if deadline else NO_DEADLINE,
        "due_kind": deadline.kind.value if deadline else None,
        "typical": 1 if c.typical else 0, "head": c.head, "version": c.version, "updated_at": c.updated_at,
        "channel_ref": intake.get("channel_ref"),
        "complainant_key": complainant_key(intake["complainant"]["name"], intake["complainant"]["credit_code"]),
        "respondent_key": respondent_key(intake["respondent"]["name"]),
        "merged_into": _merged_into(c),
    }


def _merged_into(c: Complaint) -> str | None:
    closure = c.closure or {}
    return closure.get("duplicate_of") if closure.get("kind") == "merged" else None


def mark_rows(num: int, c: Complaint) -> list[tuple[int, int]]:
    """The ``duplicate_marks`` rows of a complaint's text (``app.domain.similarity``)."""
    return [(mark, num) for mark in dict.fromkeys(text_marks(complaint_text(c.intake)))]


def search_row(c: Complaint, cipher: FieldCipher | None = None) -> dict[str, str]:
    return search.document(c.intake, c.case_no, c.department, cipher.blind if cipher is not None else None)


def search_key(c: Complaint | None) -> tuple | None:
    """What a complaint's search row is made of (``search_row``: the intake, the case number and the
    department; the blind tokens come from the intake). Two aggregates with the same key have the same
    search row, so comparing keys says whether a change must be reindexed, whichever event made it."""
    if c is None:
        return None
    return c.case_no, c.department, canonical_json(c.intake)


NO_DEADLINE = "9999-12-31"  # due_sort of complaints without a deadline: last in ascending order

_ROW_COLUMNS = [col.name for col in complaints.columns if col.name != "num"]
# One action runs these on every save: plain driver SQL skips SQLAlchemy's statement building (the
# action budget is 5 ms, and building eight Core statements took about half of it).
_UPDATE_ROW = f"UPDATE complaints SET {', '.join(f'{name} = ?' for name in _ROW_COLUMNS)} WHERE num = ?"
_UPDATE_DATA = "UPDATE complaint_data SET data = ? WHERE num = ?"
_SELECT_NUM = "SELECT num FROM complaints WHERE id = ?"
_SELECT_DATA = "SELECT d.data FROM complaints c JOIN complaint_data d ON d.num = c.num WHERE c.id = ?"
_INSERT_MARKS = "INSERT OR IGNORE INTO duplicate_marks (mark, num) VALUES (?, ?)"
_DELETE_MARKS = "DELETE FROM duplicate_marks WHERE num = ?"
_TRIGGERED_TABLES = "SELECT DISTINCT tbl_name FROM sqlite_master WHERE type = 'trigger'"
_CLEAR_CHUNK = 2000
_MILESTONE_TABLES = (state_spells, stage_deadlines, sanction_spells, breach_records)
_MONTHLY_SUMS = (stage_month_counts, stage_month_unit_counts, stage_month_days, received_month)
_INSERT_MILESTONES = tuple(
    f"INSERT INTO {t.name} ({', '.join(col.name for col in t.columns)}) VALUES ({', '.join('?' for _ in t.columns)})"
    for t in _MILESTONE_TABLES)
_DELETE_MILESTONES = tuple(f"DELETE FROM {t.name} WHERE num = ?" for t in _MILESTONE_TABLES)


def _milestone_params(num: int, rows: MilestoneRows, row: dict[str, Any]) -> tuple[list[tuple], ...]:
    """Rows for the three milestone tables, with the complaint's region and department (and, for the
    deadlines, its case number and respondent) copied in, and its breach register row if any."""
    where = (row["region_code"], row["department"])
    named = (*where, row["case_no"], row["respondent_name"])
    # the dates of spells and deadlines are stored as day numbers (``app.common.days``, migration 0021)
    spells = [(num, seq, state, day_number(entered), day_number(left), *where)
              for seq, state, entered, left in rows.spells]
    deadlines = [(num, *r[:3], *map(day_number, r[3:8]), *r[8:], *named) for r in rows.deadlines]
    return (spells, deadlines,
            [(num, *r, *where) for r in rows.sanctions], [(num, *rows.breach)] if rows.breach else [])


class ComplaintStore:
    def __init__(self, session: Session) -> None:
        self.session = session
        self._cipher: FieldCipher | None = None

    @property
    def cipher(self) -> FieldCipher:
        """The database's write key: the aggregate's personal data is sealed as in the events."""
        if self._cipher is None:
            self._cipher = cipher_for(self.session)
        return self._cipher

    def _sql(self, statement: str, params: tuple) -> Any:
        return self.session.connection().exec_driver_sql(statement, params)

    def get(self, complaint_id: str) -> Complaint | None:
        data = self._sql(_SELECT_DATA, (complaint_id,)).scalar()
        return Complaint.from_json(open_json(data)) if data else None

    def _stored(self, num: int) -> Complaint:
        data = self.session.execute(select(complaint_data.c.data).where(complaint_data.c.num == num)).scalar_one()
        return Complaint.from_json(open_json(data))

    def search_keys(self, ids: list[str]) -> dict[str, tuple | None]:
        """``search_key`` of the stored aggregate of each of ``ids`` that has a row (500 per query)."""
        keys: dict[str, tuple | None] = {}
        for start in range(0, len(ids), 500):
            chunk = ids[start:start + 500]
            rows = self._sql(
                f"SELECT c.id, d.data FROM complaints c JOIN complaint_data d ON d.num = c.num "
                f"WHERE c.id IN ({', '.join('?' * len(chunk))})", tuple(chunk)).fetchall()
            keys.update((cid, search_key(Complaint.from_json(open_json(data)))) for cid, data in rows)
        return keys

    def id_for_case_no(self, case_no: str) -> str | None:
        return self.session.execute(select(complaints.c.id).where(complaints.c.case_no == case_no)).scalar()

    def _write_milestones(self, num: int, rows: MilestoneRows, row: dict[str, Any], *, replace: bool) -> None:
        cursor = self.session.connection().connection.cursor()  # executemany on the driver: a few rows
        try:
            for delete_sql, insert_sql, params in zip(_DELETE_MILESTONES, _INSERT_MILESTONES,
                                                      _milestone_params(num, rows, row), strict=True):
                if replace:
                    cursor.execute(delete_sql, (num,))
                if params:
                    cursor.executemany(insert_sql, params)
        finally:
            cursor.close()

    def _write_marks(self, num: int, c: Complaint, *, replace: bool) -> None:
        cursor = self.session.connection().connection.cursor()
        try:
            if replace:
                cursor.execute(_DELETE_MARKS, (num,))
            cursor.executemany(_INSERT_MARKS, mark_rows(num, c))
        finally:
            cursor.close()

    def save(self, c: Complaint, deadline: Deadline | None, *, reindex: bool,
             milestones: MilestoneRows | None = None) -> None:
        """Insert or update the row; ``reindex`` rewrites the search row: it must be true whenever
        ``search_key(c)`` may differ from the stored aggregate's (the old values are recomputed from the
        stored aggregate, and only a changed row is rewritten); ``milestones`` (when given) replace the
        complaint's milestone rows."""
        row = projection_row(c, deadline)
        cipher = self.cipher
        data = pack(seal_json(cipher, c.to_json()))
        num = self._sql(_SELECT_NUM, (c.id,)).scalar()
        if num is None:
            num = self.session.execute(insert(complaints).values(**row)).inserted_primary_key[0]
            self.session.execute(insert(complaint_data).values(num=num, data=data))
            self.session.execute(_SEARCH_INSERT, {"rowid": num, **search_row(c, cipher)})
            self._write_marks(num, c, replace=False)
            if milestones is not None:
                self._write_milestones(num, milestones, row, replace=True)
            return
        if milestones is not None:
            self._write_milestones(num, milestones, row, replace=True)
        if reindex:
            old = search_row(self._stored(num), cipher)
            new = search_row(c, cipher)
            if old != new:
                self.session.execute(_SEARCH_DELETE, {"rowid": num, **old})
                self.session.execute(_SEARCH_INSERT, {"rowid": num, **new})
                self._write_marks(num, c, replace=True)
        self._sql(_UPDATE_ROW, (*(row[name] for name in _ROW_COLUMNS), num))
        self._sql(_UPDATE_DATA, (data, num))

    def bulk_insert(self, rows: list[tuple[Complaint, Deadline | None, MilestoneRows]]) -> None:
        """Insert many new complaints at once (rebuild, demo): rows and search rows in two statements,
        the milestone rows in one statement per table."""
        if not rows:
            return
        start = self.session.execute(text("SELECT COALESCE(MAX(num), 0) FROM complaints")).scalar_one() + 1
        values = []
        for offset, (c, deadline, _) in enumerate(rows):
            row = projection_row(c, deadline)
            row["num"] = start + offset
            values.append(row)
        cipher = self.cipher
        self.session.execute(insert(complaints), values)
        self.session.execute(insert(complaint_data), [
            {"num": start + i, "data": pack(seal_json(cipher, c.to_json()))} for i, (c, _, _) in enumerate(rows)
        ])
        self.session.execute(
            _SEARCH_INSERT, [{"rowid": start + i, **search_row(c, cipher)} for i, (c, _, _) in enumerate(rows)]
        )
        marks = [m for i, (c, _, _) in enumerate(rows) for m in mark_rows(start + i, c)]
        batches: tuple[list[tuple], ...] = ([], [], [], [])
        for i, (_, _, milestones) in enumerate(rows):
            for batch, params in zip(batches, _milestone_params(start + i, milestones, values[i]), strict=True):
                batch.extend(params)
        cursor = self.session.connection().connection.cursor()
        try:
            for insert_sql, batch in zip(_INSERT_MILESTONES, batches, strict=True):
                if batch:
                    cursor.executemany(insert_sql, batch)
            cursor.executemany(_INSERT_MARKS, marks)
        finally:
            cursor.close()

    def clear(self) -> None:
        self.session.execute(text("INSERT INTO complaint_search(complaint_search) VALUES ('delete-all')"))
        triggered = set(self.session.execute(text(_TRIGGERED_TABLES)).scalars())
        for table in (complaint_data, complaints, duplicate_marks, *_MILESTONE_TABLES, *_MONTHLY_SUMS):
            # the sums last: their triggers just emptied them
            if table.name in triggered:
                self._delete_in_chunks(table.name)
            else:
                self.session.execute(delete(table))

    def _delete_in_chunks(self, name: str) -> None:
        """Empty a table with triggers a chunk of rows at a time: one ``DELETE`` of them all gathers
        every row for its triggers first (380 MB for the deadlines of 100,000 complaints)."""
        statement = text(f"DELETE FROM {name} WHERE rowid IN (SELECT rowid FROM {name} LIMIT {_CLEAR_CHUNK})")
        while self.session.execute(statement).rowcount:
            pass
