"""Typed values the API layer returns (frozen, slotted dataclasses and enums)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal
from enum import Enum, StrEnum
from typing import Generic, TypeVar

T = TypeVar("T")


class CrmEntityType(StrEnum):
    """A CRM object type; the value is the REST form (`CRM_ENTITY_TYPE=lead`)."""

    LEAD = "lead"
    DEAL = "deal"
    CONTACT = "contact"
    COMPANY = "company"

    @property
    def b24_name(self) -> str:
        """The form chats use in entity_data_1/2: "LEAD", "DEAL", ... (not `upper`, which
        would hide str.upper)."""
        return self.value.upper()

    @property
    def type_id(self) -> int:
        """entityTypeId: 1 lead, 2 deal, 3 contact, 4 company."""
        return _TYPE_IDS[self]

    @classmethod
    def from_text(cls, text: str) -> CrmEntityType | None:
        """Either form ("lead" or "LEAD"); None for other types (SPA, quotes, ...)."""
        try:
            return cls(text.strip().lower())
        except ValueError:
            return None


_TYPE_IDS = {
    CrmEntityType.LEAD: 1,
    CrmEntityType.DEAL: 2,
    CrmEntityType.CONTACT: 3,
    CrmEntityType.COMPANY: 4,
}


@dataclass(frozen=True, slots=True)
class StatusName:
    """One item of a CRM list (a lead status, deal stage, contact type): its name, its colour
    ("#RRGGBB" or "") and, for stages, "process", "success" or "failure"; a deal stage also
    names its pipeline when the portal has more than one."""

    name: str
    color: str = ""
    semantics: str = ""
    pipeline: str = ""


StatusNames = Mapping[CrmEntityType, Mapping[str, StatusName]]


@dataclass(frozen=True, slots=True)
class CrmRef:
    """One CRM object: its type and ID."""

    type: CrmEntityType
    id: int


@dataclass(frozen=True, slots=True)
class CrmBindings:
    """The CRM objects a chat is bound to (from "LEAD|1205|COMPANY|0|CONTACT|0|DEAL|0")."""

    lead: int | None = None
    deal: int | None = None
    contact: int | None = None
    company: int | None = None

    def of(self, entity_type: CrmEntityType) -> int | None:
        return {
            CrmEntityType.LEAD: self.lead,
            CrmEntityType.DEAL: self.deal,
            CrmEntityType.CONTACT: self.contact,
            CrmEntityType.COMPANY: self.company,
        }[entity_type]

    @property
    def refs(self) -> tuple[CrmRef, ...]:
        return tuple(CrmRef(t, i) for t in CrmEntityType if (i := self.of(t)) is not None)


@dataclass(frozen=True, slots=True)
class ChatRef:
    """An Open Lines chat bound to a CRM object, as imopenlines.crm.chat.get lists it."""

    id: int
    connector_id: str  # "livechat", "telegrambot", ...
    connector_title: str


class ParticipantOutcome(Enum):
    CHANGED = "changed"
    NO_CHAT = "no chat"  # the entity has no chat to add to or remove from


@dataclass(frozen=True, slots=True)
class ParticipantChange:
    """What imopenlines.crm.chat.user.add/delete did."""

    outcome: ParticipantOutcome
    chat_id: int | None  # the chat changed; None when the entity has no chat

    @property
    def changed(self) -> bool:
        return self.outcome is ParticipantOutcome.CHANGED


@dataclass(frozen=True, slots=True)
class User:
    """A portal account: an employee, or in chats also a bot or a customer (connector)."""

    id: int
    name: str
    last_name: str
    full_name: str
    active: bool = True
    position: str = ""
    departments: tuple[int, ...] = ()
    email: str = ""
    is_online: bool = False
    is_bot: bool = False
    is_customer: bool = False  # an Open Lines connector user


@dataclass(frozen=True, slots=True)
class FileRef:
    """A file attached to a chat message."""

    id: int
    name: str
    type: str  # "image" | "file" | ...
    extension: str = ""
    size: int = 0
    author_id: int = 0
    date: datetime | None = None
    url_show: str = ""
    url_download: str = ""


@dataclass(frozen=True, slots=True)
class Message:
    """One chat message; `text` is raw BB-code, for the UI to render safely."""

    id: int
    chat_id: int
    sender_id: int  # 0 for system messages
    date: datetime | None
    text: str
    file_ids: tuple[int, ...] = ()

    @property
    def is_system(self) -> bool:
        return self.sender_id == 0


@dataclass(frozen=True, slots=True)
class ChatInfo:
    """An Open Lines chat's own data, as the session history carries it."""

    id: int
    name: str
    owner_id: int
    user_code: str  # connector|LINE_ID|CONNECTOR_CHAT_ID|CONNECTOR_USER_ID
    crm: CrmBindings
    session_id: int | None
    message_count: int = 0
    date_create: datetime | None = None
    pinned: bool = False  # the session is pinned to its operator (session_actions.pin_session)


