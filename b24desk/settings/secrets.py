"""Secrets per profile (webhook codes, OAuth credentials): the OS keyring when it works,
else one JSON file only the user may read.

keyring is imported and its backend chosen on first use, never at start-up: the probe loads
every backend (D-Bus, ctypes look-ups) and takes longer than painting the window.
"""

from __future__ import annotations

import json
import logging
import os
import threading
from pathlib import Path
from typing import TYPE_CHECKING

from b24desk.files import (
    PRIVATE_MODE,
    SetAside,
    UnreadableFileError,
    read_json,
    set_aside,
)
from b24desk.translatable import QT_TRANSLATE_NOOP

from .errors import ConfigError
from .paths import Paths, write_config_file
from .profiles import SecretKind

if TYPE_CHECKING:
    from keyring.backend import KeyringBackend

log = logging.getLogger(__name__)

KEYRING_SERVICE = "b24desk"
FILE_BACKEND_NAME = "file readable only by you"
FALLBACK_NOTE = QT_TRANSLATE_NOOP(
    "texts",
    "Secrets are stored in a file readable only by you, because no system keyring is available.",
)
# Read by a later b24desk that changes the file's layout; this one knows only version 1.
FILE_VERSION = 1
# A few dozen short strings; anything bigger was not written by b24desk.
MAX_FILE_BYTES = 1024 * 1024


def _keyring_failures() -> tuple[type[BaseException], ...]:
    """What a keyring backend that dies (locked Secret Service, D-Bus gone) raises."""
    from keyring.errors import KeyringError

    return (KeyringError, OSError)


def _secret_key(profile: str, kind: SecretKind) -> str:
    return f"{profile}/{kind.value}"


def _usable(backend: KeyringBackend) -> bool:
    """False for keyring's stand-ins: `fail` raises, `null` silently drops what it is given."""
    from keyring.backends import chainer, fail, null

    if isinstance(backend, fail.Keyring | null.Keyring):
        return False
    return not isinstance(backend, chainer.ChainerBackend) or bool(chainer.ChainerBackend.backends)


