"""Participants in bulk: add, remove or join across the chats of many entities, with Undo.

A run finds each entity's chats (its last one, or all its active ones), then writes in
batches of at most 50 commands, each explicitly naming its chat. It reports after every
batch, stops between batches when cancelled, and keeps a result per entity and chat; Undo
reverses exactly the changes it made and nothing else.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from enum import Enum
from typing import TYPE_CHECKING, Any

from b24desk.api import openlines, session_actions
from b24desk.api.batch import MAX_COMMANDS, BatchResult, Command
from b24desk.api.coded_errors import AccessDeniedError, ParticipantConflictError
from b24desk.api.errors import B24Error, OutcomeUnknownError
from b24desk.api.types import ChatRef, CrmRef
from b24desk.translatable import QT_TRANSLATE_NOOP

if TYPE_CHECKING:
    from b24desk.api.client import B24Client


class BulkAction(Enum):
    ADD = "add"  # add an employee to the chats
    REMOVE = "remove"  # remove an employee from them
    JOIN = "join"  # join them as the connected user (imopenlines.session.join)


class ChatChoice(Enum):
    LAST = "last"  # each entity's last chat
    ACTIVE = "active"  # every active chat of each entity


class Outcome(Enum):
    DONE = "done"  # added, removed or joined
    ALREADY = "already"  # already there (or, removing, already not there)
    NO_CHAT = "no chat"  # the entity has no such chat
    DENIED = "denied"  # the portal refused for lack of rights
    FAILED = "failed"  # any other refusal or failure; `reason` says which
    NOT_DONE = "not done"  # cancelled or stopped before its turn


# Reasons are source texts in the "errors" context (ui/errors.py translates them).
NOT_CONFIRMED = QT_TRANSLATE_NOOP(
    "errors", "Bitrix24 did not confirm this change; look at the chat to see whether it happened."
)
CANCELLED = QT_TRANSLATE_NOOP("errors", "Cancelled before its turn.")


@dataclass(frozen=True, slots=True)
class Change:
    """One write: `action` for `user_id` in chat `chat_id` of `entity`."""

    entity: CrmRef
    chat_id: int
    action: BulkAction
    user_id: int

    def reversed(self) -> Change:
        """The change that undoes this one (a join is undone by leaving)."""
        back = BulkAction.ADD if self.action is BulkAction.REMOVE else BulkAction.REMOVE
        return Change(self.entity, self.chat_id, back, self.user_id)


@dataclass(frozen=True, slots=True)
class ItemResult:
    """What happened for one entity in one of its chats (chat_id None: it had none)."""

    entity: CrmRef
    chat_id: int | None
    outcome: Outcome
    change: Change | None = None  # the write, when one was due
    reason: str = ""  # a user_message source text (context "errors"), or the portal's words


@dataclass(frozen=True, slots=True)
class Progress:
    """After each batch: how far the run is, and the results that just came in."""

    settled: int  # entities with every result in
    total: int
    new: tuple[ItemResult, ...]
    requests: int  # batch requests sent so far


@dataclass
class BulkReport:
    """Everything a run did; `undo_changes` are exactly the changes it made."""

    results: list[ItemResult] = field(default_factory=list)
    requests: int = 0
    cancelled: bool = False  # the supervisor stopped it
    stopped: str = ""  # why a failed request stopped it (an "errors" source text)

    def count(self, outcome: Outcome) -> int:
        return sum(1 for r in self.results if r.outcome is outcome)

    @property
    def undo_changes(self) -> list[Change]:
        return [r.change.reversed() for r in self.results if r.outcome is Outcome.DONE and r.change]


OnProgress = Callable[[Progress], None]


@dataclass(frozen=True)
class BulkRequest:
    """A supervisor's bulk order: `action` for `user_id` over the chats of `entities`."""

    action: BulkAction
    user_id: int
    entities: tuple[CrmRef, ...]
    choice: ChatChoice = ChatChoice.LAST


