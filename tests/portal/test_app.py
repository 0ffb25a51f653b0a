"""The demo portal's HTTP protocol: URL forms, body encodings, envelope, auth and system errors."""

from __future__ import annotations

from datetime import datetime, timedelta

import httpx
import pytest

from b24desk.portal.params import build_query, parse_query


def post(url: str, **kwargs) -> httpx.Response:
    return httpx.post(url, timeout=10, **kwargs)


def test_webhook_json_call_returns_envelope_with_time_block(live_portal):
    response = post(live_portal.webhook + "user.current", json={})
    assert response.status_code == 200
    body = response.json()
    assert body["result"]["ID"] == "1"
    time_block = body["time"]
    for key in (
        "start",
        "finish",
        "duration",
        "processing",
        "date_start",
        "date_finish",
        "operating_reset_at",
        "operating",
    ):
        assert key in time_block
    assert time_block["finish"] >= time_block["start"]


@pytest.mark.parametrize(
    "suffix", ["user.current", "user.current.json", "USER.Current", "User.Current.json"]
)
def test_method_names_are_case_insensitive_with_or_without_json(live_portal, suffix):
    response = post(live_portal.webhook + suffix)
    assert response.status_code == 200, response.text
    assert response.json()["result"]["ID"] == "1"


def test_get_with_query_string_parameters(live_portal):
    response = httpx.get(live_portal.webhook + "crm.lead.get", params={"id": 1}, timeout=10)
    assert response.status_code == 200
    assert response.json()["result"]["ID"] == "1"


def test_form_encoded_body_with_php_nested_keys(live_portal):
    form = {"filter[>ID]": "5", "filter[<=ID]": "8", "select[]": "TITLE", "order[ID]": "DESC"}
    response = post(live_portal.webhook + "crm.lead.list", data=form)
    assert response.status_code == 200
    rows = response.json()["result"]
    assert [r["ID"] for r in rows] == ["8", "7", "6"]
    assert set(rows[0]) == {"ID", "TITLE"}


def test_multipart_body_with_php_nested_keys(live_portal):
    files = {
        "filter[@ID][]": (None, "3"),
        "select[]": (None, "TITLE"),
        "dummy": ("x.txt", b"ignored", "text/plain"),
    }
    response = post(live_portal.webhook + "crm.lead.list", files=files)
    assert response.status_code == 200, response.text
    assert [r["ID"] for r in response.json()["result"]] == ["3"]


def test_json_and_form_bodies_agree(live_portal):
    params = {"filter": {"%TITLE": "а"}, "select": ["ID", "TITLE"], "order": {"TITLE": "ASC"}}
    as_json = post(live_portal.webhook + "crm.lead.list", json=params).json()
    as_form = post(live_portal.webhook + "crm.lead.list", data=dict(build_query(params))).json()
    assert as_json["result"] == as_form["result"]
    assert as_json["total"] == as_form["total"]


def test_php_style_query_parsing():
    parsed = parse_query("a[b][]=1&a[b][]=2&c[>ID]=5&d=x&select[]=ID&select[]=TITLE")
    assert parsed == {
        "a": {"b": ["1", "2"]},
        "c": {">ID": "5"},
        "d": "x",
        "select": ["ID", "TITLE"],
    }


def test_oauth_token_in_query_form_or_json_body(live_portal):
    token = live_portal.portal.issue_tokens(1).access_token
    url = f"{live_portal.base_url}/rest/user.current"
    assert post(url, params={"auth": token}).json()["result"]["ID"] == "1"
    assert post(url, data={"auth": token}).json()["result"]["ID"] == "1"
    assert post(url + ".json", json={"auth": token}).json()["result"]["ID"] == "1"


def test_wrong_webhook_code_is_no_auth_found_401(live_portal):
    response = post(f"{live_portal.base_url}/rest/1/wrongcode123/user.current")
    assert response.status_code == 401
    assert response.json()["error"] == "NO_AUTH_FOUND"


