"""Listing: start/next paging and fast ID-chained listing return every row exactly once."""

from __future__ import annotations

import itertools
import math

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from b24desk.api import crm
from b24desk.api.listing import iter_rows, list_all, rows_after
from b24desk.api.types import CrmEntityType
from b24desk.portal.state import CrmType

from .helpers import client, run, wire_methods


def lead_ids(lp) -> list[int]:
    return list(lp.state.crm[CrmType.LEAD].ids)


def test_iter_rows_follows_next_to_the_end(live_portal):
    async def scenario():
        async with client(live_portal.webhook) as c:
            return [row async for row in iter_rows(c, "crm.lead.list", {"select": ["ID"]})]

    rows = run(scenario())
    assert sorted(int(r["ID"]) for r in rows) == lead_ids(live_portal)
    assert len(wire_methods(live_portal)) == math.ceil(len(rows) / 50)


def test_typed_iteration_and_pages(live_portal):
    async def scenario():
        async with client(live_portal.webhook) as c:
            page = await crm.list_page(c, CrmEntityType.DEAL, order={"ID": "ASC"}, start=50)
            every = [e async for e in crm.iter_entities(c, CrmEntityType.DEAL)]
            return page, every

    page, every = run(scenario())
    deals = live_portal.state.crm[CrmType.DEAL].ids
    assert [e.id for e in page.items] == deals[50:100]
    assert page.total == len(deals) and page.next == 100
    assert sorted(e.id for e in every) == deals


@pytest.mark.parametrize("leads", [0, 30, 50, 2550, 6000])
def test_fast_listing_needs_at_most_one_request_per_2500_rows_plus_one(portal_factory, leads):
    lp = portal_factory(rate_limit=False, leads=leads)

    async def scenario():
        async with client(lp.webhook) as c:
            return await list_all(c, "crm.lead.list", select=["ID", "TITLE"])

    rows = run(scenario())
    assert [int(r["ID"]) for r in rows] == lead_ids(lp)
    assert all(set(r) == {"ID", "TITLE"} for r in rows)
    assert len(wire_methods(lp)) <= math.ceil(leads / 2500) + 1
    # Never counted, never skipped: start=-1 throughout (no `total` work on the portal).
    assert lp.portal.count_errors("QUERY_LIMIT_EXCEEDED") == 0


def test_fast_listing_chains_crm_item_list_through_its_items(portal_factory):
    """crm.item.list answers {"items": [...]} keyed "id": the chain's references point into
    `items`, so 2,550 leads take as few requests as with crm.lead.list."""
    lp = portal_factory(rate_limit=False, leads=2550)

    async def scenario():
        async with client(lp.webhook) as c:
            every = await list_all(c, crm.lister(CrmEntityType.LEAD), select=["title"])
            first, done = await rows_after(c, crm.lister(CrmEntityType.LEAD), 2500, pages=2)
            return every, first, done

    every, first, done = run(scenario())
    assert [r["id"] for r in every] == lead_ids(lp)
    assert all(set(r) == {"id", "title"} for r in every)
    assert len(wire_methods(lp)) <= math.ceil(2550 / 2500) + 1 + 1  # + rows_after
    assert [r["id"] for r in first] == list(range(2501, 2551)) and done


def test_fast_listing_honours_the_filter_and_the_typed_wrapper(live_portal):
    async def scenario():
        async with client(live_portal.webhook) as c:
            return await crm.all_entities(c, CrmEntityType.LEAD, filter={"STATUS_ID": "NEW"})

    entities = run(scenario())
    expected = [
        int(r["ID"]) for r in live_portal.state.crm[CrmType.LEAD].rows if r["STATUS_ID"] == "NEW"
    ]
    assert [e.id for e in entities] == expected
    assert all(e.status == "NEW" for e in entities)


def test_fast_listing_sets_the_id_bounds_itself(live_portal):
    async def scenario():
        async with client(live_portal.webhook) as c:
            await list_all(c, "crm.lead.list", filter={">ID": 5})

    with pytest.raises(ValueError, match="ID bounds"):
        run(scenario())


def delete_lead(table, position: float) -> int | None:
    """Delete the row at a relative position, as the portal would (rows, ids, by_id)."""
    if not table.rows:
        return None
    index = min(len(table.rows) - 1, int(position * len(table.rows)))
    row = table.rows.pop(index)
    table.ids.pop(index)
    del table.by_id[int(row["ID"])]
    return int(row["ID"])


