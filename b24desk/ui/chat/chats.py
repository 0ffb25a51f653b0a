"""The chat list's model: an entity's Open Lines chats, two lines each (connector, status,
unread; operator, last message, the customer's wait), the last one in bold."""

from __future__ import annotations

from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime

from PySide6.QtCore import (
    QAbstractListModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSize,
    Qt,
    QTimer,
)
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QListView, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from b24desk.api.types import ChatRef
from b24desk.desk.chat_states import ChatState, ChatStatus
from b24desk.translatable import QT_TRANSLATE_NOOP
from b24desk.ui.dates import short_datetime
from b24desk.ui.icons import connector_icon
from b24desk.ui.plaintext import tooltip, visible

AnyIndex = QModelIndex | QPersistentModelIndex
# However small the window, the list shows a whole chat and the start of the next (two
# lines each), so it is plain that it scrolls; a full second chat would cost the history
# its half of a 1024×600 window.
CHAT_LIST_LINES = 3

CHAT_ID_ROLE = Qt.ItemDataRole.UserRole + 1
_ROOT = QModelIndex()
TICK_MS = 30_000  # the customer's wait is shown in minutes: twice a minute keeps it true

STATUS_TEXT = {
    ChatStatus.NEW: QT_TRANSLATE_NOOP("ChatsModel", "new"),
    ChatStatus.WAITING: QT_TRANSLATE_NOOP("ChatsModel", "waiting for operator"),
    ChatStatus.ANSWERED: QT_TRANSLATE_NOOP("ChatsModel", "answered"),
    ChatStatus.CLOSED: QT_TRANSLATE_NOOP("ChatsModel", "closed"),
}


def _tr(text: str) -> str:
    return QCoreApplication.translate("ChatsModel", text)


_UNDER_A_MINUTE = QT_TRANSLATE_NOOP("ChatsModel", "<1 min")
_MINUTES = QT_TRANSLATE_NOOP("ChatsModel", "{0} min")
_HOURS = QT_TRANSLATE_NOOP("ChatsModel", "{0} h {1:02d} min")
_DAYS = QT_TRANSLATE_NOOP("ChatsModel", "{0} d")


