"""Status, stage and type names: one request for the four types (two with several deal
pipelines), each pipeline's stages named with it, long lists, junk items."""

from __future__ import annotations

from b24desk.api import statuses
from b24desk.api.types import CrmEntityType

from .helpers import client, run, wire_methods


def names_on(live_portal):
    async def scenario():
        async with client(live_portal.webhook) as c:
            return await statuses.status_names(c)

    live_portal.portal.wire_log.clear()
    return run(scenario())


def test_every_type_is_named_with_each_pipelines_stages(live_portal):
    names = names_on(live_portal)
    # The lists and the pipelines in one request, the other pipelines' stages in a second.
    assert wire_methods(live_portal) == ["batch", "batch"]
    assert set(names) == set(CrmEntityType)
    portal = {(i["ENTITY_ID"], i["STATUS_ID"]): i for i in live_portal.state.statuses}
    lists = {**statuses.STATUS_LISTS, CrmEntityType.DEAL: "DEAL_STAGE"}
    for entity_type, entity_id in lists.items():
        expected = {code for (list_id, code) in portal if list_id.startswith(entity_id)}
        assert set(names[entity_type]) == expected
    won = names[CrmEntityType.DEAL]["WON"]
    assert won.name == portal[("DEAL_STAGE", "WON")]["NAME"]
    assert won.color == portal[("DEAL_STAGE", "WON")]["COLOR"] and won.semantics == "success"
    assert names[CrmEntityType.CONTACT]["CLIENT"].color == ""
    # A stage names its pipeline: deals in three pipelines read "Pipeline · Stage".
    pipelines = {c["id"]: c["name"] for c in live_portal.state.categories}
    assert won.pipeline == pipelines[0]
    repeat = names[CrmEntityType.DEAL]["C1:NEW"]
    assert (repeat.name, repeat.pipeline) == (
        portal[("DEAL_STAGE_1", "C1:NEW")]["NAME"],
        pipelines[1],
    )
    assert repeat.color == portal[("DEAL_STAGE_1", "C1:NEW")]["COLOR"]
    assert names[CrmEntityType.LEAD]["NEW"].pipeline == ""


def test_one_pipeline_takes_one_request_and_its_stages_need_no_pipeline_name(live_portal):
    state = live_portal.state
    state.categories[:] = [c for c in state.categories if c["id"] == 0]
    names = names_on(live_portal)
    assert wire_methods(live_portal) == ["batch"]
    assert names[CrmEntityType.DEAL]["WON"].pipeline == ""


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
