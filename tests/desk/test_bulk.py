"""Participants in bulk against the demo portal over loopback: results, batches, cancel, Undo."""

from __future__ import annotations

import asyncio

from b24desk.api import B24Client, ClientOptions, WebhookAuth
from b24desk.api.types import CrmEntityType, CrmRef
from b24desk.desk.bulk import (
    CANCELLED,
    BulkAction,
    BulkRequest,
    BulkRun,
    ChatChoice,
    Outcome,
    Progress,
)
from b24desk.portal.state import CrmType
from tests.helpers.chats import ADMIN

FAST = ClientOptions(rate=10_000, burst=10_000, backoff=0.01, max_backoff=0.02, read_timeout=5)
RESTRICTED = 7  # an operator who sees only the leads assigned to them
HELPER = 3  # an employee who sees every lead


def lead(lead_id: int) -> CrmRef:
    return CrmRef(CrmEntityType.LEAD, lead_id)


def leads_with_chats(state, *, active: bool = False) -> list[int]:
    found = []
    for row in state.crm[CrmType.LEAD].rows:
        chats = state.chats_of(CrmType.LEAD, int(row["ID"]))
        if chats and (not active or any(c.active for c in chats)):
            found.append(int(row["ID"]))
    return found


def leads_without_chats(state) -> list[int]:
    return [
        int(r["ID"])
        for r in state.crm[CrmType.LEAD].rows
        if not state.chats_of(CrmType.LEAD, int(r["ID"]))
    ]


def last_chat(state, lead_id: int):
    return state.chats_of(CrmType.LEAD, lead_id)[-1]


async def bulk(lp, request: BulkRequest, *, cancel_after: int = 0):
    """Run `request`; with `cancel_after`, cancel once that many batches were answered."""
    async with B24Client(WebhookAuth(lp.webhook), FAST) as client:
        sizes: list[int] = []
        client.subscribe(lambda e: sizes.append(e.commands) if e.method == "batch" else None)
        reports: list[Progress] = []

        def progress(p: Progress) -> None:
            reports.append(p)
            if cancel_after and p.requests >= cancel_after:
                run.cancel()

        run = BulkRun(client, progress)
        report = await run.run(request)
        return client, report, reports, sizes


def test_add_reports_each_entity_and_undo_removes_only_those_added(live_portal):
    state = live_portal.state
    with_chats = leads_with_chats(state)[:4]
    without = leads_without_chats(state)[0]
    there = last_chat(state, with_chats[0])
    if HELPER not in there.participants:
        there.participants.append(HELPER)
    for lead_id in with_chats[1:]:
        chat = last_chat(state, lead_id)
        if HELPER in chat.participants:
            chat.participants.remove(HELPER)
    entities = tuple(lead(i) for i in [*with_chats, without])

    async def scenario():
        async with B24Client(WebhookAuth(live_portal.webhook), FAST) as client:
            report = await BulkRun(client).run(BulkRequest(BulkAction.ADD, HELPER, entities))
            by_entity = {r.entity.id: r for r in report.results}
            assert by_entity[with_chats[0]].outcome is Outcome.ALREADY
            assert {by_entity[i].outcome for i in with_chats[1:]} == {Outcome.DONE}
            assert by_entity[without].outcome is Outcome.NO_CHAT
            for lead_id in with_chats:
                assert HELPER in last_chat(state, lead_id).participants
                assert by_entity[lead_id].chat_id == last_chat(state, lead_id).id

            undo = await BulkRun(client).undo(report.undo_changes)
            assert [r.outcome for r in undo.results] == [Outcome.DONE] * 3
            assert HELPER in last_chat(state, with_chats[0]).participants  # was there before
            for lead_id in with_chats[1:]:
                assert HELPER not in last_chat(state, lead_id).participants

    asyncio.run(scenario())


def test_a_user_without_access_to_the_entity_is_denied_per_entity(live_portal):
    state = live_portal.state
    ids = leads_with_chats(state)
    theirs = [i for i in ids if state.crm[CrmType.LEAD].by_id[i]["ASSIGNED_BY_ID"] == "7"]
    others = [i for i in ids if i not in theirs][:2]
    for lead_id in theirs[:1]:
        chat = last_chat(state, lead_id)
        if RESTRICTED in chat.participants:
            chat.participants.remove(RESTRICTED)
    entities = tuple(lead(i) for i in [*theirs[:1], *others])

    async def scenario():
        async with B24Client(WebhookAuth(live_portal.webhook), FAST) as client:
            report = await BulkRun(client).run(BulkRequest(BulkAction.ADD, RESTRICTED, entities))
        outcomes = {r.entity.id: r for r in report.results}
        assert outcomes[theirs[0]].outcome is Outcome.DONE
        for lead_id in others:
            assert outcomes[lead_id].outcome is Outcome.DENIED
            assert outcomes[lead_id].reason  # a sentence for the supervisor
            assert RESTRICTED not in last_chat(state, lead_id).participants
        assert len(report.undo_changes) == 1

    asyncio.run(scenario())


def test_remove_from_every_active_chat_then_undo_puts_them_back(live_portal):
    state = live_portal.state
    ids = leads_with_chats(state, active=True)[:3]
    active = [c for i in ids for c in state.chats_of(CrmType.LEAD, i) if c.active]
    for chat in active:
        if HELPER not in chat.participants:
            chat.participants.append(HELPER)
    request = BulkRequest(BulkAction.REMOVE, HELPER, tuple(map(lead, ids)), ChatChoice.ACTIVE)

    async def scenario():
        async with B24Client(WebhookAuth(live_portal.webhook), FAST) as client:
            report = await BulkRun(client).run(request)
            assert sorted(r.chat_id for r in report.results) == sorted(c.id for c in active)
            assert all(r.outcome is Outcome.DONE for r in report.results)
            assert all(HELPER not in c.participants for c in active)
            await BulkRun(client).undo(report.undo_changes)
            assert all(HELPER in c.participants for c in active)

    asyncio.run(scenario())


