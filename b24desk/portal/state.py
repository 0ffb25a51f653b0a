"""In-memory state of the demo portal: users, CRM entities, open lines, chats, sessions.

CRM rows are kept in the shape the REST API returns them (string values, ISO dates),
so list/get handlers only select and filter; typed helpers live beside the data.
"""

from __future__ import annotations

import bisect
import itertools
from collections.abc import Callable, MutableMapping
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from typing import Any

from .accounts import Access, CrmType, Department, OAuthApp, OAuthToken, User, Webhook
from .eventlog import EventLog

__all__ = [
    "Access",
    "CrmType",
    "Department",
    "OAuthApp",
    "OAuthToken",
    "User",
    "Webhook",
]

# A CRM row: a dict, or for the big seeded tables a CompactRow that reads like one.
Row = MutableMapping[str, Any]


@dataclass
class EntityTable:
    """Rows of one CRM entity type, ordered by ID (IDs only grow, so appends keep order)."""

    crm_type: CrmType
    rows: list[Row] = field(default_factory=list)
    ids: list[int] = field(default_factory=list)
    by_id: dict[int, Row] = field(default_factory=dict)
    next_id: int = 1
    # Sorted copies of `rows` by order spec, valid while the row count is unchanged.
    sorted_cache: dict[tuple[tuple[str, bool], ...], tuple[int, list[Row]]] = field(
        default_factory=dict
    )

    def add(self, row: Row) -> Row:
        entity_id = int(row.get("ID") or self.next_id)
        row["ID"] = str(entity_id)
        self.rows.append(row)
        self.ids.append(entity_id)
        self.by_id[entity_id] = row
        self.next_id = max(self.next_id, entity_id + 1)
        return row

    def slice_from(self, lowest_id: int) -> list[Row]:
        """Rows with ID >= lowest_id, found through the ID index (no scan)."""
        return self.rows[bisect.bisect_left(self.ids, lowest_id) :]

    def slice_to(self, highest_id: int) -> list[Row]:
        """Rows with ID <= highest_id."""
        return self.rows[: bisect.bisect_right(self.ids, highest_id)]


@dataclass
class Connector:
    id: str  # e.g. "livechat", "telegrambot"
    title: str


@dataclass
class OpenLine:
    id: int
    name: str
    connectors: list[str]
    queue: list[int] = field(default_factory=list)  # operators, in distribution order
    heads: list[int] = field(default_factory=list)  # may rate sessions (admins always may)
    active: bool = True


@dataclass
class FileInfo:
    id: int
    chat_id: int
    name: str
    type: str  # "image" | "file"
    extension: str
    size: int
    author_id: int
    date: str
    width: int = 0
    height: int = 0


# The system messages that open and close a session: the history gives them the `params`
# (CSS class, vote data) a real portal gives its own.
SESSION_STARTED_TEXT = "Диалог начат"
SESSION_FINISHED_TEXT = "Сессия завершена"


@dataclass
class Message:
    id: int
    chat_id: int
    author_id: int  # 0 = system message
    date: str
    text: str
    session_id: int
    file_ids: list[int] = field(default_factory=list)


@dataclass
class Session:
    id: int
    chat_id: int
    operator_id: int
    date_create: str
    closed: bool = False
    message_ids: list[int] = field(default_factory=list)
    vote_head: int = 0  # the supervisor's rating, 1-5; 0 = none
    comment_head: str | None = None
    pinned: bool = False  # imopenlines.session.mode.pin


