"""The async Bitrix24 REST client and its typed methods; no Qt in here, ever.

async with B24Client(WebhookAuth(url)) as client:
    chats = await openlines.chats(client, CrmEntityType.LEAD, 1205)
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

# Eager: `redact` is also the name of its module, which would otherwise shadow the function
# here once anyone imports `b24desk.api.redact`. It loads only `re` and `logging`.
from .redact import redact

if TYPE_CHECKING:
    from .auth import OAuthAuth, OAuthTokens, WebhookAuth
    from .batch import BatchResult, Command
    from .client import B24Client, ClientOptions, Envelope
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
    from .urls import DEFAULT_TOKEN_URL, normalise_webhook_url

# Each name loads its module on first use (PEP 562): importing one submodule, say `api.urls`
# for the settings before the window's first paint, then costs no more than that module
# (the client pulls in httpx, the auth module asyncio).
_LAZY = {
    "OAuthAuth": "auth",
    "OAuthTokens": "auth",
    "WebhookAuth": "auth",
    "BatchResult": "batch",
    "Command": "batch",
    "B24Client": "client",
    "ClientOptions": "client",
    "Envelope": "client",
    "RequestEvent": "events",
    "WaitNotice": "events",
    "Counters": "live_types",
    "DialogMessages": "live_types",
    "EventPage": "live_types",
    "ImEvent": "live_types",
    "ImEventType": "live_types",
    "RecentChat": "live_types",
    "RecentMessage": "live_types",
    "ref": "query",
    "DEFAULT_TOKEN_URL": "urls",
    "normalise_webhook_url": "urls",
}

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
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(f"{__name__}.{module}"), name)


def __dir__() -> list[str]:
    return sorted([*globals(), *_LAZY])
