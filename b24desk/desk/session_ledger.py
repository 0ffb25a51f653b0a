"""The sessions of each chat this desk has seen, kept on disk per profile: the reference
documents no list of a chat's sessions, so the session picker offers these.

What the reference does give: a chat's current session (field 6 of entity_data_1, and
`sessionId` of imopenlines.session.history.get by CHAT_ID) and any session's history by
SESSION_ID. Every session read is noted here with the dates of its first and last message;
a session never seen (before this desk ran) is opened by its number.
"""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from b24desk.api.types import History
from b24desk.files import UnreadableFileError, read_json, set_aside

from .file_writer import OrderedWriter

log = logging.getLogger(__name__)

MOST_CHATS = 5000  # the chats remembered; those not seen for longest are forgotten first
MOST_PER_CHAT = 200


def sessions_file(live: Path) -> Path:
    """The ledger's file, beside the profile's event offset file."""
    return live.with_name(f"{live.stem}-sessions.json")


@dataclass(frozen=True, slots=True)
class SeenSession:
    """One session of a chat: its ID and the dates of its first and last message."""

    id: int
    started: datetime | None = None
    last: datetime | None = None


def _date(value: Any) -> datetime | None:
    try:
        return datetime.fromisoformat(value) if isinstance(value, str) else None
    except ValueError:
        return None


class SessionLedger:
    """Sessions by chat ID, newest first; `note` each history read."""

    def __init__(self, path: Path | None) -> None:
        self.path = path  # None: kept in memory only
        self._chats: dict[int, dict[int, SeenSession]] = {}
        self._writer = OrderedWriter(path, "the sessions seen") if path is not None else None
        self._load()

    def of(self, chat_id: int) -> list[SeenSession]:
        return sorted(self._chats.get(chat_id, {}).values(), key=lambda s: -s.id)

    def note(self, history: History) -> None:
        """Remember the history's session (and, from its chat, the chat's current one)."""
        if history.session_id is None:
            return
        dates = [m.date for m in history.messages if m.date is not None]
        seen = SeenSession(history.session_id, min(dates, default=None), max(dates, default=None))
        changed = self._add(history.chat_id, seen)
        current = history.chat.session_id if history.chat is not None else None
        if current is not None and current != history.session_id:
            changed |= self._add(history.chat_id, SeenSession(current))
        if changed:
            self._save()

    def _add(self, chat_id: int, seen: SeenSession) -> bool:
        sessions = self._chats.pop(chat_id, {})
        self._chats[chat_id] = sessions  # the most recently seen chat goes last
        known = sessions.get(seen.id)
        if known is not None and (seen.started is None or known == seen):
            return False
        sessions[seen.id] = seen
        for old in sorted(sessions)[:-MOST_PER_CHAT]:
            del sessions[old]
        while len(self._chats) > MOST_CHATS:
            del self._chats[next(iter(self._chats))]
        return True

    def forget(self) -> None:
        """Start over (a demo portal, new at every start)."""
        self._chats.clear()
        if self.path is not None:
            self.path.unlink(missing_ok=True)

    # ---- disk ----

    def _load(self) -> None:
        if self.path is None:
            return
        try:
            raw: Any = read_json(self.path)
        except FileNotFoundError:
            return
        except (OSError, UnreadableFileError) as error:
            log.warning("the sessions seen are unreadable (%s); keeping them aside", error)
            set_aside(self.path)
            return
        chats = raw.get("chats") if isinstance(raw, dict) else None
        for chat_key, sessions in (chats or {}).items():
            if not (str(chat_key).isdigit() and isinstance(sessions, list)):
                continue
            for item in sessions:
                if isinstance(item, list) and len(item) == 3 and isinstance(item[0], int):
                    seen = SeenSession(item[0], _date(item[1]), _date(item[2]))
                    self._chats.setdefault(int(chat_key), {})[seen.id] = seen

    def _payload(self) -> bytes:
        def when(moment: datetime | None) -> str | None:
            return moment.isoformat() if moment is not None else None

        chats = {
            str(chat_id): [[s.id, when(s.started), when(s.last)] for s in sessions.values()]
            for chat_id, sessions in self._chats.items()
        }
        return json.dumps({"version": 1, "chats": chats}).encode()

    def _save(self) -> None:
        if self._writer is not None:
            self._writer.write(self._payload())

    async def flush(self) -> None:
        if self._writer is not None:
            await self._writer.flush()
