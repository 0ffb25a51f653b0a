"""Staying current without a public URL: im.v2 event polling, dialog messages, recent chats,
counters, and one batch per poll tick that carries them all.

As in openlines.py: a `*_command` builder for batches, a `parse_*` for the raw result and
an async function running it alone. Parsers read crafted answers as ProtocolError.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from types import MappingProxyType
from typing import TYPE_CHECKING, Any

from .batch import Command, CommandLike
from .errors import ProtocolError
from .history import parse_crm_bindings, parse_file, session_id_of
from .live_types import (
    Counters,
    DialogMessages,
    EventPage,
    ImEvent,
    ImEventType,
    RecentChat,
    RecentMessage,
)
from .parse import as_datetime, as_id, as_int, as_list, as_mapping, as_str, int_tuple, yes_no
from .query import IdOrRef
from .types import Message, User
from .users import parse_chat_user

if TYPE_CHECKING:
    from .batch import BatchResult
    from .client import B24Client

MAX_EVENTS = 1000  # im.v2.Event.get's `limit` is 1..1000
DEFAULT_EVENTS = 100
MAX_MESSAGES = 50  # im.dialog.messages.get's LIMIT


def _object(raw: Any, what: str) -> Mapping[str, Any]:
    """The result must be an object; PHP's empty array stands for an empty one."""
    if isinstance(raw, Mapping):
        return raw
    if raw == []:
        return {}
    raise ProtocolError(f"{what}: the result is not an object ({type(raw).__name__})")


# ---- subscription ----


def subscribe_command() -> Command[bool]:
    """Start recording the caller's im.v2 events (idempotent)."""
    return Command("im.v2.Event.subscribe", {}, yes_no)


def unsubscribe_command() -> Command[bool]:
    """Stop recording; what was recorded stays readable for 24 h or until confirmed."""
    return Command("im.v2.Event.unsubscribe", {}, yes_no)


async def subscribe(client: B24Client) -> bool:
    return await client.run(subscribe_command())


async def unsubscribe(client: B24Client) -> bool:
    return await client.run(unsubscribe_command())


# ---- events ----


def _event_user(raw: Any) -> User | None:
    data = as_mapping(raw)
    return parse_chat_user(data) if as_id(data.get("id")) is not None else None


def parse_event(raw: Any) -> ImEvent:
    item = as_mapping(raw)
    data = as_mapping(item.get("data"))
    chat = as_mapping(data.get("chat"))
    message = as_mapping(data.get("message"))
    type_name = as_str(item.get("type"))
    message_id = as_id(message.get("id")) if message else as_id(data.get("messageId"))
    action = as_str(data.get("action")).lower()
    chat_id = as_id(chat.get("id")) or as_id(message.get("chatId"))
    return ImEvent(
        event_id=as_int(item.get("eventId")),
        type=ImEventType.from_text(type_name),
        type_name=type_name,
        date=as_datetime(item.get("date")),
        chat_id=chat_id,
        dialog_id=as_str(chat.get("dialogId") or data.get("dialogId"))
        or (f"chat{chat_id}" if chat_id else ""),
        chat_entity_type=as_str(chat.get("entityType")),
        chat_entity_id=as_str(chat.get("entityId")),
        crm=parse_crm_bindings(as_str(chat.get("entityData2"))),
        session_id=session_id_of(as_str(chat.get("entityData1"))),
        message_id=message_id,
        author_id=as_int(message.get("authorId")) if "authorId" in message else None,
        text=as_str(message.get("text")) if "text" in message else None,
        user=_event_user(data.get("user")),
        reaction=as_str(data.get("reaction")),
        reaction_added={"add": True, "delete": False}.get(action),
    )


def parse_event_page(raw: Any) -> EventPage:
    data = _object(raw, "im.v2.Event.get")
    events = tuple(parse_event(e) for e in as_list(data.get("events")))
    next_offset = as_int(data.get("nextOffset"), -1)
    if next_offset < 0:
        if events:  # without it these events could never be confirmed
            raise ProtocolError("im.v2.Event.get: no nextOffset beside the events")
        next_offset = 0
    return EventPage(events, next_offset, yes_no(data.get("hasMore", False)))


def events_command(offset: int | None = None, limit: int = DEFAULT_EVENTS) -> Command[EventPage]:
    """Events from `offset` on, confirming (deleting) the ones before it, for every
    application of this user: pass the previous page's `next_offset`."""
    if not 1 <= limit <= MAX_EVENTS:
        raise ValueError(f"limit must be 1..{MAX_EVENTS}")
    params: dict[str, Any] = {"limit": limit}
    if offset is not None:
        params["offset"] = offset
    return Command("im.v2.Event.get", params, parse_event_page)


