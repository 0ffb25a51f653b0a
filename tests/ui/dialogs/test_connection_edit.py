"""Editing a saved connection: secrets kept but never shown, deleting confirmed in the dialog."""

from __future__ import annotations

import asyncio

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit, QMessageBox

from b24desk.settings.profiles import ProfileKind, SecretKind
from b24desk.ui.aio import ask
from b24desk.ui.dialogs.connection_edit import DELETED, EditConnectionDialog
from b24desk.ui.dialogs.connection_entry import ConnectionRequest
from tests.helpers.connection import HOOK, FakeTester
from tests.helpers.waiting import wait_until

SAVED = ConnectionRequest("Main", ProfileKind.WEBHOOK, "enterprise", webhook_url=HOOK)


def edit_dialog(qtbot, saved=SAVED, **kwargs) -> EditConnectionDialog:
    dialog = EditConnectionDialog(FakeTester(), saved, taken_names={"Main", "Other"}, **kwargs)
    qtbot.addWidget(dialog)
    return dialog


def test_the_saved_webhook_code_is_not_shown_but_kept(qtbot):
    dialog = edit_dialog(qtbot)
    url = dialog.findChild(QLineEdit, "webhookUrl")
    assert url.text() == "" and "abc123def456" not in url.placeholderText()
    assert url.placeholderText().startswith("https://demo.bitrix24.ru/rest/1/…")
    assert dialog.findChild(QLineEdit, "profileName").text() == "Main"  # its own name is free
    assert dialog.save_button.isEnabled()
    assert dialog.request() == SAVED  # the rate plan loaded, the code kept
    dialog.findChild(QLineEdit, "profileName").setText("Other")
    assert not dialog.save_button.isEnabled()


def test_a_pasted_url_replaces_the_saved_one(qtbot):
    dialog = edit_dialog(qtbot)
    dialog.findChild(QLineEdit, "webhookUrl").setText(HOOK.replace("abc123", "new999"))
    assert dialog.request().secrets() == {SecretKind.WEBHOOK_CODE: "new999def456"}


def test_oauth_secrets_are_kept_unless_typed(qtbot):
    saved = ConnectionRequest(
        "App",
        ProfileKind.OAUTH,
        portal_url="https://demo.bitrix24.ru/",
        client_id="local.1",
        client_secret="s3cr3t",
        refresh_token="r3fr3sh",
    )
    dialog = edit_dialog(qtbot, saved)
    for name in ("clientSecret", "refreshToken"):
        assert dialog.findChild(QLineEdit, name).text() == ""
    dialog.findChild(QLineEdit, "refreshToken").setText("fresh")
    assert dialog.request().secrets() == {
        SecretKind.CLIENT_SECRET: "s3cr3t",
        SecretKind.REFRESH_TOKEN: "fresh",
    }


def test_delete_is_confirmed_inside_the_dialog(qtbot, run):
    dialog = edit_dialog(qtbot)

    async def scenario() -> int:
        verdict = asyncio.ensure_future(ask(dialog))
        await wait_until(dialog.isVisible)
        assert not dialog.confirm_bar.isVisible()
        qtbot.mouseClick(dialog.delete_button, Qt.MouseButton.LeftButton)
        assert dialog.confirm_bar.isVisible()
        assert "Delete “Main” and the secrets saved" in dialog.confirm_text.text()
        assert not any(isinstance(w, QMessageBox) for w in QApplication.topLevelWidgets())
        qtbot.mouseClick(dialog.keep_button, Qt.MouseButton.LeftButton)
        assert not dialog.confirm_bar.isVisible() and not verdict.done()
        qtbot.mouseClick(dialog.delete_button, Qt.MouseButton.LeftButton)
        qtbot.mouseClick(dialog.confirm_delete, Qt.MouseButton.LeftButton)
        return await asyncio.wait_for(verdict, 5)

    assert run(scenario()) == DELETED


def test_opened_for_deleting_it_asks_at_once_and_keep_is_the_safe_focus(qtbot, run):
    dialog = edit_dialog(qtbot, delete=True)

    async def scenario() -> None:
        verdict = asyncio.ensure_future(ask(dialog))
        await wait_until(dialog.isVisible)
        assert dialog.confirm_bar.isVisible() and not dialog.delete_button.isEnabled()
        await wait_until(dialog.keep_button.hasFocus, what="Keep focused")
        dialog.reject()
        assert await asyncio.wait_for(verdict, 5) == 0

    run(scenario())
