"""Saving one small file off the event loop's thread, each save after the one before."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from pathlib import Path

from b24desk.files import write_atomic

log = logging.getLogger(__name__)


class OrderedWriter:
    """Writes `path` atomically (an fsync) on a worker thread, in the order asked, so an older
    payload never lands last; with no loop running (a script, a test) it writes at once."""

    def __init__(
        self, path: Path, what: str, on_failure: Callable[[OSError], None] | None = None
    ) -> None:
        """`on_failure` hears of a write that failed, on the loop's thread (the data stays in
        memory, and the next write tries again)."""
        self.path = path
        self._what = what  # for the log: "drafts", "the sessions seen"
        self._on_failure = on_failure
        self._writing: asyncio.Task[None] | None = None

    def write(self, payload: bytes) -> None:
        try:
            loop = asyncio.get_running_loop()
        except RuntimeError:
            self.write_now(payload)
            return
        previous = self._writing

        async def write() -> None:
            if previous is not None:
                await asyncio.gather(previous, return_exceptions=True)  # keep writes in order
            failure = await asyncio.to_thread(self._write, payload)
            if failure is not None:
                self._failed(failure)

        self._writing = loop.create_task(write(), name=f"save {self._what}")

    def write_now(self, payload: bytes) -> None:
        """Write on this thread; a failure is logged and reported (the data stays in memory)."""
        failure = self._write(payload)
        if failure is not None:
            self._failed(failure)

    def _write(self, payload: bytes) -> OSError | None:
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
            write_atomic(self.path, payload)
        except OSError as error:
            return error
        return None

    def _failed(self, error: OSError) -> None:
        log.warning("%s could not be saved: %s", self._what, error)
        if self._on_failure is not None:
            self._on_failure(error)

    async def flush(self) -> None:
        """Wait for the writes asked so far."""
        if self._writing is not None:
            await asyncio.gather(self._writing, return_exceptions=True)
