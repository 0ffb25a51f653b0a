"""What CRM status, stage and type codes are called on this portal (crm.status.list), and
which deal pipeline each stage belongs to (crm.category.list).

A portal names its lists itself (in its own language, renamed at will), so the window asks
instead of translating codes: NEW is "Не обработан" on one portal and "Fresh" on another.
Each deal pipeline has stages of its own: DEAL_STAGE for the default one, DEAL_STAGE_<id>
(codes "C<id>:...") for the others, so a stage code tells its pipeline.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from .batch import BatchResult, Command
from .errors import B24Error
from .listing import iter_rows
from .parse import as_int, as_list, as_mapping, as_str
from .types import CrmEntityType, StatusName

if TYPE_CHECKING:
    from .client import B24Client

METHOD = "crm.status.list"
CATEGORIES = "crm.category.list"
DEAL_TYPE_ID = 2
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


def parse_pipelines(raw: Any) -> dict[int, str]:
    """crm.category.list's `{"categories": [...]}`: pipeline ID -> name, in the portal's order."""
    pipelines: dict[int, str] = {}
    for item in as_list(as_mapping(raw).get("categories")):
        data = as_mapping(item)
        name = as_str(data.get("name"))
        if name and data.get("id") is not None:
            pipelines[as_int(data.get("id"))] = name
    return pipelines


def pipelines_command() -> Command[dict[int, str]]:
    return Command(CATEGORIES, {"entityTypeId": DEAL_TYPE_ID}, parse_pipelines)


def stage_list(pipeline: int) -> str:
    """The list holding a deal pipeline's stages: DEAL_STAGE for the default (0)."""
    return "DEAL_STAGE" if pipeline == 0 else f"DEAL_STAGE_{pipeline}"


async def status_names(client: B24Client) -> dict[CrmEntityType, dict[str, StatusName]]:
    """Every type's status names, and each deal pipeline's stages named with the pipeline, in
    one request (two when the portal has several pipelines). A list that is refused is left
    out (its codes stay as they are) rather than failing the others."""
    commands: dict[str, Any] = {t.value: list_command(STATUS_LISTS[t]) for t in STATUS_LISTS}
    result = await client.batch({**commands, "pipelines": pipelines_command()})
    names: dict[CrmEntityType, dict[str, StatusName]] = {}
    for entity_type, entity_id in STATUS_LISTS.items():
        try:
            names[entity_type] = await _whole(client, result, entity_type.value, entity_id)
        except B24Error:
            continue
    try:
        pipelines: dict[int, str] = result.value("pipelines")
    except B24Error:  # no pipelines to tell apart: the default stages stay as they are
        return names
    others = {f"stages_{p}": list_command(stage_list(p)) for p in pipelines if p != 0}
    more = await client.batch(others) if others else result
    deal = names.get(CrmEntityType.DEAL, {})
    for pipeline, pipeline_name in pipelines.items():
        try:
            stages = (
                deal
                if pipeline == 0
                else await _whole(client, more, f"stages_{pipeline}", stage_list(pipeline))
            )
        except B24Error:
            continue
        if len(pipelines) > 1:  # one pipeline: a stage's name says enough
            stages = {c: replace(s, pipeline=pipeline_name) for c, s in stages.items()}
        names[CrmEntityType.DEAL] = {**names.get(CrmEntityType.DEAL, {}), **stages}
    return names


async def _whole(
    client: B24Client, result: BatchResult, name: str, entity_id: str
) -> dict[str, StatusName]:
    """A list's items from a batch answer, read whole when it holds over 50 (rare)."""
    names: dict[str, StatusName] = result.value(name)
    if result.nexts.get(name) is not None:
        rows = [row async for row in iter_rows(client, METHOD, _params(entity_id))]
        names = parse_items(rows)
    return names
