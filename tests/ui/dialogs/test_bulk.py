"""Participants in bulk from the window: select rows, add someone to their chats, Undo."""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QLineEdit, QListWidget, QProgressBar

from b24desk.portal.state import CrmType
from b24desk.ui.dialogs.bulk import BulkDialog
from b24desk.ui.dialogs.user_picker import UserPicker
from tests.helpers.waiting import wait_until
from tests.helpers.windows import PROFILE, make_window

HELPER = 3  # an employee who sees every lead


def lead_rows(window) -> dict[int, int]:
    model = window.browser.model
    return {model.entity_at(r).id: r for r in range(model.rowCount())}


def test_select_rows_add_a_participant_then_undo(
    portal_factory, tmp_path, monkeypatch, qtbot, run, windows
):
    live_portal = portal_factory(rate_limit=False, lead_chats=200)  # chats on most rows
    state = live_portal.state
    helper = state.users[HELPER]
    window = make_window(
        tmp_path, monkeypatch, live_portal.webhook, qtbot, windows, local_index=False
    )

    async def scenario():
        assert await window.connect_to(PROFILE)
        model, table = window.browser.model, window.browser.table
        await wait_until(lambda: model.rowCount() > 20 and not model.is_loading, what="leads")
        rows = lead_rows(window)
        with_chats = [i for i in rows if state.chats_of(CrmType.LEAD, i)][:3]
        without = next(i for i in rows if not state.chats_of(CrmType.LEAD, i))
        chosen = [*with_chats, without]
        for lead_id in with_chats:
            chat = state.chats_of(CrmType.LEAD, lead_id)[-1]
            if HELPER in chat.participants:
                chat.participants.remove(HELPER)
        # Click the first row, Ctrl-click the others: the clicked row is what the pane shows.
        table.selectRow(rows[chosen[0]])
        flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
        for lead_id in chosen[1:]:
            table.selectionModel().select(model.index(rows[lead_id], 0), flags)
        assert [e.id for e in window.browser.selected_entities()] == sorted(
            chosen, key=lambda i: rows[i]
        )
        assert window.browser.current_entity().id == chosen[0]

        window.menus.findChild(QAction, "bulk_add").trigger()
        picker = await wait_for(UserPicker)
        picker.findChild(QLineEdit, "userSearch").setText(helper.last_name)
        listing = picker.findChild(QListWidget, "userResults")
        await wait_until(lambda: listing.count() >= 1, what="the helper found")
        row = next(
            r for r in range(listing.count()) if listing.item(r).text().startswith(helper.full_name)
        )
        listing.setCurrentRow(row)
        qtbot.keyClick(picker.findChild(QLineEdit, "userSearch"), Qt.Key.Key_Return)

        dialog = await wait_for(BulkDialog)
        assert not dialog.isModal()
        assert helper.full_name in dialog.summary.text() and "4" in dialog.summary.text()
        dialog.start_button.click()
        await wait_until(lambda: dialog.report is not None, what="the run finished")
        results = dialog.findChild(QListWidget, "bulkResults")
        texts = [results.item(i).text() for i in range(results.count())]
        assert sum("added" in t for t in texts) == 3
        assert sum("no chat" in t for t in texts) == 1
        bar = dialog.findChild(QProgressBar, "bulkProgress")
        assert bar.value() == bar.maximum() == 4
        assert "3 done" in dialog.status.text()
        for lead_id in with_chats:
            assert HELPER in state.chats_of(CrmType.LEAD, lead_id)[-1].participants

        assert dialog.undo_button.isEnabled()
        dialog.undo_button.click()
        await wait_until(lambda: dialog.undo_report is not None, what="undone")
        texts = [results.item(i).text() for i in range(results.count())]
        assert len(texts) == 3 and all("removed" in t for t in texts)
        for lead_id in with_chats:
            assert HELPER not in state.chats_of(CrmType.LEAD, lead_id)[-1].participants
        assert not dialog.undo_button.isEnabled()
        dialog.close()

    async def wait_for(kind):
        found = []

        def visible():
            found[:] = [
                w for w in QApplication.topLevelWidgets() if isinstance(w, kind) and w.isVisible()
            ]
            return bool(found)

        await wait_until(visible, what=kind.__name__)
        return found[0]

    run(scenario())
