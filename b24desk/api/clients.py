"""The names of the contacts and companies a page of deals points at, in one request."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from .batch import Command
from .crm import list_command
from .errors import B24Error
from .types import CrmEntityType, CrmRef, Entity

if TYPE_CHECKING:
    from .client import B24Client

# What a name is made of, per type (the list's page holds up to 50 rows: one command per 50).
_NAME_FIELDS = {
    CrmEntityType.CONTACT: ("id", "name", "secondName", "lastName"),
    CrmEntityType.COMPANY: ("id", "title"),
}
_PER_COMMAND = 50


def names_command(entity_type: CrmEntityType, ids: Iterable[int]) -> Command[tuple[Entity, ...]]:
    # start=-1: no counting, one cheap page (the IDs are at most a page's worth).
    return list_command(
        entity_type, filter={"@id": sorted(ids)}, select=_NAME_FIELDS[entity_type], start=-1
    )


async def client_names(client: B24Client, refs: Iterable[CrmRef]) -> dict[CrmRef, str]:
    """Display names of these contacts and companies (other types are skipped), in one batch;
    one the portal does not list (deleted, or not readable by this user) is left out, as is
    a type whose list is refused."""
    wanted = set(refs)
    commands: dict[str, Command[tuple[Entity, ...]]] = {}
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
            found: tuple[Entity, ...] = result.value(name)
        except B24Error:
            continue
        names |= {CrmRef(entity_type, e.id): e.display_name for e in found if e.id > 0}
    return names
