"""Where b24desk keeps its files (platformdirs folders, or everything under $B24DESK_HOME),
and how settings write one there."""

from __future__ import annotations

import hashlib
import os
import re
from dataclasses import dataclass
from pathlib import Path

import platformdirs

from b24desk.files import write_atomic

from .errors import ConfigError

APP_NAME = "b24desk"
HOME_ENV = "B24DESK_HOME"


@dataclass(frozen=True)
class Paths:
    """Where b24desk keeps its files; every other module asks this, never platformdirs."""

    config_dir: Path
    data_dir: Path
    log_dir: Path

    @classmethod
    def default(cls) -> Paths:
        """Everything under $B24DESK_HOME when set (tests, screenshots), else platformdirs."""
        home = os.environ.get(HOME_ENV, "").strip()
        if home:
            return cls.under(Path(home).expanduser())
        return cls(
            config_dir=platformdirs.user_config_path(APP_NAME, appauthor=False),
            data_dir=platformdirs.user_data_path(APP_NAME, appauthor=False),
            log_dir=platformdirs.user_log_path(APP_NAME, appauthor=False),
        )

    @classmethod
    def under(cls, root: Path) -> Paths:
        """All three folders inside one root."""
        return cls(config_dir=root / "config", data_dir=root / "data", log_dir=root / "logs")

    @property
    def settings_file(self) -> Path:
        return self.config_dir / "settings.json"

    @property
    def secrets_file(self) -> Path:
        return self.config_dir / "secrets.json"

    def ensure(self) -> Paths:
        """Create the folders; the config folder is private because it may hold secrets."""
        self.config_dir.mkdir(parents=True, exist_ok=True, mode=0o700)
        self.data_dir.mkdir(parents=True, exist_ok=True)
        self.log_dir.mkdir(parents=True, exist_ok=True)
        return self


def write_config_file(path: Path, data: bytes, template: str) -> None:
    """Write atomically, user-only, in a private folder; ConfigError(`template`) with the
    path and the reason when that fails."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        write_atomic(path, data)
    except OSError as exc:
        raise ConfigError(template, path=path, reason=exc.strerror) from None


def profile_file(folder: Path, profile: str, suffix: str) -> Path:
    """A profile's own file in `folder`: a readable, filesystem-safe stem plus a hash of the
    exact name, so two names that tidy to the same stem ("a/b", "a b") never share a file."""
    stem = re.sub(r"[^A-Za-z0-9_-]+", "-", profile).strip("-")[:40] or "profile"
    digest = hashlib.sha256(profile.encode()).hexdigest()[:16]
    return folder / f"{stem}-{digest}{suffix}"
