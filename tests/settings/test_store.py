"""The settings file: round trip, per-field validation, set-aside records, schema upgrades."""

from __future__ import annotations

import json
import logging
from pathlib import Path

import pytest

from b24desk import files
from b24desk.files import SetAside
from b24desk.settings.errors import ConfigError
from b24desk.settings.paths import Paths
from b24desk.settings.profiles import (
    RATE_PLANS,
    Profile,
    ProfileKind,
    RateLimit,
    SecretKind,
    split_webhook_url,
    webhook_url,
)
from b24desk.settings.secrets import SecretStore
from b24desk.settings.store import (
    MAX_SPLITTER_SIZE,
    SCHEMA_VERSION,
    AppSettings,
    load_settings,
    save_settings,
)

from .helpers import (
    ALL_SECRETS,
    CODE,
    REFRESH,
    deep_json,
    oauth_profile,
    store_oauth_secrets,
    webhook_profile,
)

GOOD = {"name": "Main", "kind": "webhook", "portal_url": "https://x.bitrix24.ru/", "user_id": 1}


def write_settings(paths: Paths, data: object) -> None:
    paths.ensure()
    paths.settings_file.write_text(json.dumps(data), encoding="utf-8")


def asides(paths: Paths) -> list[str]:
    return sorted(p.name for p in paths.config_dir.glob("*.bak"))


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

    monkeypatch.setattr(files.os, "replace", broken_replace)
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
    assert settings.set_aside == [SetAside("settings", backup)]
    assert backup.read_bytes() == content
    assert not paths.settings_file.exists()
    save_settings(settings, paths)
    assert load_settings(paths).set_aside == []


def test_deeply_nested_settings_are_kept_aside_not_a_crash(paths: Paths) -> None:
    """json.loads raised RecursionError here and b24desk exited at start-up."""
    paths.ensure()
    paths.settings_file.write_bytes(deep_json(100_000))
    settings = load_settings(paths)
    assert settings == AppSettings()
    assert settings.set_aside == [SetAside("settings", paths.config_dir / "settings.json.bak")]
    assert settings.set_aside[0].where.read_bytes() == deep_json(100_000)


def test_a_second_corruption_never_overwrites_the_first(paths: Paths) -> None:
    paths.ensure()
    paths.settings_file.write_text("{first", encoding="utf-8")
    first = load_settings(paths)
    save_settings(first, paths)
    paths.settings_file.write_text("{second", encoding="utf-8")
    second = load_settings(paths)
    assert first.set_aside[0].where != second.set_aside[0].where
    assert first.set_aside[0].where.read_text(encoding="utf-8") == "{first"
    assert second.set_aside[0].where.read_text(encoding="utf-8") == "{second"


def test_unreadable_settings_do_not_crash(paths: Paths) -> None:
    paths.settings_file.mkdir(parents=True)  # a folder where the file should be
    assert load_settings(paths) == AppSettings()


def test_bad_values_cost_only_themselves(paths: Paths) -> None:
    data = {
        "version": 1,
        "profiles": [
            GOOD,
            {"name": "Bad", "kind": "soap", "portal_url": "https://x/"},
            {"name": "Worse", "kind": "webhook", "portal_url": "https://x/", "user_id": "1"},
            "not a profile",
            GOOD | {"user_id": 2},  # a duplicate name: the first one wins
        ],
        "last_profile": ["not", "a", "name"],
        "entity_type": "invoice",
        "language": 5,
        "splitter_sizes": {"ok": [1, 2], "bad": [1, "x"], "worse": 3},
        "header_states": {"ok": "00", "bad": 1},
        "unknown_future_key": True,
    }
    write_settings(paths, data)
    settings = load_settings(paths)
    # "1" for a user id is plainly 1: accepted, not dropped (issue 9).
    assert list(settings.profiles) == ["Main", "Worse"]
    assert settings.profiles["Main"].user_id == 1
    assert settings.profiles["Worse"].user_id == 1
    assert settings.last_profile is None
    assert (settings.entity_type, settings.language) == ("lead", "system")
    assert settings.splitter_sizes == {"ok": [1, 2]}
    assert settings.header_states == {"ok": "00"}
    # What could not be used is named, and kept in one copy of the file.
    copy = paths.config_dir / "settings.json.bak"
    assert settings.set_aside == [
        SetAside("profile", copy, "Bad"),
        SetAside("profile", copy, "#4"),
        SetAside("profile", copy, "Main"),
    ]
    assert json.loads(copy.read_text(encoding="utf-8")) == data


