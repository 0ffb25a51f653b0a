"""Chats the supervisor watches, kept per profile, and when a watched chat's news is due as
a desktop notification: at most one per chat a minute, counting what it gathered."""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from b24desk.api.live_types import ImEvent, ImEventType
from b24desk.files import UnreadableFileError, read_json, set_aside
from b24desk.settings.paths import profile_file

from .file_writer import OrderedWriter

WATCHED_DIR = "watched"  # under the data folder: each profile's watched chats
MOST_WATCHED = 1000  # a hand-edited file may hold more; the rest is not read
NOTICE_EVERY = 60.0  # seconds: a watched chat notifies at most this often


def watched_file(data_dir: Path, profile: str) -> Path:
    return profile_file(data_dir / WATCHED_DIR, profile, ".json")


class WatchedChats:
    """The chat IDs the supervisor marked "watch", in one small file per profile."""

    def __init__(self, path: Path, on_failure: Callable[[OSError], None] | None = None) -> None:
        """`on_failure` hears of a save that failed (the choice stays in memory)."""
        self.path = path
        # Off the loop's thread: a click on "Watch" must not wait for an fsync.
        self._writer = OrderedWriter(path, "the watched chats", on_failure)
        self.chats: set[int] = set()
        self.set_aside: Path | None = None  # where an unreadable file was kept, if it was

    def load(self) -> WatchedChats:
        """Read the file; an unreadable one is set aside (never erased) and nothing is watched."""
        try:
            data = read_json(self.path)
        except FileNotFoundError:
            return self
        except (OSError, UnreadableFileError):
            data = None
        items = data.get("chats") if isinstance(data, dict) else None
        if not isinstance(items, list):
            self.set_aside = set_aside(self.path)
            return self
        ids = [i for i in items if isinstance(i, int) and not isinstance(i, bool) and 0 < i < 2**62]
        self.chats = set(ids[:MOST_WATCHED])
        return self

    def __contains__(self, chat_id: object) -> bool:
        return chat_id in self.chats

    def set(self, chat_id: int, watched: bool) -> None:
        """Watch or stop watching `chat_id`; the file is saved in the background."""
        changed = set(self.chats)
        if watched:
            changed.add(chat_id)
        else:
            changed.discard(chat_id)
        if changed == self.chats:
            return
        self.chats = changed
        self._writer.write(json.dumps({"chats": sorted(changed)}).encode() + b"\n")

    async def flush(self) -> None:
        """Wait for the saves asked so far (the window closing)."""
        await self._writer.flush()


@dataclass(frozen=True, slots=True)
class Notice:
    """A watched chat's news to show: its newest customer message and how many came."""

    event: ImEvent
    count: int


@dataclass(slots=True)
class _Chat:
    shown_at: float | None = None  # when its last notice was shown
    waiting: ImEvent | None = None  # the newest message not notified yet
    count: int = 0


class Notices:
    """Gathers watched chats' customer messages and hands them out at a calm pace."""

    def __init__(
        self, every: float = NOTICE_EVERY, clock: Callable[[], float] = time.monotonic
    ) -> None:
        self.every = every
        self._clock = clock
        self._chats: dict[int, _Chat] = {}

    def add(self, events: Iterable[ImEvent], watched: WatchedChats) -> None:
        """Customers' new messages in watched chats (never the supervisor's own, nor an
        operator's or a bot's)."""
        for event in events:
            if event.type is not ImEventType.MESSAGE_ADD or event.chat_id not in watched:
                continue
            if event.user is None or not event.user.is_customer:
                continue
            assert event.chat_id is not None
            chat = self._chats.setdefault(event.chat_id, _Chat())
            chat.waiting, chat.count = event, chat.count + 1

    def take(self) -> list[Notice]:
        """The notices due now, newest first; a chat notified less than `every` ago keeps
        gathering until its minute is up."""
        now = self._clock()
        due = []
        for chat in self._chats.values():
            if chat.waiting is None:
                continue
            if chat.shown_at is not None and now - chat.shown_at < self.every:
                continue
            due.append(Notice(chat.waiting, chat.count))
            chat.shown_at, chat.waiting, chat.count = now, None, 0
        due.sort(key=lambda notice: notice.event.event_id, reverse=True)
        return due

    def next_due(self) -> float | None:
        """Seconds until a gathering chat's notice is due; None when none is gathering."""
        now = self._clock()
        waits = [
            max(0.0, chat.shown_at + self.every - now) if chat.shown_at is not None else 0.0
            for chat in self._chats.values()
            if chat.waiting is not None
        ]
        return min(waits, default=None)

    def forget(self, chat_id: int) -> None:
        """No longer watched, or in sight: what it gathered is dropped, and its next
        message notifies at once."""
        self._chats.pop(chat_id, None)
