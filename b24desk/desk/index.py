"""The local entity index: one SQLite file per profile, so browsing and search stay instant
on a portal of any size. The portal is only asked for cheap pages and changes (see sync).

Every statement runs on one worker thread that owns the connection, so the event loop
never waits on disk; FTS5's trigram tokenizer gives substring search over names and
e-mails (in one Latin spelling) and phone digits.
"""

from __future__ import annotations

import asyncio
import os
import sqlite3
from collections.abc import Callable, Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, TypeVar

from b24desk.api.types import CrmEntityType, CrmRef, Entity

from .index_rows import (
    ENTITY_COLUMNS,
    SORTABLE,
    UPSERT,
    Order,
    entity_id,
    entity_of,
    key,
    key_range,
    open_schema,
    order_clause,
    row_of,
)
from .matching import Query, fold, phone_digits, phone_variants, read_query

__all__ = ["SORTABLE", "EntityIndex", "Hit", "Order", "order_clause"]

T = TypeVar("T")
SEARCH_LIMIT = 200
# Matches ranked and sorted per search and source, when sorted by another column than ID:
# twice what is shown. (In ID order the matches come in that order: as many as are shown.)
CANDIDATES = 2 * SEARCH_LIMIT
_TRIGRAM = 3  # the tokenizer matches substrings of at least this many characters


@dataclass(frozen=True, slots=True)
class Hit:
    """A search result and why it matched, for the supervisor to see."""

    entity: Entity
    reason: str  # "id" | "phone" | "e-mail" | "name" | "spelling"


# Names, titles and e-mail domains repeat from row to row: each is folded once.
_fold = lru_cache(maxsize=16384)(fold)


def _why(entity: Entity, query: Query) -> str:
    if query.id is not None and entity.id == query.id:
        return "id"
    if query.digits and any(
        v in phone_digits(p) for p in entity.phones for v in phone_variants(query.digits)
    ):
        return "phone"
    if any(query.words in _fold(e) for e in entity.emails):
        return "e-mail"
    names = (entity.title, entity.name, entity.second_name, entity.last_name)
    if any(query.words in _fold(n) for n in names if n):
        return "name"
    return "spelling"


