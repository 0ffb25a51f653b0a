"""Open Lines methods bound to CRM: chats of an entity, participants, messages, leads,
session history and dialog data, plus `im.chat.user.list`.

Every code and HTTP status follows the method's page in the reference; where a page is
silent the choice is noted beside the code.
"""

from __future__ import annotations

import html
import re
from datetime import datetime, timedelta, timezone
from typing import Any

from ..errors import RestError, argument_error, invalid_type_error
from ..schema import FIELDS, FieldType
from ..state import Chat, CrmType, PortalState, User
from .registry import Call, method

_TZ = timezone(timedelta(hours=3))


def _now() -> str:
    return datetime.now(_TZ).isoformat(timespec="seconds")


def _present(params: dict[str, Any], name: str) -> Any:
    value = params.get(name)
    return None if value is None or str(value).strip() in ("", "0") else value


def _int(value: Any) -> int | None:
    try:
        return int(str(value).strip())
    except (TypeError, ValueError):
        return None


def _crm_type(value: Any) -> CrmType | None:
    try:
        return CrmType(str(value).strip().lower())
    except ValueError:
        return None


def _entity_visible(state: PortalState, user: User, crm_type: CrmType | None, crm_id: int) -> bool:
    if crm_type is None:
        return False
    row = state.crm[crm_type].by_id.get(crm_id)
    return row is not None and state.can_read(user, crm_type, row)


def _can_view_chat(state: PortalState, user: User, chat: Chat) -> bool:
    """Admins, participants and anyone who can read a bound CRM entity see the dialog."""
    if user.is_admin or user.id in chat.participants:
        return True
    return any(_entity_visible(state, user, t, i) for t, i in chat.crm.items() if i)


def _name(user: User | None) -> str:
    return user.full_name if user else "?"


def _system_message(state: PortalState, chat: Chat, text: str) -> None:
    state.add_message(chat, 0, text, _now())


def _mention(user: User) -> str:
    return f"[USER={user.id}]{user.full_name}[/USER]"


def _crm_arguments(params: dict[str, Any]) -> tuple[CrmType | None, int]:
    """CRM_ENTITY_TYPE and CRM_ENTITY as chat.get and user.add check them (ERROR_ARGUMENT);
    the type is None when it names no known type."""
    if _present(params, "CRM_ENTITY_TYPE") is None:
        raise argument_error("CRM_ENTITY_TYPE")
    if _present(params, "CRM_ENTITY") is None:
        raise argument_error("CRM_ENTITY")
    crm_id = _int(params["CRM_ENTITY"])
    if crm_id is None:
        raise invalid_type_error("CRM_ENTITY")
    return _crm_type(params["CRM_ENTITY_TYPE"]), crm_id


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
    crm_type, crm_id = _crm_arguments(params)
    if crm_type is None or crm_id not in call.state.crm[crm_type].by_id:
        return []
    if not _entity_visible(call.state, call.user, crm_type, crm_id):
        raise RestError("ACCESS_DENIED", "You do not have access to this CRM object", 403)
    active_only = str(params.get("ACTIVE_ONLY", "Y")).strip().upper() != "N"
    chats = call.state.chats_of(crm_type, crm_id)
    return [_chat_item(call.state, c) for c in chats if c.active or not active_only]


@method("imopenlines.crm.chat.getLastId", "imopenlines")
def chat_get_last_id(call: Call, params: dict[str, Any]) -> int:
    if _present(params, "CRM_ENTITY_TYPE") is None or _present(params, "CRM_ENTITY") is None:
        raise RestError("CRM_CHAT_EMPTY_CRM_DATA", "Empty CRM data", 400)
    crm_id = _int(params["CRM_ENTITY"])
    if crm_id is None:
        raise invalid_type_error("CRM_ENTITY")
    crm_type = _crm_type(params["CRM_ENTITY_TYPE"])
    chats = call.state.chats_of(crm_type, crm_id) if crm_type else []
    # "No chat" is an error here, not 0, and so is every other way of not finding one.
    if not chats or not _entity_visible(call.state, call.user, crm_type, crm_id):
        raise RestError("CRM_CHAT_EMPTY_CRM_DATA", "Could not find CRM object", 400)
    return chats[-1].id


