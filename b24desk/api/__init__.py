"""The async Bitrix24 REST client and its typed methods; no Qt in here, ever.

async with B24Client(WebhookAuth(url)) as client:
    chats = await openlines.chats(client, CrmEntityType.LEAD, 1205)
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .auth import OAuthAuth, OAuthTokens, WebhookAuth
from .batch import BatchResult, Command
from .events import RequestEvent, WaitNotice
from .live_types import (
    Counters,
    DialogMessages,
    EventPage,
    ImEvent,
    ImEventType,
    RecentChat,
    RecentMessage,
)
from .query import ref
from .redact import redact
from .urls import DEFAULT_TOKEN_URL, normalise_webhook_url

if TYPE_CHECKING:
    from .client import B24Client, ClientOptions, Envelope

# The client pulls in httpx, which the window's first paint does not need while the UI
# imports `api.types` and `api.events` at start-up: it loads on first use (PEP 562).
_LAZY = frozenset({"B24Client", "ClientOptions", "Envelope"})

__all__ = [
    "DEFAULT_TOKEN_URL",
    "B24Client",
    "BatchResult",
    "ClientOptions",
    "Command",
    "Counters",
    "DialogMessages",
    "Envelope",
    "EventPage",
    "ImEvent",
    "ImEventType",
    "OAuthAuth",
    "OAuthTokens",
    "RecentChat",
    "RecentMessage",
    "RequestEvent",
    "WaitNotice",
    "WebhookAuth",
    "normalise_webhook_url",
    "redact",
    "ref",
]


def __getattr__(name: str) -> Any:
    if name not in _LAZY:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    from . import client

    return getattr(client, name)


def __dir__() -> list[str]:
    return sorted([*globals(), *_LAZY])
