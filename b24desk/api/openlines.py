"""Open Lines chats bound to CRM objects: chats, participants, messages, leads, dialogs.

For each call: a `*_command` builder (usable inside a batch, where an ID may be a
`$result[...]` reference), a `parse_*` function for its raw result, and an async function
running it alone.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from .batch import Command
from .errors import ApiError, B24Error, ProtocolError

# The session history moved to api/history.py; these names stay reachable from here.
from .history import history as history
from .history import history_command as history_command
from .history import parse_crm_bindings as parse_crm_bindings
from .history import parse_history as parse_history
from .history import session_id_of as session_id_of
from .parse import as_datetime, as_id, as_int, as_list, as_mapping, as_str, int_tuple
from .query import IdOrRef
from .types import (
    ChatRef,
    CrmEntityType,
    Dialog,
    ParticipantChange,
    ParticipantOutcome,
)

if TYPE_CHECKING:
    from .client import B24Client

NO_CHAT_CODE = "CRM_CHAT_EMPTY_CRM_DATA"


def _entity(entity_type: CrmEntityType, entity_id: IdOrRef) -> dict[str, Any]:
    # These methods want the lower-case type name, not entityTypeId.
    return {"CRM_ENTITY_TYPE": entity_type.value, "CRM_ENTITY": entity_id}


# ---- chats of a CRM object ----


def parse_chats(raw: Any) -> tuple[ChatRef, ...]:
    return tuple(
        ChatRef(
            id=as_int(item.get("CHAT_ID")),
            connector_id=as_str(item.get("CONNECTOR_ID")),
            connector_title=as_str(item.get("CONNECTOR_TITLE")),
        )
        for item in map(as_mapping, as_list(raw))
    )


def chats_command(
    entity_type: CrmEntityType, entity_id: IdOrRef, *, active_only: bool = True
) -> Command[tuple[ChatRef, ...]]:
    params = {**_entity(entity_type, entity_id), "ACTIVE_ONLY": "Y" if active_only else "N"}
    return Command("imopenlines.crm.chat.get", params, parse_chats)


async def chats(
    client: B24Client, entity_type: CrmEntityType, entity_id: int, *, active_only: bool = True
) -> tuple[ChatRef, ...]:
    return await client.run(chats_command(entity_type, entity_id, active_only=active_only))


def is_no_chat(error: B24Error | None) -> bool:
    """getLastId's way of saying the object has no chat (it is an error there, not 0)."""
    return isinstance(error, ApiError) and error.code == NO_CHAT_CODE


def _none_if_no_chat(error: ApiError) -> int | None:
    if is_no_chat(error):
        return None
    raise error


def parse_last_chat_id(raw: Any) -> int | None:
    return as_id(raw)


def last_chat_id_command(entity_type: CrmEntityType, entity_id: IdOrRef) -> Command[int | None]:
    """The object's last chat; None when it has none (CRM_CHAT_EMPTY_CRM_DATA)."""
    return Command(
        "imopenlines.crm.chat.getLastId",
        _entity(entity_type, entity_id),
        parse_last_chat_id,
        _none_if_no_chat,
    )


async def last_chat_id(client: B24Client, entity_type: CrmEntityType, entity_id: int) -> int | None:
    return await client.run(last_chat_id_command(entity_type, entity_id))


# ---- participants ----


def parse_participant_change(raw: Any) -> ParticipantChange:
    """The chat ID changed; 0 means the object has no chat, which is not a success."""
    chat_id = as_id(raw)
    if chat_id is None:
        return ParticipantChange(ParticipantOutcome.NO_CHAT, None)
    return ParticipantChange(ParticipantOutcome.CHANGED, chat_id)


def _participant_params(
    entity_type: CrmEntityType, entity_id: IdOrRef, user_id: IdOrRef, chat_id: IdOrRef | None
) -> dict[str, Any]:
    params = {**_entity(entity_type, entity_id), "USER_ID": user_id}
    if chat_id is not None:
        params["CHAT_ID"] = chat_id
    return params


def add_participant_command(
    entity_type: CrmEntityType,
    entity_id: IdOrRef,
    user_id: IdOrRef,
    *,
    chat_id: IdOrRef | None = None,
) -> Command[ParticipantChange]:
    """Add a user (or bot) to the chat, by default the object's last chat."""
    params = _participant_params(entity_type, entity_id, user_id, chat_id)
    return Command("imopenlines.crm.chat.user.add", params, parse_participant_change)


def remove_participant_command(
    entity_type: CrmEntityType,
    entity_id: IdOrRef,
    user_id: IdOrRef,
    *,
    chat_id: IdOrRef | None = None,
) -> Command[ParticipantChange]:
    params = _participant_params(entity_type, entity_id, user_id, chat_id)
    return Command("imopenlines.crm.chat.user.delete", params, parse_participant_change)


