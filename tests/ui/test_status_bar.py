"""The status bar: the connection, requests in flight, headroom, and the last failure kept."""

from __future__ import annotations

from PySide6.QtCore import QLocale

from b24desk.api.types import CrmEntityType
from b24desk.desk.local import IndexStatus
from b24desk.ui.status_bar import StatusBar


def test_shows_the_connection_load_and_the_last_failure(qtbot):
    bar = StatusBar()
    qtbot.addWidget(bar)
    assert bar.connection.text() == "Not connected"
    bar.show_connecting("Main")
    assert bar.connection.text() == "Connecting to Main…"
    bar.show_connected("demo.bitrix24.ru", "Анна Смирнова")
    assert bar.connection.text() == "demo.bitrix24.ru · Анна Смирнова"
    bar.show_in_flight(3)
    bar.show_headroom(45, 50)
    assert (bar.in_flight.text(), bar.headroom.text()) == ("3 in flight", "rate headroom 45/50")
    bar.show_failure("Bitrix24 is not answering.")
    assert bar.last_error.text() == bar.currentMessage() == "Bitrix24 is not answering."
    bar.clear_failure()  # something later went through
    assert bar.last_error.text() == ""


def test_shows_the_local_index_progress(qtbot):
    bar = StatusBar()
    qtbot.addWidget(bar)
    previous = QLocale()
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
    try:
        bar.show_index(IndexStatus(CrmEntityType.LEAD, 12_500, False))
        assert bar.index.text() == "Indexing leads: 12,500…"
        bar.show_index(IndexStatus(CrmEntityType.COMPANY, 7, False))
        assert bar.index.text() == "Indexing companies: 7…"
        bar.show_index(IndexStatus(None, 30_000, True))
        assert bar.index.text() == "Local search ready"
        bar.show_index(None)  # no index for this profile
        assert bar.index.text() == ""
    finally:
        QLocale.setDefault(previous)
