"""Desktop packaging files: AppStream metainfo, .desktop entry, icons, wheel package data.

No build here: CI (.ci/run) builds the PyInstaller bundle and starts it.
"""

from __future__ import annotations

import ast
import configparser
import tomllib
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
RESOURCES = ROOT / "resources"
METAINFO = RESOURCES / "io.github.b24desk.B24desk.metainfo.xml"
DESKTOP = RESOURCES / "b24desk.desktop"
ICON_SIZES = (16, 32, 48, 64, 128, 256)
LANG = "{http://www.w3.org/XML/1998/namespace}lang"
RAW_PREFIX = "https://raw.githubusercontent.com/b24desk/b24desk/main/"


def _metainfo() -> ET.Element:
    return ET.parse(METAINFO).getroot()


def test_metainfo_parses_and_has_the_required_fields():
    root = _metainfo()
    assert root.tag == "component"
    assert root.get("type") == "desktop-application"
    assert root.findtext("id") == "io.github.b24desk.B24desk"
    assert root.findtext("metadata_license") == "CC0-1.0"
    assert root.findtext("project_license") == "MIT"
    assert root.findtext("name") == "b24desk"
    summaries = {s.get(LANG): s.text for s in root.findall("summary")}
    assert summaries.keys() == {None, "ru"}
    description_langs = {p.get(LANG) for p in root.find("description").findall("p")}
    assert description_langs == {None, "ru"}
    launchable = root.find("launchable")
    assert launchable.get("type") == "desktop-id"
    assert launchable.text == DESKTOP.name
    assert root.find("content_rating") is not None


def test_metainfo_release_is_the_package_version():
    from b24desk import __version__

    versions = [r.get("version") for r in _metainfo().find("releases").findall("release")]
    assert versions[0] == __version__


def test_metainfo_screenshots_exist_in_the_repository():
    images = [i.text for i in _metainfo().iter("image")]
    assert images
    for url in images:
        assert url.startswith(RAW_PREFIX), url
        path = ROOT / url.removeprefix(RAW_PREFIX)
        assert path.parent == RESOURCES / "screenshots"
        assert path.is_file(), f"{url} names a missing screenshot"


def _desktop_entry() -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None, strict=True)
    parser.optionxform = str  # keys are case-sensitive
    parser.read(DESKTOP, encoding="utf-8")
    return parser["Desktop Entry"]


def test_desktop_entry_has_the_required_keys():
    entry = _desktop_entry()
    for key in ("Name", "Name[ru]", "Comment", "Comment[ru]", "StartupWMClass"):
        assert entry.get(key), key
    assert entry["Type"] == "Application"
    assert entry["Exec"] == "b24desk"
    assert entry["Icon"] == "b24desk"
    assert entry["Terminal"] == "false"
    assert entry["Categories"] == "Office;Network;"


def test_the_command_named_by_the_desktop_entry_is_a_script():
    scripts = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["scripts"]
    assert _desktop_entry()["Exec"].split()[0] in scripts


@pytest.mark.parametrize("size", ICON_SIZES)
def test_icon_theme_and_package_icons_exist(size):
    assert (RESOURCES / "icons" / "hicolor" / f"{size}x{size}" / "apps" / "b24desk.png").is_file()
    assert (ROOT / "b24desk" / "resources" / "icons" / f"b24desk-{size}.png").is_file()


def test_svg_icon_is_well_formed():
    root = ET.parse(RESOURCES / "icons" / "b24desk.svg").getroot()
    assert root.tag == "{http://www.w3.org/2000/svg}svg"


def test_wheel_package_data_globs_match_existing_files():
    config = tomllib.loads((ROOT / "pyproject.toml").read_text())
    globs = config["tool"]["setuptools"]["package-data"]["b24desk"]
    package = ROOT / "b24desk"
    for pattern in globs:
        assert list(package.glob(pattern)), f"package-data glob {pattern!r} matches nothing"
    shipped = {p for pattern in globs for p in package.glob(pattern)}
    # What the app loads at run time must be covered by those globs.
    needed = {*package.glob("i18n/*.qm"), *package.glob("resources/icons/*.png")}
    assert needed and needed <= shipped