async def add_participant(
    client: B24Client,
    entity_type: CrmEntityType,
    entity_id: int,
    user_id: int,
    *,
    chat_id: int | None = None,
) -> ParticipantChange:
    command = add_participant_command(entity_type, entity_id, user_id, chat_id=chat_id)
    return await client.run(command)


async def remove_participant(
    client: B24Client,
    entity_type: CrmEntityType,
    entity_id: int,
    user_id: int,
    *,
    chat_id: int | None = None,
) -> ParticipantChange:
    command = remove_participant_command(entity_type, entity_id, user_id, chat_id=chat_id)
    return await client.run(command)


def parse_participants(raw: Any) -> tuple[int, ...]:
    """User IDs in the chat; an empty list also means "you may not see them"."""
    return int_tuple(raw)


def participants_command(chat_id: IdOrRef) -> Command[tuple[int, ...]]:
    return Command("im.chat.user.list", {"CHAT_ID": chat_id}, parse_participants)


async def participants(client: B24Client, chat_id: int) -> tuple[int, ...]:
    return await client.run(participants_command(chat_id))


# ---- messages and leads ----


def parse_message_id(raw: Any) -> int:
    """The new message's ID; anything else means the answer cannot be read."""
    message_id = as_id(raw)
    if message_id is None:
        raise ProtocolError(f"no message ID in the answer ({type(raw).__name__})")
    return message_id


def send_message_command(
    entity_type: CrmEntityType,
    entity_id: IdOrRef,
    chat_id: IdOrRef,
    user_id: IdOrRef,
    text: str,
) -> Command[int]:
    """Post `text` as `user_id`, who must already be a participant; gives the message ID."""
    params = {
        **_entity(entity_type, entity_id),
        "CHAT_ID": chat_id,
        "USER_ID": user_id,
        "MESSAGE": text,
    }
    return Command("imopenlines.crm.message.add", params, parse_message_id)


async def send_message(
    client: B24Client,
    entity_type: CrmEntityType,
    entity_id: int,
    chat_id: int,
    user_id: int,
    text: str,
) -> int:
    return await client.run(send_message_command(entity_type, entity_id, chat_id, user_id, text))


def create_lead_command(chat_id: IdOrRef) -> Command[bool]:
    """Create a lead from the dialogue; the answer is only `true`, never the lead's ID."""
    return Command("imopenlines.crm.lead.create", {"CHAT_ID": chat_id}, bool)


async def create_lead(client: B24Client, chat_id: int) -> int | None:
    """Create a lead from the dialogue and return its ID, read back from the dialogue's
    CRM bindings in the same request (None if the portal bound none)."""
    result = await client.batch(
        {"create": create_lead_command(chat_id), "dialog": dialog_command(chat_id=chat_id)},
        halt=True,
    )
    if not result.value("create"):
        return None
    dialog_after: Dialog = result.value("dialog")
    return dialog_after.crm.lead


# ---- dialog ----


def parse_dialog(raw: Any) -> Dialog:
    data = as_mapping(raw)
    chat_id = as_int(data.get("id"))
    return Dialog(
        id=chat_id,
        dialog_id=as_str(data.get("dialog_id")) or f"chat{chat_id}",
        name=as_str(data.get("name")),
        owner_id=as_int(data.get("owner")),
        user_code=as_str(data.get("entity_id")),
        crm=parse_crm_bindings(as_str(data.get("entity_data_2"))),
        session_id=session_id_of(as_str(data.get("entity_data_1"))),
        message_count=as_int(data.get("message_count")),
        last_message_id=as_int(data.get("last_message_id")),
        date_create=as_datetime(data.get("date_create")),
    )


def dialog_command(
    *,
    chat_id: IdOrRef | None = None,
    dialog_id: str | None = None,
    session_id: IdOrRef | None = None,
    user_code: str | None = None,
) -> Command[Dialog]:
    """Give exactly one of chat_id, dialog_id ("chat123"), session_id or user_code."""
    given: Mapping[str, Any] = {
        "CHAT_ID": chat_id,
        "DIALOG_ID": dialog_id,
        "SESSION_ID": session_id,
        "USER_CODE": user_code,
    }
    params = {k: v for k, v in given.items() if v is not None}
    if len(params) != 1:
        raise ValueError("dialog needs exactly one of chat_id, dialog_id, session_id, user_code")
    return Command("imopenlines.dialog.get", params, parse_dialog)


async def dialog(
    client: B24Client,
    *,
    chat_id: int | None = None,
    dialog_id: str | None = None,
    session_id: int | None = None,
    user_code: str | None = None,
) -> Dialog:
    command = dialog_command(
        chat_id=chat_id, dialog_id=dialog_id, session_id=session_id, user_code=user_code
    )
    return await client.run(command)
