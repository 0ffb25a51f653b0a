"""Tests for b24desk.config: paths, profiles, webhook URL splitting, secrets and settings files."""

from __future__ import annotations

import json
import logging
import os
import stat
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import keyring
import pytest
from keyring.backend import KeyringBackend
from keyring.backends import fail, null
from keyring.errors import KeyringLocked, PasswordDeleteError, PasswordSetError

from b24desk import config
from b24desk.config import (
    DEFAULT_TOKEN_URL,
    FALLBACK_NOTE,
    KEYRING_SERVICE,
    RATE_PLANS,
    AppSettings,
    ConfigError,
    MissingSecretError,
    Paths,
    Profile,
    ProfileKind,
    RateLimit,
    SecretKind,
    SecretStore,
    load_settings,
    save_settings,
    split_webhook_url,
    webhook_url,
)

CODE = "k3q9zx7m1w2e4r5t"
CLIENT_SECRET = "Sx9cLientSeCret0000"
ACCESS = "acc3ss-t0ken-aaaa"
REFRESH = "refr3sh-t0ken-bbbb"
ALL_SECRETS = (CODE, CLIENT_SECRET, ACCESS, REFRESH)
posix_only = pytest.mark.skipif(os.name != "posix", reason="POSIX permission bits")


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


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv(config.HOME_ENV, str(tmp_path / "home"))
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


# --- paths ---------------------------------------------------------------------------------


def test_b24desk_home_puts_everything_under_one_folder(home: Path) -> None:
    paths = Paths.default()
    assert paths == Paths(home / "config", home / "data", home / "logs")
    assert paths.settings_file == home / "config" / "settings.json"
    assert paths.secrets_file == home / "config" / "secrets.json"


def test_without_b24desk_home_paths_come_from_platformdirs(monkeypatch) -> None:
    monkeypatch.delenv(config.HOME_ENV, raising=False)
    paths = Paths.default()
    for folder in (paths.config_dir, paths.data_dir, paths.log_dir):
        assert "b24desk" in folder.parts


@posix_only
def test_ensure_creates_folders_and_keeps_config_private(paths: Paths) -> None:
    paths.ensure()
    assert paths.data_dir.is_dir() and paths.log_dir.is_dir()
    assert mode_of(paths.config_dir) & 0o077 == 0


def test_config_module_imports_no_qt() -> None:
    code = "import sys, b24desk.config; sys.exit(any(m.startswith('PySide6') for m in sys.modules))"
    assert subprocess.run([sys.executable, "-c", code], check=False).returncode == 0


# --- profiles ------------------------------------------------------------------------------


def test_profile_defaults_and_kind_accepts_plain_strings() -> None:
    profile = oauth_profile()
    assert profile.kind is ProfileKind.OAUTH and profile.kind == "oauth"
    assert profile.portal_url == "https://x.bitrix24.ru/"
    assert profile.token_url == DEFAULT_TOKEN_URL
    assert profile.rate_limit == RateLimit(2.0, 50)
    assert profile.secret_kinds == (
        SecretKind.CLIENT_SECRET,
        SecretKind.ACCESS_TOKEN,
        SecretKind.REFRESH_TOKEN,
    )
    assert RATE_PLANS["enterprise"] == RateLimit(5.0, 250)


def test_webhook_profile_builds_its_base_url() -> None:
    profile = webhook_profile()
    assert profile.webhook_base == "https://x.bitrix24.ru/rest/1/"
    assert profile.secret_kinds == (SecretKind.WEBHOOK_CODE,)
    with pytest.raises(ConfigError):
        _ = oauth_profile().webhook_base


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"name": "  ", "kind": "webhook", "portal_url": "https://x/", "user_id": 1}, "name"),
        ({"name": "a", "kind": "soap", "portal_url": "https://x/", "user_id": 1}, "kind"),
        ({"name": "a", "kind": "webhook", "portal_url": "https://x/"}, "user ID"),
        ({"name": "a", "kind": "oauth", "portal_url": "https://x/"}, "client_id"),
        ({"name": "a", "kind": "webhook", "portal_url": "x.bitrix24.ru", "user_id": 1}, "URL"),
        (
            {"name": "a", "kind": "oauth", "portal_url": "https://x/", "client_id": "c"}
            | {"token_url": "ftp://x"},
            "token URL",
        ),
    ],
)
def test_invalid_profiles_are_refused_with_a_clear_message(kwargs: dict, message: str) -> None:
    with pytest.raises(ConfigError, match=message):
        Profile(**kwargs)