def waited(since: datetime, now: datetime) -> str:
    """How long, in the words of the list: "5 min", "2 h 05 min", "3 d"."""
    minutes = max(0, int((now - since).total_seconds() // 60))
    if minutes < 1:
        return _tr(_UNDER_A_MINUTE)
    if minutes < 60:
        return _tr(_MINUTES).format(minutes)
    if minutes < 24 * 60:
        return _tr(_HOURS).format(minutes // 60, minutes % 60)
    return _tr(_DAYS).format(minutes // (24 * 60))


@dataclass(frozen=True, slots=True)
class _Row:
    chat_id: int
    title: str  # "Telegram · #11"
    connector_id: str | None  # None: a closed chat the portal no longer lists
    last: bool
    state: ChatState | None  # None: not read in this opening


class ChatsModel(QAbstractListModel):
    """One row per chat; `CHAT_ID_ROLE` holds its ID. The customer's wait ticks on its own
    (no request): `now` is the clock it reads."""

    def __init__(
        self,
        parent: QObject | None = None,
        now: Callable[[], datetime] = lambda: datetime.now(UTC),
    ) -> None:
        super().__init__(parent)
        self._rows: list[_Row] = []
        self._unread: Mapping[int, int] = {}  # chat ID -> unread messages, when known
        self._now = now
        self._ticker = QTimer(self)
        self._ticker.setInterval(TICK_MS)
        self._ticker.timeout.connect(self.tick)

    def set_unread(self, per_chat: Mapping[int, int]) -> None:
        """Unread counts from live updates (known for the chats the supervisor is in)."""
        if dict(per_chat) == dict(self._unread):
            return
        self._unread = dict(per_chat)
        self._repaint()

    def tick(self) -> None:
        """Repaint the rows whose customer is waiting: the wait grows by itself."""
        for i, row in enumerate(self._rows):
            if row.state is not None and row.state.waiting_since is not None:
                self.dataChanged.emit(self.index(i), self.index(i))

    def _repaint(self) -> None:
        if self._rows:
            self.dataChanged.emit(self.index(0), self.index(len(self._rows) - 1))

    def show_chats(
        self,
        chats: Sequence[ChatRef],
        last_chat_id: int | None,
        shown_id: int | None,
        closed: Collection[int] = (),
        every_chat: Sequence[ChatRef] = (),
        states: Mapping[int, ChatState] | None = None,
    ) -> None:
        """List `chats`, each with its state, a closed one marked so whatever the filter;
        the chat on show is listed even when the filter leaves it out."""
        states = states or {}
        listed = list(chats)
        if shown_id is not None and all(c.id != shown_id for c in chats):
            known = next((c for c in every_chat if c.id == shown_id), None)
            listed.append(known or ChatRef(shown_id, "", ""))
            closed = {*closed, shown_id}
        rows = []
        for chat in listed:
            title = visible(chat.connector_title)
            text = f"{title} · #{chat.id}" if title else f"#{chat.id}"
            state = states.get(chat.id)
            if state is None and chat.id in closed:
                state = ChatState(chat.id, ChatStatus.CLOSED)
            last = chat.id == last_chat_id
            rows.append(_Row(chat.id, text, chat.connector_id or None, last, state))
        self.beginResetModel()
        self._rows = rows
        self.endResetModel()
        waiting = any(r.state is not None and r.state.waiting_since for r in rows)
        if waiting and not self._ticker.isActive():
            self._ticker.start()
        elif not waiting:
            self._ticker.stop()

    def clear(self) -> None:
        self.show_chats((), None, None)

    def row_of(self, chat_id: int | None) -> int:
        """The row listing `chat_id`, or -1."""
        return next((i for i, row in enumerate(self._rows) if row.chat_id == chat_id), -1)

    def state_of(self, chat_id: int) -> ChatState | None:
        row = self.row_of(chat_id)
        return self._rows[row].state if row >= 0 else None

    def rowCount(self, parent: AnyIndex = _ROOT) -> int:  # noqa: N802 - Qt's name
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return "\n".join(filter(None, (self._first_line(row), self._second_line(row))))
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(row)
        if role == CHAT_ID_ROLE:
            return row.chat_id
        if role == Qt.ItemDataRole.DecorationRole and row.connector_id is not None:
            return connector_icon(row.connector_id)
        if role == Qt.ItemDataRole.FontRole and row.last:
            font = QFont()
            font.setBold(True)
            return font
        return None

    # ---- the words ----

    def _first_line(self, row: _Row) -> str:
        parts = [row.title]
        if row.state is not None:
            parts.append(_tr(STATUS_TEXT[row.state.status]))
        unread = self._unread.get(row.chat_id, 0)
        if unread:
            parts.append(self.tr("unread: {0}").format(unread))
        text = " · ".join(parts)
        return text + "  " + self.tr("(last)") if row.last else text

    def _second_line(self, row: _Row) -> str:
        state = row.state
        if state is None or state.session_id is None:  # not read: known closed, no more
            return ""
        parts = []
        if state.waiting_since is not None:  # first: what a narrow list must not cut off
            parts.append(self.tr("waiting {0}").format(waited(state.waiting_since, self._now())))
        parts.append(
            visible(state.operator.full_name) if state.operator else self.tr("no operator")
        )
        if state.last_message_at is not None:
            parts.append(short_datetime(state.last_message_at))
        return " · ".join(parts)

    def _tooltip(self, row: _Row) -> str:
        lines = [row.title]
        state = row.state
        if state is not None:
            lines.append(self.tr("Status: {0}").format(_tr(STATUS_TEXT[state.status])))
            if state.operator is not None:
                lines.append(self.tr("Operator: {0}").format(visible(state.operator.full_name)))
            if state.last_message_at is not None:
                when = short_datetime(state.last_message_at)
                lines.append(self.tr("Last message: {0}").format(when))
            if state.waiting_since is not None:
                wait = waited(state.waiting_since, self._now())
                lines.append(self.tr("The customer has been waiting {0}").format(wait))
            if state.session_id is not None:
                lines.append(self.tr("Session #{0}").format(state.session_id))
        unread = self._unread.get(row.chat_id, 0)
        if unread:
            lines.append(self.tr("Unread messages: {0}").format(unread))
        return tooltip("\n".join(lines))  # operators' names are portal text


class _FitWidth(QStyledItemDelegate):
    """Rows as wide as the list, so each of a row's lines is cut with "…" where it does
    not fit (the tooltip has it all) instead of scrolling sideways."""

    def __init__(self, view: QListView) -> None:
        super().__init__(view)
        self._view = view

    def sizeHint(self, option: QStyleOptionViewItem, index: AnyIndex) -> QSize:  # noqa: N802
        size = super().sizeHint(option, index)
        size.setWidth(min(size.width(), self._view.viewport().width()))
        return size


def chat_list_view(model: ChatsModel, parent: QWidget | None = None) -> QListView:
    """The list of chats: two lines a chat, fitted to its width, chats told apart by shade."""
    view = QListView(parent)
    view.setObjectName("chatList")
    view.setModel(model)
    view.setItemDelegate(_FitWidth(view))
    view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    view.setResizeMode(QListView.ResizeMode.Adjust)
    view.setAlternatingRowColors(True)
    return view
