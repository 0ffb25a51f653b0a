"""Messages not yet confirmed by the portal, kept on disk so a crash or restart loses none.

An entry is written before the message is sent and removed once the portal confirms it.
An entry still present after a restart, or whose answer was lost, has an unknown outcome:
it is never re-sent until the chat history shows it is missing and the user agrees.
"""

from __future__ import annotations

import json
import logging
import uuid
from dataclasses import asdict, dataclass, replace
from datetime import UTC, datetime
from enum import StrEnum
from pathlib import Path

from b24desk.api.types import CrmEntityType, CrmRef
from b24desk.files import set_aside, write_atomic

log = logging.getLogger(__name__)


class OutboxState(StrEnum):
    SENDING = "sending"  # handed to the portal, no answer yet
    UNKNOWN = "unknown"  # the answer was lost (timeout, dropped connection, crash)


@dataclass(frozen=True)
class OutboxItem:
    id: str
    profile: str
    entity: CrmRef
    chat_id: int
    text: str
    created: datetime
    state: OutboxState = OutboxState.SENDING

    def to_json(self) -> dict[str, object]:
        data = asdict(self)
        data["entity"] = {"type": self.entity.type.value, "id": self.entity.id}
        data["created"] = self.created.isoformat()
        data["state"] = self.state.value
        return data

    @classmethod
    def from_json(cls, data: dict[str, object]) -> OutboxItem:
        entity = data["entity"]
        assert isinstance(entity, dict)
        return cls(
            id=str(data["id"]),
            profile=str(data["profile"]),
            entity=CrmRef(CrmEntityType(str(entity["type"])), int(entity["id"])),
            chat_id=int(str(data["chat_id"])),
            text=str(data["text"]),
            created=datetime.fromisoformat(str(data["created"])),
            state=OutboxState(str(data["state"])),
        )


class Outbox:
    """A small JSON file of unconfirmed messages; every change is written atomically."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._items: dict[str, OutboxItem] = {}
        self._load()

    def _load(self) -> None:
        try:
            raw = json.loads(self.path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return
        except (OSError, ValueError) as error:
            log.warning("outbox unreadable (%s); keeping it aside", type(error).__name__)
            set_aside(self.path)
            return
        for data in raw if isinstance(raw, list) else []:
            try:
                item = OutboxItem.from_json(data)
            except (KeyError, TypeError, ValueError, AssertionError):
                continue
            # Whatever was in flight when the app stopped has an unknown outcome now.
            self._items[item.id] = replace(item, state=OutboxState.UNKNOWN)

    def _save(self) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        payload = json.dumps([i.to_json() for i in self._items.values()], ensure_ascii=False)
        write_atomic(self.path, payload.encode())

    def add(self, profile: str, entity: CrmRef, chat_id: int, text: str) -> OutboxItem:
        item = OutboxItem(uuid.uuid4().hex, profile, entity, chat_id, text, datetime.now(UTC))
        self._items[item.id] = item
        self._save()
        return item

    def mark(self, item: OutboxItem, state: OutboxState) -> OutboxItem:
        updated = replace(item, state=state)
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