def test_join_all_skips_chats_i_am_in_and_undo_leaves_only_the_joined(live_portal):
    state = live_portal.state
    ids = leads_with_chats(state)[:3]
    member = last_chat(state, ids[0])
    if ADMIN not in member.participants:
        member.participants.append(ADMIN)
    for lead_id in ids[1:]:
        chat = last_chat(state, lead_id)
        if ADMIN in chat.participants:
            chat.participants.remove(ADMIN)

    async def scenario():
        async with B24Client(WebhookAuth(live_portal.webhook), FAST) as client:
            request = BulkRequest(BulkAction.JOIN, ADMIN, tuple(map(lead, ids)))
            report = await BulkRun(client).run(request)
            outcomes = {r.entity.id: r.outcome for r in report.results}
            assert outcomes == {ids[0]: Outcome.ALREADY, ids[1]: Outcome.DONE, ids[2]: Outcome.DONE}
            assert all(ADMIN in last_chat(state, i).participants for i in ids)
            await BulkRun(client).undo(report.undo_changes)
        assert ADMIN in member.participants
        assert all(ADMIN not in last_chat(state, i).participants for i in ids[1:])

    asyncio.run(scenario())


def test_batches_hold_at_most_50_commands_and_cancel_stops_between_them(portal_factory):
    lp = portal_factory(rate_limit=False, leads=300, lead_chats=220)
    state = lp.state
    ids = leads_with_chats(state)[:120]
    for lead_id in ids:
        chat = last_chat(state, lead_id)
        if HELPER in chat.participants:
            chat.participants.remove(HELPER)
    request = BulkRequest(BulkAction.ADD, HELPER, tuple(map(lead, ids)))

    async def scenario():
        # Cancelled once the first group's two batches (find chats, add) were answered.
        _client, report, reports, sizes = await bulk(lp, request, cancel_after=2)
        assert max(sizes) <= 50 and len(sizes) == 2
        done = [r for r in report.results if r.outcome is Outcome.DONE]
        not_done = [r for r in report.results if r.outcome is Outcome.NOT_DONE]
        assert len(done) == 50 and len(not_done) == 70 and report.cancelled
        assert all(r.reason == CANCELLED for r in not_done)
        added = {r.entity.id for r in done}
        for lead_id in ids:
            assert (HELPER in last_chat(state, lead_id).participants) == (lead_id in added)
        assert reports[-1].total == 120

    asyncio.run(scenario())


def test_the_whole_run_of_200_entities_uses_batches_of_50(portal_factory):
    lp = portal_factory(rate_limit=False, leads=300, lead_chats=220)
    ids = leads_with_chats(lp.state)[:200]
    request = BulkRequest(BulkAction.ADD, HELPER, tuple(map(lead, ids)))

    async def scenario():
        _client, report, reports, sizes = await bulk(lp, request)
        assert sizes == [50] * 8
        assert len(report.results) == 200 and not report.cancelled
        assert [p.settled for p in reports if not p.new] == [50, 100, 150, 200]
        assert all(HELPER in last_chat(lp.state, i).participants for i in ids)

    asyncio.run(scenario())


def test_a_failed_request_stops_the_run_and_says_why(live_portal):
    ids = leads_with_chats(live_portal.state)[:3]

    async def scenario():
        hook = live_portal.webhook.replace("/rest/1/", "/rest/1/x")  # a wrong webhook code
        async with B24Client(WebhookAuth(hook), FAST) as client:
            report = await BulkRun(client).run(
                BulkRequest(BulkAction.ADD, HELPER, tuple(map(lead, ids)))
            )
        assert report.stopped
        assert {r.outcome for r in report.results} == {Outcome.FAILED}
        assert report.undo_changes == []

    asyncio.run(scenario())


def test_picker_facts_name_departments_line_operators_and_chats(live_portal):
    from b24desk.desk.desk import Desk
    from b24desk.desk.drafts import Drafts
    from b24desk.desk.outbox import Outbox
    from b24desk.desk.people import line_of, picker_facts

    state = live_portal.state
    lead_id = next(i for i in leads_with_chats(state) if len(state.chats_of(CrmType.LEAD, i)) > 1)
    chats = state.chats_of(CrmType.LEAD, lead_id)
    line = state.lines[chats[-1].line_id]
    operator = line.queue[0]
    for chat in chats:
        if operator in chat.participants:
            chat.participants.remove(operator)
    chats[0].participants.append(operator)

    async def scenario(tmp):
        async with B24Client(WebhookAuth(live_portal.webhook), FAST) as client:
            desk = Desk(client, Outbox(tmp / "o.json"), Drafts(tmp / "d.json"), "demo", None)
            shown = await desk.open_entity(lead(lead_id), active_only=False)
            return await picker_facts(client, shown), shown

    import tempfile
    from pathlib import Path

    with tempfile.TemporaryDirectory() as tmp:
        facts, shown = asyncio.run(scenario(Path(tmp)))
    assert line_of(shown.history.chat.user_code) == line.id
    user = state.users[operator]
    assert facts.department_names == {d.id: d.name for d in state.departments.values()}
    found = facts.of(_api_user(user))
    assert found.line_operator
    assert (found.chats_in, found.chats) == (1, len(chats))
    assert found.departments == tuple(state.departments[d].name for d in user.departments)


def _api_user(user):
    from b24desk.api.types import User

    return User(
        user.id, user.name, user.last_name, user.full_name, departments=tuple(user.departments)
    )
