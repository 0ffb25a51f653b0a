"""Qt and the qasync loop: is a loop running, dialogs awaited without a nested loop, and
the GUI thread's share of the interpreter.

Widgets start coroutines through a `desk.tasks.TaskScope` (qasync's `asyncSlot` breaks on
signals without arguments, qasync #177, and asyncio keeps only weak references to tasks).
"""

from __future__ import annotations

import asyncio
import logging
import sys
from typing import TypeVar

from PySide6.QtWidgets import QDialog

T = TypeVar("T")
log = logging.getLogger(__name__)


# How long a worker thread may keep the GIL while the GUI thread waits for it. Python's 5 ms
# is paid again at every Qt-to-Python call of a frame (a model's data(), a timer): with the
# index's sync parsing on a worker, frames stalled 30-60 ms; 1 ms cut the stalls over 16 ms
# from 35-64 to 14-19 in bench/ui_stall.py (30,000 leads, window idle while syncing).
GUI_SWITCH_INTERVAL = 0.001


def favour_gui_thread() -> None:
    """Let the GUI thread take the interpreter back from workers within a millisecond."""
    sys.setswitchinterval(GUI_SWITCH_INTERVAL)


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
