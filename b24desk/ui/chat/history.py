"""A chat's history as read-only rich text: customer text rendered through bbcode, never as HTML.

Nothing remote is ever loaded, and links open only when clicked and only if safe. Long
messages show their start and a *Show all* link; the history goes in a little per event-loop
turn, so no message, however long or crafted, holds the window still.
"""

from __future__ import annotations

import html
from collections import deque
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QLocale, QMimeData, QPoint, QTimer, QUrl, Signal
from PySide6.QtGui import (
    QCursor,
    QDesktopServices,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextOption,
)
from PySide6.QtWidgets import QMenu, QTextBrowser, QToolTip, QWidget

from b24desk.api.types import FileRef, History, Message, User
from b24desk.ui.bbcode import is_safe_link, misleading, to_html, to_plain
from b24desk.ui.context_menu import add_action, attach, copy_text
from b24desk.ui.dates import short_datetime
from b24desk.ui.plaintext import tooltip, visible
from b24desk.ui.style import Tone, color

# Schemes the document may resolve by itself: inline data and the app's own resources.
_LOCAL_SCHEMES = frozenset({"data", "qrc"})
# The view's own links (Show all); never handed to the desktop.
_OWN_SCHEME = "b24desk"
_SHOW_ALL = "show-all/"
# Each message's header paragraph carries the message ID as its block's user state (Qt's
# own -qt-user-state property), so the context menu finds the message under the pointer.
_USER_STATE = "-qt-user-state"
# Characters of a message shown before *Show all*, and the size of each further piece:
# Telegram's own maximum, so ordinary messages show whole. Qt lays out a long unbroken
# word in time quadratic in its length, so pieces must stay this small to stay cheap.
DISPLAY_LIMIT = 4096
# HTML characters put into the document per event-loop turn: measured at a few ms.
CHUNK_HTML = 12_000


@dataclass(frozen=True, slots=True)
class _Part:
    """One piece of one message: the first carries the sender line, the last the files."""

    message: Message
    text: str
    first: bool
    last: bool
    hidden: int  # characters left out (a Show all link follows); 0 when all is shown


def _block_format(part: _Part | None) -> QTextBlockFormat:
    """The format of the paragraph a part starts with (the margins of `_part_html`)."""
    block = QTextBlockFormat()
    if part is not None and part.first:
        block.setTopMargin(6 if part.message.is_system else 8)
        block.setBottomMargin(0)
    return block


def pieces(text: str, size: int = DISPLAY_LIMIT, limit: int | None = None) -> list[str]:
    """`text` cut into pieces of at most `size` (the first `limit` of them), at a line break
    or a space when one is near the end of a piece."""
    found: list[str] = []
    start = 0
    while len(text) - start > size and (limit is None or len(found) < limit):
        end = start + size
        near = start + size * 9 // 10
        cut = max(text.rfind("\n", near, end), text.rfind(" ", near, end))
        cut = cut + 1 if cut > start else end
        found.append(text[start:cut])
        start = cut
    if limit is None or len(found) < limit:
        found.append(text[start:])
    return found


