"""The left-hand side: entity type switch, debounced search, and the lazily paged table."""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import QEvent, QItemSelection, QObject, QPoint, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from b24desk.api.types import CrmEntityType, Entity
from b24desk.desk.tasks import TaskScope
from b24desk.ui import texts
from b24desk.ui.browser.columns import DEAL_ONLY, Column
from b24desk.ui.browser.model import EntityTableModel, FetchNames, FetchPage
from b24desk.ui.browser.table import EntityTable
from b24desk.ui.context_menu import add_action, attach, copy_text
from b24desk.ui.errors import user_text
from b24desk.ui.plaintext import plain

SEARCH_DEBOUNCE_MS = 300
# ID, title/name, status, responsible, phone/e-mail, modified, amount, client: the title
# gets the room; a deal's stage is read with its pipeline.
COLUMN_WIDTHS = (56, 220, 150, 130, 130, 110, 110, 170)


class EntityBrowser(QWidget):
    """Find a CRM entity; `entity_chosen` fires when the current row changes."""

    entity_chosen = Signal(object)  # Entity
    open_in_portal = Signal(object)  # Entity
    bulk_requested = Signal(str)  # a desk.bulk.BulkAction value, for the selected rows
    type_changed = Signal(str)

    def __init__(
        self,
        fetch_page: FetchPage,
        runner: TaskScope,
        fetch_names: FetchNames | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.type_switch = QComboBox()
        self.type_switch.setObjectName("entityTypeSwitch")
        for entity_type, label in texts.ENTITY_PLURAL.items():
            self.type_switch.addItem(texts.text(label), entity_type.value)
        self.search = QLineEdit()
        self.search.setObjectName("entitySearch")
        self.search.setPlaceholderText(self.tr("Search: name, phone, e-mail or ID"))
        self.search.setClearButtonEnabled(True)
        self.search.installEventFilter(self)  # Down goes into the results
        self._select_first = False  # the keyboard asked for the results before they came
        self._keep_id: int | None = None  # F5 keeps this entity selected
        self._quiet = False  # selecting for F5: the pane shows the entity already
        self.model = EntityTableModel(fetch_page, runner, parent=self, fetch_names=fetch_names)
        self.table = EntityTable()
        self.table.setObjectName("entityTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        # Shift/Ctrl-click and Ctrl+A select several rows for the bulk actions; the current
        # row alone is what the chat pane shows.
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSortingEnabled(True)
        # Tab leaves the table for the next widget; the arrows move within it.
        self.table.setTabKeyNavigation(False)
        attach(self.table, self._context_menu)
        self.table.sortByColumn(0, Qt.SortOrder.DescendingOrder)
        rows = self.table.verticalHeader()
        rows.hide()
        # Fixed, uniform rows: no per-row measuring as 100,000 rows page in.
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setDefaultSectionSize(self.fontMetrics().height() + 8)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        for column, width in enumerate(COLUMN_WIDTHS):
            header.resizeSection(column, width)
        # A deal's amount and client come after its stage (the model lists them last).
        for place, column in enumerate(DEAL_ONLY, start=Column.STATUS + 1):
            header.moveSection(header.visualIndex(column), place)
        self._show_columns()
        self.open_button = QPushButton(self.tr("&Open in Bitrix24"))
        self.open_button.setObjectName("openInPortal")
        self.open_button.setEnabled(False)
        self.open_button.clicked.connect(lambda *_: self._open_current())
        self.status = QLabel()
        self.status.setObjectName("browserStatus")
        self.status.setWordWrap(True)
        plain(self.status)

        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(SEARCH_DEBOUNCE_MS)
        self._debounce.timeout.connect(lambda *_: self.model.set_search(self.search.text()))
        self.search.textChanged.connect(lambda *_: self._typed())
        self.search.returnPressed.connect(self.enter_results)
        self.type_switch.currentIndexChanged.connect(lambda *_: self._type_switched())
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._current_changed())
        self.table.activated.connect(lambda *_: self._emit_current())
        self.model.loading_changed.connect(self._loading)
        self.model.failed.connect(lambda error: self.status.setText(user_text(error)))
        self.model.modelReset.connect(lambda: self.open_button.setEnabled(False))
        self.model.modelReset.connect(self._show_columns)

        top = QHBoxLayout()
        top.addWidget(self.type_switch)
        top.addWidget(self.search, 1)
        bottom = QHBoxLayout()
        bottom.addWidget(self.status, 1)
        bottom.addWidget(self.open_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addLayout(bottom)

    def _show_columns(self) -> None:
        """Deals show amount and client; they have no phone or e-mail of their own."""
        header = self.table.horizontalHeader()
        deals = self.model.entity_type is CrmEntityType.DEAL
        for column in DEAL_ONLY:
            header.setSectionHidden(column, not deals)
        header.setSectionHidden(Column.CONTACT, deals)

    @property
    def entity_type(self) -> CrmEntityType:
        return CrmEntityType(self.type_switch.currentData())

    def set_entity_type(self, entity_type: CrmEntityType) -> None:
        index = self.type_switch.findData(entity_type.value)
        if index >= 0 and index != self.type_switch.currentIndex():
            self.type_switch.setCurrentIndex(index)

    def start(self) -> None:
        """Load from the first page: after connecting, or to refresh."""
        self.model.set_type(self.entity_type)
        self.model.reload()

    def refresh(self) -> None:
        """F5: the same query again; the selected entity stays selected if it comes back on
        the first page (the pane keeps showing it either way)."""
        current = self.current_entity()
        self._keep_id = current.id if current is not None else None
        self.start()

    def _reselect(self) -> None:
        keep, self._keep_id = self._keep_id, None
        if keep is None:
            return  # every page lands here: no scan of all rows loaded so far (100,000 of them)
        row = next(
            (r for r in range(self.model.rowCount()) if self.model.entity_at(r).id == keep), -1
        )
        if row >= 0:
            self._quiet = True  # the pane shows it already: no reload from here
            try:
                self.table.selectRow(row)
            finally:
                self._quiet = False

    def _typed(self) -> None:
        self._select_first = False  # a new search: Down or Enter asks for its results anew
        self._debounce.start()

    def _search_now(self) -> None:
        self._debounce.stop()
        self.model.set_search(self.search.text())

    def focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def enter_results(self) -> None:
        """From the search box into the table, on its first row (once the search shows it)."""
        self._search_now()
        self.table.setFocus(Qt.FocusReason.OtherFocusReason)
        self._select_first = True
        self._select_first_row()

    def _select_first_row(self) -> None:
        if self._select_first and self.model.rowCount() and not self.model.is_loading:
            self._select_first = False
            self.table.selectRow(0)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if (
            watched is self.search
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() == Qt.Key.Key_Down
        ):
            self.enter_results()
            return True
        return super().eventFilter(watched, event)

    def _type_switched(self) -> None:
        self.model.set_type(self.entity_type)
        self.type_changed.emit(self.entity_type.value)

    def _loading(self, loading: bool) -> None:
        self.status.setText(self.tr("Loading…") if loading else self._count_text())
        if not loading:
            self._reselect()
            self._select_first_row()

    def _count_text(self) -> str:
        total = self.model.total
        shown = self.model.rowCount()
        if total is None:
            return self.tr("{0} shown").format(shown)
        return self.tr("{0} of {1}").format(shown, total)

    def _selection_changed(self, selected: QItemSelection, _deselected: QItemSelection) -> None:
        self._select_first = False  # the supervisor chose a row meanwhile
        self.open_button.setEnabled(self.table.selectionModel().hasSelection())

    def _current_changed(self) -> None:
        self._select_first = False
        index = self.table.currentIndex()
        if index.isValid():
            self.table.scrollTo(index)
        if not self._quiet:
            self._emit_current()

    def current_entity(self) -> Entity | None:
        index = self.table.currentIndex()
        rows = self.table.selectionModel().selectedRows()
        row = index.row() if index.isValid() else (rows[0].row() if rows else -1)
        if row < 0 or row >= self.model.rowCount():
            return None
        return self.model.entity_at(row)

    def selected_entities(self) -> list[Entity]:
        """The selected rows' entities, top to bottom (the current one when none is)."""
        rows = sorted(i.row() for i in self.table.selectionModel().selectedRows())
        if not rows:
            current = self.current_entity()
            return [current] if current is not None else []
        return [self.model.entity_at(r) for r in rows if r < self.model.rowCount()]

    def _emit_current(self) -> None:
        entity = self.current_entity()
        if entity is not None:
            self.entity_chosen.emit(entity)

    def _open_current(self) -> None:
        entity = self.current_entity()
        if entity is not None:
            self.open_in_portal.emit(entity)

    def _context_menu(self, pos: QPoint) -> QMenu | None:
        index = self.table.indexAt(pos)
        if not index.isValid():
            return None
        if not self.table.selectionModel().isRowSelected(index.row(), index.parent()):
            self.table.selectRow(index.row())  # a click outside the selection starts anew
        entity = self.model.entity_at(index.row())
        menu = QMenu(self)
        add_action(menu, self.tr("Copy &ID"), "copyIdAction", lambda: copy_text(str(entity.id)))
        contact = entity.type is CrmEntityType.CONTACT
        add_action(
            menu,
            self.tr("Copy &name") if contact else self.tr("Copy &title"),
            "copyTitleAction",
            lambda: copy_text(entity.display_name),
        )
        phones, emails = "\n".join(entity.phones), "\n".join(entity.emails)
        copy_phone, copy_email = self.tr("Copy &phone"), self.tr("Copy &e-mail")
        add_action(menu, copy_phone, "copyPhoneAction", lambda: copy_text(phones), bool(phones))
        add_action(menu, copy_email, "copyEmailAction", lambda: copy_text(emails), bool(emails))
        menu.addSeparator()
        add_action(
            menu,
            self.tr("&Open in Bitrix24"),
            "openEntityAction",
            lambda: self.open_in_portal.emit(entity),
        )
        menu.addSeparator()
        self._add_bulk_actions(menu, len(self.selected_entities()))
        return menu

    def _add_bulk_actions(self, menu: QMenu, count: int) -> None:
        """Participants over the selected rows' chats (desk/bulk.py); see ui/dialogs/bulk.py."""
        for action, text, name in (
            ("add", self.tr("&Add participant to {0} selected…"), "bulkAddAction"),
            ("remove", self.tr("&Remove participant from {0} selected…"), "bulkRemoveAction"),
            ("join", self.tr("&Join chats of {0} selected"), "bulkJoinAction"),
        ):
            add_action(menu, text.format(count), name, partial(self.bulk_requested.emit, action))
