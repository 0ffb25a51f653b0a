"""Reading a dialog: imopenlines.session.history.get, imopenlines.dialog.get, im.chat.user.list.

Codes, statuses and `error_description` texts follow each method's page in the reference.
"""

from __future__ import annotations

from typing import Any

from ..errors import RestError
from ..state import Chat, PortalState
from .chat_access import (
    NO_CONVERSATION_ACCESS,
    can_view_chat,
    can_vote_as_head,
    present,
    to_int,
)
from .im_shapes import (
    dialog_object,
    file_entry,
    history_chat,
    im_user,
    message_entry,
    php_object,
    user_in_group,
)
from .registry import Call, method


def _history_target(state: PortalState, params: dict[str, Any]) -> tuple[Chat | None, Any]:
    """The chat and session named by SESSION_ID (it wins when both are given) or CHAT_ID."""
    session_param, chat_param = present(params, "SESSION_ID"), present(params, "CHAT_ID")
    if session_param is None and chat_param is None:
        raise RestError("MISSING_REQUIRED_PARAM", "Session ID or Chat ID must be provided", 400)
    unknown = RestError(
        "INVALID_SESSION_ID", "Unable to determine session ID from provided parameters", 400
    )
    if session_param is not None:
        session_id = to_int(session_param)
        if session_id is None:
            raise unknown
        session = state.sessions.get(session_id)
        return (state.chats.get(session.chat_id) if session else None), session
    chat = state.chats.get(to_int(chat_param) or 0)
    session = chat.current_session if chat else None
    if chat is not None and session is None:
        raise unknown
    return chat, session


@method("imopenlines.session.history.get", "imopenlines")
def session_history_get(call: Call, params: dict[str, Any]) -> dict[str, Any]:
    state = call.state
    chat, session = _history_target(state, params)
    if chat is None or session is None or not can_view_chat(state, call.user, chat):
        raise RestError("ACCESS_DENIED", NO_CONVERSATION_ACCESS, 400)
    messages = [state.messages[i] for i in session.message_ids]
    call.work.returned = len(messages)
    base = call.base_url.rstrip("/") or f"https://{state.domain}"
    files: dict[str, Any] = {}
    for message in messages:
        for file_id in message.file_ids:
            entry = file_entry(state, file_id, base)
            if entry:
                files[str(file_id)] = entry
    user_ids = set(chat.participants) | {m.author_id for m in messages if m.author_id}
    users = [state.users[u] for u in sorted(user_ids) if u in state.users]
    can_vote = can_vote_as_head(state, call.user, chat.line_id)
    # Whether the caller could still join: the session is open and they are not in it.
    can_join = not session.closed and call.user.id not in chat.participants
    return {
        "chatId": chat.id,
        "canJoin": "Y" if can_join else "N",
        "canVoteHead": "Y" if can_vote else "N",
        "sessionId": session.id,
        "sessionVoteHead": session.vote_head,
        "sessionCommentHead": session.comment_head,
        "userId": f"chat{chat.id}",
        "message": php_object({str(m.id): message_entry(chat, m, session) for m in messages}),
        "usersMessage": {f"chat{chat.id}": [str(m.id) for m in reversed(messages)]},
        "users": php_object({str(u.id): im_user(u) for u in users}),
        "openlines": {"canvoteashead": {str(chat.line_id): can_vote}},
        "userInGroup": user_in_group(users),
        # The reference's examples leave this empty even beside users in no department.
        "woUserInGroup": [],
        "chat": {str(chat.id): history_chat(chat)},
        "userBlockChat": {str(chat.id): {str(u): False for u in chat.participants}},
        "userInChat": php_object({str(chat.id): list(chat.participants)}),
        "files": php_object(files),
    }


def _find_dialog(state: PortalState, params: dict[str, Any]) -> Chat | None:
    if present(params, "CHAT_ID") is not None:
        return state.chats.get(to_int(params["CHAT_ID"]) or 0)
    if present(params, "DIALOG_ID") is not None:
        dialog = str(params["DIALOG_ID"])
        return (
            state.chats.get(to_int(dialog.removeprefix("chat")) or 0)
            if dialog.startswith("chat")
            else None
        )
    if present(params, "SESSION_ID") is not None:
        session = state.sessions.get(to_int(params["SESSION_ID"]) or 0)
        return state.chats.get(session.chat_id) if session else None
    if present(params, "USER_CODE") is not None:
        code = str(params["USER_CODE"]).removeprefix("imol|")
        return next((c for c in state.chats.values() if c.is_lines and c.entity_id == code), None)
    return None


@method("imopenlines.dialog.get", "imopenlines")
def dialog_get(call: Call, params: dict[str, Any]) -> dict[str, Any]:
    chat = _find_dialog(call.state, params)
    # The page's one error for "not found or no access", missing parameters included.
    if chat is None or not chat.is_lines or not can_view_chat(call.state, call.user, chat):
        raise RestError("ACCESS_ERROR", "You do not have access to the specified dialog", 400)
    return dialog_object(call.state, chat, call.user)


@method("im.chat.user.list", "im")
def chat_user_list(call: Call, params: dict[str, Any]) -> list[int]:
    if present(params, "CHAT_ID") is None:
        raise RestError("CHAT_ID_EMPTY", "Chat ID can't be empty", 400)
    chat = call.state.chats.get(to_int(params["CHAT_ID"]) or 0)
    if chat is None:
        raise RestError("ACCESS_ERROR", "Action unavailable", 400)
    # Documented: an empty array means the caller may not see the participants.
    if not can_view_chat(call.state, call.user, chat):
        return []
    return list(chat.participants)
