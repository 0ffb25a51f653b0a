"""A supervisor's actions on an Open Lines session (join, intercept, transfer, finish, pin,
rate) and the open lines with their operator queues, as typed calls.

As in api/openlines.py: a `*_command` builder per call (usable in a batch), its parser, and
an async function running it alone. The actions are writes: the client never re-sends them,
and an answer that was lost or cannot be read is `OutcomeUnknownError` (re-read the dialog
to see what happened). Each action answers `true`; the async functions return None and
raise the typed error (api/coded_errors.py) when the portal refuses.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .batch import Command
from .errors import ProtocolError
from .parse import as_id, as_mapping, as_str, int_tuple, yes_no
from .query import IdOrRef
from .types import OpenLine, QueueOperator

if TYPE_CHECKING:
    from .client import B24Client

LINES_PAGE = 200  # the most imopenlines.config.list.get gives at once


def parse_done(raw: Any) -> None:
    """The actions answer `true`; anything else cannot be read as done."""
    if raw is not True:
        raise ProtocolError(f"expected true, got {type(raw).__name__}")


def _chat_action(method: str, chat_id: IdOrRef, **extra: Any) -> Command[None]:
    return Command(method, {"CHAT_ID": chat_id, **extra}, parse_done)


# ---- joining and taking over ----


def join_session_command(chat_id: IdOrRef) -> Command[None]:
    """Join the dialogue as a participant; its operator stays who it was."""
    return _chat_action("imopenlines.session.join", chat_id)


async def join_session(client: B24Client, chat_id: int) -> None:
    """Add the caller to the dialogue's chat (imopenlines.session.join)."""
    await client.run(join_session_command(chat_id))


def intercept_session_command(chat_id: IdOrRef) -> Command[None]:
    """Take the dialogue over: the caller becomes its operator, the previous one leaves."""
    return _chat_action("imopenlines.session.intercept", chat_id)


async def intercept_session(client: B24Client, chat_id: int) -> None:
    """Make the caller the operator of the dialogue's open session
    (imopenlines.session.intercept); HandOverRefusedError when the session is closed or
    the caller already handles it."""
    await client.run(intercept_session_command(chat_id))


# ---- transfer ----


def transfer_command(
    chat_id: IdOrRef, *, user_id: IdOrRef | None = None, line_id: IdOrRef | None = None
) -> Command[None]:
    """Hand the dialogue to an employee (`user_id`) or to an open line's queue (`line_id`,
    sent as TRANSFER_ID="queue<ID>"); give exactly one of them."""
    if (user_id is None) == (line_id is None):
        raise ValueError("transfer needs exactly one of user_id and line_id")
    target = user_id if user_id is not None else f"queue{line_id}"
    return _chat_action("imopenlines.operator.transfer", chat_id, TRANSFER_ID=target)


async def transfer_to_user(client: B24Client, chat_id: int, user_id: int) -> None:
    """Make employee `user_id` the dialogue's operator (imopenlines.operator.transfer);
    HandOverRefusedError when they already handle it, are inactive or are no employee."""
    await client.run(transfer_command(chat_id, user_id=user_id))


async def transfer_to_line(client: B24Client, chat_id: int, line_id: int) -> None:
    """Hand the dialogue to the queue of open line `line_id` (imopenlines.operator.transfer);
    HandOverRefusedError when the line is unknown, inactive or has nobody to take it."""
    await client.run(transfer_command(chat_id, line_id=line_id))


# ---- finishing and pinning ----


def finish_session_command(chat_id: IdOrRef) -> Command[None]:
    """Finish the dialogue's session whoever operates it (imopenlines.operator.another.finish)."""
    return _chat_action("imopenlines.operator.another.finish", chat_id)


async def finish_session(client: B24Client, chat_id: int) -> None:
    """Close the dialogue's open session, also when another operator handles it."""
    await client.run(finish_session_command(chat_id))


def pin_session_command(chat_id: IdOrRef, *, pinned: bool = True) -> Command[None]:
    """Pin the dialogue to its operator (ACTIVATE=Y) or unpin it (N)."""
    return _chat_action("imopenlines.session.mode.pin", chat_id, ACTIVATE="Y" if pinned else "N")


