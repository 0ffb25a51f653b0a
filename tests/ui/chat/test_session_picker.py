"""Earlier sessions of a chat: typed by number or picked from those seen, read only; a
session of another chat is refused and what is on show stays."""

from __future__ import annotations

from PySide6.QtCore import Qt

from b24desk.portal.methods.chat_access import now
from b24desk.portal.state import CrmType
from tests.helpers.chats import active_lead_chat_with_admin
from tests.helpers.waiting import wait_until
from tests.helpers.windows import PROFILE, make_window, open_entity


def test_an_earlier_session_is_read_by_number_then_picked_from_the_list(
    live_portal, tmp_path, monkeypatch, qtbot, run, windows
):
    lp = live_portal
    state = lp.state
    chat = active_lead_chat_with_admin(state)
    earlier = chat.current_session
    state.add_message(chat, chat.customer_id, "Вопрос из прошлой сессии", now(state))
    earlier.closed = True
    state.add_session(chat, chat.owner_id, now(state), closed=False)
    state.add_message(chat, chat.customer_id, "Новый вопрос", now(state))
    other = next(c for c in state.chats.values() if c.is_lines and c.id != chat.id)
    window = make_window(tmp_path, monkeypatch, lp.webhook, qtbot, windows)
    pane = window.chat_pane
    picker, history = pane.sessions, pane.history_view

    def enter(text: str) -> None:
        picker.combo.setEditText(text)
        qtbot.keyClick(picker.combo.lineEdit(), Qt.Key.Key_Return)

    async def scenario():
        assert await window.connect_to(PROFILE)
        await open_entity(window, qtbot, CrmType.LEAD, chat.crm[CrmType.LEAD])
        await wait_until(lambda: "Новый вопрос" in history.toPlainText(), what="the last")
        assert picker.combo.count() == 1 and "(current)" in picker.combo.itemText(0)
        assert pane.composer.editor.isEnabled() and not picker.note.isVisible()

        enter(str(earlier.id))
        await wait_until(
            lambda: "Вопрос из прошлой сессии" in history.toPlainText(), what="the earlier"
        )
        assert "Новый вопрос" not in history.toPlainText()
        assert picker.note.isVisible() and not pane.composer.editor.isEnabled()
        assert not pane.session.finish_button.isEnabled()
        assert picker.combo.count() == 2  # now seen, with its dates
        assert picker.combo.currentData() == earlier.id

        enter(str(other.current_session.id))  # not a session of this chat
        await wait_until(lambda: pane.error.isVisible(), what="refused")
        assert "another chat" in pane.error.text()
        assert "Вопрос из прошлой сессии" in history.toPlainText()
        enter("abc")
        assert "session number" in pane.error.text()

        picker.combo.activated.emit(picker.combo.findData(chat.current_session.id))
        await wait_until(lambda: "Новый вопрос" in history.toPlainText(), what="back")
        assert pane.composer.editor.isEnabled() and not picker.note.isVisible()

    run(scenario())
