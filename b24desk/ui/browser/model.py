"""The entity browser's table: leads, deals, contacts or companies, paged in lazily.

Sorting and search happen in desk/ (the portal or the local index); the model only keeps the
`Entity` values it was given.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable, Mapping
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)

from b24desk.api.types import CrmEntityType, CrmRef, Entity, Page, StatusNames
from b24desk.desk.local import FoundPage
from b24desk.desk.tasks import Latest, TaskScope
from b24desk.ui.aio import loop_running
from b24desk.ui.browser.columns import (
    Column,
    StatusLabels,
    client_refs,
    client_text,
    money,
    sort_field,
)
from b24desk.ui.dates import short_datetime
from b24desk.ui.plaintext import tooltip, visible

log = logging.getLogger(__name__)

Order = list[tuple[str, bool]]  # [(REST field, descending), ...]
FetchPage = Callable[[CrmEntityType, int, Order, str], Awaitable[Page[Entity]]]
FetchNames = Callable[[set[CrmRef]], Awaitable[Mapping[CrmRef, str]]]
AnyIndex = QModelIndex | QPersistentModelIndex

ENTITY_ROLE = Qt.ItemDataRole.UserRole + 1
DEFAULT_ORDER: tuple[tuple[str, bool], ...] = (("ID", True),)  # newest first
_ROOT = QModelIndex()
_COLUMNS = tuple(Column)


_ROLES = frozenset(
    {
        Qt.ItemDataRole.DisplayRole,
        Qt.ItemDataRole.ToolTipRole,
        Qt.ItemDataRole.TextAlignmentRole,
        Qt.ItemDataRole.DecorationRole,
        ENTITY_ROLE,
    }
)


class EntityTableModel(QAbstractTableModel):
    """Entities of one type, fetched a page at a time as the view scrolls.

    Changing type, search or sort clears the table; a page still on its way for the old
    query is dropped (generation counter) and its task cancelled.
    """

    loading_changed = Signal(bool)
    failed = Signal(object)  # the exception a page fetch raised

    def __init__(
        self,
        fetch_page: FetchPage,
        runner: TaskScope,
        entity_type: CrmEntityType = CrmEntityType.LEAD,
        user_names: Mapping[int, str] | None = None,
        parent: QObject | None = None,
        fetch_names: FetchNames | None = None,
    ) -> None:
        super().__init__(parent)
        self._fetch_page = fetch_page
        self._fetch_names = fetch_names
        # Deals' contacts and companies by name: asked for once per page, never per row.
        self._client_names: dict[CrmRef, str] = {}
        self._asked: set[CrmRef] = set()
        self._runner = runner
        self._type = entity_type
        self._search = ""
        self._order: Order = list(DEFAULT_ORDER)
        self._sort: tuple[int, Qt.SortOrder] = (-1, Qt.SortOrder.AscendingOrder)
        self._user_names: Mapping[int, str] = dict(user_names or {})
        self._statuses = StatusLabels()
        self._rows: list[Entity] = []
        # Offset paging repeats rows when new entities arrive between two pages.
        self._seen: set[int] = set()
        self._reasons: dict[int, str] = {}  # entity ID -> why the local search found it
        self._next: int | None = 0
        self._total: int | None = None
        self._latest = Latest()  # a page for an older query is dropped when it lands
        self._task: asyncio.Task[None] | None = None
        self._error: BaseException | None = None

    # --- state the window reads -----------------------------------------------------------

    @property
    def entity_type(self) -> CrmEntityType:
        return self._type

    @property
    def search_text(self) -> str:
        return self._search

    @property
    def order(self) -> Order:
        """The REST order of the current query, e.g. [("TITLE", False), ("ID", False)]."""
        return list(self._order)

    @property
    def total(self) -> int | None:
        """How many entities match (a count from the index or the portal, or the hits of a
        search); None when nothing counted them."""
        return self._total

    @property
    def is_loading(self) -> bool:
        return self._task is not None

    @property
    def last_error(self) -> BaseException | None:
        """The error that stopped paging; `reload()` clears it."""
        return self._error

    def entity_at(self, row: int) -> Entity:
        return self._rows[row]

    def reason_at(self, row: int) -> str:
        """Why the local index's search found this row ("phone", "name"…), else ""."""
        return self._reasons.get(self._rows[row].id, "")

    def unknown_user_ids(self) -> set[int]:
        """Responsible users shown as "#id" because the window has not named them yet."""
        return {
            e.assigned_by_id
            for e in self._rows
            if e.assigned_by_id is not None and e.assigned_by_id not in self._user_names
        }

    # --- what the window changes ----------------------------------------------------------

    def set_type(self, entity_type: CrmEntityType) -> None:
        if entity_type is self._type:
            return
        self._type = entity_type
        # Sort fields differ per type (STATUS_ID vs STAGE_ID), so recompute the order.
        self._order = self._order_for(*self._sort)
        self._restart()  # a reset also refreshes the headers ("Stage" vs "Status")

    def set_search(self, text: str) -> None:
        text = text.strip()
        if text == self._search:
            return
        self._search = text
        self._restart()

    def set_user_names(self, names: Mapping[int, str]) -> None:
        self._user_names = dict(names)
        self._column_changed(Column.RESPONSIBLE)

    def set_status_names(self, names: StatusNames) -> None:
        """The portal's names (and colours) for status codes: shown instead of the codes."""
        self._statuses = StatusLabels(names)
        self._column_changed(Column.STATUS, Qt.ItemDataRole.DecorationRole)

    def _column_changed(self, column: Column, *also: Qt.ItemDataRole) -> None:
        """Every loaded row's `column` reads anew (its text, and the `also` roles)."""
        if self._rows:
            top, bottom = self.index(0, column), self.index(len(self._rows) - 1, column)
            self.dataChanged.emit(top, bottom, [Qt.ItemDataRole.DisplayRole, *also])

    def reload(self) -> None:
        """Start over with the same query, e.g. after an error (or on another portal)."""
        self._client_names, self._asked = {}, set()
        self._restart()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort: clear the table and page in again in the new order (desk/ does the sorting)."""
        new_order = self._order_for(column, order)
        self._sort = (column, order)
        if new_order == self._order:
            return  # views re-apply their sort indicator on setSortingEnabled
        self._order = new_order
        self._restart()

    def _order_for(self, column: int, order: Qt.SortOrder) -> Order:
        field = sort_field(self._type, Column(column)) if 0 <= column < len(Column) else None
        if field is None:
            return list(DEFAULT_ORDER)
        descending = order == Qt.SortOrder.DescendingOrder
        if field == "ID":
            return [("ID", descending)]
        # Offset paging needs a total order, or rows with equal values skip or repeat.
        return [(field, descending), ("ID", descending)]

    # --- paging ---------------------------------------------------------------------------

    def canFetchMore(self, parent: AnyIndex = _ROOT) -> bool:  # noqa: N802 (Qt override)
        return (
            not parent.isValid()
            and self._next is not None
            and self._error is None
            and self._task is None
        )

    def fetchMore(self, parent: AnyIndex = _ROOT) -> None:  # noqa: N802 (Qt override)
        if not self.canFetchMore(parent):
            return
        assert self._next is not None
        request = (self._type, self._next, list(self._order), self._search)
        self._task = self._runner.spawn(
            self._load(self._latest.ticket(), *request), name=f"{self._type.value} page"
        )
        self.loading_changed.emit(True)

    async def _load(
        self,
        current: Callable[[], bool],
        entity_type: CrmEntityType,
        start: int,
        order: Order,
        search: str,
    ) -> None:
        try:
            page = await self._fetch_page(entity_type, start, order, search)
        except Exception as exc:
            if not current():
                return
            log.warning("Loading %s from %d failed: %r", entity_type.value, start, exc)
            self._task = None
            self._error = exc
            self.loading_changed.emit(False)
            self.failed.emit(exc)
            return
        if not current():
            return  # type, search or sort changed while the page was on its way
        self._task = None
        self._append(page, start)
        self.loading_changed.emit(False)

    def _append(self, page: Page[Entity], start: int) -> None:
        fresh = [e for e in page.items if e.id not in self._seen]
        self._total = page.total
        if isinstance(page, FoundPage):
            self._reasons.update(page.reasons)
        # A `next` that does not move would page forever (it is an offset, or in ID order a
        # cursor that may run downwards).
        self._next = page.next if page.next is not None and page.next != start else None
        if not fresh:
            return
        first = len(self._rows)
        self.beginInsertRows(_ROOT, first, first + len(fresh) - 1)
        self._rows.extend(fresh)
        self._seen.update(e.id for e in fresh)
        self.endInsertRows()
        if self._type is CrmEntityType.DEAL:
            self._name_clients(fresh)

    def _name_clients(self, rows: list[Entity]) -> None:
        """Ask once for the names of the clients these deals show by ID."""
        refs = {r for e in rows for r in client_refs(e)} - self._client_names.keys() - self._asked
        if refs and self._fetch_names is not None:
            self._asked |= refs
            self._runner.spawn(self._load_names(self._fetch_names, refs), name="client names")

    async def _load_names(self, fetch: FetchNames, refs: set[CrmRef]) -> None:
        try:
            names = await fetch(refs)
        except Exception as exc:  # the IDs stay shown; the next page asks again
            log.warning("Naming %d clients failed: %r", len(refs), exc)
            self._asked -= refs
            return
        self._client_names.update(names)
        if names:
            self._column_changed(Column.CLIENT)

    def _restart(self) -> None:
        self._latest.supersede()
        was_loading = self._task is not None
        if self._task is not None:
            self._task.cancel()
            self._task = None
        self.beginResetModel()
        self._rows = []
        self._seen = set()
        self._reasons = {}
        self._next = 0
        self._total = None
        self._error = None
        self.endResetModel()
        if was_loading:
            self.loading_changed.emit(False)
        # Views ask for more rows only as they lay out or scroll; the first page is ours,
        # once the loop runs (a window being built must not start tasks: qasync #121).
        if loop_running():
            self.fetchMore()

    # --- Qt model interface ---------------------------------------------------------------

    def rowCount(self, parent: AnyIndex = _ROOT) -> int:  # noqa: N802 (Qt override)
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = _ROOT) -> int:  # noqa: N802 (Qt override)
        return 0 if parent.isValid() else len(Column)

    def headerData(  # noqa: N802 (Qt override)
        self,
        section: int,
        orientation: Qt.Orientation,
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        if not 0 <= section < len(Column):
            return None
        return self._header(Column(section))

    def _header(self, column: Column) -> str:
        if column is Column.NAME:
            return self.tr("Name") if self._type is CrmEntityType.CONTACT else self.tr("Title")
        if column is Column.STATUS:
            return {
                CrmEntityType.LEAD: self.tr("Status"),
                CrmEntityType.DEAL: self.tr("Stage"),
            }.get(self._type, self.tr("Type"))
        return {
            Column.ID: self.tr("ID"),
            Column.RESPONSIBLE: self.tr("Responsible"),
            Column.CONTACT: self.tr("Phone/E-mail"),
            Column.AMOUNT: self.tr("Amount"),
            Column.CLIENT: self.tr("Client"),
        }.get(column, self.tr("Modified"))

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        # Views ask for a dozen roles per visible cell on every repaint; most get None,
        # so answer those before any other work.
        if role not in _ROLES or not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        entity = self._rows[index.row()]
        column = _COLUMNS[index.column()]  # Column(n) goes through EnumMeta: 3 µs a cell
        if role == Qt.ItemDataRole.DisplayRole:
            return visible(self._display(entity, column))
        if role == ENTITY_ROLE:
            return entity
        if role == Qt.ItemDataRole.ToolTipRole and column is Column.CONTACT:
            return tooltip("\n".join((*entity.phones, *entity.emails))) or None
        if role == Qt.ItemDataRole.ToolTipRole and entity.id in self._reasons:
            return self._matched(self._reasons[entity.id])
        if role == Qt.ItemDataRole.DecorationRole and column is Column.STATUS:
            return self._statuses.swatch(entity)
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (Column.ID, Column.AMOUNT):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def _matched(self, reason: str) -> str:
        what = {
            "id": self.tr("ID"),
            "phone": self.tr("phone"),
            "e-mail": self.tr("e-mail"),
            "name": self.tr("name"),
            "spelling": self.tr("name in the other alphabet"),
        }.get(reason, reason)
        return self.tr("Matched: {0}").format(what)

    def _display(self, entity: Entity, column: Column) -> str:
        # Computed on demand: caching strings per row would multiply memory on big portals.
        if column is Column.ID:
            return str(entity.id)
        if column is Column.NAME:
            return entity.display_name
        if column is Column.STATUS:
            return self._statuses.text(entity)
        if column is Column.RESPONSIBLE:
            user_id = entity.assigned_by_id
            if user_id is None:
                return ""
            return self._user_names.get(user_id) or f"#{user_id}"
        if column is Column.CONTACT:
            return next(iter((*entity.phones, *entity.emails)), "")
        if column is Column.AMOUNT:
            return money(entity.opportunity, entity.currency)
        if column is Column.CLIENT:
            return client_text(entity, self._client_names)
        return short_datetime(entity.date_modify)
