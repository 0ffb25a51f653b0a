"""The index file's layout: its schema, the upgrade of an older file, and how an entity is
written to a row and read back.

Sized for a million rows (under 400 bytes each): one row key holds type and ID, dates are
seconds, and the full-text tables keep no positions or sizes, only which rows hold a trigram.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from datetime import UTC, datetime
from decimal import Decimal
from typing import Any

from b24desk.api.parse import as_code
from b24desk.api.types import CrmEntityType, Entity

from .matching import latin, phone_digits

# Bump on any change of the schema or of what `words`/`digits` hold (matching.py): an
# older file is then rebuilt (the index is a cache; the sync fills it again).
SCHEMA_VERSION = 2
_TYPE_SHIFT = 48  # row key = type number << 48 | ID: portal IDs stay far below 2^48
_ID_MASK = (1 << _TYPE_SHIFT) - 1

# `words`: names, title and e-mails in one Latin spelling (matching.latin): a Latin or a
# Cyrillic query spelled the same way finds both, so no second, Cyrillic copy is kept.
# detail=none: the trigram index only says which rows hold a trigram; a LIKE then checks
# the row's text, so positions (most of an FTS5 index) are not stored.
_SCHEMA = """
CREATE TABLE IF NOT EXISTS entity(
    key INTEGER PRIMARY KEY,
    title TEXT, name TEXT, second_name TEXT, last_name TEXT, status TEXT,
    assigned_by_id INTEGER, company_id INTEGER, contact_id INTEGER,
    opportunity TEXT, currency TEXT, phones TEXT, emails TEXT, has_chats INTEGER,
    date_create INTEGER, date_modify INTEGER,
    words TEXT, digits TEXT);
CREATE VIRTUAL TABLE IF NOT EXISTS entity_words USING fts5(words, content='entity',
    content_rowid='key', tokenize='trigram', detail='none', columnsize=0);
CREATE VIRTUAL TABLE IF NOT EXISTS entity_digits USING fts5(digits, content='entity',
    content_rowid='key', tokenize='trigram', detail='none', columnsize=0);
CREATE TRIGGER IF NOT EXISTS entity_added AFTER INSERT ON entity BEGIN
    INSERT INTO entity_words(rowid, words) VALUES (new.key, new.words);
    INSERT INTO entity_digits(rowid, digits) VALUES (new.key, new.digits);
END;
CREATE TRIGGER IF NOT EXISTS entity_removed AFTER DELETE ON entity BEGIN
    INSERT INTO entity_words(entity_words, rowid, words) VALUES ('delete', old.key, old.words);
    INSERT INTO entity_digits(entity_digits, rowid, digits)
        VALUES ('delete', old.key, old.digits);
END;
CREATE TRIGGER IF NOT EXISTS entity_changed AFTER UPDATE ON entity BEGIN
    INSERT INTO entity_words(entity_words, rowid, words) VALUES ('delete', old.key, old.words);
    INSERT INTO entity_digits(entity_digits, rowid, digits)
        VALUES ('delete', old.key, old.digits);
    INSERT INTO entity_words(rowid, words) VALUES (new.key, new.words);
    INSERT INTO entity_digits(rowid, digits) VALUES (new.key, new.digits);
END;
CREATE TABLE IF NOT EXISTS sync_state(
    type TEXT PRIMARY KEY, last_id INTEGER NOT NULL DEFAULT 0,
    complete INTEGER NOT NULL DEFAULT 0, modified_since TEXT);
