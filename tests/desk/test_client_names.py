"""A deal's client by name: from the local index when it has them, else one request a page."""

from __future__ import annotations

import asyncio

from b24desk.api.types import CrmEntityType, CrmRef, Entity
from b24desk.desk.local import LocalIndex
from b24desk.portal.state import CrmType
from tests.desk.test_desk import batches, connect

CONTACT, COMPANY = CrmEntityType.CONTACT, CrmEntityType.COMPANY


def page_clients(lp, deals: int = 50) -> set[CrmRef]:
    refs = set()
    for row in lp.state.crm[CrmType.DEAL].rows[:deals]:
        if int(row["CONTACT_ID"]):
            refs.add(CrmRef(CONTACT, int(row["CONTACT_ID"])))
        if int(row["COMPANY_ID"]):
            refs.add(CrmRef(COMPANY, int(row["COMPANY_ID"])))
    return refs


def portal_name(lp, ref: CrmRef) -> str:
    table = lp.state.crm[CrmType.CONTACT if ref.type is CONTACT else CrmType.COMPANY]
    row = table.by_id[ref.id]
    return row["TITLE"] if ref.type is COMPANY else f"{row['NAME']} {row['LAST_NAME']}"


def test_a_pages_clients_are_named_in_one_request(live_portal, tmp_path):
    refs = page_clients(live_portal)
    assert len({r.type for r in refs}) == 2 and len(refs) > 20
    gone = CrmRef(CONTACT, 999_999)

    async def scenario():
        desk = await connect(live_portal, tmp_path)
        live_portal.portal.wire_log.clear()
        names = await desk.client_names({*refs, gone})
        await desk.client.aclose()
        return names

    names = asyncio.run(scenario())
    assert batches(live_portal) == 1 and len(live_portal.portal.wire_log) == 1
    assert names == {ref: portal_name(live_portal, ref) for ref in refs}  # the deleted: left out


def test_the_local_index_names_what_it_holds_and_the_portal_the_rest(live_portal, tmp_path):
    indexed, other = sorted(page_clients(live_portal), key=lambda r: (r.type, r.id))[:2]

    async def scenario():
        desk = await connect(live_portal, tmp_path)
        desk.local = LocalIndex.open(desk.client, tmp_path / "index.sqlite")
        await desk.local.index.upsert([Entity(indexed.type, indexed.id, title="Из индекса")])
        live_portal.portal.wire_log.clear()
        only_indexed = await desk.client_names({indexed})
        asked = len(live_portal.portal.wire_log)
        both = await desk.client_names({indexed, other})
        await desk.local.close()
        await desk.client.aclose()
        return only_indexed, asked, both

    only_indexed, asked, both = asyncio.run(scenario())
    assert only_indexed == {indexed: "Из индекса"} and asked == 0
    assert both == {indexed: "Из индекса", other: portal_name(live_portal, other)}
    assert batches(live_portal) == 1
