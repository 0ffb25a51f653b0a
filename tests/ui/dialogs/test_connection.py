"""The connection dialog validates inline, tests the connection live, returns what was entered."""

from __future__ import annotations

import asyncio

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QDialog, QLabel, QLineEdit, QPushButton, QRadioButton

from b24desk.desk.tasks import TaskScope
from b24desk.settings.profiles import RATE_PLANS, ProfileKind, SecretKind
from b24desk.settings.secrets import FALLBACK_NOTE
from b24desk.ui.aio import ask
from b24desk.ui.dialogs.connection import ConnectionDialog
from b24desk.ui.dialogs.connection_entry import ConnectionReport, ConnectionRequest
from tests.helpers.connection import HOOK, FakeTester
from tests.helpers.waiting import wait_until

# The offscreen platform cannot pass a dialog's size limits on; real platforms can.


class PortalRefusedError(Exception):
    user_message = "The webhook code is wrong or the webhook was deleted."


@pytest.fixture
def tester() -> FakeTester:
    return FakeTester()


@pytest.fixture
def dialog(qtbot, tester, errors) -> ConnectionDialog:
    widget = ConnectionDialog(
        tester, runner=TaskScope(errors.append), taken_names={"Старый портал"}
    )
    qtbot.addWidget(widget)
    return widget


def line(dialog: ConnectionDialog, name: str) -> QLineEdit:
    return dialog.findChild(QLineEdit, name)


def label(dialog: ConnectionDialog, name: str) -> QLabel:
    return dialog.findChild(QLabel, name)


def check_button(dialog: ConnectionDialog) -> QPushButton:
    return dialog.findChild(QPushButton, "testConnection")


def shown(dialog: ConnectionDialog, name: str) -> str:
    widget = label(dialog, name)
    return widget.text() if not widget.isHidden() else ""


def test_empty_form_cannot_be_saved_and_does_not_scold(dialog):
    assert dialog.objectName() == "connectionDialog"
    assert not dialog.save_button.isEnabled() and not check_button(dialog).isEnabled()
    assert shown(dialog, "validationError") == ""


def test_webhook_url_is_masked_until_shown(dialog, qtbot):
    url = line(dialog, "webhookUrl")
    assert url.echoMode() == QLineEdit.EchoMode.Password
    qtbot.mouseClick(dialog.show_secrets, Qt.MouseButton.LeftButton)
    assert url.echoMode() == QLineEdit.EchoMode.Normal
    qtbot.mouseClick(dialog.show_secrets, Qt.MouseButton.LeftButton)
    assert url.echoMode() == QLineEdit.EchoMode.Password


def test_pasted_webhook_makes_a_valid_entry(dialog, qtbot):
    line(dialog, "webhookUrl").setText(HOOK)
    assert line(dialog, "profileName").text() == "demo.bitrix24.ru"  # suggested from the URL
    assert dialog.save_button.isEnabled() and check_button(dialog).isEnabled()
    request = dialog.request()
    assert request.kind is ProfileKind.WEBHOOK and request.webhook_url == HOOK
    assert request.rate_plan == "standard" and request.rate_limit == RATE_PLANS["standard"]
    profile = request.to_profile()
    assert (profile.portal_url, profile.user_id) == ("https://demo.bitrix24.ru/", 1)
    assert request.secrets() == {SecretKind.WEBHOOK_CODE: "abc123def456"}
    assert "abc123def456" not in repr(request)


def test_typed_name_is_not_overwritten(dialog, qtbot):
    qtbot.keyClicks(line(dialog, "profileName"), "Main")
    line(dialog, "webhookUrl").setText(HOOK)
    assert dialog.request().name == "Main"


def test_webhook_without_code_is_refused_inline(dialog, qtbot):
    qtbot.keyClicks(line(dialog, "profileName"), "Main")
    line(dialog, "webhookUrl").setText("https://demo.bitrix24.ru/rest/1/crm.lead.list.json")
    assert not dialog.save_button.isEnabled() and not check_button(dialog).isEnabled()
    assert shown(dialog, "validationError").startswith("Paste the whole webhook URL")
    assert label(dialog, "validationError").property("error") is True


def test_name_already_used_is_refused(dialog, qtbot):
    line(dialog, "webhookUrl").setText(HOOK)
    line(dialog, "profileName").setText("Старый портал")
    assert not dialog.save_button.isEnabled()
    assert shown(dialog, "validationError") == "A connection with this name already exists."
    assert check_button(dialog).isEnabled()  # the connection itself can still be tried


