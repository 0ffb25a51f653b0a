"""`crm.{lead,deal,contact,company}.{list,get}`: the old (deprecated, still used) CRM methods.

Their errors carry an empty `error` and the meaning in `error_description` (a quirk of
these methods), always with HTTP 400.
"""

from __future__ import annotations

import itertools
from typing import Any

from ..errors import crm_error
from ..params import upper_keys
from ..query import Predicate, build_filter, matching, parse_order, sort_key
from ..rows import Row
from ..schema import FIELDS, MULTI_FIELDS, FieldType
from ..state import Access, CrmType, EntityTable
from .registry import PAGE_SIZE, Call, ListResult, method, page, parse_start

ACCESS_DENIED = "Access denied."


def as_php_array(value: Any, name: str) -> dict[str, Any]:
    """PHP arrays: an object, or a JSON array read as numeric keys; scalars are refused."""
    if value is None or value == "":
        return {}
    if isinstance(value, dict):
        return value
    if isinstance(value, list):
        return {str(i): v for i, v in enumerate(value)}
    raise crm_error(f"Parameter '{name}' must be array.")


def _select(value: Any) -> list[str]:
    if value is None or value == "":
        return []
    items = value.values() if isinstance(value, dict) else value
    if isinstance(items, str):
        items = [items]
    return [str(v).upper() for v in items]


def project(row: Row, select: list[str], fields: dict[str, FieldType]) -> dict[str, Any]:
    """The row with the selected fields: `*` means standard fields; multi-fields by name."""
    wanted = set(select) if select else {"*"}
    out: dict[str, Any] = {}
    for name, field_type in fields.items():
        if field_type is FieldType.MULTI:
            if name in wanted and name in row:
                out[name] = [dict(item) for item in row[name]]
        elif name == "ID" or "*" in wanted or name in wanted:
            out[name] = row.get(name, "")
    return out


def _sorted_rows(table: EntityTable, order: list[tuple[str, bool]]) -> list[Row]:
    """All rows in the requested order; the sort is kept until rows are added."""
    key = tuple(order)
    cached = table.sorted_cache.get(key)
    if cached is not None and cached[0] == len(table.rows):
        return cached[1]
    rows = sorted(table.rows, key=sort_key(order, FIELDS[table.crm_type]))
    table.sorted_cache[key] = (len(table.rows), rows)
    return rows


def _candidates(
    table: EntityTable, order: list[tuple[str, bool]], id_range: tuple[int | None, int | None]
) -> list[Row]:
    """Rows an index can narrow down to before filtering: the ID range, in order."""
    low, high = id_range
    if order == [("ID", False)] or not order:
        rows = table.rows
        if low is not None:
            rows = table.slice_from(low)
        if high is not None:
            rows = [r for r in itertools.takewhile(lambda r: int(r["ID"]) <= high, rows)]
        return rows
    if order == [("ID", True)]:
        rows = table.slice_to(high) if high is not None else table.rows
        rows = rows[::-1]
        if low is not None:
            rows = list(itertools.takewhile(lambda r: int(r["ID"]) >= low, rows))
        return rows
    return _sorted_rows(table, order)


def _list(crm_type: CrmType, call: Call, params: dict[str, Any]) -> ListResult:
    upper = upper_keys(params)
    fields = FIELDS[crm_type]
    filters = as_php_array(upper.get("FILTER"), "filter")
    order = parse_order(as_php_array(upper.get("ORDER"), "order"), fields) or [("ID", False)]
    select = _select(upper.get("SELECT"))
    start = parse_start(upper.get("START"))
    if call.user.access_to(crm_type) is Access.NONE:
        raise crm_error(ACCESS_DENIED)
    predicates, id_range = build_filter(filters, fields)
    id_only = all(str(k).lstrip("<>=!").upper() == "ID" for k in filters)
    chunk, total = select_page(call, crm_type, predicates, id_range, id_only, order, start)
    return page([project(row, select, fields) for row in chunk], start, total)


def select_page(
    call: Call,
    crm_type: CrmType,
    predicates: list[Predicate],
    id_range: tuple[int | None, int | None],
    id_only: bool,
    order: list[tuple[str, bool]],
    start: int,
    ids: set[int] | None = None,
) -> tuple[list[Row], int | None]:
    """The page of rows the caller may read, and `total` (None with start=-1), with the
    work it took recorded for the cost model: counting `total` unless start=-1, scanning
    unless the ID index serves the filter. `ids`: the only IDs that can match (`@id`)."""
    if call.user.access_to(crm_type) is Access.OWN:
        own_id = str(call.user.id)
        predicates = [*predicates, lambda row: row.get("ASSIGNED_BY_ID") == own_id]
        id_only = False
    table = call.state.crm[crm_type]
    if ids is not None:
        rows = [table.by_id[i] for i in sorted(ids) if i in table.by_id]
        rows.sort(key=sort_key(order, FIELDS[crm_type]))
    else:
        rows = _candidates(table, order, id_range)
    if start < 0:
        chunk = _first(rows, predicates, PAGE_SIZE, call, indexed=id_only)
        total = None
    else:
        matched = list(matching(rows, predicates))
        if not id_only:
            call.work.scanned = len(rows)
        call.work.counted = len(matched)
        call.work.skipped = start
        chunk = matched[start : start + PAGE_SIZE]
        total = len(matched)
    call.work.returned = len(chunk)
    return chunk, total


def _first(
    rows: list[Row], predicates: list[Predicate], limit: int, call: Call, indexed: bool
) -> list[Row]:
    """The first `limit` matches, reading no further (the cheap start=-1 path)."""
    found: list[Row] = []
    examined = 0
    single = predicates[0] if len(predicates) == 1 else None
    for row in rows:
        examined += 1
        if single(row) if single is not None else all(p(row) for p in predicates):
            found.append(row)
            if len(found) == limit:
                break
    if not indexed:
        call.work.scanned = examined
    return found


def _get(crm_type: CrmType, call: Call, params: dict[str, Any]) -> dict[str, Any]:
    raw = upper_keys(params).get("ID")
    try:
        entity_id = int(str(raw))
    except (TypeError, ValueError):
        entity_id = 0
    if entity_id <= 0:
        raise crm_error("ID is not defined or invalid.")
    row = call.state.crm[crm_type].by_id.get(entity_id)
    if call.user.access_to(crm_type) is Access.NONE:
        raise crm_error(ACCESS_DENIED)
    if row is None:
        raise crm_error("Not found")
    if not call.state.can_read(call.user, crm_type, row):
        raise crm_error(ACCESS_DENIED)
    call.work.returned = 1
    return project(row, ["*", *MULTI_FIELDS], FIELDS[crm_type])


def _register(crm_type: CrmType) -> None:
    name = crm_type.value

    def list_handler(call: Call, params: dict[str, Any]) -> ListResult:
        return _list(crm_type, call, params)

    def get_handler(call: Call, params: dict[str, Any]) -> dict[str, Any]:
        return _get(crm_type, call, params)

    method(f"crm.{name}.list", "crm")(list_handler)
    method(f"crm.{name}.get", "crm")(get_handler)


for _crm_type in CrmType:
    _register(_crm_type)
