"""The composer: Ctrl+Enter sends, and the text stays until Bitrix24 confirms it, whatever fails."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from b24desk.portal.state import CrmType
from b24desk.ui.chat.composer import Composer
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
        # A 502 may come after the portal ran the write: the text waits in the banner above
        # the composer (not in it, where a second Send would double it), never lost.
        assert pane.unsent.isVisible() and "не потеряй меня" in pane.unsent.label.text()
        assert pane.composer.editor.toPlainText() == ""
        live_portal.portal.faults.clear()
        qtbot.mouseClick(button(window, "checkUnsentButton"), Qt.MouseButton.LeftButton)
        await wait_until(lambda: not pane.unsent.isVisible(), what="sent after recovery")
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


@pytest.fixture
def composer(qtbot):
    widget = Composer()
    qtbot.addWidget(widget)
    sent: list[str] = []
    widget.send_requested.connect(sent.append)
    widget.sent = sent
    return widget


def test_ctrl_enter_sends_and_plain_enter_starts_a_line(composer, qtbot):
    composer.set_open(True)
    composer.editor.insertPlainText("  первая строка")
    qtbot.keyClick(composer.editor, Qt.Key.Key_Return)
    composer.editor.insertPlainText("вторая  ")
    assert composer.sent == []
    qtbot.keyClick(composer.editor, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert composer.sent == ["первая строка\nвторая"]
    qtbot.mouseClick(composer.send_button, Qt.MouseButton.LeftButton)
    assert composer.sent == ["первая строка\nвторая"] * 2


def test_nothing_is_sent_without_a_chat_or_text_or_twice(composer, qtbot):
    composer.editor.setPlainText("текст")
    assert not composer.editor.isEnabled() and not composer.send_button.isEnabled()
    composer.set_open(True)
    composer.editor.setPlainText("   ")
    assert not composer.send_button.isEnabled()
    composer.editor.setPlainText("текст")
    composer.hold()  # one Send is on its way
    qtbot.keyClick(composer.editor, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert composer.sent == []


def test_confirmed_text_clears_only_if_unchanged_and_drafts_are_reported(composer):
    edits = []
    composer.draft_changed.connect(edits.append)
    composer.set_open(True)
    composer.editor.setPlainText("первое")
    composer.clear_if("первое")
    assert composer.editor.toPlainText() == ""
    composer.editor.setPlainText("пишу дальше")
    composer.clear_if("первое")  # the supervisor wrote on: what is being written stays
    assert composer.editor.toPlainText() == "пишу дальше"
    assert edits[-1] == "пишу дальше"
    # Showing a chat's own draft is not an edit of it.
    composer.show_draft("черновик другого чата")
    assert composer.editor.toPlainText() == "черновик другого чата"
    assert edits[-1] == "пишу дальше"
