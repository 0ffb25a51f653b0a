"""The window's size, docks and splitter positions: remembered across starts, fitted to the
screen on a first start."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QSize
from PySide6.QtWidgets import QDockWidget, QMainWindow, QSplitter

if TYPE_CHECKING:
    from b24desk.settings.store import AppSettings

DEFAULT_SIZE = QSize(1280, 800)
# A first start on a screen with room for it (1920×1080 and up) opens this large.
ROOMY_SIZE = QSize(1600, 900)
# Wide enough for a dock beside both panes: at 1280 px the Activity dock left the browser
# only its ID and title. On a narrower first start such docks wait for View.
WIDE_ENOUGH = 1600
# Each splitter with its sizes on a first start (None: its own stretch factors decide).
Splitters = list[tuple[QSplitter, list[int] | None]]


def restore_geometry(window: QMainWindow, settings: AppSettings) -> None:
    """The last geometry; on a first start, a size that fits the screen."""
    if settings.window_geometry:
        window.restoreGeometry(QByteArray.fromHex(settings.window_geometry.encode()))
    else:
        window.resize(_fitted(window))


def restore_docks(
    window: QMainWindow, settings: AppSettings, wide_docks: tuple[QDockWidget, ...]
) -> None:
    """Which docks show, and where: as the supervisor left them (hid them, or dragged them);
    on a first start, `wide_docks` show when the window is wide enough for them."""
    if not settings.window_state or not window.restoreState(
        QByteArray.fromHex(settings.window_state.encode())
    ):
        for dock in wide_docks:
            dock.setVisible(window.width() >= WIDE_ENOUGH)


def restore_splitters(settings: AppSettings, splitters: Splitters) -> None:
    """The last splitter sizes, else each splitter's default."""
    for splitter, default in splitters:
        sizes = settings.splitter_sizes.get(splitter.objectName()) or default
        if sizes:
            splitter.setSizes(sizes)


def remember(window: QMainWindow, settings: AppSettings, splitters: Splitters) -> None:
    settings.window_geometry = bytes(window.saveGeometry().toHex().data()).decode()
    settings.window_state = bytes(window.saveState().toHex().data()).decode()
    for splitter, _default in splitters:
        settings.splitter_sizes[splitter.objectName()] = splitter.sizes()


def _fitted(window: QMainWindow) -> QSize:
    """A roomy size where the screen has room for it, else the default size or the screen's
    free area on a small screen (a 1024×600 netbook)."""
    screen = window.screen()
    if screen is None:
        return DEFAULT_SIZE
    free = screen.availableGeometry().size()
    if ROOMY_SIZE.width() <= free.width() * 0.85 and ROOMY_SIZE.height() <= free.height():
        return ROOMY_SIZE
    return DEFAULT_SIZE.boundedTo(free)
