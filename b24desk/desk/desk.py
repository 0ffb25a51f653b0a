"""The supervisor's use-cases over one portal connection; the window calls these, nothing else.

Each use-case is a few REST calls at most: opening an entity fills the whole chat pane
in one batch request, chained through `$result[...]` references.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any

from b24desk.api import crm, listing, openlines, users
from b24desk.api.batch import Command
from b24desk.api.client import B24Client
from b24desk.api.errors import ApiError, ChatPostDeniedError, OutcomeUnknownError
from b24desk.api.types import (
    ChatRef,
    CrmEntityType,
    CrmRef,
    Entity,
    History,
    Page,
    ParticipantChange,
    User,
)

from .outbox import Outbox, OutboxItem, OutboxState

log = logging.getLogger(__name__)


class SupersededError(Exception):
    """A newer request for the pane was made; this result must not be shown."""


class NotInChatError(Exception):
    """The connected user is not a participant, and the portal refuses senders who aren't."""

    user_message = "You are not in this chat yet. Join it to write."


@dataclass(frozen=True)
class Pane:
    """Everything the chat pane shows for one entity."""

    entity: CrmRef
    chats: tuple[ChatRef, ...]
    last_chat_id: int | None
    chat_id: int | None  # the chat on show: the one asked for, else the last one
    history: History | None
    participants: tuple[User, ...]
    me: User
    errors: Mapping[str, ApiError] = field(default_factory=dict)

    @property
    def i_am_participant(self) -> bool:
        return any(user.id == self.me.id for user in self.participants)

    @property
    def operator_id(self) -> int | None:
        """The session's current operator: the owner of an Open Lines chat."""
        return self.history.chat.owner_id if self.history and self.history.chat else None

    def lead_blocker(self) -> str | None:
        """Why "Create lead" cannot act here, or None when it can."""
        if self.chat_id is None:
            return "There is no chat to create a lead from."
        if self.operator_id is not None and self.operator_id != self.me.id:
            return "Only the chat's current operator can create a lead."
        return None


_LAST = "$result[last]"


