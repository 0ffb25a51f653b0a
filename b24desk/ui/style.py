"""Colours for messages and names that read well on the system's light or dark palette."""

from __future__ import annotations

from enum import Enum

from PySide6.QtGui import QGuiApplication, QPalette


class Tone(Enum):
    ERROR = ("#b3261e", "#f2b8b5")
    WARNING = ("#8a5300", "#ffcc80")
    OK = ("#2e7d32", "#a5d6a7")
    HINT = ("#6b6b6b", "#a8a8a8")
    EMPLOYEE = ("#1c5d99", "#90caf9")
    CUSTOMER = ("#2e7d32", "#a5d6a7")
    ME = ("#6a1b9a", "#ce93d8")
    NOTICE = ("#fff4ce", "#4a3b00")  # a background


def is_dark() -> bool:
    """Whether the system palette is dark (light text on a dark window)."""
    palette = QGuiApplication.palette()
    return palette.color(QPalette.ColorRole.Window).lightness() < 128


def color(tone: Tone) -> str:
    light, dark = tone.value
    return dark if is_dark() else light


def text_style(tone: Tone) -> str:
    """A style sheet colouring a label's text."""
    return f"color: {color(tone)};"


def notice_style() -> str:
    """A style sheet for a banner that asks for attention without alarming."""
    return f"background: {color(Tone.NOTICE)}; padding: 4px;"
