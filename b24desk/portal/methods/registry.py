"""The method registry: what a handler is given, what a list returns, and paging."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from ..cost import Work
from ..state import PortalState, User

BATCH_SCOPE = "basic"  # methods any webhook may call (batch, scope, server.time)


@dataclass
class Call:
    """What a handler knows about the call: the state, who calls, with which scopes."""

    state: PortalState
    user: User
    scopes: frozenset[str]
    work: Work
    base_url: str


@dataclass
class ListResult:
    """A page of a list method: rows plus `total` (None with start=-1) and `next`; `rows`
    is the whole `result`, a list, or for crm.item.list `{"items": [...]}`."""

    rows: Any
    total: int | None
    next: int | None


Handler = Callable[[Call, dict[str, Any]], Any]


@dataclass(frozen=True)
class Method:
    scope: str
    handler: Handler


METHODS: dict[str, Method] = {}


def method(name: str, scope: str) -> Callable[[Handler], Handler]:
    def register(handler: Handler) -> Handler:
        METHODS[name.lower()] = Method(scope, handler)
        return handler

    return register


PAGE_SIZE = 50


def page(rows: Any, start: int, total: int | None) -> ListResult:
    """Wrap one page; `next` appears only while rows remain (and only when counting)."""
    next_start = start + PAGE_SIZE if total is not None and start + PAGE_SIZE < total else None
    return ListResult(rows, total, next_start)


def parse_start(value: Any) -> int:
    """`start` as the portal reads it: -1 turns counting off, junk reads as 0."""
    try:
        start = int(str(value))
    except (TypeError, ValueError):
        return 0
    return -1 if start < 0 else start
