"""Fixtures for the settings tests: a private B24DESK_HOME, and the two kinds of secret store."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import keyring
import pytest
from keyring.backends import fail

from b24desk.settings.paths import HOME_ENV, Paths
from b24desk.settings.secrets import SecretStore

from .helpers import MemoryKeyring


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv(HOME_ENV, str(tmp_path / "home"))
    return tmp_path / "home"


@pytest.fixture
def paths(home: Path) -> Paths:
    return Paths.default()


@pytest.fixture
def memory_keyring() -> Iterator[MemoryKeyring]:
    """MemoryKeyring as the process-wide backend for one test, then the previous one again."""
    previous = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(previous)


@pytest.fixture
def file_store(paths: Paths) -> SecretStore:
    """The store as it runs on a machine without a keyring daemon (this CI)."""
    return SecretStore(paths, backend=fail.Keyring())
