"""The supervisor's rating of a session: 1 to 5 and a comment, either one enough.

Open it with `await rate_session(...)`, never with exec() (qasync #59).
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from b24desk.ui.aio import ask
from b24desk.ui.plaintext import plain


class RatingDialog(QDialog):
    """Rating buttons 1-5 and a comment box, filled with the rating given before."""

    def __init__(
        self, about: str, rating: int | None, comment: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("ratingDialog")
        self.setWindowTitle(self.tr("Rate the session"))
        text = QLabel(about)
        text.setWordWrap(True)
        plain(text)
        self.group = QButtonGroup(self)
        stars = QHBoxLayout()
        for value in range(1, 6):
            button = QRadioButton(f"&{value}")
            button.setObjectName(f"rating{value}")
            button.setChecked(value == rating)
            self.group.addButton(button, value)
            stars.addWidget(button)
        stars.addStretch(1)
        self.comment = QPlainTextEdit(comment)
        self.comment.setObjectName("ratingComment")
        self.comment.setPlaceholderText(self.tr("A comment for the operator (optional)"))
        self.comment.setTabChangesFocus(True)
        comment_label = QLabel(self.tr("&Comment:"))
        comment_label.setBuddy(self.comment)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setText(self.tr("&Save"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.group.idToggled.connect(lambda *_: self._update_ok())
        self.comment.textChanged.connect(self._update_ok)
        layout = QVBoxLayout(self)
        layout.addWidget(text)
        layout.addWidget(QLabel(self.tr("Rating (1 poor, 5 excellent):")))
        layout.addLayout(stars)
        layout.addWidget(comment_label)
        layout.addWidget(self.comment, 1)
        layout.addWidget(buttons)
        self._update_ok()
        self.resize(420, 300)

    @property
    def rating(self) -> int | None:
        value = self.group.checkedId()
        return value if value > 0 else None

    def _update_ok(self) -> None:
        # Bitrix24 needs a rating or a comment (EMPTY_VOTE_PARAMS otherwise).
        self.ok.setEnabled(self.rating is not None or bool(self.comment.toPlainText().strip()))


async def rate_session(
    about: str, rating: int | None, comment: str, parent: QWidget | None = None
) -> tuple[int | None, str] | None:
    """Show a RatingDialog and await it: (rating, comment), or None when cancelled."""
    dialog = RatingDialog(about, rating, comment, parent)
    try:
        if await ask(dialog) != QDialog.DialogCode.Accepted:
            return None
        return dialog.rating, dialog.comment.toPlainText().strip()
    finally:
        dialog.deleteLater()
