"""Connection profiles: which portal, how to sign in (webhook or OAuth) and the rate limit.

A profile holds no secrets; the webhook code and OAuth credentials live in the SecretStore.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Protocol
from urllib.parse import urlsplit

from b24desk.api.errors import ConfigurationError
from b24desk.api.urls import DEFAULT_TOKEN_URL, normalise_webhook_url, require_secure
from b24desk.translatable import QT_TRANSLATE_NOOP

from .errors import ConfigError, MissingSecretError

# Whole sentences, so each can be translated.
_URL_PROBLEMS = {
    "portal": QT_TRANSLATE_NOOP(
        "errors", "The portal URL must start with https:// and name a host."
    ),
    "token": QT_TRANSLATE_NOOP("errors", "The token URL must start with https:// and name a host."),
}
HTTPS_REQUIRED = QT_TRANSLATE_NOOP(
    "errors", "HTTPS is required for {host}: Bitrix24 is reached only over https://."
)
_WEBHOOK_SHAPE = "https://PORTAL/rest/USER_ID/CODE/"


class ProfileKind(StrEnum):
    WEBHOOK = "webhook"
    OAUTH = "oauth"


class SecretKind(StrEnum):
    WEBHOOK_CODE = "webhook_code"
    CLIENT_SECRET = "client_secret"
    ACCESS_TOKEN = "access_token"
    REFRESH_TOKEN = "refresh_token"


_SECRETS_OF = {
    ProfileKind.WEBHOOK: (SecretKind.WEBHOOK_CODE,),
    ProfileKind.OAUTH: (
        SecretKind.CLIENT_SECRET,
        SecretKind.ACCESS_TOKEN,
        SecretKind.REFRESH_TOKEN,
    ),
}


@dataclass(frozen=True)
class RateLimit:
    """The portal's leaky bucket: `rate` requests/s drained, `burst` requests deep."""

    rate: float = 2.0
    burst: int = 50

    def __post_init__(self) -> None:
        if not (self.rate > 0 and math.isfinite(self.rate)) or self.burst < 1:
            raise ConfigError(
                QT_TRANSLATE_NOOP(
                    "errors", "The rate limit needs a positive rate and a burst of at least 1."
                )
            )


RATE_PLANS = {"standard": RateLimit(2.0, 50), "enterprise": RateLimit(5.0, 250)}


@dataclass(frozen=True)
class Profile:
    """One portal connection; holds no secrets, so it is safe to save, log and show.

    `portal_url` is the portal root ("https://x.bitrix24.ru/") for both kinds; a webhook
    profile adds `user_id`, an OAuth one `client_id` and `token_url`.
    """

    name: str
    kind: ProfileKind
    portal_url: str
    user_id: int = 0
    client_id: str = ""
    token_url: str = DEFAULT_TOKEN_URL
    rate_limit: RateLimit = field(default_factory=RateLimit)

    def __post_init__(self) -> None:
        object.__setattr__(self, "name", _check_name(self.name))
        object.__setattr__(self, "kind", _check_kind(self.kind))
        object.__setattr__(self, "portal_url", check_url(self.portal_url, "portal"))
        if self.kind is ProfileKind.WEBHOOK and self.user_id < 1:
            raise ConfigError(
                QT_TRANSLATE_NOOP(
                    "errors", "A webhook profile needs the user ID from the webhook URL."
                )
            )
        if self.kind is ProfileKind.OAUTH:
            if not self.client_id.strip():
                raise ConfigError(
                    QT_TRANSLATE_NOOP(
                        "errors", "An OAuth profile needs the application's client_id."
                    )
                )
            check_url(self.token_url, "token")

    @property
    def secret_kinds(self) -> tuple[SecretKind, ...]:
        """The secrets this kind of profile keeps in the secret store."""
        return _SECRETS_OF[self.kind]

    @property
    def webhook_base(self) -> str:
        """The webhook URL without its code: "https://x.bitrix24.ru/rest/1/"."""
        if self.kind is not ProfileKind.WEBHOOK:
            raise ConfigError(
                QT_TRANSLATE_NOOP("errors", "Profile {name!r} is not a webhook profile."),
                name=self.name,
            )
        return f"{self.portal_url}rest/{self.user_id}/"


