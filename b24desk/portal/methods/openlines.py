"""Open Lines methods bound to CRM: chats of an entity, participants, messages, leads.

Every code, HTTP status and `error_description` follows the method's page in the reference;
where a page is silent the choice is noted beside the code.
"""

from __future__ import annotations

from typing import Any

from ..errors import RestError, argument_error, invalid_type_error
from ..schema import FIELDS, FieldType
from ..state import Chat, CrmType, PortalState, User
from .chat_access import (
    NO_CONVERSATION_ACCESS,
    can_view_chat,
    crm_arguments,
    crm_type_of,
    entity_visible,
    mention,
    now,
    present,
    system_message,
    to_int,
)
from .registry import Call, method

# ---- imopenlines.crm.chat.get / getLastId ----


def _chat_item(state: PortalState, chat: Chat) -> dict[str, str]:
    connector = state.connectors.get(chat.connector_id)
    return {
        "CHAT_ID": str(chat.id),
        "CONNECTOR_ID": chat.connector_id,
        "CONNECTOR_TITLE": connector.title if connector else chat.connector_id,
    }


@method("imopenlines.crm.chat.get", "imopenlines")
def chat_get(call: Call, params: dict[str, Any]) -> list[dict[str, str]]:
    crm_type, crm_id = crm_arguments(params)
    if crm_type is None or crm_id not in call.state.crm[crm_type].by_id:
        return []
    if not entity_visible(call.state, call.user, crm_type, crm_id):
        raise RestError("ACCESS_DENIED", "Access denied! You don't have access to this action", 403)
    active_only = str(params.get("ACTIVE_ONLY", "Y")).strip().upper() != "N"
    chats = call.state.chats_of(crm_type, crm_id)
    return [_chat_item(call.state, c) for c in chats if c.active or not active_only]


@method("imopenlines.crm.chat.getLastId", "imopenlines")
def chat_get_last_id(call: Call, params: dict[str, Any]) -> int:
    if present(params, "CRM_ENTITY_TYPE") is None or present(params, "CRM_ENTITY") is None:
        raise RestError("CRM_CHAT_EMPTY_CRM_DATA", "Empty CRM data", 400)
    crm_id = to_int(params["CRM_ENTITY"])
    if crm_id is None:
        # This page names the argument without quotes, unlike the others.
        raise RestError(
            "ERROR_ARGUMENT", "The value of an argument CRM_ENTITY has an invalid type", 400
        )
    crm_type = crm_type_of(params["CRM_ENTITY_TYPE"])
    chats = call.state.chats_of(crm_type, crm_id) if crm_type else []
    # "No chat" is an error here, not 0, and so is every other way of not finding one.
    if not chats or not entity_visible(call.state, call.user, crm_type, crm_id):
        raise RestError("CRM_CHAT_EMPTY_CRM_DATA", "Could not find CRM object", 400)
    return chats[-1].id


# ---- participants ----

_NO_JOIN = "Access denied! You don't have access to join user to chat"
_NOT_IN_CRM = "Chat does not belong to the CRM object being checked"
_NOT_ACTIVE = "User not active"


def _target_chat(call: Call, params: dict[str, Any], crm_type: CrmType, crm_id: int) -> Chat | None:
    """The chat named by CHAT_ID, or the entity's last chat; None when it has none."""
    chat_id = to_int(params.get("CHAT_ID")) if present(params, "CHAT_ID") is not None else None
    if chat_id is None:
        chats = call.state.chats_of(crm_type, crm_id)
        return chats[-1] if chats else None
    chat = call.state.chats.get(chat_id)
    if chat is None or not chat.is_bound_to(crm_type, crm_id):
        raise RestError("CHAT_NOT_IN_CRM", _NOT_IN_CRM, 400)
    return chat


def _active_employee(state: PortalState, user_id: int | None) -> User:
    user = state.users.get(user_id or 0)
    if user is None or not user.active or user.is_connector:
        raise RestError("CRM_CHAT_USER_NOT_ACTIVE", _NOT_ACTIVE, 400)
    return user


@method("imopenlines.crm.chat.user.add", "imopenlines")
def chat_user_add(call: Call, params: dict[str, Any]) -> int:
    crm_type, crm_id = crm_arguments(params)
    if present(params, "USER_ID") is None:
        raise argument_error("Empty USER_ID")
    if crm_type is None or not entity_visible(call.state, call.user, crm_type, crm_id):
        raise RestError("ACCESS_DENIED", _NO_JOIN, 403)
    user = _active_employee(call.state, to_int(params["USER_ID"]))
    if not user.is_bot and not entity_visible(call.state, user, crm_type, crm_id):
        raise RestError(
            "ACCESS_DENIED",
            "Access denied! This user does not have access to the chat because he does not "
            "have access to this CRM object",
            403,
        )
    chat = _target_chat(call, params, crm_type, crm_id)
    if chat is None:
        return 0
    if user.id in chat.participants:
        raise RestError(
            "WRONG_REQUEST", "You don't have access or user already member in chat", 400
        )
    call.state.add_participant(chat, user.id)
    system_message(call.state, chat, f"{mention(call.user)} пригласил(а) в чат {mention(user)}")
    return chat.id


