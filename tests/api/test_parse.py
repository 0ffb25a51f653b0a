"""Whatever JSON a server sends, every parser gives a well-formed value or a typed error."""

from __future__ import annotations

import math
from typing import Any

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from b24desk.api import crm, live, openlines, session_actions, system, users
from b24desk.api.batch import Command
from b24desk.api.errors import B24Error, OutcomeUnknownError
from b24desk.api.kinds import is_write
from b24desk.api.parse import as_datetime, as_id, as_int, as_list, as_mapping, int_tuple
from b24desk.api.types import CrmEntityType

LEAD = CrmEntityType.LEAD

# JSON as json.loads can produce it: huge and non-finite numbers included (1e400 -> inf).
scalars = (
    st.none()
    | st.booleans()
    | st.integers(min_value=-(10**30), max_value=10**30)
    | st.floats(allow_nan=True, allow_infinity=True)
    | st.text(max_size=20)
    | st.sampled_from(["", "0", "1", "-1", "Y", "N", "abc", "1e400", "2026-03-11T13:12:46+01:00"])
)
json_values = st.recursive(
    scalars,
    lambda inner: (
        st.lists(inner, max_size=5)
        | st.dictionaries(
            st.sampled_from(["ID", "id", "NAME", "message", "users", "chatId", "result", "0", "x"])
            | st.text(max_size=8),
            inner,
            max_size=6,
        )
    ),
    max_leaves=30,
)


def deep(levels: int) -> Any:
    value: Any = 1
    for _ in range(levels):
        value = [value]
    return value


HOSTILE = [3, True, None, 1e400, -1e400, 10**5000, "x", {"0": 3}, [3], deep(5000)]

COMMANDS: list[Command[Any]] = [
    users.current_command(),
    users.get_command([1, 2]),
    users.search_command("anna"),
    users.search_command("anna", active_only=False),
    crm.list_command(LEAD),
    crm.get_command(LEAD, 1),
    *crm.search_commands(LEAD, "anna 7 a@b.c").values(),
    openlines.chats_command(LEAD, 1),
    openlines.last_chat_id_command(LEAD, 1),
    openlines.add_participant_command(LEAD, 1, 2),
    openlines.remove_participant_command(LEAD, 1, 2),
    openlines.participants_command(1),
    openlines.send_message_command(LEAD, 1, 2, 3, "hi"),
    openlines.create_lead_command(1),
    openlines.history_command(chat_id=1),
    openlines.dialog_command(chat_id=1),
    session_actions.join_session_command(1),
    session_actions.intercept_session_command(1),
    session_actions.transfer_command(1, user_id=2),
    session_actions.transfer_command(1, line_id=2),
    session_actions.finish_session_command(1),
    session_actions.pin_session_command(1, pinned=False),
    session_actions.rate_session_command(1, rating=5, comment="ok"),
    session_actions.open_lines_command(),
    system.scope_command(),
    system.server_time_command(),
    live.subscribe_command(),
    live.unsubscribe_command(),
    live.events_command(5, 10),
    live.dialog_messages_command(1, first_id=2),
    live.recent_command(only_openlines=True),
    live.counters_command(),
]
HELPERS = [as_int, as_id, as_mapping, as_list, int_tuple, as_datetime, users.parse_chat_user]


def check_outcome(command: Command[Any], raw: Any) -> None:
    try:
        value = command.outcome(raw)
    except B24Error as error:
        if is_write(command.method):
            assert isinstance(error, OutcomeUnknownError), (command.method, error)
        return
    repr(value)  # a well-formed value can be shown


@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: c.method)
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(raw=json_values)
def test_every_command_reads_any_json_or_raises_a_typed_error(command, raw):
    check_outcome(command, raw)


@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: c.method)
@pytest.mark.parametrize("raw", HOSTILE, ids=lambda r: type(r).__name__)
def test_every_command_survives_the_known_hostile_answers(command, raw):
    check_outcome(command, raw)


@pytest.mark.parametrize("helper", HELPERS, ids=lambda h: h.__name__)
@settings(max_examples=80, deadline=None)
@given(raw=json_values)
@example(raw=1e400)
@example(raw=10**5000)
@example(raw=float("nan"))
def test_the_reading_helpers_never_raise(helper, raw):
    helper(raw)


@pytest.mark.parametrize(("raw", "expected"), [(1e400, 0), ("1e400", 0), (math.nan, 0), ("7", 7)])
def test_as_int_of_huge_or_odd_numbers(raw, expected):
    assert as_int(raw) == expected


@pytest.mark.parametrize("answer", ["abc", None, 0, [], {"ID": 5}, True])
def test_a_message_add_whose_answer_cannot_be_read_is_outcome_unknown(answer):
    command = openlines.send_message_command(LEAD, 1, 2, 3, "hi")
    with pytest.raises(OutcomeUnknownError):
        command.outcome(answer)
    assert command.outcome("42") == 42


def test_rows_share_their_zone_and_codes_instead_of_a_copy_each():
    # 100,000 browser rows held a zone object per date and a "NEW" per status: 26 MB.
    rows = [
        {"id": i, "stageId": "".join(["IN_", "PROCESS"]), "currencyId": "".join(["R", "UB"])}
        | {"createdTime": f"2026-03-{i:02d}T13:12:46+03:00", "updatedTime": None}
        for i in (1, 2)
    ]
    first, second = (crm.parse_entity(LEAD, row) for row in rows)
    assert first.date_create is not None and second.date_create is not None
    assert first.date_create.tzinfo is second.date_create.tzinfo
    assert first.date_create.isoformat() == "2026-03-01T13:12:46+03:00"  # the same moment
    assert first.status is second.status and first.currency is second.currency
    other = as_datetime("2026-03-01T13:12:46-05:00")
    assert other is not None and other.utcoffset() != first.date_create.utcoffset()
