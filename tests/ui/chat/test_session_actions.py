"""The session row on the loopback portal: take over, transfer to a queue, finish, rate and
pin, each seen in the portal's state and in the pane without a refresh; and the one-step
"Take over and create lead"."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QMessageBox

from b24desk.portal.state import CrmType
from b24desk.ui.dialogs.rating import RatingDialog
from b24desk.ui.dialogs.transfer_picker import TARGET_ROLE, TransferPicker
from tests.helpers.chats import ADMIN
from tests.helpers.waiting import wait_until
from tests.helpers.windows import PROFILE, button, make_window, message_box, open_entity


def others_lead_chat(state: Any) -> Any:
    """An open dialogue of line 1, the last chat of its lead, handled by someone else."""
    for chat in state.chats.values():
        lead_id = chat.crm.get(CrmType.LEAD)
        if (
            chat.is_lines
            and chat.active
            and lead_id
            and chat.line_id == 1
            and chat.current_session.operator_id != ADMIN
            and state.chats_of(CrmType.LEAD, lead_id)[-1] is chat
        ):
            return chat
    raise AssertionError("the seed has no such chat")


async def show(window, qtbot, chat) -> Any:
    await open_entity(window, qtbot, CrmType.LEAD, chat.crm[CrmType.LEAD])
    pane = window.chat_pane
    await wait_until(lambda: pane.shown.chat_id == chat.id and not pane.busy.isVisible())
    return pane


async def dialog_of(kind: type) -> Any:
    return await wait_until(
        lambda: next(
            (w for w in QApplication.topLevelWidgets() if isinstance(w, kind) and w.isVisible()),
            None,
        ),
        what=kind.__name__,
    )


def click(widget) -> None:
    assert widget.isEnabled(), widget.toolTip()
    widget.click()


def test_take_over_then_create_a_lead(live_portal, tmp_path, monkeypatch, qtbot, run, windows):
    state = live_portal.state
    chat = others_lead_chat(state)
    window = make_window(tmp_path, monkeypatch, live_portal.webhook, qtbot, windows)

    async def scenario():
        assert await window.connect_to(PROFILE)
        pane = await show(window, qtbot, chat)
        session = pane.session
        assert "Operator:" in session.state.text()
        # The keyboard's way in: Ctrl+T is the Chat menu's Take over, pressing the button.
        window.findChild(QAction, "takeOverAction").trigger()
        await wait_until(lambda: pane.shown.operator_id == ADMIN, what="the admin as operator")
        assert chat.owner_id == chat.current_session.operator_id == ADMIN
        assert not session.take_over_button.isEnabled()
        assert session.take_over_button.toolTip() == "You already handle this dialogue."
        assert session.state.text().startswith("You operate this dialogue")
        create = button(window, "createLeadButton")
        assert create.isEnabled() and create.text() == "Create another &lead…"
        click(create)
        (await message_box(window, "confirmCreateLead")).button(
            QMessageBox.StandardButton.Yes
        ).click()
        created = await message_box(window, "leadCreated")
        created.button(QMessageBox.StandardButton.Close).click()

    before = chat.crm[CrmType.LEAD]
    run(scenario())
    assert chat.crm[CrmType.LEAD] not in (0, before)


def test_take_over_and_create_lead_in_one_step(
    live_portal, tmp_path, monkeypatch, qtbot, run, windows
):
    chat = others_lead_chat(live_portal.state)
    operator = live_portal.state.users[chat.owner_id]
    window = make_window(tmp_path, monkeypatch, live_portal.webhook, qtbot, windows)

    async def scenario():
        assert await window.connect_to(PROFILE)
        pane = await show(window, qtbot, chat)
        create = button(window, "createLeadButton")
        assert create.text() == "Take over and create &lead…"
        assert "take it over first" in pane.lead_reason.text()
        click(create)
        confirm = await message_box(window, "confirmCreateLead")
        assert operator.full_name in confirm.text() and f"#{chat.id}" in confirm.text()
        confirm.button(QMessageBox.StandardButton.Yes).click()
        created = await message_box(window, "leadCreated")
        created.button(QMessageBox.StandardButton.Close).click()
        assert window.statusBar().currentMessage() == "The lead was created."

    before = chat.crm[CrmType.LEAD]
    run(scenario())
    assert chat.owner_id == ADMIN and chat.crm[CrmType.LEAD] not in (0, before)


def test_transfer_to_a_line_queue(live_portal, tmp_path, monkeypatch, qtbot, run, windows):
    chat = others_lead_chat(live_portal.state)
    previous = chat.owner_id
    window = make_window(tmp_path, monkeypatch, live_portal.webhook, qtbot, windows)

    async def scenario():
        assert await window.connect_to(PROFILE)
        pane = await show(window, qtbot, chat)
        click(pane.session.transfer_button)
        picker = await dialog_of(TransferPicker)
        items = picker.choices
        await wait_until(lambda: items.count() > 0, what="the transfer choices")
        texts = [items.item(i).text() for i in range(items.count())]
        assert any("Operators of «Сайт и мессенджеры»" in t for t in texts)
        queue = next(
            i
            for i in range(items.count())
            if (t := items.item(i).data(TARGET_ROLE)) is not None and t.line_id == 2
        )
        items.setCurrentRow(queue)
        click(picker.ok)
        await wait_until(lambda: chat.owner_id != previous, what="the transfer")
        await wait_until(lambda: pane.shown.operator_id == chat.owner_id, what="the pane")

    run(scenario())
    assert chat.owner_id in live_portal.state.lines[2].queue
    assert "queue of «Социальные сети»" in window.statusBar().currentMessage()


def test_finish_closes_the_session_and_the_chat_leaves_the_active_list(
    live_portal, tmp_path, monkeypatch, qtbot, run, windows
):
    chat = others_lead_chat(live_portal.state)
    operator = live_portal.state.users[chat.owner_id]
    customer = live_portal.state.users[chat.customer_id]
    window = make_window(tmp_path, monkeypatch, live_portal.webhook, qtbot, windows)

    async def scenario():
        assert await window.connect_to(PROFILE)
        pane = await show(window, qtbot, chat)
        assert pane.chats.row_of(chat.id) >= 0
        click(pane.session.finish_button)
        confirm = await message_box(window, "confirmFinish")
        assert operator.full_name in confirm.text() and customer.full_name in confirm.text()
        confirm.button(QMessageBox.StandardButton.Yes).click()
        await wait_until(lambda: chat.current_session.closed, what="the session closed")
        await wait_until(lambda: pane.shown.session_open is False, what="the pane reloaded")
        session = pane.session
        # Gone from the active chats: listed only as the chat on show, marked closed.
        assert chat.id not in [c.id for c in pane.shown.chats]
        row = pane.chats.index(pane.chats.row_of(chat.id))
        assert f"#{chat.id} · closed" in row.data()  # with its connector, as in the list
        for closed in (session.take_over_button, session.transfer_button, session.finish_button):
            assert not closed.isEnabled() and closed.toolTip() == "The session is closed."
        assert session.rate_button.isEnabled()  # a finished session is what gets rated
        assert session.state.text().startswith("Session closed")

    run(scenario())


def test_rating_is_recorded_and_shown(live_portal, tmp_path, monkeypatch, qtbot, run, windows):
    chat = others_lead_chat(live_portal.state)
    window = make_window(tmp_path, monkeypatch, live_portal.webhook, qtbot, windows)

    async def scenario():
        assert await window.connect_to(PROFILE)
        pane = await show(window, qtbot, chat)
        click(pane.session.rate_button)
        dialog = await dialog_of(RatingDialog)
        assert not dialog.ok.isEnabled()  # neither a rating nor a comment yet
        dialog.findChild(type(dialog.group.button(4)), "rating4").click()
        dialog.comment.insertPlainText("Вежливо, но долго")
        click(dialog.ok)
        await wait_until(lambda: pane.shown.history.head_rating == 4, what="the rating shown")
        assert "rated 4 of 5" in pane.session.state.text()

    run(scenario())
    session = chat.current_session
    assert (session.vote_head, session.comment_head) == (4, "Вежливо, но долго")


def test_pin_and_unpin(live_portal, tmp_path, monkeypatch, qtbot, run, windows):
    chat = others_lead_chat(live_portal.state)
    window = make_window(tmp_path, monkeypatch, live_portal.webhook, qtbot, windows)

    async def scenario():
        assert await window.connect_to(PROFILE)
        pane = await show(window, qtbot, chat)
        pin = pane.session.pin_button
        assert pin.text() == "&Pin"
        qtbot.mouseClick(pin, Qt.MouseButton.LeftButton)
        await wait_until(lambda: pin.text() == "Un&pin", what="pinned in the pane")
        assert chat.current_session.pinned
        qtbot.mouseClick(pin, Qt.MouseButton.LeftButton)
        await wait_until(lambda: pin.text() == "&Pin", what="unpinned in the pane")

    run(scenario())
    assert not chat.current_session.pinned
