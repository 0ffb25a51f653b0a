"""Leads, deals, contacts and companies: list, get and search, as typed `Entity` values.

Uses the old `crm.{type}.list/get` methods (deprecated but documented and universal);
their errors carry an empty `error` code, which errors.py reads from the description.
"""

from __future__ import annotations

import asyncio
import re
from collections.abc import AsyncIterator, Callable, Mapping, Sequence
from decimal import Decimal, InvalidOperation
from typing import TYPE_CHECKING, Any

from .batch import BatchResult, Command
from .listing import PAGE_SIZE, iter_rows, list_all, rows_after
from .parse import as_datetime, as_id, as_int, as_list, as_mapping, as_str, yes_no
from .types import CrmEntityType, Entity, Page

if TYPE_CHECKING:
    from .client import B24Client

# `*` leaves out multi-fields; the desk shows phones and e-mails, so name them.
DEFAULT_SELECT: tuple[str, ...] = ("*", "PHONE", "EMAIL")

_STATUS_FIELD = {
    CrmEntityType.LEAD: "STATUS_ID",
    CrmEntityType.DEAL: "STAGE_ID",
    CrmEntityType.CONTACT: "TYPE_ID",
    CrmEntityType.COMPANY: "COMPANY_TYPE",
}
# Fields a name search looks in (LIKE), per type.
_NAME_FIELDS = {
    CrmEntityType.LEAD: ("TITLE", "NAME", "LAST_NAME"),
    CrmEntityType.DEAL: ("TITLE",),
    CrmEntityType.CONTACT: ("NAME", "LAST_NAME"),
    CrmEntityType.COMPANY: ("TITLE",),
}
_PHONE_LIKE = re.compile(r"\+?[\d\s()\-.]{5,}")
# Bare digits shorter than this are an ID (the supervisor typed "12345"), not a phone; a
# phone typed without any formatting has at least 10 digits (a Russian one, 11).
PHONE_DIGITS = 10


# A background sync reads this many pages of 50 per request: small enough that decoding one
# answer (which holds the GIL) never stalls the window, large enough to keep requests few.
SYNC_PAGES = 20


def browsed_fields(entity_type: CrmEntityType) -> tuple[str, ...]:
    """What the browser and the local index show of an entity, and nothing else."""
    return (
        "ID", "TITLE", "NAME", "SECOND_NAME", "LAST_NAME", _STATUS_FIELD[entity_type],
        "ASSIGNED_BY_ID", "COMPANY_ID", "CONTACT_ID", "OPPORTUNITY", "CURRENCY_ID",
        "PHONE", "EMAIL", "HAS_IMOL", "DATE_CREATE", "DATE_MODIFY",
    )  # fmt: skip


def list_method(entity_type: CrmEntityType) -> str:
    return f"crm.{entity_type.value}.list"


def _multi_values(raw: Any) -> tuple[str, ...]:
    """Multi-field values: [{"ID", "TYPE_ID", "VALUE", "VALUE_TYPE"}, ...] -> ("VALUE", ...)."""
    items = raw if isinstance(raw, list) else []
    return tuple(v for v in (as_str(as_mapping(i).get("VALUE")) for i in items) if v)


def _decimal(raw: Any) -> Decimal | None:
    try:
        return Decimal(str(raw)) if raw not in (None, "") else None
    except InvalidOperation:
        return None


def parse_entity(entity_type: CrmEntityType, raw: Any) -> Entity:
    row = as_mapping(raw)
    return Entity(
        type=entity_type,
        id=as_int(row.get("ID")),
        title=as_str(row.get("TITLE")),
        name=as_str(row.get("NAME")),
        second_name=as_str(row.get("SECOND_NAME")),
        last_name=as_str(row.get("LAST_NAME")),
        status=as_str(row.get(_STATUS_FIELD[entity_type])),
        assigned_by_id=as_id(row.get("ASSIGNED_BY_ID")),
        company_id=as_id(row.get("COMPANY_ID")),
        contact_id=as_id(row.get("CONTACT_ID")),
        opportunity=_decimal(row.get("OPPORTUNITY")),
        currency=as_str(row.get("CURRENCY_ID")),
        phones=_multi_values(row.get("PHONE")),
        emails=_multi_values(row.get("EMAIL")),
        has_open_lines=yes_no(row.get("HAS_IMOL", "N")),
        date_create=as_datetime(row.get("DATE_CREATE")),
        date_modify=as_datetime(row.get("DATE_MODIFY")),
    )


def _entities_parser(entity_type: CrmEntityType) -> Callable[[Any], tuple[Entity, ...]]:
    def parse(rows: Any) -> tuple[Entity, ...]:
        return tuple(parse_entity(entity_type, row) for row in as_list(rows))

    return parse


def list_command(
    entity_type: CrmEntityType,
    *,
    filter: Mapping[str, Any] | None = None,
    select: Sequence[str] = DEFAULT_SELECT,
    order: Mapping[str, str] | None = None,
    start: int = 0,
) -> Command[tuple[Entity, ...]]:
    """One page (50 rows) from `start`; start=-1 skips counting `total` (cheaper)."""
    params = {
        "filter": dict(filter or {}),
        "select": list(select),
        "order": dict(order or {"ID": "DESC"}),
        "start": start,
    }
    return Command(list_method(entity_type), params, _entities_parser(entity_type))


