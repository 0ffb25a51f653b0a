"""The chat list's context menu: the chat's own page in Bitrix24 (not its CRM entity's), and
watching the chat when the window offers it."""

from __future__ import annotations

from typing import Protocol

from PySide6.QtCore import QObject, QPoint
from PySide6.QtWidgets import QListView, QMenu

from b24desk.desk.links import chat_path
from b24desk.ui.chat.chats import CHAT_ID_ROLE
from b24desk.ui.context_menu import add_action, attach
from b24desk.ui.portal_pages import PortalPages


class Watching(Protocol):
    def is_watched(self, chat_id: int) -> bool: ...
    def toggle(self, chat_id: int) -> None: ...


class ChatLinks(QObject):
    """Copy link / Open in Bitrix24 for the chat under the pointer (or the keyboard)."""

    def __init__(self, view: QListView, pages: PortalPages) -> None:
        super().__init__(view)
        self._view, self._pages = view, pages
        self.watching: Watching | None = None  # set by the window (ui/watch.py)
        attach(view, self.menu_at)

    def menu_at(self, pos: QPoint) -> QMenu | None:
        index = self._view.indexAt(pos)
        if not index.isValid():
            return None
        chat_id = int(index.data(CHAT_ID_ROLE))
        path = chat_path(chat_id)
        menu = QMenu(self._view)
        add_action(
            menu, self.tr("Copy &link"), "copyChatLinkAction", lambda: self._pages.copy(path)
        )
        add_action(
            menu, self.tr("&Open in Bitrix24"), "openChatAction", lambda: self._pages.open(path)
        )
        watching = self.watching
        if watching is not None:
            watch = add_action(
                menu, self.tr("&Watch this chat"), "watchChatMenuAction",
                lambda: watching.toggle(chat_id),
            )  # fmt: skip
            watch.setCheckable(True)
            watch.setChecked(watching.is_watched(chat_id))
        return menu
