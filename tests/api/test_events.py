"""One event per call for the UI: method, outcome, retries, waits and bucket level."""

from __future__ import annotations

import pytest

from b24desk.api import coded_errors

from .helpers import client, run


def test_an_event_per_call(live_portal):
    events = []

    async def scenario():
        async with client(live_portal.webhook, rate=2, burst=50) as c:
            unsubscribe = c.subscribe(events.append)
            await c.call("crm.lead.list")
            await c.batch({"a": ("scope", {}), "b": ("user.current", {})})
            with pytest.raises(coded_errors.NotFoundError):
                await c.call("crm.lead.get", {"id": 99_999_999})
            unsubscribe()
            await c.call("scope")
            assert c.in_flight == 0

    run(scenario())
    assert [(ev.method, ev.outcome, ev.status, ev.commands) for ev in events] == [
        ("crm.lead.list", "ok", 200, 1),
        ("batch", "ok", 200, 2),
        ("crm.lead.get", "NotFoundError", 400, 1),
    ]
    assert events[-1].error_code == "" and not events[-1].ok
    assert all(ev.duration > 0 and ev.retries == 0 for ev in events)
    assert [round(ev.bucket_level) for ev in events] == [1, 2, 3]
