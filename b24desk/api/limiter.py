"""Client-side limits shaped like the portal's, so the portal never has to refuse us.

Leaky bucket (limits.md). The portal keeps a level that every request raises by 1 and
that drains at `rate` per second:

    level(t) = max(0, level(t0) - rate * (t - t0))

and refuses a request (503 QUERY_LIMIT_EXCEEDED) that would lift it above `burst`. We keep
the same level, but against a `capacity = burst - reserve`: the `reserve` slots absorb
the difference between when we send and when the portal receives (network jitter lets two
requests arrive closer together than they left), up to `reserve / rate` seconds of it.

A request reserves its slot at once: the level rises by 1 even while it still waits, so
the level can stand above `capacity`. The wait of the request taking the level from L to
L + 1 is

    wait = max(0, (L + 1 - capacity) / rate)

at the end of which the drained level is exactly `capacity`: concurrent callers are
spaced 1/rate apart, first come first served, and no slot is handed out twice. A waiter
that is cancelled gives its slot back: the last one in line by lowering the level, any
other by leaving its send time to the next caller (lowering the level there would hand
the callers behind it the same times as new ones, and the portal would refuse them).

Operating time (per method): every answer reports `time.operating`, the seconds the
method used in the last 10 minutes, and `time.operating_reset_at`, when the oldest
minute of it expires. Once `operating` passes the limit the portal refuses the method
(429 OPERATION_TIME_LIMIT) until then; we stop sending it ourselves until the reset.
"""

from __future__ import annotations

import asyncio
import heapq
import time
from collections.abc import Callable
from dataclasses import dataclass

# The portal's one-minute buckets: after a refusal with no known reset time, try again
# after at most this long.
MINUTE = 60.0


class LeakyBucket:
    """The client's copy of the portal's request bucket (see the module docstring)."""

    def __init__(
        self,
        rate: float = 2.0,
        burst: int = 50,
        reserve: int = 2,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        if rate <= 0 or burst < 1:
            raise ValueError("rate must be > 0 and burst >= 1")
        self.rate = rate
        self.burst = burst
        self.capacity = max(1, burst - reserve)
        self._clock = clock
        self._level = 0.0
        self._updated = clock()
        self._pending: list[float] = []  # send times of the callers still waiting
        self._released: list[float] = []  # a heap of send times left by cancelled callers

    def __repr__(self) -> str:
        return f"LeakyBucket(rate={self.rate}, burst={self.burst}, level={self.level():.1f})"

    def _drain(self) -> float:
        now = self._clock()
        self._level = max(0.0, self._level - self.rate * (now - self._updated))
        self._updated = now
        return self._level

    def level(self) -> float:
        """The current level; above `capacity` while requests wait for their slot."""
        return self._drain()

    def take_slot(self) -> float:
        """Take the next slot; return how long to wait before using it."""
        level = self._drain()
        now = self._updated
        while self._released and self._released[0] <= now:
            heapq.heappop(self._released)  # its time passed unused; the level drained it
        if self._released:
            return heapq.heappop(self._released) - now
        self._level = level + 1
        return max(0.0, (level + 1 - self.capacity) / self.rate)

    def _give_back(self, at: float) -> None:
        """A caller due to send at `at` will not: free its slot without double-booking."""
        self._pending.remove(at)
        if at >= self._clock():
            if not self._pending or at > max(self._pending):
                self.refund()
            else:
                heapq.heappush(self._released, at)

    def refund(self) -> None:
        """Give back a slot reserved but never used."""
        self._drain()
        self._level = max(0.0, self._level - 1)

    def fill(self) -> None:
        """The portal said the bucket is full: believe it, so the next send waits."""
        self._drain()
        self._level = max(self._level, float(self.burst))

    async def acquire(self) -> float:
        """Wait for a slot; return the seconds waited."""
        wait = self.take_slot()
        if wait > 0:
            at = self._updated + wait  # the moment take_slot measured from
            self._pending.append(at)
            try:
                await asyncio.sleep(wait)
            except asyncio.CancelledError:
                self._give_back(at)
                raise
            self._pending.remove(at)
        return wait


@dataclass(frozen=True)
class OperatingRecord:
    """A method's last reported operating time and the reset moment (Unix time)."""

    operating: float
    reset_at: float


class OperatingTimes:
    """Per-method operating time as the portal reports it, and when a method may run again."""

    def __init__(self, limit: float | None = 480.0, clock: Callable[[], float] = time.time) -> None:
        self.limit = limit
        self._clock = clock
        self._records: dict[str, OperatingRecord] = {}
        self._blocked_until: dict[str, float] = {}

    def record(self, method: str, time_block: object) -> None:
        """Remember `time.operating` / `time.operating_reset_at` of a successful answer."""
        if not isinstance(time_block, dict):
            return
        operating, reset_at = time_block.get("operating"), time_block.get("operating_reset_at")
        if not isinstance(operating, int | float) or not isinstance(reset_at, int | float):
            return
        self._records[method] = OperatingRecord(float(operating), float(reset_at))
        if self.limit is not None and operating > self.limit:
            self._blocked_until[method] = float(reset_at)

    def refused(self, method: str) -> float:
        """The portal refused `method` (429): block it until the reset; return that moment."""
        now = self._clock()
        known = self._records.get(method)
        until = known.reset_at if known and known.reset_at > now else now + MINUTE
        self._blocked_until[method] = until
        return until

    def operating(self, method: str) -> float:
        known = self._records.get(method)
        return known.operating if known else 0.0

    def seconds_to_reset(self, method: str) -> float:
        """Seconds until the oldest minute of `method`'s reported operating time expires."""
        known = self._records.get(method)
        return max(0.0, known.reset_at - self._clock()) if known else 0.0

    def wait_for(self, method: str) -> float:
        """Seconds until `method` may be sent again (0 when it may go now)."""
        until = self._blocked_until.get(method)
        if until is None:
            return 0.0
        remaining = until - self._clock()
        if remaining <= 0:
            del self._blocked_until[method]
            return 0.0
        return remaining
