"""The chat list model: connector and ID per chat, the last one bold, a closed chat kept."""

from __future__ import annotations

from PySide6.QtCore import Qt

from b24desk.api.types import ChatRef
from b24desk.ui.chat.chats import CHAT_ID_ROLE, ChatsModel

CHATS = (ChatRef(11, "telegrambot", "Telegram"), ChatRef(12, "livechat", "Live chat"))


def test_chats_are_listed_with_the_last_one_bold(qapp):
    model = ChatsModel()
    model.show_chats(CHATS, last_chat_id=12, shown_id=12)
    first, last = model.index(0, 0), model.index(1, 0)
    assert first.data() == "Telegram · #11"
    assert last.data() == "Live chat · #12  (last)"
    assert [first.data(CHAT_ID_ROLE), last.data(CHAT_ID_ROLE)] == [11, 12]
    assert last.data(Qt.ItemDataRole.FontRole).bold()
    assert first.data(Qt.ItemDataRole.FontRole) is None
    assert not first.data(Qt.ItemDataRole.DecorationRole).isNull()
    assert model.row_of(12) == 1 and model.row_of(99) == -1


def test_a_closed_chat_on_show_stays_listed(qapp):
    model = ChatsModel()
    model.show_chats(CHATS, last_chat_id=12, shown_id=5)  # closed: filtered out of CHATS
    closed = model.index(2, 0)
    assert closed.data() == "#5 (closed)" and closed.data(CHAT_ID_ROLE) == 5
    assert closed.data(Qt.ItemDataRole.DecorationRole) is None
    model.clear()
    assert model.rowCount() == 0


def test_a_closed_chat_reads_the_same_whatever_the_filter(qapp):
    every = (*CHATS, ChatRef(5, "telegrambot", "Telegram"))
    unfiltered, filtered = ChatsModel(), ChatsModel()
    unfiltered.show_chats(every, last_chat_id=12, shown_id=5, closed={5}, every_chat=every)
    filtered.show_chats(CHATS, last_chat_id=12, shown_id=5, closed={5}, every_chat=every)
    label = "Telegram · #5 (closed)"
    assert unfiltered.index(unfiltered.row_of(5), 0).data() == label
    assert filtered.index(filtered.row_of(5), 0).data() == label
    assert filtered.index(filtered.row_of(5), 0).data(Qt.ItemDataRole.DecorationRole) is not None


def test_unread_counts_show_beside_the_chats_they_belong_to(qapp):
    model = ChatsModel()
    model.show_chats(CHATS, last_chat_id=12, shown_id=12)
    changed = []
    model.dataChanged.connect(lambda *_: changed.append(1))
    model.set_unread({11: 3, 99: 1})
    assert model.index(0, 0).data() == "Telegram · #11 · unread: 3"
    assert model.index(1, 0).data() == "Live chat · #12  (last)"
    assert changed == [1]
    model.set_unread({11: 3, 99: 1})  # the same counts: nothing to repaint
    assert changed == [1]
