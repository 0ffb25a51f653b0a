"""`crm.status.list` and `crm.status.entity.items`: the CRM reference lists (lead statuses,
deal stages, types, sources).

It belongs to the old CRM family, so a malformed argument is refused the way crm.*.list
refuses one (empty `error`, the meaning in `error_description`, HTTP 400).
"""

from __future__ import annotations

from typing import Any

from ..errors import RestError
from ..params import upper_keys
from .crm import as_php_array
from .registry import PAGE_SIZE, Call, ListResult, method, page, parse_start

_SORTABLE = ("ID", "ENTITY_ID", "STATUS_ID", "NAME", "SORT", "CATEGORY_ID")
_NUMERIC = {"ID", "SORT"}


def _sort_key(field: str) -> Any:
    def key(item: dict[str, Any]) -> Any:
        value = item.get(field)
        if field in _NUMERIC:
            return int(value or 0)
        return "" if value is None else str(value)

    return key


@method("crm.status.list", "crm")
def status_list(call: Call, params: dict[str, Any]) -> ListResult:
    params = upper_keys(params)
    filter_ = {str(k).upper(): v for k, v in as_php_array(params.get("FILTER"), "filter").items()}
    order = as_php_array(params.get("ORDER"), "order")
    items = [
        item
        for item in call.state.statuses
        if all(str(item.get(name) or "") == str(value) for name, value in filter_.items())
    ]
    # The page is silent on the default order; the portal lists by SORT, as its UI does.
    ordering = [(str(k).upper(), str(v).upper() == "DESC") for k, v in order.items()] or [
        ("SORT", False)
    ]
    for field, descending in reversed(ordering):
        if field in _SORTABLE:
            items.sort(key=_sort_key(field), reverse=descending)
    start = max(0, parse_start(params.get("START")))
    call.work.returned = len(items[start : start + PAGE_SIZE])
    return page(items[start : start + PAGE_SIZE], start, len(items))


@method("crm.status.entity.items", "crm")
def status_entity_items(call: Call, params: dict[str, Any]) -> list[dict[str, Any]]:
    """Every item of one list by SORT, in the reference's short shape (NAME, SORT, STATUS_ID)."""
    params = upper_keys(params)
    entity_id = params.get("ENTITYID")
    known = {str(item["ENTITY_ID"]) for item in call.state.statuses}
    if not isinstance(entity_id, str) or entity_id not in known:
        # The reference's example puts the message itself in `error` (this family's habit).
        # A list that exists but holds no items is unknown here: the portal has no such list.
        raise RestError(
            "The parameter entityId is not defined or invalid.",
            "The directory ID is not specified or is incorrect.",
        )
    items = [item for item in call.state.statuses if item["ENTITY_ID"] == entity_id]
    items.sort(key=_sort_key("SORT"))
    # SORT is a number here (a string in crm.status.list), as the reference's example has it.
    return [
        {"NAME": item["NAME"], "SORT": int(item["SORT"]), "STATUS_ID": item["STATUS_ID"]}
        for item in items
    ]
    # "Access denied." (the reference's other error) is not given: as with crm.status.list,
    # every user of the demo portal may read the lists.