async def events(
    client: B24Client, offset: int | None = None, limit: int = DEFAULT_EVENTS
) -> EventPage:
    return await client.run(events_command(offset, limit))


# ---- dialog messages ----


def _snake_user(raw: Any) -> User:
    data = as_mapping(raw)
    return User(
        id=as_int(data.get("id")),
        name=as_str(data.get("first_name")),
        last_name=as_str(data.get("last_name")),
        full_name=as_str(data.get("name")),
        active=yes_no(data.get("active", True)),
        position=as_str(data.get("work_position")),
        departments=int_tuple(data.get("departments")),
        email=as_str(data.get("email")),
        is_online=as_str(data.get("status")) == "online",
        is_bot=yes_no(data.get("bot", False)),
        is_customer=yes_no(data.get("connector", False)),
    )


def _dialog_message(raw: Any) -> Message:
    data = as_mapping(raw)
    params = as_mapping(data.get("params"))
    return Message(
        id=as_int(data.get("id")),
        chat_id=as_int(data.get("chat_id")),
        sender_id=as_int(data.get("author_id")),
        date=as_datetime(data.get("date")),
        text=as_str(data.get("text")),
        file_ids=int_tuple(params.get("FILE_ID")),
    )


def parse_dialog_messages(raw: Any) -> DialogMessages:
    data = _object(raw, "im.dialog.messages.get")
    raw_messages = [as_mapping(m) for m in as_list(data.get("messages"))]
    messages = sorted((_dialog_message(m) for m in raw_messages), key=lambda m: m.id)
    unread = frozenset(as_int(m.get("id")) for m in raw_messages if yes_no(m.get("unread")))
    users = {u.id: u for u in map(_snake_user, as_list(data.get("users")))}
    files = {}
    for item in map(as_mapping, as_list(data.get("files"))):
        # This method's files are camelCase; the shared reader takes the lower-case keys.
        lowered = {key.lower(): value for key, value in item.items()}
        parsed = parse_file(lowered)
        files[parsed.id] = parsed
    return DialogMessages(
        chat_id=as_int(data.get("chat_id")),
        messages=tuple(messages),
        unread_ids=unread,
        users=MappingProxyType(users),
        files=MappingProxyType(files),
    )


def dialog_messages_command(
    chat_id: IdOrRef,
    *,
    first_id: IdOrRef | None = None,
    last_id: IdOrRef | None = None,
    limit: int = 20,
) -> Command[DialogMessages]:
    """A member's messages of chat `chat_id`: the newest `limit` (at most 50), those after
    `first_id` or those before `last_id`. A message ID the chat does not have gives none."""
    if not 1 <= limit <= MAX_MESSAGES:
        raise ValueError(f"limit must be 1..{MAX_MESSAGES}")
    params: dict[str, Any] = {"DIALOG_ID": f"chat{chat_id}", "LIMIT": limit}
    if first_id is not None:
        params["FIRST_ID"] = first_id
    if last_id is not None:
        params["LAST_ID"] = last_id
    return Command("im.dialog.messages.get", params, parse_dialog_messages)


async def dialog_messages(
    client: B24Client,
    chat_id: int,
    *,
    first_id: int | None = None,
    last_id: int | None = None,
    limit: int = 20,
) -> DialogMessages:
    command = dialog_messages_command(chat_id, first_id=first_id, last_id=last_id, limit=limit)
    return await client.run(command)


# ---- recent chats ----


def _recent_chat(raw: Any) -> RecentChat:
    item = as_mapping(raw)
    chat = as_mapping(item.get("chat"))
    message = as_mapping(item.get("message"))
    chat_id = as_int(item.get("chat_id")) or as_int(chat.get("id"))
    last = None
    if as_id(message.get("id")) is not None:
        last = RecentMessage(
            id=as_int(message.get("id")),
            author_id=as_int(message.get("author_id")),
            text=as_str(message.get("text")),
            date=as_datetime(message.get("date")),
            has_file=yes_no(message.get("file", False)),
        )
    lines = as_mapping(item.get("lines"))
    return RecentChat(
        dialog_id=as_str(item.get("id")),
        chat_id=chat_id,
        title=as_str(item.get("title")),
        chat_entity_type=as_str(chat.get("entity_type")),
        chat_entity_id=as_str(chat.get("entity_id")),
        crm=parse_crm_bindings(as_str(chat.get("entity_data_2"))),
        session_id=as_id(lines.get("id")) or session_id_of(as_str(chat.get("entity_data_1"))),
        counter=as_int(item.get("counter")),
        last_read_id=as_int(item.get("last_id")),
        date_update=as_datetime(item.get("date_update")),
        last_message=last,
    )


