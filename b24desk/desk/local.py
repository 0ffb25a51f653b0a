"""A profile's local index at work: where its file lives, the background sync that keeps it
current, and the browser pages and searches it serves once a type is fully indexed.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from b24desk.api.listing import PAGE_SIZE
from b24desk.api.types import CrmEntityType, Entity, Page
from b24desk.settings.paths import profile_file

from .matching import read_query
from .sync import DEFAULT_SHARE, IndexSync, Pacer, SyncProgress
from .tasks import TaskScope

if TYPE_CHECKING:
    from b24desk.api.client import B24Client

    from .index import EntityIndex, Order

log = logging.getLogger(__name__)

INDEX_DIR = "index"  # under the data folder, one file per profile
# Leads first: they are what a contact centre searches most.
SYNC_ORDER = (
    CrmEntityType.LEAD,
    CrmEntityType.DEAL,
    CrmEntityType.CONTACT,
    CrmEntityType.COMPANY,
)
CHANGES_EVERY = 60.0
SWEEP_EVERY = 15 * 60.0
RETRY_AFTER = 60.0


def index_file(data_dir: Path, profile: str) -> Path:
    return profile_file(data_dir / INDEX_DIR, profile, ".sqlite")


@dataclass(frozen=True, slots=True)
class IndexStatus:
    """What the status bar says about the index: the type being indexed and its rows so far,
    or that every type is ready."""

    entity_type: CrmEntityType | None
    indexed: int
    ready: bool


@dataclass(frozen=True, slots=True)
class FoundPage(Page[Entity]):
    """Search results from the index, with why each one matched (entity ID -> reason)."""

    reasons: Mapping[int, str] = field(default_factory=dict)


class LocalIndex:
    """One profile's index and its sync, run in the session's task scope."""

    def __init__(
        self,
        index: EntityIndex,
        sync: IndexSync,
        *,
        changes_every: float = CHANGES_EVERY,
        sweep_every: float = SWEEP_EVERY,
        retry_after: float = RETRY_AFTER,
        sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
    ) -> None:
        self.index = index
        self.sync = sync
        sync.on_progress = self._progress
        self.changes_every = changes_every
        self.sweep_every = sweep_every
        self.retry_after = retry_after
        self._sleep = sleep
        self._ready: set[CrmEntityType] = set()
        self.status = IndexStatus(SYNC_ORDER[0], 0, False)
        self._scope: TaskScope | None = None
        self._task: asyncio.Task[None] | None = None

    @classmethod
    def open(cls, client: B24Client, path: Path, share: float = DEFAULT_SHARE) -> LocalIndex:
        # sqlite3 loads with the first index, after the window's first paint (start-up time).
        from .index import EntityIndex

        index = EntityIndex(path)
        return cls(index, IndexSync(client, index, Pacer(client, share)))

    def ready(self, entity_type: CrmEntityType) -> bool:
        """The type's initial sync is complete: the index can serve it."""
        return entity_type in self._ready

    # ---- the sync's life ----

    def runs(self, task: asyncio.Task[object]) -> bool:
        """Whether `task` is this index's sync."""
        return task is self._task

    def start(self, scope: TaskScope) -> None:
        self._scope = scope
        self._task = scope.spawn(self._run(), name="local index sync")

    async def forget(self) -> None:
        """Empty the index (the supervisor asked) and index the portal again from scratch."""
        if self._task is not None:
            self._task.cancel()
            await asyncio.gather(self._task, return_exceptions=True)
        self._ready.clear()
        self.status = IndexStatus(SYNC_ORDER[0], 0, False)
        await self.index.forget()
        if self._scope is not None:
            self.start(self._scope)

    async def close(self) -> None:
        if self._task is not None:
            self._task.cancel()
            await asyncio.gather(self._task, return_exceptions=True)
        await self.index.close()

    async def _run(self) -> None:
        # Sync failures are the index's business, not the supervisor's (their own actions
        # report their own errors): logged, and tried again later.
        pending = list(SYNC_ORDER)
        while pending:
            for entity_type in list(pending):
                if await self._guarded(self.sync.initial(entity_type), "initial sync"):
                    self._ready.add(entity_type)
                    pending.remove(entity_type)
            if pending:
                await self._sleep(self.retry_after)
        total = sum([await self.index.count(t) for t in SYNC_ORDER])
        self.status = IndexStatus(None, total, True)
        swept = time.monotonic()
        while True:
            await self._sleep(self.changes_every)
            for entity_type in SYNC_ORDER:
                await self._guarded(self.sync.changes(entity_type), "changes")
            if time.monotonic() - swept >= self.sweep_every:
                swept = time.monotonic()
                for entity_type in SYNC_ORDER:
                    await self._guarded(self.sync.sweep(entity_type), "sweep")

    async def _guarded(self, work: Awaitable[object], what: str) -> bool:
        try:
            await work
        except Exception as error:  # logged; the next round tries again
            log.warning("Local index %s failed (%s); will retry", what, type(error).__name__)
            log.debug("Local index %s failure", what, exc_info=error)
            return False
        return True

    def _progress(self, progress: SyncProgress) -> None:
        self.status = IndexStatus(progress.entity_type, progress.indexed, False)

    # ---- serving the browser ----

    def serves(self, entity_type: CrmEntityType, order: Order) -> bool:
        return self.ready(entity_type) and all(self.index.sorts_by(name) for name, _ in order)

    async def page(
        self, entity_type: CrmEntityType, start: int, order: Order, search: str
    ) -> Page[Entity] | None:
        """A browser page from the index. In ID order `start` is the last ID shown (as on
        the portal, so paging carries on across the switch); otherwise it is an offset.

        None when only the portal can answer: an ID the index does not hold (yet: a lead
        created a moment ago reaches the index with the next round of changes).
        """
        if search.strip():  # its hits are its total: no count on the way (a thread hop)
            hits = await self.index.search(entity_type, search, order)
            if not hits and read_query(search).id is not None:
                return None
            found = tuple(h.entity for h in hits)
            return FoundPage(found, len(found), None, {h.entity.id: h.reason for h in hits})
        total = await self.index.count(entity_type)
        if all(name == "ID" for name, _ in order):
            descending = order[0][1] if order else True
            items = await self.index.id_page(entity_type, start or None, descending, PAGE_SIZE)
            return Page(tuple(items), total, items[-1].id if len(items) == PAGE_SIZE else None)
        items = await self.index.page(entity_type, order, start, PAGE_SIZE)
        end = start + len(items)
        return Page(tuple(items), total, end if len(items) == PAGE_SIZE and end < total else None)
