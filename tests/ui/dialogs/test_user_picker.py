"""The user picker searches once per pause in typing, keeps the newest answer, works by keyboard."""

from __future__ import annotations

import asyncio
import contextlib

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QDialog, QLabel, QLineEdit, QListWidget, QWidget

from b24desk.api.types import User
from b24desk.ui.aio import ask
from b24desk.ui.dialogs.user_picker import UserPicker, pick_user
from tests.helpers.waiting import wait_until

DIRECTORY = [
    User(1, "Анна", "Смирнова", "Анна Смирнова", position="Руководитель КЦ"),
    User(2, "Иван", "Андреев", "Иван Андреев", active=False, position="Оператор"),
    User(3, "Ангелина", "Котова", "Ангелина Котова", position="Оператор"),
    User(4, "Жанна", "Орлова", "Жанна Орлова", position="Старший оператор"),
    User(5, "Анастасия", "Лебедева", "Анастасия Лебедева", position=""),
]


class FakeDirectory:
    """user.search in memory; `gates[query]` holds that query's answer back until set."""

    def __init__(self) -> None:
        self.calls: list[str] = []
        self.answered: list[str] = []
        self.gates: dict[str, asyncio.Event] = {}
        self.error: Exception | None = None

    async def search(self, query: str) -> list[User]:
        self.calls.append(query)
        gate = self.gates.get(query)
        if gate is not None:
            # An answer that arrives despite the cancel: the picker must ignore it.
            with contextlib.suppress(asyncio.CancelledError):
                await gate.wait()
        await asyncio.sleep(0)
        self.answered.append(query)
        if self.error is not None:
            raise self.error
        return [u for u in DIRECTORY if query.lower() in u.full_name.lower()]


class DirectoryDownError(Exception):
    user_message = "Bitrix24 is not answering right now."


# The offscreen platform cannot pass a dialog's size limits on; real platforms can.


@pytest.fixture
def directory() -> FakeDirectory:
    return FakeDirectory()


@pytest.fixture
def picker(qtbot, directory, runner) -> UserPicker:
    dialog = UserPicker(directory.search, runner, excluded_ids={4})
    qtbot.addWidget(dialog)
    return dialog


def type_text(widget: QWidget, text: str) -> None:
    """Type like a keyboard would; QTest.keyClicks aborts on non-ASCII (qasciikey.cpp)."""
    for char in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            event = QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, char)
            QApplication.sendEvent(widget, event)


def search_box(picker: UserPicker) -> QLineEdit:
    return picker.findChild(QLineEdit, "userSearch")


def results(picker: UserPicker) -> QListWidget:
    return picker.findChild(QListWidget, "userResults")


def status(picker: UserPicker) -> QLabel:
    return picker.findChild(QLabel, "userPickerStatus")


def texts(picker: UserPicker) -> list[str]:
    """Each row's first line: name, position and why it cannot be picked."""
    return [line.split("\n")[0] for line in full_texts(picker)]


def full_texts(picker: UserPicker) -> list[str]:
    listing = results(picker)
    return [listing.item(i).text() for i in range(listing.count())]


def highlighted(picker: UserPicker) -> str:
    item = results(picker).currentItem()
    return item.text() if item else ""


def test_fast_typing_makes_one_search(qtbot, run, picker, directory, errors):
    async def scenario() -> None:
        picker.show()
        type_text(search_box(picker), "Смирн")
        assert directory.calls == []  # nothing until the typing pauses
        await wait_until(lambda: results(picker).count() == 1, what="results")

    run(scenario())
    assert directory.calls == ["Смирн"]
    assert texts(picker) == ["Анна Смирнова — Руководитель КЦ"]
    assert errors == []


def test_arrow_keys_skip_unpickable_users_and_enter_picks(qtbot, run, picker, directory):
    async def scenario() -> None:
        verdict = asyncio.ensure_future(ask(picker))
        box = search_box(picker)
        type_text(box, "ан")
        await wait_until(lambda: results(picker).count() == 5, what="results")
        assert highlighted(picker).startswith("Анна Смирнова")
        qtbot.keyClick(box, Qt.Key.Key_Down)  # past the inactive Иван Андреев
        assert highlighted(picker).startswith("Ангелина Котова")
        qtbot.keyClick(box, Qt.Key.Key_Down)  # past Жанна, already in the chat
        assert highlighted(picker).startswith("Анастасия Лебедева")
        qtbot.keyClick(box, Qt.Key.Key_Down)  # the end: stays
        assert highlighted(picker).startswith("Анастасия Лебедева")
        qtbot.keyClick(box, Qt.Key.Key_Up)
        assert highlighted(picker).startswith("Ангелина Котова")
        qtbot.keyClick(box, Qt.Key.Key_Return)
        assert await asyncio.wait_for(verdict, 5) == QDialog.DialogCode.Accepted

    run(scenario())
    assert picker.chosen_user == DIRECTORY[2]


def test_inactive_and_participants_are_marked_and_cannot_be_picked(run, qtbot, picker):
    async def scenario() -> None:
        picker.show()
        type_text(search_box(picker), "ан")
        await wait_until(lambda: results(picker).count() == 5)

    run(scenario())
    assert texts(picker)[1] == "Иван Андреев — Оператор (inactive)"
    assert texts(picker)[3] == "Жанна Орлова — Старший оператор (already in the chat)"
    listing = results(picker)
    assert not listing.item(1).flags() & Qt.ItemFlag.ItemIsEnabled
    assert not listing.item(3).flags() & Qt.ItemFlag.ItemIsEnabled
    picker._pick(listing.item(3))  # even a direct attempt does nothing
    assert picker.isVisible() and picker.chosen_user is None


