"""The entity browser in the real window: refusals explained, the portal's own status names
with each deal's pipeline, kept between starts."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QLabel

from b24desk.api.types import CrmEntityType, StatusName
from b24desk.desk.names import NAMES_DIR, StatusNamesFile
from b24desk.settings.paths import Paths, profile_file
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
    kept = StatusNamesFile(profile_file(Paths.default().data_dir / NAMES_DIR, PROFILE, ".json"))
    assert kept.load()[CrmEntityType.DEAL]["C2:NEW"].pipeline == pipelines["2"]


def test_names_kept_from_the_last_start_show_while_the_portal_cannot_say(
    live_portal, tmp_path, monkeypatch, qtbot, run, windows
):
    monkeypatch.setenv("B24DESK_HOME", str(tmp_path))
    path = profile_file(Paths.default().data_dir / NAMES_DIR, PROFILE, ".json")
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
