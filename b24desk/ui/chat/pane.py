"""The right-hand pane: an entity's chats, the shown chat's participants, history and composer.

Every write takes the chat on show as a `ChatTarget` captured when the supervisor acted, so
opening another entity while it is on its way cannot redirect it. The composer holds the
shown chat's own draft; results for an entity the user has left are dropped.
"""

from __future__ import annotations

import asyncio

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from b24desk.api.types import Entity
from b24desk.desk.desk import Desk, EntityChats, NotConfirmedError, NotInChatError
from b24desk.desk.outbox import ChatTarget
from b24desk.desk.tasks import Latest, SupersededError, TaskScope
from b24desk.ui import texts
from b24desk.ui.chat.chat_links import ChatLinks
from b24desk.ui.chat.chats import CHAT_ID_ROLE, CHAT_LIST_LINES, ChatsModel, chat_list_view
from b24desk.ui.chat.composer import Composer
from b24desk.ui.chat.history import HistoryView
from b24desk.ui.chat.lead import LeadRow
from b24desk.ui.chat.new_messages import NewMessagesButton
from b24desk.ui.chat.pane_layout import column, header, hidden_label, history_first, row
from b24desk.ui.chat.people import PeopleBox
from b24desk.ui.chat.session_actions import SessionRow
from b24desk.ui.chat.session_picker import SessionPicker
from b24desk.ui.chat.unsent import UnsentBanner
from b24desk.ui.dialogs.ask import Button, question
from b24desk.ui.errors import user_text
from b24desk.ui.plaintext import plain, visible
from b24desk.ui.portal_pages import PortalPages
from b24desk.ui.style import Tone


