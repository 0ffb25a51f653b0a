"""What the chat pane shows for one entity, and what its state allows the supervisor to do."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from b24desk.api.errors import ApiError
from b24desk.api.types import ChatRef, CrmRef, History, User
from b24desk.translatable import QT_TRANSLATE_NOOP

from .chat_states import ChatState
from .outbox import ChatTarget


@dataclass(frozen=True)
class EntityChats:
    """Everything the chat pane shows for one entity."""

    entity: CrmRef
    chats: tuple[ChatRef, ...]
    last_chat_id: int | None
    chat_id: int | None  # the chat on show: the one asked for, else the last one
    history: History | None
    participants: tuple[User, ...]
    me: User
    errors: Mapping[str, ApiError] = field(default_factory=dict)
    closed: frozenset[int] = frozenset()  # chats whose session is over
    every_chat: tuple[ChatRef, ...] = ()  # the listed ones and, with *Active only*, the rest
    open_chats: tuple[ChatRef, ...] | None = None  # those with an open session; None: unknown
    states: Mapping[int, ChatState] = field(default_factory=dict)  # chat ID -> its list line

    @property
    def target(self) -> ChatTarget | None:
        """The chat on show as a write target, or None when there is none."""
        return ChatTarget(self.entity, self.chat_id) if self.chat_id is not None else None

    @property
    def i_am_participant(self) -> bool:
        return any(user.id == self.me.id for user in self.participants)

    @property
    def operator_id(self) -> int | None:
        """The session's current operator: the owner of an Open Lines chat."""
        return self.history.chat.owner_id if self.history and self.history.chat else None

    @property
    def lead_id(self) -> int | None:
        """The lead the chat is bound to (entity_data_2), if any."""
        return self.history.chat.crm.lead if self.history and self.history.chat else None

    @property
    def session_id(self) -> int | None:
        return self.history.session_id if self.history else None

    @property
    def earlier_session(self) -> bool:
        """The history on show is an earlier session of the chat: read only."""
        return self.history is not None and self.history.earlier

    @property
    def session_open(self) -> bool | None:
        """Whether the chat on show has an open session; None when that is not known."""
        if self.earlier_session:
            return False  # that session is over, whatever the chat's current one does
        if self.chat_id is None or self.open_chats is None:
            return None
        return any(chat.id == self.chat_id for chat in self.open_chats)

    @property
    def pinned(self) -> bool:
        return bool(self.history and self.history.chat and self.history.chat.pinned)

    @property
    def line_id(self) -> int | None:
        """The chat's open line: the second part of its user code "connector|LINE_ID|..."."""
        if self.history is None or self.history.chat is None:
            return None
        parts = self.history.chat.user_code.split("|")
        return int(parts[1]) if len(parts) > 1 and parts[1].isdigit() else None

    def lead_blocker(self) -> str | None:
        """Why "Create lead" cannot act here, or None when it can."""
        if self.chat_id is None:
            return QT_TRANSLATE_NOOP("texts", "There is no chat to create a lead from.")
        if self.operator_id is not None and self.operator_id != self.me.id:
            return QT_TRANSLATE_NOOP("texts", "Only the chat's current operator can create a lead.")
        return None

    def removal_blocker(self, user_id: int) -> str | None:
        """Why this participant cannot be removed, or None when they can."""
        user = next((u for u in self.participants if u.id == user_id), None)
        if user is not None and user.is_customer:
            return QT_TRANSLATE_NOOP("texts", "The customer cannot be removed from their own chat.")
        return None

    # ---- session actions: why each cannot act here, or None when it can ----

    def _session_blocker(self) -> str | None:
        if self.chat_id is None:
            return QT_TRANSLATE_NOOP("texts", "There is no chat here.")
        if self.session_open is False:
            return QT_TRANSLATE_NOOP("texts", "The session is closed.")
        return None

    def take_over_blocker(self) -> str | None:
        if blocker := self._session_blocker():
            return blocker
        if self.operator_id == self.me.id:
            return QT_TRANSLATE_NOOP("texts", "You already handle this dialogue.")
        return None

    def transfer_blocker(self) -> str | None:
        return self._session_blocker()

    def finish_blocker(self) -> str | None:
        return self._session_blocker()

    def pin_blocker(self) -> str | None:
        return self._session_blocker()

    def rate_blocker(self) -> str | None:
        if self.chat_id is None:
            return QT_TRANSLATE_NOOP("texts", "There is no chat here.")
        if self.session_id is None:
            return QT_TRANSLATE_NOOP("texts", "This chat has no session to rate.")
        if self.history is not None and not self.history.can_rate:
            return QT_TRANSLATE_NOOP("texts", "Only heads of this line can rate.")
        return None
