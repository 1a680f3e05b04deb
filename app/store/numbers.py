"""Number allocation 编号分配: the one interface that hands out case and document numbers.

A standalone profile owns its series (a block with no end). An enrolled device holds blocks reserved
by the hub (DESIGN §5); when they run out it raises ``number_block_exhausted`` rather than invent a
number that another device might also print.
"""

from __future__ import annotations

from sqlalchemy import and_, insert, or_, select, update
from sqlalchemy.orm import Session

from app.domain.errors import DomainError
from app.store.tables import number_blocks


class NumberAllocator:
    def __init__(self, session: Session, *, owns_series: bool) -> None:
        self.session = session
        self.owns_series = owns_series

    def next(self, series: str, year: int) -> int:
        """The next unused number of ``series`` in ``year``; final once the transaction commits."""
        blocks = number_blocks.c
        row = self.session.execute(
            select(blocks.start, blocks.next)
            .where(blocks.series == series, blocks.year == year, or_(blocks.end.is_(None), blocks.next <= blocks.end))
            .order_by(blocks.start)
            .limit(1)
        ).first()
        if row is None:
            if not self.owns_series:
                raise DomainError("number_block_exhausted", series=series, year=year)
            self.session.execute(insert(number_blocks).values(series=series, year=year, start=1, end=None, next=2))
            return 1
        self.session.execute(
            update(number_blocks)
            .where(and_(blocks.series == series, blocks.year == year, blocks.start == row.start))
            .values(next=row.next + 1)
        )
        return row.next

    def add_block(self, series: str, year: int, start: int, end: int) -> None:
        """Record a block reserved by the hub."""
        self.session.execute(insert(number_blocks).values(series=series, year=year, start=start, end=end, next=start))

    def remaining(self, series: str, year: int) -> int | None:
        """Numbers left in reserved blocks; None when the series is owned (unbounded)."""
        total = 0
        for row in self.session.execute(
            select(number_blocks).where(number_blocks.c.series == series, number_blocks.c.year == year)
        ):
            if row.end is None:
                return None
            total += max(0, row.end - row.next + 1)
        return total
