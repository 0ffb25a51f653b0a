"""Help → Copy diagnostics and Open log folder: versions and requests in, secrets never."""

from __future__ import annotations

import PySide6
import pytest
from PySide6.QtGui import QAction, QDesktopServices
from PySide6.QtWidgets import QApplication

from b24desk import __version__
from b24desk.api.events import RequestEvent
from b24desk.desk.diagnostics import (
    ConnectionSummary,
    SessionHistory,
    Versions,
    diagnostics_report,
)
from b24desk.logs import setup_logging
from b24desk.ui import diagnostics
from tests.helpers.waiting import wait_until
from tests.helpers.windows import PROFILE, make_window

CODE = "q1w2e3r4t5y6u7i8"
VERSIONS = Versions("0.1.0", "3.11.7", "6.11.0", "6.11.0", "0.28.0", "0.28.1", "Linux-x86_64")


def event(method: str, outcome: str = "ok", status: int | None = 200, **more) -> RequestEvent:
    fields = {"retries": 0, "bucket_level": 1.0, **more}
    return RequestEvent(method, 0.125, status, outcome, **fields)


def test_report_lists_versions_connection_requests_and_errors():
    history = SessionHistory(max_requests=3)
    for i in range(5):
        history.add_request(event(f"crm.lead.get.{i}"), at=1_700_000_000 + i)
    history.add_request(
        event("imopenlines.dialog.get", "ServerError", 500, retries=2, error_code="INTERNAL"),
        at=1_700_000_010,
    )
    history.add_error(f"ProtocolError: bad answer from https://x/rest/1/{CODE}/scope")
    connection = ConnectionSummary("Office", "x.bitrix24.ru", "SecretService", "standard (2/s)")

    text = diagnostics_report(VERSIONS, connection, history)

    for expected in (
        "b24desk: 0.1.0",
        "Python: 3.11.7",
        "PySide6: 6.11.0",
        "qasync: 0.28.0",
        "httpx: 0.28.1",
        "Platform: Linux-x86_64",
        "Profile: Office",
        "Portal host: x.bitrix24.ru",
        "Secrets backend: SecretService",
        "Rate plan: standard (2/s)",
        "Last 3 requests",
        "imopenlines.dialog.get  125 ms  HTTP 500  ServerError (INTERNAL)  retries 2",
        "imopenlines.dialog.get: ServerError (INTERNAL)",
    ):
        assert expected in text, expected
    assert "crm.lead.get.1" not in text  # bounded: only the latest requests stay
    assert CODE not in text and "/rest/1/***/scope" in text


def test_report_when_not_connected():
    text = diagnostics_report(VERSIONS, None, SessionHistory())
    assert "Connection: not connected" in text
    assert "Last 0 requests (oldest first):\n  none" in text


@pytest.fixture
def file_logging(tmp_path):
    setup = setup_logging(tmp_path / "logs", console=False)
    yield setup
    setup.remove()


def action(window, name: str) -> QAction:
    return window.findChild(QAction, name)


def test_copy_diagnostics_has_requests_but_no_secrets(
    live_portal, tmp_path, monkeypatch, qtbot, run, windows, file_logging
):
    code = live_portal.webhook.rstrip("/").split("/")[-1]
    window = make_window(tmp_path, monkeypatch, live_portal.webhook, qtbot, windows)

    async def scenario():
        assert await window.connect_to(PROFILE)
        await wait_until(lambda: window.browser.model.rowCount(), what="the first page")
        await window.desk.client.call("scope")
        live_portal.portal.faults.inject("500", times=5)
        with pytest.raises(Exception):  # noqa: B017 - any failure will do; it must be listed
            await window.desk.client.call("user.current")
        await wait_until(lambda: len(window.diagnostics.requests) >= 3, what="request events")
        QApplication.clipboard().clear()
        action(window, "copyDiagnosticsAction").trigger()

    run(scenario())
    text = QApplication.clipboard().text()
    assert window.statusBar().currentMessage() == "Diagnostics copied"
    assert f"b24desk: {__version__}" in text and f"PySide6: {PySide6.__version__}" in text
    assert "qasync: " in text and "httpx: " in text and "Qt: " in text
    assert f"Profile: {PROFILE}" in text and "Portal host: 127.0.0.1" in text
    assert f"Secrets backend: {window.secrets.backend_name}" in text
    assert "Rate plan: standard" in text
    for method in ("scope", "user.current", *(r.event.method for r in window.diagnostics.requests)):
        assert f"  {method}  " in text, method
    assert "HTTP 500" in text and "  user.current: " in text  # listed under the errors too
    assert code not in text

    file_logging.handlers[0].flush()
    log_text = file_logging.log_file.read_text(encoding="utf-8")
    assert f"Connected with profile {PROFILE} to 127.0.0.1" in log_text
    assert "/rest/1/***/" in log_text  # httpx's request lines, redacted
    assert code not in log_text


def test_open_log_folder_opens_the_log_dir(tmp_path, monkeypatch, qtbot, windows, live_portal):
    opened = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url) or True)
    window = make_window(tmp_path, monkeypatch, live_portal.webhook, qtbot, windows)
    action(window, "openLogFolderAction").trigger()
    assert [url.toLocalFile() for url in opened] == [str(tmp_path / "logs")]
    assert diagnostics.QDesktopServices.openUrl is QDesktopServices.openUrl
