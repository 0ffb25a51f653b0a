"""The window's status bar: connection, requests in flight, rate-limit headroom, last error."""

from __future__ import annotations

import time
from collections.abc import Sequence

from PySide6.QtCore import QLocale, Signal
from PySide6.QtWidgets import QLabel, QPushButton, QStatusBar, QWidget

from b24desk.api.types import CrmEntityType
from b24desk.desk.live import LiveStatus
from b24desk.desk.local import IndexStatus
from b24desk.files import SetAside
from b24desk.ui.plaintext import plain, visible
from b24desk.ui.style import Tone, text_style


class StatusBar(QStatusBar):
    """What the connection is doing; messages come and go, the four labels stay."""

    stop_waiting = Signal()  # the supervisor does not want to wait for Bitrix24's pause

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.waiting = self._label("waitingStatus")
        self.stop_button = QPushButton(self.tr("Stop &waiting"))
        self.stop_button.setObjectName("stopWaitingButton")
        self.stop_button.clicked.connect(lambda *_: self.stop_waiting.emit())
        self.connection = self._label("connectionStatus")
        self.last_error = self._label("lastErrorStatus")
        self.last_error.setStyleSheet(text_style(Tone.ERROR))
        self.in_flight = self._label("inFlightStatus")
        self.headroom = self._label("headroomStatus")
        self.index = self._label("indexStatus")
        self.live = self._label("liveStatus")
        plain(self.connection, self.last_error, self.in_flight, self.headroom, self.waiting)
        plain(self.index, self.live)
        self.show_disconnected()
        self.addWidget(self.connection)
        self.addWidget(self.last_error, 1)
        self.addPermanentWidget(self.waiting)
        self.addPermanentWidget(self.stop_button)
        self.show_wait(None)
        self.addPermanentWidget(self.live)
        self.addPermanentWidget(self.index)
        self.addPermanentWidget(self.in_flight)
        self.addPermanentWidget(self.headroom)

    def _label(self, name: str) -> QLabel:
        label = QLabel()
        label.setObjectName(name)
        return label

    def show_connecting(self, name: str) -> None:
        self.connection.setText(self.tr("Connecting to {0}…").format(name))

    def show_connected(self, host: str, user: str) -> None:
        self.connection.setText(f"{host} · {visible(user)}")

    def show_disconnected(self) -> None:
        self.connection.setText(self.tr("Not connected"))

    def show_wait(self, until: float | None) -> None:
        """A countdown while calls wait for Bitrix24's operating-time pause to end."""
        seconds = max(0, round(until - time.time())) if until is not None else 0
        shown = until is not None and seconds > 0
        if shown:
            minutes, rest = divmod(seconds, 60)
            self.waiting.setText(
                self.tr("Bitrix24 paused these requests; continuing in {0}:{1:02d}").format(
                    minutes, rest
                )
            )
        self.waiting.setVisible(shown)
        self.stop_button.setVisible(shown)

    def show_in_flight(self, count: int) -> None:
        self.in_flight.setText(self.tr("{0} in flight").format(count))

    def show_headroom(self, free: int, burst: int) -> None:
        self.headroom.setText(self.tr("rate headroom {0}/{1}").format(free, burst))

    def show_index(self, status: IndexStatus | None) -> None:
        """The local index's progress; nothing when the profile has none."""
        if status is None:
            self.index.clear()
        elif status.ready or status.entity_type is None:
            self.index.setText(self.tr("Local search ready"))
        else:
            count = QLocale().toString(status.indexed)
            self.index.setText(self._indexing(status.entity_type).format(count))

    def _indexing(self, entity_type: CrmEntityType) -> str:
        return {
            CrmEntityType.LEAD: self.tr("Indexing leads: {0}…"),
            CrmEntityType.DEAL: self.tr("Indexing deals: {0}…"),
            CrmEntityType.CONTACT: self.tr("Indexing contacts: {0}…"),
            CrmEntityType.COMPANY: self.tr("Indexing companies: {0}…"),
        }[entity_type]

    def show_live(self, status: LiveStatus | None) -> None:
        """Whether the window is current: when it last heard from the portal, or why not."""
        if status is None:
            self.live.setText("")
            self.live.setToolTip("")
        elif status.foreign_reader:
            self.live.setText(self.tr("Live: shared"))
            self.live.setToolTip(
                self.tr(
                    "Another application reads this user's chat events, so some updates "
                    "may not reach this window. Press F5 to refresh."
                )
            )
        elif status.failing:
            self.live.setText(self.tr("Live: retrying"))
            self.live.setToolTip(self.tr("Bitrix24 did not answer; updates resume by themselves."))
        else:
            when = time.strftime("%H:%M:%S", time.localtime(status.last_tick or time.time()))
            self.live.setText(self.tr("Live"))
            self.live.setToolTip(self.tr("Updated at {0}").format(when))

    def show_failure(self, text: str) -> None:
        """A failure stays beside the connection (until something succeeds or the supervisor
        switches profile) and shows as a message for a while."""
        self.last_error.setText(text)
        self.showMessage(text, 10_000)

    def clear_failure(self) -> None:
        self.last_error.clear()

    def show_notice(self, text: str) -> None:
        """Something the supervisor should know once, not an error of their action."""
        self.showMessage(text, 30_000)

    def show_set_aside(self, items: Sequence[SetAside]) -> None:
        """Once, at start: files that could not be read were kept, not erased; say where."""
        if not items:
            return
        where = ", ".join(sorted({str(item.where) for item in items}))
        notice = self.tr(
            "Some saved data could not be read and was kept aside (nothing was erased): {0}"
        )
        self.show_notice(notice.format(where))
