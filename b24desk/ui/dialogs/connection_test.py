"""What a failed connection test means: its reason in plain words, and whether waiting helps.

A failure that cannot change by itself (an insecure or malformed URL, a wrong webhook code or
credentials) refuses the entry until it is changed; a network or portal hiccup does not.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from b24desk.api.coded_errors import (
    ApplicationNotFoundError,
    InvalidTokenError,
    SignInRequiredError,
)
from b24desk.api.errors import ConfigurationError
from b24desk.settings.errors import ConfigError
from b24desk.settings.profiles import ProfileKind
from b24desk.translatable import QT_TRANSLATE_NOOP

from ..errors import user_text
from ..plaintext import visible
from ..style import Tone, text_style
from ..texts import error_text
from .connection_entry import ConnectionReport

# Said by the test where the error's own message speaks of a connection already in use.
_WRONG_CODE = QT_TRANSLATE_NOOP(
    "errors",
    "The webhook code is wrong, or the webhook was deleted in Bitrix24. "
    "Copy the webhook URL from Bitrix24 again.",
)
_WRONG_CREDENTIALS = QT_TRANSLATE_NOOP(
    "errors", "Bitrix24 did not accept the client ID, the client secret or the refresh token."
)
_DEAD_REFRESH_TOKEN = QT_TRANSLATE_NOOP(
    "errors",
    "The refresh token is no longer valid. Open the application in Bitrix24 and take a new one.",
)
_LASTING = (
    ConfigError,
    ConfigurationError,
    InvalidTokenError,
    SignInRequiredError,
    ApplicationNotFoundError,
)


def is_lasting(error: BaseException) -> bool:
    """Whether the entry itself is at fault, so testing it again would fail the same way."""
    return isinstance(error, _LASTING)


def failure_text(error: BaseException, kind: ProfileKind, generic: str) -> str:
    """The test's failure in words that name its reason; `generic` when nothing does."""
    if isinstance(error, InvalidTokenError):
        return error_text(_WRONG_CODE if kind is ProfileKind.WEBHOOK else _WRONG_CREDENTIALS)
    if isinstance(error, SignInRequiredError):
        return error_text(_DEAD_REFRESH_TOKEN)
    return user_text(error, generic)


def report_text(report: ConnectionReport) -> tuple[str, str]:
    """A passed test in words (who on which portal, missing scopes by name) and its style."""
    # The dialog's own texts, in its translation context.
    who = visible(report.user_full_name) or QCoreApplication.translate(
        "ConnectionDialog", "an unnamed user"
    )
    portal = QCoreApplication.translate("ConnectionDialog", "Portal: {host}").format(
        host=report.portal_host
    )
    if not report.missing_scopes:
        text = QCoreApplication.translate(
            "ConnectionDialog", "Connected as {name} — all scopes present"
        ).format(name=who)
        return f"{text}\n{portal}", text_style(Tone.OK)
    text = QCoreApplication.translate(
        "ConnectionDialog",
        "Connected as {name}, but these permissions are missing: {scopes}. "
        "Add them to the webhook or application in Bitrix24.",
    ).format(name=who, scopes=", ".join(report.missing_scopes))
    return f"{text}\n{portal}", text_style(Tone.WARNING)
