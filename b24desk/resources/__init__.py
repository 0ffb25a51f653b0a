"""Files shipped inside the package: the application icon (rendered by packaging/icons.py)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtGui import QIcon

ICON_DIR = Path(__file__).resolve().parent / "icons"
ICON_SIZES = (16, 32, 48, 64, 128, 256)


def icon_files() -> list[Path]:
    """The PNG sizes of the application icon that are present, smallest first."""
    return [p for s in ICON_SIZES if (p := ICON_DIR / f"b24desk-{s}.png").is_file()]


def app_icon() -> QIcon:
    """The application icon with every shipped size (an empty icon if none is found)."""
    from PySide6.QtGui import QIcon

    icon = QIcon()
    for path in icon_files():
        icon.addFile(str(path))
    return icon
