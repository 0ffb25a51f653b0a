"""The participants box: who is in the chat on show, and Add / Remove / Join.

Each action takes the chat on show as a `ChatTarget` when the supervisor clicks, and says
when it is done so the pane shows the portal's new state at once.
"""

from __future__ import annotations

from collections.abc import Callable, Coroutine
from functools import partial
from typing import Any

from PySide6.QtCore import QPoint, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListView,
    QMenu,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from b24desk.desk.desk import Desk, EntityChats
from b24desk.desk.outbox import ChatTarget
from b24desk.desk.people import picker_facts
from b24desk.desk.tasks import TaskScope
from b24desk.ui import texts
from b24desk.ui.chat.participants import PENDING_ROLE, USER_ID_ROLE, ParticipantsModel
from b24desk.ui.context_menu import add_action, attach, copy_text
from b24desk.ui.dialogs.ask import Button, question
from b24desk.ui.dialogs.user_picker import pick_user
from b24desk.ui.plaintext import visible


class PeopleBox(QWidget):
    """The participant list and its buttons."""

    changed = Signal(object, str)  # ChatTarget changed, and what to tell the supervisor
    failed = Signal(object)  # an exception the pane shows
    started = Signal()  # an action began: the pane clears the last failure

    def __init__(self, runner: TaskScope, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._runner = runner
        self._desk: Desk | None = None
        self._shown: EntityChats | None = None
        self.model = ParticipantsModel(self)
        self.view = QListView()
        self.view.setObjectName("participantList")
        self.view.setModel(self.model)
        self.view.selectionModel().currentChanged.connect(lambda *_: self.refresh())
        attach(self.view, self._context_menu)
        self.add_button = self._button(self.tr("A&dd…"), "addParticipantButton", self._add)
        self.remove_button = self._button(
            self.tr("Re&move"), "removeParticipantButton", self._remove
        )
        self.join_button = self._button(self.tr("&Join"), "joinButton", self._join)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(QLabel(self.tr("Participants")))
        column.addWidget(self.view, 1)  # the room to spare is the list's, not the label's
        buttons = QHBoxLayout()
        for button in (self.add_button, self.remove_button, self.join_button):
            buttons.addWidget(button)
        column.addLayout(buttons)

    def _button(
        self, text: str, name: str, action: Callable[[], Coroutine[Any, Any, None]]
    ) -> QPushButton:
        button = QPushButton(text)
        button.setObjectName(name)
        button.clicked.connect(lambda *_: self._start(action))
        return button

    def _start(self, action: Callable[[], Coroutine[Any, Any, None]]) -> None:
        self.started.emit()
        self._runner.spawn(action())

    def show_for(self, desk: Desk | None, shown: EntityChats | None) -> None:
        self._desk, self._shown = desk, shown
        if shown is None:
            self.model.clear()
        else:
            self.model.show_people(shown.participants, shown.me.id, shown.operator_id)
        self.refresh()

    def refresh(self) -> None:
        shown = self._shown
        has_chat = shown is not None and shown.chat_id is not None
        self.view.setEnabled(shown is not None)
        self.add_button.setEnabled(has_chat)
        selected = self.view.currentIndex()
        # A participant still being added cannot be removed; nor can the customer.
        pending = selected.isValid() and bool(selected.data(PENDING_ROLE))
        blocker = None
        if shown is not None and selected.isValid() and not pending:
            blocker = shown.removal_blocker(int(selected.data(USER_ID_ROLE)))
        self.remove_button.setEnabled(has_chat and selected.isValid() and not pending)
        if blocker is not None:
            self.remove_button.setEnabled(False)
        self.remove_button.setToolTip(texts.text(blocker) if blocker else "")
        self.join_button.setEnabled(has_chat and shown is not None and not shown.i_am_participant)

    def _context_menu(self, pos: QPoint) -> QMenu | None:
        index = self.view.indexAt(pos)
        user = self.model.user_at(index.row()) if index.isValid() else None
        if user is None:
            return None
        self.view.setCurrentIndex(index)  # what Remove acts on
        menu = QMenu(self)
        menu.setToolTipsVisible(True)  # why Remove is greyed out
        name = visible(user.full_name)
        add_action(menu, self.tr("Copy &name"), "copyNameAction", lambda: copy_text(name))
        remove = self.remove_button
        add_action(
            menu, self.tr("&Remove…"), "removeAction", remove.click, remove.isEnabled()
        ).setToolTip(remove.toolTip())
        return menu

    async def _add(self) -> None:
        shown, desk = self._shown, self._desk
        if desk is None or shown is None or shown.target is None:
            return
        target = shown.target
        excluded = {u.id for u in shown.participants}
        facts = partial(picker_facts, desk.client, shown)
        user = await pick_user(desk.search_users, self._runner, excluded, self, facts=facts)
        if user is None:
            return
        # Optimistic: the user shows at once, marked as pending, and goes if the portal says no.
        self.model.add_pending(user)
        try:
            await desk.add_participant(target, user.id)
        except Exception as error:
            self.model.drop_pending(user.id)
            self.failed.emit(error)
            return
        name = visible(user.full_name)
        self.changed.emit(target, self.tr("{0} was added to the chat.").format(name))

    async def _remove(self) -> None:
        shown, desk, index = self._shown, self._desk, self.view.currentIndex()
        if desk is None or shown is None or shown.target is None or not index.isValid():
            return
        if index.data(PENDING_ROLE):
            return
        target = shown.target
        user = next((u for u in shown.participants if u.id == index.data(USER_ID_ROLE)), None)
        if user is None:
            return
        name = visible(user.full_name)
        title = self.tr("Remove participant")
        text = self.tr("Remove {0} from chat #{1}?").format(name, target.chat_id)
        if await question(self, "confirmRemove", title, text) != Button.Yes:
            return
        try:
            await desk.remove_participant(target, user)
        except Exception as error:
            self.failed.emit(error)
            return
        self.changed.emit(target, self.tr("{0} was removed from the chat.").format(name))

    async def _join(self) -> None:
        shown, desk = self._shown, self._desk
        if desk is None or shown is None or shown.target is None:
            return
        target: ChatTarget = shown.target
        try:
            await desk.join(target)
        except Exception as error:
            self.failed.emit(error)
            return
        self.changed.emit(target, self.tr("You joined the chat."))
