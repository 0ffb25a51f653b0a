"""A supervisor's session through the real window, against the demo portal over loopback HTTP."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel, QListWidget, QMessageBox, QPushButton

from b24desk.api import ClientOptions
from b24desk.api.types import CrmEntityType, CrmRef
from b24desk.desk import connect
from b24desk.desk.outbox import Outbox
from b24desk.portal.state import CrmType
from b24desk.settings.paths import Paths
from b24desk.settings.profiles import Profile, ProfileKind, SecretKind, split_webhook_url
from b24desk.settings.secrets import SecretStore
from b24desk.settings.store import load_settings
from b24desk.ui.dialogs.user_picker import UserPicker
from b24desk.ui.main_window import MainWindow

from .conftest import wait_until

PROFILE = "Loopback"


@pytest.fixture(autouse=True)
def quick_client(monkeypatch):
    """Short back-offs and timeouts, so fault scenarios settle within a test's time."""
    monkeypatch.setattr(
        connect,
        "options_for",
        lambda profile: ClientOptions(
            rate=1000,
            burst=1000,
            backoff=0.01,
            max_backoff=0.05,
            rate_limit_retries=2,
            read_timeout=2,
            max_retries=1,
        ),
    )


@pytest.fixture
def windows(aloop):
    """Windows a test opened; each is shut down while its loop still runs, then closed.

    Not left to qtbot: it closes widgets before fixtures end, with no loop running.
    """
    opened: list[MainWindow] = []
    yield opened
    for window in opened:
        aloop.run_until_complete(window.aclose())
        window.close()
        window.deleteLater()


def make_window(tmp_path, monkeypatch, webhook: str, qtbot, windows=None) -> MainWindow:
    monkeypatch.setenv("B24DESK_HOME", str(tmp_path))
    paths = Paths.default().ensure()
    settings = load_settings(paths)
    secrets = SecretStore(paths)
    parts = split_webhook_url(webhook)
    settings.add_profile(parts.to_profile(PROFILE))
    secrets.set(PROFILE, SecretKind.WEBHOOK_CODE, parts.code)
    window = MainWindow(settings, paths, secrets)
    if windows is not None:
        windows.append(window)
    window.show()
    return window


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


def active_lead_chat_with_admin(state):
    """An active chat bound to a lead, with the admin (the window's user) among its people."""
    chat = next(
        c for c in state.chats.values() if c.is_lines and c.active and c.crm.get(CrmType.LEAD)
    )
    if 1 not in chat.participants:
        chat.participants.append(1)
    return chat


