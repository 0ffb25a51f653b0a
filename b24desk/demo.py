"""The built-in demo portal for `b24desk --demo`: app wiring, the one place outside tests
that starts `portal/`. It is seeded off the GUI thread and served on a thread of its own."""

from __future__ import annotations

import importlib
from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from b24desk.api import B24Client
    from b24desk.portal import Portal

# Never dialled: requests reach the in-process portal through its transport.
DEMO_BASE_URL = "http://localhost"
# Live mode of the demo: a few customer and operator actions a minute, gentle enough to
# read along and to stay far inside the request budget.
DEMO_LIVE_RATE = 4.0


async def open_demo(
    portal: Portal | None = None, *, live_rate: float = DEMO_LIVE_RATE
) -> tuple[B24Client, Callable[[], Awaitable[None]]]:
    """A client talking to an in-process demo portal (a fresh one with live mode at
    `live_rate` actions a minute, 0 = still, unless given), and the call that stops both."""
    import asyncio  # here: the app imports this module before its window paints

    if portal is None:
        # Loading the portal's modules and seeding it take a noticeable moment: never on the
        # GUI thread.
        portal = await asyncio.to_thread(_fresh_portal, live_rate)
    # Here, not at the top: the app imports this module before its window paints. Loaded by
    # now (by `_fresh_portal`, or by whoever built `portal`), so these are look-ups.
    from b24desk.api import B24Client, ClientOptions, WebhookAuth
    from b24desk.portal.inprocess import PortalThread

    portal.base_url = DEMO_BASE_URL
    thread = PortalThread(portal)
    config = portal.config
    # Match the portal's bucket, as a real profile matches its plan.
    options = ClientOptions(rate=config.rate, burst=config.burst)
    client = B24Client(WebhookAuth(portal.webhook_urls()[0]), options, transport=thread.transport())

    async def stop() -> None:
        await client.aclose()
        await asyncio.to_thread(thread.stop)

    return client, stop


def _fresh_portal(live_rate: float) -> Portal:
    """On a worker thread: the portal's and the client's modules (httpx) load here, then the
    portal is seeded."""
    from b24desk.portal import Portal, PortalConfig

    for module in ("b24desk.api.client", "b24desk.portal.inprocess"):
        importlib.import_module(module)

    return Portal(PortalConfig(live_rate=live_rate), base_url=DEMO_BASE_URL)
