"""The hub's rate limits with a fake clock: honest counties never meet the defaults; floods and guesses do."""

from __future__ import annotations

import pytest

from server import ratelimit
from server.ratelimit import Buckets, RateLimits, wait_text
from server.settings import HubSettings


class Clock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def limits(**settings) -> tuple[RateLimits, Clock]:
    clock = Clock()
    return RateLimits(HubSettings(**settings), clock), clock


def test_a_whole_prefecture_behind_one_address_never_meets_the_default_limits():
    rate, clock = limits()
    nat = "10.53.23.1"
    devices = [f"dev-{n:03d}" for n in range(130)]
    # enrolment day: all 130 enrol at once, then a first sync each (a county's first pull is many pages)
    for _ in devices:
        assert rate.check_address(nat) is None and rate.check_enrol(nat) is None
    for d in devices:
        for _ in range(40):
            assert rate.check_address(nat) is None and rate.check_device("pull", d) is None
    # the prefecture device's first sync: 100,000 complaints, some 500 pages, as fast as the hub serves them
    for _ in range(500):
        assert rate.check_address(nat) is None and rate.check_device("pull", "prefecture") is None
    # then a working day: every device syncs every 3 minutes (meta, files, pushes, pulls, reference...)
    for _round in range(160):
        clock.now += 180
        for d in devices:
            for kind in ("other", "push", "push", "pull", "pull", "other", "other", "other"):
                assert rate.check_address(nat) is None
                assert rate.check_device(kind, d) is None, (kind, d, _round)
    # a revoked laptop in the building tries its old token with each scheduled sync
    for _ in range(8):
        clock.now += 3600
        assert not rate.failed(nat)
        assert rate.check_locked(nat) is None


def test_a_bucket_refills_at_its_rate_and_says_how_long_to_wait():
    clock = Clock()
    bucket = Buckets(burst=3, per_minute=6, clock=clock)  # one token every 10 s
    assert [bucket.take("d") for _ in range(3)] == [0.0, 0.0, 0.0]
    assert bucket.take("d") == pytest.approx(10.0)
    clock.now += 5
    assert bucket.take("d") == pytest.approx(5.0)
    clock.now += 5
    assert bucket.take("d") == 0.0
    assert bucket.take("other") == 0.0  # keys are independent


def test_a_flood_from_one_device_gets_retry_after_in_whole_seconds():
    rate, _clock = limits(push_burst=2, push_per_minute=2)
    assert rate.check_device("push", "d") is None and rate.check_device("push", "d") is None
    refusal = rate.check_device("push", "d")
    assert refusal.code == "rate_limited" and refusal.retry_after == 30
    assert refusal.params == {"retry_after": 30, "wait": "30秒"}
    assert rate.check_device("pull", "d") is None  # another bucket


def test_failures_lock_an_address_out_for_the_lockout_time_then_it_starts_afresh():
    rate, clock = limits(auth_failures=3, auth_failure_window=600, lockout_seconds=900)
    assert not rate.failed("a") and not rate.failed("a")
    assert rate.failed("a")  # the third failure within the window
    assert rate.check_locked("a").code == "auth_locked_out"
    assert rate.check_locked("a").retry_after == 900
    assert rate.check_locked("b") is None  # other addresses are not affected
    clock.now += 899
    assert rate.check_locked("a").retry_after == 1
    clock.now += 2
    assert rate.check_locked("a") is None
    assert not rate.failed("a") and not rate.failed("a")  # a fresh allowance


def test_failures_spread_over_time_never_lock_out():
    rate, clock = limits(auth_failures=3, auth_failure_window=600)
    for _ in range(50):
        assert not rate.failed("a")
        clock.now += 300  # one failure per 5 minutes, the allowance is 3 per 10 minutes


def test_turned_off_nothing_is_limited():
    rate, _clock = limits(rate_limits=False, address_burst=1, push_burst=1, auth_failures=1)
    for _ in range(10):
        assert rate.check_address("a") is None and rate.check_device("push", "d") is None
        assert not rate.failed("a") and rate.check_locked("a") is None


def test_memory_stays_bounded_with_many_addresses(monkeypatch):
    monkeypatch.setattr(ratelimit, "MAX_KEYS", 100)
    clock = Clock()
    bucket = Buckets(burst=5, per_minute=1, clock=clock)
    for n in range(1000):
        bucket.take(f"addr-{n}")
    assert len(bucket._buckets) <= 100


def test_wait_text():
    assert wait_text(0.2) == "1秒"
    assert wait_text(59) == "59秒"
    assert wait_text(60) == "1分钟"
    assert wait_text(901) == "16分钟"


def test_a_lockout_says_its_own_length_whatever_the_clock_reads():
    """``until - now`` in floats may exceed the lockout by a hair at a large monotonic reading (it came out
    as 601 s for a 600 s lockout in a full run): the answer is the configured length."""
    import math

    start = next(t for t in (3600 + 8000.0 + n * 0.37 for n in range(100_000))
                 if math.ceil((t + 600) - t) != 600)  # a reading where the subtraction rounds up
    rate, clock = limits(auth_failures=1, auth_failure_window=900, lockout_seconds=600)
    clock.now = start
    assert rate.failed("a")
    refusal = rate.check_locked("a")
    assert refusal.retry_after == 600 and refusal.params["wait"] == "10分钟"
