"""The names of the contacts and companies a page of deals points at, in one request."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any

from .batch import Command
from .errors import B24Error
from .parse import as_int, as_list, as_mapping, as_str
from .types import CrmEntityType, CrmRef, Entity

if TYPE_CHECKING:
    from .client import B24Client

# What a name is made of, per type (the list's page holds up to 50 rows: one command per 50).
_NAME_FIELDS = {
    CrmEntityType.CONTACT: ("ID", "NAME", "SECOND_NAME", "LAST_NAME"),
    CrmEntityType.COMPANY: ("ID", "TITLE"),
}
_PER_COMMAND = 50


def _names_parser(entity_type: CrmEntityType) -> Callable[[Any], dict[int, str]]:
    def parse(rows: Any) -> dict[int, str]:
        names: dict[int, str] = {}
        for raw in as_list(rows):
            row = as_mapping(raw)
            entity_id = as_int(row.get("ID"))
            if entity_id > 0:
                entity = Entity(
                    type=entity_type, id=entity_id, title=as_str(row.get("TITLE")),
                    name=as_str(row.get("NAME")), last_name=as_str(row.get("LAST_NAME")),
                )  # fmt: skip
                names[entity_id] = entity.display_name
        return names

    return parse


def names_command(entity_type: CrmEntityType, ids: Iterable[int]) -> Command[dict[int, str]]:
    # start=-1: no counting, one cheap page (the IDs are at most a page's worth).
    params = {"filter": {"@ID": sorted(ids)}, "select": list(_NAME_FIELDS[entity_type])}
    return Command(
        f"crm.{entity_type.value}.list", {**params, "start": -1}, _names_parser(entity_type)
    )


async def client_names(client: B24Client, refs: Iterable[CrmRef]) -> dict[CrmRef, str]:
    """Display names of these contacts and companies (other types are skipped), in one batch;
    one the portal does not list (deleted, or not readable by this user) is left out, as is
    a type whose list is refused."""
    wanted = set(refs)
    commands: dict[str, Command[dict[int, str]]] = {}
    for entity_type in _NAME_FIELDS:
        ids = sorted(r.id for r in wanted if r.type is entity_type)
        for start in range(0, len(ids), _PER_COMMAND):
            chunk = ids[start : start + _PER_COMMAND]
            commands[f"{entity_type.value}_{start}"] = names_command(entity_type, chunk)
    if not commands:
        return {}
    result = await client.batch(commands)
    names: dict[CrmRef, str] = {}
    for name in commands:
        entity_type = CrmEntityType(name.partition("_")[0])
        try:
            found: dict[int, str] = result.value(name)
        except B24Error:
            continue
        names |= {CrmRef(entity_type, entity_id): text for entity_id, text in found.items()}
    return names
