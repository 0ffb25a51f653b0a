"""Context menus on the real window: copy from the browser, the chat list and the participants,
open the entity's or the chat's own page in Bitrix24, and say so when no browser opens."""

from __future__ import annotations

from typing import ClassVar

import pytest
from PySide6.QtGui import QAction, QGuiApplication
from PySide6.QtWidgets import QMenu

from b24desk.portal.state import CrmType
from b24desk.ui import portal_pages
from b24desk.ui.chat.chats import CHAT_ID_ROLE
from b24desk.ui.chat.participants import USER_ID_ROLE
from b24desk.ui.plaintext import visible
from tests.helpers.chats import ADMIN, active_lead_chat_with_admin
from tests.helpers.waiting import wait_until
from tests.helpers.windows import PROFILE, make_window, message_box, open_entity


class Desktop:
    """Stands in for QDesktopServices: records what it was asked to open."""

    opened: ClassVar[list[str]] = []
    works = True

    @classmethod
    def openUrl(cls, url) -> bool:  # noqa: N802 (Qt name)
        cls.opened.append(url.toString())
        return cls.works


@pytest.fixture
def desktop(monkeypatch) -> type[Desktop]:
    Desktop.opened, Desktop.works = [], True
    monkeypatch.setattr(portal_pages, "QDesktopServices", Desktop)
    return Desktop


def trigger(menu: QMenu, name: str) -> None:
    action = menu.findChild(QAction, name)
    assert action is not None and action.isEnabled(), name
    action.trigger()


def clipboard() -> str:
    data = QGuiApplication.clipboard().mimeData()
    assert data.formats() == ["text/plain"]
    return data.text()


def every_context_menu(window) -> list[tuple[str, QMenu]]:
    """Each context menu of the window, built for its first row (a chat is on show)."""
    browser, pane = window.browser, window.chat_pane
    table_row = browser.table.visualRect(browser.model.index(0, 1)).center()
    chat_row = pane.chat_list.visualRect(pane.chats.index(0)).center()
    person_row = pane.participant_list.visualRect(pane.participants.index(0)).center()
    return [
        ("entity rows", browser._context_menu(table_row)),
        ("chats", pane.chat_links.menu_at(chat_row)),
        ("participants", pane.people._context_menu(person_row)),
        ("history", pane.history_view._context_menu(pane.history_view.rect().center())),
    ]


async def _shown(window, qtbot, chat) -> None:
    assert await window.connect_to(PROFILE)
    await open_entity(window, qtbot, CrmType.LEAD, chat.crm[CrmType.LEAD])
    pane = window.chat_pane
    pane.reload(chat_id=chat.id)
    await wait_until(lambda: pane.shown.chat_id == chat.id and not pane.busy.isVisible())


def test_browser_rows_copy_and_open(
    live_portal, tmp_path, monkeypatch, qtbot, run, windows, desktop
):
    chat = active_lead_chat_with_admin(live_portal.state)
    window = make_window(tmp_path, monkeypatch, live_portal.webhook, qtbot, windows)

    async def scenario():
        await _shown(window, qtbot, chat)
        browser = window.browser
        entity = browser.model.entity_at(0)
        menu = every_context_menu(window)[0][1]
        trigger(menu, "copyIdAction")
        assert clipboard() == str(entity.id)
        trigger(menu, "copyTitleAction")
        assert clipboard() == visible(entity.display_name)
        for name, values in (
            ("copyPhoneAction", entity.phones),
            ("copyEmailAction", entity.emails),
        ):
            assert menu.findChild(QAction, name).isEnabled() == bool(values)
            if values:
                trigger(menu, name)
                assert clipboard() == "\n".join(values)

        page = f"{live_portal.base_url}/crm/lead/details/{entity.id}/"
        trigger(menu, "openEntityAction")
        assert desktop.opened == [page]
        # No browser to open it in: the window says so, and the address is on the clipboard.
        desktop.works = False
        trigger(menu, "openEntityAction")
        assert "No web browser could be opened" in window.statusBar().currentMessage()
        assert clipboard() == page

    run(scenario())


def test_chat_list_copies_and_opens_the_chat_itself(
    live_portal, tmp_path, monkeypatch, qtbot, run, windows, desktop
):
    chat = active_lead_chat_with_admin(live_portal.state)
    window = make_window(tmp_path, monkeypatch, live_portal.webhook, qtbot, windows)

    async def scenario():
        await _shown(window, qtbot, chat)
        pane = window.chat_pane
        menu = every_context_menu(window)[1][1]
        chat_id = pane.chats.index(0).data(CHAT_ID_ROLE)
        # The chat's page in the web messenger, not its lead's card.
        link = f"{live_portal.base_url}/online/?IM_DIALOG=chat{chat_id}"
        trigger(menu, "copyChatLinkAction")
        assert clipboard() == link
        assert window.statusBar().currentMessage() == f"Link copied: {link}"
        trigger(menu, "openChatAction")
        assert desktop.opened == [link]

    run(scenario())


def test_participants_copy_name_and_remove(live_portal, tmp_path, monkeypatch, qtbot, run, windows):
    chat = active_lead_chat_with_admin(live_portal.state)
    window = make_window(tmp_path, monkeypatch, live_portal.webhook, qtbot, windows)

    async def scenario():
        await _shown(window, qtbot, chat)
        pane = window.chat_pane
        people = pane.participants
        row = next(
            r for r in range(people.rowCount()) if people.index(r).data(USER_ID_ROLE) == ADMIN
        )
        point = pane.participant_list.visualRect(people.index(row)).center()
        menu = pane.people._context_menu(point)
        trigger(menu, "copyNameAction")
        assert clipboard() == visible(people.user_at(row).full_name)
        assert pane.participant_list.currentIndex().row() == row  # what Remove acts on
        trigger(menu, "removeAction")
        box = await message_box(window, "confirmRemove")
        assert people.user_at(row).full_name in box.text()
        box.reject()

    run(scenario())


@pytest.mark.parametrize("ui_language", ["en", "ru"], indirect=True)
def test_context_menus_have_unique_mnemonics(
    ui_language, live_portal, tmp_path, monkeypatch, qtbot, run, windows
):
    from tests.ui.test_mnemonics import assert_unique, menu_texts

    chat = active_lead_chat_with_admin(live_portal.state)
    window = make_window(tmp_path, monkeypatch, live_portal.webhook, qtbot, windows)

    async def scenario():
        await _shown(window, qtbot, chat)
        for name, menu in every_context_menu(window):
            assert_unique(menu_texts(menu), name)

    run(scenario())
