"""Turning any failure into one sentence a supervisor can act on."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication


def user_text(error: BaseException, generic: str = "") -> str:
    """The error's own supervisor-facing message, else `generic`; never a traceback."""
    message = getattr(error, "user_message", None)
    if isinstance(message, str) and message:
        return QCoreApplication.translate("errors", message)
    return generic or QCoreApplication.translate(
        "errors", "Something went wrong. Try again; if it keeps happening, see the log."
    )
