"""Leads, deals, contacts and companies: list, get and search, as typed `Entity` values.

Uses `crm.item.list/get` (entityTypeId 1-4): the old `crm.{type}.*` are deprecated, and
only crm.item.list has `logic: OR`. The desk and the UI name fields and orders as the old
methods did ("TITLE", ">=DATE_MODIFY"); `item_name` turns those into crm.item's camelCase.
"""

from __future__ import annotations

import asyncio
import re
from collections.abc import AsyncIterator, Callable, Mapping, Sequence
from decimal import Decimal, InvalidOperation
from typing import TYPE_CHECKING, Any

from .batch import BatchResult, Command
from .errors import ApiError
from .listing import PAGE_SIZE, Lister, iter_rows, list_all, rows_after
from .parse import as_code, as_datetime, as_id, as_int, as_list, as_mapping, as_str, yes_no
from .query import ref
from .types import CrmEntityType, Entity, Page

if TYPE_CHECKING:
    from .client import B24Client

ITEM_LIST = "crm.item.list"
ITEM_GET = "crm.item.get"
FIND_BY_COMM = "crm.duplicate.findbycomm"
# `fm` (phones, e-mails) cannot be named in select: only `*` brings it (crm-item-list.md).
DEFAULT_SELECT: tuple[str, ...] = ("*",)

# The old names the desk and the UI speak, as crm.item fields (object-fields.md).
_ITEM_NAMES = {
    "ID": "id",
    "STATUS_ID": "stageId",  # a lead's status is its stage in crm.item
    "COMPANY_TYPE": "typeId",
    "DATE_CREATE": "createdTime",
    "DATE_MODIFY": "updatedTime",
    "CREATED_BY_ID": "createdBy",
    "MODIFY_BY_ID": "updatedBy",
}
_STATUS_FIELD = {
    CrmEntityType.LEAD: "stageId",
    CrmEntityType.DEAL: "stageId",
    CrmEntityType.CONTACT: "typeId",
    CrmEntityType.COMPANY: "typeId",
}
# Fields a name search looks in (LIKE), per type.
_NAME_FIELDS = {
    CrmEntityType.LEAD: ("title", "name", "lastName"),
    CrmEntityType.DEAL: ("title",),
    CrmEntityType.CONTACT: ("name", "lastName"),
    CrmEntityType.COMPANY: ("title",),
}
_PHONE_LIKE = re.compile(r"\+?[\d\s()\-.]{5,}")
_PREFIX = re.compile(r"^[<>=!@%]*")
# Bare digits shorter than this are an ID (the supervisor typed "12345"), not a phone; a
# phone typed without any formatting has at least 10 digits (a Russian one, 11).
PHONE_DIGITS = 10
# Longer digit runs are no ID (IDs are 64-bit); they stay a phone only.
_ID_DIGITS = 18


# A background sync reads this many pages of 50 per request: small enough that decoding one
# answer (which holds the GIL) never stalls the window, large enough to keep requests few.
# With `select=*` (the only way to phones and e-mails) a row weighs about twice what the
# old methods' named fields did, so half the old 20 pages. The sync is paced by operating
# time (one cost per page of 50), so fewer rows per request barely lengthen it.
SYNC_PAGES = 10


def item_name(name: str) -> str:
    """A field's crm.item name: "TITLE" -> "title", "DATE_MODIFY" -> "updatedTime";
    camelCase names pass unchanged."""
    if not name.isupper():
        return name
    known = _ITEM_NAMES.get(name)
    if known is not None:
        return known
    head, *rest = name.lower().split("_")
    return head + "".join(part.capitalize() for part in rest)


def item_filter(filter_: Mapping[str, Any] | None) -> dict[str, Any]:
    """Filter keys in crm.item names, prefixes kept: ">=DATE_MODIFY" -> ">=updatedTime"."""
    out: dict[str, Any] = {}
    for key, value in (filter_ or {}).items():
        prefix = _PREFIX.match(str(key))
        op = prefix.group(0) if prefix else ""
        out[op + item_name(str(key)[len(op) :])] = value
    return out


def item_order(order: Mapping[str, str]) -> dict[str, str]:
    return {item_name(name): direction for name, direction in order.items()}


def lister(entity_type: CrmEntityType) -> Lister:
    """crm.item.list of one type, for the listing helpers."""
    return Lister(ITEM_LIST, {"entityTypeId": entity_type.type_id}, "id", "items")


def browsed_fields(entity_type: CrmEntityType) -> tuple[str, ...]:
    """What the browser and the local index need of an entity: every field where phones and
    e-mails are wanted (only `*` brings `fm`), the shown fields of a deal (it has none)."""
    if entity_type is not CrmEntityType.DEAL:
        return DEFAULT_SELECT
    return (
        "id", "title", "stageId", "assignedById", "companyId", "contactId", "opportunity",
        "currencyId", "createdTime", "updatedTime",
    )  # fmt: skip


