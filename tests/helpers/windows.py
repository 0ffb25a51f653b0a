"""Real windows on the demo portal: build one for a profile, find its parts, open an entity."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication, QLabel, QMessageBox, QPushButton

from b24desk.api import ClientOptions
from b24desk.portal.state import CrmType
from b24desk.settings.paths import Paths
from b24desk.settings.profiles import Profile, ProfileKind, SecretKind, split_webhook_url
from b24desk.settings.secrets import SecretStore
from b24desk.settings.store import load_settings
from b24desk.ui.main_window import MainWindow
from tests.helpers.chats import active_lead_chat_with_admin, operator_chat
from tests.helpers.waiting import wait_until

__all__ = ["active_lead_chat_with_admin", "operator_chat"]  # for tests that pick a chat

PROFILE = "Loopback"

# Short back-offs and timeouts, so fault scenarios settle within a test's time.
QUICK_OPTIONS = ClientOptions(
    rate=1000,
    burst=1000,
    backoff=0.01,
    max_backoff=0.05,
    rate_limit_retries=2,
    read_timeout=2,
    max_retries=1,
)


def make_window(
    tmp_path, monkeypatch, webhook: str, qtbot, windows=None, *, local_index: bool = True
) -> MainWindow:
    monkeypatch.setenv("B24DESK_HOME", str(tmp_path))
    paths = Paths.default().ensure()
    settings = load_settings(paths)
    settings.local_index = local_index
    secrets = SecretStore(paths)
    parts = split_webhook_url(webhook)
    settings.add_profile(parts.to_profile(PROFILE))
    secrets.set(PROFILE, SecretKind.WEBHOOK_CODE, parts.code)
    window = MainWindow(settings, paths, secrets)
    if windows is not None:
        windows.append(window)
    window.show()
    return window


def oauth_window(lp, tmp_path, monkeypatch, qtbot, windows) -> tuple[MainWindow, SecretStore]:
    monkeypatch.setenv("B24DESK_HOME", str(tmp_path))
    paths = Paths.default().ensure()
    settings, secrets = load_settings(paths), SecretStore(paths)
    tokens = lp.portal.issue_tokens(1)
    app = lp.state.oauth_apps[tokens.client_id]
    settings.add_profile(
        Profile(
            PROFILE,
            ProfileKind.OAUTH,
            lp.base_url + "/",
            client_id=app.client_id,
            token_url=lp.base_url + "/oauth/token/",
        )
    )
    secrets.set(PROFILE, SecretKind.CLIENT_SECRET, app.client_secret)
    secrets.set(PROFILE, SecretKind.ACCESS_TOKEN, tokens.access_token)
    secrets.set(PROFILE, SecretKind.REFRESH_TOKEN, tokens.refresh_token)
    window = MainWindow(settings, paths, secrets)
    windows.append(window)
    window.show()
    return window, secrets


def label(window, name: str) -> str:
    return window.findChild(QLabel, name).text()


def button(window, name: str) -> QPushButton:
    return window.findChild(QPushButton, name)


async def message_box(window, name: str) -> QMessageBox:
    return await wait_until(
        lambda: next(
            (
                w
                for w in QApplication.topLevelWidgets()
                if isinstance(w, QMessageBox) and w.objectName() == name and w.isVisible()
            ),
            None,
        ),
        what=f"the {name} box",
    )


async def open_entity(window, qtbot, entity_type: CrmType, entity_id: int) -> None:
    window.browser.set_entity_type(
        next(t for t in type(window.browser.entity_type) if t.value == entity_type.value)
    )
    window.browser.search.clear()
    qtbot.keyClicks(window.browser.search, str(entity_id))
    model = window.browser.model
    await wait_until(
        lambda: model.rowCount() == 1 and model.entity_at(0).id == entity_id,
        what=f"{entity_type.value} {entity_id} in the table",
    )
    window.browser.table.selectRow(0)
    await wait_until(
        lambda: (
            window.chat_pane.shown is not None and window.chat_pane.shown.entity.id == entity_id
        ),
        what="the pane",
    )
