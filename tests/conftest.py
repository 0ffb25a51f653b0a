"""Shared fixtures: one loopback HTTP server, a fresh demo portal behind it for each test."""

from __future__ import annotations

import gc
import os
from collections.abc import Iterator

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from b24desk.portal import Portal, PortalConfig
from b24desk.portal.server import PortalServer
from tests.helpers.portal import LivePortal, PortalSwitch, make_portal


def pytest_collection_finish(session: pytest.Session) -> None:
    """What collection loaded (modules, classes, Qt's wrappers) lives as long as the run: it is
    frozen, so the full collection after each GUI test walks only what the tests made since."""
    gc.collect()
    gc.freeze()


@pytest.fixture(scope="session")
def _portal_server() -> Iterator[tuple[PortalServer, PortalSwitch]]:
    switch = PortalSwitch()
    # A bootstrap portal only gives the server its URL; each test installs its own.
    bootstrap = Portal(PortalConfig(leads=10, deals=5, contacts=5, companies=5))
    with PortalServer(bootstrap, app=switch) as server:
        yield server, switch


@pytest.fixture
def live_portal(_portal_server: tuple[PortalServer, PortalSwitch]) -> LivePortal:
    """A freshly seeded portal on loopback, rate limit off so tests run at full speed."""
    server, switch = _portal_server
    return make_portal(server, switch, rate_limit=False)


@pytest.fixture
def portal_factory(_portal_server: tuple[PortalServer, PortalSwitch]):
    """Build a portal with knobs: `portal_factory(rate=2, burst=5, latency_ms=10)`."""
    server, switch = _portal_server
    return lambda **knobs: make_portal(server, switch, **knobs)
