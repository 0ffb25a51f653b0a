"""A supervisor's hands on a session: join, intercept, transfer, finish, pin, rate.

Codes, statuses and `error_description` texts follow each method's page in the reference;
the pages differ in wording ("open line"/"Open Channel", "rights"/"permissions") and each
keeps its own. Where a page is silent the choice is noted beside the code.
"""

from __future__ import annotations

from typing import Any

from ..errors import RestError
from ..state import SESSION_FINISHED_TEXT, Chat, OpenLine, PortalState, Session, User
from .chat_access import can_view_chat, can_vote_as_head, mention, system_message, to_int
from .registry import Call, method

_PERMISSIONS = "You cannot open this conversation as you do not have sufficient permissions"
_RIGHTS = "You cannot open this conversation as you do not have sufficient rights"


def _chat_id_empty() -> RestError:
    # A new error per answer (see errors.py: a shared one would keep its traceback's frames).
    return RestError("CHAT_ID_EMPTY", "Chat ID can't be empty", 400)


def _positive_chat_id(params: dict[str, Any]) -> int:
    """CHAT_ID for the methods whose pages answer CHAT_ID_EMPTY when it is missing or <= 0."""
    chat_id = to_int(params.get("CHAT_ID"))
    if chat_id is None or chat_id <= 0:
        raise _chat_id_empty()
    return chat_id


def _lines_chat(call: Call, params: dict[str, Any], bad_id: str, not_lines: str) -> Chat:
    """The Open Lines chat named by CHAT_ID, with the page's CHAT_ID and CHAT_TYPE wording,
    if the caller may see it."""
    chat = call.state.chats.get(to_int(params.get("CHAT_ID")) or 0)
    if chat is None:
        raise RestError("CHAT_ID", bad_id, 400)
    if not chat.is_lines:
        raise RestError("CHAT_TYPE", not_lines, 400)
    if not can_view_chat(call.state, call.user, chat):
        raise RestError("ACCESS_DENIED", _PERMISSIONS, 400)
    return chat


def _is_employee(user: User | None) -> bool:
    return user is not None and user.active and not user.is_bot and not user.is_connector


def _hand_over(state: PortalState, chat: Chat, session: Session, operator: User, text: str) -> None:
    """Make `operator` the session's operator and the chat's owner; the previous operator
    leaves the chat, as on a transfer in Bitrix24 (the pages do not say it)."""
    previous = session.operator_id
    session.operator_id = operator.id
    # A pin holds a dialogue for its operator; the demo drops it with the operator.
    session.pinned = False
    chat.owner_id = operator.id
    if operator.id not in chat.participants:
        state.add_participant(chat, operator.id)  # a join: its event and read mark too
    if previous != operator.id and previous in chat.participants:
        chat.participants.remove(previous)
    system_message(state, chat, text)


# ---- join and intercept ----


@method("imopenlines.session.join", "imopenlines")
def session_join(call: Call, params: dict[str, Any]) -> bool:
    chat = _lines_chat(
        call,
        params,
        "The specified chat identifier is incorrect",
        "The specified chat is not an Open Channel",
    )
    # Joining a dialogue one is already in changes nothing and is no error (page silent).
    if call.user.id not in chat.participants:
        call.state.add_participant(chat, call.user.id)
        system_message(call.state, chat, f"{mention(call.user)} присоединился(ась) к чату")
    return True


@method("imopenlines.session.intercept", "imopenlines")
def session_intercept(call: Call, params: dict[str, Any]) -> bool:
    chat = call.state.chats.get(_positive_chat_id(params))
    session = chat.current_session if chat is not None else None
    # The page's one other error covers every "not for this user or dialogue state": no
    # such chat, no access, the session closed, or the caller already its operator.
    if (
        chat is None
        or session is None
        or session.closed
        or not chat.is_lines
        or not _is_employee(call.user)
        or not can_view_chat(call.state, call.user, chat)
        or session.operator_id == call.user.id
    ):
        raise RestError("OPERATOR_WRONG", "You can not redirect to this operator", 400)
    previous = call.state.users.get(session.operator_id)
    text = f"{mention(call.user)} перехватил(а) диалог"
    if previous is not None:
        text += f" у {mention(previous)}"
    _hand_over(call.state, chat, session, call.user, text)
    return True


# ---- transfer ----


def _transfer_wrong() -> RestError:
    return RestError("OPERATOR_WRONG", "You cannot redirect to this operator", 400)


def _transfer_target(params: dict[str, Any]) -> tuple[int | None, int | None]:
    """(user ID, line ID) from TRANSFER_ID ("15" or "queue3"), USER_ID or QUEUE_ID.

    A parameter counts as given when it is there at all, even empty (PHP's isset), so an
    empty USER_ID is USER_ID_EMPTY, not TRANSFER_ID_EMPTY.
    """
    user_param, queue_param = params.get("USER_ID"), params.get("QUEUE_ID")
    transfer = params.get("TRANSFER_ID")
    if transfer is not None:
        text = str(transfer).strip()
        if text.lower().startswith("queue"):
            queue_param, user_param = text[5:], None
        else:
            user_param = text
    if user_param is not None:
        user_id = to_int(user_param)
        if user_id is None or user_id <= 0:
            raise RestError("USER_ID_EMPTY", "User ID can't be empty", 400)
        return user_id, None
    if queue_param is not None:
        line_id = to_int(queue_param)
        if line_id is None or line_id <= 0:
            raise RestError("QUEUE_ID_EMPTY", "QUEUE ID can't be empty", 400)
        return None, line_id
    raise RestError("TRANSFER_ID_EMPTY", "Queue ID or User ID can't be empty", 400)


