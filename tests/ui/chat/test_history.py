"""The history view shows customer text as text, refuses unsafe links and loads nothing remote."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import QLocale, QUrl
from PySide6.QtGui import QTextDocument

from b24desk.api.types import FileRef
from b24desk.portal.seed import HOSTILE_TEXTS
from b24desk.portal.state import CrmType
from b24desk.ui.bbcode import is_safe_link
from b24desk.ui.chat.history import HistoryView
from tests.helpers.history import (
    T0,
    anchors,
    fragment_with,
    fragments,
    history,
    msg,
)
from tests.helpers.waiting import wait_until
from tests.helpers.windows import PROFILE, make_window, open_entity


def test_messages_in_order_with_sender_and_local_time(view):
    view.show_history(
        history(msg(1, 1001, "Здравствуйте!"), msg(2, 7, "Добрый день"), msg(3, 1, "Подключилась")),
        me=1,
    )
    text = view.toPlainText()
    order = [text.index(s) for s in ("Здравствуйте!", "Добрый день", "Подключилась")]
    assert order == sorted(order)
    assert "Игорь Белов" in text and "Анна Смирнова (you)" in text
    local = (T0 + timedelta(minutes=2)).astimezone()  # on the supervisor's clock
    assert local.strftime("%H:%M") in text.split("Игорь Белов", 1)[1].split("\n", 1)[0]
    assert view.objectName() == "historyView"


def test_customer_system_and_employee_look_different(view):
    view.show_history(
        history(msg(1, 1001, "Где заказ?"), msg(2, 0, "Диалог передан"), msg(3, 7, "Проверяю")),
        me=None,
    )
    customer = fragment_with(view, "(customer)")
    system = fragment_with(view, "System")
    employee = fragment_with(view, "Игорь Белов")
    assert customer.foreground().color() != employee.foreground().color()
    assert system.fontItalic() and fragment_with(view, "Диалог передан").fontItalic()
    grey = system.foreground().color()
    assert grey.hsvSaturation() < 40  # muted, whatever the palette
    assert grey not in (customer.foreground().color(), employee.foreground().color())
    assert not employee.fontItalic()


def test_customer_name_is_text_not_markup(view):
    view.show_history(history(msg(1, 1001, "hi")), me=None)
    assert "<b>Хакер</b> (customer)" in view.toPlainText()


class SpyView(HistoryView):
    """Records every resource the document asks for, and the answer it got."""

    def __init__(self) -> None:
        super().__init__()
        self.asked: list[tuple[str, object]] = []

    def loadResource(self, kind, name):  # noqa: N802 (Qt override)
        answer = super().loadResource(kind, name)
        self.asked.append((name.toString(), answer))
        return answer


def test_hostile_text_shows_as_text_and_loads_nothing(qtbot):
    view = SpyView()
    qtbot.addWidget(view)
    view.show()
    view.show_history(
        history(
            msg(1, 1001, "<img src=x onerror=alert(1)>"),
            msg(2, 1001, "[url=javascript:alert(1)]x[/url]"),
            msg(3, 1001, "<img src='https://tracker.example/p.gif'>"),
        ),
        me=None,
    )
    view.grab()
    text = view.toPlainText()
    assert "<img src=x onerror=alert(1)>" in text
    assert "<img src='https://tracker.example/p.gif'>" in text
    assert not any(fmt.isImageFormat() for _, fmt in fragments(view))
    # The javascript: label stays and its link does not; a bare https URL is a plain link.
    assert anchors(view) == ["https://tracker.example/p.gif"]
    assert "\nx\n" in f"\n{text}\n"
    assert view.asked == []


def test_every_seeded_hostile_text_renders_safely(view):
    view.show_history(history(*(msg(i, 1001, t) for i, t in enumerate(HOSTILE_TEXTS, 1))), None)
    text = view.toPlainText()
    for hostile in HOSTILE_TEXTS:
        if "[" not in hostile:
            assert hostile in text
    assert all(is_safe_link(href) for href in anchors(view))


def test_javascript_link_is_refused_and_https_opens(view, opened, qtbot):
    refused: list[str] = []
    view.link_refused.connect(refused.append)
    view.anchorClicked.emit(QUrl("javascript:alert(1)"))
    view.anchorClicked.emit(QUrl("file:///etc/passwd"))
    view.anchorClicked.emit(QUrl("https://example.com/price"))
    assert refused == ["javascript:alert(1)", "file:///etc/passwd"]
    assert opened == ["https://example.com/price"]


def test_clicking_a_rendered_link_goes_through_the_check(view, opened):
    view.show_history(history(msg(1, 7, "[url=https://example.com/a]прайс[/url]")), None)
    assert anchors(view) == ["https://example.com/a"]
    view.anchorClicked.emit(QUrl(anchors(view)[0]))
    assert opened == ["https://example.com/a"]
    assert view.source().isEmpty()  # no navigation inside the view


def test_remote_and_file_resources_are_never_loaded(view):
    image = QTextDocument.ResourceType.ImageResource
    assert view.loadResource(image, QUrl("https://tracker.example/p.gif")) is None
    assert view.loadResource(image, QUrl("http://10.0.0.1/x.png")) is None
    assert view.loadResource(image, QUrl("file:///etc/passwd")) is None
    assert view.loadResource(image, QUrl("x")) is None  # relative: would resolve to a file


def test_even_raw_html_with_a_remote_image_fetches_nothing(qtbot):
    view = SpyView()
    qtbot.addWidget(view)
    view.show()
    view.setHtml('<p>x<img src="https://tracker.example/p.gif"></p>')
    view.grab()  # painting asks the view for the image
    assert {url for url, _ in view.asked} == {"https://tracker.example/p.gif"}
    assert all(answer is None for _, answer in view.asked)


def test_files_show_name_and_size_without_loading(view):
    files = {
        5: FileRef(5, "договор.pdf", "file", "pdf", 2_500_000, 1001, url_download="https://p/d/5"),
        6: FileRef(6, "<svg onload=x>.png", "image", "png", 1200, 1001, url_show="javascript:x"),
    }
    view.show_history(history(msg(1, 1001, "файлы", (5, 6, 9)), files=files), None)
    text = view.toPlainText()
    size = QLocale().formattedDataSize(2_500_000)
    assert f"договор.pdf ({size})" in text
    assert "<svg onload=x>.png" in text
    assert "File #9" in text
    assert anchors(view) == ["https://p/d/5"]  # the javascript: address is not a link
    assert not any(fmt.isImageFormat() for _, fmt in fragments(view))


def test_placeholder_is_text(view):
    view.show_placeholder("<b>Выберите чат</b>")
    assert view.toPlainText() == "<b>Выберите чат</b>"
    view.show_history(history(), me=None)
    assert view.toPlainText() == "No messages in this chat yet."


def test_scrolls_to_the_newest_message(view, run):
    view.resize(400, 300)
    view.show()
    messages = [msg(i, 7 if i % 2 else 1001, f"сообщение {i}") for i in range(1, 201)]
    view.show_history(history(*messages), me=1)

    async def scenario() -> None:
        bar = view.verticalScrollBar()
        await wait_until(lambda: bar.maximum() > 0 and bar.value() == bar.maximum())

    run(scenario())


def test_hostile_text_is_shown_as_text(live_portal, tmp_path, monkeypatch, qtbot, run, windows):
    state = live_portal.state
    hostile = "<img src=x onerror=alert(1)>"
    chat = next(c for c in state.chats.values() if c.is_lines and c.crm.get(CrmType.LEAD))
    if 1 not in chat.participants:
        chat.participants.append(1)
    state.add_message(chat, chat.customer_id, hostile, "2026-11-20T12:00:00+03:00")
    state.add_message(
        chat, chat.customer_id, "[url=javascript:alert(1)]жми[/url]", "2026-11-20T12:00:01+03:00"
    )
    window = make_window(tmp_path, monkeypatch, live_portal.webhook, qtbot, windows)

    async def scenario():
        assert await window.connect_to(PROFILE)
        await open_entity(window, qtbot, CrmType.LEAD, chat.crm[CrmType.LEAD])
        window.chat_pane.active_only.setChecked(False)
        window.chat_pane.reload(chat_id=chat.id)
        view = window.chat_pane.history_view
        await wait_until(lambda: hostile in view.toPlainText(), what="hostile text shown")
        assert "javascript" not in view.toHtml()

    run(scenario())
