"""im.dialog.messages.get, im.recent.get and im.counters.get: a member's view of its chats.

Shapes, codes and wording follow api-reference/chats/ (im-dialog-messages-get.md,
im-recent-get.md, im-counters-get.md); choices where a page is silent are noted.
"""

from __future__ import annotations

import re
from datetime import datetime, timedelta
from typing import Any

from ..errors import RestError
from ..state import Chat, Message, PortalState, User
from .chat_access import now, present, to_int
from .im_shapes import colour, file_entry, lines_entity, php_object
from .registry import Call, method

DEFAULT_LIMIT = 20
MAX_LIMIT = 50
SYNC_WINDOW = timedelta(days=7)  # "The retrieval returns data no older than 7 days"
# Session statuses of the imopenlines module (the docs name none): closed, operator
# answered, client waiting.
STATUS_CLOSED, STATUS_OPERATOR, STATUS_CLIENT = 60, 40, 20

_BB_TAG = re.compile(r"\[/?[A-Za-z]+(?:=[^\]]*)?\]")
_RESTRICTIONS = ("avatar", "rename", "extend", "call", "mute", "leave", "leave_owner", "send")
_RESTRICTIONS_ALL = (*_RESTRICTIONS, "user_list")


# ---- im.dialog.messages.get ----


def _member_chat(call: Call, params: dict[str, Any]) -> Chat | None:
    """The chat DIALOG_ID names; None for a one-to-one dialog (the demo has none)."""
    dialog = str(params.get("DIALOG_ID") or "").strip()
    number = dialog.removeprefix("chat").removeprefix("sg")
    if not dialog or not number.isdigit() or int(number) == 0:
        raise RestError("DIALOG_ID_EMPTY", "Dialog ID can't be empty", 400)
    denied = RestError("ACCESS_ERROR", "You do not have access to the specified dialog", 403)
    if dialog.startswith("sg"):
        raise denied  # the demo portal has no workgroups
    if not dialog.startswith("chat"):
        if int(number) not in call.state.users:
            raise denied
        return None
    chat = call.state.chats.get(int(number))
    # Members only: the page sends non-members of Open Lines to session.history.get.
    if chat is None or call.user.id not in chat.participants:
        raise denied
    return chat


def _message_id(params: dict[str, Any], name: str, code: str, text: str) -> int:
    if present(params, name) is None:
        return 0
    value = to_int(params[name])
    if value is None or value < 0:
        raise RestError(code, text, 400)
    return value


def dialog_message(state: PortalState, chat: Chat, message: Message, viewer: User) -> Any:
    params: dict[str, Any] = {}
    likes = state.reactions.get(message.id, {}).get("like")
    if likes:
        params["LIKE"] = list(likes)
    if message.file_ids:
        params["FILE_ID"] = list(message.file_ids)  # the messenger's key; the page shows none
    return {
        "id": message.id,
        "chat_id": chat.id,
        "author_id": message.author_id,
        "date": message.date,
        "text": message.text,
        "unread": message.author_id != viewer.id and message.id > state.read_mark(chat, viewer.id),
        # System messages have no UUID (documented); the demo stamps none on others either.
        "uuid": None,
        "replaces": [],
        "params": php_object(params),
        "disappearing_date": None,
    }


def snake_user(user: User) -> dict[str, Any]:
    external = "imconnector" if user.is_connector else "bot" if user.is_bot else "default"
    return {
        "id": user.id,
        "active": user.active,
        "name": user.full_name,
        "first_name": user.name,
        "last_name": user.last_name,
        "work_position": user.work_position,
        "color": colour(user.id),
        "avatar": "",
        "avatar_hr": "",
        "gender": user.gender or "M",
        "birthday": "",
        "extranet": user.is_connector,
        "network": False,
        "bot": user.is_bot,
        "connector": user.is_connector,
        "external_auth_id": external,
        "status": "online",
        "idle": False,
        "last_activity_date": user.last_login or False,
        "mobile_last_date": False,
        "desktop_last_date": False,
        "absent": False,
        "departments": list(user.departments),
        "phones": False,
        "bot_data": None,
        "type": "bot" if user.is_bot else "extranet" if user.is_connector else "user",
        "website": "",
        "email": user.email,
    }


