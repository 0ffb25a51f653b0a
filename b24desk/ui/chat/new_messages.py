"""The "N new messages" button over the history, while the supervisor reads older ones."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QPushButton

from b24desk.ui.chat.history import HistoryView

MARGIN = 12


class NewMessagesButton(QPushButton):
    """Floats at the bottom of the history; a click jumps to the newest message."""

    def __init__(self, history: HistoryView) -> None:
        super().__init__(history)
        self.setObjectName("newMessages")
        self._history = history
        self.hide()
        history.unseen_changed.connect(self._show_count)
        self.clicked.connect(lambda *_: history.show_newest())
        history.installEventFilter(self)

    def _show_count(self, count: int) -> None:
        if not count:
            self.hide()
            return
        self.setText(self.tr("New messages: {0} ↓").format(count))
        self.adjustSize()
        self._place()
        self.show()

    def _place(self) -> None:
        history = self._history
        self.move((history.width() - self.width()) // 2, history.height() - self.height() - MARGIN)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.Resize and self.isVisible():
            self._place()
        return False
