"""The history's context menu copies a message's text, a link's address or the selection,
always as plain text."""

from __future__ import annotations

from PySide6.QtCore import QPoint
from PySide6.QtGui import QAction, QGuiApplication, QTextCursor
from PySide6.QtWidgets import QMenu

from b24desk.ui.chat.history import DISPLAY_LIMIT, HistoryView
from tests.helpers.history import history, msg


def point_in(view: HistoryView, text: str) -> QPoint:
    """A point (viewport coordinates) inside the first occurrence of `text`."""
    found = view.document().find(text)
    assert not found.isNull(), text
    cursor = QTextCursor(found)
    cursor.setPosition(found.selectionStart() + 1)
    return view.cursorRect(cursor).center()


def trigger(menu: QMenu, name: str) -> None:
    action = menu.findChild(QAction, name)
    assert action is not None and action.isEnabled(), name
    action.trigger()


def clipboard() -> tuple[str, list[str]]:
    data = QGuiApplication.clipboard().mimeData()
    return data.text(), data.formats()


def test_copy_message_text_and_link(view, qtbot):
    long_text = "Начало. " + "слово " * (DISPLAY_LIMIT // 5)
    view.resize(600, 400)
    view.show()
    view.show_history(
        history(
            msg(1, 1001, "Где [b]мой[/b] заказ?"),
            msg(2, 7, "Смотрите [url=https://example.com/track]трек[/url] здесь"),
            msg(3, 0, "Диалог передан"),
            msg(4, 1001, long_text),
        ),
        me=None,
    )
    qtbot.waitUntil(lambda: not view.rendering)

    menu = view._context_menu(point_in(view, "заказ"))
    assert not menu.findChild(QAction, "copyLinkAction").isEnabled()  # no link there
    trigger(menu, "copyMessageAction")
    assert clipboard() == ("Где мой заказ?", ["text/plain"])  # without BB-code or HTML

    menu = view._context_menu(point_in(view, "трек"))
    trigger(menu, "copyLinkAction")
    assert clipboard()[0] == "https://example.com/track"
    trigger(menu, "copyMessageAction")
    assert clipboard()[0] == "Смотрите трек здесь"

    trigger(view._context_menu(point_in(view, "передан")), "copyMessageAction")
    assert clipboard()[0] == "Диалог передан"
    # A long message shows its start only; the whole of it is copied.
    menu = view._context_menu(point_in(view, "Начало"))
    assert not menu.findChild(QAction, "copyLinkAction").isEnabled()  # "Show all" is ours
    trigger(menu, "copyMessageAction")
    assert clipboard()[0] == long_text


def test_the_selection_is_copied_as_plain_text(view, qtbot):
    view.show_history(history(msg(1, 7, "[b]Жирный[/b] ответ")), me=None)
    qtbot.waitUntil(lambda: not view.rendering)
    menu = view._context_menu(QPoint(1, 1))
    assert not menu.findChild(QAction, "copySelectionAction").isEnabled()
    view.selectAll()
    view.copy()  # Ctrl+C
    text, formats = clipboard()
    assert "Жирный ответ" in text and formats == ["text/plain"]
    trigger(view._context_menu(QPoint(1, 1)), "copySelectionAction")
    assert "Жирный ответ" in clipboard()[0]
