"""One loopback HTTP server for the whole run, switched to each test's freshly seeded portal;
each seed is built once per run and copied for every portal that asks for it."""

from __future__ import annotations

import io
import itertools
import pickle
from typing import Any

import pytest

from b24desk.portal import Portal, PortalConfig
from b24desk.portal import app as portal_app
from b24desk.portal.rows import MISSING
from b24desk.portal.seed import build_state
from b24desk.portal.server import PortalServer
from b24desk.portal.state import PortalState

_SNAPSHOTS: dict[tuple[tuple[str, Any], ...], bytes] = {}


class _Snapshot(pickle.Pickler):
    def persistent_id(self, obj: Any) -> Any:
        # The rows' sentinel for an absent key is compared by identity.
        return "MISSING" if obj is MISSING else None

    def reducer_override(self, obj: Any) -> Any:
        # Pickling an itertools.count warns from Python 3.12 on (and warnings fail tests);
        # its repr, "count(7)", says where it stands without advancing it.
        if type(obj) is itertools.count:
            return itertools.count, (int(repr(obj)[len("count(") : -1]),)
        return NotImplemented


class _Copy(pickle.Unpickler):
    def persistent_load(self, pid: Any) -> Any:
        assert pid == "MISSING", pid
        return MISSING


def seeded_state(**arguments: Any) -> PortalState:
    """`build_state(**arguments)`, seeded once per run and unpickled afresh for each call: a
    copy costs a few milliseconds, a seed about a hundred (it is the same state either way)."""
    key = tuple(sorted(arguments.items()))
    snapshot = _SNAPSHOTS.get(key)
    if snapshot is None:
        buffer = io.BytesIO()
        _Snapshot(buffer, protocol=pickle.HIGHEST_PROTOCOL).dump(build_state(**arguments))
        snapshot = _SNAPSHOTS[key] = buffer.getvalue()
    state = _Copy(io.BytesIO(snapshot)).load()
    assert isinstance(state, PortalState)
    return state


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
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(portal_app, "build_state", seeded_state)  # Portal() seeds through it
        portal = Portal(config, base_url=server.base_url)
    switch.portal = portal
    return LivePortal(portal, server.base_url)
