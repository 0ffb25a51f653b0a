"""The async Bitrix24 REST client and its typed methods; no Qt in here, ever.

async with B24Client(WebhookAuth(url)) as client:
    chats = await openlines.chats(client, CrmEntityType.LEAD, 1205)
"""

from .auth import DEFAULT_TOKEN_URL, OAuthAuth, OAuthTokens, WebhookAuth, normalise_webhook_url
from .batch import BatchResult, Command
from .client import B24Client, ClientOptions, Envelope
from .events import RequestEvent, WaitNotice
from .query import ref
from .redact import redact

__all__ = [
    "DEFAULT_TOKEN_URL",
    "B24Client",
    "BatchResult",
    "ClientOptions",
    "Command",
    "Envelope",
    "OAuthAuth",
    "OAuthTokens",
    "RequestEvent",
    "WaitNotice",
    "WebhookAuth",
    "normalise_webhook_url",
    "redact",
    "ref",
]