class _SecretFile:
    """The fallback store: one JSON object in a file only the user may read."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.set_aside: list[SetAside] = []

    def __repr__(self) -> str:
        return f"_SecretFile({str(self.path)!r})"

    def get(self, key: str) -> str | None:
        return self._read().get(key)

    def set(self, key: str, value: str) -> None:
        secrets = self._read()
        secrets[key] = value
        self._write(secrets)

    def delete(self, key: str) -> None:
        secrets = self._read()
        if secrets.pop(key, None) is not None:
            self._write(secrets)

    def _read(self) -> dict[str, str]:
        try:
            self._make_private()
            data = read_json(self.path, max_bytes=MAX_FILE_BYTES)
        except FileNotFoundError:
            return {}
        except OSError as exc:
            raise ConfigError(
                QT_TRANSLATE_NOOP("errors", "Cannot read the secrets file {path}: {reason}"),
                path=self.path,
                reason=exc.strerror,
            ) from None
        except UnreadableFileError as exc:
            log.warning("The secrets file %s is unreadable: %s", self.path, exc)
            data = None
        secrets = data.get("secrets") if isinstance(data, dict) else None
        if not isinstance(secrets, dict):
            self._set_aside()
            return {}
        # One odd entry (a hand edit) costs that entry, not every profile's secrets.
        return {k: v for k, v in secrets.items() if isinstance(k, str) and isinstance(v, str)}

    def _set_aside(self) -> None:
        aside = set_aside(self.path)
        if aside is not None:
            self.set_aside.append(SetAside("secrets", aside))

    def _make_private(self) -> None:
        # Windows has no group/other bits; the per-user profile folder already protects it.
        if os.name != "posix":
            return
        if self.path.stat().st_mode & 0o077:
            log.warning("%s was readable by others; restricting it to you", self.path)
            os.chmod(self.path, PRIVATE_MODE)

    def _write(self, secrets: dict[str, str]) -> None:
        data = json.dumps({"version": FILE_VERSION, "secrets": secrets}, indent=2)
        write_config_file(
            self.path,
            data.encode(),
            QT_TRANSLATE_NOOP("errors", "Cannot write the secrets file {path}: {reason}"),
        )


class SecretStore:
    """Secrets per profile and kind: the OS keyring when usable, else a user-only file.

    Reads also look in the file, so secrets saved while no keyring existed are still found.
    """

    def __init__(self, paths: Paths | None = None, backend: KeyringBackend | None = None) -> None:
        self._file = _SecretFile((paths or Paths.default()).secrets_file)
        self._given = backend
        self._chosen = False
        # `probe` may run on a worker thread while the GUI thread asks for a secret.
        self._choosing = threading.Lock()
        self._backend: KeyringBackend | None = None

    def probe(self) -> None:
        """Choose the keyring backend now (slow: it loads every backend); safe on any thread.
        Otherwise the first use chooses it."""
        with self._choosing:
            if self._chosen:
                return
            if self._given is not None:
                chosen = self._given
            else:
                import keyring

                chosen = keyring.get_keyring()
            self._backend = chosen if _usable(chosen) else None
            self._chosen = True
        if self._backend is None:
            log.info("No system keyring; secrets go to %s", self._file.path)

    @property
    def _keyring(self) -> KeyringBackend | None:
        self.probe()
        return self._backend

    def __repr__(self) -> str:
        return f"SecretStore(backend={self.backend_name!r})"

    @property
    def is_fallback(self) -> bool:
        """True when secrets go to the user-only file; the UI shows `fallback_note` then."""
        return self._keyring is None

    @property
    def backend_name(self) -> str:
        """A display name: the keyring backend's, or FILE_BACKEND_NAME."""
        return FILE_BACKEND_NAME if self._keyring is None else type(self._keyring).name

    @property
    def fallback_note(self) -> str:
        """The note to show the supervisor, or "" when a system keyring is used."""
        return FALLBACK_NOTE if self.is_fallback else ""

    @property
    def secrets_file(self) -> Path:
        return self._file.path

    @property
    def set_aside(self) -> list[SetAside]:
        """Secrets files found unreadable and kept aside, oldest first, to tell the user once:
        their secrets are gone from the store, so those profiles ask for them again."""
        return self._file.set_aside

    def get(self, profile: str, kind: SecretKind) -> str | None:
        key = _secret_key(profile, kind)
        if self._keyring is not None:
            try:
                value = self._keyring.get_password(KEYRING_SERVICE, key)
            except _keyring_failures() as exc:
                self._give_up_keyring(exc)
            else:
                if value is not None:
                    return value
        return self._file.get(key)

    def set(self, profile: str, kind: SecretKind, value: str | None) -> None:
        """Store a secret; None or "" deletes it."""
        if not value:
            self.delete(profile, kind)
            return
        key = _secret_key(profile, kind)
        if self._keyring is not None:
            try:
                self._keyring.set_password(KEYRING_SERVICE, key, value)
            except _keyring_failures() as exc:
                self._give_up_keyring(exc)
            else:
                self._file.delete(key)  # a stale copy from a keyring-less session
                return
        self._file.set(key, value)

    def delete(self, profile: str, kind: SecretKind) -> None:
        key = _secret_key(profile, kind)
        if self._keyring is not None:
            from keyring.errors import PasswordDeleteError

            try:
                self._keyring.delete_password(KEYRING_SERVICE, key)
            except PasswordDeleteError:
                pass  # keyring's way of saying "there was nothing to delete"
            except _keyring_failures() as exc:
                self._give_up_keyring(exc)
        self._file.delete(key)

    def delete_profile(self, profile: str) -> None:
        """Forget every secret of a profile."""
        for kind in SecretKind:
            self.delete(profile, kind)

    def rename_profile(self, old: str, new: str) -> None:
        """Move every secret of a profile to its new name."""
        if old == new:
            return
        for kind in SecretKind:
            value = self.get(old, kind)
            if value:
                self.set(new, kind, value)
            self.delete(old, kind)

    def _give_up_keyring(self, exc: BaseException) -> None:
        # Backend messages never hold the password, only why the backend failed.
        log.warning(
            "System keyring %s failed (%s: %s); secrets go to %s from now on",
            self.backend_name,
            type(exc).__name__,
            exc,
            self._file.path,
        )
        self._backend = None
