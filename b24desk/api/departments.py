"""The company structure's departments (department.get): command, parser and the whole list."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .batch import Command
from .parse import as_id, as_list, as_mapping, as_str
from .types import Department

if TYPE_CHECKING:
    from .client import B24Client

PAGE_SIZE = 50  # department.get's fixed page
MAX_PAGES = 200  # a guard against a portal that ignores START


def parse_departments(raw: Any) -> tuple[Department, ...]:
    """department.get's rows; a row without an ID is skipped."""
    found = []
    for row in map(as_mapping, as_list(raw)):
        department_id = as_id(row.get("ID"))
        if department_id is not None:
            found.append(
                Department(department_id, as_str(row.get("NAME")), as_id(row.get("PARENT")))
            )
    return tuple(found)


def departments_command(start: int = 0) -> Command[tuple[Department, ...]]:
    """One page (50) of departments in ID order."""
    return Command(
        "department.get", {"sort": "ID", "order": "ASC", "START": start}, parse_departments
    )


async def all_departments(client: B24Client) -> dict[int, Department]:
    """Every department by ID (a portal has tens of them: a page or two)."""
    found: dict[int, Department] = {}
    start = 0
    for _ in range(MAX_PAGES):
        command = departments_command(start)
        envelope = await client.call_envelope(command.method, command.params)
        page = command.outcome(envelope.result)
        fresh = [d for d in page if d.id not in found]
        found.update((d.id, d) for d in fresh)
        if envelope.next is None or not fresh:
            break
        start = envelope.next
    return found
