"""The bulk participants window: which chats, a progress bar, a result per entity, Cancel, Undo.

Non-modal: the supervisor keeps browsing while it runs. The work is desk/bulk.py's.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Sequence

from PySide6.QtCore import Qt
from PySide6.QtGui import QCloseEvent, QColor
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from b24desk.api.types import CrmRef, Entity, User
from b24desk.desk.bulk import (
    BulkAction,
    BulkReport,
    BulkRequest,
    BulkRun,
    Change,
    ChatChoice,
    ItemResult,
    Outcome,
    Progress,
)
from b24desk.desk.desk import Desk
from b24desk.desk.tasks import TaskScope
from b24desk.ui import texts
from b24desk.ui.plaintext import plain, visible
from b24desk.ui.style import Tone, color, text_style

_TONES = {
    Outcome.DONE: Tone.OK,
    Outcome.ALREADY: Tone.HINT,
    Outcome.NO_CHAT: Tone.HINT,
    Outcome.DENIED: Tone.WARNING,
    Outcome.FAILED: Tone.ERROR,
    Outcome.NOT_DONE: Tone.HINT,
}


class BulkDialog(QDialog):
    """Runs one bulk request, shows how it goes, and can undo what it did."""

    def __init__(
        self,
        desk: Desk,
        runner: TaskScope,
        action: BulkAction,
        user: User,
        entities: Sequence[Entity],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("bulkDialog")
        self.setModal(False)
        self.setWindowTitle(self.tr("Participants in bulk"))
        self._desk, self._runner = desk, runner
        self._action, self._user = action, user
        self._entities = {e.ref: e for e in entities}
        self._run: BulkRun | None = None
        self._task: asyncio.Task[None] | None = None
        self.report: BulkReport | None = None  # the forward run's, once it ended
        self.undo_report: BulkReport | None = None

        self.summary = QLabel(self._summary_text())
        self.summary.setObjectName("bulkSummary")
        self.summary.setWordWrap(True)
        plain(self.summary)
        self.last_chat = QRadioButton(self.tr("The &last chat of each"))
        self.last_chat.setObjectName("bulkLastChat")
        self.active_chats = QRadioButton(self.tr("All their acti&ve chats"))
        self.active_chats.setObjectName("bulkActiveChats")
        self.last_chat.setChecked(True)
        self._choice = QButtonGroup(self)
        self._choice.addButton(self.last_chat)
        self._choice.addButton(self.active_chats)
        self.progress = QProgressBar()
        self.progress.setObjectName("bulkProgress")
        self.progress.setRange(0, max(1, len(self._entities)))
        self.progress.setValue(0)
        self.progress.setFormat(self.tr("%v of %m entities"))
        self.results = QListWidget()
        self.results.setObjectName("bulkResults")
        self.status = QLabel()
        self.status.setObjectName("bulkStatus")
        self.status.setWordWrap(True)
        plain(self.status)

        self.start_button = self._button(self.tr("&Start"), "bulkStart", self._start)
        self.cancel_button = self._button(self.tr("S&top"), "bulkCancel", self._cancel)
        self.undo_button = self._button(self.tr("&Undo"), "bulkUndo", self._undo)
        self.cancel_button.setEnabled(False)
        self.undo_button.setEnabled(False)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.close)

        choice = QHBoxLayout()
        choice.addWidget(QLabel(self.tr("Chats:")))
        choice.addWidget(self.last_chat)
        choice.addWidget(self.active_chats)
        choice.addStretch(1)
        buttons = QHBoxLayout()
        for button in (self.start_button, self.cancel_button, self.undo_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addLayout(choice)
        layout.addWidget(self.progress)
        layout.addWidget(self.results, 1)
        layout.addWidget(self.status)
        layout.addLayout(buttons)
        self.resize(560, 440)

    def _button(self, text: str, name: str, slot: Callable[[], None]) -> QPushButton:
        button = QPushButton(text)
        button.setObjectName(name)
        button.setAutoDefault(False)
        button.clicked.connect(lambda *_: slot())
        return button

    @property
    def busy(self) -> bool:
        return self._task is not None

    def _summary_text(self) -> str:
        count, name = len(self._entities), visible(self._user.full_name)
        if self._action is BulkAction.ADD:
            return self.tr("Add {0} to the chats of {1} selected entities.").format(name, count)
        if self._action is BulkAction.REMOVE:
            return self.tr("Remove {0} from the chats of {1} selected entities.").format(
                name, count
            )
        return self.tr("Join the chats of {0} selected entities.").format(count)

    # ---- running ----

    def _start(self) -> None:
        if self.busy or self.report is not None:
            return
        choice = ChatChoice.ACTIVE if self.active_chats.isChecked() else ChatChoice.LAST
        request = BulkRequest(self._action, self._user.id, tuple(self._entities), choice)
        self.last_chat.setEnabled(False)
        self.active_chats.setEnabled(False)
        self.start_button.setEnabled(False)
        self._begin(self.tr("Working…"))
        self._task = self._runner.spawn(self._forward(request), name="bulk participants")

    async def _forward(self, request: BulkRequest) -> None:
        run = self._run = BulkRun(self._desk.client, self._progressed)
        try:
            self.report = await run.run(request)
        finally:
            self._ended()
        self._finished(self.report)
        self.undo_button.setEnabled(bool(self.report.undo_changes))

    def _undo(self) -> None:
        if self.busy or self.report is None or self.undo_report is not None:
            return
        changes = self.report.undo_changes
        self.undo_button.setEnabled(False)
        self.results.clear()
        self.progress.setRange(0, max(1, len({c.entity for c in changes})))
        self._begin(self.tr("Undoing…"))
        self._task = self._runner.spawn(self._backward(changes), name="bulk undo")

    async def _backward(self, changes: list[Change]) -> None:
        run = self._run = BulkRun(self._desk.client, self._progressed)
        try:
            self.undo_report = await run.undo(changes)
        finally:
            self._ended()
        self._finished(self.undo_report, undo=True)

    def _ended(self) -> None:
        self._task = None
        self.cancel_button.setEnabled(False)
        if not self.isVisible():
            self.deleteLater()  # closed while it ran: nothing more to show

    def _begin(self, text: str) -> None:
        self.progress.setValue(0)
        self.cancel_button.setEnabled(True)
        self._show(text, Tone.HINT)

    def _cancel(self) -> None:
        if self._run is not None and self.busy:
            self._run.cancel()
            self.cancel_button.setEnabled(False)
            self._show(self.tr("Stopping after the current batch…"), Tone.HINT)

    def _progressed(self, progress: Progress) -> None:
        self.progress.setValue(progress.settled)
        for result in progress.new:
            self.results.addItem(self._item(result))
        if progress.new:
            self.results.scrollToBottom()

    def _finished(self, report: BulkReport, *, undo: bool = False) -> None:
        self.progress.setValue(
            self.progress.maximum() if not report.cancelled else self.progress.value()
        )
        counts = [
            (Outcome.DONE, self.tr("{0} done")),
            (Outcome.ALREADY, self.tr("{0} unchanged")),
            (Outcome.NO_CHAT, self.tr("{0} without a chat")),
            (Outcome.DENIED, self.tr("{0} denied")),
            (Outcome.FAILED, self.tr("{0} failed")),
            (Outcome.NOT_DONE, self.tr("{0} not done")),
        ]
        parts = [text.format(report.count(o)) for o, text in counts if report.count(o)]
        parts = parts or [self.tr("{0} done").format(0)]
        head = self.tr("Undone: ") if undo else self.tr("Finished: ")
        if report.cancelled:
            head = self.tr("Stopped: ")
        text = head + ", ".join(parts) + "."
        if report.stopped:
            text += " " + texts.error_text(report.stopped)
        failed = report.stopped or report.count(Outcome.FAILED)
        self._show(text, Tone.ERROR if failed else Tone.OK)

    # ---- showing ----

    def _item(self, result: ItemResult) -> QListWidgetItem:
        text = f"{self._entity_text(result.entity)} — {self._outcome_text(result)}"
        if result.chat_id is not None:
            text = (
                f"{self._entity_text(result.entity)} · "
                + self.tr("chat #{0}").format(result.chat_id)
                + f" — {self._outcome_text(result)}"
            )
        if result.reason:
            text += ": " + texts.error_text(result.reason)
        item = QListWidgetItem(visible(text))
        item.setForeground(QColor(color(_TONES[result.outcome])))
        item.setData(Qt.ItemDataRole.UserRole, result.outcome.value)
        return item

    def _entity_text(self, ref: CrmRef) -> str:
        entity = self._entities.get(ref)
        kind = texts.text(texts.ENTITY_SINGULAR[ref.type])
        name = entity.display_name if entity is not None else ""
        return f"{kind} #{ref.id} {name}".strip()

    def _outcome_text(self, result: ItemResult) -> str:
        action = result.change.action if result.change is not None else self._action
        if result.outcome is Outcome.DONE:
            return {
                BulkAction.ADD: self.tr("added"),
                BulkAction.REMOVE: self.tr("removed"),
                BulkAction.JOIN: self.tr("joined"),
            }[action]
        if result.outcome is Outcome.ALREADY:
            return (
                self.tr("was not there")
                if action is BulkAction.REMOVE
                else self.tr("already there")
            )
        return {
            Outcome.NO_CHAT: self.tr("no chat"),
            Outcome.DENIED: self.tr("denied"),
            Outcome.FAILED: self.tr("failed"),
            Outcome.NOT_DONE: self.tr("not done"),
        }[result.outcome]

    def _show(self, text: str, tone: Tone) -> None:
        self.status.setStyleSheet(text_style(tone))
        self.status.setText(text)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt's name
        # Closing while it runs stops it after the current batch; the dialog goes once the
        # run has ended (its task still reports into it until then).
        if self._run is not None and self.busy:
            self._run.cancel()
        else:
            self.deleteLater()
        super().closeEvent(event)