def _load(state: PortalState, user_id: int) -> int:
    """Open sessions an operator holds: the queue hands a dialogue to the least busy."""
    return sum(
        1
        for c in state.chats.values()
        if c.active and c.current_session is not None and c.current_session.operator_id == user_id
    )


def _queue_operator(state: PortalState, line: OpenLine, current: int) -> User | None:
    candidates = [
        state.users[u] for u in line.queue if u != current and _is_employee(state.users.get(u))
    ]
    if not candidates:
        return None
    return min(candidates, key=lambda user: _load(state, user.id))


@method("imopenlines.operator.transfer", "imopenlines")
def operator_transfer(call: Call, params: dict[str, Any]) -> bool:
    state = call.state
    chat = state.chats.get(_positive_chat_id(params))
    user_id, line_id = _transfer_target(params)
    session = chat.current_session if chat is not None else None
    # Who may transfer: anyone with access to the dialogue, as the page says ("any user
    # with dialog permissions"); everything that makes the transfer impossible is the
    # page's OPERATOR_WRONG.
    if (
        chat is None
        or session is None
        or session.closed
        or not chat.is_lines
        or not can_view_chat(state, call.user, chat)
    ):
        raise _transfer_wrong()
    if user_id is not None:
        target = state.users.get(user_id)
        if target is None or not _is_employee(target) or target.id == session.operator_id:
            raise _transfer_wrong()
        text = f"{mention(call.user)} перенаправил(а) диалог оператору {mention(target)}"
    else:
        line = state.lines.get(line_id or 0)
        if line is None or not line.active:
            raise _transfer_wrong()
        # The dialogue goes to the least busy operator of that line's queue (the chat
        # keeps its USER_CODE: the page does not say it moves to the other line).
        found = _queue_operator(state, line, session.operator_id)
        if found is None:
            raise _transfer_wrong()
        target = found
        text = (
            f"{mention(call.user)} перенаправил(а) диалог в открытую линию «{line.name}», "
            f"оператор {mention(target)}"
        )
    _hand_over(state, chat, session, target, text)
    return True


# ---- finish another operator's session ----


@method("imopenlines.operator.another.finish", "imopenlines")
def operator_another_finish(call: Call, params: dict[str, Any]) -> bool:
    chat = _lines_chat(
        call,
        params,
        "The provided chat identifier is invalid",
        "The specified chat is not an open line",
    )
    session = chat.current_session
    # Finishing a finished session changes nothing and is no error (the page is silent),
    # so a repeat after a lost answer is harmless.
    if session is not None and not session.closed:
        system_message(call.state, chat, f"{mention(call.user)} завершил(а) диалог")
        system_message(call.state, chat, SESSION_FINISHED_TEXT)
        session.closed = True
        session.pinned = False
    return True


# ---- pin ----


@method("imopenlines.session.mode.pin", "imopenlines")
def session_mode_pin(call: Call, params: dict[str, Any]) -> bool:
    if params.get("CHAT_ID") is None:
        raise _chat_id_empty()
    chat = _lines_chat(
        call,
        params,
        "Invalid chat identifier provided",
        "The specified chat is not an open line",
    )
    activate = str(params.get("ACTIVATE", "Y")).strip().upper() != "N"
    session = chat.current_session
    # The pin holds the current session for its operator; a finished session has nothing
    # to hold, and the page names no error for it, so the call just succeeds.
    if session is not None and not session.closed:
        session.pinned = activate
    return True


# ---- the supervisor's rating ----


@method("imopenlines.session.head.vote", "imopenlines")
def session_head_vote(call: Call, params: dict[str, Any]) -> bool:
    session_id = to_int(params.get("SESSION_ID"))
    if session_id is None or session_id <= 0:
        raise RestError("EMPTY_SESSION_ID", "Session ID can't be empty", 400)
    rating = to_int(params.get("RATING"))
    # A rating outside 1-5 counts as not given (the page names no error for it).
    if rating is not None and not 1 <= rating <= 5:
        rating = None
    comment = params.get("COMMENT")
    if comment is not None and not str(comment).strip():
        comment = None
    if rating is None and comment is None:
        raise RestError(
            "EMPTY_VOTE_PARAMS",
            "At least one of the parameters RATING or COMMENT must be specified",
            400,
        )
    session = call.state.sessions.get(session_id)
    chat = call.state.chats.get(session.chat_id) if session is not None else None
    if (
        session is None
        or chat is None
        or not can_view_chat(call.state, call.user, chat)
        or not can_vote_as_head(call.state, call.user, chat.line_id)
    ):
        raise RestError("ACCESS_DENIED", _RIGHTS, 400)
    # The page speaks of "a completed dialog" but names no error for an open one: the
    # demo lets a head rate a session that is still going on.
    if rating is not None:
        session.vote_head = rating
    if comment is not None:
        session.comment_head = str(comment)
    return True
