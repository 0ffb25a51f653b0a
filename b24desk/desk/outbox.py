"""Messages not yet confirmed by the portal, kept on disk so a crash or restart loses none.

An entry is written before the message is sent and removed once the portal confirms it.
An entry whose answer was lost (or that was in flight when the app stopped) has an unknown
outcome: it is settled by looking in the chat past its watermark, the newest message ID the
chat had when it was queued, skipping messages already claimed by confirmed sends. No clock
and no text-only match decide it, so clock skew and repeated texts cannot double or lose one.
"""

from __future__ import annotations

import json
import logging
import uuid
from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from enum import StrEnum
from pathlib import Path
from typing import Any

from b24desk.api.types import CrmEntityType, CrmRef, Message
from b24desk.files import SetAside, UnreadableFileError, read_json, set_aside, write_atomic

log = logging.getLogger(__name__)

FORMAT_VERSION = 2
# Claimed message IDs kept per chat: enough to cover every send still in doubt there.
CLAIMS_KEPT = 200


class OutboxState(StrEnum):
    SENDING = "sending"  # handed to the portal, no answer yet
    UNKNOWN = "unknown"  # the answer was lost (timeout, dropped connection, crash)
    MISSING = "missing"  # checked: not in the chat; may be sent again when the user says so
    FAILED = "failed"  # the portal refused it; the text is kept until the user decides


@dataclass(frozen=True, slots=True)
class ChatTarget:
    """Where a write goes, captured when the user acted: nothing later may change it."""

    entity: CrmRef
    chat_id: int


@dataclass(frozen=True, slots=True)
class OutboxItem:
    id: str
    profile: str
    target: ChatTarget
    text: str
    created: datetime  # shown to the user; never used to decide whether it was posted
    watermark: int = 0  # newest message ID the chat had when this was queued
    state: OutboxState = OutboxState.SENDING
    reason: str = ""  # why the portal refused it (FAILED)

    @property
    def chat_id(self) -> int:
        return self.target.chat_id

    def to_json(self) -> dict[str, object]:
        return {
            "id": self.id,
            "profile": self.profile,
            "entity": {"type": self.target.entity.type.value, "id": self.target.entity.id},
            "chat_id": self.target.chat_id,
            "text": self.text,
            "created": self.created.isoformat(),
            "watermark": self.watermark,
            "state": self.state.value,
            "reason": self.reason,
        }

    @classmethod
    def from_json(cls, data: Any) -> OutboxItem:
        """Raises ValueError for anything that is not a well-formed item."""
        if not isinstance(data, dict) or not isinstance(data.get("entity"), dict):
            raise ValueError("not an outbox item")
        entity = data["entity"]
        text, profile = data.get("text"), data.get("profile")
        if not isinstance(text, str) or not isinstance(profile, str) or not text:
            raise ValueError("an outbox item needs its text and profile")
        created = datetime.fromisoformat(str(data.get("created")))
        return cls(
            id=str(data.get("id") or uuid.uuid4().hex),
            profile=profile,
            target=ChatTarget(
                CrmRef(CrmEntityType(str(entity.get("type"))), _positive(entity.get("id"))),
                _positive(data.get("chat_id")),
            ),
            text=text,
            created=created if created.tzinfo else created.replace(tzinfo=UTC),
            watermark=_positive(data.get("watermark", 0), allow_zero=True),
            state=OutboxState(str(data.get("state", OutboxState.UNKNOWN.value))),
            reason=str(data.get("reason") or ""),
        )


def _positive(value: Any, *, allow_zero: bool = False) -> int:
    if isinstance(value, bool) or not isinstance(value, int | str):
        raise ValueError("not an ID")
    number = int(value)
    if number < 0 or (number == 0 and not allow_zero):
        raise ValueError("not an ID")
    return number


def claims_key(profile: str, chat_id: int) -> str:
    return f"{profile}|{chat_id}"


