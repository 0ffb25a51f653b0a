"""crm.item.list/get/fields on the demo portal, against crm-item-*.md: the same rows as
crm.{type}.*, in camelCase, with prefixed and `logic: OR` filters, paging and errors."""

from __future__ import annotations

import httpx
import pytest

from b24desk.portal import cost
from b24desk.portal.state import CrmType

from .rest import call, ok

TYPE_IDS = {CrmType.LEAD: 1, CrmType.DEAL: 2, CrmType.CONTACT: 3, CrmType.COMPANY: 4}


def items(url: str, crm_type: CrmType = CrmType.LEAD, **params) -> list[dict]:
    return ok(url, "crm.item.list", entityTypeId=TYPE_IDS[crm_type], **params)["items"]


def ids(url: str, filter_: dict, crm_type: CrmType = CrmType.LEAD) -> set[int]:
    body = call(url, "crm.item.list", entityTypeId=TYPE_IDS[crm_type], filter=filter_).json()
    assert body["total"] <= 50, "keep filters narrow enough for one page"
    return {item["id"] for item in body["result"]["items"]}


def old_ids(url: str, filter_: dict) -> set[int]:
    body = call(url, "crm.lead.list", filter=filter_, select=["ID"]).json()
    return {int(row["ID"]) for row in body["result"]}


@pytest.mark.parametrize("crm_type", list(CrmType))
def test_list_pages_items_of_50_with_next_and_total(live_portal, crm_type):
    hook, type_id = live_portal.webhook, TYPE_IDS[crm_type]
    first = call(hook, "crm.item.list", entityTypeId=type_id, select=["id"]).json()
    total = len(live_portal.state.crm[crm_type].rows)
    assert set(first["result"]) == {"items"}
    assert first["total"] == total
    assert first.get("next") == (50 if total > 50 else None)
    seen = [item["id"] for item in first["result"]["items"]]
    start = first.get("next")
    while start is not None:
        body = call(hook, "crm.item.list", entityTypeId=type_id, select=["id"], start=start)
        seen += [item["id"] for item in body.json()["result"]["items"]]
        start = body.json().get("next")
    assert all(isinstance(i, int) for i in seen)
    assert len(seen) == len(set(seen)) == total


def test_start_minus_one_with_an_id_cursor_counts_nothing(live_portal):
    body = call(
        live_portal.webhook,
        "crm.item.list",
        entityTypeId=1,
        select=["id"],
        order={"id": "ASC"},
        filter={">id": 10},
        start=-1,
    ).json()
    assert "total" not in body and "next" not in body
    assert [item["id"] for item in body["result"]["items"]] == list(range(11, 61))


def test_lead_item_is_the_old_row_in_camel_case(live_portal):
    row = next(r for r in live_portal.state.crm[CrmType.LEAD].rows if r.get("PHONE"))
    item = ok(live_portal.webhook, "crm.item.get", entityTypeId=1, id=int(row["ID"]))["item"]
    assert item["id"] == int(row["ID"]) and item["entityTypeId"] == 1
    assert item["title"] == row["TITLE"] and item["lastName"] == (row["LAST_NAME"] or None)
    assert item["stageId"] == row["STATUS_ID"]
    assert item["assignedById"] == int(row["ASSIGNED_BY_ID"])
    assert item["opportunity"] == float(row["OPPORTUNITY"])
    assert item["currencyId"] == row["CURRENCY_ID"]
    assert item["createdTime"] == row["DATE_CREATE"]
    assert item["updatedTime"] == row["DATE_MODIFY"]
    assert item["contactId"] == int(row["CONTACT_ID"])
    assert item["contactIds"] == ([int(row["CONTACT_ID"])] if row["CONTACT_ID"] != "0" else [])
    phone = row["PHONE"][0]
    assert item["fm"][0] == {
        "id": int(phone["ID"]),
        "valueType": phone["VALUE_TYPE"],
        "value": phone["VALUE"],
        "typeId": "PHONE",
    }
    assert item["phone"] == phone["VALUE"]
    assert "PHONE" not in item and "TITLE" not in item


def test_deal_contact_and_company_fields(live_portal):
    state, hook = live_portal.state, live_portal.webhook
    deal = state.crm[CrmType.DEAL].rows[0]
    item = ok(hook, "crm.item.get", entityTypeId=2, id=int(deal["ID"]))["item"]
    assert item["stageId"] == deal["STAGE_ID"] and item["categoryId"] == int(deal["CATEGORY_ID"])
    assert item["companyId"] == int(deal["COMPANY_ID"]) and "fm" not in item
    contact = next(r for r in state.crm[CrmType.CONTACT].rows if r["COMPANY_ID"] != "0")
    item = ok(hook, "crm.item.get", entityTypeId=3, id=int(contact["ID"]))["item"]
    assert item["companyIds"] == [int(contact["COMPANY_ID"])]
    assert item["typeId"] == contact["TYPE_ID"]
    company_id = int(contact["COMPANY_ID"])
    item = ok(hook, "crm.item.get", entityTypeId=4, id=company_id)["item"]
    assert item["typeId"] == state.crm[CrmType.COMPANY].by_id[company_id]["COMPANY_TYPE"]
    assert item["contactIds"] == [
        int(r["ID"]) for r in state.crm[CrmType.CONTACT].rows if r["COMPANY_ID"] == str(company_id)
    ]
    assert {v["typeId"] for v in item["fm"]} >= {"PHONE", "EMAIL", "WEB"}


