"""Keep the UI translations in step with the code.

    python packaging/translations.py update    # lupdate: new source strings into the .ts files
    python packaging/translations.py release   # lrelease: .ts -> b24desk/i18n/*.qm (shipped)
    python packaging/translations.py all       # both

Translate resources/translations/b24desk_ru.ts (Qt Linguist or any editor) between the two.
English is the source language, so b24desk_en.ts keeps empty translations.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCES = ROOT / "b24desk"
TS_DIR = ROOT / "resources" / "translations"
QM_DIR = SOURCES / "i18n"
LANGUAGES = {"ru": "ru_RU", "en": "en_US"}


def tool(name: str) -> str:
    """A PySide6 tool from the running interpreter's environment, else from PATH."""
    near = Path(sys.executable).with_name(name)
    found = str(near) if near.exists() else shutil.which(name)
    if not found:
        sys.exit(f"{name} not found: install PySide6")
    return found


def ts_file(code: str) -> Path:
    return TS_DIR / f"b24desk_{code}.ts"


def qm_file(code: str, directory: Path = QM_DIR) -> Path:
    return directory / f"b24desk_{code}.qm"


def lupdate(ts: Path, target: str, sources: Path = SOURCES) -> None:
    """Collect every translatable string under `sources` into `ts` (keeping translations).

    The UI's strings are `tr()` calls; the Qt-free layers (api/, desk/, settings/) mark
    theirs where they are defined with b24desk.translatable's QT_TRANSLATE_NOOP.
    """
    ts.parent.mkdir(parents=True, exist_ok=True)
    subprocess.run(
        [
            tool("pyside6-lupdate"),
            # Files, not the directory: lupdate's directory scan skips .py files.
            *sorted(str(f.relative_to(ROOT)) for f in sources.rglob("*.py")),
            "-locations",
            "none",  # no line numbers: .ts diffs show text changes only
            "-no-obsolete",
            "-source-language",
            "en_US",
            "-target-language",
            target,
            "-ts",
            str(ts),
        ],
        check=True,
        cwd=ROOT,
    )


def lrelease(ts: Path, qm: Path) -> None:
    qm.parent.mkdir(parents=True, exist_ok=True)
    subprocess.run([tool("pyside6-lrelease"), "-silent", str(ts), "-qm", str(qm)], check=True)


def update() -> None:
    for code, target in LANGUAGES.items():
        lupdate(ts_file(code), target)


def release() -> None:
    for code in LANGUAGES:
        lrelease(ts_file(code), qm_file(code))
        print(f"wrote {qm_file(code).relative_to(ROOT)}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("command", choices=("update", "release", "all"))
    command = parser.parse_args(argv).command
    if command in ("update", "all"):
        update()
    if command in ("release", "all"):
        release()
    return 0


if __name__ == "__main__":
    sys.exit(main())
