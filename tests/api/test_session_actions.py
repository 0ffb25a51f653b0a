"""A supervisor's typed session actions against the demo portal: what changes, the typed
errors for what the portal refuses, and lost answers as OutcomeUnknownError."""

from __future__ import annotations

from typing import Any

import pytest

from b24desk.api import coded_errors as ce
from b24desk.api import errors as e
from b24desk.api import openlines
from b24desk.api import session_actions as actions
from b24desk.api.types import CrmEntityType, OpenLine, QueueOperator
from b24desk.portal.state import CrmType, Webhook

from .helpers import client, operator_webhook, run, wire_methods

ADMIN = 1


def others_chat(lp: Any) -> Any:
    """An open dialogue another employee handles, the admin not in it."""
    chat = next(
        c
        for c in lp.state.chats.values()
        if c.is_lines and c.active and c.current_session.operator_id not in (ADMIN, 7)
    )
    if ADMIN in chat.participants:
        chat.participants.remove(ADMIN)
    return chat


def closed_chat(lp: Any) -> Any:
    return next(c for c in lp.state.chats.values() if c.is_lines and not c.active)


def test_intercept_makes_the_admin_operator_and_lead_creation_possible(live_portal):
    chat = others_chat(live_portal)
    previous = chat.current_session.operator_id

    async def scenario():
        async with client(live_portal.webhook) as c:
            with pytest.raises(ce.NotOperatorError):
                await openlines.create_lead(c, chat.id)
            await actions.intercept_session(c, chat.id)
            dialog = await openlines.dialog(c, chat_id=chat.id)
            members = await openlines.participants(c, chat.id)
            lead_id = await openlines.create_lead(c, chat.id)
            with pytest.raises(ce.HandOverRefusedError) as again:
                await actions.intercept_session(c, chat.id)
            return dialog, members, lead_id, again.value

    dialog, members, lead_id, again = run(scenario())
    assert dialog.owner_id == ADMIN
    assert ADMIN in members and previous not in members
    assert lead_id is not None and live_portal.state.chats[chat.id].crm[CrmType.LEAD] == lead_id
    assert again.code == "OPERATOR_WRONG" and again.user_message


def test_transfer_to_an_employee_and_to_a_line_queue(live_portal):
    chat = others_chat(live_portal)
    employee = next(
        u.id
        for u in live_portal.state.users.values()
        if u.active and not u.is_bot and not u.is_connector and u.id not in chat.participants
    )

    async def scenario():
        async with client(live_portal.webhook) as c:
            await actions.transfer_to_user(c, chat.id, employee)
            to_user = (await openlines.dialog(c, chat_id=chat.id)).owner_id
            await actions.transfer_to_line(c, chat.id, 2)
            to_line = (await openlines.dialog(c, chat_id=chat.id)).owner_id
            lines = await actions.open_lines(c)
            with pytest.raises(ce.HandOverRefusedError):
                await actions.transfer_to_user(c, chat.id, to_line)  # already theirs
            with pytest.raises(ce.HandOverRefusedError):
                await actions.transfer_to_line(c, chat.id, 99)
            return to_user, to_line, lines

    to_user, to_line, lines = run(scenario())
    assert to_user == employee
    line_two = next(line for line in lines if line.id == 2)
    assert to_line in [operator.user_id for operator in line_two.queue]


def test_transfer_needs_exactly_one_target():
    with pytest.raises(ValueError):
        actions.transfer_command(1)
    with pytest.raises(ValueError):
        actions.transfer_command(1, user_id=2, line_id=3)
    assert actions.transfer_command(5, line_id=3).params == {
        "CHAT_ID": 5,
        "TRANSFER_ID": "queue3",
    }


def test_an_empty_transfer_target_is_its_own_error(live_portal):
    chat = others_chat(live_portal)

    async def scenario():
        async with client(live_portal.webhook) as c:
            return await c.run(
                actions.Command(
                    "imopenlines.operator.transfer",
                    {"CHAT_ID": chat.id, "TRANSFER_ID": ""},
                    actions.parse_done,
                )
            )

    with pytest.raises(ce.NoTransferTargetError) as caught:
        run(scenario())
    assert caught.value.code == "USER_ID_EMPTY"
    assert isinstance(caught.value, ce.InvalidArgumentError)


def test_finish_closes_the_dialogue_for_the_crm_chat_list(live_portal):
    chat = next(
        c
        for c in live_portal.state.chats.values()
        if c.is_lines and c.active and c.crm.get(CrmType.LEAD)
    )
    lead_id = chat.crm[CrmType.LEAD]

    async def scenario():
        async with client(live_portal.webhook) as c:
            await actions.finish_session(c, chat.id)
            active = await openlines.chats(c, CrmEntityType.LEAD, lead_id)
            history = await openlines.history(c, chat_id=chat.id)
            await actions.finish_session(c, chat.id)  # again: harmless
            return active, history

    active, history = run(scenario())
    assert chat.id not in [ref.id for ref in active]
    assert history.messages[-1].is_system and not history.can_join


