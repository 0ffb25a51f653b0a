"""Chat pane fixtures: a history view, and the links it asked the desktop to open."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QUrl

from b24desk.ui.chat import history as history_view
from b24desk.ui.chat.history import HistoryView


@pytest.fixture
def view(qtbot) -> HistoryView:
    widget = HistoryView()
    qtbot.addWidget(widget)
    return widget


@pytest.fixture
def opened(monkeypatch) -> list[str]:
    """Links the view asked the desktop to open (nothing really opens in tests)."""
    urls: list[str] = []

    class Desktop:
        @staticmethod
        def openUrl(url: QUrl) -> bool:  # noqa: N802 (Qt name)
            urls.append(url.toString())
            return True

    monkeypatch.setattr(history_view, "QDesktopServices", Desktop)
    return urls
