"""Builders for dialog forms: a named line edit, and a plain-text message label that is
hidden while it has nothing to say."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QLineEdit, QWidget

from b24desk.ui.plaintext import plain
from b24desk.ui.style import Tone, text_style


def line_edit(parent: QWidget, name: str, placeholder: str, secret: bool = False) -> QLineEdit:
    line = QLineEdit(parent)
    line.setObjectName(name)
    line.setPlaceholderText(placeholder)
    if secret:
        line.setEchoMode(QLineEdit.EchoMode.Password)
    return line


def message_label(parent: QWidget, name: str) -> QLabel:
    label = QLabel(parent)
    label.setObjectName(name)
    label.setWordWrap(True)
    plain(label)  # messages may quote names as the portal spells them
    label.setVisible(False)
    return label


def show_message(label: QLabel, text: str, style: str) -> None:
    """Show `text` in `style` (hidden when empty); the "error" property marks errors."""
    label.setStyleSheet(style)
    label.setProperty("error", style == text_style(Tone.ERROR))
    label.setText(text)
    label.setVisible(bool(text))
