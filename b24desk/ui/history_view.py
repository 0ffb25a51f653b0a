"""A chat's history as read-only rich text: customer text rendered through bbcode, never as HTML.

Nothing remote is ever loaded, and links open only when clicked and only if safe.
"""

from __future__ import annotations

import html
from typing import Any

from PySide6.QtCore import QLocale, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QTextCursor, QTextOption
from PySide6.QtWidgets import QTextBrowser, QWidget

from b24desk.api.types import FileRef, History, Message, User
from b24desk.ui.bbcode import is_safe_link, to_html
from b24desk.ui.entity_model import short_datetime
from b24desk.ui.style import Tone, color

# Schemes the document may resolve by itself: inline data and the app's own resources.
_LOCAL_SCHEMES = frozenset({"data", "qrc"})


class HistoryView(QTextBrowser):
    """Shows one History; `link_refused` carries a clicked link that was not http(s)/mailto."""

    link_refused = Signal(str)

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
        bar.rangeChanged.connect(lambda *_: self._follow and bar.setValue(bar.maximum()))
        bar.sliderMoved.connect(lambda value: setattr(self, "_follow", value >= bar.maximum()))

    def show_history(self, history: History, me: int | None) -> None:
        """Render every message in order, then scroll to the newest."""
        if not history.messages:
            self.show_placeholder(self.tr("No messages in this chat yet."))
            return
        parts = [self._message_html(m, history, me) for m in history.messages]
        self._follow = True
        self.setHtml("".join(parts))
        self.scroll_to_bottom()

    def show_placeholder(self, text: str) -> None:
        hint = color(Tone.HINT)
        self.setHtml(f'<p align="center" style="color:{hint}"><i>{html.escape(text)}</i></p>')

    def scroll_to_bottom(self) -> None:
        # Moving the cursor makes the document lay out up to the end before scrolling.
        self.moveCursor(QTextCursor.MoveOperation.End)
        self.ensureCursorVisible()
        bar = self.verticalScrollBar()
        bar.setValue(bar.maximum())

    def loadResource(self, kind: int, name: QUrl) -> Any:  # noqa: N802 (Qt override)
        if name.scheme().lower() not in _LOCAL_SCHEMES:
            return None  # no tracking pixels, no file:// reads, whatever the HTML says
        return super().loadResource(kind, name)

    # --- rendering ------------------------------------------------------------------------

    def _message_html(self, message: Message, history: History, me: int | None) -> str:
        when = html.escape(short_datetime(message.date))
        body = to_html(message.text)
        files = "".join(self._file_html(i, history.files.get(i)) for i in message.file_ids)
        hint = color(Tone.HINT)
        if message.is_system:
            label = html.escape(self.tr("System"))
            return (
                f'<p style="color:{hint}; margin-top:6px; margin-bottom:0">'
                f"<i>{label} · {when}</i></p>"
                f'<div style="color:{hint}"><i>{body}</i>{files}</div>'
            )
        name, tint = self._sender(message.sender_id, history.users.get(message.sender_id), me)
        return (
            f'<p style="margin-top:8px; margin-bottom:0">'
            f'<span style="color:{tint}; font-weight:bold">{name}</span>'
            f' <span style="color:{hint}">{when}</span></p>'
            f"<div>{body}{files}</div>"
        )

    def _sender(self, sender_id: int, user: User | None, me: int | None) -> tuple[str, str]:
        """The sender's escaped label and colour: yourself, a customer or an employee."""
        # Customer names come from messengers, so they are as untrusted as message text.
        name = html.escape(user.full_name if user and user.full_name else f"#{sender_id}")
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
        name = html.escape(file.name or self.tr("File #{id}").format(id=file.id))
        # A link only to a safe address; it opens on click, the view never fetches it.
        url = next((u for u in (file.url_download, file.url_show) if u and is_safe_link(u)), "")
        if url:
            name = f'<a href="{html.escape(url, quote=True)}">{name}</a>'
        hint = color(Tone.HINT)
        suffix = f' <span style="color:{hint}">({html.escape(size)})</span>' if size else ""
        return f'<p style="margin:0">📎 {name}{suffix}</p>'

    def _open_link(self, url: QUrl) -> None:
        text = url.toString()
        if is_safe_link(text):
            QDesktopServices.openUrl(url)
        else:
            self.link_refused.emit(text)
