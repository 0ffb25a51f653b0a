"""The entity browser in the real window: what the supervisor is told when the portal refuses."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel

from tests.helpers.waiting import wait_until
from tests.helpers.windows import PROFILE, make_window


def test_access_denied_is_explained(live_portal, tmp_path, monkeypatch, qtbot, run, windows):
    window = make_window(tmp_path, monkeypatch, live_portal.webhook_of("operator"), qtbot, windows)

    async def scenario():
        assert await window.connect_to(PROFILE)
        await wait_until(lambda: window.browser.model.rowCount() > 0)
        window.browser.set_entity_type(type(window.browser.entity_type)("deal"))
        status = window.findChild(QLabel, "browserStatus")
        await wait_until(
            lambda: "access" in status.text().lower() or "permission" in status.text().lower(),
            what="access denied shown",
        )

    run(scenario())
