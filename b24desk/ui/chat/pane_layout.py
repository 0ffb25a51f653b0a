"""The pane's layout: its title; chats and participants above, the history and composer below.

On a small screen (1024×600) the history keeps the room: the lists above give way first.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QLayout,
    QSizePolicy,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from b24desk.ui.style import Tone, text_style

# The lists above never ask for more than this share of the pane's height (their rows
# scroll); the history below takes the rest and every pixel the window grows.
TOP_STRETCH, BOTTOM_STRETCH = 1, 4


def history_first(
    top: QLayout, bottom: QLayout, lists: Iterable[tuple[QAbstractItemView, int]]
) -> QSplitter:
    """A vertical splitter of `top` over `bottom` in which `top` shrinks first; each list
    keeps room for its number of text lines however small the window."""
    for view, lines in lists:
        view.setMinimumHeight(view.fontMetrics().height() * lines + 2 * view.frameWidth() + 4)
        view.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Ignored)
    splitter = QSplitter(Qt.Orientation.Vertical)
    for layout in (top, bottom):
        layout.setContentsMargins(0, 0, 0, 0)
        part = QWidget()
        part.setLayout(layout)
        splitter.addWidget(part)
    splitter.setChildrenCollapsible(False)
    splitter.setStretchFactor(0, TOP_STRETCH)
    splitter.setStretchFactor(1, BOTTOM_STRETCH)
    splitter.setSizes([TOP_STRETCH * 150, BOTTOM_STRETCH * 150])
    return splitter


def header(text: str) -> QLabel:
    """The pane's title: what is on show, a little larger and bold, wrapped."""
    label = QLabel(text)
    label.setObjectName("paneHeader")
    label.setWordWrap(True)
    font = QFont(label.font())
    font.setPointSizeF(font.pointSizeF() * 1.25)
    font.setBold(True)
    label.setFont(font)
    return label


def column(*parts: QWidget | QLayout) -> QVBoxLayout:
    """Parts one above the other; a list takes the height to spare (its size policy,
    `Ignored` above, does not claim it)."""
    layout = QVBoxLayout()
    for part in parts:
        if isinstance(part, QLayout):
            layout.addLayout(part)
        else:
            layout.addWidget(part, 1 if isinstance(part, QAbstractItemView) else 0)
    return layout


def row(*widgets: QWidget) -> QHBoxLayout:
    """Widgets side by side, the last taking the room left."""
    layout = QHBoxLayout()
    for widget in widgets:
        layout.addWidget(widget, 1 if widget is widgets[-1] else 0)
    return layout


def hidden_label(name: str, text: str = "", tone: Tone | None = None) -> QLabel:
    """A line that shows only when there is something to say (busy, an error)."""
    label = QLabel(text)
    label.setObjectName(name)
    label.setWordWrap(True)
    if tone is not None:
        label.setStyleSheet(text_style(tone))
    label.hide()
    return label
