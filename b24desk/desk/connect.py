"""Opening a connection: from a saved profile, from what the user typed, or to the demo portal."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from b24desk.api import system, users
from b24desk.api.types import User
from b24desk.settings.profiles import Profile, ProfileKind, SecretKind, webhook_url_with
from b24desk.settings.secrets import SecretStore

from .drafts import Drafts
from .live import offset_file
from .local import index_file
from .names import names_file
from .outbox import Outbox
from .session import Session
from .session_ledger import sessions_file
from .watched import watched_file

if TYPE_CHECKING:
    # The client (and httpx under it) loads when the first connection opens, not at start-up.
    from b24desk.api import B24Client, ClientOptions, OAuthTokens

# The scopes b24desk needs, in the order a supervisor is told about missing ones.
REQUIRED_SCOPES: tuple[str, ...] = ("crm", "imopenlines", "im", "user")
DEMO_PROFILE = "Demo portal"


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
    from b24desk.api import ClientOptions

    return ClientOptions(rate=profile.rate_limit.rate, burst=profile.rate_limit.burst)


def client_for(
    profile: Profile,
    secret: Callable[[SecretKind], str | None],
    on_tokens: Callable[[OAuthTokens], None] | None = None,
) -> B24Client:
    """A client for a profile; `secret` looks its secrets up, new OAuth tokens go to `on_tokens`."""
    from b24desk.api import B24Client, OAuthAuth, OAuthTokens, WebhookAuth

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


# The demo portal, opened by the app's wiring (desk/ never imports portal/): a client that
# reaches it and the call that stops it.
DemoOpener = Callable[[], Awaitable[tuple["B24Client", Callable[[], Awaitable[None]]]]]


class Connections:
    """Opens a `Session` for a saved profile or for the demo portal."""

    def __init__(
        self,
        profiles: Callable[[], Mapping[str, Profile]],
        secrets: SecretStore,
        outbox: Outbox,
        drafts: Drafts,
        demo: DemoOpener | None = None,
        *,
        data_dir: Path | None = None,
        local_index: Callable[[], bool] = lambda: True,
    ) -> None:
        """With a `data_dir`, each profile keeps a local index there while `local_index()`."""
        self._profiles = profiles
        self._data_dir = data_dir
        self._local_index = local_index
        self._secrets = secrets
        self._outbox = outbox
        self._drafts = drafts
        self._demo = demo

    def names(self) -> list[str]:
        return [*self._profiles(), *([DEMO_PROFILE] if self._demo is not None else [])]

    async def open(self, name: str) -> Session:
        """Connect; raises what the portal or the profile's set-up says is wrong."""
        if name == DEMO_PROFILE and self._demo is not None:
            client, stop = await self._demo()
            # The demo portal is seeded anew at every start: last run's index is not its.
            return await Session.start(
                name, "", client, self._outbox, self._drafts, on_close=stop,
                index=self._index_of(name), live=self._live_of(name),
                names=self._names_of(name), fresh_portal=True,
            )  # fmt: skip
        profile = self._profiles().get(name)
        if profile is None:
            raise KeyError(name)
        client = stored_client(profile, self._secrets)
        return await Session.start(
            name, host_of(profile), client, self._outbox, self._drafts,
            index=self._index_of(name), live=self._live_of(name), names=self._names_of(name),
        )  # fmt: skip

    def forget_caches(self, name: str) -> None:
        """Delete what the desk kept for a deleted profile: its index, event offset, sessions
        seen, status names and watched chats. All of it concerns that portal only, and what
        the user wrote (drafts, the outbox) is not among it."""
        for path in self._files_of(name):
            path.unlink(missing_ok=True)

    def move_caches(self, old: str, new: str) -> None:
        """A renamed profile keeps its files (not a second, empty set beside the stale one);
        call it while neither name is connected."""
        for source, target in zip(self._files_of(old), self._files_of(new), strict=True):
            if source.exists():
                source.replace(target)

    def _files_of(self, name: str) -> list[Path]:
        """Every file kept per profile under the data folder."""
        if self._data_dir is None:
            return []
        index = index_file(self._data_dir, name)
        live = offset_file(self._data_dir, name)
        return [
            index,
            # SQLite's write-ahead log and shared memory belong to the index beside them.
            *(index.with_name(index.name + suffix) for suffix in ("-wal", "-shm")),
            live,
            sessions_file(live),
            names_file(self._data_dir, name),
            watched_file(self._data_dir, name),
        ]

    def _live_of(self, name: str) -> Path | None:
        return offset_file(self._data_dir, name) if self._data_dir else None

    def _names_of(self, name: str) -> Path | None:
        return names_file(self._data_dir, name) if self._data_dir else None

    def _index_of(self, name: str) -> Path | None:
        if self._data_dir is None or not self._local_index():
            return None
        return index_file(self._data_dir, name)
