"""Reading whole lists: `start`/`next` paging, and fast ID-ordered listing for large sets.

Fast listing (huge-data.md) never asks the portal to count or skip rows: it orders by ID,
filters `>ID` past the last row seen and sends `start=-1`. Fifty such pages are chained in
one batch, each page's cursor being `$result[<previous page>][49][ID]`, so one request
brings up to 2,500 rows. When a page comes back short the rest of the chain has nothing
to point to (the reference does not resolve) and is discarded.

For speed the ID range is cut into slices fetched concurrently: one cheap first request
brings the first page and the highest IDs, then each slice of IDs is chain-fetched within
the rate limit. A slice is `SLICE_IDS` IDs wide (it can hold at most 2,500 rows, so one
request covers it) or wider where the IDs seen are sparse (a filter, deleted rows); a
slice that still holds more simply takes another request. Slices are disjoint and every
cursor only moves up, so each row comes back exactly once; the last slice is open-ended,
so rows added meanwhile are picked up too.

A `Lister` says how one list method pages: `crm.*.list` answers a list of rows keyed "ID";
`crm.item.list` answers `{"items": [...]}` keyed "id", and needs its `entityTypeId`.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from .batch import MAX_COMMANDS, BatchResult, Command
from .errors import ProtocolError
from .parse import as_int, as_list, as_mapping
from .query import ref

if TYPE_CHECKING:
    from .client import B24Client

PAGE_SIZE = 50
SLICE_IDS = PAGE_SIZE * MAX_COMMANDS  # IDs per slice: at most one request's worth of rows
DEFAULT_CONCURRENCY = 8
# Slices aim at this share of a request's 2,500 rows, so that denser stretches still fit.
SLICE_FILL = 0.8

Row = dict[str, Any]


@dataclass(frozen=True)
class Lister:
    """A list method's shape: its name, the parameters every call carries, the name of its
    ID field and the key its rows sit under in `result` (None: `result` is the rows)."""

    method: str
    params: Mapping[str, Any] = field(default_factory=dict)
    id_field: str = "ID"
    rows_key: str | None = None

    def rows(self, result: Any) -> list[Row]:
        if self.rows_key is not None:
            result = as_mapping(result).get(self.rows_key)
        return [dict(as_mapping(row)) for row in as_list(result)]

    def last_id_ref(self, command: str) -> str:
        """A batch reference to the ID of the 50th row of an earlier page."""
        path = [] if self.rows_key is None else [self.rows_key]
        return ref(command, *path, PAGE_SIZE - 1, self.id_field)

    def page_params(
        self, filter_: Mapping[str, Any], select: Sequence[str], after: int | str, upto: int | None
    ) -> dict[str, Any]:
        """A page in ID order, after < ID <= upto, uncounted."""
        return {
            **self.params,
            "order": {self.id_field: "ASC"},
            "filter": {**filter_, **id_bounds(after, upto, self.id_field)},
            "select": list(select),
            "start": -1,
        }


def as_lister(method: str | Lister) -> Lister:
    return method if isinstance(method, Lister) else Lister(method)


async def iter_rows(
    client: B24Client, method: str | Lister, params: Mapping[str, Any] | None = None
) -> AsyncIterator[Any]:
    """Every row of any list method, page by page through `start`/`next`."""
    lister = as_lister(method)
    start = 0
    while True:
        page = await client.call_envelope(
            lister.method, {**lister.params, **(params or {}), "start": start}
        )
        for row in lister.rows(page.result):
            yield row
        if page.next is None or page.next <= start:
            return
        start = page.next


def id_bounds(after: int | str, upto: int | None, id_field: str = "ID") -> dict[str, Any]:
    """The filter keys for after < ID <= upto."""
    bounds: dict[str, Any] = {f">{id_field}": after}
    if upto is not None:
        bounds[f"<={id_field}"] = upto
    return bounds


# Parameters of one page: (filter, select, after, upto) -> params; user.get's differ.
PageParams = Callable[[Mapping[str, Any], Sequence[str], int | str, int | None], dict[str, Any]]


def _chain(
    lister: Lister,
    filter_: Mapping[str, Any],
    select: Sequence[str],
    after: int,
    upto: int | None,
    pages: int,
    page_params: PageParams | None = None,
) -> dict[str, Command[Any]]:
    """`pages` pages in one batch, each starting after the previous page's 50th row."""
    params_of = page_params or lister.page_params
    chain: dict[str, Command[Any]] = {}
    for number in range(pages):
        cursor: int | str = after if number == 0 else lister.last_id_ref(f"p{number - 1}")
        chain[f"p{number}"] = Command(lister.method, params_of(filter_, select, cursor, upto))
    return chain


def _rows_of_chain(
    result: BatchResult, pages: int, lister: Lister = Lister("")
) -> tuple[list[Row], bool]:
    """Rows up to and including the first short page; True when a short page ended it."""
    rows: list[Row] = []
    for number in range(pages):
        page = lister.rows(result.value(f"p{number}"))
        rows += page
        if len(page) < PAGE_SIZE:
            return rows, True
    return rows, False


