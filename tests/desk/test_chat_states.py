"""The chat list's states over the demo portal: status, operator, last message and the
customer's wait of every chat of an entity, in the pane's one request; earlier sessions."""

from __future__ import annotations

from datetime import datetime

import pytest

from b24desk.desk.chat_states import ChatStatus
from b24desk.desk.desk import SessionElsewhereError
from b24desk.portal.methods.chat_access import now
from b24desk.portal.state import SESSION_STARTED_TEXT
from tests.desk.test_desk import batches, connect, lead_with_chats, run


def _open(lp, tmp_path, ref, **kwargs):
    async def scenario():
        desk = await connect(lp, tmp_path)
        lp.portal.wire_log.clear()
        try:
            return await desk.open_entity(ref, **kwargs)
        finally:
            await desk.client.aclose()

    return run(scenario())


def test_every_chat_gets_its_state_in_the_one_request(live_portal, tmp_path):
    lp = live_portal
    state = lp.state
    ref, chats = lead_with_chats(lp)
    last = chats[-1]
    operator = last.current_session.operator_id
    last.owner_id = operator
    asked = state.add_message(last, last.customer_id, "Где мой заказ?", now(state))
    state.add_message(last, last.customer_id, "Алло?", now(state))

    pane = _open(lp, tmp_path, ref, active_only=True)
    assert len(lp.portal.wire_log) == 1 and batches(lp) == 1
    assert set(pane.states) == {c.id for c in chats}  # closed ones too, with Active only
    waiting = pane.states[last.id]
    assert waiting.status is ChatStatus.WAITING
    assert waiting.waiting_since == datetime.fromisoformat(asked.date)
    assert waiting.last_message_at == datetime.fromisoformat(last.messages[-1].date)
    assert waiting.operator is not None and waiting.operator.id == operator
    assert waiting.session_id == last.current_session.id
    for chat in chats[:-1]:
        closed = pane.states[chat.id]
        assert (closed.status is ChatStatus.CLOSED) == (not chat.active)
        if not chat.active:
            assert closed.waiting_since is None and closed.last_message_at is not None

    state.add_message(last, operator, "Уже в пути", now(state))
    answered = _open(lp, tmp_path, ref, active_only=False).states[last.id]
    assert answered.status is ChatStatus.ANSWERED and answered.waiting_since is None


def test_a_session_no_employee_wrote_in_is_new(live_portal, tmp_path):
    lp = live_portal
    state = lp.state
    ref, chats = lead_with_chats(lp)
    chat = chats[-1]
    chat.current_session.closed = True
    state.add_session(chat, chat.owner_id, now(state), closed=False)
    state.add_message(chat, 0, SESSION_STARTED_TEXT, now(state))
    first = state.add_message(chat, chat.customer_id, "Здравствуйте", now(state))
    new = _open(lp, tmp_path, ref).states[chat.id]
    assert new.status is ChatStatus.NEW
    assert new.waiting_since == datetime.fromisoformat(first.date)


def test_an_earlier_session_opens_read_only_and_a_foreign_one_is_refused(live_portal, tmp_path):
    lp = live_portal
    ref, chats = lead_with_chats(lp)
    chat = chats[-1]
    if len(chat.sessions) == 1:
        chat.current_session.closed = True
        lp.state.add_session(chat, chat.owner_id, now(lp.state), closed=False)
    earlier = chat.sessions[0]
    pane = _open(lp, tmp_path, ref, chat_id=chat.id, session_id=earlier.id)
    assert pane.history is not None and pane.history.session_id == earlier.id
    assert [m.id for m in pane.history.messages] == earlier.message_ids
    assert pane.earlier_session and pane.session_open is False
    assert pane.states[chat.id].session_id == chat.current_session.id  # the list: the last

    other = next(c for c in lp.state.chats.values() if c.is_lines and c.id != chat.id)
    with pytest.raises(SessionElsewhereError):
        _open(lp, tmp_path, ref, chat_id=chat.id, session_id=other.current_session.id)
