"""The live poller against the loopback portal: each event once, across restarts, faults and
token refreshes; the backlog of a first start skipped; the budget; a chat the supervisor is
not in; a second reader of the same user's events."""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Awaitable, Callable
from concurrent.futures import ThreadPoolExecutor
from typing import Any

from b24desk.api import B24Client, ClientOptions, OAuthAuth, OAuthTokens, WebhookAuth, live
from b24desk.api.auth import Auth
from b24desk.api.live_types import ImEventType
from b24desk.desk.live import EVENTS_PER_TICK, LivePoller, LiveUpdate, OffsetFile, Pacing
from b24desk.portal.methods.chat_access import now
from tests.api.helpers import oauth_for
from tests.helpers.chats import ADMIN, active_lead_chat_with_admin, without_admin
from tests.helpers.waiting import wait_until

FAST = ClientOptions(rate=10_000, burst=10_000, read_timeout=5, max_retries=0)
QUICK = Pacing(
    active_every=0.05, idle_every=0.2, most_per_minute=1200, slowest_every=0.4, foreign_after=0.6
)


def said(updates: list[LiveUpdate]) -> list[str]:
    return [
        e.text or ""
        for u in updates
        for e in u.events
        if e.type is ImEventType.MESSAGE_ADD and e.text is not None
    ]


def post(lp: Any, chat: Any, text: str) -> None:
    lp.state.add_message(chat, chat.customer_id, text, now(lp.state))


def oauth_with(lp: Any, app: OAuthAuth, tokens: OAuthTokens) -> OAuthAuth:
    """The same application signed in with `tokens` (as kept in the secret store)."""
    return OAuthAuth(
        f"{lp.base_url}/rest/",
        app.client_id,
        lp.state.oauth_apps[app.client_id].client_secret,
        OAuthTokens(tokens.access_token, tokens.refresh_token),
        token_url=app.token_url,
    )


async def with_poller(
    lp: Any,
    offsets: OffsetFile,
    work: Callable[[LivePoller, list[LiveUpdate]], Awaitable[None]],
    pacing: Pacing = QUICK,
    *,
    auth: Auth | None = None,
) -> LivePoller:
    """Run a poller on `offsets` while `work` goes on (as the admin's webhook unless `auth`
    says otherwise); stop it afterwards."""
    async with B24Client(auth or WebhookAuth(lp.webhook), FAST) as client:
        poller = LivePoller(client, offsets, pacing=pacing)
        updates: list[LiveUpdate] = []
        poller.listen(updates.append)
        task = asyncio.create_task(poller.run())
        try:
            await work(poller, updates)
        finally:
            task.cancel()
            await asyncio.gather(task, return_exceptions=True)
            await offsets.flush()  # as a closing session does
    return poller


def test_each_message_once_across_a_restart_and_the_backlog_of_a_first_start_skipped(
    live_portal, tmp_path
):
    lp = live_portal
    chat = active_lead_chat_with_admin(lp.state)
    offsets = OffsetFile(tmp_path / "live" / "offset.json")
    seen: list[str] = []

    async def first(poller: LivePoller, updates: list[LiveUpdate]) -> None:
        await wait_until(lambda: offsets.load() is not None, what="the first start")
        post(lp, chat, "one")
        post(lp, chat, "two")
        await wait_until(lambda: said(updates) == ["one", "two"], what="two messages")
        seen.extend(said(updates))

    async def scenario() -> list[str]:
        # Recorded before any b24desk ran: a first start takes it for old news.
        async with B24Client(WebhookAuth(lp.webhook), FAST) as client:
            await live.subscribe(client)
        post(lp, chat, "before the first start")
        await with_poller(lp, offsets, first)
        post(lp, chat, "while closed")

        async def second(poller: LivePoller, updates: list[LiveUpdate]) -> None:
            await wait_until(lambda: "while closed" in said(updates), what="the missed message")
            post(lp, chat, "three")
            await wait_until(lambda: "three" in said(updates), what="a new message")
            await asyncio.sleep(QUICK.active_every * 4)  # a few more ticks: no repeats
            seen.extend(said(updates))

        await with_poller(lp, offsets, second)
        return seen

    assert asyncio.run(scenario()) == ["one", "two", "while closed", "three"]


def test_a_window_closed_as_the_offset_is_saved_does_not_bring_the_message_back(
    live_portal, tmp_path
):
    # The save was awaited inside the poller's task: cancelled there while the worker thread
    # was busy, it never ran, and the next start showed the message again.
    lp = live_portal
    chat = active_lead_chat_with_admin(lp.state)
    offsets = OffsetFile(tmp_path / "live" / "offset.json")

    async def scenario() -> list[str]:
        loop = asyncio.get_running_loop()
        loop.set_default_executor(ThreadPoolExecutor(max_workers=1))
        release = threading.Event()
        async with B24Client(WebhookAuth(lp.webhook), FAST) as client:
            poller = LivePoller(client, offsets, pacing=QUICK)
            task = asyncio.create_task(poller.run())
            await wait_until(lambda: offsets.load() is not None, what="the first start")

            def close_window_on_news(update: LiveUpdate) -> None:
                if said([update]):
                    loop.run_in_executor(None, release.wait)  # the worker thread is busy
                    task.cancel()

            poller.listen(close_window_on_news)
            post(lp, chat, "one")
            await asyncio.gather(task, return_exceptions=True)
            release.set()
            await offsets.flush()  # as the closing session does

        shown: list[str] = []

        async def next_start(poller: LivePoller, updates: list[LiveUpdate]) -> None:
            post(lp, chat, "two")
            await wait_until(lambda: "two" in said(updates), what="the next message")
            shown.extend(said(updates))

        await with_poller(lp, offsets, next_start)
        return shown

    assert asyncio.run(scenario()) == ["two"]


