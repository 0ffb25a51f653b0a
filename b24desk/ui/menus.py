"""The window's menus: connection profiles, view, language and help; they only emit signals."""

from __future__ import annotations

from collections.abc import Collection, Iterable

from PySide6.QtCore import QObject, Signal, SignalInstance
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QMenu, QMenuBar, QMessageBox, QWidget

from b24desk import __version__
from b24desk.ui.plaintext import plain

# Language names stay in their own language, so anyone can find theirs ("system" is translated).
LANGUAGES = (("system", ""), ("en", "English"), ("ru", "Русский"))


class Menus(QObject):
    """Builds the menu bar's menus; the window connects their signals to what they do."""

    profile_chosen = Signal(str)
    new_connection = Signal()
    edit_profile = Signal(str)
    delete_profile = Signal(str)
    forget_local_data = Signal()
    quit = Signal()
    refresh = Signal()
    language_chosen = Signal(str)
    open_log_folder = Signal()
    copy_diagnostics = Signal()

    def __init__(self, bar: QMenuBar, toggle_log: QAction, language: str, parent: QWidget) -> None:
        super().__init__(parent)
        self._window = parent
        self.connection_menu = bar.addMenu(self.tr("&Connection"))
        self.profile_group = QActionGroup(self)
        self.profile_group.setExclusive(True)
        # Built once: the Connection menu is refilled, and clear() would not delete them.
        self.edit_menu = self._profile_menu(self.tr("&Edit connection"), "editConnectionMenu")
        self.delete_menu = self._profile_menu(self.tr("&Delete connection"), "deleteConnectionMenu")
        view = bar.addMenu(self.tr("&View"))
        toggle_log.setText(self.tr("Request log"))
        toggle_log.setShortcut(QKeySequence("Ctrl+L"))
        view.addAction(toggle_log)
        refresh = self._action(self.tr("Refresh"), self.refresh)
        refresh.setShortcut(QKeySequence.StandardKey.Refresh)
        view.addAction(refresh)
        self._build_language_menu(view.addMenu(self.tr("Language")), language)
        help_menu = bar.addMenu(self.tr("&Help"))
        about = QAction(self.tr("About b24desk"), self)
        about.triggered.connect(lambda *_: self._about())
        help_menu.addAction(about)
        help_menu.addSeparator()
        help_menu.addAction(
            self._action(self.tr("Open log folder"), self.open_log_folder, "openLogFolderAction")
        )
        help_menu.addAction(
            self._action(
                self.tr("Copy diagnostics"), self.copy_diagnostics, "copyDiagnosticsAction"
            )
        )

    def _action(self, text: str, signal: SignalInstance, name: str = "") -> QAction:
        action = QAction(text, self)
        if name:
            action.setObjectName(name)
        action.triggered.connect(lambda *_: signal.emit())
        return action

    def _build_language_menu(self, menu: QMenu, current: str) -> None:
        menu.menuAction().setObjectName("languageMenu")
        group = QActionGroup(self)
        for code, label in LANGUAGES:
            action = QAction(label or self.tr("System"), self, checkable=True)
            action.setObjectName(f"language_{code}")
            action.setChecked(code == current)
            action.triggered.connect(lambda *_, c=code: self.language_chosen.emit(c))
            group.addAction(action)
            menu.addAction(action)

    def fill_profiles(
        self, names: Iterable[str], current: str | None, saved: Collection[str] = ()
    ) -> None:
        """List the profiles (the current one checked), New connection…, Edit and Delete
        for the `saved` ones, and Quit."""
        menu = self.connection_menu
        menu.clear()
        for action in self.profile_group.actions():
            self.profile_group.removeAction(action)
        for name in names:
            action = QAction(name, self, checkable=True)
            action.setChecked(name == current)
            action.triggered.connect(lambda *_, n=name: self.profile_chosen.emit(n))
            self.profile_group.addAction(action)
            menu.addAction(action)
        menu.addSeparator()
        menu.addAction(
            self._action(self.tr("New connection…"), self.new_connection, "newConnectionAction")
        )
        self._list_profiles(self.edit_menu, self.edit_profile, saved)
        self._list_profiles(self.delete_menu, self.delete_profile, saved)
        menu.addAction(
            self._action(
                self.tr("Forget local data"), self.forget_local_data, "forgetLocalDataAction"
            )
        )
        menu.addSeparator()
        quit_action = self._action(self.tr("Quit"), self.quit)
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        menu.addAction(quit_action)

    def _profile_menu(self, title: str, name: str) -> QMenu:
        menu = QMenu(title, self._window)
        menu.menuAction().setObjectName(name)
        return menu

    def _list_profiles(
        self, submenu: QMenu, signal: SignalInstance, profiles: Collection[str]
    ) -> None:
        """Name each saved profile in `submenu`; choosing one emits `signal` with it."""
        submenu.clear()
        submenu.setEnabled(bool(profiles))
        for profile in profiles:
            action = submenu.addAction(profile.replace("&", "&&") + "…")  # "&" is no mnemonic
            action.triggered.connect(lambda *_, p=profile: signal.emit(p))
        self.connection_menu.addMenu(submenu)

    def _about(self) -> None:
        box = QMessageBox(self._window)
        box.setWindowTitle(self.tr("About b24desk"))
        plain(box)
        box.setText(
            self.tr("b24desk {0}\nA desk for Bitrix24 contact-centre supervisors.").format(
                __version__
            )
        )
        box.open()
