"""The unsent banner: a message Bitrix24 has not confirmed in the shown chat, and what to do.

It never asks on its own: the supervisor picks *Check and resend* (the chat is looked at
first; the text goes again only when it is not there), *Put back* (into the composer)
or *Discard*. Nothing here takes the keyboard, so typing the next message is never caught.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

from b24desk.desk.desk import Desk
from b24desk.desk.outbox import OutboxItem, OutboxState
from b24desk.desk.tasks import TaskScope
from b24desk.ui.plaintext import plain, visible
from b24desk.ui.style import notice_style
from b24desk.ui.texts import error_text

SHOWN_CHARACTERS = 80


class UnsentBanner(QWidget):
    """Hidden while everything sent in the shown chat is confirmed."""

    confirmed = Signal(str)  # the text is in the chat: found there, or sent again
    failed = Signal(object)  # an exception the pane shows
    put_back = Signal(str)  # the chat's draft now holds the text again

    def __init__(self, runner: TaskScope, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._runner = runner
        self._desk: Desk | None = None
        self._chat_id: int | None = None
        self._busy = False
        self.label = QLabel()
        self.label.setObjectName("unsentBanner")
        self.label.setWordWrap(True)
        self.label.setStyleSheet(notice_style())
        plain(self.label)
        self.check_button = QPushButton(self.tr("Chec&k and resend"))
        self.check_button.setObjectName("checkUnsentButton")
        self.check_button.clicked.connect(lambda *_: self._runner.spawn(self.resend_first()))
        self.put_back_button = QPushButton(self.tr("P&ut back"))
        self.put_back_button.setObjectName("putBackUnsentButton")
        self.put_back_button.setToolTip(self.tr("Move the text back into the composer"))
        self.put_back_button.clicked.connect(lambda *_: self._put_back_first())
        self.discard_button = QPushButton(self.tr("D&iscard"))
        self.discard_button.setObjectName("discardUnsentButton")
        self.discard_button.clicked.connect(lambda *_: self._discard_first())
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.label, 1)
        for button in (self.check_button, self.put_back_button, self.discard_button):
            # Clicking them must not pull focus out of the composer.
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            row.addWidget(button)
        self.hide()

    def show_for(self, desk: Desk | None, chat_id: int | None) -> None:
        self._desk, self._chat_id = desk, chat_id
        self.refresh()

    def refresh(self) -> None:
        items = self._here()
        if items:
            self.label.setText(self._describe(items[0], len(items) - 1))
        for button in (self.check_button, self.put_back_button, self.discard_button):
            button.setEnabled(not self._busy)
        self.setVisible(bool(items))

    def _describe(self, item: OutboxItem, more: int) -> str:
        text = visible(item.text[:SHOWN_CHARACTERS])
        if item.state is OutboxState.FAILED:
            line = self.tr("Not sent: “{0}” — {1}").format(text, error_text(item.reason))
        elif item.state is OutboxState.SENDING:
            line = self.tr("Sending “{0}”…").format(text)
        else:
            line = self.tr("Not confirmed by Bitrix24: “{0}”").format(text)
        if more:
            line += " " + self.tr("(and {0} more)").format(more)
        return line

    def _here(self) -> list[OutboxItem]:
        if self._desk is None or self._chat_id is None:
            return []
        return self._desk.unsent(self._chat_id)

    async def resend_first(self) -> None:
        items = self._here()
        if not items or self._desk is None or self._busy:
            return
        item = items[0]
        self._busy = True
        self.refresh()
        try:
            await self._desk.resend(item)
        except Exception as error:  # the item stays, marked with the reason
            self.failed.emit(error)
            return
        finally:
            self._busy = False
            self.refresh()
        self.confirmed.emit(item.text)

    def _put_back_first(self) -> None:
        items = self._here()
        if items and self._desk is not None and not self._busy:
            self.put_back.emit(self._desk.put_back(items[0]))
            self.refresh()

    def _discard_first(self) -> None:
        items = self._here()
        if items and self._desk is not None and not self._busy:
            self._desk.discard(items[0])
            self.refresh()
