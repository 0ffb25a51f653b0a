"""Settings of b24desk: paths, connection profiles and UI state in one JSON file.

Secrets (webhook codes, OAuth credentials) go to the OS keyring, or to a user-only file without one.
"""

from __future__ import annotations

import json
import logging
import os
import re
import uuid
from dataclasses import dataclass, field, replace
from enum import StrEnum
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import keyring
import platformdirs
from keyring.backend import KeyringBackend
from keyring.backends import chainer, fail, null
from keyring.errors import KeyringError, PasswordDeleteError

log = logging.getLogger(__name__)

APP_NAME = "b24desk"
HOME_ENV = "B24DESK_HOME"
KEYRING_SERVICE = "b24desk"
DEFAULT_TOKEN_URL = "https://oauth.bitrix.info/oauth/token/"
ENTITY_TYPES = ("lead", "deal", "contact", "company")
FILE_BACKEND_NAME = "file readable only by you"
FALLBACK_NOTE = (
    "Secrets are stored in a file readable only by you, because no system keyring is available."
)
SCHEMA_VERSION = 1

# Whole sentences, so each can be translated (see ui/texts.py).
_URL_PROBLEMS = {
    "portal": "The portal URL must start with https:// and name a host.",
    "token": "The token URL must start with https:// and name a host.",
}
_PRIVATE_MODE = 0o600
_WEBHOOK_SHAPE = "https://PORTAL/rest/USER_ID/CODE/"
# Bitrix24 webhook codes are letters and digits; a dot means a method name sits where the code
# should be, i.e. the user pasted a URL with the code cut out.
_CODE_RE = re.compile(r"[A-Za-z0-9_-]+")
_USER_ID_RE = re.compile(r"[0-9]+")
# A keyring backend that dies (locked Secret Service, D-Bus gone) raises one of these.
_KEYRING_FAILURES = (KeyringError, OSError)


class ConfigError(Exception):
    """Settings are invalid or cannot be written; the message is fit to show the supervisor.

    The message is `template` filled from `fields`, so the UI can translate the template.
    """

    def __init__(self, template: str, **fields: object) -> None:
        self.template = template
        self.fields = fields
        super().__init__(template.format(**fields))


class MissingSecretError(ConfigError):
    """A profile's secret (webhook code, token) is not in the secret store."""


# --- paths ---------------------------------------------------------------------------------


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


# --- profiles ------------------------------------------------------------------------------


class ProfileKind(StrEnum):
    WEBHOOK = "webhook"
    OAUTH = "oauth"


class SecretKind(StrEnum):
    WEBHOOK_CODE = "webhook_code"
    CLIENT_SECRET = "client_secret"
    ACCESS_TOKEN = "access_token"
    REFRESH_TOKEN = "refresh_token"


_SECRETS_OF = {
    ProfileKind.WEBHOOK: (SecretKind.WEBHOOK_CODE,),
    ProfileKind.OAUTH: (
        SecretKind.CLIENT_SECRET,
        SecretKind.ACCESS_TOKEN,
        SecretKind.REFRESH_TOKEN,
    ),
}


@dataclass(frozen=True)
class RateLimit:
    """The portal's leaky bucket: `rate` requests/s drained, `burst` requests deep."""

    rate: float = 2.0
    burst: int = 50

    def __post_init__(self) -> None:
        if not self.rate > 0 or self.burst < 1:
            raise ConfigError("The rate limit needs a positive rate and a burst of at least 1.")


RATE_PLANS = {"standard": RateLimit(2.0, 50), "enterprise": RateLimit(5.0, 250)}


@dataclass(frozen=True)
class Profile:
    """One portal connection; holds no secrets, so it is safe to save, log and show.

    `portal_url` is the portal root ("https://x.bitrix24.ru/") for both kinds; a webhook
    profile adds `user_id`, an OAuth one `client_id` and `token_url`.
    """

    name: str
    kind: ProfileKind
    portal_url: str
    user_id: int = 0
    client_id: str = ""
    token_url: str = DEFAULT_TOKEN_URL
    rate_limit: RateLimit = field(default_factory=RateLimit)

    def __post_init__(self) -> None:
        object.__setattr__(self, "name", _check_name(self.name))
        object.__setattr__(self, "kind", _check_kind(self.kind))
        object.__setattr__(self, "portal_url", _check_http_url(self.portal_url, "portal"))
        if self.kind is ProfileKind.WEBHOOK and self.user_id < 1:
            raise ConfigError("A webhook profile needs the user ID from the webhook URL.")
        if self.kind is ProfileKind.OAUTH:
            if not self.client_id.strip():
                raise ConfigError("An OAuth profile needs the application's client_id.")
            _check_http_url(self.token_url, "token")

    @property
    def secret_kinds(self) -> tuple[SecretKind, ...]:
        """The secrets this kind of profile keeps in the secret store."""
        return _SECRETS_OF[self.kind]

    @property
    def webhook_base(self) -> str:
        """The webhook URL without its code: "https://x.bitrix24.ru/rest/1/"."""
        if self.kind is not ProfileKind.WEBHOOK:
            raise ConfigError("Profile {name!r} is not a webhook profile.", name=self.name)
        return f"{self.portal_url}rest/{self.user_id}/"


