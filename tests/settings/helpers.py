"""Shared values and stand-ins for the settings tests: secrets, profiles, an in-memory keyring."""

from __future__ import annotations

import stat
from pathlib import Path

from keyring.backend import KeyringBackend
from keyring.errors import KeyringLocked, PasswordDeleteError, PasswordSetError

from b24desk.settings.profiles import Profile, ProfileKind, SecretKind
from b24desk.settings.secrets import SecretStore

CODE = "k3q9zx7m1w2e4r5t"
CLIENT_SECRET = "Sx9cLientSeCret0000"
ACCESS = "acc3ss-t0ken-aaaa"
REFRESH = "refr3sh-t0ken-bbbb"
ALL_SECRETS = (CODE, CLIENT_SECRET, ACCESS, REFRESH)


class MemoryKeyring(KeyringBackend):
    """An in-memory system keyring, so the keyring path runs without a keyring daemon."""

    priority = 5  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.store: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.store.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.store[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        if self.store.pop((service, username), None) is None:
            raise PasswordDeleteError("not found")


class LockedKeyring(MemoryKeyring):
    """A keyring that looks usable but fails when used, like a locked Secret Service."""

    def get_password(self, service: str, username: str) -> str | None:
        raise KeyringLocked("the collection is locked")

    def set_password(self, service: str, username: str, password: str) -> None:
        raise PasswordSetError("the collection is locked")


def webhook_profile(name: str = "Main") -> Profile:
    return Profile(name, ProfileKind.WEBHOOK, "https://x.bitrix24.ru/", user_id=1)


def oauth_profile(name: str = "App") -> Profile:
    return Profile(name, "oauth", "https://x.bitrix24.ru", client_id="local.65a1b2c3d4e5f6.1")


def store_oauth_secrets(store: SecretStore, name: str) -> None:
    store.set(name, SecretKind.CLIENT_SECRET, CLIENT_SECRET)
    store.set(name, SecretKind.ACCESS_TOKEN, ACCESS)
    store.set(name, SecretKind.REFRESH_TOKEN, REFRESH)


def mode_of(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def deep_json(depth: int) -> bytes:
    """A JSON object nested `depth` deep: json.loads alone raises RecursionError on it."""
    return b'{"profiles": ' + b"[" * depth + b"]" * depth + b"}"
