"""The sessions seen per chat: noted from each history read, newest first, kept on disk,
bounded; an unreadable file is set aside, never trusted."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta

from b24desk.api.types import ChatInfo, CrmBindings, History, Message
from b24desk.desk import session_ledger
from b24desk.desk.session_ledger import SeenSession, SessionLedger

T0 = datetime(2026, 3, 11, 9, 0, tzinfo=UTC)


def read(chat_id: int, session_id: int, current: int, *minutes: int) -> History:
    messages = tuple(
        Message(
            id=session_id * 100 + i,
            chat_id=chat_id,
            sender_id=5,
            date=T0 + timedelta(minutes=m),
            text="",
        )
        for i, m in enumerate(minutes)
    )
    chat = ChatInfo(chat_id, "", 5, "livechat|1|2|3", CrmBindings(), current)
    return History(chat_id=chat_id, session_id=session_id, messages=messages, chat=chat)


def test_sessions_are_noted_newest_first_and_kept_on_disk(tmp_path):
    path = tmp_path / "live" / "p-sessions.json"
    ledger = SessionLedger(path)
    ledger.note(read(7, 30, 30, 0, 5))  # the current one, read with its messages
    ledger.note(read(7, 12, 30, 1))  # an earlier one, opened by number
    ledger.note(read(8, 40, 41))  # its chat has a newer current session, unread yet
    assert ledger.of(7) == [
        SeenSession(30, T0, T0 + timedelta(minutes=5)),
        SeenSession(12, T0 + timedelta(minutes=1), T0 + timedelta(minutes=1)),
    ]
    assert [s.id for s in ledger.of(8)] == [41, 40] and ledger.of(9) == []
    again = SessionLedger(path)  # another start
    assert again.of(7) == ledger.of(7) and again.of(8) == ledger.of(8)


def test_reading_a_session_again_without_news_writes_nothing(tmp_path, monkeypatch):
    ledger = SessionLedger(tmp_path / "s.json")
    ledger.note(read(7, 30, 30, 0))
    writes = []
    monkeypatch.setattr(ledger._writer, "write_now", writes.append)  # no loop: at once
    ledger.note(read(7, 30, 30, 0))  # the same, again (every opening reads it)
    ledger.note(read(8, 12, 30))  # an earlier one names its chat's current session...
    ledger.note(read(8, 30, 30))  # ...which, read without messages, adds nothing
    assert len(writes) == 1


def test_the_ledger_is_bounded(tmp_path, monkeypatch):
    monkeypatch.setattr(session_ledger, "MOST_CHATS", 3)
    monkeypatch.setattr(session_ledger, "MOST_PER_CHAT", 2)
    ledger = SessionLedger(None)
    for chat_id in range(1, 6):
        for session_id in (1, 2, 3):
            ledger.note(read(chat_id, chat_id * 10 + session_id, 0, 0))
    assert [ledger.of(c) != [] for c in range(1, 6)] == [False, False, True, True, True]
    assert [s.id for s in ledger.of(5)] == [53, 52]


def test_an_unreadable_file_is_set_aside(tmp_path):
    path = tmp_path / "s.json"
    path.write_text("{not json")
    ledger = SessionLedger(path)
    assert ledger.of(7) == [] and not path.exists()
    assert list(tmp_path.iterdir())  # kept aside, not erased


def test_writes_run_off_the_loop_and_flush_waits_for_them(tmp_path):
    path = tmp_path / "s.json"

    async def scenario() -> None:
        ledger = SessionLedger(path)
        ledger.note(read(7, 30, 30, 0))
        await ledger.flush()

    asyncio.run(scenario())
    assert [s.id for s in SessionLedger(path).of(7)] == [30]
