"""Webhook URLs and OAuth tokens: validation, HTTPS, and exactly one refresh at a time."""

from __future__ import annotations

import asyncio

import httpx
import pytest

from b24desk.api import OAuthAuth, OAuthTokens, WebhookAuth, coded_errors, errors
from b24desk.api.urls import DEFAULT_TOKEN_URL, normalise_webhook_url, require_secure

from .helpers import client, oauth_for, run


@pytest.mark.parametrize(
    ("pasted", "expected"),
    [
        (
            "https://x.bitrix24.ru/rest/1/abc/crm.lead.list.json",
            "https://x.bitrix24.ru/rest/1/abc/",
        ),
        ("https://x.bitrix24.ru/rest/1/abc", "https://x.bitrix24.ru/rest/1/abc/"),
        ("https://x.bitrix24.ru/rest/1/abc/", "https://x.bitrix24.ru/rest/1/abc/"),
        (
            "  https://X.Bitrix24.RU/rest/15/q1w2e3/profile/ ",
            "https://x.bitrix24.ru/rest/15/q1w2e3/",
        ),
        (
            "https://x.bitrix24.ru/rest/1/abc/user.current?x=1#top",
            "https://x.bitrix24.ru/rest/1/abc/",
        ),
        ("x.bitrix24.ru/rest/1/abc/", "https://x.bitrix24.ru/rest/1/abc/"),
        (
            "https://crm.example.com:8443/portal/rest/7/k3y/",
            "https://crm.example.com:8443/portal/rest/7/k3y/",
        ),
        ("http://127.0.0.1:8000/rest/1/abc/scope", "http://127.0.0.1:8000/rest/1/abc/"),
        ("http://localhost/rest/1/abc/", "http://localhost/rest/1/abc/"),
        ("http://[::1]:9000/rest/1/abc/", "http://[::1]:9000/rest/1/abc/"),
    ],
)
def test_webhook_urls_are_normalised(pasted, expected):
    assert normalise_webhook_url(pasted) == expected


@pytest.mark.parametrize(
    "pasted",
    [
        "https://x.bitrix24.ru/",
        "https://x.bitrix24.ru/rest/crm.lead.list",
        "https://x.bitrix24.ru/rest/abc/def/",
        "https://x.bitrix24.ru/rest/1/crm.lead.list",
        "not a url at all",
    ],
)
def test_things_that_are_not_webhooks_are_refused(pasted):
    with pytest.raises(errors.ConfigurationError):
        normalise_webhook_url(pasted)


@pytest.mark.parametrize(
    "url",
    ["http://x.bitrix24.ru/rest/1/abc/", "http://10.0.0.5/rest/1/abc/", "ftp://x/rest/1/abc/"],
)
def test_plain_http_is_refused_except_on_loopback(url):
    with pytest.raises(errors.ConfigurationError, match="HTTPS"):
        normalise_webhook_url(url)


@pytest.mark.parametrize("host", ["127.0.0.1", "127.8.9.10", "[::1]", "localhost"])
def test_loopback_may_use_plain_http(host):
    assert require_secure(f"http://{host}:1/oauth/token/")


def test_oauth_endpoints_must_be_secure():
    tokens = OAuthTokens("a", "r")
    with pytest.raises(errors.ConfigurationError):
        OAuthAuth("http://portal.example.com/rest/", "id", "secret", tokens)
    with pytest.raises(errors.ConfigurationError):
        OAuthAuth(
            "https://portal.example.com/rest/", "id", "s", tokens, token_url="http://o.example/"
        )
    auth = OAuthAuth("https://portal.example.com/rest", "id", "secret", tokens)
    assert auth.token_url == DEFAULT_TOKEN_URL
    assert auth.url_for("scope") == "https://portal.example.com/rest/scope"


def test_oauth_calls_carry_the_access_token(live_portal):
    auth = oauth_for(live_portal, user_id=7)

    async def scenario():
        async with client(auth) as c:
            return await c.call("user.current")

    assert run(scenario())["ID"] == "7"


def test_concurrent_expired_tokens_cause_exactly_one_refresh(live_portal):
    stored: list[OAuthTokens] = []

    async def store(tokens: OAuthTokens) -> None:
        await asyncio.sleep(0)
        stored.append(tokens)

    auth = oauth_for(live_portal, on_tokens=store)
    old_refresh = auth.tokens.refresh_token
    live_portal.portal.expire_access_tokens()

    async def scenario():
        async with client(auth) as c:
            return await asyncio.gather(*(c.call("user.current") for _ in range(20)))

    answers = run(scenario())
    assert [a["ID"] for a in answers] == ["1"] * 20
    assert auth.refreshes == 1
    assert len(stored) == 1
    assert stored[0].access_token == auth.tokens.access_token
    assert stored[0].refresh_token != old_refresh  # rotated: the old one is spent
    assert stored[0].user_id == 1 and stored[0].expires_at > 0
    # Each call was answered expired_token at most once, then retried once.
    assert live_portal.portal.count_errors("expired_token") <= 20
    assert len(live_portal.portal.wire_log) == 20 + live_portal.portal.count_errors("expired_token")


