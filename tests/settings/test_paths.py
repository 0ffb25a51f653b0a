"""Where b24desk keeps its files: $B24DESK_HOME or platformdirs, a private config folder."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from b24desk.settings.paths import HOME_ENV, Paths

from .helpers import mode_of

posix_only = pytest.mark.skipif(os.name != "posix", reason="POSIX permission bits")


def test_b24desk_home_puts_everything_under_one_folder(home: Path) -> None:
    paths = Paths.default()
    assert paths == Paths(home / "config", home / "data", home / "logs")
    assert paths.settings_file == home / "config" / "settings.json"
    assert paths.secrets_file == home / "config" / "secrets.json"


def test_without_b24desk_home_paths_come_from_platformdirs(monkeypatch) -> None:
    monkeypatch.delenv(HOME_ENV, raising=False)
    paths = Paths.default()
    for folder in (paths.config_dir, paths.data_dir, paths.log_dir):
        assert "b24desk" in folder.parts


@posix_only
def test_ensure_creates_folders_and_keeps_config_private(paths: Paths) -> None:
    paths.ensure()
    assert paths.data_dir.is_dir() and paths.log_dir.is_dir()
    assert mode_of(paths.config_dir) & 0o077 == 0


def test_settings_modules_import_no_qt() -> None:
    modules = "b24desk.settings.store, b24desk.settings.secrets, b24desk.files"
    code = f"import sys, {modules}; sys.exit(any(m.startswith('PySide6') for m in sys.modules))"
    assert subprocess.run([sys.executable, "-c", code], check=False).returncode == 0
