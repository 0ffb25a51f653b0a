"""What the chat list tells about each chat: its status, operator, last message and how long
the customer has been waiting, read in the pane's one batch request.

The reference has no session status nor a list of a chat's states: each chat's last session
comes from `imopenlines.session.history.get` by CHAT_ID (its messages, their senders, the
chat's owner: the operator), chained to the entity's chat lists through `$result[...]`
references, and whether the session is open from `imopenlines.crm.chat.get` ACTIVE_ONLY=Y.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime
from enum import Enum
from typing import Any

from b24desk.api import openlines
from b24desk.api.batch import BatchResult, Command
from b24desk.api.errors import B24Error
from b24desk.api.query import ref
from b24desk.api.types import Dialog, History, Message, User

# Chats given a state in one opening: the first of those with an open session (where a
# customer may be waiting), then the first of all (a batch holds 50 commands; each slot
# the entity has no chat for fails at once and costs nothing).
OPEN_SLOTS = 6
ANY_SLOTS = 12
SLOTS = (*(f"open{i}" for i in range(OPEN_SLOTS)), *(f"any{i}" for i in range(ANY_SLOTS)))


class ChatStatus(Enum):
    """Derived: closed when the session is over; new while no employee has written in it;
    waiting when the customer spoke last; answered when an employee did."""

    NEW = "new"
    WAITING = "waiting"
    ANSWERED = "answered"
    CLOSED = "closed"


@dataclass(frozen=True, slots=True)
class ChatState:
    """One chat's line in the chat list."""

    chat_id: int
    status: ChatStatus
    session_id: int | None = None
    operator: User | None = None  # the chat's owner: its session's current operator
    last_message_at: datetime | None = None
    waiting_since: datetime | None = None  # the customer's first unanswered message
    last_message_id: int = 0  # what a dialogue's last_message_id is compared with

    def outdated_by(self, dialog: Dialog) -> bool:
        """The chat's dialogue, read since, shows a newer message, another operator or
        another session: this state is old."""
        return (
            dialog.last_message_id > self.last_message_id
            or dialog.owner_id != (self.operator.id if self.operator else 0)
            or (dialog.session_id is not None and dialog.session_id != self.session_id)
        )

    @property
    def open(self) -> bool:
        return self.status is not ChatStatus.CLOSED


def _slot_chat_id(list_command: str, index: int) -> str:
    # "0" before the reference: a slot past the end of the list leaves text that reads as
    # CHAT_ID 0 (PHP's intval), a quick error, never some other chat's history; a resolved
    # one reads "01763", which is 1763.
    return "0" + ref(list_command, index, "CHAT_ID")


def state_commands(every: str, active: str) -> dict[str, Command[History]]:
    """History reads of the entity's chats, by slot of the batch's `every` (all chats) and
    `active` (open ones) lists."""
    lists = [(active, i) for i in range(OPEN_SLOTS)] + [(every, i) for i in range(ANY_SLOTS)]
    return {
        name: openlines.history_command(chat_id=_slot_chat_id(list_command, index))
        for name, (list_command, index) in zip(SLOTS, lists, strict=True)
    }


def _is_customer(users: Mapping[int, User], sender: int) -> bool:
    user = users.get(sender)
    return user is not None and user.is_customer


def _is_employee(users: Mapping[int, User], sender: int) -> bool:
    user = users.get(sender)
    return sender != 0 and not (user is not None and (user.is_customer or user.is_bot))


def chat_state(
    history: History, open_session: bool, names: Callable[[int], User | None] = lambda _: None
) -> ChatState:
    """A chat's state from its last session's history and whether that session is open."""
    users = history.users
    spoken = [m for m in history.messages if m.sender_id != 0]
    said = spoken or list(history.messages)
    last = said[-1] if said else None
    owner = history.chat.owner_id if history.chat is not None else 0
    operator = (users.get(owner) or names(owner) or _someone(owner)) if owner else None
    waiting = _waiting_since(spoken, users) if open_session else None
    if not open_session:
        status = ChatStatus.CLOSED
    elif not any(_is_employee(users, m.sender_id) for m in spoken):
        status = ChatStatus.NEW
    elif waiting is not None:
        status = ChatStatus.WAITING
    else:
        status = ChatStatus.ANSWERED
    return ChatState(
        chat_id=history.chat_id,
        status=status,
        session_id=history.session_id,
        operator=operator,
        last_message_at=last.date if last is not None else None,
        waiting_since=waiting,
        last_message_id=history.messages[-1].id if history.messages else 0,
    )


def _someone(user_id: int) -> User:
    return User(id=user_id, name="", last_name="", full_name=f"#{user_id}")


def _waiting_since(spoken: list[Message], users: Mapping[int, User]) -> datetime | None:
    """The date of the customer's first message after the last employee's, if any."""
    since: datetime | None = None
    for message in spoken:
        if _is_customer(users, message.sender_id):
            since = since or message.date
        elif _is_employee(users, message.sender_id):
            since = None
    return since


def slot_histories(result: BatchResult) -> list[History]:
    """The last sessions the batch's slots read (slots past the lists failed: none)."""
    return [h for h in map(lambda name: _value_or_none(result, name), SLOTS) if h is not None]


def read_states(
    read: Iterable[History],
    chat_ids: Iterable[int],
    open_ids: set[int],
    names: Callable[[int], User | None] = lambda _: None,
) -> dict[int, ChatState]:
    """The state of every listed chat a last session was `read` of. A history is kept only
    for a chat of the list (a reference the portal resolved some other way must not label
    a chat with another's data); a closed chat without one is still closed."""
    wanted = set(chat_ids)
    histories: dict[int, History] = {}
    for history in read:
        if history.chat_id in wanted and not history.earlier:
            histories.setdefault(history.chat_id, history)
    states = {
        chat_id: chat_state(history, chat_id in open_ids, names)
        for chat_id, history in histories.items()
    }
    for chat_id in wanted - set(states) - open_ids:
        states[chat_id] = ChatState(chat_id, ChatStatus.CLOSED)
    return states


def _value_or_none(result: BatchResult, name: str) -> Any:
    if name not in result.commands:
        return None
    try:
        return result.value(name)
    except B24Error:
        return None


def watched_first(states: Mapping[int, ChatState]) -> list[int]:
    """The chats whose list lines live updates keep current, those that matter first: open
    sessions, then the newest. Chats not read in the opening have nothing to compare."""
    read = [s for s in states.values() if s.session_id is not None]
    return [s.chat_id for s in sorted(read, key=lambda s: (not s.open, -s.chat_id))]


class ListWatch:
    """Tells when the chat list is out of date from the chats' dialogues of each live
    tick. A dialogue is compared with the list the first time, then with its own last
    reading: a chat that never matches its history (a message outside any session) makes
    one reload, not one per tick."""

    def __init__(self) -> None:
        self._seen: dict[int, tuple[int, int, int | None]] = {}

    def reset(self) -> None:
        """Another list is on show."""
        self._seen.clear()

    def outdated(self, states: Mapping[int, ChatState], dialogs: Mapping[int, Dialog]) -> bool:
        stale = False
        for chat_id, dialog in dialogs.items():
            state = states.get(chat_id)
            if state is None:
                continue
            reading = (dialog.last_message_id, dialog.owner_id, dialog.session_id)
            before = self._seen.get(chat_id)
            stale |= state.outdated_by(dialog) if before is None else reading != before
            self._seen[chat_id] = reading
        return stale