class ChatPane(QWidget):
    """Chats of one CRM entity and everything a supervisor does in them."""

    open_entity_requested = Signal(object)  # CrmRef, e.g. a lead just created
    status_message = Signal(str)
    chat_shown = Signal(object)  # the EntityChats now on show (live updates watch its chat)
    succeeded = Signal()  # an action went through: earlier failures are old news

    def __init__(
        self, runner: TaskScope, pages: PortalPages, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("chatPane")
        self._runner = runner
        self._pages = pages
        self._focus_when_shown = False  # Enter on an entity: the keyboard follows to its chat
        self._desk: Desk | None = None
        self._entity: Entity | None = None
        self._loads = Latest()  # the newest pane request wins
        self._session_id: int | None = None  # an earlier session of the chat on show
        self.shown: EntityChats | None = None
        self._back: list[Entity] = []  # where *Back* returns to (e.g. before a new lead)
        self._build()
        self._set_enabled(False)

    # ---- layout ----

    def _build(self) -> None:
        self.header = header(self.tr("Choose a lead, deal, contact or company on the left."))
        self.back_button = QPushButton(self.tr("← &Back"))
        self.back_button.setObjectName("backButton")
        self.back_button.clicked.connect(lambda *_: self.go_back())
        self.back_button.hide()
        self.busy = hidden_label("paneBusy", self.tr("Loading…"))
        self.error = hidden_label("paneError", tone=Tone.ERROR)

        self.active_only = QCheckBox(self.tr("Active chats onl&y"))
        self.active_only.setObjectName("activeOnly")
        self.active_only.setChecked(True)
        self.active_only.toggled.connect(lambda *_: self.reload())
        self.chats = ChatsModel(self)
        self.chat_list = chat_list_view(self.chats)
        self.chat_list.activated.connect(self._chat_chosen)
        self.chat_list.clicked.connect(self._chat_chosen)
        self.chat_links = ChatLinks(self.chat_list, self._pages)

        self.people = PeopleBox(self._runner)
        self.people.started.connect(lambda: self.show_error(""))
        self.people.failed.connect(self.show_error)
        self.people.changed.connect(self._people_changed)
        # Kept for tests and screenshots that reach them from the pane.
        self.participants, self.participant_list = self.people.model, self.people.view
        self.add_button = self.people.add_button

        self.sessions = SessionPicker()
        self.sessions.chosen.connect(self._session_chosen)
        self.sessions.refused.connect(self.show_error)
        self.history_view = HistoryView()
        self.new_messages = NewMessagesButton(self.history_view)
        self.history_view.link_notice.connect(self.status_message)
        self.unsent = UnsentBanner(self._runner)
        self.unsent.confirmed.connect(self._message_confirmed)
        self.unsent.failed.connect(self.show_error)
        self.unsent.put_back.connect(self.composer_show_draft)

        self.composer = Composer()
        self.composer.send_requested.connect(lambda text: self._act(self._send, text))
        self.composer.draft_changed.connect(self._keep_draft)

        self.lead = LeadRow(self._runner)
        self.lead.created.connect(self._lead_created)
        self.lead.failed.connect(self.show_error)
        self.lead.open_requested.connect(self.open_entity_requested)
        self.lead.reload_requested.connect(lambda: self.reload())
        self.session = SessionRow(self._runner)
        self.session.started.connect(lambda: self.show_error(""))
        self.session.failed.connect(self.show_error)
        self.session.changed.connect(self._people_changed)
        self.session.reload_requested.connect(lambda t: self._runner.spawn(self._refresh_after(t)))
        # Kept for tests and screenshots that look for these by name.
        self.create_lead_button, self.lead_reason = self.lead.button, self.lead.reason
        plain(self.header, self.busy, self.error)

        top = QHBoxLayout()
        below = row(self.active_only, self.sessions)  # the top gives way first on small screens
        top.addLayout(column(QLabel(self.tr("Chats")), self.chat_list, below), 3)
        top.addWidget(self.people, 2)

        bottom = QVBoxLayout()
        bottom.addWidget(self.history_view, 1)
        bottom.addWidget(self.unsent)
        bottom.addWidget(self.composer)
        actions = QHBoxLayout()  # one row, so a small screen's history keeps its room
        actions.addWidget(self.session, 3)
        actions.addWidget(self.lead, 2)
        bottom.addLayout(actions)

        self.splitter = history_first(
            top, bottom, ((self.chat_list, CHAT_LIST_LINES), (self.participant_list, 2))
        )
        self.splitter.setObjectName("paneSplitter")

        header_row = QHBoxLayout()
        header_row.addWidget(self.back_button)
        header_row.addWidget(self.header, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(header_row)
        layout.addWidget(self.busy)
        layout.addWidget(self.error)
        layout.addWidget(self.splitter, 1)

    # ---- state ----

    def set_desk(self, desk: Desk | None) -> None:
        self._desk = desk
        self._entity = None
        self._back.clear()
        self._loads.supersede()
        self._clear_shown(self.tr("No entity chosen."))
        self.show_error("")
        self.back_button.hide()

    def _clear_shown(self, placeholder: str) -> None:
        self.shown, self._session_id = None, None
        self.chats.clear()
        self.sessions.show_for(None, [])
        self.history_view.show_placeholder(placeholder)
        self.unsent.show_for(self._desk, None)
        self.composer.show_draft("")  # never the previous chat's draft
        self._set_enabled(False)

    def _act(self, action: object, *args: object) -> None:
        """Start a supervisor's action: a new action clears the last one's failure."""
        self.show_error("")
        self._runner.spawn(action(*args))  # type: ignore[operator]

    def _set_enabled(self, enabled: bool) -> None:
        for widget in (self.chat_list, self.active_only):
            widget.setEnabled(enabled)
        self._update_buttons()

    def _update_buttons(self) -> None:
        shown = self.shown
        self.people.show_for(self._desk, shown)
        readable = shown is not None and shown.chat_id is not None and not shown.earlier_session
        self.composer.set_open(readable)
        self.lead.show_for(self._desk, shown)
        self.session.show_for(self._desk, shown)

    def show_error(self, error: BaseException | str) -> None:
        text = error if isinstance(error, str) else user_text(error)
        self.error.setText(text)
        self.error.setVisible(bool(text))

    def composer_show_draft(self, text: str) -> None:
        self.composer.show_draft(text)

    def _keep_draft(self, text: str) -> None:
        if self._desk is not None and self.shown is not None and self.shown.chat_id is not None:
            self._desk.keep_draft(self.shown.chat_id, text)

    # ---- loading ----

    def open_entity(
        self, entity: Entity, *, remember_back: bool = False, chat_id: int | None = None
    ) -> None:
        """Show `entity` (its chat `chat_id`, else its last); a pane still loading for
        another entity is dropped when it lands."""
        if remember_back and self._entity is not None and self._entity.ref != entity.ref:
            self._back.append(self._entity)
        elif not remember_back:
            self._back.clear()
        self.back_button.setVisible(bool(self._back))
        self._entity = entity
        self._focus_when_shown = False  # a focus_chat() after this asks again
        kind = texts.text(texts.ENTITY_SINGULAR[entity.type])
        self.header.setText(f"{kind} #{entity.id}: {visible(entity.display_name)}")
        self.show_error("")
        self._clear_shown(self.tr("Loading the chats…"))
        self.reload(chat_id)

    def focus_chat(self) -> None:
        """The keyboard goes to the message box (or the chat list), now or once it shows."""
        target = self.composer.editor if self.composer.editor.isEnabled() else self.chat_list
        self._focus_when_shown = not target.isEnabled()
        if target.isEnabled():
            target.setFocus(Qt.FocusReason.OtherFocusReason)

    def go_back(self) -> None:
        if self._back:
            previous = self._back.pop()
            still_back = list(self._back)
            self.open_entity(previous)  # a plain open forgets the way back...
            self._back = still_back  # ...but there may be more steps to go back
            self.back_button.setVisible(bool(still_back))

    def reload(self, chat_id: int | None = None, *, quiet: bool = False) -> None:
        """Load the entity's chats again (`quiet`: no "Loading…", for live updates)."""
        if self._entity is None or self._desk is None:
            return
        shown = self.shown
        if chat_id is None and shown is not None and shown.chat_id != shown.last_chat_id:
            chat_id = shown.chat_id  # keep the chat the user picked
        if shown is None or chat_id not in (None, shown.chat_id):
            self._session_id = None  # another chat: its current session
        self._runner.spawn(self._load(self._entity, chat_id, quiet))

    async def _load(self, entity: Entity, chat_id: int | None, quiet: bool = False) -> None:
        assert self._desk is not None
        if not quiet:
            self.busy.show()
        session_id = self._session_id
        try:
            shown = await self._loads.run(
                self._desk.open_entity(
                    entity.ref,
                    active_only=self.active_only.isChecked(),
                    chat_id=chat_id,
                    session_id=session_id,
                )
            )
        except SupersededError:
            return
        except asyncio.CancelledError:  # e.g. the supervisor stopped waiting for Bitrix24
            self.busy.hide()
            raise
        except Exception as error:
            if session_id is not None and self.shown is not None:
                self._session_id = None  # no such session of this chat: what is on show stays
                self.busy.hide()
                self._show_sessions()
                self.show_error(error)
            elif self._entity is not None and self._entity.ref == entity.ref:
                self.busy.hide()
                self.show_error(error)
                self.history_view.show_placeholder(self.tr("The chats could not be loaded."))
            return
        if self._entity is None or self._entity.ref != entity.ref:
            return
        self.busy.hide()
        self._show(shown)

    def _show(self, shown: EntityChats) -> None:
        before = self.shown
        chat_changed = before is None or before.chat_id != shown.chat_id
        session_changed = before is not None and before.session_id != shown.session_id
        self.shown = shown
        self.chats.show_chats(
            shown.chats,
            shown.last_chat_id,
            shown.chat_id,
            shown.closed,
            shown.every_chat,
            shown.states,
        )
        self.chat_list.setCurrentIndex(self.chats.index(self.chats.row_of(shown.chat_id)))
        self._show_sessions()
        if shown.history is not None and (chat_changed or session_changed):
            self.history_view.show_history(shown.history, shown.me.id)
        elif shown.history is not None:  # the same chat again: only what is new is added
            self.history_view.update_history(shown.history, shown.me.id)
        elif shown.chat_id is None:
            self.history_view.show_placeholder(self.tr("This entity has no Open Lines chats."))
        self.unsent.show_for(self._desk, shown.chat_id)
        self._set_enabled(True)
        if self._focus_when_shown:
            self.focus_chat()
        if chat_changed:
            draft = self._desk.draft(shown.chat_id) if self._desk and shown.chat_id else ""
            self.composer.show_draft(draft)
        self.chat_shown.emit(shown)

    def _show_sessions(self) -> None:
        chat_id = self.shown.chat_id if self.shown is not None else None
        seen = self._desk.sessions_of(chat_id) if self._desk and chat_id is not None else []
        self.sessions.show_for(self.shown, seen)

    def _session_chosen(self, session_id: int | None) -> None:
        if self.shown is not None and self.shown.chat_id is not None:
            self._session_id = session_id
            self.show_error("")
            self.reload(self.shown.chat_id)

    def _chat_chosen(self, index: QModelIndex) -> None:
        chat_id = index.data(CHAT_ID_ROLE)
        if self.shown is not None and chat_id != self.shown.chat_id:
            self.history_view.show_placeholder(self.tr("Loading the chat…"))
            self.reload(chat_id=int(chat_id))

    async def _refresh_after(self, target: ChatTarget) -> None:
        """Participants, history and buttons as the portal has them now, if still on show."""
        if self._entity is not None and self._entity.ref == target.entity:
            await self._load(self._entity, target.chat_id)

    def _people_changed(self, target: ChatTarget, message: str) -> None:
        self._done(message)
        self._runner.spawn(self._refresh_after(target))

    def _done(self, message: str) -> None:
        self.status_message.emit(message)
        self.succeeded.emit()

    # ---- messages ----

    async def _send(self, text: str) -> None:
        shown = self.shown
        if self._desk is None or shown is None or shown.target is None or not text:
            return
        desk, target = self._desk, shown.target
        self.composer.hold()
        try:
            join_first = not shown.i_am_participant
            if join_first and not await self._ask_to_join():
                return
            try:
                await desk.send(target, text, join_first=join_first)
            except NotInChatError:  # removed meanwhile: offer to join again
                if not await self._ask_to_join():
                    return
                await desk.send(target, text, join_first=True)
        except NotConfirmedError as unsure:
            self._taken_over(target, text)
            self.show_error(unsure)
            return
        except Exception as error:  # the text stays in the composer, as the chat's draft
            self.show_error(error)
            return
        finally:
            self._update_buttons()
        self._taken_over(target, text)
        self._message_confirmed(text)
        await self._refresh_after(target)

    def _taken_over(self, target: ChatTarget, text: str) -> None:
        """The text left the composer (sent, or waiting in the outbox): clear it if on show."""
        if self.shown is not None and self.shown.chat_id == target.chat_id:
            self.composer.clear_if(text)
            self.unsent.refresh()

    def _message_confirmed(self, _text: str) -> None:
        self._done(self.tr("Message sent."))
        self.unsent.refresh()

    async def _ask_to_join(self) -> bool:
        text = self.tr(
            "You are not in this chat. Bitrix24 only lets participants write. "
            "Join the chat and send?"
        )
        return await question(self, "confirmJoin", self.tr("Join the chat"), text) == Button.Yes

    # ---- leads ----

    def _lead_created(self) -> None:
        self._done(self.tr("The lead was created."))
        self.reload()