@dataclass
class Chat:
    """An Open Lines chat (type "lines") or, for CHAT_TYPE errors, an ordinary group chat."""

    id: int
    name: str
    owner_id: int
    date_create: str
    chat_type: str = "lines"
    line_id: int = 0
    connector_id: str = ""
    customer_id: int = 0
    connector_chat_id: int = 0
    # CRM bindings, e.g. {CrmType.LEAD: 1205, CrmType.CONTACT: 0, ...}; 0 = not bound
    crm: dict[CrmType, int] = field(default_factory=dict)
    participants: list[int] = field(default_factory=list)
    sessions: list[Session] = field(default_factory=list)
    messages: list[Message] = field(default_factory=list)

    @property
    def is_lines(self) -> bool:
        return self.chat_type == "lines"

    @property
    def current_session(self) -> Session | None:
        return self.sessions[-1] if self.sessions else None

    @property
    def active(self) -> bool:
        session = self.current_session
        return session is not None and not session.closed

    @property
    def entity_id(self) -> str:
        """USER_CODE form: connector|LINE_ID|CONNECTOR_CHAT_ID|CONNECTOR_USER_ID."""
        return f"{self.connector_id}|{self.line_id}|{self.connector_chat_id}|{self.customer_id}"

    @property
    def entity_data_2(self) -> str:
        parts = []
        for crm_type in (CrmType.LEAD, CrmType.COMPANY, CrmType.CONTACT, CrmType.DEAL):
            parts += [crm_type.b24_name, str(self.crm.get(crm_type, 0))]
        return "|".join(parts)

    def entity_data_1(self, start_ts: int) -> str:
        """Session data; field 6 is the session ID (documented), the rest is undocumented."""
        session = self.current_session
        session_id = session.id if session else 0
        first_type, first_id = "NONE", 0
        for crm_type, crm_id in self.crm.items():
            if crm_id:
                first_type, first_id = crm_type.b24_name, crm_id
                break
        crm_flag = "Y" if first_id else "N"
        # The reference calls fields 4 and 5 "service data"; where a pin shows is not
        # documented, so the demo's choice is field 4, for tests to see it.
        pinned = "Y" if session is not None and session.pinned else "N"
        return f"{crm_flag}|{first_type}|{first_id}|{pinned}|N|{session_id}|{start_ts}|0|0|0"

    def is_bound_to(self, crm_type: CrmType, crm_id: int) -> bool:
        return crm_id > 0 and self.crm.get(crm_type, 0) == crm_id


class ChangeKind(StrEnum):
    """What happened in a chat, named as the im.v2 event that reports it."""

    MESSAGE_ADD = "ONIMV2MESSAGEADD"
    MESSAGE_UPDATE = "ONIMV2MESSAGEUPDATE"
    MESSAGE_DELETE = "ONIMV2MESSAGEDELETE"
    REACTION = "ONIMV2REACTIONCHANGE"
    JOIN = "ONIMV2JOINCHAT"


@dataclass(frozen=True)
class Change:
    """One change to a chat, told to the state's observers (the im.v2 event recorder)."""

    kind: ChangeKind
    chat: Chat
    message: Message | None = None
    user_id: int = 0  # the author, the one who reacted, or who joined
    reaction: str = ""
    action: str = ""  # "add" | "delete" for reactions


Observer = Callable[["PortalState", Change], None]


