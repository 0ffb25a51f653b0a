"""Shared fixtures: one loopback HTTP server, a fresh demo portal behind it for each test."""

from __future__ import annotations

import os
from collections.abc import Iterator
from typing import Any

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from b24desk.portal import Portal, PortalConfig
from b24desk.portal.server import PortalServer


class _Switch:
    """An ASGI app forwarding to the current test's portal, so one server serves all tests."""

    def __init__(self) -> None:
        self.portal: Portal | None = None

    async def __call__(self, scope: dict[str, Any], receive: Any, send: Any) -> None:
        assert self.portal is not None, "no portal installed for this test"
        await self.portal(scope, receive, send)


class LivePortal:
    """What a test sees: the portal object (state, knobs) and its loopback URLs."""

    def __init__(self, portal: Portal, base_url: str) -> None:
        self.portal = portal
        self.base_url = base_url

    @property
    def state(self):
        return self.portal.state

    @property
    def config(self) -> PortalConfig:
        return self.portal.config

    @property
    def webhook(self) -> str:
        """The admin's webhook URL, ending with a slash."""
        return self.portal.webhook_urls()[0]

    def webhook_of(self, title_part: str) -> str:
        for hook in self.portal.state.webhooks.values():
            if title_part in hook.title:
                return f"{self.base_url}/rest/{hook.user_id}/{hook.code}/"
        raise KeyError(title_part)


@pytest.fixture(scope="session")
def _portal_server() -> Iterator[tuple[PortalServer, _Switch]]:
    switch = _Switch()
    # A bootstrap portal only gives the server its URL; each test installs its own.
    bootstrap = Portal(PortalConfig(leads=10, deals=5, contacts=5, companies=5))
    with PortalServer(bootstrap, app=switch) as server:
        yield server, switch


def make_portal(server: PortalServer, switch: _Switch, **knobs: Any) -> LivePortal:
    config = PortalConfig(**knobs)
    portal = Portal(config, base_url=server.base_url)
    switch.portal = portal
    return LivePortal(portal, server.base_url)


@pytest.fixture
def live_portal(_portal_server: tuple[PortalServer, _Switch]) -> LivePortal:
    """A freshly seeded portal on loopback, rate limit off so tests run at full speed."""
    server, switch = _portal_server
    return make_portal(server, switch, rate_limit=False)


@pytest.fixture
def portal_factory(_portal_server: tuple[PortalServer, _Switch]):
    """Build a portal with knobs: `portal_factory(rate=2, burst=5, latency_ms=10)`."""
    server, switch = _portal_server
    return lambda **knobs: make_portal(server, switch, **knobs)
