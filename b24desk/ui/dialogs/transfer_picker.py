"""Pick where a dialogue goes: an operator of its line, or an open line's queue.

Open it with `await pick_transfer(...)`, never with exec() (qasync #59); the choices load
while it is already on screen.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QPalette
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from b24desk.desk.supervision import TransferChoices, TransferTarget
from b24desk.desk.tasks import TaskScope
from b24desk.ui.aio import ask
from b24desk.ui.errors import user_text
from b24desk.ui.plaintext import plain, visible
from b24desk.ui.style import Tone, text_style

LoadChoices = Callable[[], Awaitable[TransferChoices]]
TARGET_ROLE = Qt.ItemDataRole.UserRole + 1


class TransferPicker(QDialog):
    """The line's operators, then the lines' queues; `chosen` holds the pick after accept."""

    def __init__(self, chat_text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("transferPicker")
        self.setWindowTitle(self.tr("Transfer the dialogue"))
        self._chosen: TransferTarget | None = None
        self.about = QLabel(chat_text)
        self.about.setWordWrap(True)
        self.choices = QListWidget(self)
        self.choices.setObjectName("transferChoices")
        self.status = QLabel(self.tr("Loading the operators and lines…"))
        self.status.setObjectName("transferStatus")
        self.status.setWordWrap(True)
        self.status.setStyleSheet(text_style(Tone.HINT))
        plain(self.about, self.status)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setText(self.tr("&Transfer"))
        self.ok.setEnabled(False)
        buttons.accepted.connect(lambda: self._pick(self.choices.currentItem()))
        buttons.rejected.connect(self.reject)
        self.choices.currentItemChanged.connect(lambda *_: self._update_ok())
        self.choices.itemActivated.connect(self._pick)
        self.choices.itemDoubleClicked.connect(self._pick)
        layout = QVBoxLayout(self)
        layout.addWidget(self.about)
        layout.addWidget(self.choices, 1)
        layout.addWidget(self.status)
        layout.addWidget(buttons)
        self.resize(440, 400)

    @property
    def chosen(self) -> TransferTarget | None:
        """The pick once the dialog is accepted; None when cancelled."""
        return self._chosen if self.result() == QDialog.DialogCode.Accepted else None

    async def load(self, load: LoadChoices) -> None:
        try:
            choices = await load()
        except Exception as error:
            self.status.setStyleSheet(text_style(Tone.ERROR))
            generic = self.tr("The operators and lines could not be loaded.")
            self.status.setText(user_text(error, generic))
            return
        self.fill(choices)

    def fill(self, choices: TransferChoices) -> None:
        self.choices.clear()
        line = choices.line
        if choices.operators and line is not None:
            self._header(self.tr("Operators of «{0}»").format(visible(line.name)))
            for operator in choices.operators:
                text = visible(operator.name or f"#{operator.user_id}")
                if operator.position:
                    text += f" — {visible(operator.position)}"
                self._choice(text, TransferTarget(operator.name, user_id=operator.user_id))
        if choices.lines:
            self._header(self.tr("Queues of the open lines"))
            for other in choices.lines:
                name = visible(other.name)
                text = self.tr("Queue of «{0}» ({1} operators)").format(name, len(other.queue))
                self._choice(text, TransferTarget(other.name, line_id=other.id))
        first = next(
            (i for i in range(self.choices.count()) if self.choices.item(i).data(TARGET_ROLE)), -1
        )
        self.choices.setCurrentRow(first)
        self.choices.setFocus(Qt.FocusReason.OtherFocusReason)
        self.status.setText("" if first >= 0 else self.tr("There is nobody to transfer to."))
        self.status.setVisible(first < 0)
        self._update_ok()

    def _header(self, text: str) -> None:
        item = QListWidgetItem(text)
        font = QFont(self.choices.font())
        font.setBold(True)
        item.setFont(font)
        item.setFlags(Qt.ItemFlag.NoItemFlags)  # a heading: never picked, skipped by the keys
        # ...but written in the text colour, not greyed out like an unavailable choice.
        item.setForeground(self.choices.palette().brush(QPalette.ColorRole.Text))
        self.choices.addItem(item)

    def _choice(self, text: str, target: TransferTarget) -> None:
        item = QListWidgetItem("    " + text)
        item.setData(TARGET_ROLE, target)
        self.choices.addItem(item)

    def _update_ok(self) -> None:
        item = self.choices.currentItem()
        self.ok.setEnabled(item is not None and item.data(TARGET_ROLE) is not None)

    def _pick(self, item: QListWidgetItem | None) -> None:
        if item is None or item.data(TARGET_ROLE) is None:
            return
        self._chosen = item.data(TARGET_ROLE)
        self.accept()


async def pick_transfer(
    load: LoadChoices, runner: TaskScope, chat_text: str, parent: QWidget | None = None
) -> TransferTarget | None:
    """Show a TransferPicker, load its choices, await the pick; None when cancelled."""
    picker = TransferPicker(chat_text, parent)
    loading = runner.spawn(picker.load(load), name="transfer choices")
    try:
        await ask(picker)
        return picker.chosen
    finally:
        loading.cancel()
        picker.deleteLater()
