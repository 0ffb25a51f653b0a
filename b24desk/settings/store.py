"""Application settings: the typed options with their defaults (AppSettings), and the
versioned JSON file they persist in, read field by field and upgraded step by step on load.
"""

from __future__ import annotations

import json
import logging
import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from b24desk.api.urls import DEFAULT_TOKEN_URL
from b24desk.files import SetAside, UnreadableFileError, read_json, set_aside
from b24desk.translatable import QT_TRANSLATE_NOOP

from .errors import ConfigError
from .paths import Paths, write_config_file
from .profiles import Profile, ProfileKind, RateLimit

if TYPE_CHECKING:
    from .secrets import SecretStore

log = logging.getLogger(__name__)

SCHEMA_VERSION = 2
ENTITY_TYPES = ("lead", "deal", "contact", "company")
# A settings file is a few kilobytes; anything bigger was not written by b24desk.
MAX_FILE_BYTES = 1024 * 1024
# Qt's QWIDGETSIZE_MAX: no widget is larger, and it keeps QSplitter.setSizes far from the
# C int overflow a hand-edited 99999999999 caused.
MAX_SPLITTER_SIZE = 16_777_215
MAX_SPLITTER_PANES = 16
# What `SetAside.what` says for the parts of this file (the UI words them for the user).
SETTINGS = "settings"  # the whole file: nothing in it could be read
PROFILE = "profile"  # one profile; the copy of the file still holds it
NEWER_SETTINGS = "newer settings"  # written by a newer b24desk; saving would drop its parts


@dataclass
class AppSettings:
    """Everything b24desk remembers between runs, apart from secrets; the one place for the
    options and their defaults (how they persist is the business of the code below).

    Window geometry, window state and header states are opaque hex the UI produces
    (QByteArray.toHex()); splitter sizes are keyed by the splitter's object name.
    `set_aside` is not saved: what `load_settings` could not use and kept for the user
    instead (each with the file it is in), to tell them once.
    """

    profiles: dict[str, Profile] = field(default_factory=dict)
    last_profile: str | None = None
    entity_type: str = "lead"
    language: str = "system"
    local_index: bool = True  # keep a local copy of CRM rows for instant browsing and search
    notifications: bool = False  # desktop notifications for watched chats: only when asked
    window_geometry: str = ""
    window_state: str = ""
    splitter_sizes: dict[str, list[int]] = field(default_factory=dict)
    header_states: dict[str, str] = field(default_factory=dict)
    set_aside: list[SetAside] = field(default_factory=list, compare=False)

    @property
    def current_profile(self) -> Profile | None:
        return self.profiles.get(self.last_profile) if self.last_profile else None

    def add_profile(self, profile: Profile) -> None:
        if profile.name in self.profiles:
            raise ConfigError(
                QT_TRANSLATE_NOOP("errors", "A profile named {name!r} already exists."),
                name=profile.name,
            )
        self.profiles[profile.name] = profile

    def replace_profile(self, profile: Profile, secrets: SecretStore) -> Profile:
        """Replace the profile of the same name; drops secrets its new kind no longer uses."""
        old = self._existing(profile.name)
        self.profiles[profile.name] = profile
        for kind in set(old.secret_kinds) - set(profile.secret_kinds):
            secrets.delete(profile.name, kind)
        return old

    def remove_profile(self, name: str, secrets: SecretStore) -> Profile:
        """Remove a profile and its secrets; returns the removed profile."""
        old = self._existing(name)
        secrets.delete_profile(name)
        del self.profiles[name]
        if self.last_profile == name:
            self.last_profile = None
        return old

    def rename_profile(self, old: str, new: str, secrets: SecretStore) -> Profile:
        """Rename in place (order kept), moving its secrets; returns the renamed profile."""
        renamed = replace(self._existing(old), name=new)
        if renamed.name == old:
            return renamed
        if renamed.name in self.profiles:
            raise ConfigError(
                QT_TRANSLATE_NOOP("errors", "A profile named {name!r} already exists."),
                name=renamed.name,
            )
        secrets.rename_profile(old, renamed.name)
        items = [(renamed.name, renamed) if n == old else (n, p) for n, p in self.profiles.items()]
        self.profiles = dict(items)
        if self.last_profile == old:
            self.last_profile = renamed.name
        return renamed

    def _existing(self, name: str) -> Profile:
        try:
            return self.profiles[name]
        except KeyError:
            raise ConfigError(
                QT_TRANSLATE_NOOP("errors", "There is no profile named {name!r}."), name=name
            ) from None


# --- reading one value: each reader returns it checked, or raises ValueError --------------


def _text(value: Any) -> str:
    if not isinstance(value, str):
        raise ValueError("not text")
    return value


