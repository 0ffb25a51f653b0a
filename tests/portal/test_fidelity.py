"""Proof of fidelity: fast-bitrix24, a client written for real portals, works unchanged."""

from __future__ import annotations

import asyncio
import logging

import pytest

fast_bitrix24 = pytest.importorskip("fast_bitrix24")


@pytest.fixture
def quiet_fast_bitrix24():
    """Its log quiet, and a loop for its synchronous calls: it runs them on the thread's
    current loop, or makes one that nobody closes."""
    logger = logging.getLogger("fast_bitrix24")
    level = logger.level
    logger.setLevel(logging.WARNING)
    loop = asyncio.new_event_loop()
    asyncio.set_event_loop(loop)
    yield
    asyncio.set_event_loop(None)
    loop.close()
    logger.setLevel(level)


def test_get_all_returns_exactly_total_distinct_leads(portal_factory, quiet_fast_bitrix24):
    lp = portal_factory(leads=10_000)
    bitrix = fast_bitrix24.Bitrix(lp.webhook, verbose=False)
    leads = bitrix.get_all("crm.lead.list", params={"select": ["ID", "TITLE"]})
    ids = {lead["ID"] for lead in leads}
    assert len(leads) == len(ids) == 10_000
    assert lp.portal.count_errors("QUERY_LIMIT_EXCEEDED") == 0


def test_call_batch_of_mixed_methods(portal_factory, quiet_fast_bitrix24):
    lp = portal_factory()
    bitrix = fast_bitrix24.Bitrix(lp.webhook, verbose=False)
    # fast-bitrix24 refuses call("batch"); call_batch is its way of sending one.
    result = bitrix.call_batch(
        {
            "halt": 0,
            "cmd": {
                "me": "user.current",
                "lead": "crm.lead.get?id=1",
                "chats": "imopenlines.crm.chat.get?CRM_ENTITY_TYPE=lead&CRM_ENTITY=1&ACTIVE_ONLY=N",
                "users": "user.search?FILTER[FIND]=а",
            },
        }
    )
    assert result["me"]["ID"] == "1"
    assert result["lead"]["ID"] == "1"
    assert len(result["chats"]) >= 2
    assert all("ID" in u for u in result["users"])


def test_get_by_id_packs_calls_into_batches(portal_factory, quiet_fast_bitrix24):
    lp = portal_factory(leads=120)
    bitrix = fast_bitrix24.Bitrix(lp.webhook, verbose=False)
    leads = bitrix.get_by_ID("crm.lead.get", list(range(1, 121)))
    assert len(leads) == 120
    requests = [r for r in lp.portal.wire_log if r.method == "batch"]
    assert 1 <= len(requests) <= 3
