"""The im.v2 event log: per-user queues that fill only after im.v2.Event.subscribe.

One queue per user, whoever reads it: a read with `offset` confirms (drops) the records
before it for every application of that user, as the reference says ("steal" events).
"""

from __future__ import annotations

import time
from collections import deque
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

RETENTION_SECONDS = 24 * 3600  # "Storage period of recorded events: 24 hours"
DEFAULT_LIMIT = 100
MAX_LIMIT = 1000


@dataclass(frozen=True)
class LoggedEvent:
    id: int
    type: str
    date: str  # ISO 8601, as the answer shows it
    at: float  # Unix time it was recorded, for the retention
    data: dict[str, Any]

    def entry(self) -> dict[str, Any]:
        return {"eventId": self.id, "type": self.type, "date": self.date, "data": self.data}


@dataclass
class EventPage:
    events: list[LoggedEvent]
    next_offset: int
    has_more: bool


@dataclass
class EventLog:
    """Who is subscribed and what each subscriber has not confirmed yet."""

    clock: Callable[[], float] = time.time
    subscribed: set[int] = field(default_factory=set)
    queues: dict[int, deque[LoggedEvent]] = field(default_factory=dict)
    next_id: int = 1

    def subscribe(self, user_id: int) -> None:
        self.subscribed.add(user_id)

    def unsubscribe(self, user_id: int) -> None:
        # What was recorded stays readable until confirmed or expired (documented).
        self.subscribed.discard(user_id)

    def recipients(self, user_ids: Iterable[int]) -> list[int]:
        """The subscribed ones among `user_ids`, each once; nobody records for the rest."""
        return [u for u in dict.fromkeys(user_ids) if u in self.subscribed]

    def append(self, user_ids: Iterable[int], kind: str, date: str, data: dict[str, Any]) -> None:
        now = self.clock()
        for user_id in user_ids:
            queue = self.queues.setdefault(user_id, deque())
            self._expire(queue, now)
            # Each user's record has its own ID; IDs grow across the whole portal.
            queue.append(LoggedEvent(self.next_id, kind, date, now, data))
            self.next_id += 1

    def read(self, user_id: int, offset: int, limit: int) -> EventPage:
        """Drop what `offset` confirms, then up to `limit` records from it on."""
        queue = self.queues.get(user_id, deque())
        self._expire(queue, self.clock())
        while queue and queue[0].id < offset:
            queue.popleft()
        events = [queue[i] for i in range(min(limit, len(queue)))]
        # With nothing to return the reference shows no nextOffset; the offset the caller
        # sent stays valid, so it comes back (0 when none was sent).
        next_offset = events[-1].id + 1 if events else offset
        return EventPage(events, next_offset, len(queue) > len(events))

    def _expire(self, queue: deque[LoggedEvent], now: float) -> None:
        while queue and queue[0].at < now - RETENTION_SECONDS:
            queue.popleft()
