"""The request log dock's table: method, duration, status and outcome of the latest requests."""

from __future__ import annotations

import time

from PySide6.QtWidgets import QTableWidget, QTableWidgetItem, QWidget

from b24desk.api.events import RequestEvent
from b24desk.ui.plaintext import visible

LOG_ROWS = 500


class RequestLog(QTableWidget):
    """Method, duration, status and outcome of the latest requests, newest on top."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(0, 5, parent)
        self.setObjectName("requestLog")
        self.setHorizontalHeaderLabels(
            [self.tr("Time"), self.tr("Method"), self.tr("ms"), self.tr("HTTP"), self.tr("Outcome")]
        )
        self.verticalHeader().hide()
        self.horizontalHeader().setStretchLastSection(True)
        self.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)

    def add(self, event: RequestEvent) -> None:
        self.insertRow(0)
        values = (
            time.strftime("%H:%M:%S"),
            event.method,
            f"{event.duration * 1000:.0f}",
            str(event.status or "—"),
            event.outcome + (f" (+{event.retries})" if event.retries else ""),
        )
        for column, value in enumerate(values):
            self.setItem(0, column, QTableWidgetItem(visible(value)))
        if self.rowCount() > LOG_ROWS:
            self.removeRow(self.rowCount() - 1)
