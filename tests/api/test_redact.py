"""Secrets kept out of logs, exceptions and reprs."""

from __future__ import annotations

import logging

import pytest

from b24desk.api import B24Client, OAuthAuth, OAuthTokens, WebhookAuth, errors, redact
from b24desk.api.urls import normalise_webhook_url

from .helpers import client, oauth_for, run

CODE = "q1w2e3r4t5y6u7i8"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            f"https://x.bitrix24.ru/rest/1/{CODE}/crm.lead.list",
            "https://x.bitrix24.ru/rest/1/***/crm.lead.list",
        ),
        (f"POST /rest/15/{CODE}/ HTTP/1.1", "POST /rest/15/***/ HTTP/1.1"),
        ('{"auth": "abc123", "id": 5}', '{"auth": "***", "id": 5}'),
        (
            "grant_type=refresh_token&refresh_token=r1&client_secret=s2&client_id=app",
            "grant_type=refresh_token&refresh_token=***&client_secret=***&client_id=app",
        ),
        (
            "OAuthTokens(access_token='a1', refresh_token='r2')",
            "OAuthTokens(access_token='***', refresh_token='***')",
        ),
        (
            "https://portal.example.com/rest/crm.lead.list?auth=tok",
            "https://portal.example.com/rest/crm.lead.list?auth=***",
        ),
        ("nothing secret here: 12 leads", "nothing secret here: 12 leads"),
    ],
)
def test_redact(text, expected):
    assert redact(text) == expected


def test_reprs_hide_secrets():
    webhook = WebhookAuth(f"https://x.bitrix24.ru/rest/1/{CODE}/")
    tokens = OAuthTokens("access-secret", "refresh-secret", client_endpoint="https://x/rest/")
    oauth = OAuthAuth("https://x.bitrix24.ru/rest/", "app.1", "client-secret", tokens)
    texts = [repr(webhook), repr(tokens), repr(oauth), repr(oauth.tokens)]

    async def build() -> str:
        async with B24Client(webhook) as c:
            return repr(c)

    texts.append(run(build()))
    for text in texts:
        for secret in (CODE, "access-secret", "refresh-secret", "client-secret"):
            assert secret not in text, text
    assert "/rest/1/***/" in repr(webhook)


def test_configuration_errors_do_not_repeat_the_code():
    with pytest.raises(errors.ConfigurationError) as caught:
        normalise_webhook_url(f"https://x.bitrix24.ru/rest/1/{CODE}.json/extra")
    assert CODE not in str(caught.value) and CODE not in repr(caught.value)


def test_logs_exceptions_and_events_never_show_the_webhook_code(live_portal, caplog):
    caplog.set_level(logging.DEBUG)
    code = live_portal.webhook.rstrip("/").split("/")[-1]
    live_portal.portal.faults.inject("html")

    def noisy_listener(event):
        raise RuntimeError(f"listener saw {live_portal.webhook}")

    async def scenario():
        async with client(live_portal.webhook, max_retries=0) as c:
            c.subscribe(noisy_listener)
            with pytest.raises(errors.ProtocolError) as caught:
                await c.call("scope")
            await c.call("crm.lead.list", {"filter": {"%TITLE": "x"}})
            return caught.value, repr(c)

    error, client_repr = run(scenario())
    assert code not in caplog.text
    assert "/rest/1/***/" in caplog.text  # httpx's own request log, redacted
    assert any(r.exc_text for r in caplog.records), "the listener's traceback was logged"
    for record in caplog.records:
        assert code not in record.getMessage()
        assert code not in (record.exc_text or "")
    assert code not in str(error) and code not in repr(error) and code not in client_repr


def test_oauth_tokens_and_client_secret_stay_out_of_logs(live_portal, caplog):
    caplog.set_level(logging.DEBUG)
    auth = oauth_for(live_portal)
    app = next(iter(live_portal.state.oauth_apps.values()))
    secrets = [auth.tokens.access_token, auth.tokens.refresh_token, app.client_secret]
    live_portal.portal.expire_access_tokens()

    async def scenario():
        async with client(auth) as c:
            await c.call("scope")
            await c.batch({"me": ("user.current", {})})

    run(scenario())
    secrets += [auth.tokens.access_token, auth.tokens.refresh_token]
    assert auth.refreshes == 1
    assert '"auth": "***"' in caplog.text  # bodies are logged at DEBUG, redacted
    for secret in secrets:
        assert secret not in caplog.text