def get_command(entity_type: CrmEntityType, entity_id: int | str) -> Command[Entity]:
    def parse(raw: Any) -> Entity:
        return parse_entity(entity_type, raw)

    return Command(f"crm.{entity_type.value}.get", {"id": entity_id}, parse)


async def get_entity(client: B24Client, entity_type: CrmEntityType, entity_id: int) -> Entity:
    return await client.run(get_command(entity_type, entity_id))


async def list_page(
    client: B24Client,
    entity_type: CrmEntityType,
    *,
    filter: Mapping[str, Any] | None = None,
    order: Mapping[str, str] | None = None,
    start: int = 0,
) -> Page[Entity]:
    """One page with `total` and `next`, for a lazily filled table."""
    command = list_command(entity_type, filter=filter, order=order, start=start)
    page = await client.call_envelope(command.method, command.params)
    return Page(command.outcome(page.result), page.total, page.next)


async def iter_entities(
    client: B24Client,
    entity_type: CrmEntityType,
    *,
    filter: Mapping[str, Any] | None = None,
    order: Mapping[str, str] | None = None,
) -> AsyncIterator[Entity]:
    """Every matching entity through start/next paging (fine for a few pages)."""
    command = list_command(entity_type, filter=filter, order=order)
    params = {k: v for k, v in command.params.items() if k != "start"}
    async for row in iter_rows(client, command.method, params):
        yield parse_entity(entity_type, row)


async def all_entities(
    client: B24Client,
    entity_type: CrmEntityType,
    *,
    filter: Mapping[str, Any] | None = None,
    select: Sequence[str] = DEFAULT_SELECT,
) -> list[Entity]:
    """Every matching entity, ordered by ID, through fast listing (for large sets)."""
    rows = await list_all(client, list_method(entity_type), filter=filter, select=select)
    return [parse_entity(entity_type, row) for row in rows]


def search_commands(
    entity_type: CrmEntityType, text: str
) -> dict[str, Command[tuple[Entity, ...]]]:
    """One command per way `text` may identify an entity: ID, phone, e-mail, name/title.

    The old list methods have no OR, so each criterion is a command of its own; a batch
    runs them all in one request.
    """
    query = text.strip()
    filters: dict[str, dict[str, Any]] = {}
    if query.isdigit():
        filters["by_id"] = {"ID": int(query)}
    if "@" in query:
        filters["by_email"] = {"EMAIL": query}
    if _PHONE_LIKE.fullmatch(query) and not (query.isdigit() and len(query) < PHONE_DIGITS):
        filters["by_phone"] = {"PHONE": query}
    if query and not query.isdigit():
        fields = _NAME_FIELDS[entity_type]
        for field in fields:
            filters[f"by_{field.lower()}"] = {f"%{field}": query}
        words = query.split()
        if len(words) > 1 and "LAST_NAME" in fields:
            filters["by_full_name"] = {"%NAME": words[0], "%LAST_NAME": " ".join(words[1:])}
    return {
        name: list_command(entity_type, filter=f, order={"ID": "DESC"}, start=-1)
        for name, f in filters.items()
    }


def merge_search(result: BatchResult, names: Sequence[str]) -> tuple[Entity, ...]:
    """The entities found, each once, in the order of the criteria (ID matches first)."""
    found: dict[int, Entity] = {}
    for name in names:
        for entity in result.value(name):
            found.setdefault(entity.id, entity)
    return tuple(found.values())


async def search(client: B24Client, entity_type: CrmEntityType, text: str) -> tuple[Entity, ...]:
    """Entities whose ID, phone, e-mail, title or name matches `text` (one request)."""
    commands = search_commands(entity_type, text)
    if not commands:
        return ()
    return merge_search(await client.batch(commands), list(commands))


async def entities_after(
    client: B24Client,
    entity_type: CrmEntityType,
    after: int,
    *,
    filter: Mapping[str, Any] | None = None,
) -> tuple[list[Entity], bool]:
    """One request's worth of entities with ID > `after`, in ID order; True at the end."""
    rows, finished = await rows_after(
        client,
        list_method(entity_type),
        after,
        filter=filter,
        select=browsed_fields(entity_type),
        pages=SYNC_PAGES,
    )
    # 2,500 rows take tens of milliseconds to read: on a worker thread, so a background
    # sync never stalls the window (the loop's thread gets the GIL back every few ms).
    entities = await asyncio.to_thread(lambda: [parse_entity(entity_type, r) for r in rows])
    return entities, finished


async def ids_after(
    client: B24Client, entity_type: CrmEntityType, after: int
) -> tuple[list[int], bool]:
    """One request's worth of IDs past `after` (a cheap sweep for deleted rows)."""
    rows, finished = await rows_after(client, list_method(entity_type), after, select=("ID",))
    return [as_int(row.get("ID")) for row in rows], finished


async def id_page(
    client: B24Client, entity_type: CrmEntityType, *, after: int | None, descending: bool
) -> Page[Entity]:
    """One page in ID order past a cursor, never counting rows (huge-data.md): `total` is
    None and `next` is the last ID shown, or None at the end."""
    bound = {("<ID" if descending else ">ID"): after} if after else {}
    order = {"ID": "DESC" if descending else "ASC"}
    items = await client.run(list_command(entity_type, filter=bound, order=order, start=-1))
    return Page(items, None, items[-1].id if len(items) == PAGE_SIZE else None)
