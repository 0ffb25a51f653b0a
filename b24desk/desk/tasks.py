"""Task scopes and "newest request wins": the two ways b24desk keeps concurrent work in order.

asyncio keeps only weak references to tasks, so whoever starts one keeps it in a scope; a
scope is cancelled as a whole when its owner (a connection, a window) goes away.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable, Coroutine
from typing import Any, TypeVar

T = TypeVar("T")
log = logging.getLogger(__name__)


class SupersededError(Exception):
    """A newer request of the same kind was made; this result must not be shown."""


class TaskScope:
    """Owns the tasks started for one owner; failures go to `on_error` instead of vanishing."""

    def __init__(self, on_error: Callable[[BaseException], None] | None = None) -> None:
        self._on_error = on_error
        self._tasks: set[asyncio.Task[Any]] = set()
        self._closed = False

    def spawn(self, coro: Coroutine[Any, Any, T], name: str | None = None) -> asyncio.Task[T]:
        if self._closed:
            coro.close()
            raise RuntimeError("this scope is closed: its connection or window is gone")
        task = asyncio.get_event_loop().create_task(coro, name=name)
        self._tasks.add(task)
        task.add_done_callback(self._finished)
        return task

    def _finished(self, task: asyncio.Task[Any]) -> None:
        self._tasks.discard(task)
        if task.cancelled():
            return
        error = task.exception()
        if error is None or isinstance(error, SupersededError):
            return
        log.error("background task %s failed", task.get_name(), exc_info=error)
        if self._on_error is not None:
            self._on_error(error)

    @property
    def busy(self) -> int:
        return len(self._tasks)

    async def cancel_all(self) -> None:
        """Cancel and await every task but the caller's, so nothing is left pending."""
        tasks = [task for task in self._tasks if task is not asyncio.current_task()]
        for task in tasks:
            task.cancel()
        if tasks:
            await asyncio.gather(*tasks, return_exceptions=True)

    async def close(self) -> None:
        """Cancel everything and refuse new work: nothing may touch a closed connection."""
        self._closed = True
        await self.cancel_all()


class Latest:
    """Newest request wins: an older request's result raises SupersededError when it lands.

    One per kind of request (the pane, a page of the browser, a user search, a connection
    test); `run` the awaitable through it, or take a `ticket()` and check it yourself.
    """

    def __init__(self) -> None:
        self._generation = 0

    def ticket(self) -> Callable[[], bool]:
        """A new request: the returned check is true while no newer request was made."""
        self._generation += 1
        generation = self._generation
        return lambda: generation == self._generation

    def supersede(self) -> None:
        """Drop whatever is on its way (e.g. the user cleared the search)."""
        self._generation += 1

    async def run(self, work: Awaitable[T]) -> T:
        current = self.ticket()
        result = await work
        if not current():
            raise SupersededError
        return result
