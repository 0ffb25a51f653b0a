"""Connection → New, Edit and Delete: the dialogs for saved profiles, their settings and
secrets, and reconnecting or disconnecting the window when its own profile changes."""

from __future__ import annotations

import logging
from collections.abc import Mapping
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from b24desk.desk.connect import Probe, client_for, host_of, probe
from b24desk.settings.errors import ConfigError
from b24desk.settings.profiles import RATE_PLANS, Profile, ProfileKind, SecretKind, webhook_url_with

from .aio import ask
from .dialogs.connection_entry import CUSTOM_RATE_PLAN, ConnectionReport, ConnectionRequest

if TYPE_CHECKING:
    from b24desk.desk.connect import Connections
    from b24desk.settings.secrets import SecretStore
    from b24desk.settings.store import AppSettings

    from .status_bar import StatusBar


class Window(Protocol):
    """What of the main window the profile actions use (typed here: no import cycle)."""

    settings: AppSettings
    secrets: SecretStore
    connections: Connections
    status: StatusBar
    profile_name: str | None

    async def connect_to(self, name: str) -> bool: ...
    async def disconnect_portal(self) -> None: ...
    def _show_failure(self, error: BaseException) -> None: ...
    def _save_settings(self) -> None: ...
    def _fill_connection_menu(self) -> None: ...


log = logging.getLogger(__name__)


class ProfileActions:
    """What the Connection menu does to saved profiles, on behalf of the main window."""

    def __init__(self, window: Window, parent: QWidget) -> None:
        """`parent` (the window itself) owns the dialogs."""
        self._window = window
        self._parent = parent

    async def new(self) -> None:
        from .dialogs.connection import ConnectionDialog  # built only when asked for

        window = self._window
        dialog = ConnectionDialog(self.test, self._parent, taken_names=window.settings.profiles)
        dialog.set_secrets_note(window.secrets.fallback_note)
        if await ask(dialog):
            await self._save_and_connect(dialog.request(), dialog.renewed)

    async def edit(self, name: str, *, delete: bool = False) -> None:
        """Edit a saved profile; with `delete`, the dialog opens asking to delete it."""
        from .dialogs.connection_edit import DELETED, EditConnectionDialog

        window = self._window
        profile = window.settings.profiles.get(name)
        if profile is None:
            return
        saved = self._saved_entry(profile)
        dialog = EditConnectionDialog(
            self.test, saved, self._parent, taken_names=window.settings.profiles, delete=delete
        )
        dialog.set_secrets_note(window.secrets.fallback_note)
        result = await ask(dialog)
        if result == DELETED:
            await self.delete(name)
        elif result:
            await self._save_and_connect(dialog.request(), dialog.renewed, old_name=name)
        elif dialog.renewed and dialog.request().refresh_token == saved.refresh_token:
            # The test spent the saved single-use refresh token: keep what replaced it.
            self._store_secrets(name, dialog.renewed)

    async def delete(self, name: str) -> None:
        """Forget a profile and its secrets; disconnect first when it is the connected one."""
        window = self._window
        if name == window.profile_name:
            await window.disconnect_portal()
        try:
            window.settings.remove_profile(name, window.secrets)
        except ConfigError as error:
            window._show_failure(error)
            return
        window._save_settings()
        window.connections.forget_caches(name)
        window._fill_connection_menu()
        text = QCoreApplication.translate(
            "ProfileActions", "Connection “{name}” deleted, with its saved secrets."
        ).format(name=name)
        window.status.showMessage(text, 10_000)

    async def test(self, request: ConnectionRequest) -> ConnectionReport:
        """The dialog's "Test connection": user.current and scope with what was entered."""
        profile = request.to_profile()
        renewed: dict[SecretKind, str] = {}

        def keep(tokens: object) -> None:
            renewed[SecretKind.ACCESS_TOKEN] = getattr(tokens, "access_token", "")
            renewed[SecretKind.REFRESH_TOKEN] = getattr(tokens, "refresh_token", "")

        client = client_for(profile, request.secrets().get, keep)
        try:
            found: Probe = await probe(client, host_of(profile))
        finally:
            await client.aclose()
        return ConnectionReport(found.user.full_name, found.host, found.scopes, renewed)

    # --- helpers --------------------------------------------------------------------------

    def _saved_entry(self, profile: Profile) -> ConnectionRequest:
        """The profile as the dialog's entry, with its stored secrets (never shown)."""
        secret = self._window.secrets.get
        plan = next((k for k, v in RATE_PLANS.items() if v == profile.rate_limit), None)
        webhook = profile.kind is ProfileKind.WEBHOOK
        code = secret(profile.name, SecretKind.WEBHOOK_CODE) if webhook else None
        return ConnectionRequest(
            profile.name,
            profile.kind,
            plan or CUSTOM_RATE_PLAN,
            webhook_url=webhook_url_with(profile, code) if code else "",
            portal_url="" if webhook else profile.portal_url,
            client_id=profile.client_id,
            client_secret=secret(profile.name, SecretKind.CLIENT_SECRET) or "",
            refresh_token=secret(profile.name, SecretKind.REFRESH_TOKEN) or "",
            custom_rate=None if plan else profile.rate_limit,
        )

    async def _save_and_connect(
        self, request: ConnectionRequest, renewed: Mapping[SecretKind, str], old_name: str = ""
    ) -> None:
        window = self._window
        was_connected = bool(old_name) and old_name == window.profile_name
        renamed = bool(old_name) and old_name != request.name
        if renamed and was_connected:
            await window.disconnect_portal()  # its index file moves with the name
        try:
            name = self._save(request, renewed, old_name)
        except ConfigError as error:
            window._show_failure(error)
            if renamed and was_connected:
                await window.connect_to(old_name)
            return
        if renamed:
            window.connections.move_caches(old_name, name)
        window._fill_connection_menu()
        if not old_name or was_connected:
            await window.connect_to(name)

    def _save(
        self, request: ConnectionRequest, renewed: Mapping[SecretKind, str], old_name: str
    ) -> str:
        window = self._window
        settings, profile = window.settings, request.to_profile()
        if old_name and old_name != profile.name:
            settings.rename_profile(old_name, profile.name, window.secrets)
            if window.profile_name == old_name:
                window.profile_name = profile.name
        if profile.name in settings.profiles:
            settings.replace_profile(profile, window.secrets)
        else:
            settings.add_profile(profile)
        self._store_secrets(profile.name, {**request.secrets(), **renewed})
        window._save_settings()
        return profile.name

    def _store_secrets(self, name: str, secrets: Mapping[SecretKind, str]) -> None:
        for kind, value in secrets.items():
            self._window.secrets.set(name, kind, value)
