"""The client's leaky bucket and operating-time tracking keep the portal from refusing us."""

from __future__ import annotations

import asyncio
import time

import pytest

from b24desk.api import coded_errors as ce
from b24desk.api.limiter import LeakyBucket, OperatingTimes

from .helpers import client, run


class FakeClock:
    def __init__(self, now: float = 1000.0) -> None:
        self.now = now

    def __call__(self) -> float:
        return self.now


def test_bucket_lets_the_burst_through_then_spaces_requests_by_the_rate():
    clock = FakeClock()
    bucket = LeakyBucket(rate=2, burst=5, reserve=1, clock=clock)
    waits = [bucket.take_slot() for _ in range(7)]
    # capacity 4 (one slot kept for jitter): 4 at once, then one every 1/rate seconds.
    assert waits == [0, 0, 0, 0, 0.5, 1.0, 1.5]


def test_bucket_drains_with_time():
    clock = FakeClock()
    bucket = LeakyBucket(rate=2, burst=5, reserve=0, clock=clock)
    for _ in range(5):
        bucket.take_slot()
    assert bucket.level() == 5
    clock.now += 1.5
    assert bucket.level() == pytest.approx(2)
    clock.now += 10
    assert bucket.level() == 0


def test_refused_by_the_portal_the_bucket_counts_as_full():
    clock = FakeClock()
    bucket = LeakyBucket(rate=4, burst=8, reserve=0, clock=clock)
    bucket.fill()
    assert bucket.take_slot() == pytest.approx(0.25)


def test_a_cancelled_waiter_gives_its_slot_back():
    async def scenario() -> float:
        bucket = LeakyBucket(rate=10, burst=1, reserve=0)
        await bucket.acquire()
        waiter = asyncio.create_task(bucket.acquire())
        await asyncio.sleep(0.01)
        waiter.cancel()
        with pytest.raises(asyncio.CancelledError):
            await waiter
        return bucket.level()

    assert run(scenario()) < 1.0


def test_bursts_of_concurrent_callers_never_meet_query_limit_exceeded(portal_factory):
    lp = portal_factory(rate=25, burst=20)
    events = []

    async def scenario() -> float:
        # The reserve must cover the spread of delays between sending and the portal's
        # clock: rate x spread. Here sender and portal share one process (and its GIL) on
        # a possibly busy test machine, so allow 400 ms at 25 requests/s.
        async with client(lp.webhook, rate=25, burst=20, reserve=10) as c:
            c.subscribe(events.append)
            started = time.perf_counter()
            await asyncio.gather(*(c.call("scope") for _ in range(150)))
            return time.perf_counter() - started

    elapsed = run(scenario())
    assert len(lp.portal.wire_log) == 150
    assert lp.portal.count_errors("QUERY_LIMIT_EXCEEDED") == 0
    assert all(ev.ok and ev.retries == 0 for ev in events)
    # 10 at once (20 less the 10 reserved), then 25 per second.
    assert elapsed >= (150 - 10) / 25 * 0.95
    assert max(ev.bucket_level for ev in events) <= 20


def test_slots_of_waiters_cancelled_mid_queue_go_to_new_callers_without_double_booking():
    async def scenario() -> list[float]:
        bucket = LeakyBucket(rate=10, burst=1, reserve=0)
        await bucket.acquire()
        line = [asyncio.create_task(bucket.acquire()) for _ in range(4)]  # 0.1 ... 0.4 s
        await asyncio.sleep(0)
        line[1].cancel()  # the second in line (due at 0.2 s) gives up
        newcomers = [asyncio.create_task(bucket.acquire()) for _ in range(2)]
        waits = await asyncio.gather(*line[::2], line[3], *newcomers)
        return [round(w, 1) for w in waits]

    # The first newcomer takes the freed 0.2 s; the next goes after the last in line.
    assert run(scenario()) == [0.1, 0.3, 0.4, 0.2, 0.5]


def test_cancelling_queued_calls_never_lets_later_calls_over_send(portal_factory):
    """Cancel 50 queued calls, start 50 more: not one 503 may reach the wire."""
    # 20/s, not faster: on a loaded machine the portal's thread can fall behind and then take
    # a bunch of calls at once; the 15-slot reserve covers a stall of up to 0.75 s. The bug
    # this guards against frees 50 slots at once, far beyond that margin.
    lp = portal_factory(rate=20, burst=30)
    events = []

    async def scenario() -> int:
        async with client(lp.webhook, rate=20, burst=30, reserve=15) as c:
            c.subscribe(events.append)
            first = [asyncio.create_task(c.call("scope")) for _ in range(130)]
            deadline = time.monotonic() + 10
            while len(lp.portal.wire_log) < 15:
                assert time.monotonic() < deadline
                await asyncio.sleep(0.01)
            queued = [t for t in first[30:] if not t.done()]  # the first ones went at once
            cancelled = queued[1::2][:50]  # spread through the line, not just its tail
            for task in cancelled:
                task.cancel()
            more = [asyncio.create_task(c.call("scope")) for _ in range(50)]
            await asyncio.gather(*first, *more, return_exceptions=True)
            return sum(t.cancelled() for t in first)

    cancelled = run(scenario())
    assert cancelled == 50
    assert lp.portal.count_errors("QUERY_LIMIT_EXCEEDED") == 0
    assert len(lp.portal.wire_log) == 130
    assert all(ev.ok and ev.retries == 0 for ev in events)


