"""Question boxes: named for tests, awaited without a nested loop, portal text never HTML."""

from __future__ import annotations

import asyncio

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from b24desk.ui.dialogs.ask import Button, question
from tests.helpers.waiting import wait_until


def visible_box(name: str) -> QMessageBox | None:
    return next(
        (
            w
            for w in QApplication.topLevelWidgets()
            if isinstance(w, QMessageBox) and w.objectName() == name and w.isVisible()
        ),
        None,
    )


def test_a_question_returns_the_button_pressed_and_shows_names_as_text(qtbot, run):
    parent = QWidget()
    qtbot.addWidget(parent)
    name = "<b>Мария</b><img src=x>"

    async def scenario() -> int:
        asked = asyncio.ensure_future(
            question(parent, "confirmRemove", "Remove", f"Remove {name}?")
        )
        box = await wait_until(lambda: visible_box("confirmRemove"), what="the box")
        assert box.textFormat() == Qt.TextFormat.PlainText
        assert box.text() == f"Remove {name}?"
        box.button(QMessageBox.StandardButton.Yes).click()
        return await asked

    assert run(scenario()) == Button.Yes