def test_a_failing_portal_loses_nothing_and_the_poller_slows_down(portal_factory, tmp_path):
    lp = portal_factory(rate_limit=False)
    chat = active_lead_chat_with_admin(lp.state)
    offsets = OffsetFile(tmp_path / "offset.json")

    async def work(poller: LivePoller, updates: list[LiveUpdate]) -> None:
        await wait_until(lambda: offsets.load() is not None, what="the first start")
        lp.portal.faults.rate = 1.0  # every request fails: the network is gone
        post(lp, chat, "during the outage")
        await wait_until(lambda: poller.status.failing, what="failures noticed")
        assert poller.every() > QUICK.active_every
        lp.portal.faults.rate = 0.0
        await wait_until(lambda: "during the outage" in said(updates), what="delivery")
        assert not poller.status.failing

    asyncio.run(with_poller(lp, offsets, work))


def test_ticks_keep_within_the_budget_however_often_the_window_wakes_the_poller(
    live_portal, tmp_path
):
    # 10 a second at most, however often it is woken (the default is 15 a minute).
    pacing = Pacing(active_every=0.01, idle_every=0.5, most_per_minute=600, slowest_every=1)

    async def work(poller: LivePoller, updates: list[LiveUpdate]) -> None:
        await wait_until(lambda: poller.requests >= 2, what="started")
        start = poller.requests
        for _ in range(100):  # the window pokes it: new chat on show, active again...
            poller.watch(None, member=True)
            poller.set_active(False)
            poller.set_active(True)
            await asyncio.sleep(0.01)
        assert poller.requests - start <= 12  # 1 s of work: 10, and a tick already due
        poller.set_active(False)  # hidden: a tick per 0.5 s
        await asyncio.sleep(0.1)
        start = poller.requests
        await asyncio.sleep(1.0)
        assert poller.requests - start <= 3

    asyncio.run(with_poller(live_portal, OffsetFile(tmp_path / "o.json"), work, pacing))


def test_a_chat_the_supervisor_is_not_in_is_read_with_each_tick(live_portal, tmp_path):
    lp = live_portal
    chat = without_admin(active_lead_chat_with_admin(lp.state))

    async def work(poller: LivePoller, updates: list[LiveUpdate]) -> None:
        poller.watch(chat.id, member=False)
        await wait_until(
            lambda: any(u.open_chat is not None for u in updates), what="the open chat read"
        )
        before = [u.open_chat for u in updates if u.open_chat is not None][-1].last_message_id
        post(lp, chat, "to somebody else's chat")
        await wait_until(
            lambda: (
                updates[-1].open_chat is not None and updates[-1].open_chat.last_message_id > before
            ),
            what="the new message seen",
        )
        assert "to somebody else's chat" not in said(updates)  # no events: not a member

    asyncio.run(with_poller(lp, OffsetFile(tmp_path / "o.json"), work))


def test_another_application_reading_the_same_users_events_is_noticed(live_portal, tmp_path):
    lp = live_portal
    chat = active_lead_chat_with_admin(lp.state)
    # Slow ticks, so the other application surely reads first.
    pacing = Pacing(active_every=1.0, most_per_minute=600, slowest_every=1, foreign_after=0.5)

    async def work(poller: LivePoller, updates: list[LiveUpdate]) -> None:
        await wait_until(lambda: updates, what="the first tick")  # the next is a second away
        async with B24Client(WebhookAuth(lp.webhook), FAST) as other:
            message = lp.state.add_message(chat, 1, "ours", now(lp.state))
            poller.expect(message.id)
            # The other application reads first, and its offset confirms ours away.
            page = await live.events(other)
            await live.events(other, page.next_offset)
        await wait_until(lambda: poller.status.foreign_reader, what="the other reader noticed")
        assert "ours" not in said(updates)
        mine = lp.state.add_message(chat, 1, "mine again", now(lp.state))
        poller.expect(mine.id)
        await wait_until(lambda: not poller.status.foreign_reader, what="back to normal")

    asyncio.run(with_poller(lp, OffsetFile(tmp_path / "o.json"), work, pacing))


def test_an_unreadable_offset_file_is_set_aside_not_erased(tmp_path):
    path = tmp_path / "offset.json"
    path.write_text('{"offset": "lots"}')
    assert OffsetFile(path).load() is None
    assert not path.exists()
    assert [p.read_text() for p in tmp_path.iterdir()] == ['{"offset": "lots"}']


