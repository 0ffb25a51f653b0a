"""Portal-wide calls: the scopes granted to this webhook or app, and the portal's clock."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Any

from .batch import Command
from .parse import as_datetime, as_list

if TYPE_CHECKING:
    from .client import B24Client


def parse_scope(raw: Any) -> frozenset[str]:
    return frozenset(s for s in as_list(raw) if isinstance(s, str))


def scope_command() -> Command[frozenset[str]]:
    """The scopes this webhook or application was granted (crm, imopenlines, user, ...)."""
    return Command("scope", {}, parse_scope)


def server_time_command() -> Command[datetime | None]:
    return Command("server.time", {}, as_datetime)


async def scope(client: B24Client) -> frozenset[str]:
    return await client.run(scope_command())


async def server_time(client: B24Client) -> datetime | None:
    return await client.run(server_time_command())