def test_rate_plans_come_from_config(dialog):
    combo = dialog.findChild(QComboBox, "ratePlan")
    assert [combo.itemText(i) for i in range(combo.count())] == [
        "Standard — 2 requests/s, burst 50",
        "Enterprise — 5 requests/s, burst 250",
    ]
    line(dialog, "webhookUrl").setText(HOOK)
    combo.setCurrentIndex(combo.findData("enterprise"))
    assert dialog.request().rate_limit == RATE_PLANS["enterprise"]


def test_successful_test_names_the_user(dialog, tester, qtbot, run, errors):
    line(dialog, "webhookUrl").setText(HOOK)

    async def scenario() -> None:
        qtbot.mouseClick(check_button(dialog), Qt.MouseButton.LeftButton)
        await wait_until(lambda: "Connected" in shown(dialog, "testResult"))

    run(scenario())
    assert shown(dialog, "testResult").splitlines() == [
        "Connected as Анна Смирнова — all scopes present",
        "Portal: demo.bitrix24.ru",
    ]
    assert tester.requests == [dialog.request()]
    assert label(dialog, "testResult").property("error") is False
    assert errors == []


def test_missing_scopes_are_named(dialog, tester, qtbot, run):
    tester.report = ConnectionReport("Анна Смирнова", "demo.bitrix24.ru", frozenset({"crm"}))
    line(dialog, "webhookUrl").setText(HOOK)

    async def scenario() -> None:
        qtbot.mouseClick(check_button(dialog), Qt.MouseButton.LeftButton)
        await wait_until(lambda: "Connected" in shown(dialog, "testResult"))

    run(scenario())
    text = shown(dialog, "testResult")
    assert "all scopes present" not in text
    assert "missing: imopenlines, im, user." in text
    assert tester.report.missing_scopes == ("imopenlines", "im", "user")


def test_error_shows_its_user_message(dialog, tester, qtbot, run, errors):
    tester.error = PortalRefusedError("NO_AUTH_FOUND: Wrong authorization data (HTTP 401)")
    line(dialog, "webhookUrl").setText(HOOK)

    async def scenario() -> None:
        qtbot.mouseClick(check_button(dialog), Qt.MouseButton.LeftButton)
        await wait_until(lambda: label(dialog, "testResult").property("error"))

    run(scenario())
    assert shown(dialog, "testResult") == PortalRefusedError.user_message
    assert check_button(dialog).isEnabled()  # free to try again
    assert errors == []


def test_unexpected_error_gets_a_plain_sentence(dialog, tester, qtbot, run):
    tester.error = OSError("Traceback: [Errno 111] Connection refused")
    line(dialog, "webhookUrl").setText(HOOK)

    async def scenario() -> None:
        qtbot.mouseClick(check_button(dialog), Qt.MouseButton.LeftButton)
        await wait_until(lambda: label(dialog, "testResult").property("error"))

    run(scenario())
    assert shown(dialog, "testResult") == (
        "Could not connect. Check the address and the credentials."
    )


def test_busy_while_testing_and_an_edit_drops_the_stale_result(dialog, tester, qtbot, run):
    tester.gate = asyncio.Event()
    line(dialog, "webhookUrl").setText(HOOK)

    async def scenario() -> None:
        qtbot.mouseClick(check_button(dialog), Qt.MouseButton.LeftButton)
        await wait_until(lambda: tester.requests)
        assert shown(dialog, "testResult") == "Testing the connection…"
        assert not check_button(dialog).isEnabled() and dialog.is_testing
        line(dialog, "webhookUrl").setText(HOOK.replace("abc123", "zzz999"))
        assert shown(dialog, "testResult") == "" and not dialog.is_testing
        assert check_button(dialog).isEnabled()

    run(scenario())
    assert len(tester.requests) == 1


def test_oauth_entry(dialog, qtbot):
    qtbot.mouseClick(dialog.findChild(QRadioButton, "kindOAuth"), Qt.MouseButton.LeftButton)
    assert dialog.kind is ProfileKind.OAUTH
    assert not dialog.save_button.isEnabled()
    line(dialog, "portalUrl").setText("https://demo.bitrix24.ru")
    line(dialog, "clientId").setText("local.65f1a2b3c4d5e6.12345678")
    assert shown(dialog, "validationError") == "Enter the application's client secret."
    line(dialog, "clientSecret").setText("s3cr3t")
    line(dialog, "refreshToken").setText("r3fr3sh")
    for secret in ("clientSecret", "refreshToken"):
        assert line(dialog, secret).echoMode() == QLineEdit.EchoMode.Password
    assert dialog.save_button.isEnabled()
    request = dialog.request()
    assert request.name == "demo.bitrix24.ru" and request.webhook_url == ""
    assert request.to_profile().client_id == "local.65f1a2b3c4d5e6.12345678"
    assert request.secrets() == {
        SecretKind.CLIENT_SECRET: "s3cr3t",
        SecretKind.REFRESH_TOKEN: "r3fr3sh",
    }
    assert "s3cr3t" not in repr(request) and "r3fr3sh" not in repr(request)


