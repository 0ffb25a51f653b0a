"""One loopback HTTP server for the whole run, switched to each test's freshly seeded portal."""

from __future__ import annotations

from typing import Any

from b24desk.portal import Portal, PortalConfig
from b24desk.portal.server import PortalServer


class PortalSwitch:
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


def make_portal(server: PortalServer, switch: PortalSwitch, **knobs: Any) -> LivePortal:
    config = PortalConfig(**knobs)
    portal = Portal(config, base_url=server.base_url)
    switch.portal = portal
    return LivePortal(portal, server.base_url)
