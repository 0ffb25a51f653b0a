"""Watched chats: kept per profile, an unreadable file set aside (never erased); notices only
for customers' messages in watched chats, at most one per chat a minute, with the count."""

from __future__ import annotations

import asyncio
import threading

from b24desk.api.live_types import ImEvent, ImEventType
from b24desk.api.types import User
from b24desk.desk.watched import Notices, WatchedChats, watched_file

CUSTOMER = User(90, "Ann", "Lee", "Ann Lee", is_customer=True)
OPERATOR = User(3, "Oleg", "Orlov", "Oleg Orlov")
SUPERVISOR = User(1, "Sam", "Boss", "Sam Boss")


def message(event_id: int, chat_id: int, user: User, text: str = "hi") -> ImEvent:
    return ImEvent(
        event_id, ImEventType.MESSAGE_ADD, ImEventType.MESSAGE_ADD.value, None, chat_id,
        chat_entity_type="LINES", message_id=event_id, author_id=user.id, text=text, user=user,
    )  # fmt: skip


def test_each_profile_keeps_its_own_watched_chats(tmp_path):
    first = watched_file(tmp_path, "Sales")
    second = watched_file(tmp_path, "Support")
    chats = WatchedChats(first).load()
    chats.set(12, True)
    chats.set(7, True)
    chats.set(12, False)
    WatchedChats(second).load().set(99, True)
    assert WatchedChats(first).load().chats == {7}
    assert WatchedChats(second).load().chats == {99}


def test_an_unreadable_file_is_set_aside_and_nothing_is_watched(tmp_path):
    path = tmp_path / "watched.json"
    for junk in ('{"chats": "all of them"}', "not json at all"):
        path.write_text(junk)
        chats = WatchedChats(path).load()
        assert chats.chats == set() and chats.set_aside is not None
        assert not path.exists() and chats.set_aside.read_text() == junk
    chats.set(5, True)  # a new list starts beside the kept copies
    assert WatchedChats(path).load().chats == {5}
    assert len(list(tmp_path.iterdir())) == 3


def test_junk_entries_are_skipped(tmp_path):
    path = tmp_path / "watched.json"
    path.write_text('{"chats": [3, "4", true, -1, 5.5, 8]}')
    assert WatchedChats(path).load().chats == {3, 8}


def test_only_customers_in_watched_chats_notify_and_at_most_once_a_minute(tmp_path):
    now = [1000.0]
    watched = WatchedChats(tmp_path / "w.json")
    watched.set(10, True)
    watched.set(20, True)
    notices = Notices(every=60, clock=lambda: now[0])
    notices.add(
        [
            message(1, 10, SUPERVISOR),  # the supervisor's own
            message(2, 10, OPERATOR),  # an operator's answer
            message(3, 30, CUSTOMER),  # a chat nobody watches
        ],
        watched,
    )
    assert notices.take() == [] and notices.next_due() is None

    notices.add([message(4, 10, CUSTOMER, "first"), message(5, 20, CUSTOMER)], watched)
    shown = notices.take()
    assert [(n.event.chat_id, n.count) for n in shown] == [(20, 1), (10, 1)]  # newest first
    assert shown[1].event.text == "first"

    # A storm in chat 10: gathered until its minute is up, then one notice with the count.
    notices.add([message(6 + n, 10, CUSTOMER, f"more {n}") for n in range(5)], watched)
    now[0] += 30
    assert notices.take() == []
    assert notices.next_due() == 30
    now[0] += 30
    (gathered,) = notices.take()
    assert (gathered.event.chat_id, gathered.count, gathered.event.text) == (10, 5, "more 4")
    assert notices.take() == [] and notices.next_due() is None


def test_a_chat_no_longer_watched_drops_what_it_gathered(tmp_path):
    watched = WatchedChats(tmp_path / "w.json")
    watched.set(10, True)
    notices = Notices(every=60, clock=lambda: 0.0)
    notices.add([message(1, 10, CUSTOMER)], watched)
    notices.forget(10)
    assert notices.take() == []


def test_a_click_on_watch_saves_off_the_loops_thread_and_a_failure_is_told(tmp_path, monkeypatch):
    # The file was written, with its fsync, on the GUI thread at every click.
    from b24desk.desk import file_writer

    writers: list[int] = []
    real_write = file_writer.write_atomic

    def recorded(path, payload):
        writers.append(threading.get_ident())
        real_write(path, payload)

    monkeypatch.setattr(file_writer, "write_atomic", recorded)
    blocked = tmp_path / "not a folder"
    blocked.write_text("")
    failures: list[tuple[OSError, int]] = []

    async def scenario() -> None:
        watched = WatchedChats(tmp_path / "w.json").load()
        watched.set(10, True)
        assert watched.chats == {10}  # shown at once
        await watched.flush()
        unsaved = WatchedChats(
            blocked / "w.json", lambda error: failures.append((error, threading.get_ident()))
        ).load()
        unsaved.set(11, True)
        await unsaved.flush()
        assert unsaved.chats == {11}  # kept in memory

    asyncio.run(scenario())
    assert writers and threading.get_ident() not in writers
    assert WatchedChats(tmp_path / "w.json").load().chats == {10}
    assert len(failures) == 1 and failures[0][1] == threading.get_ident()
