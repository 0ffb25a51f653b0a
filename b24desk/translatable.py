"""Marks a text for translation where it is defined, without importing Qt.

pyside6-lupdate finds every `QT_TRANSLATE_NOOP("context", "text")` call by its name; the UI
translates the marked text at run time (`ui/texts.py`: context "errors" or "texts").
"""

from __future__ import annotations


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 - the name lupdate looks for
    """`text`, unchanged: the call only tells lupdate the text and its context."""
    return text
