"""The chat list model: connector and ID per chat, the last one bold, a closed chat kept;
each chat's status, operator, last message and the customer's wait, which ticks."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from PySide6.QtCore import Qt

from b24desk.api.types import ChatRef, User
from b24desk.desk.chat_states import ChatState, ChatStatus
from b24desk.ui.chat.chats import CHAT_ID_ROLE, ChatsModel
from b24desk.ui.dates import short_datetime

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
    assert closed.data() == "#5 · closed" and closed.data(CHAT_ID_ROLE) == 5
    assert closed.data(Qt.ItemDataRole.DecorationRole) is None
    model.clear()
    assert model.rowCount() == 0


def test_a_closed_chat_reads_the_same_whatever_the_filter(qapp):
    every = (*CHATS, ChatRef(5, "telegrambot", "Telegram"))
    unfiltered, filtered = ChatsModel(), ChatsModel()
    unfiltered.show_chats(every, last_chat_id=12, shown_id=5, closed={5}, every_chat=every)
    filtered.show_chats(CHATS, last_chat_id=12, shown_id=5, closed={5}, every_chat=every)
    label = "Telegram · #5 · closed"
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


NOON = datetime(2026, 3, 11, 12, 0, tzinfo=UTC)
OPERATOR = User(id=7, name="Анна", last_name="Петрова", full_name="Анна Петрова")


def test_each_chat_shows_status_operator_last_message_and_the_wait(qapp):
    clock = [NOON]
    model = ChatsModel(now=lambda: clock[0])
    asked = NOON - timedelta(minutes=12)
    states = {
        11: ChatState(11, ChatStatus.CLOSED, 3, OPERATOR, NOON - timedelta(days=2)),
        12: ChatState(12, ChatStatus.WAITING, 9, OPERATOR, NOON - timedelta(minutes=5), asked),
    }
    model.show_chats(CHATS, last_chat_id=12, shown_id=12, closed={11}, states=states)
    model.set_unread({12: 2})
    closed, waiting = model.index(0, 0).data(), model.index(1, 0).data()
    assert closed.splitlines() == [
        "Telegram · #11 · closed",
        f"Анна Петрова · {short_datetime(NOON - timedelta(days=2))}",
    ]
    assert waiting.splitlines() == [
        "Live chat · #12 · waiting for operator · unread: 2  (last)",
        f"waiting 12 min · Анна Петрова · {short_datetime(NOON - timedelta(minutes=5))}",
    ]
    tip = model.index(1, 0).data(Qt.ItemDataRole.ToolTipRole)
    assert "Operator: Анна Петрова" in tip and "Session #9" in tip and "waiting 12 min" in tip

    changed = []
    model.dataChanged.connect(lambda first, last, *_: changed.append((first.row(), last.row())))
    clock[0] = NOON + timedelta(hours=1)
    model.tick()  # the timer's work: no request, the waiting row repainted
    assert changed == [(1, 1)]
    assert model.index(1, 0).data().splitlines()[1].startswith("waiting 1 h 12 min · ")


def test_a_chat_with_no_operator_and_a_new_session(qapp):
    model = ChatsModel(now=lambda: NOON)
    new = ChatState(11, ChatStatus.NEW, 4, None, NOON, NOON - timedelta(seconds=20))
    model.show_chats(CHATS[:1], last_chat_id=11, shown_id=11, states={11: new})
    assert model.index(0, 0).data().splitlines()[1] == (
        f"waiting <1 min · no operator · {short_datetime(NOON)}"
    )