def test_rate_limit_must_be_positive() -> None:
    with pytest.raises(ConfigError):
        RateLimit(0, 50)
    with pytest.raises(ConfigError):
        RateLimit(2.0, 0)


# --- webhook URLs --------------------------------------------------------------------------


@pytest.mark.parametrize(
    "url",
    [
        f"https://x.bitrix24.ru/rest/1/{CODE}/",
        f"https://x.bitrix24.ru/rest/1/{CODE}",
        f"  https://x.bitrix24.ru/rest/1/{CODE}/crm.lead.list  ",
        f"https://x.bitrix24.ru/rest/1/{CODE}/crm.lead.list.json?start=50",
        f"https://x.bitrix24.ru/rest/1/{CODE}/profile.json",
    ],
)
def test_split_webhook_url_separates_base_and_code(url: str) -> None:
    parts = split_webhook_url(url)
    assert (parts.portal_url, parts.user_id, parts.code) == ("https://x.bitrix24.ru/", 1, CODE)
    assert parts.base == "https://x.bitrix24.ru/rest/1/"


def test_split_webhook_url_keeps_port_and_path_prefix() -> None:
    parts = split_webhook_url(f"http://127.0.0.1:8123/b24/rest/17/{CODE}/")
    assert parts.portal_url == "http://127.0.0.1:8123/b24/"
    assert parts.user_id == 17


@pytest.mark.parametrize(
    "url",
    [
        "",
        "x.bitrix24.ru/rest/1/abc/",
        "https://x.bitrix24.ru/",
        "https://x.bitrix24.ru/rest/1/",
        # The code was cut out and the method name sits in its place.
        "https://x.bitrix24.ru/rest/1/crm.lead.list.json",
        "https://x.bitrix24.ru/rest/0/abc123/",
        "https://x.bitrix24.ru/rest/me/abc123/",
    ],
)
def test_split_webhook_url_refuses_urls_without_user_and_code(url: str) -> None:
    with pytest.raises(ConfigError):
        split_webhook_url(url)


def test_split_webhook_url_error_does_not_repeat_the_code() -> None:
    with pytest.raises(ConfigError) as caught:
        split_webhook_url(f"ftp://x.bitrix24.ru/rest/1/{CODE}/")
    assert CODE not in str(caught.value)


def test_webhook_url_joins_base_and_stored_code(file_store: SecretStore) -> None:
    parts = split_webhook_url(f"https://x.bitrix24.ru/rest/1/{CODE}/crm.lead.get")
    profile = parts.to_profile("Main", RATE_PLANS["enterprise"])
    file_store.set(profile.name, SecretKind.WEBHOOK_CODE, parts.code)
    assert webhook_url(profile, file_store) == f"https://x.bitrix24.ru/rest/1/{CODE}/"
    assert profile.rate_limit == RateLimit(5.0, 250)


def test_webhook_url_without_a_stored_code_says_so(file_store: SecretStore) -> None:
    with pytest.raises(MissingSecretError, match="paste the webhook URL"):
        webhook_url(webhook_profile(), file_store)
    with pytest.raises(ConfigError):
        webhook_url(oauth_profile(), file_store)


# --- secrets: file fallback (what runs on a machine without a keyring daemon) ---------------


@pytest.mark.parametrize("backend", [fail.Keyring(), null.Keyring()])
def test_stand_in_keyrings_mean_fallback(paths: Paths, backend: KeyringBackend) -> None:
    store = SecretStore(paths, backend=backend)
    assert store.is_fallback
    assert store.backend_name == config.FILE_BACKEND_NAME
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
    file_store.set("Main", SecretKind.WEBHOOK_CODE, CODE)
    assert file_store.get("Main", SecretKind.WEBHOOK_CODE) == CODE


# --- secrets: system keyring ----------------------------------------------------------------


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
    with caplog.at_level(logging.DEBUG, logger="b24desk.config"):
        store.set("Main", SecretKind.WEBHOOK_CODE, CODE)
    assert store.is_fallback
    assert store.fallback_note == FALLBACK_NOTE
    assert store.get("Main", SecretKind.WEBHOOK_CODE) == CODE
    assert "KeyringLocked" in caplog.text or "PasswordSetError" in caplog.text
    assert CODE not in caplog.text