def _communications(raw: Any, kind: str) -> tuple[str, ...]:
    """Values of one kind from `fm`: [{"id", "typeId", "value", "valueType"}, ...]."""
    items = (as_mapping(i) for i in as_list(raw))
    return tuple(v for v in (as_str(i.get("value")) for i in items if i.get("typeId") == kind) if v)


def _decimal(raw: Any) -> Decimal | None:
    try:
        return Decimal(str(raw)) if raw not in (None, "") else None
    except InvalidOperation:
        return None


def parse_entity(entity_type: CrmEntityType, raw: Any) -> Entity:
    """An item of crm.item.list/get (camelCase, numbers as numbers) as an `Entity`."""
    row = as_mapping(raw)
    return Entity(
        type=entity_type,
        id=as_int(row.get("id")),
        title=as_str(row.get("title")),
        name=as_str(row.get("name")),
        second_name=as_str(row.get("secondName")),
        last_name=as_str(row.get("lastName")),
        status=as_code(row.get(_STATUS_FIELD[entity_type])),
        assigned_by_id=as_id(row.get("assignedById")),
        company_id=as_id(row.get("companyId")),
        contact_id=as_id(row.get("contactId")),
        opportunity=_decimal(row.get("opportunity")),
        currency=as_code(row.get("currencyId")),
        phones=_communications(row.get("fm"), "PHONE"),
        emails=_communications(row.get("fm"), "EMAIL"),
        has_open_lines=yes_no(row.get("hasImol", "N")),
        date_create=as_datetime(row.get("createdTime")),
        date_modify=as_datetime(row.get("updatedTime")),
    )


def _entities_parser(entity_type: CrmEntityType) -> Callable[[Any], tuple[Entity, ...]]:
    def parse(result: Any) -> tuple[Entity, ...]:
        items = as_mapping(result).get("items")
        return tuple(parse_entity(entity_type, item) for item in as_list(items))

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
        "entityTypeId": entity_type.type_id,
        "filter": item_filter(filter),
        "select": list(select),
        "order": item_order(order or {"ID": "DESC"}),
        "start": start,
    }
    return Command(ITEM_LIST, params, _entities_parser(entity_type))


def get_command(entity_type: CrmEntityType, entity_id: int | str) -> Command[Entity]:
    def parse(raw: Any) -> Entity:
        return parse_entity(entity_type, as_mapping(raw).get("item"))

    return Command(ITEM_GET, {"entityTypeId": entity_type.type_id, "id": entity_id}, parse)


def fields_command(entity_type: CrmEntityType) -> Command[Any]:
    return Command("crm.item.fields", {"entityTypeId": entity_type.type_id})


async def _check_readable(client: B24Client, entity_type: CrmEntityType) -> None:
    """Raise AccessDeniedError if the user may not read the type at all.

    crm.item.list leaves out what the user may not read, with no error, so a list that is
    empty from its start may mean "no rights": crm.item.fields answers ACCESS_DENIED then.
    Asked only when a whole list comes back empty, which is rare and cheap.
    """
    await client.run(fields_command(entity_type))


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
    items = command.outcome(page.result)
    if not items and start == 0 and not filter:
        await _check_readable(client, entity_type)
    return Page(items, page.total, page.next)


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
    async for row in iter_rows(client, lister(entity_type), params):
        yield parse_entity(entity_type, row)


async def all_entities(
    client: B24Client,
    entity_type: CrmEntityType,
    *,
    filter: Mapping[str, Any] | None = None,
    select: Sequence[str] = DEFAULT_SELECT,
) -> list[Entity]:
    """Every matching entity, ordered by ID, through fast listing (for large sets)."""
    rows = await list_all(client, lister(entity_type), filter=item_filter(filter), select=select)
    return [parse_entity(entity_type, row) for row in rows]


SEARCH_FIELDS = "by_fields"  # crm.item.list with a `logic: OR` filter
SEARCH_COMM = "by_comm"  # crm.duplicate.findbycomm
SEARCH_COMM_ITEMS = "by_comm_items"  # the items findbycomm found, in the same request


def _text_filter(entity_type: CrmEntityType, query: str) -> dict[str, Any]:
    """One OR group: the ID (a plain number), and any name field containing the text.

    Digits in phone punctuation ("+7 916", "555-81-02") are a phone, never a name: not
    looking for them in names spares the portal a LIKE over every row (seconds on a big one).
    """
    members: list[dict[str, Any]] = []
    if query.isdigit() and len(query) <= _ID_DIGITS:
        members.append({"id": int(query)})
    if not _PHONE_LIKE.fullmatch(query) and not query.isdigit():
        fields = _NAME_FIELDS[entity_type]
        members += [{f"%{field}": query} for field in fields]
        words = query.split()
        if len(words) > 1 and "lastName" in fields:
            members.append({"%name": words[0], "%lastName": " ".join(words[1:])})
    if not members:
        return {}
    return {"logic": "OR", **{str(n): member for n, member in enumerate(members)}}


