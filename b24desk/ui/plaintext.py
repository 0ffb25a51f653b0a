"""Portal text made safe to show: invisible and bidi-control characters made visible.

Names, titles, statuses and messages come from strangers. Widgets show them as plain text
(QLabel and QMessageBox would otherwise guess rich text, STACK-NOTES 15) and pass them
through `visible` first, so a right-to-left override in a name cannot make it pose as
another name or reorder the line around it.
"""

from __future__ import annotations

import html
import re

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QMessageBox

# What a reader sees instead of a hidden character: the Unicode replacement character.
MARK = "\ufffd"

# C0/C1 controls but tab and newline; soft hyphen; Arabic letter mark; Hangul fillers;
# Mongolian vowel separator; zero-width space/joiners and LRM/RLM; LRE/RLE/PDF/LRO/RLO;
# word joiner and invisible operators; LRI/RLI/FSI/PDI and the deprecated format controls;
# BOM; interlinear annotation controls.
HIDDEN = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u00ad\u061c\u115f\u1160\u17b4\u17b5\u180e"
    "\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\u3164\uffa0\ufeff\ufff9-\ufffb]"
)
_ZWJ = "\u200d"


def _is_emoji(char: str) -> bool:
    code = ord(char)
    return code >= 0x1F000 or 0x2600 <= code < 0x2800


def _mark(match: re.Match[str]) -> str:
    # A zero-width joiner between two emoji builds one picture (👩‍💻); anywhere else it only hides.
    text, at = match.string, match.start()
    if (
        match.group() == _ZWJ
        and 0 < at < len(text) - 1
        and _is_emoji(text[at - 1])
        and _is_emoji(text[at + 1])
    ):
        return _ZWJ
    return MARK


def visible(text: str) -> str:
    """`text` with every invisible or direction-changing character shown as a mark."""
    if HIDDEN.search(text) is None:  # the common case: one C-speed scan, no copy
        return text
    return HIDDEN.sub(_mark, text)


def tooltip(text: str) -> str:
    """A tooltip that shows `text` literally: tooltips guess rich text and cannot be told not to."""
    if not text:
        return ""
    return "<qt>" + html.escape(visible(text)).replace("\n", "<br>") + "</qt>"


def plain(*widgets: QLabel | QMessageBox) -> None:
    """Show the widgets' texts as typed: no markup, no links, whatever they contain."""
    for widget in widgets:
        widget.setTextFormat(Qt.TextFormat.PlainText)


# Some desktops read a notification's text as markup (the freedesktop "body-markup"), others
# show it as typed: look-alikes read the same everywhere and can never become a tag or link.
_NO_MARKUP = str.maketrans({"<": "\u2039", ">": "\u203a", "&": "\uff06"})


def notification_text(text: str, most: int) -> str:
    """One line of portal text for a desktop notification: visible, markup-proof, at most
    `most` characters (an ellipsis where it was cut)."""
    line = " ".join(visible(text).split())
    if len(line) > most:
        line = line[: most - 1].rstrip() + "…"
    return line.translate(_NO_MARKUP)