def _hex(value: Any) -> str:
    if not _is_hex(value):
        raise ValueError("not hex text")
    return str(value)


def _whole(value: Any) -> int:
    """An int, or one written as decimal text ("7": a hand edit or another tool)."""
    if isinstance(value, str) and re.fullmatch(r"\s*[0-9]{1,18}\s*", value):
        return int(value)
    # bool is an int to isinstance, but `true` is never a valid id or size; Bitrix24 ids
    # fit in 64 bits, and a thousand-digit one would break str() further on.
    if isinstance(value, bool) or not isinstance(value, int) or abs(value) >= 2**63:
        raise ValueError("not a whole number")
    return value


def _number(value: Any) -> float:
    if isinstance(value, str):
        return float(value)  # ValueError for anything but a number
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise ValueError("not a number")
    return float(value)


def _language(value: Any) -> str:
    if not _text(value):
        raise ValueError("empty")
    return value


def _flag(value: Any) -> bool:
    if not isinstance(value, bool):
        raise ValueError("not true or false")
    return value


def _entity_type(value: Any) -> str:
    if value not in ENTITY_TYPES:
        raise ValueError("unknown entity type")
    return str(value)


def _splitter_sizes(value: Any) -> dict[str, list[int]]:
    """Each splitter's sizes clamped to what Qt can lay out; an unreadable entry is dropped."""
    sizes: dict[str, list[int]] = {}
    for name, entry in _object(value).items():
        readable = isinstance(entry, list) and len(entry) <= MAX_SPLITTER_PANES
        if readable and all(type(size) is int for size in entry):
            sizes[name] = [min(max(size, 0), MAX_SPLITTER_SIZE) for size in entry]
    return sizes


def _header_states(value: Any) -> dict[str, str]:
    return {name: state for name, state in _object(value).items() if _is_hex(state)}


def _is_hex(value: Any) -> bool:
    return isinstance(value, str) and re.fullmatch(r"[0-9A-Fa-f]*", value) is not None


def _object(value: Any) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise ValueError("not an object")
    return value


# How each option persists: its key, in which part of the file, and the reader that checks
# it. The defaults stay in AppSettings; a value a reader refuses leaves the default.
_PREFERENCES: dict[str, Callable[[Any], Any]] = {
    "entity_type": _entity_type,
    "language": _language,
    # Added without a schema step: a file that lacks it (older versions) keeps the default.
    "local_index": _flag,
    "notifications": _flag,
}
_LAYOUT: dict[str, Callable[[Any], Any]] = {
    "window_geometry": _hex,
    "window_state": _hex,
    "splitter_sizes": _splitter_sizes,
    "header_states": _header_states,
}


# --- the schema's history: _UPGRADES[n] turns a version-n file into version n+1 -----------


def _layout_in_its_own_object(data: dict[str, Any]) -> dict[str, Any]:
    """Version 2 keeps window and splitter state apart from what the user chose, so it can
    be clamped or dropped on its own; version 1 had it at the top level."""
    # Version 1's keys, spelt out: a step must not change when _LAYOUT later grows.
    moved = ("window_geometry", "window_state", "splitter_sizes", "header_states")
    layout = {key: data[key] for key in moved if key in data}
    rest = {key: value for key, value in data.items() if key not in moved}
    return rest | {"layout": layout}


_UPGRADES: dict[int, Callable[[dict[str, Any]], dict[str, Any]]] = {
    1: _layout_in_its_own_object,
}


def _upgraded(data: dict[str, Any], version: int) -> dict[str, Any]:
    for step in range(version, SCHEMA_VERSION):
        data = _UPGRADES[step](data)
    return data


# --- the file ------------------------------------------------------------------------------


def load_settings(paths: Paths | None = None) -> AppSettings:
    """Read the settings file; never raises. A value that cannot be used costs only itself;
    a profile, or the whole file, that cannot be used is kept aside: see `set_aside`."""
    path = (paths or Paths.default()).settings_file
    try:
        data = read_json(path, max_bytes=MAX_FILE_BYTES)
    except FileNotFoundError:
        return AppSettings()
    except OSError as exc:
        log.warning("Cannot read %s (%s); using default settings", path, exc)
        return AppSettings()
    except UnreadableFileError as exc:
        log.warning("Cannot read %s: %s", path, exc)
        data = None
    if not isinstance(data, dict):
        aside = set_aside(path)
        return AppSettings(set_aside=[SetAside(SETTINGS, aside)] if aside else [])
    return _Reading(path).settings(data)


