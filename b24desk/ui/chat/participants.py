"""The participant list's model: who is in the shown chat, and who is still being added."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from PySide6.QtCore import QAbstractListModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from b24desk.api.types import User
from b24desk.ui.plaintext import visible

AnyIndex = QModelIndex | QPersistentModelIndex

USER_ID_ROLE = Qt.ItemDataRole.UserRole + 1
PENDING_ROLE = Qt.ItemDataRole.UserRole + 2  # being added: not confirmed, cannot be removed
IS_CUSTOMER_ROLE = Qt.ItemDataRole.UserRole + 3
IS_ME_ROLE = Qt.ItemDataRole.UserRole + 4
_ROOT = QModelIndex()


@dataclass(frozen=True, slots=True)
class _Row:
    user: User
    is_me: bool = False
    is_operator: bool = False
    pending: bool = False


class ParticipantsModel(QAbstractListModel):
    """One row per participant, named and marked (you, operator, customer, bot)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[_Row] = []

    def show_people(
        self, people: Iterable[User], me_id: int | None, operator_id: int | None
    ) -> None:
        self.beginResetModel()
        self._rows = [_Row(u, u.id == me_id, u.id == operator_id) for u in people]
        self.endResetModel()

    def clear(self) -> None:
        self.show_people((), None, None)

    def add_pending(self, user: User) -> None:
        """Show `user` at once, marked as being added (optimistic)."""
        row = len(self._rows)
        self.beginInsertRows(_ROOT, row, row)
        self._rows.append(_Row(user, pending=True))
        self.endInsertRows()

    def drop_pending(self, user_id: int) -> None:
        """The portal said no: the pending row goes."""
        for row, entry in enumerate(self._rows):
            if entry.pending and entry.user.id == user_id:
                self.beginRemoveRows(_ROOT, row, row)
                del self._rows[row]
                self.endRemoveRows()
                return

    def user_at(self, row: int) -> User | None:
        return self._rows[row].user if 0 <= row < len(self._rows) else None

    def rowCount(self, parent: AnyIndex = _ROOT) -> int:  # noqa: N802 - Qt's name
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(row)
        return {
            USER_ID_ROLE: row.user.id,
            PENDING_ROLE: row.pending,
            IS_CUSTOMER_ROLE: row.user.is_customer,
            IS_ME_ROLE: row.is_me,
        }.get(role)

    def _text(self, row: _Row) -> str:
        text = visible(row.user.full_name)
        if row.pending:
            return f"{text} — " + self.tr("adding…")
        if row.is_me:
            text += " " + self.tr("(you)")
        if row.is_operator:
            text += " — " + self.tr("operator")
        if row.user.is_customer:
            text += " — " + self.tr("customer")
        if row.user.is_bot:
            text += " — " + self.tr("bot")
        return text
