"""The window's menus: connection profiles, view, chat, language and help; they only emit signals.

Every item has an Alt mnemonic, unique within its menu; keys come from ui/shortcuts.py.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable

from PySide6.QtCore import QObject, Signal, SignalInstance
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QMenu, QMenuBar, QMessageBox, QWidget

from b24desk import __version__
from b24desk.ui import shortcuts
from b24desk.ui.plaintext import plain
from b24desk.ui.shortcuts import Shortcut

# Language names stay in their own language, so anyone can find theirs ("system" is translated).
LANGUAGES = (("system", ""), ("en", "&English"), ("ru", "&Русский"))


class Menus(QObject):
    """Builds the menu bar's menus; the window connects their signals to what they do."""

    profile_chosen = Signal(str)
    new_connection = Signal()
    edit_profile = Signal(str)
    delete_profile = Signal(str)
    forget_local_data = Signal()
    quit = Signal()
    refresh = Signal()
    find = Signal()
    next_pane = Signal()
    previous_pane = Signal()
    join = Signal()
    add_participant = Signal()
    create_lead = Signal()
    take_over = Signal()
    transfer = Signal()
    finish_session = Signal()
    rate_session = Signal()
    pin_session = Signal()
    watch_chat = Signal()  # the chat on show: watch it or stop watching it
    notifications = Signal(bool)  # desktop notifications for watched chats on or off
    bulk = Signal(str)  # a desk.bulk.BulkAction value: over the browser's selected rows
    language_chosen = Signal(str)
    show_shortcuts = Signal()
    open_log_folder = Signal()
    copy_diagnostics = Signal()

    def __init__(
        self,
        bar: QMenuBar,
        toggle_log: QAction,
        toggle_activity: QAction,
        language: str,
        parent: QWidget,
    ) -> None:
        super().__init__(parent)
        self._window = parent
        self.connection_menu = bar.addMenu(self.tr("&Connection"))
        self.profile_group = QActionGroup(self)
        self.profile_group.setExclusive(True)
        # Built once: the Connection menu is refilled, and clear() would not delete them.
        self.edit_menu = self._profile_menu(self.tr("&Edit connection"), "editConnectionMenu")
        self.delete_menu = self._profile_menu(self.tr("&Delete connection"), "deleteConnectionMenu")
        view = bar.addMenu(self.tr("&View"))
        view.addAction(self._action(self.tr("&Find"), self.find, shortcuts.FIND))
        view.addAction(self._action(self.tr("&Next pane"), self.next_pane, shortcuts.NEXT_PANE))
        view.addAction(
            self._action(self.tr("&Previous pane"), self.previous_pane, shortcuts.PREVIOUS_PANE)
        )
        view.addSeparator()
        toggle_log.setText(self.tr("Request &log"))
        toggle_log.setObjectName(shortcuts.REQUEST_LOG.name)
        toggle_log.setShortcut(shortcuts.REQUEST_LOG.sequence())
        view.addAction(toggle_log)
        toggle_activity.setText(self.tr("&Activity"))
        toggle_activity.setObjectName(shortcuts.ACTIVITY.name)
        toggle_activity.setShortcut(shortcuts.ACTIVITY.sequence())
        view.addAction(toggle_activity)
        self.notifications_action = QAction(self.tr("&Desktop notifications"), self, checkable=True)
        self.notifications_action.setObjectName("notificationsAction")
        self.notifications_action.setToolTip(
            self.tr("A notification when a customer writes in a chat you watch")
        )
        self.notifications_action.triggered.connect(lambda on: self.notifications.emit(bool(on)))
        view.addAction(self.notifications_action)
        view.addAction(self._action(self.tr("&Refresh"), self.refresh, shortcuts.REFRESH))
        self._build_language_menu(view.addMenu(self.tr("Lan&guage")), language)
        self.chat_menu = chat = bar.addMenu(self.tr("Cha&t"))
        chat.addAction(self._action(self.tr("&Join"), self.join, shortcuts.JOIN))
        chat.addAction(
            self._action(
                self.tr("&Add participant…"), self.add_participant, shortcuts.ADD_PARTICIPANT
            )
        )
        chat.addAction(
            self._action(self.tr("Create &lead…"), self.create_lead, shortcuts.CREATE_LEAD)
        )
        chat.addSeparator()
        session_items = (
            (self.tr("&Take over"), self.take_over, shortcuts.TAKE_OVER),
            (self.tr("T&ransfer…"), self.transfer, shortcuts.TRANSFER),
            (self.tr("&Finish session…"), self.finish_session, shortcuts.FINISH),
            (self.tr("Ratin&g…"), self.rate_session, shortcuts.RATE),
            (self.tr("&Pin or unpin"), self.pin_session, shortcuts.PIN),
        )
        for text, signal, key in session_items:
            chat.addAction(self._action(text, signal, key))
        chat.addSeparator()
        self.watch_action = self._action(
            self.tr("&Watch this chat"), self.watch_chat, shortcuts.WATCH
        )
        self.watch_action.setCheckable(True)
        self.watch_action.setEnabled(False)  # until a chat is on show
        chat.addAction(self.watch_action)
        self._build_bulk_menu(chat)
        help_menu = bar.addMenu(self.tr("&Help"))
        help_menu.addAction(
            self._action(self.tr("&Keyboard shortcuts"), self.show_shortcuts, shortcuts.SHEET)
        )
        about = QAction(self.tr("&About b24desk"), self)
        about.triggered.connect(lambda *_: self._about())
        help_menu.addAction(about)
        help_menu.addSeparator()
        help_menu.addAction(
            self._action(self.tr("Open log &folder"), self.open_log_folder, "openLogFolderAction")
        )
        help_menu.addAction(
            self._action(
                self.tr("&Copy diagnostics"), self.copy_diagnostics, "copyDiagnosticsAction"
            )
        )

    def _action(self, text: str, signal: SignalInstance, key: Shortcut | str = "") -> QAction:
        """An item emitting `signal`; `key` is its shortcut (and name), or only its name."""
        action = QAction(text, self)
        if isinstance(key, Shortcut):
            action.setObjectName(key.name)
            action.setShortcut(key.sequence())
        elif key:
            action.setObjectName(key)
        action.triggered.connect(lambda *_: signal.emit())
        return action

    def _build_bulk_menu(self, chat: QMenu) -> None:
        """Participants over the chats of every entity selected in the browser."""
        chat.addSeparator()
        menu = chat.addMenu(self.tr("&Bulk: selected entities"))
        menu.menuAction().setObjectName("bulkMenu")
        for action, text in (
            ("add", self.tr("&Add participant…")),
            ("remove", self.tr("&Remove participant…")),
            ("join", self.tr("&Join all")),
        ):
            item = QAction(text, self)
            item.setObjectName(f"bulk_{action}")
            item.triggered.connect(lambda *_, a=action: self.bulk.emit(a))
            menu.addAction(item)

    def _build_language_menu(self, menu: QMenu, current: str) -> None:
        menu.menuAction().setObjectName("languageMenu")
        group = QActionGroup(self)
        for code, label in LANGUAGES:
            action = QAction(label or self.tr("&System"), self, checkable=True)
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
            # A "&" in a profile name is a character, not a mnemonic.
            action = QAction(name.replace("&", "&&"), self, checkable=True)
            action.setChecked(name == current)
            action.triggered.connect(lambda *_, n=name: self.profile_chosen.emit(n))
            self.profile_group.addAction(action)
            menu.addAction(action)
        menu.addSeparator()
        menu.addAction(
            self._action(self.tr("&New connection…"), self.new_connection, "newConnectionAction")
        )
        self._list_profiles(self.edit_menu, self.edit_profile, saved)
        self._list_profiles(self.delete_menu, self.delete_profile, saved)
        menu.addAction(
            self._action(
                self.tr("&Forget local data"), self.forget_local_data, "forgetLocalDataAction"
            )
        )
        menu.addSeparator()
        menu.addAction(self._action(self.tr("&Quit"), self.quit, shortcuts.QUIT))

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
