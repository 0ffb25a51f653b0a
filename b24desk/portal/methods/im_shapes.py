"""IM objects as the imopenlines methods return them: users, chats, messages, files.

Shapes follow the response examples of imopenlines.session.history.get (camelCase) and
imopenlines.dialog.get (snake_case); where a page is silent the choice is noted.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable
from datetime import datetime
from typing import Any

from ..state import (
    SESSION_FINISHED_TEXT,
    SESSION_STARTED_TEXT,
    Chat,
    Message,
    PortalState,
    Session,
    User,
)

# Colours of the IM palette; a chat or user keeps one, chosen by its ID.
_COLOURS = ("#df532d", "#64a513", "#4ba984", "#ba9c7b", "#ab7761", "#58cc47", "#3e99ce", "#8474c8")
BLANK_AVATAR = "/bitrix/js/im/images/blank.gif"
_BB_SIMPLE = re.compile(r"\[(/?)(b|i|u|s)\]", re.IGNORECASE)
_BB_URL = re.compile(r"\[url=([^\]]+)\](.*?)\[/url\]", re.IGNORECASE | re.DOTALL)


def colour(item_id: int) -> str:
    return _COLOURS[item_id % len(_COLOURS)]


def php_object(items: dict[str, Any]) -> Any:
    """json_encode gives [] for an empty PHP array, which clients must cope with."""
    return items if items else []


def legacy_html(text: str) -> str:
    """`textlegacy`: the portal's HTML rendering of the BB-code text (escaped first)."""
    escaped = html.escape(text, quote=False)
    escaped = _BB_SIMPLE.sub(lambda m: f"<{m.group(1)}{m.group(2).lower()}>", escaped)
    escaped = _BB_URL.sub(r'<a href="\1" target="_blank">\2</a>', escaped)
    return escaped.replace("[br]", "<br />").replace("\n", "<br />")


def _phones(user: User) -> Any:
    # The page shows only `false`; the object's keys follow im.user.get's `phones`, camelCased
    # as everything else in this answer.
    phones = {"workPhone": user.work_phone, "personalMobile": user.personal_mobile}
    return {key: value for key, value in phones.items() if value} or False


def im_user(user: User) -> dict[str, Any]:
    external = "imconnector" if user.is_connector else "bot" if user.is_bot else "socservices"
    return {
        "id": str(user.id),
        "name": user.full_name,
        "active": user.active,
        "firstName": user.name,
        "lastName": user.last_name,
        "workPosition": user.work_position or None,
        "color": colour(user.id),
        "avatar": "",
        "avatarId": "0",
        "birthday": False,  # the seed gives nobody a birthday; "DD-MM" when known
        "gender": user.gender or "M",
        "phoneDevice": False,
        "phones": _phones(user),
        "extranet": user.is_connector,
        "network": False,
        "bot": user.is_bot,
        "connector": user.is_connector,
        "profile": f"/company/personal/user/{user.id}/",
        "externalAuthId": external,
        "status": "online" if user.is_online else "offline",
        "idle": False,
        "lastActivityDate": user.last_login or False,
        "mobileLastDate": False,
        "desktopLastDate": False,
        "departments": list(user.departments),
        "absent": False,
        "type": "bot" if user.is_bot else "extranet" if user.is_connector else "user",
        "services": None,
        "botData": None,  # the page shows null; the demo's bot keeps it rather than guess a shape
    }


def user_in_group(users: Iterable[User]) -> Any:
    """`userInGroup`: the answer's users by department ({id, users}); [] when none has one."""
    groups: dict[str, dict[str, Any]] = {}
    for user in users:
        for department in user.departments:
            group = groups.setdefault(str(department), {"id": department, "users": []})
            group["users"].append(str(user.id))
    return php_object(dict(sorted(groups.items(), key=lambda item: int(item[0]))))


def _file_url(base: str, action: str, info_id: int, name: str) -> str:
    # Absolute, as the portal gives them; the disk controller path is the reference's.
    return (
        f"{base}/bitrix/services/main/ajax.php?action=disk.api.file.{action}"
        f"&SITE_ID=s1&humanRE=1&fileId={info_id}&fileName={name}"
    )


def file_entry(state: PortalState, file_id: int, base: str) -> dict[str, Any] | None:
    info = state.files.get(file_id)
    if info is None:
        return None
    author = state.users.get(info.author_id)
    download = _file_url(base, "download", info.id, info.name)
    image = info.type == "image"
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
        "authorname": author.full_name if author else "?",
        # A file that is not an image has no preview; "show" then downloads it.
        "urlpreview": download if image else "",
        "urlshow": _file_url(base, "showImage", info.id, info.name) if image else download,
        "urldownload": download,
    }
    if image:
        entry["image"] = {"height": info.height, "width": info.width}
    return entry


def message_params(message: Message, session: Session | None = None) -> Any:
    """`params`: an object where the reference shows one (files, session start and end);
    the end carries the head's rating of `session`."""
    params: dict[str, Any] = {}
    if message.author_id == 0 and message.text == SESSION_STARTED_TEXT:
        params["class"] = "bx-messenger-content-item-ol-start"
    elif message.author_id == 0 and message.text == SESSION_FINISHED_TEXT:
        params.update(
            {
                "class": "bx-messenger-content-item-ol-end",
                "componentId": "bx-imopenlines-message",
                "imolVoteHead": session.vote_head if session is not None else 0,
                "imolVoteSid": message.session_id,
                "imolVoteUser": 0,
                "type": "lines",
            }
        )
    if message.file_ids:
        params["fileId"] = list(message.file_ids)
    return php_object(params)