@dataclass(frozen=True, slots=True)
class History:
    """One Open Lines session's messages (ordered by ID) and who and what they mention."""

    chat_id: int
    session_id: int | None
    messages: tuple[Message, ...]
    users: Mapping[int, User] = field(default_factory=dict)  # sender and participant IDs
    files: Mapping[int, FileRef] = field(default_factory=dict)
    participants: tuple[int, ...] = ()
    chat: ChatInfo | None = None
    head_rating: int | None = None  # the supervisor's rating of the session, 1-5
    head_comment: str | None = None  # the supervisor's comment on it
    can_rate: bool = False  # the caller may rate the session (session_actions.rate_session)
    can_join: bool = False  # the caller may still join the open session

    @property
    def earlier(self) -> bool:
        """An earlier session than the chat's current one (entity_data_1's session ID)."""
        current = self.chat.session_id if self.chat is not None else None
        return None not in (self.session_id, current) and self.session_id != current


@dataclass(frozen=True, slots=True)
class Dialog:
    """An Open Lines dialogue as imopenlines.dialog.get returns it."""

    id: int
    dialog_id: str  # "chat<ID>"
    name: str
    owner_id: int
    user_code: str
    crm: CrmBindings
    session_id: int | None
    message_count: int = 0
    last_message_id: int = 0
    date_create: datetime | None = None


@dataclass(frozen=True, slots=True)
class Department:
    """A department of the company structure, as department.get lists it."""

    id: int
    name: str
    parent_id: int | None = None  # None for the root (the company itself)


@dataclass(frozen=True, slots=True)
class QueueOperator:
    """An employee in an open line's operator queue."""

    user_id: int
    name: str = ""
    position: str = ""


@dataclass(frozen=True, slots=True)
class OpenLine:
    """An open line (imopenlines.config.list.get) and, when asked for, its operator queue."""

    id: int
    name: str
    active: bool = True
    queue: tuple[QueueOperator, ...] = ()  # in the line's distribution order


@dataclass(frozen=True, slots=True)
class Entity:
    """A lead, deal, contact or company, with the fields the desk shows."""

    type: CrmEntityType
    id: int
    title: str = ""
    name: str = ""
    second_name: str = ""
    last_name: str = ""
    status: str = ""  # STATUS_ID of leads, STAGE_ID of deals, TYPE_ID otherwise
    assigned_by_id: int | None = None
    company_id: int | None = None
    contact_id: int | None = None
    opportunity: Decimal | None = None
    currency: str = ""
    phones: tuple[str, ...] = ()
    emails: tuple[str, ...] = ()
    has_open_lines: bool = False
    date_create: datetime | None = None
    date_modify: datetime | None = None

    @property
    def display_name(self) -> str:
        person = " ".join(p for p in (self.name, self.last_name) if p)
        return self.title or person or f"{self.type.value} #{self.id}"

    @property
    def ref(self) -> CrmRef:
        return CrmRef(self.type, self.id)


@dataclass(frozen=True, slots=True)
class Page(Generic[T]):
    """One page of a list method: its items, the `total` and the next `start`."""

    items: tuple[T, ...]
    total: int | None
    next: int | None
