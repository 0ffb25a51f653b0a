"""One connection session: opening, its status, and closing with its work."""

from __future__ import annotations

import asyncio

import pytest

from b24desk.api import B24Client, ClientOptions, WebhookAuth
from b24desk.api.types import CrmEntityType, CrmRef
from b24desk.desk.connect import DEMO_PROFILE, Connections
from b24desk.desk.drafts import Drafts
from b24desk.desk.outbox import Outbox

FAST = ClientOptions(rate=10_000, burst=10_000, read_timeout=5)


def connections(lp, tmp_path, stopped: list[str]) -> Connections:
    async def demo():
        client = B24Client(WebhookAuth(lp.webhook), FAST)

        async def stop():
            await client.aclose()
            stopped.append("demo")

        return client, stop

    return Connections(
        lambda: {},
        secrets=None,  # type: ignore[arg-type] - the demo needs no secrets
        outbox=Outbox(tmp_path / "outbox.json"),
        drafts=Drafts(tmp_path / "drafts.json"),
        demo=demo,
    )


def test_closing_a_session_cancels_its_work_before_the_connection_closes(portal_factory, tmp_path):
    lp = portal_factory(rate_limit=False, latency_ms=2000)
    stopped: list[str] = []

    async def scenario():
        lp.config.latency_ms = 0
        session = await connections(lp, tmp_path, stopped).open(DEMO_PROFILE)
        assert session.status().user_name == session.desk.me.full_name
        lp.config.latency_ms = 2000
        slow = session.scope.spawn(session.desk.open_entity(CrmRef(CrmEntityType.LEAD, 1)))
        await asyncio.sleep(0.05)
        await session.close()
        assert slow.cancelled()
        with pytest.raises(RuntimeError):
            session.scope.spawn(session.desk.open_entity(CrmRef(CrmEntityType.LEAD, 1)))
        await session.close()  # twice is harmless
        return session

    asyncio.run(scenario())
    assert stopped == ["demo"]


def test_a_failed_connect_closes_what_it_opened(portal_factory, tmp_path):
    lp = portal_factory(rate_limit=False)
    stopped: list[str] = []
    lp.portal.faults.inject("500", method="user.current", times=10)

    async def scenario():
        with pytest.raises(Exception) as failure:
            await connections(lp, tmp_path, stopped).open(DEMO_PROFILE)
        return failure.value

    error = asyncio.run(scenario())
    assert stopped == ["demo"]
    assert getattr(error, "user_message", "")


def test_an_unknown_profile_is_refused(live_portal, tmp_path):
    async def scenario():
        with pytest.raises(KeyError):
            await connections(live_portal, tmp_path, []).open("nobody")

    asyncio.run(scenario())