class Desk:
    """Use-cases for one connected portal (one profile)."""

    def __init__(self, client: B24Client, outbox: Outbox, profile: str, me: User) -> None:
        self.client = client
        self.outbox = outbox
        self.profile = profile
        self.me = me
        self._pane_generation = 0

    @classmethod
    async def connect(cls, client: B24Client, outbox: Outbox, profile: str) -> Desk:
        return cls(client, outbox, profile, await users.current_user(client))

    # ---- the pane ----

    async def open_entity(
        self, entity: CrmRef, *, active_only: bool = True, chat_id: int | None = None
    ) -> Pane:
        """Chats, last chat, and the shown chat's history and participants: one request.

        Raises SupersededError if another pane was asked for while this one was on its way.
        """
        self._pane_generation += 1
        generation = self._pane_generation
        target: int | str = chat_id if chat_id is not None else _LAST
        commands: dict[str, Command[Any]] = {
            "chats": openlines.chats_command(entity.type, entity.id, active_only=active_only),
            "last": openlines.last_chat_id_command(entity.type, entity.id),
            "history": openlines.history_command(chat_id=target),
            "members": openlines.participants_command(target),
            # A whole-value reference takes the array: FILTER[ID] becomes an IN filter.
            "names": Command("user.get", {"FILTER": {"ID": "$result[members]"}}, users.parse_users),
        }
        result = await self.client.batch(commands)
        if generation != self._pane_generation:
            raise SupersededError
        last = result.value("last")
        shown = chat_id if chat_id is not None else last
        history: History | None = None
        member_ids: tuple[int, ...] = ()
        named: dict[int, User] = {}
        if shown is not None:
            history = result.value("history")
            member_ids = result.value("members")
            named = {u.id: u for u in _value_or(result, "names", ())}
            named = {**dict(history.users), **named}
        participants = tuple(named.get(i) or _unknown_user(i) for i in member_ids)
        return Pane(
            entity=entity,
            chats=result.value("chats"),
            last_chat_id=last,
            chat_id=shown,
            history=history,
            participants=participants,
            me=self.me,
            errors=dict(result.errors),
        )

    # ---- participants ----

    async def add_participant(self, pane: Pane, user_id: int) -> ParticipantChange:
        return await openlines.add_participant(
            self.client, pane.entity.type, pane.entity.id, user_id, chat_id=pane.chat_id
        )

    async def remove_participant(self, pane: Pane, user_id: int) -> ParticipantChange:
        return await openlines.remove_participant(
            self.client, pane.entity.type, pane.entity.id, user_id, chat_id=pane.chat_id
        )

    async def join(self, pane: Pane) -> ParticipantChange:
        return await self.add_participant(pane, self.me.id)

    # ---- messages ----

    async def send_message(self, pane: Pane, text: str) -> int:
        """Send as the connected user; the text sits in the outbox until confirmed.

        NotInChatError when the user must join first; OutcomeUnknownError (the item stays in the
        outbox) when the answer was lost: call `check_unknown` before sending again.
        """
        if pane.chat_id is None:
            raise ValueError("no chat to write to")
        if not pane.i_am_participant:
            raise NotInChatError
        item = self.outbox.add(self.profile, pane.entity, pane.chat_id, text)
        return await self._deliver(item)

    async def _deliver(self, item: OutboxItem) -> int:
        try:
            message_id = await openlines.send_message(
                self.client, item.entity.type, item.entity.id, item.chat_id, self.me.id, item.text
            )
        except (OutcomeUnknownError, asyncio.CancelledError):
            # Lost answer, or the app closed mid-send: it may have been posted.
            self.outbox.mark(item, OutboxState.UNKNOWN)
            raise
        except ChatPostDeniedError as error:
            self.outbox.remove(item)  # refused: nothing was posted; the composer keeps the text
            raise NotInChatError from error
        except BaseException:
            self.outbox.remove(item)
            raise
        self.outbox.remove(item)
        return message_id

    async def check_unknown(self, item: OutboxItem) -> bool:
        """Was a message whose answer was lost posted after all? Looks in the chat's history.

        True: it is there, and the outbox forgets it. False: it is not; the user may resend.
        """
        history = await openlines.history(self.client, chat_id=item.chat_id)
        since = item.created - timedelta(minutes=1)
        for message in history.messages:
            if (
                message.sender_id == self.me.id
                and message.text == item.text
                and (message.date is None or message.date >= since)
            ):
                self.outbox.remove(item)
                return True
        return False

    async def resend(self, item: OutboxItem) -> int:
        """Send an outbox item again: only after `check_unknown` said it is not in the chat."""
        current = self.outbox.get(item.id)
        if current is None:
            raise ValueError("that message is no longer in the outbox")
        return await self._deliver(self.outbox.mark(current, OutboxState.SENDING))

    def unsent(self) -> list[OutboxItem]:
        return self.outbox.items(self.profile)

    def discard(self, item: OutboxItem) -> None:
        self.outbox.remove(item)

    # ---- leads ----

    async def create_lead(self, pane: Pane) -> int | None:
        """Create a lead from the shown chat; its ID, read back from the chat's CRM binding."""
        if pane.chat_id is None:
            raise ValueError("no chat")
        return await openlines.create_lead(self.client, pane.chat_id)

    # ---- entities and users ----

    async def entity_page(
        self,
        entity_type: CrmEntityType,
        start: int,
        order: list[tuple[str, bool]],
        search: str = "",
    ) -> Page[Entity]:
        """One page for the browser: a plain list page, or every search hit at once."""
        if search.strip():
            found = await crm.search(self.client, entity_type, search)
            return Page(found, len(found), None)
        ordering = {name: "DESC" if descending else "ASC" for name, descending in order}
        return await crm.list_page(self.client, entity_type, order=ordering or None, start=start)

    async def get_entity(self, entity: CrmRef) -> Entity:
        return await crm.get_entity(self.client, entity.type, entity.id)

    async def employee_names(self) -> dict[int, str]:
        """Every employee's name, fired ones included (they still own CRM rows)."""
        names: dict[int, str] = {}
        async for row in listing.iter_rows(self.client, "user.get", {}):
            user = users.parse_user(row)
            names[user.id] = user.full_name
        return names

    async def search_users(self, text: str) -> list[User]:
        if not text.strip():
            return []
        return list(await users.search_users(self.client, text))


def _value_or(result: Any, name: str, default: Any) -> Any:
    try:
        return result.value(name)
    except ApiError:
        return default


def _unknown_user(user_id: int) -> User:
    return User(id=user_id, name="", last_name="", full_name=f"#{user_id}")
