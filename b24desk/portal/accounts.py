"""Accounts of the demo portal: users and their CRM access, departments, webhooks, OAuth."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum


class CrmType(StrEnum):
    LEAD = "lead"
    DEAL = "deal"
    CONTACT = "contact"
    COMPANY = "company"

    @property
    def b24_name(self) -> str:
        """The form chats use in entity_data_1/2: "LEAD", "DEAL", ... (not str.upper)."""
        return self.value.upper()


class Access(StrEnum):
    """How much of one CRM entity type a user may read."""

    ALL = "all"
    OWN = "own"  # only rows with ASSIGNED_BY_ID == the user
    NONE = "none"


@dataclass
class Department:
    id: int
    name: str
    parent: int | None = None


@dataclass
class User:
    """An account of the portal: employee, bot or an Open Lines customer (connector user)."""

    id: int
    name: str
    last_name: str
    email: str = ""
    second_name: str = ""
    work_position: str = ""
    departments: list[int] = field(default_factory=list)
    active: bool = True
    gender: str = ""  # "M" | "F" | ""
    is_online: bool = False
    is_admin: bool = False
    is_bot: bool = False
    is_connector: bool = False  # an external customer who writes through a connector
    work_phone: str = ""
    personal_mobile: str = ""
    date_register: str = ""
    last_login: str = ""
    crm_access: dict[CrmType, Access] = field(default_factory=dict)

    @property
    def full_name(self) -> str:
        return f"{self.name} {self.last_name}".strip()

    def access_to(self, crm_type: CrmType) -> Access:
        if self.is_admin:
            return Access.ALL
        return self.crm_access.get(crm_type, Access.ALL)


@dataclass
class Webhook:
    user_id: int
    code: str
    scopes: frozenset[str]
    title: str = ""


@dataclass
class OAuthApp:
    client_id: str
    client_secret: str
    scopes: frozenset[str]


@dataclass
class OAuthToken:
    access_token: str
    refresh_token: str
    client_id: str
    user_id: int
    expires_at: float
