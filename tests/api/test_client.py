"""The client's handling of final states and long waits, against a scripted transport."""

from __future__ import annotations

import asyncio
import time

import httpx
import pytest

from b24desk.api import errors as e
from b24desk.api.events import RequestEvent, WaitNotice

from .helpers import client, run

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
            e.PortalDeletedError,
        ),
        (403, {"error": "insufficient_scope", "error_description": ""}, e.InsufficientScopeError),
        (
            401,
            {"error": "APPLICATION_NOT_FOUND", "error_description": ""},
            e.ApplicationNotFoundError,
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
    assert error.user_message not in (e.ServerError.user_message, e.ApiError.user_message)


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
