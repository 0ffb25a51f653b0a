"""The live desk: one batch per tick keeps the open chat, the chat list and the activity
feed current, within a small, fixed share of the portal's rate budget.

Each tick asks `im.v2.Event.get` for what happened in the chats the supervisor is in, the
unread counters, and, when the chat on show is one the supervisor is not in (events never
cover those), that chat's dialogue. The event offset is kept on disk per profile: after a
restart, a sleep or a lost connection the next read carries on exactly where the last one
stopped (events wait on the portal for 24 h), so nothing is lost or shown twice.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Callable, Collection, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from b24desk.api import live
from b24desk.api.errors import B24Error
from b24desk.api.live_types import Counters, ImEvent, ImEventType
from b24desk.api.openlines import dialog_command
from b24desk.api.types import Dialog
from b24desk.files import UnreadableFileError, read_json, set_aside
from b24desk.settings.paths import profile_file

from .file_writer import OrderedWriter

if TYPE_CHECKING:
    from b24desk.api.client import B24Client

log = logging.getLogger(__name__)

LIVE_DIR = "live"  # under the data folder: each profile's event offset
EVENTS_PER_TICK = 200
OPEN_CHAT = "open_chat"  # the name of the open chat's read in the tick's batch
LISTED_CHATS = 8  # the most chats of the entity on show whose dialogues a tick reads


def offset_file(data_dir: Path, profile: str) -> Path:
    return profile_file(data_dir / LIVE_DIR, profile, ".json")


@dataclass(frozen=True, slots=True)
class Pacing:
    """How often the poller asks. The defaults keep it within 15 of the portal's 120
    requests a minute, so the supervisor's own clicks never wait for it."""

    active_every: float = 5.0  # seconds between ticks while the supervisor uses the window
    idle_every: float = 20.0  # while the window is hidden or left alone
    most_per_minute: float = 15.0  # never more, whatever wakes the poller
    slowest_every: float = 60.0  # the longest pause: after failures, or with no budget left
    low_headroom: float = 0.25  # below this share of the burst left, ticks slow down
    foreign_after: float = 30.0  # our own message's event missing this long: another reader

    @property
    def fastest_every(self) -> float:
        return 60.0 / self.most_per_minute


@dataclass(frozen=True, slots=True)
class LiveUpdate:
    """What one tick brought: new events (each once, in order), the unread counters, and
    the open chat's dialogue when the supervisor is not in it."""

    events: tuple[ImEvent, ...]
    counters: Counters | None
    open_chat: Dialog | None = None
    dialogs: Mapping[int, Dialog] = field(default_factory=dict)  # the listed chats, by ID

    def chats(self) -> set[int]:
        """The chats something happened in."""
        return {e.chat_id for e in self.events if e.chat_id is not None}


@dataclass(frozen=True, slots=True)
class LiveStatus:
    """What the status bar says about live updates."""

    every: float  # seconds between ticks now
    last_tick: float | None  # time.time() of the last good tick
    failing: bool  # the last tick failed (no connection, refused): retrying
    foreign_reader: bool  # another application reads this user's events


class OffsetFile:
    """Where the next `im.v2.Event.get` starts, one small file per profile."""

    def __init__(self, path: Path) -> None:
        self.path = path
        # Off the loop's thread (an fsync per tick with news), and not part of the poller's
        # task: a save that a closing window cancelled brought every message back at the
        # next start.
        self._writer = OrderedWriter(path, "the event offset")

    def load(self) -> int | None:
        """The saved offset; None when there is none (a first start) or it was unreadable
        (set aside, never erased)."""
        try:
            data = read_json(self.path)
        except FileNotFoundError:
            return None
        except (OSError, UnreadableFileError):
            set_aside(self.path)
            return None
        offset = data.get("offset") if isinstance(data, dict) else None
        if isinstance(offset, int) and not isinstance(offset, bool) and 0 <= offset < 2**62:
            return offset
        set_aside(self.path)
        return None

    def forget(self) -> None:
        """Start over (a portal that is new at every start): the next start is a first."""
        self.path.unlink(missing_ok=True)

    def save(self, offset: int) -> None:
        self._writer.write(b'{"offset": %d}\n' % offset)

    async def flush(self) -> None:
        """Wait for the offsets saved so far to be on disk (a session closing)."""
        await self._writer.flush()


