"""The client: reads re-sent after failures, writes never when their outcome is unknown;
final states fail at once; long waits are announced and cancellable."""

from __future__ import annotations

import asyncio
import json
import threading
import time

import httpx
import pytest

from b24desk.api import B24Client, ClientOptions, WebhookAuth
from b24desk.api import coded_errors as ce
from b24desk.api import errors as e
from b24desk.api.events import RequestEvent, WaitNotice
from b24desk.api.types import CrmEntityType

from .helpers import client, lead_chats, lead_of, run, wire_methods

WEBHOOK = "https://portal.example.com/rest/1/abcdef123/"


def scripted(*answers: tuple[int, dict]) -> tuple[httpx.MockTransport, list[httpx.Request]]:
    """A transport giving `answers` in turn (the last one again when they run out)."""
    sent: list[httpx.Request] = []

    def handle(request: httpx.Request) -> httpx.Response:
        sent.append(request)
        status, body = answers[min(len(sent), len(answers)) - 1]
        return httpx.Response(status, json=body)

    return httpx.MockTransport(handle), sent


@pytest.mark.parametrize(
    ("status", "body", "cls"),
    [
        (
            500,
            {"error": "PORTAL_DELETED", "error_description": "Portal was deleted"},
            ce.PortalDeletedError,
        ),
        (403, {"error": "insufficient_scope", "error_description": ""}, ce.InsufficientScopeError),
        (
            401,
            {"error": "APPLICATION_NOT_FOUND", "error_description": ""},
            ce.ApplicationNotFoundError,
        ),
    ],
)
def test_a_final_state_fails_at_once_with_its_own_message(status, body, cls):
    transport, sent = scripted((status, body))

    async def scenario() -> e.B24Error:
        async with client(WEBHOOK, transport=transport) as c:
            with pytest.raises(e.B24Error) as raised:
                await c.call("crm.lead.list")
            return raised.value

    error = run(scenario())
    assert type(error) is cls
    assert len(sent) == 1, "a final state is not retried"
    assert error.user_message not in (ce.ServerError.user_message, e.ApiError.user_message)


def test_an_operating_time_wait_is_announced_and_stops_at_once_when_cancelled():
    limit = {"error": "OPERATION_TIME_LIMIT", "error_description": "Method is blocked"}
    transport, sent = scripted((429, limit), (200, {"result": []}))
    notices: list[WaitNotice] = []
    events: list[RequestEvent] = []

    async def scenario() -> float:
        async with client(WEBHOOK, transport=transport) as c:
            c.subscribe(notices.append, WaitNotice)
            c.subscribe(events.append)
            task = asyncio.create_task(c.call("crm.lead.list"))
            deadline = time.monotonic() + 5
            while not notices:
                assert time.monotonic() < deadline, "no WaitNotice"
                await asyncio.sleep(0.01)
            cancelled_at = time.monotonic()
            task.cancel()
            with pytest.raises(asyncio.CancelledError):
                await task
            return time.monotonic() - cancelled_at

    took = run(scenario())
    assert took < 0.5
    (notice,) = notices
    assert notice.method == "crm.lead.list"
    assert 50 < notice.until - time.time() <= 60  # the portal's one-minute bucket
    assert len(sent) == 1, "nothing was sent after the cancel"
    assert all(isinstance(ev, RequestEvent) for ev in events)


def test_a_short_operating_time_wait_is_not_announced():
    limit = {"error": "OPERATION_TIME_LIMIT", "error_description": "Method is blocked"}
    transport, sent = scripted((429, limit), (200, {"result": [1]}))
    notices: list[WaitNotice] = []

    async def scenario():
        async with client(WEBHOOK, transport=transport) as c:
            c.operating.refused = lambda method: time.time() + 0.05  # the portal's reset is near
            c.subscribe(notices.append, WaitNotice)
            return await c.call("crm.lead.list")

    assert run(scenario()) == [1]
    assert notices == [] and len(sent) == 2


def message_params(chat) -> dict:
    return {
        "CRM_ENTITY_TYPE": "lead",
        "CRM_ENTITY": lead_of(chat),
        "CHAT_ID": chat.id,
        "USER_ID": 1,
        "MESSAGE": "Добрый день! [b]Проверка[/b]",
    }


def admin_chat(lp):
    """A lead chat the admin (user 1) takes part in, so the admin may post there."""
    chat = lead_chats(lp)[0]
    if 1 not in chat.participants:
        chat.participants.append(1)
    return chat


