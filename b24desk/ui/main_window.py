"""The main window: entity browser | chat pane, profiles menu, status bar and request log."""

from __future__ import annotations

import logging
import time
from urllib.parse import urlsplit

from PySide6.QtCore import QByteArray, Qt, QTimer, QUrl
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QDesktopServices, QKeySequence
from PySide6.QtWidgets import (
    QDockWidget,
    QLabel,
    QMainWindow,
    QMenu,
    QMessageBox,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from b24desk import __version__
from b24desk.api import B24Client
from b24desk.api.events import OK, RequestEvent
from b24desk.api.types import CrmEntityType, CrmRef, Entity, Page
from b24desk.desk.connect import (
    DEMO_PROFILE,
    DemoConnection,
    Probe,
    client_for,
    host_of,
    probe,
    stored_client,
)
from b24desk.desk.desk import Desk
from b24desk.desk.outbox import Outbox
from b24desk.settings.errors import ConfigError
from b24desk.settings.paths import Paths
from b24desk.settings.secrets import SecretStore
from b24desk.settings.store import AppSettings, save_settings

from .aio import TaskRunner, ask, loop_running
from .browser.browser import EntityBrowser
from .chat.pane import ChatPane
from .diagnostics import SessionHistory, open_log_folder, report_for_clipboard, summarise_connection
from .dialogs.connection import ConnectionDialog, ConnectionReport, ConnectionRequest
from .errors import user_text
from .plaintext import plain, visible
from .style import Tone, text_style

LOG_ROWS = 500

log = logging.getLogger(__name__)


class RequestLog(QTableWidget):
    """Method, duration, status and outcome of the latest requests, newest on top."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(0, 5, parent)
        self.setObjectName("requestLog")
        self.setHorizontalHeaderLabels(
            [self.tr("Time"), self.tr("Method"), self.tr("ms"), self.tr("HTTP"), self.tr("Outcome")]
        )
        self.verticalHeader().hide()
        self.horizontalHeader().setStretchLastSection(True)
        self.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)

    def add(self, event: RequestEvent) -> None:
        self.insertRow(0)
        values = (
            time.strftime("%H:%M:%S"),
            event.method,
            f"{event.duration * 1000:.0f}",
            str(event.status or "—"),
            event.outcome + (f" (+{event.retries})" if event.retries else ""),
        )
        for column, value in enumerate(values):
            self.setItem(0, column, QTableWidgetItem(visible(value)))
        if self.rowCount() > LOG_ROWS:
            self.removeRow(self.rowCount() - 1)


class MainWindow(QMainWindow):
    """The supervisor's desk; connects to one profile (or the demo portal) at a time."""

    def __init__(self, settings: AppSettings, paths: Paths, secrets: SecretStore) -> None:
        super().__init__()
        self.setObjectName("mainWindow")
        self.setWindowTitle("b24desk")
        self.settings = settings
        self.paths = paths
        self.secrets = secrets
        self.runner = TaskRunner(self._background_failed)
        self.outbox = Outbox(paths.data_dir / "outbox.json")
        self.desk: Desk | None = None
        self.profile_name: str | None = None
        self.portal_root = ""
        self._client: B24Client | None = None
        self._demo: DemoConnection | None = None
        self._unsubscribe = lambda: None
        self._closing = False
        self._closed = False

        self.browser = EntityBrowser(self._fetch_page, self.runner)
        self.chat_pane = ChatPane(self.runner)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("mainSplitter")
        self.splitter.addWidget(self.browser)
        self.splitter.addWidget(self.chat_pane)
        self.splitter.setStretchFactor(0, 5)
        self.splitter.setStretchFactor(1, 6)
        self.setCentralWidget(self.splitter)

        self.request_log = RequestLog()
        self.diagnostics = SessionHistory()  # what Help → Copy diagnostics reports
        self.log_dock = QDockWidget(self.tr("Requests"), self)
        self.log_dock.setObjectName("requestLogDock")
        self.log_dock.setWidget(self.request_log)
        self.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.log_dock)
        self.log_dock.hide()

        self._build_status_bar()
        self._build_menus()
        self.browser.entity_chosen.connect(self.chat_pane.open_entity)
        self.browser.open_in_portal.connect(self._open_in_portal)
        self.browser.type_changed.connect(self._remember_type)
        self.chat_pane.open_entity_requested.connect(self._open_entity_ref)
        self.chat_pane.status_message.connect(lambda text: self.statusBar().showMessage(text, 5000))
        self._headroom_timer = QTimer(self)
        self._headroom_timer.setInterval(500)
        self._headroom_timer.timeout.connect(lambda *_: self._show_headroom())
        self._restore_layout()

    # ---- chrome ----

    def _build_status_bar(self) -> None:
        bar = self.statusBar()
        self.connection_label = QLabel(self.tr("Not connected"))
        self.connection_label.setObjectName("connectionStatus")
        self.in_flight_label = QLabel()
        self.in_flight_label.setObjectName("inFlightStatus")
        self.headroom_label = QLabel()
        self.headroom_label.setObjectName("headroomStatus")
        self.last_error_label = QLabel()
        self.last_error_label.setObjectName("lastErrorStatus")
        self.last_error_label.setStyleSheet(text_style(Tone.ERROR))
        plain(self.connection_label, self.in_flight_label, self.headroom_label)
        plain(self.last_error_label)
        bar.addWidget(self.connection_label)
        bar.addWidget(self.last_error_label, 1)
        bar.addPermanentWidget(self.in_flight_label)
        bar.addPermanentWidget(self.headroom_label)

    def _build_menus(self) -> None:
        self.connection_menu = self.menuBar().addMenu(self.tr("&Connection"))
        self.profile_group = QActionGroup(self)
        self.profile_group.setExclusive(True)
        self._fill_connection_menu()
        view = self.menuBar().addMenu(self.tr("&View"))
        toggle_log = self.log_dock.toggleViewAction()
        toggle_log.setText(self.tr("Request log"))
        toggle_log.setShortcut(QKeySequence("Ctrl+L"))
        view.addAction(toggle_log)
        refresh = QAction(self.tr("Refresh"), self)
        refresh.setShortcut(QKeySequence.StandardKey.Refresh)
        refresh.triggered.connect(lambda *_: self._refresh())
        view.addAction(refresh)
        self._build_language_menu(view.addMenu(self.tr("Language")))
        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        about = QAction(self.tr("About b24desk"), self)
        about.triggered.connect(lambda *_: self._about())
        help_menu.addAction(about)
        help_menu.addSeparator()
        open_logs = QAction(self.tr("Open log folder"), self)
        open_logs.setObjectName("openLogFolderAction")
        open_logs.triggered.connect(lambda *_: open_log_folder(self.paths.log_dir))
        help_menu.addAction(open_logs)
        copy_diagnostics = QAction(self.tr("Copy diagnostics"), self)
        copy_diagnostics.setObjectName("copyDiagnosticsAction")
        copy_diagnostics.triggered.connect(lambda *_: self._copy_diagnostics())
        help_menu.addAction(copy_diagnostics)

    def _build_language_menu(self, menu: QMenu) -> None:
        menu.menuAction().setObjectName("languageMenu")
        group = QActionGroup(self)
        # Language names stay in their own language, so anyone can find theirs.
        for code, label in (("system", self.tr("System")), ("en", "English"), ("ru", "Русский")):
            action = QAction(label, self, checkable=True)
            action.setObjectName(f"language_{code}")
            action.setChecked(code == self.settings.language)
            action.triggered.connect(lambda *_, c=code: self._set_language(c))
            group.addAction(action)
            menu.addAction(action)

    def _set_language(self, language: str) -> None:
        """Saved for the next start: widgets take their texts when they are built."""
        if language == self.settings.language:
            return
        self.settings.language = language
        self._save_settings()
        self.statusBar().showMessage(
            self.tr("The language will change when b24desk is started again."), 10_000
        )

    def _fill_connection_menu(self) -> None:
        menu = self.connection_menu
        menu.clear()
        for action in self.profile_group.actions():
            self.profile_group.removeAction(action)
        for name in [*self.settings.profiles, DEMO_PROFILE]:
            action = QAction(name, self, checkable=True)
            action.setChecked(name == self.profile_name)
            action.triggered.connect(lambda *_, n=name: self.switch_to(n))
            self.profile_group.addAction(action)
            menu.addAction(action)
        menu.addSeparator()
        new = QAction(self.tr("New connection…"), self)
        new.setObjectName("newConnectionAction")
        new.triggered.connect(lambda *_: self.runner.spawn(self.new_connection()))
        menu.addAction(new)
        menu.addSeparator()
        quit_action = QAction(self.tr("Quit"), self)
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(lambda *_: self.close())
        menu.addAction(quit_action)

    def _about(self) -> None:
        box = QMessageBox(self)
        box.setWindowTitle(self.tr("About b24desk"))
        plain(box)
        box.setText(
            self.tr("b24desk {0}\nA desk for Bitrix24 contact-centre supervisors.").format(
                __version__
            )
        )
        box.open()

    def _copy_diagnostics(self) -> None:
        profile = self.settings.profiles.get(self.profile_name or "")
        connection = summarise_connection(
            self.profile_name, profile, self._client, self.secrets.backend_name
        )
        report_for_clipboard(self.diagnostics, connection, self.paths.log_dir)
        self.statusBar().showMessage(self.tr("Diagnostics copied"), 5000)

    # ---- connecting ----

    def switch_to(self, name: str) -> None:
        if name != self.profile_name:
            self.runner.spawn(self.connect_to(name))

    async def connect_to(self, name: str) -> bool:
        """Connect to a saved profile, or to the demo portal; False (and a message) on failure."""
        await self._disconnect()
        self.connection_label.setText(self.tr("Connecting to {0}…").format(name))
        try:
            if name == DEMO_PROFILE:
                self._demo = DemoConnection()
                client, self.portal_root = self._demo.client, ""
            else:
                profile = self.settings.profiles[name]
                client = stored_client(profile, self.secrets)
                self.portal_root = profile.portal_url.rstrip("/")
            self._client = client
            self.desk = await Desk.connect(client, self.outbox, name)
        except Exception as error:  # shown; the user can pick another profile
            log.warning("Connecting with profile %s failed: %r", name, error)
            await self._disconnect()
            self._show_failure(error)
            self.connection_label.setText(self.tr("Not connected"))
            return False
        self.profile_name = name
        log.info(
            "Connected with profile %s to %s as user %s",
            name,
            urlsplit(self.portal_root).hostname or "the demo portal",
            self.desk.me.id,
        )
        self._unsubscribe = client.subscribe(self._on_request)
        host = self.tr("demo portal") if self._demo else urlsplit(self.portal_root).hostname
        self.connection_label.setText(f"{host} · {visible(self.desk.me.full_name)}")
        self.setWindowTitle(f"b24desk — {name}")
        self.chat_pane.set_desk(self.desk)
        self.browser.start()
        self._headroom_timer.start()
        self.runner.spawn(self._load_names(self.desk))
        if name != DEMO_PROFILE:
            self.settings.last_profile = name
            self._save_settings()
        self._fill_connection_menu()
        return True

    async def _load_names(self, desk: Desk) -> None:
        names = await desk.employee_names()
        if desk is self.desk:
            self.browser.model.set_user_names(names)

    async def _disconnect(self) -> None:
        self._headroom_timer.stop()
        self._unsubscribe()
        self._unsubscribe = lambda: None
        self.desk = None
        self.chat_pane.set_desk(None)
        if self._client is not None and self._demo is None:
            await self._client.aclose()
        if self._demo is not None:
            await self._demo.close()
        self._client, self._demo = None, None

    async def new_connection(self) -> None:
        dialog = ConnectionDialog(self._test_connection, self)
        dialog.set_secrets_note(self.secrets.fallback_note)
        if not await ask(dialog):
            return
        try:
            name = self._save_profile(dialog.request())
        except ConfigError as error:
            self._show_failure(error)
            return
        self._fill_connection_menu()
        await self.connect_to(name)

    async def _test_connection(self, request: ConnectionRequest) -> ConnectionReport:
        profile = request.to_profile()
        client = client_for(profile, request.secrets().get)
        try:
            found: Probe = await probe(client, host_of(profile))
        finally:
            await client.aclose()
        return ConnectionReport(found.user.full_name, found.host, found.scopes)

    def _save_profile(self, request: ConnectionRequest) -> str:
        profile, secrets = request.to_profile(), request.secrets()
        if profile.name in self.settings.profiles:
            self.settings.replace_profile(profile, self.secrets)
        else:
            self.settings.add_profile(profile)
        for kind, value in secrets.items():
            self.secrets.set(profile.name, kind, value)
        self._save_settings()
        return profile.name

    # ---- events ----

    def _on_request(self, event: RequestEvent) -> None:
        self.request_log.add(event)
        self.diagnostics.add_request(event)
        if self._client is not None:
            self.in_flight_label.setText(self.tr("{0} in flight").format(self._client.in_flight))
        if event.outcome != OK:
            self.last_error_label.setText(visible(f"{event.method}: {event.outcome}"))

    def _show_headroom(self) -> None:
        if self._client is None:
            return
        bucket = self._client.bucket
        free = max(0, int(bucket.burst - bucket.level()))
        self.headroom_label.setText(self.tr("rate headroom {0}/{1}").format(free, bucket.burst))
        self.in_flight_label.setText(self.tr("{0} in flight").format(self._client.in_flight))

    def _background_failed(self, error: BaseException) -> None:
        self._show_failure(error)

    def _show_failure(self, error: BaseException) -> None:
        text = user_text(error)
        self.diagnostics.add_error(f"{type(error).__name__}: {text}")
        self.last_error_label.setText(text)
        self.statusBar().showMessage(text, 10_000)

    # ---- actions ----

    async def _fetch_page(
        self, entity_type: CrmEntityType, start: int, order: list[tuple[str, bool]], search: str
    ) -> Page[Entity]:
        if self.desk is None:
            return Page((), 0, None)  # nothing to show until a portal is connected
        return await self.desk.entity_page(entity_type, start, order, search)

    def _open_in_portal(self, entity: Entity) -> None:
        if not self.portal_root:
            self.statusBar().showMessage(self.tr("The demo portal has no web pages to open."), 5000)
            return
        url = f"{self.portal_root}/crm/{entity.type.value}/details/{entity.id}/"
        QDesktopServices.openUrl(QUrl(url))

    def _open_entity_ref(self, ref: CrmRef) -> None:
        self.browser.find(ref.type, ref.id)

    def _refresh(self) -> None:
        self.browser.start()
        self.chat_pane.reload()

    def _remember_type(self, entity_type: str) -> None:
        self.settings.entity_type = entity_type

    # ---- layout memory and shutdown ----

    def _restore_layout(self) -> None:
        if self.settings.window_geometry:
            self.restoreGeometry(QByteArray.fromHex(self.settings.window_geometry.encode()))
        else:
            self.resize(1280, 800)
        sizes = self.settings.splitter_sizes.get(self.splitter.objectName())
        self.splitter.setSizes(sizes or [560, 720])
        pane_sizes = self.settings.splitter_sizes.get(self.chat_pane.splitter.objectName())
        if pane_sizes:
            self.chat_pane.splitter.setSizes(pane_sizes)
        entity_type = CrmEntityType.from_text(self.settings.entity_type or "lead")
        if entity_type is not None:
            self.browser.set_entity_type(entity_type)

    def _save_settings(self) -> None:
        self.settings.window_geometry = bytes(self.saveGeometry().toHex().data()).decode()
        self.settings.splitter_sizes[self.splitter.objectName()] = self.splitter.sizes()
        self.settings.splitter_sizes[self.chat_pane.splitter.objectName()] = (
            self.chat_pane.splitter.sizes()
        )
        self.settings.entity_type = self.browser.entity_type.value
        try:
            save_settings(self.settings, self.paths)
        except ConfigError as error:
            self._show_failure(error)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt's name
        if self._closed or not loop_running():
            # Already shut down, or no loop left to shut down on (e.g. interpreter exit).
            event.accept()
            return
        event.ignore()
        if not self._closing:
            self._closing = True
            self._save_settings()
            self.runner.spawn(self._shutdown())

    async def _shutdown(self) -> None:
        """Close the connection and let pending work finish or cancel, then really close."""
        await self.aclose()
        QTimer.singleShot(0, self.close)

    async def aclose(self) -> None:
        """Cancel whatever is still running and disconnect; closing then needs no loop."""
        if self._closed:
            return
        self._closed = True
        await self.runner.cancel_all()
        await self._disconnect()
