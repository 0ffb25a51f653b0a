"""Connection → Edit and Delete on a real window: the code kept, the profile and its secret gone."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox

from b24desk.settings.paths import Paths
from b24desk.settings.profiles import SecretKind
from b24desk.settings.store import load_settings
from b24desk.ui.dialogs.connection_edit import EditConnectionDialog
from tests.helpers.waiting import wait_until
from tests.helpers.windows import PROFILE, make_window


async def edit_dialog(window) -> EditConnectionDialog:
    return await wait_until(
        lambda: (d := window.findChild(EditConnectionDialog)) and d.isVisible() and d,
        what="the edit dialog",
    )


def test_edit_keeps_the_code_and_reconnects(
    live_portal, tmp_path, monkeypatch, qtbot, run, windows
):
    window = make_window(tmp_path, monkeypatch, live_portal.webhook, qtbot, windows)
    code = window.secrets.get(PROFILE, SecretKind.WEBHOOK_CODE)

    async def scenario():
        assert await window.connect_to(PROFILE)
        first = window.session
        window.menus.edit_profile.emit(PROFILE)
        dialog = await edit_dialog(window)
        plan = dialog.findChild(QComboBox, "ratePlan")
        plan.setCurrentIndex(plan.findData("enterprise"))
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
        await wait_until(lambda: window.session not in (None, first), what="reconnected")
        await wait_until(lambda: window.browser.model.rowCount() > 0, what="leads listed")

    run(scenario())
    assert window.secrets.get(PROFILE, SecretKind.WEBHOOK_CODE) == code
    assert load_settings(Paths.default()).profiles[PROFILE].rate_limit.rate == 5


def test_delete_disconnects_and_forgets_the_profile_and_its_secret(
    live_portal, tmp_path, monkeypatch, qtbot, run, windows
):
    window = make_window(tmp_path, monkeypatch, live_portal.webhook, qtbot, windows)

    async def scenario():
        assert await window.connect_to(PROFILE)
        window.menus.delete_profile.emit(PROFILE)
        dialog = await edit_dialog(window)
        assert dialog.confirm_bar.isVisible()
        qtbot.mouseClick(dialog.confirm_delete, Qt.MouseButton.LeftButton)
        await wait_until(lambda: PROFILE not in window.settings.profiles, what="deleted")

    run(scenario())
    assert window.session is None and window.profile_name is None
    assert window.windowTitle() == "b24desk"
    assert window.secrets.get(PROFILE, SecretKind.WEBHOOK_CODE) is None
    assert PROFILE not in load_settings(Paths.default()).profiles
    # The fallback file may be gone with its last secret (and the keyring may hold none).
    stored = window.secrets.secrets_file
    assert not stored.exists() or PROFILE not in stored.read_text()
    assert "deleted" in window.status.currentMessage()
