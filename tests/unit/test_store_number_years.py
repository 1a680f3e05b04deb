"""Numbers of a year come from that year's blocks only (``app.store.numbers``): what is left of 2026 is not
what another year holds, and a block the hub reserved ends where the hub said, so a device never prints
a number past it (another device holds the next ones)."""

from __future__ import annotations

import pytest
from sqlalchemy import create_engine
from sqlalchemy.orm import Session

from app.domain.errors import DomainError
from app.store.numbers import NumberAllocator
from app.store.tables import metadata


@pytest.fixture
def numbers(tmp_path):
    engine = create_engine(f"sqlite:///{tmp_path / 'numbers.sqlite'}")
    metadata.create_all(engine)
    with Session(engine) as session:
        yield NumberAllocator(session, owns_series=False)
    engine.dispose()


def test_what_is_left_counts_the_asked_year_only(numbers):
    numbers.add_block("case", 2026, 1, 3)
    numbers.add_block("case", 2027, 1, 10)
    numbers.add_block("doc:双柏发改受", 2026, 1, 50)
    assert numbers.remaining("case", 2026) == 3
    assert numbers.remaining("case", 2027) == 10
    assert numbers.remaining("case", 2025) == 0
    assert numbers.next("case", 2027) == 1
    assert numbers.remaining("case", 2026) == 3 and numbers.remaining("case", 2027) == 9


def test_a_reserved_block_ends_where_the_hub_said(numbers):
    numbers.add_block("case", 2026, 21, 22)
    assert [numbers.next("case", 2026), numbers.next("case", 2026)] == [21, 22]
    assert numbers.remaining("case", 2026) == 0
    with pytest.raises(DomainError) as spent:
        numbers.next("case", 2026)
    assert spent.value.code == "number_block_exhausted"
