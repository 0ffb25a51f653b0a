"""Render the application icon's PNG sizes from resources/icons/b24desk.svg with Qt.

    python packaging/icons.py

Writes the freedesktop icon theme layout (resources/icons/hicolor/<n>x<n>/apps/b24desk.png,
for `xdg-icon-resource`, Flatpak and distribution packages) and the same PNGs into the
package (b24desk/resources/icons/b24desk-<n>.png), which b24desk.resources.app_icon() loads
for the window icon: plain PNGs need no Qt SVG plugin in a frozen bundle. Windows (.ico) and
macOS (.icns) icons are made from the 256 px PNG by PyInstaller itself when Pillow is
installed (see packaging/b24desk.spec). Needs no display.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SVG = ROOT / "resources" / "icons" / "b24desk.svg"
HICOLOR = ROOT / "resources" / "icons" / "hicolor"
PACKAGE_ICONS = ROOT / "b24desk" / "resources" / "icons"
SIZES = (16, 32, 48, 64, 128, 256)


def hicolor_png(size: int) -> Path:
    return HICOLOR / f"{size}x{size}" / "apps" / "b24desk.png"


def package_png(size: int) -> Path:
    return PACKAGE_ICONS / f"b24desk-{size}.png"


def main() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    renderer = QSvgRenderer(str(SVG))
    if not renderer.isValid():
        sys.exit(f"cannot read {SVG}")
    for size in SIZES:
        image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        renderer.render(painter)
        painter.end()
        for target in (hicolor_png(size), package_png(size)):
            target.parent.mkdir(parents=True, exist_ok=True)
            if not image.save(str(target), "PNG"):
                sys.exit(f"cannot write {target}")
            print(target.relative_to(ROOT))
    del app
    return 0


if __name__ == "__main__":
    sys.exit(main())