def operator_chat(state):
    """An active chat whose current operator is the admin (the window's user), bound to CRM."""
    return next(
        c
        for c in state.chats.values()
        if c.is_lines and c.active and c.current_session.operator_id == 1 and any(c.crm.values())
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
        chats: QListWidget = window.findChild(QListWidget, "chatList")
        last = state.chats_of(crm_type, crm_id)[-1]
        assert chats.currentItem().data(Qt.ItemDataRole.UserRole) == last.id
        assert chats.currentItem().font().bold()

        # Write without being a participant: the window offers to join first.
        pane.reload(chat_id=chat.id)
        await wait_until(lambda: pane.shown.chat_id == chat.id and not pane.busy.isVisible())
        # keyClicks handles ASCII only; Cyrillic arrives as typed text through insertion.
        pane.composer.insertPlainText("Добрый день! Подключилась к диалогу.")
        qtbot.keyClick(pane.composer, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
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
        await wait_until(lambda: pane.composer.toPlainText() == "", what="composer cleared")

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
        people: QListWidget = window.findChild(QListWidget, "participantList")

        def colleague_row():
            return next(
                (
                    i
                    for i in range(people.count())
                    if people.item(i).data(Qt.ItemDataRole.UserRole) == colleague.id
                ),
                None,
            )

        await wait_until(lambda: colleague_row() is not None, what="colleague listed")

        # Remove the colleague again, confirming.
        row = colleague_row()
        people.setCurrentRow(row)
        qtbot.mouseClick(button(window, "removeParticipantButton"), Qt.MouseButton.LeftButton)
        confirm = await message_box(window, "confirmRemove")
        confirm.button(QMessageBox.StandardButton.Yes).click()
        await wait_until(lambda: colleague.id not in chat.participants, what="colleague removed")

        # Turn the dialogue into a lead and open it.
        leads_before = len(state.crm[CrmType.LEAD].rows)
        await wait_until(lambda: button(window, "createLeadButton").isEnabled())
        qtbot.mouseClick(button(window, "createLeadButton"), Qt.MouseButton.LeftButton)
        created = await message_box(window, "leadCreated")
        assert len(state.crm[CrmType.LEAD].rows) == leads_before + 1
        new_lead = state.crm[CrmType.LEAD].rows[-1]
        assert new_lead["TITLE"] == chat.name and chat.crm[CrmType.LEAD] == int(new_lead["ID"])
        created.button(QMessageBox.StandardButton.Open).click()
        model = window.browser.model
        await wait_until(
            lambda: (
                window.browser.entity_type.value == "lead"
                and model.rowCount()
                and model.entity_at(0).id == int(new_lead["ID"])
            ),
            what="new lead shown",
        )

    run(scenario())


def test_create_lead_explains_why_it_cannot(
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
        assert not button(window, "createLeadButton").isEnabled()
        assert label(window, "leadReason") == "Only the chat's current operator can create a lead."

    run(scenario())


def test_hostile_text_is_shown_as_text(live_portal, tmp_path, monkeypatch, qtbot, run, windows):
    state = live_portal.state
    hostile = "<img src=x onerror=alert(1)>"
    chat = next(c for c in state.chats.values() if c.is_lines and c.crm.get(CrmType.LEAD))
    if 1 not in chat.participants:
        chat.participants.append(1)
    state.add_message(chat, chat.customer_id, hostile, "2026-11-20T12:00:00+03:00")
    state.add_message(
        chat, chat.customer_id, "[url=javascript:alert(1)]жми[/url]", "2026-11-20T12:00:01+03:00"
    )
    window = make_window(tmp_path, monkeypatch, live_portal.webhook, qtbot, windows)

    async def scenario():
        assert await window.connect_to(PROFILE)
        await open_entity(window, qtbot, CrmType.LEAD, chat.crm[CrmType.LEAD])
        window.chat_pane.active_only.setChecked(False)
        window.chat_pane.reload(chat_id=chat.id)
        view = window.chat_pane.history_view
        await wait_until(lambda: hostile in view.toPlainText(), what="hostile text shown")
        assert "javascript" not in view.toHtml()

    run(scenario())


def test_portal_down_mid_session_keeps_the_composer_text(
    live_portal, tmp_path, monkeypatch, qtbot, run, windows
):
    state = live_portal.state
    chat = active_lead_chat_with_admin(state)
    window = make_window(tmp_path, monkeypatch, live_portal.webhook, qtbot, windows)

    async def scenario():
        assert await window.connect_to(PROFILE)
        await open_entity(window, qtbot, CrmType.LEAD, chat.crm[CrmType.LEAD])
        pane = window.chat_pane
        await wait_until(lambda: pane.shown.chat_id is not None and pane.composer.isEnabled())
        live_portal.portal.faults.inject("502", times=50)
        pane.composer.insertPlainText("не потеряй меня")
        qtbot.mouseClick(button(window, "sendButton"), Qt.MouseButton.LeftButton)
        await wait_until(lambda: pane.error.isVisible(), what="an error in the pane")
        assert "Bitrix24" in pane.error.text() and "Traceback" not in pane.error.text()
        assert pane.composer.toPlainText() == "не потеряй меня"
        live_portal.portal.faults.clear()
        qtbot.mouseClick(button(window, "sendButton"), Qt.MouseButton.LeftButton)
        await wait_until(lambda: pane.composer.toPlainText() == "", what="sent after recovery")
        assert [m.text for m in chat.messages].count("не потеряй меня") == 1

    run(scenario())


def test_rate_limited_portal_says_so_and_keeps_text(
    portal_factory, tmp_path, monkeypatch, qtbot, run, windows
):
    lp = portal_factory(rate=1000, burst=1000)
    chat = active_lead_chat_with_admin(lp.state)
    window = make_window(tmp_path, monkeypatch, lp.webhook, qtbot, windows)

    async def scenario():
        assert await window.connect_to(PROFILE)
        await open_entity(window, qtbot, CrmType.LEAD, chat.crm[CrmType.LEAD])
        pane = window.chat_pane
        await wait_until(lambda: pane.composer.isEnabled())
        lp.portal.limits.rate, lp.portal.limits.burst = 0.001, 1
        for bucket in lp.portal.limits.buckets.values():
            bucket.rate, bucket.burst, bucket.level = 0.001, 1, 1
        pane.composer.insertPlainText("подожду")
        qtbot.mouseClick(button(window, "sendButton"), Qt.MouseButton.LeftButton)
        await wait_until(lambda: pane.error.isVisible(), what="a rate-limit message")
        assert "busy" in pane.error.text().lower() or "limit" in pane.error.text().lower()
        assert pane.composer.toPlainText() == "подожду"

    run(scenario())


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


def test_expired_token_is_renewed_quietly(live_portal, tmp_path, monkeypatch, qtbot, run, windows):
    window, secrets = oauth_window(live_portal, tmp_path, monkeypatch, qtbot, windows)
    chat = next(
        c for c in live_portal.state.chats.values() if c.is_lines and c.crm.get(CrmType.LEAD)
    )

    async def scenario():
        assert await window.connect_to(PROFILE)
        old = secrets.get(PROFILE, SecretKind.ACCESS_TOKEN)
        live_portal.portal.expire_access_tokens()
        await open_entity(window, qtbot, CrmType.LEAD, chat.crm[CrmType.LEAD])
        assert not window.chat_pane.error.isVisible()
        assert secrets.get(PROFILE, SecretKind.ACCESS_TOKEN) not in (None, old)

    run(scenario())


def test_dead_refresh_token_asks_to_sign_in_and_keeps_text(
    live_portal, tmp_path, monkeypatch, qtbot, run, windows
):
    window, _ = oauth_window(live_portal, tmp_path, monkeypatch, qtbot, windows)
    state = live_portal.state
    chat = active_lead_chat_with_admin(state)

    async def scenario():
        assert await window.connect_to(PROFILE)
        await open_entity(window, qtbot, CrmType.LEAD, chat.crm[CrmType.LEAD])
        pane = window.chat_pane
        await wait_until(lambda: pane.composer.isEnabled())
        live_portal.portal.expire_access_tokens()
        state.refresh_tokens.clear()  # the app was revoked, or the token is 180 days old
        pane.composer.insertPlainText("важное сообщение")
        qtbot.mouseClick(button(window, "sendButton"), Qt.MouseButton.LeftButton)
        await wait_until(lambda: pane.error.isVisible(), what="a sign-in message")
        assert "sign in" in pane.error.text().lower()
        assert pane.composer.toPlainText() == "важное сообщение"

    run(scenario())


def test_layout_type_and_profile_are_remembered(
    live_portal, tmp_path, monkeypatch, qtbot, run, windows
):
    window = make_window(tmp_path, monkeypatch, live_portal.webhook, qtbot, windows)

    async def scenario():
        assert await window.connect_to(PROFILE)
        window.browser.set_entity_type(type(window.browser.entity_type)("contact"))
        window.splitter.setSizes([400, 880])
        sizes = window.splitter.sizes()
        window.close()
        await wait_until(lambda: not window.isVisible(), what="the window closed")
        return sizes

    sizes = run(scenario())
    settings = load_settings(Paths.default())
    assert settings.last_profile == PROFILE
    assert settings.entity_type == "contact"
    again = MainWindow(settings, Paths.default(), SecretStore(Paths.default()))
    windows.append(again)
    assert again.browser.entity_type.value == "contact"
    assert again.splitter.sizes() == sizes or settings.splitter_sizes["mainSplitter"] == sizes


def test_unconfirmed_message_from_last_run_is_checked_before_resending(
    live_portal, tmp_path, monkeypatch, qtbot, run, windows
):
    state = live_portal.state
    chat = active_lead_chat_with_admin(state)
    lead_id = chat.crm[CrmType.LEAD]
    # The previous run crashed while this message was on its way.
    monkeypatch.setenv("B24DESK_HOME", str(tmp_path))
    Outbox(Paths.default().ensure().data_dir / "outbox.json").add(
        PROFILE, CrmRef(CrmEntityType.LEAD, lead_id), chat.id, "до сбоя"
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
        qtbot.mouseClick(button(window, "checkUnsentButton"), Qt.MouseButton.LeftButton)
        resend = await message_box(window, "confirmResend")  # it is not in the chat
        resend.button(QMessageBox.StandardButton.Yes).click()
        await wait_until(lambda: not banner.isVisible(), what="the banner gone")
        assert [m.text for m in chat.messages].count("до сбоя") == 1
        assert window.desk.unsent() == []

    run(scenario())
