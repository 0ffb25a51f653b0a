"""The composer: the text box and its Send button; Ctrl+Enter sends, plain Enter starts a line."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QHBoxLayout, QPlainTextEdit, QPushButton, QVBoxLayout, QWidget


class Composer(QWidget):
    """`send_requested` carries the trimmed text; the text stays until `clear_if` is called."""

    send_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._open = False
        self.editor = QPlainTextEdit()
        self.editor.setObjectName("composer")
        self.editor.setPlaceholderText(self.tr("Write to the chat… (Ctrl+Enter sends)"))
        self.editor.setMaximumHeight(90)
        self.editor.textChanged.connect(self._update)
        # A QShortcut misses synthetic key events without focus; an event filter does not.
        self.editor.installEventFilter(self)
        self.send_button = QPushButton(self.tr("Send"))
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
        """The portal confirmed `text`: clear it, unless the supervisor wrote on meanwhile."""
        if self.text() == text:
            self.editor.clear()

    def restore(self, text: str) -> None:
        """Put an unsent text back where it can be edited or resent, if the box is empty."""
        if not self.text():
            self.editor.setPlainText(text)

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
