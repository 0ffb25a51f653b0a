"""The window, live: a customer's message reaches the open chat without F5, a half-written
reply stays, reading older messages shows a marker instead of a jump, and the Activity dock
lists the chat and opens it."""

from __future__ import annotations

import functools

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractSlider

from b24desk.desk import session as session_module
from b24desk.desk.live import LivePoller, Pacing
from b24desk.portal.methods.chat_access import now
from b24desk.portal.state import CrmType
from b24desk.ui.activity import CHAT_ROLE
from tests.helpers.chats import active_lead_chat_with_admin
from tests.helpers.waiting import wait_until
from tests.helpers.windows import PROFILE, make_window, open_entity

QUICK = Pacing(active_every=0.1, idle_every=0.1, most_per_minute=1200, slowest_every=0.5)


def test_the_open_chat_the_activity_dock_and_the_marker_stay_current(
    live_portal, tmp_path, monkeypatch, qtbot, run, windows
):
    lp = live_portal
    monkeypatch.setattr(session_module, "LivePoller", functools.partial(LivePoller, pacing=QUICK))
    chat = active_lead_chat_with_admin(lp.state)
    for n in range(40):  # enough to scroll
        lp.state.add_message(chat, chat.customer_id, f"Старое сообщение {n}", now(lp.state))
    window = make_window(tmp_path, monkeypatch, lp.webhook, qtbot, windows)
    pane, history = window.chat_pane, window.chat_pane.history_view
    bar = history.verticalScrollBar()

    def post(text: str) -> None:
        lp.state.add_message(chat, chat.customer_id, text, now(lp.state))

    async def scenario():
        assert await window.connect_to(PROFILE)
        session = window.session
        assert session is not None and session.live is not None
        await wait_until(lambda: session.live.status.last_tick is not None, what="live")
        await open_entity(window, qtbot, CrmType.LEAD, chat.crm[CrmType.LEAD])
        await wait_until(lambda: "Старое сообщение 39" in history.toPlainText(), what="history")
        pane.composer.editor.setPlainText("Половина отв")  # the supervisor is typing

        post("Есть новости по заказу?")
        await wait_until(lambda: "Есть новости по заказу?" in history.toPlainText(), what="live")
        assert pane.composer.editor.toPlainText() == "Половина отв"
        # Reading the newest: it follows (the layout settles a moment after the text).
        await wait_until(lambda: bar.value() == bar.maximum(), timeout=2, what="followed")

        bar.triggerAction(QAbstractSlider.SliderAction.SliderToMinimum)  # reads older ones
        post("Алло?")
        await wait_until(lambda: pane.new_messages.isVisible(), what="the marker")
        assert "Алло?" in history.toPlainText() and bar.value() == 0
        assert "1" in pane.new_messages.text()
        qtbot.mouseClick(pane.new_messages, Qt.MouseButton.LeftButton)
        await wait_until(lambda: bar.value() == bar.maximum(), timeout=2, what="jumped")
        assert not pane.new_messages.isVisible()

        items = window.activity.list
        await wait_until(lambda: items.count() > 0, what="the activity feed")
        assert items.item(0).data(CHAT_ROLE) == chat.id and "Алло?" in items.item(0).text()

    run(scenario())
    assert pane.composer.editor.toPlainText() == "Половина отв"