# ---- participants ----

_NO_JOIN = "You don't have access to join user to chat"


def _target_chat(call: Call, params: dict[str, Any], crm_type: CrmType, crm_id: int) -> Chat | None:
    """The chat named by CHAT_ID, or the entity's last chat; None when it has none."""
    chat_id = _int(params.get("CHAT_ID")) if _present(params, "CHAT_ID") is not None else None
    if chat_id is None:
        chats = call.state.chats_of(crm_type, crm_id)
        return chats[-1] if chats else None
    chat = call.state.chats.get(chat_id)
    if chat is None or not chat.is_bound_to(crm_type, crm_id):
        raise RestError("CHAT_NOT_IN_CRM", "The chat is not linked to this CRM object", 400)
    return chat


def _active_employee(state: PortalState, user_id: int | None) -> User:
    user = state.users.get(user_id or 0)
    if user is None or not user.active or user.is_connector:
        raise RestError("CRM_CHAT_USER_NOT_ACTIVE", "The user is not active or does not exist", 400)
    return user


@method("imopenlines.crm.chat.user.add", "imopenlines")
def chat_user_add(call: Call, params: dict[str, Any]) -> int:
    crm_type, crm_id = _crm_arguments(params)
    if _present(params, "USER_ID") is None:
        raise argument_error("Empty USER_ID")
    if crm_type is None or not _entity_visible(call.state, call.user, crm_type, crm_id):
        raise RestError("ACCESS_DENIED", _NO_JOIN, 403)
    user = _active_employee(call.state, _int(params["USER_ID"]))
    if not user.is_bot and not _entity_visible(call.state, user, crm_type, crm_id):
        raise RestError("ACCESS_DENIED", "The user does not have access to this CRM object", 403)
    chat = _target_chat(call, params, crm_type, crm_id)
    if chat is None:
        return 0
    if user.id in chat.participants:
        raise RestError("WRONG_REQUEST", "The user is already in the chat", 400)
    chat.participants.append(user.id)
    _system_message(call.state, chat, f"{_mention(call.user)} пригласил(а) в чат {_mention(user)}")
    return chat.id


@method("imopenlines.crm.chat.user.delete", "imopenlines")
def chat_user_delete(call: Call, params: dict[str, Any]) -> int:
    # The validation codes differ from user.add, as the reference documents.
    if _present(params, "CRM_ENTITY_TYPE") is None or _present(params, "CRM_ENTITY") is None:
        raise RestError("CRM_CHAT_EMPTY_CRM_DATA", "Empty CRM data", 400)
    crm_id = _int(params["CRM_ENTITY"])
    if crm_id is None:
        raise invalid_type_error("CRM_ENTITY")
    if _present(params, "USER_ID") is None:
        raise RestError("CRM_CHAT_EMPTY_USER", "Empty user ID", 400)
    crm_type = _crm_type(params["CRM_ENTITY_TYPE"])
    if crm_type is None or not _entity_visible(call.state, call.user, crm_type, crm_id):
        raise RestError("ACCESS_DENIED", _NO_JOIN, 403)
    user = _active_employee(call.state, _int(params["USER_ID"]))
    chat = _target_chat(call, params, crm_type, crm_id)
    if chat is None:
        return 0
    if user.id not in chat.participants:
        raise RestError("WRONG_REQUEST", "The user is not in the chat", 400)
    # Only chat managers (admin, owner, the session's operator) remove others.
    session = chat.current_session
    managers = {chat.owner_id, session.operator_id if session else 0}
    if not (call.user.is_admin or call.user.id in managers or call.user.id == user.id):
        raise RestError(
            "CHAT_DELETE_USER_PERMISSION_DENIED", "You cannot remove users from this chat", 403
        )
    chat.participants.remove(user.id)
    _system_message(call.state, chat, f"{_mention(call.user)} исключил(а) из чата {_mention(user)}")
    return chat.id


# ---- messages ----