@pytest.mark.parametrize("kind", ["500", "502", "html", "truncated", "drop"])
def test_reads_are_retried_after_server_and_network_failures(live_portal, kind):
    live_portal.portal.faults.inject(kind, method="crm.lead.list", times=2)
    events = []

    async def scenario():
        async with client(live_portal.webhook) as c:
            c.subscribe(events.append)
            return await c.call("crm.lead.list")

    assert len(run(scenario())) == 50
    assert wire_methods(live_portal) == ["crm.lead.list"] * 3
    assert [(ev.outcome, ev.retries) for ev in events] == [("ok", 2)]


def test_retries_give_up_after_max_retries(live_portal):
    live_portal.portal.faults.inject("500", times=10)

    async def scenario():
        async with client(live_portal.webhook, max_retries=3) as c:
            await c.call("scope")

    with pytest.raises(ce.ServerError):
        run(scenario())
    assert len(live_portal.portal.wire_log) == 4


def test_back_off_grows_exponentially_and_is_capped(live_portal):
    live_portal.portal.faults.inject("500", times=3)

    async def scenario() -> float:
        async with client(live_portal.webhook, backoff=0.05, max_backoff=0.1) as c:
            started = time.perf_counter()
            await c.call("scope")
            return time.perf_counter() - started

    # Waits of 0.05, 0.1, 0.1 (capped), each jittered down to no less than half.
    elapsed = run(scenario())
    assert 0.125 <= elapsed < 1.0


def test_a_write_refused_by_a_server_error_is_not_re_sent(live_portal):
    chat = admin_chat(live_portal)
    live_portal.portal.faults.inject("500", method="imopenlines.crm.message.add")

    async def scenario():
        async with client(live_portal.webhook) as c:
            await c.call("imopenlines.crm.message.add", message_params(chat))

    # A 500 cannot tell whether the portal ran the write before failing (issue 9.7).
    with pytest.raises(e.OutcomeUnknownError) as raised:
        run(scenario())
    assert isinstance(raised.value.__cause__, ce.ServerError)
    assert wire_methods(live_portal) == ["imopenlines.crm.message.add"]


def test_a_write_answered_500_after_it_ran_is_outcome_unknown_and_posted_once(live_portal):
    chat = admin_chat(live_portal)
    before = len(chat.messages)
    live_portal.portal.faults.inject("500after", method="imopenlines.crm.message.add")

    async def scenario():
        async with client(live_portal.webhook) as c:
            await c.call("imopenlines.crm.message.add", message_params(chat))

    with pytest.raises(e.OutcomeUnknownError):
        run(scenario())
    assert len(chat.messages) == before + 1
    assert wire_methods(live_portal) == ["imopenlines.crm.message.add"]


def test_timed_out_message_add_is_outcome_unknown_and_never_re_sent(portal_factory):
    lp = portal_factory(rate_limit=False, hang_seconds=2.0)
    chat = admin_chat(lp)
    before = len(chat.messages)
    lp.portal.faults.inject("hang", method="imopenlines.crm.message.add")
    events = []

    async def scenario():
        async with client(lp.webhook, read_timeout=0.3, max_retries=5) as c:
            c.subscribe(events.append)
            await c.call("imopenlines.crm.message.add", message_params(chat))

    with pytest.raises(e.OutcomeUnknownError) as caught:
        run(scenario())
    assert caught.value.method == "imopenlines.crm.message.add"
    assert "RequestTimeoutError" in caught.value.description
    assert wire_methods(lp) == ["imopenlines.crm.message.add"]
    # The portal did post it, exactly once: that is why the client must not send it again.
    assert len(chat.messages) == before + 1
    assert [(ev.outcome, ev.retries) for ev in events] == [("OutcomeUnknownError", 0)]


@pytest.mark.parametrize("kind", ["truncated", "drop"])
def test_lost_answers_to_writes_are_outcome_unknown(live_portal, kind):
    chat = admin_chat(live_portal)
    before = len(chat.messages)
    live_portal.portal.faults.inject(kind, method="imopenlines.crm.message.add")

    async def scenario():
        async with client(live_portal.webhook) as c:
            await c.call("imopenlines.crm.message.add", message_params(chat))

    with pytest.raises(e.OutcomeUnknownError):
        run(scenario())
    assert wire_methods(live_portal) == ["imopenlines.crm.message.add"]
    assert len(chat.messages) == before + 1


