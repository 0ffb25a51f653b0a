"""One connection's life: its client, desk, outbox and drafts, and every task started for it.

The window asks the session for everything; closing it cancels its task scope before the
client closes, so nothing touches a closed connection.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from b24desk.api.events import RequestEvent, WaitNotice
from b24desk.api.types import StatusNames

from .desk import Desk
from .drafts import Drafts
from .live import LivePoller, OffsetFile
from .local import IndexStatus, LocalIndex
from .names import StatusNamesFile
from .outbox import Outbox
from .session_ledger import SessionLedger, sessions_file
from .tasks import TaskScope

if TYPE_CHECKING:
    from b24desk.api.client import B24Client


@dataclass(frozen=True, slots=True)
class SessionStatus:
    """What the status bar shows about the connection, read at one moment."""

    profile: str
    host: str  # "" for the demo portal
    user_name: str
    in_flight: int
    headroom: int  # requests the rate bucket still takes at once
    burst: int
    waiting_until: float | None = None  # Unix time a paused method may run again
    waiting_method: str = ""
    index: IndexStatus | None = None  # None: no local index for this profile


class Session:
    """One open connection (one profile); `close()` ends it and everything started for it."""

    def __init__(
        self,
        profile: str,
        host: str,
        desk: Desk,
        *,
        on_close: Callable[[], Awaitable[None]] | None = None,
        local: LocalIndex | None = None,
        live: LivePoller | None = None,
        names: StatusNamesFile | None = None,
    ) -> None:
        self.profile = profile
        self.host = host
        self.desk = desk
        self.scope = TaskScope()
        self.local = local
        desk.local = local
        self.live = live  # polls the portal for what changed, when the profile has a folder
        self.names_file = names  # the portal's status names as last seen, if it has a folder
        self._on_close = on_close
        self._listeners: list[Callable[[], None]] = []
        # Calls waiting for a method's operating-time reset, so the supervisor can stop them.
        self._waits: dict[asyncio.Task[object], WaitNotice] = {}
        self._listeners.append(desk.client.subscribe(self._on_wait, WaitNotice))
        self.closed = False

    @classmethod
    async def start(
        cls,
        profile: str,
        host: str,
        client: B24Client,
        outbox: Outbox,
        drafts: Drafts,
        *,
        on_close: Callable[[], Awaitable[None]] | None = None,
        index: Path | None = None,
        live: Path | None = None,
        names: Path | None = None,
        fresh_portal: bool = False,
    ) -> Session:
        """Connect: learn who we are on the portal. The client is closed if that fails.

        With an `index` file, the local index syncs in the background from then on; with a
        `live` file (where the event offset is kept), live updates start; a `names` file
        keeps the portal's status names between starts. `fresh_portal`: the portal is new
        at every start (the demo), so last run's index, offset and names are not its.
        """
        try:
            desk = await Desk.connect(client, outbox, drafts, profile)
        except BaseException:
            await (on_close() if on_close is not None else client.aclose())
            raise
        local = LocalIndex.open(client, index) if index is not None else None
        poller = None
        if live is not None:
            desk.sessions = SessionLedger(sessions_file(live))
            offsets = OffsetFile(live)
            if fresh_portal:
                offsets.forget()
                desk.sessions.forget()
            poller = LivePoller(client, offsets)
        kept_names = StatusNamesFile(names) if names is not None else None
        if kept_names is not None and fresh_portal:
            kept_names.forget()
        session = cls(
            profile, host, desk, on_close=on_close, local=local, live=poller, names=kept_names
        )
        if local is not None:
            if fresh_portal:
                await local.forget()
            local.start(session.scope)
        if poller is not None:
            session.scope.spawn(poller.run(), name="live updates")
        return session

    @property
    def client(self) -> B24Client:
        return self.desk.client

    def subscribe(self, listener: Callable[[RequestEvent], None]) -> Callable[[], None]:
        """Every request's outcome goes to `listener` until the returned call unsubscribes."""
        unsubscribe = self.client.subscribe(listener)
        self._listeners.append(unsubscribe)
        return unsubscribe

    def _on_wait(self, notice: WaitNotice) -> None:
        # Announced from inside the waiting call: the current task is the one to stop.
        task = asyncio.current_task()
        # The index's sync waits quietly: it is not the supervisor's call to stop.
        if task is not None and not (self.local is not None and self.local.runs(task)):
            self._waits[task] = notice
            task.add_done_callback(lambda done: self._waits.pop(done, None))

    def cancel_waits(self) -> int:
        """Stop every call waiting for an operating-time reset; how many were stopped."""
        waiting = list(self._waits)
        for task in waiting:
            task.cancel()
        return len(waiting)

    def status(self) -> SessionStatus:
        bucket = self.client.bucket
        notice = max(self._waits.values(), key=lambda n: n.until, default=None)
        return SessionStatus(
            profile=self.profile,
            host=self.host,
            user_name=self.desk.me.full_name,
            in_flight=self.client.in_flight,
            headroom=max(0, int(bucket.burst - bucket.level())),
            burst=int(bucket.burst),
            waiting_until=notice.until if notice is not None else None,
            waiting_method=notice.method if notice is not None else "",
            index=self.local.status if self.local is not None else None,
        )

    async def names(
        self, kept: Callable[[StatusNames], None]
    ) -> tuple[dict[int, str], StatusNames]:
        """Employees' names and the portal's status names, fresh; the status names kept from
        the last start go to `kept` first, and today's are kept for the next."""
        if self.names_file is not None and (
            last_time := await asyncio.to_thread(self.names_file.load)
        ):
            kept(last_time)
        employees, statuses = await asyncio.gather(
            self.desk.employee_names(), self.desk.status_names()
        )
        if self.names_file is not None and statuses:
            self.names_file.save(statuses)  # off the loop's thread (an fsync)
        return employees, statuses

    async def forget_local_data(self) -> bool:
        """Empty this profile's index and sync it again; False when there is no index."""
        if self.local is None:
            return False
        await self.local.forget()
        return True

    async def close(self) -> None:
        """Cancel this connection's work, keep the drafts, then close the client."""
        if self.closed:
            return
        self.closed = True
        await self.scope.close()
        if self.local is not None:
            await self.local.close()
        for unsubscribe in self._listeners:
            unsubscribe()
        await self.desk.drafts.flush()
        await self.desk.sessions.flush()
        if self.live is not None:
            await self.live.offsets.flush()
        if self.names_file is not None:
            await self.names_file.flush()
        if self._on_close is not None:
            await self._on_close()
        else:
            await self.client.aclose()
