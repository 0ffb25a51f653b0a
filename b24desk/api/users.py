"""Employees: user.current, user.get by IDs, user.search; commands, parsers and calls."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any

from .batch import Command
from .listing import fetch_slice, id_bounds
from .parse import as_int, as_list, as_mapping, as_str, int_tuple, yes_no
from .types import User

if TYPE_CHECKING:
    from .client import B24Client

PAGE_SIZE = 50


def parse_user(row: Any) -> User:
    """A user as user.get / user.search / user.current return it (upper-case keys)."""
    data = as_mapping(row)
    name, last_name = as_str(data.get("NAME")), as_str(data.get("LAST_NAME"))
    return User(
        id=as_int(data.get("ID")),
        name=name,
        last_name=last_name,
        full_name=" ".join(p for p in (name, last_name) if p),
        active=yes_no(data.get("ACTIVE", True)),
        position=as_str(data.get("WORK_POSITION")),
        departments=int_tuple(data.get("UF_DEPARTMENT")),
        email=as_str(data.get("EMAIL")),
        is_online=yes_no(data.get("IS_ONLINE")),
    )


def parse_users(rows: Any) -> tuple[User, ...]:
    return tuple(parse_user(row) for row in as_list(rows))


def parse_chat_user(raw: Any) -> User:
    """A user as chat methods (session history) return them (camelCase keys)."""
    data = as_mapping(raw)
    return User(
        id=as_int(data.get("id")),
        name=as_str(data.get("firstName")),
        last_name=as_str(data.get("lastName")),
        full_name=as_str(data.get("name")),
        active=yes_no(data.get("active", True)),
        position=as_str(data.get("workPosition")),
        departments=int_tuple(data.get("departments")),
        is_online=as_str(data.get("status")) == "online",
        is_bot=yes_no(data.get("bot", False)),
        is_customer=yes_no(data.get("connector", False)),
    )


def current_command() -> Command[User]:
    return Command("user.current", {}, parse_user)


def get_command(ids: Iterable[int]) -> Command[tuple[User, ...]]:
    """Up to 50 users by ID (one page)."""
    return Command("user.get", {"FILTER": {"ID": list(ids)}}, parse_users)


def search_command(text: str, *, active_only: bool = True) -> Command[tuple[User, ...]]:
    """Quick search over names, position and department (FIND), first 50 matches."""
    parse = _active_users if active_only else parse_users
    return Command("user.search", {"FILTER": {"FIND": text}}, parse)


def _active_users(rows: Any) -> tuple[User, ...]:
    # FIND cannot be combined with other filter keys (ACTIVE included), so filter here.
    return tuple(u for u in parse_users(rows) if u.active)


async def current_user(client: B24Client) -> User:
    return await client.run(current_command())


async def get_users(client: B24Client, ids: Iterable[int]) -> Mapping[int, User]:
    """Users by ID, any number of them, in one batch (50 IDs per command)."""
    wanted = sorted(set(ids))
    if not wanted:
        return {}
    commands = {
        f"users{n}": get_command(wanted[i : i + PAGE_SIZE])
        for n, i in enumerate(range(0, len(wanted), PAGE_SIZE))
    }
    result = await client.batch(commands)
    return {user.id: user for name in commands for user in result.value(name)}


def _user_page(
    filter_: Mapping[str, Any], select: Sequence[str], after: int | str, upto: int | None
) -> dict[str, Any]:
    """A user.get page in ID order past `after`: user.get sorts by SORT/ORDER, not `order`,
    and always answers every field."""
    return {
        "SORT": "ID",
        "ORDER": "ASC",
        "FILTER": {**filter_, **id_bounds(after, upto)},
        "start": -1,
    }


async def all_users(client: B24Client, *, active_only: bool = False) -> tuple[User, ...]:
    """Every employee, ordered by ID, 2,500 per request (fast listing chained in a batch)."""
    filter_ = {"ACTIVE": True} if active_only else {}
    rows = await fetch_slice(client, "user.get", filter_, (), 0, None, _user_page)
    return parse_users(rows)


async def search_users(
    client: B24Client, text: str, *, active_only: bool = True
) -> tuple[User, ...]:
    return await client.run(search_command(text, active_only=active_only))
