"""Russian and English UI: every visible string is registered and translated, and "ru" loads."""

from __future__ import annotations

import ast
import importlib.util
import inspect
import pkgutil
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QComboBox, QDialogButtonBox, QPushButton

import b24desk.api
import b24desk.desk
import b24desk.settings
from b24desk.api.coded_errors import NotOperatorError
from b24desk.api.errors import B24Error
from b24desk.desk import desk
from b24desk.desk.view import EntityChats
from b24desk.settings import profiles, secrets
from b24desk.settings.errors import ConfigError
from b24desk.settings.paths import Paths
from b24desk.settings.secrets import SecretStore
from b24desk.settings.store import load_settings
from b24desk.ui import language
from b24desk.ui.errors import user_text
from b24desk.ui.main_window import MainWindow

ROOT = Path(__file__).resolve().parents[2]
RU_TS = ROOT / "resources" / "translations" / "b24desk_ru.ts"


def _tool_script():
    spec = importlib.util.spec_from_file_location(
        "translations", ROOT / "packaging/translations.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _messages(ts: Path) -> dict[tuple[str, str], ET.Element]:
    """(context, source) -> the <translation> element."""
    found = {}
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name")
        for message in context.iter("message"):
            found[(name, message.findtext("source"))] = message.find("translation")
    return found


def _fields(text: str) -> list[str]:
    return sorted(re.findall(r"\{(\w*)", text))


# ---- registration: texts from the Qt-free layers, marked where they are defined ----


@pytest.fixture(scope="module")
def marked(tmp_path_factory) -> dict[str, set[tuple[str, str]]]:
    """(context, source) pairs lupdate finds in each Qt-free layer's own files."""
    tool = _tool_script()
    found = {}
    for layer in ("api", "desk", "settings"):
        ts = tmp_path_factory.mktemp(layer) / "marked.ts"
        tool.lupdate(ts, "ru_RU", ROOT / "b24desk" / layer)
        found[layer] = set(_messages(ts))
    return found


def _classes_with_user_message(package) -> set[type]:
    found = set()
    for info in pkgutil.walk_packages(package.__path__, package.__name__ + "."):
        module = importlib.import_module(info.name)
        for _, cls in inspect.getmembers(module, inspect.isclass):
            if isinstance(getattr(cls, "user_message", None), str):
                found.add(cls)
    return found


def _all_subclasses(cls: type) -> set[type]:
    return {cls}.union(*(_all_subclasses(sub) for sub in cls.__subclasses__()))


def test_every_error_class_message_is_marked_where_it_is_defined(marked):
    classes = (
        _all_subclasses(B24Error)
        | _classes_with_user_message(b24desk.api)
        | _classes_with_user_message(b24desk.desk)
    )
    assert NotOperatorError in classes and desk.NotInChatError in classes
    registered = {
        source for context, source in marked["api"] | marked["desk"] if context == "errors"
    }
    missing = {c.__name__: c.user_message for c in classes if c.user_message not in registered}
    assert not missing, f'mark these with QT_TRANSLATE_NOOP("errors", ...): {missing}'


def _literal(node: ast.AST | None) -> str | None:
    """The text of a string literal, or of a QT_TRANSLATE_NOOP(context, literal) around one."""
    if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "QT_TRANSLATE_NOOP":
        node = node.args[1]
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    return None


def _string_args(tree: ast.AST, callee: set[str]) -> set[str]:
    return {
        text
        for node in ast.walk(tree)
        if isinstance(node, ast.Call) and getattr(node.func, "id", None) in callee and node.args
        for text in [_literal(node.args[0])]
        if text is not None
    }


def test_every_config_error_message_is_marked_where_it_is_defined(marked):
    sources = sorted(Path(b24desk.settings.__file__).parent.glob("*.py"))
    trees = [ast.parse(path.read_text(encoding="utf-8")) for path in sources]
    raised = set(profiles._URL_PROBLEMS.values())
    for tree in trees:
        raised |= _string_args(tree, {"ConfigError", "MissingSecretError"})
        # write_config_file(path, data, template) raises ConfigError(template) on failure.
        raised |= {
            text
            for node in ast.walk(tree)
            if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "write_config_file"
            for text in [_literal(node.args[-1])]
            if text is not None
        }
    assert len(raised) > 10
    assert "Cannot save settings to {path}: {reason}" in raised
    # A raise with an f-string could never be translated: templates and fields only.
    formatted = [
        node
        for tree in trees
        for node in ast.walk(tree)
        if isinstance(node, ast.Call)
        and getattr(node.func, "id", None) in {"ConfigError", "MissingSecretError"}
        and node.args
        and isinstance(node.args[0], ast.JoinedStr)
    ]
    assert not formatted, "pass ConfigError a template and fields, not an f-string"
    errors = {source for context, source in marked["settings"] if context == "errors"}
    assert raised - errors == set(), 'mark them with QT_TRANSLATE_NOOP("errors", ...)'
    assert ("texts", secrets.FALLBACK_NOTE) in marked["settings"]


@pytest.mark.parametrize(
    ("blocker", "count"),
    [(EntityChats.lead_blocker, 2), (EntityChats.removal_blocker, 1)],
)
def test_blockers_are_marked_where_they_are_defined(marked, blocker, count):
    source = inspect.getsource(blocker)
    returned = {
        text
        for node in ast.walk(ast.parse(source.strip()))
        if isinstance(node, ast.Return)
        for text in [_literal(node.value)]
        if text is not None
    }
    assert len(returned) == count
    assert {("texts", text) for text in returned} <= marked["desk"]


# ---- the translation files ----


def test_every_visible_string_has_a_russian_translation(tmp_path):
    fresh = tmp_path / "fresh.ts"
    _tool_script().lupdate(fresh, "ru_RU")
    sources = _messages(fresh)
    assert len(sources) > 150
    ru = _messages(RU_TS)
    problems = []
    for key in sources:
        translation = ru.get(key)
        if translation is None or translation.get("type") or not (translation.text or "").strip():
            problems.append(key)
        elif _fields(translation.text) != _fields(key[1]):
            problems.append((*key, "placeholders differ"))
    assert not problems, (
        "untranslated: run `python packaging/translations.py update`, translate "
        f"resources/translations/b24desk_ru.ts, then `... release`: {problems}"
    )


@pytest.mark.parametrize("code", ["ru", "en"])
def test_committed_qm_files_match_the_ts_files(tmp_path, code):
    tool = _tool_script()
    tool.lrelease(tool.ts_file(code), tool.qm_file(code, tmp_path))
    assert tool.qm_file(code).read_bytes() == tool.qm_file(code, tmp_path).read_bytes(), (
        "run `python packaging/translations.py release`"
    )


# ---- choosing and loading the language ----


def test_language_follows_the_system_unless_chosen():
    assert language.resolve("system", QLocale("ru_RU")) == "ru"
    assert language.resolve("system", QLocale("en_GB")) == "en"
    assert language.resolve("system", QLocale("de_DE")) == "en"
    assert language.resolve("ru", QLocale("en_US")) == "ru"
    assert language.resolve("en", QLocale("ru_RU")) == "en"
    assert language.locale_for("ru", QLocale("en_US")).language() == QLocale.Language.Russian
    assert language.locale_for("en", QLocale("en_GB")).name() == "en_GB"


@pytest.fixture
def russian(qapp):
    """Russian translators and locale for one test; English again afterwards."""
    before = QLocale()
    installed = language.install("ru", qapp)
    yield installed
    language.uninstall(installed, qapp)
    QLocale.setDefault(before)


@pytest.fixture
def window(aloop, tmp_path, monkeypatch, qtbot):
    made = []

    def make() -> MainWindow:
        monkeypatch.setenv("B24DESK_HOME", str(tmp_path))
        paths = Paths.default().ensure()
        made.append(MainWindow(load_settings(paths), paths, SecretStore(paths)))
        return made[0]

    yield make
    for opened in made:
        aloop.run_until_complete(opened.aclose())
        opened.close()
        opened.deleteLater()


def test_russian_ui(russian, window):
    assert len(russian) == 2  # Qt's own and ours
    main = window()
    assert main.findChild(QPushButton, "sendButton").text() == "Отпр&авить"
    assert main.findChild(QPushButton, "createLeadButton").text() == "Создать &лид"
    switch = main.findChild(QComboBox, "entityTypeSwitch")
    assert [switch.itemText(i) for i in range(switch.count())] == [
        "Лиды",
        "Сделки",
        "Контакты",
        "Компании",
    ]
    titles = [action.text() for action in main.menuBar().actions()]
    assert titles == ["&Подключение", "&Вид", "&Чат", "&Справка"]
    assert user_text(desk.NotInChatError()).startswith("Вы ещё не участник")
    assert user_text(ConfigError("There is no profile named {name!r}.", name="X")) == (
        "Подключения «X» нет."
    )
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
    assert buttons.button(QDialogButtonBox.StandardButton.Cancel).text() == "Отмена"
    assert QLocale().language() == QLocale.Language.Russian


def test_english_is_the_default(window):
    main = window()
    assert main.findChild(QPushButton, "sendButton").text() == "&Send"
    assert user_text(ConfigError("There is no profile named {name!r}.", name="X")) == (
        "There is no profile named 'X'."
    )


def test_language_menu_saves_the_choice(window):
    main = window()
    main.findChild(QAction, "language_ru").trigger()
    assert main.settings.language == "ru"
    assert load_settings(main.paths).language == "ru"
    assert main.restart_bar.isVisibleTo(main)  # a restart is offered in the window
