"""Connection profiles and webhook URLs: what is accepted, what is refused, and why."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

import b24desk
from b24desk.api.urls import DEFAULT_TOKEN_URL, normalise_webhook_url
from b24desk.settings.errors import ConfigError, MissingSecretError
from b24desk.settings.profiles import (
    RATE_PLANS,
    InsecureUrlError,
    Profile,
    ProfileKind,
    RateLimit,
    SecretKind,
    split_webhook_url,
    webhook_url,
)
from b24desk.settings.secrets import SecretStore

from .helpers import CODE, oauth_profile, webhook_profile


def test_profile_defaults_and_kind_accepts_plain_strings() -> None:
    profile = oauth_profile()
    assert profile.kind is ProfileKind.OAUTH and profile.kind == "oauth"
    assert profile.portal_url == "https://x.bitrix24.ru/"
    assert profile.token_url == DEFAULT_TOKEN_URL
    assert profile.rate_limit == RateLimit(2.0, 50)
    assert profile.secret_kinds == (
        SecretKind.CLIENT_SECRET,
        SecretKind.ACCESS_TOKEN,
        SecretKind.REFRESH_TOKEN,
    )
    assert RATE_PLANS["enterprise"] == RateLimit(5.0, 250)


def test_the_default_token_url_is_defined_once() -> None:
    """It was defined in config and in api.auth; two copies drift."""
    package = Path(b24desk.__file__).parent
    defining = [
        path.relative_to(package).as_posix()
        for path in package.rglob("*.py")
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
        if isinstance(node, ast.Assign)
        and any(getattr(t, "id", None) == "DEFAULT_TOKEN_URL" for t in node.targets)
    ]
    assert defining == ["api/urls.py"]


def test_webhook_profile_builds_its_base_url() -> None:
    profile = webhook_profile()
    assert profile.webhook_base == "https://x.bitrix24.ru/rest/1/"
    assert profile.secret_kinds == (SecretKind.WEBHOOK_CODE,)
    with pytest.raises(ConfigError):
        _ = oauth_profile().webhook_base


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"name": "  ", "kind": "webhook", "portal_url": "https://x/", "user_id": 1}, "name"),
        ({"name": "a", "kind": "soap", "portal_url": "https://x/", "user_id": 1}, "kind"),
        ({"name": "a", "kind": "webhook", "portal_url": "https://x/"}, "user ID"),
        ({"name": "a", "kind": "oauth", "portal_url": "https://x/"}, "client_id"),
        ({"name": "a", "kind": "webhook", "portal_url": "x.bitrix24.ru", "user_id": 1}, "URL"),
        (
            {"name": "a", "kind": "oauth", "portal_url": "https://x/", "client_id": "c"}
            | {"token_url": "ftp://x"},
            "token URL",
        ),
    ],
)
def test_invalid_profiles_are_refused_with_a_clear_message(kwargs: dict, message: str) -> None:
    with pytest.raises(ConfigError, match=message):
        Profile(**kwargs)


@pytest.mark.parametrize(
    ("kind", "extra"),
    [("webhook", {"user_id": 1}), ("oauth", {"client_id": "local.1"})],
)
def test_plain_http_portal_is_refused_as_the_message_says(kind: str, extra: dict) -> None:
    """The message names the real reason; the api layer refuses plain HTTP too, so saving
    such a profile only postponed the error to the first connection."""
    with pytest.raises(InsecureUrlError, match=r"^HTTPS is required for x\.bitrix24\.ru: "):
        Profile("a", kind, "http://x.bitrix24.ru/", **extra)


def test_plain_http_token_url_is_refused() -> None:
    with pytest.raises(InsecureUrlError, match=r"HTTPS is required for oauth\.example"):
        Profile("a", "oauth", "https://x/", client_id="c", token_url="http://oauth.example/t/")


@pytest.mark.parametrize("url", ["ftp://x.bitrix24.ru/", "x.bitrix24.ru", "http://"])
def test_a_malformed_portal_url_is_refused_for_its_form(url: str) -> None:
    with pytest.raises(ConfigError, match="must start with https://") as refused:
        Profile("a", "webhook", url, user_id=1)
    assert not isinstance(refused.value, InsecureUrlError)


@pytest.mark.parametrize(
    "portal", ["http://127.0.0.1:8123/", "http://localhost/", "http://[::1]:9000/b24/"]
)
def test_plain_http_to_this_computer_is_allowed_like_the_api_allows_it(portal: str) -> None:
    assert Profile("Local", "webhook", portal, user_id=1).portal_url == portal


def test_rate_limit_must_be_positive() -> None:
    with pytest.raises(ConfigError):
        RateLimit(0, 50)
    with pytest.raises(ConfigError):
        RateLimit(2.0, 0)


@pytest.mark.parametrize("rate", [float("inf"), float("nan")])
def test_rate_limit_must_be_finite(rate: float) -> None:
    with pytest.raises(ConfigError):
        RateLimit(rate, 50)


# --- webhook URLs --------------------------------------------------------------------------

PASTED = [
    f"https://x.bitrix24.ru/rest/1/{CODE}/",
    f"https://x.bitrix24.ru/rest/1/{CODE}",
    f"  https://x.bitrix24.ru/rest/1/{CODE}/crm.lead.list  ",
    f"https://x.bitrix24.ru/rest/1/{CODE}/crm.lead.list.json?start=50",
    f"https://x.bitrix24.ru/rest/1/{CODE}/profile.json",
]


@pytest.mark.parametrize("url", PASTED)
def test_split_webhook_url_separates_base_and_code(url: str) -> None:
    parts = split_webhook_url(url)
    assert (parts.portal_url, parts.user_id, parts.code) == ("https://x.bitrix24.ru/", 1, CODE)
    assert parts.base == "https://x.bitrix24.ru/rest/1/"


@pytest.mark.parametrize(
    "url",
    [
        *PASTED,
        f"http://127.0.0.1:8123/b24/rest/17/{CODE}/",
        f"https://X.Bitrix24.RU/rest/5/{CODE}/im.x",
    ],
)
def test_split_agrees_with_the_url_the_api_calls(url: str) -> None:
    """One parser: settings split what the API layer normalised, so the two cannot differ."""
    parts = split_webhook_url(url)
    assert f"{parts.base}{parts.code}/" == normalise_webhook_url(url)


def test_split_webhook_url_keeps_port_and_path_prefix() -> None:
    parts = split_webhook_url(f"http://127.0.0.1:8123/b24/rest/17/{CODE}/")
    assert parts.portal_url == "http://127.0.0.1:8123/b24/"
    assert parts.user_id == 17


@pytest.mark.parametrize(
    "url",
    [
        "",
        "x.bitrix24.ru/rest/1/abc/",
        "https://x.bitrix24.ru/",
        "https://x.bitrix24.ru/rest/1/",
        # The code was cut out and the method name sits in its place.
        "https://x.bitrix24.ru/rest/1/crm.lead.list.json",
        "https://x.bitrix24.ru/rest/0/abc123/",
        "https://x.bitrix24.ru/rest/me/abc123/",
        # Plain HTTP to another computer: the API layer would refuse to call it.
        "http://x.bitrix24.ru/rest/1/abc123/",
        "https://x.bitrix24.ru:99999/rest/1/abc123/",
    ],
)
def test_split_webhook_url_refuses_urls_without_user_and_code(url: str) -> None:
    with pytest.raises(ConfigError):
        split_webhook_url(url)


@pytest.mark.parametrize(
    "url", [f"ftp://x.bitrix24.ru/rest/1/{CODE}/", f"http://x.bitrix24.ru/rest/1/{CODE}/"]
)
def test_split_webhook_url_error_does_not_repeat_the_code(url: str) -> None:
    with pytest.raises(ConfigError) as caught:
        split_webhook_url(url)
    assert CODE not in str(caught.value)


def test_webhook_url_joins_base_and_stored_code(file_store: SecretStore) -> None:
    parts = split_webhook_url(f"https://x.bitrix24.ru/rest/1/{CODE}/crm.lead.get")
    profile = parts.to_profile("Main", RATE_PLANS["enterprise"])
    file_store.set(profile.name, SecretKind.WEBHOOK_CODE, parts.code)
    assert webhook_url(profile, file_store) == f"https://x.bitrix24.ru/rest/1/{CODE}/"
    assert profile.rate_limit == RateLimit(5.0, 250)


def test_webhook_url_without_a_stored_code_says_so(file_store: SecretStore) -> None:
    with pytest.raises(MissingSecretError, match="paste the webhook URL"):
        webhook_url(webhook_profile(), file_store)
    with pytest.raises(ConfigError):
        webhook_url(oauth_profile(), file_store)
