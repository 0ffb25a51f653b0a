"""The Activity dock on a first start: shown when the window is wide enough for it beside
both panes, left to View on a small screen; after that, as the supervisor left it."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSize

from b24desk.settings.paths import Paths
from b24desk.settings.secrets import SecretStore
from b24desk.settings.store import load_settings, save_settings
from b24desk.ui import window_layout
from b24desk.ui.main_window import MainWindow


def open_window(windows: list[MainWindow]) -> MainWindow:
    paths = Paths.default().ensure()
    window = MainWindow(load_settings(paths), paths, SecretStore(paths))
    windows.append(window)
    window.show()
    return window


def close_window(window: MainWindow) -> None:
    """What closing does first: the layout goes into the settings file."""
    window_layout.remember(window, window.settings, window._splitters())
    save_settings(window.settings, window.paths)


@pytest.mark.parametrize(
    ("width", "height", "shown"), [(1600, 900, True), (1280, 800, False), (1024, 600, False)]
)
def test_a_first_start_shows_activity_when_the_window_is_wide_enough(
    width, height, shown, tmp_path, monkeypatch, windows
):
    monkeypatch.setenv("B24DESK_HOME", str(tmp_path))
    monkeypatch.setattr(window_layout, "_fitted", lambda window: QSize(width, height))
    window = open_window(windows)
    assert window.width() == width
    assert window.activity.isVisible() is shown
    assert window.activity.toggleViewAction().isChecked() is shown  # View → Activity agrees


@pytest.mark.parametrize(("wide", "choice"), [(True, False), (False, True)])
def test_the_supervisors_choice_is_kept_across_restarts(
    wide, choice, tmp_path, monkeypatch, windows
):
    monkeypatch.setenv("B24DESK_HOME", str(tmp_path))
    size = QSize(1600, 900) if wide else QSize(1024, 600)
    monkeypatch.setattr(window_layout, "_fitted", lambda window: size)
    first = open_window(windows)
    assert first.activity.isVisible() is wide
    first.activity.toggleViewAction().trigger()  # View → Activity
    assert first.activity.isVisible() is choice
    close_window(first)
    again = open_window(windows)
    assert again.activity.isVisible() is choice
    assert again.activity.toggleViewAction().isChecked() is choice
