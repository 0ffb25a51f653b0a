"""Watched chats: the toggle (Chat menu, chat list menu), their mark in the Activity dock, and
desktop notifications in the system tray when a customer writes, off until asked for."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QGuiApplication, QIcon
from PySide6.QtWidgets import QSystemTrayIcon

from b24desk.api.types import CrmRef
from b24desk.desk.desk import EntityChats
from b24desk.desk.live import LiveUpdate
from b24desk.desk.watched import Notice, Notices, WatchedChats, watched_file
from b24desk.resources import app_icon
from b24desk.settings.store import AppSettings
from b24desk.ui import texts
from b24desk.ui.activity import ActivityDock, crm_ref_of
from b24desk.ui.bbcode import to_plain
from b24desk.ui.chat.pane import ChatPane
from b24desk.ui.live_desk import LiveDesk
from b24desk.ui.menus import Menus
from b24desk.ui.plaintext import notification_text

SHOWN_FOR_MS = 10_000
MOST_CHARS = 120  # of a message in a notification: enough to know what it is about
MOST_LINES = 3  # chats named in a notification that gathers several


class Tray(QObject):
    """The system tray icon, made only where the desktop has a tray: elsewhere Qt only
    warns (an offscreen or a bare X session has none, yet `supportsMessages()` says yes)."""

    clicked = Signal()  # the notification was clicked

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._icon: QSystemTrayIcon | None = None

    @property
    def running(self) -> bool:
        return self._icon is not None and self._icon.isVisible()

    def start(self) -> bool:
        """Show the icon; False when this desktop has no tray."""
        if self._icon is None:
            if not QSystemTrayIcon.isSystemTrayAvailable():
                return False
            icon = app_icon()
            if icon.isNull():  # without an icon Qt refuses to show it
                icon = QGuiApplication.windowIcon()
            self._icon = QSystemTrayIcon(icon if not icon.isNull() else QIcon(), self)
            self._icon.setToolTip("b24desk")
            self._icon.messageClicked.connect(lambda *_: self.clicked.emit())
        self._icon.show()
        return True

    def stop(self) -> None:
        if self._icon is not None:
            self._icon.hide()

    def show_message(self, title: str, body: str) -> None:
        if self._icon is not None:
            info = QSystemTrayIcon.MessageIcon.Information
            self._icon.showMessage(title, body, info, SHOWN_FOR_MS)


class Watching(QObject):
    """What the supervisor watches, for the connected profile, and the notifications."""

    open_requested = Signal(object, int)  # CrmRef, chat ID: a notification was clicked

    def __init__(self, live: LiveDesk, menus: Menus, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.pane: ChatPane = live.pane
        self.dock: ActivityDock = live.dock
        self.menus = menus
        self._tell = lambda text: live.status.show_notice(text)
        self.watched: WatchedChats | None = None
        self.notices = Notices()
        self.tray = Tray(self)
        self.tray.clicked.connect(self._clicked)
        self.enabled = False
        self._told_no_tray = False
        self._target: tuple[CrmRef, int] | None = None  # what the last notification opens
        self._due = QTimer(self)
        self._due.setSingleShot(True)
        self._due.timeout.connect(lambda *_: self._flush())
        menus.watch_chat.connect(self._toggle_shown)
        menus.notifications.connect(self.set_enabled)
        self.pane.chat_shown.connect(self._chat_shown)
        self.pane.chat_links.watching = self
        live.updated.connect(self.on_update)

    def remember(self, settings: AppSettings, save: Callable[[], None]) -> None:
        """Notifications as `settings` say (turned on once the window shows), and the
        supervisor's choice saved there."""

        def chosen(enabled: bool) -> None:
            settings.notifications = enabled
            save()

        self.menus.notifications.connect(chosen)
        if settings.notifications:
            QTimer.singleShot(0, lambda: self.set_enabled(True))

    # ---- the connection ----

    def attach(self, data_dir: Path, profile: str) -> None:
        """The profile's watched chats, kept in its own file in `data_dir`."""
        self.watched = WatchedChats(watched_file(data_dir, profile), self._not_saved).load()
        self.notices = Notices()
        if self.watched.set_aside is not None:
            self._tell(
                self.tr("The list of watched chats could not be read; it was kept as {0}.").format(
                    self.watched.set_aside
                )
            )
        self._show_marks()

    async def detach(self) -> None:
        watched, self.watched, self._target = self.watched, None, None
        self._due.stop()
        self._show_marks()
        if watched is not None:
            await watched.flush()  # the last click's save, before the window goes

    # ---- watching ----

    def is_watched(self, chat_id: int) -> bool:
        return self.watched is not None and chat_id in self.watched

    def toggle(self, chat_id: int) -> None:
        """Watch `chat_id`, or stop watching it."""
        if self.watched is None:
            return
        watch = chat_id not in self.watched
        self.watched.set(chat_id, watch)
        if not watch:
            self.notices.forget(chat_id)
        self._show_marks()
        self._tell(self._watch_message(chat_id, watch))

    def _not_saved(self, error: OSError) -> None:
        self._tell(self.tr("The watched chats could not be saved: {0}").format(error.strerror))

    def _watch_message(self, chat_id: int, watch: bool) -> str:
        if not watch:
            return self.tr("No longer watching chat #{0}.").format(chat_id)
        said = self.tr("Watching chat #{0}.").format(chat_id)
        shown = self.pane.shown
        if shown is not None and shown.chat_id == chat_id and not shown.i_am_participant:
            said += " " + self.tr(
                "Bitrix24 tells only participants about new messages: join the chat to be notified."
            )
        if not self.enabled:
            said += " " + self.tr("Desktop notifications are off: View → Desktop notifications.")
        return said

    def _toggle_shown(self) -> None:
        shown = self.pane.shown
        if shown is None or shown.chat_id is None:
            self._show_marks()
            return
        self.toggle(shown.chat_id)

    def _chat_shown(self, _shown: EntityChats) -> None:
        self._show_marks()

    def _show_marks(self) -> None:
        """The Chat menu's check and the Activity dock's marks as they are now."""
        shown = self.pane.shown
        chat_id = shown.chat_id if shown is not None else None
        action = self.menus.watch_action
        action.setEnabled(chat_id is not None and self.watched is not None)
        action.setChecked(chat_id is not None and self.is_watched(chat_id))
        self.dock.set_watched(self.watched.chats if self.watched is not None else set())

    # ---- notifications ----

    def set_enabled(self, enabled: bool) -> None:
        """Notifications on or off; where the desktop has no tray, say so once."""
        self.enabled = enabled
        self.menus.notifications_action.setChecked(enabled)
        if not enabled:
            self.tray.stop()
            self.notices = Notices()  # what gathered meanwhile is old news when they return
        elif not self.tray.start() and not self._told_no_tray:
            self._told_no_tray = True
            self._tell(
                self.tr(
                    "This desktop has no system tray, so b24desk cannot show desktop "
                    "notifications here. Watched chats are marked in the Activity panel."
                )
            )

    def on_update(self, update: LiveUpdate) -> None:
        if self.watched is None or not self.enabled:
            return  # nothing gathers while notifications are off
        self.notices.add(update.events, self.watched)
        shown = self.pane.shown
        if shown is not None and shown.chat_id is not None and self.pane.window().isActiveWindow():
            self.notices.forget(shown.chat_id)  # in sight: the supervisor sees it come
        self._flush()

    def _flush(self) -> None:
        notices = self.notices.take()
        if notices and self.tray.running:
            self._notify(notices)
        wait = self.notices.next_due()
        if wait is not None:
            self._due.start(int(wait * 1000) + 50)

    def _notify(self, notices: list[Notice]) -> None:
        """One notification at a time (a tray shows one): a chat's news, or several chats'."""
        newest = notices[0].event
        ref = crm_ref_of(newest)
        self._target = (ref, newest.chat_id) if ref is not None and newest.chat_id else None
        if len(notices) == 1:
            title, body = self._title(notices[0]), self._said(notices[0])
        else:
            title = self.tr("New messages in {0} watched chats").format(len(notices))
            lines = [f"{self._title(n)}: {self._said(n)}" for n in notices[:MOST_LINES]]
            body = "\n".join(lines)
        self.tray.show_message(title, body)

    def _title(self, notice: Notice) -> str:
        event, ref = notice.event, crm_ref_of(notice.event)
        where = (
            f"{texts.text(texts.ENTITY_SINGULAR[ref.type])} #{ref.id}"
            if ref is not None
            else self.tr("Chat #{0}").format(event.chat_id)
        )
        who = event.user.full_name if event.user is not None else ""
        return notification_text(f"{where} · {who}" if who else where, MOST_CHARS)

    def _said(self, notice: Notice) -> str:
        text = notification_text(to_plain(notice.event.text or ""), MOST_CHARS)
        if notice.count > 1:
            return self.tr("{0} new messages, the last: {1}").format(notice.count, text)
        return text

    def _clicked(self) -> None:
        if self._target is not None:
            self.open_requested.emit(*self._target)