def test_a_user_id_written_as_text_is_kept(paths: Paths) -> None:
    """A profile with "user_id": "7" was dropped, then erased by the next save."""
    write_settings(paths, {"version": 1, "profiles": [GOOD | {"user_id": "7"}]})
    settings = load_settings(paths)
    assert settings.profiles["Main"].user_id == 7
    assert settings.set_aside == []
    save_settings(settings, paths)
    assert load_settings(paths).profiles["Main"].webhook_base == "https://x.bitrix24.ru/rest/7/"


@pytest.mark.parametrize("user_id", ["seven", True, 1.5, None, 10**400, "-3"])
def test_a_user_id_that_is_not_a_number_sets_the_profile_aside(paths: Paths, user_id) -> None:
    paths.ensure()
    text = json.dumps({"profiles": [GOOD, GOOD | {"name": "Odd", "user_id": user_id}]})
    paths.settings_file.write_text(text, encoding="utf-8")
    settings = load_settings(paths)
    assert list(settings.profiles) == ["Main"]
    assert [(kept.what, kept.name) for kept in settings.set_aside] == [("profile", "Odd")]


def test_a_profile_that_cannot_be_read_survives_the_next_save(paths: Paths) -> None:
    odd = {"name": "Sales", "kind": "webhook", "portal_url": "https://x/", "user_id": "seven"}
    write_settings(paths, {"version": 1, "profiles": [GOOD, odd]})
    settings = load_settings(paths)
    assert list(settings.profiles) == ["Main"]
    [kept] = settings.set_aside
    assert (kept.what, kept.name) == ("profile", "Sales")
    save_settings(settings, paths)
    save_settings(load_settings(paths), paths)
    assert odd in json.loads(kept.where.read_text(encoding="utf-8"))["profiles"]
    # Told once: the saved file no longer holds it, so the next load reports nothing.
    assert load_settings(paths).set_aside == []
    assert asides(paths) == ["settings.json.bak"]


def test_a_bad_rate_limit_costs_only_the_rate_limit(paths: Paths) -> None:
    write_settings(
        paths,
        {"profiles": [GOOD | {"rate_limit": {"rate": 1e400, "burst": 250}}]},
    )
    settings = load_settings(paths)
    assert settings.profiles["Main"].rate_limit == RateLimit()
    assert settings.set_aside == []


@pytest.mark.parametrize(
    ("stored", "loaded"),
    [
        ([99999999999, 300], [MAX_SPLITTER_SIZE, 300]),
        ([-5, 300], [0, 300]),
        ([2**70, -(2**70)], [MAX_SPLITTER_SIZE, 0]),
    ],
)
def test_splitter_sizes_are_clamped_to_what_qt_can_lay_out(
    paths: Paths, qtbot, stored: list[int], loaded: list[int]
) -> None:
    """99999999999 raised OverflowError in MainWindow._restore_layout at start-up."""
    from PySide6.QtWidgets import QSplitter, QWidget

    write_settings(paths, {"version": SCHEMA_VERSION, "layout": {"splitter_sizes": {"s": stored}}})
    sizes = load_settings(paths).splitter_sizes["s"]
    assert sizes == loaded
    splitter = QSplitter()
    qtbot.addWidget(splitter)
    splitter.addWidget(QWidget())
    splitter.addWidget(QWidget())
    splitter.setSizes(sizes)  # raised OverflowError with the stored values


