"""Helpers for the API tests: run a coroutine, open a client tuned for loopback speed."""

from __future__ import annotations

import asyncio
from collections.abc import Coroutine
from typing import Any, TypeVar

import httpx

from b24desk.api import B24Client, ClientOptions, OAuthAuth, OAuthTokens, WebhookAuth
from b24desk.api.auth import Auth

T = TypeVar("T")

# No client-side waiting unless a test asks for it; back-offs short enough for a test run.
FAST = {"rate": 10_000.0, "burst": 10_000, "backoff": 0.01, "max_backoff": 0.02}


def run(coro: Coroutine[Any, Any, T]) -> T:
    return asyncio.run(coro)


def client(
    auth: str | Auth, *, transport: httpx.AsyncBaseTransport | None = None, **options: Any
) -> B24Client:
    """A client for `auth` (a webhook URL or an Auth); create it inside the test's loop."""
    settings = {**FAST, "read_timeout": 5.0, **options}
    return B24Client(
        WebhookAuth(auth) if isinstance(auth, str) else auth,
        ClientOptions(**settings),
        transport=transport,
    )


def wire_methods(lp: Any) -> list[str]:
    return [record.method for record in lp.portal.wire_log]


def lead_chats(lp: Any) -> list[Any]:
    """Open Lines chats bound to a lead, oldest first."""
    from b24desk.portal.state import CrmType

    return [c for c in lp.state.chats.values() if c.is_lines and c.crm.get(CrmType.LEAD)]


def lead_of(chat: Any) -> int:
    from b24desk.portal.state import CrmType

    return int(chat.crm[CrmType.LEAD])


def open_lead_chat(lp: Any) -> Any:
    """A lead's chat whose current session is open (its operator may create leads)."""
    return next(c for c in lead_chats(lp) if c.active)


def lead_without_chat(lp: Any) -> int:
    from b24desk.portal.state import CrmType

    bound = {lead_of(c) for c in lead_chats(lp)}
    return next(i for i in lp.state.crm[CrmType.LEAD].by_id if i not in bound)


def operator_webhook(lp: Any) -> str:
    """The restricted operator's webhook (OWN leads and contacts, no deals)."""
    return lp.webhook_of("operator")


def webhook_user(url: str) -> int:
    return int(url.rstrip("/").split("/")[-2])


def oauth_for(lp: Any, *, user_id: int = 1, on_tokens: Any = None) -> OAuthAuth:
    """An OAuth app authorised by `user_id` on the live demo portal, refreshing there."""
    issued = lp.portal.issue_tokens(user_id)
    app = lp.state.oauth_apps[issued.client_id]
    return OAuthAuth(
        f"{lp.base_url}/rest/",
        app.client_id,
        app.client_secret,
        OAuthTokens(issued.access_token, issued.refresh_token),
        token_url=f"{lp.base_url}/oauth/token/",
        on_tokens=on_tokens,
    )