def _advanced(lister: Lister, after: int, rows: Sequence[Row]) -> int:
    """The cursor past `rows`; a portal that answers the same rows again (ignoring `>ID`)
    would otherwise be asked forever, so a cursor that does not move is an error."""
    last = as_int(rows[-1].get(lister.id_field))
    if last <= after:
        raise ProtocolError(f"the ID cursor stopped advancing at {after}", method=lister.method)
    return last


async def fetch_slice(
    client: B24Client,
    method: str | Lister,
    filter_: Mapping[str, Any],
    select: Sequence[str],
    after: int,
    upto: int | None,
    page_params: PageParams | None = None,
) -> list[Row]:
    """All rows with after < ID <= upto (no upper bound when upto is None)."""
    lister = as_lister(method)
    rows: list[Row] = []
    while upto is None or after < upto:
        pages = MAX_COMMANDS if upto is None else min(MAX_COMMANDS, -(-(upto - after) // PAGE_SIZE))
        chain = _chain(lister, filter_, select, after, upto, pages, page_params)
        result = await client.batch(chain)
        got, finished = _rows_of_chain(result, pages, lister)
        rows += got
        if finished or not got:
            break
        after = _advanced(lister, after, got)
    return rows


def _check_filter(filter_: Mapping[str, Any]) -> None:
    for key in filter_:
        if str(key).lstrip("<>=!@%").upper() == "ID":
            raise ValueError("fast listing sets the ID bounds itself; filter on other fields")


def _with_id(select: Sequence[str], lister: Lister) -> list[str]:
    return (
        list(select) if lister.id_field in select or "*" in select else [lister.id_field, *select]
    )


def _slice_width(lowest: Sequence[int], highest: Sequence[int]) -> int:
    """IDs per slice: from the density of matching IDs seen at both ends of the range, wide
    enough for about one request's worth of rows (a filter or deletions thin the IDs out),
    never narrower than SLICE_IDS."""
    spanned = sum(max(ids) - min(ids) + 1 for ids in (lowest, highest) if ids)
    density = (len(lowest) + len(highest)) / max(1, spanned)
    return max(SLICE_IDS, int(SLICE_IDS * SLICE_FILL / density))


def _slices(last_seen: int, top: int, width: int) -> list[tuple[int, int | None]]:
    """(after, upto] ranges from past `last_seen` to `top`, the last one open-ended."""
    lows = list(range(last_seen, top, width)) or [last_seen]
    return [*((low, low + width) for low in lows[:-1]), (lows[-1], None)]


def _first_leaf(group: BaseExceptionGroup[Exception]) -> Exception:
    first = group.exceptions[0]
    return _first_leaf(first) if isinstance(first, BaseExceptionGroup) else first


async def list_all(
    client: B24Client,
    method: str | Lister,
    *,
    filter: Mapping[str, Any] | None = None,
    select: Sequence[str] = ("*",),
    concurrency: int = DEFAULT_CONCURRENCY,
) -> list[Row]:
    """Every row of a `crm.*.list`-style method, ordered by ID, each exactly once."""
    lister = as_lister(method)
    filter_ = dict(filter or {})
    _check_filter(filter_)
    select = _with_id(select, lister)
    id_field = lister.id_field
    highest = {
        **lister.params,
        "order": {id_field: "DESC"},
        "filter": filter_,
        "select": [id_field],
        "start": -1,
    }
    opening = await client.batch(
        {
            "first": Command(lister.method, lister.page_params(filter_, select, 0, None)),
            "highest": Command(lister.method, highest),
        }
    )
    rows = lister.rows(opening.value("first"))
    if len(rows) < PAGE_SIZE:
        return rows
    lowest_ids = [as_int(r.get(id_field)) for r in rows]
    highest_ids = [as_int(r.get(id_field)) for r in lister.rows(opening.value("highest"))]
    width = _slice_width(lowest_ids, highest_ids)
    gate = asyncio.Semaphore(max(1, concurrency))

    async def fetch(after: int, upto: int | None) -> list[Row]:
        async with gate:
            return await fetch_slice(client, lister, filter_, select, after, upto)

    try:
        async with asyncio.TaskGroup() as group:
            tasks = [
                group.create_task(fetch(after, upto))
                for after, upto in _slices(lowest_ids[-1], max(highest_ids, default=0), width)
            ]
    except ExceptionGroup as failed:
        # The callers catch B24Error, not groups: the first slice's failure stands for all.
        raise _first_leaf(failed) from None
    for task in tasks:
        rows += task.result()
    return rows


async def rows_after(
    client: B24Client,
    method: str | Lister,
    after: int,
    *,
    filter: Mapping[str, Any] | None = None,
    select: Sequence[str] = ("*",),
    pages: int = MAX_COMMANDS,
) -> tuple[list[Row], bool]:
    """One request: up to `pages` × 50 rows with ID > `after` in ID order; True once the
    end is in. For work that must stop and resume between requests (the index's sync)."""
    lister = as_lister(method)
    filter_ = dict(filter or {})
    _check_filter(filter_)
    select = _with_id(select, lister)
    pages = max(1, min(pages, MAX_COMMANDS))
    result = await client.batch(_chain(lister, filter_, select, after, None, pages))
    rows, finished = _rows_of_chain(result, pages, lister)
    if rows:
        _advanced(lister, after, rows)
    return rows, finished or not rows
