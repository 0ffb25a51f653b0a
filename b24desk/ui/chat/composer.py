"""The composer: the text box and its Send button; Ctrl+Enter sends, plain Enter starts a line."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent, QTextCursor
from PySide6.QtWidgets import QHBoxLayout, QPlainTextEdit, QPushButton, QVBoxLayout, QWidget


class Composer(QWidget):
    """`send_requested` carries the trimmed text; the text stays until `clear_if` is called.

    What is typed is the draft of the chat on show: `draft_changed` reports every edit, and
    `show_draft` puts a chat's own draft in when the supervisor moves to that chat.
    """

    send_requested = Signal(str)
    draft_changed = Signal(str)  # the supervisor edited the text (not `show_draft`)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._open = False
        self.editor = QPlainTextEdit()
        self.editor.setObjectName("composer")
        self.editor.setPlaceholderText(self.tr("Write to the chat… (Ctrl+Enter sends)"))
        self.editor.setMaximumHeight(90)
        self.editor.setTabChangesFocus(True)  # Tab leaves for the next widget, as everywhere
        self.editor.textChanged.connect(self._edited)
        self._showing = False
        # A QShortcut misses synthetic key events without focus; an event filter does not.
        self.editor.installEventFilter(self)
        self.send_button = QPushButton(self.tr("&Send"))
        self.send_button.setObjectName("sendButton")
        self.send_button.clicked.connect(lambda *_: self.submit())

        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.editor, 1)
        column = QVBoxLayout()
        column.addWidget(self.send_button)
        column.addStretch(1)
        row.addLayout(column)
        self.set_open(False)

    def text(self) -> str:
        return self.editor.toPlainText().strip()

    def set_open(self, is_open: bool) -> None:
        """Writable only while a chat is on show."""
        self._open = is_open
        self.editor.setEnabled(is_open)
        self._update()

    def hold(self) -> None:
        """No second Send while one is on its way; `set_open` releases it."""
        self.send_button.setEnabled(False)

    def submit(self) -> None:
        if self.send_button.isEnabled():
            self.send_requested.emit(self.text())

    def clear_if(self, text: str) -> None:
        """The portal took `text` over: clear it, unless the supervisor wrote on meanwhile."""
        if self.text() == text.strip():
            self.show_draft("")

    def show_draft(self, text: str) -> None:
        """Show a chat's own draft (or nothing): never another chat's half-written text."""
        self._showing = True
        try:
            self.editor.setPlainText(text)
            self.editor.moveCursor(QTextCursor.MoveOperation.End)
        finally:
            self._showing = False

    def _edited(self) -> None:
        self._update()
        if not self._showing and self._open:
            self.draft_changed.emit(self.editor.toPlainText())

    def _update(self) -> None:
        self.send_button.setEnabled(self._open and bool(self.text()))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if (
            watched is self.editor
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            and event.modifiers() & Qt.KeyboardModifier.ControlModifier
        ):
            self.submit()
            return True
        return super().eventFilter(watched, event)
