"""The menus list the profiles (the current one checked) and only emit what was chosen."""

from __future__ import annotations

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMainWindow

from b24desk.ui.menus import Menus


def test_profiles_language_and_help_emit_signals(qtbot):
    window = QMainWindow()
    qtbot.addWidget(window)
    menus = Menus(
        window.menuBar(), QAction("log", window), QAction("activity", window), "ru", window
    )
    chosen: list[str] = []
    menus.profile_chosen.connect(chosen.append)
    menus.language_chosen.connect(chosen.append)
    menus.copy_diagnostics.connect(lambda: chosen.append("copy"))
    menus.new_connection.connect(lambda: chosen.append("new"))
    menus.fill_profiles(["Main", "Demo"], current="Demo")
    menus.fill_profiles(["Main", "Demo"], current="Demo")  # filled again: no duplicates
    profiles = [a for a in menus.connection_menu.actions() if a.isCheckable()]
    assert [(a.text(), a.isChecked()) for a in profiles] == [("Main", False), ("Demo", True)]
    profiles[0].trigger()
    assert window.findChild(QAction, "language_ru").isChecked()
    window.findChild(QAction, "language_en").trigger()
    window.findChild(QAction, "copyDiagnosticsAction").trigger()
    window.findChild(QAction, "newConnectionAction").trigger()
    assert chosen == ["Main", "en", "copy", "new"]


def test_edit_and_delete_list_only_saved_profiles(qtbot):
    window = QMainWindow()
    qtbot.addWidget(window)
    menus = Menus(
        window.menuBar(), QAction("log", window), QAction("activity", window), "en", window
    )
    chosen: list[tuple[str, str]] = []
    menus.edit_profile.connect(lambda name: chosen.append(("edit", name)))
    menus.delete_profile.connect(lambda name: chosen.append(("delete", name)))
    menus.fill_profiles(["R&D", "Demo portal"], current=None, saved=["R&D"])
    edit = window.findChild(QAction, "editConnectionMenu").menu()
    delete = window.findChild(QAction, "deleteConnectionMenu").menu()
    assert [a.text() for a in edit.actions()] == ["R&&D…"]  # the "&" shown, not a mnemonic
    edit.actions()[0].trigger()
    delete.actions()[0].trigger()
    assert chosen == [("edit", "R&D"), ("delete", "R&D")]
    menus.fill_profiles(["Demo portal"], current=None)
    assert not window.findChild(QAction, "editConnectionMenu").isEnabled()
