"""Coroutines from Qt signals, on the qasync loop: start, keep alive, route errors, cancel.

qasync's `asyncSlot` breaks on signals without arguments (qasync #177) and asyncio keeps
only weak references to tasks, so widgets start work through one `TaskRunner` instead.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable, Coroutine
from typing import Any, TypeVar

from PySide6.QtWidgets import QDialog

T = TypeVar("T")
log = logging.getLogger(__name__)


class TaskRunner:
    """Owns the tasks a window starts; failures go to `on_error` instead of vanishing."""

    def __init__(self, on_error: Callable[[BaseException], None]) -> None:
        self._on_error = on_error
        self._tasks: set[asyncio.Task[Any]] = set()

    def spawn(self, coro: Coroutine[Any, Any, T], name: str | None = None) -> asyncio.Task[T]:
        task = asyncio.get_event_loop().create_task(coro, name=name)
        self._tasks.add(task)
        task.add_done_callback(self._finished)
        return task

    def _finished(self, task: asyncio.Task[Any]) -> None:
        self._tasks.discard(task)
        if task.cancelled():
            return
        error = task.exception()
        if error is not None:
            log.error("background task %s failed", task.get_name(), exc_info=error)
            self._on_error(error)

    @property
    def busy(self) -> int:
        return len(self._tasks)

    async def cancel_all(self) -> None:
        """Cancel and await every task but the caller's, so shutdown leaves nothing pending."""
        tasks = [task for task in self._tasks if task is not asyncio.current_task()]
        for task in tasks:
            task.cancel()
        if tasks:
            await asyncio.gather(*tasks, return_exceptions=True)


def loop_running() -> bool:
    """Whether an event loop runs in this thread (tasks can be started)."""
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return False
    return True


async def ask(dialog: QDialog) -> int:
    """Show a dialog and await its result without a nested event loop (qasync #59)."""
    future: asyncio.Future[int] = asyncio.get_event_loop().create_future()

    def done(result: int) -> None:
        if not future.done():
            future.set_result(result)

    dialog.finished.connect(done)
    dialog.open()
    try:
        return await future
    finally:
        dialog.finished.disconnect(done)