def test_select_names_fields_and_only_star_brings_fm(live_portal):
    hook = live_portal.webhook
    named = items(
        hook, CrmType.CONTACT, select=["name", "lastName", "fm"], filter={"hasPhone": "Y"}
    )
    assert set(named[0]) == {"id", "name", "lastName"}
    everything = items(hook, CrmType.CONTACT, select=["*"], filter={"hasPhone": "Y"})
    assert everything[0]["fm"] and {"stageId", "NAME"}.isdisjoint(everything[0])


def test_prefixed_filters_match_the_old_method_on_the_same_rows(live_portal):
    hook = live_portal.webhook
    leads = live_portal.state.crm[CrmType.LEAD].rows
    assert ids(hook, {">id": 5, "<id": 9}) == {6, 7, 8}
    assert ids(hook, {">=id": 5, "<=id": 9}) == {5, 6, 7, 8, 9}
    assert ids(hook, {"@id": [2, 4, 999999]}) == {2, 4}
    assert ids(hook, {"<=id": 5, "!@id": [1, 2]}) == {3, 4, 5}
    assert ids(hook, {"<=id": 5, "!id": 3}) == {1, 2, 4, 5}
    word = leads[3]["TITLE"].split()[0][1:4]
    assert ids(hook, {"%title": word, "<=id": 40}) == old_ids(hook, {"%TITLE": word, "<=ID": 40})
    status = leads[3]["STATUS_ID"]
    assert ids(hook, {"stageId": status, "<=id": 40}) == old_ids(
        hook, {"STATUS_ID": status, "<=ID": 40}
    )
    since = leads[20]["DATE_CREATE"]
    assert ids(hook, {">=createdTime": since, "<=id": 40}) == old_ids(
        hook, {">=DATE_CREATE": since, "<=ID": 40}
    )


def test_logic_or_groups_nest_as_the_reference_example(live_portal):
    hook = live_portal.webhook
    leads = live_portal.state.crm[CrmType.LEAD].rows
    last_name = leads[7]["LAST_NAME"]
    either = {"logic": "OR", "0": {"id": 3}, "1": {"%lastName": last_name}}
    expected = {3} | {
        int(r["ID"]) for r in leads if last_name.casefold() in r["LAST_NAME"].casefold()
    }
    assert ids(hook, either) == expected
    # The reference's shape: a numbered OR group beside ANDed conditions.
    status = leads[0]["STATUS_ID"]
    nested = {"0": {"logic": "OR", "0": {"id": 1}, "1": {"id": 2}}, "stageId": status}
    assert ids(hook, nested) == {i for i in (1, 2) if leads[i - 1]["STATUS_ID"] == status}
    # A PHP-style batch command sends the same tree.
    batch = ok(
        hook,
        "batch",
        cmd={"q": "crm.item.list?entityTypeId=1&filter[logic]=OR&filter[0][id]=3&filter[1][id]=4"},
    )
    assert [i["id"] for i in batch["result"]["q"]["items"]] == [3, 4]


def test_order_and_batch_references_into_items(live_portal):
    hook = live_portal.webhook
    titles = [i["title"].casefold() for i in items(hook, CrmType.COMPANY, order={"title": "DESC"})]
    assert titles == sorted(titles, reverse=True)
    chained = ok(
        hook,
        "batch",
        cmd={
            "a": "crm.item.list?entityTypeId=1&select[]=id&order[id]=ASC&start=-1",
            "b": "crm.item.list?entityTypeId=1&select[]=id&order[id]=ASC&start=-1"
            "&filter[>id]=$result[a][items][49][id]",
        },
    )
    assert [i["id"] for i in chained["result"]["b"]["items"]][:2] == [51, 52]


