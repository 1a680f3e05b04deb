"""A device asks the hub for a new block of numbers when fewer than ten are left (``LOW_WATER``), not
before: ten left is enough for the day (issue 17, planted bug T: it asked one number early)."""

from __future__ import annotations

from datetime import date

from app.domain.numbering import case_series
from app.store.numbers import NumberAllocator
from app.sync import numbering
from app.sync.protocol import NumberBlock

SERIES = case_series("532322")


class Hub:
    """Hands out blocks as the hub would, and remembers what it was asked."""

    def __init__(self) -> None:
        self.asked: list[tuple[str, int, int]] = []

    def numbers(self, series: str, year: int, count: int) -> NumberBlock:
        self.asked.append((series, year, count))
        start = 1000 * len(self.asked)
        return NumberBlock(series=series, year=year, start=start, end=start + count - 1)


def test_ten_numbers_left_are_enough_and_nine_are_not(office):
    store = office.profile.store
    with store.unit_of_work() as uow:
        uow.numbers.add_block(SERIES, 2026, 1, 10)
        uow.commit()
    hub = Hub()
    reserved, refused = numbering.top_up(store, hub, "532322", date(2026, 6, 1), prefixes=[])
    assert (hub.asked, reserved, refused) == ([], [], [])

    with store.unit_of_work() as uow:
        assert uow.numbers.next(SERIES, 2026) == 1
        uow.commit()
    reserved, refused = numbering.top_up(store, hub, "532322", date(2026, 6, 1), prefixes=[])
    assert hub.asked == [(SERIES, 2026, numbering.BLOCK_SIZE["case"])] and refused == []
    with store.read() as session:
        assert NumberAllocator(session, owns_series=False).remaining(SERIES, 2026) == 9 + 50
