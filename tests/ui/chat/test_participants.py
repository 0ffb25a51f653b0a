"""The participant list's model: names marked for the supervisor, roles for the pane's buttons."""

from __future__ import annotations

from PySide6.QtCore import Qt

from b24desk.api.types import User
from b24desk.ui.chat.participants import (
    IS_CUSTOMER_ROLE,
    IS_ME_ROLE,
    PENDING_ROLE,
    USER_ID_ROLE,
    ParticipantsModel,
)

ME = User(1, "Анна", "Смирнова", "Анна Смирнова")
OPERATOR = User(7, "Иван", "Петров", "Иван Петров")
CUSTOMER = User(1001, "Мария", "", "Мария", is_customer=True)
BOT = User(90, "Бот", "", "Бот", is_bot=True)
COLLEAGUE = User(8, "Жанна", "Орлова", "Жанна Орлова")


def texts(model: ParticipantsModel) -> list[str]:
    return [model.index(row, 0).data() for row in range(model.rowCount())]


def test_people_are_named_and_marked(qapp):
    model = ParticipantsModel()
    model.show_people([ME, OPERATOR, CUSTOMER, BOT], me_id=ME.id, operator_id=OPERATOR.id)
    assert texts(model) == [
        "Анна Смирнова (you)",
        "Иван Петров — operator",
        "Мария — customer",
        "Бот — bot",
    ]
    rows = [model.index(row, 0) for row in range(model.rowCount())]
    assert [i.data(USER_ID_ROLE) for i in rows] == [1, 7, 1001, 90]
    assert [i.data(IS_ME_ROLE) for i in rows] == [True, False, False, False]
    assert [i.data(IS_CUSTOMER_ROLE) for i in rows] == [False, False, True, False]
    assert not any(i.data(PENDING_ROLE) for i in rows)


def test_a_user_being_added_shows_at_once_and_goes_if_refused(qapp):
    model = ParticipantsModel()
    model.show_people([ME, COLLEAGUE], me_id=ME.id, operator_id=None)
    model.add_pending(OPERATOR)
    pending = model.index(2, 0)
    assert pending.data() == "Иван Петров — adding…"
    assert pending.data(PENDING_ROLE) and pending.data(USER_ID_ROLE) == OPERATOR.id
    model.drop_pending(COLLEAGUE.id)  # a confirmed participant is not a pending one
    assert model.rowCount() == 3
    model.drop_pending(OPERATOR.id)
    assert texts(model) == ["Анна Смирнова (you)", "Жанна Орлова"]
    assert model.user_at(1) == COLLEAGUE and model.user_at(2) is None


def test_no_data_outside_the_rows(qapp):
    model = ParticipantsModel()
    model.show_people([ME], me_id=None, operator_id=None)
    assert model.index(0, 0).data(Qt.ItemDataRole.ToolTipRole) is None
    assert model.data(model.index(5, 0)) is None
    model.clear()
    assert model.rowCount() == 0
