"""Portal timestamps as the supervisor reads them: their own clock, their locale's format."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QDate, QDateTime, QLocale, QTime


def short_date(moment: datetime | None) -> str:
    """The day of a portal timestamp, in local time and the UI locale's short format."""
    if moment is None:
        return ""
    if moment.tzinfo is not None:
        moment = moment.astimezone()
    locale = QLocale()
    if locale.language() == QLocale.Language.C:
        return moment.strftime("%Y-%m-%d")
    day = QDate(moment.year, moment.month, moment.day)
    return locale.toString(day, QLocale.FormatType.ShortFormat)


def short_datetime(moment: datetime | None) -> str:
    """A portal timestamp in local time, in the UI locale's short format ("" when unknown)."""
    if moment is None:
        return ""
    if moment.tzinfo is not None:
        # Bitrix24 sends the portal's offset; the supervisor reads their own clock.
        moment = moment.astimezone().replace(tzinfo=None)
    locale = QLocale()
    if locale.language() == QLocale.Language.C:
        # The C locale's short format ("18 11 2026 08:47") reads like no real calendar.
        return moment.strftime("%Y-%m-%d %H:%M")
    shown = QDateTime(
        QDate(moment.year, moment.month, moment.day),
        QTime(moment.hour, moment.minute, moment.second),
    )
    return locale.toString(shown, QLocale.FormatType.ShortFormat)