def test_join_and_pin(live_portal):
    chat = others_chat(live_portal)

    async def scenario():
        async with client(live_portal.webhook) as c:
            before = await openlines.history(c, chat_id=chat.id)
            await actions.join_session(c, chat.id)
            after = await openlines.history(c, chat_id=chat.id)
            await actions.pin_session(c, chat.id)
            pinned = live_portal.state.chats[chat.id].current_session.pinned
            await actions.pin_session(c, chat.id, pinned=False)
            return before, after, pinned

    before, after, pinned = run(scenario())
    assert before.can_join and ADMIN not in before.participants
    assert not after.can_join and ADMIN in after.participants
    assert pinned and not live_portal.state.chats[chat.id].current_session.pinned


def test_rate_session_shows_in_the_history(live_portal):
    session_id = closed_chat(live_portal).current_session.id

    async def scenario():
        async with client(live_portal.webhook) as c:
            before = await openlines.history(c, session_id=session_id)
            await actions.rate_session(c, session_id, rating=2, comment="Не предложил доставку")
            middle = await openlines.history(c, session_id=session_id)
            await actions.rate_session(c, session_id, rating=4)
            return before, middle, await openlines.history(c, session_id=session_id)

    before, middle, after = run(scenario())
    assert (before.can_rate, before.head_rating, before.head_comment) == (True, None, None)
    assert (middle.head_rating, middle.head_comment) == (2, "Не предложил доставку")
    assert (after.head_rating, after.head_comment) == (4, "Не предложил доставку")


def test_an_operator_may_not_rate(live_portal):
    own = next(
        c
        for c in live_portal.state.chats.values()
        if c.is_lines and c.current_session.operator_id == 7
    )

    async def scenario():
        async with client(operator_webhook(live_portal)) as c:
            history = await openlines.history(c, chat_id=own.id)
            with pytest.raises(ce.AccessDeniedError):
                await actions.rate_session(c, own.current_session.id, rating=5)
            return history

    assert run(scenario()).can_rate is False


@pytest.mark.parametrize(("rating", "comment"), [(None, None), (0, None), (6, "x"), (None, "  ")])
def test_rate_session_refuses_an_empty_or_out_of_range_rating(rating, comment):
    with pytest.raises(ValueError):
        actions.rate_session_command(1, rating=rating, comment=comment)


def test_open_lines_with_their_queues(live_portal):
    state = live_portal.state
    state.lines[3].active = False

    async def scenario():
        async with client(live_portal.webhook) as c:
            every = await actions.open_lines(c)
            active = await actions.open_lines(c, active_only=True, with_queue=False)
            return every, active

    every, active = run(scenario())
    first = state.lines[1]
    operator = state.users[first.queue[0]]
    assert every[0] == OpenLine(
        id=1,
        name=first.name,
        active=True,
        queue=tuple(
            QueueOperator(u, state.users[u].full_name, state.users[u].work_position)
            for u in first.queue
        ),
    )
    assert every[0].queue[0].name == operator.full_name
    assert [(line.id, line.active) for line in every] == [(1, True), (2, True), (3, False)]
    assert [(line.id, line.queue) for line in active] == [(1, ()), (2, ())]


def test_more_lines_than_a_page_are_read_page_by_page(live_portal):
    state = live_portal.state
    for number in range(4, 4 + actions.LINES_PAGE):
        state.lines[number] = type(state.lines[1])(number, f"Линия {number}", [])

    async def scenario():
        async with client(live_portal.webhook) as c:
            return await actions.open_lines(c, with_queue=False)

    lines = run(scenario())
    assert [line.id for line in lines] == sorted(state.lines)
    assert wire_methods(live_portal).count("imopenlines.config.list.get") == 2


@pytest.mark.parametrize("kind", ["truncated", "drop"])
def test_a_lost_answer_to_an_intercept_is_outcome_unknown_and_not_re_sent(live_portal, kind):
    chat = others_chat(live_portal)
    live_portal.portal.faults.inject(kind, method="imopenlines.session.intercept")

    async def scenario():
        async with client(live_portal.webhook) as c:
            await actions.intercept_session(c, chat.id)

    with pytest.raises(e.OutcomeUnknownError):
        run(scenario())
    assert wire_methods(live_portal) == ["imopenlines.session.intercept"]
    # It did run: the dialogue is the admin's, which is why it must not be sent again.
    assert live_portal.state.chats[chat.id].owner_id == ADMIN


@pytest.mark.parametrize("answer", [False, None, "true", 1, {"result": True}])
def test_an_action_answer_other_than_true_is_outcome_unknown(answer):
    command = actions.intercept_session_command(5)
    with pytest.raises(e.OutcomeUnknownError):
        command.outcome(answer)
    assert command.outcome(True) is None


def test_a_head_of_one_line_only_rates_its_sessions(live_portal):
    state = live_portal.state
    state.webhooks["headhook18"] = Webhook(
        18, "headhook18", frozenset({"imopenlines", "basic"}), "head"
    )
    hook = f"{live_portal.base_url}/rest/18/headhook18/"
    own = next(c for c in state.chats.values() if c.is_lines and c.line_id == 2)
    other = next(c for c in state.chats.values() if c.is_lines and c.line_id == 1)

    async def scenario():
        async with client(hook) as c:
            await actions.rate_session(c, own.current_session.id, comment="Хорошо")
            with pytest.raises(ce.AccessDeniedError):
                await actions.rate_session(c, other.current_session.id, rating=1)

    run(scenario())
    assert state.sessions[own.current_session.id].comment_head == "Хорошо"
