"""What CRM status, stage and type codes are called on this portal (crm.status.list).

A portal names its lists itself (in its own language, renamed at will), so the window asks
instead of translating codes: NEW is "Не обработан" on one portal and "Fresh" on another.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from .batch import Command
from .errors import B24Error
from .listing import iter_rows
from .parse import as_list, as_mapping, as_str
from .types import CrmEntityType, StatusName

if TYPE_CHECKING:
    from .client import B24Client

METHOD = "crm.status.list"
# The list that names each type's status column (the browser's "Status"/"Stage"/"Type").
STATUS_LISTS: Mapping[CrmEntityType, str] = {
    CrmEntityType.LEAD: "STATUS",
    CrmEntityType.DEAL: "DEAL_STAGE",
    CrmEntityType.CONTACT: "CONTACT_TYPE",
    CrmEntityType.COMPANY: "COMPANY_TYPE",
}
_COLOR = re.compile(r"#[0-9A-Fa-f]{6}")
PAGE_SIZE = 50


def parse_items(raw: Any) -> dict[str, StatusName]:
    names: dict[str, StatusName] = {}
    for item in as_list(raw):
        data = as_mapping(item)
        code, name = as_str(data.get("STATUS_ID")), as_str(data.get("NAME"))
        if not code or not name:
            continue
        extra = as_mapping(data.get("EXTRA"))
        color = as_str(extra.get("COLOR") or data.get("COLOR"))
        names[code] = StatusName(
            name=name,
            color=color if _COLOR.fullmatch(color) else "",
            semantics=as_str(extra.get("SEMANTICS")),
        )
    return names


def _params(entity_id: str) -> dict[str, Any]:
    return {"order": {"SORT": "ASC"}, "filter": {"ENTITY_ID": entity_id}}


def list_command(entity_id: str) -> Command[dict[str, StatusName]]:
    return Command(METHOD, _params(entity_id), parse_items)


async def status_names(client: B24Client) -> dict[CrmEntityType, dict[str, StatusName]]:
    """Every type's status names in one request; a type whose list is refused is left out
    (its codes stay as they are) rather than failing the others."""
    result = await client.batch({t.value: list_command(STATUS_LISTS[t]) for t in STATUS_LISTS})
    names: dict[CrmEntityType, dict[str, StatusName]] = {}
    for entity_type, entity_id in STATUS_LISTS.items():
        try:
            names[entity_type] = result.value(entity_type.value)
            if result.nexts.get(entity_type.value) is not None:
                # Over 50 items (rare): read the whole list page by page.
                rows = [row async for row in iter_rows(client, METHOD, _params(entity_id))]
                names[entity_type] = parse_items(rows)
        except B24Error:
            continue
    return names
