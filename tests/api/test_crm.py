"""Typed CRM entities: get, list and search against the demo portal."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal

from b24desk.api import crm
from b24desk.api.types import CrmEntityType
from b24desk.portal.state import CrmType

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
    assert set(crm.search_commands(CrmEntityType.LEAD, "12345")) == {"by_id"}
    assert {"by_id", "by_phone"} <= set(crm.search_commands(CrmEntityType.LEAD, "79161234567"))
    assert "by_phone" in crm.search_commands(CrmEntityType.LEAD, "+7 916 12")
