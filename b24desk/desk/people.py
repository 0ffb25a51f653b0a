"""What the user picker tells about each employee: department, whether they operate this
chat's open line, and how many of the entity's chats they are already in (one request)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from b24desk.api import departments, openlines, session_actions
from b24desk.api.batch import MAX_COMMANDS, Command
from b24desk.api.errors import B24Error
from b24desk.api.types import User

from .view import EntityChats

if TYPE_CHECKING:
    from b24desk.api.client import B24Client


@dataclass(frozen=True)
class PersonFacts:
    departments: tuple[str, ...]  # names; empty when the webhook may not read them
    line_operator: bool  # in the queue of the open line of the chat on show
    chats_in: int  # of the entity's chats
    chats: int  # the entity's chats counted


@dataclass(frozen=True)
class PickerFacts:
    """The context the picker's rows are told against."""

    department_names: Mapping[int, str] = field(default_factory=dict)
    line_id: int | None = None
    operators: frozenset[int] = frozenset()
    members: Mapping[int, tuple[int, ...]] = field(default_factory=dict)  # chat ID -> users

    def of(self, user: User) -> PersonFacts:
        names = tuple(
            self.department_names[d] for d in user.departments if d in self.department_names
        )
        chats_in = sum(1 for people in self.members.values() if user.id in people)
        return PersonFacts(names, user.id in self.operators, chats_in, len(self.members))


def line_of(user_code: str) -> int | None:
    """The open line's ID in a chat's user code, "connector|LINE_ID|chat|user"."""
    parts = user_code.split("|")
    return int(parts[1]) if len(parts) > 1 and parts[1].isdigit() else None


async def picker_facts(client: B24Client, shown: EntityChats | None) -> PickerFacts:
    """Departments, the chat's line with its queue, and who is in each of the entity's chats.

    A part the portal refuses (no `department` scope, no right to list lines) is left
    empty: the picker then says less, and still works.
    """
    chat = shown.history.chat if shown is not None and shown.history is not None else None
    line_id = line_of(chat.user_code) if chat is not None else None
    chat_ids = [c.id for c in shown.chats] if shown is not None else []
    commands: dict[str, Command[Any]] = {"departments": departments.departments_command()}
    if line_id is not None:
        commands["lines"] = session_actions.open_lines_command(with_queue=True)
    for chat_id in chat_ids[: MAX_COMMANDS - len(commands)]:
        commands[f"c{chat_id}"] = openlines.participants_command(chat_id)
    result = await client.batch(commands)
    names = {d.id: d.name for d in _or_empty(result.value, "departments")}
    lines = {line.id: line for line in _or_empty(result.value, "lines")}
    line = lines.get(line_id) if line_id is not None else None
    members = {
        chat_id: _or_empty(result.value, f"c{chat_id}")
        for chat_id in chat_ids
        if f"c{chat_id}" in commands
    }
    operators = frozenset(op.user_id for op in line.queue) if line is not None else frozenset()
    return PickerFacts(names, line_id, operators, members)


def _or_empty(value: Any, name: str) -> Any:
    try:
        return value(name)
    except (B24Error, KeyError):
        return ()