class BulkRun:
    """One run (forward or undo); `cancel()` stops it before its next batch."""

    def __init__(self, client: B24Client, on_progress: OnProgress | None = None) -> None:
        self._client = client
        self._on_progress = on_progress
        self._cancelled = False
        self.report = BulkReport()
        self._total = 0
        self._settled = 0

    def cancel(self) -> None:
        self._cancelled = True

    @property
    def cancelled(self) -> bool:
        return self._cancelled

    async def run(self, request: BulkRequest) -> BulkReport:
        """Resolve each entity's chats and apply the change there, 50 entities at a time."""
        entities = list(dict.fromkeys(request.entities))
        self._total = len(entities)
        for start in range(0, len(entities), MAX_COMMANDS):
            group = entities[start : start + MAX_COMMANDS]
            if self._cancelled or not await self._apply(group, request):
                # The entities after the stop: cancelled, or a request failed (`stopped`).
                first = (
                    start if self._cancelled and not self._touched(group) else start + len(group)
                )
                self._not_done([ItemResult(e, None, Outcome.NOT_DONE) for e in entities[first:]])
                break
            self._settle(len(group), ())
        return self.report

    async def undo(self, changes: Sequence[Change]) -> BulkReport:
        """Apply `changes` (a report's `undo_changes`) with the same batching and reports."""
        self._total = len({c.entity for c in changes})
        await self._write(list(changes), settle_entities=True)
        return self.report

    # ---- the steps ----

    async def _apply(self, group: Sequence[CrmRef], request: BulkRequest) -> bool:
        chats = await self._resolve(group, request.choice)
        if chats is None:
            return False
        changes = [
            Change(entity, chat_id, request.action, request.user_id)
            for entity in group
            for chat_id in chats.get(entity, ())
        ]
        if request.action is BulkAction.JOIN:
            to_join = await self._skip_members(changes)
            if to_join is None:
                return False
            changes = to_join
        return await self._write(changes)

    def _touched(self, group: Sequence[CrmRef]) -> bool:
        members = set(group)
        return any(r.entity in members for r in self.report.results)

    def _not_done(self, results: Sequence[ItemResult]) -> None:
        """Results that never got their turn: cancelled, or after a failed request."""
        if self._cancelled:
            self.report.cancelled = True
            results = [_replace(r, Outcome.NOT_DONE, CANCELLED) for r in results]
        self._record(results)

    async def _resolve(
        self, group: Sequence[CrmRef], choice: ChatChoice
    ) -> dict[CrmRef, tuple[int, ...]] | None:
        """Each entity's target chats; entities without one get their result here."""
        names = {f"e{i}": entity for i, entity in enumerate(group)}
        commands: dict[str, Command[Any]] = {
            name: (
                openlines.last_chat_id_command(e.type, e.id)
                if choice is ChatChoice.LAST
                else openlines.chats_command(e.type, e.id, active_only=True)
            )
            for name, e in names.items()
        }
        unsent = [ItemResult(e, None, Outcome.NOT_DONE) for e in group]
        result = await self._batch(commands, unsent)
        if result is None:
            return None
        found: dict[CrmRef, tuple[int, ...]] = {}
        missing: list[ItemResult] = []
        for name, entity in names.items():
            try:
                value = result.value(name)
            except B24Error as error:
                missing.append(_failure(entity, None, None, error))
                continue
            ids = _chat_ids(value)
            if ids:
                found[entity] = ids
            else:
                missing.append(ItemResult(entity, None, Outcome.NO_CHAT))
        self._record(missing)
        return found

    async def _skip_members(self, changes: list[Change]) -> list[Change] | None:
        """Joining: chats the user is already in are reported, not joined again (the
        portal's join says nothing either way, and Undo must not make them leave).
        None when the run stops here."""
        members: dict[int, tuple[int, ...]] = {}
        chat_ids = sorted({c.chat_id for c in changes})
        for part in _chunks(chat_ids):
            if self._cancelled:
                self._not_done(
                    [ItemResult(c.entity, c.chat_id, Outcome.NOT_DONE, c) for c in changes]
                )
                return None
            commands = {f"c{chat_id}": openlines.participants_command(chat_id) for chat_id in part}
            unsent = [ItemResult(c.entity, c.chat_id, Outcome.NOT_DONE, c) for c in changes]
            result = await self._batch(commands, unsent)
            if result is None:
                return None
            for chat_id in part:
                try:
                    members[chat_id] = result.value(f"c{chat_id}")
                except B24Error:
                    members[chat_id] = ()  # unknown: the join itself will tell
        there = [c for c in changes if c.user_id in members.get(c.chat_id, ())]
        self._record([ItemResult(c.entity, c.chat_id, Outcome.ALREADY, c) for c in there])
        return [c for c in changes if c not in there]

    async def _write(self, changes: list[Change], *, settle_entities: bool = False) -> bool:
        for start in range(0, len(changes), MAX_COMMANDS):
            part = changes[start : start + MAX_COMMANDS]
            if self._cancelled:
                left = changes[start:]
                self._not_done([ItemResult(c.entity, c.chat_id, Outcome.NOT_DONE, c) for c in left])
                return False
            commands = {f"w{i}": _write_command(c) for i, c in enumerate(part)}
            unsent = [ItemResult(c.entity, c.chat_id, Outcome.NOT_DONE, c) for c in part]
            result = await self._batch(commands, unsent)
            if result is None:
                left = changes[start + len(part) :]
                self._record([ItemResult(c.entity, c.chat_id, Outcome.NOT_DONE, c) for c in left])
                return False
            self._record([_write_result(c, result, f"w{i}") for i, c in enumerate(part)])
            if settle_entities:
                self._settle(len({c.entity for c in part}), ())
        return True

    # ---- batches and bookkeeping ----

    async def _batch(
        self, commands: Mapping[str, Command[Any]], unsent: Sequence[ItemResult]
    ) -> BatchResult | None:
        """One batch request; when the whole request fails, `unsent` gets the reason (an
        unknown outcome for writes) and the run stops."""
        self.report.requests += 1
        try:
            return await self._client.batch(commands)
        except B24Error as error:
            reason = NOT_CONFIRMED if isinstance(error, OutcomeUnknownError) else _reason(error)
            self._record([_replace(r, Outcome.FAILED, reason) for r in unsent])
            self.report.stopped = _reason(error)
            return None

    def _record(self, results: Iterable[ItemResult]) -> None:
        new = tuple(results)
        if new:
            self.report.results.extend(new)
            self._settle(0, new)

    def _settle(self, entities: int, new: tuple[ItemResult, ...]) -> None:
        self._settled = min(self._total, self._settled + entities)
        if self._on_progress is not None:
            self._on_progress(Progress(self._settled, self._total, new, self.report.requests))


