"""The "Create lead" row: why it cannot act, a confirmation naming the chat, one run at a time.

A chat already bound to a lead asks before a second one is made: a second lead moves the
chat's binding and leaves the first lead without its chat.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

from b24desk.api.types import CrmEntityType, CrmRef
from b24desk.desk.desk import Desk, EntityChats, LeadExistsError
from b24desk.desk.tasks import TaskScope
from b24desk.ui import texts
from b24desk.ui.dialogs.ask import Button, Icon, question
from b24desk.ui.plaintext import plain, visible


class LeadRow(QWidget):
    """Create a lead from the chat on show."""

    created = Signal()  # a lead was made: the pane reloads
    failed = Signal(object)  # an exception the pane shows
    open_requested = Signal(object)  # CrmRef of the new lead, when the supervisor asks

    def __init__(self, runner: TaskScope, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._runner = runner
        self._desk: Desk | None = None
        self._shown: EntityChats | None = None
        self.button = QPushButton(self.tr("Create &lead"))
        self.button.setObjectName("createLeadButton")
        self.button.clicked.connect(lambda *_: self._start())
        self.reason = QLabel()
        self.reason.setObjectName("leadReason")
        self.reason.setStyleSheet("color: palette(mid);")
        self.reason.setWordWrap(True)
        plain(self.reason)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.button)
        row.addWidget(self.reason, 1)

    def show_for(self, desk: Desk | None, shown: EntityChats | None) -> None:
        self._desk, self._shown = desk, shown
        self.refresh()

    def refresh(self) -> None:
        shown, desk = self._shown, self._desk
        blocker = shown.lead_blocker() if shown else None
        busy = bool(shown and desk and shown.chat_id and desk.creating_lead(shown.chat_id))
        existing = shown.lead_id if shown else None
        if shown is None:
            reason = self.tr("Choose an entity first.")
        elif blocker:
            reason = texts.text(blocker)
        elif busy:
            reason = self.tr("Creating the lead…")
        elif existing is not None:
            reason = self.tr("This chat already has lead #{0}.").format(existing)
        else:
            reason = ""
        self.button.setText(
            self.tr("Create another &lead…") if existing is not None else self.tr("Create &lead")
        )
        self.button.setEnabled(shown is not None and blocker is None and not busy)
        self.reason.setText(reason)
        self.button.setToolTip(reason)

    def _start(self) -> None:
        if self._desk is not None and self._shown is not None and self._shown.target:
            self._runner.spawn(self._create(self._desk, self._shown))

    async def _create(self, desk: Desk, shown: EntityChats) -> None:
        target = shown.target
        assert target is not None
        customer = next((u for u in shown.participants if u.is_customer), None)
        who = visible(customer.full_name) if customer else self.tr("the customer")
        title = self.tr("Create lead")
        if shown.lead_id is not None:
            text = self.tr(
                "Chat #{0} with {1} already has lead #{2}. Create a second lead? The chat "
                "will then belong to the new lead."
            ).format(target.chat_id, who, shown.lead_id)
        else:
            text = self.tr("Create a lead from chat #{0} with {1}?").format(target.chat_id, who)
        if await question(self, "confirmCreateLead", title, text) != Button.Yes:
            return
        self.button.setEnabled(False)
        try:
            lead_id = await desk.create_lead(target, second_lead=shown.lead_id is not None)
        except LeadExistsError as error:  # bound meanwhile (another supervisor, another tab)
            self.failed.emit(error)
            return
        except Exception as error:
            self.failed.emit(error)
            return
        finally:
            self.refresh()
        self.created.emit()
        if lead_id is None:
            return
        title = self.tr("Lead created")
        text = self.tr("Lead #{0} was created from this chat. Open it?").format(lead_id)
        buttons = Button.Open | Button.Close
        answer = await question(self, "leadCreated", title, text, buttons, Icon.Information)
        if answer == Button.Open:
            self.open_requested.emit(CrmRef(CrmEntityType.LEAD, lead_id))
