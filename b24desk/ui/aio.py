"""Qt and the qasync loop: is a loop running, and dialogs awaited without a nested loop.

Widgets start coroutines through a `desk.tasks.TaskScope` (qasync's `asyncSlot` breaks on
signals without arguments, qasync #177, and asyncio keeps only weak references to tasks).
"""

from __future__ import annotations

import asyncio
import logging
from typing import TypeVar

from PySide6.QtWidgets import QDialog

T = TypeVar("T")
log = logging.getLogger(__name__)


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
