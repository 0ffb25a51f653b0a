"""The supervisor's session actions as use-cases, against the demo portal over loopback:
the portal's state afterwards, what each blocker says, and lost answers settled by a re-read."""

from __future__ import annotations

from typing import Any

import pytest

from b24desk.api import openlines
from b24desk.api.coded_errors import EmptyRatingError, HandOverRefusedError
from b24desk.api.errors import OutcomeUnknownError
from b24desk.desk.outbox import ChatTarget
from b24desk.desk.supervision import NotAppliedError, Outcome, TransferTarget
from b24desk.desk.view import EntityChats
from b24desk.portal.state import CrmType
from tests.helpers.chats import ADMIN, crm_ref

from .test_desk import connect, run


def others_chat(state: Any) -> Any:
    """An open dialogue of line 1 that another employee handles, bound to CRM."""
    return next(
        c
        for c in state.chats.values()
        if c.is_lines
        and c.active
        and c.line_id == 1
        and c.current_session.operator_id != ADMIN
        and any(c.crm.values())
    )


def target_of(chat: Any) -> ChatTarget:
    return ChatTarget(crm_ref(chat), chat.id)


def sends(lp: Any, method: str) -> int:
    return sum(1 for r in lp.portal.wire_log if r.method == method)


def test_take_over_then_the_supervisor_operates_and_can_create_a_lead(live_portal, tmp_path):
    chat = others_chat(live_portal.state)
    chat.crm[CrmType.LEAD] = 0
    previous = chat.current_session.operator_id

    async def scenario():
        desk = await connect(live_portal, tmp_path)
        before = await desk.open_entity(crm_ref(chat), chat_id=chat.id)
        outcome = await desk.supervision.take_over(target_of(chat))
        after = await desk.open_entity(crm_ref(chat), chat_id=chat.id)
        lead_id = await desk.create_lead(target_of(chat))
        await desk.client.aclose()
        return before, outcome, after, lead_id

    before, outcome, after, lead_id = run(scenario())
    assert before.take_over_blocker() is None and before.lead_blocker() is not None
    assert outcome is Outcome.DONE
    assert chat.current_session.operator_id == chat.owner_id == ADMIN
    assert previous not in chat.participants
    assert after.operator_id == ADMIN
    assert after.take_over_blocker() == "You already handle this dialogue."
    assert after.lead_blocker() is None
    assert lead_id is not None and chat.crm[CrmType.LEAD] == lead_id


def test_take_over_and_create_lead_in_one_step(live_portal, tmp_path):
    chat = others_chat(live_portal.state)
    chat.crm[CrmType.LEAD] = 0

    async def scenario():
        desk = await connect(live_portal, tmp_path)
        lead_id = await desk.supervision.take_over_and_create_lead(target_of(chat))
        await desk.client.aclose()
        return lead_id

    lead_id = run(scenario())
    assert chat.owner_id == ADMIN
    assert lead_id is not None and chat.crm[CrmType.LEAD] == lead_id


def test_transfer_choices_are_the_lines_operators_and_queues(live_portal, tmp_path):
    chat = others_chat(live_portal.state)
    operator = chat.current_session.operator_id

    async def scenario():
        desk = await connect(live_portal, tmp_path)
        shown = await desk.open_entity(crm_ref(chat), chat_id=chat.id)
        choices = await desk.supervision.transfer_choices(shown.line_id, shown.operator_id)
        await desk.client.aclose()
        return shown, choices

    shown, choices = run(scenario())
    assert shown.line_id == 1 and choices.line is not None and choices.line.id == 1
    queue = live_portal.state.lines[1].queue
    assert [o.user_id for o in choices.operators] == [u for u in queue if u != operator]
    assert all(o.name for o in choices.operators)
    assert {line.id for line in choices.lines} == {1, 2, 3}


def test_transfer_to_an_employee_and_to_a_queue(live_portal, tmp_path):
    chat = others_chat(live_portal.state)
    employee = next(u for u in live_portal.state.lines[1].queue if u != chat.owner_id)

    async def scenario():
        desk = await connect(live_portal, tmp_path)
        supervision, target = desk.supervision, target_of(chat)
        await supervision.transfer(target, TransferTarget("x", user_id=employee))
        to_user = chat.owner_id
        await supervision.transfer(target, TransferTarget("x", line_id=2), operator_id=employee)
        with pytest.raises(HandOverRefusedError):
            await supervision.transfer(target, TransferTarget("x", user_id=chat.owner_id))
        await desk.client.aclose()
        return to_user

    assert run(scenario()) == employee
    assert chat.owner_id in live_portal.state.lines[2].queue
    assert chat.current_session.operator_id == chat.owner_id


