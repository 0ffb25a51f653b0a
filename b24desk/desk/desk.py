"""The supervisor's use-cases over one portal connection; the window calls these, nothing else.

Opening an entity fills the whole chat pane in one batch request, chained through
`$result[...]` references. Every write takes its target chat as a `ChatTarget` captured when
the user acted, so nothing the user does while it is on its way can redirect it.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

from b24desk.api import openlines, users
from b24desk.api.batch import BatchResult, Command
from b24desk.api.coded_errors import ChatPostDeniedError
from b24desk.api.errors import B24Error, OutcomeUnknownError
from b24desk.api.query import ref
from b24desk.api.types import (
    ChatRef,
    CrmRef,
    History,
    ParticipantChange,
    User,
)

from .chat_states import SLOTS, read_states, slot_histories, state_commands
from .directory import Directory
from .drafts import Drafts
from .local import LocalIndex
from .outbox import ChatTarget, Outbox, OutboxItem, OutboxState
from .refusals import (
    CustomerRemovalError,
    LeadBusyError,
    LeadExistsError,
    NotConfirmedError,
    NotInChatError,
    SessionElsewhereError,
)
from .session_ledger import SeenSession, SessionLedger
from .supervision import Supervision
from .tasks import Latest
from .view import EntityChats

if TYPE_CHECKING:
    from b24desk.api.client import B24Client

log = logging.getLogger(__name__)


class Desk(Directory):
    """Use-cases for one connected portal (one profile); the browser's reads come from
    `Directory`."""

    def __init__(
        self, client: B24Client, outbox: Outbox, drafts: Drafts, profile: str, me: User
    ) -> None:
        self.client = client
        self.outbox = outbox
        self.drafts = drafts
        self.profile = profile
        self.me = me
        self.local: LocalIndex | None = None  # the profile's index, when it has one
        self._pane = Latest()
        self._newest: dict[int, int] = {}  # chat ID -> newest message ID seen there
        self._bound_lead: dict[int, int | None] = {}  # chat ID -> its lead, as last seen
        self._creating_leads: set[int] = set()
        self.supervision = Supervision(client, me, self.create_lead)
        self.sessions = SessionLedger(None)  # on disk once the connection names a file

    @classmethod
    async def connect(cls, client: B24Client, outbox: Outbox, drafts: Drafts, profile: str) -> Desk:
        return cls(client, outbox, drafts, profile, await users.current_user(client))

    # ---- the pane ----

    async def open_entity(
        self,
        entity: CrmRef,
        *,
        active_only: bool = True,
        chat_id: int | None = None,
        session_id: int | None = None,
    ) -> EntityChats:
        """Chats with their states, last chat, and the shown chat's history (its session
        `session_id` when given, else the last) and participants: one request.

        Raises SupersededError if another pane was asked for while this one was on its way;
        SessionElsewhereError if `session_id` is not a session of the chat on show.
        """
        target: int | str = chat_id if chat_id is not None else ref("last")
        commands: dict[str, Command[Any]] = {
            # Every chat, and which are active: a chat is labelled closed whatever the
            # *Active only* switch shows.
            "chats": openlines.chats_command(entity.type, entity.id, active_only=False),
            "active": openlines.chats_command(entity.type, entity.id, active_only=True),
            "last": openlines.last_chat_id_command(entity.type, entity.id),
            "history": openlines.history_command(chat_id=target, session_id=session_id),
            "members": openlines.participants_command(target),
            # A whole-value reference takes the array: FILTER[ID] becomes an IN filter.
            "names": Command("user.get", {"FILTER": {"ID": ref("members")}}, users.parse_users),
            **state_commands("chats", "active"),
        }
        result = await self._pane.run(self.client.batch(commands))
        last = result.value("last")
        shown = chat_id if chat_id is not None else last
        history: History | None = None
        member_ids: tuple[int, ...] = ()
        named: dict[int, User] = {}
        if shown is not None:
            history = result.value("history")
            if history.chat_id != shown:  # SESSION_ID wins over CHAT_ID
                raise SessionElsewhereError
            member_ids = result.value("members")
            named = {u.id: u for u in _value_or(result, "names", ())}
            named = {**dict(history.users), **named}
            self._remember(history)
        participants = tuple(named.get(i) or _unknown_user(i) for i in member_ids)
        every: tuple[ChatRef, ...] = result.value("chats")
        open_chats: tuple[ChatRef, ...] | None = _value_or(result, "active", None)
        active = {c.id for c in (every if open_chats is None else open_chats)}
        read = slot_histories(result) + ([history] if history is not None else [])
        for seen in read:
            self.sessions.note(seen)
        states = read_states(read, (c.id for c in every), active, named.get)
        return EntityChats(
            entity=entity,
            chats=tuple(c for c in every if c.id in active) if active_only else every,
            closed=frozenset(c.id for c in every if c.id not in active),
            every_chat=every,
            last_chat_id=last,
            chat_id=shown,
            history=history,
            participants=participants,
            me=self.me,
            errors={k: v for k, v in result.errors.items() if k not in SLOTS},
            open_chats=open_chats,
            states=states,
        )

    def sessions_of(self, chat_id: int) -> list[SeenSession]:
        """The chat's sessions this desk has seen, newest first (the portal lists none)."""
        return self.sessions.of(chat_id)

    def _remember(self, history: History) -> None:
        """What later writes to this chat need: its newest message and its lead."""
        if history.messages:
            newest = max(m.id for m in history.messages)
            self._newest[history.chat_id] = max(newest, self._newest.get(history.chat_id, 0))
        if history.chat is not None:
            self._bound_lead[history.chat_id] = history.chat.crm.lead

    # ---- participants ----

    async def add_participant(self, target: ChatTarget, user_id: int) -> ParticipantChange:
        return await openlines.add_participant(
            self.client, target.entity.type, target.entity.id, user_id, chat_id=target.chat_id
        )

    async def remove_participant(self, target: ChatTarget, user: User) -> ParticipantChange:
        if user.is_customer:
            raise CustomerRemovalError
        return await openlines.remove_participant(
            self.client, target.entity.type, target.entity.id, user.id, chat_id=target.chat_id
        )

    async def join(self, target: ChatTarget) -> ParticipantChange:
        return await self.add_participant(target, self.me.id)

    # ---- messages ----

    async def send(self, target: ChatTarget, text: str, *, join_first: bool = False) -> int:
        """Send as the connected user; the text sits in the outbox until confirmed.

        `join_first` joins the chat in the same flow (the portal refuses non-participants).
        NotInChatError when the user must join first; NotConfirmedError (the item stays in
        the outbox, the draft is cleared) when the answer was lost and the chat does not
        show the message.
        """
        if not text.strip():
            raise ValueError("nothing to send")
        if join_first:
            await self.join(target)
        watermark = self._newest.get(target.chat_id, 0)
        item = self.outbox.add(self.profile, target, text, watermark)
        try:
            return await self._deliver(item, fresh=True)
        except OutcomeUnknownError:
            # The text now waits in the outbox, shown above the composer: not in the draft too.
            self.drafts.clear(self.profile, target.chat_id, text)
            found = await self._look_for(item)
            if found:
                return found
            raise NotConfirmedError(self.outbox.get(item.id) or item) from None

    async def _deliver(self, item: OutboxItem, *, fresh: bool) -> int:
        try:
            message_id = await openlines.send_message(
                self.client,
                item.target.entity.type,
                item.target.entity.id,
                item.chat_id,
                self.me.id,
                item.text,
            )
        except ChatPostDeniedError as error:
            self._refused(item, error, fresh=fresh)
            raise NotInChatError from error
        except OutcomeUnknownError:
            self.outbox.mark(item, OutboxState.UNKNOWN)
            raise
        except B24Error as error:
            # Refused or never sent (connection refused, limit, denied): nothing was posted.
            self._refused(item, error, fresh=fresh)
            raise
        except BaseException:
            # Cancelled mid-flight (the app closed) or anything unforeseen: it may be posted.
            self.outbox.mark(item, OutboxState.UNKNOWN)
            raise
        self._confirmed(item, message_id)
        return message_id

    def _refused(self, item: OutboxItem, error: BaseException, *, fresh: bool) -> None:
        if fresh:
            self.outbox.remove(item)  # the draft still holds the text
        else:
            reason = getattr(error, "user_message", "") or str(error)
            self.outbox.mark(item, OutboxState.FAILED, reason)

    def _confirmed(self, item: OutboxItem, message_id: int) -> None:
        self.outbox.confirm(item, message_id)
        self._newest[item.chat_id] = max(message_id, self._newest.get(item.chat_id, 0))
        self.drafts.clear(self.profile, item.chat_id, item.text)

    async def _look_for(self, item: OutboxItem) -> int:
        """Check the chat once; a lookup that fails leaves the item as it is."""
        try:
            return await self.check_unknown(item)
        except B24Error as error:
            log.info("could not check an unconfirmed message: %s", type(error).__name__)
            return 0

    async def check_unknown(self, item: OutboxItem) -> int:
        """Was a message whose answer was lost posted after all? Looks in the chat's history.

        Its message ID when it is there (the outbox forgets the item), else 0.
        """
        history = await openlines.history(self.client, chat_id=item.chat_id)
        self._remember(history)
        found = self.outbox.find_posted(item, self.me.id, history.messages)
        if found:
            self._confirmed(item, found)
        return found

    async def resend(self, item: OutboxItem) -> int:
        """Check the chat, then send again only if the message is not there.

        A refused resend keeps the item, marked FAILED with the reason.
        """
        current = self.outbox.get(item.id)
        if current is None:
            raise ValueError("that message is no longer in the outbox")
        found = await self.check_unknown(current)
        if found:
            return found
        current = self.outbox.mark(current, OutboxState.SENDING)
        try:
            return await self._deliver(current, fresh=False)
        except OutcomeUnknownError:
            found = await self._look_for(current)
            if found:
                return found
            raise NotConfirmedError(self.outbox.get(current.id) or current) from None

    def unsent(self, chat_id: int | None = None) -> list[OutboxItem]:
        return [
            i for i in self.outbox.items(self.profile) if chat_id is None or i.chat_id == chat_id
        ]

    def discard(self, item: OutboxItem) -> None:
        self.outbox.remove(item)

    def put_back(self, item: OutboxItem) -> str:
        """Move an unsent text back into its chat's draft; returns the draft now."""
        draft = self.drafts.put_back(self.profile, item.chat_id, item.text)
        self.outbox.remove(item)
        return draft

    # ---- drafts ----

    def draft(self, chat_id: int) -> str:
        return self.drafts.get(self.profile, chat_id)

    def keep_draft(self, chat_id: int, text: str) -> None:
        self.drafts.set(self.profile, chat_id, text)

    # ---- leads ----

    async def create_lead(self, target: ChatTarget, *, second_lead: bool = False) -> int | None:
        """Create a lead from the chat; its ID, read back from the chat's CRM binding.

        LeadBusyError while one is being created from this chat; LeadExistsError when the
        chat already has a lead, unless `second_lead` says the supervisor wants another.
        """
        chat_id = target.chat_id
        if chat_id in self._creating_leads:
            raise LeadBusyError
        existing = self._bound_lead.get(chat_id)
        if existing is not None and not second_lead:
            raise LeadExistsError(existing)
        self._creating_leads.add(chat_id)
        try:
            lead_id = await openlines.create_lead(self.client, chat_id)
        finally:
            self._creating_leads.discard(chat_id)
        if lead_id is not None:
            self._bound_lead[chat_id] = lead_id
        return lead_id

    def creating_lead(self, chat_id: int) -> bool:
        return chat_id in self._creating_leads


def _value_or(result: BatchResult, name: str, default: Any) -> Any:
    try:
        return result.value(name)
    except B24Error:
        return default


def _unknown_user(user_id: int) -> User:
    return User(id=user_id, name="", last_name="", full_name=f"#{user_id}")


__all__ = [
    "ChatTarget",
    "CustomerRemovalError",
    "Desk",
    "EntityChats",
    "LeadBusyError",
    "LeadExistsError",
    "NotConfirmedError",
    "NotInChatError",
    "SessionElsewhereError",
]
