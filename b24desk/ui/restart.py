"""A language change offers a restart in the window: an inline bar, never a box.

Widgets take their texts when they are built, so a new language needs a fresh start. The
window only asks to be restarted (`MainWindow.restart_requested`); app.py starts the new
process after the old one has shut down cleanly and released the home folder's lock.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

from b24desk.ui.plaintext import plain
from b24desk.ui.style import notice_style


class RestartBar(QWidget):
    """Hidden until shown; *Restart now* emits `restart`, *Later* hides it."""

    restart = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("restartBar")
        self.label = QLabel(self.tr("The new language shows once b24desk starts again."))
        self.label.setObjectName("restartNote")
        self.label.setWordWrap(True)
        self.label.setStyleSheet(notice_style())
        plain(self.label)
        self.restart_button = QPushButton(self.tr("Restart &now"))
        self.restart_button.setObjectName("restartNowButton")
        self.restart_button.clicked.connect(lambda *_: self.restart.emit())
        self.later_button = QPushButton(self.tr("Lat&er"))
        self.later_button.setObjectName("restartLaterButton")
        self.later_button.clicked.connect(lambda *_: self.hide())
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.label, 1)
        row.addWidget(self.restart_button)
        row.addWidget(self.later_button)
        self.hide()


def restart_arguments(profile: str | None, demo_profile: str) -> list[str]:
    """Command-line arguments that bring the restarted window back to the same connection."""
    if profile is None:
        return []
    return ["--demo"] if profile == demo_profile else ["--profile", profile]


def relaunch_command(arguments: list[str]) -> list[str]:
    """How to start b24desk again: the frozen app is its own executable."""
    if getattr(sys, "frozen", False):
        return [sys.executable, *arguments]
    return [sys.executable, "-m", "b24desk", *arguments]
