"""The composer: Ctrl+Enter sends, and the text stays until Bitrix24 confirms it, whatever fails."""

from __future__ import annotations

from PySide6.QtCore import Qt

from b24desk.portal.state import CrmType
from tests.helpers.waiting import wait_until
from tests.helpers.windows import (
    PROFILE,
    active_lead_chat_with_admin,
    button,
    make_window,
    oauth_window,
    open_entity,
)


def test_portal_down_mid_session_keeps_the_composer_text(
    live_portal, tmp_path, monkeypatch, qtbot, run, windows
):
    state = live_portal.state
    chat = active_lead_chat_with_admin(state)
    window = make_window(tmp_path, monkeypatch, live_portal.webhook, qtbot, windows)

    async def scenario():
        assert await window.connect_to(PROFILE)
        await open_entity(window, qtbot, CrmType.LEAD, chat.crm[CrmType.LEAD])
        pane = window.chat_pane
        await wait_until(
            lambda: pane.shown.chat_id is not None and pane.composer.editor.isEnabled()
        )
        live_portal.portal.faults.inject("502", times=50)
        pane.composer.editor.insertPlainText("не потеряй меня")
        qtbot.mouseClick(button(window, "sendButton"), Qt.MouseButton.LeftButton)
        await wait_until(lambda: pane.error.isVisible(), what="an error in the pane")
        assert "Bitrix24" in pane.error.text() and "Traceback" not in pane.error.text()
        assert pane.composer.editor.toPlainText() == "не потеряй меня"
        live_portal.portal.faults.clear()
        qtbot.mouseClick(button(window, "sendButton"), Qt.MouseButton.LeftButton)
        await wait_until(
            lambda: pane.composer.editor.toPlainText() == "", what="sent after recovery"
        )
        assert [m.text for m in chat.messages].count("не потеряй меня") == 1

    run(scenario())


def test_rate_limited_portal_says_so_and_keeps_text(
    portal_factory, tmp_path, monkeypatch, qtbot, run, windows
):
    lp = portal_factory(rate=1000, burst=1000)
    chat = active_lead_chat_with_admin(lp.state)
    window = make_window(tmp_path, monkeypatch, lp.webhook, qtbot, windows)

    async def scenario():
        assert await window.connect_to(PROFILE)
        await open_entity(window, qtbot, CrmType.LEAD, chat.crm[CrmType.LEAD])
        pane = window.chat_pane
        await wait_until(lambda: pane.composer.editor.isEnabled())
        lp.portal.limits.rate, lp.portal.limits.burst = 0.001, 1
        for bucket in lp.portal.limits.buckets.values():
            bucket.rate, bucket.burst, bucket.level = 0.001, 1, 1
        pane.composer.editor.insertPlainText("подожду")
        qtbot.mouseClick(button(window, "sendButton"), Qt.MouseButton.LeftButton)
        await wait_until(lambda: pane.error.isVisible(), what="a rate-limit message")
        assert "busy" in pane.error.text().lower() or "limit" in pane.error.text().lower()
        assert pane.composer.editor.toPlainText() == "подожду"

    run(scenario())


def test_dead_refresh_token_asks_to_sign_in_and_keeps_text(
    live_portal, tmp_path, monkeypatch, qtbot, run, windows
):
    window, _ = oauth_window(live_portal, tmp_path, monkeypatch, qtbot, windows)
    state = live_portal.state
    chat = active_lead_chat_with_admin(state)

    async def scenario():
        assert await window.connect_to(PROFILE)
        await open_entity(window, qtbot, CrmType.LEAD, chat.crm[CrmType.LEAD])
        pane = window.chat_pane
        await wait_until(lambda: pane.composer.editor.isEnabled())
        live_portal.portal.expire_access_tokens()
        state.refresh_tokens.clear()  # the app was revoked, or the token is 180 days old
        pane.composer.editor.insertPlainText("важное сообщение")
        qtbot.mouseClick(button(window, "sendButton"), Qt.MouseButton.LeftButton)
        await wait_until(lambda: pane.error.isVisible(), what="a sign-in message")
        assert "sign in" in pane.error.text().lower()
        assert pane.composer.editor.toPlainText() == "важное сообщение"

    run(scenario())
