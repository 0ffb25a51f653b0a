"""Live mode: the same seed gives the same contact-centre day, and every step is an event."""

from __future__ import annotations

import asyncio
import itertools
from collections import Counter

from b24desk.portal import Portal, PortalConfig
from b24desk.portal.__main__ import config_from, parse_args
from b24desk.portal.live import WEIGHTS, LiveMode
from tests.helpers.waiting import wait_until

from .methods.rest import ok

SMALL = {"leads": 40, "deals": 10, "contacts": 20, "companies": 5}
ADMIN = 1


def _clock():
    """A fake clock: one second per reading, from a fixed moment."""
    ticks = itertools.count()

    def read() -> str:
        t = next(ticks)
        return f"2026-11-20T{12 + t // 3600:02d}:{t // 60 % 60:02d}:{t % 60:02d}+03:00"

    return read


def _day(seed: int, steps: int = 300) -> tuple[list[str], list[tuple[int, int, str]]]:
    state = Portal(PortalConfig(seed=seed, **SMALL)).state
    first_new = state.next_message_id
    live = LiveMode(state, seed=seed, rate=60, clock=_clock())
    actions = [live.step() for _ in range(steps)]
    said = [(m.chat_id, m.author_id, m.text) for i, m in state.messages.items() if i >= first_new]
    return actions, said


def test_the_same_seed_gives_the_same_day_and_another_seed_another():
    assert _day(7) == _day(7)
    assert _day(7) != _day(8)


def test_a_day_has_every_kind_of_action_and_keeps_the_rules():
    state = Portal(PortalConfig(seed=3, **SMALL)).state
    chats_before, users_before = len(state.chats), len(state.users)
    live = LiveMode(state, seed=3, rate=60, clock=_clock())
    done = Counter(live.step() for _ in range(600))
    assert set(done) == set(WEIGHTS), done
    assert len(state.chats) > chats_before and len(state.users) > users_before
    for chat in (c for c in state.chats.values() if c.is_lines):
        session = chat.current_session
        if chat.active:
            assert session.operator_id in chat.participants
        assert chat.customer_id in chat.participants
        for s in chat.sessions:
            assert all(state.messages[m].session_id == s.id for m in s.message_ids)
    # A customer with several chats talks only in the newest one.
    latest = {}
    for chat in (c for c in state.chats.values() if c.is_lines):
        key = next(((t, i) for t, i in chat.crm.items() if i), chat.customer_id)
        latest.setdefault(key, []).append(chat)
    assert all(sum(c.active for c in chats) <= 1 for chats in latest.values())


def test_what_live_mode_does_reaches_a_subscribed_desk(live_portal):
    state = live_portal.state
    ok(live_portal.webhook, "im.v2.Event.subscribe")
    live = LiveMode(state, seed=11, rate=60, clock=_clock())
    for _ in range(400):
        live.step()
    types, offset = Counter(), 0
    while True:
        page = ok(live_portal.webhook, "im.v2.Event.get", offset=offset, limit=1000)
        types.update(e["type"] for e in page["events"])
        offset = page["nextOffset"]
        if not page["hasMore"]:
            break
    assert {"ONIMV2MESSAGEADD", "ONIMV2JOINCHAT"} <= set(types), types
    lines = ok(live_portal.webhook, "im.counters.get")["TYPE"]["LINES"]
    assert lines > 0, "customers wrote into the admin's chats"


def test_run_steps_on_the_portals_loop_at_the_rate():
    portal = Portal(PortalConfig(live_rate=60_000.0, **SMALL))  # ~1 ms apart

    async def scenario() -> None:
        portal.start_live()
        portal.start_live()  # once only
        await wait_until(lambda: portal.live.steps >= 20, what="live steps")
        await portal.stop_live()
        steps = portal.live.steps
        await asyncio.sleep(0)
        assert portal.live.steps == steps, "stopped"

    asyncio.run(scenario())
    still = Portal(PortalConfig(**SMALL))
    assert still.live.rate == 0
    assert LiveMode(still.state, seed=1, rate=6).pause() > 0


def test_pauses_average_sixty_over_the_rate():
    live = LiveMode(Portal(PortalConfig(**SMALL)).state, seed=5, rate=6)
    mean = sum(live.pause() for _ in range(4000)) / 4000
    assert 9 < mean < 11


def test_the_command_line_knob():
    assert config_from(parse_args(["--live", "6", "--seed", "9"])).live_rate == 6.0
    assert config_from(parse_args([])).live_rate == 0.0