def test_query_limit_exceeded_is_retried_with_back_off(portal_factory):
    lp = portal_factory(rate=50, burst=3)
    events = []

    async def scenario() -> None:
        # A client that thinks the bucket is far deeper than it is.
        async with client(lp.webhook, rate=1000, burst=1000, backoff=0.02, max_backoff=0.3) as c:
            c.subscribe(events.append)
            await asyncio.gather(*(c.call("scope") for _ in range(20)))

    run(scenario())
    refused = lp.portal.count_errors("QUERY_LIMIT_EXCEEDED")
    assert refused > 0
    assert sum(ev.retries for ev in events) == refused
    assert all(ev.ok for ev in events)


def test_operating_times_block_a_method_until_its_reset():
    clock = FakeClock(10_000.0)
    times = OperatingTimes(limit=100, clock=clock)
    times.record("crm.lead.list", {"operating": 50, "operating_reset_at": 10_300})
    assert times.wait_for("crm.lead.list") == 0
    times.record("crm.lead.list", {"operating": 101, "operating_reset_at": 10_300})
    assert times.wait_for("crm.lead.list") == 300
    assert times.wait_for("crm.deal.list") == 0
    clock.now = 10_300
    assert times.wait_for("crm.lead.list") == 0
    assert times.operating("crm.lead.list") == 101


def test_a_refusal_without_a_known_reset_waits_a_minute():
    clock = FakeClock(10_000.0)
    times = OperatingTimes(clock=clock)
    assert times.refused("scope") == 10_060
    times.record("scope", {"operating": 1, "operating_reset_at": 10_020})
    assert times.refused("scope") == 10_020


def test_batch_time_blocks_without_operating_fields_are_ignored():
    times = OperatingTimes()
    times.record("batch", {"start": 1.0, "finish": 2.0})
    times.record("batch", [])
    assert times.operating("batch") == 0


def test_operation_time_limit_waits_for_the_reset_then_succeeds(live_portal):
    """The portal blocks the method once; the client waits until the reset it last saw."""
    limits = live_portal.portal.limits
    blocked = {"left": 1}
    reset_in = 0.4

    def record(caller, method, now, seconds):
        return 1.0, time.time() + reset_in

    def method_blocked(caller, method, now):
        if method == "crm.lead.list" and blocked["left"]:
            blocked["left"] -= 1
            return True
        return False

    limits.record = record
    events = []

    async def scenario() -> float:
        async with client(live_portal.webhook, operating_limit=None) as c:
            c.subscribe(events.append)
            await c.call("scope")  # learns nothing about crm.lead.list
            await c.call("crm.lead.list")  # learns the reset time
            limits.method_blocked = method_blocked
            started = time.perf_counter()
            await c.call("crm.lead.list")
            return time.perf_counter() - started

    elapsed = run(scenario())
    assert live_portal.portal.count_errors("OPERATION_TIME_LIMIT") == 1
    assert 0.2 <= elapsed < 2
    assert events[-1].ok and events[-1].retries == 1 and events[-1].waited > 0.2


def test_too_long_an_operating_wait_raises_at_once(live_portal):
    async def scenario() -> None:
        async with client(live_portal.webhook, operating_limit=1.0, max_operating_wait=5) as c:
            c.operating.record(
                "crm.lead.list", {"operating": 2.0, "operating_reset_at": time.time() + 60}
            )
            await c.call("crm.lead.list")

    with pytest.raises(ce.OperationTimeLimitError) as caught:
        run(scenario())
    assert caught.value.reset_at == pytest.approx(time.time() + 60, abs=2)
    assert len(live_portal.portal.wire_log) == 0


def test_operating_time_is_tracked_per_method(portal_factory):
    lp = portal_factory(rate_limit=False, realistic_cost=True, leads=500)

    async def scenario():
        async with client(lp.webhook) as c:
            await c.call("crm.lead.list")
            await c.call("crm.lead.list", {"start": 100})
            return c.operating.operating("crm.lead.list"), c.operating.operating("scope")

    lead_list, scope = run(scenario())
    assert lead_list > 0.1
    assert scope == 0
