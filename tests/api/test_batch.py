"""Batch: command encoding, references, per-command errors, halting and chunking."""

from __future__ import annotations

from urllib.parse import parse_qsl

import pytest

from b24desk.api import Command, coded_errors, errors, ref
from b24desk.api.batch import parse_result
from b24desk.api.query import build_query, command_string, flatten
from b24desk.portal.params import parse_query

from .helpers import client, lead_chats, lead_of, run, wire_methods


def test_nested_parameters_are_encoded_like_http_build_query():
    params = {"filter": {">ID": 5, "=%TITLE": "50% off"}, "select": ["ID", "TITLE"], "start": -1}
    assert flatten(params) == [
        ("filter[>ID]", "5"),
        ("filter[=%TITLE]", "50% off"),
        ("select[0]", "ID"),
        ("select[1]", "TITLE"),
        ("start", "-1"),
    ]
    assert build_query(params) == (
        "filter[%3EID]=5&filter[%3D%25TITLE]=50%25%20off&select[0]=ID&select[1]=TITLE&start=-1"
    )


def test_values_are_url_encoded_so_php_reads_them_back_unchanged():
    text = "a&b=c+d %e #f ?g [b]жирный[/b] $5"
    params = {"MESSAGE": text, "FIELDS": {"TITLE": "x=y&z"}, "FLAG": True, "NONE": None}
    decoded = parse_query(build_query(params))
    assert decoded == {"MESSAGE": text, "FIELDS": {"TITLE": "x=y&z"}, "FLAG": "1"}


def test_references_are_left_literal_for_the_portal_to_find():
    query = build_query({"CHAT_ID": ref("last"), "filter": {">ID": ref("p3", 49, "ID")}})
    assert query == "CHAT_ID=$result[last]&filter[%3EID]=$result[p3][49][ID]"
    assert dict(parse_qsl(query)) == {
        "CHAT_ID": "$result[last]",
        "filter[>ID]": "$result[p3][49][ID]",
    }


def test_a_command_without_parameters_is_just_the_method():
    assert command_string("user.current", {}) == "user.current"


def test_bare_digit_command_names_are_refused(live_portal):
    async def scenario():
        async with client(live_portal.webhook) as c:
            await c.batch({"0": ("scope", {}), "1": ("user.current", {})})

    with pytest.raises(ValueError, match="not digits only"):
        run(scenario())
    assert not live_portal.portal.wire_log


def test_results_errors_totals_and_nexts_are_kept_apart(live_portal):
    async def scenario():
        async with client(live_portal.webhook) as c:
            return await c.batch(
                {
                    "leads": ("crm.lead.list", {"select": ["ID"]}),
                    "missing": ("crm.lead.get", {"id": 99_999_999}),
                    "me": ("user.current", {}),
                    "bad": ("no.such.method", {}),
                }
            )

    result = run(scenario())
    assert set(result.results) == {"leads", "me"}
    assert set(result.errors) == {"missing", "bad"}
    assert isinstance(result.errors["missing"], coded_errors.NotFoundError)
    assert result.errors["missing"].method == "crm.lead.get"
    assert isinstance(result.errors["bad"], coded_errors.MethodNotFoundError)
    assert result.totals["leads"] == len(live_portal.state.crm["lead"].rows)
    assert result.nexts == {"leads": 50}
    assert result.value("me")["ID"] == "1"
    with pytest.raises(coded_errors.NotFoundError):
        result.value("missing")
    assert not result.ok


def test_typed_commands_parse_inside_a_batch(live_portal):
    from b24desk.api import openlines, users
    from b24desk.api.types import CrmEntityType, History

    chat = lead_chats(live_portal)[0]
    lead_id = lead_of(chat)

    async def scenario():
        async with client(live_portal.webhook) as c:
            return await c.batch(
                {
                    "last": openlines.last_chat_id_command(CrmEntityType.LEAD, lead_id),
                    "history": openlines.history_command(chat_id=ref("last")),
                    "members": openlines.participants_command(ref("last")),
                    "me": users.current_command(),
                }
            )

    result = run(scenario())
    history = result.value("history")
    assert isinstance(history, History)
    assert history.chat_id == result.value("last")
    assert set(result.value("members")) == set(chat.participants)
    assert result.value("me").id == 1
    assert wire_methods(live_portal) == ["batch"]


def test_halt_stops_at_the_first_error_and_later_commands_are_skipped(live_portal):
    async def scenario():
        async with client(live_portal.webhook) as c:
            return await c.batch(
                {
                    "me": ("user.current", {}),
                    "bad": ("crm.lead.get", {"id": 99_999_999}),
                    "never": ("scope", {}),
                },
                halt=True,
            )

    result = run(scenario())
    assert set(result.results) == {"me"}
    assert set(result.errors) == {"bad"}
    with pytest.raises(errors.BatchSkippedError):
        result.value("never")
    with pytest.raises(KeyError):
        result.value("not-a-command")


def test_more_than_fifty_commands_are_chunked(live_portal):
    commands = {f"lead{n}": ("crm.lead.get", {"id": n}) for n in range(1, 121)}

    async def scenario():
        async with client(live_portal.webhook) as c:
            return await c.batch(commands)

    result = run(scenario())
    assert wire_methods(live_portal) == ["batch"] * 3
    assert [result.value(f"lead{n}")["ID"] for n in range(1, 121)] == [
        str(n) for n in range(1, 121)
    ]
    assert not live_portal.portal.count_errors("ERROR_BATCH_LENGTH_EXCEEDED")


def test_halt_also_stops_later_chunks(live_portal):
    commands = {f"c{n}": ("crm.lead.get", {"id": n if n != 3 else 99_999_999}) for n in range(60)}

    async def scenario():
        async with client(live_portal.webhook) as c:
            return await c.batch(commands, halt=True)

    result = run(scenario())
    assert wire_methods(live_portal) == ["batch"]
    with pytest.raises(errors.BatchSkippedError):
        result.value("c55")


def test_a_reference_into_another_chunk_is_refused():
    async def scenario():
        async with client("https://x.bitrix24.ru/rest/1/abc/") as c:
            commands = {f"c{n}": ("scope", {}) for n in range(50)}
            commands["late"] = ("im.chat.user.list", {"CHAT_ID": ref("c0")})
            await c.batch(commands)

    with pytest.raises(ValueError, match="another 50-command chunk"):
        run(scenario())


def test_php_empty_arrays_in_place_of_objects_are_read_as_empty():
    # A batch where nothing failed and nothing pages: PHP sends [] for those parts.
    result = parse_result(
        {
            "result": {"a": 1},
            "result_error": [],
            "result_total": [],
            "result_next": [],
            "result_time": [],
        },
        {"a": Command("scope")},
    )
    assert (dict(result.errors), dict(result.totals), dict(result.nexts)) == ({}, {}, {})
    assert result.value("a") == 1
    assert parse_result([], {}).results == {}


def test_a_batch_of_reads_is_retried(live_portal):
    live_portal.portal.faults.inject("502", method="batch")

    async def scenario():
        async with client(live_portal.webhook) as c:
            return await c.batch({"me": ("user.current", {}), "scope": ("scope", {})})

    assert run(scenario()).value("me")["ID"] == "1"
    assert wire_methods(live_portal) == ["batch", "batch"]