def _check_name(name: str) -> str:
    name = name.strip() if isinstance(name, str) else ""
    if not name:
        raise ConfigError(QT_TRANSLATE_NOOP("errors", "A profile needs a name."))
    return name


def _check_kind(kind: str) -> ProfileKind:
    try:
        return ProfileKind(kind)
    except ValueError:
        raise ConfigError(
            QT_TRANSLATE_NOOP("errors", "Unknown profile kind {kind!r}: use 'webhook' or 'oauth'."),
            kind=kind,
        ) from None


class InsecureUrlError(ConfigError):
    """A well-formed http:// URL to another computer: only https:// would do."""


def check_url(url: str, what: str) -> str:
    """`url` if the API layer would call it (HTTPS, or HTTP to this computer only); the
    portal root also gets the trailing slash it needs. `what` is "portal" or "token"."""
    try:
        text = urlsplit(require_secure(url.strip())).geturl()
    except (AttributeError, ValueError, ConfigurationError):  # not text, not a URL, not secure
        host = _plain_http_host(url)
        if host:
            raise InsecureUrlError(HTTPS_REQUIRED, host=host) from None
        raise ConfigError(_URL_PROBLEMS[what]) from None
    return text if what != "portal" or text.endswith("/") else text + "/"


def _plain_http_host(url: object) -> str:
    """The host of a well-formed http:// URL (the reason it was refused), else ""."""
    try:
        parts = urlsplit(url.strip()) if isinstance(url, str) else None
        return (parts.hostname or "") if parts is not None and parts.scheme == "http" else ""
    except ValueError:
        return ""


# --- webhook URLs --------------------------------------------------------------------------


@dataclass(frozen=True)
class WebhookParts:
    """A pasted webhook URL split into its plain part and its secret code (kept out of repr)."""

    portal_url: str
    user_id: int
    code: str = field(repr=False)

    @property
    def base(self) -> str:
        return f"{self.portal_url}rest/{self.user_id}/"

    def to_profile(self, name: str, rate_limit: RateLimit | None = None) -> Profile:
        """A webhook profile for these parts; store `code` in the SecretStore yourself."""
        limit = rate_limit or RateLimit()
        return Profile(name, ProfileKind.WEBHOOK, self.portal_url, self.user_id, rate_limit=limit)


def split_webhook_url(url: str) -> WebhookParts:
    """Split "https://x/rest/1/CODE/[method[.json]]" into portal, user id and code.

    The API layer's `normalise_webhook_url` parses; this only splits what it returns. Unlike
    that parser, a URL without a scheme is refused: a profile is saved with what was pasted.
    Error messages never repeat the URL, because it contains the code.
    """
    text = url.strip()
    if "://" not in text:
        raise ConfigError(
            QT_TRANSLATE_NOOP("errors", "Not a webhook URL: expected {shape}"), shape=_WEBHOOK_SHAPE
        )
    check_url(text, "portal")
    parts = _split(text)
    if parts is None:
        raise ConfigError(
            QT_TRANSLATE_NOOP(
                "errors", "The webhook URL has no user ID and code: expected {shape}"
            ),
            shape=_WEBHOOK_SHAPE,
        )
    return parts


def _split(url: str) -> WebhookParts | None:
    try:
        base = normalise_webhook_url(url)
    except (ValueError, ConfigurationError):  # ValueError: a port out of range
        return None
    rest, user_id, code = base.removesuffix("/").rsplit("/", 2)
    if int(user_id) < 1:
        return None
    return WebhookParts(rest.removesuffix("rest"), int(user_id), code)


class SecretSource(Protocol):
    """What `webhook_url` needs of a SecretStore (typed here so profiles never imports it)."""

    def get(self, profile: str, kind: SecretKind) -> str | None: ...


def webhook_url(profile: Profile, secrets: SecretSource) -> str:
    """The full webhook URL the API layer calls: base plus the code from the secret store."""
    return webhook_url_with(profile, secrets.get(profile.name, SecretKind.WEBHOOK_CODE))


def webhook_url_with(profile: Profile, code: str | None) -> str:
    """The full webhook URL from a profile and its code, wherever the code came from."""
    base = profile.webhook_base
    if not code:
        raise MissingSecretError(
            QT_TRANSLATE_NOOP(
                "errors",
                "No webhook code is stored for profile {name!r}; paste the webhook URL again.",
            ),
            name=profile.name,
        )
    return f"{base}{code}/"
