"""The local entity index: one SQLite file per profile, so browsing and search stay instant
on a portal of any size. The portal is only asked for cheap pages and changes (see sync).

Every statement runs on one worker thread that owns the connection, so the event loop
never waits on disk; FTS5's trigram tokenizer gives substring search over names, e-mails,
their Latin spelling and phone digits.
"""

from __future__ import annotations

import asyncio
import os
import sqlite3
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from pathlib import Path
from typing import Any, TypeVar

from b24desk.api.types import CrmEntityType, Entity

from .matching import Query, fold, latin, phone_digits, phone_variants, read_query

T = TypeVar("T")
SCHEMA_VERSION = 1
SEARCH_LIMIT = 200
CANDIDATES = 1000  # full-text matches ranked and sorted per search, per table
_TRIGRAM = 3  # the tokenizer matches substrings of at least this many characters

_SCHEMA = """
CREATE TABLE IF NOT EXISTS entity(
    rowid INTEGER PRIMARY KEY,
    type TEXT NOT NULL, id INTEGER NOT NULL,
    title TEXT, name TEXT, second_name TEXT, last_name TEXT, status TEXT,
    assigned_by_id INTEGER, company_id INTEGER, contact_id INTEGER,
    opportunity TEXT, currency TEXT, phones TEXT, emails TEXT, has_chats INTEGER,
    date_create TEXT, date_modify TEXT,
    words TEXT, digits TEXT,
    UNIQUE(type, id));
CREATE VIRTUAL TABLE IF NOT EXISTS entity_words
    USING fts5(words, content='entity', content_rowid='rowid', tokenize='trigram');
CREATE VIRTUAL TABLE IF NOT EXISTS entity_digits
    USING fts5(digits, content='entity', content_rowid='rowid', tokenize='trigram');
CREATE TRIGGER IF NOT EXISTS entity_added AFTER INSERT ON entity BEGIN
    INSERT INTO entity_words(rowid, words) VALUES (new.rowid, new.words);
    INSERT INTO entity_digits(rowid, digits) VALUES (new.rowid, new.digits);
END;
CREATE TRIGGER IF NOT EXISTS entity_removed AFTER DELETE ON entity BEGIN
    INSERT INTO entity_words(entity_words, rowid, words) VALUES ('delete', old.rowid, old.words);
    INSERT INTO entity_digits(entity_digits, rowid, digits)
        VALUES ('delete', old.rowid, old.digits);
END;
CREATE TRIGGER IF NOT EXISTS entity_changed AFTER UPDATE ON entity BEGIN
    INSERT INTO entity_words(entity_words, rowid, words) VALUES ('delete', old.rowid, old.words);
    INSERT INTO entity_digits(entity_digits, rowid, digits)
        VALUES ('delete', old.rowid, old.digits);
    INSERT INTO entity_words(rowid, words) VALUES (new.rowid, new.words);
    INSERT INTO entity_digits(rowid, digits) VALUES (new.rowid, new.digits);
END;
CREATE TABLE IF NOT EXISTS sync_state(
    type TEXT PRIMARY KEY, last_id INTEGER NOT NULL DEFAULT 0,
    complete INTEGER NOT NULL DEFAULT 0, modified_since TEXT);
"""
_COLUMNS = (
    "type", "id", "title", "name", "second_name", "last_name", "status", "assigned_by_id",
    "company_id", "contact_id", "opportunity", "currency", "phones", "emails", "has_chats",
    "date_create", "date_modify", "words", "digits",
)  # fmt: skip
_UPSERT = (
    f"INSERT INTO entity({', '.join(_COLUMNS)}) VALUES ({', '.join('?' * len(_COLUMNS))}) "
    "ON CONFLICT(type, id) DO UPDATE SET " + ", ".join(f"{c} = excluded.{c}" for c in _COLUMNS[2:])
)
# The browser's sort fields (portal names) and the index columns that serve them.
SORTABLE = {
    "ID": "id",
    "TITLE": "title COLLATE NOCASE",
    "NAME": "name COLLATE NOCASE",
    "LAST_NAME": "last_name COLLATE NOCASE",
    "STATUS_ID": "status",
    "STAGE_ID": "status",
    "TYPE_ID": "status",  # contacts' type
    "COMPANY_TYPE": "status",
    "ASSIGNED_BY_ID": "assigned_by_id",
    "OPPORTUNITY": "CAST(opportunity AS REAL)",
    "DATE_CREATE": "date_create",
    "DATE_MODIFY": "date_modify",
}
Order = Sequence[tuple[str, bool]]  # (portal field, descending)