def test_a_surprise_in_one_tick_does_not_end_live_updates(live_portal, tmp_path, monkeypatch):
    lp = live_portal
    chat = active_lead_chat_with_admin(lp.state)
    real_tick, surprises = live.tick, []

    async def surprising_tick(*args: Any, **kwargs: Any) -> Any:
        if not surprises:
            surprises.append(1)
            raise AssertionError("a transport's own assertion")
        return await real_tick(*args, **kwargs)

    monkeypatch.setattr(live, "tick", surprising_tick)

    async def work(poller: LivePoller, updates: list[LiveUpdate]) -> None:
        await wait_until(lambda: surprises, what="the surprise")
        post(lp, chat, "after the surprise")
        await wait_until(lambda: "after the surprise" in said(updates), what="still live")

    asyncio.run(with_poller(lp, OffsetFile(tmp_path / "o.json"), work))


def test_the_listed_chats_dialogues_come_with_each_tick_in_its_one_request(live_portal, tmp_path):
    lp = live_portal
    chats = [without_admin(c) for c in lp.state.chats.values() if c.is_lines and c.active][:2]
    first, second = chats
    taker = ADMIN if first.owner_id != ADMIN else second.owner_id

    async def work(poller: LivePoller, updates: list[LiveUpdate]) -> None:
        poller.watch(None, member=True, listed=[first.id, second.id])
        await wait_until(lambda: updates and len(updates[-1].dialogs) == 2, what="both read")
        seen = len(lp.portal.wire_log)
        first.owner_id = taker  # another operator takes the first chat
        post(lp, second, "a customer writes in the second")
        await wait_until(
            lambda: (
                updates[-1].dialogs[first.id].owner_id == taker
                and updates[-1].dialogs[second.id].last_message_id == second.messages[-1].id
            ),
            what="both changes seen",
        )
        # One batch a tick, whatever the number of chats listed.
        assert {r.method for r in list(lp.portal.wire_log)[seen:]} == {"batch"}

    asyncio.run(with_poller(lp, OffsetFile(tmp_path / "o.json"), work))


def test_an_oauth_token_refresh_loses_and_repeats_nothing(live_portal, tmp_path):
    """The token expires between ticks (more than a page of news waiting), and again while
    b24desk is closed: the refreshed token reads on from the kept offset."""
    lp = live_portal
    chat = active_lead_chat_with_admin(lp.state)
    offsets = OffsetFile(tmp_path / "offset.json")
    stored: list[OAuthTokens] = []
    auth = oauth_for(lp, on_tokens=stored.append)
    many = [f"while the token was dead {n}" for n in range(EVENTS_PER_TICK + 20)]
    seen: list[str] = []

    async def first(poller: LivePoller, updates: list[LiveUpdate]) -> None:
        await wait_until(lambda: offsets.load() is not None, what="the first start")
        post(lp, chat, "before")
        await wait_until(lambda: said(updates) == ["before"], what="the first message")
        lp.portal.expire_access_tokens()  # no await before the posts: the next tick meets it
        for text in many:
            post(lp, chat, text)
        await wait_until(lambda: len(said(updates)) >= 1 + len(many), what="the backlog")
        await asyncio.sleep(QUICK.active_every * 4)  # a few more ticks: no repeats
        seen.extend(said(updates))

    async def second(poller: LivePoller, updates: list[LiveUpdate]) -> None:
        await wait_until(lambda: "while closed" in said(updates), what="the missed message")
        await asyncio.sleep(QUICK.active_every * 4)
        seen.extend(said(updates))

    async def scenario() -> None:
        await with_poller(lp, offsets, first, auth=auth)
        assert auth.refreshes == 1 and len(stored) == 1
        post(lp, chat, "while closed")
        lp.portal.expire_access_tokens()
        # Started again with the tokens it stored, as the app does from the secret store.
        again = oauth_with(lp, auth, stored[-1])
        await with_poller(lp, offsets, second, auth=again)
        assert again.refreshes == 1

    asyncio.run(scenario())
    assert seen == ["before", *many, "while closed"]


def test_a_wake_up_that_lands_with_the_cancel_does_not_keep_the_poller_alive(live_portal, tmp_path):
    """Closing the window cancels the poller; the chat switch just before it woke the
    poller. The cancel must win (a poller that outlives its session holds the shutdown)."""
    slow = Pacing(active_every=30, idle_every=30, most_per_minute=600, slowest_every=60)

    async def scenario() -> bool:
        async with B24Client(WebhookAuth(live_portal.webhook), FAST) as client:
            poller = LivePoller(client, OffsetFile(tmp_path / "o.json"), pacing=slow)
            task = asyncio.create_task(poller.run())
            await wait_until(lambda: poller.status.last_tick is not None, what="the first tick")
            await asyncio.sleep(0.05)  # now in its 30 s pause
            poller.watch(12345, member=False)  # a wake-up...
            task.cancel()  # ...and the cancel, in the same step
            done, _ = await asyncio.wait({task}, timeout=2)
            if not done:
                task.cancel()
                await asyncio.gather(task, return_exceptions=True)
            return bool(done) and task.cancelled()

    assert asyncio.run(scenario())
