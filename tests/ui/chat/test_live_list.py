"""The chat list, live: a customer's message, another operator and a closed session show in
the list without F5, in the same words whatever *Active chats only* says."""

from __future__ import annotations

import functools

from b24desk.desk import session as session_module
from b24desk.desk.live import LivePoller, Pacing
from b24desk.portal.methods.chat_access import now
from b24desk.portal.state import SESSION_FINISHED_TEXT, CrmType
from tests.helpers.chats import active_lead_chat_with_admin, without_admin
from tests.helpers.waiting import wait_until
from tests.helpers.windows import PROFILE, make_window, open_entity

QUICK = Pacing(active_every=0.1, idle_every=0.1, most_per_minute=1200, slowest_every=0.5)


def test_the_list_follows_messages_operators_and_closing_without_f5(
    live_portal, tmp_path, monkeypatch, qtbot, run, windows
):
    lp = live_portal
    state = lp.state
    monkeypatch.setattr(session_module, "LivePoller", functools.partial(LivePoller, pacing=QUICK))
    chat = without_admin(active_lead_chat_with_admin(state))  # no events: dialogues tell
    operator = state.users[chat.current_session.operator_id]
    chat.owner_id = operator.id
    state.add_message(chat, operator.id, "Чем могу помочь?", now(state))
    other = next(
        u
        for u in state.users.values()
        if u.active and not (u.is_bot or u.is_connector or u.id in (operator.id, 1))
    )
    window = make_window(tmp_path, monkeypatch, lp.webhook, qtbot, windows)
    pane = window.chat_pane

    def line() -> str:
        row = pane.chats.row_of(chat.id)
        return pane.chats.index(row, 0).data() if row >= 0 else ""

    async def scenario():
        assert await window.connect_to(PROFILE)
        await open_entity(window, qtbot, CrmType.LEAD, chat.crm[CrmType.LEAD])
        await wait_until(lambda: "answered" in line(), what="the state")
        assert operator.full_name in line() and "waiting" not in line()

        state.add_message(chat, chat.customer_id, "Где заказ?", now(state))
        await wait_until(lambda: "waiting for operator" in line(), what="the customer waits")
        assert line().splitlines()[1].startswith("waiting <1 min · ")

        state.add_participant(chat, other.id)  # taken by another, who joins as operators do
        chat.owner_id = chat.current_session.operator_id = other.id
        await wait_until(lambda: other.full_name in line(), what="the new operator")

        state.add_message(chat, 0, SESSION_FINISHED_TEXT, now(state))
        chat.current_session.closed = True
        await wait_until(lambda: "· closed" in line(), what="closed")
        closed = line()
        pane.active_only.setChecked(False)
        await wait_until(lambda: not pane.active_only.isChecked() and line(), what="all chats")
        await wait_until(lambda: pane.shown is not None and len(pane.shown.chats) > 0, what="list")
        assert line() == closed  # the same words whatever the switch

    run(scenario())