def message_entry(chat: Chat, message: Message, session: Session | None = None) -> dict[str, Any]:
    return {
        "id": str(message.id),
        "chatid": str(chat.id),
        "senderid": str(message.author_id),
        "recipientid": f"chat{chat.id}",
        "date": message.date,
        "text": message.text,
        "textlegacy": legacy_html(message.text),
        "params": message_params(message, session),
    }


def lines_entity(chat: Chat) -> dict[str, str]:
    if not chat.is_lines:
        return {"type": "", "id": "", "data1": "", "data2": ""}
    started = int(datetime.fromisoformat(chat.date_create).timestamp())
    return {
        "type": "LINES",
        "id": chat.entity_id,
        "data1": chat.entity_data_1(started),
        "data2": chat.entity_data_2,
    }


_PERMISSIONS = {
    "manageUsersAdd": "member",
    "manageUsersDelete": "manager",
    "manageUi": "member",
    "manageSettings": "owner",
    "manageMessages": "member",
    "canPost": "member",
}


def history_chat(chat: Chat) -> dict[str, Any]:
    """A `chat` item of session.history.get, keys in the reference's order."""
    entity = lines_entity(chat)
    return {
        "id": str(chat.id),
        "parentChatId": 0,
        "parentMessageId": 0,
        "name": chat.name,
        "owner": str(chat.owner_id),
        "color": colour(chat.id),
        "extranet": False,
        "avatar": BLANK_AVATAR,
        "call": "0",
        "callNumber": "",
        "entityType": entity["type"],
        "entityId": entity["id"],
        "entityData1": entity["data1"],
        "entityData2": entity["data2"],
        "entityData3": "",
        "messageCount": len(chat.messages),
        "public": "",
        "muteList": php_object({str(user_id): False for user_id in chat.participants}),
        "managerList": [chat.owner_id],
        "dateCreate": chat.date_create,
        "type": "lines" if chat.is_lines else "chat",
        "entityLink": {"type": entity["type"], "url": "", "id": entity["id"]},
        "permissions": dict(_PERMISSIONS),
        "textFieldEnabled": True,
        "backgroundId": None,
        "messageType": "L" if chat.is_lines else "C",
        "isNew": False,
    }


# imopenlines.dialog.get's `restrictions`: what the caller may do in the chat, all true
# in the reference's example; the demo has no chat whose rights it narrows.
_RESTRICTIONS = (
    "avatar", "rename", "extend", "call", "mute", "leave", "leave_owner", "send", "user_list",
)  # fmt: skip
# How many first viewers `last_message_views` names; the page does not say, its example
# has one, the messenger shows a few.
FIRST_VIEWERS = 3


def _read_entries(state: PortalState, chat: Chat, viewer: User) -> list[dict[str, Any]]:
    """`readed_list`: the other participants' last read message. The demo keeps no time
    of reading, and the page allows `null` there."""
    entries = []
    for user_id in chat.participants:
        user = state.users.get(user_id)
        if user_id == viewer.id or user is None:
            continue
        mark = state.read_mark(chat, user_id)
        entries.append(
            {"user_id": user_id, "user_name": user.full_name, "message_id": mark, "date": None}
        )
    return entries


def _last_message_views(state: PortalState, chat: Chat) -> dict[str, Any]:
    last = chat.messages[-1] if chat.messages else None
    viewers = [
        state.users[u]
        for u in chat.participants
        if last is not None
        and u != last.author_id
        and u in state.users
        and state.read_mark(chat, u) >= last.id
    ]
    first = [
        # Seen no earlier than it was posted: the demo has no time of reading of its own.
        {"user_id": u.id, "user_name": u.full_name, "date": last.date}
        for u in viewers[:FIRST_VIEWERS]
        if last is not None
    ]
    return {
        "message_id": last.id if last else 0,
        "first_viewers": first,
        "count_of_viewers": max(0, len(viewers) - len(first)),
    }


def dialog_object(state: PortalState, chat: Chat, viewer: User) -> dict[str, Any]:
    """imopenlines.dialog.get's answer, keys in the order of the reference's example; the
    caller's unread counter is theirs only while they are in the chat."""
    entity = lines_entity(chat)
    last_id = chat.messages[-1].id if chat.messages else 0
    permissions = {re.sub(r"([A-Z])", r"_\1", k).lower(): v for k, v in _PERMISSIONS.items()}
    unread = state.unread(chat, viewer.id) if viewer.id in chat.participants else []
    return {
        "id": chat.id,
        "parent_chat_id": 0,
        "parent_message_id": 0,
        "name": chat.name,
        "description": None,
        "owner": chat.owner_id,
        "extranet": False,
        "avatar": "",
        "color": colour(chat.id),
        "type": "lines",
        "counter": len(unread),
        "user_counter": len(chat.participants),
        "message_count": len(chat.messages),
        "unread_id": unread[0].id if unread else 0,
        "restrictions": dict.fromkeys(_RESTRICTIONS, True),
        "last_message_id": last_id,
        "last_id": last_id,
        "marked_id": 0,
        "disk_folder_id": 0,
        "entity_type": entity["type"],
        "entity_id": entity["id"],
        "entity_data_1": entity["data1"],
        "entity_data_2": entity["data2"],
        "entity_data_3": "N",
        "mute_list": [],
        "date_create": chat.date_create,
        "message_type": "L",
        "public": "",
        "role": "owner" if chat.owner_id == viewer.id else "member",
        "entity_link": {"type": entity["type"], "url": "", "id": entity["id"]},
        "text_field_enabled": True,
        "background_id": None,
        "permissions": permissions,
        "is_new": False,
        "readed_list": _read_entries(state, chat, viewer),
        "manager_list": [chat.owner_id],
        "last_message_views": _last_message_views(state, chat),
        "dialog_id": f"chat{chat.id}",
    }
