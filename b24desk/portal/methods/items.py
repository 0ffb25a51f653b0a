"""`crm.item.list/get/fields` for leads, deals, contacts and companies (entityTypeId 1-4).

The same rows as `crm.{type}.*`, seen through item_schema.py (camelCase, typed values,
`fm`). Errors carry a code (NOT_FOUND, ACCESS_DENIED, INVALID_ARG_VALUE), HTTP 400, unlike
the old methods' empty `error`.
"""

from __future__ import annotations

from typing import Any

from ..errors import RestError
from ..item_filter import compile_filter, parse_item_order
from ..item_schema import ITEM_FIELDS, TYPE_IDS, field_description, item_of
from ..params import upper_keys
from ..rows import Row
from ..state import Access, CrmType, PortalState
from .crm import select_page
from .registry import Call, ListResult, method, page, parse_start

# crm-item-list.md's table says "SPA not found", its sibling pages' example answers say
# "Smart process not found" / "Element not found": the portal answers with the examples'
# words, the text a real portal sent when the pages were written.
TYPE_NOT_FOUND = RestError("NOT_FOUND", "Smart process not found", 400)
ITEM_NOT_FOUND = RestError("NOT_FOUND", "Element not found", 400)
ACCESS_DENIED = RestError("ACCESS_DENIED", "You do not have permission to view this item", 400)


def _crm_type(params: dict[str, Any]) -> CrmType:
    """entityTypeId 1-4; anything else (SPAs, quotes, junk, none) is a type not found."""
    try:
        crm_type = TYPE_IDS.get(int(str(params.get("ENTITYTYPEID"))))
    except (TypeError, ValueError):
        crm_type = None
    if crm_type is None:
        raise TYPE_NOT_FOUND
    return crm_type


def _select(value: Any) -> list[str]:
    if value in (None, "", []):
        return ["*"]  # the reference is silent on no select; a real portal gives everything
    items = value.values() if isinstance(value, dict) else value
    return [str(v) for v in ([items] if isinstance(items, str) else items)]


def _company_contacts(state: PortalState, rows: list[Row]) -> dict[int, list[int]]:
    """A company's contactIds: the contacts whose company it is (asked only for companies)."""
    wanted = {row["ID"] for row in rows}
    linked: dict[int, list[int]] = {}
    for contact in state.crm[CrmType.CONTACT].rows:
        company = contact.get("COMPANY_ID")
        if company in wanted:
            linked.setdefault(int(str(company)), []).append(int(contact["ID"]))
    return linked


def _items(call: Call, crm_type: CrmType, rows: list[Row], select: list[str]) -> list[Any]:
    linked = None
    if crm_type is CrmType.COMPANY and ("*" in select or "contactIds" in select):
        linked = _company_contacts(call.state, rows)
    return [item_of(crm_type, row, select, linked) for row in rows]


@method("crm.item.list", "crm")
def item_list(call: Call, params: dict[str, Any]) -> ListResult:
    upper = upper_keys(params)
    crm_type = _crm_type(upper)
    fields = ITEM_FIELDS[crm_type]
    compiled = compile_filter(upper.get("FILTER"), fields)
    order = parse_item_order(upper.get("ORDER"), fields) or [("ID", False)]  # silent: by id
    select = _select(upper.get("SELECT"))
    start = parse_start(upper.get("START"))
    if call.user.access_to(crm_type) is Access.NONE:
        # "Items will not be included if the user has no read permission": no error.
        return page({"items": []}, start, None if start < 0 else 0)
    rows, total = select_page(
        call,
        crm_type,
        compiled.predicates,
        compiled.id_range,
        compiled.id_only,
        order,
        start,
        compiled.ids,
    )
    return page({"items": _items(call, crm_type, rows, select)}, start, total)


@method("crm.item.get", "crm")
def item_get(call: Call, params: dict[str, Any]) -> dict[str, Any]:
    upper = upper_keys(params)
    crm_type = _crm_type(upper)
    if call.user.access_to(crm_type) is Access.NONE:
        raise ACCESS_DENIED
    try:
        row = call.state.crm[crm_type].by_id.get(int(str(upper.get("ID"))))
    except (TypeError, ValueError):
        row = None  # the reference is silent on a missing id: no such element
    if row is None:
        raise ITEM_NOT_FOUND
    if not call.state.can_read(call.user, crm_type, row):
        raise ACCESS_DENIED
    call.work.returned = 1
    return {"item": _items(call, crm_type, [row], ["*"])[0]}


@method("crm.item.fields", "crm")
def item_fields(call: Call, params: dict[str, Any]) -> dict[str, Any]:
    crm_type = _crm_type(upper_keys(params))
    if call.user.access_to(crm_type) is Access.NONE:
        raise ACCESS_DENIED
    fields = {
        name: field_description(field, crm_type) for name, field in ITEM_FIELDS[crm_type].items()
    }
    return {"fields": fields}
