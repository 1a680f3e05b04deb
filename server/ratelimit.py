"""Rate limits 请求频率限制: token buckets per device and per network address, and lockouts after
repeated failed tokens or enrolment codes.

Everything lives in the memory of one worker: with N workers an address or a device gets up to N
times the configured rate (documented in docs/operator-guide.md). Buckets that have refilled are
forgotten once there are many keys, so an attacker with many addresses cannot grow memory without
bound. ``clock`` is ``time.monotonic`` unless a test gives another.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable, Hashable
from dataclasses import dataclass

from server.settings import HubSettings

MAX_KEYS = 50_000


def wait_text(seconds: float) -> str:
    """``"45秒"``, ``"15分钟"``: how long to wait, for the Chinese message."""
    seconds = max(1, math.ceil(round(seconds, 3)))
    if seconds < 60:
        return f"{seconds}秒"
    return f"{math.ceil(seconds / 60)}分钟"


class Buckets:
    """One token bucket per key: ``burst`` tokens, refilled at ``per_minute``; a request takes one."""

    def __init__(self, burst: int, per_minute: float, clock: Callable[[], float]) -> None:
        self.burst = max(1, burst)
        self.rate = max(per_minute, 1e-9) / 60.0  # tokens per second
        self.clock = clock
        self._buckets: dict[Hashable, list[float]] = {}

    def _refilled(self, key: Hashable, now: float) -> list[float]:
        bucket = self._buckets.get(key)
        if bucket is None:
            if len(self._buckets) >= MAX_KEYS:
                self._prune(now)
            bucket = self._buckets[key] = [float(self.burst), now]
        else:
            bucket[0] = min(float(self.burst), bucket[0] + (now - bucket[1]) * self.rate)
            bucket[1] = now
        return bucket

    def take(self, key: Hashable) -> float:
        """0 if a token was taken, otherwise the seconds until one will be there."""
        bucket = self._refilled(key, self.clock())
        if bucket[0] >= 1.0:
            bucket[0] -= 1.0
            return 0.0
        return (1.0 - bucket[0]) / self.rate

    def tokens(self, key: Hashable) -> float:
        return self._refilled(key, self.clock())[0]

    def _prune(self, now: float) -> None:
        full = [k for k, (tokens, stamp) in self._buckets.items()
                if tokens + (now - stamp) * self.rate >= self.burst]
        for key in full:
            del self._buckets[key]
        if len(self._buckets) >= MAX_KEYS:  # all busy: forget the oldest half (they are let through)
            for key in list(self._buckets)[: len(self._buckets) // 2]:
                del self._buckets[key]


class Lockout:
    """``allowed`` failures per ``window`` seconds from one address; then it is locked out for ``seconds``."""

    def __init__(self, allowed: int, window: int, seconds: int, clock: Callable[[], float]) -> None:
        self.failures = Buckets(allowed, allowed * 60.0 / max(window, 1), clock)
        self.seconds = seconds
        self.clock = clock
        self._until: dict[str, float] = {}

    def remaining(self, address: str) -> float:
        until = self._until.get(address)
        if until is None:
            return 0.0
        left = until - self.clock()
        if left <= 0:
            del self._until[address]
            return 0.0
        return left

    def fail(self, address: str) -> bool:
        """Count one failure; True if the address is locked out from now on."""
        self.failures.take(address)
        if self.failures.tokens(address) >= 1.0:
            return False
        if len(self._until) >= MAX_KEYS:
            now = self.clock()
            self._until = {a: t for a, t in self._until.items() if t > now}
        self._until[address] = self.clock() + self.seconds
        self.failures._buckets.pop(address, None)  # a fresh allowance once the lockout ends
        return True


@dataclass(frozen=True)
class Refusal:
    code: str  # rate_limited | auth_locked_out
    retry_after: int  # seconds

    @property
    def params(self) -> dict:
        return {"retry_after": self.retry_after, "wait": wait_text(self.retry_after)}


class RateLimits:
    """Every limit of one worker, built from the settings (``rate_limits=False`` turns them all off)."""

    def __init__(self, settings: HubSettings, clock: Callable[[], float] = time.monotonic) -> None:
        self.enabled = settings.rate_limits
        self._clock = clock
        tick = self.now
        self.address = Buckets(settings.address_burst, settings.address_per_minute, tick)
        self.enrol = Buckets(settings.enrol_burst, settings.enrol_per_minute, tick)
        self.device = {
            "push": Buckets(settings.push_burst, settings.push_per_minute, tick),
            "pull": Buckets(settings.pull_burst, settings.pull_per_minute, tick),
            "other": Buckets(settings.device_burst, settings.device_per_minute, tick),
        }
        self.lockout = Lockout(settings.auth_failures, settings.auth_failure_window, settings.lockout_seconds, tick)

    def now(self) -> float:
        return self._clock()

    def set_clock(self, clock: Callable[[], float]) -> None:
        self._clock = clock

    @staticmethod
    def _refusal(code: str, wait: float) -> Refusal | None:
        # to the millisecond first: ``until - now`` of a 600 s lockout may come out as 600.0000000001
        return Refusal(code, max(1, math.ceil(round(wait, 3)))) if wait > 0 else None

    def check_address(self, address: str) -> Refusal | None:
        return self._refusal("rate_limited", self.address.take(address)) if self.enabled else None

    def check_locked(self, address: str) -> Refusal | None:
        return self._refusal("auth_locked_out", self.lockout.remaining(address)) if self.enabled else None

    def check_enrol(self, address: str) -> Refusal | None:
        return self._refusal("rate_limited", self.enrol.take(address)) if self.enabled else None

    def check_device(self, kind: str, device_id: str) -> Refusal | None:
        return self._refusal("rate_limited", self.device[kind].take(device_id)) if self.enabled else None

    def failed(self, address: str) -> bool:
        """A failed token or enrolment code from ``address``; True if it is now locked out."""
        return self.lockout.fail(address) if self.enabled else False
