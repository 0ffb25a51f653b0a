"""Typed live-update calls against the demo portal: im.v2 events, dialog messages, recent
Open Lines chats, counters, and a poll tick as one batch."""

from __future__ import annotations

import asyncio
import time
from datetime import datetime, timedelta

import httpx
import pytest

from b24desk.api import ImEventType, live
from b24desk.api.errors import ProtocolError
from b24desk.demo import open_demo
from b24desk.portal import Portal, PortalConfig
from b24desk.portal.methods.chat_access import now
from b24desk.portal.state import CrmType

from .helpers import client, run, wire_methods

ADMIN = 1


def _admin_chat(lp):
    return next(
        c
        for c in lp.state.chats.values()
        if c.is_lines and c.active and ADMIN in c.participants and c.crm.get(CrmType.LEAD)
    )


def test_subscribe_then_read_typed_events_and_confirm_them(live_portal):
    state, chat = live_portal.state, _admin_chat(live_portal)

    async def scenario():
        async with client(live_portal.webhook) as c:
            assert await live.subscribe(c) is True
            said = state.add_message(chat, chat.customer_id, "[b]Где[/b] заказ?", now(state))
            state.react(said, ADMIN)
            state.delete_message(said)
            page = await live.events(c)
            again = await live.events(c, page.next_offset)
            assert await live.unsubscribe(c) is True
            return said, page, again

    said, page, again = run(scenario())
    add, reaction, delete = page.events
    assert add.type is ImEventType.MESSAGE_ADD and add.type_name == "ONIMV2MESSAGEADD"
    assert add.chat_id == chat.id and add.dialog_id == f"chat{chat.id}"
    assert add.is_open_lines and add.chat_entity_id == chat.entity_id
    assert add.crm.lead == chat.crm[CrmType.LEAD]
    assert add.session_id == chat.current_session.id
    assert (add.message_id, add.author_id, add.text) == (said.id, chat.customer_id, said.text)
    assert add.user.id == chat.customer_id and add.user.is_customer
    assert add.date == datetime.fromisoformat(said.date)
    assert reaction.reaction == "like" and reaction.reaction_added is True
    assert reaction.user.id == ADMIN
    assert delete.type is ImEventType.MESSAGE_DELETE and delete.message_id == said.id
    assert delete.text is None and delete.author_id is None
    assert page.next_offset == delete.event_id + 1 and page.has_more is False
    assert again.events == () and again.next_offset == page.next_offset


def test_join_events_name_the_newcomer(live_portal):
    state, chat = live_portal.state, _admin_chat(live_portal)
    newcomer = next(u for u in (5, 8, 10, 11, 13, 14, 17) if u not in chat.participants)

    async def scenario():
        async with client(live_portal.webhook) as c:
            await live.subscribe(c)
            state.add_participant(chat, newcomer)
            return await live.events(c, limit=1)

    [join] = run(scenario()).events
    assert join.type is ImEventType.JOIN_CHAT and join.user.id == newcomer
    assert join.message_id is None and join.chat_id == chat.id


def test_argument_checks_before_any_request():
    with pytest.raises(ValueError):
        live.events_command(limit=0)
    with pytest.raises(ValueError):
        live.events_command(limit=1001)
    with pytest.raises(ValueError):
        live.dialog_messages_command(1, limit=51)
    with pytest.raises(ValueError):
        live.recent_command(since=datetime(2026, 1, 1))  # no UTC offset


def test_dialog_messages_oldest_first_with_unread_marks(live_portal):
    state, chat = live_portal.state, _admin_chat(live_portal)
    watermark = chat.messages[-1].id

    async def scenario():
        async with client(live_portal.webhook) as c:
            newest = await live.dialog_messages(c, chat.id, limit=3)
            state.add_message(chat, chat.customer_id, "one", now(state))
            state.add_message(chat, chat.customer_id, "two", now(state))
            after = await live.dialog_messages(c, chat.id, first_id=watermark)
            return newest, after

    newest, after = run(scenario())
    assert [m.id for m in newest.messages] == [m.id for m in chat.messages[-5:-2]]
    assert newest.chat_id == chat.id and not newest.unread_ids
    assert [m.text for m in after.messages] == ["one", "two"]
    assert after.unread_ids == {m.id for m in after.messages}
    assert set(after.users) == {chat.customer_id}


