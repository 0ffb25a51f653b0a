"""`crm.category.list`: the pipelines (funnels) of a CRM object type, as the reference has it:
`{"categories": [...]}` plus `total`, only those the caller may read."""

from __future__ import annotations

from typing import Any

from ..errors import RestError
from ..state import Access, CrmType
from .chat_access import to_int
from .registry import Call, ListResult, method

# entityTypeId -> the table whose read access decides whether its pipelines are listed.
_TYPES = {2: CrmType.DEAL, 3: CrmType.CONTACT, 4: CrmType.COMPANY}
# Contacts and companies have one pipeline each, the default (the reference's add page
# speaks of "default client category"); the names are the Russian portal's.
_CLIENT_DEFAULTS = {3: "Контакты", 4: "Компании"}
_UNSUPPORTED = {1: "LEAD", 5: "INVOICE", 7: "QUOTE", 8: "REQUISITE", 14: "ORDER"}


@method("crm.category.list", "crm")
def category_list(call: Call, params: dict[str, Any]) -> ListResult:
    entity_type_id = to_int(params.get("entityTypeId"))
    if entity_type_id in _UNSUPPORTED:
        raise RestError(
            "ENTITY_TYPE_NOT_SUPPORTED",
            f"Entity type {_UNSUPPORTED[entity_type_id]} is not supported",
        )
    if entity_type_id not in _TYPES:
        # Missing, junk or a type this portal does not have (no smart processes here): the
        # reference's one error for invalid values.
        raise RestError("NOT_FOUND", "Smart process not found")
    if entity_type_id == 2:
        categories = [dict(c) for c in call.state.categories]
    else:
        name = _CLIENT_DEFAULTS[entity_type_id]
        categories = [
            {"id": 0, "name": name, "sort": 100, "entityTypeId": entity_type_id, "isDefault": "Y"}
        ]
    if call.user.access_to(_TYPES[entity_type_id]) is Access.NONE:
        # "Filtered by access permissions": a pipeline is readable with its type here (the
        # demo's permissions are per type, not per pipeline).
        categories = []
    # The reference's example lists by sort, then ID; it returns one page of up to 50 and
    # the total (a portal has a handful of pipelines: no paging here).
    categories.sort(key=lambda c: (c["sort"], c["id"]))
    call.work.returned = len(categories)
    return ListResult({"categories": categories}, len(categories), None)
