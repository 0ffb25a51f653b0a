"""The window, live: what the poller brings reaches the open chat, the Activity dock and the
status bar, and the window tells the poller what is on show and whether anyone looks."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QGuiApplication

from b24desk.desk.chat_states import ListWatch, watched_first
from b24desk.desk.desk import EntityChats
from b24desk.desk.live import LivePoller, LiveUpdate
from b24desk.desk.session import Session
from b24desk.ui.activity import ActivityDock
from b24desk.ui.chat.pane import ChatPane
from b24desk.ui.status_bar import StatusBar


class LiveDesk(QObject):
    updated = Signal(object)  # each LiveUpdate, after the pane and the dock took theirs

    def __init__(self, pane: ChatPane, dock: ActivityDock, status: StatusBar) -> None:
        super().__init__(pane)
        self.pane, self.dock, self.status = pane, dock, status
        self._poller: LivePoller | None = None
        self._me = 0
        self._stop: Callable[[], None] | None = None
        self._list = ListWatch()
        pane.chat_shown.connect(self._watch)
        app = QGuiApplication.instance()
        if isinstance(app, QGuiApplication):
            app.applicationStateChanged.connect(self._app_state)

    def attach(self, session: Session) -> None:
        self.detach()
        self._poller, self._me = session.live, session.desk.me.id
        if self._poller is not None:
            self._stop = self._poller.listen(self._on_update)

    def detach(self) -> None:
        if self._stop is not None:
            self._stop()
        self._poller, self._stop = None, None
        self.dock.clear()
        self.status.show_live(None)

    def _app_state(self, state: Qt.ApplicationState) -> None:
        if self._poller is not None:
            self._poller.set_active(state == Qt.ApplicationState.ApplicationActive)

    def _watch(self, shown: EntityChats) -> None:
        self._list.reset()
        if self._poller is not None:
            listed = watched_first(shown.states)
            self._poller.watch(shown.chat_id, member=shown.i_am_participant, listed=listed)

    def _on_update(self, update: LiveUpdate) -> None:
        shown = self.pane.shown
        if shown is not None and shown.chat_id is not None and self._changed(shown, update):
            self.pane.reload(shown.chat_id, quiet=True)
        self.dock.add(update.events, self._me)
        if update.counters is not None:
            self.dock.set_unread(update.counters.lines_chats)
            self.pane.chats.set_unread(update.counters.lines_chats)
        if self._poller is not None:
            self.status.show_live(self._poller.status)
        self.updated.emit(update)

    def _changed(self, shown: EntityChats, update: LiveUpdate) -> bool:
        if update.chats() & {shown.chat_id, *shown.states}:
            return True
        if self._list.outdated(shown.states, update.dialogs):
            return True  # a chat of the list: a message, another operator, a new session
        dialog = update.open_chat
        newest = shown.history.messages[-1].id if shown.history and shown.history.messages else 0
        state = shown.states.get(shown.chat_id) if shown.chat_id is not None else None
        if shown.earlier_session and state is not None:
            newest = state.last_message_id  # the chat's newest, not the session's
        return dialog is not None and dialog.id == shown.chat_id and dialog.last_message_id > newest
