"""Which session of the chat the history shows: the current one, an earlier one this desk
has seen, or any other typed by its number. An earlier session is read only."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QWidget

from b24desk.desk.session_ledger import SeenSession
from b24desk.desk.view import EntityChats
from b24desk.ui.dates import short_date
from b24desk.ui.plaintext import plain
from b24desk.ui.style import Tone, text_style

MIN_CHARACTERS = 22  # "#12345 · 3/11/26–3/12/26"


class SessionPicker(QWidget):
    """An editable list of the chat's sessions; `chosen` gives a session ID, or None for
    the chat's current session."""

    chosen = Signal(object)  # int | None
    refused = Signal(str)  # what was typed is no session number

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._current: int | None = None
        self.combo = QComboBox()
        self.combo.setObjectName("sessionPicker")
        self.combo.setEditable(True)
        self.combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        # Narrow beside the title (a wider one wraps it and the history loses a line);
        # the open list shows the whole of each.
        self.combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.combo.setMinimumContentsLength(MIN_CHARACTERS)
        self.combo.setToolTip(
            self.tr(
                "Sessions of this chat seen by b24desk. Bitrix24 gives no list of them: "
                "type the number of another session and press Enter."
            )
        )
        line = self.combo.lineEdit()
        assert line is not None
        line.setPlaceholderText(self.tr("session number"))
        self.combo.activated.connect(self._picked)
        line.returnPressed.connect(self._typed)
        # No Alt letter: each of the word's is taken in the window (Tab and F6 reach it).
        label = QLabel(self.tr("Session:"))
        self.note = QLabel(self.tr("An earlier session: read only."))
        self.note.setObjectName("earlierSession")
        self.note.setStyleSheet(text_style(Tone.HINT))
        self.note.setWordWrap(True)
        self.note.hide()
        plain(label, self.note)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(label)
        layout.addWidget(self.combo)
        layout.addWidget(self.note, 1)

    def show_for(self, shown: EntityChats | None, seen: list[SeenSession]) -> None:
        """List the sessions of the chat on show; the one on show is selected."""
        self.combo.clear()
        history = shown.history if shown is not None else None
        if history is None or history.session_id is None:
            self._current = None
            self.setEnabled(False)
            self.note.hide()
            return
        self.setEnabled(True)
        current = history.chat.session_id if history.chat is not None else history.session_id
        self._current = current
        ids = [s.id for s in seen]
        for extra in (current, history.session_id):
            if extra is not None and extra not in ids:
                seen = [*seen, SeenSession(extra)]
                ids.append(extra)
        for session in sorted(seen, key=lambda s: -s.id):
            self.combo.addItem(self._text(session, session.id == current), session.id)
        self.combo.setCurrentIndex(self.combo.findData(history.session_id))
        line = self.combo.lineEdit()
        if line is not None:
            line.setCursorPosition(0)  # a narrow box shows the number, not the tail
        self.note.setVisible(shown is not None and shown.earlier_session)

    def _text(self, session: SeenSession, current: bool) -> str:
        text = f"#{session.id}"
        dates = [short_date(d) for d in (session.started, session.last) if d is not None]
        if dates:
            text += " · " + "–".join(dict.fromkeys(dates))  # one date when both are the same
        return text + "  " + self.tr("(current)") if current else text

    def _picked(self, index: int) -> None:
        session_id = self.combo.itemData(index)
        if isinstance(session_id, int):
            self.chosen.emit(None if session_id == self._current else session_id)

    def _typed(self) -> None:
        text = self.combo.currentText().strip()
        if self.combo.findText(text) >= 0:
            return  # an item of the list: `activated` tells it
        number = text.removeprefix("#").strip()
        if number.isdigit() and int(number) > 0:
            self.chosen.emit(None if int(number) == self._current else int(number))
        else:
            self.refused.emit(self.tr("Type a session number, such as 321."))