def parse_recent(raw: Any) -> tuple[RecentChat, ...]:
    if not isinstance(raw, list | Mapping):
        raise ProtocolError(f"im.recent.get: the result is not a list ({type(raw).__name__})")
    return tuple(_recent_chat(item) for item in as_list(raw))


def recent_command(
    *,
    only_openlines: bool = False,
    skip_openlines: bool = False,
    skip_chat: bool = False,
    skip_dialog: bool = False,
    since: datetime | None = None,
) -> Command[tuple[RecentChat, ...]]:
    """The caller's recent chats, newest change first; `since` asks only for those changed
    since then (LAST_SYNC_DATE: the portal looks back at most 7 days)."""
    flags = {
        "ONLY_OPENLINES": only_openlines,
        "SKIP_OPENLINES": skip_openlines,
        "SKIP_CHAT": skip_chat,
        "SKIP_DIALOG": skip_dialog,
    }
    params: dict[str, Any] = {name: "Y" for name, on in flags.items() if on}
    if since is not None:
        if since.tzinfo is None:
            raise ValueError("since must carry its UTC offset")
        params["LAST_SYNC_DATE"] = since.isoformat(timespec="seconds")
    return Command("im.recent.get", params, parse_recent)


async def recent_openlines(
    client: B24Client, since: datetime | None = None
) -> tuple[RecentChat, ...]:
    """The caller's Open Lines chats, those changed since `since` when given."""
    return await client.run(recent_command(only_openlines=True, since=since))


# ---- counters ----


def _per_id(raw: Any) -> Mapping[int, int]:
    counts = {as_int(k, -1): as_int(v) for k, v in as_mapping(raw).items()}
    return MappingProxyType({k: v for k, v in counts.items() if k > 0})


def parse_counters(raw: Any) -> Counters:
    data = _object(raw, "im.counters.get")
    totals = as_mapping(data.get("TYPE"))
    return Counters(
        total=as_int(totals.get("ALL")),
        notify=as_int(totals.get("NOTIFY")),
        chat=as_int(totals.get("CHAT")),
        lines=as_int(totals.get("LINES")),
        dialog=as_int(totals.get("DIALOG")),
        messenger=as_int(totals.get("MESSENGER")),
        chats=_per_id(data.get("CHAT")),
        lines_chats=_per_id(data.get("LINES")),
        dialogs=_per_id(data.get("DIALOG")),
    )


def counters_command() -> Command[Counters]:
    return Command("im.counters.get", {}, parse_counters)


async def counters(client: B24Client) -> Counters:
    return await client.run(counters_command())


# ---- one batch per poll tick ----

EVENTS, RECENT, COUNTERS = "events", "recent", "counters"


@dataclass(frozen=True, slots=True)
class TickResult:
    """A poll tick's outcome; a part that failed is None and its error is in `batch`."""

    events: EventPage | None
    recent: tuple[RecentChat, ...] | None
    counters: Counters | None
    batch: BatchResult


def tick_commands(
    offset: int | None,
    *,
    limit: int = DEFAULT_EVENTS,
    recent_since: datetime | None = None,
    with_recent: bool = False,
    with_counters: bool = True,
    extra: Mapping[str, CommandLike] | None = None,
) -> dict[str, CommandLike]:
    """The named commands of one tick: events first, then the reads asked for, then
    `extra` (the caller's own reads, e.g. dialog_messages_command of the open chat)."""
    commands: dict[str, CommandLike] = {EVENTS: events_command(offset, limit)}
    if with_recent or recent_since is not None:
        commands[RECENT] = recent_command(only_openlines=True, since=recent_since)
    if with_counters:
        commands[COUNTERS] = counters_command()
    for name in extra or {}:
        if name in commands:
            raise ValueError(f"command name {name!r} is taken by the tick")
    return {**commands, **(extra or {})}


def _value_or_none(result: BatchResult, name: str) -> Any:
    if name not in result.commands or name in result.errors:
        return None
    return result.value(name)


async def tick(
    client: B24Client,
    offset: int | None,
    *,
    limit: int = DEFAULT_EVENTS,
    recent_since: datetime | None = None,
    with_recent: bool = False,
    with_counters: bool = True,
    extra: Mapping[str, CommandLike] | None = None,
) -> TickResult:
    """Run a tick's commands as one batch request (never halting: one failing read does
    not stop the others). Unreadable parts raise ProtocolError; per-command API errors
    leave that part None (see `batch.errors`, `batch.value(name)` for `extra`)."""
    commands = tick_commands(
        offset,
        limit=limit,
        recent_since=recent_since,
        with_recent=with_recent,
        with_counters=with_counters,
        extra=extra,
    )
    result = await client.batch(commands)
    return TickResult(
        events=_value_or_none(result, EVENTS),
        recent=_value_or_none(result, RECENT),
        counters=_value_or_none(result, COUNTERS),
        batch=result,
    )
