"""Secrets: the OS keyring when it works, else a user-only file that survives corruption."""

from __future__ import annotations

import json
import logging
import os
import threading

import pytest
from keyring.backend import KeyringBackend
from keyring.backends import fail, null

from b24desk.files import SetAside
from b24desk.settings.paths import Paths
from b24desk.settings.profiles import SecretKind
from b24desk.settings.secrets import (
    FALLBACK_NOTE,
    FILE_BACKEND_NAME,
    KEYRING_SERVICE,
    SecretStore,
)

from .helpers import ACCESS, CODE, LockedKeyring, MemoryKeyring, deep_json, mode_of

posix_only = pytest.mark.skipif(os.name != "posix", reason="POSIX permission bits")


# --- file fallback (what runs on a machine without a keyring daemon) -----------------------


@pytest.mark.parametrize("backend", [fail.Keyring(), null.Keyring()])
def test_stand_in_keyrings_mean_fallback(paths: Paths, backend: KeyringBackend) -> None:
    store = SecretStore(paths, backend=backend)
    assert store.is_fallback
    assert store.backend_name == FILE_BACKEND_NAME
    assert store.fallback_note == FALLBACK_NOTE


def test_default_store_on_this_machine_works(paths: Paths) -> None:
    store = SecretStore(paths)
    store.set("Main", SecretKind.WEBHOOK_CODE, CODE)
    assert store.get("Main", SecretKind.WEBHOOK_CODE) == CODE


def test_fallback_file_round_trip(file_store: SecretStore) -> None:
    file_store.set("Main", SecretKind.WEBHOOK_CODE, CODE)
    file_store.set("App", SecretKind.ACCESS_TOKEN, ACCESS)
    assert file_store.get("Main", SecretKind.WEBHOOK_CODE) == CODE
    assert file_store.get("App", SecretKind.ACCESS_TOKEN) == ACCESS
    assert file_store.get("App", SecretKind.REFRESH_TOKEN) is None
    file_store.set("Main", SecretKind.WEBHOOK_CODE, "")
    assert file_store.get("Main", SecretKind.WEBHOOK_CODE) is None
    assert file_store.get("App", SecretKind.ACCESS_TOKEN) == ACCESS


@posix_only
def test_fallback_file_is_created_readable_only_by_the_user(file_store: SecretStore) -> None:
    old = os.umask(0)  # even the most permissive umask must still give 0600
    try:
        file_store.set("Main", SecretKind.WEBHOOK_CODE, CODE)
    finally:
        os.umask(old)
    assert mode_of(file_store.secrets_file) == 0o600


@posix_only
def test_fallback_file_permissions_are_repaired_on_read(file_store: SecretStore) -> None:
    file_store.set("Main", SecretKind.WEBHOOK_CODE, CODE)
    os.chmod(file_store.secrets_file, 0o644)
    assert file_store.get("Main", SecretKind.WEBHOOK_CODE) == CODE
    assert mode_of(file_store.secrets_file) == 0o600


def test_corrupt_fallback_file_is_kept_aside(file_store: SecretStore) -> None:
    file_store.secrets_file.parent.mkdir(parents=True)
    file_store.secrets_file.write_text("{not json", encoding="utf-8")
    assert file_store.get("Main", SecretKind.WEBHOOK_CODE) is None
    backup = file_store.secrets_file.with_name("secrets.json.bak")
    assert backup.read_text(encoding="utf-8") == "{not json"
    assert file_store.set_aside == [SetAside("secrets", backup)]
    file_store.set("Main", SecretKind.WEBHOOK_CODE, CODE)
    assert file_store.get("Main", SecretKind.WEBHOOK_CODE) == CODE


def test_deeply_nested_secrets_file_is_kept_aside_not_a_crash(file_store: SecretStore) -> None:
    """json.loads raised RecursionError on it, which nothing caught."""
    file_store.secrets_file.parent.mkdir(parents=True)
    file_store.secrets_file.write_bytes(deep_json(100_000))
    assert file_store.get("Main", SecretKind.WEBHOOK_CODE) is None
    assert [kept.what for kept in file_store.set_aside] == ["secrets"]
    assert file_store.set_aside[0].where.read_bytes() == deep_json(100_000)


