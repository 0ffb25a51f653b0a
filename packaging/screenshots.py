"""Take the README's screenshots of the real window on the demo portal.

Run under a virtual X server (Debian: xvfb, imagemagick and Qt's xcb libraries):
    xvfb-run -a -s "-screen 0 1600x1000x24" python packaging/screenshots.py [--language ru]
Writes resources/screenshots/{main-window,unsent-banner,user-picker,connection-dialog,
small-window,context-menu,chat-list,live-desk}.png; with
--language ru the Russian UI, as {main-window,...}-ru.png.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import subprocess
import sys
import tempfile
from collections import Counter
from datetime import datetime, timedelta
from pathlib import Path

import qasync
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QAbstractSlider,
    QApplication,
    QListWidget,
    QWidget,
)

from b24desk.api.types import CrmEntityType, Entity
from b24desk.demo import open_demo
from b24desk.desk.connect import DEMO_PROFILE
from b24desk.desk.desk import NotInChatError
from b24desk.desk.outbox import OutboxState
from b24desk.portal import Portal
from b24desk.portal.methods.chat_access import now
from b24desk.portal.state import CrmType
from b24desk.settings.paths import Paths
from b24desk.settings.secrets import SecretStore
from b24desk.settings.store import load_settings
from b24desk.ui import language
from b24desk.ui.dialogs.connection import ConnectionDialog
from b24desk.ui.dialogs.user_picker import UserPicker
from b24desk.ui.main_window import MainWindow

OUT = Path(__file__).resolve().parent.parent / "resources" / "screenshots"
SUFFIX = ""  # "-ru" for the Russian screenshots


async def until(predicate: object, timeout: float = 20) -> None:
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    while not predicate():  # type: ignore[operator]
        if loop.time() > deadline:
            raise TimeoutError(f"gave up waiting for {predicate}")
        await asyncio.sleep(0.02)


async def settle() -> None:
    """Let Qt lay out and paint, and the X server catch up (the loop runs Qt's events)."""
    await asyncio.sleep(0.5)


def shoot(widget: QWidget, name: str) -> None:
    """Capture the widget's area of the X screen (what a person would see)."""
    frame = widget.frameGeometry()
    geometry = f"{frame.width()}x{frame.height()}+{frame.x()}+{frame.y()}"
    target = OUT / f"{name}{SUFFIX}.png"
    subprocess.run(
        ["import", "-window", "root", "-crop", geometry, "+repage", str(target)], check=True
    )
    print(f"wrote {target}")


UNSENT_TEXT = {"": "Your order has shipped today.", "-ru": "Ваш заказ отправлен сегодня."}
DRAFT_TEXT = {"": "Tracking number: ", "-ru": "Номер отслеживания: "}


REPLY_TEXT = {"": "One moment, I am checking.", "-ru": "Минуту, проверяю."}
LIVE_TEXTS = {
    "": ("Hello, is my order ready?", "Can I pay by card?", "Thank you!", "Are you there?"),
    "-ru": ("Здравствуйте, заказ готов?", "Можно оплатить картой?", "Спасибо!", "Вы здесь?"),
}


async def shoot_live_desk(window: MainWindow, portal: Portal) -> None:
    """Customers write while the supervisor reads older messages: the Activity dock fills,
    the open chat shows "New messages" instead of jumping."""
    state, pane = portal.state, window.chat_pane
    shown = pane.shown
    if shown is None or shown.chat_id is None:
        return
    window.log_dock.hide()
    window.activity.show()
    chat = state.chats[shown.chat_id]
    if 1 not in chat.participants:
        chat.participants.append(1)  # the supervisor is in it: its events reach the window
    others = [
        c for c in state.chats.values()
        if c.is_lines and c.active and c.id != chat.id and 1 in c.participants
        and any(c.crm.values())
    ][:3]  # fmt: skip
    texts = LIVE_TEXTS[SUFFIX]
    if others:
        window.watching.toggle(others[0].id)  # watched: a star in the Activity dock
    for other, text in zip(others, texts, strict=False):
        state.add_message(other, other.customer_id, text, now(state))
    await until(lambda: window.activity.list.count() >= len(others), timeout=30)
    # A conversation long enough to scroll, then the supervisor scrolls up to read it.
    for n in range(12):
        if n % 2:
            state.add_message(chat, chat.customer_id, texts[n % 3], now(state))
        else:
            state.add_message(chat, 1, REPLY_TEXT[SUFFIX], now(state))
    bar = pane.history_view.verticalScrollBar()
    await until(lambda: bar.maximum() > 0 and bar.value() == bar.maximum(), timeout=30)
    bar.triggerAction(QAbstractSlider.SliderAction.SliderToMinimum)
    state.add_message(chat, chat.customer_id, texts[-1], now(state))
    await until(lambda: pane.new_messages.isVisible(), timeout=30)
    window.status.clearMessage()
    await settle()
    shoot(window, "live-desk")
    pane.history_view.show_newest()
    window.activity.hide()
    window.log_dock.show()


WAITING_TEXT = {"": "Is anyone there? I have been waiting.", "-ru": "Есть кто-нибудь? Я жду."}


async def shoot_chat_list(window: MainWindow, portal: Portal) -> None:
    """The lead with the most chats: a closed one, and a customer waiting a quarter of an
    hour in the open one; every chat with its state, the same with or without the filter."""
    state, pane = portal.state, window.chat_pane
    counts = Counter(c.crm.get(CrmType.LEAD) for c in state.chats.values() if c.is_lines)
    lead_id = max((n, -i, i) for i, n in counts.items() if i)[2]
    chats = state.chats_of(CrmType.LEAD, lead_id)
    open_chat = next((c for c in reversed(chats) if c.active), chats[-1])
    asked = datetime.fromisoformat(now(state)) - timedelta(minutes=14)
    state.add_message(open_chat, open_chat.customer_id, WAITING_TEXT[SUFFIX], asked.isoformat())
    title = state.crm[CrmType.LEAD].by_id[lead_id]["TITLE"]
    pane.open_entity(Entity(CrmEntityType.LEAD, lead_id, title=title))
    await until(lambda: pane.shown is not None and pane.shown.entity.id == lead_id)
    pane.active_only.setChecked(False)
    await until(lambda: pane.chats.rowCount() == len(chats) and not pane.busy.isVisible())
    window.log_dock.hide()
    sizes = pane.splitter.sizes()
    pane.splitter.setSizes([220, pane.splitter.height() - 220])  # the list dragged taller
    pane.chat_list.scrollToTop()
    await settle()
    shoot(window, "chat-list")
    pane.splitter.setSizes(sizes)
    window.log_dock.show()


async def scenario(window: MainWindow, portal: Portal) -> None:
    await window.connect_to(DEMO_PROFILE)
    state = portal.state
    model = window.browser.model
    await until(lambda: model.rowCount() > 0)
    # The first lead on the list that has several chats (or at least one).
    rows = range(model.rowCount())
    chats = {r: len(state.chats_of(CrmType.LEAD, model.entity_at(r).id)) for r in rows}
    row = max(rows, key=lambda r: (min(chats[r], 2), -r))
    lead_id = model.entity_at(row).id
    window.browser.table.selectRow(row)
    await until(
        lambda: window.chat_pane.shown is not None and window.chat_pane.shown.entity.id == lead_id
    )
    window.chat_pane.active_only.setChecked(False)
    await until(lambda: window.chat_pane.chats.rowCount() >= 1)
    window.log_dock.show()
    window.resizeDocks([window.log_dock], [150], Qt.Orientation.Vertical)
    await settle()
    shoot(window, "main-window")
    await shoot_live_desk(window, portal)
    await shoot_chat_list(window, portal)

    # A message the portal refused after a restart, waiting above a half-written draft.
    pane = window.chat_pane
    desk, target = window.desk, pane.shown.target if pane.shown else None
    if desk is not None and target is not None:
        item = desk.outbox.add(desk.profile, target, UNSENT_TEXT[SUFFIX], watermark=0)
        desk.outbox.mark(item, OutboxState.FAILED, NotInChatError.user_message)
        pane.unsent.refresh()
        pane.composer.show_draft(DRAFT_TEXT[SUFFIX])
        window.log_dock.hide()
        await settle()
        shoot(window, "unsent-banner")
        desk.discard(item)
        pane.unsent.refresh()
        window.log_dock.show()

    window.chat_pane.add_button.click()
    picker = None

    def picker_shown() -> bool:
        nonlocal picker
        picker = window.findChild(UserPicker, "userPicker")
        return picker is not None and picker.isVisible()

    await until(picker_shown)
    assert picker is not None
    picker.move(window.x() + 380, window.y() + 160)
    search = picker.findChild(QWidget, "userSearch")
    search.setText("ив")  # type: ignore[attr-defined]
    results = picker.findChild(QListWidget, "userResults")
    await until(lambda: results.count() > 1)
    results.setCurrentRow(results.count() - 1)
    await settle()
    shoot(picker, "user-picker")
    picker.reject()

    dialog = ConnectionDialog(window.profile_actions.test, window)
    dialog.set_secrets_note(window.secrets.fallback_note)
    dialog.findChild(QWidget, "webhookUrl").setText(  # type: ignore[attr-defined]
        "https://example.bitrix24.ru/rest/1/xxxxxxxxxxxxxxxx/"
    )
    name = "Контакт-центр" if SUFFIX == "-ru" else "Contact centre"
    dialog.findChild(QWidget, "profileName").setText(name)  # type: ignore[attr-defined]
    dialog.open()
    dialog.move(window.x() + 360, window.y() + 140)
    await settle()
    shoot(dialog, "connection-dialog")
    dialog.reject()

    # A small screen (the history keeps the room) and an entity row's context menu.
    window.log_dock.hide()
    window.resize(1024, 600)
    await settle()
    shoot(window, "small-window")
    table = window.browser.table
    table.scrollTo(model.index(row, 1), QAbstractItemView.ScrollHint.PositionAtCenter)
    table.horizontalScrollBar().setValue(0)
    pos = table.visualRect(model.index(row, 1)).center()
    menu = window.browser._context_menu(pos)
    if menu is not None:
        menu.popup(table.viewport().mapToGlobal(pos))
        await settle()
        shoot(window, "context-menu")
        menu.close()
    await window.aclose()


def main() -> int:
    global SUFFIX
    parser = argparse.ArgumentParser(description="Take the README's screenshots.")
    parser.add_argument("--language", choices=("en", "ru"), default="en")
    parser.add_argument("--size", default="1280x800", help="window size, e.g. 1920x1080")
    parser.add_argument("--dark", action="store_true", help="a dark palette (Fusion style)")
    args = parser.parse_args()
    chosen = args.language
    width, height = (int(n) for n in args.size.split("x"))
    if not os.environ.get("DISPLAY"):
        sys.exit("run me under xvfb-run (see the module docstring)")
    OUT.mkdir(parents=True, exist_ok=True)
    SUFFIX = "" if chosen == "en" else f"-{chosen}"
    SUFFIX += "" if args.size == "1280x800" else f"-{width}"
    SUFFIX += "-dark" if args.dark else ""
    app = QApplication(sys.argv[:1])
    if args.dark:
        app.setStyle("Fusion")
        app.setPalette(_dark_palette())
    language.install(chosen, app)
    app.setQuitOnLastWindowClosed(False)
    loop = qasync.QEventLoop(app)
    asyncio.set_event_loop(loop)
    with tempfile.TemporaryDirectory() as home:
        os.environ["B24DESK_HOME"] = home
        paths = Paths.default().ensure()
        portal = Portal()
        window = MainWindow(
            load_settings(paths), paths, SecretStore(paths), demo=lambda: open_demo(portal)
        )
        window.move(0, 0)
        window.resize(width, height)
        window.show()
        with loop:
            loop.run_until_complete(scenario(window, portal))
    return 0


def _dark_palette() -> QPalette:
    """What a desktop in dark mode hands Qt (roughly Breeze Dark)."""
    palette = QPalette()
    roles = {
        QPalette.ColorRole.Window: "#2a2e32",
        QPalette.ColorRole.WindowText: "#fcfcfc",
        QPalette.ColorRole.Base: "#1b1e20",
        QPalette.ColorRole.AlternateBase: "#232629",
        QPalette.ColorRole.Text: "#fcfcfc",
        QPalette.ColorRole.Button: "#31363b",
        QPalette.ColorRole.ButtonText: "#fcfcfc",
        QPalette.ColorRole.Highlight: "#3daee9",
        QPalette.ColorRole.HighlightedText: "#fcfcfc",
        QPalette.ColorRole.PlaceholderText: "#a1a9b1",
        QPalette.ColorRole.Link: "#1d99f3",
    }
    for role, value in roles.items():
        palette.setColor(role, QColor(value))
    return palette


if __name__ == "__main__":
    sys.exit(main())
