"""Live mode: a seeded generator that makes the demo portal act like a working contact centre.

Customers write, sessions start, operators answer, take over and close dialogues: all
through PortalState, so the im.v2 event log, histories and counters see every step.
"""

from __future__ import annotations

import asyncio
import random
from collections.abc import Callable
from typing import Any

from .methods.chat_access import mention, now
from .seed.corpus import ADMIN_ID, CONNECTOR_MIX, LINE_OF, OPERATORS
from .seed.values import random_person
from .state import (
    SESSION_FINISHED_TEXT,
    SESSION_STARTED_TEXT,
    Chat,
    Message,
    PortalState,
    User,
)

# Who gets new and taken-over dialogues; the admin (the demo desk's user) now and then,
# so the desk has its own chats come alive.
OPERATOR_POOL = (*OPERATORS, ADMIN_ID, ADMIN_ID)
CUSTOMER_LINES = (
    "Здравствуйте! Подскажите, когда будет доставка?",
    "Заказ так и не пришёл, проверьте, пожалуйста.",
    "Можно оплатить по счёту?",
    "Спасибо, жду.",
    "А есть в наличии на складе в Москве?",
    "Пришлите, пожалуйста, договор на почту.",
    "Hello, is anyone there?",
    "Could you send me the invoice again?",
    "Алло? Вы тут?",
    "Хорошо, договорились.",
)
OPERATOR_LINES = (
    "Добрый день! Сейчас уточню и вернусь к вам.",
    "Проверил: заказ передан в доставку, трек-номер пришлю сюда.",
    "Да, счёт выставим сегодня.",
    "Отправил договор на почту.",
    "Спасибо за обращение! Если будут вопросы — пишите.",
    "Hello! Let me check that for you.",
    "Да, есть в наличии.",
)
TAKEN_TEXT = "{who} перехватил(а) диалог"
# Actions and their weights: what a contact centre does most is talk.
WEIGHTS = {
    "customer_writes": 34,
    "operator_answers": 30,
    "session_closes": 9,
    "session_starts": 9,
    "operator_takes": 6,
    "new_chat": 6,
    "customer_edits": 4,
    "reaction": 2,
}


