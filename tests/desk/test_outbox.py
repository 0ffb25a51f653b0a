"""The outbox: what it keeps on disk, and how it decides a lost message was posted after all."""

from __future__ import annotations

import json
from datetime import UTC, datetime

from b24desk.api.types import CrmEntityType, CrmRef, Message
from b24desk.desk.outbox import ChatTarget, Outbox, OutboxState

TARGET = ChatTarget(CrmRef(CrmEntityType.LEAD, 5), 77)
ME, CUSTOMER = 1, 900


def message(message_id: int, sender: int, text: str) -> Message:
    return Message(message_id, TARGET.chat_id, sender, datetime.now(UTC), text)


def test_only_a_later_unclaimed_message_from_me_with_the_text_counts(tmp_path):
    outbox = Outbox(tmp_path / "outbox.json")
    first = outbox.add("p", TARGET, "Ok, checking", watermark=100)
    outbox.confirm(first, 101)
    second = outbox.add("p", TARGET, "Ok, checking", watermark=100)  # queued before 101 landed
    history = [
        message(99, ME, "Ok, checking"),  # before the watermark
        message(101, ME, "Ok, checking"),  # the first one's, claimed
        message(102, CUSTOMER, "Ok, checking"),  # someone else's
        message(103, ME, "Ok, checking!"),  # another text
    ]
    assert outbox.find_posted(second, ME, history) == 0
    assert outbox.find_posted(second, ME, [*history, message(104, ME, "Ok, checking")]) == 104


def test_claims_and_items_survive_a_restart(tmp_path):
    path = tmp_path / "outbox.json"
    outbox = Outbox(path)
    first = outbox.add("p", TARGET, "да", watermark=10)
    outbox.confirm(first, 11)
    waiting = outbox.add("p", TARGET, "да", watermark=10)
    reopened = Outbox(path)
    [item] = reopened.items()
    assert item.id == waiting.id and item.state is OutboxState.UNKNOWN  # was in flight
    assert reopened.find_posted(item, ME, [message(11, ME, "да")]) == 0


def test_wrongly_shaped_items_are_set_aside_and_the_rest_kept(tmp_path):
    path = tmp_path / "outbox.json"
    good = Outbox(path).add("p", TARGET, "хороший", watermark=0).to_json()
    bad = [{"id": "x", "text": 5}, "junk", {**good, "id": "y", "chat_id": -3}]
    path.write_text(json.dumps({"version": 2, "items": [good, *bad], "claimed": {}}))
    outbox = Outbox(path)
    assert [i.text for i in outbox.items()] == ["хороший"]
    [aside] = outbox.set_aside
    assert aside.what == "outbox"
    assert json.loads(aside.where.read_text())["items"][1:] == bad
    # The next save does not erase what was set aside.
    outbox.add("p", TARGET, "ещё", watermark=0)
    assert json.loads(aside.where.read_text())["items"][1:] == bad


def test_a_corrupt_file_is_set_aside_not_erased(tmp_path):
    path = tmp_path / "outbox.json"
    path.write_text("[" * 100_000)  # deep enough to break a recursive parser
    outbox = Outbox(path)
    assert outbox.items() == []
    [aside] = outbox.set_aside
    assert aside.where.read_text() == "[" * 100_000
    # A second corruption is kept beside the first, never over it.
    path.write_text("{not json")
    [second] = Outbox(path).set_aside
    assert second.where != aside.where
    assert aside.where.read_text() == "[" * 100_000


def test_the_first_format_still_loads(tmp_path):
    path = tmp_path / "outbox.json"
    old = {
        "id": "a1",
        "profile": "p",
        "entity": {"type": "lead", "id": 5},
        "chat_id": 77,
        "text": "из старой версии",
        "created": "2026-01-01T10:00:00+00:00",
        "state": "sending",
    }
    path.write_text(json.dumps([old]))
    [item] = Outbox(path).items()
    assert item.target == TARGET and item.watermark == 0
    assert item.state is OutboxState.UNKNOWN
