"""Status, stage and type names: one request for the four types, long lists, junk items."""

from __future__ import annotations

from b24desk.api import statuses
from b24desk.api.types import CrmEntityType

from .helpers import client, run, wire_methods


def test_every_type_is_named_in_one_request(live_portal):
    async def scenario():
        async with client(live_portal.webhook) as c:
            return await statuses.status_names(c)

    live_portal.portal.wire_log.clear()
    names = run(scenario())
    assert wire_methods(live_portal) == ["batch"]
    assert set(names) == set(CrmEntityType)
    portal = {(i["ENTITY_ID"], i["STATUS_ID"]): i for i in live_portal.state.statuses}
    for entity_type, entity_id in statuses.STATUS_LISTS.items():
        expected = {code for (list_id, code) in portal if list_id == entity_id}
        assert set(names[entity_type]) == expected
    won = names[CrmEntityType.DEAL]["WON"]
    assert won.name == portal[("DEAL_STAGE", "WON")]["NAME"]
    assert won.color == portal[("DEAL_STAGE", "WON")]["COLOR"] and won.semantics == "success"
    assert names[CrmEntityType.CONTACT]["CLIENT"].color == ""


def test_a_list_longer_than_a_page_is_read_whole(live_portal):
    extra = [
        {"ID": str(9000 + n), "ENTITY_ID": "STATUS", "STATUS_ID": f"UC_{n}", "NAME": f"Этап {n}",
         "SORT": str(1000 + n), "COLOR": "#AABBCC"}
        for n in range(60)
    ]  # fmt: skip
    live_portal.state.statuses.extend(extra)

    async def scenario():
        async with client(live_portal.webhook) as c:
            return await statuses.status_names(c)

    names = run(scenario())[CrmEntityType.LEAD]
    assert {f"UC_{n}" for n in range(60)} <= set(names)
    assert names["UC_59"].name == "Этап 59"


def test_junk_items_are_skipped_and_colours_must_be_colours():
    parsed = statuses.parse_items(
        [
            {"STATUS_ID": "A", "NAME": "Fine", "COLOR": "#00FF00"},
            {"STATUS_ID": "B", "NAME": "Odd colour", "COLOR": "red; background:url(x)"},
            {"STATUS_ID": "", "NAME": "No code"},
            {"STATUS_ID": "C"},
            "not an item",
            {"STATUS_ID": "D", "NAME": "Extra wins", "COLOR": "#000000",
             "EXTRA": {"COLOR": "#FFFFFF", "SEMANTICS": "failure"}},
        ]
    )  # fmt: skip
    assert set(parsed) == {"A", "B", "D"}
    assert parsed["A"].color == "#00FF00" and parsed["B"].color == ""
    assert parsed["D"] == statuses.StatusName("Extra wins", "#FFFFFF", "failure")
