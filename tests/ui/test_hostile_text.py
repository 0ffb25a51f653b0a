"""Portal text in the real window is shown as typed: no widget but the history reads markup.

A portal seeded with hostile names, titles, statuses, positions and connector titles; the
test walks every label, message box, list and table item and tooltip that shows them.
"""

from __future__ import annotations

from PySide6 import QtGui
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QLineEdit,
    QListView,
    QListWidget,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QWidget,
)

from b24desk.desk.tasks import TaskScope
from b24desk.ui.chat.participants import USER_ID_ROLE
from b24desk.ui.dialogs.connection import ConnectionDialog
from b24desk.ui.dialogs.connection_entry import ConnectionReport
from b24desk.ui.dialogs.user_picker import UserPicker
from b24desk.ui.plaintext import HIDDEN
from tests.helpers import connection
from tests.helpers.waiting import wait_until
from tests.helpers.windows import (
    PROFILE,
    button,
    make_window,
    message_box,
    open_entity,
    operator_chat,
)

might_be_rich = QtGui.Qt.mightBeRichText

LINK_NAME = '<a href="file:///etc/passwd">Anna</a>'
SPOOF = "\u202egnp.exe"  # right-to-left override: reads "exe.png"
LEAD_TITLE = '<h1>Срочно</h1><img src="https://tracker.example/p.gif">\u200bзаказ'
STATUS = "<b>NEW</b>\u2066"
POSITION = '<a href="file:///etc/shadow">Boss</a>'
EMAIL = "<a href='file:///etc/hosts'>mail</a>@example.com"
CONNECTOR = "<i>Telegram</i>\u200f"


def rendered(text: str) -> QTextDocument:
    """What Qt makes of a text that a widget would guess to be rich text."""
    document = QTextDocument()
    if might_be_rich(text):
        document.setHtml(text)
    else:
        document.setPlainText(text)
    return document


def markup_in(document: QTextDocument) -> list[str]:
    """Links, images and headings the document holds: none of them may come from the portal."""
    found = []
    block = document.begin()
    while block.isValid():
        if block.blockFormat().headingLevel():
            found.append(f"heading {block.text()!r}")
        it = block.begin()
        while not it.atEnd():
            fmt = it.fragment().charFormat()
            if fmt.isAnchor() or fmt.isImageFormat():
                found.append(f"link or image {fmt.anchorHref() or it.fragment().text()!r}")
            it += 1
        block = block.next()
    return found


def check_label(label: QLabel, where: str) -> None:
    text = label.text()
    if not text:
        return
    assert label.textFormat() == Qt.TextFormat.PlainText or not might_be_rich(text), (
        f"{where}: {label.objectName() or text!r} would read portal text as HTML"
    )
    assert not HIDDEN.search(text), f"{where}: hidden characters in {text!r}"


def check_shown(text: str, where: str, tooltip: bool = False) -> None:
    """An item's text (drawn as plain text) or tooltip (guessed): literal, nothing hidden."""
    if not text:
        return
    shown = rendered(text).toPlainText() if tooltip else text
    if tooltip:
        assert not markup_in(rendered(text)), f"{where}: tooltip {text!r} holds markup"
    assert not HIDDEN.search(shown), f"{where}: hidden characters in {shown!r}"


def walk(top: QWidget, where: str) -> int:
    """Check every label, list and table under `top`; the number of texts checked."""
    checked = 0
    for label in top.findChildren(QLabel):
        check_label(label, where)
        checked += 1
    if isinstance(top, QMessageBox):
        assert top.textFormat() == Qt.TextFormat.PlainText, f"{where}: message box guesses HTML"
    for view in top.findChildren(QListView):  # list widgets and views over our models
        model = view.model()
        for row in range(model.rowCount()):
            index = model.index(row, 0)
            check_shown(index.data() or "", f"{where} {view.objectName()}")
            tip = index.data(Qt.ItemDataRole.ToolTipRole) or ""
            check_shown(tip, f"{where} {view.objectName()}", tooltip=True)
            checked += 1
    for table in top.findChildren(QTableWidget):
        for row in range(table.rowCount()):
            for column in range(table.columnCount()):
                item = table.item(row, column)
                if item is not None:
                    check_shown(item.text(), f"{where} {table.objectName()}")
                    checked += 1
    return checked


