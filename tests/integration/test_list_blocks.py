"""The list's blocks read on the driver's connection (``app.services.list_blocks``): the same rows, counts
and names as SQLAlchemy reads, the day's overdue flags and deadline statuses, one statement per shape."""

from __future__ import annotations

from datetime import date

from sqlalchemy import select

from app.domain.clock import china_date
from app.domain.deadlines import Deadline, DueKind, deadline_status
from app.services import list_blocks
from app.services.intake import register
from app.services.list_blocks import DeadlineMemo, complaint_row, read_block, row_tuple
from app.services.queries import LIST_COLUMNS, ComplaintFilter, ComplaintRow, list_complaints
from app.services.users import user_names
from app.store.tables import complaints
from tests.factories import intake

NAMES = ["双柏县甲有限公司", "双柏县乙有限公司", "双柏县丙有限公司", "双柏县丁有限公司", "双柏县戊有限公司"]


def _registered(office) -> None:
    for name in NAMES:
        register(office.profile, office.clerk, intake(complainant=name))


def _expected(office, today: str) -> list[ComplaintRow]:
    """The rows as SQLAlchemy reads them by name, newest first."""
    c = complaints.c
    with office.profile.store.read() as session:
        found = session.execute(select(*LIST_COLUMNS).order_by(c.registered_at.desc(), c.num.desc())).all()
    return [ComplaintRow(r.id, r.case_no, r.state, r.region_code, r.complainant_name, r.respondent_name,
                         r.department, r.channel, r.sector, r.agreement_title, r.claim_cents, r.registered_at,
                         r.received_on, r.assignee, r.due_on, r.due_kind, bool(r.due_on and r.due_on < today),
                         bool(r.typical), bool(r.conflict)) for r in found]


def test_a_block_holds_the_rows_the_count_and_the_names_sqlalchemy_reads(office):
    _registered(office)
    page = read_block(office.profile, office.officer, ComplaintFilter(), with_names=True)
    assert page.today == china_date(office.profile.now()).isoformat()
    assert [complaint_row(t, page.today) for t in page.rows] == _expected(office, page.today)
    assert page.total == len(NAMES) and page.names == user_names(office.profile) and "杨喆" in page.names.values()
    assert all(row_tuple(complaint_row(t, page.today)) == tuple(t) for t in page.rows)
    second = read_block(office.profile, office.officer, ComplaintFilter(), offset=2, limit=2, with_total=False)
    assert second.rows == page.rows[2:4] and second.total == -1 and second.names is None
    assert list_complaints(office.profile, office.officer).rows == tuple(_expected(office, page.today))


def test_overdue_flags_and_deadline_statuses_follow_the_day(office):
    _registered(office)
    profile = office.profile
    before = read_block(profile, office.officer, ComplaintFilter(overdue_only=True))
    assert before.total == 0 and before.rows == []
    office.clock.advance(days=90)  # every registration's deadline has passed
    page = read_block(profile, office.officer, ComplaintFilter())
    later = read_block(profile, office.officer, ComplaintFilter(overdue_only=True))
    assert later.total == len(NAMES) and sorted(later.rows) == sorted(page.rows)
    assert all(complaint_row(t, page.today).overdue for t in page.rows)
    memo = DeadlineMemo(profile)
    for t in page.rows:
        for day in (before.today, page.today):
            due = Deadline(DueKind(t[list_blocks.DUE_KIND]), date.fromisoformat(t[list_blocks.DUE_ON]))
            assert memo.status(t, day) == deadline_status(due, date.fromisoformat(day), profile.calendar)
    assert memo.status(page.rows[0], page.today).overdue and not memo.status(page.rows[0], before.today).overdue
    assert memo.status(page.rows[0], page.today) is memo.status(page.rows[1], page.today)  # one per deadline


def test_each_list_shape_is_compiled_once_whatever_the_block(office, monkeypatch):
    _registered(office)
    monkeypatch.setattr(list_blocks, "_statements", type(list_blocks._statements)())
    f = ComplaintFilter(states=("registered",))
    rows = []
    for offset in range(0, 6, 2):
        rows += read_block(office.profile, office.officer, f, sort="complainant", descending=False, offset=offset,
                           limit=2, with_total=offset == 0).rows
    assert [t[4] for t in rows] == sorted(NAMES)
    assert sorted(key[0] for key in list_blocks._statements) == ["block", "count"]
    read_block(office.profile, office.officer, f, sort="complainant", descending=True)
    assert len(list_blocks._statements) == 3  # another order: another statement