async def pin_session(client: B24Client, chat_id: int, *, pinned: bool = True) -> None:
    """Pin (or with pinned=False unpin) the dialogue to its operator
    (imopenlines.session.mode.pin)."""
    await client.run(pin_session_command(chat_id, pinned=pinned))


# ---- the supervisor's rating ----


def rate_session_command(
    session_id: IdOrRef, *, rating: int | None = None, comment: str | None = None
) -> Command[None]:
    """Record a head's rating (1-5) and/or comment on a session; at least one is needed."""
    if rating is not None and not 1 <= rating <= 5:
        raise ValueError("rating must be from 1 to 5")
    params: dict[str, Any] = {"SESSION_ID": session_id}
    if rating is not None:
        params["RATING"] = rating
    if comment is not None and comment.strip():
        params["COMMENT"] = comment
    if len(params) == 1:
        raise ValueError("rate_session needs a rating or a comment")
    return Command("imopenlines.session.head.vote", params, parse_done)


async def rate_session(
    client: B24Client, session_id: int, *, rating: int | None = None, comment: str | None = None
) -> None:
    """Save the supervisor's rating and/or comment on session `session_id`
    (imopenlines.session.head.vote); the history shows them (History.head_rating,
    head_comment). AccessDeniedError when the caller may not rate that line's sessions."""
    await client.run(rate_session_command(session_id, rating=rating, comment=comment))


# ---- open lines and their queues ----


def _queue(item: Any) -> tuple[QueueOperator, ...]:
    fields = as_mapping(item.get("QUEUE_USERS_FIELDS"))
    operators = []
    for user_id in int_tuple(item.get("QUEUE")):
        data = as_mapping(fields.get(str(user_id)))
        operators.append(
            QueueOperator(
                user_id=user_id,
                name=as_str(data.get("USER_NAME")),
                position=as_str(data.get("USER_WORK_POSITION")),
            )
        )
    return tuple(operators)


def parse_open_lines(raw: Any) -> tuple[OpenLine, ...]:
    """The lines of imopenlines.config.list.get; an item without an ID is skipped."""
    if not isinstance(raw, list):
        raise ProtocolError(f"expected a list of lines, got {type(raw).__name__}")
    lines = []
    for item in map(as_mapping, raw):
        line_id = as_id(item.get("ID"))
        if line_id is None:
            continue
        lines.append(
            OpenLine(
                id=line_id,
                name=as_str(item.get("LINE_NAME")),
                active=yes_no(item.get("ACTIVE")),
                queue=_queue(item),
            )
        )
    return tuple(lines)


def open_lines_command(
    *, with_queue: bool = True, active_only: bool = False, offset: int = 0
) -> Command[tuple[OpenLine, ...]]:
    """One page (up to 200) of the open lines by ID, with their operator queues."""
    params: dict[str, Any] = {
        "select": ["ID", "LINE_NAME", "ACTIVE"],
        "order": {"ID": "ASC"},
        "limit": LINES_PAGE,
        "offset": offset,
    }
    if active_only:
        params["filter"] = {"ACTIVE": "Y"}
    return Command(
        "imopenlines.config.list.get",
        {"PARAMS": params, "OPTIONS": {"QUEUE": "Y" if with_queue else "N"}},
        parse_open_lines,
    )


async def open_lines(
    client: B24Client, *, with_queue: bool = True, active_only: bool = False
) -> tuple[OpenLine, ...]:
    """Every open line, ordered by ID, each with its operator queue when `with_queue`."""
    found: dict[int, OpenLine] = {}
    offset = 0
    while True:
        command = open_lines_command(with_queue=with_queue, active_only=active_only, offset=offset)
        page = await client.run(command)
        fresh = [line for line in page if line.id not in found]
        found.update((line.id, line) for line in fresh)
        # A short page is the last; a page with nothing new means offset was ignored.
        if len(page) < LINES_PAGE or not fresh:
            return tuple(found.values())
        offset += LINES_PAGE