def _check_name(name: str) -> str:
    name = name.strip() if isinstance(name, str) else ""
    if not name:
        raise ConfigError("A profile needs a name.")
    return name


def _check_kind(kind: str) -> ProfileKind:
    try:
        return ProfileKind(kind)
    except ValueError:
        raise ConfigError(
            "Unknown profile kind {kind!r}: use 'webhook' or 'oauth'.", kind=kind
        ) from None


def _check_http_url(url: str, what: str) -> str:
    """An http(s) URL with a host; the portal root also gets the trailing slash it needs."""
    parts = urlsplit(url.strip()) if isinstance(url, str) else None
    if parts is None or parts.scheme not in ("http", "https") or not parts.netloc:
        raise ConfigError(_URL_PROBLEMS[what])
    text = parts.geturl()
    return text if what != "portal" or text.endswith("/") else text + "/"


# --- webhook URLs --------------------------------------------------------------------------


@dataclass(frozen=True)
class WebhookParts:
    """A pasted webhook URL split into its plain part and its secret code (kept out of repr)."""

    portal_url: str
    user_id: int
    code: str = field(repr=False)

    @property
    def base(self) -> str:
        return f"{self.portal_url}rest/{self.user_id}/"

    def to_profile(self, name: str, rate_limit: RateLimit | None = None) -> Profile:
        """A webhook profile for these parts; store `code` in the SecretStore yourself."""
        limit = rate_limit or RateLimit()
        return Profile(name, ProfileKind.WEBHOOK, self.portal_url, self.user_id, rate_limit=limit)


def split_webhook_url(url: str) -> WebhookParts:
    """Split "https://x/rest/1/CODE/[method[.json]]" into portal, user id and code.

    Only splits: normalising and checking the URL against the portal is the API layer's job.
    Error messages never repeat the URL, because it contains the code.
    """
    parts = urlsplit(url.strip())
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise ConfigError("Not a webhook URL: expected {shape}", shape=_WEBHOOK_SHAPE)
    segments = parts.path.split("/")
    for i, segment in enumerate(segments[:-2]):
        user_id, code = segments[i + 1], segments[i + 2]
        if segment == "rest" and _USER_ID_RE.fullmatch(user_id) and _CODE_RE.fullmatch(code):
            portal = f"{parts.scheme}://{parts.netloc}{'/'.join(segments[:i])}/"
            if int(user_id) > 0:
                return WebhookParts(portal, int(user_id), code)
    raise ConfigError(
        "The webhook URL has no user ID and code: expected {shape}", shape=_WEBHOOK_SHAPE
    )


def webhook_url(profile: Profile, secrets: SecretStore) -> str:
    """The full webhook URL the API layer calls: base plus the code from the secret store."""
    return webhook_url_with(profile, secrets.get(profile.name, SecretKind.WEBHOOK_CODE))


def webhook_url_with(profile: Profile, code: str | None) -> str:
    """The full webhook URL from a profile and its code, wherever the code came from."""
    base = profile.webhook_base
    if not code:
        raise MissingSecretError(
            "No webhook code is stored for profile {name!r}; paste the webhook URL again.",
            name=profile.name,
        )
    return f"{base}{code}/"


# --- files ---------------------------------------------------------------------------------