class EntityIndex:
    """One profile's index file; every method but `close` is awaited on the event loop."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._worker = ThreadPoolExecutor(max_workers=1, thread_name_prefix="entity-index")
        self._db: sqlite3.Connection | None = None
        # Rows per type, counted once per change (each page shows the total; counting a
        # million rows costs tens of milliseconds). Read and written on the worker only.
        self._counts: dict[CrmEntityType, int] = {}

    @staticmethod
    def sorts_by(field: str) -> bool:
        """Whether pages can be sorted by this browser field (a portal field name)."""
        return field in SORTABLE

    async def _run(self, work: Callable[[sqlite3.Connection], T]) -> T:
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(self._worker, lambda: work(self._connection()))

    def _connection(self) -> sqlite3.Connection:
        if self._db is None:
            self.path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
            fresh = not self.path.exists()
            db = sqlite3.connect(self.path)
            if fresh and os.name == "posix":
                os.chmod(self.path, 0o600)  # customers' names and phones: the user's only
            db.execute("PRAGMA journal_mode=WAL")
            db.execute("PRAGMA synchronous=NORMAL")
            open_schema(db)
            self._db = db
        return self._db

    async def close(self) -> None:
        def shut(db: sqlite3.Connection) -> None:
            db.close()
            self._db = None

        if self._db is not None:
            await self._run(shut)
        self._worker.shutdown(wait=False)

    # ---- writing ----

    async def upsert(self, entities: Iterable[Entity]) -> int:
        batch = list(entities)

        def write(db: sqlite3.Connection) -> int:
            # Folding 2,500 names is tens of milliseconds: on the index's thread, not the loop's.
            rows = [row_of(e) for e in batch]
            with db:
                db.executemany(UPSERT, rows)
            self._counts.clear()
            return len(rows)

        return await self._run(write)

    async def remove(self, entity_type: CrmEntityType, ids: Iterable[int]) -> int:
        gone = [(key(entity_type, i),) for i in ids]

        def write(db: sqlite3.Connection) -> int:
            with db:
                removed = db.executemany("DELETE FROM entity WHERE key=?", gone).rowcount
            self._counts.clear()
            return removed

        return await self._run(write)

    async def forget(self) -> None:
        """Forget everything this profile's index holds (the user asked, or signed out)."""

        def wipe(db: sqlite3.Connection) -> None:
            with db:
                db.execute("DELETE FROM entity")
                db.execute("DELETE FROM sync_state")
            self._counts.clear()
            db.execute("VACUUM")

        await self._run(wipe)

    # ---- reading ----

    async def count(self, entity_type: CrmEntityType) -> int:
        def read(db: sqlite3.Connection) -> int:
            known = self._counts.get(entity_type)
            if known is None:
                sql = "SELECT count(*) FROM entity WHERE key BETWEEN ? AND ?"
                known = int(db.execute(sql, key_range(entity_type)).fetchone()[0])
                self._counts[entity_type] = known
            return known

        return await self._run(read)

    async def names(self, refs: Iterable[CrmRef]) -> dict[CrmRef, str]:
        """Display names of the entities the index holds among `refs` (one lookup each)."""
        wanted = {key(r.type, r.id): r for r in refs}
        marks = ", ".join("?" * len(wanted))
        sql = f"SELECT {ENTITY_COLUMNS} FROM entity WHERE key IN ({marks})"

        def read(db: sqlite3.Connection) -> dict[CrmRef, str]:
            rows = db.execute(sql, list(wanted)).fetchall() if wanted else []
            return {(ref := wanted[r[0]]): entity_of(ref.type, r).display_name for r in rows}

        return await self._run(read)

    async def ids_between(
        self, entity_type: CrmEntityType, after: int, upto: int | None
    ) -> list[int]:
        """IDs with after < ID <= upto (no upper bound when upto is None)."""
        sql = "SELECT key FROM entity WHERE key > ? AND key <= ? ORDER BY key"
        last = key_range(entity_type)[1] if upto is None else key(entity_type, upto)

        def read(db: sqlite3.Connection) -> list[int]:
            return [entity_id(r[0]) for r in db.execute(sql, (key(entity_type, after), last))]

        return await self._run(read)

    async def page(
        self, entity_type: CrmEntityType, order: Order, offset: int, limit: int
    ) -> list[Entity]:
        sql = (
            f"SELECT {ENTITY_COLUMNS} FROM entity WHERE key BETWEEN ? AND ? "
            f"ORDER BY {order_clause(order)} LIMIT ? OFFSET ?"
        )

        def read(db: sqlite3.Connection) -> list[Entity]:
            rows = db.execute(sql, (*key_range(entity_type), limit, offset)).fetchall()
            return [entity_of(entity_type, r) for r in rows]

        return await self._run(read)

    async def id_page(
        self, entity_type: CrmEntityType, after: int | None, descending: bool, limit: int
    ) -> list[Entity]:
        """A page in ID order past a cursor (the last ID shown), as the portal pages by ID."""
        first, last = key_range(entity_type)
        if after is not None:
            first, last = (
                (first, key(entity_type, after) - 1)
                if descending
                else (key(entity_type, after) + 1, last)
            )
        sql = (
            f"SELECT {ENTITY_COLUMNS} FROM entity WHERE key BETWEEN ? AND ? "
            f"ORDER BY key {'DESC' if descending else 'ASC'} LIMIT ?"
        )

        def read(db: sqlite3.Connection) -> list[Entity]:
            rows = db.execute(sql, (first, last, limit)).fetchall()
            return [entity_of(entity_type, r) for r in rows]

        return await self._run(read)

    async def search(
        self, entity_type: CrmEntityType, text: str, order: Order = (), limit: int = SEARCH_LIMIT
    ) -> list[Hit]:
        """Exact ID, phone and e-mail matches first, then the rest in the chosen order."""
        query = read_query(text)
        if query.empty:
            return []

        def read(db: sqlite3.Connection) -> list[Hit]:
            rows = self._matching_rows(db, entity_type, query, order, limit)
            return [Hit(e, _why(e, query)) for e in (entity_of(entity_type, r) for r in rows)]

        return await self._run(read)

    @staticmethod
    def _matching_rows(
        db: sqlite3.Connection, entity_type: CrmEntityType, query: Query, order: Order, limit: int
    ) -> list[tuple[Any, ...]]:
        digits = phone_variants(query.digits) if query.digits else ()
        first, last = key_range(entity_type)
        # Candidates come from indexes only (an OR in the outer WHERE would scan the table),
        # and are bounded: a common fragment ("ова") matches most rows; a sample is ranked.
        # The words are kept in one Latin spelling, so the query is spelled the same way.
        # A LIKE on a trigram table is a lookup; `_` in a query then stands for any one
        # character, a harmless widening (no ESCAPE: FTS5 would not serve it).
        sources: list[str] = []
        params: list[Any] = []
        # Within this type's rows only (a cap over every type let 1,000 leads named Ivan
        # hide the contacts named Ivan), newest first, or in the ID order chosen: in ID
        # order the sample holds exactly the rows shown.
        newest_first = next((d for f, d in order if f == "ID"), True)
        direction = "DESC" if newest_first else "ASC"
        cap = limit if all(f == "ID" for f, _ in order) else max(limit, CANDIDATES)
        bounded = (
            "SELECT * FROM (SELECT rowid FROM {0} WHERE {1} LIKE ? AND rowid BETWEEN ? AND ? "
            f"ORDER BY rowid {direction} LIMIT ?)"
        )
        if len(query.spelled) >= _TRIGRAM:
            sources.append(bounded.format("entity_words", "words"))
            params += [f"%{query.spelled}%", first, last, cap]
        else:  # too short for trigrams: names that start with it
            sources.append(
                "SELECT * FROM (SELECT key FROM entity WHERE key BETWEEN ? AND ? "
                f"AND (' ' || words) LIKE ? ESCAPE '\\' ORDER BY key {direction} LIMIT ?)"
            )
            params += [first, last, f"% {_like_prefix(query.spelled)}", cap]
        for variant in digits:
            sources.append(bounded.format("entity_digits", "digits"))
            params += [f"%{variant}%", first, last, cap]
        if query.id is not None:
            sources.append("SELECT ?")
            params.append(key(entity_type, query.id))
        # Exact ID, phone and e-mail matches rank first; plain words have nothing exact.
        exact, exact_params = "1", []
        if query.id is not None or digits or "@" in query.words:
            exact = "CASE WHEN key = ? OR instr(' ' || digits || ' ', ?) "
            exact += "OR instr(lower(emails), ?) THEN 0 ELSE 1 END"
            exact_params = [
                key(entity_type, query.id) if query.id is not None else -1,
                f" {digits[-1]} " if digits else "\0",
                query.words if "@" in query.words else "\0",
            ]
        sql = (
            # `+key`: filter on the type's range, never let the planner scan it instead.
            f"SELECT {ENTITY_COLUMNS}, {exact} AS rank FROM entity "
            f"WHERE key IN ({' UNION '.join(sources)}) AND +key BETWEEN ? AND ? "
            f"ORDER BY rank, {order_clause(order)} LIMIT ?"
        )
        return db.execute(sql, [*exact_params, *params, first, last, limit]).fetchall()

    # ---- sync bookkeeping ----

    async def sync_state(self, entity_type: CrmEntityType) -> tuple[int, bool, str | None]:
        """(last ID fetched by the initial sync, whether it finished, changes fetched since)."""

        def read(db: sqlite3.Connection) -> tuple[int, bool, str | None]:
            row = db.execute(
                "SELECT last_id, complete, modified_since FROM sync_state WHERE type=?",
                (entity_type.value,),
            ).fetchone()
            return (row[0], bool(row[1]), row[2]) if row else (0, False, None)

        return await self._run(read)

    async def save_sync_state(
        self, entity_type: CrmEntityType, last_id: int, complete: bool, modified_since: str | None
    ) -> None:
        def write(db: sqlite3.Connection) -> None:
            with db:
                db.execute(
                    "INSERT INTO sync_state(type, last_id, complete, modified_since) "
                    "VALUES (?, ?, ?, ?) ON CONFLICT(type) DO UPDATE SET last_id=excluded.last_id,"
                    " complete=excluded.complete, modified_since=excluded.modified_since",
                    (entity_type.value, last_id, int(complete), modified_since),
                )

        await self._run(write)


def _like_prefix(text: str) -> str:
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"{escaped}%"
