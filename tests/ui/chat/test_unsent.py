"""The unsent banner: a message left unconfirmed is looked for in the chat before it is resent."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QMessageBox

from b24desk.api.types import CrmEntityType, CrmRef
from b24desk.desk.outbox import ChatTarget, Outbox
from b24desk.portal.state import CrmType
from b24desk.settings.paths import Paths
from tests.helpers.waiting import wait_until
from tests.helpers.windows import (
    PROFILE,
    active_lead_chat_with_admin,
    button,
    make_window,
    open_entity,
)


def test_unconfirmed_message_from_last_run_is_checked_before_resending(
    live_portal, tmp_path, monkeypatch, qtbot, run, windows
):
    state = live_portal.state
    chat = active_lead_chat_with_admin(state)
    lead_id = chat.crm[CrmType.LEAD]
    # The previous run crashed while this message was on its way.
    monkeypatch.setenv("B24DESK_HOME", str(tmp_path))
    Outbox(Paths.default().ensure().data_dir / "outbox.json").add(
        PROFILE, ChatTarget(CrmRef(CrmEntityType.LEAD, lead_id), chat.id), "до сбоя", watermark=0
    )
    window = make_window(tmp_path, monkeypatch, live_portal.webhook, qtbot, windows)

    async def scenario():
        assert await window.connect_to(PROFILE)
        await open_entity(window, qtbot, CrmType.LEAD, lead_id)
        pane = window.chat_pane
        pane.reload(chat_id=chat.id)
        banner = window.findChild(QLabel, "unsentBanner")
        await wait_until(
            lambda: banner.isVisible() and "до сбоя" in banner.text(), what="the unsent banner"
        )
        # Nothing asks on its own: the supervisor's click checks the chat, then resends.
        assert window.findChild(QMessageBox) is None
        qtbot.mouseClick(button(window, "checkUnsentButton"), Qt.MouseButton.LeftButton)
        await wait_until(lambda: not banner.isVisible(), what="the banner gone")
        assert [m.text for m in chat.messages].count("до сбоя") == 1
        assert window.desk.unsent() == []

    run(scenario())
