"""The supervisor's hands on a dialogue's session: take over, transfer, finish, pin and rate.

Each action takes the `ChatTarget` captured when the supervisor acted. They are writes and
are never sent twice: when Bitrix24's answer is lost the dialogue is read again, and the
action either reports what the dialogue shows (`Outcome.SEEN`) or raises `NotAppliedError`.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from enum import Enum
from typing import TYPE_CHECKING

from b24desk.api import openlines, session_actions
from b24desk.api.coded_errors import EmptyRatingError
from b24desk.api.errors import B24Error, OutcomeUnknownError
from b24desk.api.types import History, OpenLine, QueueOperator, User
from b24desk.translatable import QT_TRANSLATE_NOOP

from .outbox import ChatTarget

if TYPE_CHECKING:
    from b24desk.api.client import B24Client

log = logging.getLogger(__name__)

CreateLead = Callable[..., Awaitable[int | None]]  # Desk.create_lead(target, second_lead=...)
Check = Callable[[], Awaitable[bool]]


class Outcome(Enum):
    DONE = "done"  # Bitrix24 confirmed it
    SEEN = "seen"  # its answer was lost, but the dialogue read again shows it done


class NotAppliedError(OutcomeUnknownError):
    """The answer was lost and the dialogue, read again, does not show the change (yet)."""

    user_message = QT_TRANSLATE_NOOP(
        "errors",
        "Bitrix24's answer was lost and the dialogue does not show the change. Look at the "
        "dialogue before trying again.",
    )


@dataclass(frozen=True, slots=True)
class TransferTarget:
    """Where a dialogue goes: an employee (`user_id`) or an open line's queue (`line_id`)."""

    name: str
    user_id: int | None = None
    line_id: int | None = None


@dataclass(frozen=True, slots=True)
class TransferChoices:
    """What a dialogue can be transferred to: its own line's operators and the lines' queues."""

    line: OpenLine | None  # the chat's own line, when it is known
    operators: tuple[QueueOperator, ...]  # that line's queue without the current operator
    lines: tuple[OpenLine, ...]  # active lines with someone in their queue


class Supervision:
    """Session actions over one connection, as the connected user (`me`)."""

    def __init__(self, client: B24Client, me: User, create_lead: CreateLead) -> None:
        self.client = client
        self.me = me
        self._create_lead = create_lead

    # ---- the actions ----

    async def take_over(self, target: ChatTarget) -> Outcome:
        """Become the dialogue's operator (HandOverRefusedError when closed or already ours)."""
        return await self._write(
            session_actions.intercept_session(self.client, target.chat_id),
            lambda: self._operator_is(target, {self.me.id}),
        )

    async def take_over_and_create_lead(
        self, target: ChatTarget, *, second_lead: bool = False
    ) -> int | None:
        """Take the dialogue over, then create a lead from it: only its operator may."""
        await self.take_over(target)
        return await self._create_lead(target, second_lead=second_lead)

    async def transfer(
        self, target: ChatTarget, to: TransferTarget, *, operator_id: int | None = None
    ) -> Outcome:
        """Hand the dialogue to an employee or a line's queue; `operator_id` is who had it
        when the supervisor acted (a lost answer is settled by the operator changing)."""
        if to.user_id is not None:
            sent = session_actions.transfer_to_user(self.client, target.chat_id, to.user_id)
            return await self._write(sent, lambda: self._operator_is(target, {to.user_id or 0}))
        if to.line_id is None:
            raise ValueError("a transfer needs an employee or a line")
        sent = session_actions.transfer_to_line(self.client, target.chat_id, to.line_id)
        return await self._write(sent, lambda: self._moved_on(target, operator_id))

    async def finish(self, target: ChatTarget) -> Outcome:
        """Close the dialogue's open session, whoever operates it."""
        return await self._write(
            session_actions.finish_session(self.client, target.chat_id),
            lambda: self._closed(target),
        )

    async def pin(self, target: ChatTarget, *, pinned: bool = True) -> Outcome:
        """Pin the dialogue to its operator, or unpin it."""
        return await self._write(
            session_actions.pin_session(self.client, target.chat_id, pinned=pinned),
            lambda: self._pinned_is(target, pinned),
        )

    async def rate(
        self, target: ChatTarget, session_id: int, rating: int | None, comment: str = ""
    ) -> Outcome:
        """Record the supervisor's rating (1-5) and/or comment on session `session_id`."""
        if rating is not None and not 1 <= rating <= 5:
            raise ValueError("rating must be from 1 to 5")
        comment = comment.strip()
        if rating is None and not comment:
            raise EmptyRatingError("no rating and no comment")
        sent = session_actions.rate_session(
            self.client, session_id, rating=rating, comment=comment or None
        )
        return await self._write(sent, lambda: self._rated(session_id, rating, comment))

    async def transfer_choices(
        self, line_id: int | None, operator_id: int | None
    ) -> TransferChoices:
        """The operators of line `line_id` (but `operator_id`) and the lines' queues."""
        lines = await session_actions.open_lines(self.client, active_only=True)
        own = next((line for line in lines if line.id == line_id), None)
        operators = tuple(o for o in own.queue if o.user_id != operator_id) if own else ()
        return TransferChoices(own, operators, tuple(line for line in lines if line.queue))

    # ---- a lost answer: read the dialogue again ----

    async def _write(self, sent: Awaitable[None], done: Check) -> Outcome:
        try:
            await sent
        except OutcomeUnknownError as lost:
            try:
                applied = await done()
            except B24Error as error:
                log.info("could not re-read the dialogue: %s", type(error).__name__)
                raise lost from None  # still unknown: its message says to look first
            if not applied:
                raise NotAppliedError(lost.description, method=lost.method) from None
            return Outcome.SEEN
        return Outcome.DONE

    async def _history(self, target: ChatTarget) -> History:
        return await openlines.history(self.client, chat_id=target.chat_id)

    async def _operator_is(self, target: ChatTarget, operators: set[int]) -> bool:
        history = await self._history(target)
        return history.chat is not None and history.chat.owner_id in operators

    async def _moved_on(self, target: ChatTarget, operator_id: int | None) -> bool:
        """A queue picks the operator: the dialogue left the one who had it."""
        history = await self._history(target)
        owner = history.chat.owner_id if history.chat else None
        return owner is not None and owner != operator_id

    async def _closed(self, target: ChatTarget) -> bool:
        entity = target.entity
        still_open = await openlines.chats(self.client, entity.type, entity.id, active_only=True)
        return all(chat.id != target.chat_id for chat in still_open)

    async def _pinned_is(self, target: ChatTarget, pinned: bool) -> bool:
        history = await self._history(target)
        return history.chat is not None and history.chat.pinned == pinned

    async def _rated(self, session_id: int, rating: int | None, comment: str) -> bool:
        history = await openlines.history(self.client, session_id=session_id)
        return (rating is None or history.head_rating == rating) and (
            not comment or history.head_comment == comment
        )
