"""Pick an employee by typing part of their name: debounced portal search, keyboard first;
each row tells position, department, online, line operator and chats (loaded on the side).

Open it with `await ask(picker)` (or `await pick_user(...)`), never with exec() (qasync #59).
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable, Iterable

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QKeyEvent, QShowEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from b24desk.api.types import User
from b24desk.desk.people import PickerFacts
from b24desk.desk.tasks import Latest, TaskScope
from b24desk.ui.aio import ask
from b24desk.ui.errors import user_text
from b24desk.ui.plaintext import plain, tooltip, visible
from b24desk.ui.style import Tone, text_style

log = logging.getLogger(__name__)

SearchUsers = Callable[[str], Awaitable[list[User]]]
LoadFacts = Callable[[], Awaitable[PickerFacts]]

DEBOUNCE_MS = 250
USER_ROLE = Qt.ItemDataRole.UserRole + 1


class UserPicker(QDialog):
    """A search box over a result list; `chosen_user` holds the pick after accept."""

    def __init__(
        self,
        search: SearchUsers,
        runner: TaskScope,
        excluded_ids: Iterable[int] = (),
        parent: QWidget | None = None,
        *,
        title: str = "",
        ok_text: str = "",
        facts: LoadFacts | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("userPicker")
        self.setWindowTitle(title or self.tr("Add participant"))
        self._search = search
        self._load_facts = facts
        self._facts: PickerFacts | None = None  # departments, line, chats: once loaded
        self._facts_task: asyncio.Task[None] | None = None
        self._runner = runner
        self._excluded = frozenset(excluded_ids)
        self._chosen: User | None = None
        self._latest = Latest()  # results of an older query are dropped
        self._task: asyncio.Task[None] | None = None

        self._query = QLineEdit(self)
        self._query.setObjectName("userSearch")
        self._query.setPlaceholderText(self.tr("Type a name…"))
        self._query.setClearButtonEnabled(True)
        self._query.installEventFilter(self)

        self._results = QListWidget(self)
        self._results.setObjectName("userResults")
        self._results.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # typing stays in the search box

        self._status = QLabel(self)
        self._status.setObjectName("userPickerStatus")
        self._status.setWordWrap(True)
        plain(self._status)

        self._buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self._ok = self._buttons.button(QDialogButtonBox.StandardButton.Ok)
        self._ok.setText(ok_text or self.tr("&Add"))
        self._ok.setEnabled(False)
        # Enter is handled in the search box; an auto-default button would steal it.
        self._ok.setAutoDefault(False)
        self._buttons.button(QDialogButtonBox.StandardButton.Cancel).setAutoDefault(False)

        layout = QVBoxLayout(self)
        layout.addWidget(self._query)
        layout.addWidget(self._results, 1)
        layout.addWidget(self._status)
        layout.addWidget(self._buttons)

        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(DEBOUNCE_MS)
        self._debounce.timeout.connect(self._search_now)

        self._query.textChanged.connect(self._query_changed)
        self._results.currentItemChanged.connect(lambda *_: self._update_ok())
        self._results.itemDoubleClicked.connect(self._pick)
        self._results.itemActivated.connect(self._pick)
        self._buttons.accepted.connect(lambda: self._pick(self._results.currentItem()))
        self._buttons.rejected.connect(self.reject)
        self._show_hint(self.tr("Type part of a name to search."))
        self.resize(520, 420)

    @property
    def chosen_user(self) -> User | None:
        """The picked user once the dialog is accepted; None when cancelled."""
        return self._chosen if self.result() == QDialog.DialogCode.Accepted else None

    @property
    def is_searching(self) -> bool:
        return self._task is not None

    def done(self, result: int) -> None:
        self._debounce.stop()
        self._drop_pending()
        if self._facts_task is not None:
            self._facts_task.cancel()
            self._facts_task = None
        super().done(result)

    @property
    def facts(self) -> PickerFacts | None:
        return self._facts

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 (Qt override)
        super().showEvent(event)
        if self._load_facts is not None and self._facts is None and self._facts_task is None:
            # Shown means the loop runs (STACK-NOTES 5): load the context on the side.
            self._facts_task = self._runner.spawn(self._facts_run(), name="picker facts")

    async def _facts_run(self) -> None:
        assert self._load_facts is not None
        try:
            facts = await self._load_facts()
        except Exception as exc:  # the rows just say less
            log.info("Picker details unavailable: %r", exc)
            facts = PickerFacts()
        self._facts = facts
        for row in range(self._results.count()):
            self._render(self._results.item(row))

    # --- searching ------------------------------------------------------------------------

    def _query_changed(self, _text: str) -> None:
        self._drop_pending()  # whatever is on its way answers an older query
        self._debounce.start()

    def _search_now(self) -> None:
        query = self._query.text().strip()
        self._drop_pending()
        if not query:
            self._results.clear()
            self._show_hint(self.tr("Type part of a name to search."))
            return
        self._show_hint(self.tr("Searching…"))
        self._task = self._runner.spawn(self._run(self._latest.ticket(), query), name="user search")

    async def _run(self, current: Callable[[], bool], query: str) -> None:
        try:
            users = await self._search(query)
        except Exception as exc:
            if current():
                log.warning("User search failed: %r", exc)
                self._task = None
                generic = self.tr("The search failed. Check the connection and try again.")
                self._show_error(user_text(exc, generic))
            return
        if not current():
            return  # the user typed on meanwhile
        self._task = None
        self._fill(users)

    def _drop_pending(self) -> None:
        self._latest.supersede()
        if self._task is not None:
            self._task.cancel()
            self._task = None

    # --- results --------------------------------------------------------------------------

    def _fill(self, users: list[User]) -> None:
        self._results.clear()
        for user in users:
            self._results.addItem(self._item(user))
        first = self._step(-1, +1)
        self._results.setCurrentRow(first)
        if not users:
            self._show_hint(self.tr("Nobody found."))
        elif first < 0:
            self._show_hint(self.tr("Everyone found is already in the chat or inactive."))
        else:
            self._show_hint("")
        self._update_ok()

    def _item(self, user: User) -> QListWidgetItem:
        item = QListWidgetItem()
        item.setData(USER_ROLE, user)
        if user.email:
            item.setToolTip(tooltip(user.email))
        if not user.active or user.id in self._excluded:
            # Bitrix24 refuses inactive users and existing participants, so they cannot be picked.
            item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEnabled & ~Qt.ItemFlag.ItemIsSelectable)
        self._render(item)
        return item

    def _render(self, item: QListWidgetItem) -> None:
        """Name, position and why they cannot be picked on the first line; below, what else
        is known of them (department, online, this line's operator, the entity's chats)."""
        user: User = item.data(USER_ROLE)
        text = user.full_name or f"{user.name} {user.last_name}".strip() or f"#{user.id}"
        if user.position:
            text += f" — {user.position}"
        notes = []
        if not user.active:
            notes.append(self.tr("inactive"))
        if user.id in self._excluded:
            notes.append(self.tr("already in the chat"))
        if notes:
            text += f" ({', '.join(notes)})"
        item.setText(visible(text) + "\n    " + " · ".join(self._details(user)))

    def _details(self, user: User) -> list[str]:
        facts = self._facts.of(user) if self._facts is not None else None
        details = []
        if facts is not None and facts.departments:
            details.append(visible(", ".join(facts.departments)))
        details.append(self.tr("online") if user.is_online else self.tr("offline"))
        if facts is not None and facts.line_operator:
            details.append(self.tr("operator of this line"))
        if facts is not None and facts.chats:
            details.append(self.tr("in {0} of {1} chats").format(facts.chats_in, facts.chats))
        if self._load_facts is not None and facts is None:
            details.append("…")  # still loading
        return details

    def _pickable(self, row: int) -> bool:
        item = self._results.item(row)
        return item is not None and bool(item.flags() & Qt.ItemFlag.ItemIsEnabled)

    def _step(self, row: int, direction: int) -> int:
        """The next pickable row from `row` in `direction`; -1 (or `row`) when there is none."""
        candidate = row + direction
        while 0 <= candidate < self._results.count():
            if self._pickable(candidate):
                return candidate
            candidate += direction
        return row if row >= 0 and self._pickable(row) else -1

    def _update_ok(self) -> None:
        self._ok.setEnabled(self._pickable(self._results.currentRow()))

    def _pick(self, item: QListWidgetItem | None) -> None:
        if item is None or not item.flags() & Qt.ItemFlag.ItemIsEnabled:
            return
        self._chosen = item.data(USER_ROLE)
        self.accept()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt override)
        if watched is self._query and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            key = event.key()
            if key in (Qt.Key.Key_Down, Qt.Key.Key_Up):
                direction = 1 if key == Qt.Key.Key_Down else -1
                self._results.setCurrentRow(self._step(self._results.currentRow(), direction))
                return True
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self._pick(self._results.currentItem())
                return True
        return super().eventFilter(watched, event)

    # --- status line ----------------------------------------------------------------------

    def _show_hint(self, text: str) -> None:
        self._status.setStyleSheet(text_style(Tone.HINT))
        self._status.setProperty("error", False)
        self._status.setText(text)
        self._status.setVisible(bool(text))

    def _show_error(self, text: str) -> None:
        self._status.setStyleSheet(text_style(Tone.ERROR))
        self._status.setProperty("error", True)
        self._status.setText(text)
        self._status.setVisible(True)


async def pick_user(
    search: SearchUsers,
    runner: TaskScope,
    excluded_ids: Iterable[int] = (),
    parent: QWidget | None = None,
    *,
    title: str = "",
    ok_text: str = "",
    facts: LoadFacts | None = None,
) -> User | None:
    """Show a UserPicker and wait for it without a nested event loop; None when cancelled.

    `facts` loads what the rows tell besides name and position (desk/people.py)."""
    picker = UserPicker(
        search, runner, excluded_ids, parent, title=title, ok_text=ok_text, facts=facts
    )
    try:
        await ask(picker)
        return picker.chosen_user
    finally:
        picker.deleteLater()