class LiveMode:
    """Steps the portal's life; `run()` does so at `rate` actions a minute on the portal's
    loop, `step()` once (tests step it directly)."""

    def __init__(
        self,
        state: PortalState,
        *,
        seed: int,
        rate: float,
        clock: Callable[[], str] | None = None,
    ) -> None:
        self.state = state
        self.rate = rate
        self.rng = random.Random(f"live:{seed}")
        # Pauses come from their own generator: stepping by hand does what running does.
        self._pauses = random.Random(f"pauses:{seed}")
        self._clock = clock or (lambda: now(state))
        self.steps = 0

    async def run(self) -> None:
        while True:
            await asyncio.sleep(self.pause())
            self.step()

    def pause(self) -> float:
        """Seconds until the next action: exponential around 60 / rate (a Poisson stream)."""
        return self._pauses.expovariate(self.rate / 60.0) if self.rate > 0 else 3600.0

    def step(self) -> str:
        """One action; returns its name ("" when nothing could happen)."""
        self.steps += 1
        names = list(WEIGHTS)
        weights = [WEIGHTS[n] for n in names]
        for _ in range(len(names)):
            name = self.rng.choices(names, weights)[0]
            if getattr(self, f"_{name}")():
                return name
        return ""

    # ---- what can be acted on ----

    def _active(self) -> list[Chat]:
        return [c for c in self.state.chats.values() if c.is_lines and c.active]

    def _waiting(self) -> list[Chat]:
        """Active chats whose customer spoke last: someone should answer."""
        return [c for c in self._active() if self._last_speaker(c) == c.customer_id]

    def _answered(self) -> list[Chat]:
        return [c for c in self._active() if self._last_speaker(c) not in (0, c.customer_id, None)]

    def _closed(self) -> list[Chat]:
        """Closed chats that are their customer's latest: where a customer may come back."""
        latest: dict[Any, Chat] = {}
        for chat in self.state.chats.values():
            if chat.is_lines:
                key = next(((t, i) for t, i in chat.crm.items() if i), chat.customer_id)
                latest[key] = chat
        return [c for c in latest.values() if not c.active]

    @staticmethod
    def _last_speaker(chat: Chat) -> int | None:
        return next((m.author_id for m in reversed(chat.messages) if m.author_id), None)

    def _pick(self, chats: list[Chat]) -> Chat | None:
        return self.rng.choice(chats) if chats else None

    def _say(self, chat: Chat, author: int, text: str) -> Message:
        return self.state.add_message(chat, author, text, self._clock())

    def _join(self, chat: Chat, user_id: int) -> None:
        if user_id not in chat.participants:
            self.state.add_participant(chat, user_id)

    # ---- the actions ----

    def _customer_writes(self) -> bool:
        chat = self._pick(self._active())
        if chat is None:
            return False
        self._say(chat, chat.customer_id, self.rng.choice(CUSTOMER_LINES))
        return True

    def _operator_answers(self) -> bool:
        chat = self._pick(self._waiting())
        if chat is None or chat.current_session is None:
            return False
        operator = chat.current_session.operator_id
        self._join(chat, operator)
        self._say(chat, operator, self.rng.choice(OPERATOR_LINES))
        return True

    def _session_closes(self) -> bool:
        chat = self._pick(self._answered())
        if chat is None or chat.current_session is None:
            return False
        self._say(chat, 0, SESSION_FINISHED_TEXT)
        chat.current_session.closed = True
        return True

    def _session_starts(self) -> bool:
        chat = self._pick(self._closed())
        if chat is None:
            return False
        operator = self.rng.choice(OPERATOR_POOL)
        self.state.add_session(chat, operator, self._clock(), closed=False)
        chat.owner_id = operator  # the chat's owner is its session's operator, as on a transfer
        self._join(chat, operator)
        self._say(chat, 0, SESSION_STARTED_TEXT)
        self._say(chat, chat.customer_id, self.rng.choice(CUSTOMER_LINES))
        return True

    def _operator_takes(self) -> bool:
        chat = self._pick(self._active())
        session = chat.current_session if chat else None
        if chat is None or session is None:
            return False
        taker = self.rng.choice([u for u in OPERATOR_POOL if u != session.operator_id])
        self._join(chat, taker)
        session.operator_id = taker
        chat.owner_id = taker  # imopenlines.dialog.get tells the operator by the chat's owner
        self._say(chat, 0, TAKEN_TEXT.format(who=mention(self.state.users[taker])))
        return True

    def _new_chat(self) -> bool:
        state = self.state
        connector = self.rng.choice(CONNECTOR_MIX)
        line = state.lines.get(LINE_OF[connector])
        if line is None:
            return False
        person = random_person(self.rng.random)
        customer = User(
            max(state.users) + 1,
            person.name,
            person.last_name,
            is_connector=True,
            date_register=self._clock(),
        )
        state.users[customer.id] = customer
        operator = self.rng.choice(OPERATOR_POOL)
        chat = state.add_chat(
            Chat(
                id=0,
                name=f"{customer.full_name} - {line.name}",
                owner_id=operator,
                date_create=self._clock(),
                line_id=line.id,
                connector_id=connector,
                customer_id=customer.id,
                connector_chat_id=self.rng.randrange(1000, 99_999_999),
                participants=[customer.id, operator],
            )
        )
        state.add_session(chat, operator, chat.date_create, closed=False)
        self._say(chat, 0, SESSION_STARTED_TEXT)
        self._say(chat, customer.id, self.rng.choice(CUSTOMER_LINES))
        return True

    def _customer_edits(self) -> bool:
        chat = self._pick(self._waiting())
        if chat is None:
            return False
        message = next(m for m in reversed(chat.messages) if m.author_id == chat.customer_id)
        self.state.update_message(message, message.text.rstrip(".!?…") + "…")
        return True

    def _reaction(self) -> bool:
        chat = self._pick(self._answered())
        session = chat.current_session if chat else None
        if chat is None or session is None:
            return False
        mine = [m for m in chat.messages if m.author_id == session.operator_id]
        if not mine:
            return False
        self.state.react(mine[-1], chat.customer_id)
        return True