def _select(chat: Chat, first_id: int, last_id: int, limit: int) -> list[Message]:
    messages = chat.messages  # in ID order
    if first_id or last_id:
        # "An empty array if a non-existent identifier is specified in LAST_ID or FIRST_ID".
        known = {m.id for m in messages}
        if (first_id and first_id not in known) or (last_id and last_id not in known):
            return []
    if first_id:
        # The oldest `limit` after FIRST_ID, so paging forwards skips nothing.
        picked = [m for m in messages if m.id > first_id and (not last_id or m.id < last_id)]
        return picked[:limit]
    picked = [m for m in messages if not last_id or m.id < last_id]
    return picked[-limit:] if limit else []


@method("im.dialog.messages.get", "im")
def dialog_messages_get(call: Call, params: dict[str, Any]) -> dict[str, Any]:
    state = call.state
    chat = _member_chat(call, params)
    first_id = _message_id(params, "FIRST_ID", "FIRST_ID_STRING", "First ID can't be string")
    last_id = _message_id(params, "LAST_ID", "LAST_ID_STRING", "Last ID can't be string")
    limit = to_int(params.get("LIMIT")) if present(params, "LIMIT") is not None else None
    limit = DEFAULT_LIMIT if limit is None or limit <= 0 else min(limit, MAX_LIMIT)
    if chat is None:
        return {"chat_id": 0, "messages": [], "users": [], "files": []}
    # Newest first, as in the reference's example, whichever way the page was taken.
    picked = sorted(_select(chat, first_id, last_id, limit), key=lambda m: -m.id)
    call.work.returned = len(picked)
    author_ids = sorted({m.author_id for m in picked if m.author_id in state.users})
    base = call.base_url.rstrip("/") or f"https://{state.domain}"
    files = [file_entry(state, f, base) for m in picked for f in m.file_ids]
    return {
        "chat_id": chat.id,
        "messages": [dialog_message(state, chat, m, call.user) for m in picked],
        "users": [snake_user(state.users[u]) for u in author_ids],
        "files": [_camel_file(entry) for entry in files if entry],
    }


_FILE_KEYS = {"chatid": "chatId", "authorid": "authorId", "authorname": "authorName"}
_FILE_KEYS |= {"urlpreview": "urlPreview", "urlshow": "urlShow", "urldownload": "urlDownload"}


def _camel_file(entry: dict[str, Any]) -> dict[str, Any]:
    """This page's files are camelCase, unlike session.history.get's lower-case ones."""
    return {_FILE_KEYS.get(key, key): value for key, value in entry.items()}


# ---- im.recent.get ----


def date_update(chat: Chat) -> str:
    """When the chat last changed in the recent list: its last message, else its creation."""
    return chat.messages[-1].date if chat.messages else chat.date_create


def _plain_text(text: str) -> str:
    """The recent list's message text: "without BB codes and line breaks"."""
    return " ".join(_BB_TAG.sub("", text).replace("[br]", " ").split())


def _recent_chat(chat: Chat, viewer: User) -> dict[str, Any]:
    entity = lines_entity(chat)
    return {
        "id": chat.id,
        "parent_chat_id": 0,
        "parent_message_id": 0,
        "name": chat.name,
        "owner": chat.owner_id,
        "extranet": False,
        "contains_collaber": False,
        "avatar": "",
        "color": colour(chat.id),
        "type": "lines" if chat.is_lines else "chat",
        "entity_type": entity["type"],
        "entity_id": entity["id"],
        "entity_data_1": entity["data1"],
        "entity_data_2": entity["data2"],
        "entity_data_3": "",
        "mute_list": [],
        "manager_list": [chat.owner_id],
        "date_create": chat.date_create,
        "message_type": "L" if chat.is_lines else "C",
        "user_counter": len(chat.participants),
        "restrictions": dict.fromkeys(_RESTRICTIONS_ALL, True),
        "role": "OWNER" if chat.owner_id == viewer.id else "MEMBER",
        "text_field_enabled": True,
        "background_id": None,
        "entity_link": {"type": entity["type"], "url": "", "id": entity["id"]},
        "permissions": {
            "manage_users_add": "member",
            "manage_users_delete": "manager",
            "manage_ui": "member",
            "manage_settings": "owner",
            "manage_messages": "member",
            "can_post": "member",
        },
        "public": "",
    }


def _session_status(chat: Chat) -> int:
    session = chat.current_session
    if session is None or session.closed:
        return STATUS_CLOSED
    authors = [m.author_id for m in chat.messages if m.author_id and m.session_id == session.id]
    return STATUS_CLIENT if not authors or authors[-1] == chat.customer_id else STATUS_OPERATOR


