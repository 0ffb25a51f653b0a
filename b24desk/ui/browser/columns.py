"""The browser's columns: which REST field each sorts by, and the portal's status names."""

from __future__ import annotations

from enum import IntEnum

from PySide6.QtGui import QColor

from b24desk.api.types import CrmEntityType, Entity, StatusNames


class Column(IntEnum):
    ID = 0
    NAME = 1
    STATUS = 2
    RESPONSIBLE = 3
    CONTACT = 4
    MODIFIED = 5


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
    }.get(column)


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
