"""The chat list's context menu: the chat's own page in Bitrix24 (not its CRM entity's)."""

from __future__ import annotations

from PySide6.QtCore import QObject, QPoint
from PySide6.QtWidgets import QListView, QMenu

from b24desk.desk.links import chat_path
from b24desk.ui.chat.chats import CHAT_ID_ROLE
from b24desk.ui.context_menu import add_action, attach
from b24desk.ui.portal_pages import PortalPages


class ChatLinks(QObject):
    """Copy link / Open in Bitrix24 for the chat under the pointer (or the keyboard)."""

    def __init__(self, view: QListView, pages: PortalPages) -> None:
        super().__init__(view)
        self._view, self._pages = view, pages
        attach(view, self.menu_at)

    def menu_at(self, pos: QPoint) -> QMenu | None:
        index = self._view.indexAt(pos)
        if not index.isValid():
            return None
        path = chat_path(int(index.data(CHAT_ID_ROLE)))
        menu = QMenu(self._view)
        add_action(
            menu, self.tr("Copy &link"), "copyChatLinkAction", lambda: self._pages.copy(path)
        )
        add_action(
            menu, self.tr("&Open in Bitrix24"), "openChatAction", lambda: self._pages.open(path)
        )
        return menu
