"""`batch` on the demo portal: object/array cmd, references, halt, limits, errors inside."""

from __future__ import annotations

from urllib.parse import urlencode

import httpx

from b24desk.portal.state import CrmType


def batch(url: str, cmd, halt=0) -> dict:
    response = httpx.post(url + "batch", json={"halt": halt, "cmd": cmd}, timeout=10)
    assert response.status_code == 200, response.text
    return response.json()["result"]


def test_named_commands_give_all_five_parts(live_portal):
    result = batch(
        live_portal.webhook,
        {
            "me": "user.current",
            "leads": "crm.lead.list?" + urlencode({"select[]": "ID", "filter[<=ID]": 60}),
        },
    )
    assert result["result"]["me"]["ID"] == "1"
    assert len(result["result"]["leads"]) == 50
    assert result["result_total"] == {"leads": 60}
    assert result["result_next"] == {"leads": 50}
    assert set(result["result_time"]) == {"me", "leads"}
    assert result["result_error"] == []  # PHP's empty array


def test_array_cmd_answers_lists(live_portal):
    result = batch(live_portal.webhook, ["user.current", "crm.lead.get?id=1"])
    assert isinstance(result["result"], list)
    assert result["result"][1]["ID"] == "1"


def test_result_references_chain_commands(live_portal):
    state = live_portal.state
    lead_id = next(
        int(r["ID"])
        for r in state.crm[CrmType.LEAD].rows
        if state.chats_of(CrmType.LEAD, int(r["ID"]))
    )
    result = batch(
        live_portal.webhook,
        {
            "last": f"imopenlines.crm.chat.getLastId?CRM_ENTITY_TYPE=lead&CRM_ENTITY={lead_id}",
            "history": "imopenlines.session.history.get?CHAT_ID=$result[last]",
            "users": "im.chat.user.list?CHAT_ID=$result[last]",
            "me": "user.current",
            "dept": "user.get?FILTER[UF_DEPARTMENT]=$result[me][UF_DEPARTMENT][0]",
        },
    )
    last = state.chats_of(CrmType.LEAD, lead_id)[-1]
    assert result["result"]["last"] == last.id
    assert result["result"]["history"]["chatId"] == last.id
    assert result["result"]["users"] == last.participants
    assert "1" in {u["ID"] for u in result["result"]["dept"]}


def test_fast_paging_chain_through_references(live_portal):
    base = {"order[ID]": "ASC", "start": -1, "select[]": "ID"}
    cmd = {"p0": "crm.lead.list?" + urlencode({**base, "filter[>ID]": 0})}
    for i in range(1, 7):
        cmd[f"p{i}"] = (
            "crm.lead.list?" + urlencode(base) + f"&filter[>ID]=$result[p{i - 1}][49][ID]"
        )
    result = batch(live_portal.webhook, cmd)
    total = len(live_portal.state.crm[CrmType.LEAD].rows)
    ids: list[int] = []
    for i in range(7):
        page = result["result"][f"p{i}"]
        ids += [int(r["ID"]) for r in page]
        if len(page) < 50:
            break
    assert ids == list(range(1, min(total, 350) + 1))
    assert result["result_total"] == []  # start=-1: no counting


def test_errors_inside_batch_are_per_command(live_portal):
    result = batch(
        live_portal.webhook,
        {
            "bad": "crm.lead.get?id=0",
            "missing": "no.such.method",
            "nested": "batch?cmd[x]=user.current",
            "good": "user.current",
        },
    )
    errors = result["result_error"]
    assert errors["bad"] == {"error": "", "error_description": "ID is not defined or invalid."}
    assert errors["missing"]["error"] == "ERROR_METHOD_NOT_FOUND"
    assert errors["nested"]["error"] == "ERROR_BATCH_METHOD_NOT_ALLOWED"
    assert result["result"]["good"]["ID"] == "1"


def test_halt_stops_at_first_error(live_portal):
    result = batch(
        live_portal.webhook, {"a": "user.current", "b": "crm.lead.get?id=0", "c": "scope"}, halt=1
    )
    assert set(result["result"]) == {"a"}
    assert set(result["result_error"]) == {"b"}


def test_scope_is_checked_per_command(live_portal):
    result = batch(
        live_portal.webhook_of("crm only"),
        {
            "chats": "imopenlines.crm.chat.get?CRM_ENTITY_TYPE=lead&CRM_ENTITY=1",
            "lead": "crm.lead.get?id=1",
        },
    )
    assert result["result_error"]["chats"]["error"] == "insufficient_scope"
    assert result["result"]["lead"]["ID"] == "1"


def test_more_than_50_commands_fail_beyond_the_limit(live_portal):
    cmd = {f"c{i}": "scope" for i in range(53)}
    result = batch(live_portal.webhook, cmd)
    assert len(result["result"]) == 50
    assert set(result["result_error"]) == {"c50", "c51", "c52"}
    assert {e["error"] for e in result["result_error"].values()} == {"ERROR_BATCH_LENGTH_EXCEEDED"}


def test_form_encoded_batch(live_portal):
    response = httpx.post(
        live_portal.webhook + "batch",
        data={
            "halt": "0",
            "cmd[me]": "user.current",
            "cmd[lead]": "crm.lead.get?id=2",
        },
        timeout=10,
    )
    result = response.json()["result"]
    assert result["result"]["me"]["ID"] == "1" and result["result"]["lead"]["ID"] == "2"


def test_batch_counts_as_one_request_for_the_rate_limit(portal_factory):
    lp = portal_factory(rate=0.001, burst=3)
    for _ in range(3):
        batch(lp.webhook, {f"c{i}": "scope" for i in range(20)})
    response = httpx.post(lp.webhook + "scope", timeout=10)
    assert response.status_code == 503
    assert response.json()["error"] == "QUERY_LIMIT_EXCEEDED"
