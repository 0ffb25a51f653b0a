"""A new language offers a restart in the window; Restart now closes cleanly and the app
starts itself again on the same connection."""

from __future__ import annotations

import sys

from PySide6.QtCore import QLocale, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QMessageBox

from b24desk import app
from b24desk.desk.connect import DEMO_PROFILE
from b24desk.settings.store import load_settings
from b24desk.ui.restart import relaunch_command, restart_arguments
from tests.helpers.waiting import wait_until
from tests.helpers.windows import make_window


def test_a_new_language_offers_a_restart_in_the_window(
    aloop, tmp_path, monkeypatch, qtbot, windows
):
    monkeypatch.setattr("b24desk.ui.language.QLocale.system", lambda: QLocale("en_US"))
    window = make_window(tmp_path, monkeypatch, "https://example.invalid/rest/1/x/", qtbot, windows)
    bar = window.restart_bar
    assert not bar.isVisible()
    window.findChild(QAction, "language_en").trigger()  # the texts on show: nothing to do
    assert not bar.isVisible() and load_settings(window.paths).language == "en"
    window.findChild(QAction, "language_ru").trigger()
    assert bar.isVisible() and load_settings(window.paths).language == "ru"
    assert not [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox)]
    qtbot.mouseClick(bar.later_button, Qt.MouseButton.LeftButton)
    assert not bar.isVisible() and not window.restart_requested
    window.findChild(QAction, "language_en").trigger()
    window.findChild(QAction, "language_ru").trigger()
    assert bar.isVisible()
    window.findChild(QAction, "language_en").trigger()  # back to the texts on show
    assert not bar.isVisible()

    window.findChild(QAction, "language_ru").trigger()

    async def restart():
        qtbot.mouseClick(bar.restart_button, Qt.MouseButton.LeftButton)
        assert window.restart_requested
        await wait_until(lambda: not window.isVisible(), what="the window closed")
        assert window._closed  # shut down in order: the connection closed, tasks ended

    aloop.run_until_complete(restart())


def test_the_restart_comes_back_to_the_same_connection(monkeypatch):
    assert restart_arguments(None, DEMO_PROFILE) == []
    assert restart_arguments(DEMO_PROFILE, DEMO_PROFILE) == ["--demo"]
    assert restart_arguments("Main", DEMO_PROFILE) == ["--profile", "Main"]
    assert relaunch_command(["--demo"]) == [sys.executable, "-m", "b24desk", "--demo"]
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    assert relaunch_command(["--demo"]) == [sys.executable, "--demo"]


def test_the_app_starts_itself_again(monkeypatch):
    started: list[list[str]] = []
    monkeypatch.setattr("subprocess.Popen", lambda command: started.append(command))
    app._relaunch("Main", DEMO_PROFILE)
    assert started == [[sys.executable, "-m", "b24desk", "--profile", "Main"]]
