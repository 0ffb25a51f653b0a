"""The window's size and splitter positions: remembered across starts, fitted to the screen."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QSize
from PySide6.QtWidgets import QMainWindow, QSplitter

if TYPE_CHECKING:
    from b24desk.settings.store import AppSettings

DEFAULT_SIZE = QSize(1280, 800)
# Each splitter with its sizes on a first start (None: its own stretch factors decide).
Splitters = list[tuple[QSplitter, list[int] | None]]


def restore_geometry(window: QMainWindow, settings: AppSettings) -> None:
    """The last geometry; on a first start, a size that fits the screen."""
    if settings.window_geometry:
        window.restoreGeometry(QByteArray.fromHex(settings.window_geometry.encode()))
    else:
        window.resize(_fitted(window))


def restore_splitters(settings: AppSettings, splitters: Splitters) -> None:
    """The last splitter sizes, else each splitter's default."""
    for splitter, default in splitters:
        sizes = settings.splitter_sizes.get(splitter.objectName()) or default
        if sizes:
            splitter.setSizes(sizes)


def remember(window: QMainWindow, settings: AppSettings, splitters: Splitters) -> None:
    settings.window_geometry = bytes(window.saveGeometry().toHex().data()).decode()
    for splitter, _default in splitters:
        settings.splitter_sizes[splitter.objectName()] = splitter.sizes()


def _fitted(window: QMainWindow) -> QSize:
    """The default size, or the screen's free area on a small screen (a 1024×600 netbook)."""
    screen = window.screen()
    if screen is None:
        return DEFAULT_SIZE
    return DEFAULT_SIZE.boundedTo(screen.availableGeometry().size())
