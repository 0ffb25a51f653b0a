"""The session row: take over, transfer, finish, rate and pin the dialogue on show.

Each action takes the chat on show as a `ChatTarget` when the supervisor clicks; a greyed-out
button says why in its tooltip. When done the pane reloads, so the new operator, the closed
session or the rating shows at once.
"""

from __future__ import annotations

from collections.abc import Callable, Coroutine
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QWidget

from b24desk.desk.desk import Desk, EntityChats
from b24desk.desk.outbox import ChatTarget
from b24desk.desk.supervision import Outcome
from b24desk.desk.tasks import TaskScope
from b24desk.ui import texts
from b24desk.ui.dialogs.ask import Button, question
from b24desk.ui.dialogs.rating import rate_session
from b24desk.ui.dialogs.transfer_picker import pick_transfer
from b24desk.ui.elided import ElidedLabel
from b24desk.ui.plaintext import visible

Action = Callable[[Desk, EntityChats, ChatTarget], Coroutine[Any, Any, None]]


def user_name(shown: EntityChats, user_id: int | None) -> str:
    """A participant's or history user's name as shown; "#ID" when neither knows them."""
    if user_id is None:
        return ""
    user = next((u for u in shown.participants if u.id == user_id), None)
    if user is None and shown.history is not None:
        user = shown.history.users.get(user_id)
    return visible(user.full_name) if user and user.full_name else f"#{user_id}"


def customer_name(shown: EntityChats) -> str:
    customer = next((u for u in shown.participants if u.is_customer), None)
    return visible(customer.full_name) if customer else ""


