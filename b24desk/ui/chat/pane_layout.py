"""The pane's split: chats and participants above, the history and composer below.

On a small screen (1024×600) the history keeps the room: the lists above give way first.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QLayout, QSizePolicy, QSplitter, QWidget

# The lists above never ask for more than this share of the pane's height (their rows
# scroll); the history below takes the rest and every pixel the window grows.
TOP_STRETCH, BOTTOM_STRETCH = 1, 4
VISIBLE_ROWS_AT_LEAST = 2


def history_first(top: QLayout, bottom: QLayout, lists: Iterable[QAbstractItemView]) -> QSplitter:
    """A vertical splitter of `top` over `bottom` in which `top` shrinks first."""
    for view in lists:
        rows = view.fontMetrics().height() * VISIBLE_ROWS_AT_LEAST
        view.setMinimumHeight(rows + 2 * view.frameWidth() + 4)
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
