"""Starting participants in bulk: from the Chat menu or the browser's row menu, over the
selected rows, through the user picker (add/remove) into the bulk window."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from b24desk.api.types import Entity
from b24desk.desk.bulk import BulkAction
from b24desk.desk.desk import Desk
from b24desk.desk.tasks import TaskScope
from b24desk.ui.browser.browser import EntityBrowser
from b24desk.ui.dialogs.bulk import BulkDialog
from b24desk.ui.dialogs.user_picker import pick_user
from b24desk.ui.menus import Menus

CONTEXT = "bulk"


def connect_bulk(
    window: QWidget,
    menus: Menus,
    browser: EntityBrowser,
    runner: TaskScope,
    desk: Callable[[], Desk | None],
    tell: Callable[[str], None],
) -> None:
    """Menu entries and row-menu entries open the bulk window for the browser's selection."""

    def start(action: str) -> None:
        # The selection as it is when the supervisor acts: the list may reload meanwhile.
        chosen = browser.selected_entities()
        runner.spawn(open_bulk(window, chosen, runner, desk(), BulkAction(action), tell))

    menus.bulk.connect(start)
    browser.bulk_requested.connect(start)


async def open_bulk(
    window: QWidget,
    entities: list[Entity],
    runner: TaskScope,
    desk: Desk | None,
    action: BulkAction,
    tell: Callable[[str], None],
) -> BulkDialog | None:
    """The bulk window for the selected entities, once the employee is picked (not for Join)."""
    if desk is None:
        tell(QCoreApplication.translate(CONTEXT, "Connect to a portal first."))
        return None
    if not entities:
        tell(QCoreApplication.translate(CONTEXT, "Select one or more entities in the list first."))
        return None
    user = desk.me
    if action is not BulkAction.JOIN:
        adding = action is BulkAction.ADD
        title = (
            QCoreApplication.translate(CONTEXT, "Add participant to the selected")
            if adding
            else QCoreApplication.translate(CONTEXT, "Remove participant from the selected")
        )
        button = (
            QCoreApplication.translate(CONTEXT, "&Add")
            if adding
            else QCoreApplication.translate(CONTEXT, "&Remove")
        )
        picked = await pick_user(desk.search_users, runner, (), window, title=title, ok_text=button)
        if picked is None:
            return None
        user = picked
    dialog = BulkDialog(desk, runner, action, user, entities, window)
    dialog.show()
    return dialog