@pytest.mark.parametrize(
    ("method", "params", "code", "text"),
    [
        ("crm.item.list", {"entityTypeId": 7}, "NOT_FOUND", "Smart process not found"),
        ("crm.item.list", {}, "NOT_FOUND", "Smart process not found"),
        ("crm.item.get", {"entityTypeId": 1, "id": 10**9}, "NOT_FOUND", "Element not found"),
        ("crm.item.fields", {"entityTypeId": 128}, "NOT_FOUND", "Smart process not found"),
        (
            "crm.item.list",
            {"entityTypeId": 1, "filter": {"PHONE": "1"}},
            "INVALID_ARG_VALUE",
            "Invalid filter: field 'PHONE' is not allowed in filter",
        ),
        (
            "crm.item.list",
            {"entityTypeId": 1, "filter": {">id": "abc"}},
            "INVALID_ARG_VALUE",
            "Invalid filter: field 'id' has invalid value",
        ),
        (
            "crm.item.list",
            {"entityTypeId": 1, "order": {"fm": "ASC"}},
            "INVALID_ARG_VALUE",
            "Invalid order: field 'fm' is not allowed in order",
        ),
        (
            "crm.item.list",
            {"entityTypeId": 1, "order": {"id": "UP"}},
            "INVALID_ARG_VALUE",
            "Invalid order: allowed sort directions are ASC, DESC. But got 'UP' for field 'id'",
        ),
    ],
)
def test_errors_have_the_reference_code_status_and_words(live_portal, method, params, code, text):
    response = call(live_portal.webhook, method, **params)
    assert response.status_code == 400
    assert response.json() == {"error": code, "error_description": text}


def test_permissions_leave_out_unreadable_items(live_portal):
    operator = live_portal.webhook_of("operator")
    hook = next(h for h in live_portal.state.webhooks.values() if "operator" in h.title)
    leads = live_portal.state.crm[CrmType.LEAD].rows
    own = [r for r in leads if r["ASSIGNED_BY_ID"] == str(hook.user_id)]
    body = call(operator, "crm.item.list", entityTypeId=1, select=["assignedById"]).json()
    assert body["total"] == len(own) > 0
    assert {i["assignedById"] for i in body["result"]["items"]} == {hook.user_id}
    # No read permission on deals at all: the list is empty, not an error (crm-item-list.md).
    deals = call(operator, "crm.item.list", entityTypeId=2).json()
    assert deals["result"] == {"items": []} and deals["total"] == 0
    denied = {
        "error": "ACCESS_DENIED",
        "error_description": "You do not have permission to view this item",
    }
    foreign = next(r for r in leads if r["ASSIGNED_BY_ID"] != str(hook.user_id))
    for method, params in (
        ("crm.item.get", {"entityTypeId": 1, "id": int(foreign["ID"])}),
        ("crm.item.get", {"entityTypeId": 2, "id": 1}),
        ("crm.item.fields", {"entityTypeId": 2}),
    ):
        response = call(operator, method, **params)
        assert (response.status_code, response.json()) == (400, denied)


def test_fields_describe_each_field_with_its_upper_name(live_portal):
    fields = ok(live_portal.webhook, "crm.item.fields", entityTypeId=1)["fields"]
    keys = {"type", "isRequired", "isReadOnly", "isImmutable", "isMultiple", "isDynamic", "title"}
    assert all(keys | {"upperName"} <= set(f) for f in fields.values())
    assert (
        fields["stageId"]["type"] == "crm_status" and fields["stageId"]["upperName"] == "STATUS_ID"
    )
    assert fields["createdTime"]["upperName"] == "CREATED_TIME"
    assert fields["contactIds"]["isMultiple"] is True
    assert "fm" not in fields  # not a field: only select=* brings it


def test_cost_model_counts_for_start_zero_only(portal_factory):
    lp = portal_factory(rate_limit=False, realistic_cost=True, leads=3000)
    params = {"entityTypeId": 1, "select": ["id"], "order": {"id": "ASC"}}
    counted = httpx.post(
        lp.webhook + "crm.item.list", json={**params, "start": 2500}, timeout=10
    ).json()
    fast = httpx.post(
        lp.webhook + "crm.item.list",
        json={**params, "start": -1, "filter": {">id": 2500}},
        timeout=10,
    ).json()
    assert counted["result"] == fast["result"]
    assert counted["time"]["processing"] > fast["time"]["processing"] + 0.05


def test_ids_in_a_one_member_or_group_or_an_at_list_are_read_by_id_not_scanned(portal_factory):
    """What the desk's portal search sends: `{"logic": "OR", "0": {"id": N}}` for a number
    and `@id` for what findbycomm found; a real portal reads both by primary key."""
    lp = portal_factory(rate_limit=False, realistic_cost=True, leads=3000)
    for filter_, found in (
        ({"logic": "OR", "0": {"id": 2999}}, [2999]),
        ({"@id": [2999, 5, 10**6]}, [5, 2999]),
        ({"@id": []}, []),
    ):
        body = httpx.post(
            lp.webhook + "crm.item.list",
            json={"entityTypeId": 1, "select": ["id"], "filter": filter_, "start": -1},
            timeout=10,
        ).json()
        assert [i["id"] for i in body["result"]["items"]] == found
        unscanned = cost.BASE_SECONDS + len(found) * cost.ROW_SECONDS
        assert body["time"]["processing"] == pytest.approx(unscanned, abs=1e-6)
