"""The pane's writes stay with the chat the supervisor acted in: drafts, races, refreshes,
refusals and the messages that say what happened."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from b24desk.api.types import CrmEntityType, CrmRef
from b24desk.desk.outbox import ChatTarget, Outbox
from b24desk.portal.state import CrmType
from b24desk.settings.paths import Paths
from b24desk.settings.secrets import SecretStore
from b24desk.settings.store import load_settings
from b24desk.ui.chat.participants import IS_CUSTOMER_ROLE, USER_ID_ROLE
from b24desk.ui.main_window import MainWindow
from tests.helpers.chats import last_lead_chats, without_admin
from tests.helpers.waiting import wait_until
from tests.helpers.windows import (
    PROFILE,
    button,
    make_window,
    message_box,
    open_entity,
    operator_chat,
)


async def show(window, qtbot, chat) -> None:
    await open_entity(window, qtbot, CrmType.LEAD, chat.crm[CrmType.LEAD])
    pane = window.chat_pane
    await wait_until(lambda: pane.shown.chat_id == chat.id and not pane.busy.isVisible())


def test_a_draft_belongs_to_its_chat_and_survives_a_restart(
    live_portal, tmp_path, monkeypatch, qtbot, run, windows
):
    anna, boris = last_lead_chats(live_portal.state, 2)
    window = make_window(tmp_path, monkeypatch, live_portal.webhook, qtbot, windows)
    pane = window.chat_pane

    async def scenario():
        assert await window.connect_to(PROFILE)
        await show(window, qtbot, anna)
        pane.composer.editor.insertPlainText("Анна, ваш заказ")
        await show(window, qtbot, boris)
        # Another customer: not Anna's draft, and nothing to send by accident.
        assert pane.composer.editor.toPlainText() == ""
        assert not button(window, "sendButton").isEnabled()
        await show(window, qtbot, anna)
        assert pane.composer.editor.toPlainText() == "Анна, ваш заказ"
        await window.aclose()

    run(scenario())
    paths = Paths.default()  # the same home: its profile, secrets and drafts
    again = MainWindow(load_settings(paths), paths, SecretStore(paths))
    windows.append(again)
    again.show()

    async def after_restart():
        assert await again.connect_to(PROFILE)
        await show(again, qtbot, anna)
        assert again.chat_pane.composer.editor.toPlainText() == "Анна, ваш заказ"

    run(after_restart())


def test_opening_another_customer_during_a_join_cannot_redirect_the_message(
    portal_factory, tmp_path, monkeypatch, qtbot, run, windows
):
    lp = portal_factory(rate_limit=False, latency_ms=150)
    first, other = last_lead_chats(lp.state, 2)
    for chat in (first, other):
        without_admin(chat)
    window = make_window(tmp_path, monkeypatch, lp.webhook, qtbot, windows)
    pane = window.chat_pane

    async def scenario():
        assert await window.connect_to(PROFILE)
        await show(window, qtbot, first)
        pane.composer.editor.insertPlainText("только первому")
        qtbot.mouseClick(button(window, "sendButton"), Qt.MouseButton.LeftButton)
        join = await message_box(window, "confirmJoin")
        join.button(QMessageBox.StandardButton.Yes).click()
        # While the join is on its way, the supervisor opens another customer.
        await show(window, qtbot, other)
        await wait_until(lambda: "только первому" in [m.text for m in first.messages])
        assert pane.composer.editor.toPlainText() == ""

    run(scenario())
    assert [m.text for m in first.messages].count("только первому") == 1
    assert "только первому" not in [m.text for m in other.messages]


def test_join_add_and_remove_show_at_once_and_the_customer_stays(
    live_portal, tmp_path, monkeypatch, qtbot, run, windows
):
    [chat] = map(without_admin, last_lead_chats(live_portal.state, 1))
    window = make_window(tmp_path, monkeypatch, live_portal.webhook, qtbot, windows)
    pane = window.chat_pane

    async def scenario():
        assert await window.connect_to(PROFILE)
        await show(window, qtbot, chat)
        qtbot.mouseClick(button(window, "joinButton"), Qt.MouseButton.LeftButton)
        # No F5: the participants, the history and the buttons follow by themselves.
        await wait_until(lambda: pane.shown.i_am_participant, what="me among the participants")
        assert not button(window, "joinButton").isEnabled()
        people = pane.participant_list
        rows = [people.model().index(i, 0) for i in range(people.model().rowCount())]
        assert 1 in [r.data(USER_ID_ROLE) for r in rows]
        customer = next(r for r in rows if r.data(IS_CUSTOMER_ROLE))
        people.setCurrentIndex(customer)
        remove = button(window, "removeParticipantButton")
        assert not remove.isEnabled()
        assert "customer" in remove.toolTip()

    run(scenario())
    assert 1 in chat.participants and chat.customer_id in chat.participants


def test_a_refused_resend_keeps_the_text_and_puts_it_back(
    live_portal, tmp_path, monkeypatch, qtbot, run, windows
):
    # Removed from the chat since the crash.
    [chat] = map(without_admin, last_lead_chats(live_portal.state, 1))
    lead = CrmRef(CrmEntityType.LEAD, chat.crm[CrmType.LEAD])
    monkeypatch.setenv("B24DESK_HOME", str(tmp_path))
    Outbox(Paths.default().ensure().data_dir / "outbox.json").add(
        PROFILE, ChatTarget(lead, chat.id), "до перезапуска", watermark=0
    )
    window = make_window(tmp_path, monkeypatch, live_portal.webhook, qtbot, windows)
    pane = window.chat_pane

    async def scenario():
        assert await window.connect_to(PROFILE)
        await show(window, qtbot, chat)
        banner = pane.unsent
        await wait_until(lambda: banner.isVisible(), what="the unsent banner")
        qtbot.mouseClick(button(window, "checkUnsentButton"), Qt.MouseButton.LeftButton)
        await wait_until(lambda: "Not sent" in banner.label.text(), what="the refusal")
        assert pane.error.isVisible() and "Traceback" not in pane.error.text()
        assert "до перезапуска" in banner.label.text()
        qtbot.mouseClick(button(window, "putBackUnsentButton"), Qt.MouseButton.LeftButton)
        assert pane.composer.editor.toPlainText() == "до перезапуска"
        assert not banner.isVisible()

    run(scenario())
    assert "до перезапуска" not in [m.text for m in chat.messages]


def test_a_chat_with_a_lead_asks_before_a_second_one(
    live_portal, tmp_path, monkeypatch, qtbot, run, windows
):
    state = live_portal.state
    chat = operator_chat(state)
    lead_id = chat.crm.get(CrmType.LEAD)
    leads_before = len(state.crm[CrmType.LEAD].rows)
    window = make_window(tmp_path, monkeypatch, live_portal.webhook, qtbot, windows)
    pane = window.chat_pane

    async def scenario():
        assert await window.connect_to(PROFILE)
        crm_type, crm_id = next((t, i) for t, i in chat.crm.items() if i)
        await open_entity(window, qtbot, crm_type, crm_id)
        pane.reload(chat_id=chat.id)
        await wait_until(lambda: pane.shown.chat_id == chat.id and not pane.busy.isVisible())
        create = button(window, "createLeadButton")
        if lead_id is not None:
            assert create.text() == "Create another &lead…"
            assert f"#{lead_id}" in pane.lead_reason.text()
        qtbot.mouseClick(create, Qt.MouseButton.LeftButton)
        confirm = await message_box(window, "confirmCreateLead")
        if lead_id is not None:
            assert f"#{lead_id}" in confirm.text()
        confirm.button(QMessageBox.StandardButton.Cancel).click()
        await wait_until(lambda: create.isEnabled())

    run(scenario())
    assert len(state.crm[CrmType.LEAD].rows) == leads_before  # nothing without a yes


def test_a_failure_goes_away_once_something_works(
    live_portal, tmp_path, monkeypatch, qtbot, run, windows
):
    [chat] = last_lead_chats(live_portal.state, 1)
    window = make_window(tmp_path, monkeypatch, live_portal.webhook, qtbot, windows)
    pane = window.chat_pane

    async def scenario():
        assert await window.connect_to(PROFILE)
        await show(window, qtbot, chat)
        live_portal.portal.faults.inject("500", method="imopenlines.crm.chat.user.add", times=9)
        qtbot.mouseClick(button(window, "joinButton"), Qt.MouseButton.LeftButton)
        await wait_until(lambda: pane.error.isVisible(), what="the failure")
        said = pane.error.text() + window.status.last_error.text()
        assert "imopenlines" not in said and "Error" not in said  # plain words only
        live_portal.portal.faults.clear()
        qtbot.mouseClick(button(window, "joinButton"), Qt.MouseButton.LeftButton)
        await wait_until(lambda: not pane.error.isVisible(), what="the failure gone")
        await wait_until(lambda: pane.shown.i_am_participant)
        assert window.status.last_error.text() == ""

    run(scenario())
