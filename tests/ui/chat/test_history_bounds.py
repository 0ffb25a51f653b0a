"""Huge or crafted messages never hold the window still; a link shows where it goes first."""

from __future__ import annotations

import time

import pytest
from PySide6.QtCore import QUrl
from PySide6.QtWidgets import QApplication

from b24desk.api.types import User
from b24desk.ui.chat.history import DISPLAY_LIMIT, HistoryView
from b24desk.ui.plaintext import MARK
from tests.helpers.history import anchors, history, msg
from tests.helpers.waiting import wait_until

MEGABYTE = "Длинное сообщение без конца. " * 36_000


def show_all_links(v: HistoryView) -> list[str]:
    return [href for href in anchors(v) if href.startswith("b24desk:")]


def test_a_huge_message_shows_its_start_and_show_all_at_once(view):
    started = time.perf_counter()
    view.show_history(history(msg(1, 1001, MEGABYTE), msg(2, 7, "ответ")), me=None)
    took = time.perf_counter() - started
    assert took < 0.5  # before: 61 s with the window frozen
    text = view.toPlainText()
    assert MEGABYTE[:1000] in text and "ответ" in text
    assert len(text) < DISPLAY_LIMIT + 500
    assert "Show all" in text
    assert len(show_all_links(view)) == 1


def test_show_all_brings_the_whole_message_in_over_several_turns(view, run):
    long_text = "".join(f"строка {i}\n" for i in range(6000))  # ~70,000 characters
    view.show_history(history(msg(1, 1001, long_text), msg(2, 7, "ответ")), me=None)
    (link,) = show_all_links(view)
    view.anchorClicked.emit(QUrl(link))
    assert view.rendering  # the rest goes in piece by piece, not in this turn

    async def scenario() -> None:
        await wait_until(lambda: not view.rendering, what="the whole message")

    run(scenario())
    text = view.toPlainText()
    assert "строка 0\n" in text and "строка 5999" in text and "ответ" in text
    assert text.index("строка 5999") < text.index("ответ")
    assert show_all_links(view) == []


def test_a_long_history_goes_in_chunk_by_chunk(view, run):
    messages = [msg(i, 7 if i % 2 else 1001, f"{i}: " + "слово " * 500) for i in range(1, 121)]
    started = time.perf_counter()
    view.show_history(history(*messages), me=None)
    assert time.perf_counter() - started < 0.25
    assert view.rendering and "120: " not in view.toPlainText()

    async def scenario() -> None:
        await wait_until(lambda: not view.rendering, what="the whole history")

    run(scenario())
    text = view.toPlainText()
    order = [text.index(f"\n{i}: ") for i in range(2, 121)]
    assert order == sorted(order)


def test_a_newer_history_replaces_one_still_rendering(view, run):
    messages = [msg(i, 7, f"старое {i} " + "слово " * 500) for i in range(1, 101)]
    view.show_history(history(*messages), me=None)
    view.show_history(history(msg(200, 7, "новое")), me=None)

    async def scenario() -> None:
        await wait_until(lambda: not view.rendering)

    run(scenario())
    assert "новое" in view.toPlainText() and "старое" not in view.toPlainText()


# The offscreen platform cannot raise the tooltip window; a real display can.
@pytest.mark.qt_log_ignore("This plugin does not support raise")
def test_a_link_naming_another_address_shows_its_target_first(view, opened):
    notices: list[str] = []
    view.link_notice.connect(notices.append)
    view.show_history(
        history(msg(1, 1001, "[url=https://evil.example/login]https://bank.example[/url]")), None
    )
    (href,) = anchors(view)
    view.anchorClicked.emit(QUrl(href))
    assert opened == []
    assert notices and "https://evil.example/login" in notices[0]
    assert QApplication.activeModalWidget() is None  # nothing took the keyboard
    view.anchorClicked.emit(QUrl(href))
    assert opened == ["https://evil.example/login"]


def test_an_honest_link_opens_on_the_first_click(view, opened):
    view.show_history(
        history(msg(1, 7, "[url=https://example.com/price]example.com/price[/url]")), None
    )
    view.anchorClicked.emit(QUrl(anchors(view)[0]))
    assert opened == ["https://example.com/price"]


def test_mailto_with_an_attachment_is_no_link(view, opened):
    view.show_history(
        history(msg(1, 1001, "[url=mailto:a@example.com?attach=/etc/passwd]счёт[/url]")), None
    )
    assert anchors(view) == []
    view.anchorClicked.emit(QUrl("mailto:a@example.com?attach=/etc/passwd"))
    assert opened == []


def test_hidden_characters_in_names_and_text_are_visible(view):
    spoof = User(1002, "Anna\u202e", "gnp.exe", "Anna\u202egnp.exe", is_customer=True)
    h = history(msg(1, 1002, "при\u200bвет"))
    h.users[1002] = spoof
    view.show_history(h, me=None)
    text = view.toPlainText()
    assert f"Anna{MARK}gnp.exe" in text and f"при{MARK}вет" in text
    assert "\u202e" not in text and "\u200b" not in text
