"""crm.status.list on the demo portal: the reference's item shape, filter, order, paging, errors."""

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
    # Every stage a seeded deal is in has a name.
    used = {row["STAGE_ID"] for row in live_portal.state.crm["deal"].rows}
    assert used <= set(by_code)


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