def save_settings(settings: AppSettings, paths: Paths | None = None) -> None:
    """Write the settings file atomically; raises ConfigError when it cannot be written."""
    path = (paths or Paths.default()).settings_file
    text = json.dumps(_settings_to_json(settings), indent=2, ensure_ascii=False)
    write_config_file(
        path, text.encode(), QT_TRANSLATE_NOOP("errors", "Cannot save settings to {path}: {reason}")
    )


def _settings_to_json(settings: AppSettings) -> dict[str, Any]:
    return {
        "version": SCHEMA_VERSION,
        "profiles": [_profile_to_json(p) for p in settings.profiles.values()],
        "last_profile": settings.last_profile,
        **{key: getattr(settings, key) for key in _PREFERENCES},
        "layout": {key: getattr(settings, key) for key in _LAYOUT},
    }


def _profile_to_json(profile: Profile) -> dict[str, Any]:
    return {
        "name": profile.name,
        "kind": profile.kind.value,
        "portal_url": profile.portal_url,
        "user_id": profile.user_id,
        "client_id": profile.client_id,
        "token_url": profile.token_url,
        "rate_limit": {"rate": profile.rate_limit.rate, "burst": profile.rate_limit.burst},
    }


class _Reading:
    """One load of a readable file; what it cannot use goes to one copy of the file."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.set_aside: list[SetAside] = []
        self._copy: Path | None = None
        self._copied = False

    def keep(self, what: str, name: str = "") -> None:
        """Record `what` as kept aside, copying the file (once) so no later save erases it."""
        if not self._copied:
            self._copied = True
            self._copy = set_aside(self.path, keep_original=True)
        if self._copy is not None:
            self.set_aside.append(SetAside(what, self._copy, name))

    def settings(self, data: dict[str, Any]) -> AppSettings:
        version = data.get("version")
        version = version if type(version) is int and version >= 1 else 1
        if version > SCHEMA_VERSION:
            self.keep(NEWER_SETTINGS)
        data = _upgraded(data, version)
        profiles = self.profiles(data.get("profiles"))
        last = data.get("last_profile")
        return AppSettings(
            profiles=profiles,
            last_profile=last if isinstance(last, str) and last in profiles else None,
            **_options(data, _PREFERENCES),
            **_options(data.get("layout"), _LAYOUT),
            set_aside=self.set_aside,
        )

    def profiles(self, items: Any) -> dict[str, Profile]:
        profiles: dict[str, Profile] = {}
        for index, item in enumerate(items if isinstance(items, list) else []):
            try:
                profile = _profile_from_json(item)
            except (ConfigError, TypeError, ValueError) as exc:
                log.warning("Profile #%d in %s cannot be used: %s", index + 1, self.path, exc)
                self.keep(PROFILE, _name_of(item, index))
                continue
            if profile.name in profiles:
                log.warning("Profile #%d in %s repeats a name", index + 1, self.path)
                self.keep(PROFILE, profile.name)
                continue
            profiles[profile.name] = profile
        return profiles


def _options(section: Any, readers: dict[str, Callable[[Any], Any]]) -> dict[str, Any]:
    """The options of one part of the file that their readers accept; others keep defaults."""
    found: dict[str, Any] = {}
    for key, read in readers.items():
        if isinstance(section, dict) and key in section:
            try:
                found[key] = read(section[key])
            except ValueError as exc:
                log.warning("Settings: ignoring %s (%s)", key, exc)
    return found


def _profile_from_json(item: Any) -> Profile:
    """The profile, its fields coerced where the intent is plain ("7" for 7); ConfigError or
    ValueError when it cannot be understood. A bad rate limit costs only the rate limit."""
    data = _object(item)
    return Profile(
        name=_text(data.get("name")),
        kind=ProfileKind(_text(data.get("kind"))),
        portal_url=_text(data.get("portal_url")),
        user_id=_whole(data.get("user_id", 0)),
        client_id=_text(data.get("client_id", "")),
        token_url=_text(data.get("token_url", DEFAULT_TOKEN_URL)),
        rate_limit=_rate_limit(data.get("rate_limit")),
    )


def _rate_limit(value: Any) -> RateLimit:
    default = RateLimit()
    if value is None:
        return default
    try:
        data = _object(value)
        rate = _number(data.get("rate", default.rate))
        return RateLimit(rate=rate, burst=_whole(data.get("burst", default.burst)))
    except (ConfigError, ValueError) as exc:
        log.warning("Settings: a profile's rate limit was unusable (%s); using the default", exc)
        return default


def _name_of(item: Any, index: int) -> str:
    """How to name a profile we could not read: its name if it has one, else its place."""
    name = item.get("name") if isinstance(item, dict) else None
    return name.strip()[:100] if isinstance(name, str) and name.strip() else f"#{index + 1}"