@pytest.mark.parametrize("sizes", [[1.5, 2], [True, 2], list(range(100)), "300,400", None])
def test_splitter_sizes_that_are_not_sizes_are_dropped(paths: Paths, sizes: object) -> None:
    write_settings(paths, {"version": 1, "splitter_sizes": {"s": sizes, "t": [1, 2]}})
    assert load_settings(paths).splitter_sizes == {"t": [1, 2]}


def test_geometry_that_is_not_hex_is_dropped(paths: Paths) -> None:
    write_settings(paths, {"version": 1, "window_geometry": "<b>x</b>", "window_state": "00ff"})
    settings = load_settings(paths)
    assert (settings.window_geometry, settings.window_state) == ("", "00ff")


def test_last_profile_that_no_longer_exists_is_dropped(paths: Paths) -> None:
    paths.ensure()
    paths.settings_file.write_text('{"profiles": [], "last_profile": "Gone"}', encoding="utf-8")
    assert load_settings(paths).last_profile is None


# --- the schema version is read, and older files are upgraded --------------------------------


def test_a_version_1_file_is_upgraded_on_load_and_saved_as_the_current_version(
    paths: Paths,
) -> None:
    version_1 = {
        "version": 1,
        "profiles": [GOOD],
        "last_profile": "Main",
        "entity_type": "deal",
        "language": "ru",
        "window_geometry": "01d9",
        "window_state": "00ff",
        "splitter_sizes": {"mainSplitter": [320, 880]},
        "header_states": {"entityTable": "00ff"},
    }
    write_settings(paths, version_1)
    settings = load_settings(paths)
    assert (settings.window_geometry, settings.window_state) == ("01d9", "00ff")
    assert settings.splitter_sizes == {"mainSplitter": [320, 880]}
    assert settings.header_states == {"entityTable": "00ff"}
    assert (settings.entity_type, settings.language, settings.last_profile) == (
        "deal",
        "ru",
        "Main",
    )
    save_settings(settings, paths)
    saved = json.loads(paths.settings_file.read_text(encoding="utf-8"))
    assert saved["version"] == SCHEMA_VERSION == 2
    assert saved["layout"]["splitter_sizes"] == {"mainSplitter": [320, 880]}
    assert "splitter_sizes" not in saved
    assert load_settings(paths) == settings
    assert asides(paths) == []


def test_the_version_decides_where_layout_is_read(paths: Paths) -> None:
    layout = {"window_state": "00ff"}
    write_settings(paths, {"version": 2, "layout": layout, "window_state": "0bad"})
    assert load_settings(paths).window_state == "00ff"
    write_settings(paths, {"version": 1, "layout": {"window_state": "0bad"}} | layout)
    assert load_settings(paths).window_state == "00ff"


def test_a_file_from_a_newer_b24desk_is_copied_before_this_one_overwrites_it(
    paths: Paths,
) -> None:
    newer = {"version": 99, "profiles": [GOOD], "layout": {}, "themes": ["dark"]}
    write_settings(paths, newer)
    settings = load_settings(paths)
    assert list(settings.profiles) == ["Main"]
    copy = paths.config_dir / "settings.json.bak"
    assert settings.set_aside == [SetAside("newer settings", copy)]
    save_settings(settings, paths)
    assert json.loads(copy.read_text(encoding="utf-8")) == newer


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


def test_the_local_index_is_on_unless_the_settings_turn_it_off(paths: Paths) -> None:
    assert load_settings(paths).local_index is True
    save_settings(AppSettings(local_index=False), paths)
    assert load_settings(paths).local_index is False
    # A file written before the option existed, or with a value that is not a flag.
    for data in ({"version": SCHEMA_VERSION}, {"version": SCHEMA_VERSION, "local_index": "no"}):
        paths.settings_file.write_text(json.dumps(data))
        assert load_settings(paths).local_index is True