@method("imopenlines.crm.chat.user.delete", "imopenlines")
def chat_user_delete(call: Call, params: dict[str, Any]) -> int:
    # The validation codes differ from user.add, as the reference documents.
    if present(params, "CRM_ENTITY_TYPE") is None or present(params, "CRM_ENTITY") is None:
        raise RestError("CRM_CHAT_EMPTY_CRM_DATA", "Empty CRM data", 400)
    crm_id = to_int(params["CRM_ENTITY"])
    if crm_id is None:
        raise invalid_type_error("CRM_ENTITY")
    if present(params, "USER_ID") is None:
        raise RestError("CRM_CHAT_EMPTY_USER", "Empty User ID", 400)
    crm_type = crm_type_of(params["CRM_ENTITY_TYPE"])
    if crm_type is None or not entity_visible(call.state, call.user, crm_type, crm_id):
        raise RestError("ACCESS_DENIED", _NO_JOIN, 403)
    user = _active_employee(call.state, to_int(params["USER_ID"]))
    chat = _target_chat(call, params, crm_type, crm_id)
    if chat is None:
        return 0
    if user.id not in chat.participants:
        raise RestError("WRONG_REQUEST", "You don't have access or user already not in chat", 400)
    # Only chat managers (admin, owner, the session's operator) remove others.
    session = chat.current_session
    managers = {chat.owner_id, session.operator_id if session else 0}
    if not (call.user.is_admin or call.user.id in managers or call.user.id == user.id):
        raise RestError(
            "CHAT_DELETE_USER_PERMISSION_DENIED",
            "You don't have access to delete a user from this chat",
            403,
        )
    chat.participants.remove(user.id)
    system_message(call.state, chat, f"{mention(call.user)} исключил(а) из чата {mention(user)}")
    return chat.id


# ---- messages ----

_NO_ENTITY_ACCESS = "Access denied! User don't have access to this entity"


@method("imopenlines.crm.message.add", "imopenlines")
def message_add(call: Call, params: dict[str, Any]) -> int:
    for name in ("CRM_ENTITY_TYPE", "CRM_ENTITY", "USER_ID", "CHAT_ID", "MESSAGE"):
        if present(params, name) is None:
            raise argument_error(name)
    crm_id = to_int(params["CRM_ENTITY"])
    if crm_id is None:
        raise invalid_type_error("CRM_ENTITY")
    crm_type = crm_type_of(params["CRM_ENTITY_TYPE"])
    if crm_type is None or not entity_visible(call.state, call.user, crm_type, crm_id):
        raise RestError("ACCESS_DENIED", _NO_ENTITY_ACCESS, 403)
    chat = call.state.chats.get(to_int(params["CHAT_ID"]) or 0)
    if chat is None or not chat.is_bound_to(crm_type, crm_id):
        # "entity" on this page where the participant pages say "object".
        raise RestError("CHAT_NOT_IN_CRM", "Chat does not belong to the CRM entity being checked")
    sender = call.state.users.get(to_int(params["USER_ID"]) or 0)
    if sender is None or not sender.active or sender.id not in chat.participants:
        raise RestError("CANCELED", "You cannot send messages to the specified chat", 400)
    if not sender.is_bot and not entity_visible(call.state, sender, crm_type, crm_id):
        raise RestError("ACCESS_DENIED", _NO_ENTITY_ACCESS, 403)
    message = call.state.add_message(chat, sender.id, str(params["MESSAGE"]), now(call.state))
    return message.id


# ---- lead from a dialogue ----


def _new_lead_row(state: PortalState, chat: Chat, operator_id: int) -> dict[str, Any]:
    row: dict[str, Any] = {
        name: "" for name, kind in FIELDS[CrmType.LEAD].items() if kind is not FieldType.MULTI
    }
    customer = state.users.get(chat.customer_id)
    created = now(state)
    row.update(
        TITLE=chat.name,
        NAME=customer.name if customer else "",
        LAST_NAME=customer.last_name if customer else "",
        STATUS_ID="NEW",
        STATUS_SEMANTIC_ID="P",
        SOURCE_ID=f"{chat.line_id}|{chat.connector_id.upper()}",
        ASSIGNED_BY_ID=str(operator_id),
        CREATED_BY_ID=str(operator_id),
        MODIFY_BY_ID=str(operator_id),
        DATE_CREATE=created,
        DATE_MODIFY=created,
        OPENED="Y",
        OPPORTUNITY="0.00",
        CURRENCY_ID="RUB",
        CONTACT_ID=str(chat.crm.get(CrmType.CONTACT, 0)),
        COMPANY_ID=str(chat.crm.get(CrmType.COMPANY, 0)),
        HAS_PHONE="N",
        HAS_EMAIL="N",
        HAS_IMOL="Y",
        IS_RETURN_CUSTOMER="N",
        ORIGINATOR_ID="",
        ORIGIN_ID="",
    )
    row["IM"] = [state.multifield("IM", f"imol|{chat.entity_id}", "OPENLINE")]
    return row


@method("imopenlines.crm.lead.create", "imopenlines")
def lead_create(call: Call, params: dict[str, Any]) -> bool:
    chat = call.state.chats.get(to_int(params.get("CHAT_ID")) or 0)
    if chat is None:
        raise RestError("CHAT_ID", "The specified chat identifier is incorrect", 400)
    if not chat.is_lines:
        raise RestError("CHAT_TYPE", "The specified chat is not an Open Channel", 400)
    if not can_view_chat(call.state, call.user, chat):
        # 400, not 403: as documented for this method.
        raise RestError("ACCESS_DENIED", NO_CONVERSATION_ACCESS, 400)
    session = chat.current_session
    if session is None or session.closed or session.operator_id != call.user.id:
        raise RestError(
            "ERROR_USER_NOT_OPERATOR",
            "Attempt to save a CRM object by a user who is not an operator",
            400,
        )
    table = call.state.crm[CrmType.LEAD]
    row = table.add(_new_lead_row(call.state, chat, call.user.id))
    chat.crm[CrmType.LEAD] = int(row["ID"])
    system_message(
        call.state, chat, f"Создан лид: [URL=/crm/lead/details/{row['ID']}/]{row['TITLE']}[/URL]"
    )
    return True
