"""Icons drawn at run time: a coloured badge per Open Lines connector, crisp at any scale."""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QIcon, QPainter, QPixmap

# Brand-like colours, so a supervisor tells channels apart at a glance.
_CONNECTORS = {
    "livechat": ("#2fc6f6", "L"),
    "telegrambot": ("#27a7e7", "T"),
    "whatsappbyedna": ("#25d366", "W"),
    "vkgroup": ("#0077ff", "VK"),
    "email": ("#9aa4ae", "@"),
}


def _badge(color: str, letters: str, size: int) -> QPixmap:
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setBrush(QColor(color))
    painter.setPen(Qt.PenStyle.NoPen)
    painter.drawEllipse(QRectF(0.5, 0.5, size - 1, size - 1))
    font = QFont()
    font.setBold(True)
    font.setPixelSize(int(size * (0.42 if len(letters) > 1 else 0.55)))
    painter.setFont(font)
    painter.setPen(QColor("white"))
    painter.drawText(QRectF(0, 0, size, size), Qt.AlignmentFlag.AlignCenter, letters)
    painter.end()
    return pixmap


@cache
def connector_icon(connector_id: str) -> QIcon:
    color, letters = _CONNECTORS.get(connector_id, ("#7b8794", connector_id[:1].upper() or "?"))
    icon = QIcon()
    for size in (16, 24, 32, 48, 64):
        icon.addPixmap(_badge(color, letters, size))
    return icon
