"""Whatever body a server sends, the envelope and batch decoding give values or typed errors."""

from __future__ import annotations

import json
from typing import Any

import httpx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from b24desk.api import openlines, users
from b24desk.api.errors import B24Error, OutcomeUnknownError
from b24desk.api.types import CrmEntityType

from .helpers import client, run
from .test_parse import json_values

WEBHOOK = "https://portal.example.com/rest/1/abcdef123/"
RAW_BODIES = [
    b"[" * 100_000 + b"]" * 100_000,
    b'{"result": ' + b"[" * 5_000 + b"]" * 5_000 + b"}",
    b'{"result": 1e400, "total": 1e400, "next": -1e400, "time": 3}',
    b'{"result": ' + b"9" * 5_000 + b"}",
    b'{"result": [], "total": "abc", "next": [], "time": []}',
    b'{"result": {"result": {"u": 3}, "result_error": 3, "result_total": "x"}}',
    b'{"result": {"result": 3, "result_error": {"u": 3}, "result_next": {"u": 1e400}}}',
    b'{"error": {"deep": [1]}, "error_description": [null]}',
    b"null",
    b"3",
    b'"text"',
    b"\xff\xfe",
]


def answering(status: int, body: bytes) -> httpx.MockTransport:
    return httpx.MockTransport(lambda request: httpx.Response(status, content=body))


def exercise(status: int, body: bytes) -> None:
    """Every way the client reads a body: envelope, typed read, typed write, batch."""
    send = openlines.send_message_command(CrmEntityType.LEAD, 1, 2, 3, "hi")

    async def scenario() -> None:
        async with client(WEBHOOK, transport=answering(status, body), max_retries=0) as c:
            steps: list[Any] = [
                lambda: c.call_envelope("crm.lead.list"),
                lambda: c.run(users.get_command([1])),
                lambda: c.run(send),
                lambda: c.batch({"u": users.get_command([1]), "m": send}),
            ]
            for number, step in enumerate(steps):
                try:
                    outcome = await step()
                except B24Error as error:
                    if number == 2 and status == 200 and b'"error"' not in body:
                        assert isinstance(error, OutcomeUnknownError), error
                    continue
                if number == 3:
                    for name in ("u", "m"):
                        try:
                            repr(outcome.value(name))
                        except B24Error as error:
                            if name == "m" and name not in outcome.errors:
                                assert isinstance(error, OutcomeUnknownError), error
                else:
                    repr(outcome)

    run(scenario())


@pytest.mark.parametrize("body", RAW_BODIES, ids=lambda b: b[:20].decode("latin-1"))
@pytest.mark.parametrize("status", [200, 400, 500])
def test_hostile_bodies_give_values_or_typed_errors(status, body):
    exercise(status, body)


envelopes = st.fixed_dictionaries(
    {},
    optional={
        "result": json_values,
        "total": json_values,
        "next": json_values,
        "time": json_values,
        "error": json_values,
    },
)
batch_envelopes = st.fixed_dictionaries(
    {
        "result": st.fixed_dictionaries(
            {},
            optional={
                "result": st.dictionaries(st.sampled_from(["u", "m", "x"]), json_values)
                | json_values,
                "result_error": st.dictionaries(st.sampled_from(["u", "m"]), json_values)
                | json_values,
                "result_total": json_values,
                "result_next": json_values,
            },
        )
    }
)


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(body=envelopes | batch_envelopes | json_values, status=st.sampled_from([200, 401, 503]))
def test_arbitrary_json_gives_values_or_typed_errors(body, status):
    exercise(status, json.dumps(body).encode())
