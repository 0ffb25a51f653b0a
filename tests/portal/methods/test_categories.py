"""crm.category.list on the demo portal: the reference's shape, order, permissions, errors."""

from __future__ import annotations

from tests.portal.methods.rest import call, ok

CATEGORY_KEYS = {"id", "name", "sort", "entityTypeId", "isDefault"}


def test_deal_pipelines_come_wrapped_in_categories_with_a_total(live_portal):
    body = call(live_portal.webhook, "crm.category.list", entityTypeId=2).json()
    categories = body["result"]["categories"]
    assert set(body["result"]) == {"categories"} and body["total"] == len(categories) == 3
    assert "next" not in body
    for category in categories:
        assert set(category) >= CATEGORY_KEYS and category["entityTypeId"] == 2
        assert isinstance(category["id"], int) and isinstance(category["sort"], int)
        assert category["isDefault"] == ("Y" if category["id"] == 0 else "N")
        # Deals' pipelines carry their origin, the default one none (the reference's example).
        assert ("originId" in category) is (category["id"] != 0)
    assert [c["sort"] for c in categories] == sorted(c["sort"] for c in categories)
    # Every pipeline a seeded deal is in is listed.
    used = {int(row["CATEGORY_ID"]) for row in live_portal.state.crm["deal"].rows}
    assert used == {c["id"] for c in categories}


def test_clients_have_their_default_pipeline(live_portal):
    for entity_type_id in (3, 4):
        categories = ok(live_portal.webhook, "crm.category.list", entityTypeId=entity_type_id)
        assert [(c["id"], c["isDefault"]) for c in categories["categories"]] == [(0, "Y")]


def test_a_user_sees_only_the_pipelines_they_may_read(live_portal):
    restricted = live_portal.webhook_of("operator")  # may not read deals at all
    assert ok(restricted, "crm.category.list", entityTypeId=2) == {"categories": []}
    assert ok(restricted, "crm.category.list", entityTypeId=3)["categories"]


def test_types_without_pipelines_and_unknown_types_are_refused_as_documented(live_portal):
    cases = [
        ({"entityTypeId": 1}, "ENTITY_TYPE_NOT_SUPPORTED", "Entity type LEAD is not supported"),
        ({"entityTypeId": 1044}, "NOT_FOUND", "Smart process not found"),
        ({}, "NOT_FOUND", "Smart process not found"),
        ({"entityTypeId": "deals"}, "NOT_FOUND", "Smart process not found"),
    ]
    for params, code, description in cases:
        response = call(live_portal.webhook, "crm.category.list", **params)
        assert response.status_code == 400, params
        assert response.json() == {"error": code, "error_description": description}