def test_secrets_note(dialog):
    assert shown(dialog, "secretsNote") == ""
    dialog.set_secrets_note(FALLBACK_NOTE)
    assert shown(dialog, "secretsNote") == FALLBACK_NOTE


def test_edit_an_existing_entry(qtbot, tester):
    initial = ConnectionRequest("Main", ProfileKind.WEBHOOK, "enterprise", webhook_url=HOOK)
    dialog = ConnectionDialog(tester, initial=initial)
    qtbot.addWidget(dialog)
    line(dialog, "webhookUrl").setText(HOOK.replace("rest/1/", "rest/7/"))
    assert dialog.request().name == "Main"  # a loaded name counts as the user's own
    assert dialog.request().rate_plan == "enterprise"


def test_save_accepts_with_the_entry(dialog, qtbot, run):
    async def scenario() -> int:
        verdict = asyncio.ensure_future(ask(dialog))
        await wait_until(dialog.isVisible)
        qtbot.keyClicks(line(dialog, "profileName"), "Main")
        line(dialog, "webhookUrl").setText(HOOK)
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
        return await asyncio.wait_for(verdict, 5)

    assert run(scenario()) == QDialog.DialogCode.Accepted
    assert dialog.request().name == "Main"


def test_works_without_a_runner_of_the_window(qtbot, tester, run):
    dialog = ConnectionDialog(tester)  # owns its task runner then
    qtbot.addWidget(dialog)
    line(dialog, "webhookUrl").setText(HOOK)

    async def scenario() -> None:
        qtbot.mouseClick(check_button(dialog), Qt.MouseButton.LeftButton)
        await wait_until(lambda: "Connected" in shown(dialog, "testResult"))

    run(scenario())


def test_a_wrong_webhook_code_says_so_and_cannot_be_saved_until_changed(dialog, tester, qtbot, run):
    from b24desk.api.coded_errors import InvalidTokenError

    tester.error = InvalidTokenError("Wrong authorization data", code="NO_AUTH_FOUND", status=401)
    line(dialog, "webhookUrl").setText(HOOK)

    async def scenario() -> None:
        qtbot.mouseClick(check_button(dialog), Qt.MouseButton.LeftButton)
        await wait_until(lambda: label(dialog, "testResult").property("error"))

    run(scenario())
    assert shown(dialog, "testResult").startswith("The webhook code is wrong")
    assert not dialog.save_button.isEnabled()
    assert "cannot work as entered" in shown(dialog, "validationError")
    line(dialog, "webhookUrl").setText(HOOK.replace("abc123", "zzz999"))
    assert dialog.save_button.isEnabled()


def test_a_network_failure_does_not_refuse_the_save(dialog, tester, qtbot, run):
    tester.error = OSError("unreachable")
    line(dialog, "webhookUrl").setText(HOOK)

    async def scenario() -> None:
        qtbot.mouseClick(check_button(dialog), Qt.MouseButton.LeftButton)
        await wait_until(lambda: label(dialog, "testResult").property("error"))

    run(scenario())
    assert dialog.save_button.isEnabled()  # the portal may be reachable later


def test_plain_http_to_another_host_is_refused_with_the_reason(dialog, qtbot):
    line(dialog, "webhookUrl").setText(HOOK.replace("https://", "http://"))
    assert not dialog.save_button.isEnabled() and not check_button(dialog).isEnabled()
    assert shown(dialog, "validationError").startswith("HTTPS is required for demo.bitrix24.ru")
    qtbot.mouseClick(dialog.findChild(QRadioButton, "kindOAuth"), Qt.MouseButton.LeftButton)
    line(dialog, "portalUrl").setText("http://portal.example/")
    assert shown(dialog, "validationError").startswith("HTTPS is required for portal.example")
    qtbot.keyClicks(line(dialog, "profileName"), "Portal")
    line(dialog, "portalUrl").setText("https//portal.example/")
    assert shown(dialog, "validationError").startswith("The portal URL must start with https://")
