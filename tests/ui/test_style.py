"""Message colours follow the system palette, so they stay readable in dark mode."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QColor, QPalette

from b24desk.ui.style import Tone, color, is_dark


@pytest.fixture
def dark_palette(qapp):
    original = qapp.palette()
    dark = QPalette(original)
    dark.setColor(QPalette.ColorRole.Window, QColor("#202124"))
    dark.setColor(QPalette.ColorRole.Base, QColor("#202124"))
    dark.setColor(QPalette.ColorRole.WindowText, QColor("#e8eaed"))
    qapp.setPalette(dark)
    yield dark
    qapp.setPalette(original)


def contrast(a: QColor, b: QColor) -> float:
    """WCAG contrast ratio of two colours."""

    def luminance(c: QColor) -> float:
        def channel(v: float) -> float:
            return v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4

        return (
            0.2126 * channel(c.redF()) + 0.7152 * channel(c.greenF()) + 0.0722 * channel(c.blueF())
        )

    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


@pytest.mark.parametrize(
    "tone", [Tone.ERROR, Tone.WARNING, Tone.OK, Tone.EMPLOYEE, Tone.CUSTOMER, Tone.ME]
)
def test_text_colours_read_on_light_and_dark(qapp, dark_palette, tone):
    assert is_dark()
    background = dark_palette.color(QPalette.ColorRole.Base)
    assert contrast(QColor(color(tone)), background) >= 4.5


@pytest.mark.parametrize(
    "tone", [Tone.ERROR, Tone.WARNING, Tone.OK, Tone.EMPLOYEE, Tone.CUSTOMER, Tone.ME]
)
def test_text_colours_read_on_a_light_palette(qapp, tone):
    light = QPalette(QColor("#efefef"))
    original = qapp.palette()
    qapp.setPalette(light)
    try:
        assert not is_dark()
        assert contrast(QColor(color(tone)), QColor("#ffffff")) >= 4.5
    finally:
        qapp.setPalette(original)
