"""The chat pane in the real window on the demo portal: join, participants, lead creation."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QListView, QListWidget, QMessageBox

from b24desk.portal.state import CrmType
from b24desk.ui.chat.chats import CHAT_ID_ROLE
from b24desk.ui.chat.participants import PENDING_ROLE, USER_ID_ROLE
from b24desk.ui.dialogs.user_picker import UserPicker
from tests.helpers.waiting import wait_until
from tests.helpers.windows import (
    PROFILE,
    button,
    label,
    make_window,
    message_box,
    open_entity,
    operator_chat,
)


def test_supervisor_session(live_portal, tmp_path, monkeypatch, qtbot, run, windows):
    state = live_portal.state
    chat = operator_chat(state)
    crm_type, crm_id = next((t, i) for t, i in chat.crm.items() if i)
    if 1 in chat.participants:
        chat.participants.remove(1)  # the admin steps in through the window
    colleague = next(
        u
        for u in state.users.values()
        if u.active
        and not u.is_bot
        and not u.is_connector
        and u.id not in chat.participants
        and u.id != 1
    )
    window = make_window(tmp_path, monkeypatch, live_portal.webhook, qtbot, windows)

    async def scenario():
        assert await window.connect_to(PROFILE)
        await wait_until(lambda: window.browser.model.rowCount() > 0, what="first page")
        await open_entity(window, qtbot, crm_type, crm_id)
        pane = window.chat_pane
        # The last chat is marked and preselected.
        chats: QListView = window.findChild(QListView, "chatList")
        last = state.chats_of(crm_type, crm_id)[-1]
        assert chats.currentIndex().data(CHAT_ID_ROLE) == last.id
        assert chats.currentIndex().data(Qt.ItemDataRole.FontRole).bold()

        # Write without being a participant: the window offers to join first.
        pane.reload(chat_id=chat.id)
        await wait_until(lambda: pane.shown.chat_id == chat.id and not pane.busy.isVisible())
        # keyClicks handles ASCII only; Cyrillic arrives as typed text through insertion.
        pane.composer.editor.insertPlainText("Добрый день! Подключилась к диалогу.")
        qtbot.keyClick(pane.composer.editor, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
        join = await message_box(window, "confirmJoin")
        join.button(QMessageBox.StandardButton.Yes).click()
        await wait_until(
            lambda: any(
                m.text == "Добрый день! Подключилась к диалогу." and m.author_id == 1
                for m in chat.messages
            ),
            what="sent",
        )
        assert 1 in chat.participants
        await wait_until(lambda: pane.composer.editor.toPlainText() == "", what="composer cleared")

        # Add a colleague through the picker, by keyboard.
        qtbot.mouseClick(button(window, "addParticipantButton"), Qt.MouseButton.LeftButton)
        picker = await wait_until(lambda: window.findChild(UserPicker, "userPicker"))
        picker.findChild(type(window.browser.search), "userSearch").setText(colleague.last_name)
        results: QListWidget = picker.findChild(QListWidget, "userResults")
        await wait_until(
            lambda: any(
                results.item(i).data(Qt.ItemDataRole.UserRole + 1)
                and results.item(i).data(Qt.ItemDataRole.UserRole + 1).id == colleague.id
                for i in range(results.count())
            ),
            what="the colleague in the picker",
        )
        for row in range(results.count()):
            user = results.item(row).data(Qt.ItemDataRole.UserRole + 1)
            if user is not None and user.id == colleague.id:
                results.setCurrentRow(row)
        qtbot.keyClick(results, Qt.Key.Key_Return)
        await wait_until(lambda: colleague.id in chat.participants, what="colleague added")
        people: QListView = window.findChild(QListView, "participantList")

        def colleague_row():
            rows = (people.model().index(i, 0) for i in range(people.model().rowCount()))
            return next(
                (
                    index
                    for index in rows
                    if index.data(USER_ID_ROLE) == colleague.id and not index.data(PENDING_ROLE)
                ),
                None,
            )

        await wait_until(lambda: colleague_row() is not None, what="colleague listed")

        # Remove the colleague again, confirming.
        people.setCurrentIndex(colleague_row())
        qtbot.mouseClick(button(window, "removeParticipantButton"), Qt.MouseButton.LeftButton)
        confirm = await message_box(window, "confirmRemove")
        confirm.button(QMessageBox.StandardButton.Yes).click()
        await wait_until(lambda: colleague.id not in chat.participants, what="colleague removed")

        # Turn the dialogue into a lead and open it.
        leads_before = len(state.crm[CrmType.LEAD].rows)
        await wait_until(lambda: button(window, "createLeadButton").isEnabled())
        qtbot.mouseClick(button(window, "createLeadButton"), Qt.MouseButton.LeftButton)
        confirm = await message_box(window, "confirmCreateLead")
        assert f"#{chat.id}" in confirm.text()  # it names the chat (and its customer)
        confirm.button(QMessageBox.StandardButton.Yes).click()
        created = await message_box(window, "leadCreated")
        assert len(state.crm[CrmType.LEAD].rows) == leads_before + 1
        new_lead = state.crm[CrmType.LEAD].rows[-1]
        assert new_lead["TITLE"] == chat.name and chat.crm[CrmType.LEAD] == int(new_lead["ID"])
        searched, listed = window.browser.search.text(), window.browser.model.rowCount()
        before = pane.shown.entity
        created.button(QMessageBox.StandardButton.Open).click()
        await wait_until(
            lambda: pane.shown is not None and pane.shown.entity.id == int(new_lead["ID"]),
            what="new lead shown in the pane",
        )
        # The supervisor's list and search stay as they were, and Back returns.
        assert window.browser.search.text() == searched
        assert window.browser.model.rowCount() == listed
        assert button(window, "backButton").isVisible()
        qtbot.mouseClick(button(window, "backButton"), Qt.MouseButton.LeftButton)
        await wait_until(
            lambda: pane.shown is not None and pane.shown.entity == before, what="back"
        )
        assert not button(window, "backButton").isVisible()

    run(scenario())


def test_create_lead_explains_why_it_cannot_or_takes_over_first(
    live_portal, tmp_path, monkeypatch, qtbot, run, windows
):
    state = live_portal.state
    chat = next(
        c
        for c in state.chats.values()
        if c.is_lines and c.active and c.owner_id != 1 and c.crm.get(CrmType.LEAD)
    )
    window = make_window(tmp_path, monkeypatch, live_portal.webhook, qtbot, windows)

    async def scenario():
        assert await window.connect_to(PROFILE)
        await open_entity(window, qtbot, CrmType.LEAD, chat.crm[CrmType.LEAD])
        window.chat_pane.reload(chat_id=chat.id)
        await wait_until(lambda: window.chat_pane.shown.chat_id == chat.id)
        # Another operator's open dialogue: it can be taken over on the way (one step).
        create = button(window, "createLeadButton")
        assert create.isEnabled() and create.text() == "Take over and create &lead…"
        assert label(window, "leadReason").endswith("you take it over first.")
        # Once its session is closed nobody can take it over: the reason stays.
        chat.current_session.closed = True
        window.chat_pane.reload(chat_id=chat.id)
        await wait_until(lambda: not create.isEnabled(), what="the closed session")
        assert label(window, "leadReason") == "Only the chat's current operator can create a lead."

    run(scenario())