def test_secrets_saved_without_keyring_are_found_and_moved_later(paths: Paths) -> None:
    SecretStore(paths, backend=fail.Keyring()).set("Main", SecretKind.WEBHOOK_CODE, CODE)
    backend = MemoryKeyring()
    store = SecretStore(paths, backend=backend)
    assert store.get("Main", SecretKind.WEBHOOK_CODE) == CODE
    store.set("Main", SecretKind.WEBHOOK_CODE, CODE)
    assert backend.store == {(KEYRING_SERVICE, "Main/webhook_code"): CODE}
    assert CODE not in store.secrets_file.read_text(encoding="utf-8")


# --- settings file -------------------------------------------------------------------------


def test_missing_settings_file_gives_defaults(paths: Paths) -> None:
    settings = load_settings(paths)
    assert settings == AppSettings()
    assert (settings.entity_type, settings.language, settings.last_profile) == (
        "lead",
        "system",
        None,
    )


def test_settings_round_trip(paths: Paths) -> None:
    settings = AppSettings(
        entity_type="deal",
        language="ru",
        window_geometry="01d9d0cb0003",
        window_state="000000ff",
        splitter_sizes={"mainSplitter": [320, 880]},
        header_states={"entityTable": "00ff"},
    )
    settings.add_profile(webhook_profile())
    settings.add_profile(
        Profile(
            "App",
            "oauth",
            "https://y.bitrix24.ru/",
            client_id="local.1",
            rate_limit=RATE_PLANS["enterprise"],
        )
    )
    settings.last_profile = "App"
    save_settings(settings)  # default paths: B24DESK_HOME
    loaded = load_settings(paths)
    assert loaded == settings
    assert list(loaded.profiles) == ["Main", "App"]
    assert loaded.current_profile == settings.profiles["App"]


