"""crm.status.list and crm.status.entity.items on the demo portal: the reference's item shape,
filter, order, paging, errors, and each pipeline's own stages."""

from __future__ import annotations

from tests.portal.methods.rest import call, ok

ITEM_KEYS = {
    "ID", "ENTITY_ID", "STATUS_ID", "NAME", "NAME_INIT", "SORT", "SYSTEM", "CATEGORY_ID",
    "COLOR", "SEMANTICS",
}  # fmt: skip


def test_deal_stages_have_the_reference_shape_in_sort_order(live_portal):
    body = call(
        live_portal.webhook,
        "crm.status.list",
        order={"SORT": "ASC"},
        filter={"ENTITY_ID": "DEAL_STAGE"},
    ).json()
    stages = body["result"]
    assert body["total"] == len(stages) and stages
    for stage in stages:
        assert set(stage) >= ITEM_KEYS and stage["ENTITY_ID"] == "DEAL_STAGE"
        assert isinstance(stage["ID"], str) and isinstance(stage["SORT"], str)
        assert stage["EXTRA"]["COLOR"] == stage["COLOR"]
        assert stage["EXTRA"]["SEMANTICS"] in {"process", "success", "failure"}
    assert [int(s["SORT"]) for s in stages] == sorted(int(s["SORT"]) for s in stages)
    by_code = {s["STATUS_ID"]: s for s in stages}
    assert by_code["WON"]["SEMANTICS"] == "S" and by_code["LOSE"]["SEMANTICS"] == "F"
    assert by_code["NEW"]["SEMANTICS"] is None  # in progress: null at the top level
    # Every default-pipeline stage a seeded deal is in has a name there.
    deals = live_portal.state.crm["deal"].rows
    assert {row["STAGE_ID"] for row in deals if row["CATEGORY_ID"] == "0"} <= set(by_code)


def test_each_pipeline_has_its_own_stages_as_deal_stage_of_its_id(live_portal):
    deals = live_portal.state.crm["deal"].rows
    for pipeline in ("1", "2"):
        stages = ok(
            live_portal.webhook, "crm.status.list", filter={"ENTITY_ID": f"DEAL_STAGE_{pipeline}"}
        )
        assert stages and all(s["CATEGORY_ID"] == pipeline for s in stages)
        assert all(s["STATUS_ID"].startswith(f"C{pipeline}:") for s in stages)
        assert {s["EXTRA"]["SEMANTICS"] for s in stages} == {"process", "success", "failure"}
        used = {row["STAGE_ID"] for row in deals if row["CATEGORY_ID"] == pipeline}
        assert used and used <= {s["STATUS_ID"] for s in stages}


def test_entity_items_lists_one_list_by_sort_in_the_short_shape(live_portal):
    items = ok(live_portal.webhook, "crm.status.entity.items", entityId="DEAL_STAGE_1")
    assert items and all(set(i) == {"NAME", "SORT", "STATUS_ID"} for i in items)
    assert all(isinstance(i["SORT"], int) for i in items)
    assert [i["SORT"] for i in items] == sorted(i["SORT"] for i in items)
    listed = ok(live_portal.webhook, "crm.status.list", filter={"ENTITY_ID": "DEAL_STAGE_1"})
    assert [i["STATUS_ID"] for i in items] == [s["STATUS_ID"] for s in listed]


def test_entity_items_refuses_a_missing_or_unknown_list_as_documented(live_portal):
    for params in ({}, {"entityId": "NO_SUCH_LIST"}, {"entityId": ["STATUS"]}):
        response = call(live_portal.webhook, "crm.status.entity.items", **params)
        assert response.status_code == 400, params
        assert response.json() == {
            "error": "The parameter entityId is not defined or invalid.",
            "error_description": "The directory ID is not specified or is incorrect.",
        }


def test_plain_lists_have_no_stage_extras(live_portal):
    types = ok(live_portal.webhook, "crm.status.list", filter={"ENTITY_ID": "CONTACT_TYPE"})
    assert types and all("EXTRA" not in t and t["COLOR"] is None for t in types)
    used = {row["TYPE_ID"] for row in live_portal.state.crm["contact"].rows}
    assert used <= {t["STATUS_ID"] for t in types}


def test_unfiltered_list_pages_by_50_and_orders_descending(live_portal):
    first = call(live_portal.webhook, "crm.status.list", order={"ID": "DESC"}).json()
    assert first["total"] == len(live_portal.state.statuses)
    ids = [int(i["ID"]) for i in first["result"]]
    assert ids == sorted(ids, reverse=True) and len(ids) == min(50, first["total"])
    assert first.get("next") == (50 if first["total"] > 50 else None)


def test_a_filter_that_is_not_an_array_is_refused_like_the_crm_family(live_portal):
    response = call(live_portal.webhook, "crm.status.list", filter="STATUS")
    assert response.status_code == 400
    assert response.json() == {
        "error": "",
        "error_description": "Parameter 'filter' must be array.",
    }
