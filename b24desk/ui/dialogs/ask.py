"""Question boxes awaited from a coroutine, built in one place; their text is never HTML."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox, QWidget

from b24desk.ui.aio import ask
from b24desk.ui.plaintext import plain

Button = QMessageBox.StandardButton
Icon = QMessageBox.Icon


async def question(
    parent: QWidget,
    name: str,
    title: str,
    text: str,
    buttons: Button = Button.Yes | Button.Cancel,
    icon: Icon = Icon.Question,
) -> int:
    """Show a box named `name` (tests find it by that) and await the button pressed."""
    box = QMessageBox(icon, title, text, buttons, parent)
    box.setObjectName(name)
    plain(box)  # names in the text are the portal's: a link in one would open (STACK-NOTES 15)
    return await ask(box)
