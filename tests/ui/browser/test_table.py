"""The browser's table repaints for rows that show, not for rows paged in below the visible ones."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication

from b24desk.api.types import CrmEntityType
from b24desk.ui.browser.table import EntityTable
from tests.helpers.waiting import wait_until
from tests.ui.browser.test_model import PAGE, FakeCrm, lead, make_model


class PaintCounter(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.paints = 0

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.Paint:
            self.paints += 1
        return False


def shown_table(qtbot, runner, crm: FakeCrm, height: int) -> tuple[EntityTable, PaintCounter]:
    view = EntityTable()
    qtbot.addWidget(view)
    view.resize(600, height)
    view.setModel(make_model(runner, crm))
    counter = PaintCounter()
    view.viewport().installEventFilter(counter)
    view.show()
    return view, counter


async def settled(view: EntityTable, rows: int) -> None:
    """`rows` are in and laid out (the scroll bar knows them), and any repaint that asked for
    was delivered."""
    model = view.model()
    await wait_until(lambda: model.rowCount() == rows and not model.is_loading, what="rows")
    row_height = view.verticalHeader().defaultSectionSize()
    bar = view.verticalScrollBar()
    # Per-item scrolling: the range counts rows; per-pixel, pixels.
    await wait_until(
        lambda: bar.maximum() >= rows - view.viewport().height() // row_height - 1,
        what="the scroll bar's range",
    )
    QApplication.sendPostedEvents()
    QApplication.processEvents()


def test_a_page_below_the_visible_rows_does_not_repaint_the_table(qtbot, run, runner):
    crm = FakeCrm({CrmEntityType.LEAD: [lead(i) for i in range(1, 1001)]})
    view, counter = shown_table(qtbot, runner, crm, height=300)
    model = view.model()

    async def scenario() -> None:
        await settled(view, PAGE)
        await wait_until(lambda: counter.paints, what="the first page painted")
        counter.paints = 0
        model.fetchMore()
        await settled(view, 2 * PAGE)
        # 20 ms of Python data() calls per page on a big portal, for pixels that stay as
        # they were.
        assert counter.paints == 0
        view.scrollToBottom()
        await wait_until(lambda: counter.paints, what="a repaint once the new rows show")
        last_shown = view.rowAt(view.viewport().height() - 1)
        assert last_shown >= PAGE  # the paged-in rows are there to scroll to

    run(scenario())


def test_rows_that_land_in_view_are_painted(qtbot, run, runner):
    crm = FakeCrm({CrmEntityType.LEAD: [lead(i) for i in range(1, 31)]}, page=3)
    view, counter = shown_table(qtbot, runner, crm, height=600)  # room for more than 3 rows
    model = view.model()

    async def scenario() -> None:
        # The view itself asks for pages while its rows do not fill it.
        await wait_until(lambda: model.rowCount() >= 6, what="the view fills itself")
        await wait_until(lambda: counter.paints, what="painted")
        counter.paints = 0
        before = model.rowCount()
        if model.canFetchMore():
            model.fetchMore()
        await wait_until(lambda: model.rowCount() > before, what="one more page")
        await wait_until(lambda: counter.paints, what="the rows that show painted")
        assert view.rowAt(view.viewport().height() - 1) in (-1, model.rowCount() - 1)

    run(scenario())
