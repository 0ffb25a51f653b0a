"""im.v2.Event.subscribe / unsubscribe / get, and the recorder that fills the event log.

Follows api-reference/chat-bots/chat-bots-v2/im.v2/events/: events are recorded only for
subscribed users, only for chats they belong to, kept 24 h, confirmed by `offset`.
"""

from __future__ import annotations

from typing import Any

from ..eventlog import DEFAULT_LIMIT, MAX_LIMIT
from ..state import Change, ChangeKind, PortalState
from .chat_access import now, to_int
from .registry import Call, method
from .v2_shapes import LANGUAGE, v2_chat, v2_message, v2_user


def record(state: PortalState, change: Change) -> None:
    """An observer of the state: log the change for the subscribed participants."""
    recipients = state.events.recipients(change.chat.participants)
    if not recipients:
        return  # the common case (and the whole seed): nobody asked, nothing is built
    chat = v2_chat(change.chat)
    data: dict[str, Any]
    if change.kind is ChangeKind.JOIN:
        joined = v2_user(state.users.get(change.user_id), change.user_id)
        data = {"dialogId": chat["dialogId"], "chat": chat, "user": joined}
    else:
        message = change.message
        assert message is not None
        # The author for message events, the one who reacted for reactions.
        user = v2_user(state.users.get(change.user_id), change.user_id)
        if change.kind is ChangeKind.MESSAGE_DELETE:
            data = {"messageId": message.id, "chat": chat, "user": user}
        elif change.kind is ChangeKind.REACTION:
            data = {
                "reaction": change.reaction,
                "action": change.action,
                "message": v2_message(state, message),
                "chat": chat,
                "user": user,
            }
        else:
            data = {"message": v2_message(state, message), "chat": chat, "user": user}
    data["language"] = LANGUAGE
    # A message event is dated by its message; other events by the portal's clock.
    date = change.message.date if change.kind is ChangeKind.MESSAGE_ADD and change.message else ""
    state.events.append(recipients, change.kind.value, date or now(state), data)


@method("im.v2.Event.subscribe", "im")
def subscribe(call: Call, params: dict[str, Any]) -> bool:
    call.state.events.subscribe(call.user.id)  # idempotent, as documented
    return True


@method("im.v2.Event.unsubscribe", "im")
def unsubscribe(call: Call, params: dict[str, Any]) -> bool:
    call.state.events.unsubscribe(call.user.id)
    return True


def _number(params: dict[str, Any], name: str) -> int | None:
    # The im.v2 controllers bind their parameters by their documented (lower-case) names.
    value = params.get(name)
    return None if value is None or str(value).strip() == "" else to_int(value)


@method("im.v2.Event.get", "im")
def get(call: Call, params: dict[str, Any]) -> dict[str, Any]:
    # "The method does not generate specific errors": junk reads as the default and an
    # out-of-range limit is held to 1..1000.
    offset = max(0, _number(params, "offset") or 0)
    limit = _number(params, "limit")
    limit = DEFAULT_LIMIT if limit is None else min(MAX_LIMIT, max(1, limit))
    page = call.state.events.read(call.user.id, offset, limit)
    call.work.returned = len(page.events)
    return {
        "events": [event.entry() for event in page.events],
        "nextOffset": page.next_offset,
        "hasMore": page.has_more,
    }