@dataclass(frozen=True, slots=True)
class Hit:
    """A search result and why it matched, for the supervisor to see."""

    entity: Entity
    reason: str  # "id" | "phone" | "e-mail" | "name" | "spelling"


def _row_of(entity: Entity) -> tuple[Any, ...]:
    names = (entity.title, entity.name, entity.second_name, entity.last_name)
    text = " ".join(n for n in (*names, *entity.emails) if n)
    words = fold(text)
    spelled = latin(text)
    return (
        entity.type.value, entity.id, entity.title, entity.name, entity.second_name,
        entity.last_name, entity.status, entity.assigned_by_id, entity.company_id,
        entity.contact_id, None if entity.opportunity is None else str(entity.opportunity),
        entity.currency, "\n".join(entity.phones), "\n".join(entity.emails),
        int(entity.has_open_lines), _iso(entity.date_create), _iso(entity.date_modify),
        words if spelled == words else f"{words} {spelled}",
        " ".join(phone_digits(p) for p in entity.phones),
    )  # fmt: skip


def _iso(value: datetime | None) -> str | None:
    return value.isoformat() if value is not None else None


def _entity_of(row: sqlite3.Row) -> Entity:
    return Entity(
        type=CrmEntityType(row["type"]),
        id=row["id"],
        title=row["title"] or "",
        name=row["name"] or "",
        second_name=row["second_name"] or "",
        last_name=row["last_name"] or "",
        status=row["status"] or "",
        assigned_by_id=row["assigned_by_id"],
        company_id=row["company_id"],
        contact_id=row["contact_id"],
        opportunity=Decimal(row["opportunity"]) if row["opportunity"] else None,
        currency=row["currency"] or "",
        phones=tuple(p for p in (row["phones"] or "").split("\n") if p),
        emails=tuple(e for e in (row["emails"] or "").split("\n") if e),
        has_open_lines=bool(row["has_chats"]),
        date_create=datetime.fromisoformat(row["date_create"]) if row["date_create"] else None,
        date_modify=datetime.fromisoformat(row["date_modify"]) if row["date_modify"] else None,
    )


def order_clause(order: Order) -> str:
    parts = [f"{SORTABLE[f]} {'DESC' if d else 'ASC'}" for f, d in order if f in SORTABLE]
    return ", ".join([*parts, "id DESC"])


def _fts_phrase(text: str) -> str:
    return '"' + text.replace('"', '""') + '"'


def _why(entity: Entity, query: Query) -> str:
    if query.id is not None and entity.id == query.id:
        return "id"
    if query.digits and any(
        v in phone_digits(p) for p in entity.phones for v in phone_variants(query.digits)
    ):
        return "phone"
    if any(query.words in fold(e) for e in entity.emails):
        return "e-mail"
    names = (entity.title, entity.name, entity.second_name, entity.last_name)
    if any(query.words in fold(n) for n in names if n):
        return "name"
    return "spelling"


