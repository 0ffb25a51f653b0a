"""How calls are authorised: an incoming webhook URL or an OAuth 2 local application.

Both give the URL of a method and sign the request body; OAuth also refreshes an expired
access token, one refresh at a time, and hands the new tokens to the caller for storage.
"""

from __future__ import annotations

import asyncio
import inspect
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any, Protocol
from urllib.parse import urlsplit

from .coded_errors import SignInRequiredError
from .errors import ForeignHostError, ProtocolError
from .parse import as_id, as_int
from .redact import MASK, redact, redacting_logger
from .urls import DEFAULT_TOKEN_URL, normalise_webhook_url, require_secure

if TYPE_CHECKING:
    # Only a token refresh needs httpx; the URL checks here run at start-up, before any call.
    import httpx

log = redacting_logger(__name__)


def _origin(url: str) -> tuple[str, str, int | None]:
    """(scheme, host, port) of a URL, for comparing where two URLs send requests."""
    try:
        parts = urlsplit(url.strip())
        return parts.scheme.lower(), (parts.hostname or "").rstrip("."), parts.port
    except ValueError:  # a port out of range or a malformed IPv6 host
        return "", "", None


class Auth(Protocol):
    """What the client needs from an authorisation method."""

    def url_for(self, method: str) -> str:
        """The URL to POST `method` to."""
        ...

    def sign(self, payload: dict[str, Any]) -> tuple[dict[str, Any], str | None]:
        """The payload ready to send, and the token it carries (None: nothing to refresh)."""
        ...

    async def refresh(self, http: httpx.AsyncClient, used_token: str | None) -> bool:
        """Renew the credentials after `expired_token`; False when that is impossible."""
        ...


class WebhookAuth:
    """An incoming webhook: the secret code is part of every URL."""

    def __init__(self, url: str) -> None:
        self.base_url = normalise_webhook_url(url)

    def __repr__(self) -> str:
        return f"WebhookAuth({redact(self.base_url)!r})"

    @property
    def user_id(self) -> int:
        return int(self.base_url.rstrip("/").split("/")[-2])

    def url_for(self, method: str) -> str:
        return self.base_url + method

    def sign(self, payload: dict[str, Any]) -> tuple[dict[str, Any], str | None]:
        return payload, None

    async def refresh(self, http: httpx.AsyncClient, used_token: str | None) -> bool:
        return False


@dataclass(frozen=True)
class OAuthTokens:
    """An OAuth token pair as issued; the secrets never appear in its repr."""

    access_token: str = field(repr=False)
    refresh_token: str = field(repr=False)
    expires_at: float = 0.0  # Unix time; 0 = unknown
    client_endpoint: str = ""  # e.g. https://portal.bitrix24.com/rest/
    user_id: int | None = None


TokenSink = Callable[[OAuthTokens], Awaitable[None] | None]


class OAuthAuth:
    """A local OAuth 2 application: `auth=<access token>` in each body, refreshed on expiry."""

    def __init__(
        self,
        client_endpoint: str,
        client_id: str,
        client_secret: str,
        tokens: OAuthTokens,
        *,
        token_url: str = DEFAULT_TOKEN_URL,
        on_tokens: TokenSink | None = None,
    ) -> None:
        endpoint = client_endpoint if client_endpoint.endswith("/") else client_endpoint + "/"
        self.client_endpoint = require_secure(endpoint)
        self.token_url = require_secure(token_url)
        self.client_id = client_id
        self._client_secret = client_secret
        self._tokens = replace(tokens, client_endpoint=tokens.client_endpoint or endpoint)
        self._on_tokens = on_tokens
        self._lock = asyncio.Lock()
        self._refused: SignInRequiredError | None = None  # the refresh token is dead
        self.refreshes = 0

    def __repr__(self) -> str:
        return (
            f"OAuthAuth(client_endpoint={self.client_endpoint!r}, client_id={self.client_id!r}, "
            f"client_secret={MASK!r}, tokens={MASK!r})"
        )

    @property
    def tokens(self) -> OAuthTokens:
        return self._tokens

    def url_for(self, method: str) -> str:
        return self.client_endpoint + method

    def sign(self, payload: dict[str, Any]) -> tuple[dict[str, Any], str | None]:
        token = self._tokens.access_token
        return {**payload, "auth": token}, token

    async def refresh(self, http: httpx.AsyncClient, used_token: str | None) -> bool:
        """One refresh in flight: callers that waited find the token already renewed."""
        async with self._lock:
            if used_token != self._tokens.access_token:
                return True
            if self._refused is not None:
                # Asking again with a refused refresh token cannot help: same answer.
                refused = self._refused
                raise SignInRequiredError(
                    refused.description,
                    method=refused.method,
                    code=refused.code,
                    status=refused.status,
                )
            try:
                self._tokens = await self._request_tokens(http)
            except SignInRequiredError as error:
                self._refused = error
                raise
            self.refreshes += 1
            log.info("OAuth tokens refreshed for client %s", self.client_id)
            # Under the lock, so the owner stores token pairs in the order they were issued.
            await self._hand_over(self._tokens)
        return True

    async def _request_tokens(self, http: httpx.AsyncClient) -> OAuthTokens:
        import httpx

        from .wire import decode_body, transport_error

        form = {
            "grant_type": "refresh_token",
            "client_id": self.client_id,
            "client_secret": self._client_secret,
            "refresh_token": self._tokens.refresh_token,
        }
        try:
            # POST keeps the secrets out of URLs (and so out of proxy and access logs).
            response = await http.post(self.token_url, data=form)
        except httpx.TransportError as exc:
            raise transport_error(exc, "oauth/token") from exc
        body = decode_body("oauth/token", response)
        access, refresh = body.get("access_token"), body.get("refresh_token")
        if not isinstance(access, str) or not isinstance(refresh, str) or not access:
            raise ProtocolError("token answer without tokens", method="oauth/token")
        self.client_endpoint = self._pinned_endpoint(body)
        expires_in = as_int(body.get("expires_in"))
        return OAuthTokens(
            access_token=access,
            refresh_token=refresh,
            expires_at=time.time() + expires_in if expires_in > 0 else 0.0,
            client_endpoint=self.client_endpoint,
            user_id=as_id(body.get("user_id")),
        )

    def _pinned_endpoint(self, body: dict[str, Any]) -> str:
        """The REST endpoint a token answer proposes, if it is on the configured portal.

        The access token goes wherever REST calls go, so an answer naming another host
        (its `client_endpoint`, or its `domain` when it sends no endpoint, which is how
        clients build one) is refused. The demo portal's `domain` is a made-up name beside
        a loopback endpoint, hence the endpoint is checked first.
        """
        proposed = body.get("client_endpoint")
        domain = body.get("domain")
        if not proposed and isinstance(domain, str) and domain:
            proposed = f"https://{domain}/rest/"
        if not proposed:
            return self.client_endpoint
        if not isinstance(proposed, str):
            raise ProtocolError("token answer with an unreadable endpoint", method="oauth/token")
        if _origin(proposed) != _origin(self.client_endpoint):
            host = urlsplit(proposed).hostname or "?"
            raise ForeignHostError(
                f"token answer points REST calls at {host}", method="oauth/token"
            )
        return require_secure(proposed if proposed.endswith("/") else proposed + "/")

    async def _hand_over(self, tokens: OAuthTokens) -> None:
        """Give new tokens to the owner for storage; its failure must not fail the call."""
        if self._on_tokens is None:
            return
        try:
            outcome = self._on_tokens(tokens)
            if inspect.isawaitable(outcome):
                await outcome
        except Exception:
            log.exception("storing the refreshed OAuth tokens failed")
