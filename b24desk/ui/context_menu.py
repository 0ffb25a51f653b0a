"""Context menus on views and lists, and plain-text copying to the clipboard."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QAction, QGuiApplication
from PySide6.QtWidgets import QAbstractScrollArea, QMenu, QWidget

from b24desk.ui.plaintext import visible

# Builds the menu for a point in the widget (a scroll area's viewport coordinates), or None.
MenuBuilder = Callable[[QPoint], QMenu | None]


def copy_text(text: str) -> None:
    """Put `text` on the clipboard as plain text only, as shown: pasting it never brings
    markup or hidden direction changes along."""
    QGuiApplication.clipboard().setText(visible(text))


def add_action(
    menu: QMenu, text: str, name: str, slot: Callable[[], object], enabled: bool = True
) -> QAction:
    """An item named `name` (tests trigger it by that) that calls `slot`."""
    action = menu.addAction(text)
    action.setObjectName(name)
    action.setEnabled(enabled)
    action.triggered.connect(lambda *_: slot())
    return action


def attach(widget: QWidget, build: MenuBuilder) -> None:
    """Right click, the Menu key or Shift+F10 on `widget` shows the menu `build` makes.

    For a keyboard request Qt gives the current item's place, so the menu is about the row
    the keyboard is on.
    """
    widget.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
    area = widget.viewport() if isinstance(widget, QAbstractScrollArea) else widget
    widget.customContextMenuRequested.connect(lambda pos: _popup(area, build(pos), pos))


def _popup(area: QWidget, menu: QMenu | None, pos: QPoint) -> None:
    if menu is None or menu.isEmpty():
        return
    menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    menu.popup(area.mapToGlobal(pos))
