"""Turning any failure into one sentence a supervisor can act on."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from b24desk.settings.errors import ConfigError

from .texts import error_text


def user_text(error: BaseException, generic: str = "") -> str:
    """The error's own supervisor-facing message, else `generic`; never a traceback.

    Messages are translated in the "errors" context they are marked in where defined.
    """
    if isinstance(error, ConfigError):
        return error_text(error.template).format(**error.fields)
    message = getattr(error, "user_message", None)
    if isinstance(message, str) and message:
        return error_text(message)
    return generic or QCoreApplication.translate(
        "errors", "Something went wrong. Try again; if it keeps happening, see the log."
    )
