"""The main window: connecting (tokens renewed quietly) and what it remembers across starts."""

from __future__ import annotations

import re

from b24desk.portal.state import CrmType
from b24desk.settings.paths import Paths
from b24desk.settings.profiles import SecretKind
from b24desk.settings.secrets import SecretStore
from b24desk.settings.store import load_settings
from b24desk.ui.main_window import MainWindow
from tests.helpers.waiting import wait_until
from tests.helpers.windows import PROFILE, make_window, oauth_window, open_entity


def test_expired_token_is_renewed_quietly(live_portal, tmp_path, monkeypatch, qtbot, run, windows):
    window, secrets = oauth_window(live_portal, tmp_path, monkeypatch, qtbot, windows)
    chat = next(
        c for c in live_portal.state.chats.values() if c.is_lines and c.crm.get(CrmType.LEAD)
    )

    async def scenario():
        assert await window.connect_to(PROFILE)
        old = secrets.get(PROFILE, SecretKind.ACCESS_TOKEN)
        live_portal.portal.expire_access_tokens()
        await open_entity(window, qtbot, CrmType.LEAD, chat.crm[CrmType.LEAD])
        assert not window.chat_pane.error.isVisible()
        assert secrets.get(PROFILE, SecretKind.ACCESS_TOKEN) not in (None, old)

    run(scenario())


def test_layout_type_and_profile_are_remembered(
    live_portal, tmp_path, monkeypatch, qtbot, run, windows
):
    window = make_window(tmp_path, monkeypatch, live_portal.webhook, qtbot, windows)

    async def scenario():
        assert await window.connect_to(PROFILE)
        window.browser.set_entity_type(type(window.browser.entity_type)("contact"))
        window.splitter.setSizes([400, 880])
        sizes = window.splitter.sizes()
        window.close()
        await wait_until(lambda: not window.isVisible(), what="the window closed")
        return sizes

    sizes = run(scenario())
    settings = load_settings(Paths.default())
    assert settings.last_profile == PROFILE
    assert settings.entity_type == "contact"
    again = MainWindow(settings, Paths.default(), SecretStore(Paths.default()))
    windows.append(again)
    assert again.browser.entity_type.value == "contact"
    assert again.splitter.sizes() == sizes or settings.splitter_sizes["mainSplitter"] == sizes


def test_a_damaged_file_is_kept_aside_and_the_window_says_so(
    live_portal, tmp_path, monkeypatch, qtbot, run, windows
):
    monkeypatch.setenv("B24DESK_HOME", str(tmp_path))
    outbox = Paths.default().ensure().data_dir / "outbox.json"
    outbox.write_text('{"items": [' * 10_000)  # nested past any sane depth
    window = make_window(tmp_path, monkeypatch, live_portal.webhook, qtbot, windows)
    message = window.status.currentMessage()
    assert "kept aside" in message and "outbox.json" in message
    [kept] = outbox.parent.glob("outbox.json*.bak")
    assert kept.read_text().startswith('{"items": [')


def test_switching_profile_clears_the_last_failure(
    live_portal, tmp_path, monkeypatch, qtbot, run, windows
):
    window = make_window(tmp_path, monkeypatch, live_portal.webhook, qtbot, windows)

    async def scenario():
        live_portal.portal.faults.inject("500", method="user.current", times=20)
        assert not await window.connect_to(PROFILE)
        failure = window.status.last_error.text()
        assert failure and "user.current" not in failure and "Error" not in failure
        live_portal.portal.faults.clear()
        assert await window.connect_to(PROFILE)
        assert window.status.last_error.text() == ""

    run(scenario())


def test_a_long_bitrix24_pause_counts_down_and_can_be_stopped(
    live_portal, tmp_path, monkeypatch, qtbot, run, windows
):
    chat = next(c for c in live_portal.state.chats.values() if c.crm.get(CrmType.LEAD))
    window = make_window(tmp_path, monkeypatch, live_portal.webhook, qtbot, windows)
    pane = window.chat_pane

    async def scenario():
        assert await window.connect_to(PROFILE)
        lead_id = chat.crm[CrmType.LEAD]
        window.browser.search.setText(str(lead_id))
        model = window.browser.model
        await wait_until(lambda: model.rowCount() == 1, what="the lead listed")
        # The portal has paused batch requests for a minute (OPERATION_TIME_LIMIT).
        window.session.client.operating.refused("batch")
        window.browser.table.selectRow(0)
        stop = window.status.stop_button
        await wait_until(lambda: stop.isVisible(), what="the countdown")
        assert re.search(r"continuing in (1:00|0:5\d)", window.status.waiting.text())
        stop.click()
        await wait_until(lambda: not pane.busy.isVisible(), what="the pane no longer busy")
        assert not stop.isVisible() and not window.status.waiting.isVisible()

    run(scenario())
