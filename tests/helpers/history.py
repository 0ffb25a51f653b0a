"""Histories to show: three people (one a customer with markup in the name) and messages."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from b24desk.api.types import FileRef, History, Message, User
from b24desk.ui.chat.history import HistoryView

T0 = datetime(2024, 5, 14, 9, 30, tzinfo=UTC)
ANNA = User(1, "Анна", "Смирнова", "Анна Смирнова", position="Supervisor")
IGOR = User(7, "Игорь", "Белов", "Игорь Белов", position="Operator")
CUSTOMER = User(1001, "<b>Хакер", "</b>", "<b>Хакер</b>", is_customer=True)


def history(*messages: Message, files: dict[int, FileRef] | None = None) -> History:
    users = {u.id: u for u in (ANNA, IGOR, CUSTOMER)}
    return History(chat_id=55, session_id=9, messages=messages, users=users, files=files or {})


def msg(i: int, sender: int, text: str, files: tuple[int, ...] = ()) -> Message:
    return Message(i, 55, sender, T0 + timedelta(minutes=i), text, files)


def fragments(view: HistoryView) -> list[tuple[str, object]]:
    """Every text run in the document with its character format."""
    found = []
    block = view.document().begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            fragment = it.fragment()
            found.append((fragment.text(), fragment.charFormat()))
            it += 1
        block = block.next()
    return found


def anchors(view: HistoryView) -> list[str]:
    return [fmt.anchorHref() for _, fmt in fragments(view) if fmt.isAnchor()]


def fragment_with(view: HistoryView, text: str):
    return next(fmt for t, fmt in fragments(view) if text in t)