class EntityIndex:
    """One profile's index file; every method but `close` is awaited on the event loop."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._worker = ThreadPoolExecutor(max_workers=1, thread_name_prefix="entity-index")
        self._db: sqlite3.Connection | None = None

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
            db.row_factory = sqlite3.Row
            db.execute("PRAGMA journal_mode=WAL")
            db.execute("PRAGMA synchronous=NORMAL")
            db.executescript(_SCHEMA)
            db.execute(f"PRAGMA user_version={SCHEMA_VERSION}")
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
            rows = [_row_of(e) for e in batch]
            with db:
                db.executemany(_UPSERT, rows)
            return len(rows)

        return await self._run(write)

    async def remove(self, entity_type: CrmEntityType, ids: Iterable[int]) -> int:
        gone = [(entity_type.value, i) for i in ids]

        def write(db: sqlite3.Connection) -> int:
            with db:
                return db.executemany("DELETE FROM entity WHERE type=? AND id=?", gone).rowcount

        return await self._run(write)

    async def forget(self) -> None:
        """Forget everything this profile's index holds (the user asked, or signed out)."""

        def wipe(db: sqlite3.Connection) -> None:
            with db:
                db.execute("DELETE FROM entity")
                db.execute("DELETE FROM sync_state")
            db.execute("VACUUM")

        await self._run(wipe)

    # ---- reading ----

    async def count(self, entity_type: CrmEntityType) -> int:
        def read(db: sqlite3.Connection) -> int:
            sql = "SELECT count(*) FROM entity WHERE type=?"
            return int(db.execute(sql, (entity_type.value,)).fetchone()[0])

        return await self._run(read)

    async def ids_between(
        self, entity_type: CrmEntityType, after: int, upto: int | None
    ) -> list[int]:
        """IDs with after < ID <= upto (no upper bound when upto is None)."""
        sql = "SELECT id FROM entity WHERE type=? AND id>? AND id<=? ORDER BY id"
        bound = upto if upto is not None else 2**63 - 1

        def read(db: sqlite3.Connection) -> list[int]:
            return [r[0] for r in db.execute(sql, (entity_type.value, after, bound))]

        return await self._run(read)

    async def page(
        self, entity_type: CrmEntityType, order: Order, offset: int, limit: int
    ) -> list[Entity]:
        sql = f"SELECT * FROM entity WHERE type=? ORDER BY {order_clause(order)} LIMIT ? OFFSET ?"

        def read(db: sqlite3.Connection) -> list[Entity]:
            rows = db.execute(sql, (entity_type.value, limit, offset)).fetchall()
            return [_entity_of(r) for r in rows]

        return await self._run(read)

    async def id_page(
        self, entity_type: CrmEntityType, after: int | None, descending: bool, limit: int
    ) -> list[Entity]:
        """A page in ID order past a cursor (the last ID shown), as the portal pages by ID."""
        bound = "" if after is None else ("AND id < ?" if descending else "AND id > ?")
        sql = (
            f"SELECT * FROM entity WHERE type=? {bound} "
            f"ORDER BY id {'DESC' if descending else 'ASC'} LIMIT ?"
        )
        params = [entity_type.value, *([] if after is None else [after]), limit]

        def read(db: sqlite3.Connection) -> list[Entity]:
            return [_entity_of(r) for r in db.execute(sql, params).fetchall()]

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
            return [Hit(e, _why(e, query)) for e in map(_entity_of, rows)]

        return await self._run(read)

    @staticmethod
    def _matching_rows(
        db: sqlite3.Connection, entity_type: CrmEntityType, query: Query, order: Order, limit: int
    ) -> list[sqlite3.Row]:
        terms = {query.words, query.spelled} - {""}
        digits = phone_variants(query.digits) if query.digits else ()
        # Candidates come from indexes only (an OR in the outer WHERE would scan the table),
        # and are bounded: a common fragment ("ова") matches most rows; a sample is ranked.
        sources: list[str] = []
        params: list[Any] = []
        # Words and phone digits have tables of their own: digits are common in titles and
        # e-mails, and one table's posting lists would make every number slow to find.
        bounded = "SELECT * FROM (SELECT rowid FROM {0} WHERE {0} MATCH ? LIMIT ?)"
        if all(len(t) >= _TRIGRAM for t in terms):
            sources.append(bounded.format("entity_words"))
            params += [" OR ".join(_fts_phrase(t) for t in terms), CANDIDATES]
        else:  # too short for trigrams: names that start with it
            sources.append(
                "SELECT * FROM (SELECT rowid FROM entity WHERE type = ? "
                "AND (' ' || words) LIKE ? ESCAPE '\\' LIMIT ?)"
            )
            params += [entity_type.value, f"% {_like_prefix(query.words)}", CANDIDATES]
        if digits:
            sources.append(bounded.format("entity_digits"))
            params += [" OR ".join(_fts_phrase(d) for d in digits), CANDIDATES]
        if query.id is not None:
            sources.append("SELECT rowid FROM entity WHERE type = ? AND id = ?")
            params += [entity_type.value, query.id]
        exact = "CASE WHEN id = ? OR instr(' ' || digits || ' ', ?) OR instr(lower(emails), ?) "
        exact += "THEN 0 ELSE 1 END"
        exact_params = [
            query.id if query.id is not None else -1,
            f" {digits[-1]} " if digits else "\0",
            query.words if "@" in query.words else "\0",
        ]
        sql = (
            f"SELECT *, {exact} AS rank FROM entity "
            # `+type`: filter on it, but never let the planner scan the type's rows instead.
            f"WHERE rowid IN ({' UNION '.join(sources)}) AND +type = ? "
            f"ORDER BY rank, {order_clause(order)} LIMIT ?"
        )
        return db.execute(sql, [*exact_params, *params, entity_type.value, limit]).fetchall()

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
