"""imopenlines.config.list.get on the demo portal: lines, their queues, PARAMS and OPTIONS."""

from __future__ import annotations

from typing import Any

import pytest

from .rest import call, ok

LIST = "imopenlines.config.list.get"


def test_every_line_with_its_settings_by_default(live_portal):
    lines = ok(live_portal.webhook, LIST)
    state = live_portal.state
    assert [line["ID"] for line in lines] == [str(i) for i in sorted(state.lines)]
    first = lines[0]
    assert first["LINE_NAME"] == state.lines[1].name and first["ACTIVE"] == "Y"
    assert first["QUEUE_TYPE"] == "evenly" and first["DATE_CREATE"] == {}
    assert not {"QUEUE", "QUEUE_USERS_FIELDS", "CONFIG_QUEUE"} & set(first)


def test_queue_option_gives_each_line_its_operators(live_portal):
    state = live_portal.state
    lines = ok(
        live_portal.webhook,
        LIST,
        PARAMS={"select": ["ID", "LINE_NAME"]},
        OPTIONS={"QUEUE": "Y", "CONFIG_QUEUE": "Y"},
    )
    for line in lines:
        seeded = state.lines[int(line["ID"])]
        assert set(line) == {"ID", "LINE_NAME", "QUEUE", "QUEUE_USERS_FIELDS", "CONFIG_QUEUE"}
        assert line["QUEUE"] == seeded.queue and seeded.queue
        for user_id in seeded.queue:
            fields = line["QUEUE_USERS_FIELDS"][str(user_id)]
            assert fields["USER_NAME"] == state.users[user_id].full_name
            assert fields["USER_WORK_POSITION"] == state.users[user_id].work_position
        assert line["CONFIG_QUEUE"] == [
            {"ENTITY_ID": str(u), "ENTITY_TYPE": "user"} for u in seeded.queue
        ]


def test_select_filter_order_limit_offset(live_portal):
    hook = live_portal.webhook
    live_portal.state.lines[2].active = False
    active = ok(hook, LIST, PARAMS={"select": ["ID"], "filter": {"ACTIVE": "Y"}})
    assert active == [{"ID": "1"}, {"ID": "3"}]
    newest = ok(hook, LIST, PARAMS={"select": ["ID"], "order": {"ID": "desc"}, "limit": 1})
    assert newest == [{"ID": "3"}]
    second = ok(hook, LIST, PARAMS={"select": ["ID"], "order": {"ID": "ASC"}, "offset": 1})
    assert second == [{"ID": "2"}, {"ID": "3"}]
    above = ok(hook, LIST, PARAMS={"select": ["ID"], "filter": {">ID": 1, "!ACTIVE": "N"}})
    assert above == [{"ID": "3"}]
    aliased = ok(hook, LIST, PARAMS={"select": {"TITLE": "LINE_NAME"}, "filter": {"ID": 1}})
    assert aliased == [{"TITLE": live_portal.state.lines[1].name}]


def test_check_permission_modify_shows_an_employee_no_lines(live_portal):
    assert ok(live_portal.webhook, LIST, OPTIONS={"CHECK_PERMISSION": "modify"})
    operator = live_portal.webhook_of("operator")
    assert ok(operator, LIST, OPTIONS={"CHECK_PERMISSION": "MODIFY"}) == []
    assert len(ok(operator, LIST, OPTIONS={"CHECK_PERMISSION": "view"})) == 3


W = "A wrong {} is passed in the PARAMS field '{}'"
CASES: list[tuple[dict[str, Any], str]] = [
    ({"PARAMS": {"where": 1}}, "Unsupported PARAMS fields are passed: where"),
    ({"PARAMS": {"select": "ID"}}, "A wrong format for the PARAMS field 'select' is passed"),
    ({"PARAMS": {"order": "ID"}}, "A wrong format for the PARAMS field 'order' is passed"),
    ({"PARAMS": {"filter": "ID"}}, "A wrong format for the PARAMS field 'filter' is passed"),
    ({"PARAMS": {"limit": -1}}, "A non-negative integer is expected in the PARAMS field 'limit'"),
    ({"PARAMS": {"offset": "x"}},
     "A non-negative integer is expected in the PARAMS field 'offset'"),
    ({"PARAMS": {"select": [""]}}, W.format("field name", "select")),
    ({"PARAMS": {"order": {"": "ASC"}}}, W.format("field name", "order")),
    ({"PARAMS": {"filter": {"": 1}}}, W.format("field name", "filter")),
    ({"PARAMS": {"select": ["QUEUE"]}},
     "An unknown field 'QUEUE' is passed in the PARAMS field 'select'"),
    ({"PARAMS": {"order": {"NOPE": "ASC"}}},
     "An unknown field 'NOPE' is passed in the PARAMS field 'order'"),
    ({"PARAMS": {"filter": {"NOPE": 1}}},
     "An unknown field 'NOPE' is passed in the PARAMS field 'filter'"),
    ({"PARAMS": {"select": {"1A": "ID"}}}, W.format("field alias", "select")),
    ({"PARAMS": {"select": {"ACTIVE": "ID"}}},
     "The alias 'ACTIVE' matches an existing field in the PARAMS field 'select'"),
    ({"PARAMS": {"order": {"ID": "UP"}}}, W.format("sorting direction", "order")),
    ({"OPTIONS": {"SHOW_OFFLINE": "Y"}}, "Unsupported OPTIONS fields are passed: SHOW_OFFLINE"),
    ({"OPTIONS": {"QUEUE": ["Y"]}}, "A wrong format for the OPTIONS field 'QUEUE' is passed"),
    ({"OPTIONS": {"CONFIG_QUEUE": {"a": "Y"}}},
     "A wrong format for the OPTIONS field 'CONFIG_QUEUE' is passed"),
    ({"OPTIONS": {"CHECK_PERMISSION": "fly"}},
     "An unknown value for the OPTIONS field 'CHECK_PERMISSION' is passed"),
]  # fmt: skip


@pytest.mark.parametrize(("params", "description"), CASES, ids=[c[1][:40] for c in CASES])
def test_invalid_format_uses_the_reference_words(live_portal, params, description):
    response = call(live_portal.webhook, LIST, **params)
    assert response.status_code == 400, response.text
    assert response.json() == {"error": "INVALID_FORMAT", "error_description": description}