def test_webhook_code_of_another_user_is_rejected(live_portal):
    hook = next(iter(live_portal.state.webhooks.values()))
    response = post(f"{live_portal.base_url}/rest/{hook.user_id + 1}/{hook.code}/user.current")
    assert response.status_code == 401


def test_unknown_token_and_missing_auth_are_401(live_portal):
    url = f"{live_portal.base_url}/rest/user.current"
    assert post(url, json={"auth": "nope"}).json()["error"] == "NO_AUTH_FOUND"
    assert post(url).status_code == 401


def test_expired_token_is_expired_token_401(live_portal):
    token = live_portal.portal.issue_tokens(1).access_token
    live_portal.portal.expire_access_tokens()
    response = post(f"{live_portal.base_url}/rest/user.current", json={"auth": token})
    assert response.status_code == 401
    assert response.json()["error"] == "expired_token"


def test_refresh_token_rotates_and_old_one_is_invalid_grant(live_portal):
    tokens = live_portal.portal.issue_tokens(1)
    app = live_portal.state.oauth_apps[tokens.client_id]
    params = {
        "grant_type": "refresh_token",
        "client_id": app.client_id,
        "client_secret": app.client_secret,
        "refresh_token": tokens.refresh_token,
    }
    url = f"{live_portal.base_url}/oauth/token/"
    fresh = httpx.get(url, params=params, timeout=10).json()
    assert fresh["access_token"] != tokens.access_token
    assert fresh["client_endpoint"] == f"{live_portal.base_url}/rest/"
    again = httpx.get(url, params=params, timeout=10)
    assert again.status_code == 400
    assert again.json()["error"] == "invalid_grant"
    works = post(f"{live_portal.base_url}/rest/user.current", json={"auth": fresh["access_token"]})
    assert works.json()["result"]["ID"] == "1"
    bad_client = httpx.get(url, params={**params, "client_secret": "x"}, timeout=10)
    assert bad_client.json()["error"] == "invalid_client"


def test_webhook_without_scope_is_insufficient_scope_403(live_portal):
    crm_only = live_portal.webhook_of("crm only")
    response = post(
        crm_only + "imopenlines.crm.chat.get", json={"CRM_ENTITY_TYPE": "lead", "CRM_ENTITY": 1}
    )
    assert response.status_code == 403
    assert response.json()["error"] == "insufficient_scope"
    assert post(crm_only + "crm.lead.get", json={"id": 1}).status_code == 200
    assert post(crm_only + "scope").json()["result"] == ["basic", "crm"]


def test_unknown_method_is_error_method_not_found_404(live_portal):
    response = post(live_portal.webhook + "crm.lead.teleport")
    assert response.status_code == 404
    assert response.json()["error"] == "ERROR_METHOD_NOT_FOUND"


def test_server_time_and_scope(live_portal):
    assert "T" in post(live_portal.webhook + "server.time").json()["result"]
    scopes = post(live_portal.webhook + "scope").json()["result"]
    assert {"crm", "imopenlines", "im", "user"} <= set(scopes)
    full = post(live_portal.webhook + "scope", json={"full": True}).json()["result"]
    assert set(scopes) <= set(full)


def test_broken_json_body_is_a_clean_400(live_portal):
    response = post(
        live_portal.webhook + "user.current",
        content=b"{not json",
        headers={"content-type": "application/json"},
    )
    assert response.status_code == 400
    assert response.json()["error"] == "INVALID_REQUEST"


def test_a_skewed_portal_clock_dates_messages_and_server_time(portal_factory):
    lp = portal_factory(rate_limit=False, clock_skew=-600)
    portal_now = datetime.fromisoformat(post(lp.webhook + "server.time").json()["result"])
    behind = datetime.now(portal_now.tzinfo) - portal_now
    assert timedelta(minutes=9) < behind < timedelta(minutes=11)
