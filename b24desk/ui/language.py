"""The UI language: pick it from the settings, install its translators and default locale.

`settings.language` is "system" (follow the OS), "en" or "ru"; b24desk ships Russian
translations (b24desk/i18n/b24desk_ru.qm, built by packaging/translations.py), and Qt's own
qtbase_ru.qm makes standard buttons (Cancel, Yes…) Russian too.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

I18N_DIR = Path(__file__).resolve().parent.parent / "i18n"
LANGUAGES = ("system", "en", "ru")
TRANSLATED = ("ru",)  # languages with a b24desk_<code>.qm; English is the source language


def resolve(language: str, system: QLocale | None = None) -> str:
    """The language code to use: "en" or "ru"; "system" (or anything unknown) asks the OS."""
    if language in ("en", "ru"):
        return language
    for name in (system or QLocale.system()).uiLanguages():
        code = name.split("-")[0].split("_")[0].lower()
        if code in ("en", "ru"):
            return code
    return "en"


def locale_for(language: str, system: QLocale | None = None) -> QLocale:
    """Dates and numbers: the system's own locale when it speaks the language, else a default."""
    system = system or QLocale.system()
    code = resolve(language, system)
    if system.name().split("_")[0] == code:
        return system
    if code == "ru":
        return QLocale(QLocale.Language.Russian, QLocale.Country.Russia)
    return QLocale(QLocale.Language.English, QLocale.Country.UnitedStates)


def install(language: str, app: QCoreApplication | None = None) -> list[QTranslator]:
    """Install the translators for `language` and set the default locale.

    Returns the installed translators (children of `app`, so they live as long as it);
    pass them to `uninstall` to go back to English.
    """
    app = app or QCoreApplication.instance()
    assert app is not None, "create the QApplication first"
    locale = locale_for(language)
    QLocale.setDefault(locale)
    code = resolve(language)
    installed: list[QTranslator] = []
    if code not in TRANSLATED:
        return installed
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    for name, directory in ((f"qtbase_{code}", qt_dir), (f"b24desk_{code}", str(I18N_DIR))):
        translator = QTranslator(app)
        if translator.load(name, directory) and app.installTranslator(translator):
            installed.append(translator)
    return installed


def uninstall(translators: list[QTranslator], app: QCoreApplication | None = None) -> None:
    app = app or QCoreApplication.instance()
    if app is None:
        return
    for translator in translators:
        app.removeTranslator(translator)