class Outbox:
    """A small JSON file of unconfirmed messages; every change is written atomically.

    One process owns it at a time (the app runs one instance per home folder).
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        self._items: dict[str, OutboxItem] = {}
        self._claims: dict[str, list[int]] = {}
        self.set_aside: list[SetAside] = []  # kept aside at load; the window says so once
        self._load()

    # ---- disk ----

    def _load(self) -> None:
        try:
            raw = read_json(self.path)
        except FileNotFoundError:
            return
        except (OSError, UnreadableFileError) as error:
            log.warning("outbox unreadable (%s); keeping it aside", error)
            self._keep_aside()
            return
        items, claims = (raw, {}) if isinstance(raw, list) else _parts_of(raw)
        rejected = 0
        for data in items:
            try:
                item = OutboxItem.from_json(data)
            except (ValueError, TypeError, OverflowError):
                rejected += 1
                continue
            if item.state is OutboxState.SENDING:
                # In flight when the app stopped: its outcome is unknown now.
                item = replace(item, state=OutboxState.UNKNOWN)
            self._items[item.id] = item
        for key, ids in claims.items():
            if isinstance(key, str) and isinstance(ids, list):
                self._claims[key] = [i for i in ids if isinstance(i, int)][-CLAIMS_KEPT:]
        if rejected:
            # A copy keeps the entries this version cannot read; the next save drops them here.
            log.warning("%d unreadable outbox entries", rejected)
            self._keep_aside(keep_original=True)

    def _keep_aside(self, *, keep_original: bool = False) -> None:
        kept = set_aside(self.path, keep_original=keep_original)
        if kept is not None:
            self.set_aside.append(SetAside("outbox", kept))

    def _save(self) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        payload = {
            "version": FORMAT_VERSION,
            "items": [i.to_json() for i in self._items.values()],
            "claimed": self._claims,
        }
        write_atomic(self.path, json.dumps(payload, ensure_ascii=False).encode())

    # ---- items ----

    def add(self, profile: str, target: ChatTarget, text: str, watermark: int) -> OutboxItem:
        item = OutboxItem(uuid.uuid4().hex, profile, target, text, datetime.now(UTC), watermark)
        self._items[item.id] = item
        self._save()
        return item

    def mark(self, item: OutboxItem, state: OutboxState, reason: str = "") -> OutboxItem:
        updated = replace(self._items.get(item.id, item), state=state, reason=reason)
        self._items[item.id] = updated
        self._save()
        return updated

    def remove(self, item: OutboxItem) -> None:
        if self._items.pop(item.id, None) is not None:
            self._save()

    def items(self, profile: str | None = None) -> list[OutboxItem]:
        return [i for i in self._items.values() if profile is None or i.profile == profile]

    def get(self, item_id: str) -> OutboxItem | None:
        return self._items.get(item_id)

    # ---- confirmation ----

    def confirm(self, item: OutboxItem, message_id: int) -> None:
        """The portal confirmed `item` as `message_id`: forget the item, claim the message."""
        self._items.pop(item.id, None)
        self._claim(item.profile, item.chat_id, message_id)
        self._save()

    def _claim(self, profile: str, chat_id: int, message_id: int) -> None:
        claimed = self._claims.setdefault(claims_key(profile, chat_id), [])
        if message_id not in claimed:
            claimed.append(message_id)
            del claimed[:-CLAIMS_KEPT]

    def find_posted(self, item: OutboxItem, sender_id: int, messages: Iterable[Message]) -> int:
        """The ID of the message that is `item`, posted after all; 0 when it is not there.

        Only a message newer than the item's watermark, from the same sender, with the same
        text, and not already claimed by another confirmed send counts.
        """
        claimed = set(self._claims.get(claims_key(item.profile, item.chat_id), ()))
        for message in sorted(messages, key=lambda m: m.id):
            if (
                message.id > item.watermark
                and message.sender_id == sender_id
                and message.text == item.text
                and message.id not in claimed
            ):
                return message.id
        return 0


def _parts_of(raw: Any) -> tuple[list[Any], dict[str, Any]]:
    if not isinstance(raw, dict):
        return [], {}
    items = raw.get("items")
    claims = raw.get("claimed")
    return (
        items if isinstance(items, list) else [],
        claims if isinstance(claims, dict) else {},
    )
