"""The Activity dock: chats the supervisor is in where something happened, newest first."""

from __future__ import annotations

from collections.abc import Collection, Mapping

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QDockWidget, QListWidget, QListWidgetItem, QWidget

from b24desk.api.live_types import ImEvent, ImEventType
from b24desk.api.types import CrmEntityType, CrmRef
from b24desk.ui import texts
from b24desk.ui.dates import short_datetime
from b24desk.ui.plaintext import visible

MOST_CHATS = 100
CHAT_ROLE = Qt.ItemDataRole.UserRole + 1
REF_ROLE = Qt.ItemDataRole.UserRole + 2
_OPEN_ORDER = (CrmEntityType.LEAD, CrmEntityType.DEAL, CrmEntityType.CONTACT, CrmEntityType.COMPANY)


def crm_ref_of(event: ImEvent) -> CrmRef | None:
    """The CRM entity an Open Lines chat is bound to: its lead first, as the portal does."""
    for entity_type in _OPEN_ORDER:
        entity_id = getattr(event.crm, entity_type.value, None)
        if entity_id:
            return CrmRef(entity_type, entity_id)
    return None


class ActivityDock(QDockWidget):
    """One row per chat with news (a customer or an operator wrote); a click opens it."""

    open_requested = Signal(object, int)  # CrmRef, chat ID

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Activity"), parent)
        self.setObjectName("activityDock")
        self.list = QListWidget()
        self.list.setObjectName("activityList")
        self.list.setWordWrap(True)
        self.list.setAlternatingRowColors(True)  # two lines per chat: keep chats apart
        self.list.itemActivated.connect(self._open)
        self.list.itemClicked.connect(self._open)
        self.setWidget(self.list)
        self._unread: dict[int, int] = {}
        self._watched: frozenset[int] = frozenset()

    def clear(self) -> None:
        self.list.clear()
        self._unread = {}

    def add(self, events: tuple[ImEvent, ...], me: int) -> None:
        """Messages in Open Lines chats bound to CRM, except the supervisor's own."""
        for event in events:
            if event.type is not ImEventType.MESSAGE_ADD or not event.is_open_lines:
                continue
            ref = crm_ref_of(event)
            if ref is None or event.chat_id is None or event.author_id == me:
                continue
            self._put_on_top(event, ref)

    def set_unread(self, per_chat: Mapping[int, int]) -> None:
        self._unread = dict(per_chat)
        self._label_all()

    def set_watched(self, chat_ids: Collection[int]) -> None:
        """The chats the supervisor watches: marked with a star."""
        self._watched = frozenset(chat_ids)
        self._label_all()

    def _label_all(self) -> None:
        for row in range(self.list.count()):
            self._label(self.list.item(row))

    def _put_on_top(self, event: ImEvent, ref: CrmRef) -> None:
        assert event.chat_id is not None
        for row in range(self.list.count()):
            if self.list.item(row).data(CHAT_ROLE) == event.chat_id:
                item = self.list.takeItem(row)
                break
        else:
            item = QListWidgetItem()
        kind = texts.text(texts.ENTITY_SINGULAR[ref.type])
        who = visible(event.user.full_name) if event.user and event.user.full_name else ""
        said = visible(" ".join((event.text or "").split()))[:120]
        item.setData(CHAT_ROLE, event.chat_id)
        item.setData(REF_ROLE, ref)
        item.setData(Qt.ItemDataRole.UserRole, (kind, ref.id, who, said, event.date))
        self.list.insertItem(0, item)
        self._label(item)
        while self.list.count() > MOST_CHATS:
            self.list.takeItem(self.list.count() - 1)

    def _label(self, item: QListWidgetItem) -> None:
        kind, entity_id, who, said, date = item.data(Qt.ItemDataRole.UserRole)
        unread = self._unread.get(item.data(CHAT_ROLE), 0)
        head = f"{kind} #{entity_id} · {short_datetime(date)}"
        if item.data(CHAT_ROLE) in self._watched:
            head = "★ " + head + " · " + self.tr("watched")
        if unread:
            head += " · " + self.tr("unread: {0}").format(unread)
        item.setText(f"{head}\n{who}: {said}" if who else f"{head}\n{said}")

    def _open(self, item: QListWidgetItem) -> None:
        self.open_requested.emit(item.data(REF_ROLE), int(item.data(CHAT_ROLE)))
