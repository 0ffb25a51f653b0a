"""Typed values of the live-update calls: im.v2 events, recent chats, counters, messages."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum

from .types import CrmBindings, FileRef, Message, User


class ImEventType(StrEnum):
    """The `type` of an im.v2 event; OTHER for a type this client does not know."""

    MESSAGE_ADD = "ONIMV2MESSAGEADD"
    MESSAGE_UPDATE = "ONIMV2MESSAGEUPDATE"
    MESSAGE_DELETE = "ONIMV2MESSAGEDELETE"
    REACTION_CHANGE = "ONIMV2REACTIONCHANGE"
    JOIN_CHAT = "ONIMV2JOINCHAT"
    OTHER = ""

    @classmethod
    def from_text(cls, text: str) -> ImEventType:
        try:
            return cls(text.strip().upper())
        except ValueError:
            return cls.OTHER


OPEN_LINES_ENTITY = "LINES"


@dataclass(frozen=True, slots=True)
class ImEvent:
    """One im.v2 event; fields an event type does not carry are None / empty."""

    event_id: int
    type: ImEventType
    type_name: str  # as the portal sent it, also for OTHER
    date: datetime | None
    chat_id: int | None
    dialog_id: str = ""  # "chat123"
    chat_entity_type: str = ""  # "LINES" for Open Lines
    chat_entity_id: str = ""  # Open Lines: connector|LINE_ID|CONNECTOR_CHAT_ID|USER_ID
    crm: CrmBindings = field(default_factory=CrmBindings)  # from entityData2
    session_id: int | None = None  # from entityData1 (Open Lines)
    message_id: int | None = None
    author_id: int | None = None  # 0 for system messages
    text: str | None = None
    user: User | None = None  # the author, the one who reacted, or who joined
    reaction: str = ""  # ONIMV2REACTIONCHANGE: e.g. "like"
    reaction_added: bool | None = None  # True "add", False "delete"

    @property
    def is_open_lines(self) -> bool:
        return self.chat_entity_type.upper() == OPEN_LINES_ENTITY


@dataclass(frozen=True, slots=True)
class EventPage:
    """What one im.v2.Event.get gave: pass `next_offset` to the next call to confirm these."""

    events: tuple[ImEvent, ...]
    next_offset: int
    has_more: bool


@dataclass(frozen=True, slots=True)
class DialogMessages:
    """im.dialog.messages.get: messages in ID order (oldest first), with their authors."""

    chat_id: int
    messages: tuple[Message, ...]
    unread_ids: frozenset[int] = frozenset()
    users: Mapping[int, User] = field(default_factory=dict)
    files: Mapping[int, FileRef] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class RecentMessage:
    id: int
    author_id: int
    text: str  # without BB-codes and line breaks, as the recent list gives it
    date: datetime | None
    has_file: bool = False


@dataclass(frozen=True, slots=True)
class RecentChat:
    """One chat of im.recent.get."""

    dialog_id: str
    chat_id: int
    title: str
    chat_entity_type: str
    chat_entity_id: str
    crm: CrmBindings
    session_id: int | None
    counter: int  # unread messages
    last_read_id: int
    date_update: datetime | None
    last_message: RecentMessage | None

    @property
    def is_open_lines(self) -> bool:
        return self.chat_entity_type.upper() == OPEN_LINES_ENTITY


@dataclass(frozen=True, slots=True)
class Counters:
    """im.counters.get: totals by kind and unread messages per chat."""

    total: int
    notify: int
    chat: int
    lines: int
    dialog: int
    messenger: int
    chats: Mapping[int, int] = field(default_factory=dict)  # chat ID -> unread
    lines_chats: Mapping[int, int] = field(default_factory=dict)  # Open Lines chat -> unread
    dialogs: Mapping[int, int] = field(default_factory=dict)  # user ID -> unread
