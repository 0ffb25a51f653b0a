"""The window with its local index: it syncs, then the browser searches and sorts from it."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction

from b24desk.api.types import CrmEntityType
from b24desk.portal.state import CrmType
from tests.helpers.waiting import wait_until
from tests.helpers.windows import PROFILE, label, make_window

SMALL = {"rate_limit": False, "leads": 60, "deals": 20, "contacts": 20, "companies": 10}


def komarov(lp) -> int:
    """A lead written the way supervisors will search for it; returns its ID."""
    row = lp.state.crm[CrmType.LEAD].rows[7]
    row["NAME"], row["LAST_NAME"] = "Пётр", "Комаров"
    row["PHONE"] = [{"ID": "9001", "VALUE_TYPE": "WORK", "VALUE": "+7 (916) 555-81-02"}]
    row["EMAIL"] = [{"ID": "9002", "VALUE_TYPE": "WORK", "VALUE": "pk1990@inbox.ru"}]
    return int(row["ID"])


async def synced(window) -> None:
    assert await window.connect_to(PROFILE)
    await wait_until(
        lambda: label(window, "indexStatus") == "Local search ready", what="the index synced"
    )


async def search(window, text: str) -> None:
    window.browser.search.setText(text)
    window.browser._search_now()
    model = window.browser.model
    await wait_until(lambda: model.search_text == text and not model.is_loading, what=text)


def found(window, entity_id: int) -> str | None:
    """Why the search found the entity (None: not among the rows)."""
    model = window.browser.model
    rows = [r for r in range(model.rowCount()) if model.entity_at(r).id == entity_id]
    return model.reason_at(rows[0]) if rows else None


def test_search_finds_partial_phones_email_parts_and_latin_spellings(
    portal_factory, tmp_path, monkeypatch, qtbot, run, windows
):
    lp = portal_factory(**SMALL)
    lead = komarov(lp)
    window = make_window(tmp_path, monkeypatch, lp.webhook, qtbot, windows)

    async def scenario():
        await synced(window)
        lp.state.crm[CrmType.LEAD].rows[7]["LAST_NAME"] = "Changed on the portal only"
        for text, reason in [
            ("555 81 02", "phone"),  # a run of digits, typed with other spacing
            ("(916) 555-8", "phone"),
            ("90@inbox", "e-mail"),
            ("Komarov", "spelling"),  # Latin for Комаров
            ("комар", "name"),
        ]:
            await search(window, text)
            assert found(window, lead) == reason, text
        model = window.browser.model
        row = next(r for r in range(model.rowCount()) if model.entity_at(r).id == lead)
        tip = model.data(model.index(row, 1), Qt.ItemDataRole.ToolTipRole)
        assert tip == "Matched: name"

    run(scenario())


def test_sorted_pages_come_from_the_index_after_sync(
    portal_factory, tmp_path, monkeypatch, qtbot, run, windows
):
    lp = portal_factory(**SMALL)
    window = make_window(tmp_path, monkeypatch, lp.webhook, qtbot, windows)

    async def scenario():
        await synced(window)
        lp.portal.wire_log.clear()
        window.browser.table.sortByColumn(1, Qt.SortOrder.AscendingOrder)
        model = window.browser.model
        await wait_until(lambda: model.rowCount() == 50, what="the first page by title")
        model.fetchMore()  # as a scroll to the end would
        await wait_until(lambda: model.rowCount() == 60, what="every lead paged in by title")
        titles = [model.entity_at(r).title.casefold() for r in range(model.rowCount())]
        assert titles == sorted(titles)
        assert model.total == 60  # counted locally
        # Every column the browser sorts by, for every type, is the index's to serve.
        for entity_type in CrmEntityType:
            window.browser.set_entity_type(entity_type)
            for column in range(model.columnCount()):
                window.browser.table.sortByColumn(column, Qt.SortOrder.DescendingOrder)
                await wait_until(lambda: model.rowCount() and not model.is_loading)
        assert not [r.method for r in lp.portal.wire_log if r.method != "user.get"]

    run(scenario())


def test_forget_local_data_empties_the_index_and_indexes_again(
    portal_factory, tmp_path, monkeypatch, qtbot, run, windows
):
    lp = portal_factory(**SMALL)
    window = make_window(tmp_path, monkeypatch, lp.webhook, qtbot, windows)

    async def scenario():
        await synced(window)
        index = window.session.local.index
        assert await index.count(CrmEntityType.LEAD) == 60
        lp.config.latency_ms = 1500  # the new sync is slow: the emptied index can be seen
        window.findChild(QAction, "forgetLocalDataAction").trigger()
        await wait_until(lambda: label(window, "indexStatus") == "Indexing leads: 0…")
        assert await index.count(CrmEntityType.LEAD) == 0
        assert not window.session.local.ready(CrmEntityType.LEAD)
        lp.config.latency_ms = 0
        await synced_again(window)
        assert await index.count(CrmEntityType.LEAD) == 60

    run(scenario())


async def synced_again(window) -> None:
    await wait_until(
        lambda: label(window, "indexStatus") == "Local search ready",
        timeout=15,
        what="indexed again",
    )


def test_the_settings_can_turn_the_index_off(
    portal_factory, tmp_path, monkeypatch, qtbot, run, windows
):
    lp = portal_factory(**SMALL)
    window = make_window(tmp_path, monkeypatch, lp.webhook, qtbot, windows, local_index=False)

    async def scenario():
        assert await window.connect_to(PROFILE)
        await wait_until(lambda: window.browser.model.rowCount() > 0)
        await wait_until(lambda: label(window, "headroomStatus"), what="the status refreshed")
        assert window.session.local is None and window.session.status().index is None
        assert label(window, "indexStatus") == ""
        assert not (tmp_path / "data" / "index").exists()

    run(scenario())


def test_an_id_newer_than_the_index_is_looked_up_on_the_portal(
    portal_factory, tmp_path, monkeypatch, qtbot, run, windows
):
    lp = portal_factory(**SMALL)
    window = make_window(tmp_path, monkeypatch, lp.webhook, qtbot, windows)

    async def scenario():
        await synced(window)
        table = lp.state.crm[CrmType.LEAD]
        added = int(table.add({**table.rows[0], "ID": ""})["ID"])  # after the sync
        await search(window, str(added))
        assert found(window, added) == ""  # found, by the portal

    run(scenario())
