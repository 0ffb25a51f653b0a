"""The entity browser in the real window: refusals explained, the portal's own status names
with each deal's pipeline, kept between starts."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QLabel

from b24desk.api.types import CrmEntityType, StatusName
from b24desk.desk.names import StatusNamesFile, names_file
from b24desk.portal.methods.registry import METHODS, Method
from b24desk.settings.paths import Paths
from b24desk.ui.browser.model import Column
from tests.helpers.waiting import wait_until
from tests.helpers.windows import PROFILE, make_window


def test_access_denied_is_explained(live_portal, tmp_path, monkeypatch, qtbot, run, windows):
    window = make_window(tmp_path, monkeypatch, live_portal.webhook_of("operator"), qtbot, windows)

    async def scenario():
        assert await window.connect_to(PROFILE)
        await wait_until(lambda: window.browser.model.rowCount() > 0)
        window.browser.set_entity_type(type(window.browser.entity_type)("deal"))
        status = window.findChild(QLabel, "browserStatus")
        await wait_until(
            lambda: "access" in status.text().lower() or "permission" in status.text().lower(),
            what="access denied shown",
        )

    run(scenario())


def test_stages_show_their_pipeline_and_the_portals_names_and_colours(
    live_portal, tmp_path, monkeypatch, qtbot, run, windows
):
    window = make_window(tmp_path, monkeypatch, live_portal.webhook, qtbot, windows)
    model = window.browser.model
    stages = {
        i["STATUS_ID"]: i
        for i in live_portal.state.statuses
        if i["ENTITY_ID"].startswith("DEAL_STAGE")
    }
    pipelines = {str(c["id"]): c["name"] for c in live_portal.state.categories}
    deals = {int(d["ID"]): d for d in live_portal.state.crm["deal"].rows}

    def expected(row: int) -> str:
        deal = deals[model.entity_at(row).id]
        return f"{pipelines[deal['CATEGORY_ID']]} · {stages[deal['STAGE_ID']]['NAME']}"

    def shown(row: int) -> tuple[str, object]:
        index = model.index(row, Column.STATUS)
        return model.data(index), model.data(index, Qt.ItemDataRole.DecorationRole)

    async def scenario():
        assert await window.connect_to(PROFILE)
        window.browser.set_entity_type(CrmEntityType.DEAL)
        await wait_until(lambda: model.rowCount() > 0 and shown(0)[0] == expected(0))
        assert window.session is not None and window.session.names_file is not None
        await window.session.names_file.flush()  # saved off the loop's thread

    run(scenario())
    in_pipelines = set()
    for row in range(model.rowCount()):
        code = model.entity_at(row).status
        text, swatch = shown(row)
        assert text == expected(row)
        assert isinstance(swatch, QColor) and swatch.name().upper() == stages[code]["COLOR"]
        in_pipelines.add(deals[model.entity_at(row).id]["CATEGORY_ID"])
    assert in_pipelines == set(pipelines)  # a page shows deals of every pipeline
    # The names are kept for the next start.
    kept = StatusNamesFile(names_file(Paths.default().data_dir, PROFILE))
    assert kept.load()[CrmEntityType.DEAL]["C2:NEW"].pipeline == pipelines["2"]


def test_names_kept_from_the_last_start_show_while_the_portal_cannot_say(
    live_portal, tmp_path, monkeypatch, qtbot, run, windows
):
    monkeypatch.setenv("B24DESK_HOME", str(tmp_path))
    path = names_file(Paths.default().data_dir, PROFILE)
    kept = StatusName("Из прошлого запуска", "#123456", "process", "Старая воронка")
    StatusNamesFile(path).save({CrmEntityType.DEAL: {"C1:NEW": kept}})
    window = make_window(
        tmp_path, monkeypatch, live_portal.webhook, qtbot, windows, local_index=False
    )
    model = window.browser.model
    live_portal.portal.faults.inject("html", method="batch", times=1000)  # no names today

    def texts() -> set[str]:
        return {model.data(model.index(r, Column.STATUS)) for r in range(model.rowCount())}

    async def scenario():
        assert await window.connect_to(PROFILE)
        window.browser.set_entity_type(CrmEntityType.DEAL)
        await wait_until(
            lambda: "Старая воронка · Из прошлого запуска" in texts(), what="the kept name"
        )

    run(scenario())
    live_portal.portal.faults.clear()


def test_refresh_keeps_the_chosen_entity_chosen(
    live_portal, tmp_path, monkeypatch, qtbot, run, windows
):
    window = make_window(tmp_path, monkeypatch, live_portal.webhook, qtbot, windows)
    browser, model = window.browser, window.browser.model
    opened: list[int] = []
    browser.entity_chosen.connect(lambda entity: opened.append(entity.id))

    async def scenario():
        assert await window.connect_to(PROFILE)
        await wait_until(lambda: model.rowCount() > 5 and not model.is_loading, what="rows")
        browser.table.selectRow(3)
        chosen = model.entity_at(3).id
        await wait_until(lambda: window.chat_pane.shown is not None, what="the pane")
        opened.clear()
        window.menus.refresh.emit()
        await wait_until(lambda: model.is_loading, timeout=2, what="reloading")
        await wait_until(lambda: not model.is_loading, what="reloaded")
        return chosen

    chosen = run(scenario())
    current = browser.current_entity()
    assert current is not None and current.id == chosen
    assert browser.open_button.isEnabled()
    assert opened == []  # the pane was not opened anew (it reloads in place)


def _counted(monkeypatch, name: str, entity_type: int | None = None) -> list[int]:
    """Count a portal method's calls, inside batches too (with `entity_type`, only the
    calls for that crm.item entityTypeId)."""
    calls: list[int] = []
    method = METHODS[name]

    def handler(call, params):
        if entity_type is None or str(params.get("entityTypeId")) == str(entity_type):
            calls.append(1)
        return method.handler(call, params)

    monkeypatch.setitem(METHODS, name, Method(method.scope, handler))
    return calls


@pytest.mark.parametrize("ui_language", ["ru"], indirect=True)
def test_deals_show_their_amount_and_client_by_name(
    ui_language, live_portal, tmp_path, monkeypatch, qtbot, run, windows
):
    window = make_window(
        tmp_path, monkeypatch, live_portal.webhook, qtbot, windows, local_index=False
    )
    browser, model = window.browser, window.browser.model
    contacts = _counted(monkeypatch, "crm.item.list", CrmEntityType.CONTACT.type_id)
    companies = _counted(monkeypatch, "crm.item.list", CrmEntityType.COMPANY.type_id)
    state = live_portal.state
    deals = {int(d["ID"]): d for d in state.crm["deal"].rows}

    def client(deal) -> str:
        contact, company = int(deal["CONTACT_ID"]), int(deal["COMPANY_ID"])
        row = state.crm["contact"].by_id.get(contact)
        names = [f"{row['NAME']} {row['LAST_NAME']}"] if contact else []
        return ", ".join(
            [*names, *([state.crm["company"].by_id[company]["TITLE"]] if company else [])]
        )

    def shown(row: int, column: Column) -> str:
        return model.data(model.index(row, column)).replace("\u00a0", " ").replace("\u202f", " ")

    async def scenario():
        assert await window.connect_to(PROFILE)
        browser.set_entity_type(CrmEntityType.DEAL)
        await wait_until(lambda: model.rowCount() > 0 and not model.is_loading, what="deals")
        await wait_until(
            lambda: all("#" not in shown(r, Column.CLIENT) for r in range(model.rowCount())),
            what="every client named",
        )

    run(scenario())
    assert model.headerData(Column.AMOUNT, Qt.Orientation.Horizontal) == "Сумма"
    assert model.headerData(Column.CLIENT, Qt.Orientation.Horizontal) == "Клиент"
    for row in range(model.rowCount()):
        deal = deals[model.entity_at(row).id]
        assert shown(row, Column.CLIENT) == client(deal)
        whole, cents = f"{float(deal['OPPORTUNITY']):.2f}".split(".")
        # As a Russian supervisor writes money: "150 000,00 ₽".
        assert shown(row, Column.AMOUNT) == f"{int(whole):,}".replace(",", " ") + f",{cents} ₽"
    # One request per page names its clients, not one per row.
    pages = -(-model.rowCount() // 50)
    assert 1 <= len(contacts) <= pages and len(companies) <= pages
    # Deals have no phone or e-mail column of their own; leads have no amount or client.
    header = browser.table.horizontalHeader()
    assert header.isSectionHidden(Column.CONTACT) and not header.isSectionHidden(Column.AMOUNT)
    assert header.visualIndex(Column.AMOUNT) == header.visualIndex(Column.STATUS) + 1
    browser.set_entity_type(CrmEntityType.LEAD)
    assert header.isSectionHidden(Column.AMOUNT) and header.isSectionHidden(Column.CLIENT)
    assert not header.isSectionHidden(Column.CONTACT)