def seed_hostile(state) -> tuple:
    chat = operator_chat(state)
    if 1 not in chat.participants:
        chat.participants.append(1)
    customer = state.users[chat.customer_id]
    customer.name, customer.last_name = LINK_NAME, SPOOF
    crm_type, crm_id = next((t, i) for t, i in chat.crm.items() if i)
    row = state.crm[crm_type].by_id[crm_id]
    row["TITLE"] = LEAD_TITLE
    row["NAME"] = LEAD_TITLE  # contacts show their name
    row["STATUS_ID"] = STATUS
    row["EMAIL"] = [{"ID": "999", "VALUE": EMAIL, "VALUE_TYPE": "WORK", "TYPE_ID": "EMAIL"}]
    state.connectors[chat.connector_id].title = CONNECTOR
    state.users[1].name = "<b>Админ</b>\u202e"
    colleague = next(
        u
        for u in state.users.values()
        if u.active and not u.is_bot and not u.is_connector and u.id not in chat.participants
    )
    colleague.name, colleague.last_name = "<img src=x>Иван", "Zedkin\u200b"
    colleague.work_position, colleague.email = POSITION, EMAIL
    # A participant the supervisor may remove (the customer may not be), named like a link.
    insider = next(
        u
        for u in state.users.values()
        if u.active
        and not u.is_bot
        and not u.is_connector
        and u.id not in chat.participants
        and u.id != colleague.id
    )
    insider.name, insider.last_name = LINK_NAME, SPOOF
    chat.participants.append(insider.id)
    return chat, crm_type, crm_id, insider


def test_no_widget_reads_portal_text_as_html(
    live_portal, tmp_path, monkeypatch, qtbot, run, windows
):
    chat, crm_type, crm_id, insider = seed_hostile(live_portal.state)
    window = make_window(tmp_path, monkeypatch, live_portal.webhook, qtbot, windows)

    async def scenario():
        assert await window.connect_to(PROFILE)
        await open_entity(window, qtbot, crm_type, crm_id)
        pane = window.chat_pane
        pane.active_only.setChecked(False)
        pane.reload(chat_id=chat.id)
        await wait_until(lambda: pane.shown.chat_id == chat.id and not pane.busy.isVisible())
        people: QListView = window.findChild(QListView, "participantList")
        await wait_until(lambda: people.model().rowCount() > 1, what="participants")

        # The pane header: the title as typed, one line high, not a 374 px heading.
        header = pane.header
        assert "<h1>Срочно</h1>" in header.text()
        assert header.sizeHint().height() < 4 * header.fontMetrics().height()

        # The entity table: texts and tooltips.
        model = window.browser.model
        for column in range(model.columnCount()):
            index = model.index(0, column)
            check_shown(model.data(index, Qt.ItemDataRole.DisplayRole) or "", "entity table")
            tip = model.data(index, Qt.ItemDataRole.ToolTipRole) or ""
            check_shown(tip, "entity table", tooltip=True)
        tip = model.data(model.index(0, 4), Qt.ItemDataRole.ToolTipRole)
        assert EMAIL in rendered(tip).toPlainText()

        # Remove a participant: the box shows the name, and a link in it cannot open.
        rows = (people.model().index(i, 0) for i in range(people.model().rowCount()))
        row = next(index for index in rows if index.data(USER_ID_ROLE) == insider.id)
        assert LINK_NAME in row.data()
        people.setCurrentIndex(row)
        qtbot.mouseClick(button(window, "removeParticipantButton"), Qt.MouseButton.LeftButton)
        box = await message_box(window, "confirmRemove")
        assert LINK_NAME in box.text()
        checked = walk(box, "remove box")
        box.button(QMessageBox.StandardButton.Cancel).click()

        # The user picker: a colleague with a hostile name, position and e-mail.
        qtbot.mouseClick(button(window, "addParticipantButton"), Qt.MouseButton.LeftButton)
        picker = await wait_until(lambda: window.findChild(UserPicker, "userPicker"))
        picker.findChild(QLineEdit, "userSearch").setText("Zedkin")
        results: QListWidget = picker.findChild(QListWidget, "userResults")
        await wait_until(lambda: results.count() > 0, what="the colleague in the picker")
        assert POSITION in results.item(0).text()
        assert EMAIL in rendered(results.item(0).toolTip()).toPlainText()
        checked += walk(picker, "user picker")
        picker.reject()

        # The main window: header, status bar, lists, request log.
        window.log_dock.show()
        checked += walk(window, "main window")
        status = window.findChild(QLabel, "connectionStatus").text()
        assert "<b>Админ</b>" in status
        assert checked > 20
        assert not [w for w in QApplication.topLevelWidgets() if w.isVisible() and w.isModal()], (
            "a modal box was left open"
        )

    run(scenario())


def test_connection_test_shows_the_portal_name_as_typed(qtbot, run, errors):
    tester = connection.FakeTester(
        ConnectionReport(LINK_NAME + SPOOF, "demo.bitrix24.ru", connection.ALL_SCOPES)
    )
    dialog = ConnectionDialog(tester, runner=TaskScope(errors.append))
    qtbot.addWidget(dialog)
    dialog.findChild(QLineEdit, "webhookUrl").setText(connection.HOOK)
    result = dialog.findChild(QLabel, "testResult")

    async def scenario() -> None:
        dialog.findChild(QPushButton, "testConnection").click()
        await wait_until(lambda: "Connected" in result.text())

    run(scenario())
    assert LINK_NAME in result.text()
    walk(dialog, "connection dialog")
