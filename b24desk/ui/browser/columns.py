"""The browser's columns: which REST field each sorts by, the portal's status names, and a
deal's amount and client."""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from enum import IntEnum

from PySide6.QtCore import QLocale
from PySide6.QtGui import QColor

from b24desk.api.types import CrmEntityType, CrmRef, Entity, StatusNames


class Column(IntEnum):
    ID = 0
    NAME = 1
    STATUS = 2
    RESPONSIBLE = 3
    CONTACT = 4
    MODIFIED = 5
    # Deals only (the browser shows them after the stage, and no phone/e-mail column).
    AMOUNT = 6
    CLIENT = 7


DEAL_ONLY = (Column.AMOUNT, Column.CLIENT)


_STATUS_FIELD = {
    CrmEntityType.LEAD: "STATUS_ID",
    CrmEntityType.DEAL: "STAGE_ID",
    CrmEntityType.CONTACT: "TYPE_ID",
    CrmEntityType.COMPANY: "COMPANY_TYPE",
}


def sort_field(entity_type: CrmEntityType, column: Column) -> str | None:
    """The REST field a column sorts by; None for the phone/e-mail column (multi-field)."""
    if column is Column.NAME:
        return "LAST_NAME" if entity_type is CrmEntityType.CONTACT else "TITLE"
    if column is Column.STATUS:
        return _STATUS_FIELD[entity_type]
    return {
        Column.ID: "ID",
        Column.RESPONSIBLE: "ASSIGNED_BY_ID",
        Column.MODIFIED: "DATE_MODIFY",
        Column.AMOUNT: "OPPORTUNITY",
    }.get(column)


# Signs the locale's currency format puts where the symbol goes; other codes follow the number.
_SYMBOLS = {
    "RUB": "₽", "USD": "$", "EUR": "€", "GBP": "£", "KZT": "₸", "UAH": "₴", "BYN": "Br",
    "CNY": "¥", "JPY": "¥", "TRY": "₺", "INR": "₹",
}  # fmt: skip


def money(amount: Decimal | None, currency: str, locale: QLocale | None = None) -> str:
    """An amount as the supervisor's locale writes money: "150 000,00 ₽", "$1,500.00"."""
    if amount is None:
        return ""
    locale = locale or QLocale()
    if locale.language() == QLocale.Language.C:  # no grouping at all: read as English
        locale = QLocale(QLocale.Language.English, QLocale.Country.UnitedStates)
    symbol = _SYMBOLS.get(currency.upper())
    if symbol is None:
        return f"{locale.toString(float(amount), 'f', 2)} {currency}".strip()
    return locale.toCurrencyString(float(amount), symbol)


def client_refs(entity: Entity) -> tuple[CrmRef, ...]:
    """The contact and the company a deal is for (either may be missing)."""
    refs = []
    if entity.contact_id is not None:
        refs.append(CrmRef(CrmEntityType.CONTACT, entity.contact_id))
    if entity.company_id is not None:
        refs.append(CrmRef(CrmEntityType.COMPANY, entity.company_id))
    return tuple(refs)


def client_text(entity: Entity, names: Mapping[CrmRef, str]) -> str:
    """ "Contact, Company", each by name once known, by ID until then."""
    return ", ".join(names.get(ref) or f"#{ref.id}" for ref in client_refs(entity))


class StatusLabels:
    """The portal's names and colours for status codes; a code it has not named shows as
    itself."""

    def __init__(self, names: StatusNames | None = None) -> None:
        self._names: StatusNames = names or {}
        self._swatches: dict[str, QColor] = {}  # "#RRGGBB" -> its colour, made once

    def text(self, entity: Entity) -> str:
        """The status's name; a deal's stage after its pipeline's ("Сервис · Диагностика")
        when the portal has several pipelines, as stages of two pipelines may share names."""
        known = self._names.get(entity.type, {}).get(entity.status)
        if known is None:
            return entity.status
        return f"{known.pipeline} · {known.name}" if known.pipeline else known.name

    def swatch(self, entity: Entity) -> QColor | None:
        known = self._names.get(entity.type, {}).get(entity.status)
        if known is None or not known.color:
            return None
        swatch = self._swatches.get(known.color)
        if swatch is None:
            swatch = self._swatches[known.color] = QColor(known.color)
        return swatch
