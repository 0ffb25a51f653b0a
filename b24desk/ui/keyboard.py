"""The window's keyboard: menu shortcuts to the widgets they drive, pane to pane, the sheet.

The chat actions press the pane's own buttons, so a shortcut can do no more than a click;
when a button is greyed out the status bar says why instead.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QApplication, QMainWindow, QPushButton, QWidget

from b24desk.ui import shortcuts
from b24desk.ui.browser.browser import EntityBrowser
from b24desk.ui.chat.pane import ChatPane
from b24desk.ui.dialogs.shortcuts import ShortcutSheet
from b24desk.ui.menus import Menus
from b24desk.ui.shortcuts import Shortcut


def connect_keyboard(
    window: QMainWindow, menus: Menus, browser: EntityBrowser, pane: ChatPane
) -> None:
    stops = panes(browser, pane)
    menus.find.connect(browser.focus_search)
    menus.next_pane.connect(lambda: next_pane(stops, 1))
    menus.previous_pane.connect(lambda: next_pane(stops, -1))
    menus.join.connect(lambda: press(window, pane.people.join_button, shortcuts.JOIN))
    menus.add_participant.connect(
        lambda: press(window, pane.people.add_button, shortcuts.ADD_PARTICIPANT)
    )
    menus.create_lead.connect(lambda: press(window, pane.lead.button, shortcuts.CREATE_LEAD))
    session = pane.session
    menus.take_over.connect(lambda: press(window, session.take_over_button, shortcuts.TAKE_OVER))
    menus.transfer.connect(lambda: press(window, session.transfer_button, shortcuts.TRANSFER))
    menus.finish_session.connect(lambda: press(window, session.finish_button, shortcuts.FINISH))
    menus.rate_session.connect(lambda: press(window, session.rate_button, shortcuts.RATE))
    menus.pin_session.connect(lambda: press(window, session.pin_button, shortcuts.PIN))
    menus.show_shortcuts.connect(lambda: show_sheet(window))
    # Enter on an entity opens it and takes the keyboard on to its chat.
    browser.table.activated.connect(lambda *_: pane.focus_chat())


def panes(browser: EntityBrowser, pane: ChatPane) -> list[QWidget]:
    """Where F6 goes, in reading order: search, results, chats, people, history, message."""
    return [
        browser.search,
        browser.table,
        pane.chat_list,
        pane.participant_list,
        pane.history_view,
        pane.composer.editor,
    ]


def next_pane(stops: list[QWidget], step: int) -> None:
    """Focus the next (step 1) or previous (-1) stop that can take the keyboard; from a
    widget between stops (a button), the nearest stop that way along the Tab order."""
    focused = QApplication.focusWidget()
    here = _stop_of(stops, focused)
    if here < 0 and focused is not None:
        widget: QWidget | None = focused
        for _ in range(len(focused.window().findChildren(QWidget))):
            if widget is None:
                break
            widget = widget.nextInFocusChain() if step > 0 else widget.previousInFocusChain()
            found = _stop_of(stops, widget)
            if found >= 0 and _can_focus(stops[found]):
                stops[found].setFocus(Qt.FocusReason.ShortcutFocusReason)
                return
    for offset in range(1, len(stops) + 1):
        stop = stops[(max(here, 0) + step * offset) % len(stops)]
        if _can_focus(stop):
            stop.setFocus(Qt.FocusReason.ShortcutFocusReason)
            return


def _stop_of(stops: list[QWidget], widget: QWidget | None) -> int:
    """The stop that is or holds `widget`, or -1."""
    if widget is None:
        return -1
    return next((i for i, s in enumerate(stops) if s is widget or s.isAncestorOf(widget)), -1)


def _can_focus(widget: QWidget) -> bool:
    return widget.isEnabled() and widget.isVisible()


def press(window: QMainWindow, button: QPushButton, shortcut: Shortcut) -> None:
    if button.isEnabled() and button.isVisible():
        button.click()
        return
    what = shortcuts.text(shortcut.text)
    why = button.toolTip()
    text = QCoreApplication.translate("keyboard", "Not possible now: {0}.").format(what)
    window.statusBar().showMessage(f"{text} {why}" if why else text, 5000)


def show_sheet(window: QMainWindow) -> None:
    sheet = window.findChild(ShortcutSheet, "shortcutSheet")
    if sheet is None:
        sheet = ShortcutSheet(window)
    if sheet.isVisible():  # already open behind the window: bring it forward
        sheet.raise_()
        sheet.activateWindow()
    else:
        sheet.show()
