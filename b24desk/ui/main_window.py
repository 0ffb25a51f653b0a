"""The main window: entity browser | chat pane, profiles menu, status bar and request log."""

from __future__ import annotations

import logging
from urllib.parse import urlsplit

from PySide6.QtCore import QByteArray, Qt, QTimer, QUrl
from PySide6.QtGui import QCloseEvent, QDesktopServices
from PySide6.QtWidgets import (
    QDockWidget,
    QMainWindow,
    QSplitter,
)

from b24desk.api import B24Client
from b24desk.api.events import RequestEvent
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
from .dialogs.connection import ConnectionDialog
from .dialogs.connection_entry import ConnectionReport, ConnectionRequest
from .errors import user_text
from .menus import Menus
from .request_log import RequestLog
from .status_bar import StatusBar

log = logging.getLogger(__name__)


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

        self.status = StatusBar(self)
        self.setStatusBar(self.status)
        self._build_menus()
        self.browser.entity_chosen.connect(self.chat_pane.open_entity)
        self.browser.open_in_portal.connect(self._open_in_portal)
        self.browser.type_changed.connect(self._remember_type)
        self.chat_pane.open_entity_requested.connect(self._open_entity_ref)
        self.chat_pane.status_message.connect(lambda text: self.status.showMessage(text, 5000))
        self._headroom_timer = QTimer(self)
        self._headroom_timer.setInterval(500)
        self._headroom_timer.timeout.connect(lambda *_: self._show_headroom())
        self._restore_layout()

    # ---- chrome ----

    def _build_menus(self) -> None:
        self.menus = Menus(
            self.menuBar(), self.log_dock.toggleViewAction(), self.settings.language, self
        )
        self.menus.profile_chosen.connect(self.switch_to)
        self.menus.new_connection.connect(lambda: self.runner.spawn(self.new_connection()))
        self.menus.quit.connect(self.close)
        self.menus.refresh.connect(self._refresh)
        self.menus.language_chosen.connect(self._set_language)
        self.menus.open_log_folder.connect(lambda: open_log_folder(self.paths.log_dir))
        self.menus.copy_diagnostics.connect(self._copy_diagnostics)
        self._fill_connection_menu()

    def _set_language(self, language: str) -> None:
        """Saved for the next start: widgets take their texts when they are built."""
        if language == self.settings.language:
            return
        self.settings.language = language
        self._save_settings()
        self.status.showMessage(
            self.tr("The language will change when b24desk is started again."), 10_000
        )

    def _fill_connection_menu(self) -> None:
        self.menus.fill_profiles([*self.settings.profiles, DEMO_PROFILE], self.profile_name)

    def _copy_diagnostics(self) -> None:
        profile = self.settings.profiles.get(self.profile_name or "")
        connection = summarise_connection(
            self.profile_name, profile, self._client, self.secrets.backend_name
        )
        report_for_clipboard(self.diagnostics, connection, self.paths.log_dir)
        self.status.showMessage(self.tr("Diagnostics copied"), 5000)

    # ---- connecting ----

    def switch_to(self, name: str) -> None:
        if name != self.profile_name:
            self.runner.spawn(self.connect_to(name))

    async def connect_to(self, name: str) -> bool:
        """Connect to a saved profile, or to the demo portal; False (and a message) on failure."""
        await self._disconnect()
        self.status.show_connecting(name)
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
            self.status.show_disconnected()
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
        self.status.show_connected(host or "", self.desk.me.full_name)
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
            self.status.show_in_flight(self._client.in_flight)
        self.status.show_outcome(event)

    def _show_headroom(self) -> None:
        if self._client is None:
            return
        bucket = self._client.bucket
        free = max(0, int(bucket.burst - bucket.level()))
        self.status.show_headroom(free, bucket.burst)
        self.status.show_in_flight(self._client.in_flight)

    def _background_failed(self, error: BaseException) -> None:
        self._show_failure(error)

    def _show_failure(self, error: BaseException) -> None:
        text = user_text(error)
        self.diagnostics.add_error(f"{type(error).__name__}: {text}")
        self.status.show_failure(text)

    # ---- actions ----

    async def _fetch_page(
        self, entity_type: CrmEntityType, start: int, order: list[tuple[str, bool]], search: str
    ) -> Page[Entity]:
        if self.desk is None:
            return Page((), 0, None)  # nothing to show until a portal is connected
        return await self.desk.entity_page(entity_type, start, order, search)

    def _open_in_portal(self, entity: Entity) -> None:
        if not self.portal_root:
            self.status.showMessage(self.tr("The demo portal has no web pages to open."), 5000)
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

    def bring_to_front(self) -> None:
        """Another start of b24desk on this home folder handed over to this window."""
        if self.isMinimized():
            self.showNormal()
        self.show()
        self.raise_()
        self.activateWindow()

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
