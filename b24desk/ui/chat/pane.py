"""The right-hand pane: an entity's chats, the shown chat's participants, history and composer.

The pane drives its own actions through `Desk`; every call runs as a task on the qasync
loop, results for an entity the user has left are dropped, and text being written is kept
until the portal confirms it.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QListView,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from b24desk.api.errors import OutcomeUnknownError
from b24desk.api.types import CrmEntityType, CrmRef, Entity
from b24desk.desk.desk import Desk, NotInChatError, Pane, SupersededError
from b24desk.ui import texts
from b24desk.ui.aio import TaskRunner
from b24desk.ui.chat.chats import CHAT_ID_ROLE, ChatsModel
from b24desk.ui.chat.composer import Composer
from b24desk.ui.chat.history import HistoryView
from b24desk.ui.chat.participants import PENDING_ROLE, USER_ID_ROLE, ParticipantsModel
from b24desk.ui.chat.unsent import UnsentBanner
from b24desk.ui.dialogs.ask import Button, Icon, question
from b24desk.ui.dialogs.user_picker import pick_user
from b24desk.ui.errors import user_text
from b24desk.ui.plaintext import plain, visible
from b24desk.ui.style import Tone, text_style


class ChatPane(QWidget):
    """Chats of one CRM entity and everything a supervisor does in them."""

    open_entity_requested = Signal(object)  # CrmRef, e.g. a lead just created
    status_message = Signal(str)

    def __init__(self, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("chatPane")
        self._runner = runner
        self._desk: Desk | None = None
        self._entity: Entity | None = None
        self.shown: Pane | None = None
        self._build()
        self._set_enabled(False)

    # ---- layout ----

    def _build(self) -> None:
        self.header = QLabel(self.tr("Choose a lead, deal, contact or company on the left."))
        self.header.setObjectName("paneHeader")
        self.header.setWordWrap(True)
        header_font = QFont(self.header.font())
        header_font.setPointSizeF(header_font.pointSizeF() * 1.25)
        header_font.setBold(True)
        self.header.setFont(header_font)
        self.busy = QLabel(self.tr("Loading…"))
        self.busy.setObjectName("paneBusy")
        self.busy.hide()
        self.error = QLabel()
        self.error.setObjectName("paneError")
        self.error.setWordWrap(True)
        self.error.setStyleSheet(text_style(Tone.ERROR))
        self.error.hide()

        self.active_only = QCheckBox(self.tr("Active chats only"))
        self.active_only.setObjectName("activeOnly")
        self.active_only.setChecked(True)
        self.active_only.toggled.connect(lambda *_: self.reload())
        self.chats = ChatsModel(self)
        self.chat_list = QListView()
        self.chat_list.setObjectName("chatList")
        self.chat_list.setModel(self.chats)
        self.chat_list.activated.connect(self._chat_chosen)
        self.chat_list.clicked.connect(self._chat_chosen)

        self.participants = ParticipantsModel(self)
        self.participant_list = QListView()
        self.participant_list.setObjectName("participantList")
        self.participant_list.setModel(self.participants)
        self.participant_list.selectionModel().currentChanged.connect(
            lambda *_: self._update_buttons()
        )
        self.add_button = QPushButton(self.tr("Add…"))
        self.add_button.setObjectName("addParticipantButton")
        self.add_button.clicked.connect(lambda *_: self._spawn(self._add_participant()))
        self.remove_button = QPushButton(self.tr("Remove"))
        self.remove_button.setObjectName("removeParticipantButton")
        self.remove_button.clicked.connect(lambda *_: self._spawn(self._remove_participant()))
        self.join_button = QPushButton(self.tr("Join"))
        self.join_button.setObjectName("joinButton")
        self.join_button.clicked.connect(lambda *_: self._spawn(self._join()))

        self.history_view = HistoryView()
        self.history_view.link_notice.connect(self.status_message)
        self.unsent = UnsentBanner(self._runner)
        self.unsent.confirmed.connect(self._message_confirmed)
        self.unsent.failed.connect(self.show_error)
        self.unsent.discarded.connect(lambda text: self.composer.restore(text))

        self.composer = Composer()
        self.composer.send_requested.connect(lambda text: self._spawn(self._send(text)))

        self.create_lead_button = QPushButton(self.tr("Create lead"))
        self.create_lead_button.setObjectName("createLeadButton")
        self.create_lead_button.clicked.connect(lambda *_: self._spawn(self._create_lead()))
        self.lead_reason = QLabel()
        self.lead_reason.setObjectName("leadReason")
        self.lead_reason.setStyleSheet("color: palette(mid);")
        self.lead_reason.setWordWrap(True)
        plain(self.header, self.busy, self.error, self.lead_reason)

        chats_box = QVBoxLayout()
        chats_box.addWidget(QLabel(self.tr("Chats")))
        chats_box.addWidget(self.chat_list)
        chats_box.addWidget(self.active_only)
        people_box = QVBoxLayout()
        people_box.addWidget(QLabel(self.tr("Participants")))
        people_box.addWidget(self.participant_list)
        buttons = QHBoxLayout()
        for button in (self.add_button, self.remove_button, self.join_button):
            buttons.addWidget(button)
        people_box.addLayout(buttons)
        top = QHBoxLayout()
        top.addLayout(chats_box, 3)
        top.addLayout(people_box, 2)
        top_widget = QWidget()
        top_widget.setLayout(top)

        lead_row = QHBoxLayout()
        lead_row.addWidget(self.create_lead_button)
        lead_row.addWidget(self.lead_reason, 1)

        bottom = QVBoxLayout()
        bottom.addWidget(self.history_view, 1)
        bottom.addWidget(self.unsent)
        bottom.addWidget(self.composer)
        bottom.addLayout(lead_row)
        bottom_widget = QWidget()
        bottom_widget.setLayout(bottom)

        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.setObjectName("paneSplitter")
        self.splitter.addWidget(top_widget)
        self.splitter.addWidget(bottom_widget)
        self.splitter.setStretchFactor(1, 3)
        self.splitter.setSizes([170, 530])  # the history gets most of the height

        layout = QVBoxLayout(self)
        layout.addWidget(self.header)
        layout.addWidget(self.busy)
        layout.addWidget(self.error)
        layout.addWidget(self.splitter, 1)

    # ---- state ----

    def set_desk(self, desk: Desk | None) -> None:
        self._desk = desk
        self._entity = None
        self.shown = None
        self.chats.clear()
        self.participants.clear()
        self.history_view.show_placeholder(self.tr("No entity chosen."))
        self.unsent.show_for(desk, None)
        self._set_enabled(False)

    def _spawn(self, coro: object) -> None:
        self._runner.spawn(coro)  # type: ignore[arg-type]

    def _set_enabled(self, enabled: bool) -> None:
        for widget in (self.chat_list, self.participant_list, self.active_only):
            widget.setEnabled(enabled)
        self._update_buttons()

    def _update_buttons(self) -> None:
        pane = self.shown
        has_chat = pane is not None and pane.chat_id is not None
        self.add_button.setEnabled(has_chat)
        selected = self.participant_list.currentIndex()
        # A participant still being added cannot be removed.
        removable = selected.isValid() and not selected.data(PENDING_ROLE)
        self.remove_button.setEnabled(has_chat and removable)
        self.join_button.setEnabled(has_chat and pane is not None and not pane.i_am_participant)
        self.composer.set_open(has_chat)
        blocker = pane.lead_blocker() if pane else None
        reason = texts.text(blocker) if blocker else ""
        if pane is None:
            reason = self.tr("Choose an entity first.")
        self.create_lead_button.setEnabled(pane is not None and blocker is None)
        self.lead_reason.setText(reason)
        self.create_lead_button.setToolTip(reason)

    def show_error(self, error: BaseException | str) -> None:
        text = error if isinstance(error, str) else user_text(error)
        self.error.setText(text)
        self.error.setVisible(bool(text))

    # ---- loading ----

    def open_entity(self, entity: Entity) -> None:
        """Show `entity`; a pane still loading for another entity is dropped when it lands."""
        self._entity = entity
        self.shown = None
        kind = texts.text(texts.ENTITY_SINGULAR[entity.type])
        self.header.setText(f"{kind} #{entity.id}: {visible(entity.display_name)}")
        self.chats.clear()
        self.participants.clear()
        self.history_view.show_placeholder(self.tr("Loading the chats…"))
        self._set_enabled(False)
        self.reload()

    def reload(self, chat_id: int | None = None) -> None:
        if self._entity is None or self._desk is None:
            return
        pane = self.shown
        if chat_id is None and pane is not None and pane.chat_id != pane.last_chat_id:
            chat_id = pane.chat_id  # keep the chat the user picked
        self._spawn(self._load(self._entity.ref, chat_id))

    async def _load(self, entity: CrmRef, chat_id: int | None) -> None:
        assert self._desk is not None
        self.busy.show()
        self.show_error("")
        try:
            pane = await self._desk.open_entity(
                entity, active_only=self.active_only.isChecked(), chat_id=chat_id
            )
        except SupersededError:
            return
        except Exception as error:
            if self._entity is not None and self._entity.ref == entity:
                self.busy.hide()
                self.show_error(error)
                self.history_view.show_placeholder(self.tr("The chats could not be loaded."))
            return
        if self._entity is None or self._entity.ref != entity:
            return
        self.busy.hide()
        self._show(pane)

    def _show(self, pane: Pane) -> None:
        self.shown = pane
        self.chats.show_chats(pane.chats, pane.last_chat_id, pane.chat_id)
        self.chat_list.setCurrentIndex(self.chats.index(self.chats.row_of(pane.chat_id)))
        self.participants.show_people(pane.participants, pane.me.id, pane.operator_id)
        if pane.history is not None:
            self.history_view.show_history(pane.history, pane.me.id)
        elif pane.chat_id is None:
            self.history_view.show_placeholder(self.tr("This entity has no Open Lines chats."))
        self.unsent.show_for(self._desk, pane.chat_id)
        self._set_enabled(True)

    def _chat_chosen(self, index: QModelIndex) -> None:
        chat_id = index.data(CHAT_ID_ROLE)
        if self.shown is not None and chat_id != self.shown.chat_id:
            self.history_view.show_placeholder(self.tr("Loading the chat…"))
            self.reload(chat_id=int(chat_id))

    # ---- participants ----

    async def _add_participant(self) -> None:
        if self._desk is None or self.shown is None:
            return
        pane = self.shown
        excluded = {u.id for u in pane.participants}
        user = await pick_user(self._desk.search_users, self._runner, excluded, self)
        if user is None:
            return
        # Optimistic: the user shows at once, marked as pending, and goes if the portal says no.
        self.participants.add_pending(user)
        try:
            await self._desk.add_participant(pane, user.id)
        except Exception as error:
            self.participants.drop_pending(user.id)
            self.show_error(error)
            return
        name = visible(user.full_name)
        self.status_message.emit(self.tr("{0} was added to the chat.").format(name))
        self.reload()

    async def _remove_participant(self) -> None:
        index = self.participant_list.currentIndex()
        if self._desk is None or self.shown is None or not index.isValid():
            return
        if index.data(PENDING_ROLE):
            return
        pane = self.shown
        user_id = int(index.data(USER_ID_ROLE))
        user = next((u for u in pane.participants if u.id == user_id), None)
        name = visible(user.full_name) if user else f"#{user_id}"
        title = self.tr("Remove participant")
        text = self.tr("Remove {0} from chat #{1}?").format(name, pane.chat_id)
        if await question(self, "confirmRemove", title, text) != Button.Yes:
            return
        try:
            await self._desk.remove_participant(pane, user_id)
        except Exception as error:
            self.show_error(error)
            return
        self.status_message.emit(self.tr("{0} was removed from the chat.").format(name))
        self.reload()

    async def _join(self) -> bool:
        if self._desk is None or self.shown is None:
            return False
        try:
            await self._desk.join(self.shown)
        except Exception as error:
            self.show_error(error)
            return False
        self.status_message.emit(self.tr("You joined the chat."))
        return True

    # ---- messages ----

    async def _send(self, text: str) -> None:
        if self._desk is None or self.shown is None or not text:
            return
        self.composer.hold()
        self.show_error("")
        try:
            if not self.shown.i_am_participant and not await self._offer_join():
                return
            await self._desk.send_message(self.shown, text)
        except NotInChatError:
            if await self._offer_join():
                await self._send(text)
            return
        except OutcomeUnknownError:
            await self.unsent.settle(text)
            return
        except Exception as error:  # the text stays in the composer
            self.show_error(error)
            return
        finally:
            self._update_buttons()
        self._message_confirmed(text)

    def _message_confirmed(self, text: str) -> None:
        self.composer.clear_if(text)
        self.status_message.emit(self.tr("Message sent."))
        self.reload()

    async def _offer_join(self) -> bool:
        text = self.tr(
            "You are not in this chat. Bitrix24 only lets participants write. "
            "Join the chat and send?"
        )
        answer = await question(self, "confirmJoin", self.tr("Join the chat"), text)
        if answer != Button.Yes or not await self._join():
            return False
        assert self._desk is not None and self.shown is not None
        self.shown = await self._desk.open_entity(
            self.shown.entity, active_only=self.active_only.isChecked(), chat_id=self.shown.chat_id
        )
        self._show(self.shown)
        return True

    # ---- leads ----

    async def _create_lead(self) -> None:
        if self._desk is None or self.shown is None:
            return
        self.create_lead_button.setEnabled(False)
        try:
            lead_id = await self._desk.create_lead(self.shown)
        except Exception as error:
            self.show_error(error)
            self._update_buttons()
            return
        if lead_id is None:
            self.status_message.emit(self.tr("The lead was created."))
            self.reload()
            return
        title = self.tr("Lead created")
        text = self.tr("Lead #{0} was created from this chat. Open it?").format(lead_id)
        self.reload()
        buttons = Button.Open | Button.Close
        answer = await question(self, "leadCreated", title, text, buttons, Icon.Information)
        if answer == Button.Open:
            self.open_entity_requested.emit(CrmRef(CrmEntityType.LEAD, lead_id))