class SessionRow(QWidget):
    """Session action buttons and a line saying who operates the dialogue."""

    changed = Signal(object, str)  # ChatTarget acted on, and what to tell the supervisor
    failed = Signal(object)  # an exception the pane shows
    started = Signal()  # an action began: the pane clears the last failure
    reload_requested = Signal(object)  # ChatTarget: a refused or unsure action, shown as now

    def __init__(self, runner: TaskScope, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._runner = runner
        self._desk: Desk | None = None
        self._shown: EntityChats | None = None
        self._busy = False
        self.take_over_button = self._button(self.tr("T&ake over"), "takeOverButton", self._take)
        self.transfer_button = self._button(self.tr("T&ransfer…"), "transferButton", self._transfer)
        self.finish_button = self._button(self.tr("&Finish session…"), "finishButton", self._finish)
        self.rate_button = self._button(self.tr("Ratin&g…"), "rateButton", self._rate)
        self.pin_button = self._button(self.tr("&Pin"), "pinButton", self._pin)
        self.state = ElidedLabel()  # a long name is cut, never widens the pane
        self.state.setObjectName("sessionState")
        self.state.setStyleSheet("color: palette(mid);")
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        for button in self.buttons:
            row.addWidget(button)
        row.addWidget(self.state, 1)

    @property
    def buttons(self) -> tuple[QPushButton, ...]:
        return (
            self.take_over_button,
            self.transfer_button,
            self.finish_button,
            self.rate_button,
            self.pin_button,
        )

    def _button(self, text: str, name: str, action: Action) -> QPushButton:
        button = QPushButton(text)
        button.setObjectName(name)
        button.clicked.connect(lambda *_: self._start(action))
        return button

    def show_for(self, desk: Desk | None, shown: EntityChats | None) -> None:
        self._desk, self._shown = desk, shown
        self.refresh()

    def refresh(self) -> None:
        shown = self._shown
        pinned = shown is not None and shown.pinned
        self.pin_button.setText(self.tr("Un&pin") if pinned else self.tr("&Pin"))
        blockers: dict[QPushButton, str | None] = dict.fromkeys(self.buttons)
        if shown is not None:
            blockers = {
                self.take_over_button: shown.take_over_blocker(),
                self.transfer_button: shown.transfer_blocker(),
                self.finish_button: shown.finish_blocker(),
                self.rate_button: shown.rate_blocker(),
                self.pin_button: shown.pin_blocker(),
            }
        for button, blocker in blockers.items():
            reason = texts.text(blocker) if blocker else ""
            if shown is None:
                reason = self.tr("Choose an entity first.")
            elif self._busy:
                reason = self.tr("Another session action is on its way.")
            button.setEnabled(not reason)
            button.setToolTip(reason)
        self.state.setText(self._state_text(shown))

    def _state_text(self, shown: EntityChats | None) -> str:
        if shown is None or shown.chat_id is None:
            return ""
        parts = []
        if shown.session_open is False:
            parts.append(self.tr("Session closed"))
        elif shown.operator_id == shown.me.id:
            parts.append(self.tr("You operate this dialogue"))
        elif shown.operator_id is not None:
            parts.append(self.tr("Operator: {0}").format(user_name(shown, shown.operator_id)))
        if shown.pinned:
            parts.append(self.tr("pinned"))
        rating = shown.history.head_rating if shown.history else None
        if rating:
            parts.append(self.tr("rated {0} of 5").format(rating))
        return " · ".join(parts)

    # ---- the actions ----

    def _start(self, action: Action) -> None:
        shown, desk = self._shown, self._desk
        if desk is None or shown is None or shown.target is None or self._busy:
            return
        self.started.emit()
        self._runner.spawn(self._run(action, desk, shown, shown.target))

    async def _run(
        self, action: Action, desk: Desk, shown: EntityChats, target: ChatTarget
    ) -> None:
        self._busy = True
        self.refresh()
        try:
            await action(desk, shown, target)
        except Exception as error:
            self.failed.emit(error)
            self.reload_requested.emit(target)  # whatever happened, show the dialogue as it is
        finally:
            self._busy = False
            self.refresh()

    def _done(self, target: ChatTarget, outcome: Outcome, message: str) -> None:
        if outcome is Outcome.SEEN:
            lost = self.tr("{0} (Bitrix24's answer was lost; the dialogue shows it done.)")
            message = lost.format(message)
        self.changed.emit(target, message)

    async def _take(self, desk: Desk, shown: EntityChats, target: ChatTarget) -> None:
        outcome = await desk.supervision.take_over(target)
        self._done(target, outcome, self.tr("You now operate this dialogue."))

    async def _transfer(self, desk: Desk, shown: EntityChats, target: ChatTarget) -> None:
        about = self.tr("Chat #{0} with {1}, now with {2}.").format(
            target.chat_id, customer_name(shown), user_name(shown, shown.operator_id)
        )
        choice = await pick_transfer(
            lambda: desk.supervision.transfer_choices(shown.line_id, shown.operator_id),
            self._runner,
            about,
            self,
        )
        if choice is None:
            return
        outcome = await desk.supervision.transfer(target, choice, operator_id=shown.operator_id)
        name = visible(choice.name)
        if choice.user_id is not None:
            message = self.tr("The dialogue was transferred to {0}.").format(name)
        else:
            message = self.tr("The dialogue was sent to the queue of «{0}».").format(name)
        self._done(target, outcome, message)

    async def _finish(self, desk: Desk, shown: EntityChats, target: ChatTarget) -> None:
        operator = user_name(shown, shown.operator_id) or "—"
        customer = customer_name(shown) or self.tr("the customer")
        text = self.tr(
            "Finish the session of {0} with {1} in chat #{2}? The customer's next message "
            "starts a new session."
        ).format(operator, customer, target.chat_id)
        title = self.tr("Finish session")
        if await question(self, "confirmFinish", title, text) != Button.Yes:
            return
        outcome = await desk.supervision.finish(target)
        self._done(target, outcome, self.tr("The session was finished."))

    async def _rate(self, desk: Desk, shown: EntityChats, target: ChatTarget) -> None:
        history, session_id = shown.history, shown.session_id
        if history is None or session_id is None:
            return
        about = self.tr("Session #{0} of {1} with {2}.").format(
            session_id, user_name(shown, shown.operator_id), customer_name(shown)
        )
        answer = await rate_session(about, history.head_rating, history.head_comment or "", self)
        if answer is None:
            return
        rating, comment = answer
        outcome = await desk.supervision.rate(target, session_id, rating, comment)
        self._done(target, outcome, self.tr("Your rating was saved."))

    async def _pin(self, desk: Desk, shown: EntityChats, target: ChatTarget) -> None:
        pinned = not shown.pinned
        outcome = await desk.supervision.pin(target, pinned=pinned)
        message = (
            self.tr("The dialogue was pinned.") if pinned else self.tr("The dialogue was unpinned.")
        )
        self._done(target, outcome, message)
