"""The browser's table view: rows paged in below the visible ones do not repaint it.

QTableView lays out and repaints its whole viewport for every inserted row range
(rowCountChanged -> doItemsLayout). The repaint asks the Python model for every visible
cell's roles: about 20 ms a page on the GUI thread, once per page while 100,000 rows page
in, though nothing visible changed. Here an insert that lands wholly below the last visible
row only updates the scroll bars.
"""

from __future__ import annotations

from enum import Enum, auto

from PySide6.QtCore import QAbstractItemModel, QEvent, QModelIndex, QPersistentModelIndex
from PySide6.QtWidgets import QTableView, QWidget


class _Pending(Enum):
    NOTHING = auto()  # a layout Qt asks for on its own (a new model, style, font): the full one
    UNSEEN_ROWS = auto()  # only rows below the visible ones came since the last layout
    VISIBLE_CHANGE = auto()  # something on screen changed: the full layout and repaint


_RELAYOUT = frozenset(
    {QEvent.Type.FontChange, QEvent.Type.StyleChange, QEvent.Type.LayoutDirectionChange}
)


class EntityTable(QTableView):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._pending = _Pending.NOTHING

    def setModel(self, model: QAbstractItemModel | None) -> None:  # noqa: N802 (Qt override)
        super().setModel(model)
        self._pending = _Pending.NOTHING
        if model is None:
            return
        model.rowsAboutToBeInserted.connect(self._rows_coming)
        for change in (
            model.modelReset,
            model.layoutChanged,
            model.rowsRemoved,
            model.rowsMoved,
            model.columnsInserted,
            model.columnsRemoved,
        ):
            change.connect(self._visible_change)

    def _rows_coming(self, parent: QModelIndex | QPersistentModelIndex, first: int, _: int) -> None:
        # rowAt is -1 when the rows do not reach the viewport's bottom: new rows would show.
        last_shown = self.rowAt(self.viewport().height() - 1)
        unseen = not parent.isValid() and last_shown != -1 and first > last_shown
        if not unseen:
            self._pending = _Pending.VISIBLE_CHANGE
        elif self._pending is _Pending.NOTHING:
            self._pending = _Pending.UNSEEN_ROWS

    def _visible_change(self, *_: object) -> None:
        self._pending = _Pending.VISIBLE_CHANGE

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt override)
        if event.type() in _RELAYOUT:  # every row is laid out anew, whatever came meanwhile
            self._pending = _Pending.VISIBLE_CHANGE
        super().changeEvent(event)

    def doItemsLayout(self) -> None:  # noqa: N802 (Qt override)
        pending, self._pending = self._pending, _Pending.NOTHING
        if pending is _Pending.UNSEEN_ROWS:
            self.updateGeometries()  # the scroll bar's range; the pixels stay as they are
            return
        super().doItemsLayout()