@method("imopenlines.crm.message.add", "imopenlines")
def message_add(call: Call, params: dict[str, Any]) -> int:
    for name in ("CRM_ENTITY_TYPE", "CRM_ENTITY", "USER_ID", "CHAT_ID", "MESSAGE"):
        if _present(params, name) is None:
            raise argument_error(name)
    crm_id = _int(params["CRM_ENTITY"])
    if crm_id is None:
        raise invalid_type_error("CRM_ENTITY")
    crm_type = _crm_type(params["CRM_ENTITY_TYPE"])
    if crm_type is None or not _entity_visible(call.state, call.user, crm_type, crm_id):
        raise RestError("ACCESS_DENIED", "You do not have access to this CRM object", 403)
    chat = call.state.chats.get(_int(params["CHAT_ID"]) or 0)
    if chat is None or not chat.is_bound_to(crm_type, crm_id):
        raise RestError("CHAT_NOT_IN_CRM", "The chat is not linked to this CRM object", 400)
    sender = call.state.users.get(_int(params["USER_ID"]) or 0)
    if sender is None or not sender.active or sender.id not in chat.participants:
        raise RestError("CANCELED", "You cannot send messages to the specified chat", 400)
    if not sender.is_bot and not _entity_visible(call.state, sender, crm_type, crm_id):
        raise RestError("ACCESS_DENIED", "The user does not have access to this CRM object", 403)
    message = call.state.add_message(chat, sender.id, str(params["MESSAGE"]), _now())
    return message.id


# ---- lead from a dialogue ----


def _new_lead_row(state: PortalState, chat: Chat, operator_id: int) -> dict[str, Any]:
    row: dict[str, Any] = {
        name: "" for name, kind in FIELDS[CrmType.LEAD].items() if kind is not FieldType.MULTI
    }
    customer = state.users.get(chat.customer_id)
    now = _now()
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
        DATE_CREATE=now,
        DATE_MODIFY=now,
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
    chat = call.state.chats.get(_int(params.get("CHAT_ID")) or 0)
    if chat is None:
        raise RestError("CHAT_ID", "Chat ID is empty or invalid", 400)
    if not chat.is_lines:
        raise RestError("CHAT_TYPE", "The chat is not an Open Lines chat", 400)
    if not _can_view_chat(call.state, call.user, chat):
        # 400, not 403: as documented for this method.
        raise RestError("ACCESS_DENIED", "You cannot open this conversation", 400)
    session = chat.current_session
    if session is None or session.closed or session.operator_id != call.user.id:
        raise RestError(
            "ERROR_USER_NOT_OPERATOR", "Only the current operator of the session can do this", 400
        )
    table = call.state.crm[CrmType.LEAD]
    row = table.add(_new_lead_row(call.state, chat, call.user.id))
    chat.crm[CrmType.LEAD] = int(row["ID"])
    _system_message(
        call.state, chat, f"Создан лид: [URL=/crm/lead/details/{row['ID']}/]{row['TITLE']}[/URL]"
    )
    return True


# ---- history and dialog ----

_BB_SIMPLE = re.compile(r"\[(/?)(b|i|u|s)\]", re.IGNORECASE)
_BB_URL = re.compile(r"\[url=([^\]]+)\](.*?)\[/url\]", re.IGNORECASE | re.DOTALL)


def _legacy_html(text: str) -> str:
    """`textlegacy`: the portal's HTML rendering of the BB-code text (escaped first)."""
    escaped = html.escape(text, quote=False)
    escaped = _BB_SIMPLE.sub(lambda m: f"<{m.group(1)}{m.group(2).lower()}>", escaped)
    escaped = _BB_URL.sub(r'<a href="\1" target="_blank">\2</a>', escaped)
    return escaped.replace("[br]", "<br />").replace("\n", "<br />")


def _im_user(state: PortalState, user: User) -> dict[str, Any]:
    return {
        "id": str(user.id),
        "name": user.full_name,
        "active": user.active,
        "firstName": user.name,
        "lastName": user.last_name,
        "workPosition": user.work_position,
        "color": "#4ba984",
        "avatar": "",
        "avatarId": "0",
        "gender": user.gender or "M",
        "extranet": user.is_connector,
        "network": False,
        "bot": user.is_bot,
        "connector": user.is_connector,
        "profile": f"/company/personal/user/{user.id}/",
        "externalAuthId": "imconnector"
        if user.is_connector
        else "bot"
        if user.is_bot
        else "socservices",
        "status": "online" if user.is_online else "offline",
        "lastActivityDate": user.last_login or False,
        "departments": list(user.departments),
        "absent": False,
        "type": "bot" if user.is_bot else "extranet" if user.is_connector else "user",
    }


