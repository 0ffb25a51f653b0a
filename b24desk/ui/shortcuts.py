"""Every keyboard shortcut in one place: the menus take their keys from here and the
shortcut sheet (Help → Keyboard shortcuts) lists them, so the two cannot drift apart."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QKeySequence

from b24desk.translatable import QT_TRANSLATE_NOOP

CONTEXT = "shortcuts"
StandardKey = QKeySequence.StandardKey


@dataclass(frozen=True, slots=True)
class Shortcut:
    """A window action's key; `text` (context "shortcuts") says what it does."""

    name: str  # the QAction's object name
    keys: str | StandardKey  # portable text ("Ctrl+J") or the platform's standard key
    text: str

    def sequence(self) -> QKeySequence:
        return QKeySequence(self.keys)


FIND = Shortcut("findAction", "Ctrl+F", QT_TRANSLATE_NOOP("shortcuts", "Find (the search box)"))
NEXT_PANE = Shortcut("nextPaneAction", "F6", QT_TRANSLATE_NOOP("shortcuts", "Next pane"))
PREVIOUS_PANE = Shortcut(
    "previousPaneAction", "Shift+F6", QT_TRANSLATE_NOOP("shortcuts", "Previous pane")
)
REFRESH = Shortcut("refreshAction", StandardKey.Refresh, QT_TRANSLATE_NOOP("shortcuts", "Refresh"))
REQUEST_LOG = Shortcut(
    "requestLogAction", "Ctrl+L", QT_TRANSLATE_NOOP("shortcuts", "Show or hide the request log")
)
ACTIVITY = Shortcut(
    "activityAction",
    "Ctrl+Shift+Y",
    QT_TRANSLATE_NOOP("shortcuts", "Show or hide the Activity"),
)
# The chat actions, then the session actions.
JOIN = Shortcut("joinAction", "Ctrl+J", QT_TRANSLATE_NOOP("shortcuts", "Join the chat"))
ADD_PARTICIPANT = Shortcut(
    "addParticipantAction",
    "Ctrl+Shift+A",
    QT_TRANSLATE_NOOP("shortcuts", "Add a participant to the chat"),
)
CREATE_LEAD = Shortcut(
    "createLeadAction",
    "Ctrl+Shift+L",
    QT_TRANSLATE_NOOP("shortcuts", "Create a lead from the chat"),
)
TAKE_OVER = Shortcut(
    "takeOverAction", "Ctrl+T", QT_TRANSLATE_NOOP("shortcuts", "Take the dialogue over")
)
TRANSFER = Shortcut(
    "transferAction",
    "Ctrl+Shift+T",
    QT_TRANSLATE_NOOP("shortcuts", "Transfer the dialogue to an operator or a queue"),
)
FINISH = Shortcut(
    "finishSessionAction",
    "Ctrl+Shift+F",
    QT_TRANSLATE_NOOP("shortcuts", "Finish the dialogue's session"),
)
WATCH = Shortcut(
    "watchChatAction",
    "Ctrl+Shift+W",
    QT_TRANSLATE_NOOP("shortcuts", "Watch the chat (desktop notifications) or stop watching it"),
)
# Menu items without a key: `press` still names them when their button is greyed out.
RATE = Shortcut("rateSessionAction", "", QT_TRANSLATE_NOOP("shortcuts", "Rate the session"))
PIN = Shortcut("pinSessionAction", "", QT_TRANSLATE_NOOP("shortcuts", "Pin or unpin the dialogue"))
SHEET = Shortcut("shortcutsAction", "F1", QT_TRANSLATE_NOOP("shortcuts", "This list of shortcuts"))
QUIT = Shortcut("quitAction", StandardKey.Quit, QT_TRANSLATE_NOOP("shortcuts", "Quit"))

ACTIONS = (
    FIND,
    NEXT_PANE,
    PREVIOUS_PANE,
    JOIN,
    ADD_PARTICIPANT,
    CREATE_LEAD,
    TAKE_OVER,
    TRANSFER,
    FINISH,
    WATCH,
    REFRESH,
    REQUEST_LOG,
    ACTIVITY,
    SHEET,
    QUIT,
)

# Keys that belong to a widget, not to a window action: listed on the sheet only.
KEYS = (
    ("Down", QT_TRANSLATE_NOOP("shortcuts", "In the search box: go to the results")),
    ("Return", QT_TRANSLATE_NOOP("shortcuts", "In the results: open the chat and go to it")),
    ("Ctrl+Return", QT_TRANSLATE_NOOP("shortcuts", "In the message box: send")),
    ("Tab", QT_TRANSLATE_NOOP("shortcuts", "Next field (Shift+Tab: previous)")),
    ("Menu", QT_TRANSLATE_NOOP("shortcuts", "Copy and open menu (also Shift+F10)")),
    ("Alt", QT_TRANSLATE_NOOP("shortcuts", "With an underlined letter: that button or menu")),
)


def text(source: str) -> str:
    """A shortcut's description in the UI's language."""
    return QCoreApplication.translate(CONTEXT, source)


def sheet_rows() -> list[tuple[str, str]]:
    """(keys as the platform writes them, what they do) for every shortcut."""
    native = QKeySequence.SequenceFormat.NativeText
    rows = [(s.sequence().toString(native), text(s.text)) for s in ACTIONS if s.sequence()]
    rows += [(QKeySequence(keys).toString(native), text(what)) for keys, what in KEYS]
    return rows