def test_finish_closes_the_session_and_the_pane_says_so(live_portal, tmp_path):
    chat = others_chat(live_portal.state)

    async def scenario():
        desk = await connect(live_portal, tmp_path)
        await desk.supervision.finish(target_of(chat))
        every = await desk.open_entity(crm_ref(chat), active_only=False, chat_id=chat.id)
        active = await desk.open_entity(crm_ref(chat), chat_id=chat.id)
        await desk.client.aclose()
        return every, active

    every, active = run(scenario())
    assert chat.current_session.closed
    assert chat.id in [c.id for c in every.chats] and chat.id not in [c.id for c in active.chats]
    for shown in (every, active):
        assert shown.session_open is False
        assert shown.take_over_blocker() == "The session is closed."
        assert shown.transfer_blocker() == shown.finish_blocker() == "The session is closed."
        assert shown.rate_blocker() is None  # a finished session is what gets rated


def test_pin_and_unpin_show_in_the_history(live_portal, tmp_path):
    chat = others_chat(live_portal.state)

    async def scenario():
        desk = await connect(live_portal, tmp_path)
        await desk.supervision.pin(target_of(chat))
        pinned = await desk.open_entity(crm_ref(chat), chat_id=chat.id)
        await desk.supervision.pin(target_of(chat), pinned=False)
        unpinned = await desk.open_entity(crm_ref(chat), chat_id=chat.id)
        await desk.client.aclose()
        return pinned, unpinned

    pinned, unpinned = run(scenario())
    assert pinned.pinned and not unpinned.pinned
    assert not chat.current_session.pinned


def test_rating_is_recorded_on_the_session(live_portal, tmp_path):
    chat = others_chat(live_portal.state)
    session = chat.current_session

    async def scenario():
        desk = await connect(live_portal, tmp_path)
        await desk.supervision.rate(target_of(chat), session.id, 4, "  Вежливо и быстро ")
        shown = await desk.open_entity(crm_ref(chat), chat_id=chat.id)
        with pytest.raises(EmptyRatingError):
            await desk.supervision.rate(target_of(chat), session.id, None, "   ")
        await desk.client.aclose()
        return shown

    shown = run(scenario())
    assert (session.vote_head, session.comment_head) == (4, "Вежливо и быстро")
    assert shown.history.head_rating == 4 and shown.history.head_comment == "Вежливо и быстро"


def test_only_heads_of_the_line_may_rate(live_portal, tmp_path):
    chat = others_chat(live_portal.state)
    operator_hook = live_portal.webhook_of("operator")
    operator_id = int(operator_hook.rstrip("/").split("/")[-2])
    assert operator_id not in live_portal.state.lines[1].heads
    if operator_id not in chat.participants:
        chat.participants.append(operator_id)

    async def scenario():
        desk = await connect(live_portal, tmp_path, hook=operator_hook)
        # The operator sees the dialogue they are in, not necessarily its CRM entity.
        history = await openlines.history(desk.client, chat_id=chat.id)
        await desk.client.aclose()
        return EntityChats(crm_ref(chat), (), chat.id, chat.id, history, (), desk.me)

    assert run(scenario()).rate_blocker() == "Only heads of this line can rate."


def test_a_lost_answer_is_settled_by_reading_the_dialogue_never_by_resending(
    portal_factory, tmp_path
):
    lp = portal_factory(rate_limit=False)
    chat = others_chat(lp.state)
    lp.portal.faults.inject("truncated", method="imopenlines.session.intercept")
    lp.portal.faults.inject("truncated", method="imopenlines.operator.another.finish")

    async def scenario():
        desk = await connect(lp, tmp_path)
        taken = await desk.supervision.take_over(target_of(chat))
        finished = await desk.supervision.finish(target_of(chat))
        await desk.client.aclose()
        return taken, finished

    assert run(scenario()) == (Outcome.SEEN, Outcome.SEEN)
    assert chat.owner_id == ADMIN and chat.current_session.closed
    assert sends(lp, "imopenlines.session.intercept") == 1
    assert sends(lp, "imopenlines.operator.another.finish") == 1


def test_a_lost_answer_the_dialogue_does_not_show_says_so(portal_factory, tmp_path):
    lp = portal_factory(rate_limit=False)
    chat = others_chat(lp.state)
    lp.portal.faults.inject("502", method="imopenlines.session.mode.pin")

    async def scenario():
        desk = await connect(lp, tmp_path)
        try:
            await desk.supervision.pin(target_of(chat))
        finally:
            await desk.client.aclose()

    with pytest.raises(OutcomeUnknownError) as caught:
        run(scenario())
    assert isinstance(caught.value, NotAppliedError)
    assert "does not show the change" in caught.value.user_message
    assert not chat.current_session.pinned
    assert sends(lp, "imopenlines.session.mode.pin") == 1