def _file(state: PortalState, file_id: int) -> dict[str, Any] | None:
    info = state.files.get(file_id)
    if info is None:
        return None
    author = state.users.get(info.author_id)
    entry: dict[str, Any] = {
        "id": info.id,
        "chatid": info.chat_id,
        "date": info.date,
        "type": info.type,
        "name": info.name,
        "extension": info.extension,
        "size": info.size,
        "status": "done",
        "progress": 100,
        "authorid": info.author_id,
        "authorname": _name(author),
        "urlpreview": "",
        "urlshow": f"/disk/showFile/{info.id}/",
        "urldownload": f"/disk/downloadFile/{info.id}/",
    }
    if info.type == "image":
        entry["image"] = {"width": info.width, "height": info.height}
    return entry


def _chat_object(state: PortalState, chat: Chat) -> dict[str, Any]:
    created = datetime.fromisoformat(chat.date_create)
    return {
        "id": str(chat.id),
        "name": chat.name,
        "owner": str(chat.owner_id),
        "entityType": "LINES" if chat.is_lines else "",
        "entityId": chat.entity_id if chat.is_lines else "",
        "entityData1": chat.entity_data_1(int(created.timestamp())) if chat.is_lines else "",
        "entityData2": chat.entity_data_2 if chat.is_lines else "",
        "entityData3": "",
        "messageCount": len(chat.messages),
        "managerList": [chat.owner_id],
        "dateCreate": chat.date_create,
        "type": "lines" if chat.is_lines else "chat",
        "messageType": "L" if chat.is_lines else "C",
    }


def _php_object(items: dict[str, Any]) -> Any:
    """json_encode gives [] for an empty PHP array, which clients must cope with."""
    return items if items else []


@method("imopenlines.session.history.get", "imopenlines")
def session_history_get(call: Call, params: dict[str, Any]) -> dict[str, Any]:
    state = call.state
    session_param, chat_param = _present(params, "SESSION_ID"), _present(params, "CHAT_ID")
    if session_param is None and chat_param is None:
        raise RestError("MISSING_REQUIRED_PARAM", "SESSION_ID or CHAT_ID is required", 400)
    if session_param is not None:  # SESSION_ID wins when both are given
        session_id = _int(session_param)
        if session_id is None:
            raise RestError("INVALID_SESSION_ID", "Could not determine the session", 400)
        session = state.sessions.get(session_id)
        chat = state.chats.get(session.chat_id) if session else None
    else:
        chat = state.chats.get(_int(chat_param) or 0)
        session = chat.current_session if chat else None
        if chat is not None and session is None:
            raise RestError("INVALID_SESSION_ID", "Could not determine the session", 400)
    if chat is None or session is None or not _can_view_chat(state, call.user, chat):
        raise RestError("ACCESS_DENIED", "You do not have access to this session", 400)
    messages = [state.messages[i] for i in session.message_ids]
    call.work.returned = len(messages)
    user_ids = set(chat.participants) | {m.author_id for m in messages if m.author_id}
    files: dict[str, Any] = {}
    message_map: dict[str, Any] = {}
    for message in messages:
        message_params: dict[str, Any] = {}
        if message.file_ids:
            message_params["fileId"] = list(message.file_ids)
            for file_id in message.file_ids:
                entry = _file(state, file_id)
                if entry:
                    files[str(file_id)] = entry
        message_map[str(message.id)] = {
            "id": str(message.id),
            "chatid": str(chat.id),
            "senderid": str(message.author_id),
            "recipientid": f"chat{chat.id}",
            "date": message.date,
            "text": message.text,
            "textlegacy": _legacy_html(message.text),
            "params": _php_object(message_params),
        }
    users = {str(u): _im_user(state, state.users[u]) for u in sorted(user_ids) if u in state.users}
    operator = session.operator_id
    return {
        "chatId": chat.id,
        "canJoin": "Y",
        "canVoteHead": "Y",
        "sessionId": session.id,
        "sessionVoteHead": 0,
        "sessionCommentHead": None,
        "userId": f"chat{chat.id}",
        "message": _php_object(message_map),
        "usersMessage": {f"chat{chat.id}": [str(m.id) for m in reversed(messages)]},
        "users": _php_object(users),
        "openlines": {"canvoteashead": {str(chat.line_id): True}},
        "userInGroup": _php_object({"1": {"id": 1, "users": [str(operator)]}} if operator else {}),
        "woUserInGroup": [],
        "chat": {str(chat.id): _chat_object(state, chat)},
        "userBlockChat": {str(chat.id): {str(u): False for u in chat.participants}},
        "userInChat": _php_object({str(chat.id): list(chat.participants)}),
        "files": _php_object(files),
    }


