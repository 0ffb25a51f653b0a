"""The im.v2 objects (Message, Chat, User of chat-bots-v2/entities.md) as events carry them.

Events give the simplified forms the reference describes: no `role`/`muteList` in a chat,
no `network`/`botData`/`avatarHr` in a user, online-status fields always `false`.
"""

from __future__ import annotations

from typing import Any

from ..state import Chat, Message, PortalState, User
from .im_shapes import colour, lines_entity, message_params

# The portal's language as events report it; the demo portal's staff writes Russian.
LANGUAGE = "ru"


def v2_message(state: PortalState, message: Message) -> dict[str, Any]:
    params = message_params(message)
    likes = state.reactions.get(message.id, {}).get("like")
    if likes:
        params = {**(params or {}), "LIKE": list(likes)}
    return {
        "id": message.id,
        "chatId": message.chat_id,
        "authorId": message.author_id,
        "date": message.date,
        "text": message.text,
        "isSystem": message.author_id == 0,
        "uuid": "",
        "forward": None,
        "params": params if params else {},
        "viewedByOthers": False,
    }


def v2_chat(chat: Chat) -> dict[str, Any]:
    entity = lines_entity(chat)
    return {
        "id": chat.id,
        "dialogId": f"chat{chat.id}",
        "name": chat.name,
        # The entities page lists no type for Open Lines; the messenger calls them "lines"
        # (message type "L"), as imopenlines.dialog.get does.
        "type": "lines" if chat.is_lines else "chat",
        "messageType": "L" if chat.is_lines else "C",
        "owner": chat.owner_id,
        "color": colour(chat.id),
        "avatar": "",
        "description": "",
        "extranet": False,
        "containsCollaber": False,
        "entityType": entity["type"],
        "entityId": entity["id"],
        "entityData1": entity["data1"],
        "entityData2": entity["data2"],
        "entityData3": "",
        "entityLink": (
            {"type": entity["type"], "url": "", "id": entity["id"]} if chat.is_lines else {}
        ),
        "diskFolderId": 0,
        "permissions": {},
        "parentChatId": 0,
        "parentMessageId": 0,
        "isNew": False,
        "textFieldEnabled": "Y",
        "backgroundId": None,
    }


def v2_user(user: User | None, user_id: int) -> dict[str, Any]:
    if user is None:  # a system message's author (0) or a user no longer there
        return {"id": user_id}
    external = "imconnector" if user.is_connector else "bot" if user.is_bot else "default"
    # The entities page has no type for a connector customer; they are outside the staff.
    kind = "bot" if user.is_bot else "extranet" if user.is_connector else "employee"
    return {
        "id": user.id,
        "active": user.active,
        "name": user.full_name,
        "firstName": user.name,
        "lastName": user.last_name,
        "workPosition": user.work_position,
        "color": colour(user.id),
        "avatar": "",
        "gender": user.gender or "M",
        "birthday": "",
        "extranet": user.is_connector,
        "bot": user.is_bot,
        "connector": user.is_connector,
        "externalAuthId": external,
        "status": "online",
        "idle": False,
        "lastActivityDate": False,
        "mobileLastDate": False,
        "desktopLastDate": False,
        "absent": False,
        "departments": list(user.departments),
        "phones": False,
        "website": "",
        "email": user.email,
        "type": kind,
    }
