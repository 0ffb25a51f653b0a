"""Connection → Edit and Delete on a real window: the code kept, the profile and its secret gone."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QLineEdit

from b24desk.desk.live import offset_file
from b24desk.desk.local import index_file
from b24desk.settings.paths import Paths
from b24desk.settings.profiles import RateLimit, SecretKind
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


def test_edit_keeps_a_custom_rate_limit_from_the_settings_file(
    live_portal, tmp_path, monkeypatch, qtbot, run, windows
):
    window = make_window(tmp_path, monkeypatch, live_portal.webhook, qtbot, windows)
    custom = RateLimit(3.0, 80)
    window.settings.replace_profile(
        replace(window.settings.profiles[PROFILE], rate_limit=custom), window.secrets
    )

    async def scenario():
        window.menus.edit_profile.emit(PROFILE)
        dialog = await edit_dialog(window)
        plan = dialog.findChild(QComboBox, "ratePlan")
        assert "3 requests/s, burst 80" in plan.currentText()
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
        await wait_until(lambda: not dialog.isVisible(), what="the dialog closed")

    run(scenario())
    assert load_settings(Paths.default()).profiles[PROFILE].rate_limit == custom


def _caches(name: str) -> list[Path]:
    data_dir = Paths.default().data_dir
    return [index_file(data_dir, name), offset_file(data_dir, name)]


async def _connected_with_caches(window) -> None:
    assert await window.connect_to(PROFILE)
    await wait_until(lambda: all(p.exists() for p in _caches(PROFILE)), what="index and offset")


def test_delete_removes_the_profiles_local_index_and_event_offset(
    live_portal, tmp_path, monkeypatch, qtbot, run, windows
):
    window = make_window(tmp_path, monkeypatch, live_portal.webhook, qtbot, windows)

    async def scenario():
        await _connected_with_caches(window)
        await window.profile_actions.delete(PROFILE)

    run(scenario())
    assert not any(path.exists() for path in _caches(PROFILE))


def test_rename_moves_the_local_index_and_event_offset_with_the_profile(
    live_portal, tmp_path, monkeypatch, qtbot, run, windows
):
    window = make_window(tmp_path, monkeypatch, live_portal.webhook, qtbot, windows)
    renamed = "Renamed portal"

    async def scenario():
        await _connected_with_caches(window)
        first = window.session
        window.menus.edit_profile.emit(PROFILE)
        dialog = await edit_dialog(window)
        dialog.findChild(QLineEdit, "profileName").setText(renamed)
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
        await wait_until(lambda: window.session not in (None, first), what="reconnected")
        await wait_until(lambda: window.browser.model.rowCount() > 0, what="leads listed")

    run(scenario())
    assert window.profile_name == renamed
    assert not any(path.exists() for path in _caches(PROFILE))
    assert all(path.exists() for path in _caches(renamed))
