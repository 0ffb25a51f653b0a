"""Opening a connection: from a saved profile, from what the user typed, or to the demo portal."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import urlsplit

from b24desk.api import B24Client, ClientOptions, OAuthAuth, OAuthTokens, WebhookAuth, system, users
from b24desk.api.types import User
from b24desk.portal import Portal
from b24desk.portal.inprocess import PortalThread
from b24desk.settings.profiles import Profile, ProfileKind, SecretKind, webhook_url_with
from b24desk.settings.secrets import SecretStore

# The scopes b24desk needs, in the order a supervisor is told about missing ones.
REQUIRED_SCOPES: tuple[str, ...] = ("crm", "imopenlines", "im", "user")
DEMO_PROFILE = "Demo portal"
# Never dialled: requests reach the in-process portal through its transport.
DEMO_BASE_URL = "http://localhost"


@dataclass(frozen=True)
class Probe:
    """What "Test connection" learnt: who we are there and which scopes were granted."""

    user: User
    host: str
    scopes: frozenset[str]


async def probe(client: B24Client, host: str) -> Probe:
    """user.current and scope in one request."""
    result = await client.batch({"me": users.current_command(), "scope": system.scope_command()})
    return Probe(result.value("me"), host, result.value("scope"))


def options_for(profile: Profile) -> ClientOptions:
    return ClientOptions(rate=profile.rate_limit.rate, burst=profile.rate_limit.burst)


def client_for(
    profile: Profile,
    secret: Callable[[SecretKind], str | None],
    on_tokens: Callable[[OAuthTokens], None] | None = None,
) -> B24Client:
    """A client for a profile; `secret` looks its secrets up, new OAuth tokens go to `on_tokens`."""
    if profile.kind is ProfileKind.WEBHOOK:
        url = webhook_url_with(profile, secret(SecretKind.WEBHOOK_CODE))
        return B24Client(WebhookAuth(url), options_for(profile))
    tokens = OAuthTokens(
        access_token=secret(SecretKind.ACCESS_TOKEN) or "",
        refresh_token=secret(SecretKind.REFRESH_TOKEN) or "",
    )
    auth = OAuthAuth(
        profile.portal_url.rstrip("/") + "/rest/",
        profile.client_id,
        secret(SecretKind.CLIENT_SECRET) or "",
        tokens,
        token_url=profile.token_url,
        on_tokens=on_tokens,
    )
    return B24Client(auth, options_for(profile))


def stored_client(profile: Profile, secrets: SecretStore) -> B24Client:
    """A client for a saved profile: secrets from the store, refreshed tokens back into it."""

    def keep(tokens: OAuthTokens) -> None:
        secrets.set(profile.name, SecretKind.ACCESS_TOKEN, tokens.access_token)
        secrets.set(profile.name, SecretKind.REFRESH_TOKEN, tokens.refresh_token)

    return client_for(profile, lambda kind: secrets.get(profile.name, kind), keep)


def host_of(profile: Profile) -> str:
    return urlsplit(profile.portal_url).hostname or profile.portal_url


class DemoConnection:
    """The in-process demo portal and a client talking to it; `close()` stops both."""

    def __init__(self, portal: Portal | None = None) -> None:
        self.portal = portal or Portal(base_url=DEMO_BASE_URL)
        self.portal.base_url = DEMO_BASE_URL
        self.thread = PortalThread(self.portal)
        admin = self.portal.webhook_urls()[0]
        config = self.portal.config
        # Match the portal's bucket, as a real profile matches its plan.
        options = ClientOptions(rate=config.rate, burst=config.burst)
        self.client = B24Client(WebhookAuth(admin), options, transport=self.thread.transport())

    async def close(self) -> None:
        await self.client.aclose()
        self.thread.stop()
