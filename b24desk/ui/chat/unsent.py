"""The unsent banner: messages Bitrix24 has not confirmed in the shown chat, and their check.

A message whose answer was lost is looked for in the chat's history first; it is sent again
only when it is not there and the supervisor says so.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

from b24desk.desk.desk import Desk
from b24desk.desk.outbox import OutboxItem
from b24desk.ui.aio import TaskRunner
from b24desk.ui.dialogs.ask import Button, Icon, question
from b24desk.ui.plaintext import plain, visible
from b24desk.ui.style import notice_style


class UnsentBanner(QWidget):
    """Hidden while everything sent in the shown chat is confirmed."""

    confirmed = Signal(str)  # the text is in the chat: found there, or sent again
    failed = Signal(object)  # an exception the pane shows
    discarded = Signal(str)  # not sent again: the text goes back to the composer

    def __init__(self, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._runner = runner
        self._desk: Desk | None = None
        self._chat_id: int | None = None
        self.label = QLabel()
        self.label.setObjectName("unsentBanner")
        self.label.setWordWrap(True)
        self.label.setStyleSheet(notice_style())
        plain(self.label)
        self.check_button = QPushButton(self.tr("Check and resend…"))
        self.check_button.setObjectName("checkUnsentButton")
        self.check_button.clicked.connect(lambda *_: self._runner.spawn(self.check_all()))
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.label, 1)
        row.addWidget(self.check_button)
        self.hide()

    def show_for(self, desk: Desk | None, chat_id: int | None) -> None:
        self._desk, self._chat_id = desk, chat_id
        self.refresh()

    def refresh(self) -> None:
        items = self._here()
        if items:
            self.label.setText(
                self.tr("Not confirmed by Bitrix24: “{0}”").format(visible(items[0].text[:80]))
            )
        self.setVisible(bool(items))

    async def settle(self, text: str) -> None:
        """The answer to sending `text` was lost: look in the history before anything else."""
        assert self._desk is not None
        item = next((i for i in self._desk.unsent() if i.text == text), None)
        if item is not None:
            await self._resolve(item)

    async def check_all(self) -> None:
        for item in self._here():
            await self._resolve(item)

    def _here(self) -> list[OutboxItem]:
        if self._desk is None or self._chat_id is None:
            return []
        return [i for i in self._desk.unsent() if i.chat_id == self._chat_id]

    async def _resolve(self, item: OutboxItem) -> None:
        assert self._desk is not None
        try:
            delivered = await self._desk.check_unknown(item)
        except Exception as error:
            self.failed.emit(error)
            self.refresh()
            return
        if delivered:
            self.confirmed.emit(item.text)
            return
        title = self.tr("Message not confirmed")
        text = self.tr(
            "Bitrix24 did not confirm your message, and it is not in the chat. Send it again?"
        )
        buttons = Button.Yes | Button.No
        if await question(self, "confirmResend", title, text, buttons, Icon.Warning) == Button.Yes:
            try:
                await self._desk.resend(item)
            except Exception as error:
                self.failed.emit(error)
                self.refresh()
                return
            self.confirmed.emit(item.text)
            return
        self._desk.discard(item)
        self.discarded.emit(item.text)
        self.refresh()
