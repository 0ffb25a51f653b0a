"""Picking chats of the seeded demo portal for a test, and the admin's place in them (no Qt)."""

from __future__ import annotations

from typing import Any

from b24desk.api.types import CrmEntityType, CrmRef
from b24desk.portal.state import CrmType

ADMIN = 1  # the user behind the portal's admin webhook: the tests' supervisor


def crm_ref(chat: Any) -> CrmRef:
    """The first CRM entity the chat is bound to."""
    crm_type, crm_id = next((t, i) for t, i in chat.crm.items() if i)
    return CrmRef(CrmEntityType(crm_type.value), crm_id)


def with_admin(chat: Any) -> Any:
    if ADMIN not in chat.participants:
        chat.participants.append(ADMIN)
    return chat


def without_admin(chat: Any) -> Any:
    if ADMIN in chat.participants:
        chat.participants.remove(ADMIN)
    return chat


def active_lead_chat_with_admin(state: Any) -> Any:
    """An active chat bound to a lead, with the admin (the window's user) among its people."""
    chat = next(
        c for c in state.chats.values() if c.is_lines and c.active and c.crm.get(CrmType.LEAD)
    )
    return with_admin(chat)


def operator_chat(state: Any) -> Any:
    """An active chat whose current operator is the admin, bound to CRM."""
    return next(
        c
        for c in state.chats.values()
        if c.is_lines
        and c.active
        and c.current_session.operator_id == ADMIN
        and any(c.crm.values())
    )


def last_lead_chats(state: Any, count: int) -> list[Any]:
    """`count` active chats, each the last chat of a lead of its own."""
    found, leads = [], set()
    for chat in state.chats.values():
        lead_id = chat.crm.get(CrmType.LEAD)
        if not (chat.is_lines and chat.active and lead_id) or lead_id in leads:
            continue
        if state.chats_of(CrmType.LEAD, lead_id)[-1] is not chat:
            continue
        leads.add(lead_id)
        found.append(chat)
        if len(found) == count:
            return found
    raise AssertionError("the seed has too few lead chats")
