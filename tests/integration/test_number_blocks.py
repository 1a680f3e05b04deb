"""Number allocation 编号分配 from blocks the hub reserved (``app.store.numbers``): in order, block by block,
what is left counted exactly, and a refusal (never an invented number) when they are spent."""

from __future__ import annotations

import pytest
from sqlalchemy import create_engine
from sqlalchemy.orm import Session

from app.domain.errors import DomainError
from app.store.numbers import NumberAllocator
from app.store.tables import metadata


@pytest.fixture
def session(tmp_path):
    engine = create_engine(f"sqlite:///{tmp_path / 'numbers.sqlite'}")
    metadata.create_all(engine)
    with Session(engine) as session:
        yield session
    engine.dispose()


def test_reserved_blocks_are_used_in_order_and_what_is_left_is_exact(session):
    numbers = NumberAllocator(session, owns_series=False)
    numbers.add_block("case", 2026, 11, 13)  # a later block reserved first
    numbers.add_block("case", 2026, 1, 2)
    assert numbers.remaining("case", 2026) == 5
    got = [numbers.next("case", 2026) for _ in range(5)]
    assert got == [1, 2, 11, 12, 13]
    assert numbers.remaining("case", 2026) == 0
    with pytest.raises(DomainError) as spent:
        numbers.next("case", 2026)
    assert spent.value.code == "number_block_exhausted" and spent.value.params == {"series": "case", "year": 2026}
    assert numbers.remaining("case", 2025) == 0  # another year has its own blocks


def test_an_owned_series_starts_at_one_and_counts_up_without_end(session):
    numbers = NumberAllocator(session, owns_series=True)
    assert [numbers.next("doc:receipt", 2026) for _ in range(3)] == [1, 2, 3]
    assert numbers.next("doc:receipt", 2027) == 1
    assert numbers.remaining("doc:receipt", 2026) is None
