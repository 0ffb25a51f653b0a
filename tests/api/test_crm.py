"""Typed CRM entities: get, list and search against the demo portal."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal

import pytest

from b24desk.api import crm
from b24desk.api.coded_errors import AccessDeniedError
from b24desk.api.types import CrmEntityType
from b24desk.portal.state import Access, CrmType

from .helpers import client, run


def test_get_entity_has_real_types(live_portal):
    row = next(
        r for r in live_portal.state.crm[CrmType.LEAD].rows if r.get("PHONE") and r.get("EMAIL")
    )

    async def scenario():
        async with client(live_portal.webhook) as c:
            return await crm.get_entity(c, CrmEntityType.LEAD, int(row["ID"]))

    lead = run(scenario())
    assert lead.id == int(row["ID"]) and lead.type is CrmEntityType.LEAD
    assert lead.phones == tuple(p["VALUE"] for p in row["PHONE"])
    assert lead.emails == tuple(m["VALUE"] for m in row["EMAIL"])
    assert isinstance(lead.opportunity, Decimal)
    assert isinstance(lead.date_create, datetime) and lead.date_create.tzinfo is not None
    assert lead.has_open_lines == (row["HAS_IMOL"] == "Y")
    assert lead.status == row["STATUS_ID"]
    assert lead.display_name == row["TITLE"]


def search(lp, entity_type: CrmEntityType, text: str):
    lp.portal.wire_log.clear()

    async def scenario():
        async with client(lp.webhook) as c:
            return await crm.search(c, entity_type, text)

    found = run(scenario())
    assert len(lp.portal.wire_log) <= 1, "a search is one request"
    return found


def test_search_by_id_phone_email_and_name(live_portal):
    contacts = live_portal.state.crm[CrmType.CONTACT]
    row = next(r for r in contacts.rows if r.get("PHONE") and r.get("EMAIL") and r["LAST_NAME"])
    contact_id = int(row["ID"])
    kind = CrmEntityType.CONTACT
    assert contact_id in {e.id for e in search(live_portal, kind, str(contact_id))}
    assert contact_id in {e.id for e in search(live_portal, kind, row["PHONE"][0]["VALUE"])}
    assert contact_id in {e.id for e in search(live_portal, kind, row["EMAIL"][0]["VALUE"])}
    assert contact_id in {e.id for e in search(live_portal, kind, row["LAST_NAME"])}
    full = f"{row['NAME']} {row['LAST_NAME']}"
    assert contact_id in {e.id for e in search(live_portal, kind, full)}
    found = search(live_portal, kind, row["LAST_NAME"])
    assert len({e.id for e in found}) == len(found), "each entity once"


def test_search_titles(live_portal):
    company = live_portal.state.crm[CrmType.COMPANY].rows[0]
    found = search(live_portal, CrmEntityType.COMPANY, company["TITLE"][2:10])
    assert int(company["ID"]) in {e.id for e in found}
    assert search(live_portal, CrmEntityType.DEAL, "   ") == ()


def test_a_plain_number_is_an_id_and_a_long_one_may_be_a_phone():
    short = crm.search_commands(CrmEntityType.LEAD, "12345")
    assert set(short) == {crm.SEARCH_FIELDS}
    assert short[crm.SEARCH_FIELDS].params["filter"] == {"logic": "OR", "0": {"id": 12345}}
    long = crm.search_commands(CrmEntityType.LEAD, "79161234567")
    assert long[crm.SEARCH_FIELDS].params["filter"]["0"] == {"id": 79161234567}
    assert long[crm.SEARCH_COMM].params["type"] == "PHONE"
    assert crm.search_commands(CrmEntityType.LEAD, "+7 916 12")[crm.SEARCH_COMM].params == {
        "type": "PHONE",
        "values": ["+7 916 12"],
        "entity_type": "LEAD",
    }


def test_names_are_one_logic_or_filter_on_crm_item_list():
    commands = crm.search_commands(CrmEntityType.LEAD, "Анна  Комарова")
    assert set(commands) == {crm.SEARCH_FIELDS}
    command = commands[crm.SEARCH_FIELDS]
    assert command.method == "crm.item.list" and command.params["entityTypeId"] == 1
    assert command.params["filter"] == {
        "logic": "OR",
        "0": {"%title": "Анна Комарова"},
        "1": {"%name": "Анна Комарова"},
        "2": {"%lastName": "Анна Комарова"},
        "3": {"%name": "Анна", "%lastName": "Комарова"},
    }


def _lead_with(lp, phone: str = "", email: str = "", title: str = ""):
    row = lp.state.crm[CrmType.LEAD].rows[10]
    if phone:
        row["PHONE"] = [{"ID": "9001", "VALUE_TYPE": "WORK", "VALUE": phone, "TYPE_ID": "PHONE"}]
    if email:
        row["EMAIL"] = [{"ID": "9002", "VALUE_TYPE": "WORK", "VALUE": email, "TYPE_ID": "EMAIL"}]
    if title:
        row["TITLE"] = title
    return int(row["ID"])


@pytest.mark.parametrize(
    "typed", ["+7 916 555-81-02", "8 (916) 555-81-02", "8 916 5558102", "79165558102"]
)
def test_a_phone_typed_in_any_format_finds_the_lead_through_findbycomm(live_portal, typed):
    lead = _lead_with(live_portal, phone="+7 (916) 555-81-02 доб. 12")
    found = search(live_portal, CrmEntityType.LEAD, typed)
    assert [e.id for e in found][:1] == [lead]
    assert found[0].phones == ("+7 (916) 555-81-02 доб. 12",)
    assert [r.method for r in live_portal.portal.wire_log] == ["batch"]


def test_an_email_in_any_case_finds_the_lead(live_portal):
    lead = _lead_with(live_portal, email="Pavel.Komarov90@inbox.ru")
    found = search(live_portal, CrmEntityType.LEAD, "pavel.komarov90@INBOX.ru")
    assert [e.id for e in found] == [lead]


def test_email_matches_come_before_name_matches(live_portal):
    lead = _lead_with(live_portal, email="pk1990@inbox.ru")
    later = live_portal.state.crm[CrmType.LEAD].rows[200]
    later["TITLE"] = "Письмо с pk1990@inbox.ru"
    found = search(live_portal, CrmEntityType.LEAD, "pk1990@inbox.ru")
    assert [e.id for e in found] == [lead, int(later["ID"])]


def test_a_formatted_phone_is_looked_for_as_a_phone_only():
    commands = crm.search_commands(CrmEntityType.LEAD, "+7 916 555-81-02")
    assert set(commands) == {crm.SEARCH_COMM, crm.SEARCH_COMM_ITEMS}
    items = commands[crm.SEARCH_COMM_ITEMS].params
    assert items["filter"] == {"@id": "$result[by_comm][LEAD]"} and items["start"] == -1


def test_a_search_without_findbycomm_permission_still_finds_names(live_portal):
    operator = live_portal.webhook_of("operator")
    hook = next(h for h in live_portal.state.webhooks.values() if "operator" in h.title)
    user = live_portal.state.users[hook.user_id]
    user.crm_access = {t: Access.NONE for t in CrmType} | {CrmType.COMPANY: Access.ALL}
    company = live_portal.state.crm[CrmType.COMPANY].rows[0]

    async def scenario():
        async with client(operator) as c:
            by_title = await crm.search(c, CrmEntityType.COMPANY, company["TITLE"])
            by_phone = await crm.search(c, CrmEntityType.LEAD, "+7 916 555-81-02")
            return by_title, by_phone

    by_title, by_phone = run(scenario())
    assert int(company["ID"]) in {e.id for e in by_title}
    assert by_phone == ()


def test_a_type_the_user_may_not_read_is_access_denied_not_an_empty_list(live_portal):
    """crm.item.list leaves out unreadable items without an error; the desk still says
    "no access" (crm.item.fields refuses), while an empty later page stays a page."""
    operator = live_portal.webhook_of("operator")

    async def scenario():
        async with client(operator) as c:
            leads = await crm.id_page(c, CrmEntityType.LEAD, after=None, descending=True)
            past_the_end = await crm.id_page(c, CrmEntityType.DEAL, after=1, descending=False)
            with pytest.raises(AccessDeniedError):
                await crm.id_page(c, CrmEntityType.DEAL, after=None, descending=True)
            with pytest.raises(AccessDeniedError):
                await crm.entities_after(c, CrmEntityType.DEAL, 0)
            return leads, past_the_end

    leads, past_the_end = run(scenario())
    assert leads.items and past_the_end.items == ()
