"""UUIDv7 (RFC 9562) layout and order: version, variant, the millisecond clock and the in-millisecond counter."""

from __future__ import annotations

import uuid

import pytest

from app.domain import ids
from app.domain.ids import uuid7, uuid7_time_ms

MS = 1_764_979_200_123  # 2025-12-06 00:00:00.123 UTC


@pytest.fixture
def frozen_clock(monkeypatch):
    """A clock stopped at MS (later than any id made so far) and random bytes that are all ones."""
    monkeypatch.setattr(ids, "_last_ms", 0)
    monkeypatch.setattr(ids, "_counter", 0)
    monkeypatch.setattr(ids.time, "time_ns", lambda: MS * 1_000_000 + 999_999)
    monkeypatch.setattr(ids.os, "urandom", lambda n: b"\xff" * n)


def test_the_layout_is_version_7_variant_10_with_the_milliseconds_first(frozen_clock):
    value = uuid.UUID(uuid7())
    assert value.version == 7 and value.variant == uuid.RFC_4122
    assert value.int >> 80 == MS
    assert uuid7_time_ms(str(value)) == MS
    assert (value.int >> 64) & 0xFFF == 0x3FF  # the counter starts low (10 random bits), leaving room
    assert value.int & ((1 << 62) - 1) == (1 << 62) - 1  # 62 random bits after the variant


def test_ids_in_one_millisecond_count_up_and_sort_in_order(frozen_clock):
    made = [uuid7() for _ in range(5)]
    counters = [(uuid.UUID(v).int >> 64) & 0xFFF for v in made]
    assert counters == [0x3FF, 0x400, 0x401, 0x402, 0x403]
    assert made == sorted(made) and len(set(made)) == 5
    assert {uuid7_time_ms(v) for v in made} == {MS}


def test_an_exhausted_counter_borrows_the_next_millisecond(frozen_clock, monkeypatch):
    uuid7()
    monkeypatch.setattr(ids, "_counter", 0xFFF)
    borrowed = uuid7()
    assert uuid7_time_ms(borrowed) == MS + 1
    assert (uuid.UUID(borrowed).int >> 64) & 0xFFF == 0
    after = uuid7()  # the clock still says MS: ids keep counting in the borrowed millisecond
    assert uuid7_time_ms(after) == MS + 1 and after > borrowed


def test_a_later_millisecond_starts_a_new_counter(frozen_clock, monkeypatch):
    first = uuid7()
    monkeypatch.setattr(ids.time, "time_ns", lambda: (MS + 1) * 1_000_000)
    monkeypatch.setattr(ids.os, "urandom", lambda n: b"\x00" * n)
    second = uuid7()
    assert uuid7_time_ms(second) == MS + 1 and (uuid.UUID(second).int >> 64) & 0xFFF == 0
    assert second > first


def test_real_ids_are_unique_ordered_and_carry_the_current_time():
    import time

    before = time.time_ns() // 1_000_000
    made = [uuid7() for _ in range(2000)]
    after = time.time_ns() // 1_000_000
    assert made == sorted(made) and len(set(made)) == len(made)
    assert before <= uuid7_time_ms(made[0]) and uuid7_time_ms(made[-1]) <= after + 1
