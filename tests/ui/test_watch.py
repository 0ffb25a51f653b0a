"""Watching a chat on the real window: the Chat menu toggle is kept per profile, watched chats
carry a star in the Activity dock, a customer's message shows a tray notification (plain,
short, never the supervisor's own, gathered per chat, none for the chat in sight), a click
opens the chat; without a tray the window says so once."""

from __future__ import annotations

import functools
from typing import Any, ClassVar

import pytest
from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QSystemTrayIcon

from b24desk.desk import session as session_module
from b24desk.desk.live import LivePoller, Pacing
from b24desk.desk.watched import WatchedChats, watched_file
from b24desk.portal.methods.chat_access import now
from b24desk.portal.state import CrmType
from b24desk.settings.paths import Paths
from b24desk.settings.store import load_settings
from b24desk.ui import watch
from b24desk.ui.activity import CHAT_ROLE
from tests.helpers.chats import ADMIN, active_lead_chat_with_admin
from tests.helpers.waiting import wait_until
from tests.helpers.windows import PROFILE, make_window, open_entity

QUICK = Pacing(active_every=0.1, idle_every=0.1, most_per_minute=1200, slowest_every=0.5)


class FakeTrayIcon(QObject):
    """Stands in for QSystemTrayIcon: offscreen has no tray, and a real one only warns."""

    messageClicked = Signal()  # noqa: N815 - Qt's name
    MessageIcon = QSystemTrayIcon.MessageIcon
    shown: ClassVar[list[tuple[str, str]]] = []

    def __init__(self, icon: Any, parent: QObject) -> None:
        super().__init__(parent)
        self.visible = False

    @staticmethod
    def isSystemTrayAvailable() -> bool:  # noqa: N802 - Qt's name
        return True

    def setToolTip(self, text: str) -> None:  # noqa: N802 - Qt's name
        pass

    def show(self) -> None:
        self.visible = True

    def hide(self) -> None:
        self.visible = False

    def isVisible(self) -> bool:  # noqa: N802 - Qt's name
        return self.visible

    def showMessage(self, title: str, body: str, icon: Any, ms: int) -> None:  # noqa: N802
        FakeTrayIcon.shown.append((title, body))


@pytest.mark.qt_log_ignore("This plugin does not support raise")  # offscreen: no window stack
def test_a_watched_chat_notifies_and_a_click_opens_it(
    live_portal, tmp_path, monkeypatch, qtbot, run, windows
):
    lp = live_portal
    monkeypatch.setattr(session_module, "LivePoller", functools.partial(LivePoller, pacing=QUICK))
    monkeypatch.setattr(watch, "QSystemTrayIcon", FakeTrayIcon)
    monkeypatch.setattr(watch, "Notices", functools.partial(watch.Notices, every=1.0))
    FakeTrayIcon.shown = []
    shown = FakeTrayIcon.shown
    chat = active_lead_chat_with_admin(lp.state)
    lead = chat.crm[CrmType.LEAD]
    other = next(
        c for c in lp.state.chats.values()
        if c.is_lines and c.crm.get(CrmType.LEAD) and c.crm[CrmType.LEAD] != lead
    )  # fmt: skip
    window = make_window(tmp_path, monkeypatch, lp.webhook, qtbot, windows)
    menus, pane = window.menus, window.chat_pane

    def customer(text: str) -> None:
        lp.state.add_message(chat, chat.customer_id, text, now(lp.state))

    async def scenario():
        assert await window.connect_to(PROFILE)
        assert not window.settings.notifications  # off until asked for
        await wait_until(lambda: window.session.live.status.last_tick is not None, what="live")
        await open_entity(window, qtbot, CrmType.LEAD, lead)
        pane.reload(chat_id=chat.id)
        await wait_until(lambda: pane.shown.chat_id == chat.id and menus.watch_action.isEnabled())
        assert not menus.watch_action.isChecked()

        customer("Before anyone watched")
        items = window.activity.list
        await wait_until(lambda: items.count() and items.item(0).data(CHAT_ROLE) == chat.id)
        assert "★" not in items.item(0).text()
        menus.watch_action.trigger()  # Chat → Watch this chat
        assert menus.watch_action.isChecked() and "★" in items.item(0).text()
        assert "View → Desktop notifications" in window.status.currentMessage()

        customer("Not yet: notifications are off")
        await wait_until(lambda: "Not yet" in items.item(0).text(), what="listed")
        assert shown == []

        menus.notifications_action.trigger()  # View → Desktop notifications
        assert window.settings.notifications and window.watching.tray.running
        assert window.isActiveWindow()
        customer("In sight: the supervisor reads this chat")
        await wait_until(lambda: "In sight" in items.item(0).text(), what="listed")
        assert shown == []  # nobody needs telling

        # Elsewhere now.
        await open_entity(window, qtbot, CrmType.LEAD, other.crm[CrmType.LEAD])
        customer("<b>Where</b> is my order?   " + "It is late. " * 30)
        await wait_until(lambda: shown, what="a notification")
        title, body = shown[-1]
        assert title == f"Lead #{lead} · {lp.state.users[chat.customer_id].full_name}"
        assert body.startswith("‹b›Where‹/b› is my order? It is late.")
        assert len(body) <= watch.MOST_CHARS and body.endswith("…")

        lp.state.add_message(chat, ADMIN, "The supervisor's own reply", now(lp.state))
        for n in range(3):
            customer(f"Storm {n}")
        await wait_until(lambda: len(shown) == 2, what="the gathered notification")
        assert shown[-1][1] == "3 new messages, the last: Storm 2"  # not the supervisor's

        # The notification brings the chat back (a click comes from Qt's loop, not a task).
        QTimer.singleShot(0, window.watching.tray._icon.messageClicked.emit)
        await wait_until(
            lambda: pane.shown and pane.shown.entity.id == lead and pane.shown.chat_id == chat.id,
            what="the watched chat opened",
        )
        assert menus.watch_action.isChecked()
        # Quit inside the loop: pytest-qt processes Qt events with no loop running before
        # fixtures end (STACK-NOTES 12), and a 0.1 s poller must not be stepped then.
        await window.aclose()

    run(scenario())
    # Kept for the next start: the choice in the settings, the chat in the profile's file.
    paths = Paths.default()
    assert load_settings(paths).notifications
    kept = watched_file(paths.data_dir, PROFILE)
    assert WatchedChats(kept).load().chats == {chat.id}


def test_without_a_system_tray_the_window_says_so_once(
    live_portal, tmp_path, monkeypatch, qtbot, run, windows
):
    # Offscreen, as on a desktop without a tray: the real QSystemTrayIcon, never shown.
    assert not QSystemTrayIcon.isSystemTrayAvailable()
    window = make_window(tmp_path, monkeypatch, live_portal.webhook, qtbot, windows)
    told: list[str] = []
    monkeypatch.setattr(window.status, "show_notice", told.append)

    async def scenario():
        assert await window.connect_to(PROFILE)
        window.menus.notifications_action.trigger()
        assert window.menus.notifications_action.isChecked()  # the choice is kept...
        assert window.settings.notifications
        assert not window.watching.tray.running  # ...but nothing to show them in
        window.menus.notifications_action.trigger()
        window.menus.notifications_action.trigger()

    run(scenario())
    assert len(told) == 1 and "no system tray" in told[0]