class HistoryView(QTextBrowser):
    """Shows one History; `link_refused` carries a clicked link that was not http(s)/mailto,
    `link_notice` a sentence for the status bar (where a link really goes)."""

    link_refused = Signal(str)
    link_notice = Signal(str)
    unseen_changed = Signal(int)  # messages that came while the supervisor read older ones

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("historyView")
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        # Customers paste URLs hundreds of characters long; wrap them instead of scrolling.
        self.setWordWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        self.anchorClicked.connect(self._open_link)
        # Layout finishes after setHtml (and again on resizes): keep the newest message in
        # view until the supervisor scrolls up to read older ones.
        self._follow = True
        bar = self.verticalScrollBar()
        bar.rangeChanged.connect(self._keep_following)
        # Wheel, keys and the slider all trigger an action: the supervisor's own scrolling.
        bar.actionTriggered.connect(lambda _action: self._scrolled(bar.sliderPosition()))
        bar.valueChanged.connect(self._at_value)
        self._history = History(0, None, (), {}, {})
        self._me: int | None = None
        self._expanded: set[int] = set()  # IDs of messages whose Show all was clicked
        self._queue: deque[_Part] = deque()
        self._held: tuple[_Part, str] | None = None  # rendered, waiting for the next turn
        self._started = False  # whether this history's first chunk replaced the document
        self._armed = ""  # a misleading link clicked once: the next click opens it
        self._restore: int | None = None  # scroll position to return to after Show all
        self.unseen = 0
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self._render_chunk)
        attach(self, self._context_menu)

    @property
    def rendering(self) -> bool:
        """Whether part of the history is still on its way into the document."""
        return bool(self._queue or self._held)

    def show_history(self, history: History, me: int | None) -> None:
        """Render the messages in order, a chunk per loop turn, following the newest."""
        if not history.messages:
            self.show_placeholder(self.tr("No messages in this chat yet."))
            return
        if history.chat_id != self._history.chat_id:
            self._expanded.clear()
        self._history, self._me = history, me
        self._queue = deque(part for m in history.messages for part in self._parts(m))
        self._held, self._started, self._follow, self._restore = None, False, True, None
        self._set_unseen(0)
        self._render_chunk()

    def update_history(self, history: History, me: int | None) -> None:
        """Show a newer state of the history on show: new messages are appended, and the
        view jumps to them only if the supervisor was reading the newest; otherwise they
        are counted (`unseen`). Anything else (another session, edits) renders anew."""
        old = self._history.messages
        known = [m.id for m in history.messages[: len(old)]]
        if (
            history.chat_id != self._history.chat_id
            or history.session_id != self._history.session_id
            or self.rendering
            or not self._started
            or known != [m.id for m in old]
            or history.messages[: len(old)] != old
        ):
            self.show_history(history, me)
            return
        new = history.messages[len(old) :]
        self._history, self._me = history, me
        if not new:
            return
        self._queue.extend(part for m in new for part in self._parts(m))
        if not self._follow:
            self._set_unseen(self.unseen + len(new))
        self._render_chunk()

    def show_newest(self) -> None:
        self._follow = True
        self._set_unseen(0)  # first: hiding the button lays the view out again
        self.scroll_to_bottom()

    def _scrolled(self, position: int) -> None:
        """Reading older messages stops the following; back at the bottom, it resumes."""
        self._follow = position >= self.verticalScrollBar().maximum()
        if self._follow:
            self._set_unseen(0)

    def _at_value(self, value: int) -> None:
        if value >= self.verticalScrollBar().maximum():
            self._set_unseen(0)

    def _set_unseen(self, count: int) -> None:
        if count != self.unseen:
            self.unseen = count
            self.unseen_changed.emit(count)

    def show_placeholder(self, text: str) -> None:
        self._timer.stop()
        self._queue.clear()
        self._held = None
        self._set_unseen(0)
        hint = color(Tone.HINT)
        self.setHtml(f'<p align="center" style="color:{hint}"><i>{html.escape(text)}</i></p>')

    def scroll_to_bottom(self) -> None:
        # Moving the cursor makes the document lay out up to the end before scrolling.
        self.moveCursor(QTextCursor.MoveOperation.End)
        self.ensureCursorVisible()
        bar = self.verticalScrollBar()
        bar.setValue(bar.maximum())

    def _keep_following(self) -> None:
        if self._follow:
            bar = self.verticalScrollBar()
            bar.setValue(bar.maximum())

    def loadResource(self, kind: int, name: QUrl | str) -> Any:  # noqa: N802 (Qt override)
        if QUrl(name).scheme().lower() not in _LOCAL_SCHEMES:
            return None  # no tracking pixels, no file:// reads, whatever the HTML says
        return super().loadResource(kind, name)

    # --- rendering ------------------------------------------------------------------------

    def _parts(self, message: Message) -> list[_Part]:
        text = message.text
        if message.id in self._expanded:
            cut = pieces(text)
            return [_Part(message, p, i == 0, i == len(cut) - 1, 0) for i, p in enumerate(cut)]
        if len(text) <= DISPLAY_LIMIT:
            return [_Part(message, text, True, True, 0)]
        start = pieces(text, limit=1)[0]
        return [_Part(message, start, True, True, len(text) - len(start))]

    def _render_chunk(self) -> None:
        """Put the next CHUNK_HTML characters' worth of messages into the document."""
        first, held = self._held or (None, "")
        chunk, size, self._held = [held], len(held), None
        while self._queue:
            part = self._queue.popleft()
            part_html = self._part_html(part)
            if size and size + len(part_html) > CHUNK_HTML:
                self._held = (part, part_html)
                break
            chunk.append(part_html)
            size += len(part_html)
            first = first or part
        if not self._started:
            self._started = True
            self.setHtml("".join(chunk))
        elif size:
            cursor = QTextCursor(self.document())
            cursor.movePosition(QTextCursor.MoveOperation.End)
            # A fresh block: inserted HTML would otherwise run on in the last paragraph. The
            # first inserted paragraph keeps this block's format, so it gets the header's.
            cursor.insertBlock(_block_format(first), QTextCharFormat())
            cursor.insertHtml("".join(chunk))
        if self._follow:
            self.scroll_to_bottom()
        if self.rendering:
            self._timer.start()
        elif self._restore is not None:
            self.verticalScrollBar().setValue(self._restore)
            self._restore = None

    def _part_html(self, part: _Part) -> str:
        message, history = part.message, self._history
        body = to_html(part.text)
        if part.last:
            body += "".join(self._file_html(i, history.files.get(i)) for i in message.file_ids)
        if part.hidden:
            label = self.tr("Show all ({0} more characters)").format(
                QLocale().toString(part.hidden)
            )
            href = f"{_OWN_SCHEME}:{_SHOW_ALL}{message.id}"
            body += f'<p style="margin:0"><a href="{href}">{html.escape(label)}</a></p>'
        hint = color(Tone.HINT)
        if message.is_system:
            body = f'<div style="color:{hint}"><i>{body}</i></div>'
        else:
            body = f"<div>{body}</div>"
        if not part.first:
            return body
        when = html.escape(short_datetime(message.date))
        state = f"{_USER_STATE}:{message.id}"
        if message.is_system:
            label = html.escape(self.tr("System"))
            return (
                f'<p style="color:{hint}; margin-top:6px; margin-bottom:0; {state}">'
                f"<i>{label} · {when}</i></p>{body}"
            )
        user = history.users.get(message.sender_id)
        name, tint = self._sender(message.sender_id, user, self._me)
        return (
            f'<p style="margin-top:8px; margin-bottom:0; {state}">'
            f'<span style="color:{tint}; font-weight:bold">{name}</span>'
            f' <span style="color:{hint}">{when}</span></p>{body}'
        )

    def _sender(self, sender_id: int, user: User | None, me: int | None) -> tuple[str, str]:
        """The sender's escaped label and colour: yourself, a customer or an employee."""
        # Customer names come from messengers, so they are as untrusted as message text.
        name = html.escape(visible(user.full_name) if user and user.full_name else f"#{sender_id}")
        # Not inside the f-strings: lupdate does not look into them.
        if sender_id == me:
            you = html.escape(self.tr("(you)"))
            return f"{name} {you}", color(Tone.ME)
        if user is not None and user.is_customer:
            customer = html.escape(self.tr("(customer)"))
            return f"{name} {customer}", color(Tone.CUSTOMER)
        return name, color(Tone.EMPLOYEE)

    def _file_html(self, file_id: int, file: FileRef | None) -> str:
        if file is None:
            text = html.escape(self.tr("File #{id}").format(id=file_id))
            return f'<p style="margin:0">📎 {text}</p>'
        size = QLocale().formattedDataSize(file.size) if file.size else ""
        name = html.escape(visible(file.name) or self.tr("File #{id}").format(id=file.id))
        # A link only to a safe address; it opens on click, the view never fetches it.
        url = next((u for u in (file.url_download, file.url_show) if u and is_safe_link(u)), "")
        if url:
            target = html.escape(url, quote=True)
            name = f'<a href="{target}" title="{html.escape(tooltip(url), quote=True)}">{name}</a>'
        hint = color(Tone.HINT)
        suffix = f' <span style="color:{hint}">({html.escape(size)})</span>' if size else ""
        return f'<p style="margin:0">📎 {name}{suffix}</p>'

    def _open_link(self, url: QUrl) -> None:
        text = url.toString()
        if url.scheme() == _OWN_SCHEME:
            self._show_all(url.path())
        elif not is_safe_link(text):
            self.link_refused.emit(text)
        elif self._armed != text and (label := self._misleading_label(url)):
            # Not a modal box: it would take the keyboard. The second click opens it.
            self._armed = text
            note = self.tr("“{0}” goes to {1}. Click it again to open it.").format(label, text)
            QToolTip.showText(QCursor.pos(), tooltip(note), self)
            self.link_notice.emit(note)
        else:
            self._armed = ""
            QDesktopServices.openUrl(url)

    def _misleading_label(self, url: QUrl) -> str:
        """The text of a link to `url` that reads as another address; "" when none does."""
        labels: list[str] = []
        block = self.document().begin()
        while block.isValid():
            it, previous = block.begin(), False
            while not it.atEnd():
                fragment = it.fragment()
                fmt = fragment.charFormat()
                here = fmt.isAnchor() and QUrl(fmt.anchorHref()) == url
                if here and previous:
                    labels[-1] += fragment.text()
                elif here:
                    labels.append(fragment.text())
                previous = here
                it += 1
            block = block.next()
        return next((label for label in labels if misleading(label, url.toString())), "")

    def _show_all(self, path: str) -> None:
        message_id = path.removeprefix(_SHOW_ALL)
        if not message_id.isdigit():
            return
        self._expanded.add(int(message_id))
        follow, value = self._follow, self.verticalScrollBar().value()
        self.show_history(self._history, self._me)
        if not follow:  # back where the reader was once it is all in
            self._follow = False
            if self.rendering:
                self._restore = value
            else:
                self.verticalScrollBar().setValue(value)

    # --- copying --------------------------------------------------------------------------

    def createMimeDataFromSelection(self) -> QMimeData:  # noqa: N802 (Qt override)
        """Ctrl+C copies plain text: the portal's text never travels on as HTML."""
        data = QMimeData()
        data.setText(self.textCursor().selection().toPlainText())
        return data

    def message_at(self, pos: QPoint) -> Message | None:
        """The message shown at `pos` (viewport coordinates): the nearest header above it."""
        block = self.cursorForPosition(pos).block()
        while block.isValid() and block.userState() < 0:
            block = block.previous()
        wanted = block.userState() if block.isValid() else -1
        return next((m for m in self._history.messages if m.id == wanted), None)

    def _context_menu(self, pos: QPoint) -> QMenu:
        menu = QMenu(self)
        selected = self.textCursor().selection().toPlainText()
        copy = self.tr("&Copy")
        add_action(menu, copy, "copySelectionAction", lambda: copy_text(selected), bool(selected))
        message = self.message_at(pos)
        text = to_plain(message.text) if message is not None else ""
        copy_message = self.tr("Copy message &text")
        add_action(menu, copy_message, "copyMessageAction", lambda: copy_text(text), bool(text))
        link = self.anchorAt(pos)
        link = "" if QUrl(link).scheme() == _OWN_SCHEME else link
        add_action(
            menu, self.tr("Copy &link"), "copyLinkAction", lambda: copy_text(link), bool(link)
        )
        return menu