def test_a_dead_refresh_token_means_sign_in_again(live_portal):
    auth = oauth_for(live_portal)
    live_portal.state.refresh_tokens.clear()  # e.g. used by another copy of the app
    live_portal.portal.expire_access_tokens()

    async def scenario():
        async with client(auth) as c:
            results = await asyncio.gather(
                *(c.call("scope") for _ in range(3)), return_exceptions=True
            )
            return results

    results = run(scenario())
    assert all(isinstance(r, coded_errors.SignInRequiredError) for r in results)
    assert {r.code for r in results} == {"invalid_grant"}
    assert "sign in again" in results[0].user_message.lower()


def test_a_token_still_expired_after_the_refresh_is_not_refreshed_again(portal_factory):
    lp = portal_factory(rate_limit=False, access_token_ttl=-1)
    auth = oauth_for(lp)

    async def scenario():
        async with client(auth) as c:
            await c.call("scope")

    with pytest.raises(coded_errors.ExpiredTokenError):
        run(scenario())
    assert auth.refreshes == 1
    assert lp.portal.count_errors("expired_token") == 2


def test_a_failing_token_store_does_not_fail_the_call(live_portal):
    def broken_store(tokens: OAuthTokens) -> None:
        raise OSError("keyring locked")

    auth = oauth_for(live_portal, on_tokens=broken_store)
    live_portal.portal.expire_access_tokens()

    async def scenario():
        async with client(auth) as c:
            return await c.call("scope")

    assert "crm" in run(scenario())


def test_webhook_auth_knows_its_user():
    assert WebhookAuth("https://x.bitrix24.ru/rest/15/abc/").user_id == 15


# ---- token answers: the host they name, and their fields' types ----

PORTAL_REST = "https://portal.example.com/rest/"
EXPIRED = {"error": "expired_token", "error_description": "The access token provided has expired."}


def _oauth_against(token_answer: dict) -> tuple[OAuthAuth, httpx.MockTransport, list[str]]:
    """An OAuth app whose first call is answered expired_token and whose refresh gets
    `token_answer`; returns it, its transport and the URLs the transport saw."""
    seen: list[str] = []

    def handle(request: httpx.Request) -> httpx.Response:
        seen.append(str(request.url))
        if request.url.host == "oauth.bitrix.info":
            return httpx.Response(200, json=token_answer)
        if len(seen) == 1:
            return httpx.Response(401, json=EXPIRED)
        return httpx.Response(200, json={"result": {"ok": True}})

    auth = OAuthAuth(PORTAL_REST, "app.1", "secret", OAuthTokens("old-access", "old-refresh"))
    return auth, httpx.MockTransport(handle), seen


def _call(auth: OAuthAuth, transport: httpx.MockTransport):
    async def scenario():
        async with client(auth, transport=transport) as c:
            return await c.call("profile")

    return run(scenario())


@pytest.mark.parametrize(
    "moved",
    [
        {"client_endpoint": "https://evil.example.net/rest/"},
        {"client_endpoint": "https://portal.example.com.evil.example.net/rest/"},
        {"client_endpoint": "https://portal.example.com:8443/rest/"},
        {"client_endpoint": "http://portal.example.com/rest/"},
        {"domain": "evil.example.net"},
    ],
)
def test_a_token_answer_naming_another_host_is_refused(moved):
    answer = {"access_token": "new-access", "refresh_token": "new-refresh", **moved}
    auth, transport, seen = _oauth_against(answer)
    with pytest.raises(errors.ForeignHostError) as raised:
        _call(auth, transport)
    assert "evil" not in " ".join(seen[2:]) and len(seen) == 2  # no call went anywhere
    assert auth.url_for("profile") == PORTAL_REST + "profile"
    assert "new-access" not in str(raised.value)


def test_a_token_answer_on_the_same_portal_is_followed_and_its_odd_fields_read_safely():
    answer = {
        "access_token": "new-access",
        "refresh_token": "new-refresh",
        "client_endpoint": "https://PORTAL.example.com/rest/",
        "domain": "portal.example.com",
        "expires_in": "abc",
        "user_id": "x",
    }
    auth, transport, seen = _oauth_against(answer)
    assert _call(auth, transport) == {"ok": True}
    assert seen[-1] == PORTAL_REST + "profile"
    assert (auth.tokens.access_token, auth.tokens.expires_at, auth.tokens.user_id) == (
        "new-access",
        0.0,
        None,
    )
