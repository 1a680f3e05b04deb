"""The list's SQL paths (row numbers first under a filter, the deadline index for deadline filters) give
the order a plain ``ORDER BY column, num`` gives, page after page, on a mixed sample."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import text

from app.domain.clock import china_date
from app.services import list_orders, queries
from app.services.queries import ComplaintFilter, list_complaints

SORTS = {"registered_at": "registered_at", "case_no": "case_no", "state": "state", "complainant": "complainant_name",
         "respondent": "respondent_name", "region": "region_code", "claim": "claim_cents", "due_on": "due_sort"}


@pytest.fixture
def mixed(office, add_complaint, act):
    """Twelve complaints: registered over two months (some overdue), equal names and deadlines, some
    forwarded, some closed (no deadline), three sectors."""
    today = china_date(office.profile.now())
    names = ["双柏县甲有限公司", "双柏县乙有限公司", "双柏县甲有限公司"]
    sectors = ["procurement", "bidding", "ppp"]
    made = []
    for i in range(12):
        registered = add_complaint(at=today - timedelta(days=5 * i) if i % 4 else today - timedelta(days=5),
                                   complainant=names[i % 3], sector=sectors[i % 3],
                                   claim={"amount": str(1000 * (i % 5)), "text": "支付款项"})
        made.append(registered)
        if i % 3 == 1:
            act(registered.case_no, "forward", {"department": "双柏县人民政府"})
        elif i % 4 == 3:
            act(registered.case_no, "reject", {"reason": "不属于受理范围", "legal_basis": "工作方案"})
    return made


def _expected(ctx, where: str, column: str, descending: bool) -> list[str]:
    way = "DESC" if descending else "ASC"
    with ctx.profile.store.read() as session:
        return list(session.execute(text(
            f"SELECT id FROM complaints WHERE {where} ORDER BY {column} {way}, num {way}")).scalars())


@pytest.mark.parametrize("scan_rows,kept", [(0, False), (queries.SCAN_ROWS, False), (0, True)],
                         ids=["filter index", "sort index", "kept order"])
@pytest.mark.parametrize("descending", [False, True])
@pytest.mark.parametrize("sort", list(SORTS))
def test_every_sort_and_filter_pages_in_the_plain_order(ctx, mixed, sort, descending, scan_rows, kept, monkeypatch):
    """Every way to a filtered block: matches by the filter's index then sorted, read along the sort's
    index (``scans_in_order``; a share of 1/12 or more always does, in this sample), or sliced from the
    list's kept order after its first block (``list_orders``, here for any number of matches)."""
    monkeypatch.setattr(queries, "SCAN_ROWS", scan_rows)
    monkeypatch.setattr(list_orders, "MIN_MATCHES", 0 if kept else 10**9)
    today = china_date(ctx.profile.now()).isoformat()
    cases = [
        (ComplaintFilter(), "1"),
        (ComplaintFilter(overdue_only=True), f"due_on IS NOT NULL AND due_on < '{today}'"),
        (ComplaintFilter(due_within_days=30), f"due_on >= '{today}' AND due_on <= date('{today}', '+30 days')"),
        (ComplaintFilter(states=("forwarded",)), "state = 'forwarded'"),
        (ComplaintFilter(states=("forwarded",), overdue_only=True),
         f"state = 'forwarded' AND due_on IS NOT NULL AND due_on < '{today}'"),
        (ComplaintFilter(sectors=("procurement",)), "sector = 'procurement'"),
        (ComplaintFilter(open_only=True, overdue_only=True), f"state != 'closed' AND due_on < '{today}'"),
        # several states: merged from each state's (state, column) index where the order has one
        (ComplaintFilter(open_only=True), "state != 'closed'"),
        (ComplaintFilter(states=("forwarded", "closed")), "state IN ('forwarded', 'closed')"),
        (ComplaintFilter(states=("registered", "forwarded", "closed"), sectors=("procurement", "bidding")),
         "state IN ('registered', 'forwarded', 'closed') AND sector IN ('procurement', 'bidding')"),
        (ComplaintFilter(states=("forwarded", "closed"), open_only=True), "state = 'forwarded'"),
        (ComplaintFilter(open_only=True, sectors=("bidding",)), "state != 'closed' AND sector = 'bidding'"),
    ]
    assert len(_expected(ctx, cases[1][1], "num", False)) > 0  # the sample has overdue complaints
    for f, where in cases:
        expected = _expected(ctx, where, SORTS[sort], descending)
        got = []
        for offset in range(0, 14, 3):
            page = list_complaints(ctx.profile, ctx.actor, f, sort=sort, descending=descending, offset=offset,
                                   limit=3)
            got += [row.id for row in page.rows]
            assert page.total == len(expected), (f, sort)
        assert got == expected, (f, sort, descending)


