"""The local index in a session: its file, its sync in the background, and its end."""

from __future__ import annotations

import asyncio
import logging
import os
import stat

from b24desk.api import B24Client, ClientOptions, WebhookAuth
from b24desk.api.events import WaitNotice
from b24desk.api.types import CrmEntityType
from b24desk.desk.drafts import Drafts
from b24desk.desk.local import index_file
from b24desk.desk.outbox import Outbox
from b24desk.desk.session import Session

FAST = ClientOptions(rate=10_000, burst=10_000, read_timeout=5)


def test_each_profile_has_its_own_index_file_inside_the_index_folder(tmp_path):
    names = ["Main", "main", "a/b", "a b", "../../etc/passwd", "Портал", "", "x" * 300]
    files = [index_file(tmp_path, name) for name in names]
    assert len(set(files)) == len(names)
    for path in files:
        assert path.parent == tmp_path / "index"
        assert path.suffix == ".sqlite" and len(path.name) < 80
    assert index_file(tmp_path, "Main") == index_file(tmp_path, "Main")  # stable across runs


def test_sync_failures_are_retried_quietly_and_closing_ends_the_sync(live_portal, tmp_path, caplog):
    lp = live_portal  # the operator may read leads, not deals
    path = index_file(tmp_path, "Operator")

    async def scenario():
        client = B24Client(WebhookAuth(lp.webhook_of("operator")), FAST)
        session = await Session.start(
            "Operator",
            "",
            client,
            Outbox(tmp_path / "outbox.json"),
            Drafts(tmp_path / "drafts.json"),
            index=path,
        )
        local = session.local
        assert local is not None
        for _ in range(1000):  # bounded: 10 s
            if local.ready(CrmEntityType.LEAD) and local.ready(CrmEntityType.CONTACT):
                break
            await asyncio.sleep(0.01)
        status = session.status().index
        assert local.ready(CrmEntityType.LEAD) and not local.ready(CrmEntityType.DEAL)
        assert status is not None and not status.ready
        await session.close()
        assert local.index._db is None  # closed
        assert [t for t in asyncio.all_tasks() if t is not asyncio.current_task()] == []

    with caplog.at_level(logging.WARNING):
        asyncio.run(scenario())
    assert any("Local index initial sync failed" in r.getMessage() for r in caplog.records)
    assert not [r for r in caplog.records if r.levelno >= logging.ERROR]
    if os.name == "posix":
        assert stat.S_IMODE(path.stat().st_mode) == 0o600


def test_the_sync_waits_out_a_bitrix24_pause_quietly(live_portal, tmp_path):
    """The supervisor's "Stop waiting" is for their own calls: the sync's wait is not shown."""

    async def scenario():
        client = B24Client(WebhookAuth(live_portal.webhook), FAST)
        notices: list[WaitNotice] = []
        client.subscribe(notices.append, WaitNotice)
        client.operating.refused("batch")  # paused for a minute, as the sync starts
        session = await Session.start(
            "Main",
            "",
            client,
            Outbox(tmp_path / "outbox.json"),
            Drafts(tmp_path / "drafts.json"),
            index=index_file(tmp_path, "Main"),
        )
        for _ in range(500):  # bounded: 5 s
            if notices:
                break
            await asyncio.sleep(0.01)
        assert notices, "the sync did not meet the pause"
        assert session.status().waiting_until is None
        assert session.cancel_waits() == 0
        await session.close()

    asyncio.run(scenario())
