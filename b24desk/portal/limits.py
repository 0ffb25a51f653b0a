"""The cloud portal's limits: a leaky bucket per caller and per-method operating time.

Leaky bucket (limits.md): every request adds 1 to a counter that drains at `rate` per
second; a request that would lift the counter above `burst` is refused with 503
QUERY_LIMIT_EXCEEDED and adds nothing. level(t) = max(0, level(t0) - rate * (t - t0)).

Operating time: each method's execution time is summed into ten one-minute buckets
(a sliding 10-minute window) per caller; once the sum passes the limit, the next call
of that method is refused with 429 OPERATION_TIME_LIMIT until the oldest bucket expires.
"""

from __future__ import annotations

import math
from collections import defaultdict
from dataclasses import dataclass, field

WINDOW_BUCKETS = 10
BUCKET_SECONDS = 60


@dataclass
class LeakyBucket:
    rate: float
    burst: int
    level: float = 0.0
    updated: float = 0.0

    def try_acquire(self, now: float) -> bool:
        self.level = max(0.0, self.level - self.rate * (now - self.updated))
        self.updated = now
        if self.level + 1 > self.burst:
            return False
        self.level += 1
        return True


@dataclass
class OperatingTime:
    """Operating seconds of one method for one caller, in one-minute buckets."""

    buckets: dict[int, float] = field(default_factory=dict)

    def _drop_old(self, now: float) -> None:
        current = int(now // BUCKET_SECONDS)
        for minute in [m for m in self.buckets if m <= current - WINDOW_BUCKETS]:
            del self.buckets[minute]

    def add(self, now: float, seconds: float) -> None:
        self._drop_old(now)
        minute = int(now // BUCKET_SECONDS)
        self.buckets[minute] = self.buckets.get(minute, 0.0) + seconds

    def total(self, now: float) -> float:
        self._drop_old(now)
        return sum(self.buckets.values())

    def reset_at(self, now: float) -> int:
        """When the oldest bucket drops out of the window."""
        self._drop_old(now)
        oldest = min(self.buckets, default=int(now // BUCKET_SECONDS))
        return (oldest + WINDOW_BUCKETS) * BUCKET_SECONDS


@dataclass
class Limits:
    rate: float
    burst: int
    operating_limit: float
    buckets: dict[str, LeakyBucket] = field(default_factory=dict)
    operating: dict[tuple[str, str], OperatingTime] = field(
        default_factory=lambda: defaultdict(OperatingTime)
    )

    def admit(self, caller: str, now: float) -> bool:
        bucket = self.buckets.get(caller)
        if bucket is None:
            bucket = self.buckets[caller] = LeakyBucket(self.rate, self.burst, 0.0, now)
        return bucket.try_acquire(now)

    def bucket_level(self, caller: str, now: float) -> float:
        bucket = self.buckets.get(caller)
        if bucket is None:
            return 0.0
        return max(0.0, bucket.level - bucket.rate * (now - bucket.updated))

    def method_blocked(self, caller: str, method: str, now: float) -> bool:
        if math.isinf(self.operating_limit):
            return False
        return self.operating[caller, method].total(now) > self.operating_limit

    def record(self, caller: str, method: str, now: float, seconds: float) -> tuple[float, int]:
        """Count `seconds` of work; return (operating, operating_reset_at) for the answer."""
        account = self.operating[caller, method]
        account.add(now, seconds)
        return account.total(now), account.reset_at(now)
