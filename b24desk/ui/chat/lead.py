"""The "Create lead" row: why it cannot act, a confirmation naming the chat, one run at a time.

A chat already bound to a lead asks before a second one is made: a second lead moves the
chat's binding and leaves the first lead without its chat. Only the dialogue's operator may
create a lead, so on another operator's dialogue the row offers to take it over first.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QWidget

from b24desk.api.types import CrmEntityType, CrmRef
from b24desk.desk.desk import Desk, EntityChats, LeadExistsError
from b24desk.desk.tasks import TaskScope
from b24desk.ui import texts
from b24desk.ui.chat.session_actions import user_name
from b24desk.ui.dialogs.ask import Button, Icon, question
from b24desk.ui.elided import ElidedLabel
from b24desk.ui.plaintext import visible


class LeadRow(QWidget):
    """Create a lead from the chat on show."""

    created = Signal()  # a lead was made: the pane reloads
    failed = Signal(object)  # an exception the pane shows
    open_requested = Signal(object)  # CrmRef of the new lead, when the supervisor asks
    reload_requested = Signal()  # taken over but no lead: the pane shows the new operator

    def __init__(self, runner: TaskScope, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._runner = runner
        self._desk: Desk | None = None
        self._shown: EntityChats | None = None
        self.button = QPushButton(self.tr("Create &lead"))
        self.button.setObjectName("createLeadButton")
        self.button.clicked.connect(lambda *_: self._start())
        # Cut with "…", never wrapped or widening the row it shares with the session actions.
        self.reason = ElidedLabel()
        self.reason.setObjectName("leadReason")
        self.reason.setStyleSheet("color: palette(mid);")
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
        take_over = _takes_over_first(shown)
        if take_over:
            blocker = None
        busy = bool(shown and desk and shown.chat_id and desk.creating_lead(shown.chat_id))
        existing = shown.lead_id if shown else None
        if shown is None:
            reason = self.tr("Choose an entity first.")
        elif blocker:
            reason = texts.text(blocker)
        elif busy:
            reason = self.tr("Creating the lead…")
        elif take_over:
            reason = self.tr("Another operator handles this dialogue: you take it over first.")
        elif existing is not None:
            reason = self.tr("This chat already has lead #{0}.").format(existing)
        else:
            reason = ""
        if take_over:
            self.button.setText(self.tr("Take over and create &lead…"))
        elif existing is not None:
            self.button.setText(self.tr("Create another &lead…"))
        else:
            self.button.setText(self.tr("Create &lead"))
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
        take_over = _takes_over_first(shown)
        if take_over:
            operator = user_name(shown, shown.operator_id)
            text = self.tr(
                "{0} operates this dialogue, and only its operator can create a lead. Take "
                "it over and create the lead? {1}"
            ).format(operator, text)
        if await question(self, "confirmCreateLead", title, text) != Button.Yes:
            return
        self.button.setEnabled(False)
        second = shown.lead_id is not None
        try:
            if take_over:
                create = desk.supervision.take_over_and_create_lead(target, second_lead=second)
                lead_id = await create
            else:
                lead_id = await desk.create_lead(target, second_lead=second)
        except LeadExistsError as error:  # bound meanwhile (another supervisor, another tab)
            self.failed.emit(error)
            return
        except Exception as error:
            self.failed.emit(error)
            if take_over:  # the take-over may have gone through: show the operator as now
                self.reload_requested.emit()
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


def _takes_over_first(shown: EntityChats | None) -> bool:
    """Another operator's open dialogue: creating a lead means taking it over first."""
    return (
        shown is not None and shown.lead_blocker() is not None and shown.take_over_blocker() is None
    )