def test_save_is_atomic_and_leaves_no_temp_files(paths: Paths, monkeypatch) -> None:
    save_settings(AppSettings(language="de"), paths)
    before = paths.settings_file.read_bytes()

    def broken_replace(src: object, dst: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(config.os, "replace", broken_replace)
    with pytest.raises(ConfigError, match="No space left"):
        save_settings(AppSettings(language="fr"), paths)
    assert paths.settings_file.read_bytes() == before
    assert sorted(p.name for p in paths.config_dir.iterdir()) == ["settings.json"]


def test_unwritable_settings_raise_config_error(tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x", encoding="utf-8")
    with pytest.raises(ConfigError):
        save_settings(AppSettings(), Paths.under(blocker))


@pytest.mark.parametrize(
    "content", [b"{truncated", b"[1, 2, 3]", b"\xff\xfe\x00garbage", b"", b"null"]
)
def test_corrupt_settings_are_kept_as_bak_and_defaults_used(paths: Paths, content: bytes) -> None:
    paths.ensure()
    paths.settings_file.write_bytes(content)
    settings = load_settings(paths)
    backup = paths.config_dir / "settings.json.bak"
    assert settings == AppSettings()
    assert settings.recovered_from == backup
    assert backup.read_bytes() == content
    assert not paths.settings_file.exists()
    save_settings(settings, paths)
    assert load_settings(paths).recovered_from is None


def test_unreadable_settings_do_not_crash(paths: Paths) -> None:
    paths.settings_file.mkdir(parents=True)  # a folder where the file should be
    assert load_settings(paths) == AppSettings()


def test_bad_values_cost_only_themselves(paths: Paths) -> None:
    good = {"name": "Main", "kind": "webhook", "portal_url": "https://x.bitrix24.ru/", "user_id": 1}
    data = {
        "version": 99,
        "profiles": [
            good,
            {"name": "Bad", "kind": "soap", "portal_url": "https://x/"},
            {"name": "Worse", "kind": "webhook", "portal_url": "https://x/", "user_id": "1"},
            "not a profile",
            good | {"user_id": 2},  # a duplicate name: the first one wins
        ],
        "last_profile": ["not", "a", "name"],
        "entity_type": "invoice",
        "language": 5,
        "splitter_sizes": {"ok": [1, 2], "bad": [1, "x"], "worse": 3},
        "header_states": {"ok": "00", "bad": 1},
        "unknown_future_key": True,
    }
    paths.ensure()
    paths.settings_file.write_text(json.dumps(data), encoding="utf-8")
    settings = load_settings(paths)
    assert list(settings.profiles) == ["Main"]
    assert settings.profiles["Main"].user_id == 1
    assert settings.last_profile is None
    assert (settings.entity_type, settings.language) == ("lead", "system")
    assert settings.splitter_sizes == {"ok": [1, 2]}
    assert settings.header_states == {"ok": "00"}
    assert settings.recovered_from is None


def test_last_profile_that_no_longer_exists_is_dropped(paths: Paths) -> None:
    paths.ensure()
    paths.settings_file.write_text('{"profiles": [], "last_profile": "Gone"}', encoding="utf-8")
    assert load_settings(paths).last_profile is None


# --- profile helpers -----------------------------------------------------------------------


def test_add_refuses_a_duplicate_name() -> None:
    settings = AppSettings()
    settings.add_profile(webhook_profile())
    with pytest.raises(ConfigError, match="already exists"):
        settings.add_profile(webhook_profile())


def test_remove_profile_deletes_its_secrets(file_store: SecretStore) -> None:
    settings = AppSettings(last_profile="Main")
    settings.add_profile(webhook_profile())
    settings.add_profile(webhook_profile("Other"))
    file_store.set("Main", SecretKind.WEBHOOK_CODE, CODE)
    file_store.set("Other", SecretKind.WEBHOOK_CODE, "othercode")
    removed = settings.remove_profile("Main", file_store)
    assert removed.name == "Main"
    assert list(settings.profiles) == ["Other"]
    assert settings.last_profile is None
    assert file_store.get("Main", SecretKind.WEBHOOK_CODE) is None
    assert file_store.get("Other", SecretKind.WEBHOOK_CODE) == "othercode"
    with pytest.raises(ConfigError, match="no profile"):
        settings.remove_profile("Main", file_store)


def test_remove_profile_deletes_keyring_secrets(paths: Paths, memory_keyring) -> None:
    store = SecretStore(paths)
    settings = AppSettings()
    settings.add_profile(oauth_profile())
    store_oauth_secrets(store, "App")
    settings.remove_profile("App", store)
    assert memory_keyring.store == {}


def test_rename_profile_moves_secrets_and_keeps_order(file_store: SecretStore) -> None:
    settings = AppSettings(last_profile="B")
    for name in ("A", "B", "C"):
        settings.add_profile(webhook_profile(name))
    file_store.set("B", SecretKind.WEBHOOK_CODE, CODE)
    renamed = settings.rename_profile("B", " Sales ", file_store)
    assert renamed.name == "Sales"
    assert list(settings.profiles) == ["A", "Sales", "C"]
    assert settings.last_profile == "Sales"
    assert file_store.get("Sales", SecretKind.WEBHOOK_CODE) == CODE
    assert file_store.get("B", SecretKind.WEBHOOK_CODE) is None
    with pytest.raises(ConfigError, match="already exists"):
        settings.rename_profile("A", "C", file_store)
    assert settings.rename_profile("A", "A", file_store).name == "A"


def test_replace_profile_drops_secrets_of_the_old_kind(file_store: SecretStore) -> None:
    settings = AppSettings()
    settings.add_profile(webhook_profile("Main"))
    file_store.set("Main", SecretKind.WEBHOOK_CODE, CODE)
    new = Profile("Main", "oauth", "https://x.bitrix24.ru/", client_id="local.1")
    old = settings.replace_profile(new, file_store)
    assert old.kind is ProfileKind.WEBHOOK
    assert settings.profiles["Main"] == new
    assert file_store.get("Main", SecretKind.WEBHOOK_CODE) is None
    with pytest.raises(ConfigError):
        settings.replace_profile(webhook_profile("Nobody"), file_store)


# --- secrets never leak ---------------------------------------------------------------------


def test_secrets_stay_out_of_settings_file_reprs_and_logs(
    paths: Paths, file_store: SecretStore, caplog
) -> None:
    caplog.set_level(logging.DEBUG)
    parts = split_webhook_url(f"https://x.bitrix24.ru/rest/1/{CODE}/")
    settings = AppSettings()
    settings.add_profile(parts.to_profile("Main"))
    settings.add_profile(oauth_profile())
    file_store.set("Main", SecretKind.WEBHOOK_CODE, parts.code)
    store_oauth_secrets(file_store, "App")
    settings.last_profile = "Main"
    save_settings(settings, paths)
    settings.rename_profile("App", "App 2", file_store)
    save_settings(settings, paths)

    text = paths.settings_file.read_text(encoding="utf-8")
    shown = " ".join(
        [
            text,
            repr(settings),
            str(settings),
            repr(file_store),
            repr(parts),
            str(parts),
            caplog.text,
        ]
        + [repr(p) for p in settings.profiles.values()]
    )
    for secret in ALL_SECRETS:
        assert secret not in shown
    # ...yet they are all still retrievable.
    assert webhook_url(settings.profiles["Main"], file_store).endswith(f"/{CODE}/")
    assert file_store.get("App 2", SecretKind.REFRESH_TOKEN) == REFRESH