@settings(
    max_examples=15,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    leads=st.integers(0, 6000),
    holes=st.lists(st.floats(0, 1, exclude_max=True), max_size=40),
    deletions=st.lists(
        st.tuples(st.integers(0, 120), st.floats(0, 1, exclude_max=True)), max_size=40
    ),
    concurrency=st.integers(1, 8),
)
@example(leads=2550, holes=[], deletions=[], concurrency=1)  # a slice that needs two requests
@example(leads=2550, holes=[], deletions=[(1, 0.5), (2, 0.99), (60, 0.0)], concurrency=3)
@example(
    leads=5000, holes=[0.3] * 30, deletions=[(k, 0.5) for k in range(0, 100, 7)], concurrency=8
)
def test_fast_listing_returns_every_row_exactly_once(
    portal_factory, leads, holes, deletions, concurrency
):
    lp = portal_factory(rate_limit=False, leads=leads)
    table = lp.state.crm[CrmType.LEAD]
    for position in holes:  # gaps in the ID sequence before listing starts
        delete_lead(table, position)
    before = set(table.ids)
    deleted: set[int] = set()
    plan: dict[int, list[float]] = {}
    for invocation, position in deletions:
        plan.setdefault(invocation, []).append(position)
    # Delete inside the portal's own thread, between the commands (pages) it runs, so that
    # rows vanish between one page and the next, also within one batch.
    original, counter = lp.portal.invoke, itertools.count()

    def invoke(caller, method, params):
        for position in plan.get(next(counter), ()):
            if (gone := delete_lead(table, position)) is not None:
                deleted.add(gone)
        return original(caller, method, params)

    lp.portal.invoke = invoke

    async def scenario():
        async with client(lp.webhook) as c:
            return await list_all(c, "crm.lead.list", select=["ID"], concurrency=concurrency)

    ids = [int(r["ID"]) for r in run(scenario())]
    assert len(ids) == len(set(ids)), "a row came back twice"
    assert ids == sorted(ids)
    assert set(ids) <= before
    assert before - deleted <= set(ids), "a row that was there all along is missing"


def test_fast_listing_of_a_thin_filter_widens_its_slices(portal_factory):
    """A filter matching a fraction of the rows: slices widen, requests stay few."""
    lp = portal_factory(rate_limit=False, leads=12_000)
    matched = [int(r["ID"]) for r in lp.state.crm[CrmType.LEAD].rows if r["STATUS_ID"] == "NEW"]

    async def scenario():
        async with client(lp.webhook) as c:
            return await list_all(c, "crm.lead.list", filter={"STATUS_ID": "NEW"}, select=["ID"])

    assert [int(r["ID"]) for r in run(scenario())] == matched
    assert len(matched) < 12_000 // 3
    assert len(wire_methods(lp)) <= math.ceil(len(matched) / 2500) + 2


def test_pages_after_a_short_page_are_discarded_even_if_the_portal_filled_them():
    """Past a short page the chain's references point at nothing; a real portal may then
    ignore the cursor and answer anything, so those pages must not be read at all."""
    from b24desk.api.batch import BatchResult
    from b24desk.api.listing import _rows_of_chain

    page = [{"ID": str(i)} for i in range(1, 51)]
    result = BatchResult(
        results={"p0": page, "p1": [{"ID": "51"}], "p2": page, "p3": []},
        errors={},
        totals={},
        nexts={},
    )
    rows, finished = _rows_of_chain(result, 4)
    assert finished
    assert [int(r["ID"]) for r in rows] == list(range(1, 52))


def test_a_cursor_that_stops_advancing_ends_the_listing_with_a_typed_error():
    """A portal answering every page with the same rows (it ignores `>ID`) must not be
    asked again forever."""
    import asyncio
    import json

    import httpx

    from b24desk.api.errors import ProtocolError

    same = [{"ID": str(i)} for i in range(1, 51)]
    sent: list[int] = []

    def handle(request: httpx.Request) -> httpx.Response:
        names = json.loads(request.content)["cmd"]
        sent.append(len(names))
        result = {name: [{"ID": "9000"}] if name == "highest" else same for name in names}
        body = {"result_error": [], "result_total": [], "result_next": [], "result": result}
        return httpx.Response(200, json={"result": body})

    async def scenario():
        async with client(
            "https://portal.example.com/rest/1/abc/", transport=httpx.MockTransport(handle)
        ) as c:
            return await asyncio.wait_for(list_all(c, "crm.lead.list"), 10)

    with pytest.raises(ProtocolError, match="stopped advancing"):
        run(scenario())
    assert len(sent) <= 10

    async def resumed():
        async with client(
            "https://portal.example.com/rest/1/abc/", transport=httpx.MockTransport(handle)
        ) as c:
            return await rows_after(c, "crm.lead.list", 50)

    with pytest.raises(ProtocolError, match="stopped advancing at 50"):
        run(resumed())
