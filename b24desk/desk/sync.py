"""Keeping the local index in step with the portal, within a share of the request budget.

Initial sync walks each type by ID (one request brings 2,500 rows) and records its cursor
after every request, so a restart resumes where it stopped. Changes come by `>=DATE_MODIFY`
from the newest modification time the portal itself reported (no desktop clock), and a
sweep of IDs alone finds rows deleted, or no longer readable by this user.

Pacing: a sync request goes only while the rate bucket holds no more than `1 - share` of
its depth, no faster than `share` of the drain rate, only while all of the session's
requests over the last half minute (the live poller's and the supervisor's included) stay
within `share` of the drain rate, and only while the batch method's operating time stays
under `share` of the portal's limit, so the supervisor's own clicks always find room.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections import deque
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from b24desk.api import crm
from b24desk.api.types import CrmEntityType, Entity

if TYPE_CHECKING:
    # Neither the client (httpx) nor sqlite3 loads before the window's first paint.
    from b24desk.api.client import B24Client
    from b24desk.api.events import RequestEvent

    from .index import EntityIndex

log = logging.getLogger(__name__)

DEFAULT_SHARE = 0.5
BATCH = "batch"  # every sync request is one batch; the portal counts its time under this name
WINDOW = 30.0  # seconds over which every request of the session counts against the share


@dataclass(frozen=True, slots=True)
class SyncProgress:
    entity_type: CrmEntityType
    indexed: int  # rows in the index now
    complete: bool  # the initial sync of this type is done


class Pacer:
    """Waits before each sync request until it fits the sync's share of the budget."""

    def __init__(
        self,
        client: B24Client,
        share: float = DEFAULT_SHARE,
        *,
        sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.client = client
        self.share = share
        self._sleep = sleep
        self._clock = clock
        self._last = float("-inf")
        self._sent: deque[float] = deque()  # when the session's recent requests ended
        self.waited = 0.0
        client.subscribe(self._count)

    def _count(self, event: RequestEvent) -> None:
        now = self._clock()
        self._sent.extend(now for _ in range(1 + event.retries))

    def delay(self) -> float:
        """Seconds to wait before the next sync request may go (0: now)."""
        bucket = self.client.bucket
        spacing = 1 / (bucket.rate * self.share) if bucket.rate > 0 else 0.0
        by_spacing = self._last + spacing - self._clock()
        # Leave (1 - share) of the bucket's depth for the user: drain down to that first.
        over = bucket.level() + 1 - bucket.burst * self.share
        by_bucket = over / bucket.rate if over > 0 and bucket.rate > 0 else 0.0
        by_session = self._session_delay(bucket.rate * self.share * WINDOW)
        by_operating = 0.0
        limit = self.client.operating.limit
        if limit is not None and self.client.operating.operating(BATCH) >= limit * self.share:
            by_operating = self.client.operating.seconds_to_reset(BATCH)
        return max(0.0, by_spacing, by_bucket, by_session, by_operating)

    def _session_delay(self, allowed: float) -> float:
        """Until the session's requests in the window leave room for one more: the sync
        yields to the live poller and to the supervisor instead of adding to them."""
        now = self._clock()
        while self._sent and self._sent[0] <= now - WINDOW:
            self._sent.popleft()
        excess = len(self._sent) + 1 - max(1, int(allowed))
        if excess <= 0:
            return 0.0
        return self._sent[excess - 1] + WINDOW - now  # when enough of the oldest age out

    async def wait(self) -> None:
        while (delay := self.delay()) > 0:
            self.waited += delay
            await self._sleep(min(delay, 5.0))  # re-check: the user may have freed room
        self._last = self._clock()


class IndexSync:
    """Fills and refreshes one profile's index from the portal."""

    def __init__(
        self,
        client: B24Client,
        index: EntityIndex,
        pacer: Pacer,
        on_progress: Callable[[SyncProgress], None] = lambda _: None,
    ) -> None:
        self.client = client
        self.index = index
        self.pacer = pacer
        self.on_progress = on_progress
        self.requests = 0

    async def run(self, types: Sequence[CrmEntityType] = tuple(CrmEntityType)) -> None:
        """Initial sync of every type not yet complete, then one round of changes each."""
        for entity_type in types:
            await self.initial(entity_type)
        for entity_type in types:
            await self.changes(entity_type)

    async def initial(self, entity_type: CrmEntityType) -> None:
        last_id, complete, since = await self.index.sync_state(entity_type)
        while not complete:
            await self.pacer.wait()
            entities, complete = await crm.entities_after(self.client, entity_type, last_id)
            self.requests += 1
            await self.index.upsert(entities)
            if entities:
                last_id = max(last_id, max(e.id for e in entities))
                since = _newest_modification(entities, since)
            await self.index.save_sync_state(entity_type, last_id, complete, since)
            self.on_progress(
                SyncProgress(entity_type, await self.index.count(entity_type), complete)
            )

    async def changes(self, entity_type: CrmEntityType) -> int:
        """Rows modified since the newest modification seen; returns how many came."""
        last_id, complete, since = await self.index.sync_state(entity_type)
        if not complete or since is None:
            return 0
        changed = 0
        after, done = 0, False
        newest: str | None = since
        while not done:
            await self.pacer.wait()
            entities, done = await crm.entities_after(
                self.client, entity_type, after, filter={">=DATE_MODIFY": since}
            )
            self.requests += 1
            await self.index.upsert(entities)
            changed += len(entities)
            newest = _newest_modification(entities, newest)
            if entities:
                after = entities[-1].id
                last_id = max(last_id, after)
        await self.index.save_sync_state(entity_type, last_id, True, newest)
        return changed

    async def sweep(self, entity_type: CrmEntityType) -> int:
        """Remove rows the portal no longer lists (deleted, or not readable by this user)."""
        removed = 0
        after, done = 0, False
        while not done:
            await self.pacer.wait()
            listed, done = await crm.ids_after(self.client, entity_type, after)
            self.requests += 1
            upto = listed[-1] if listed and not done else None
            known = await self.index.ids_between(entity_type, after, upto)
            gone = sorted(set(known) - set(listed))
            if gone:
                removed += await self.index.remove(entity_type, gone)
            if listed:
                after = listed[-1]
        return removed


def _newest_modification(entities: Sequence[Entity], since: str | None) -> str | None:
    """The newest DATE_MODIFY the portal reported, in its own clock and format."""
    stamps = [e.date_modify for e in entities if e.date_modify is not None]
    if since is not None:
        stamps.append(datetime.fromisoformat(since))
    return max(stamps).isoformat() if stamps else None
