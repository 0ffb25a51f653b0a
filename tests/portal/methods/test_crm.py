"""crm.*.list / crm.*.get on the demo portal: select, filter operators, order, paging, errors."""

from __future__ import annotations

import httpx
import pytest

from b24desk.portal.state import CrmType


def call(url: str, method: str, **params):
    return httpx.post(url + method, json=params, timeout=10)


def rows_of(state, crm_type: CrmType):
    return state.crm[crm_type].rows


@pytest.mark.parametrize("crm_type", list(CrmType))
def test_list_pages_of_50_with_next_and_total(live_portal, crm_type):
    first = call(live_portal.webhook, f"crm.{crm_type.value}.list").json()
    total = len(rows_of(live_portal.state, crm_type))
    assert first["total"] == total
    assert len(first["result"]) == min(50, total)
    assert first.get("next") == (50 if total > 50 else None)
    seen = [r["ID"] for r in first["result"]]
    start = first.get("next")
    while start is not None:
        page = call(live_portal.webhook, f"crm.{crm_type.value}.list", start=start).json()
        seen += [r["ID"] for r in page["result"]]
        start = page.get("next")
    assert len(seen) == len(set(seen)) == total


def test_start_minus_one_turns_counting_off(live_portal):
    body = call(
        live_portal.webhook, "crm.lead.list", start=-1, order={"ID": "ASC"}, filter={">ID": 10}
    ).json()
    assert "total" not in body and "next" not in body
    assert [int(r["ID"]) for r in body["result"]] == list(range(11, 61))


def test_select_star_omits_multifields_unless_named(live_portal):
    plain = call(live_portal.webhook, "crm.contact.list", select=["*"]).json()["result"][0]
    assert "PHONE" not in plain and "NAME" in plain
    with_phone = call(
        live_portal.webhook,
        "crm.contact.list",
        select=["ID", "PHONE", "EMAIL"],
        filter={"HAS_PHONE": "Y"},
    ).json()["result"][0]
    assert set(with_phone) <= {"ID", "PHONE", "EMAIL"}
    assert with_phone["PHONE"][0]["TYPE_ID"] == "PHONE"
    assert {"ID", "VALUE", "VALUE_TYPE", "TYPE_ID"} == set(with_phone["PHONE"][0])


def test_values_are_strings_as_on_a_real_portal(live_portal):
    row = call(live_portal.webhook, "crm.deal.get", id=1).json()["result"]
    assert isinstance(row["ID"], str) and isinstance(row["OPPORTUNITY"], str)


def test_filter_operators(live_portal):
    state = live_portal.state
    leads = rows_of(state, CrmType.LEAD)
    hook = live_portal.webhook

    def ids(filter_):
        body = call(hook, "crm.lead.list", filter=filter_, select=["ID"]).json()
        assert body["total"] <= 50, "keep filters narrow enough for one page"
        return {int(r["ID"]) for r in body["result"]}

    assert ids({">ID": 5, "<ID": 9}) == {6, 7, 8}
    assert ids({">=ID": 5, "<=ID": 9}) == {5, 6, 7, 8, 9}
    assert ids({"@ID": [2, 4, 999999]}) == {2, 4}
    assert ids({"<=ID": 5, "!@ID": [1, 2]}) == {3, 4, 5}
    assert ids({"<=ID": 5, "!ID": 3}) == {1, 2, 4, 5}
    target = leads[3]
    word = target["TITLE"].split()[0][1:4]
    expected = {int(r["ID"]) for r in leads if word.casefold() in r["TITLE"].casefold()}
    got = call(hook, "crm.lead.list", filter={"%TITLE": word}, select=["ID"]).json()
    assert got["total"] == len(expected)
    assert ids({"%TITLE": word, "<=ID": 40}) == {i for i in expected if i <= 40}
    assert ids({"=%TITLE": target["TITLE"][:3] + "%", "<=ID": 30}) == {
        int(r["ID"])
        for r in leads[:30]
        if r["TITLE"].casefold().startswith(target["TITLE"][:3].casefold())
    }
    status = target["STATUS_ID"]
    assert ids({"STATUS_ID": status, "<=ID": 40}) == {
        int(r["ID"]) for r in leads[:40] if r["STATUS_ID"] == status
    }
    assert ids({"!STATUS_ID": status, "<=ID": 40}) == {
        int(r["ID"]) for r in leads[:40] if r["STATUS_ID"] != status
    }


