"""Keyboard-first: a whole supervisor's errand with key events only, pane to pane, and the
shortcut sheet listing every shortcut."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox, QTableWidget

from b24desk.portal.state import CrmType
from b24desk.ui import shortcuts
from b24desk.ui.dialogs.shortcuts import ShortcutSheet
from tests.helpers.chats import ADMIN, last_lead_chats, without_admin
from tests.helpers.waiting import wait_until
from tests.helpers.windows import PROFILE, make_window

CTRL = Qt.KeyboardModifier.ControlModifier


def focused():
    return QApplication.focusWidget()


async def active(window) -> None:
    """Shortcuts reach only the active window (STACK-NOTES 13)."""
    window.activateWindow()
    await wait_until(lambda: QApplication.activeWindow() is window, what="the active window")


async def find_and_open(window, qtbot, lead_id: int):
    """Ctrl+F, the lead's ID, Down, Enter: the lead's chat on show, the message box focused."""
    browser, pane = window.browser, window.chat_pane
    await wait_until(lambda: browser.model.rowCount() > 0, what="the first page")
    await active(window)
    qtbot.keyClick(focused(), Qt.Key.Key_F, CTRL)
    assert focused() is browser.search
    qtbot.keyClicks(browser.search, str(lead_id))
    # Down at once: the first row is chosen when the search's results come in.
    qtbot.keyClick(browser.search, Qt.Key.Key_Down)
    assert focused() is browser.table
    await wait_until(
        lambda: browser.current_entity() is not None and browser.current_entity().id == lead_id,
        what="the lead chosen",
    )
    qtbot.keyClick(browser.table, Qt.Key.Key_Return)
    # Enter takes the keyboard on to the chat once it is on show.
    editor = pane.composer.editor
    await wait_until(lambda: focused() is editor, what="the message box focused")
    return editor


def test_find_open_join_write_and_send_by_keyboard(
    live_portal, tmp_path, monkeypatch, qtbot, run, windows
):
    chat = without_admin(last_lead_chats(live_portal.state, 1)[0])
    lead_id = chat.crm[CrmType.LEAD]
    text = "Hello from the keyboard"
    window = make_window(tmp_path, monkeypatch, live_portal.webhook, qtbot, windows)
    pane = window.chat_pane

    async def scenario():
        assert await window.connect_to(PROFILE)
        editor = await find_and_open(window, qtbot, lead_id)
        assert pane.shown.chat_id == chat.id
        qtbot.keyClick(editor, Qt.Key.Key_J, CTRL)
        await wait_until(lambda: ADMIN in chat.participants, what="joined")
        await wait_until(lambda: not pane.people.join_button.isEnabled(), what="join done")
        assert focused() is editor
        qtbot.keyClicks(editor, text)
        qtbot.keyClick(editor, Qt.Key.Key_Return, CTRL)
        await wait_until(
            lambda: any(m.text == text and m.author_id == ADMIN for m in chat.messages),
            what="the message on the portal",
        )
        await wait_until(lambda: editor.toPlainText() == "", what="the composer cleared")

    run(scenario())


def test_tab_leaves_the_table_and_f6_goes_pane_to_pane(
    live_portal, tmp_path, monkeypatch, qtbot, run, windows
):
    chat = last_lead_chats(live_portal.state, 1)[0]
    window = make_window(tmp_path, monkeypatch, live_portal.webhook, qtbot, windows)
    browser, pane = window.browser, window.chat_pane

    async def scenario():
        assert await window.connect_to(PROFILE)
        await wait_until(lambda: browser.model.rowCount() > 1, what="the first page")
        await active(window)
        browser.search.setText(str(chat.crm[CrmType.LEAD]))
        qtbot.keyClick(browser.search, Qt.Key.Key_Return)  # Enter, like Down, goes to results
        await wait_until(lambda: pane.shown is not None, what="the pane")
        assert focused() is browser.table and browser.table.currentIndex().row() == 0
        qtbot.keyClick(browser.table, Qt.Key.Key_Tab)
        assert focused() is not browser.table  # Tab moves on; the arrows move in the table
        for expected in (pane.chat_list, pane.participant_list, pane.history_view):
            qtbot.keyClick(focused(), Qt.Key.Key_F6)
            assert focused() is expected
        qtbot.keyClick(focused(), Qt.Key.Key_F6)
        assert focused() is pane.composer.editor
        # Tab leaves the message box instead of typing a tab into it.
        qtbot.keyClick(focused(), Qt.Key.Key_Tab)
        assert focused() is not pane.composer.editor
        assert "\t" not in pane.composer.editor.toPlainText()
        qtbot.keyClick(focused(), Qt.Key.Key_F6, Qt.KeyboardModifier.ShiftModifier)
        assert focused() is pane.composer.editor

    run(scenario())


def test_a_chat_shortcut_that_cannot_act_says_why(aloop, tmp_path, monkeypatch, qtbot, windows):
    window = make_window(tmp_path, monkeypatch, "https://example.invalid/rest/1/x/", qtbot, windows)

    async def scenario():
        await active(window)
        qtbot.keyClick(focused() or window, Qt.Key.Key_L, CTRL | Qt.KeyboardModifier.ShiftModifier)
        message = window.statusBar().currentMessage()
        assert message.startswith("Not possible now: Create a lead from the chat.")
        assert "Choose an entity first." in message

    aloop.run_until_complete(scenario())


def test_the_shortcut_sheet_lists_every_shortcut(aloop, tmp_path, monkeypatch, qtbot, windows):
    window = make_window(tmp_path, monkeypatch, "https://example.invalid/rest/1/x/", qtbot, windows)

    async def scenario():
        await active(window)
        qtbot.keyClick(focused() or window, Qt.Key.Key_F1)
        sheet = await wait_until(lambda: window.findChild(ShortcutSheet, "shortcutSheet"))
        assert sheet.isVisible() and not sheet.isModal()
        table: QTableWidget = sheet.findChild(QTableWidget, "shortcutTable")
        rows = {table.item(r, 0).text(): table.item(r, 1).text() for r in range(table.rowCount())}
        for shortcut in shortcuts.ACTIONS:
            keys = shortcut.sequence().toString(shortcut.sequence().SequenceFormat.NativeText)
            assert rows[keys] == shortcut.text
        assert rows["Ctrl+Return"] == "In the message box: send"
        sheet.close()

    aloop.run_until_complete(scenario())


def test_the_whole_job_find_open_take_over_write_and_create_a_lead_by_keyboard(
    live_portal, tmp_path, monkeypatch, qtbot, run, windows
):
    state = live_portal.state
    chat = next(
        c
        for c in state.chats.values()
        if c.is_lines
        and c.active
        and c.crm.get(CrmType.LEAD)
        and state.chats_of(CrmType.LEAD, c.crm[CrmType.LEAD])[-1] is c
        and c.current_session.operator_id != ADMIN
    )
    without_admin(chat)
    lead_id = chat.crm[CrmType.LEAD]
    leads_before = len(state.crm[CrmType.LEAD].rows)
    text = "Taking over: we will call you back today"
    window = make_window(tmp_path, monkeypatch, live_portal.webhook, qtbot, windows)
    pane = window.chat_pane

    def box() -> QMessageBox | None:
        found = QApplication.activeModalWidget()
        return found if isinstance(found, QMessageBox) else None

    async def scenario():
        assert await window.connect_to(PROFILE)
        editor = await find_and_open(window, qtbot, lead_id)
        qtbot.keyClick(editor, Qt.Key.Key_T, CTRL)  # take the dialogue over
        await wait_until(lambda: chat.current_session.operator_id == ADMIN, what="taken over")
        await wait_until(lambda: ADMIN in chat.participants, what="in the chat")
        await wait_until(lambda: pane.shown.operator_id == ADMIN, what="the pane knows")
        editor.setFocus()
        qtbot.keyClicks(editor, text)
        qtbot.keyClick(editor, Qt.Key.Key_Return, CTRL)
        await wait_until(
            lambda: any(m.text == text and m.author_id == ADMIN for m in chat.messages),
            what="the message on the portal",
        )
        qtbot.keyClick(focused(), Qt.Key.Key_L, CTRL | Qt.KeyboardModifier.ShiftModifier)
        await wait_until(lambda: box() is not None, what="the lead confirmation")
        qtbot.keyClick(box(), Qt.Key.Key_Return)  # Yes is the box's default
        await wait_until(
            lambda: len(state.crm[CrmType.LEAD].rows) == leads_before + 1, what="a new lead"
        )
        await wait_until(lambda: box() is not None, what="the lead's 'open it?'")
        qtbot.keyClick(box(), Qt.Key.Key_Escape)

    run(scenario())