def test_recent_open_lines_since_and_counters(live_portal):
    state, chat = live_portal.state, _admin_chat(live_portal)
    moment = datetime.fromisoformat(now(state))

    async def scenario():
        async with client(live_portal.webhook) as c:
            before = await live.counters(c)
            state.add_message(chat, chat.customer_id, "hello\nagain", moment.isoformat())
            recent = await live.recent_openlines(c, since=moment - timedelta(seconds=1))
            return before, recent, await live.counters(c)

    before, recent, after = run(scenario())
    assert before.total == 0 and dict(before.lines_chats) == {}
    [item] = recent
    assert item.chat_id == chat.id and item.dialog_id == f"chat{chat.id}" and item.is_open_lines
    assert item.counter == 1 and item.session_id == chat.current_session.id
    assert item.last_message.text == "hello again" and item.date_update == moment
    assert item.crm.lead == chat.crm[CrmType.LEAD]
    assert after.lines == after.total == 1 and dict(after.lines_chats) == {chat.id: 1}


def test_a_poll_tick_is_one_batch_request(live_portal):
    state, chat = live_portal.state, _admin_chat(live_portal)

    async def scenario():
        async with client(live_portal.webhook) as c:
            await live.subscribe(c)
            state.add_message(chat, chat.customer_id, "tick", now(state))
            live_portal.portal.wire_log.clear()
            pane = live.dialog_messages_command(chat.id, limit=5)
            return await live.tick(c, 0, with_recent=True, extra={"pane": pane})

    result = run(scenario())
    assert wire_methods(live_portal) == ["batch"]
    assert [e.text for e in result.events.events] == ["tick"]
    assert result.counters.lines == 1 and result.recent[0].chat_id == chat.id
    assert result.batch.value("pane").messages[-1].text == "tick"
    with pytest.raises(ValueError):
        live.tick_commands(0, extra={"events": live.counters_command()})


def test_a_failing_part_of_a_tick_leaves_the_others(live_portal):
    async def scenario():
        async with client(live_portal.webhook) as c:
            bad = live.dialog_messages_command(10**8)
            return await live.tick(c, None, extra={"pane": bad})

    result = run(scenario())
    assert result.events is not None and result.counters is not None
    assert result.batch.errors["pane"].code == "ACCESS_ERROR"


@pytest.mark.parametrize(
    "answer",
    [
        {"result": "events"},
        {"result": {"events": [{"eventId": 3, "type": "ONIMV2MESSAGEADD"}]}},  # no nextOffset
        {"result": 7},
    ],
)
def test_crafted_event_answers_are_protocol_errors(answer):
    transport = httpx.MockTransport(lambda request: httpx.Response(200, json=answer))

    async def scenario():
        async with client("https://x.bitrix24.com/rest/1/code/", transport=transport) as c:
            await live.events(c, 1)

    with pytest.raises(ProtocolError):
        run(scenario())


def test_odd_but_readable_events_parse():
    page = live.parse_event_page(
        {
            "events": {"0": {"eventId": "9", "type": "onImV2Something", "data": []}},
            "nextOffset": "10",
            "hasMore": "N",
        }
    )
    [event] = page.events
    assert event.type is ImEventType.OTHER and event.type_name == "onImV2Something"
    assert event.event_id == 9 and event.chat_id is None and event.user is None
    assert page.next_offset == 10 and page.has_more is False


def test_the_demo_opens_live_and_its_events_reach_the_client():
    portal = Portal(PortalConfig(leads=40, deals=10, contacts=20, companies=5, live_rate=6000))

    async def scenario():
        c, stop = await open_demo(portal)
        try:
            await live.subscribe(c)
            seen: list = []
            deadline = time.monotonic() + 20
            while not seen:
                assert time.monotonic() < deadline, "no live events reached the client"
                await asyncio.sleep(0.05)
                seen.extend((await live.events(c, limit=10)).events)
        finally:
            await stop()
        return seen

    assert run(scenario())[0].type is not ImEventType.OTHER
