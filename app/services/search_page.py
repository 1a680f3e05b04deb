"""A search page for terms in most complaints ('532300' is in every case number), without reading every hit.

Reading all the row numbers a term matches costs time in proportion to the matches (57 ms for 100,000
complaints and a 6-digit term). The index is first asked for ``CAP`` + 1 hits (a millisecond): with no
more, they are all the hits and the caller's exact path uses them. When a term has more and is *dense*
(over ``DENSE`` of the rows up to its ``CAP`` + 1-th hit, and of as many of the newest rows, match), the
page is found by walking the list's sort order: rows at both ends are known from those two reads, rows
between them are asked about one by one (``rowid = ?``, 0.03 ms on a merged index), and after
``LOOKUPS`` questions the walk gives up (``TooSparse``) and the caller reads every hit. The rows shown
are exactly those of the full search; the count is exact where the hits were read and a lower bound
beyond (``Page.more``: the window shows "至少 2,002 件…"). Other terms keep the exact path of
``app.services.queries``.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.store.tables import complaints

CAP = 1000  # hits read from the index before a term counts as frequent
DENSE = 0.5  # share of the rows up to the last hit read above which the page walks the sort order
CHUNK = 200  # rows read from the sort order at a time
LOOKUPS = 600  # rows asked about one by one before a page gives up (about 20 ms): the caller reads every hit

c = complaints.c


@dataclass(frozen=True)
class DensePrefix:
    """The first ``CAP`` + 1 hits of a dense term in row-number order (``nums``, up to ``last``) and its
    hits among as many of the newest rows (``top``, from ``first_top`` on): every row outside
    (``last``, ``first_top``) is known without asking the index."""

    match: str
    nums: frozenset[int]
    last: int
    top: frozenset[int] = frozenset()
    first_top: int = 0


class TooSparse(Exception):
    """The walk asked about ``LOOKUPS`` rows: the term is rare in this part of the list."""


def dense_prefix(session: Session, match: str) -> DensePrefix | frozenset[int] | None:
    """What the index says of ``match`` in ``CAP`` + 1 hits: all its hits (a ``frozenset``) when it has
    no more, its two ends (``DensePrefix``) when it is frequent and dense, or None (the caller reads
    every hit)."""
    connection = session.connection()
    rows = connection.exec_driver_sql(
        f"SELECT rowid FROM complaint_search WHERE complaint_search MATCH ? LIMIT {CAP + 1}", (match,)).fetchall()
    if len(rows) <= CAP:
        return frozenset(num for (num,) in rows)
    last = rows[-1][0]
    # rows up to the last hit read: row numbers are dense (rows are never deleted), so from the ends
    # of the table (counting them read 40,000 wide rows: 10 ms)
    low, high = connection.exec_driver_sql(  # one MIN and one MAX each: together they would scan the table
        "SELECT (SELECT MIN(num) FROM complaints), (SELECT MAX(num) FROM complaints)").first()
    below = last - (low or 0) + 1
    if below <= 0 or len(rows) / below < DENSE:
        return None
    # The newest rows, where the default order starts: the hits among the last rows (as many as the
    # first CAP + 1 hits took), read by row range (a millisecond). A term not dense there too (one
    # frequent in old complaints only) is read in full: the walk would ask about most rows.
    bound = max(last, (high or 0) - below)
    top = connection.exec_driver_sql(
        "SELECT rowid FROM complaint_search WHERE complaint_search MATCH ? AND rowid > ?", (match, bound)).fetchall()
    above = (high or 0) - bound
    if above > 0 and len(top) / above < DENSE:
        return None
    return DensePrefix(match, frozenset(num for (num,) in rows), last, frozenset(num for (num,) in top), bound + 1)


def _hit(connection, prefix: DensePrefix, num: int) -> bool | None:
    """Whether row ``num`` matches, or None when only the index can tell."""
    if num <= prefix.last:
        return num in prefix.nums
    if num >= prefix.first_top:
        return num in prefix.top
    return None


def _asked(connection, prefix: DensePrefix, num: int) -> bool:
    return connection.exec_driver_sql(
        "SELECT 1 FROM complaint_search WHERE complaint_search MATCH ? AND rowid = ?", (prefix.match, num)
    ).first() is not None


def walk(session: Session, conditions: Iterable, order: list, prefix: DensePrefix, offset: int,
         limit: int) -> list[int]:
    """Row numbers of one page: the rows in sort order that the term matches, ``offset`` of them skipped.
    Raises ``TooSparse`` after asking the index about ``LOOKUPS`` rows."""
    connection = session.connection()
    picked: list[int] = []
    skipped = 0
    asked = 0
    result = session.execute(select(c.num).where(*conditions).order_by(*order))
    try:
        while len(picked) < limit:
            chunk = result.fetchmany(CHUNK)
            if not chunk:
                break
            for (num,) in chunk:
                hit = _hit(connection, prefix, num)
                if hit is None:
                    asked += 1
                    if asked > LOOKUPS:
                        raise TooSparse
                    hit = _asked(connection, prefix, num)
                if not hit:
                    continue
                if skipped < offset:
                    skipped += 1
                elif len(picked) < limit:
                    picked.append(num)
    finally:
        result.close()
    return picked


def bounded_count(session: Session, conditions: Iterable, prefix: DensePrefix, whole: bool) -> tuple[int, bool]:
    """(count, more): the matching rows up to the prefix's last hit, exactly, and whether rows beyond it
    may match too (the count is then a lower bound). ``whole``: no other condition than the term."""
    if whole:
        return len(prefix.nums | prefix.top), prefix.first_top > prefix.last + 1
    nums = session.execute(select(c.num).where(*conditions, c.num <= prefix.last)).scalars()
    count = sum(1 for num in nums if num in prefix.nums)
    beyond = session.execute(select(c.num).where(*conditions, c.num > prefix.last).limit(1)).first()
    return count, beyond is not None
