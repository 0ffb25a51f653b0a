"""The right-hand pane: an entity's chats, the shown chat's participants, history and composer.

The pane drives its own actions through `Desk`; every call runs as a task on the qasync
loop, results for an entity the user has left are dropped, and text being written is kept
until the portal confirms it.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QFont, QKeyEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from b24desk.api.errors import OutcomeUnknownError
from b24desk.api.types import CrmEntityType, CrmRef, Entity, User
from b24desk.desk.desk import Desk, NotInChatError, Pane, SupersededError
from b24desk.desk.outbox import OutboxItem
from b24desk.ui import texts
from b24desk.ui.aio import TaskRunner, ask
from b24desk.ui.chat.history import HistoryView
from b24desk.ui.dialogs.user_picker import pick_user
from b24desk.ui.errors import user_text
from b24desk.ui.icons import connector_icon
from b24desk.ui.plaintext import plain, visible
from b24desk.ui.style import Tone, notice_style, text_style


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
        self.chat_list = QListWidget()
        self.chat_list.setObjectName("chatList")
        self.chat_list.itemActivated.connect(self._chat_chosen)
        self.chat_list.itemClicked.connect(self._chat_chosen)

        self.participant_list = QListWidget()
        self.participant_list.setObjectName("participantList")
        self.participant_list.currentItemChanged.connect(lambda *_: self._update_buttons())
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
        self.unsent = QLabel()
        self.unsent.setObjectName("unsentBanner")
        self.unsent.setWordWrap(True)
        self.unsent.setStyleSheet(notice_style())
        self.unsent.hide()
        self.check_unsent = QPushButton(self.tr("Check and resend…"))
        self.check_unsent.setObjectName("checkUnsentButton")
        self.check_unsent.clicked.connect(lambda *_: self._spawn(self._check_unsent()))
        self.check_unsent.hide()

        self.composer = QPlainTextEdit()
        self.composer.setObjectName("composer")
        self.composer.setPlaceholderText(self.tr("Write to the chat… (Ctrl+Enter sends)"))
        self.composer.setMaximumHeight(90)
        self.composer.textChanged.connect(self._update_buttons)
        self.send_button = QPushButton(self.tr("Send"))
        self.send_button.setObjectName("sendButton")
        self.send_button.clicked.connect(lambda *_: self.send())
        self.composer.installEventFilter(self)

        self.create_lead_button = QPushButton(self.tr("Create lead"))
        self.create_lead_button.setObjectName("createLeadButton")
        self.create_lead_button.clicked.connect(lambda *_: self._spawn(self._create_lead()))
        self.lead_reason = QLabel()
        self.lead_reason.setObjectName("leadReason")
        self.lead_reason.setStyleSheet("color: palette(mid);")
        self.lead_reason.setWordWrap(True)
        plain(self.header, self.busy, self.error, self.unsent, self.lead_reason)

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

        send_row = QHBoxLayout()
        send_row.addWidget(self.composer, 1)
        send_column = QVBoxLayout()
        send_column.addWidget(self.send_button)
        send_column.addStretch(1)
        send_row.addLayout(send_column)
        lead_row = QHBoxLayout()
        lead_row.addWidget(self.create_lead_button)
        lead_row.addWidget(self.lead_reason, 1)
        unsent_row = QHBoxLayout()
        unsent_row.addWidget(self.unsent, 1)
        unsent_row.addWidget(self.check_unsent)

        bottom = QVBoxLayout()
        bottom.addWidget(self.history_view, 1)
        bottom.addLayout(unsent_row)
        bottom.addLayout(send_row)
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

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        """Ctrl+Enter in the composer sends; plain Enter starts a new line."""
        if (
            watched is self.composer
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            and event.modifiers() & Qt.KeyboardModifier.ControlModifier
        ):
            self.send()
            return True
        return super().eventFilter(watched, event)

    # ---- state ----

    def set_desk(self, desk: Desk | None) -> None:
        self._desk = desk
        self._entity = None
        self.shown = None
        self.chat_list.clear()
        self.participant_list.clear()
        self.history_view.show_placeholder(self.tr("No entity chosen."))
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
        selected = self.participant_list.currentItem()
        # A participant still being added (no ID yet) cannot be removed.
        removable = selected is not None and selected.data(Qt.ItemDataRole.UserRole) is not None
        self.remove_button.setEnabled(has_chat and removable)
        self.join_button.setEnabled(has_chat and pane is not None and not pane.i_am_participant)
        self.composer.setEnabled(has_chat)
        self.send_button.setEnabled(has_chat and bool(self.composer.toPlainText().strip()))
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
        self.chat_list.clear()
        self.participant_list.clear()
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
        self._fill_chats(pane)
        self._fill_participants(pane.participants, pane.operator_id)
        if pane.history is not None:
            self.history_view.show_history(pane.history, pane.me.id)
        elif pane.chat_id is None:
            self.history_view.show_placeholder(self.tr("This entity has no Open Lines chats."))
        self._show_unsent()
        self._set_enabled(True)

    def _fill_chats(self, pane: Pane) -> None:
        self.chat_list.blockSignals(True)
        self.chat_list.clear()
        ids = [c.id for c in pane.chats]
        listed = list(pane.chats)
        for chat in listed:
            text = f"{visible(chat.connector_title)} · #{chat.id}"
            if chat.id == pane.last_chat_id:
                text += "  " + self.tr("(last)")
            item = QListWidgetItem(connector_icon(chat.connector_id), text)
            item.setData(Qt.ItemDataRole.UserRole, chat.id)
            if chat.id == pane.last_chat_id:
                font = item.font()
                font.setBold(True)
                item.setFont(font)
            self.chat_list.addItem(item)
            if chat.id == pane.chat_id:
                self.chat_list.setCurrentItem(item)
        if pane.chat_id is not None and pane.chat_id not in ids:
            item = QListWidgetItem(self.tr("#{0} (closed)").format(pane.chat_id))
            item.setData(Qt.ItemDataRole.UserRole, pane.chat_id)
            self.chat_list.addItem(item)
            self.chat_list.setCurrentItem(item)
        self.chat_list.blockSignals(False)

    def _fill_participants(self, people: tuple[User, ...], operator_id: int | None) -> None:
        self.participant_list.clear()
        for user in people:
            text = visible(user.full_name)
            if self.shown is not None and user.id == self.shown.me.id:
                text += " " + self.tr("(you)")
            if user.id == operator_id:
                text += " — " + self.tr("operator")
            if user.is_customer:
                text += " — " + self.tr("customer")
            if user.is_bot:
                text += " — " + self.tr("bot")
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, user.id)
            self.participant_list.addItem(item)

    def _chat_chosen(self, item: QListWidgetItem) -> None:
        chat_id = item.data(Qt.ItemDataRole.UserRole)
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
        name = visible(user.full_name)
        pending = QListWidgetItem(f"{name} — " + self.tr("adding…"))
        self.participant_list.addItem(pending)
        try:
            await self._desk.add_participant(pane, user.id)
        except Exception as error:
            self.participant_list.takeItem(self.participant_list.row(pending))
            self.show_error(error)
            return
        self.status_message.emit(self.tr("{0} was added to the chat.").format(name))
        self.reload()

    async def _remove_participant(self) -> None:
        item = self.participant_list.currentItem()
        if self._desk is None or self.shown is None or item is None:
            return
        if item.data(Qt.ItemDataRole.UserRole) is None:
            return
        pane = self.shown
        user_id = int(item.data(Qt.ItemDataRole.UserRole))
        user = next((u for u in pane.participants if u.id == user_id), None)
        name = visible(user.full_name) if user else f"#{user_id}"
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("Remove participant"),
            self.tr("Remove {0} from chat #{1}?").format(name, pane.chat_id),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            self,
        )
        box.setObjectName("confirmRemove")
        plain(box)  # the name is the customer's: a link in it would open (STACK-NOTES 15)
        if await ask(box) != QMessageBox.StandardButton.Yes:
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

    def send(self) -> None:
        if self.send_button.isEnabled():
            self._spawn(self._send(self.composer.toPlainText().strip()))

    async def _send(self, text: str) -> None:
        if self._desk is None or self.shown is None or not text:
            return
        self.send_button.setEnabled(False)
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
            await self._settle_unknown(text)
            return
        except Exception as error:  # the text stays in the composer
            self.show_error(error)
            return
        finally:
            self._update_buttons()
        self._message_confirmed(text)

    def _message_confirmed(self, text: str) -> None:
        if self.composer.toPlainText().strip() == text:
            self.composer.clear()
        self.status_message.emit(self.tr("Message sent."))
        self.reload()

    async def _offer_join(self) -> bool:
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("Join the chat"),
            self.tr(
                "You are not in this chat. Bitrix24 only lets participants write. "
                "Join the chat and send?"
            ),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            self,
        )
        box.setObjectName("confirmJoin")
        plain(box)
        if await ask(box) != QMessageBox.StandardButton.Yes or not await self._join():
            return False
        assert self._desk is not None and self.shown is not None
        self.shown = await self._desk.open_entity(
            self.shown.entity, active_only=self.active_only.isChecked(), chat_id=self.shown.chat_id
        )
        self._show(self.shown)
        return True

    async def _settle_unknown(self, text: str) -> None:
        """The answer was lost: look in the history before anything is sent again."""
        assert self._desk is not None
        item = next((i for i in self._desk.unsent() if i.text == text), None)
        if item is None:
            return
        await self._resolve(item)

    async def _resolve(self, item: OutboxItem) -> None:
        assert self._desk is not None
        try:
            delivered = await self._desk.check_unknown(item)
        except Exception as error:
            self.show_error(error)
            self._show_unsent()
            return
        if delivered:
            self._message_confirmed(item.text)
            return
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            self.tr("Message not confirmed"),
            self.tr(
                "Bitrix24 did not confirm your message, and it is not in the chat. Send it again?"
            ),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            self,
        )
        box.setObjectName("confirmResend")
        plain(box)
        if await ask(box) == QMessageBox.StandardButton.Yes:
            try:
                await self._desk.resend(item)
            except Exception as error:
                self.show_error(error)
                self._show_unsent()
                return
            self._message_confirmed(item.text)
            return
        self._desk.discard(item)
        if not self.composer.toPlainText().strip():
            self.composer.setPlainText(item.text)  # back where the user can edit or resend it
        self._show_unsent()

    def _unsent_here(self) -> list[OutboxItem]:
        if self._desk is None or self.shown is None:
            return []
        return [i for i in self._desk.unsent() if i.chat_id == self.shown.chat_id]

    def _show_unsent(self) -> None:
        items = self._unsent_here()
        if items:
            self.unsent.setText(
                self.tr("Not confirmed by Bitrix24: “{0}”").format(visible(items[0].text[:80]))
            )
        self.unsent.setVisible(bool(items))
        self.check_unsent.setVisible(bool(items))

    async def _check_unsent(self) -> None:
        for item in self._unsent_here():
            await self._resolve(item)

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
        box = QMessageBox(
            QMessageBox.Icon.Information,
            self.tr("Lead created"),
            self.tr("Lead #{0} was created from this chat. Open it?").format(lead_id),
            QMessageBox.StandardButton.Open | QMessageBox.StandardButton.Close,
            self,
        )
        box.setObjectName("leadCreated")
        plain(box)
        self.reload()
        if await ask(box) == QMessageBox.StandardButton.Open:
            self.open_entity_requested.emit(CrmRef(CrmEntityType.LEAD, lead_id))