def write_atomic(path: Path, data: bytes) -> None:
    """Write via a private temp file and os.replace, so a crash never leaves half a file."""
    tmp = path.with_name(f".{path.name}.{os.getpid()}.{uuid.uuid4().hex[:8]}.tmp")
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
    fd = os.open(tmp, flags, _PRIVATE_MODE)
    try:
        with os.fdopen(fd, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def move_aside(path: Path) -> Path | None:
    """Keep an unreadable file as `<name>.bak` so the user can still recover it by hand."""
    backup = path.with_name(path.name + ".bak")
    try:
        os.replace(path, backup)
    except OSError as exc:
        log.warning("Could not move %s aside: %s", path, exc)
        return None
    log.warning("%s was corrupt; kept it as %s and started afresh", path, backup)
    return backup


def _read_json_object(path: Path) -> dict[str, Any] | None:
    """The file's JSON object, or None when the content is not one; OSError passes through."""
    try:
        data = json.loads(path.read_bytes())
    except ValueError:  # JSONDecodeError and UnicodeDecodeError both derive from it
        return None
    return data if isinstance(data, dict) else None


# --- secrets -------------------------------------------------------------------------------


def _secret_key(profile: str, kind: SecretKind) -> str:
    return f"{profile}/{kind.value}"


def _usable(backend: KeyringBackend) -> bool:
    """False for keyring's stand-ins: `fail` raises, `null` silently drops what it is given."""
    if isinstance(backend, fail.Keyring | null.Keyring):
        return False
    return not isinstance(backend, chainer.ChainerBackend) or bool(chainer.ChainerBackend.backends)


class _SecretFile:
    """The fallback store: one JSON object in a file only the user may read."""

    def __init__(self, path: Path) -> None:
        self.path = path

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
            data = _read_json_object(self.path)
        except FileNotFoundError:
            return {}
        except OSError as exc:
            raise ConfigError(
                "Cannot read the secrets file {path}: {reason}", path=self.path, reason=exc.strerror
            ) from None
        secrets = data.get("secrets") if data is not None else None
        if not isinstance(secrets, dict):
            move_aside(self.path)
            return {}
        return {k: v for k, v in secrets.items() if isinstance(k, str) and isinstance(v, str)}

    def _make_private(self) -> None:
        # Windows has no group/other bits; the per-user profile folder already protects it.
        if os.name != "posix":
            return
        if self.path.stat().st_mode & 0o077:
            log.warning("%s was readable by others; restricting it to you", self.path)
            os.chmod(self.path, _PRIVATE_MODE)

    def _write(self, secrets: dict[str, str]) -> None:
        data = json.dumps({"version": SCHEMA_VERSION, "secrets": secrets}, indent=2)
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
            write_atomic(self.path, data.encode())
        except OSError as exc:
            raise ConfigError(
                "Cannot write the secrets file {path}: {reason}",
                path=self.path,
                reason=exc.strerror,
            ) from None


class SecretStore:
    """Secrets per profile and kind: the OS keyring when usable, else a user-only file.

    Reads also look in the file, so secrets saved while no keyring existed are still found.
    """

    def __init__(self, paths: Paths | None = None, backend: KeyringBackend | None = None) -> None:
        self._file = _SecretFile((paths or Paths.default()).secrets_file)
        chosen = backend if backend is not None else keyring.get_keyring()
        self._keyring: KeyringBackend | None = chosen if _usable(chosen) else None
        if self._keyring is None:
            log.info("No system keyring; secrets go to %s", self._file.path)

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

    def get(self, profile: str, kind: SecretKind) -> str | None:
        key = _secret_key(profile, kind)
        if self._keyring is not None:
            try:
                value = self._keyring.get_password(KEYRING_SERVICE, key)
            except _KEYRING_FAILURES as exc:
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
            except _KEYRING_FAILURES as exc:
                self._give_up_keyring(exc)
            else:
                self._file.delete(key)  # a stale copy from a keyring-less session
                return
        self._file.set(key, value)

    def delete(self, profile: str, kind: SecretKind) -> None:
        key = _secret_key(profile, kind)
        if self._keyring is not None:
            try:
                self._keyring.delete_password(KEYRING_SERVICE, key)
            except PasswordDeleteError:
                pass  # keyring's way of saying "there was nothing to delete"
            except _KEYRING_FAILURES as exc:
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
        self._keyring = None


# --- application settings ------------------------------------------------------------------


@dataclass
class AppSettings:
    """Everything b24desk remembers between runs, apart from secrets.

    Window geometry, window state and header states are opaque text the UI produces
    (e.g. QByteArray.toHex()); splitter sizes are keyed by the splitter's object name.
    """

    profiles: dict[str, Profile] = field(default_factory=dict)
    last_profile: str | None = None
    entity_type: str = "lead"
    language: str = "system"
    window_geometry: str = ""
    window_state: str = ""
    splitter_sizes: dict[str, list[int]] = field(default_factory=dict)
    header_states: dict[str, str] = field(default_factory=dict)
    # Not saved: set by load_settings when a corrupt file was moved here, so the UI can say so.
    recovered_from: Path | None = field(default=None, compare=False)

    @property
    def current_profile(self) -> Profile | None:
        return self.profiles.get(self.last_profile) if self.last_profile else None

    def add_profile(self, profile: Profile) -> None:
        if profile.name in self.profiles:
            raise ConfigError("A profile named {name!r} already exists.", name=profile.name)
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
            raise ConfigError("A profile named {name!r} already exists.", name=renamed.name)
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
            raise ConfigError("There is no profile named {name!r}.", name=name) from None


def load_settings(paths: Paths | None = None) -> AppSettings:
    """Read the settings file; a missing, unreadable or corrupt one gives defaults, never raises."""
    path = (paths or Paths.default()).settings_file
    try:
        data = _read_json_object(path)
    except FileNotFoundError:
        return AppSettings()
    except OSError as exc:
        log.warning("Cannot read %s (%s); using default settings", path, exc)
        return AppSettings()
    if data is None:
        return AppSettings(recovered_from=move_aside(path))
    return _settings_from_json(data)


def save_settings(settings: AppSettings, paths: Paths | None = None) -> None:
    """Write the settings file atomically; raises ConfigError when it cannot be written."""
    paths = paths or Paths.default()
    text = json.dumps(_settings_to_json(settings), indent=2, ensure_ascii=False)
    try:
        paths.ensure()
        write_atomic(paths.settings_file, text.encode())
    except OSError as exc:
        raise ConfigError(
            "Cannot save settings to {path}: {reason}",
            path=paths.settings_file,
            reason=exc.strerror,
        ) from None


def _settings_to_json(settings: AppSettings) -> dict[str, Any]:
    return {
        "version": SCHEMA_VERSION,
        "profiles": [_profile_to_json(p) for p in settings.profiles.values()],
        "last_profile": settings.last_profile,
        "entity_type": settings.entity_type,
        "language": settings.language,
        "window_geometry": settings.window_geometry,
        "window_state": settings.window_state,
        "splitter_sizes": settings.splitter_sizes,
        "header_states": settings.header_states,
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


def _settings_from_json(data: dict[str, Any]) -> AppSettings:
    """Field by field, so one bad value (or a hand edit) costs that value, not the whole file."""
    defaults = AppSettings()
    profiles = _profiles_from_json(data.get("profiles"))
    last = data.get("last_profile")
    entity_type = _text(data, "entity_type", defaults.entity_type)
    return AppSettings(
        profiles=profiles,
        last_profile=last if isinstance(last, str) and last in profiles else None,
        entity_type=entity_type if entity_type in ENTITY_TYPES else defaults.entity_type,
        language=_text(data, "language", defaults.language) or defaults.language,
        window_geometry=_text(data, "window_geometry", ""),
        window_state=_text(data, "window_state", ""),
        splitter_sizes=_splitter_sizes(data.get("splitter_sizes")),
        header_states=_text_dict(data.get("header_states")),
    )


def _profiles_from_json(items: Any) -> dict[str, Profile]:
    profiles: dict[str, Profile] = {}
    for index, item in enumerate(items if isinstance(items, list) else []):
        try:
            profile = _profile_from_json(item)
        except (ConfigError, TypeError, ValueError) as exc:
            log.warning("Skipping profile #%d in the settings file: %s", index, exc)
            continue
        profiles.setdefault(profile.name, profile)
    return profiles


def _profile_from_json(item: Any) -> Profile:
    if not isinstance(item, dict):
        raise ConfigError("not a JSON object")
    rate = item.get("rate_limit")
    rate = rate if isinstance(rate, dict) else {}
    return Profile(
        name=_typed(item, "name", str, ""),
        kind=_typed(item, "kind", str, ""),
        portal_url=_typed(item, "portal_url", str, ""),
        user_id=_typed(item, "user_id", int, 0),
        client_id=_typed(item, "client_id", str, ""),
        token_url=_typed(item, "token_url", str, DEFAULT_TOKEN_URL),
        rate_limit=RateLimit(
            rate=float(_typed(rate, "rate", (int, float), 2.0)),
            burst=_typed(rate, "burst", int, 50),
        ),
    )


def _typed(data: dict[str, Any], key: str, kind: type | tuple[type, ...], default: Any) -> Any:
    value = data.get(key, default)
    # bool is an int to isinstance, but `true` is never a valid user id or burst.
    if isinstance(value, bool) or not isinstance(value, kind):
        raise ConfigError("{key!r} has the wrong type", key=key)
    return value


def _text(data: dict[str, Any], key: str, default: str) -> str:
    value = data.get(key, default)
    return value if isinstance(value, str) else default


def _text_dict(value: Any) -> dict[str, str]:
    if not isinstance(value, dict):
        return {}
    return {k: v for k, v in value.items() if isinstance(v, str)}


def _splitter_sizes(value: Any) -> dict[str, list[int]]:
    if not isinstance(value, dict):
        return {}
    return {
        name: sizes
        for name, sizes in value.items()
        if isinstance(sizes, list) and all(type(size) is int for size in sizes)
    }
