"""Alt mnemonics: every button and menu item has one, and none repeats within a window, a
dialog or a menu, in English and in Russian."""

from __future__ import annotations

import re
from collections import Counter

import pytest
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QAbstractButton, QDialogButtonBox, QLabel, QMenu, QWidget

from b24desk.settings.paths import Paths
from b24desk.settings.secrets import SecretStore
from b24desk.settings.store import load_settings
from b24desk.ui.dialogs.connection import ConnectionDialog
from b24desk.ui.dialogs.rating import RatingDialog
from b24desk.ui.dialogs.transfer_picker import TransferPicker
from b24desk.ui.dialogs.user_picker import UserPicker
from b24desk.ui.main_window import MainWindow

pytestmark = pytest.mark.parametrize("ui_language", ["en", "ru"], indirect=True)

MNEMONIC = re.compile(r"&([^&])")


def mnemonic(text: str) -> str | None:
    found = MNEMONIC.search(text.replace("&&", ""))
    return found.group(1).lower() if found else None


def _standard(button: QAbstractButton) -> bool:
    """A dialog's own OK/Cancel/Close: Enter and Escape press them."""
    box = button.parent()
    return isinstance(box, QDialogButtonBox) and box.standardButton(button) != 0


def window_texts(window: QWidget) -> list[str]:
    """What Alt+letter reaches in `window`: its buttons, labels' buddies and menu bar."""
    texts = [
        b.text()
        for b in window.findChildren(QAbstractButton)
        if b.text() and b.window() is window and not _standard(b)
    ]
    texts += [lb.text() for lb in window.findChildren(QLabel) if lb.buddy() is not None]
    bar = getattr(window, "menuBar", None)
    if bar is not None:
        texts += [a.text() for a in bar().actions()]
    return texts


def menu_texts(menu: QMenu) -> list[str]:
    return [a.text() for a in menu.actions() if not a.isSeparator()]


def assert_unique(texts: list[str], where: str) -> None:
    missing = [t for t in texts if mnemonic(t) is None]
    assert not missing, f"no mnemonic in {where}: {missing}"
    repeated = [m for m, n in Counter(mnemonic(t) for t in texts).items() if n > 1]
    assert not repeated, f"repeated in {where}: {repeated} among {texts}"


def menus_of(window: MainWindow) -> list[QMenu]:
    found, todo = [], [a.menu() for a in window.menuBar().actions()]
    while todo:
        menu = todo.pop()
        found.append(menu)
        todo += [a.menu() for a in menu.actions() if a.menu() is not None]
    return found


@pytest.fixture
def window(ui_language, aloop, tmp_path, monkeypatch):
    monkeypatch.setenv("B24DESK_HOME", str(tmp_path))
    paths = Paths.default().ensure()
    made = MainWindow(load_settings(paths), paths, SecretStore(paths))
    made.menus.fill_profiles(["Sales & support"], current=None)
    yield made
    aloop.run_until_complete(made.aclose())
    made.close()
    made.deleteLater()


def test_the_window_and_its_menus_have_unique_mnemonics(window):
    texts = window_texts(window)
    assert len(texts) >= 15  # the buttons of both panes, the banners and the menu bar
    assert_unique(texts, "the main window")
    for menu in menus_of(window):
        profiles = {a.text() for a in window.menus.profile_group.actions()}
        assert_unique([t for t in menu_texts(menu) if t not in profiles], menu.title())
    # A profile name is text: its "&" shows as itself.
    assert "Sales && support" in menu_texts(window.menus.connection_menu)


def test_dialogs_have_unique_mnemonics(window, runner):
    connection = ConnectionDialog(lambda request: None, window)  # type: ignore[arg-type,return-value]
    assert_unique(window_texts(connection), "the connection dialog")
    picker = UserPicker(lambda text: None, runner, (), window)  # type: ignore[arg-type,return-value]
    assert_unique(window_texts(picker), "the user picker")
    rating = RatingDialog("Session #1", 4, "", window)
    assert_unique(window_texts(rating), "the rating dialog")
    transfer = TransferPicker("Chat #1", window)
    assert_unique([*window_texts(transfer), transfer.ok.text()], "the transfer picker")


def test_menus_take_their_keys_from_the_registry(window):
    from b24desk.ui import shortcuts

    for shortcut in shortcuts.ACTIONS:
        action = window.findChild(QAction, shortcut.name)
        assert action is not None, shortcut.name
        assert action.shortcut() == shortcut.sequence(), shortcut.name