def recent_item(state: PortalState, chat: Chat, viewer: User) -> dict[str, Any]:
    last = chat.messages[-1] if chat.messages else None
    updated = date_update(chat)
    item: dict[str, Any] = {
        "id": f"chat{chat.id}",
        "chat_id": chat.id,
        "type": "chat",
        "avatar": {"url": "", "color": colour(chat.id)},
        "title": chat.name,
        "message": {
            "id": last.id if last else 0,
            "text": _plain_text(last.text) if last else "",
            "file": bool(last and last.file_ids),
            "author_id": last.author_id if last else 0,
            "attach": False,
            "sticker": None,
            "date": last.date if last else chat.date_create,
            "status": "received",
            "uuid": None,
        },
        "counter": len(state.unread(chat, viewer.id)),
        "last_id": max(0, state.read_mark(chat, viewer.id)),
        "pinned": False,
        "unread": False,
        "has_reminder": False,
        "date_update": updated,
        "date_last_activity": updated,
        "chat": _recent_chat(chat, viewer),
        "user": {"id": 0},
        "options": [],
    }
    session = chat.current_session
    if chat.is_lines and session is not None:
        # `lines` is documented for im.recent.list ("open line" data: id, status,
        # date_create); the messenger fills it with the current session.
        item["lines"] = {
            "id": session.id,
            "status": _session_status(chat),
            "date_create": session.date_create,
        }
    return item


def _since(state: PortalState, params: dict[str, Any]) -> datetime | None:
    """LAST_SYNC_DATE (held to the last 7 days) or LAST_UPDATE; an unreadable date is
    ignored (the page lists no error for it)."""
    for name in ("LAST_SYNC_DATE", "LAST_UPDATE"):
        text = str(params.get(name) or "").strip()
        try:
            since = datetime.fromisoformat(text) if text else None
        except ValueError:
            since = None
        if since is None or since.tzinfo is None:
            continue
        if name == "LAST_SYNC_DATE":
            since = max(since, datetime.fromisoformat(now(state)) - SYNC_WINDOW)
        return since
    return None


def _yes(params: dict[str, Any], name: str) -> bool:
    return str(params.get(name, "N")).strip().upper() == "Y"


@method("im.recent.get", "im")
def recent_get(call: Call, params: dict[str, Any]) -> list[dict[str, Any]]:
    state, viewer = call.state, call.user
    since = _since(state, params)
    chats = []
    for chat in state.chats.values():
        if viewer.id not in chat.participants:
            continue
        if (chat.is_lines and _yes(params, "SKIP_OPENLINES")) or (
            not chat.is_lines and (_yes(params, "SKIP_CHAT") or _yes(params, "ONLY_OPENLINES"))
        ):
            continue
        if since is not None and datetime.fromisoformat(date_update(chat)) < since:
            continue
        chats.append(chat)
    # SKIP_DIALOG needs nothing: the demo portal has no one-to-one dialogs.
    chats.sort(key=lambda c: (datetime.fromisoformat(date_update(c)), c.id), reverse=True)
    call.work.returned = len(chats)
    return [recent_item(state, chat, viewer) for chat in chats]


# ---- im.counters.get ----


@method("im.counters.get", "im")
def counters_get(call: Call, params: dict[str, Any]) -> dict[str, Any]:
    state, viewer = call.state, call.user
    chats: dict[str, int] = {}
    lines: dict[str, int] = {}
    for chat in state.chats.values():
        if viewer.id not in chat.participants:
            continue
        count = len(state.unread(chat, viewer.id))
        if count:
            (lines if chat.is_lines else chats)[str(chat.id)] = count
    chat_total, lines_total = sum(chats.values()), sum(lines.values())
    messenger = chat_total + lines_total  # + one-to-one dialogs, which the demo has none of
    return {
        "TYPE": {
            "ALL": messenger,  # + notifications, which the demo portal never sends
            "NOTIFY": 0,
            "CHAT": chat_total,
            "LINES": lines_total,
            "DIALOG": 0,
            "MESSENGER": messenger,
        },
        "CHAT": php_object(chats),
        "CHAT_MUTED": [],
        "CHAT_UNREAD": [],
        "LINES": php_object(lines),
        "DIALOG": [],
        "DIALOG_UNREAD": [],
    }
