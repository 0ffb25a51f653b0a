"""Half-written answers: one per chat (and profile), kept on disk so a crash loses none.

A draft belongs to its chat: the composer shows the draft of the chat on show and nothing
else. Saving is debounced and runs off the event loop's thread, so typing never waits on disk.
"""

from __future__ import annotations

import asyncio
import json
import logging
from pathlib import Path
from typing import Any

from b24desk.files import SetAside, UnreadableFileError, read_json, set_aside

from .file_writer import OrderedWriter

log = logging.getLogger(__name__)

SAVE_DELAY = 0.5  # seconds of quiet typing before the drafts are written
MAX_DRAFT = 100_000  # characters kept per draft; a paste beyond this is cut, not refused


class Drafts:
    """Drafts by (profile, chat ID)."""

    def __init__(self, path: Path, save_delay: float = SAVE_DELAY) -> None:
        self.path = path
        self._save_delay = save_delay
        self._drafts: dict[str, str] = {}
        self._pending: asyncio.TimerHandle | None = None
        self._writer = OrderedWriter(path, "drafts")
        self.set_aside: list[SetAside] = []
        self._load()

    @staticmethod
    def _key(profile: str, chat_id: int) -> str:
        return f"{profile}|{chat_id}"

    def get(self, profile: str, chat_id: int) -> str:
        return self._drafts.get(self._key(profile, chat_id), "")

    def set(self, profile: str, chat_id: int, text: str) -> None:
        key = self._key(profile, chat_id)
        text = text[:MAX_DRAFT]
        if self._drafts.get(key, "") == text:
            return
        if text.strip():
            self._drafts[key] = text
        else:
            self._drafts.pop(key, None)
        self._schedule()

    def clear(self, profile: str, chat_id: int, sent: str) -> None:
        """A message was confirmed: drop the draft if it is still what was sent."""
        if self.get(profile, chat_id).strip() == sent.strip():
            self.set(profile, chat_id, "")

    def put_back(self, profile: str, chat_id: int, text: str) -> str:
        """Return an unsent text to its chat's draft, after what is already there."""
        current = self.get(profile, chat_id).rstrip()
        merged = f"{current}\n\n{text}" if current else text
        self.set(profile, chat_id, merged)
        return merged

    # ---- disk ----

    def _load(self) -> None:
        try:
            raw: Any = read_json(self.path)
        except FileNotFoundError:
            return
        except (OSError, UnreadableFileError) as error:
            log.warning("drafts unreadable (%s); keeping them aside", error)
            kept = set_aside(self.path)
            if kept is not None:
                self.set_aside.append(SetAside("drafts", kept))
            return
        drafts = raw.get("drafts") if isinstance(raw, dict) else None
        if isinstance(drafts, dict):
            self._drafts = {
                k: v[:MAX_DRAFT]
                for k, v in drafts.items()
                if isinstance(k, str) and isinstance(v, str)
            }

    def _payload(self) -> bytes:
        return json.dumps({"version": 1, "drafts": self._drafts}, ensure_ascii=False).encode()

    def _schedule(self) -> None:
        try:
            loop = asyncio.get_running_loop()
        except RuntimeError:
            self.flush_now()  # no loop (a script, a test): write at once
            return
        if self._pending is not None:
            self._pending.cancel()
        self._pending = loop.call_later(self._save_delay, self._start_write)

    def _start_write(self) -> None:
        self._pending = None
        self._writer.write(self._payload())

    async def flush(self) -> None:
        """Write whatever is pending now (on close)."""
        if self._pending is not None:
            self._pending.cancel()
            self._start_write()
        await self._writer.flush()

    def flush_now(self) -> None:
        if self._pending is not None:
            self._pending.cancel()
            self._pending = None
        self._writer.write_now(self._payload())
