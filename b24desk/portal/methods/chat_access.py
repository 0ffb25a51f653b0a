"""Parameter readers and who-may-see-what checks shared by the Open Lines and IM methods."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from typing import Any

from ..errors import argument_error, invalid_type_error
from ..state import Chat, CrmType, PortalState, User

_TZ = timezone(timedelta(hours=3))
# ACCESS_DENIED of lead.create and session.history.get, in the reference's words.
NO_CONVERSATION_ACCESS = "You cannot open this conversation as you do not have sufficient rights"


def now(state: PortalState) -> str:
    """The portal's time now, by its own (possibly skewed) clock."""
    skewed = datetime.now(_TZ) + timedelta(seconds=state.clock_skew)
    return skewed.isoformat(timespec="seconds")


def present(params: dict[str, Any], name: str) -> Any:
    """The parameter's value, or None when it is missing, empty or "0" (PHP's empty())."""
    value = params.get(name)
    return None if value is None or str(value).strip() in ("", "0") else value


def to_int(value: Any) -> int | None:
    try:
        return int(str(value).strip())
    except (TypeError, ValueError):
        return None


def crm_type_of(value: Any) -> CrmType | None:
    try:
        return CrmType(str(value).strip().lower())
    except ValueError:
        return None


def entity_visible(state: PortalState, user: User, crm_type: CrmType | None, crm_id: int) -> bool:
    if crm_type is None:
        return False
    row = state.crm[crm_type].by_id.get(crm_id)
    return row is not None and state.can_read(user, crm_type, row)


def can_view_chat(state: PortalState, user: User, chat: Chat) -> bool:
    """Admins, participants and anyone who can read a bound CRM entity see the dialog."""
    if user.is_admin or user.id in chat.participants:
        return True
    return any(entity_visible(state, user, t, i) for t, i in chat.crm.items() if i)


def can_vote_as_head(state: PortalState, user: User, line_id: int) -> bool:
    """Evaluation rights in the line's settings: the line's heads, and admins."""
    line = state.lines.get(line_id)
    return user.is_admin or (line is not None and user.id in line.heads)


def mention(user: User) -> str:
    return f"[USER={user.id}]{user.full_name}[/USER]"


def system_message(state: PortalState, chat: Chat, text: str) -> None:
    state.add_message(chat, 0, text, now(state))


def crm_arguments(params: dict[str, Any]) -> tuple[CrmType | None, int]:
    """CRM_ENTITY_TYPE and CRM_ENTITY as chat.get and user.add check them (ERROR_ARGUMENT);
    the type is None when it names no known type."""
    if present(params, "CRM_ENTITY_TYPE") is None:
        raise argument_error("CRM_ENTITY_TYPE")
    if present(params, "CRM_ENTITY") is None:
        raise argument_error("CRM_ENTITY")
    crm_id = to_int(params["CRM_ENTITY"])
    if crm_id is None:
        raise invalid_type_error("CRM_ENTITY")
    return crm_type_of(params["CRM_ENTITY_TYPE"]), crm_id