def _chunks(items: Sequence[Any]) -> list[Sequence[Any]]:
    return [items[i : i + MAX_COMMANDS] for i in range(0, len(items), MAX_COMMANDS)]


def _chat_ids(value: int | tuple[ChatRef, ...] | None) -> tuple[int, ...]:
    if value is None:
        return ()
    if isinstance(value, int):
        return (value,)
    return tuple(chat.id for chat in value)


def _write_command(change: Change) -> Command[Any]:
    entity = change.entity
    if change.action is BulkAction.JOIN:
        return session_actions.join_session_command(change.chat_id)
    build = (
        openlines.add_participant_command
        if change.action is BulkAction.ADD
        else openlines.remove_participant_command
    )
    return build(entity.type, entity.id, change.user_id, chat_id=change.chat_id)


def _write_result(change: Change, result: BatchResult, name: str) -> ItemResult:
    try:
        result.value(name)
    except ParticipantConflictError:
        # WRONG_REQUEST: already a member (adding) or already not one (removing).
        return ItemResult(change.entity, change.chat_id, Outcome.ALREADY, change)
    except B24Error as error:
        return _failure(change.entity, change.chat_id, change, error)
    return ItemResult(change.entity, change.chat_id, Outcome.DONE, change)


def _failure(
    entity: CrmRef, chat_id: int | None, change: Change | None, error: B24Error
) -> ItemResult:
    if isinstance(error, OutcomeUnknownError):
        return ItemResult(entity, chat_id, Outcome.FAILED, change, NOT_CONFIRMED)
    outcome = Outcome.DENIED if isinstance(error, AccessDeniedError) else Outcome.FAILED
    return ItemResult(entity, chat_id, outcome, change, _reason(error))


def _reason(error: B24Error) -> str:
    return getattr(error, "user_message", "") or error.description or type(error).__name__


def _replace(result: ItemResult, outcome: Outcome, reason: str) -> ItemResult:
    return ItemResult(result.entity, result.chat_id, outcome, result.change, reason)