def test_escape_cancels(qtbot, run, picker):
    async def scenario() -> None:
        verdict = asyncio.ensure_future(ask(picker))
        box = search_box(picker)
        type_text(box, "Смирн")
        await wait_until(lambda: results(picker).count() == 1)
        qtbot.keyClick(box, Qt.Key.Key_Escape)
        assert await asyncio.wait_for(verdict, 5) == QDialog.DialogCode.Rejected

    run(scenario())
    assert picker.chosen_user is None


def test_double_click_picks(qtbot, run, picker):
    async def scenario() -> None:
        verdict = asyncio.ensure_future(ask(picker))
        type_text(search_box(picker), "ан")
        await wait_until(lambda: results(picker).count() == 5)
        listing = results(picker)
        spot = listing.visualItemRect(listing.item(4)).center()
        # A real double click: the first click, then the second one reported as a double.
        qtbot.mouseClick(listing.viewport(), Qt.MouseButton.LeftButton, pos=spot)
        qtbot.mouseDClick(listing.viewport(), Qt.MouseButton.LeftButton, pos=spot)
        assert await asyncio.wait_for(verdict, 5) == QDialog.DialogCode.Accepted

    run(scenario())
    assert picker.chosen_user == DIRECTORY[4]


def test_stale_results_are_dropped(qtbot, run, picker, directory, errors):
    directory.gates["ан"] = asyncio.Event()

    async def scenario() -> None:
        picker.show()
        box = search_box(picker)
        type_text(box, "ан")
        await wait_until(lambda: directory.calls == ["ан"], what="first search")
        assert status(picker).text() == "Searching…" and status(picker).isVisible()
        type_text(box, "на")
        await wait_until(lambda: results(picker).count() == 2, what="newest results")
        directory.gates["ан"].set()  # the older, broader answer arrives last
        await wait_until(lambda: "ан" in directory.answered, what="stale answer delivered")
        assert texts(picker) == [
            "Анна Смирнова — Руководитель КЦ",
            "Жанна Орлова — Старший оператор (already in the chat)",
        ]

    run(scenario())
    assert directory.calls == ["ан", "анна"]
    assert errors == []


def test_search_error_is_shown_inline(qtbot, run, picker, directory, errors):
    directory.error = DirectoryDownError("user.search: INTERNAL_SERVER_ERROR (HTTP 500)")

    async def scenario() -> None:
        picker.show()
        type_text(search_box(picker), "Анна")
        await wait_until(lambda: status(picker).property("error"), what="error shown")

    run(scenario())
    assert status(picker).text() == "Bitrix24 is not answering right now."
    assert status(picker).isVisible()
    assert errors == []  # handled here, not passed to the window's error handler


def test_error_without_user_message_gets_a_plain_sentence(qtbot, run, picker, directory):
    directory.error = RuntimeError("Traceback (most recent call last): secret internals")

    async def scenario() -> None:
        picker.show()
        type_text(search_box(picker), "Анна")
        await wait_until(lambda: status(picker).property("error"))

    run(scenario())
    assert "Traceback" not in status(picker).text()
    assert status(picker).text() == "The search failed. Check the connection and try again."


def test_pick_user_awaits_the_dialog(qtbot, run, directory, runner):
    async def scenario() -> User | None:
        task = asyncio.ensure_future(pick_user(directory.search, runner))
        picker = await wait_until(lambda: _open_picker(), what="picker shown")
        type_text(search_box(picker), "Жанна")
        await wait_until(lambda: results(picker).count() == 1)
        qtbot.keyClick(search_box(picker), Qt.Key.Key_Enter)
        return await asyncio.wait_for(task, 5)

    assert run(scenario()) == DIRECTORY[3]


def _open_picker() -> UserPicker | None:
    return next(
        (w for w in QApplication.topLevelWidgets() if isinstance(w, UserPicker) and w.isVisible()),
        None,
    )


def test_rows_tell_department_presence_line_and_chats_once_loaded(qtbot, run, directory, runner):
    from b24desk.desk.people import PickerFacts

    online = User(
        6, "Олег", "Новиков", "Олег Новиков", position="Оператор", departments=(3,), is_online=True
    )
    directory_users = [*DIRECTORY, online]
    gate = asyncio.Event()

    async def search(query: str) -> list[User]:
        return [u for u in directory_users if query.lower() in u.full_name.lower()]

    async def facts() -> PickerFacts:
        await gate.wait()
        members = {10: (6, 1), 11: (6,), 12: ()}
        return PickerFacts({3: "Контакт-центр"}, 1, frozenset({6}), members)

    picker = UserPicker(search, runner, facts=facts)
    qtbot.addWidget(picker)

    async def scenario() -> None:
        picker.show()
        type_text(search_box(picker), "Олег")
        await wait_until(lambda: results(picker).count() == 1, what="results")
        assert full_texts(picker) == ["Олег Новиков — Оператор\n    online · …"]
        gate.set()
        await wait_until(lambda: picker.facts is not None, what="details")

    run(scenario())
    assert full_texts(picker) == [
        "Олег Новиков — Оператор\n"
        "    Контакт-центр · online · operator of this line · in 2 of 3 chats"
    ]
