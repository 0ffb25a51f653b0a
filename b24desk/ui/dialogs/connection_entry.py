"""What the connection dialog collects and what its test reports: plain values, no widgets."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from b24desk.desk.connect import REQUIRED_SCOPES
from b24desk.settings.profiles import (
    RATE_PLANS,
    Profile,
    ProfileKind,
    RateLimit,
    SecretKind,
    split_webhook_url,
)

DEFAULT_RATE_PLAN = "standard"
# A limit set in the settings file that matches no plan: kept as it is when the profile is
# edited, not quietly reset to the default plan.
CUSTOM_RATE_PLAN = "custom"


@dataclass(frozen=True)
class ConnectionRequest:
    """What the supervisor entered; secrets are kept out of repr so logs never show them."""

    name: str
    kind: ProfileKind
    rate_plan: str = DEFAULT_RATE_PLAN
    webhook_url: str = field(default="", repr=False)
    portal_url: str = ""
    client_id: str = ""
    client_secret: str = field(default="", repr=False)
    refresh_token: str = field(default="", repr=False)
    custom_rate: RateLimit | None = None  # the limit behind CUSTOM_RATE_PLAN

    @property
    def rate_limit(self) -> RateLimit:
        if self.rate_plan == CUSTOM_RATE_PLAN and self.custom_rate is not None:
            return self.custom_rate
        return RATE_PLANS.get(self.rate_plan, RATE_PLANS[DEFAULT_RATE_PLAN])

    def to_profile(self) -> Profile:
        """The profile to save (no secrets); raises ConfigError for an unusable entry."""
        if self.kind is ProfileKind.WEBHOOK:
            return split_webhook_url(self.webhook_url).to_profile(self.name, self.rate_limit)
        return Profile(
            self.name,
            ProfileKind.OAUTH,
            self.portal_url,
            client_id=self.client_id.strip(),
            rate_limit=self.rate_limit,
        )

    def secrets(self) -> dict[SecretKind, str]:
        """The secrets to put in the SecretStore under the profile's name."""
        if self.kind is ProfileKind.WEBHOOK:
            return {SecretKind.WEBHOOK_CODE: split_webhook_url(self.webhook_url).code}
        return {
            SecretKind.CLIENT_SECRET: self.client_secret.strip(),
            SecretKind.REFRESH_TOKEN: self.refresh_token.strip(),
        }


@dataclass(frozen=True)
class ConnectionReport:
    """What a successful test found: who we are on which portal, and the granted scopes."""

    user_full_name: str
    portal_host: str
    granted_scopes: frozenset[str]
    # OAuth tokens the test's sign-in renewed: Bitrix24 refresh tokens are single-use, so
    # these (not the entered ones) are what a save must keep.
    renewed: Mapping[SecretKind, str] = field(default_factory=dict, repr=False)

    @property
    def missing_scopes(self) -> tuple[str, ...]:
        """The scopes b24desk needs that the webhook or app lacks, in REQUIRED_SCOPES order."""
        return tuple(s for s in REQUIRED_SCOPES if s not in self.granted_scopes)


Tester = Callable[[ConnectionRequest], Awaitable[ConnectionReport]]


def host_of_url(url: str) -> str:
    """The host of an http(s) URL as typed, or "" when it names none."""
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return ""
    return (parts.hostname or "") if parts.scheme in ("http", "https") else ""