def _find_dialog(state: PortalState, params: dict[str, Any]) -> Chat | None:
    if _present(params, "CHAT_ID") is not None:
        return state.chats.get(_int(params["CHAT_ID"]) or 0)
    if _present(params, "DIALOG_ID") is not None:
        dialog = str(params["DIALOG_ID"])
        return (
            state.chats.get(_int(dialog.removeprefix("chat")) or 0)
            if dialog.startswith("chat")
            else None
        )
    if _present(params, "SESSION_ID") is not None:
        session = state.sessions.get(_int(params["SESSION_ID"]) or 0)
        return state.chats.get(session.chat_id) if session else None
    if _present(params, "USER_CODE") is not None:
        code = str(params["USER_CODE"])
        return next((c for c in state.chats.values() if c.is_lines and c.entity_id == code), None)
    return None


@method("imopenlines.dialog.get", "imopenlines")
def dialog_get(call: Call, params: dict[str, Any]) -> dict[str, Any]:
    chat = _find_dialog(call.state, params)
    if chat is None or not chat.is_lines or not _can_view_chat(call.state, call.user, chat):
        raise RestError("ACCESS_ERROR", "You do not have access to the specified dialog", 400)
    created = datetime.fromisoformat(chat.date_create)
    last_id = chat.messages[-1].id if chat.messages else 0
    return {
        "id": chat.id,
        "parent_chat_id": 0,
        "parent_message_id": 0,
        "name": chat.name,
        "description": None,
        "owner": chat.owner_id,
        "extranet": False,
        "avatar": "",
        "color": "#58cc47",
        "type": "lines",
        "counter": 0,
        "user_counter": len(chat.participants),
        "message_count": len(chat.messages),
        "unread_id": 0,
        "last_message_id": last_id,
        "last_id": last_id,
        "marked_id": 0,
        "disk_folder_id": 0,
        "entity_type": "LINES",
        "entity_id": chat.entity_id,
        "entity_data_1": chat.entity_data_1(int(created.timestamp())),
        "entity_data_2": chat.entity_data_2,
        "entity_data_3": "N",
        "mute_list": [],
        "date_create": chat.date_create,
        "message_type": "L",
        "public": "",
        "role": "owner" if chat.owner_id == call.user.id else "member",
        "entity_link": {"type": "LINES", "url": "", "id": chat.entity_id},
        "text_field_enabled": True,
        "background_id": None,
        "permissions": {
            "manage_users_add": "member",
            "manage_users_delete": "manager",
            "manage_ui": "member",
            "manage_settings": "owner",
            "manage_messages": "member",
            "can_post": "member",
        },
        "is_new": False,
        "manager_list": [chat.owner_id],
        "dialog_id": f"chat{chat.id}",
    }


@method("im.chat.user.list", "im")
def chat_user_list(call: Call, params: dict[str, Any]) -> list[int]:
    if _present(params, "CHAT_ID") is None:
        raise RestError("CHAT_ID_EMPTY", "Chat ID can't be empty", 400)
    chat = call.state.chats.get(_int(params["CHAT_ID"]) or 0)
    if chat is None:
        raise RestError("ACCESS_ERROR", "Action unavailable", 400)
    # Documented: an empty array means the caller may not see the participants.
    if not _can_view_chat(call.state, call.user, chat):
        return []
    return list(chat.participants)