class LivePoller:
    """Polls the portal for what changed; `listen` to hear about it."""

    def __init__(
        self,
        client: B24Client,
        offsets: OffsetFile,
        *,
        pacing: Pacing = Pacing(),
        clock: Callable[[], float] = time.monotonic,
        wall_clock: Callable[[], float] = time.time,
    ) -> None:
        self.client = client
        self.offsets = offsets
        self.pacing = pacing
        self._clock = clock
        self._wall_clock = wall_clock
        self._listeners: list[Callable[[LiveUpdate], None]] = []
        self._active = True
        self._open_chat: int | None = None  # the chat on show, when the supervisor is not in it
        self._listed: tuple[int, ...] = ()  # the entity's chats, whose list lines stay current
        self._wake = asyncio.Event()
        self._failures = 0
        self._last_tick: float | None = None
        self._last_request = -pacing.slowest_every
        self._expected: dict[int, float] = {}  # our own message ID -> when it was sent
        self._foreign = False
        self.requests = 0

    # ---- what the window tells the poller ----

    def listen(self, listener: Callable[[LiveUpdate], None]) -> Callable[[], None]:
        self._listeners.append(listener)

        def stop() -> None:
            if listener in self._listeners:
                self._listeners.remove(listener)

        return stop

    def set_active(self, active: bool) -> None:
        """The window is in use (active) or hidden / left alone: ticks slow down."""
        woke = active and not self._active
        self._active = active
        if woke:
            self._wake.set()

    def watch(self, chat_id: int | None, *, member: bool, listed: Collection[int] = ()) -> None:
        """The chat on show (events cover it only when the supervisor is a member) and the
        entity's chats in the list: their dialogues tell a new message, another operator or
        a new session in chats the supervisor is not in (the first LISTED_CHATS of them)."""
        watched = None if member else chat_id
        listed = tuple(listed)[:LISTED_CHATS]
        if watched != self._open_chat or listed != self._listed:
            self._open_chat, self._listed = watched, listed
            self._wake.set()

    def expect(self, message_id: int) -> None:
        """Our own message, just posted: its event must come (or someone reads ours)."""
        self._expected[message_id] = self._clock()

    @property
    def status(self) -> LiveStatus:
        return LiveStatus(self.every(), self._last_tick, self._failures > 0, self._foreign)

    # ---- pacing ----

    def every(self) -> float:
        """Seconds until the next tick: the window's state, the budget left, failures."""
        pacing = self.pacing
        every = pacing.active_every if self._active else pacing.idle_every
        bucket = self.client.bucket
        if bucket.burst - bucket.level() < bucket.burst * pacing.low_headroom:
            every *= 3  # the supervisor's own work needs what is left
        if self._failures:
            every = max(every, pacing.active_every * 2 ** min(self._failures, 6))
        return min(max(every, pacing.fastest_every), pacing.slowest_every)

    async def _pause(self, every: float) -> None:
        """Wait `every` from the last request; a wake-up cuts it short, but never below
        the budget's floor."""
        floor = self._last_request + self.pacing.fastest_every
        deadline = self._last_request + every
        self._wake.clear()
        # asyncio.timeout, not wait_for: on Python 3.11 wait_for swallows a cancel that
        # lands as the wake-up completes, and the poller then outlives its session (the
        # window's shutdown waited for it forever).
        try:
            async with asyncio.timeout(max(0.0, deadline - self._clock())):
                await self._wake.wait()
        except TimeoutError:
            return
        await asyncio.sleep(max(0.0, floor - self._clock()))

    # ---- the loop ----

    async def run(self) -> None:
        """Subscribe, skip the backlog on a first start, then tick until cancelled."""
        offset = self.offsets.load()
        while True:
            try:
                if offset is None:
                    offset = await self._start_fresh()
                else:
                    await self._subscribe()
                break
            except B24Error as error:
                self._failed(error)
                await self._pause(self.every())
        while True:
            more = False
            try:
                offset, more = await self.tick(offset)
            except B24Error as error:
                self._failed(error)
            except Exception as error:  # a bug or a surprise: the desk must stay live anyway
                log.exception("live update failed unexpectedly")
                self._failed(error)
            if not more:
                await self._pause(self.every())
            else:
                await self._pause(self.pacing.fastest_every)

    async def _subscribe(self) -> None:
        self._last_request = self._clock()
        self.requests += 1
        await live.subscribe(self.client)

    async def _start_fresh(self) -> int:
        """A first start: events recorded before it are old news, so confirm them unseen."""
        await self._subscribe()
        offset = 0
        while True:
            self._last_request = self._clock()
            self.requests += 1
            page = await live.events(self.client, offset or None, limit=1000)
            offset = page.next_offset
            if not page.has_more:
                break
        self.offsets.save(offset)
        return offset

    async def tick(self, offset: int) -> tuple[int, bool]:
        """One batch: events after `offset` (which confirms the ones before), counters and
        the open chat. Listeners hear about it before the new offset is saved."""
        extra = {}
        open_chat, listed = self._open_chat, self._listed
        if open_chat is not None:
            extra[OPEN_CHAT] = dialog_command(chat_id=open_chat)
        for chat_id in listed:
            extra[f"listed{chat_id}"] = dialog_command(chat_id=chat_id)
        self._last_request = self._clock()
        self.requests += 1
        result = await live.tick(self.client, offset or None, limit=EVENTS_PER_TICK, extra=extra)
        page = result.events
        if page is None:  # the events read itself was refused
            error = result.batch.errors.get(live.EVENTS)
            raise error if error is not None else B24Error("no events in the answer")
        dialog = None
        if open_chat is not None and OPEN_CHAT not in result.batch.errors:
            dialog = result.batch.value(OPEN_CHAT)
        dialogs = {
            chat_id: result.batch.value(f"listed{chat_id}")
            for chat_id in listed
            if f"listed{chat_id}" not in result.batch.errors  # e.g. no longer visible
        }
        # An event at or before the offset was delivered already (a repeat after a lost
        # answer): drop it, so nothing shows twice.
        fresh = tuple(e for e in page.events if e.event_id >= offset)
        self._failures = 0
        self._last_tick = self._wall_clock()
        self._check_own(fresh)
        update = LiveUpdate(fresh, result.counters, dialog, dialogs)
        for listener in list(self._listeners):
            try:
                listener(update)
            except Exception:  # one listener's bug must not stop the desk's updates
                log.exception("a live-update listener failed")
        new_offset = max(offset, page.next_offset)
        if new_offset != offset:
            self.offsets.save(new_offset)
        return new_offset, page.has_more

    def _failed(self, error: Exception) -> None:
        self._failures += 1
        log.info("live update failed (%s), attempt %d", type(error).__name__, self._failures)

    def _check_own(self, events: tuple[ImEvent, ...]) -> None:
        for event in events:
            if event.type is ImEventType.MESSAGE_ADD and event.message_id in self._expected:
                del self._expected[event.message_id]
                self._foreign = False
        now = self._clock()
        late = self.pacing.foreign_after
        overdue = [m for m, sent in self._expected.items() if now - sent > late]
        if overdue:
            self._foreign = True
            for message_id in overdue:
                del self._expected[message_id]
