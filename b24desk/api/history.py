"""Open Lines session history, and the chat metadata it shares with dialogs (CRM bindings
from entity_data_2, the session ID from entity_data_1).
"""

from __future__ import annotations

from types import MappingProxyType
from typing import TYPE_CHECKING, Any

from .batch import Command
from .parse import as_datetime, as_id, as_int, as_mapping, as_str, int_tuple, yes_no
from .query import IdOrRef
from .types import ChatInfo, CrmBindings, CrmEntityType, FileRef, History, Message
from .users import parse_chat_user

if TYPE_CHECKING:
    from .client import B24Client

# ---- CRM bindings in chat metadata ----


def parse_crm_bindings(entity_data_2: str) -> CrmBindings:
    """ "LEAD|1205|COMPANY|0|CONTACT|0|DEAL|0" -> CrmBindings(lead=1205); 0 = not bound."""
    parts = as_str(entity_data_2).split("|")
    found: dict[str, int] = {}
    for type_text, id_text in zip(parts[::2], parts[1::2], strict=False):
        entity_type = CrmEntityType.from_text(type_text)
        entity_id = as_id(id_text)
        if entity_type is not None and entity_id is not None:
            found[entity_type.value] = entity_id
    return CrmBindings(**found)


def session_id_of(entity_data_1: str) -> int | None:
    """Field 6 of entity_data_1 ("Y|LEAD|1205|N|N|321|...") is the session ID."""
    parts = as_str(entity_data_1).split("|")
    return as_id(parts[5]) if len(parts) > 5 else None


def pinned_of(entity_data_1: str) -> bool:
    """Field 4 of entity_data_1 ("Y|LEAD|1205|Y|N|321|...") is Y while the session is
    pinned (Bitrix24's PAUSE field; the reference calls it service data)."""
    parts = as_str(entity_data_1).split("|")
    return len(parts) > 3 and parts[3] == "Y"


# ---- session history ----


def parse_file(raw: Any) -> FileRef:
    data = as_mapping(raw)
    return FileRef(
        id=as_int(data.get("id")),
        name=as_str(data.get("name")),
        type=as_str(data.get("type")),
        extension=as_str(data.get("extension")),
        size=as_int(data.get("size")),
        author_id=as_int(data.get("authorid")),
        date=as_datetime(data.get("date")),
        url_show=as_str(data.get("urlshow")),
        url_download=as_str(data.get("urldownload")),
    )


def _parse_message(raw: Any) -> Message:
    data = as_mapping(raw)
    # `params` is PHP's [] when a message has none.
    params = as_mapping(data.get("params"))
    return Message(
        id=as_int(data.get("id")),
        chat_id=as_int(data.get("chatid")),
        sender_id=as_int(data.get("senderid")),
        date=as_datetime(data.get("date")),
        text=as_str(data.get("text")),
        file_ids=int_tuple(params.get("fileId")),
    )


def _parse_chat_info(raw: Any) -> ChatInfo:
    data = as_mapping(raw)
    return ChatInfo(
        id=as_int(data.get("id")),
        name=as_str(data.get("name")),
        owner_id=as_int(data.get("owner")),
        user_code=as_str(data.get("entityId")),
        crm=parse_crm_bindings(as_str(data.get("entityData2"))),
        session_id=session_id_of(as_str(data.get("entityData1"))),
        message_count=as_int(data.get("messageCount")),
        date_create=as_datetime(data.get("dateCreate")),
        pinned=pinned_of(as_str(data.get("entityData1"))),
    )


def parse_history(raw: Any) -> History:
    """imopenlines.session.history.get; `message`, `users`, `files`, `userInChat` may each
    be PHP's [] instead of an object."""
    data = as_mapping(raw)
    chat_id = as_int(data.get("chatId"))
    messages = sorted(
        (_parse_message(m) for m in as_mapping(data.get("message")).values()),
        key=lambda m: m.id,
    )
    users = {u.id: u for u in map(parse_chat_user, as_mapping(data.get("users")).values())}
    files = {f.id: f for f in map(parse_file, as_mapping(data.get("files")).values())}
    chats = as_mapping(data.get("chat"))
    chat_raw = chats.get(str(chat_id))
    return History(
        chat_id=chat_id,
        session_id=as_id(data.get("sessionId")),
        messages=tuple(messages),
        users=MappingProxyType(users),
        files=MappingProxyType(files),
        participants=int_tuple(as_mapping(data.get("userInChat")).get(str(chat_id))),
        chat=_parse_chat_info(chat_raw) if chat_raw is not None else None,
        head_rating=as_id(data.get("sessionVoteHead")),
        head_comment=as_str(data.get("sessionCommentHead")) or None,
        can_rate=yes_no(data.get("canVoteHead")),
        can_join=yes_no(data.get("canJoin")),
    )


def history_command(
    *, chat_id: IdOrRef | None = None, session_id: IdOrRef | None = None
) -> Command[History]:
    """One session's history: SESSION_ID when given (it wins), else the chat's last session."""
    params: dict[str, Any] = {}
    if session_id is not None:
        params["SESSION_ID"] = session_id
    if chat_id is not None:
        params["CHAT_ID"] = chat_id
    if not params:
        raise ValueError("history needs chat_id or session_id")
    return Command("imopenlines.session.history.get", params, parse_history)


async def history(
    client: B24Client, *, chat_id: int | None = None, session_id: int | None = None
) -> History:
    return await client.run(history_command(chat_id=chat_id, session_id=session_id))