def _communication(entity_type: CrmEntityType, query: str) -> str | None:
    """PHONE or EMAIL when `query` may be one (a plain number under 10 digits is an ID)."""
    if entity_type is CrmEntityType.DEAL:
        return None  # deals have no phones or e-mails of their own; findbycomm has no DEAL
    if "@" in query and " " not in query:
        return "EMAIL"
    if _PHONE_LIKE.fullmatch(query) and not (query.isdigit() and len(query) < PHONE_DIGITS):
        return "PHONE"
    return None


def _found_ids(entity_type: CrmEntityType) -> Callable[[Any], tuple[int, ...]]:
    def parse(result: Any) -> tuple[int, ...]:
        return tuple(as_int(i) for i in as_list(as_mapping(result).get(entity_type.b24_name)))

    return parse


def _nothing(_error: ApiError) -> tuple[Any, ...]:
    return ()


def search_commands(entity_type: CrmEntityType, text: str) -> dict[str, Command[Any]]:
    """The commands of one portal search, for one batch request.

    A crm.item.list whose `logic: OR` filter takes the ID and the name fields; for a phone or
    an e-mail also crm.duplicate.findbycomm, which matches however the number is written,
    and a crm.item.list of what it found (`@id` = a reference to findbycomm's answer), so
    the entities come in the same request. findbycomm errors (e.g. no permission) and an
    empty answer leave only its part empty.
    """
    query = " ".join(text.split())
    commands: dict[str, Command[Any]] = {}
    if not query:
        return commands
    filter_ = _text_filter(entity_type, query)
    if filter_:
        commands[SEARCH_FIELDS] = list_command(
            entity_type, filter=filter_, select=browsed_fields(entity_type), start=-1
        )
    kind = _communication(entity_type, query)
    if kind is not None:
        find = {"type": kind, "values": [query], "entity_type": entity_type.b24_name}
        commands[SEARCH_COMM] = Command(FIND_BY_COMM, find, _found_ids(entity_type), _nothing)
        found = ref(SEARCH_COMM, entity_type.b24_name)
        items = list_command(
            entity_type, filter={"@id": found}, select=browsed_fields(entity_type), start=-1
        )
        commands[SEARCH_COMM_ITEMS] = Command(items.method, items.params, items.parse, _nothing)
    return commands


def merge_search(result: BatchResult, text: str) -> tuple[Entity, ...]:
    """Each entity once: an exact ID first, then phone and e-mail matches, then names."""
    query = text.strip()
    by_fields: tuple[Entity, ...] = ()
    by_comm: tuple[Entity, ...] = ()
    if SEARCH_FIELDS in result.commands:
        by_fields = result.value(SEARCH_FIELDS)
    if SEARCH_COMM_ITEMS in result.commands:
        by_comm = result.value(SEARCH_COMM_ITEMS)
    exact = [e for e in by_fields if query.isdigit() and e.id == as_int(query)]
    found: dict[int, Entity] = {}
    for entity in (*exact, *by_comm, *by_fields):
        found.setdefault(entity.id, entity)
    return tuple(found.values())


async def search(client: B24Client, entity_type: CrmEntityType, text: str) -> tuple[Entity, ...]:
    """Entities whose ID, phone, e-mail, title or name matches `text` (one request)."""
    commands = search_commands(entity_type, text)
    if not commands:
        return ()
    return merge_search(await client.batch(commands), text)


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
        lister(entity_type),
        after,
        filter=item_filter(filter),
        select=browsed_fields(entity_type),
        pages=SYNC_PAGES,
    )
    if not rows and not after and not filter:
        await _check_readable(client, entity_type)
    # 2,500 rows take tens of milliseconds to read: on a worker thread, so a background
    # sync never stalls the window (the loop's thread gets the GIL back every few ms).
    entities = await asyncio.to_thread(lambda: [parse_entity(entity_type, r) for r in rows])
    return entities, finished


async def ids_after(
    client: B24Client, entity_type: CrmEntityType, after: int
) -> tuple[list[int], bool]:
    """One request's worth of IDs past `after` (a cheap sweep for deleted rows)."""
    rows, finished = await rows_after(client, lister(entity_type), after, select=("id",))
    return [as_int(row.get("id")) for row in rows], finished


async def id_page(
    client: B24Client, entity_type: CrmEntityType, *, after: int | None, descending: bool
) -> Page[Entity]:
    """One page in ID order past a cursor, never counting rows (huge-data.md): `total` is
    None and `next` is the last ID shown, or None at the end."""
    bound = {("<ID" if descending else ">ID"): after} if after else {}
    order = {"ID": "DESC" if descending else "ASC"}
    items = await client.run(list_command(entity_type, filter=bound, order=order, start=-1))
    if not items and not after:
        await _check_readable(client, entity_type)
    return Page(items, None, items[-1].id if len(items) == PAGE_SIZE else None)
