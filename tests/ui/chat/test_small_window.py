"""At 1024×600 the history keeps the room: the chat list and participants give way first."""

from __future__ import annotations

from b24desk.portal.state import CrmType
from b24desk.ui.chat.chats import CHAT_LIST_LINES
from tests.helpers.chats import active_lead_chat_with_admin
from tests.helpers.waiting import wait_until
from tests.helpers.windows import PROFILE, make_window, open_entity


def test_history_gets_half_the_pane_at_1024x600(
    live_portal, tmp_path, monkeypatch, qtbot, run, windows
):
    chat = active_lead_chat_with_admin(live_portal.state)
    window = make_window(tmp_path, monkeypatch, live_portal.webhook, qtbot, windows)
    pane = window.chat_pane

    async def scenario():
        assert await window.connect_to(PROFILE)
        await open_entity(window, qtbot, CrmType.LEAD, chat.crm[CrmType.LEAD])
        await wait_until(lambda: not pane.busy.isVisible(), what="the pane loaded")
        top_at_default = pane.splitter.sizes()[0]
        window.resize(1024, 600)
        await wait_until(lambda: window.height() == 600, what="the small window")
        await wait_until(lambda: pane.history_view.height() / pane.height() >= 0.5, timeout=2)
        top = pane.splitter.sizes()[0]
        assert top < top_at_default  # the lists gave way
        lines = {pane.chat_list: CHAT_LIST_LINES, pane.participant_list: 2}
        for view, shown in lines.items():  # a chat and a half, two participants still show
            assert view.height() >= shown * view.fontMetrics().height()
        assert pane.composer.editor.isVisible() and pane.lead.button.isVisible()

    run(scenario())
