"""The chat list's model: an entity's Open Lines chats, connector badges, the last one in bold."""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass

from PySide6.QtCore import QAbstractListModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QFont

from b24desk.api.types import ChatRef
from b24desk.ui.icons import connector_icon
from b24desk.ui.plaintext import visible

AnyIndex = QModelIndex | QPersistentModelIndex

CHAT_ID_ROLE = Qt.ItemDataRole.UserRole + 1
_ROOT = QModelIndex()


@dataclass(frozen=True, slots=True)
class _Row:
    chat_id: int
    text: str
    connector_id: str | None  # None: a closed chat the portal no longer lists
    last: bool


class ChatsModel(QAbstractListModel):
    """One row per chat; `CHAT_ID_ROLE` holds its ID."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[_Row] = []
        self._unread: Mapping[int, int] = {}  # chat ID -> unread messages, when known

    def set_unread(self, per_chat: Mapping[int, int]) -> None:
        """Unread counts from live updates (known for the chats the supervisor is in)."""
        if dict(per_chat) == dict(self._unread):
            return
        self._unread = dict(per_chat)
        if self._rows:
            self.dataChanged.emit(self.index(0), self.index(len(self._rows) - 1))

    def show_chats(
        self,
        chats: Sequence[ChatRef],
        last_chat_id: int | None,
        shown_id: int | None,
        closed: Collection[int] = (),
        every_chat: Sequence[ChatRef] = (),
    ) -> None:
        """List `chats`, each closed one marked so whatever the filter; the chat on show is
        listed even when the filter leaves it out."""
        listed = list(chats)
        if shown_id is not None and all(c.id != shown_id for c in chats):
            known = next((c for c in every_chat if c.id == shown_id), None)
            listed.append(known or ChatRef(shown_id, "", ""))
            closed = {*closed, shown_id}
        rows = []
        for chat in listed:
            last = chat.id == last_chat_id
            title = visible(chat.connector_title)
            text = f"{title} · #{chat.id}" if title else f"#{chat.id}"
            if chat.id in closed:
                text = self.tr("{0} (closed)").format(text)
            if last:
                text += "  " + self.tr("(last)")
            rows.append(_Row(chat.id, text, chat.connector_id or None, last))
        self.beginResetModel()
        self._rows = rows
        self.endResetModel()

    def clear(self) -> None:
        self.show_chats((), None, None)

    def row_of(self, chat_id: int | None) -> int:
        """The row listing `chat_id`, or -1."""
        return next((i for i, row in enumerate(self._rows) if row.chat_id == chat_id), -1)

    def rowCount(self, parent: AnyIndex = _ROOT) -> int:  # noqa: N802 - Qt's name
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            unread = self._unread.get(row.chat_id, 0)
            return f"{row.text} · " + self.tr("unread: {0}").format(unread) if unread else row.text
        if role == CHAT_ID_ROLE:
            return row.chat_id
        if role == Qt.ItemDataRole.DecorationRole and row.connector_id is not None:
            return connector_icon(row.connector_id)
        if role == Qt.ItemDataRole.FontRole and row.last:
            font = QFont()
            font.setBold(True)
            return font
        return None