def test_a_second_corrupt_secrets_file_does_not_overwrite_the_first(
    file_store: SecretStore,
) -> None:
    file_store.secrets_file.parent.mkdir(parents=True)
    file_store.secrets_file.write_text("first", encoding="utf-8")
    file_store.get("Main", SecretKind.WEBHOOK_CODE)
    file_store.secrets_file.write_text("second", encoding="utf-8")
    file_store.get("Main", SecretKind.WEBHOOK_CODE)
    first, second = (kept.where for kept in file_store.set_aside)
    assert first != second
    assert (first.read_text(encoding="utf-8"), second.read_text(encoding="utf-8")) == (
        "first",
        "second",
    )


def test_one_odd_entry_costs_only_itself(file_store: SecretStore) -> None:
    file_store.secrets_file.parent.mkdir(parents=True)
    secrets = {"Main/webhook_code": CODE, "App/access_token": 5}
    file_store.secrets_file.write_text(
        json.dumps({"version": 1, "secrets": secrets}), encoding="utf-8"
    )
    assert file_store.get("Main", SecretKind.WEBHOOK_CODE) == CODE
    assert file_store.get("App", SecretKind.ACCESS_TOKEN) is None
    assert file_store.set_aside == []


# --- system keyring ------------------------------------------------------------------------


def test_keyring_is_used_when_available(paths: Paths, memory_keyring: MemoryKeyring) -> None:
    store = SecretStore(paths)
    assert not store.is_fallback
    assert store.fallback_note == ""
    assert store.backend_name == MemoryKeyring.name
    store.set("Main", SecretKind.WEBHOOK_CODE, CODE)
    assert memory_keyring.store == {(KEYRING_SERVICE, "Main/webhook_code"): CODE}
    assert store.get("Main", SecretKind.WEBHOOK_CODE) == CODE
    assert not store.secrets_file.exists()
    store.delete("Main", SecretKind.WEBHOOK_CODE)
    store.delete("Main", SecretKind.WEBHOOK_CODE)  # deleting twice is not an error
    assert memory_keyring.store == {}


def test_failing_keyring_falls_back_to_the_file(paths: Paths, caplog) -> None:
    store = SecretStore(paths, backend=LockedKeyring())
    assert not store.is_fallback
    with caplog.at_level(logging.DEBUG, logger="b24desk.settings.secrets"):
        store.set("Main", SecretKind.WEBHOOK_CODE, CODE)
    assert store.is_fallback
    assert store.fallback_note == FALLBACK_NOTE
    assert store.get("Main", SecretKind.WEBHOOK_CODE) == CODE
    assert "KeyringLocked" in caplog.text or "PasswordSetError" in caplog.text
    assert CODE not in caplog.text


def test_the_backend_is_chosen_once_on_first_use_or_by_a_probe_on_any_thread(
    paths: Paths, memory_keyring: MemoryKeyring, monkeypatch: pytest.MonkeyPatch
) -> None:
    import keyring

    chosen: list[str] = []
    real = keyring.get_keyring

    def counted() -> KeyringBackend:
        chosen.append(threading.current_thread().name)
        return real()

    monkeypatch.setattr(keyring, "get_keyring", counted)
    store = SecretStore(paths)
    assert chosen == []  # building the store (before the window shows) asks no keyring
    worker = threading.Thread(target=store.probe, name="probe")
    worker.start()
    worker.join(timeout=10)
    assert chosen == ["probe"]
    store.set("Main", SecretKind.WEBHOOK_CODE, CODE)
    assert store.get("Main", SecretKind.WEBHOOK_CODE) == CODE
    assert memory_keyring.store == {(KEYRING_SERVICE, "Main/webhook_code"): CODE}
    assert chosen == ["probe"]
    unprobed = SecretStore(paths)
    assert unprobed.get("Main", SecretKind.WEBHOOK_CODE) == CODE  # first use chooses it
    assert len(chosen) == 2


def test_secrets_saved_without_keyring_are_found_and_moved_later(paths: Paths) -> None:
    SecretStore(paths, backend=fail.Keyring()).set("Main", SecretKind.WEBHOOK_CODE, CODE)
    backend = MemoryKeyring()
    store = SecretStore(paths, backend=backend)
    assert store.get("Main", SecretKind.WEBHOOK_CODE) == CODE
    store.set("Main", SecretKind.WEBHOOK_CODE, CODE)
    assert backend.store == {(KEYRING_SERVICE, "Main/webhook_code"): CODE}
    assert CODE not in store.secrets_file.read_text(encoding="utf-8")