@dataclass
class PortalState:
    """Everything the demo portal knows; handlers read and change it on one event loop."""

    domain: str = "demo.bitrix24.local"
    timezone: str = "+03:00"
    now: datetime | None = None  # fixed "now" for seeded data
    clock_skew: float = 0.0  # seconds the portal's clock is ahead of this machine's
    departments: dict[int, Department] = field(default_factory=dict)
    users: dict[int, User] = field(default_factory=dict)
    webhooks: dict[str, Webhook] = field(default_factory=dict)
    oauth_apps: dict[str, OAuthApp] = field(default_factory=dict)
    access_tokens: dict[str, OAuthToken] = field(default_factory=dict)
    refresh_tokens: dict[str, OAuthToken] = field(default_factory=dict)
    crm: dict[CrmType, EntityTable] = field(
        default_factory=lambda: {t: EntityTable(t) for t in CrmType}
    )
    connectors: dict[str, Connector] = field(default_factory=dict)
    lines: dict[int, OpenLine] = field(default_factory=dict)
    chats: dict[int, Chat] = field(default_factory=dict)
    sessions: dict[int, Session] = field(default_factory=dict)
    messages: dict[int, Message] = field(default_factory=dict)
    files: dict[int, FileInfo] = field(default_factory=dict)
    statuses: list[dict[str, Any]] = field(default_factory=list)  # crm.status.list items
    categories: list[dict[str, Any]] = field(default_factory=list)  # deal pipelines
    multifield_ids: itertools.count = field(default_factory=lambda: itertools.count(1))
    next_chat_id: int = 1
    next_session_id: int = 1
    next_message_id: int = 1
    next_file_id: int = 1
    # Live state beside the seeded data (kept out of Chat and Message, whose fields the
    # seed fingerprint covers): read marks, reactions, the event log and who is told.
    read_marks: dict[tuple[int, int], int] = field(default_factory=dict)  # (chat, user) -> ID
    read_floor: int = 0  # messages below this ID count as read by everyone (the seed's)
    reactions: dict[int, dict[str, list[int]]] = field(default_factory=dict)  # msg -> who
    events: EventLog = field(default_factory=EventLog)
    observers: list[Observer] = field(default_factory=list)

    def chats_of(self, crm_type: CrmType, crm_id: int) -> list[Chat]:
        """Open Lines chats bound to one CRM entity, oldest first."""
        return sorted(
            (c for c in self.chats.values() if c.is_lines and c.is_bound_to(crm_type, crm_id)),
            key=lambda c: c.id,
        )

    def can_read(self, user: User, crm_type: CrmType, row: Row) -> bool:
        access = user.access_to(crm_type)
        if access is Access.ALL:
            return True
        if access is Access.OWN:
            return row.get("ASSIGNED_BY_ID") == str(user.id)
        return False

    def add_message(
        self, chat: Chat, author_id: int, text: str, date: str, file_ids: list[int] | None = None
    ) -> Message:
        session = chat.current_session
        message = Message(
            id=self.next_message_id,
            chat_id=chat.id,
            author_id=author_id,
            date=date,
            text=text,
            session_id=session.id if session else 0,
            file_ids=list(file_ids or []),
        )
        self.next_message_id += 1
        self.messages[message.id] = message
        chat.messages.append(message)
        if session is not None:
            session.message_ids.append(message.id)
        if author_id:
            self.read_marks[(chat.id, author_id)] = message.id  # one's own post is read
        self.tell(Change(ChangeKind.MESSAGE_ADD, chat, message, author_id))
        return message

    def update_message(self, message: Message, text: str) -> None:
        message.text = text
        chat = self.chats[message.chat_id]
        self.tell(Change(ChangeKind.MESSAGE_UPDATE, chat, message, message.author_id))

    def delete_message(self, message: Message) -> None:
        chat = self.chats[message.chat_id]
        chat.messages.remove(message)
        session = self.sessions.get(message.session_id)
        if session is not None and message.id in session.message_ids:
            session.message_ids.remove(message.id)
        del self.messages[message.id]
        self.tell(Change(ChangeKind.MESSAGE_DELETE, chat, message, message.author_id))

    def react(self, message: Message, user_id: int, reaction: str = "like") -> None:
        """Toggle `user_id`'s reaction on the message."""
        users = self.reactions.setdefault(message.id, {}).setdefault(reaction, [])
        action = "delete" if user_id in users else "add"
        if action == "delete":
            users.remove(user_id)
        else:
            users.append(user_id)
        chat = self.chats[message.chat_id]
        self.tell(Change(ChangeKind.REACTION, chat, message, user_id, reaction, action))

    def add_participant(self, chat: Chat, user_id: int) -> None:
        chat.participants.append(user_id)
        self.read_marks[(chat.id, user_id)] = chat.messages[-1].id if chat.messages else 0
        self.tell(Change(ChangeKind.JOIN, chat, user_id=user_id))

    def read_mark(self, chat: Chat, user_id: int) -> int:
        """The ID of the last message `user_id` has read in the chat."""
        return max(self.read_marks.get((chat.id, user_id), 0), self.read_floor - 1)

    def unread(self, chat: Chat, user_id: int) -> list[Message]:
        mark = self.read_mark(chat, user_id)
        return [m for m in chat.messages if m.id > mark and m.author_id != user_id]

    def tell(self, change: Change) -> None:
        for observer in self.observers:
            observer(self, change)

    def add_session(self, chat: Chat, operator_id: int, date: str, closed: bool) -> Session:
        session = Session(
            id=self.next_session_id,
            chat_id=chat.id,
            operator_id=operator_id,
            date_create=date,
            closed=closed,
        )
        self.next_session_id += 1
        self.sessions[session.id] = session
        chat.sessions.append(session)
        return session

    def add_chat(self, chat: Chat) -> Chat:
        if not chat.id:
            chat.id = self.next_chat_id
        self.next_chat_id = max(self.next_chat_id, chat.id + 1)
        self.chats[chat.id] = chat
        return chat

    def add_file(self, info: FileInfo) -> FileInfo:
        info.id = self.next_file_id
        self.next_file_id += 1
        self.files[info.id] = info
        return info

    def multifield(self, type_id: str, value: str, value_type: str) -> dict[str, str]:
        return {
            "ID": str(next(self.multifield_ids)),
            "VALUE_TYPE": value_type,
            "VALUE": value,
            "TYPE_ID": type_id,
        }
