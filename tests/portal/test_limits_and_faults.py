"""Rate limits, operating time, latency, the cost model and injected faults."""

from __future__ import annotations

import time

import httpx
import pytest


def test_leaky_bucket_refuses_past_the_burst_then_drains(portal_factory):
    lp = portal_factory(rate=4, burst=10)
    with httpx.Client(timeout=10) as client:
        answers = [client.post(lp.webhook + "scope") for _ in range(16)]
        statuses = [a.status_code for a in answers]
        assert statuses[:10] == [200] * 10
        refused = [a for a in answers[10:] if a.status_code == 503]
        assert refused, statuses
        assert refused[0].json()["error"] == "QUERY_LIMIT_EXCEEDED"
        # The bucket drains 4/s: a place frees up within a bounded wait.
        deadline = time.monotonic() + 2
        while client.post(lp.webhook + "scope").status_code != 200:
            assert time.monotonic() < deadline, "the bucket never drained"
    assert lp.portal.count_errors("QUERY_LIMIT_EXCEEDED") >= len(refused)


def test_rate_limit_is_per_webhook(portal_factory):
    lp = portal_factory(rate=0.001, burst=2)
    for _ in range(2):
        assert httpx.post(lp.webhook + "scope", timeout=10).status_code == 200
    assert httpx.post(lp.webhook + "scope", timeout=10).status_code == 503
    assert httpx.post(lp.webhook_of("operator") + "scope", timeout=10).status_code == 200


def test_operating_time_accumulates_and_blocks_the_method(portal_factory):
    lp = portal_factory(rate_limit=False, realistic_cost=True, operating_limit=0.05)
    first = httpx.post(lp.webhook + "crm.lead.list", timeout=10).json()
    assert first["time"]["operating"] > 0.05
    assert first["time"]["operating_reset_at"] > time.time()
    blocked = httpx.post(lp.webhook + "crm.lead.list", timeout=10)
    assert blocked.status_code == 429
    assert blocked.json()["error"] == "OPERATION_TIME_LIMIT"
    assert httpx.post(lp.webhook + "crm.deal.list", timeout=10).status_code == 200


def test_cost_model_makes_counting_expensive_and_fast_paging_cheap(portal_factory):
    lp = portal_factory(rate_limit=False, realistic_cost=True, leads=3000)
    counted = httpx.post(lp.webhook + "crm.lead.list", json={"start": 2500}, timeout=10).json()
    fast = httpx.post(
        lp.webhook + "crm.lead.list",
        timeout=10,
        json={"start": -1, "order": {"ID": "ASC"}, "filter": {">ID": 2500}},
    ).json()
    assert [r["ID"] for r in counted["result"]] == [r["ID"] for r in fast["result"]]
    assert counted["time"]["processing"] > fast["time"]["processing"] + 0.05


def test_latency_is_added(portal_factory):
    lp = portal_factory(rate_limit=False, latency_ms=150)
    started = time.perf_counter()
    httpx.post(lp.webhook + "scope", timeout=10)
    assert time.perf_counter() - started >= 0.15


@pytest.mark.parametrize(
    ("kind", "status", "content_type"),
    [
        ("500", 500, "application/json"),
        ("502", 502, "text/html"),
        ("html", 200, "text/html"),
    ],
)
def test_faults_before_the_method_runs(live_portal, kind, status, content_type):
    live_portal.portal.faults.inject(kind, method="crm.lead.get")
    response = httpx.post(live_portal.webhook + "crm.lead.get", json={"id": 1}, timeout=10)
    assert response.status_code == status
    assert response.headers["content-type"].startswith(content_type)
    again = httpx.post(live_portal.webhook + "crm.lead.get", json={"id": 1}, timeout=10)
    assert again.status_code == 200


def test_truncated_json_after_the_method_ran(live_portal):
    live_portal.portal.faults.inject("truncated")
    response = httpx.post(live_portal.webhook + "user.current", timeout=10)
    assert response.status_code == 200
    with pytest.raises(ValueError):
        response.json()


def _admin_lines_chat(lp):
    """An Open Lines chat bound to CRM in which the admin (user 1) may post."""
    return next(
        c
        for c in lp.state.chats.values()
        if c.is_lines and 1 in c.participants and any(c.crm.values())
    )


def _post_message(lp, chat, text: str) -> httpx.Response:
    crm_type, crm_id = next((t, i) for t, i in chat.crm.items() if i)
    return httpx.post(
        lp.webhook + "imopenlines.crm.message.add",
        timeout=10,
        json={
            "CRM_ENTITY_TYPE": crm_type.value,
            "CRM_ENTITY": crm_id,
            "USER_ID": 1,
            "CHAT_ID": chat.id,
            "MESSAGE": text,
        },
    )


def test_dropped_connection_after_a_write_ran(live_portal):
    chat = _admin_lines_chat(live_portal)
    count = len(chat.messages)
    live_portal.portal.faults.inject("drop", method="imopenlines.crm.message.add")
    with pytest.raises(httpx.HTTPError):
        _post_message(live_portal, chat, "dropped but delivered")
    assert len(chat.messages) == count + 1


def test_hang_outlasts_the_client_timeout(portal_factory):
    lp = portal_factory(rate_limit=False, hang_seconds=3)
    lp.portal.faults.inject("hang")
    with pytest.raises(httpx.ReadTimeout):
        httpx.post(lp.webhook + "scope", timeout=httpx.Timeout(5, read=0.3))


def test_random_fail_rate(portal_factory):
    lp = portal_factory(rate_limit=False, fail_rate=0.5, fail_kinds=("500",))
    with httpx.Client(timeout=10) as client:
        statuses = [client.post(lp.webhook + "scope").status_code for _ in range(40)]
    assert 5 < statuses.count(500) < 35


def test_json_500_after_a_write_ran(live_portal):
    """`500after`: the portal runs the method, then answers a JSON 500 as if it had failed."""
    chat = _admin_lines_chat(live_portal)
    count = len(chat.messages)
    live_portal.portal.faults.inject("500after", method="imopenlines.crm.message.add")
    response = _post_message(live_portal, chat, "failed but delivered")
    assert response.status_code == 500
    assert response.json()["error"] == "INTERNAL_SERVER_ERROR"
    assert len(chat.messages) == count + 1