def test_app_icon_has_every_size(qapp):
    from b24desk.resources import ICON_SIZES as SHIPPED
    from b24desk.resources import app_icon, icon_files

    assert len(icon_files()) == len(SHIPPED)
    sizes = {s.width() for s in app_icon().availableSizes()}
    assert sizes == set(ICON_SIZES)


def test_package_extra_is_not_part_of_test_or_dev():
    extras = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"][
        "optional-dependencies"
    ]
    assert any(req.startswith("pyinstaller") for req in extras["package"])
    assert not any("pyinstaller" in req for name in ("test", "dev") for req in extras[name])


# --- the bundle's spec and CI's pins ------------------------------------------------------

SPEC = ROOT / "packaging" / "b24desk.spec"
CONSTRAINTS = ROOT / ".ci" / "constraints.txt"
CI_RUN = ROOT / ".ci" / "run"


def _spec_part(*names: str) -> dict:
    """Run only the named top-level definitions of the spec (it needs PyInstaller to run)."""
    tree = ast.parse(SPEC.read_text())
    wanted = [
        node
        for node in tree.body
        if isinstance(node, ast.FunctionDef | ast.Assign)
        and (
            getattr(node, "name", None) in names
            or any(getattr(t, "id", None) in names for t in getattr(node, "targets", ()))
        )
    ]
    namespace: dict = {"Path": Path}
    exec(compile(ast.Module(wanted, []), str(SPEC), "exec"), namespace)
    return namespace


def test_spec_leaves_out_the_gtk_platform_theme_and_keeps_the_others():
    spec = _spec_part("LEFT_OUT_QT_PLUGINS", "_without_left_out_plugins")
    found = {
        "platformthemes": [
            ("/qt/plugins/platformthemes/libqgtk3.so", "PySide6/Qt/plugins/platformthemes"),
            ("/qt/plugins/platformthemes/libqxdgdesktopportal.so", "PySide6/Qt/plugins/x"),
        ],
        "platforms": [("/qt/plugins/platforms/libqxcb.so", "PySide6/Qt/plugins/platforms")],
    }
    collect = spec["_without_left_out_plugins"](lambda _self, kind: found[kind])
    themes = [Path(src).name for src, _ in collect(None, "platformthemes")]
    assert themes == ["libqxdgdesktopportal.so"]
    assert collect(None, "platforms") == found["platforms"]
    # ... and the spec puts the filter where PyInstaller's Qt hooks collect plugins.
    assert "QtLibraryInfo.collect_plugins = _without_left_out_plugins(" in SPEC.read_text()


def test_the_patched_pyinstaller_method_exists_where_pyinstaller_is_installed():
    qt = pytest.importorskip("PyInstaller.utils.hooks.qt")
    assert callable(qt.QtLibraryInfo.collect_plugins)


def _pins() -> dict[str, str]:
    pins = {}
    for line in CONSTRAINTS.read_text().splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            name, version = line.split("==")
            pins[name.strip().lower()] = version.strip()
    return pins


def test_constraints_pin_every_tool_of_the_dev_and_package_extras():
    from packaging.requirements import Requirement

    extras = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"][
        "optional-dependencies"
    ]
    tools = [Requirement(r) for r in (*extras["dev"], *extras["package"])]
    tools = [t for t in tools if t.name != "b24desk"]
    pins = _pins()
    assert {t.name.lower() for t in tools} <= pins.keys()
    for tool in tools:
        assert tool.specifier.contains(pins[tool.name.lower()]), tool


def test_ci_and_the_readme_install_with_the_pins_and_ci_leaves_dot_venv_alone():
    readme = (ROOT / "README.md").read_text()
    test_command = next(line for line in readme.splitlines() if "-m pytest" in line)
    assert '-e ".[dev]" -c .ci/constraints.txt' in test_command
    ci = CI_RUN.read_text()
    installs = [line for line in ci.splitlines() if "pip install" in line and "-e" in line]
    assert installs and all("-c .ci/constraints.txt" in line for line in installs)
    code = "\n".join(line.split("#", 1)[0] for line in ci.splitlines())
    assert "-m venv .ci-venv" in code and ".venv" not in code.replace(".ci-venv", "")
    assert ".ci-venv/" in (ROOT / ".gitignore").read_text().splitlines()