def test_a_block_reads_along_the_sort_index_only_when_matches_are_common_enough():
    from app.services.queries import scans_in_order

    f = ComplaintFilter(open_only=True)
    common = ComplaintFilter(sectors=("procurement", "bidding", "ppp"))
    assert scans_in_order(common, "complainant", 0, 100, 80_000, 100_000)  # ~125 rows read for the first block
    assert scans_in_order(common, "complainant", 3_000, 100, 80_000, 100_000)
    assert not scans_in_order(common, "complainant", 0, 100, 40, 100_000)  # a rare filter: its own index, sorted
    assert not scans_in_order(ComplaintFilter(sectors=("ppp",)), "claim", 5_000, 100, 5_000, 100_000)  # deep
    closed = ComplaintFilter(states=("closed",))
    assert not scans_in_order(closed, "due_on", 0, 100, 80_000, 100_000)  # (state, due_sort, …) gives the order
    assert not scans_in_order(closed, "registered_at", 0, 100, 80_000, 100_000)  # (state, registered_at) does
    for sort in ("state", "case_no", "complainant", "respondent", "region", "claim"):  # (state, column): 0019
        assert not scans_in_order(closed, sort, 0, 100, 80_000, 100_000), sort
    several = ComplaintFilter(states=("closed", "forwarded"))
    assert not scans_in_order(several, "claim", 0, 100, 80_000, 100_000)  # merged from (state, claim_cents)
    assert not scans_in_order(f, "complainant", 3_000, 100, 80_000, 100_000)  # 未办结 by 投诉人: merged too
    assert scans_in_order(several, "updated_at", 0, 100, 80_000, 100_000)  # no (state, updated_at) index
    assert scans_in_order(ComplaintFilter(sectors=("ppp",)), "due_on", 0, 100, 5_000, 100_000)
    assert not scans_in_order(f, "claim", 0, 100, None, 100_000) and not scans_in_order(f, "claim", 0, 100, 0, 1)
    assert not scans_in_order(ComplaintFilter(search="楚雄"), "claim", 0, 100, 80_000, 100_000)


def test_one_state_in_any_order_reads_its_own_index(ctx):
    """Deep blocks of 已办结 by 投诉人 skip along ``(state, complainant_name)``: no sort of all matches."""
    from app.services.list_blocks import _block_query

    with ctx.profile.store.read() as session:
        for sort in ("case_no", "complainant", "respondent", "region", "claim"):
            query = _block_query(ctx.profile, ctx.actor, ComplaintFilter(states=("closed",)), sort, False, True, False)
            compiled = query.compile(dialect=session.bind.dialect, compile_kwargs={"literal_binds": True})
            plan = " | ".join(r[3] for r in session.execute(text(f"EXPLAIN QUERY PLAN {compiled}")))
            assert "COVERING INDEX ix_complaints_state_" in plan, (sort, plan)
            assert plan.count("TEMP B-TREE") == 1, (sort, plan)  # only the block's 100 rows are sorted


