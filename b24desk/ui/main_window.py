"""The main window: entity browser | chat pane, profiles menu, status bar and request log.

The constructor makes only the frame, which paints before the rest of b24desk loads; `build()`
makes the parts (app.py after the first paint, everyone else at once), so their modules are
imported there and in the few methods that need them, not at the top.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QMainWindow

from b24desk.settings.errors import ConfigError
from b24desk.settings.store import save_settings

from . import window_layout
from .language import resolve

if TYPE_CHECKING:
    from b24desk.api.events import RequestEvent
    from b24desk.api.types import CrmEntityType, CrmRef, Entity, Page
    from b24desk.desk.connect import DemoOpener
    from b24desk.desk.desk import Desk
    from b24desk.desk.session import Session
    from b24desk.settings.paths import Paths
    from b24desk.settings.secrets import SecretStore
    from b24desk.settings.store import AppSettings

log = logging.getLogger(__name__)


class MainWindow(QMainWindow):
    """The supervisor's desk; connects to one profile (or the demo portal) at a time."""

    def __init__(
        self,
        settings: AppSettings,
        paths: Paths,
        secrets: SecretStore,
        demo: DemoOpener | None = None,
        *,
        build: bool = True,
    ) -> None:
        """The frame at its remembered size; with `build=False` it stays empty until
        `build()`, so that it can paint before the parts load."""
        super().__init__()
        self.setObjectName("mainWindow")
        self.setWindowTitle("b24desk")
        self.settings = settings
        self.paths = paths
        self.secrets = secrets
        self._demo = demo
        self.session: Session | None = None
        self.profile_name: str | None = None
        self.restart_requested = False  # app.py starts b24desk again once this window closed
        self._started_language = settings.language  # the texts on show are in this one
        self._built = False
        self._closing = False
        self._closed = False
        window_layout.restore_geometry(self, settings)
        if build:
            self.build()

    def build(self) -> None:
        """The parts: browser, chat pane, docks, status bar and menus; they read the outbox
        and drafts files. Once, with the language installed (widgets take their texts now)."""
        from b24desk.api.types import CrmEntityType
        from b24desk.desk.connect import Connections
        from b24desk.desk.diagnostics import SessionHistory
        from b24desk.desk.drafts import Drafts
        from b24desk.desk.links import entity_path
        from b24desk.desk.outbox import Outbox
        from b24desk.desk.tasks import TaskScope

        from .live_desk import LiveDesk
        from .portal_pages import PortalPages
        from .profile_actions import ProfileActions
        from .watch import Watching
        from .window_parts import lay_out

        assert not self._built, "the window is built once"
        self._built = True
        paths, settings, secrets = self.paths, self.settings, self.secrets
        self.runner = TaskScope(self._background_failed)
        outbox = Outbox(paths.data_dir / "outbox.json")
        drafts = Drafts(paths.data_dir / "drafts.json")
        set_aside = [*settings.set_aside, *secrets.set_aside, *outbox.set_aside, *drafts.set_aside]
        profiles = lambda: self.settings.profiles  # noqa: E731 - read anew at each connect
        self.connections = Connections(
            profiles,
            secrets,
            outbox,
            drafts,
            self._demo,
            data_dir=paths.data_dir,
            local_index=lambda: self.settings.local_index,
        )
        self.pages = PortalPages(self)  # the connected portal's web pages
        self.diagnostics = SessionHistory()  # what Help → Copy diagnostics reports
        parts = lay_out(self, self._fetch_page, self.runner, self.pages, self._client_names)
        self.browser, self.chat_pane, self.splitter = parts.browser, parts.chat_pane, parts.splitter
        self.restart_bar, self.request_log = parts.restart_bar, parts.request_log
        self.log_dock, self.activity, self.status = parts.log_dock, parts.activity, parts.status
        self.restart_bar.restart.connect(self.restart)
        self.activity.open_requested.connect(
            lambda ref, chat_id: self.runner.spawn(self._open_entity_ref(ref, chat_id))
        )
        self.status.stop_waiting.connect(self._stop_waiting)
        self.live_desk = LiveDesk(self.chat_pane, self.activity, self.status)
        self.profile_actions = ProfileActions(self, self)
        self._build_menus()
        self.watching = Watching(self.live_desk, self.menus, self)  # notifications too
        self.watching.remember(self.settings, self._save_settings)
        self.watching.open_requested.connect(lambda *_: self.bring_to_front())
        self.watching.open_requested.connect(self.activity.open_requested)  # the same opening
        self.browser.entity_chosen.connect(self.chat_pane.open_entity)
        self.browser.open_in_portal.connect(lambda e: self.pages.open(entity_path(e.ref)))
        self.pages.notice.connect(lambda text: self.status.showMessage(text, 10_000))
        self.browser.type_changed.connect(self._remember_type)
        self.chat_pane.open_entity_requested.connect(
            lambda ref: self.runner.spawn(self._open_entity_ref(ref))
        )
        self.chat_pane.status_message.connect(lambda text: self.status.showMessage(text, 5000))
        self.chat_pane.succeeded.connect(self.status.clear_failure)
        self._headroom_timer = QTimer(self)
        self._headroom_timer.setInterval(500)
        self._headroom_timer.timeout.connect(lambda *_: self._show_headroom())
        window_layout.restore_docks(self, self.settings, (self.activity,))
        window_layout.restore_splitters(self.settings, self._splitters())
        entity_type = CrmEntityType.from_text(self.settings.entity_type or "lead")
        if entity_type is not None:
            self.browser.set_entity_type(entity_type)
        self.status.show_set_aside(set_aside)

    @property
    def desk(self) -> Desk | None:
        return self.session.desk if self.session is not None else None

    # ---- chrome ----

    def _build_menus(self) -> None:
        from .bulk import connect_bulk
        from .diagnostics import open_log_folder
        from .keyboard import connect_keyboard
        from .menus import Menus

        self.menus = Menus(
            self.menuBar(),
            self.log_dock.toggleViewAction(),
            self.activity.toggleViewAction(),
            self.settings.language,
            self,
        )
        self.menus.profile_chosen.connect(self.switch_to)
        self.menus.new_connection.connect(lambda: self.runner.spawn(self.new_connection()))
        self.menus.edit_profile.connect(lambda n: self.runner.spawn(self.profile_actions.edit(n)))
        self.menus.delete_profile.connect(
            lambda n: self.runner.spawn(self.profile_actions.edit(n, delete=True))
        )
        self.menus.forget_local_data.connect(lambda: self.runner.spawn(self.forget_local_data()))
        self.menus.quit.connect(self.close)
        self.menus.refresh.connect(self._refresh)
        self.menus.language_chosen.connect(self._set_language)
        self.menus.open_log_folder.connect(lambda: open_log_folder(self.paths.log_dir))
        self.menus.copy_diagnostics.connect(self._copy_diagnostics)
        self._fill_connection_menu()
        connect_keyboard(self, self.menus, self.browser, self.chat_pane)
        tell = lambda text: self.status.showMessage(text, 5000)  # noqa: E731
        connect_bulk(self, self.menus, self.browser, self.runner, lambda: self.desk, tell)

    def _set_language(self, code: str) -> None:
        """Saved; a restart offered when the texts would change (widgets take theirs when built)."""
        if code != self.settings.language:
            self.settings.language = code
            self._save_settings()
        self.restart_bar.setVisible(resolve(code) != resolve(self._started_language))

    def _fill_connection_menu(self) -> None:
        names, saved = self.connections.names(), self.settings.profiles
        self.menus.fill_profiles(names, self.profile_name, saved=saved)

    def _copy_diagnostics(self) -> None:
        from b24desk.desk.diagnostics import summarise_connection

        from .diagnostics import report_for_clipboard

        profile = self.settings.profiles.get(self.profile_name or "")
        client = self.session.client if self.session is not None else None
        connection = summarise_connection(
            self.profile_name, profile, client, self.secrets.backend_name
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
        self.status.clear_failure()  # a new connection: the old one's troubles are gone
        self.status.show_connecting(name)
        try:
            session = await self.connections.open(name)
        except Exception as error:  # shown; the user can pick another profile
            log.warning("Connecting with profile %s failed: %r", name, error)
            self._show_failure(error)
            self.status.show_disconnected()
            return False
        self.session, self.profile_name = session, name
        profile = self.settings.profiles.get(name)
        self.pages.root = profile.portal_url.rstrip("/") if profile else ""
        log.info(
            "Connected with profile %s to %s as user %s",
            name,
            session.host or "the demo portal",
            session.desk.me.id,
        )
        session.subscribe(self._on_request)
        host = session.host or self.tr("demo portal")
        self.status.show_connected(host, session.desk.me.full_name)
        self.setWindowTitle(f"b24desk — {name}")
        self.chat_pane.set_desk(session.desk)
        self.browser.start()
        self._headroom_timer.start()
        session.scope.spawn(self._load_names(session), name="employee names")
        self.live_desk.attach(session)
        self.watching.attach(self.paths.data_dir, name)
        if profile is not None:
            self.settings.last_profile = name
            self._save_settings()
        self._fill_connection_menu()
        return True

    async def _load_names(self, session: Session) -> None:
        """Names the browser shows for IDs and codes (statuses': last start's, then today's)."""
        employees, statuses = await session.names(self.browser.model.set_status_names)
        if session is self.session:
            self.browser.model.set_user_names(employees)
            self.browser.model.set_status_names(statuses)

    async def _disconnect(self) -> None:
        self._headroom_timer.stop()
        self.status.show_wait(None)
        self.status.show_index(None)
        session, self.session = self.session, None
        self.chat_pane.set_desk(None)
        self.live_desk.detach()
        await self.watching.detach()
        if session is not None:
            await session.close()

    async def disconnect_portal(self) -> None:
        """Leave the portal: no profile connected, nothing of it shown."""
        await self._disconnect()
        self.profile_name, self.portal_root = None, ""
        self.setWindowTitle("b24desk")
        self.status.show_disconnected()
        self.browser.start()  # with no desk the list is empty

    async def new_connection(self) -> None:
        await self.profile_actions.new()

    # ---- events ----

    def _on_request(self, event: RequestEvent) -> None:
        # Method names and outcomes belong in the request log; failures that concern the
        # supervisor reach the window from the action that met them, in plain words.
        self.request_log.add(event)
        self.diagnostics.add_request(event)
        if self.session is not None:
            self.status.show_in_flight(self.session.client.in_flight)

    def _show_headroom(self) -> None:
        if self.session is None:
            return
        status = self.session.status()
        self.status.show_headroom(status.headroom, status.burst)
        self.status.show_in_flight(status.in_flight)
        self.status.show_wait(status.waiting_until)
        self.status.show_index(status.index)

    def _stop_waiting(self) -> None:
        if self.session is not None and self.session.cancel_waits():
            self.status.show_wait(None)
            self.status.showMessage(self.tr("Stopped waiting; try again later."), 10_000)

    def _background_failed(self, error: BaseException) -> None:
        self._show_failure(error)

    def _show_failure(self, error: BaseException) -> None:
        from .errors import user_text

        text = user_text(error)
        self.diagnostics.add_error(f"{type(error).__name__}: {text}")
        self.status.show_failure(text)

    # ---- actions ----

    async def _fetch_page(
        self, entity_type: CrmEntityType, start: int, order: list[tuple[str, bool]], search: str
    ) -> Page[Entity]:
        from b24desk.api.types import Page

        if self.desk is None:
            return Page((), 0, None)  # nothing to show until a portal is connected
        return await self.desk.entity_page(entity_type, start, order, search)

    async def _client_names(self, refs: set[CrmRef]) -> dict[CrmRef, str]:
        return await self.desk.client_names(refs) if self.desk is not None else {}

    async def forget_local_data(self) -> None:
        """Connection → Forget local data: empty this profile's index, then index it again."""
        session = self.session
        if session is None or not await session.forget_local_data():
            self.status.showMessage(self.tr("This connection keeps no local data."), 5000)
            return
        self.browser.start()  # its pages may have come from the index
        self.status.showMessage(self.tr("Local data forgotten; indexing again."), 5000)

    async def _open_entity_ref(self, ref: CrmRef, chat_id: int | None = None) -> None:
        """Open `ref` in the pane (with a way back); the browser keeps its list and search."""
        if self.desk is None:
            return
        try:
            entity = await self.desk.get_entity(ref)
        except Exception as error:
            self.chat_pane.show_error(error)
            return
        self.chat_pane.open_entity(entity, remember_back=True, chat_id=chat_id)

    def _refresh(self) -> None:
        self.browser.refresh()
        self.chat_pane.reload()

    def _remember_type(self, entity_type: str) -> None:
        self.settings.entity_type = entity_type

    # ---- layout memory and shutdown ----

    def _splitters(self) -> window_layout.Splitters:
        return [(self.splitter, [560, 720]), (self.chat_pane.splitter, None)]

    def _save_settings(self) -> None:
        window_layout.remember(self, self.settings, self._splitters())
        self.settings.entity_type = self.browser.entity_type.value
        try:
            save_settings(self.settings, self.paths)
        except ConfigError as error:
            self._show_failure(error)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt's name
        from .aio import loop_running

        if self._closed or not self._built or not loop_running():
            # Already shut down, nothing built yet, or no loop left to shut down on (e.g.
            # interpreter exit).
            event.accept()
            return
        event.ignore()
        if not self._closing:
            self._closing = True
            self._save_settings()
            self.runner.spawn(self._shutdown())

    def restart(self) -> None:
        """Close as usual; app.py then starts b24desk again (see ui/restart.py)."""
        self.restart_requested = True
        self.close()

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