def test_a_batch_with_a_write_is_not_re_sent_either(live_portal):
    chat = admin_chat(live_portal)
    live_portal.portal.faults.inject("truncated", method="batch")

    async def scenario():
        async with client(live_portal.webhook) as c:
            await c.batch(
                {
                    "last": (
                        "imopenlines.crm.chat.getLastId",
                        {"CRM_ENTITY_TYPE": "lead", "CRM_ENTITY": lead_of(chat)},
                    ),
                    "post": ("imopenlines.crm.message.add", message_params(chat)),
                }
            )

    with pytest.raises(e.OutcomeUnknownError):
        run(scenario())
    assert wire_methods(live_portal) == ["batch"]


def test_a_rate_limited_write_is_retried_because_the_portal_never_ran_it(portal_factory):
    lp = portal_factory(rate=20, burst=1)
    chat = admin_chat(lp)
    before = len(chat.messages)

    async def scenario():
        # The client believes in a deep bucket, so the portal has to refuse some calls.
        async with client(lp.webhook, rate=1000, burst=1000) as c:
            for n in range(4):
                await c.call(
                    "imopenlines.crm.message.add", {**message_params(chat), "MESSAGE": f"m{n}"}
                )

    run(scenario())
    assert lp.portal.count_errors("QUERY_LIMIT_EXCEEDED") >= 1
    assert [m.text for m in chat.messages[before:]] == ["m0", "m1", "m2", "m3"]


def test_connect_errors_are_retried_for_writes_too():
    """Nothing was sent when the connection failed, so even a write may go again."""
    attempts = []

    def answer(request: httpx.Request) -> httpx.Response:
        attempts.append(json.loads(request.content))
        if len(attempts) == 1:
            raise httpx.ConnectError("connection refused", request=request)
        return httpx.Response(200, json={"result": 42, "time": {}})

    async def scenario():
        options = ClientOptions(backoff=0.01)
        auth = WebhookAuth("https://demo.bitrix24.example/rest/1/abc/")
        async with B24Client(auth, options, transport=httpx.MockTransport(answer)) as c:
            return await c.call("imopenlines.crm.message.add", {"MESSAGE": "x"})

    assert run(scenario()) == 42
    assert len(attempts) == 2


def test_typed_send_message_returns_the_message_id(live_portal):
    from b24desk.api import openlines

    chat = admin_chat(live_portal)

    async def scenario():
        async with client(live_portal.webhook) as c:
            return await openlines.send_message(
                c, CrmEntityType.LEAD, lead_of(chat), chat.id, 1, "hello"
            )

    message_id = run(scenario())
    assert chat.messages[-1].id == message_id


def test_requests_are_json_posts_with_our_user_agent():
    seen: list[httpx.Request] = []

    def answer(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(200, json={"result": ["crm"], "time": {}})

    async def scenario():
        auth = WebhookAuth("https://demo.bitrix24.example/rest/1/abc/")
        async with B24Client(auth, transport=httpx.MockTransport(answer)) as c:
            await c.call("scope", {"full": True})

    run(scenario())
    from b24desk import __version__

    (request,) = seen
    assert request.method == "POST"
    assert str(request.url) == "https://demo.bitrix24.example/rest/1/abc/scope"
    assert request.headers["User-Agent"] == f"b24desk/{__version__}"
    assert request.headers["Content-Type"] == "application/json"
    assert json.loads(request.content) == {"full": True}


@pytest.mark.parametrize(("size", "off_loop"), [(1_000, False), (3_000_000, True)])
def test_a_multi_megabyte_answer_is_decoded_off_the_event_loop(monkeypatch, size, off_loop):
    """A 1 MB message arrives as several MB of JSON: decoding it on the loop froze the window."""
    from b24desk.api import client as client_module

    threads: list[bool] = []
    decode = client_module.decode_body

    def watched(method, response):
        threads.append(threading.current_thread() is threading.main_thread())
        return decode(method, response)

    monkeypatch.setattr(client_module, "decode_body", watched)
    transport, _ = scripted((200, {"result": "ю" * size}))

    async def scenario() -> str:
        async with client(WEBHOOK, transport=transport) as c:
            return await c.call("server.time")

    assert len(run(scenario())) == size
    assert threads == [not off_loop]


def test_a_listener_unsubscribed_twice_stays_gone_and_others_keep_hearing(live_portal):
    # The window's request log and the closing session may both unsubscribe one listener.
    async def scenario():
        async with B24Client(WebhookAuth(live_portal.webhook)) as c:
            mine, theirs = [], []
            unsubscribe = c.subscribe(mine.append)
            c.subscribe(theirs.append)
            unsubscribe()
            unsubscribe()
            await c.call("server.time")
            return mine, theirs

    mine, theirs = asyncio.run(scenario())
    assert mine == [] and len(theirs) == 1