def test_several_states_merge_their_own_indexes(ctx):
    """未办结, or several states, in an order with ``(state, column)`` indexes: each state's matches come off
    its index in order and SQLite merges them; only the block's rows are sorted, never all matches."""
    from app.services.list_blocks import _block_query

    with ctx.profile.store.read() as session:
        for f in (ComplaintFilter(open_only=True), ComplaintFilter(states=("forwarded", "closed"))):
            for sort in ("state", "case_no", "complainant", "respondent", "region", "claim"):
                for descending in (False, True):
                    query = _block_query(ctx.profile, ctx.actor, f, sort, descending, True, False)
                    compiled = query.compile(dialect=session.bind.dialect, compile_kwargs={"literal_binds": True})
                    plan = " | ".join(r[3] for r in session.execute(text(f"EXPLAIN QUERY PLAN {compiled}")))
                    assert "MERGE (UNION ALL)" in plan, (f, sort, plan)
                    assert plan.count("TEMP B-TREE") == 1, (f, sort, plan)  # the block's rows only


def test_a_kept_order_is_read_again_after_any_complaint_changes(ctx, mixed, act, monkeypatch):
    """A block past the first slices the list's kept order; a change to any complaint (a forward, a
    renamed complainant) moves the list stamp, and the next block is in the new order."""
    monkeypatch.setattr(list_orders, "MIN_MATCHES", 0)
    monkeypatch.setattr(queries, "SCAN_ROWS", 0)  # not along the sort's index: the share is large here
    f = ComplaintFilter(sectors=("procurement", "bidding"))
    where = "sector IN ('procurement', 'bidding')"

    def pages() -> list[str]:
        got = []
        for offset in (0, 3, 6):
            got += [r.id for r in list_complaints(ctx.profile, ctx.actor, f, sort="complainant", descending=False,
                                                  offset=offset, limit=3).rows]
        return got

    def stamp() -> int:
        with ctx.profile.store.read() as session:
            return session.execute(text("SELECT n FROM list_stamp")).scalar_one()

    assert pages() == _expected(ctx, where, "complainant_name", False)[:9]
    before = stamp()
    last = _expected(ctx, where, "complainant_name", False)[-1]
    case_no = next(r.case_no for r in mixed if r.complaint_id == last)
    act(case_no, "amend", {"changes": {"complainant.name": "双柏县丙有限公司"}, "reason": "更正名称"})
    assert stamp() > before
    expected = _expected(ctx, where, "complainant_name", False)
    assert expected.index(last) < 9  # it moved up into the pages read
    assert pages() == expected[:9]


def test_each_profile_keeps_its_own_orders(office, tmp_path, monkeypatch):
    """Two profiles whose list stamps are equal never share a kept order."""
    from app.services import intake as intake_service
    from tests import factories
    from tests.conftest import make_office

    monkeypatch.setattr(list_orders, "MIN_MATCHES", 0)
    monkeypatch.setattr(queries, "SCAN_ROWS", 0)
    other = make_office(tmp_path / "other", office.clock)
    try:
        for made, names in ((office, "甲乙丙丁"), (other, "戊己庚辛")):
            for name in names:
                intake_service.register(made.profile, made.officer, factories.intake(
                    complainant=f"双柏县{name}有限公司", sector="procurement"))
        f = ComplaintFilter(sectors=("procurement",))
        for made in (office, other):
            with made.profile.store.read() as session:
                assert session.execute(text("SELECT n FROM list_stamp")).scalar_one() == 4
            rows = list_complaints(made.profile, made.officer, f, sort="complainant", descending=False, offset=2,
                                   limit=2).rows
            with made.profile.store.read() as session:
                expected = list(session.execute(text(
                    "SELECT id FROM complaints WHERE sector = 'procurement' ORDER BY complainant_name, num"
                    " LIMIT 2 OFFSET 2")).scalars())
            assert [r.id for r in rows] == expected
    finally:
        other.profile.close()
