"""Task scopes and the newest-request-wins helper."""

from __future__ import annotations

import asyncio

import pytest

from b24desk.desk.tasks import Latest, SupersededError, TaskScope


def test_closing_a_scope_cancels_its_work_and_refuses_more():
    async def scenario():
        failures = []
        scope = TaskScope(failures.append)
        started = asyncio.Event()

        async def forever():
            started.set()
            await asyncio.sleep(3600)

        task = scope.spawn(forever())
        await started.wait()
        await scope.close()
        assert task.cancelled() and scope.busy == 0

        async def late():
            return 1

        with pytest.raises(RuntimeError):
            scope.spawn(late())
        return failures

    assert asyncio.run(scenario()) == []


def test_a_failure_reaches_the_owner_but_a_superseded_result_does_not():
    async def scenario():
        failures = []
        scope = TaskScope(failures.append)

        async def fails():
            raise ValueError("boom")

        async def superseded():
            raise SupersededError

        for coro in (fails(), superseded()):
            task = scope.spawn(coro)
            await asyncio.gather(task, return_exceptions=True)
        return failures

    [failure] = asyncio.run(scenario())
    assert str(failure) == "boom"


def test_the_newest_request_wins():
    async def scenario():
        latest = Latest()

        async def answer(value, delay):
            await asyncio.sleep(delay)
            return value

        old = asyncio.create_task(latest.run(answer("old", 0.05)))
        await asyncio.sleep(0)
        new = await latest.run(answer("new", 0))
        with pytest.raises(SupersededError):
            await old
        return new

    assert asyncio.run(scenario()) == "new"