def test_filter_by_phone_and_email_multifields(live_portal):
    contact = next(
        r for r in rows_of(live_portal.state, CrmType.CONTACT) if r.get("PHONE") and r.get("EMAIL")
    )
    phone = contact["PHONE"][0]["VALUE"]
    email = contact["EMAIL"][0]["VALUE"]
    by_phone = call(live_portal.webhook, "crm.contact.list", filter={"PHONE": phone}).json()[
        "result"
    ]
    assert contact["ID"] in {r["ID"] for r in by_phone}
    by_email = call(
        live_portal.webhook, "crm.contact.list", filter={"EMAIL": email.upper()}
    ).json()["result"]
    assert contact["ID"] in {r["ID"] for r in by_email}


def test_order_by_title_desc_and_date(live_portal):
    body = call(
        live_portal.webhook, "crm.company.list", order={"TITLE": "DESC"}, select=["TITLE"]
    ).json()
    titles = [r["TITLE"].casefold() for r in body["result"]]
    assert titles == sorted(titles, reverse=True)
    body = call(
        live_portal.webhook, "crm.deal.list", order={"DATE_CREATE": "ASC"}, select=["DATE_CREATE"]
    ).json()
    dates = [r["DATE_CREATE"] for r in body["result"]]
    assert dates == sorted(dates)


def test_errors_have_empty_error_code_and_meaning_in_description(live_portal):
    bad_filter = call(live_portal.webhook, "crm.lead.list", filter="ID>5")
    assert bad_filter.status_code == 400
    assert bad_filter.json() == {
        "error": "",
        "error_description": "Parameter 'filter' must be array.",
    }
    bad_order = call(live_portal.webhook, "crm.deal.list", order="ID")
    assert bad_order.json()["error_description"] == "Parameter 'order' must be array."
    for params, text in (
        ({"id": 0}, "ID is not defined or invalid."),
        ({"id": 10**9}, "Not found"),
    ):
        response = call(live_portal.webhook, "crm.lead.get", **params)
        assert response.status_code == 400
        assert response.json() == {"error": "", "error_description": text}


def test_restricted_user_sees_only_own_leads_and_no_deals(live_portal):
    operator = live_portal.webhook_of("operator")
    hook = next(h for h in live_portal.state.webhooks.values() if "operator" in h.title)
    own = [
        r
        for r in rows_of(live_portal.state, CrmType.LEAD)
        if r["ASSIGNED_BY_ID"] == str(hook.user_id)
    ]
    body = call(operator, "crm.lead.list", select=["ID", "ASSIGNED_BY_ID"]).json()
    assert body["total"] == len(own) > 0
    assert {r["ASSIGNED_BY_ID"] for r in body["result"]} == {str(hook.user_id)}
    foreign = next(
        r
        for r in rows_of(live_portal.state, CrmType.LEAD)
        if r["ASSIGNED_BY_ID"] != str(hook.user_id)
    )
    denied = call(operator, "crm.lead.get", id=foreign["ID"])
    assert denied.json() == {"error": "", "error_description": "Access denied."}
    deals = call(operator, "crm.deal.list")
    assert deals.status_code == 400
    assert deals.json()["error_description"] == "Access denied."


def test_user_get_search_and_current(live_portal):
    hook = live_portal.webhook
    listed = call(hook, "user.get").json()
    users = live_portal.state.users.values()
    employees = [u for u in users if not u.is_bot and not u.is_connector]
    assert listed["total"] == len(employees)
    assert all(isinstance(r["ACTIVE"], bool) for r in listed["result"])
    active = call(hook, "user.get", FILTER={"ACTIVE": True}).json()
    assert active["total"] == sum(1 for u in employees if u.active)
    one = call(hook, "user.get", ID=2).json()["result"]
    assert [r["ID"] for r in one] == ["2"]
    someone = next(u for u in employees if u.id != 1 and u.active)
    found = call(hook, "user.search", FILTER={"FIND": someone.last_name[:4]}).json()["result"]
    assert str(someone.id) in {r["ID"] for r in found}
    by_name = call(hook, "user.search", FILTER={"NAME": someone.name}).json()["result"]
    assert str(someone.id) in {r["ID"] for r in by_name}
    bot = next(u for u in users if u.is_bot)
    assert call(hook, "user.get", ID=bot.id).json()["result"] == []