"""
_COLUMNS = (
    "key", "title", "name", "second_name", "last_name", "status", "assigned_by_id",
    "company_id", "contact_id", "opportunity", "currency", "phones", "emails", "has_chats",
    "date_create", "date_modify", "words", "digits",
)  # fmt: skip
UPSERT = (
    f"INSERT INTO entity({', '.join(_COLUMNS)}) VALUES ({', '.join('?' * len(_COLUMNS))}) "
    "ON CONFLICT(key) DO UPDATE SET " + ", ".join(f"{c} = excluded.{c}" for c in _COLUMNS[1:])
)
_TYPE_NUMBERS = {t: t.type_id for t in CrmEntityType}

# The browser's sort fields (portal names) and the index columns that serve them.
SORTABLE = {
    "ID": "key",
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


def open_schema(db: sqlite3.Connection) -> None:
    """Create the tables, rebuilding a file an older version wrote."""
    version = db.execute("PRAGMA user_version").fetchone()[0]
    if version != SCHEMA_VERSION:
        names = db.execute(
            "SELECT type, name FROM sqlite_schema WHERE type IN ('table', 'trigger') "
            "AND name NOT LIKE 'sqlite_%'"
        ).fetchall()
        with db:
            for kind, name in names:
                # The FTS tables' shadow tables go with them; IF EXISTS for those.
                db.execute(f'DROP {kind.upper()} IF EXISTS "{name}"')
        db.execute("VACUUM")
    db.executescript(_SCHEMA)
    db.execute(f"PRAGMA user_version={SCHEMA_VERSION}")


def key(entity_type: CrmEntityType, entity_id: int) -> int:
    return _TYPE_NUMBERS[entity_type] << _TYPE_SHIFT | entity_id


def key_range(entity_type: CrmEntityType) -> tuple[int, int]:
    """The first and last row key of a type: its rows are one range of the table."""
    return key(entity_type, 0), key(entity_type, _ID_MASK)


def entity_id(row_key: int) -> int:
    return row_key & _ID_MASK


def search_words(entity: Entity) -> str:
    names = (entity.title, entity.name, entity.second_name, entity.last_name)
    return latin(" ".join(n for n in (*names, *entity.emails) if n))


def row_of(entity: Entity) -> tuple[Any, ...]:
    return (
        key(entity.type, entity.id), entity.title, entity.name, entity.second_name,
        entity.last_name, entity.status, entity.assigned_by_id, entity.company_id,
        entity.contact_id, None if entity.opportunity is None else str(entity.opportunity),
        entity.currency, "\n".join(entity.phones), "\n".join(entity.emails),
        int(entity.has_open_lines), _seconds(entity.date_create), _seconds(entity.date_modify),
        search_words(entity), " ".join(phone_digits(p) for p in entity.phones),
    )  # fmt: skip


def _seconds(value: datetime | None) -> int | None:
    # A moment, not the portal's offset: the window shows every time on the user's clock.
    return None if value is None else int(value.timestamp())


def _moment(value: int | None) -> datetime | None:
    return None if value is None else datetime.fromtimestamp(value, UTC)


# What entity_of reads: every column but the two search ones (most of a row's bytes).
_ENTITY_WIDTH = len(_COLUMNS) - 2
ENTITY_COLUMNS = ", ".join(_COLUMNS[:_ENTITY_WIDTH])


def entity_of(entity_type: CrmEntityType, row: Sequence[Any]) -> Entity:
    """A row read as ENTITY_COLUMNS (plain tuples: named rows cost a third of a search)."""
    (
        row_key, title, name, second_name, last_name, status, assigned_by_id, company_id,
        contact_id, opportunity, currency, phones, emails, has_chats, date_create, date_modify,
    ) = row[:_ENTITY_WIDTH]  # fmt: skip
    return Entity(
        type=entity_type,
        id=entity_id(row_key),
        title=title or "",
        name=name or "",
        second_name=second_name or "",
        last_name=last_name or "",
        status=as_code(status),
        assigned_by_id=assigned_by_id,
        company_id=company_id,
        contact_id=contact_id,
        opportunity=Decimal(opportunity) if opportunity else None,
        currency=as_code(currency),
        phones=tuple(p for p in (phones or "").split("\n") if p),
        emails=tuple(e for e in (emails or "").split("\n") if e),
        has_open_lines=bool(has_chats),
        date_create=_moment(date_create),
        date_modify=_moment(date_modify),
    )


def order_clause(order: Order) -> str:
    parts = [f"{SORTABLE[f]} {'DESC' if d else 'ASC'}" for f, d in order if f in SORTABLE]
    return ", ".join([*parts, "key DESC"])
