"""Translating the texts the Qt-free layers (api/, desk/, settings/) hand to the UI.

They are marked where they are defined, with b24desk.translatable's QT_TRANSLATE_NOOP, in
the "errors" or "texts" context; the UI translates the text it is given with these helpers.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from b24desk.api.types import CrmEntityType
from b24desk.translatable import QT_TRANSLATE_NOOP

ERRORS = "errors"  # context of every error message (see ui/errors.py)
TEXTS = "texts"  # context of the other texts from below the UI

# The UI's own names of the entity types.
ENTITY_PLURAL = {
    CrmEntityType.LEAD: QT_TRANSLATE_NOOP("texts", "Leads"),
    CrmEntityType.DEAL: QT_TRANSLATE_NOOP("texts", "Deals"),
    CrmEntityType.CONTACT: QT_TRANSLATE_NOOP("texts", "Contacts"),
    CrmEntityType.COMPANY: QT_TRANSLATE_NOOP("texts", "Companies"),
}
ENTITY_SINGULAR = {
    CrmEntityType.LEAD: QT_TRANSLATE_NOOP("texts", "Lead"),
    CrmEntityType.DEAL: QT_TRANSLATE_NOOP("texts", "Deal"),
    CrmEntityType.CONTACT: QT_TRANSLATE_NOOP("texts", "Contact"),
    CrmEntityType.COMPANY: QT_TRANSLATE_NOOP("texts", "Company"),
}


def error_text(message: str) -> str:
    """An error message from below the UI, in the UI's language."""
    return QCoreApplication.translate(ERRORS, message)


def text(source: str) -> str:
    """A note or label from below the UI, in the UI's language."""
    return QCoreApplication.translate(TEXTS, source)
